"""Plain-text input: a goal table dumped one '|'-closed cell a line with nothing between rows, its level labels
printed on their first row only (a merged cell), so that rows are of different widths and no width cuts them:

    一级指标|  二级指标|  指标名称|  目标值|  完成值|
    产出指标|  数量指标|  建成文化广场|  6个|  6个|
    举办培训班次|  12期|  12期|
    质量指标|  验收合格率|  100%|  100%|

A header whose columns are the level labels, the indicator's name and then only value columns (目标值, 完成值, 分值,
得分 …: cells a row prints, if only empty) says how each row is made: the level labels it prints, its name, and as
many cells as there are value columns. Reading so from the first row on cuts every row where it ends, and each goes
under the header, its labels under the level columns their kind names (the fill-down covers the merged ones).
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.levellabels import row_label_kind
from reportparse.readers.text.barlines import BarTable, Rows
from reportparse.readers.text.lines import PhysLine
from reportparse.readers.text.signals import (
    ACTUAL,
    L1,
    L2,
    MIN_COLUMN_WORDS,
    NAME,
    NATURE,
    SCORE,
    TARGET,
    TOTAL_RE,
    UNIT,
    WEIGHT,
    column_role,
    column_words,
)
from reportparse.summarycolumns import column_role as summary_role
from reportparse.t2s import simplified

#: A line that is one cell closed by its '|'.
_PIPE_CELL = lazy_compile(r"^([^|｜]*?)\s*[|｜]\s*$")
#: The roles of the columns a row fills after its name.
_VALUE_ROLES = (TARGET, ACTUAL, WEIGHT, SCORE, UNIT, NATURE)
#: A cell that is only a figure: no indicator's name.
_FIGURE = lazy_compile(r"^[≥≤><=＞＜＝]?\s*\d[\d.,%％\s]*$")
#: A goal table's block label printed before its header ('年度绩效目标1 (80分)', '绩效指标').
_BLOCK_LABEL = lazy_compile(r"^(?:年度)?绩效(?:目标|指标)\s*\d*\s*(?:[(（]\s*\d+\s*分?\s*[)）])?$")
#: Fewest rows for the cells to be such a table.
_MIN_ROWS = 3


def label_rows(lines: list[PhysLine], start: int) -> BarTable | None:
    """The goal table of '|'-closed cell lines whose header starts at `start`, or None."""
    above = _PIPE_CELL.match(lines[start - 1].text) if start > 0 else None
    if above is not None and _BLOCK_LABEL.search(simplified(above.group(1))):
        return None  # (one of several goal tables under their block labels, '年度绩效目标2(40分)': the label is a
        # column of the Word copy's grid that the rows read here would not carry)
    first = _PIPE_CELL.match(lines[start].text)
    if first is None or len(column_words(first.group(1).strip())) != 1:
        return None  # (no header opens here: tried at every block's first line, so no cells gathered below it)
    cells = _cells(lines, start)
    head = 0
    while head < len(cells) and len(column_words(cells[head][0])) == 1:
        head += 1
    header = [text for text, _ in cells[:head]]
    roles = [column_role(column_words(text)[0]) for text in header]
    if NAME not in roles or not roles[:roles.index(NAME)] or any(role not in (L1, L2) for role in
                                                                 roles[:roles.index(NAME)]):
        return None
    name = roles.index(NAME)
    values = roles[name + 1:]
    if head >= len(cells) or not _label_kind(cells, head):
        return None  # (the first row prints its labels: a header cell the run did not take stands there instead)
    if not values or any(role not in _VALUE_ROLES for role in values):
        return None
    levels = {role: col for col, role in enumerate(roles[:name])}
    rows: Rows = []
    at = head
    while at < len(cells) and not _header_run(cells, at):
        opened = at
        row = [""] * len(header)
        while at < len(cells) and at - opened < name and (kind := _label_kind(cells, at)):
            row[levels.get(L1 if kind == 1 else L2, levels.get(L2 if kind == 1 else L1, 0))] = cells[at][0]
            at += 1
        part = cells[at:at + 1 + len(values)]
        if (len(part) < 1 + len(values) or _label_kind(cells, at) or _FIGURE.match(part[0][0])
                or any(_label_kind(cells, at + k) for k in range(1, len(part)))):
            at = opened
            break
        row[name:] = [text for text, _ in part]
        rows.append((cells[opened][1], row))
        at += len(part)
    if at < len(cells) and TOTAL_RE.match(simplified(cells[at][0])):
        # (the 总分 row: its label, its figures under the last columns, as a Word copy's merged label prints it)
        figures = [text for text, _ in cells[at + 1:at + 1 + len(values)]]
        figures = figures[:next((k for k, text in enumerate(figures) if not _FIGURE.match(text)), len(figures))]
        if figures:
            rows.append((cells[at][1], [cells[at][0]] + [""] * (len(header) - 1 - len(figures)) + figures))
            at += 1 + len(figures)
    # (every row read so to the table's end, the next table's header or a last row the page cut: a row that does
    # not read so means the cells are not what the count says, a value left out: no row is sure)
    if len(rows) < _MIN_ROWS or (at < len(cells) and not _header_run(cells, at)
                                 and len(cells) - at >= len(header)):
        return None
    return BarTable([], [(cells[0][1], header), *rows], _index_after(lines, cells, at), 0)


def _header_run(cells: list[tuple[str, PhysLine]], at: int) -> bool:
    """The table's rows end at `at`: its 总分/合计 row, or the next table's header (a run of column labels, or a
    list's 序号)."""
    return (summary_role(cells[at][0]) == "serial" or bool(TOTAL_RE.match(simplified(cells[at][0])))
            or sum(bool(column_words(text)) for text, _ in cells[at:at + MIN_COLUMN_WORDS]) >= MIN_COLUMN_WORDS)


def _index_after(lines: list[PhysLine], cells: list[tuple[str, PhysLine]], used: int) -> int:
    """The index in `lines` after the last cell read."""
    last = cells[used - 1][1]
    return next(i for i, line in enumerate(lines) if line is last) + 1


def _label_kind(cells: list[tuple[str, PhysLine]], at: int) -> int:
    following = cells[at + 1][0] if at + 1 < len(cells) else ""
    return row_label_kind(cells[at][0], following) if at < len(cells) else 0


def _cells(lines: list[PhysLine], start: int) -> list[tuple[str, PhysLine]]:
    cells: list[tuple[str, PhysLine]] = []
    for line in lines[start:]:
        match = _PIPE_CELL.match(line.text)
        if match is None:
            break
        cells.append((match.group(1).strip(), line))
    return cells
