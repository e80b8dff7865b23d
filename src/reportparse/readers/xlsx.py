"""XLSX reader: every sheet's used range as one Table, merged cells resolved, numbers kept exact.

Each sheet is one page (`source.pages` = number of sheets). A sheet becomes a single Table whose
grid starts at the used range's top-left cell; the form parser finds one or several forms inside
it. Merged cells are repeated in every grid position they cover (`merged=True` on the covered
ones). Numbers keep their typed value in `Cell.number` (rounded to Excel's 15 significant digits,
so binary float noise never reaches the Decimal) and their displayed text in `Cell.text`. Hidden
sheets, rows and columns stay in the Document — hidden data is still data an auditor must see —
and are recorded in `Document.notes` / `Table.hidden_rows`.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from reportparse.errors import CorruptFile, EmptyFile, EncryptedFile
from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Source, Table
from reportparse.readers.sheetgrid import MAX_MERGED_AREA, MergedArea, SheetValue, sheet_table
from reportparse.readers.xlsxformula import evaluate, lookup_in
from reportparse.readers.xlsxscan import scan_worksheets
from reportparse.readers.ziputil import open_ooxml

#: a formula that is only '=' and a figure ('=100%', '=95％'): a comparator and a target, not arithmetic
_STATED_VALUE = lazy_compile(r"^=\s*[+-]?\d+(?:\.\d+)?\s*[%％‰]?\s*$")
#: number formats that fix the count of decimals: "0.00", "#,##0.000", "0.0%" ...
_FIXED_DECIMALS = lazy_compile(r"^[#,]*0(?:\.(0+))?(%?)$")


def read_xlsx(path: Path, data: bytes, source: Source) -> Document:
    """Read an XLSX workbook into a Document. Raises CorruptFile/EncryptedFile/ZipBomb/TooLarge/EmptyFile."""
    archive = open_ooxml(data, "XLSX", "xl/workbook.xml", str(path))
    try:
        # counted in bounded chunks before openpyxl builds anything: an absurd sheet is refused here
        uncached = scan_worksheets(archive, str(path)).uncached
    finally:
        archive.close()
    import openpyxl  # lazily: other formats must not pay for openpyxl

    notes: list[str] = []
    problems: list[str] = []
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
        # a formula without a cached result (a file written by a program, never opened in Excel)
        # has no value to show: it is computed when simple, else its formula text is the quote
        formulas = openpyxl.load_workbook(io.BytesIO(data), read_only=False) if uncached else None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError, AttributeError) as exc:
        if "encrypt" in str(exc).lower():
            raise EncryptedFile(f"{path}: the XLSX is password-protected", str(path)) from exc
        raise CorruptFile(f"{path}: not a valid XLSX: {exc.__class__.__name__}: {exc}", str(path)) from exc
    except Exception as exc:  # openpyxl raises assorted parser errors for malformed XML parts
        raise CorruptFile(f"{path}: not a valid XLSX: {exc.__class__.__name__}", str(path)) from exc
    try:
        tables: list[Table] = []
        for page, sheet in enumerate(workbook.worksheets, start=1):
            if sheet.sheet_state != "visible":
                notes.append(f"sheet {sheet.title!r} is {sheet.sheet_state}")
            formula_sheet = formulas.worksheets[page - 1] if formulas is not None else None
            table = _sheet_table(sheet, page, len(tables), _Log(notes, problems), formula_sheet, str(path))
            if table is not None:
                tables.append(table)
        sheet_count = len(workbook.worksheets)
    finally:
        workbook.close()
        if formulas is not None:
            formulas.close()
    if not tables:
        raise EmptyFile(f"{path}: the workbook has no cell with a value", str(path))
    source = source.model_copy(update={"pages": max(sheet_count, 1)})
    return Document(source=source, elements=list(tables), notes=notes, problems=problems)


@dataclass
class _Log:
    notes: list[str]
    problems: list[str]


@dataclass
class _Computed:
    """An uncached formula cell with the value computed for it (what `_display` reads of a cell)."""

    value: Decimal
    row: int
    column: int
    number_format: str
    coordinate: str


def _uncached_formulas(sheet: Any, formula_sheet: Any, values: dict[tuple[int, int], Any], log: _Log,
                       path: str) -> None:
    """Add the sheet's formulas that have no cached value to `values`: computed when simple, else as text."""
    formulas = {
        (cell.row, cell.column): cell.value for cell in _stored_cells(formula_sheet)
        if isinstance(cell.value, str) and cell.value.startswith("=") and (cell.row, cell.column) not in values
    }
    if not formulas:
        return
    lookup = lookup_in({key: cell.value for key, cell in values.items()}, formulas)
    for (row, column), formula in formulas.items():
        cell = formula_sheet.cell(row=row, column=column)
        where = f"{path}: sheet {sheet.title!r}: {cell.coordinate}"
        if _STATED_VALUE.match(formula):
            # '=100%' with no cached value: a target typed with its comparator (等于 100%) by a program
            # that stored it as a formula; computed it would be 1 and lose both the % and the '='
            values[(row, column)] = cell
            log.notes.append(f"sheet {sheet.title!r}: {cell.coordinate} is a formula without a cached value: "
                             f"{formula}, read as the text it states")
            continue
        value = evaluate(formula, lookup)
        if value is None:
            values[(row, column)] = cell
            log.notes.append(f"sheet {sheet.title!r}: {cell.coordinate} is a formula without a cached value: {formula}")
            log.problems.append(f"{where} holds a formula without a cached value that reportparse does not compute "
                                f"({formula}); its text is read instead of its value")
        else:
            values[(row, column)] = _Computed(value, row, column, str(cell.number_format or "General"),
                                              cell.coordinate)
            log.notes.append(f"sheet {sheet.title!r}: {cell.coordinate} is a formula without a cached value: "
                             f"{formula}, computed as {plain_number(value)}")


def _sheet_table(
    sheet: Any, page: int, index: int, log: _Log, formula_sheet: Any | None = None, path: str = ""
) -> Table | None:
    """The sheet's used range (cells with a value, merged areas included) as one Table."""
    from openpyxl.utils import column_index_from_string

    values: dict[tuple[int, int], Any] = {}
    for cell in _stored_cells(sheet):
        if cell.value is not None and not (isinstance(cell.value, str) and not cell.value.strip()):
            values[(cell.row, cell.column)] = cell
    if formula_sheet is not None:
        _uncached_formulas(sheet, formula_sheet, values, log, path)
    if not values:
        return None
    shown = {key: SheetValue(*_display(cell)) for key, cell in values.items()}
    merged = [MergedArea(rng.min_row, rng.min_col, rng.max_row, rng.max_col) for rng in sheet.merged_cells.ranges]
    last_row = max(r for r, _ in values) + MAX_MERGED_AREA
    hidden_rows = {r for r, dim in _dimensions(sheet.row_dimensions) if isinstance(r, int) and r <= last_row
                   and dim.hidden}
    hidden_cols = {column_index_from_string(letter) for letter, dim in _dimensions(sheet.column_dimensions)
                   if isinstance(letter, str) and dim.hidden}
    return sheet_table(shown, merged, title=sheet.title, page=page, index=index, hidden_rows=hidden_rows,
                       hidden_cols=hidden_cols, notes=log.notes, path=path)


def _stored_cells(sheet: Any) -> list[Any]:
    """The cells the file actually stores. `iter_rows` would create every position of the sheet's
    dimension, which a single styled cell at XFD1048576 makes billions."""
    stored = getattr(sheet, "_cells", None)
    if isinstance(stored, dict):
        return list(stored.values())
    return [cell for row in sheet.iter_rows() for cell in row]


def _dimensions(dimensions: Any) -> list[tuple[Any, Any]]:
    """The row or column dimensions the file stores (the hidden flags live there)."""
    return list(dimensions.items()) if hasattr(dimensions, "items") else []


def _display(cell: Any) -> tuple[str, Decimal | None]:
    """The cell's text as Excel would show it, and its exact number when it holds one."""
    value = cell.value
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), None
    if isinstance(value, Decimal):
        return format_number(value, str(cell.number_format or "General")), value
    if isinstance(value, int | float):
        number = to_decimal(value)
        if number is None:
            return str(value), None
        return format_number(number, str(cell.number_format or "General")), number
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat(), None
        return value.isoformat(sep=" "), None
    if isinstance(value, dt.date | dt.time):
        return value.isoformat(), None
    if isinstance(value, dt.timedelta):
        return str(value), None
    return str(value), None


def to_decimal(value: int | float) -> Decimal | None:
    """The exact number Excel shows: a float rounded to Excel's 15 significant digits.

    Excel stores binary doubles and displays at most 15 significant digits, so a cached formula
    result such as 0.30000000000000004 or 89.97399999999999 is the number 0.3 or 89.974 to its
    user; `Decimal(float)` would keep the binary noise.
    """
    text = str(value) if isinstance(value, int) else format(value, ".15g")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return number


def format_number(number: Decimal, number_format: str) -> str:
    """Render a number the way simple Excel formats do ("0", "0.00", "#,##0.0", "0%", General).

    Formats we do not model (dates, currencies, conditions) fall back to the plain number, which
    is what a reader needs anyway.
    """
    fmt = number_format.split(";")[0].strip()
    match = _FIXED_DECIMALS.match(fmt)
    if match:
        decimals = len(match.group(1) or "")
        percent = bool(match.group(2))
        shown = number * 100 if percent else number
        quantum = Decimal(1).scaleb(-decimals)
        text = f"{shown.quantize(quantum):{',' if ',' in fmt else ''}f}"
        return text + ("%" if percent else "")
    return plain_number(number)


def plain_number(number: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 90, 89.974, 0.05."""
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    text = f"{number.normalize():f}"
    return text
