"""CSV renderer: one row per finding, for spreadsheets and other tools (`check --format csv`).

Written with a UTF-8 byte-order mark, which Excel needs to open Chinese text correctly (Python's
`utf-8-sig`, pandas and LibreOffice read it transparently). A finding quoting several places
keeps them in one row: pages joined by ';', locations and quotes one per line inside the cell.
A file that could not be read gets one row with its status and reason, so it is never silently
missing; a file read without findings gets none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

from reportparse.model import Finding, Result
from reportparse.render.common import evidence_location, one_line

COLUMNS = ["file", "format", "status", "reason", "project", "indicator", "code", "severity", "message",
           "expected", "actual", "profile", "page", "location", "quote"]


def render_csv(results: Sequence[Result]) -> str:
    """The findings of `results` as CSV text (header first, BOM included)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for result in results:
        base = {"file": result.source.path, "format": result.source.format.value, "status": result.status.value,
                "reason": result.reason or ""}
        if result.reason and not result.findings:
            writer.writerow({**base, "message": result.message or ""})
        for finding in result.findings:
            writer.writerow({**base, **_finding_row(finding)})
    return "\ufeff" + out.getvalue()


def _finding_row(finding: Finding) -> dict[str, str]:
    pages = sorted({ev.page for ev in finding.evidence if ev.page is not None})
    return {
        "project": finding.project or "", "indicator": finding.indicator or "", "code": finding.code,
        "severity": finding.severity.value, "message": finding.message, "expected": _value(finding.expected),
        "actual": _value(finding.actual), "profile": finding.profile or "",
        "page": ";".join(map(str, pages)),
        "location": "\n".join(evidence_location(ev) for ev in finding.evidence),
        "quote": "\n".join(one_line(ev.text) for ev in finding.evidence),
    }


def _value(value: Decimal | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return value
