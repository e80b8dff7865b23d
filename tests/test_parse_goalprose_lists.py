"""Goal indicators listed in narrative prose (parse/goalprose.py): target lists after a 目标 lead,
result lists, 绩效指标完成情况 lists, rate lists, shared figures, task shares; and what is no goal."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse.narrative import parse_narrative
from tests._builders import run
from tests.test_parse_narrative import _doc, _indicator


def _only(report: Report):  # type: ignore[no-untyped-def]
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


def _target(project, name: str) -> tuple[str | None, Decimal | None, str | None]:  # type: ignore[no-untyped-def]
    target = _indicator(project, name).target
    assert target is not None, name
    return target.comparator, target.value, target.unit


def _actuals(project, name: str) -> list[Decimal | None]:  # type: ignore[no-untyped-def]
    return [a.value for a in _indicator(project, name).actuals]


TREES = _doc(
    "某镇2023年国土绿化项目绩效自评报告",
    "一、项目基本情况",
    "（二）项目绩效目标。2023年项目目标：新植苗木2000株，补植林带300株，管护林地45亩；实际完成：新植苗木2150株，"
    "补植林带300株，管护林地45亩。",
    "二、绩效目标完成情况分析",
    "项目资金60万元已全部支付。",
)


def test_target_list_after_a_goal_lead_and_its_results_by_name() -> None:
    project = _only(parse_narrative(TREES))
    assert _target(project, "新植苗木") == ("=", Decimal("2000"), "株")
    assert _target(project, "补植林带") == ("=", Decimal("300"), "株")
    assert _target(project, "管护林地") == ("=", Decimal("45"), "亩")
    assert _actuals(project, "新植苗木") == [Decimal("2150")]


def test_a_target_listed_outside_the_goal_section_is_not_its_own_result() -> None:
    report = parse_narrative(TREES)
    # the target clause '新植苗木2000株' must not come back as a second result (2000 vs 2150)
    assert not [f for f in run(report) if f.severity == "error"], run(report)


def test_goals_handed_down_as_a_sentence_of_rates() -> None:
    project = _only(parse_narrative(_doc(
        "某区2022年耕地质量提升资金绩效自评报告",
        "一、绩效目标分解下达情况",
        "1、绩效目标下达情况：测土配方施肥覆盖率达到90%以上，化肥利用率达到41%以上，秸秆还田面积5万亩。",
        "二、绩效目标完成情况分析",
        "资金到位率100%。",
    )))
    assert _target(project, "测土配方施肥覆盖率") == (">=", Decimal("90"), "%")
    assert _target(project, "化肥利用率") == (">=", Decimal("41"), "%")
    assert _indicator(project, "秸秆还田面积").target is not None


def test_indicator_results_listed_under_the_whole_indicators_heading() -> None:
    project = _only(parse_narrative(_doc(
        "某县2021年乡镇卫生院设备购置项目绩效自评报告",
        "一、绩效目标分解下达情况",
        "下达资金300万元，用于乡镇卫生院设备购置。",
        "二、绩效目标完成情况分析",
        "（三）绩效指标完成情况分析。设备采购合规率100%，设备安装验收合格率100%，设备按期到位率≥95%，"
        "乡镇就诊服务能力明显提升。",
    )))
    assert _target(project, "设备采购合规率") == ("=", Decimal("100"), "%")
    assert _actuals(project, "设备安装验收合格率") == [Decimal("100")]
    # written with a comparator it is the aim only: no measured result
    assert _target(project, "设备按期到位率") == (">=", Decimal("95"), "%")
    assert _actuals(project, "设备按期到位率") == []


def test_one_levels_result_heading_gives_no_target() -> None:
    project = _only(parse_narrative(_doc(
        "某流域水土流失综合治理项目绩效自评报告",
        "一、绩效目标完成情况分析",
        "3.满意度指标完成情况分析。群众满意度100%。",
    )))
    satisfaction = _indicator(project, "群众满意度")
    assert satisfaction.target is None and not satisfaction.in_goal_table


def test_result_measured_against_the_task_it_completes() -> None:
    project = _only(parse_narrative(_doc(
        "某县2023年职业技能培训补贴项目绩效自评报告",
        "一、项目基本情况",
        "（二）绩效目标设定及指标完成情况",
        "2023年度，开展农民工技能培训37期，培训农民工1250人，完成省级下达目标任务数1200人的104%。",
    )))
    # (the task handed down is a floor the result is to reach: ≥, as a gold reads '完成市目标任务N人')
    assert _target(project, "培训农民工") == (">=", Decimal("1200"), "人")
    assert _actuals(project, "培训农民工") == [Decimal("1250")]


def test_task_named_before_its_figure_and_the_result_after() -> None:
    project = _only(parse_narrative(_doc(
        "某县2022年农村户厕改造项目绩效自评报告",
        "一、绩效目标情况",
        "按照省、市下达计划，我县2022年农村户厕改造任务数为300户，实际完成农村户厕改造312户，发放补助资金93.6万元。",
    )))
    assert _target(project, "农村户厕改造") == ("=", Decimal("300"), "户")
    assert Decimal("312") in _actuals(project, "农村户厕改造")


def test_rates_stated_one_after_another_in_a_paragraph() -> None:
    project = _only(parse_narrative(_doc(
        "某乡2023年饮水安全巩固提升项目绩效自评报告",
        "一、项目基本情况",
        "项目建成后供水保证率得到提高，受益群众满意度达到96%以上。水质检测达标率达到100%，管网入户率达到98%。",
    )))
    assert _target(project, "受益群众满意度") == (">=", Decimal("96"), "%")
    assert _target(project, "水质检测达标率") == ("=", Decimal("100"), "%")
    assert _actuals(project, "管网入户率") == [Decimal("98")]


def test_a_lone_rate_and_budget_rates_are_no_list() -> None:
    report = parse_narrative(_doc(
        "某乡2023年饮水安全巩固提升项目绩效自评报告",
        "一、项目基本情况",
        "项目预算执行率100%，资金到位率100%，资金拨付率100%。",
        "项目建成后受益群众满意度较高，管网入户率达到98%。",
    ))
    names = [i.name for p in report.projects for i in p.indicators if i.in_goal_table]
    assert not any("到位率" in n or "执行率" in n or "拨付率" in n for n in names), names
    assert "管网入户率" not in names


def test_several_rates_sharing_one_figure() -> None:
    project = _only(parse_narrative(_doc(
        "某镇2022年农村危房改造项目自评报告",
        "一、项目基本情况",
        "当年开工率、竣工率、改造后房屋满足基本安全居住要求的比例、入住率均达100%。",
    )))
    for name in ("当年开工率", "竣工率", "改造后房屋满足基本安全居住要求的比例", "入住率"):
        assert _target(project, name) == ("=", Decimal("100"), "%")


def test_the_noun_a_count_is_of_follows_the_count() -> None:
    project = _only(parse_narrative(_doc(
        "某县2021年小型水利工程维修养护项目绩效自评报告",
        "一、绩效目标分解下达情况",
        "项目的总体绩效目标是对85处山塘进行清淤加固。",
        "二、绩效目标完成情况分析",
        "全县85处山塘的清淤加固已全部完成，并通过验收。",
    )))
    assert _target(project, "山塘清淤加固") == ("=", Decimal("85"), "处")
    assert _actuals(project, "山塘清淤加固") == [Decimal("85")]


def test_a_paragraph_opened_by_one_projects_name_is_that_projects() -> None:
    report = parse_narrative(_doc(
        "某苏木2023年度项目支出绩效自评报告",
        "项目一：某嘎查集体经济项目，项目全年预算数50万元，执行数50万元，完成预算的100%。",
        "项目二：某嘎查牧业服务站建设项目，项目全年预算数30万元，执行数30万元，完成预算的100%。"
        "牧民满意度达到95%以上，补助资金足额发放率达到100%。",
    ))
    by_name = {p.name: p for p in report.projects}
    station = next(p for n, p in by_name.items() if "服务站" in n)
    assert _target(station, "牧民满意度") == (">=", Decimal("95"), "%")
    assert all(not p.indicators for n, p in by_name.items() if "服务站" not in n)


def test_a_three_character_name_half_written_links_nothing() -> None:
    project = _only(parse_narrative(_doc(
        "某区2022年就业补助资金绩效自评报告",
        "一、绩效目标",
        "数量指标：再就业≥500人",
        "二、绩效目标完成情况分析",
        "全年城镇新增就业2600人。",
        "失业人员再就业520人。",
    )))
    assert _actuals(project, "再就业") == [Decimal("520")]


def test_department_measures_in_prose_are_left_to_the_department_reader() -> None:
    report = parse_narrative(_doc(
        "某县水利局2023年度部门整体支出绩效自评报告",
        "二、部门整体绩效目标完成情况",
        "政府采购执行率为96%，结转结余率为0.5%，“三公”经费控制率为100%。",
    ))
    rates = [(i.name, i.level) for p in report.projects for i in p.indicators
             if i.name.endswith(("执行率", "结余率", "控制率"))]
    # read once each, by the department reader (its 过程 levels), never a second time as a prose rate
    assert rates and all(level.startswith("过程") for _, level in rates), rates
    assert len({n for n, _ in rates}) == len(rates), rates


def test_two_rates_sharing_one_figure_joined_by_a_word() -> None:
    # the last two rates of a shared-figure list joined by 及/和/与, not by 、; a level label before a colon
    for sentence, names, value in [
        ("项目验收合格率及群众满意度均达到100%。", ("项目验收合格率", "群众满意度"), "100"),
        ("质量指标：政策知晓率和受助对象满意度均为98%。", ("政策知晓率", "受助对象满意度"), "98"),
        ("工程完工率、设备安装合格率与群众满意度都达到97%。", ("工程完工率", "设备安装合格率", "群众满意度"), "97"),
    ]:
        project = _only(parse_narrative(_doc("某镇2022年农村供水保障项目自评报告", "一、项目基本情况", sentence)))
        for name in names:
            assert _target(project, name) == ("=", Decimal(value), "%"), (sentence, name)


def test_a_budget_rate_joined_by_a_word_is_still_no_list() -> None:
    report = parse_narrative(_doc("某镇2022年农村供水保障项目自评报告", "一、项目基本情况",
                                  "资金执行率及资金到位率均为100%。"))
    names = [i.name for p in report.projects for i in p.indicators]
    assert not any("到位率" in n or "执行率" in n for n in names), names


def test_a_count_of_what_was_done_ends_the_list_of_targets() -> None:
    # (the sentence after a target statement that opens by counting the work done states results, no further
    # targets: its rate with no aim of its own is no goal left unreported)
    for target_line, name, rate in (
        ("2023年度绩效目标为培训家政服务人员200人。全年共培训家政服务人员214人，培训考核合格率96%。",
         "培训家政服务人员", "培训考核合格率"),
        ("项目目标为开展入户宣传1200户。全年累计入户宣传1260户，政策知晓率95%。", "开展入户宣传", "政策知晓率"),
    ):
        project = _only(parse_narrative(_doc("某县2023年度就业服务项目绩效自评报告", "一、绩效目标完成情况",
                                             target_line)))
        assert _indicator(project, name).actuals
        assert not [i for i in project.indicators if i.name == rate and i.in_goal_table and not i.actuals]
