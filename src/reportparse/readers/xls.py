"""XLS reader (Excel 97-2003 BIFF, also what WPS Spreadsheets saves as .et): xlrd, onto the XLSX grid.

Each sheet becomes one Table built by `sheetgrid.sheet_table`, exactly as an XLSX sheet is, so the
form parser sees the same grid whichever of the two formats a form came in: merged areas repeated,
numbers exact (Excel's 15 significant digits), their text formatted by the cell's number format,
hidden sheets, rows and columns kept and noted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportparse.errors import CorruptFile, EmptyFile, EncryptedFile
from reportparse.model import Document, Source, Table
from reportparse.readers.sheetgrid import MergedArea, SheetValue, sheet_table
from reportparse.readers.xlsx import format_number, to_decimal

_VISIBILITY = {1: "hidden", 2: "veryHidden"}


def read_xls(path: Path, data: bytes, source: Source) -> Document:
    """Read a BIFF workbook into a Document. Raises CorruptFile/EncryptedFile/EmptyFile."""
    import xlrd  # lazily: other formats must not pay for xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False,
                                  logfile=_Silent(), ragged_rows=True)
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise EncryptedFile(f"{path}: the XLS is password-protected", str(path)) from exc
        raise CorruptFile(f"{path}: not a readable XLS workbook: {exc}", str(path)) from exc
    except Exception as exc:  # xlrd raises assorted errors (struct, index, assertion) on damaged files
        raise CorruptFile(f"{path}: not a readable XLS workbook: {exc.__class__.__name__}", str(path)) from exc
    notes: list[str] = []
    tables: list[Table] = []
    try:
        for page, sheet in enumerate(book.sheets(), start=1):
            if sheet.visibility in _VISIBILITY:
                notes.append(f"sheet {sheet.name!r} is {_VISIBILITY[sheet.visibility]}")
            table = _sheet(book, sheet, page, len(tables), notes, str(path))
            if table is not None:
                tables.append(table)
        sheet_count = book.nsheets
    finally:
        book.release_resources()
    if not tables:
        raise EmptyFile(f"{path}: the workbook has no cell with a value", str(path))
    source = source.model_copy(update={"pages": max(sheet_count, 1)})
    return Document(source=source, elements=list(tables), notes=notes)


def _sheet(book: Any, sheet: Any, page: int, index: int, notes: list[str], path: str) -> Table | None:
    values: dict[tuple[int, int], SheetValue] = {}
    for r in range(sheet.nrows):
        for c in range(sheet.row_len(r)):
            value = _value(book, sheet.cell(r, c))
            if value is not None:
                values[(r + 1, c + 1)] = value
    merged = [MergedArea(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sheet.merged_cells]
    hidden_rows = {r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden}
    hidden_cols = {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden}
    return sheet_table(values, merged, title=sheet.name, page=page, index=index, hidden_rows=hidden_rows,
                       hidden_cols=hidden_cols, notes=notes, path=path)


def _value(book: Any, cell: Any) -> SheetValue | None:
    """The cell's text as Excel would show it and its exact number; None for an empty cell."""
    import xlrd

    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_TEXT:
        return SheetValue(value) if value.strip() else None
    if kind == xlrd.XL_CELL_BOOLEAN:
        return SheetValue("TRUE" if value else "FALSE")
    if kind == xlrd.XL_CELL_ERROR:
        return SheetValue(xlrd.error_text_from_code.get(value, "#ERR"))
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return SheetValue(str(value))
        if moment.time() == dt.time(0, 0):
            return SheetValue(moment.date().isoformat())
        return SheetValue(moment.isoformat(sep=" "))
    number = to_decimal(value)
    if number is None:
        return SheetValue(str(value))
    return SheetValue(format_number(number, _number_format(book, cell)), number)


def _number_format(book: Any, cell: Any) -> str:
    try:
        xf = book.xf_list[cell.xf_index]
        return str(book.format_map[xf.format_key].format_str or "General")
    except (IndexError, KeyError, TypeError, AttributeError):
        return "General"


class _Silent:
    """xlrd writes warnings about odd records to a log file; they are not the user's business."""

    def write(self, _text: str) -> int:
        return 0
