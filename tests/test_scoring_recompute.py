"""recompute_indicator, score_report and normalise_report on hand-built reports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Actual, Budget, Indicator, Project, Quantity, Report
from reportparse.normalise import normalise_report, parse_quantity, parse_target
from reportparse.score import pick_score, score_report
from reportparse.scoring import get_profile, recompute_indicator

D = Decimal
NATIONAL = get_profile("national-2020")


def indicator(target: str, actual: str | None, weight: str | None = "10", score: str | None = None,
              level: str = "产出/数量", kind: str = "measured", origin: str | None = "table",
              unit_hint: str | None = None) -> Indicator:
    """An indicator as the parser would build it from a target cell and an actual cell."""
    actuals = []
    if actual is not None:
        quantity = parse_quantity(actual, unit_hint)
        actuals.append(Actual(raw=actual, value=quantity.value if quantity else None,
                              unit=quantity.unit if quantity else None, kind=kind, origin=origin))  # type: ignore[arg-type]
    return Indicator(level=level, name="指标", target=parse_target(target, level=level, unit_hint=unit_hint),
                     actuals=actuals, weight=D(weight) if weight else None, score=D(score) if score else None)


# (target, actual, level, expected scores)
RECOMPUTE_CASES = [
    ("≥5部", "7部", "产出/数量", ["10.00"]),
    ("≥5部", "4部", "产出/数量", ["8.00"]),
    ("≥95%", "90%", "满意度", ["9.47"]),
    ("≥95%", "0.98", "满意度", ["10.00"]),  # a share against a percent target
    ("≥95%", "98", "满意度", ["10.00"]),  # a bare number takes the target's unit
    ("90%", "100%", "满意度", ["10.00"]),  # bare-number target is '='
    ("≤72h", "3天", "产出/质量", ["10.00"]),  # 72 h vs 3 天 = 72 h
    ("≤72h", "4天", "产出/质量", ["6.67", "7.50"]),  # 96 h: pmkpi and ratio
    ("不超过一周", "10天", "产出/质量", ["5.71", "7.00"]),
    ("≤90万元", "900000元", "产出/成本", ["10.00"]),
    ("19.96 万元", "25万元", "产出/成本", ["7.47", "7.98"]),  # cost default '≤'
    ("≥5人", "8人次", "产出/数量", []),  # 人 vs 人次: incompatible
    ("≤3天", "3个工作日", "产出/时效", []),  # 天 vs 工作日
    ("效果显著", "达成", "效益/社会效益", []),  # qualitative
    ("≥95%", None, "满意度", []),
    ("=0起", "0起", "产出/质量", ["10.00"]),
    ("=0起", "2起", "产出/质量", ["0.00"]),
    ("≥95%", "-5%", "满意度", ["0.00"]),
]


@pytest.mark.parametrize(("target", "actual", "level", "expected"), RECOMPUTE_CASES,
                         ids=[f"{c[0]}|{c[1]}" for c in RECOMPUTE_CASES])
def test_recompute_indicator(target: str, actual: str | None, level: str, expected: list[str]) -> None:
    ind = normalise_report(Report(projects=[Project(name="p", indicators=[indicator(target, actual, level=level)])]))
    assert recompute_indicator(ind.projects[0].indicators[0], NATIONAL) == [D(x) for x in expected]


def test_no_weight_no_recompute() -> None:
    assert recompute_indicator(indicator("≥5部", "4部", weight=None), NATIONAL) == []


def test_qualitative_actual_is_not_measured() -> None:
    ind = indicator("≥90%", "满意度普遍较高", kind="qualitative")
    assert recompute_indicator(ind, NATIONAL) == []


def test_table_actual_preferred_over_narrative() -> None:
    ind = indicator("≥5部", "4部", origin="conclusion")
    ind.actuals.append(Actual(raw="7部", value=D(7), unit="部", origin="table"))
    assert recompute_indicator(ind, NATIONAL) == [D("10.00")]


def test_pick_score() -> None:
    assert pick_score([D("8.89"), D("9.00")], D(9)) == D("9.00")
    assert pick_score([D("8.89"), D("9.00")], None) == D("8.89")
    assert pick_score([], D(9)) is None


def build_report() -> Report:
    """Two projects: one clean, one with a reverse indicator and a missed satisfaction target."""
    clean = Project(
        name="甲项目",
        budget=Budget(planned=parse_quantity("10 万元"), executed=parse_quantity("10 万元"), weight=D(10)),
        indicators=[indicator("≥5部", "7部", weight="15", score="15"),
                    indicator("效果显著", "达成", weight="20", score="20", level="效益/社会效益")],
    )
    missed = Project(
        name="乙项目",
        budget=Budget(planned=parse_quantity("5.45万元"), executed=parse_quantity("5.29万元"), weight=D(10)),
        indicators=[
            indicator("≤90", "100", weight="10", score="9", level="产出/时效", unit_hint="天"),
            indicator("≥95%", "90%以上", weight="15", score="15", level="满意度"),
            indicator("≥5人", "8人次", weight="5", score="5"),
        ],
    )
    return Report(projects=[clean, missed])


def test_score_report() -> None:
    report = score_report(normalise_report(build_report()), NATIONAL)
    clean, missed = report.projects
    assert [i.recomputed_score for i in clean.indicators] == [D("15.00"), None]
    assert [i.recomputed_score for i in missed.indicators] == [D("9.00"), D("14.21"), None]
    assert clean.budget.rate == D(100)
    assert missed.budget.rate is not None and abs(missed.budget.rate - D("97.0642")) < D("0.0001")


def test_score_report_picks_the_formula_closest_to_the_claim() -> None:
    report = normalise_report(build_report())
    report.projects[1].indicators[0].score = D("8.89")
    scored = score_report(report, NATIONAL)
    assert scored.projects[1].indicators[0].recomputed_score == D("8.89")
    assert score_report(report, get_profile("guangzhou")).projects[1].indicators[0].recomputed_score == D("9.00")


def test_score_report_does_not_mutate_its_input() -> None:
    report = normalise_report(build_report())
    score_report(report, NATIONAL)
    assert all(i.recomputed_score is None for p in report.projects for i in p.indicators)


def test_normalise_report_harmonises_units() -> None:
    target = parse_target("≤90万元", level="产出/成本")
    ind = Indicator(level="产出/成本", name="项目总成本", target=target,
                    actuals=[Actual(raw="90", value=D(90), origin="table")], weight=D(8), score=D(8))
    budget = Budget(planned=Quantity(raw="19.96", value=D("19.96"), unit="万元"),
                    executed=Quantity(raw="0", value=D(0), unit="万元"))
    report = normalise_report(Report(projects=[Project(name="p", budget=budget, indicators=[ind])]))
    project = report.projects[0]
    assert project.indicators[0].actuals[0].value == D(900000)
    assert project.indicators[0].actuals[0].unit == "元"
    assert project.budget.planned is not None and project.budget.planned.value == D(199600)
    assert project.budget.planned.unit == "元"
    assert project.budget.rate == D(0)
    assert recompute_indicator(project.indicators[0], NATIONAL) == [D("8.00")]


def test_normalise_report_no_rate_without_budget() -> None:
    budget = Budget(planned=parse_quantity("0 万元"), executed=parse_quantity("5 万元"))
    report = normalise_report(Report(projects=[Project(name="p", budget=budget)]))
    assert report.projects[0].budget.rate is None


@pytest.mark.parametrize(("target", "actual", "value"), [
    ("不超过506300元", "50.63", "506300"),  # a form's bare amount in 万元 against a target in 元
    ("不超过506300元", "480000", "480000"),
    ("≤5000元", "4", "4"),  # 4 万元 would be far above the target: keep 4 元
    ("≥95%", "0.98", "98"),
    ("≥95%", "97", "97"),
])
def test_bare_actual_scale(target: str, actual: str, value: str) -> None:
    ind = Indicator(level="产出/成本", name="费用", target=parse_target(target, level="产出/成本"),
                    actuals=[Actual(raw=actual, value=D(actual), origin="table")])
    report = normalise_report(Report(projects=[Project(name="p", indicators=[ind])]))
    assert report.projects[0].indicators[0].actuals[0].value == D(value)


def test_bare_actual_takes_the_scale_of_a_unit_column() -> None:
    target = parse_target("≤90", level="产出/成本", unit_hint="万元")
    ind = Indicator(level="产出/成本", name="成本", target=target,
                    actuals=[Actual(raw="85", value=D(85), origin="table")], weight=D(10), score=D(10))
    report = normalise_report(Report(projects=[Project(name="p", indicators=[ind])]))
    actual = report.projects[0].indicators[0].actuals[0]
    assert (actual.value, actual.unit) == (D(850000), "元")


@pytest.mark.parametrize(("target", "raw", "expected"), [
    ("90％以上", "经问卷调查，学员满意度为百分之八十四。", ("measured", "84", "%")),
    ("95%以上", "培训合格率达到百分之九十七。", ("measured", "97", "%")),
    ("≥90%", "满意度普遍较高", ("qualitative", None, None)),
    ("≥5部", "拍摄 4 部，另有 2 部在制作，完成率 80%", ("qualitative", None, None)),  # two candidates
    ("效果显著", "满意度 95%", ("qualitative", None, None)),  # a qualitative target stays words
])
def test_words_only_actual_with_one_number_is_measured(target: str, raw: str,
                                                       expected: tuple[str, str | None, str | None]) -> None:
    ind = Indicator(level="满意度", name="满意度", target=parse_target(target),
                    actuals=[Actual(raw=raw, kind="qualitative", origin="analysis")])
    report = normalise_report(Report(projects=[Project(name="p", indicators=[ind])]))
    actual = report.projects[0].indicators[0].actuals[0]
    kind, value, unit = expected
    assert (actual.kind, actual.value, actual.unit) == (kind, D(value) if value else None, unit)


@pytest.mark.parametrize(("name", "target", "actual", "expected"), [
    ("故障响应时间", "2小时", "1小时", ["5.00", "10.00"]),  # bare target for a less-is-better name
    ("故障响应时间", "≥2小时", "1小时", ["5.00"]),  # a written comparator is taken as written
    ("群众投诉率", "5%", "2%", ["4.00", "10.00"]),
    ("培训时长", "3天", "2天", ["6.67"]),  # more is better: no reverse reading
])
def test_bare_target_with_reverse_name(name: str, target: str, actual: str, expected: list[str]) -> None:
    quantity = parse_quantity(actual)
    assert quantity is not None
    ind = Indicator(level="产出/时效", name=name, target=parse_target(target, level="产出/时效", name=name),
                    actuals=[Actual(raw=actual, value=quantity.value, unit=quantity.unit, origin="table")],
                    weight=D(10))
    assert recompute_indicator(ind, NATIONAL) == [D(x) for x in expected]


@pytest.mark.parametrize(
    ("name", "target", "actual", "expected"),
    [
        # a bare figure is '=' or '≥' (scoring-rules §6.1): at a target of 0 a count above it is no miss
        ("组织宣传活动次数", "0次", "43次", ["0.00", "10.00"]),
        ("举办培训班期数", "0", "3", ["0.00", "10.00"]),
        # where less is better the bare 0 is a ceiling: 2 accidents still earn nothing
        ("安全事故次数", "0次", "2次", ["0.00"]),
        ("群众投诉件数", "0件", "1件", ["0.00"]),
        # a printed '=' is the report's own comparator: no second reading
        ("组织宣传活动次数", "=0次", "43次", ["0.00"]),
    ],
)
def test_a_bare_zero_target_is_read_both_ways_unless_less_is_better(name: str, target: str, actual: str,
                                                                    expected: list[str]) -> None:
    ind = indicator(target, actual, level="产出/数量")
    ind.name = name
    rep = normalise_report(Report(projects=[Project(name="p", indicators=[ind])]))
    assert recompute_indicator(rep.projects[0].indicators[0], NATIONAL) == [D(x) for x in expected]
