"""The Han-character tests say what the regular expressions they replace say."""

from __future__ import annotations

import random
import re

from reportparse.parse.han import han_count, has_han, is_han, one_han_between

_HAN = re.compile(r"[\u4e00-\u9fff]")
#: edges of the block and their neighbours, ASCII, full-width punctuation, an astral character
_ALPHABET = ["\u4dff", "\u4e00", "\u4e01", "\u9ffe", "\u9fff", "\ua000", "a", "1", " ", "，", "（", "𠀀", "和", "人",
             "老", "年"]


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
