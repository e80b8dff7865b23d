"""Narrative self-evaluation reports (绩效自评报告): prose sections + goal tables. (stub, see issue 2)"""

from __future__ import annotations

from reportparse.model import Document, Report


def parse_narrative(document: Document, exclude_tables: set[int] | None = None) -> Report:
    """Parse the narrative layout; tables in `exclude_tables` belong to forms and are skipped."""
    return Report(layout="narrative")
