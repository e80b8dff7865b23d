"""Checks on what the report says happened: actuals that disagree, targets restated differently or
repeated instead of measured, indicators outside the goal table and goals never reported
(scoring-rules R8; problem catalogue P13, P15, P17)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, pages_known, register, where_said
from reportparse.checks.common import (
    POSITIVE,
    REVERSE,
    bound,
    compatible,
    convert_to,
    ends_document,
    evidence_of,
    fmt_quantity,
    fmt_target,
    has_any_score,
    in_target_unit,
    measured,
    with_target,
)
from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Comparator, Evidence, Finding, Indicator, Project, Target

#: printed figures are rounded; two values this close (relative) are the same figure
ROUNDING = Decimal("0.005")
#: measured actuals of one indicator compared pairwise (a real report states one in a handful of places)
MAX_COMPARED = 64
#: 约/左右 make a figure approximate; within this share it agrees with an exact one
APPROX_SPAN = Decimal("0.1")


def _interval(actual: Actual, value: Decimal, unit: str | None) -> tuple[Decimal | None, Decimal | None]:
    """The range of true values a stated actual allows (None = unbounded on that side).

    `value` is the actual's value in `unit`; a written range (16至24分钟) allows everything
    from its value to its upper bound.
    """
    kind = bound(actual)
    span = APPROX_SPAN if actual.approx else ROUNDING
    upper = convert_to(actual.upper, actual.unit, unit) if actual.upper is not None else None
    top = value if upper is None else max(value, upper)
    if kind == "lower":
        return value * (1 - ROUNDING), None
    if kind == "upper":
        return None, top * (1 + ROUNDING)
    return value * (1 - span), top * (1 + span)


def agree(first: tuple[Actual, Decimal], second: tuple[Actual, Decimal]) -> bool:
    """True when two stated actuals can both be true (their ranges overlap).

    Both values are given in the first actual's unit.
    """
    unit = first[0].unit
    low_a, high_a = _interval(*first, unit)
    low_b, high_b = _interval(*second, unit)
    if low_a is not None and high_b is not None and low_a > high_b:
        return False
    return not (low_b is not None and high_a is not None and low_b > high_a)


def _place(actual: Actual) -> tuple[tuple[int | None, str, int | None, int | None], ...]:
    return tuple((ev.page, ev.text, ev.line, ev.paragraph) for ev in actual.evidence) or ((0, actual.raw, None, None),)


#: prose statements this many lines apart or fewer are one passage (a text dump gives lines, not paragraphs)
_NEAR_LINES = 2


def _same_paragraph(first: Actual, second: Actual) -> bool:
    """Are two prose statements one passage (a list over categories, '21个项目评为一等…比例100%；0个项目评为
    二等…比例0%'), not two places of the report that disagree?"""
    if "table" in (first.origin, second.origin):
        return False
    for a in first.evidence:
        for b in second.evidence:
            if a.page != b.page:
                continue
            if a.paragraph is not None and a.paragraph == b.paragraph:
                return True
            if a.line is not None and b.line is not None and abs(a.line - b.line) <= _NEAR_LINES:
                return True
    return False


@register("conflicting-actuals")
def actuals_disagree(ctx: CheckContext) -> Iterator[Finding]:
    """The same indicator reported with values that cannot both be true, in different places (P17)."""
    paged = pages_known(ctx)
    for project in ctx.report.projects:
        for indicator in project.indicators:
            # every pair is compared: an indicator stated in more places than a report has (a text
            # pasted over and over) is compared on its first statements, to keep the work bounded
            stated = sorted(measured(indicator), key=lambda a: a.origin != "table")[:MAX_COMPARED]
            clashes: list[tuple[Actual, Decimal, Actual, Decimal]] = []
            for i, first in enumerate(stated):
                for second in stated[i + 1:]:
                    if _place(first) == _place(second) or not compatible(first.unit, second.unit):
                        continue
                    if _same_paragraph(first, second):
                        continue  # one paragraph listing a measure per category ('评为一等…比例100%；评为二等…0%')
                    assert first.value is not None and second.value is not None
                    other = convert_to(second.value, second.unit, first.unit)
                    if other is None or agree((first, first.value), (second, other)):
                        continue
                    clashes.append((first, first.value, second, other))
            if not clashes:
                continue
            involved = _unique([a for pair in clashes for a in (pair[0], pair[2])])
            unit = involved[0].unit
            _, va, _, vb = clashes[0]
            listed = "；".join(f"{_shown(x, unit)}（“{x.raw}”{where_said(x.evidence, paged)}）" for x in involved)
            yield new_finding(
                "conflicting-actuals",
                f"{indicator.name}在报告不同位置的实际值不一致：{listed}",
                project=project.name, indicator=indicator.name,
                expected=fmt_quantity(va, unit), actual=fmt_quantity(vb, unit),
                evidence=evidence_of(*(x.evidence for x in involved)),
            )


def _unique(actuals: list[Actual]) -> list[Actual]:
    """Actuals without repeats (pydantic models do not hash), in order."""
    seen: set[int] = set()
    out = []
    for actual in actuals:
        if id(actual) not in seen:
            seen.add(id(actual))
            out.append(actual)
    return out


def _value_in(actual: Actual, unit: str | None) -> Decimal | None:
    return None if actual.value is None else convert_to(actual.value, actual.unit, unit)


def _shown(actual: Actual, unit: str | None) -> str:
    """An actual's value in `unit` for a message; a range as both its ends (200至240小时)."""
    low = _value_in(actual, unit)
    high = None if actual.upper is None else convert_to(actual.upper, actual.unit, unit)
    text = fmt_quantity(low, unit)
    return text if high is None or high == low else f"{text}至{fmt_quantity(high, unit)}"


# ------------------------------------------------------------------------------------------
# restated targets
# ------------------------------------------------------------------------------------------


def _direction(comparator: Comparator | None) -> str | None:
    if comparator in POSITIVE:
        return "up"
    if comparator in REVERSE:
        return "down"
    return None


def _same_value(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= ROUNDING * max(abs(a), abs(b))


def _restated(indicator: Indicator) -> list[tuple[Actual, Decimal]]:
    """Restated actuals with a direction and a value in the target's unit."""
    restated = [
        actual for actual in indicator.actuals
        if actual.kind == "restated" and actual.value is not None and _direction(actual.comparator) is not None
    ]
    return in_target_unit(indicator, restated)


def _matches_target(target: Target, actual: Actual, value: Decimal) -> bool:
    return (
        target.value is not None and _direction(actual.comparator) == _direction(target.comparator)
        and _same_value(value, target.value)
    )


@register("target-changed")
def restated_target_differs(ctx: CheckContext) -> Iterator[Finding]:
    """A target restated in the analysis with another comparator or value than the goal table (R8 C8.1)."""
    for project, indicator, target in with_target(ctx.report.projects):
        for actual, value in _restated(indicator):
            if _matches_target(target, actual, value):
                continue
            restated = f"{'≥' if _direction(actual.comparator) == 'up' else '≤'}{fmt_quantity(value, target.unit)}"
            yield new_finding(
                "target-changed",
                f"目标表中{indicator.name}的目标为 {fmt_target(target)}，报告中重述为 {restated}"
                f"（“{actual.raw}”），与目标表不一致",
                project=project.name, indicator=indicator.name, expected=target.raw, actual=actual.raw,
                evidence=evidence_of(indicator.evidence, actual.evidence),
            )


_COMPARATOR_WORDS = lazy_compile(r"[≥≤><=]|不少于|不低于|不超过|不高于|不大于|以上|以内|以下|至少|控制在")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


@register("actual-restates-target")
def actual_repeats_target(ctx: CheckContext) -> Iterator[Finding]:
    """An 'actual' that only repeats the target (or a remark's requirement) with no measured value (P13)."""
    for project, indicator, target in with_target(ctx.report.projects):
        repeats = [actual for actual, value in _restated(indicator) if _matches_target(target, actual, value)]
        repeats += [a for a in indicator.actuals if a.kind == "restated" and _matches_remark(indicator, a)]
        repeats += [a for a in indicator.actuals if _same_text(target, a)]
        repeats = _unique(repeats)
        if not repeats:
            continue
        quotes = "；".join(f"“{a.raw}”" for a in repeats)
        yield new_finding(
            "actual-restates-target",
            f"{indicator.name}的完成情况 {quotes} 只是重复目标表（{target.raw}，含备注）的要求，没有给出实际完成值",
            project=project.name, indicator=indicator.name, expected=target.raw, actual=repeats[0].raw,
            evidence=evidence_of(indicator.evidence, *(a.evidence for a in repeats)),
        )


def _matches_remark(indicator: Indicator, actual: Actual) -> bool:
    """A restated actual equal to one of the requirements listed in the goal table's remark."""
    if actual.value is None:
        return False
    for remark in indicator.remark_quantities:
        quantity = remark.quantity
        if quantity.value is None or not compatible(quantity.unit, actual.unit):
            continue
        value = convert_to(actual.value, actual.unit, quantity.unit)
        if value is not None and _same_value(value, quantity.value) and (
            _direction(actual.comparator) in (_direction(remark.comparator), None)
            or remark.comparator == "="
        ):
            return True
    return False


def _same_text(target: Target, actual: Actual) -> bool:
    """The actual's text is the target's text, and that text is a requirement, not a bare figure."""
    text = _norm(actual.raw)
    if not text or text != _norm(target.raw):
        return False
    # "效果明显" answered with "效果明显" is how forms state a qualitative tier, not a restatement
    return bool(re.search(r"\d", text)) and bool(_COMPARATOR_WORDS.search(text))


# ------------------------------------------------------------------------------------------
# coverage of the goal table
# ------------------------------------------------------------------------------------------


@register("indicator-not-in-goals")
def reported_outside_goals(ctx: CheckContext) -> Iterator[Finding]:
    """An indicator the report scores or reports that the goal table does not have (R8)."""
    for project in ctx.report.projects:
        if not any(indicator.in_goal_table for indicator in project.indicators):
            continue  # a report that states no goals has none for an indicator to stand outside
        for indicator in project.indicators:
            if indicator.in_goal_table:
                continue
            stated = [a for a in indicator.actuals if a.kind != "empty"]
            if not stated and indicator.score is None:
                continue
            quotes = "；".join(f"“{a.raw}”" for a in stated[:3])
            said = f"：{quotes}" if quotes else ""
            yield new_finding(
                "indicator-not-in-goals",
                f"报告在“{indicator.level}”下报告了目标表中没有的指标“{indicator.name}”{said}",
                project=project.name, indicator=indicator.name,
                evidence=evidence_of(indicator.evidence, *(a.evidence for a in stated)),
            )


@register("goal-not-reported")
def goal_never_reported(ctx: CheckContext) -> Iterator[Finding]:
    """A goal-table indicator of an evaluated project with no actual anywhere in the report (R8).

    A goal row several projects share (one goal table for a group of projects: 运维及时性, 社会效益 …)
    is one goal: reported when any of them reports it, and said once when none does.
    """
    sharers = _shared_goal_rows(ctx.report.projects)
    said: set[tuple[int, int]] = set()
    for project in ctx.report.projects:
        if not (project.evaluated or has_any_score(project)):
            continue  # an unevaluated project is missing-evaluation, not one finding per goal
        if not any(a.kind != "empty" for indicator in project.indicators for a in indicator.actuals):
            continue  # no result reported for any goal: one gap (missing-values / missing-evaluation), not N
        for indicator in project.indicators:
            if not indicator.in_goal_table or indicator.score is not None:
                continue
            if indicator.target is None or not indicator.target.raw.strip():
                continue  # a row with no target sets no goal (often a header row read as an indicator)
            if any(a.kind != "empty" for a in indicator.actuals):
                continue
            if ends_document(indicator, ctx.document):
                continue  # the page stops inside this row: its 完成值 was cut, not left out
            row = _goal_row(indicator)
            if row in sharers:
                if row in said or any(a.kind != "empty" for other in sharers[row] for a in other.actuals):
                    continue
                said.add(row)
            target = f"（目标 {indicator.target.raw}）" if indicator.target is not None else ""
            yield new_finding(
                "goal-not-reported",
                f"目标表中的指标“{indicator.name}”{target}在报告中没有任何完成情况",
                project=project.name, indicator=indicator.name, expected=indicator.target.raw
                if indicator.target is not None else None,
                evidence=_first(indicator.evidence),
            )


def _goal_row(indicator: Indicator) -> tuple[int, int] | None:
    """The (table, row) of the goal table an indicator was read from, if it was read from a table."""
    for ev in indicator.evidence:
        if ev.table is not None and ev.row is not None:
            return ev.table, ev.row
    return None


def _shared_goal_rows(projects: list[Project]) -> dict[tuple[int, int], list[Indicator]]:
    """Goal-table rows that more than one project's indicators were read from."""
    rows: dict[tuple[int, int], list[tuple[str, Indicator]]] = {}
    for project in projects:
        for indicator in project.indicators:
            row = _goal_row(indicator) if indicator.in_goal_table else None
            if row is not None:
                rows.setdefault(row, []).append((project.name, indicator))
    return {row: [ind for _, ind in owners] for row, owners in rows.items()
            if len({name for name, _ in owners}) > 1}


def _first(evidence: list[Evidence]) -> list[Evidence]:
    return evidence[:2]
