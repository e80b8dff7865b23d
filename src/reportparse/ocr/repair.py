"""Characters the recogniser is unsure of, put right where the forms' own words say how.

A recognised character below `REPAIR_BELOW` confidence that has a known look-alike (the table
`lexicon/ocr_confusions.json`: 率 printed small comes out as 串) is replaced by it when the
look-alike completes one of the table's words with the characters read before it (完成串 →
完成率), or ends one whose start wrapped onto the line above (成串 at a line's start).
An unsure strict comparator before a number (>100) is read as the bound forms print (≥100), whose
thin lower bar the recogniser loses (the table's `bounds`). Nothing else is guessed: a word outside
the table, or a sure character, stays as read, and the replaced character keeps its low confidence
(a finding quoting it is marked ocr-uncertain).
"""

from __future__ import annotations

import functools
import json
from dataclasses import replace
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportparse.ocr.recognise import OcrChar

#: A character read at least this surely is left as it is.
REPAIR_BELOW = 0.9


@functools.lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resources.files("reportparse").joinpath("lexicon", "ocr_confusions.json")
                                        .read_text(encoding="utf-8"))
    return loaded


def _table() -> tuple[dict[str, str], frozenset[str]]:
    return dict(_raw()["lookalikes"]), frozenset(_raw()["words"])


def _bounds() -> dict[str, str]:
    return dict(_raw()["bounds"])


def repair_line(line: list[OcrChar]) -> list[OcrChar]:
    """The line with unsure look-alikes replaced where a word of the table says so, and unsure
    strict comparators before a number read as the bounds forms print."""
    lookalikes, words = _table()
    bounds = _bounds()
    longest = max((len(w) for w in words), default=0)
    out = list(line)
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
