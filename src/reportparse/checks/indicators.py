"""Indicator checks: targets missed or far exceeded, full marks without support, unit clashes and
unit costs (scoring-rules R4, R6, §6.2; problem catalogue P6, P7, P10, P12, P13).

An indicator's actuals are compared with its target by comparator and unit. When the report
states several measured actuals that disagree, `target-missed` is judged on the worst one, but the
error `target-missed-full-score` needs every actual to miss: one place showing the target met makes
the full marks defensible, and the disagreement itself is `conflicting-actuals`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import (
    EPSILON,
    ZERO,
    bound,
    comparable,
    compatible,
    direction,
    evidence_of,
    fmt,
    fmt_actual,
    fmt_money,
    fmt_target,
    full_marks_claim,
    gives_reason,
    measured,
    meets,
    positive_score_claim,
    quantitative,
    score_lines,
    unit_family,
    unit_kind,
)
from reportparse.checks.rowread import not_the_rows_own
from reportparse.checks.rowreason import reason_said_elsewhere
from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Evidence, Finding, Indicator, Project, Target
from reportparse.scoring import recompute_indicator

Verdict = tuple[Actual, Decimal, bool | None]


def verdicts(indicator: Indicator) -> list[Verdict]:
    """(actual, value in the target's unit, met?) for every comparable measured actual."""
    target = indicator.target
    if target is None:
        return []
    return [(actual, value, meets(indicator, actual, value)) for actual, value in comparable(indicator)]


def _describe(indicator: Indicator, actual: Actual, value: Decimal) -> str:
    target = indicator.target
    return fmt_actual(actual, value, target.unit if target else actual.unit)


@register("target-missed")
def target_missed(ctx: CheckContext) -> Iterator[Finding]:
    """An actual that misses its target, scored pro rata (info)."""
    return (f for f in _missed(ctx) if f.code == "target-missed")


@register("target-missed-full-score")
def target_missed_full_score(ctx: CheckContext) -> Iterator[Finding]:
    """Every actual misses the target, yet the indicator or its level got full marks (P6)."""
    return (f for f in _missed(ctx) if f.code == "target-missed-full-score")


def _missed(ctx: CheckContext) -> Iterator[Finding]:
    """Target-missed findings: info, or an error when every actual misses yet full marks were claimed."""
    for project in ctx.report.projects:
        for indicator in project.indicators:
            judged = verdicts(indicator)
            missed = [(a, v) for a, v, ok in judged if ok is False]
            if not missed or indicator.target is None:
                continue
            target_text = fmt_target(indicator.target)
            worst = _worst(indicator, missed)
            all_missed = all(ok is False for _, _, ok in judged)
            claim = full_marks_claim(project, indicator) if all_missed and not _rule_allows(indicator, ctx) else None
            actual_text = "；".join(_describe(indicator, a, v) for a, v in missed)
            if claim is not None:
                yield new_finding(
                    "target-missed-full-score",
                    f"{indicator.name}目标为 {target_text}，实际为 {actual_text}，未达到目标，"
                    f"但{claim.holder}得满分 {fmt(claim.score)}/{fmt(claim.weight)}",
                    project=project.name, indicator=indicator.name, expected=indicator.target.raw,
                    actual=worst[0].raw,
                    evidence=evidence_of(indicator.evidence, *(a.evidence for a, _ in missed), claim.evidence),
                )
                continue
            met = [_describe(indicator, a, v) for a, v, ok in judged if ok is True]
            elsewhere = f"（报告另一处为 {'；'.join(met)}，已达到目标）" if met else ""
            yield new_finding(
                "target-missed",
                f"{indicator.name}目标为 {target_text}，实际为 {actual_text}，未达到目标{elsewhere}",
                project=project.name, indicator=indicator.name, expected=indicator.target.raw,
                actual=worst[0].raw,
                evidence=evidence_of(indicator.evidence, *(a.evidence for a, _ in missed)),
            )


def _rule_allows(indicator: Indicator, ctx: CheckContext) -> bool:
    """A row scored by its own printed step rule whose full marks that rule gives for this shortfall
    ('每低于5%扣2分': 99.27% of a 100% target loses less than one step)."""
    if indicator.scoring_rule is None or indicator.score is None:
        return False
    candidates = recompute_indicator(indicator, ctx.profile)
    return any(abs(indicator.score - s) <= ctx.profile.score_tolerance for s in candidates)


def _worst(indicator: Indicator, missed: list[tuple[Actual, Decimal]]) -> tuple[Actual, Decimal]:
    """The actual furthest from a positive target (lowest) or a reverse one (highest)."""
    reverse = direction(indicator) == "down"
    return max(missed, key=lambda pair: pair[1]) if reverse else min(missed, key=lambda pair: pair[1])


@register("overachieved-full-score")
def far_above_target(ctx: CheckContext) -> Iterator[Finding]:
    """Every actual ≥ 130% of a positive target (≤ 70% of a reverse one) with full marks (R4d, P10)."""
    ratio = ctx.profile.overshoot_ratio
    for project in ctx.report.projects:
        for indicator in project.indicators:
            target = indicator.target
            judged = verdicts(indicator)
            if target is None or target.value is None or target.value <= 0 or not judged:
                continue
            values = [v for _, v, _ in judged]
            way = direction(indicator)
            if way is None:
                continue
            if way == "up":
                far = all(bound(a) != "upper" for a, _, _ in judged) and min(values) >= ratio * target.value
            else:
                far = (
                    all(bound(a) != "lower" for a, _, _ in judged)
                    and 0 < max(values) <= (2 - ratio) * target.value
                )
            claim = full_marks_claim(project, indicator)
            if not far or claim is None:
                continue
            share = (values[0] / target.value * 100).quantize(Decimal("0.1"))
            yield new_finding(
                "overachieved-full-score",
                f"{indicator.name}实际 {_describe(indicator, judged[0][0], values[0])} 为目标 "
                f"{fmt_target(target)} 的 {fmt(share)}%，得满分，目标值可能设定偏低",
                project=project.name, indicator=indicator.name, expected=target.raw, actual=judged[0][0].raw,
                evidence=evidence_of(indicator.evidence, *(a.evidence for a, _, _ in judged), claim.evidence),
                profile=ctx.profile.name,
            )


@register("met-but-deducted")
def met_yet_deducted(ctx: CheckContext) -> Iterator[Finding]:
    """A quantitative indicator whose every actual meets the target, scored below its weight, no reason."""
    for project in ctx.report.projects:
        for indicator in project.indicators:
            weight, score = indicator.weight, indicator.score
            if weight is None or score is None or score >= weight - ctx.profile.score_tolerance:
                continue
            if gives_reason(indicator.deviation_reason) or not_the_rows_own(project, indicator) \
                    or reason_said_elsewhere(indicator, ctx.document):
                continue  # (a reason given, here or elsewhere; or the 分值 is a group's, printed once)
            judged = verdicts(indicator)
            if not judged or not all(ok is True for _, _, ok in judged) or indicator.target is None:
                continue
            yield new_finding(
                "met-but-deducted",
                f"{indicator.name}实际 {_describe(indicator, judged[0][0], judged[0][1])} 已达到目标 "
                f"{fmt_target(indicator.target)}，却只得 {fmt(score)}/{fmt(weight)} 分，且未说明扣分原因",
                project=project.name, indicator=indicator.name, expected=weight, actual=score,
                evidence=evidence_of(indicator.evidence, *(a.evidence for a, _, _ in judged)),
            )


@register("met-but-deducted")
def level_met_yet_deducted(ctx: CheckContext) -> Iterator[Finding]:
    """A level whose rows print a 得分 and no 分值 (the level's printed points their only weight): every row
    meets its target, yet the rows score less than the level's points, and no row says why. Which row lost the
    points the form does not show; that a met row lost them, it does (40 points, all three rows met, 39.6)."""
    tolerance = ctx.profile.score_tolerance
    for project in ctx.report.projects:
        covered: set[int] = set()
        for line in sorted(score_lines(project).values(), key=lambda x: x.level.count("/")):
            weight, score = line.weight, line.score
            if line.level in ("总分", "预算执行") or weight is None or score is None or score >= weight - tolerance:
                continue
            rows = [ind for ind in project.indicators
                    if ind.level == line.level or ind.level.startswith(line.level + "/")]
            if not rows or any(id(ind) in covered for ind in rows):
                continue
            if any(ind.weight is not None for ind in rows):
                continue  # a row with its own 分值 is judged on its own
            if all(ind.score is None for ind in rows):
                # a narrative level statement ('数量指标：计划…，实际…，分值10分，得分9分。') scores its level's
                # indicators together: every one of them told in that statement, and the statement says no why
                if not all(_told_in(ind, line.evidence) for ind in rows) or _says_why(line.evidence):
                    continue
            elif any(ind.score is None for ind in rows):
                continue  # a row without a score leaves the sum open
            elif abs(sum((ind.score for ind in rows if ind.score is not None), ZERO) - score) > tolerance:
                continue  # the level's score is not its rows' sum: a row is missing
            if any(gives_reason(ind.deviation_reason) for ind in rows):
                continue
            judged = [verdicts(ind) for ind in rows]
            if not all(found and all(ok is True for _, _, ok in found) for found in judged):
                continue
            covered.update(id(ind) for ind in rows)
            names = "、".join(ind.name for ind in rows)
            yield new_finding(
                "met-but-deducted",
                f"{line.level}（{fmt(weight)}分）下的指标均已达到目标（{names}），得分合计却只有 {fmt(score)} 分，"
                f"且未说明扣分原因",
                project=project.name, indicator=line.level, expected=weight, actual=score,
                evidence=evidence_of(line.evidence, *(ind.evidence for ind in rows)),
            )


#: words by which a statement gives the reason for points lost ('因部分路段未完工扣1分', '偏差原因：…')
_WHY = lazy_compile(r"扣|原因|因为|由于|因|未能|未按|偏差|差距|不足|滞后|影响")


def _told_in(indicator: Indicator, quotes: list[Evidence]) -> bool:
    """Is the indicator told in one of the level statement's quotes (its own quote inside one of them)?"""
    return bool(indicator.evidence) and all(
        any(ev.text and ev.text.strip("。；;，, ") in q.text for q in quotes) for ev in indicator.evidence)


def _says_why(quotes: list[Evidence]) -> bool:
    return any(_WHY.search(q.text) for q in quotes)


@register("unsupported-score")
def scored_without_measurement(ctx: CheckContext) -> Iterator[Finding]:
    """A quantitative target answered only in words (普遍较高, 达成), yet scored above 0 (R6 C6.1, P12/P13).

    An indicator with restated targets or no actual at all is left to actual-restates-target,
    goal-not-reported and missing-values, which say more precisely what is wrong.
    """
    for project in ctx.report.projects:
        for indicator in project.indicators:
            if not quantitative(indicator.target) or indicator.target is None:
                continue
            stated = [a for a in indicator.actuals if a.kind != "empty"]
            if not stated or any(a.kind != "qualitative" or _has_figure(a.raw) for a in stated):
                continue
            if _none_happened(indicator.target, stated):
                continue
            if not all(a.origin == "table" or _mentions(a.raw, indicator.name) for a in stated):
                continue  # words that never name the indicator may be about something else
            claim = positive_score_claim(project, indicator)
            if claim is None:
                continue
            words = "；".join(f"“{a.raw}”" for a in stated)
            yield new_finding(
                "unsupported-score",
                f"{indicator.name}的目标是定量的 {fmt_target(indicator.target)}，报告只以文字 {words} 描述完成情况，"
                f"没有实测值，{claim.holder}却得分 {fmt(claim.score)}/{fmt(claim.weight)}",
                project=project.name, indicator=indicator.name, expected=indicator.target.raw,
                actual=stated[0].raw,
                evidence=evidence_of(indicator.evidence, *(a.evidence for a in stated), claim.evidence),
            )


_FIGURE = lazy_compile(r"[0-9０-９]|百分之|[一二两三四五六七八九十百千万]+\s*(?:%|％|个|人|次|部|项|件|台|条|天|小时)")


#: words saying that nothing of the kind happened: under a cap (<5次, ≤3起) that is a count of zero
_NONE_HAPPENED = lazy_compile(r"^[\s，,。]*(?:无|没有|未发生|未出现|零|杜绝)")


def _none_happened(target: Target, stated: list[Actual]) -> bool:
    """True when a capped count (<5次, ≤3起, 不超过2起) is answered "无上访", "未发生": a measured 0.

    "无" under a positive target (≥90%) says nothing of how much was done, so it stays unsupported.
    """
    return target.comparator in ("<", "<=") and all(_NONE_HAPPENED.search(a.raw) for a in stated)


def _has_figure(text: str) -> bool:
    """True when words carry a number after all (百分之九十三 that normalise did not read)."""
    return bool(_FIGURE.search(text))


def _mentions(text: str, name: str) -> bool:
    """True when the text shares a run of three characters with the name (all of a shorter name)."""
    size = min(3, len(name))
    return any(name[i:i + size] in text for i in range(len(name) - size + 1))


@register("unit-mismatch")
def incompatible_units(ctx: CheckContext) -> Iterator[Finding]:
    """A measured actual in a unit of the same kind as the target's but another family (人 vs 人次).

    An actual of an unrelated kind (a count under a percent target) is more likely filed under the
    wrong row than written in a wrong unit, so it is left alone; but not when a form's row prints it in
    its own 实际完成值 cell beside the target ('配备率 | 100% | 1000件'): there it answers that very rate
    with a count, and whether the rate was met cannot be read.
    """
    for project in ctx.report.projects:
        for indicator in project.indicators:
            target = indicator.target
            if not quantitative(target) or target is None or target.unit is None:
                continue
            for actual in measured(indicator):
                if actual.unit is None or compatible(target.unit, actual.unit):
                    continue
                same_kind = unit_kind(actual.unit) == unit_kind(target.unit) in ("count", "time")
                if not same_kind and not _count_for_a_rate(indicator, actual):
                    continue
                yield new_finding(
                    "unit-mismatch",
                    f"{indicator.name}目标单位为“{target.unit}”（{target.raw}），实际值单位为“{actual.unit}”"
                    f"（{actual.raw}），两者不能直接比较",
                    project=project.name, indicator=indicator.name, expected=target.unit, actual=actual.unit,
                    evidence=evidence_of(indicator.evidence, actual.evidence),
                )


#: an indicator's name that says it is a rate: its target in % is the measure, not a cell read off another row
_RATE_NAME = lazy_compile(r"率|比例|占比")


def _count_for_a_rate(indicator: Indicator, actual: Actual) -> bool:
    """A count printed in the row's own result cell under a percent target (the same table row) of an
    indicator its name calls a rate ('配备率'): a row whose cells a dump ran together and its reader cut
    wrong gives a name that is no rate's."""
    target = indicator.target
    if target is None or unit_kind(target.unit) != "percent" or unit_kind(actual.unit) != "count":
        return False
    if not _RATE_NAME.search(indicator.name):
        return False
    rows = {row for ev in indicator.evidence if (row := _table_row(ev)) is not None}
    return actual.origin == "table" and any(_table_row(ev) in rows for ev in actual.evidence)


def _table_row(ev: Evidence) -> tuple[int | None, int | None, int | None, int | None] | None:
    """Where a cell's row is: a file's table and row, or (a form rebuilt from text lines) its page and line."""
    if ev.row is None and ev.line is None:
        return None
    return ev.table, ev.row, ev.page, ev.line


#: the name the subject gives a department-wide evaluation's one project (parse.subject: ‹单位›部门整体支出)
_WHOLE_SPENDING = lazy_compile(r"整体支出")


@register("unit-cost-over-target")
def unit_cost_above_target(ctx: CheckContext) -> Iterator[Finding]:
    """Budget ÷ a reported count above a per-unit cost target such as 2万元/部 (R4c).

    Every count the project reports in that measure word must give a cost above the target: with
    counts that disagree the cost is uncertain, and conflicting-actuals reports the disagreement.
    A department's whole spending (‹单位›部门整体支出) pays for all its duties, not for one output: its money
    divided by one indicator's count is no unit cost.
    """
    for project in ctx.report.projects:
        if _WHOLE_SPENDING.search(project.name):
            continue
        amount, amount_quote = _spent(project)
        if amount is None:
            continue
        by_word: dict[str, list[tuple[Actual, Decimal]]] = {}  # one pass over the actuals per measure word
        for indicator in project.indicators:
            target = indicator.target
            if target is None or target.value is None or target.unit is None or "/" not in target.unit:
                continue
            if target.comparator not in ("<=", "<", "="):
                continue
            numerator, _, per = target.unit.partition("/")
            if unit_family(numerator) != "money" or not per:
                continue
            if per not in by_word:
                by_word[per] = _counts(project, per)
            counts = by_word[per]
            if not counts or any(value <= 0 for _, value in counts):
                continue
            costs = [(actual, amount / value) for actual, value in counts]
            if not all(cost > target.value + EPSILON for _, cost in costs):
                continue
            actual, cost = max(costs, key=lambda pair: pair[1])
            yield new_finding(
                "unit-cost-over-target",
                f"{indicator.name}目标为 {fmt_target(target)}，而 {fmt_money(amount)} ÷ {actual.raw} = "
                f"{fmt_money(cost)}/{per}，超过目标",
                project=project.name, indicator=indicator.name, expected=target.value,
                actual=cost.quantize(Decimal("0.01")),
                evidence=evidence_of(indicator.evidence, *(a.evidence for a, _ in counts), amount_quote),
            )


def _spent(project: Project) -> tuple[Decimal | None, list[Evidence]]:
    """The money the unit cost is computed from: executed when known and positive, else the budget."""
    budget = project.budget
    for quantity in (budget.executed, budget.planned):
        if quantity is not None and quantity.value is not None and quantity.value > ZERO:
            return quantity.value, list(quantity.evidence)
    return None, []


def _counts(project: Project, measure_word: str) -> list[tuple[Actual, Decimal]]:
    """Every measured actual of the project counted in `measure_word` (exact values and lower bounds)."""
    family = unit_family(measure_word)
    out = []
    for indicator in project.indicators:
        for actual in measured(indicator):
            if actual.value is not None and unit_family(actual.unit) == family and bound(actual) != "upper":
                out.append((actual, actual.value))
    return out
