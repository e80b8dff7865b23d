"""One worksheet → one Table, the same for every spreadsheet reader (XLSX through openpyxl, XLS through xlrd).

A reader hands over the cells that hold a value (1-based row and column, the text as the
spreadsheet shows it, the exact number when there is one), the merged areas and the hidden rows
and columns; the grid built here is what the form parser sees, whatever the file format was.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from openpyxl.utils import get_column_letter

from reportparse.errors import TooLarge
from reportparse.model import Cell, Table

#: merged areas larger than this are clipped to the cells that hold values
MAX_MERGED_AREA = 2_000
#: grid positions of one sheet's used range (values far apart make a grid of mostly empty cells)
MAX_GRID = 250_000


@dataclass(frozen=True)
class SheetValue:
    """A cell that holds a value: its text as shown and its typed number, if any."""

    text: str
    number: Decimal | None = None


@dataclass(frozen=True)
class MergedArea:
    """A merged range, 1-based and inclusive (A1:B2 is 1, 1, 2, 2)."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int


def sheet_table(
    values: dict[tuple[int, int], SheetValue],
    merged: list[MergedArea],
    *,
    title: str,
    page: int,
    index: int,
    hidden_rows: set[int],
    hidden_cols: set[int],
    notes: list[str],
    path: str = "",
) -> Table | None:
    """The sheet's used range (cells with a value, merged areas included) as one Table.

    Merged cells are repeated in every grid position they cover (`merged=True` on the covered ones);
    hidden rows and columns stay in the grid and are recorded in `notes` and `Table.hidden_rows`.
    A used range beyond MAX_GRID positions raises TooLarge (`path` names the file).
    """
    if not values:
        return None
    last_row = max(r for r, _ in values)
    last_col = max(c for _, c in values)
    merged_from: dict[tuple[int, int], tuple[int, int]] = {}
    for area in merged:
        anchor = (area.min_row, area.min_col)
        if anchor not in values:
            continue  # an empty merged area adds nothing
        max_row, max_col = area.max_row, area.max_col
        if (max_row - area.min_row + 1) * (max_col - area.min_col + 1) > MAX_MERGED_AREA:
            # a whole column/row merged: only the part beside the values is worth a grid
            max_row, max_col = min(max_row, last_row), min(max_col, last_col)
        for r in range(area.min_row, max_row + 1):
            for c in range(area.min_col, max_col + 1):
                if (r, c) != anchor:
                    merged_from[(r, c)] = anchor
    positions = list(values) + list(merged_from)
    top = min(r for r, _ in positions)
    bottom = max(r for r, _ in positions)
    left = min(c for _, c in positions)
    right = max(c for _, c in positions)
    if (bottom - top + 1) * (right - left + 1) > MAX_GRID:
        raise TooLarge(
            f"{path}: sheet {title!r} spans {bottom - top + 1} rows × {right - left + 1} columns: "
            "refused as too large for one report",
            path,
        )
    rows: list[list[Cell]] = []
    for r in range(top, bottom + 1):
        grid_row: list[Cell] = []
        for c in range(left, right + 1):
            anchor = merged_from.get((r, c), (r, c))
            value = values.get(anchor, SheetValue(""))
            grid_row.append(
                Cell(text=value.text, number=value.number, row=r - top, col=c - left, page=page,
                     merged=anchor != (r, c), ref=f"{get_column_letter(c)}{r}")
            )
        rows.append(grid_row)
    hidden = [r - top for r in range(top, bottom + 1) if r in hidden_rows]
    if hidden:
        notes.append(f"sheet {title!r}: hidden rows {', '.join(str(r + top) for r in hidden)}")
    cols = [get_column_letter(c) for c in range(left, right + 1) if c in hidden_cols]
    if cols:
        notes.append(f"sheet {title!r}: hidden columns {', '.join(cols)}")
    return Table(index=index, rows=rows, page=page, pages=[page], sheet=title, hidden_rows=hidden)
