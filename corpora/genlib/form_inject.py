"""Inconsistencies only a 自评表 form can carry (per-row scores, 偏差原因, grades, fund rows)."""

from __future__ import annotations

import random
from decimal import Decimal

from genlib.common import money
from genlib.forms import FormSpec
from genlib.inject import Entries, f, floor_int, spend
from genlib.project import Proj, compute_scores, rollup, set_spending

D = Decimal
REASON = "受天气和工期影响，部分任务顺延，下一步将加快实施进度"


def score_mismatch(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = p.ind("数量")
    assert ind.value is not None
    ind.actual = floor_int(ind.value * D("0.9"))
    ind.reason = REASON
    compute_scores(p)
    assert ind.score is not None
    ind.score -= D("1.5")
    rollup(p)
    return [f("score-mismatch", p.name, ind.name)], [f("target-missed", p.name, ind.name)]


def band(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = next(i for i in p.inds if i.cmp == "qualitative" and i.level.startswith("产出"))
    ind.actual_text = "部分达成"
    return [f("qualitative-band-mismatch", p.name, ind.name)], [f("score-mismatch", p.name, ind.name),
                                                               f("target-missed", p.name, ind.name)]


def grade(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = p.ind("数量")
    assert ind.value is not None
    ind.actual = floor_int(ind.value * D("0.5"))
    ind.reason = REASON
    spend(p, "0.9", rng)
    spec.grade = "优"
    return [f("grade-mismatch", p.name, why=f"total {p.level_scores['总分']} is not 优")], [
        f("target-missed", p.name, ind.name)]


def grade_low(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    """Full marks, yet the printed grade is 良."""
    spec.grade = "良"
    return [f("grade-mismatch", p.name, why="total 100 is 优, printed 良")], []


def band_unmet(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    """A qualitative row reported 未达成 but scored 80% of its weight (band is below 60%)."""
    ind = next(i for i in p.inds if i.cmp == "qualitative" and i.level.startswith("产出"))
    assert ind.weight is not None
    ind.actual_text = "未达成"
    ind.score = ind.weight * D("0.8")
    ind.reason = "部分资金拨付滞后，下一步将加快拨付进度"
    rollup(p)
    return [f("qualitative-band-mismatch", p.name, ind.name)], [f("score-mismatch", p.name, ind.name),
                                                               f("target-missed", p.name, ind.name)]


def met_deducted(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = p.ind("质量")
    assert ind.weight is not None
    ind.score = ind.weight - 2
    ind.reason = ""
    rollup(p)
    return [f("met-but-deducted", p.name, ind.name)], [f("score-mismatch", p.name, ind.name),
                                                      f("deviation-reason-missing", p.name, ind.name)]


def reason_missing(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = p.ind("数量")
    assert ind.value is not None
    ind.actual = floor_int(ind.value * D("0.9"))
    ind.reason = ""
    compute_scores(p)
    return [f("deviation-reason-missing", p.name, ind.name)], [f("target-missed", p.name, ind.name)]


def weight_structure(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    for ind in p.inds:
        suffix = ind.level.split("/")[-1]
        if suffix == "质量":
            ind.weight = D(20)
        elif ind.level.startswith("效益"):
            ind.weight = D(10)
    compute_scores(p)
    return [f("weight-structure", p.name, why="产出 60 / 效益 20 instead of 50 / 30")], []


def cost_direction(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = next(i for i in p.inds if i.kind == "money")
    ind.cmp, ind.nature, ind.bare = ">=", "≥", False
    ind.target_text = "≥" + money(p.planned, rng, spaced=False)
    return [f("cost-indicator-direction", p.name, ind.name)], []


def missing_values(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = p.ind("质量")
    ind.actual, ind.actual_text = None, ""
    return [f("missing-values", p.name, ind.name)], [f("unsupported-score", p.name, ind.name),
                                                    f("goal-not-reported", p.name, ind.name)]


def template_text(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = p.ind("时效")
    ind.reason = rng.choice(["请填写偏差原因分析及改进措施……", "填写说明：未完成的须说明原因"])
    return [f("template-text-left", p.name)], []


def unit_mismatch(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = next(i for i in p.inds if i.kind == "count" and i.word == "人")
    assert ind.value is not None
    ind.actual = floor_int(ind.value * D("1.2"))
    ind.cell = f"{ind.actual}人次"
    return [f("unit-mismatch", p.name, ind.name)], [f("score-mismatch", p.name, ind.name),
                                                   f("unsupported-score", p.name, ind.name),
                                                   f("target-missed", p.name, ind.name)]


def score_sum(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    p.level_scores["总分"] -= 3
    return [f("score-sum-mismatch", p.name, why="总分 得分 is not the sum of the rows")], []


def weight_sum(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = next(i for i in p.inds if i.level.startswith("效益"))
    ind.weight = D(10)
    compute_scores(p)
    spec.label_weights = {"效益": D(30), "总分": D(100)}
    return [f("weight-sum-mismatch", p.name, why="效益 rows add up to 25 (printed 30); the total to 95")], [
        f("weight-structure", p.name)]


def fund_sum(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    spec.carryover = D(rng.choice([20000, 35000, 50000]))
    return [f("fund-sum-mismatch", p.name, why="年度资金总额 ≠ 本年财政拨款 + 上年结转资金")], []


def over_executed(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    set_spending(p, p.planned * D("1.05"), returned=False)
    compute_scores(p)
    return [f("over-executed", p.name)], []


def target_missed_full(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    sat = p.ind("满意度")
    assert sat.value is not None and sat.weight is not None
    sat.actual = sat.value - 8
    sat.reason = ""
    compute_scores(p)
    sat.score = sat.weight
    rollup(p)
    return [f("target-missed-full-score", p.name, sat.name)], [
        f("target-missed", p.name, sat.name), f("score-mismatch", p.name, sat.name)]


def score_exceeds(p: Proj, spec: FormSpec, rng: random.Random) -> Entries:
    ind = next(i for i in p.inds if i.cmp == "qualitative" and i.level.startswith("产出"))
    assert ind.weight is not None
    ind.score = ind.weight + 2
    rollup(p)
    return [f("score-exceeds-weight", p.name, ind.name)], [
        f("score-mismatch", p.name, ind.name), f("qualitative-band-mismatch", p.name, ind.name),
        f("score-exceeds-weight", p.name, why="the subtotals and 总分 that include the row exceed theirs too")]


def returned_spending(p: Proj, share: str) -> None:
    set_spending(p, p.planned * D(share), returned=True)
