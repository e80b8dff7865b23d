"""The Han-character tests say what the regular expressions they replace say."""

from __future__ import annotations

import random
import re

from reportparse.han import han_count, han_run, has_han, is_han, is_han_line, is_han_word, one_han_between
from reportparse.normalise.quantities import _is_enumerator, _section_number
from reportparse.parse.goallists import _counted_rate
from reportparse.readers.text.blocks import _label_start
from reportparse.readers.text.signals import _unit_word

_HAN = re.compile(r"[\u4e00-\u9fff]")
#: edges of the block and their neighbours, ASCII, full-width punctuation, an astral character
_ALPHABET = ["\u4dff", "\u4e00", "\u4e01", "\u9ffe", "\u9fff", "\ua000", "a", "1", " ", "，", "（", "𠀀", "和", "人",
             "老", "年"]
#: what the label, unit, rate and section-number tests turn on: colons, brackets, quotes, slashes, the
#: punctuation a unit may end with, newlines, digits, dots and spaces
_MARKS = ["：", ":", "（", "）", "(", ")", "“", "”", "/", "、", "。", "；", "\n", "率", "2", ".", " ", "\u3000"]


def _texts(count: int) -> list[str]:
    rng = random.Random(20261206)
    return ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12))) for _ in range(count)]


def test_is_han_is_the_block() -> None:
    assert [is_han(c) for c in ("\u4dff", "\u4e00", "\u9fff", "\ua000", "𠀀", "a")] == [
        False, True, True, False, False, False]


def test_has_han_and_han_count_agree_with_re() -> None:
    for text in _texts(2000):
        assert has_han(text) == (_HAN.search(text) is not None), text
        assert han_count(text) == len(_HAN.findall(text)), text


def test_one_han_between_agrees_with_re() -> None:
    assert one_han_between("老", "人", "服务老年人数量")
    assert not one_han_between("老", "人", "服务老人数量")
    for text in _texts(2000):
        for first, last in (("老", "人"), ("a", "1"), ("和", "和"), ("\u4e00", "，")):
            expected = re.search(re.escape(first) + r"[\u4e00-\u9fff]" + re.escape(last), text) is not None
            assert one_han_between(first, last, text) == expected, (first, last, text)


def _marked_texts(count: int, longest: int = 18) -> list[str]:
    rng = random.Random(20261207)
    alphabet = _ALPHABET + _MARKS
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_han_words_and_lines_agree_with_re() -> None:
    for text in _texts(1000) + _marked_texts(3000, 8):
        for shortest, longest in ((1, 1), (1, 3), (2, 5), (2, 6), (2, 16)):
            word = re.fullmatch(rf"[\u4e00-\u9fff]{{{shortest},{longest}}}", text) is not None
            line = re.match(rf"^[\u4e00-\u9fff]{{{shortest},{longest}}}$", text) is not None
            assert is_han_word(text, shortest, longest) == word, (text, shortest, longest)
            assert is_han_line(text, shortest, longest) == line, (text, shortest, longest)
        assert han_run(text) == len(re.match(r"[\u4e00-\u9fff]*", text).group()), text


def test_the_rewritten_patterns_agree_with_re() -> None:
    label = re.compile(r"^[\u4e00-\u9fff（）()“”]{2,14}[：:]")
    unit = re.compile(r"[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,2})?[，,、；;。]?")
    rate = re.compile(r"^[\u4e00-\u9fff]{1,4}率$")
    examples = ["数量指标：", "满意度指标(一)：x", "“三公”经费：", "公里", "万元/部，", "完成率", "完成率\n", "率"]
    for text in [*_marked_texts(6000), *examples]:
        assert _label_start(text) == (label.match(text) is not None), text
        assert _unit_word(text) == (unit.fullmatch(text) is not None), text
        assert _counted_rate(text) == (rate.match(text) is not None), text


def test_section_numbers_need_a_han_character_after_them() -> None:
    old = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\s+(?=[\u4e00-\u9fff])")
    examples = ["3.2 绩效分析", "1.2.3 项目", "5.45 万元", "1.2.3.4.5 项目", "123.4 项目", "3.2 "]
    for text in [*_marked_texts(6000), *examples]:
        for pos in range(len(text) + 1):
            expected = old.match(text, pos)
            got = _section_number(text, pos)
            assert (got and got.span()) == (expected and expected.span()), (text, pos)
    assert _is_enumerator("3.2 绩效分析", 0)
    assert not _is_enumerator("5.45 万元", 0)
