"""The Han-character tests say what the regular expressions they replace say."""

from __future__ import annotations

import random
import re

from reportparse.han import han_count, han_run, has_han, is_han, is_han_line, is_han_word, one_han_between
from reportparse.normalise.quantities import _is_enumerator, _section_number
from reportparse.parse.form.grid import _PINYIN_RUBY, _ruby_after_han
from reportparse.parse.form.runs import _declared_units
from reportparse.parse.goallists import _counted_rate, results_leads
from reportparse.parse.goalwords import list_commas
from reportparse.parse.reading import _broken_decimals
from reportparse.readers.text.fragments import _unit_word
from reportparse.readers.text.prose import _dotted_heading, _label_start
from reportparse.readers.text.ruby import drop_readings
from reportparse.readers.text.signals import (
    ENDS_WITH_QUANTITY_RE,
    QUANTITY_RE,
    ends_with_quantity,
    is_quantity,
)

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
    rates = _token_texts(["完成率", "率", "满意", "\n", "合格率\n"], 2000, 8)
    for text in [*_marked_texts(6000), *rates, *examples]:
        assert _label_start(text) == (label.match(text) is not None), text
        assert _unit_word(text) == (unit.fullmatch(text) is not None), text
        assert _counted_rate(text) == (rate.match(text) is not None), text


def test_section_numbers_need_a_han_character_after_them() -> None:
    old = re.compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\s+(?=[\u4e00-\u9fff])")
    examples = ["3.2 绩效分析", "1.2.3 项目", "5.45 万元", "1.2.3.4.5 项目", "123.4 项目", "3.2 "]
    numbered = _token_texts(["3.2 ", "1.2.3 ", "5.45 万元", "12", ".", "\u3000", "绩效分析"], 3000, 7)
    for text in [*_marked_texts(3000), *numbered, *examples]:
        for pos in range(len(text) + 1):
            expected = old.match(text, pos)
            got = _section_number(text, pos)
            assert (got and got.span()) == (expected and expected.span()), (text, pos)
    assert _is_enumerator("3.2 绩效分析", 0)
    assert not _is_enumerator("5.45 万元", 0)


def _token_texts(tokens: list[str], count: int, seed: int) -> list[str]:
    """Texts strung from words and marks, so that the patterns below find something to match."""
    rng = random.Random(seed)
    alphabet = [*tokens, "\u4e00", "\u9fff", "\u4dff", "\ua000", "项目", "a", "1", " ", "，", "。", "：", "\n"]
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 10))) for _ in range(count)]


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_the_lookarounds_tested_on_the_match_agree_with_re() -> None:
    ruby = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-z\u00e0-\u00fc\u0101-\u01dc]{1,6}[)）]")
    for text in _token_texts(["(", "（", ")", "）", "xiàng", "zhuǎn", "ab", "(bǔ)", "指標"], 4000, 1):
        assert _PINYIN_RUBY.sub(_ruby_after_han, text) == ruby.sub("", text), text
    unit = re.compile(r"单位\s*[:：]\s*(万元|元)(?![\u4e00-\u9fff])")
    for text in _token_texts(["单位", "金额单位：万元", "单位:元", ":", "万元", "元", "万", "\t"], 4000, 2):
        assert _declared_units(text) == unit.findall(text), text
    decimal = re.compile(r"(?<=[\u4e00-\u9fff])\d+\.(?P<gap>[ \t\u3000]+)(?=\d+\s*(?:万元|亿元|千元|元|[%％]))")
    for text in _token_texts(["预算35.", "35.", "执行率99.", "a1.", "3", " ", "\u3000", "3万元", "5%", "2元"], 4000, 3):
        assert _spans(_broken_decimals(text)) == _spans(list(decimal.finditer(text))), text
    lead = re.compile(r"(?<![\u4e00-\u9fff])(?:绩效)?指标(?:完成|实现)情况(?:分析|如下)?\s*[。:：]\s*")
    leads = ["绩效指标完成情况：", "指标实现情况分析。", "指标完成情况如下:", "绩效", "指标", "情况"]
    for text in _token_texts(leads, 4000, 4):
        assert _spans(results_leads(text)) == _spans(list(lead.finditer(text))), text
    conjunctions = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:和(?!谐)|及(?![时格])|与)(?=[\u4e00-\u9fff]{2})")
    for text in _token_texts(["和", "及", "与", "谐", "时", "格", "道路", "桥"], 4000, 5):
        assert list_commas(text) == conjunctions.sub("、", text), text
    heading = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\s*"
                         r"(?!万|亿|千|元|%|％|个|台|部|件|次|天|年|月|日|小时|分钟|米|公里|公顷|吨|亩|平方|立方)[\u4e00-\u9fff]")
    for text in _token_texts(["1.1 ", "2.3.1项目", "12.", "3", " 万元", "小时", "概况", "\u3000"], 4000, 6):
        assert _dotted_heading(text) == (heading.match(text) is not None), text


def test_mirror_readings_dropped_as_the_lookbehind_patterns_did() -> None:
    toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
    toned_reading = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü{toned}]*[{toned}][a-zü{toned}]*[)）]")
    any_reading = re.compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü{toned}]{{1,6}}[)）]")

    def by_lookbehind(text: str) -> tuple[str, int]:
        return (text, 0) if len(toned_reading.findall(text)) < 3 else any_reading.subn("", text)

    # the character before a bracket, every code point of the BMP and some beyond: a Han one or not
    befores = [chr(code) for code in [*range(0x10000), *range(0x10000, 0x110000, 97)]]
    for before in befores:
        text = f"部(mén)項(xiàng){before}(cái)政(zhèng)"
        assert drop_readings(text) == by_lookbehind(text), hex(ord(before))
    tokens = ["(", "（", ")", "）", "mén", "xiàng", "men", "a", "de", "(cái)", "(zhèng)", "(men)", "（de）",
              "(lǜxiàngxiàng)", "財(cái)", "項(xiàng)", "們(men)",
              "部門", "項", "\u4e00", "\u9fff", "\u4dff", "\ua000", "a", "1", " ", "，", "\n"]
    rng = random.Random(20261206)
    for _ in range(6000):
        text = "".join(rng.choice(tokens) for _ in range(rng.randint(0, 30)))
        assert drop_readings(text) == by_lookbehind(text), text


#: figures, units and comparators, and letters outside ASCII that are no Han characters: full-width Latin,
#: Greek, kana, a roman numeral, a circled figure, 〇 (a letter of its own), the block's edges
_QUANTITY_TOKENS = ["1", "2", "0", ".", "5", "%", "％", "万元", "元", "人", "次", "/", "·", " ", "约", "≥", "不低于",
                    "以上", "左右", "个", "小时", "三", "两", "km", "m", "ｋｍ", "μ", "ア", "Ⅲ", "①", "〇", "，", "。",
                    "\u4e00", "\u9fff", "\u4dff", "\ua000", "和", "的", "\n"]


def test_the_han_block_is_letters_to_re() -> None:
    letters = re.compile(r"[^\W\d_a-zA-Z]")
    assert all(letters.match(chr(code)) for code in range(0x4E00, 0xA000))


def test_quantity_twins_decide_as_the_patterns() -> None:
    rng = random.Random(20261208)
    texts = ["".join(rng.choice(_QUANTITY_TOKENS) for _ in range(rng.randint(0, 7))) for _ in range(20000)]
    texts += ["19.96 万元", "2万元/部", "≥5部", "5 ｋｍ", "5μg/人", "约3ア", "100%以上", "一周", "合计5Ⅲ"]
    for text in texts:
        assert is_quantity(text) == (QUANTITY_RE.match(text.strip()) is not None), text
        assert ends_with_quantity(text) == (ENDS_WITH_QUANTITY_RE.search(text) is not None), text
