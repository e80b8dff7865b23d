"""A third party's evaluation report and a transfer payment's excerpt, as published: the score summary table of an
evaluation framework's own first levels (项目决策指标 | 权重 | 得分率 | 得分), the whole score said as
'综合绩效得分', a cover's date in Chinese numerals (no project), and a result clause that gives its figure without
the target's unit ('目标值大于等于85户,实际完成40'). Built inputs, two wordings or layouts each."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.parse.names import valid_candidate
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def _scores(report):  # type: ignore[no-untyped-def]
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return {s.level: (s.weight, s.score) for s in report.projects[0].scores}


@pytest.mark.parametrize(("header", "rows", "levels"), [
    (["指标项目", "权重", "得分率", "得分"],
     [["项目决策指标", "15", "80%", "12"], ["项目管理指标", "20", "100%", "20"], ["项目绩效指标", "65", "92%", "59.8"],
      ["总计", "100", "", "91.8"]],
     {"项目决策": (15, 12), "项目管理": (20, 20), "项目绩效": (65, Decimal("59.8")), "总分": (100, Decimal("91.8"))}),
    (["一级指标", "分值", "得分"],
     [["决策类指标", "20", "18"], ["过程", "20", "19"], ["产出指标", "40", "38"], ["效益", "20", "17"],
      ["合计", "100", "92"]],
     {"决策": (20, 18), "过程": (20, 19), "产出": (40, 38), "效益": (20, 17), "总分": (100, 92)}),
])
def test_a_score_summary_of_the_framework_s_first_levels(header: list[str], rows: list[list[str]],
                                                           levels: dict[str, tuple[int, int]]) -> None:
    report = parse_narrative(_doc(
        "某区档案局财政支出项目绩效评价报告", "项目名称: 2021年度档案数字化加工经费", "一、评价结论",
        "评价小组对本项目作了评价，各类指标得分情况如下:", [header, *rows]))
    scores = _scores(report)
    for level, (weight, score) in levels.items():
        assert scores.get(level) == (Decimal(weight), Decimal(score)), scores


@pytest.mark.parametrize("sentence", [
    "本项目综合绩效得分为88.5分,绩效评级为“良”。",
    "经第三方机构评价，该项目综合绩效评价得分88.5分，评价等级为良。",
])
def test_the_whole_score_said_as_its_composite_performance(sentence: str) -> None:
    report = parse_narrative(_doc("某县2022年度城市道路养护经费绩效评价报告", "一、评价结论", sentence))
    assert _scores(report).get("总分") == (Decimal(100), Decimal("88.5"))


@pytest.mark.parametrize("date", ["二〇二三年三月", "二○二一年十二月二十日", "二二年五月"])
def test_a_cover_date_in_chinese_numerals_is_no_name(date: str) -> None:
    assert not valid_candidate(date)


@pytest.mark.parametrize("date", ["二〇二一年五月", "二二一年十一月"])
def test_a_cover_date_under_the_project_field_makes_no_project(date: str) -> None:
    document = _doc(
        "某市某区财政局财政支出项目绩效评价报告", "项目名称: 2020年度财政监督检查经费",
        "项目单位:某市某区财政局评价机构:某会计师事务所", date, "摘 要", "概述",
        "本项目预算资金50万元，实际支出48万元。", "评价结论和绩效分析", "本项目综合绩效得分为90.5分，绩效评级为“优”。")
    # (a Word or PDF copy sets the report's title in a heading style: the cover lines below are read as its part)
    document.elements[0] = document.elements[0].model_copy(update={"style": "heading"})
    assert [p.name for p in parse_narrative(document).projects] == ["2020年度财政监督检查经费"]


@pytest.mark.parametrize(("line", "unit", "actual"), [
    ("1)困难家庭适老化改造户数,目标值大于等于60户,实际完成52", "户", Decimal(52)),
    ("(2)受益群众满意度,年度目标值≥90%,实际完成值为96.5", "%", Decimal("96.5")),
])
def test_a_result_figure_without_its_unit_is_in_the_target_s_unit(line: str, unit: str, actual: Decimal) -> None:
    report = parse_narrative(_doc("2022年某县养老服务补助资金项目绩效自评报告", "二、绩效目标完成情况", "1、产出指标",
                                  line))
    project = report.projects[0]
    found = [i for i in project.indicators if i.target is not None and i.target.unit == unit]
    assert found, [(i.name, i.target) for i in project.indicators]
    assert [(a.value, a.unit) for a in found[0].actuals] == [(actual, unit)]


def test_a_bare_figure_is_no_result_where_the_target_s_unit_is_scaled() -> None:
    # (a target in 万元 is held in 元: a bare '9.6' could be 万元 or 元, so it is read as no result)
    report = parse_narrative(_doc("2022年某县养老服务补助资金项目绩效自评报告", "二、绩效目标完成情况", "1、成本指标",
                                  "1)人均补助标准,目标值小于等于1.2万元,实际完成0.96"))
    project = report.projects[0]
    assert all(not i.actuals for i in project.indicators if i.target is not None and i.target.unit == "元")


@pytest.mark.parametrize(("line", "target", "actual"), [
    ("3.成本指标：计划总投资120万元，实际完成投资118.5万元。", 1_200_000, 1_185_000),
    ("(4)成本指标。工程概算35万元,实际结算金额33.2万元,节约1.8万元。", 350_000, 332_000),
])
def test_a_planned_cost_and_its_result_under_the_cost_label(line: str, target: int, actual: int) -> None:
    report = parse_narrative(_doc("某县2021年村级道路安全防护工程绩效自评报告", "二、绩效目标完成情况分析",
                                  "1.数量指标。完成防护栏2100米。", line))
    project = report.projects[0]
    costs = [i for i in project.indicators if i.level.endswith("成本")]
    assert len(costs) == 1, [(i.level, i.name) for i in project.indicators]
    assert costs[0].target is not None and costs[0].target.comparator == "<="
    assert costs[0].target.value == Decimal(target)
    assert [a.value for a in costs[0].actuals] == [Decimal(actual)]


def test_money_under_another_label_stays_the_budget_s() -> None:
    report = parse_narrative(_doc("某县2021年村级道路安全防护工程绩效自评报告", "二、绩效目标完成情况分析",
                                  "1.数量指标。下达资金35万元,实际支出33.2万元,完成防护栏2100米。"))
    assert all(i.target is None or i.target.unit != "元" for i in report.projects[0].indicators)


@pytest.mark.parametrize(("line", "expected"), [
    ("数量指标：培训人次≥500人次，实际完成520。", {"培训人次": (Decimal(520), "人次")}),
    ("质量指标：合格率≥95%，实际完成98；满意度≥90%，实际完成96",
     {"合格率": (Decimal(98), "%"), "满意度": (Decimal(96), "%")}),
])
def test_a_labelled_analysis_statement_s_bare_result(line: str, expected: dict[str, tuple[Decimal, str]]) -> None:
    report = parse_narrative(_doc("2022年某县技能培训补助资金项目绩效自评报告", "二、绩效目标完成情况", "1、产出指标",
                                  line))
    found = {i.name: [(a.value, a.unit) for a in i.actuals] for i in report.projects[0].indicators}
    for name, actual in expected.items():
        assert found.get(name) == [actual], found


@pytest.mark.parametrize(("line", "target", "actual"), [
    ("4.成本指标：工程造价控制在56万元以内，实际支出54.6万元。", ("<=", Decimal(560000)), Decimal(546000)),
    ("3.时效指标：办结时间5个工作日以内，实际平均3个工作日。", ("<=", Decimal(5)), Decimal(3)),
])
def test_a_target_bounded_by_yinei_then_its_result(line: str, target: tuple[str, Decimal], actual: Decimal) -> None:
    report = parse_narrative(_doc("某县2020年公路安全生命防护工程绩效自评报告", "二、绩效目标完成情况分析", line))
    found = [i for i in report.projects[0].indicators if i.target is not None]
    assert len(found) == 1, [(i.name, i.target) for i in report.projects[0].indicators]
    assert (found[0].target.comparator, found[0].target.value) == target  # type: ignore[union-attr]
    assert [(a.value, a.kind) for a in found[0].actuals] == [(actual, "measured")]
