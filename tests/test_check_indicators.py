"""Indicator checks: targets missed or far exceeded, unsupported scores, unit clashes, unit costs."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Actual, Target

from ._builders import actual, indicator, line, project, report, run, target

GE95 = target("≥95%", ">=", 95, "%")
LE12H = target("不超过12小时", "<=", 12, "h")
GE5 = target("≥5部", ">=", 5, "部")


def _one(tgt: Target, actuals: list[Actual], scores: list | None = None, **kw: object):  # type: ignore[no-untyped-def]
    ind = indicator("满意度指标", "满意度", tgt, actuals, **kw)  # type: ignore[arg-type]
    return report(project(scores=scores or [], indicators=[ind]))


FULL = [line("效益/满意度", 15, 15)]
PART = [line("效益/满意度", 15, 12)]


@pytest.mark.parametrize(
    ("tgt", "actuals", "scores", "code"),
    [
        (GE95, [actual("达 90%以上", 90, "%", comparator=">=", approx=True)], FULL, "target-missed-full-score"),
        (GE95, [actual("达 90%", 90, "%")], FULL, "target-missed-full-score"),
        (GE95, [actual("达 90%", 90, "%")], PART, "target-missed"),
        (GE95, [actual("达 0.9", "0.9", None)], FULL, "target-missed-full-score"),  # a share as a fraction
        (LE12H, [actual("中断 2 天", 48, "h")], FULL, "target-missed-full-score"),
        (target("大于340天", ">", 8160, "h"), [actual("运行 340 天", 8160, "h")], [], "target-missed"),
        (GE5, [actual("专题片 4 部", 4, "部", page=3), actual("拍摄 7 部", 7, "部", page=4)], FULL, "target-missed"),
    ],
)
def test_target_missed_fires(tgt: Target, actuals: list[Actual], scores: list, code: str) -> None:
    found = [f for f in run(_one(tgt, actuals, scores)) if f.code.startswith("target-missed")]
    assert [f.code for f in found] == [code]
    finding = found[0]
    assert finding.indicator == "满意度指标" and finding.expected == tgt.raw
    assert finding.evidence[0].text.startswith("满意度指标")  # the target row comes first
    if code == "target-missed-full-score":
        assert len(finding.evidence) == 3  # target row, actual, score line


@pytest.mark.parametrize(
    ("tgt", "actuals"),
    [
        (GE95, [actual("达 98%", 98, "%")]),
        (GE95, [actual("达 95%以上", 95, "%", comparator=">=", approx=True)]),
        (LE12H, [actual("中断 30 分钟", 0.5, "h")]),
        (target("≤90万元", "<=", 900000, "元"), [actual("90", 900000, "元", origin="table")]),
        (target("≥100百分比", ">=", 100, "%"), [actual("100", 100, None)]),
        (target("1", "=", 1, None, bare_number=True), [actual("1", 1, None)]),
        (GE95, [actual("满意度普遍较高", kind="qualitative")]),  # words are unsupported-score's business
        (GE95, [actual("培训 300 人次", 300, "人次")]),  # another unit: not comparable
        (target("效果显著", "qualitative"), [actual("效果显著", kind="qualitative")]),
    ],
)
def test_target_met_or_not_comparable_is_silent(tgt: Target, actuals: list[Actual]) -> None:
    assert not [f for f in run(_one(tgt, actuals, FULL)) if f.code.startswith("target-missed")]


def test_own_row_score_counts_as_full_marks() -> None:
    rep = _one(GE95, [actual("90%", 90, "%", origin="table")], weight=10, score=10)
    assert [f.code for f in run(rep) if f.code.startswith("target-missed")] == ["target-missed-full-score"]


@pytest.mark.parametrize(
    ("tgt", "actuals", "scores", "fires"),
    [
        (target("≥50个", ">=", 50, "个"), [actual("80个", 80, "个")], [line("产出/数量", 10, 10)], True),
        (target("≥50个", ">=", 50, "个"), [actual("60个", 60, "个")], [line("产出/数量", 10, 10)], False),
        (target("≥50个", ">=", 50, "个"), [actual("80个", 80, "个")], [line("产出/数量", 10, 8)], False),
        (target("≤100万元", "<=", 1000000, "元"), [actual("60万元", 600000, "元")], [line("产出/数量", 10, 10)], True),
        (target("≤1起", "<=", 1, "起"), [actual("0起", 0, "起")], [line("产出/数量", 10, 10)], False),
    ],
)
def test_overachieved_full_score(tgt: Target, actuals: list[Actual], scores: list, fires: bool) -> None:
    rep = report(project(scores=scores, indicators=[indicator("数量", "产出/数量", tgt, actuals)]))
    found = run(rep, "overachieved-full-score")
    assert bool(found) == fires
    if fires:
        assert found[0].severity == "info" and len(found[0].evidence) == 3


@pytest.mark.parametrize(
    ("weight", "score", "reason", "actuals", "fires"),
    [
        (10, 9, "", [actual("1", 1, None)], True),
        (10, 9, None, [actual("1", 1, None)], True),
        (10, 9, "因疫情影响扣1分", [actual("1", 1, None)], False),
        (10, 10, "", [actual("1", 1, None)], False),
        (10, 5, "", [actual("0.5", "0.5", None)], False),  # not met: pro rata is right
    ],
)
def test_met_but_deducted(weight: int, score: int, reason: str | None, actuals: list[Actual], fires: bool) -> None:
    ind = indicator("完成项目数量", "产出/数量", target("1", "=", 1, None, bare_number=True), actuals,
                    weight=weight, score=score, deviation_reason=reason)
    found = run(report(project(indicators=[ind])), "met-but-deducted")
    assert bool(found) == fires
    if fires:
        assert found[0].expected == weight and found[0].actual == score


@pytest.mark.parametrize(
    ("tgt", "actuals", "scores", "fires"),
    [
        (target("≥90%", ">=", 90, "%"), [actual("满意度普遍较高", kind="qualitative")],
         [line("效益/满意度", 20, 20)], True),
        (target("≥90%", ">=", 90, "%"), [actual("满意度普遍较高", kind="qualitative")], [line("满意度", 10, 0)], False),
        (target("≥90%", ">=", 90, "%"), [actual("满意度普遍较高", kind="qualitative")], [], False),
        (target("≥90%", ">=", 90, "%"), [actual("达 92%", 92, "%"), actual("普遍较高", kind="qualitative")],
         [line("满意度", 10, 10)], False),
        (target("≤12小时", "<=", 12, "h"), [actual("不超过12小时", 12, "h", "restated", "<=")],
         [line("满意度", 10, 10)], False),  # restating is actual-restates-target
        (target("满意", "qualitative"), [actual("普遍较高", kind="qualitative")], [line("满意度", 10, 10)], False),
        (target("≥90%", ">=", 90, "%"), [], [line("满意度", 10, 10)], False),  # no actual: goal-not-reported
    ],
)
def test_unsupported_score(tgt: Target, actuals: list[Actual], scores: list, fires: bool) -> None:
    rep = report(project(scores=scores, indicators=[indicator("人民群众满意度", "满意度", tgt, actuals)]))
    found = run(rep, "unsupported-score")
    assert bool(found) == fires
    if fires:
        assert found[0].indicator == "人民群众满意度" and len(found[0].evidence) == 3


def test_unsupported_score_on_a_form_row() -> None:
    ind = indicator("合格率", "产出/质量", target("≥95%", ">=", 95, "%"),
                    [actual("达成预期指标", kind="qualitative", origin="table")], weight=10, score=10)
    (finding,) = run(report(project(indicators=[ind])), "unsupported-score")
    assert "该指标" in finding.message


@pytest.mark.parametrize(
    ("tgt", "act", "fires"),
    [
        (target("≥500人", ">=", 500, "人"), actual("培训 600 人次", 600, "人次"), True),
        (target("≤5天", "<=", 120, "h"), actual("3 个工作日", 3, "工作日"), True),
        (target("≥95%", ">=", 95, "%"), actual("专线 1 条", 1, "条"), False),  # filed under the wrong row
        (target("≥50个", ">=", 50, "个"), actual("50 项", 50, "项"), False),  # 个 fits any count
        (target("≥500人", ">=", 500, "人"), actual("600 人", 600, "人"), False),
    ],
)
def test_unit_mismatch(tgt: Target, act: Actual, fires: bool) -> None:
    found = run(report(project(indicators=[indicator("培训人数", "产出/数量", tgt, [act])])), "unit-mismatch")
    assert bool(found) == fires
    if fires:
        assert found[0].expected == tgt.unit and found[0].actual == act.unit and len(found[0].evidence) == 2


@pytest.mark.parametrize(
    ("counts", "fires"),
    [([4], True), ([4, 7], False), ([5], False), ([7], False)],
)
def test_unit_cost_over_target(counts: list[int], fires: bool) -> None:
    cost = indicator("电教片成本", "产出/成本", target("2万元/部", "<=", 20000, "元/部"))
    films = indicator("拍摄数量", "产出/数量", GE5, [actual(f"拍摄 {n} 部", n, "部", page=i + 1)
                                                   for i, n in enumerate(counts)])
    rep = report(project("党员电教片拍摄费", planned=100000, executed=100000, indicators=[cost, films]))
    found = run(rep, "unit-cost-over-target")
    assert bool(found) == fires
    if fires:
        finding = found[0]
        assert finding.indicator == "电教片成本" and finding.expected == 20000
        assert finding.actual == Decimal("25000.00") and len(finding.evidence) == 3


@pytest.mark.parametrize("owner", ["某区林业局部门整体支出", "某街道办事处机关整体支出"])
def test_a_department_s_whole_spending_is_no_unit_cost(owner: str) -> None:
    # the department's whole budget pays for all its duties: divided by one output's count it is no unit cost
    cost = indicator("造林补助", "产出/成本", target("每亩300", "<=", 300, "元/亩"))
    area = indicator("造林面积", "产出/数量", target("1.2万亩", "=", 12000, "亩"), [actual("1.2万亩", 12000, "亩")])
    rep = report(project(owner, planned=38_000_000, executed=38_000_000, indicators=[cost, area]))
    assert run(rep, "unit-cost-over-target") == []
    rep = report(project("某镇造林补助", planned=38_000_000, executed=38_000_000, indicators=[cost, area]))
    assert run(rep, "unit-cost-over-target")  # a project of its own: the same figures are an over-run


@pytest.mark.parametrize(
    ("name", "level", "tgt", "act", "missed"),
    [
        ("维护费", "产出/成本", target("9.8 万元", "=", 98000, "元", bare_number=True), actual("9.5万元", 95000, "元"),
         False),  # spending less than a money target is no miss
        ("维护费", "产出/成本", target("9.8 万元", "=", 98000, "元", bare_number=True), actual("10万元", 100000, "元"),
         True),
        ("故障响应时间", "产出/时效", target("2小时", "=", 2, "h", bare_number=True), actual("3小时", 3, "h"), True),
        ("培训时长", "产出/数量", target("40小时", "=", 40, "h", bare_number=True), actual("30小时", 30, "h"),
         None),  # a bare duration gives no direction
        ("服务对象满意度", "满意度", target("90%", "=", 90, "%", bare_number=True), actual("85%", 85, "%"), True),
        ("完成项目数量", "产出/数量", target("1", "=", 1, None, bare_number=True), actual("1", 1, None), False),
    ],
)
def test_direction_of_a_bare_number_target(name: str, level: str, tgt: Target, act: Actual,
                                           missed: bool | None) -> None:
    rep = report(project(indicators=[indicator(name, level, tgt, [act])]))
    found = run(rep, "target-missed")
    assert bool(found) == bool(missed)


@pytest.mark.parametrize(
    ("text", "origin", "fires"),
    [
        ("学员满意度普遍较高", "analysis", True),
        ("资金发放时间方面，已于学期内足额发放。", "analysis", False),  # about another indicator
        ("达成预期指标", "table", True),  # a form row's own cell
    ],
)
def test_unsupported_score_needs_words_about_the_indicator(text: str, origin: str, fires: bool) -> None:
    ind = indicator("学员满意度", "满意度", target("≥90%", ">=", 90, "%"),
                    [actual(text, kind="qualitative", origin=origin)])
    rep = report(project(scores=[line("满意度", 10, 10)], indicators=[ind]))
    assert bool(run(rep, "unsupported-score")) == fires


@pytest.mark.parametrize(
    ("tgt", "words", "fires"),
    [
        # a cap on how often something may happen, answered "it did not happen": a measured zero
        (target("小于5次", "<", 5, "次"), "无上访", False),
        (target("≤3起", "<=", 3, "起"), "未发生安全事故", False),
        (target("不超过2件", "<=", 2, "件"), "没有发生投诉", False),
        # "无" under a positive target says nothing of how much was done
        (target("≥90%", ">=", 90, "%"), "无", True),
        # words under a cap that do not say "none" are still no measurement
        (target("≤3起", "<=", 3, "起"), "控制良好", True),
    ],
)
def test_none_happened_under_a_cap_is_a_measured_zero(tgt: Target, words: str, fires: bool) -> None:
    ind = indicator("群体性事件发生次数", "效益/社会效益", tgt,
                    [actual(words, kind="qualitative", origin="table")], weight=10, score=10)
    found = run(report(project(indicators=[ind])), "unsupported-score")
    assert bool(found) == fires, words
