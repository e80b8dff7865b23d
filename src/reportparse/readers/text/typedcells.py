"""Plain-text input: an indicator row whose gaps dropped its empty cells, put back under its columns by what
each cell is.

A web page's copy parts a row's cells by runs of spaces and leaves its empty cells out, so a row short of its
header's width no longer says which of its cells stand under which column:

    三级指标    指标性质    指标值    度量单位    完成值    权重    得分    未完成原因
    发放覆盖率    =    100    %    60

Each cell's kind tells the columns it may stand under: a comparator or 定量/定性 under 指标性质, a unit alone
under 度量单位, a plain figure under 分值/得分 (or a value column), a reason's words never a plain figure.
Every way of laying the cells left to right under columns they fit is tried; of those that fill the most of
the columns a row fills first (the 分值, then the 得分, the target, the result), a cell goes where all
of them put it, and
a cell they put in different places is left out: a row read with fewer cells is better than a figure read
under the wrong column (60 above is the weight, or the score, or the result: the row's 权重 gets it, since a
weight is printed wherever a score is).
"""

from __future__ import annotations

from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.normalise.comparators import DIRECTION_WORDS
from reportparse.readers.text.signals import (
    ACTUAL,
    NATURE,
    REASON,
    REMARK,
    SCORE,
    TARGET,
    UNIT,
    WEIGHT,
    has_digit,
    is_comparator_only,
    is_plain_number,
    starts_with_unit,
)

#: A unit printed in a cell of its own ('%', '万元', '人次', 'km'): short, no figure.
_MAX_UNIT_CHARS = 4
#: A cell that says it is empty ('/', '—', '-', '无').
_PLACEHOLDER_RE = lazy_compile(r"^(?:[—\-－/／]+|无)$")
#: The 指标性质 of a quantitative indicator, which names no direction (定性 and the directions are in
#: DIRECTION_WORDS).
_QUANTITATIVE = "定量"
#: A column whose title gives its unit as a percent ('得分系数(%)', '完成率（%）') holds percents only.
_PERCENT_TITLE_RE = lazy_compile(r"[(（]\s*[%％]\s*[)）]")
_PERCENT_CELL_RE = lazy_compile(r"^\d+(?:\.\d+)?\s*[%％]$")
_PERCENT = "percent"
#: The columns a row fills first, and how much leaving each empty costs a layout.
_FILLED_FIRST = ((WEIGHT, 16), (SCORE, 8), (_PERCENT, 8), (TARGET, 4), (ACTUAL, 2))
#: Most cells of a row tried: more and the row is left as it is.
_MAX_CELLS = 12


def typed_cells(titles: list[str], roles: list[str], cells: list[str]) -> list[str] | None:
    """The row's cells after its name laid under the columns after the name column (their `titles` and
    `roles`, one a column), "" where a column gets no cell; None when the cells fit no such layout (the row
    is left as it is)."""
    if not cells or len(cells) >= len(roles) or len(cells) > _MAX_CELLS:
        return None
    kinds = tuple(_PERCENT if _PERCENT_TITLE_RE.search(title) else role
                  for title, role in zip(titles, roles, strict=True))
    layouts = [layout for layout in _layouts(kinds, tuple(cells)) if _plausible(kinds, cells, layout)]
    if not layouts:
        return None
    best = min(_cost(kinds, layout) for layout in layouts)
    chosen = [layout for layout in layouts if _cost(kinds, layout) == best]
    out = [""] * len(roles)
    for c, cell in enumerate(cells):
        homes = {layout[c] for layout in chosen}
        if len(homes) == 1:
            out[homes.pop()] = cell
    return out


def _plausible(kinds: tuple[str, ...], cells: list[str], layout: tuple[int, ...]) -> bool:
    """No score above its weight: a layout that puts one there has taken a result or a weight for a score."""
    placed = {kinds[col]: cells[c].strip() for c, col in enumerate(layout)}
    weight, score = placed.get(WEIGHT, ""), placed.get(SCORE, "")
    return not (is_plain_number(weight) and is_plain_number(score) and float(score) > float(weight))


def _cost(roles: tuple[str, ...], layout: tuple[int, ...]) -> int:
    """How far a layout leaves the columns a row fills first empty (the first of each role): the 分值 most (a
    score is only ever printed beside its weight), then the 得分 and a column of percents beside it (a 得分系数),
    then the target (the template's part, printed before the year's result is), then the result (a second
    target column, the 调整后 one, is most often blank, and a reason is written only where a figure falls
    short); last, each column skipped between the cells (a row is read as printed where its kinds allow)."""
    skipped = layout[-1] + 1 - len(layout) if layout else 0
    return skipped + sum(weight for role, weight in _FILLED_FIRST if role in roles and roles.index(role) not in layout)


@cache
def _layouts(roles: tuple[str, ...], cells: tuple[str, ...]) -> list[tuple[int, ...]]:
    """Every way of putting the cells, in their order, under distinct columns left to right that they fit."""
    out: list[tuple[int, ...]] = []

    def place(c: int, first_free: int, taken: tuple[int, ...]) -> None:
        if c == len(cells):
            out.append(taken)
            return
        for col in range(first_free, len(roles) - (len(cells) - c - 1)):
            if fits(roles[col], cells[c]):
                place(c + 1, col + 1, (*taken, col))

    place(0, 0, ())
    return out


def fits(role: str, cell: str) -> bool:
    """A cell of this kind may stand under a column of this role."""
    text = cell.strip()
    if _PLACEHOLDER_RE.match(text):
        return True
    if role == NATURE:
        return is_comparator_only(text) or _nature_word(text)
    if role == UNIT:
        return _unit_alone(text) or _unit_like(text)
    if role in (WEIGHT, SCORE):
        return is_plain_number(text)
    if role == _PERCENT:
        return _PERCENT_CELL_RE.match(text) is not None
    if role in (TARGET, ACTUAL):
        return not _unit_alone(text) and not _nature_word(text) and not is_comparator_only(text)
    if role in (REASON, REMARK):
        return not is_plain_number(text) and not _unit_alone(text) and not is_comparator_only(text)
    return not _unit_alone(text) and not _nature_word(text) and not is_comparator_only(text)


def _unit_alone(text: str) -> bool:
    return 0 < len(text) <= _MAX_UNIT_CHARS and not has_digit(text) and starts_with_unit(text) \
        and not is_comparator_only(text)


def _unit_like(text: str) -> bool:
    """A short word with no figure ('公里', '平方米'): a unit under a 度量单位 column, though it might be a
    worded target elsewhere."""
    return 0 < len(text) <= _MAX_UNIT_CHARS and not has_digit(text) and not is_comparator_only(text) \
        and not _nature_word(text)


def _nature_word(text: str) -> bool:
    word = text.removesuffix("指标")
    return word in DIRECTION_WORDS or word == _QUANTITATIVE
