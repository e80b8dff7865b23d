"""The desk's downloads: findings.csv, indicators.csv and summary.xlsx over every checked file.

The columns are those of `reportparse batch` (issue 10), so a reviewer gets the same tables from
the desk and from a batch run. CSV files are UTF-8 with a byte-order mark (Excel and WPS need it
for Chinese); spreadsheet text never runs as a formula and holds no control characters.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path

from reportparse.model import Result

FINDING_COLUMNS = ("file", "status", "code", "severity", "project", "indicator", "message", "expected", "actual",
                   "page", "quote")
INDICATOR_COLUMNS = ("file", "project", "level", "indicator", "comparator", "target", "unit", "actual", "weight",
                     "claimed_score", "recomputed_score")
DOCUMENT_COLUMNS = ("file", "status", "reason", "errors", "warnings", "infos", "projects", "format", "pages", "title",
                    "unit", "year", "message")
SEVERITY_FILL = {"error": "F8D7DA", "warning": "FFE8B3", "info": "D6E4F5"}
MAX_CELL = 32_767  # Excel's limit on a cell's text

Cell = str | int | float | None


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _plain(value: object) -> Cell:
    if isinstance(value, Decimal):
        return _number(value)
    return value if isinstance(value, str | int | float) or value is None else str(value)


def finding_rows(results: Sequence[Result]) -> Iterator[tuple[Cell, ...]]:
    for result in results:
        for finding in result.findings:
            first = finding.evidence[0] if finding.evidence else None
            yield (result.source.path, result.status.value, finding.code, finding.severity.value, finding.project,
                   finding.indicator, finding.message, _plain(finding.expected), _plain(finding.actual),
                   first.page if first else None, first.text if first else None)


def indicator_rows(results: Sequence[Result]) -> Iterator[tuple[Cell, ...]]:
    for result in results:
        for project in result.report.projects if result.report else []:
            for ind in project.indicators:
                target = ind.target
                value: Cell = None
                if target is not None:
                    value = _number(target.value) if target.value is not None else target.raw
                yield (result.source.path, project.name, ind.level, ind.name,
                       str(target.comparator) if target else None, value, target.unit if target else None,
                       "；".join(a.raw for a in ind.actuals if a.raw) or None,
                       _number(ind.weight), _number(ind.score), _number(ind.recomputed_score))


def document_rows(results: Sequence[Result]) -> Iterator[tuple[Cell, ...]]:
    for r in results:
        report = r.report
        yield (r.source.path, r.status.value, r.reason, r.summary.error, r.summary.warning, r.summary.info,
               len(report.projects) if report else 0, r.source.format.value, r.source.pages,
               report.title if report else None, report.unit if report else None, report.year if report else None,
               r.message)


def write_csv(path: Path, columns: Sequence[str], rows: Iterator[tuple[Cell, ...]]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(["" if cell is None else cell for cell in row] for row in rows)


def write_summary_xlsx(path: Path, results: Sequence[Result]) -> None:
    """Two sheets, documents and findings: bold frozen header, an autofilter, severity cells coloured."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    fills = {name: PatternFill("solid", start_color=colour, end_color=colour) for name, colour in SEVERITY_FILL.items()}
    sheets = (("documents", DOCUMENT_COLUMNS, document_rows(results)),
              ("findings", FINDING_COLUMNS, finding_rows(results)))
    workbook.remove(workbook.active)
    for title, columns, rows in sheets:
        ws = workbook.create_sheet(title)
        ws.append(list(columns))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([_safe(cell) for cell in row])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text a report wrote must never run as a formula
        if "severity" in columns:
            column = columns.index("severity") + 1
            for (cell,) in ws.iter_rows(min_row=2, min_col=column, max_col=column):
                if cell.value in fills:
                    cell.fill = fills[str(cell.value)]
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{ws.max_row}"
        for index, name in enumerate(columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = 60 if name in ("message", "quote") else 16
    workbook.save(path)


def _safe(cell: Cell) -> Cell:
    if isinstance(cell, str):
        return "".join(ch for ch in cell if ch in "\t\n" or ch >= " ")[:MAX_CELL]
    return cell


def write_table(name: str, folder: Path, results: Sequence[Result]) -> Path:
    """Write the download `name` (findings.csv, indicators.csv, summary.xlsx) into `folder`."""
    path = folder / name
    if name == "findings.csv":
        write_csv(path, FINDING_COLUMNS, finding_rows(results))
    elif name == "indicators.csv":
        write_csv(path, INDICATOR_COLUMNS, indicator_rows(results))
    elif name == "summary.xlsx":
        write_summary_xlsx(path, results)
    else:
        raise ValueError(f"no such download: {name}")
    return path
