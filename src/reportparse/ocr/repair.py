"""Characters the recogniser is unsure of, put right where the forms' own words say how.

A recognised character below `REPAIR_BELOW` confidence that has a known look-alike (the table
`lexicon/ocr_confusions.json`: 率 printed small comes out as 串) is replaced by it when the
look-alike completes one of the table's words with the characters read before it (完成串 →
完成率), or ends one whose start wrapped onto the line above (成串 at a line's start).
A line of nothing but unsure Latin look-alikes of figures and figures (SU for 50 under a seal's
ring) is read as the figures (the table's `digits`). An unsure strict comparator before a number
(>100) is read as the bound forms print (≥100), whose thin lower bar the recogniser loses (the
table's `bounds`). Nothing else is guessed: a word outside the table, or a sure character, stays
as read, and the replaced character keeps its low confidence (a finding quoting it is marked
ocr-uncertain).

One confusion is put right however sure the recogniser is: a thousands comma is the same mark as
the full-width comma of Chinese prose but for its width, and the recogniser gives either for the
other; a '，' between figures with exactly three figures and a decimal part after it
(146，200.00元) is the amount's thousands comma (a list of figures is never written so).
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reportparse.lexicondata import lexicon

if TYPE_CHECKING:
    from reportparse.ocr.recognise import OcrChar

#: A character read at least this surely is left as it is.
REPAIR_BELOW = 0.9
#: A line longer than this is never read as figures (a cell's figure is short).
MAX_FIGURES = 8


@functools.lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    loaded: dict[str, Any] = lexicon("ocr_confusions.json")
    return loaded


def _table() -> tuple[dict[str, str], frozenset[str]]:
    return dict(_raw()["lookalikes"]), frozenset(_raw()["words"])


def _bounds() -> dict[str, str]:
    return dict(_raw()["bounds"])


def _figures(line: list[OcrChar]) -> list[OcrChar]:
    """The line as figures when it is made of figures and unsure letters that look like figures."""
    digits: dict[str, str] = _raw()["digits"]
    letters = [c for c in line if not (c.char.isdigit() or c.char in ".%")]
    if not letters or len(line) > MAX_FIGURES or any(c.char not in digits or c.confidence >= REPAIR_BELOW
                                                     for c in letters):
        return line
    return [replace(c, char=digits[c.char]) if c.char in digits else c for c in line]


def reads_as_figures(text: str, scores: list[float], sure: float = 0.0) -> bool:
    """Whether a reading is a figure (a cell's value): figures, points and percent signs, each read
    at least `sure`ly, and unsure letters `_figures` reads as figures, with a figure among them."""
    digits: dict[str, str] = _raw()["digits"]
    if not text or len(text) > MAX_FIGURES or len(scores) != len(text) or not any(c.isdigit() for c in text):
        return False
    return all(((c.isdigit() or c in ".%") and score >= sure) or (c in digits and score < REPAIR_BELOW)
               for c, score in zip(text, scores, strict=True))


def repair_line(line: list[OcrChar]) -> list[OcrChar]:
    """The line with unsure look-alikes replaced where a word of the table says so, and unsure
    strict comparators before a number read as the bounds forms print."""
    lookalikes, words = _table()
    bounds = _bounds()
    longest = max((len(w) for w in words), default=0)
    out = _figures(list(line))
    _thousands_commas(out)
    for i, char in enumerate(out):
        if char.char in bounds and char.confidence < REPAIR_BELOW:
            following = "".join(c.char for c in out[i + 1:i + 3]).lstrip()
            if following[:1].isdigit():
                out[i] = replace(char, char=bounds[char.char])
            continue
        right = lookalikes.get(char.char)
        if right is None or char.confidence >= REPAIR_BELOW:
            continue
        before = "".join(c.char for c in out[max(0, i - longest + 1):i])
        candidate = before + right
        # the word may have begun on the line above (a cell's text wrapped: 完 / 成串100%)
        wrapped = i < longest and len(candidate) >= 2 and any(word.endswith(candidate) for word in words)
        if wrapped or any(candidate.endswith(word) for word in words):
            out[i] = replace(char, char=right)
    return out


def _thousands_commas(line: list[OcrChar]) -> None:
    """A full-width comma read between figures where an amount's thousands comma stands (see above)."""
    text = "".join(c.char for c in line)
    for i, char in enumerate(line):
        if (char.char == "，" and i > 0 and text[i - 1].isdigit() and text[i + 1:i + 4].isdigit()
                and len(text[i + 1:i + 4]) == 3 and text[i + 4:i + 5] == "." and text[i + 5:i + 6].isdigit()):
            line[i] = replace(char, char=",")
