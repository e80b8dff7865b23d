"""A 项目资金 block turned on its side, put upright before the form is read.

Some templates print the block with its sources across and its columns down:

    项目资金（万元） | 中央资金 | 本级财政资金 | 年度资金总额
    年初预算数      | 500     | 300         | 800
    全年预算数      | 500     | 380         | 880
    全年执行数      | 480     | 356         | 836

A careful reader reads the total's column (年度资金总额, 合计, 小计 …) as the budget, wherever it stands, and
the sum of the sources where the total is left empty. Read as label | value pairs, each row would give its first
figure, which is the total only when the total comes first. So the block is turned upright: the row labels
become the header (项目资金 | 年初预算数 | 全年预算数 | 全年执行数), each source a fund row, and the block is read
as any other (`blocks.BudgetBlock`), its total, its 其中 rows and their sum check included.

A text dump drops a row's empty cells: where a row prints fewer figures than the block has sources, the figures
are placed only where that is sure (the total first, or the last figure the sum of the others and the total
last); elsewhere the row gives nothing rather than a source's figure as the total.
"""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Cell, Table
from reportparse.parse.form import values
from reportparse.parse.form.grid import GridRow, from_text, squash
from reportparse.parse.form.labels import matches

#: The roles of the block's column labels, printed down the turned block's first column.
_COLUMN_ROLES = ("budget.initial", "budget.planned", "budget.executed", "budget.rate")
#: Most rows of a turned block (年初预算数, 全年预算数, 全年执行数, 执行率 and a spare).
_MAX_ROWS = 5
#: Least sources across a turned block (a total and one part, or two parts).
_MIN_SOURCES = 2


def upright_blocks(rows: list[GridRow]) -> list[GridRow]:
    """The rows with every 项目资金 block turned on its side put upright (other rows as they are)."""
    out: list[GridRow] = []
    at = 0
    while at < len(rows):
        turned = _upright(rows, at)
        if turned is None:
            out.append(rows[at])
            at += 1
            continue
        upright, used = turned
        out.extend(upright)
        at += used
    return out


def _is_source(key: str) -> bool:
    """A source's name heading a column (年度资金总额, 其中：财政拨款, 中央资金, 合计), no column label of the
    upright block (预算资金, 合计（万元） name its budget column) and no figure."""
    if not key or values.plain_decimal(key) is not None or _block_label(key):
        return False
    if any(matches(r, key) for r in (*_COLUMN_ROLES, "budget.header_budget", "budget.header_executed")):
        return False
    return matches("budget.total_row", key) or matches("budget.fund_row", key)


def _block_label(key: str) -> bool:
    """The block's own label ('项目资金（万元）', '资金来源'), not a source it names ('项目资金总额')."""
    return matches("form.budget_block", key) and not matches("budget.total_row", key)


def _column_label(key: str) -> str | None:
    """The role of a turned block's row label (全年预算数 → budget.planned), None for any other text."""
    return next((r for r in _COLUMN_ROLES if matches(r, key)), None)


def _upright(rows: list[GridRow], at: int) -> tuple[list[GridRow], int] | None:
    """The block whose sources head the row at `at`, upright, and how many rows it took; None where no turned
    block opens there."""
    header = rows[at]
    cells = header.distinct()
    first = next((i for i, (_, cell) in enumerate(cells) if _is_source(squash(cell.text))), None)
    if first is None or len(cells) - first < _MIN_SOURCES:
        return None
    sources = cells[first:]
    if not all(_is_source(squash(cell.text)) for _, cell in sources):
        return None
    if any(not _block_label(squash(cell.text)) for _, cell in cells[:first]):
        return None  # (the cells before the sources can only be the block's own label: '项目资金（万元）', '资金来源')
    labelled: list[tuple[Cell, list[Cell | None]]] = []
    total = _total_at([squash(cell.text) for _, cell in sources])
    for below in rows[at + 1:at + 1 + _MAX_ROWS]:
        found = _labelled_row(below, [col for col, _ in sources], from_text(header.table), total)
        if found is None:
            break
        labelled.append(found)
    roles = {_column_label(squash(label.text)) for label, _ in labelled}
    if not roles & {"budget.planned", "budget.executed"}:
        return None
    return _turned_rows(header, cells[:first], sources, labelled), 1 + len(labelled)


def _labelled_row(row: GridRow, columns: list[int], text: bool, total: int | None) -> \
        tuple[Cell, list[Cell | None]] | None:
    """A row of the turned block: its label (a column label of the upright block) and its figure under each
    source, None where the row has no such label. A text table's row (`text`) is placed by where the total
    stands among the sources (`total`, `_total_at`)."""
    cells = [(col, cell) for col, cell in row.distinct() if not _block_label(squash(cell.text))]
    if not cells or _column_label(squash(cells[0][1].text)) is None:
        return None
    label_col, label = cells[0]
    if not text:
        if label_col >= columns[0]:
            return None
        return label, [row.cell(col) for col in columns]
    figures = [cell for _, cell in cells[1:]]
    if any(values.plain_decimal(squash(cell.text).rstrip("万元%％")) is None
           and not values.is_blank(cell.text) for cell in figures):
        return None  # (words after the label: no row of figures)
    return label, _placed(figures, len(columns), total)


def _total_at(sources: list[str]) -> int | None:
    """Where the sources' total stands among them: 0 first, -1 last, None elsewhere or nowhere."""
    totals = [k for k, key in enumerate(sources) if matches("budget.total_row", key) and "其中" not in key]
    if totals == [0]:
        return 0
    return -1 if totals == [len(sources) - 1] else None


def _placed(figures: list[Cell], width: int, total: int | None) -> list[Cell | None]:
    """A text row's figures under the block's `width` sources, where a dropped empty cell leaves no doubt what
    the budget is: all of them when none was dropped; a lone figure (the total, or the one source that has
    money: the budget either way); the total where the figure at its end is the sum of the others; every
    source but an empty total. Without a total column, their sum is the budget wherever they stand."""
    if len(figures) >= width:
        return list(figures[:width])
    blanks: list[Cell | None] = [None] * (width - len(figures))
    if not figures or total is None:
        return [*figures, *blanks]
    if len(figures) == 1:
        return [*figures, *blanks] if total == 0 else [*blanks, *figures]
    if total == 0 and _sums(figures[1:], figures[0]):
        return [*figures, *blanks]
    if total == -1 and _sums(figures[:-1], figures[-1]):
        return [*figures[:-1], *blanks, figures[-1]]
    if len(figures) == width - 1:
        return [None, *figures] if total == 0 else [*figures, None]
    return [None] * width


def _sums(parts: list[Cell], whole: Cell) -> bool:
    numbers = [values.plain_decimal(squash(c.text).rstrip("万元")) for c in (*parts, whole)]
    if any(n is None for n in numbers):
        return False
    *added, total = (n for n in numbers if n is not None)
    return abs(sum(added, Decimal(0)) - total) <= Decimal("0.01")


def _turned_rows(header: GridRow, block: list[tuple[int, Cell]], sources: list[tuple[int, Cell]],
                 labelled: list[tuple[Cell, list[Cell | None]]]) -> list[GridRow]:
    """The block upright: a header (the block's label, then each row's label) and one fund row a source."""
    page = header.cells[0].page if header.cells else header.table.page
    block_cell = block[0][1] if block else Cell(text="", row=header.index, col=0, page=page)
    grid = [[block_cell, *(label for label, _ in labelled)]]
    if _total_at([squash(cell.text) for _, cell in sources]) is None and not any(
            matches("budget.total_row", squash(cell.text)) for _, cell in sources):
        # no total column: an empty total row first, so the block's budget is the sum of its sources (the upright
        # reader takes a first row with no 其中 for the total)
        grid.append([Cell(text="合计", row=header.index, col=0, page=page),
                     *(Cell(text="", row=header.index, col=0, page=page) for _ in labelled)])
    for k, (col, source) in enumerate(sources):
        grid.append([source, *(figures[k] or Cell(text="", row=header.index, col=col, page=page)
                               for _, figures in labelled)])
    table = Table(index=header.table.index, rows=grid, page=header.table.page, pages=header.table.pages,
                  sheet=header.table.sheet)
    return [GridRow(table, i) for i in range(len(grid))]
