"""summary.xlsx: a sheet of documents ranked by risk and a sheet of findings, for Excel and WPS.

openpyxl's write-only mode streams rows to disk, so thousands of documents never sit in memory.
Both sheets have a frozen header row and an autofilter over every column; the severity cells of
the findings sheet are coloured (error red, warning amber, info blue), as in the HTML page.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reportparse.batch.outputs import DOCUMENTS_SQL, FINDINGS_SQL, atomic_open
from reportparse.batch.store import Store
from reportparse.lazypattern import lazy_compile

DOCUMENT_HEADER = (("rank", "risk_rank", 6), ("file", "path", 48), ("status", "status", 9), ("reason", "reason", 18),
                   ("errors", "errors", 8), ("warnings", "warnings", 9), ("infos", "infos", 7),
                   ("risk score", "risk_score", 10), ("projects", "projects", 9), ("format", "format", 7),
                   ("pages", "pages", 7), ("title", "title", 40), ("unit", "unit", 24), ("year", "year", 7),
                   ("message", "message", 60))
FINDING_HEADER = (("file", "file", 48), ("severity", "severity", 9), ("code", "code", 24), ("scope", "scope", 9),
                  ("project", "project", 30), ("indicator", "indicator", 24), ("message", "message", 70),
                  ("expected", "expected", 14), ("actual", "actual", 14), ("page", "page", 6),
                  ("quote", "quote", 50), ("related file", "related_file", 40))
SEVERITY_FILL = {"error": "F8D7DA", "warning": "FFE8B3", "info": "D6E4F5"}
#: Excel's limit on the length of a cell's text
MAX_CELL = 32_767
#: the control characters XML cannot hold (all below the space but tab and line feed)
_CONTROL = lazy_compile(r"[\x00-\x08\x0b-\x1f]")


def write_summary_xlsx(store: Store, path: Path) -> None:
    """Write the two-sheet workbook from the store, through a temporary file."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    fills = {name: PatternFill("solid", start_color=colour, end_color=colour) for name, colour in SEVERITY_FILL.items()}

    def sheet(title: str, header: tuple[tuple[str, str, int], ...], sql: str, colour_severity: bool) -> None:
        ws = workbook.create_sheet(title)
        count = store.connection.execute(f"SELECT COUNT(*) FROM ({sql})", (store.batch_id,)).fetchone()[0]
        for index, (_, _, width) in enumerate(header, start=1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"
        cells = []
        for label, _, _ in header:
            cell = WriteOnlyCell(ws, value=label)
            cell.font = bold
            cells.append(cell)
        ws.append(cells)
        for row in store.query(sql, store.batch_id):
            ws.append(_row(ws, row, header, fills if colour_severity else {}))

    sheet("documents", DOCUMENT_HEADER, DOCUMENTS_SQL, False)
    sheet("findings", FINDING_HEADER, FINDINGS_SQL, True)
    with atomic_open(path, "wb") as handle:
        workbook.save(handle)


def _row(ws: object, row: sqlite3.Row, header: tuple[tuple[str, str, int], ...],
         fills: dict[str, object]) -> list[object]:
    from openpyxl.cell import WriteOnlyCell

    values: list[object] = []
    for _, column, _ in header:
        value = row[column]
        if isinstance(value, str):
            value = _safe_text(value)
        if (column == "severity" and value in fills) or (isinstance(value, str) and value.startswith("=")):
            cell = WriteOnlyCell(ws, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text a report wrote must never run as a formula
            if column == "severity":
                cell.fill = fills[value]
            values.append(cell)
        else:
            values.append(value)
    return values


def _safe_text(text: str) -> str:
    """Text a spreadsheet can hold: no control characters (invalid in XML), within Excel's cell limit."""
    return _CONTROL.sub("", text)[:MAX_CELL]
