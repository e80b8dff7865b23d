"""A report on a family of funds whose numbered parts each name one fund and, in brackets, the line
it pays for ('一、中央自然灾害救灾资金(森林草原航空消防租机补助经费)'): the part's line is the project,
not the family the title names. And an analysis statement whose figure is followed by a result clause
that gives no figure (cut by the page, or told in words): the figure is the aim, no result restated."""

from __future__ import annotations

from decimal import Decimal

from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def test_a_numbered_fund_part_names_the_line_it_pays_for() -> None:
    report = parse_narrative(_doc(
        "某省2023年度中央林业改革发展资金绩效自评报告",
        "一、中央林业改革发展资金(国家级公益林生态效益补偿资金)",
        "(一)绩效目标分解下达情况。",
        "2023年国家级公益林生态效益补偿资金共下达5200万元,其中中央资金4800万元、省级资金400万元。",
        "(二)绩效目标完成情况分析。",
        "实际支出5100万元,执行率98.08%。",
        "数量指标:补偿公益林面积≥1200万亩,实际补偿1200万亩。",
    ))
    project, = report.projects
    assert project.name == "国家级公益林生态效益补偿资金"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(52_000_000)


def test_two_fund_parts_are_two_projects() -> None:
    report = parse_narrative(_doc(
        "某市2022年度专项转移支付资金绩效自评报告",
        "一、农业生产发展资金(耕地地力保护补贴)",
        "耕地地力保护补贴下达资金800万元,已全部发放,执行率100%。",
        "二、农业生产发展资金(农机购置与应用补贴)",
        "农机购置与应用补贴下达资金300万元,实际支出270万元,执行率90%。",
    ))
    assert sorted(p.name for p in report.projects) == ["农机购置与应用补贴", "耕地地力保护补贴"]


def test_a_target_followed_by_a_cut_result_clause_restates_nothing() -> None:
    report = parse_narrative(_doc(
        "某县2022年度消防租机经费绩效自评报告",
        "一、绩效指标完成情况分析",
        "数量指标:租用飞机数量≥4架,实际租用4架。",
        "质量指标:实际飞行小时数/计划小时数≥80%,实际完",
    ))
    project, = report.projects
    ratio, = (i for i in project.indicators if i.name.endswith("计划小时数"))
    assert ratio.target is not None and ratio.target.value == Decimal(80) and ratio.target.comparator == ">="
    assert ratio.actuals == []


def test_a_target_followed_by_a_result_in_words_restates_nothing() -> None:
    report = parse_narrative(_doc(
        "某区2023年度公园养护经费绩效自评报告",
        "一、绩效指标完成情况分析",
        "质量指标:绿地养护达标率≥95%,实际完成情况良好。",
    ))
    project, = report.projects
    rate, = project.indicators
    assert rate.target is not None and rate.target.value == Decimal(95)
    assert all(a.kind != "restated" for a in rate.actuals)
