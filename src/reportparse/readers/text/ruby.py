"""Plain-text input: the pinyin a mirror site prints after characters, left out.

Some sites that copy government pages convert them to traditional script and print the reading of
a character in brackets right after it, as ruby flattened into the text: '部門(mén)項(xiàng)目',
'財(cái)政'. The readings split labels ('項目名稱' becomes '項(xiàng)目名稱') and names, so they are
left out before anything else reads the text. A bracket is a reading when it holds one pinyin
syllable right after a Han character; a syllable without a tone mark ('們(men)') only counts in a
text that has tone-marked ones, so a document's own '(a)' or '(de)' stays.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
#: A bracketed syllable after a Han character, with a tone mark in it.
_TONED_READING = lazy_compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*[)）]")
#: A bracketed syllable after a Han character, tone mark or not.
_ANY_READING = lazy_compile(rf"(?<=[\u4e00-\u9fff])[(（][a-zü{_TONED}]{{1,6}}[)）]")
#: Fewest tone-marked readings for a text to be such a mirror's copy.
_MIN_TONED = 3


def drop_readings(text: str) -> tuple[str, int]:
    """`text` without the pinyin readings printed after its characters, and how many there were."""
    if len(_TONED_READING.findall(text)) < _MIN_TONED:
        return text, 0
    return _ANY_READING.compiled.subn("", text)
