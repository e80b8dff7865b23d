"""Checks on stated actuals: conflicts, restated targets, coverage of the goal table."""

from __future__ import annotations

import pytest

from reportparse.model import Actual, Evidence, Indicator, Target

from ._builders import actual, indicator, line, project, remark, report, run, target

GE5 = target("≥5部", ">=", 5, "部")


def _report(tgt: Target | None, actuals: list[Actual], **kw: object):  # type: ignore[no-untyped-def]
    return report(project("党员电教片拍摄费", scores=[line("产出", 50, 50)],
                          indicators=[indicator("拍摄数量", "产出/数量", tgt, actuals, **kw)]))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("actuals", "fires"),
    [
        ([actual("专题片 4 部", 4, "部", page=3), actual("拍摄 7 部", 7, "部", page=4)], True),
        ([actual("实际完成值 4", 4, "部", origin="table"), actual("共拍摄 7 部", 7, "部", origin="narrative", page=9)],
         True),  # a narrative against its appended form
        ([actual("拍摄 7 部", 7, "部", page=3), actual("拍摄 7 部", 7, "部", page=4)], False),
        ([actual("满意度达 98%", 98, "%"), actual("满意度 97.8%", "97.8", "%", page=2)], False),  # rounding
        ([actual("超 6000 多人次", 6000, "人次", approx=True), actual("培训 6500 人次", 6500, "人次", page=2)], False),
        ([actual("90%以上", 90, "%", comparator=">=", approx=True),
          actual("95%以上", 95, "%", comparator=">=", approx=True, page=2)], False),
        ([actual("90%以上", 90, "%", comparator=">=", approx=True), actual("85%", 85, "%", page=2)], True),
        ([actual("拍摄 4 部", 4, "部"), actual("培训 7 人次", 7, "人次", page=2)], False),  # other units
        ([actual("4.8 万元", 48000, "元"), actual("48000 元", 48000, "元", page=2)], False),
        ([actual("拍摄 4 部", 4, "部")], False),
        # one passage listing the measure per category ('评为一等…比例100%；评为二等…比例0%'): lines 9 and 11
        ([actual("占项目总数比例 100%", 100, "%", origin="narrative", line=9),
          actual("占项目总数比例 0%", 0, "%", origin="narrative", line=11)], False),
        ([actual("拍摄 4 部", 4, "部", origin="narrative", line=9),  # … but far apart they disagree
          actual("拍摄 7 部", 7, "部", origin="narrative", line=40)], True),
        ([actual("实际完成值 4", 4, "部", origin="table", line=9),  # … and a form's value is a place of its own
          actual("共拍摄 7 部", 7, "部", origin="narrative", line=10)], True),
    ],
)
def test_conflicting_actuals(actuals: list[Actual], fires: bool) -> None:
    found = run(_report(GE5, actuals), "conflicting-actuals")
    assert bool(found) == fires
    if fires:
        finding = found[0]
        assert finding.project == "党员电教片拍摄费" and finding.indicator == "拍摄数量"
        assert [e.text for e in finding.evidence] == [a.raw for a in actuals]


ARRIVAL = target("≤30分钟", "<=", 0.5, "h")
RANGE = actual("16至24分钟", "0.2667", "h", origin="table", upper="0.4")  # as the form's 实际完成值


@pytest.mark.parametrize(
    ("other", "fires"),
    [
        (actual("平均到场时间 24 分钟", "0.4", "h", origin="narrative", page=2), False),  # the range's top
        (actual("平均到场时间 20 分钟", "0.3333", "h", origin="narrative", page=2), False),  # inside it
        (actual("约 25 分钟", "0.4167", "h", approx=True, origin="narrative", page=2), False),  # 约 reaches it
        (actual("平均到场时间 30 分钟", "0.5", "h", origin="narrative", page=2), True),  # above it
        (actual("平均到场时间 10 分钟", "0.1667", "h", origin="narrative", page=2), True),  # below it
        (actual("0.5 小时", "0.5", "h", origin="narrative", page=2), True),
        (actual("20至28分钟", "0.3333", "h", origin="narrative", page=2, upper="0.4667"), False),  # overlapping
        (actual("26至28分钟", "0.4333", "h", origin="narrative", page=2, upper="0.4667"), True),  # disjoint
    ],
)
def test_a_range_is_a_range(other: Actual, fires: bool) -> None:
    rep = report(project("应急救援服务", scores=[line("产出", 50, 50)],
                         indicators=[indicator("平均到场时间", "产出/时效", ARRIVAL, [RANGE, other])]))
    found = run(rep, "conflicting-actuals")
    assert bool(found) == fires
    if fires:
        assert "0.27小时至0.4小时（“16至24分钟”" in found[0].message  # the range is shown as a range


def test_a_range_in_another_unit_converts_both_ends() -> None:
    hours = actual("0.25至0.4小时", "0.25", "h", origin="table", upper="0.4")
    minutes = actual("24 分钟", "0.4", "h", origin="narrative", page=2)
    rep = report(project("应急救援服务", scores=[line("产出", 50, 50)],
                         indicators=[indicator("平均到场时间", "产出/时效", ARRIVAL, [hours, minutes])]))
    assert run(rep, "conflicting-actuals") == []


def test_conflict_puts_the_form_value_first() -> None:
    actuals = [actual("共拍摄 7 部", 7, "部", origin="narrative"), actual("4", 4, "部", origin="table", page=2)]
    (finding,) = run(_report(GE5, actuals), "conflicting-actuals")
    assert finding.expected == "4部" and finding.actual == "7部"


LENGTH = target("单集片长不少于15分钟", ">=", 0.25, "h")


@pytest.mark.parametrize(
    ("tgt", "act", "code"),
    [
        (LENGTH, actual("单集片长不少于 30 分钟", 0.5, "h", "restated", ">="), "target-changed"),
        (LENGTH, actual("单集片长不超过 15 分钟", 0.25, "h", "restated", "<="), "target-changed"),
        (LENGTH, actual("微视频不少于 15 分钟", 0.25, "h", "restated", ">="), "actual-restates-target"),
        (target("不超过一周", "<=", 168, "h"), actual("不超过 1 周", 168, "h", "restated", "<="),
         "actual-restates-target"),
        (target("≥50个", ">=", 50, "个"), actual("≥50个", 50, "个", "measured", ">=", origin="table"),
         "actual-restates-target"),  # the cell repeats the target text
        (target("效果明显", "qualitative"), actual("效果明显", kind="qualitative"), None),  # a form's tier wording
        (LENGTH, actual("单集片长 40 分钟", 0.67, "h"), None),
        (target("1", "=", 1, None, bare_number=True), actual("1", 1, None), None),  # a measured 1 is no restatement
        (LENGTH, actual("带宽不少于 150M", 150, "Mbps", "restated", ">="), None),  # another unit: unrelated
    ],
)
def test_restated_targets(tgt: Target, act: Actual, code: str | None) -> None:
    found = [f for f in run(_report(tgt, [act])) if f.code in ("target-changed", "actual-restates-target")]
    assert [f.code for f in found] == ([code] if code else [])
    if code:
        assert found[0].expected == tgt.raw and found[0].actual == act.raw and len(found[0].evidence) == 2


def test_restated_remark_requirement_is_a_restatement() -> None:
    rate = target("100%", ">=", 100, "%")
    act = actual("服务器带宽不少于 150M", 150, "Mbps", "restated", ">=")
    rep = _report(rate, [act], remark_quantities=[remark("服务器带宽", ">=", 150, "Mbps")])
    assert [f.code for f in run(rep) if "target" in f.code] == ["actual-restates-target"]


@pytest.mark.parametrize(
    ("in_goals", "actuals", "score", "fires"),
    [
        (False, [actual("建设专线 1 条", 1, "条")], None, True),
        (False, [], 10, True),
        (False, [], None, False),
        (True, [actual("建设专线 1 条", 1, "条")], None, False),
    ],
)
def test_indicator_not_in_goals(in_goals: bool, actuals: list[Actual], score: int | None, fires: bool) -> None:
    rep = _report(None, actuals, in_goal_table=in_goals, score=score, weight=10 if score else None)
    rep.projects[0].indicators.append(indicator("片长", "产出/质量", target("≥15分钟", ">=", 15, "分钟"), []))
    found = run(rep, "indicator-not-in-goals")
    assert bool(found) == fires
    if fires:
        assert found[0].indicator == "拍摄数量" and found[0].severity == "info"


def test_no_indicator_stands_outside_goals_a_report_never_states() -> None:
    rep = _report(None, [actual("建设专线 1 条", 1, "条")], in_goal_table=False)
    assert run(rep, "indicator-not-in-goals") == []


@pytest.mark.parametrize(
    ("evaluated", "actuals", "fires"),
    [
        (True, [], True),
        (True, [actual("", kind="empty")], True),
        (True, [actual("按时完成", kind="qualitative")], False),
        (False, [], False),  # an unevaluated project is missing-evaluation instead
    ],
)
def test_goal_not_reported(evaluated: bool, actuals: list[Actual], fires: bool) -> None:
    ind = indicator("运维及时性", "产出/时效", target("及时", "qualitative"), actuals)
    reported = indicator("维护次数", "产出/数量", target("≥12次", ">=", 12, "次"), [actual("维护 12 次", 12, "次")])
    rep = report(project("大组工网络维护费", evaluated=evaluated, indicators=[reported, ind]))
    found = run(rep, "goal-not-reported")
    assert bool(found) == fires
    if fires:
        assert found[0].indicator == "运维及时性" and found[0].expected == "及时" and found[0].evidence


def test_a_goal_table_with_no_result_at_all_is_one_gap_not_one_finding_per_goal() -> None:
    goals = [indicator(f"指标{n}", "产出/数量", target("≥1个", ">=", 1, "个")) for n in range(5)]
    rep = report(project("助学金项目", evaluated=True, indicators=goals))
    assert run(rep, "goal-not-reported") == []


def _from_row(ind: Indicator, table: int, row: int) -> Indicator:
    """The indicator as read from row `row` of goal table `table`."""
    return ind.model_copy(update={"in_goal_table": True,
                                  "evidence": [Evidence(page=1, text=ind.name, table=table, row=row)]})


@pytest.mark.parametrize("reported_elsewhere", [False, True])
def test_a_goal_row_several_projects_share_is_one_goal(reported_elsewhere: bool) -> None:
    """One goal table for a group of projects: its shared 运维及时性 row is one goal, said once when no
    project reports it and not at all when one does."""
    projects = []
    for n, name in enumerate(["云服务费", "远程办平台维护费", "大组工网络维护费"]):
        own = _from_row(indicator(f"维护完成率{n}", "产出/数量", target("100%", ">=", 100, "%"),
                                  [actual("100%", 100, "%")]), 0, n)
        said = [actual("运维及时", None, None, kind="qualitative")] if reported_elsewhere and n == 2 else []
        shared = _from_row(indicator("运维及时性", "产出/时效", target("及时", "qualitative"), said), 0, 10)
        projects.append(project(name, evaluated=True, indicators=[own, shared]))
    found = run(report(*projects), "goal-not-reported")
    assert len(found) == (0 if reported_elsewhere else 1)


@pytest.mark.parametrize(("last_row", "fires"), [(True, False), (False, True)])
def test_a_goal_row_the_page_cut_off_is_not_unreported(last_row: bool, fires: bool) -> None:
    """The page stops inside the form's last row (target printed, 完成值 cut): the cut, not a goal left out."""
    from reportparse.model import Cell, Document, Source, Table

    cells = [["三级指标", "指标值", "完成值"], ["维护完成率", "100%", "100%"], ["完成安可产品购买", "100", ""]]
    if not last_row:
        cells.append(["合计", "", ""])
    rows = [[Cell(text=t, row=r, col=c, page=1) for c, t in enumerate(row)] for r, row in enumerate(cells)]
    document = Document(source=Source(path="f.xlsx", format="xlsx", sha256="0" * 64, pages=1),  # type: ignore[arg-type]
                        elements=[Table(index=0, rows=rows, page=1)])
    reported = [actual("100%", 100, "%")]
    done = _from_row(indicator("维护完成率", "产出/数量", target("100%", ">=", 100, "%"), reported), 0, 1)
    cut = _from_row(indicator("完成安可产品购买", "产出/质量", target("100", "=", 100)), 0, 2)
    found = run(report(project("安可替代补助资金项目", evaluated=True, indicators=[done, cut])), "goal-not-reported",
                document=document)
    assert bool(found) == fires
