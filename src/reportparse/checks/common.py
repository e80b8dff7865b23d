"""Helpers shared by the check modules, one import for them all.

The checks work on the Report model alone. The helpers answer the questions several checks ask the same way;
they live by theme — levels.py (level paths, claimed scores), targetunits.py (units and conversion),
verdicts.py (does an actual show its target met), formatting.py (numbers in a Chinese message) — and this
module gives them all under one name, with the few that fit no theme: a 偏差原因 cell that gives a reason, the
report's only project, where the document ends, evidence lists, and the (project, indicator) pairs.
Nothing here registers a check.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from reportparse.checks.formatting import (
    fmt,
    fmt_actual,
    fmt_money,
    fmt_quantity,
    fmt_target,
)
from reportparse.checks.levels import (
    EPSILON,
    Claim,
    ambiguous,
    claim_for,
    first_level,
    full_marks_claim,
    has_any_score,
    is_full,
    last_level,
    level_line,
    positive_score_claim,
    reliable_lines,
    score_lines,
    segments,
)
from reportparse.checks.targetunits import (
    actual_in_target_unit,
    compatible,
    convert_to,
    unit_family,
    unit_kind,
    written_factor,
)
from reportparse.checks.verdicts import (
    POSITIVE,
    REVERSE,
    bound,
    comparable,
    direction,
    in_target_unit,
    measured,
    meets,
    money_ceiling,
    quantitative,
)
from reportparse.model import Document, Evidence, Indicator, Paragraph, Project, Report, Table, Target

__all__ = [
    "EPSILON",
    "POSITIVE",
    "REVERSE",
    "ZERO",
    "Claim",
    "actual_in_target_unit",
    "ambiguous",
    "bound",
    "claim_for",
    "comparable",
    "compatible",
    "convert_to",
    "direction",
    "ends_document",
    "evidence_of",
    "first_level",
    "fmt",
    "fmt_actual",
    "fmt_money",
    "fmt_quantity",
    "fmt_target",
    "full_marks_claim",
    "gives_reason",
    "has_any_score",
    "in_target_unit",
    "is_full",
    "last_level",
    "level_line",
    "measured",
    "meets",
    "money_ceiling",
    "named",
    "only_project_name",
    "positive_score_claim",
    "quantitative",
    "reliable_lines",
    "score_lines",
    "segments",
    "unit_family",
    "unit_kind",
    "with_target",
    "written_factor",
]

ZERO = Decimal(0)


_NO_REASON = {"", "无", "/", "／", "-", "—", "——", "－", "无偏差", "不适用"}


def gives_reason(text: str | None) -> bool:
    """True when a 偏差原因 cell says something ("无" or a dash is no reason)."""
    return text is not None and text.strip().strip("。.") not in _NO_REASON


def only_project_name(report: Report) -> str | None:
    """The report's project when it has just one: what prose that names no project speaks of."""
    return report.projects[0].name if len(report.projects) == 1 else None


def ends_document(indicator: Indicator, document: Document | None) -> bool:
    """True when the indicator's row is where the document stops: the last row of its last table, or
    the last line of its last paragraph — an excerpt cut inside the form, not a row left unfilled."""
    if document is None or not document.elements:
        return False
    end = document.elements[-1]
    final = end.lines[-1].line if isinstance(end, Paragraph) and end.lines else None
    if isinstance(end, Table) and end.rows:
        # (a text's last table whose rows a form reader rebuilt into a table of its own: its rows keep their lines)
        final = max((cell.line for cell in end.rows[-1] if cell.line is not None), default=None)
    for ev in indicator.evidence:
        if isinstance(end, Table) and ev.table == end.index and ev.row is not None and ev.row >= len(end.rows) - 1:
            return True
        if final is not None and ev.line is not None and ev.line >= final - 1:
            return True
    return False


def evidence_of(*sources: Iterable[Evidence] | None) -> list[Evidence]:
    """Concatenate evidence lists, skipping missing ones (new_finding removes duplicates)."""
    out: list[Evidence] = []
    for source in sources:
        if source:
            out.extend(source)
    return out


def named(projects: Iterable[Project]) -> Iterator[tuple[Project, Indicator]]:
    """Every (project, indicator) pair of the report."""
    for project in projects:
        for indicator in project.indicators:
            yield project, indicator


def with_target(projects: Iterable[Project]) -> Iterator[tuple[Project, Indicator, Target]]:
    """Every (project, indicator, target) of the report, for the indicators that have a target."""
    for project in projects:
        for indicator in project.indicators:
            if indicator.target is not None:
                yield project, indicator, indicator.target
