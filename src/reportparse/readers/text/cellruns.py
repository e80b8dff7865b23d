"""Tables a page copied one cell a line: each cell closed by its '|' ('指标名称 |', '95% |'), or bare ('指标名称',
'95%') inside a report's prose. The header is the run of lines that are column labels (一级指标, 目标值 …) and
gives the width; rows are cut at that width, or at a line holding only '|' where the dump closes its rows.

A cut at the width is only as good as the rows are full: a dump that leaves out a row's merged level cells prints
rows shorter than the header, and cutting them at its width shifts every cell after. Such a cut shows itself (a
figure under the name column, a level label or a template's numbered name under a figure column), and without a
closing line to end rows no row may be short: the reader then declines, and the lines stay lines for the form
reader, which rebuilds rows from what each cell is (parse/form/cells.py).
"""

from __future__ import annotations

from collections.abc import Callable

from reportparse.lazypattern import lazy_compile
from reportparse.readers.text.delimited import MIN_LEADING_ROWS, ROW_END_RE
from reportparse.readers.text.lines import PhysLine
from reportparse.readers.text.signals import (
    ACTUAL,
    L1,
    L2,
    MIN_COLUMN_WORDS,
    NAME,
    SCORE,
    TARGET,
    WEIGHT,
    column_role,
    column_words,
    level_of,
    name_role_fix,
)

Rows = list[tuple[PhysLine, list[str]]]

#: A cell of a dump whose cells each end in '|' ('指标名称 |', '95% |').
_TRAILING_CELL_RE = lazy_compile(r"^([^|｜]+?)\s*[|｜]\s*$")
#: A line that is one bare cell: short, of one piece (no tab, no run of spaces, no '|'), no sentence.
_BARE_CELL_RE = lazy_compile(r"^(?!.*(?:\t|\s{2,}|[|｜]))(.{0,40}?[^。；;，,：:\s])\s*$")
#: A cell of figures and signs only ('≥3', '100%', '7'): a target, result or score, never an indicator's name.
_FIGURE_CELL = lazy_compile(r"^[≥≤><=＞＜＝≧≦约]?\s*\d[\d.,，．%％\s]*$")
#: A template's numbered indicator name ('指标2.化妆品抽验批次', '指标5:药品不良反应报告数').
_NUMBERED_NAME = lazy_compile(r"^指标\d{1,2}\s*[.:：．、]")


def trailing_pipe_rows(lines: list[PhysLine], start: int) -> tuple[Rows, int] | None:
    """Rows of a table dumped one cell a line, each cell ended by '|', the header row closed by a line holding only
    '|' (or not closed, when every row fills the header's width):

        一级指标 |
        二级指标 |
        指标名称 |
        目标值 |
        |
        产出指标 |
        …

    A data row ends after the header's width of cells or at a closing line, whichever comes first. Returns each
    row's line and cells and the index after the table, or None."""
    return _cell_rows(lines, start, _trailing_cell)


def bare_cell_rows(lines: list[PhysLine], start: int) -> tuple[Rows, int] | None:
    """Rows of a table a report's prose holds one bare cell a line ('一级指标' / '二级指标' / '指标名称' / '目标值' /
    '实际完成值' / '产出指标' / …), every row full (its level labels printed on every row); the prose goes on after
    the last full row. None unless every row fills the header's width."""
    return _cell_rows(lines, start, _bare_cell)


def _trailing_cell(text: str) -> str | None:
    match = _TRAILING_CELL_RE.match(text)
    return match.group(1).strip() if match else None


def _bare_cell(text: str) -> str | None:
    match = _BARE_CELL_RE.match(text.strip())
    return match.group(1).strip() if match else None


def _cell_rows(lines: list[PhysLine], start: int, cell_of: Callable[[str], str | None]) -> tuple[Rows, int] | None:
    head: list[str] = []
    i = start
    while i < len(lines) and (cell := cell_of(lines[i].text)) is not None and column_words(cell):
        head.append(cell)
        i += 1
    if len(head) < MIN_COLUMN_WORDS or i >= len(lines):
        return None
    if start > 0 and (above := cell_of(lines[start - 1].text)) is not None and column_words(above):
        return None  # (the header's tail: its first labels stand above)
    closed = bool(ROW_END_RE.match(lines[i].text))
    if not closed and not _indicator_header(head):
        return None  # (rows are then told only by their level labels and figures)
    rows: Rows = [(lines[start], head)]
    first: PhysLine | None = None
    cells: list[str] = []
    at: list[int] = []  # where each row begins
    i += int(closed)
    while i < len(lines):
        text = lines[i].text
        cell = cell_of(text)
        if ROW_END_RE.match(text) or cell is None:
            if first is not None:
                rows.append((first, cells))
            first, cells = None, []
            if cell is None and not ROW_END_RE.match(text):
                break  # prose after the table
        else:
            if first is not None and _opens_row(cells, cell):
                rows.append((first, cells))  # a row short of the header's width: its merged cells left out
                first, cells = None, []
            if first is None:
                first = lines[i]
                at.append(i)
            cells.append(cell)
            if len(cells) == len(head):
                rows.append((first, cells))
                first, cells = None, []
        i += 1
    if first is not None:
        rows.append((first, cells))
    if not closed and len(rows) > 1 and len(rows[-1][1]) < len(head):
        i = at[len(rows) - 2]  # (a heading or a note after the last full row: the prose goes on from it)
        rows.pop()
    if len(rows) < MIN_LEADING_ROWS or any(_misplaced(head, cells) for _, cells in rows[1:]):
        return None
    if not closed and not all(_full(head, cells) for _, cells in rows[1:]):
        return None  # (no closing line to say where a row ends, and rows not full: no cut is sure)
    return rows, i


def _full(head: list[str], cells: list[str]) -> bool:
    """A row that fills the header's width with its level labels printed: a 一级 label under 一级指标, a 二级 label
    under 二级指标 (a row cut at the width across rows would put a name or a figure there)."""
    if len(cells) != len(head):
        return False
    roles = [column_role(cell) for cell in head]
    return all(level_of(cell) == (1 if role == L1 else 2) for role, cell in zip(roles, cells, strict=True)
               if role in (L1, L2))


def _indicator_header(head: list[str]) -> bool:
    """The header of an indicator table whose full rows can be told: a level column (each row prints its level
    labels, which say where it begins), a name column, and a target or a result column."""
    roles = {column_role(cell) for cell in head}
    return NAME in roles and bool(roles & {TARGET, ACTUAL}) and bool(roles & {L1, L2})


def _misplaced(head: list[str], cells: list[str]) -> bool:
    """A row cut at the header's width that took the wrong cells: a figure under the name column, or a level label
    or a template's numbered name ('指标2.…') under a figure column."""
    roles = name_role_fix([column_role(cell) for cell in head], head)
    for role, cell in zip(roles, cells, strict=False):
        if role == NAME and _FIGURE_CELL.match(cell):
            return True
        if role in (TARGET, ACTUAL, WEIGHT, SCORE) and (level_of(cell) or _NUMBERED_NAME.match(cell)):
            return True
    return False


def _opens_row(cells: list[str], cell: str) -> bool:
    """A 一级/二级 label after a row's other cells opens the next row: an indicator row leaves out the
    level cells merged down from the row above, so rows are shorter than the header, and only a level
    label says where the next group's row begins (a 一级 label with its first 二级 begins one row)."""
    kind = level_of(cell)
    if not kind or not cells:
        return False
    before = level_of(cells[-1])
    return not (before == 1 and kind == 2)
