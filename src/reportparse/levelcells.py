"""Where the cells of one row of a score table with a 分值 column after every level go.

Such a table ('一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分', a 综合评价 score table) prints a level
label only on the first row of its group, so a row carries k labels, each followed by its 分值, and (when
scored) the 得分 after the last: it fills the last k level columns. Both the text reader (rows split on tabs
or '|') and the form reader (one cell a line) place rows this way, each with its own kind of cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

CellT = TypeVar("CellT")


def spread_level_row(items: Sequence[CellT], labels: list[int], count: int, scored: bool,
                     blank: Sequence[CellT]) -> list[CellT]:
    """`blank` (the row as wide as the table) with `items` put under the last `count` of the level columns
    `labels`: label, 分值, label, 分值 … and the 得分 two columns after the last label when `scored`; an
    unscored row (cut by the page) keeps its last label without a 分值."""
    placed = list(blank)
    for k, col in enumerate(labels[len(labels) - count:]):
        placed[col] = items[2 * k]
        if 2 * k + 1 < len(items) and (scored or k < count - 1):
            placed[col + 1] = items[2 * k + 1]
    if scored:
        placed[labels[-1] + 2] = items[-1]
    return placed
