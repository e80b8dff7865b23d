"""Inconsistencies injected on purpose, each returning the gold findings it implies.

An injection changes the facts of a project (what the document will say) and returns
(required, acceptable) finding entries: required = the inconsistency put in; acceptable =
side effects that are also true or defensible readings. Everything not listed is forbidden
by the caller where it knows the code cannot be true.
"""

from __future__ import annotations

import random
from decimal import ROUND_FLOOR, Decimal

from genlib.common import actual_phrase, meets, money, percent
from genlib.narrative import NarrativeSpec, restated, satisfaction_words
from genlib.project import Proj, compute_scores, hundreds, rollup, set_spending

D = Decimal
Entries = tuple[list[dict[str, object]], list[dict[str, object]]]


def f(code: str, project: str | None = None, indicator: str | None = None, why: str = "") -> dict[str, object]:
    entry: dict[str, object] = {"code": code}
    if project:
        entry["project"] = project
    if indicator:
        entry["indicator"] = indicator
    if why:
        entry["why"] = why
    return entry


def floor_int(value: Decimal) -> Decimal:
    return value.to_integral_value(ROUND_FLOOR)


def returned_note(p: Proj, rng: random.Random) -> str:
    balance = p.planned - p.executed
    where = rng.choice(["已全部交回财政", "已按规定上缴财政", "已退回县财政", "结转下年继续使用"])
    return f"结余资金{money(balance, rng)}{where}。"


def spend(p: Proj, share: str, rng: random.Random, returned: bool = True) -> None:
    """Spend a share of the budget; the rest is returned (or carried over) and the report says so,
    or, with returned=False, nothing is said about it."""
    set_spending(p, p.planned * D(share), returned=returned)
    if returned:
        p.balance_note = returned_note(p, rng)
        if "结转" in p.balance_note:
            p.returned = None  # carried over, not returned: explained, but no 交回 amount
    compute_scores(p)


def side_effects(projects: list[Proj], form: bool) -> list[dict[str, object]]:
    """Findings that are true of the final facts whatever was injected: a target missed (with or
    without full marks), a large overshoot, an empty 偏差原因 where one is due, a unit cost over its
    target. They are acceptable (not required): the injections name what was put in on purpose."""
    out: list[dict[str, object]] = []
    for p in projects:
        if not p.evaluated:  # nothing about its results is printed
            continue
        for ind in p.inds:
            full = ind.score is not None and ind.weight is not None and ind.score >= ind.weight
            due_reason = form and not ind.reason and ind.score is not None and ind.weight is not None and (
                ind.score < ind.weight)
            if ind.cmp != "qualitative" and ind.actual is not None and ind.value:
                if not meets(ind, ind.actual):
                    out.append(f("target-missed", p.name, ind.name))
                    if full:
                        out.append(f("target-missed-full-score", p.name, ind.name))
                positive = ind.cmp in (">=", ">", "=")
                ratio = ind.actual / ind.value
                if (ratio >= D("1.3")) if positive else (ratio <= D("0.7")):
                    if full:
                        out.append(f("overachieved-full-score", p.name, ind.name))
                    due_reason = due_reason or (form and not ind.reason)
            if due_reason:
                out.append(f("deviation-reason-missing", p.name, ind.name))
            if ind.kind == "unit_cost" and ind.value:
                qty = next((i.actual for i in p.inds if i.kind == "count" and i.word == ind.word
                            and i.level.endswith("数量")), None)
                if qty and p.planned / qty > ind.value:
                    out.append(f("unit-cost-over-target", p.name, ind.name))
    return out


# ------------------------------------------------------------------------------------------
# both layouts
# ------------------------------------------------------------------------------------------


def budget_rate(p: Proj, rng: random.Random) -> Entries:
    spend(p, "0.95", rng)
    p.printed_rate = p.rate + 3
    return [f("budget-rate-mismatch", p.name, why=f"printed rate {p.printed_rate}% vs {p.rate}%")], []


def budget_score(p: Proj, rng: random.Random) -> Entries:
    spend(p, rng.choice(["0.96", "0.85", "0.9"]), rng)
    p.budget_score = p.budget_weight
    rollup(p)
    return [f("budget-score-mismatch", p.name, why=f"rate {p.rate}% but full budget score")], []


def budget_score_unexplained(p: Proj, rng: random.Random) -> Entries:
    """The seed's pattern: part of the budget unspent, nothing said about it, full budget score."""
    spend(p, "0.97", rng, returned=False)
    p.budget_score = p.budget_weight
    rollup(p)
    return [f("budget-score-mismatch", p.name), f("unexplained-balance", p.name)], []


def over_executed(p: Proj, rng: random.Random) -> Entries:
    set_spending(p, p.planned * D("1.04"), returned=False)
    compute_scores(p)
    p.printed_rate = p.rate
    return [f("over-executed", p.name)], []


def unexplained(p: Proj, rng: random.Random) -> Entries:
    spend(p, "0.94", rng, returned=False)
    return [f("unexplained-balance", p.name, why="6% of the budget neither spent nor said to be returned")], []


def target_missed(p: Proj, rng: random.Random, reason: str = "受天气和工期影响，部分任务顺延至次年") -> Entries:
    ind = p.ind("数量")
    assert ind.value is not None
    ind.actual = floor_int(ind.value * D("0.9"))
    ind.reason = reason
    compute_scores(p)
    return [f("target-missed", p.name, ind.name)], []


def target_missed_full(p: Proj, rng: random.Random) -> Entries:
    sat = p.ind("满意度")
    assert sat.value is not None and sat.weight is not None
    sat.actual = sat.value - 6
    compute_scores(p)
    sat.score = sat.weight
    rollup(p)
    return ([f("target-missed-full-score", p.name, sat.name)],
            [f("target-missed", p.name, sat.name), f("score-mismatch", p.name), f("unsupported-score", p.name)])


def score_exceeds(p: Proj, rng: random.Random) -> Entries:
    sat = p.ind("满意度")
    assert sat.weight is not None
    sat.score = sat.weight + 2
    rollup(p)
    return [f("score-exceeds-weight", p.name)], [f("score-mismatch", p.name)]


def vague(p: Proj, rng: random.Random) -> Entries:
    ind = next(i for i in p.inds if i.level.startswith("效益") and i.cmp == "qualitative")
    ind.target_text = ind.value_text = rng.choice(["有所提升", "进一步完善"])
    ind.actual_text = ind.target_text
    return [f("vague-target", p.name, ind.name)], [
        f("actual-restates-target", p.name, ind.name, why="the actual repeats the vague target word for word")]


def overachieved(p: Proj, rng: random.Random, reason: str = "服务需求增加，超额完成年度任务") -> Entries:
    ind = p.ind("数量")
    assert ind.value is not None
    ind.actual = floor_int(ind.value * D("1.5"))
    ind.reason = reason
    compute_scores(p)
    required = [f("overachieved-full-score", p.name, ind.name)]
    if not reason:
        required.append(f("deviation-reason-missing", p.name, ind.name))
    return required, []


# ------------------------------------------------------------------------------------------
# narrative only
# ------------------------------------------------------------------------------------------


def score_sum(p: Proj, rng: random.Random) -> Entries:
    p.level_scores["产出"] -= 2
    return [f("score-sum-mismatch", p.name, why="产出 score is not the sum of its sub-scores")], [
        f("met-but-deducted", p.name), f("score-mismatch", p.name)]


def weight_sum(p: Proj, rng: random.Random) -> Entries:
    p.level_weights["产出"] += 5
    return [f("weight-sum-mismatch", p.name, why="产出 weight is not the sum of its sub-weights")], [
        f("weight-structure", p.name), f("met-but-deducted", p.name), f("score-mismatch", p.name)]


def conflicting(p: Proj, rng: random.Random) -> Entries:
    ind = p.ind("数量")
    assert ind.actual is not None and ind.value is not None
    other = ind.actual + max(D(1), floor_int(ind.value * D("0.05")))
    ind.conclusion = f"全年{ind.name}{actual_phrase(ind, other, rng)}"
    return [f("conflicting-actuals", p.name, ind.name)], []


def target_changed(p: Proj, rng: random.Random) -> Entries:
    ind = p.ind("质量")
    assert ind.value is not None and ind.kind == "pct" and ind.cmp in (">=", ">", "=")
    ind.analysis = restated(ind, rng, ind.value - 5)
    return [f("target-changed", p.name, ind.name)], [
        f("actual-restates-target", p.name), f("unsupported-score", p.name), f("goal-not-reported", p.name)]


def not_in_goals(p: Proj, rng: random.Random) -> Entries:
    ind = p.ind("数量")
    ind.analysis = rng.choice(["开展专项督查 6 次", "建立工作台账 12 册", "新增服务网点 3 个"])
    return [f("indicator-not-in-goals", p.name)], [
        f("goal-not-reported", p.name, ind.name), f("unsupported-score", p.name), f("target-missed", p.name)]


def goal_not_reported(p: Proj, rng: random.Random) -> Entries:
    ind = p.ind("时效")
    ind.analysis = ""
    return [f("goal-not-reported", p.name, ind.name)], [f("unsupported-score", p.name)]


def unsupported(p: Proj, rng: random.Random) -> Entries:
    sat = p.ind("满意度")
    sat.analysis = satisfaction_words(sat, rng)
    return [f("unsupported-score", p.name, sat.name)], [f("goal-not-reported", p.name, sat.name)]


def restates(p: Proj, rng: random.Random) -> Entries:
    ind = p.ind("质量")
    ind.analysis = restated(ind, rng)
    return [f("actual-restates-target", p.name, ind.name)], [
        f("unsupported-score", p.name), f("goal-not-reported", p.name, ind.name)]


def unit_cost(p: Proj, rng: random.Random) -> Entries:
    ind = next(i for i in p.inds if i.kind == "unit_cost")
    qty = next(i for i in p.inds if i.kind == "count" and i.word == ind.word and i.level.endswith("数量"))
    assert ind.value is not None and qty.actual is not None
    p.planned = hundreds(ind.value * qty.actual * D("1.25"))
    set_spending(p, p.planned, returned=False)
    compute_scores(p)
    ind.analysis = f"项目全年预算{money(p.planned, rng)}，全年执行数为{money(p.executed, rng)}"
    return [f("unit-cost-over-target", p.name, ind.name)], [
        f("target-missed", p.name), f("target-missed-full-score", p.name), f("unsupported-score", p.name),
        f("goal-not-reported", p.name), f("score-mismatch", p.name), f("actual-restates-target", p.name)]


def missing_evaluation(q: Proj, rng: random.Random) -> Entries:
    set_spending(q, D(0), returned=True)
    q.returned = q.planned
    q.evaluated = False
    q.level_weights, q.level_scores = {}, {}
    return [f("missing-evaluation", q.name, why="budget and goals but no self-evaluation")], [
        f("target-missed", q.name), f("goal-not-reported", q.name), f("unsupported-score", q.name),
        f("actual-restates-target", q.name)]


def grade_narrative(p: Proj, spec: NarrativeSpec, rng: random.Random) -> Entries:
    """Targets missed and scored pro rata (total below 90), yet the printed grade is 优."""
    qty, sat = p.ind("数量"), p.ind("满意度")
    assert qty.value is not None and sat.value is not None
    qty.actual = floor_int(qty.value * D("0.4"))
    sat.actual = sat.value - 10
    spend(p, "0.9", rng)
    spec.print_total = spec.print_grade = True
    spec.grade_override[p.name] = "优"
    return [f("grade-mismatch", p.name, why="total below 90 printed as 优")], [
        f("target-missed", p.name), f("unit-cost-over-target", p.name)]


def fund_sum(projects: list[Proj], spec: NarrativeSpec) -> Entries:
    total = sum((p.planned for p in projects), D(0)) + D(12000)
    spec.fund_total = ("planned", total)
    return [f("fund-sum-mismatch", why="the stated total differs from the sum of the projects' budgets")], []


def percent_text(value: Decimal, rng: random.Random) -> str:
    return percent(value, rng)
