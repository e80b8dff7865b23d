"""A fingerprint of a batch's outputs, to show that two runs (--jobs 1 and 2, resumed, Dask) gave the same.

Text outputs (JSON, CSV, HTML) are compared byte for byte. Two formats carry the time they were
written, so their *content* is compared instead: summary.xlsx by its sheets' cell values and
styles that matter (fills, frozen panes, filters); results.sqlite by the rows of its tables in
key order (the `batches` table, which names the output folder, is left out).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

DB_TABLES = {"documents": "path", "projects": "document_id, ordinal",
             "indicators": "document_id, project_ordinal, ordinal", "findings": "document_id, scope, ordinal"}


def output_digest(out: Path, db: Path | None = None) -> dict[str, str]:
    """sha256 of every output under `out`, by relative path (the database by its content)."""
    digest: dict[str, str] = {}
    database = db or out / "results.sqlite"
    for path in sorted(out.rglob("*")):
        if not path.is_file() or path.name.startswith("results.sqlite") or path == database:
            continue
        name = path.relative_to(out).as_posix()
        data = _xlsx_content(path) if path.suffix == ".xlsx" else path.read_bytes()
        digest[name] = hashlib.sha256(data).hexdigest()
    if database.exists():
        digest["results.sqlite"] = hashlib.sha256(_db_content(database)).hexdigest()
    return digest


def _xlsx_content(path: Path) -> bytes:
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheets = []
    for ws in workbook.worksheets:
        rows = [[cell.value for cell in row] for row in ws.iter_rows()]
        fills = [cell.fill.fgColor.rgb for row in ws.iter_rows() for cell in row if cell.fill.fill_type]
        sheets.append({"title": ws.title, "rows": rows, "fills": fills, "freeze": ws.freeze_panes,
                       "filter": ws.auto_filter.ref})
    return json.dumps(sheets, ensure_ascii=False, default=str).encode()


def _db_content(path: Path) -> bytes:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {}
        for table, key in DB_TABLES.items():
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            kept = [c for c in columns if c != "batch_id"]
            order = key if table != "documents" else "path"
            tables[table] = [list(row) for row in connection.execute(
                f"SELECT {', '.join(kept)} FROM {table} ORDER BY {order}")]
        return json.dumps(tables, ensure_ascii=False, default=str).encode()
    finally:
        connection.close()
