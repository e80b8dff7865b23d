"""Traditional → simplified characters by OpenCC's t2s table, without loading OpenCC for a text it leaves alone.

Importing OpenCC and loading its tables costs a cold check 6–8 ms, and nearly every report is printed in simplified
characters already. `lexicon/t2s_changes.json` (made from OpenCC's own tables by tools/t2s_changes.py, held to the
installed OpenCC by a test) lists what t2s can change: the characters it converts wherever they stand, and by
character the phrases that convert one it keeps alone (覆 stays 覆, 反覆 is 反复). A text with none of them is its
own conversion. The readers use `converted` (a header cell's key), the parser `simplified` (one character for one,
so that offsets stay valid).
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from reportparse.lexicondata import lexicon

if TYPE_CHECKING:
    import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    import opencc  # (only for a text that t2s changes: see the module docstring)

    return opencc.OpenCC("t2s")


@cache
def _t2s_changes() -> tuple[frozenset[str], dict[str, list[str]]]:
    data = lexicon("t2s_changes.json")
    return frozenset(data["characters"]), data["phrases"]


def may_change(text: str) -> bool:
    """Whether t2s can change a character of `text`."""
    characters, phrases = _t2s_changes()
    present = set(text)
    if not characters.isdisjoint(present):
        return True
    return any(phrase in text for char in present.intersection(phrases) for phrase in phrases[char])


def converted(text: str) -> str:
    """`text` as OpenCC's t2s converts it (a phrase rule may change its length)."""
    return str(_converter().convert(text)) if may_change(text) else text


@lru_cache(maxsize=8192)
def simplified(text: str) -> str:
    """`text` in simplified characters, one character for one (so offsets stay valid)."""
    if not may_change(text):
        return text
    whole = str(_converter().convert(text))
    if len(whole) == len(text):
        return whole
    # a phrase rule changed the length: convert character by character instead
    return "".join(c if len(c) == 1 else ch for ch in text for c in [str(_converter().convert(ch))])
