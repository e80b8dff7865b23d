"""Putting the figures of a text-table fund row back under the 项目资金 block's columns.

A fund row read from text lines has lost its empty cells: '年度资金总额 | 387664.62 | 387664.62 |
10 | 100% | 10' has five figures for the six columns 年初预算数 … 得分, and the missing one may be
any of them. The figures are placed by what they are, not by their position alone:

- a percentage is the 执行率: the figures before it fill the columns before 执行率 from the right
  (an empty 年初预算数 is the usual gap), those after it the columns after it from the left;
- without a percentage, a row ending in two small figures (10 | 10, the second no larger) holds
  分值 and 得分 when the rest fill the money columns exactly (the 执行率 cell was left empty);
- otherwise a row whose money figures number as many as the total row's filled money columns
  takes those columns (a 其中 row under a total row with an empty 年初预算数);
- otherwise a carry-over row (上年结转资金) short of figures leaves the 年初预算数 empty: the money a year
  carries over is known only when the year before closes, after the initial budget was set;
- otherwise the figures go left to right from the first money column, as a full row would.

Labels (the cells before the first figure) stay in front: the row becomes labels + figures with a
shift that puts the first figure column under the block's first money column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Table
from reportparse.parse.form import values
from reportparse.parse.form.grid import GridRow, squash
from reportparse.parse.form.labels import matches
from reportparse.parse.form.wholeamount import column_amount_text

#: A cell that is a figure of the block: an amount, a percentage, or a placeholder dash.
_FIGURE = lazy_compile(r"^(?:[-－—–/／]|[-－—–]?[\d.,，]+[%％]?(?:万元|元|万)?)$")
#: 分值 and 得分 are at most this.
_MAX_POINTS = 100


@dataclass(frozen=True)
class Columns:
    """The block's figure columns (grid indices; None when the header has no such column)."""

    money: list[int]
    weight: int | None
    rate: int | None
    score: int | None
    #: the header's last labelled column: a row with a figure for every column from the first money column
    #: to it lost no cell, even where some columns have no role (年中调整金额②, 本年度结余金额⑥)
    last: int | None = None
    #: the 年初预算数 column among `money`
    initial: int | None = None
    #: the header's labelled columns
    labelled: tuple[int, ...] = ()

    @property
    def all(self) -> list[int]:
        return sorted([*self.money, *(c for c in (self.weight, self.rate, self.score) if c is not None)])


def place(row: GridRow, cols: Columns, money_used: list[int] | None) -> tuple[GridRow, list[int]]:
    """The row with its figures under their columns, and the money columns it filled."""
    cells = row.cells
    start = next((i for i, cell in enumerate(cells) if _is_figure(cell)), None)
    in_words = start is None and _amounts_in_words(cells)
    if in_words:
        # a row that writes each amount in words ('少数民族发展资金37万元'): those cells are its figures
        first = next(i for i, cell in enumerate(cells) if cell.text.strip())
        start = next(i for i, cell in enumerate(cells) if i > first and _is_whole(cell))
    if start is None or not cols.money:
        return row, []
    labels = [cell for cell in cells[:start] if cell.text.strip()]
    figures = _figures(cells[start:], in_words)
    carried = any(matches("budget.carried_row", squash(cell.text)) for cell in labels)
    kept = _kept_in_place(cells, start, cols)
    if kept is not None:
        placed = kept
    elif cols.last is not None and len(cols.all) < len(figures) <= cols.last and (
            start + len(figures) - 1 == cols.last or not labels):
        # a figure under every column to the header's last, more than the block's roles name (中央 | 省、地 |
        # 本级 | 其他 | 合计 | 执行数 | 执行率: its sources before the 合计), printed at its place or with the row's
        # empty label cell dropped: the figures end under the last column, each under its own
        placed = dict(zip(range(cols.last - len(figures) + 1, cols.last + 1), figures, strict=True))
    elif cols.last is not None and len(cols.all) < len(figures) and cols.labelled[-len(figures):] == tuple(
            range(cols.last - len(figures) + 1, cols.last + 1)) and cols.all[0] > cols.last - len(figures):
        # more figures than the block's roles, as many as the header's labelled columns that end it, one of
        # them a money column with no role ('年度预算 | 调整后预算 | 实际支出'): each figure under its own
        # column, not the first ones under the roles
        placed = dict(zip(range(cols.last - len(figures) + 1, cols.last + 1), figures, strict=True))
    else:
        placed = _placement(figures, cols, money_used, carried)
    first = cols.all[0]
    width = max(placed) + 1 if placed else first
    rebuilt = list(labels) + [placed.get(col, _blank(row, col)) for col in range(first, width)]
    table = Table(index=row.table.index, rows=[rebuilt], page=row.table.page, pages=row.table.pages,
                  sheet=row.table.sheet)
    used = [col for col in cols.money if col in placed and placed[col].text.strip() and _is_amount(placed[col])]
    return GridRow(table, 0, first - len(labels)), used


def _kept_in_place(cells: list[Cell], start: int, cols: Columns) -> dict[int, Cell] | None:
    """The figures under their columns, where the row kept its empty cells between its label and its last figure
    ('年度资金总额 |  |  |  | 10 |  | 9.6': only 分值 and 得分 filled): each cell after the one label stands under the
    column its place gives, counted from the block's first money column; None where no empty cell is kept or the
    row has more cells than the block's columns."""
    label_at = start - 1
    while label_at >= 0 and not cells[label_at].text.strip():
        label_at -= 1
    if label_at < 0 or cols.last is None or not cols.money:
        return None
    tail = cells[label_at + 1:]
    while tail and not tail[-1].text.strip():
        tail = tail[:-1]
    first = min(cols.money)
    if not any(not cell.text.strip() for cell in tail) or first + len(tail) - 1 > cols.last:
        return None
    if any(cell.text.strip() and not _is_figure(cell) for cell in tail):
        return None
    return {first + k: cell for k, cell in enumerate(tail) if cell.text.strip()}


def _figures(cells: list[Cell], in_words: bool = False) -> list[Cell]:
    """The figure cells from the first one on, up to the first word cell (the next row's label); in a row that
    writes its amounts in words, up to the first cell that states none."""
    out: list[Cell] = []
    for cell in cells:
        if cell.text.strip() and not (_is_whole(cell) if in_words else _is_figure(cell)):
            break
        out.append(cell)
    while out and not out[-1].text.strip():
        out.pop()
    return out


def _placement(figures: list[Cell], cols: Columns, money_used: list[int] | None,
               carried: bool = False) -> dict[int, Cell]:
    columns = cols.all
    if cols.last is not None and columns and len(figures) == cols.last - columns[0] + 1 > len(columns):
        return dict(zip(range(columns[0], cols.last + 1), figures, strict=True))
    if len(figures) >= len(columns):
        return dict(zip(columns, figures, strict=False))
    percent = next((i for i, cell in enumerate(figures) if re.search(r"[%％]", cell.text)), None)
    if percent is not None and cols.rate is not None:
        before = [c for c in columns if c < cols.rate]
        after = [c for c in columns if c > cols.rate]
        left, right = figures[:percent], figures[percent + 1:]
        if len(left) <= len(before) and len(right) <= len(after):
            return {**dict(zip(before[len(before) - len(left):], left, strict=True)),
                    cols.rate: figures[percent], **dict(zip(after, right, strict=False))}
    if _ends_in_points(figures, cols) and len(figures) - 2 == len(cols.money):
        assert cols.weight is not None and cols.score is not None
        return {**dict(zip(cols.money, figures[:-2], strict=True)), cols.weight: figures[-2], cols.score: figures[-1]}
    amounts = [cell for cell in figures if _is_amount(cell)]
    if money_used and len(amounts) == len(money_used) and figures[: len(amounts)] == amounts:
        rest = [c for c in columns if c > money_used[-1]]
        return {**dict(zip(money_used, amounts, strict=True)), **dict(zip(rest, figures[len(amounts):], strict=False))}
    if carried and cols.initial in cols.money and len(amounts) < len(cols.money):
        return dict(zip([c for c in columns if c != cols.initial], figures, strict=False))
    return dict(zip(columns, figures, strict=False))


def _ends_in_points(figures: list[Cell], cols: Columns) -> bool:
    """The last two figures read as 分值 then 得分 (small, the score no larger), with 执行率 between
    their columns left empty."""
    if cols.weight is None or cols.score is None or cols.rate is None or len(figures) < 2:
        return False
    if not cols.weight < cols.rate < cols.score:
        return False
    weight, score = (values.plain_decimal(c.text) for c in figures[-2:])
    return weight is not None and score is not None and 0 < weight <= _MAX_POINTS and score <= weight


def _is_figure(cell: Cell) -> bool:
    return bool(_FIGURE.match(squash(cell.text)))


def _amounts_in_words(cells: list[Cell]) -> bool:
    """A row with no figure cell whose cells after its first one state amounts in words (`wholeamount`): the
    first a label (maybe with its own amount, '年度资金总额：45万元'), the others the columns' amounts."""
    texts = [cell for cell in cells if cell.text.strip()]
    return len(texts) >= 2 and any(_is_whole(cell) for cell in texts[1:])


def _is_whole(cell: Cell) -> bool:
    return column_amount_text(cell.text) is not None


def _is_amount(cell: Cell) -> bool:
    return values.plain_decimal(squash(cell.text).rstrip("万元")) is not None


def _blank(row: GridRow, col: int) -> Cell:
    page = row.cells[0].page if row.cells else row.table.page
    return Cell(text="", row=row.index, col=col, page=page)
