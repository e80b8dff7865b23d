"""The parse stage: Document → Report (projects, budgets, indicators, claimed scores, actuals).

Two layouts parse into the same Report: the narrative report (prose + goal tables) and the
standard 自评表 form. A document may hold both (a report with a form appended): both are parsed
and merged, project by project.
"""

from __future__ import annotations

from reportparse.errors import NotAReport
from reportparse.model import Document, Report


def parse_report(document: Document) -> Report:
    """Parse a Document into a Report. Raises NotAReport when it is no self-evaluation at all."""
    from reportparse.parse.form import find_forms, parse_forms
    from reportparse.parse.narrative import parse_narrative

    forms = find_forms(document)
    narrative = parse_narrative(document, exclude_tables={t.index for f in forms for t in f.tables})
    report = parse_forms(forms, base=narrative) if forms else narrative
    if not report.projects:
        raise NotAReport(
            f"{document.source.path}: no project, budget or goal indicator found: "
            "this does not look like a performance self-evaluation report",
            document.source.path,
        )
    return report
