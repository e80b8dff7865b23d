"""Plain-text input: the pinyin a mirror site prints after characters, left out.

Some sites that copy government pages convert them to traditional script and print the reading of
a character in brackets right after it, as ruby flattened into the text: '部門(mén)項(xiàng)目',
'財(cái)政'. The readings split labels ('項目名稱' becomes '項(xiàng)目名稱') and names, so they are
left out before anything else reads the text. A bracket is a reading when it holds one pinyin
syllable right after a Han character; a syllable without a tone mark ('們(men)') only counts in a
text that has tone-marked ones, so a document's own '(a)' or '(de)' stays.
"""

from __future__ import annotations

import re

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# The two patterns below are a reading only when a Han character comes right before the bracket. That is
# tested on each match (`_after_han`) rather than by a lookbehind `(?<=[\u4e00-\u9fff])`, whose range `re`
# compiles one code point at a time (about a millisecond in every text check). No match can start inside
# another (a match holds no opening bracket after its first character), so the matches are the same.
#: A bracketed syllable with a tone mark in it.
_TONED_READING = lazy_compile(rf"[(（][a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*[)）]")
#: A bracketed syllable, tone mark or not.
_ANY_READING = lazy_compile(rf"[(（][a-zü{_TONED}]{{1,6}}[)）]")
#: Fewest tone-marked readings for a text to be such a mirror's copy.
_MIN_TONED = 3


def drop_readings(text: str) -> tuple[str, int]:
    """`text` without the pinyin readings printed after its characters, and how many there were."""
    if sum(_after_han(reading) for reading in _TONED_READING.finditer(text)) < _MIN_TONED:
        return text, 0
    dropped = 0

    def drop(reading: re.Match[str]) -> str:
        nonlocal dropped
        if not _after_han(reading):
            return reading.group()
        dropped += 1
        return ""

    return _ANY_READING.sub(drop, text), dropped


def _after_han(reading: re.Match[str]) -> bool:
    """Whether a Han character is printed right before the bracket."""
    start = reading.start()
    return start > 0 and is_han(reading.string[start - 1])
