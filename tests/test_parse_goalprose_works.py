"""Goal paragraphs that state the works to be built rather than a 目标为 sentence: '建设内容为:新建X 10个;
Y约20000平方米', or a works clause in the goal-setting paragraph ('计划…,新建C25砼排水沟1300m(规格…)').
Each is a target of the thing built; the same words repeated in the analysis ('已建成…') are its result,
not the target quoted again."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Indicator, Project, Report
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def _only(report: Report) -> Project:
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


def _targets(project: Project) -> dict[str, tuple[Decimal | None, str | None]]:
    return {i.name: (i.target.value, i.target.unit) for i in project.indicators if i.target is not None}


def _named(project: Project, words: str) -> Indicator:
    found = [i for i in project.indicators if words in i.name]
    assert len(found) == 1, [i.name for i in project.indicators]
    return found[0]


def test_construction_content_lists_the_targets() -> None:
    project = _only(parse_narrative(_doc(
        "2023年某县果蔬冷链物流园建设项目绩效自评报告",
        "一、绩效目标分解下达情况",
        "2023年县财政下达衔接资金共1200万元,用于某县果蔬冷链物流园建设项目,建设内容为:新建保鲜冷库6座,"
        "约12000立方米;分拣车间约3000平方米;配套道路1.2公里。",
        "二、绩效目标完成情况分析",
        "1.产出指标完成情况分析。",
        "项目产出指标已完成。已建成保鲜冷库6座;分拣车间约3000平方米;配套道路1.2公里。",
    )))
    targets = _targets(project)
    assert targets["新建保鲜冷库"] == (Decimal(6), "座")
    assert targets["分拣车间"] == (Decimal(3000), "平方米")
    assert targets["配套道路"] == (Decimal("1.2"), "公里")
    # the analysis repeats the goal's words: its figures are the results
    assert [a.value for a in _named(project, "分拣车间").actuals] == [Decimal(3000)]
    assert [a.value for a in _named(project, "配套道路").actuals] == [Decimal("1.2")]


def test_works_clauses_of_the_goal_paragraph_are_targets() -> None:
    project = _only(parse_narrative(_doc(
        "2024年某镇某村人居环境整治项目绩效自评报告",
        "一、绩效目标分解下达情况",
        "某村道路狭窄、排水不畅,镇里计划在该村实施整治,硬化村内道路2.4公里,新建DN300排水管道850m(埋深1.2米),"
        "安装太阳能路灯60盏,安排项目资金90万元。",
        "二、绩效目标自评完成情况分析",
        "下达的90万元资金已全部支付,项目已验收。",
    )))
    targets = _targets(project)
    assert targets["硬化村内道路"] == (Decimal("2.4"), "公里")
    assert targets["新建DN300排水管道"] == (Decimal("0.85"), "公里")  # (a grade code is part of the name)
    assert targets["安装太阳能路灯"] == (Decimal(60), "盏")
    assert not any("资金" in name for name in targets)


def test_works_clauses_outside_the_goal_paragraphs_are_no_targets() -> None:
    project = _only(parse_narrative(_doc(
        "2024年某镇某村人居环境整治项目绩效自评报告",
        "一、绩效目标分解下达情况",
        "安排项目资金90万元,用于某村人居环境整治。",
        "二、绩效目标自评完成情况分析",
        "下达的90万元资金已全部支付,硬化村内道路2.4公里,新建排水管道850m。",
    )))
    assert "硬化村内道路" not in _targets(project)


def test_the_sentence_after_a_target_telling_progress_so_far_is_its_result() -> None:
    project = _only(parse_narrative(_doc(
        "某区2022年度中央财政农田建设补助资金绩效自评报告",
        "一、预算和绩效目标分解情况",
        "下达给某区高标准农田建设工程,目标是建设高标准农田2.5万亩,下达资金3000万元。到目前已建成18000亩,"
        "其中东村6000亩、西村12000亩。",
    )))
    fields = _named(project, "高标准农田")
    assert fields.target is not None and fields.target.value == Decimal(25000) and fields.target.unit == "亩"
    assert [a.value for a in fields.actuals] == [Decimal(18000)]


def test_progress_in_another_unit_or_without_a_progress_lead_is_no_result() -> None:
    project = _only(parse_narrative(_doc(
        "某县2023年度农村饮水安全补助资金绩效自评报告",
        "一、绩效目标分解下达情况",
        "目标为新建供水管网120公里,下达资金800万元。截至2023年底已完成投资650万元。",
        "目标为改造农村水厂6座,下达资金200万元。另有2座水厂列入下年计划。",
    )))
    assert _named(project, "供水管网").actuals == []
    assert _named(project, "农村水厂").actuals == []
