"""Level labels a text dump broke over rows, read back as one label.

A PDF's text dump of a form with narrow level columns prints each piece of a label on a row of
its own, the level's printed weight too:

    (30分)
    经济效益
    指标
    指标1:全市安全度汛 | | | 10 | 10
    可持续影
    响指标
    满意度指标
    (10分)
    服务对象
    满意度指标

A row holding a single short text cell that starts a level label is kept until the pieces make
a label (经济效益 + 指标 → 经济效益指标); a row holding only a weight ('(30分)') gives the weight
of the label next to it — the label just read, or else the 一级 level of the rows that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.grid import GridRow, squash
from reportparse.parse.form.levellabels import LEVEL_WORDS

#: A row's only cell holds a level's printed weight: '(50分)', '（10 分）'.
_WEIGHT_ONLY = lazy_compile(r"^[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]$")
#: Longest piece of a broken label (a name is longer, or numbered: 指标1：…).
_MAX_PIECE = 8


@dataclass
class Piece:
    """What a fragment row gave: a finished label (kind 1 or 2), a weight, or a part kept."""

    label: str = ""
    kind: int = 0
    weight: Decimal | None = None


@dataclass
class Fragments:
    """The pieces of a broken level label read so far."""

    text: str = ""
    finished: bool = False  # the row before finished a label ('经济效益', whose '指标' may follow)

    def feed(self, row: GridRow, kind_of: object) -> Piece | None:
        """Take a row that is a piece of a level label or a weight on its own; None for any other
        row (which also drops an unfinished label). `kind_of` is `indicators.label_kind`."""
        filled = [squash(cell.text) for cell in row.cells if squash(cell.text) and not cell.merged]
        if len(filled) != 1:
            self.text = ""
            # (a row of level labels only, '效益指标 | 社会效益': its last label's '指标' may follow alone)
            self.finished = bool(filled) and all(kind_of(text) for text in filled)  # type: ignore[operator]
            return None
        text = filled[0]
        finished, self.finished = self.finished, False
        if finished and text in ("指标", "指标等"):
            return Piece()  # the rest of a label that was whole without it ('经济效益' + '指标')
        weight = _WEIGHT_ONLY.match(text)
        if weight:
            self.text = ""
            return Piece(weight=Decimal(weight.group(1)))
        if re.search(r"\d", text) or len(text) > _MAX_PIECE:
            self.text = ""
            return None
        joined = self.text + text
        kind = kind_of(joined)  # type: ignore[operator]
        if kind:
            self.text = ""
            self.finished = True
            return Piece(label=joined, kind=kind)
        if _starts_label(joined):
            self.text = joined
            return Piece()
        self.text = ""
        return None


@cache
def _label_words() -> tuple[str, ...]:
    return tuple(f"{word}指标" for word in LEVEL_WORDS)


def _starts_label(text: str) -> bool:
    """The start of a level label ('经济效益', '可持续影', '服务对象')."""
    return any(word.startswith(text) for word in _label_words())
