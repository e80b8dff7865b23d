"""Helpers of the tests that write a form (or a report) as a text file and check it: the result, and its one
project."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import Indicator, Project, Result
from reportparse.pipeline import check


def run(tmp_path: Path, text: str) -> Result:
    """`text` written to a file and checked; the check must have read it (status ok)."""
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.status == "ok", result.message
    return result


def only_project(result: Result) -> Project:
    """The result's one project (the test fails, naming them, if there are more or none)."""
    assert result.report is not None
    projects = result.report.projects
    assert len(projects) == 1, [p.name for p in projects]
    return projects[0]


def amount(q: object) -> Decimal | None:
    """A budget figure's value, None where the figure is missing."""
    return getattr(q, "value", None)


def parsed_project(tmp_path: Path, text: str) -> Project:
    """The one project the parse stage reads from `text` written to a file (no checks run)."""
    from reportparse.parse import parse_report
    from reportparse.readers import extract_document

    path = tmp_path / "money.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_report(extract_document(path))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


def in_wan(q: object) -> float | None:
    """A budget figure in 万元, None where the figure is missing."""
    value = getattr(q, "value", None)
    return None if value is None else float(value) / 10000


def indicator(project: Project, part: str) -> Indicator:
    """The project's one indicator whose name holds `part` (the test fails, naming them, if there are more or none)."""
    found = [i for i in project.indicators if part in i.name]
    assert len(found) == 1, [i.name for i in project.indicators]
    return found[0]


def codes(result: Result) -> list[str]:
    """The codes of the result's error and warning findings."""
    return [f.code for f in result.findings if f.severity in ("error", "warning")]
