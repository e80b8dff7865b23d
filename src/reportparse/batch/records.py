"""One checked file → the rows the batch stores: a document row, project, indicator and finding rows.

Built in the worker (pure functions of a Result), so the main process only writes small rows and
never holds a Result. Numbers are written as SQLite numbers (int when whole, else float); the
exact decimals stay in the per-file JSON.

A project's *evaluation text* — what `copied-evaluation` compares across reports — is defined
here: the sentences in which the report's prose states the project's results (the quotes of its
actual values outside tables: analysis, conclusion, narrative) and the deviation reasons it
writes (偏差原因, at least `MIN_REASON_CHARS` characters), in report order, each once; the
project's own names are blanked out (a copier changes the name and keeps the rest), and spaces
and punctuation (but not decimal points) dropped. It is compared only when it has at least `MIN_EVALUATION_STATEMENTS`
statements and `MIN_EVALUATION_CHARS` characters, so a shared stock phrase (达到预期目标,
群众满意度较高) never makes two projects look copied.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from reportparse.lazypattern import lazy_compile

if TYPE_CHECKING:  # the batch's main process imports this module to store rows: not the models with it
    from reportparse.model import Project, Quantity, Result


MIN_EVALUATION_STATEMENTS = 3
MIN_EVALUATION_CHARS = 60
MIN_REASON_CHARS = 10

#: spaces and punctuation; a decimal point and a percent sign stay (1.5小时 must not read as 15小时)
_NOISE = lazy_compile(r"[^\w.%％]+|_+")

Row = tuple[object, ...]


@dataclass
class FileRecords:
    """Everything the store needs about one file, without the Result itself."""

    document: dict[str, object]
    projects: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    findings: list[Row] = field(default_factory=list)


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a SQLite/CSV number: an int when whole, else a float."""
    if value is None or not value.is_finite() or value.adjusted() > 300:
        return None  # 100,000 digits: no real amount, and beyond what SQLite and CSV readers take
    try:
        whole = value == value.to_integral_value()
    except ArithmeticError:
        whole = False
    return int(value) if whole and abs(value) < 2**63 else float(value)


def _quantity(quantity: Quantity | None) -> int | float | None:
    return number(quantity.value) if quantity is not None else None


def file_records(result: Result) -> FileRecords:
    """The rows of one Result: document, projects, indicators and findings (ordinals from 0)."""
    report = result.report
    document: dict[str, object] = {
        "status": result.status.value, "reason": result.reason, "message": result.message,
        "format": result.source.format.value, "pages": result.source.pages, "sha256": result.source.sha256,
        "title": report.title if report else None, "year": report.year if report else None,
        "unit": report.unit if report else None, "layout": report.layout if report else None,
        "projects": len(report.projects) if report else 0,
        "errors": result.summary.error, "warnings": result.summary.warning, "infos": result.summary.info,
    }
    records = FileRecords(document)
    for p_no, project in enumerate(report.projects if report else []):
        records.projects.append(_project_row(p_no, project, report.year if report else None))
        for i_no, ind in enumerate(project.indicators):
            target = ind.target
            actuals = "；".join(a.raw for a in ind.actuals if a.raw)
            records.indicators.append((
                p_no, i_no, project.name, ind.level, ind.name,
                target.comparator if target else None,
                target.raw if target else None,
                number(target.value) if target else None,
                target.unit if target else None,
                actuals or None,
                number(ind.weight), number(ind.score), number(ind.recomputed_score),
            ))
    for f_no, finding in enumerate(result.findings):
        first = finding.evidence[0] if finding.evidence else None
        records.findings.append((
            f_no, "document", finding.code, finding.severity.value, finding.project, finding.indicator,
            finding.message, _plain(finding.expected), _plain(finding.actual),
            first.page if first else None, first.text if first else None, None,
        ))
    return records


def _project_row(ordinal: int, project: Project, year: int | None) -> Row:
    budget = project.budget
    text = evaluation_text(project)
    return (
        ordinal, project.name, "；".join(project.aliases) or None, year,
        _quantity(budget.planned), _quantity(budget.executed), _quantity(budget.returned), number(budget.rate),
        budget.planned.raw if budget.planned else None,
        budget.planned.evidence[0].page if budget.planned and budget.planned.evidence else None,
        budget.planned.evidence[0].text if budget.planned and budget.planned.evidence else None,
        number(project.total_score), project.grade,
        text or None, hashlib.sha256(text.encode()).hexdigest() if text else None,
    )


def evaluation_text(project: Project) -> str:
    """The project's evaluation text (see the module docstring), or "" when too short to compare."""
    statements: list[str] = []
    for ind in project.indicators:
        for actual in ind.actuals:
            if actual.origin == "table":
                continue
            statements.extend(ev.text for ev in actual.evidence)
        if ind.deviation_reason and len(ind.deviation_reason.strip()) >= MIN_REASON_CHARS:
            statements.append(ind.deviation_reason)
    names = sorted({project.name, *project.aliases}, key=len, reverse=True)
    seen: list[str] = []
    for statement in statements:
        for name in names:
            statement = statement.replace(name, "〇")
        plain = _NOISE.sub("", statement)
        if plain and plain not in seen:
            seen.append(plain)
    text = "｜".join(seen)
    if len(seen) < MIN_EVALUATION_STATEMENTS or len(text) < MIN_EVALUATION_CHARS:
        return ""
    return text


def _plain(value: object) -> object:
    if isinstance(value, Decimal):
        return number(value)
    return value
