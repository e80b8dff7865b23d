"""Narrative rules found on public self-evaluation pages (county health, water, education and rural
funds): a made-up report in each shape met, never a copy of one page."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.errors import NotAReport
from reportparse.model import Document, Report, Table
from reportparse.normalise import parse_target
from reportparse.parse import parse_report
from reportparse.parse.names import valid_candidate
from reportparse.parse.narrative import parse_narrative
from tests.test_extract_text import _read_bytes
from tests.test_parse_narrative import _doc, _indicator


def _only(report: Report):  # type: ignore[no-untyped-def]
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


def _value(quantity) -> Decimal | None:  # type: ignore[no-untyped-def]
    return None if quantity is None else quantity.value


# --- a money clause is no project name ---------------------------------------------------------
@pytest.mark.parametrize("fragment", [
    "我局财政衔接资金",            # the writer's own body as subject
    "我县中央水利发展资金",
    "调整预算后项目",              # a time clause
    "年终考核后及时将剩余的清算资金",
    "收到资金",                    # a verb and its money
    "全年发放资金",
    "2022年衔接资金",              # a year's fund
    "某区水务局2022年衔接资金",    # a body's fund
    "主管部门",                    # a form's label
    "部门整体支出绩效评价报告",    # a report's title
    "某县机构编制委员会办公室编制",  # who compiled the report
    "预算项目经费",
])
def test_clauses_labels_and_titles_are_no_names(fragment: str) -> None:
    assert not valid_candidate(fragment)


@pytest.mark.parametrize("name", [
    "某县交通运输局财政衔接推进乡村振兴资金项目",  # a body's fund project names the project it pays for
    "龙头村蔬菜园产业项目",
    "我为群众办实事项目",  # 我 opens a campaign's name, not a body
    "义务教育阶段家庭经济困难学生生活补助专项资金",
])
def test_project_names_stay_names(name: str) -> None:
    assert valid_candidate(name)


# --- the title states the one subject; the fund sentences do not add projects ------------------
def test_title_names_the_project_a_fund_sentence_pays_for() -> None:
    doc = _doc(
        "2023年某县农产品仓储基地建设项目绩效自评报告",
        "一、绩效目标分解下达情况",
        "2023年县财政共下达我局财政衔接资金800万元，用于新建冷藏库10个。",
        "二、绩效目标自评完成情况分析",
        "项目资金共800万元，已完成拨付780万元，执行率97.5%。",
    )
    project = _only(parse_narrative(doc))
    assert project.name.removesuffix("项目") == "某县农产品仓储基地建设"
    assert _value(project.budget.planned) == 8000000
    assert _value(project.budget.executed) == 7800000


def test_title_set_on_two_lines_with_its_year_on_the_first() -> None:
    doc = _doc(
        "某县2023年度国家基本公共卫生",
        "服务项目绩效评价自评报告",
        "一、项目基本情况",
        "我县将预拨资金300万元分配到各实施机构，年终考核后将剩余的清算资金20万元分配到位，"
        "2023年度基本公共卫生服务资金320万元全部执行到位。",
    )
    report = parse_narrative(doc)
    assert report.title == "某县2023年度国家基本公共卫生服务项目绩效评价自评报告"
    project = _only(report)
    assert "清算" not in project.name and project.name.startswith("国家基本公共卫生服务")
    # the whole year's money, stated with no verb and then spent in full, is the budget and the spending
    assert _value(project.budget.planned) == 3200000
    assert _value(project.budget.executed) == 3200000


@pytest.mark.parametrize("sentence, name", [
    ("我局承担某县2021年度道路建设项目实施任务，批复总投资620万元。", "某县2021年度道路建设项目"),
    ("区水务局共获下达资金105万元，用于实施某村蔬菜园产业项目。", "某村蔬菜园产业项目"),
    ("该双拥宣传专项资金项目在2020年初向财政局申报资金，批复预算10万元。", "双拥宣传专项资金项目"),
])
def test_the_project_named_in_the_sentence_that_carries_it_out(sentence: str, name: str) -> None:
    doc = _doc("建设项目绩效自评报告1", "一、项目资金情况", sentence)
    project = _only(parse_narrative(doc))
    assert project.name.removesuffix("项目") == name.removesuffix("项目")
    assert project.budget.planned is not None


def test_a_collections_numbered_title_names_nothing() -> None:
    doc = _doc("2020年度绩效评价", "项目全年预算数为105万元，执行数为105万元，完成预算的100%。")
    assert _only(parse_narrative(doc)).name == "未命名项目"


def test_title_in_a_bundles_file_name_line_is_read_past() -> None:
    doc = _doc("附件2：某区农林水务局2022年度项目支出部门评价报告和绩效自评表（共15个）.pdf",
               "2022 年党建工作项目部门评价报告 一、项目基本情况 年初安排预算资金 1 万元。")
    project = _only(parse_narrative(doc))
    assert project.name.removesuffix("项目") == "党建工作"
    assert _value(project.budget.planned) == 10000


def test_subsidy_paid_out_is_spent_and_an_unpaid_term_explains_the_rest() -> None:
    doc = _doc(
        "某乡中心学校2023年度项目支出绩效自评报告",
        "一、自评结论",
        "2023年，我校收到上级下拨学生生活补助专项资金合计150万元，实际发放105万元，实际执行率为70%。",
        "时效指标：秋季学期资金未及时发放。",
    )
    budget = _only(parse_narrative(doc)).budget
    assert _value(budget.planned) == 1500000
    assert _value(budget.executed) == 1050000
    assert budget.balance_explained


# --- results stated line by line under a level label ------------------------------------------
def test_statements_opening_with_their_own_names() -> None:
    doc = _doc(
        "某医院基本公共卫生服务补助资金2023年度绩效自评报告",
        "一、绩效指标完成情况分析",
        "(1)数量指标。",
        "开展工作督导：一个季度开展工作督导一次，共4次。",
        "开展绩效考核：一个季度开展绩效考核一次，共4次。",
        "2.满意度指标完成情况分析",
        "服务对象满意度：服务对象满意度≥80%。",
    )
    project = _only(parse_narrative(doc))
    for name in ("开展工作督导", "开展绩效考核"):
        indicator = _indicator(project, name)
        assert indicator.level == "产出/数量"
        assert [(a.value, a.unit) for a in indicator.actuals] == [(4, "次")]  # the count, not '一个季度'
    satisfaction = _indicator(project, "服务对象满意度")
    assert satisfaction.target is not None and satisfaction.target.comparator == ">="
    assert satisfaction.target.value == 80


def test_an_appended_declaration_forms_goal_header_below_its_project_rows() -> None:
    doc = _doc(
        "（6）年度预算安排：200 万元。",
        [["项目名称", "某县基本公共卫生服务项目", "", ""],
         ["项目金额(万元)", "年度资金总额", "200 万元", ""],
         ["总体目标", "面向全体居民免费提供基本公共卫生服务。", "", ""],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "适龄儿童疫苗接种率", "≧90%"],
         ["", "", "7 岁以下儿童健康管理率", "≧85%"]],
    )
    project = _only(parse_narrative(doc))
    target = _indicator(project, "适龄儿童疫苗接种率").target
    assert target is not None and (target.comparator, target.value) == (">=", 90)


def test_a_target_cell_opening_with_its_bound() -> None:
    target = parse_target("至少全年完成2次宣传")
    assert (target.comparator, target.value, target.unit, target.bare_number) == (">=", 2, "次", False)
    assert parse_target("90%").comparator == "="


# --- a goal table dumped one cell a line ------------------------------------------------------
CELL_PER_LINE = """绩效
       指标
        | 一级指标
        | 二级指标
        | 三级指标
        | 指标值
        | 实施进度
        |
项目产出
        | 数量指标
        | 宣传次数
        | 至少全年完成2次宣传
        | 已完成100%
        | |
质量指标
        | 活动质量
        | 按质按量完成
        | 已完成100%
        | ||
满意度指标
        | 满意度指标
        | 群众满意度
        | 90%
        | 已完成100%
        |
该宣传专项资金项目在2020年初申报，批复下达预算资金10万元。
"""


def _read(text: str) -> Document:
    return _read_bytes(text.encode("utf-8"), "cells.txt")


def test_cell_per_line_table_is_read_as_a_table() -> None:
    document = _read(CELL_PER_LINE)
    tables = [e for e in document.elements if isinstance(e, Table)]
    assert len(tables) == 1
    rows = [[c.text for c in row] for row in tables[0].rows]
    assert rows[0][-5:] == ["一级指标", "二级指标", "三级指标", "指标值", "实施进度"]
    assert rows[1][-5:] == ["项目产出", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成100%"]
    # a row that omits the cells merged from above is aligned right, its 一级 label filled down
    assert rows[2][-5:] == ["项目产出", "质量指标", "活动质量", "按质按量完成", "已完成100%"]
    report = parse_report(document)
    project = _only(report)
    assert _indicator(project, "宣传次数").target.comparator == ">="  # type: ignore[union-attr]


def test_a_delimited_row_is_not_a_cell_per_line_table() -> None:
    document = _read("该项目全年预算282万元，绩效指标见下表：\n| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
                     "| 产出指标 | 数量指标 | 保障人数 | ≥3500人 |\n")
    tables = [e for e in document.elements if isinstance(e, Table)]
    assert len(tables) == 1 and len(tables[0].rows[0]) == 4


def test_a_cell_per_line_goal_table_is_a_report() -> None:
    try:
        parse_report(_read(CELL_PER_LINE))
    except NotAReport:  # pragma: no cover - the failure this guards against
        pytest.fail("a cell-per-line goal table was rejected as no report")


# --- money written without 元, a 支付率, and balances held for an audit ----------------------------
def test_wan_without_yuan_after_a_money_word_is_money() -> None:
    from reportparse.parse.quantities import money

    assert [(m.value, m.unit) for m in money("安排资金1920.5万。其中，省级1200万元")] == [
        (Decimal("19205000"), "元"), (Decimal("12000000"), "元")]
    assert money("年保土量3.51万t，受益4.52万人") == []


def test_payment_rate_and_a_balance_held_for_the_audit() -> None:
    doc = _doc(
        "乡村振兴衔接资金项目绩效自评报告",
        "一、资金安排情况",
        "2023年用于乡村振兴建设任务安排资金1000万。",
        "二、预算执行情况",
        "全年支付900万元，未支100万元，支付率90%。未支付资金为部分项目暂未审计和预留的质保金。",
    )
    budget = _only(parse_narrative(doc)).budget
    assert _value(budget.planned) == 10000000 and _value(budget.executed) == 9000000
    assert _value(budget.printed_rate) == 90
    assert budget.balance_explained


def test_a_name_cut_at_a_conjunction_is_no_name() -> None:
    assert not valid_candidate("部门整体支出及")
    assert valid_candidate("城乡环卫保洁及公厕管护项目")


# --- a unit's whole project spending beside the projects it describes ---------------------------
def test_a_units_whole_project_spending_is_a_subject_of_its_own() -> None:
    doc = _doc(
        "某市数据中心2024年度项目支出绩效单位自评报告",
        "一、基本情况",
        "2024年，本中心实施项目共6个，年初批复预算4个项目500万元，调整预算后项目预算430.5万元。",
        "（一）项目概况",
        "（1）展厅运维经费。展厅位于市文化广场，预算项目经费用于保障展厅正常运转。",
        "（2）政务数据平台运维经费。平台汇聚全市政务数据。",
    )
    report = parse_narrative(doc)
    names = [p.name for p in report.projects]
    assert names[0] == "某市数据中心2024年度项目支出", names
    assert _value(report.projects[0].budget.planned) == 4305000
    assert {"展厅运维经费", "政务数据平台运维经费"} <= set(names)
    assert not any("预算项目" in n or "调整预算" in n for n in names)


def test_a_funds_total_before_its_parts_is_its_budget() -> None:
    doc = _doc("某县水利局2019年度河道治理监理费专项资金绩效评价报告",
               "专项资金绩效评价资金总计85.98万元，其中一期工程监理费22万元，测绘费63.98万元。")
    assert _value(_only(parse_narrative(doc)).budget.planned) == 859800


def test_cost_lines_in_the_indicator_analysis_are_no_projects() -> None:
    doc = _doc("一、绩效目标分解下达情况省文化和旅游厅下达2022年某县文化和旅游专项资金20万元，"
               "二、绩效目标完成情况分析（一）资金投入情况分析，2.项目资金执行情况分析，专项资金20万元，"
               "（三）绩效指标完成情况分析，剧本创作费5万元，音乐创作费2万元。")
    project = _only(parse_narrative(doc))
    assert "文化和旅游专项资金" in project.name
    assert _value(project.budget.planned) == 200000
    assert project.budget.executed is None  # '资金执行情况分析' is a topic, not spending


@pytest.mark.parametrize("line", ["二、绩效自评工作开展情况", "（7）绩效目标：发挥绩效评价作用，提高资金使用效益。"])
def test_a_numbered_part_or_a_sentence_is_no_title(line: str) -> None:
    doc = _doc("为做好2022年财政衔接推进乡村振兴资金项目绩效管理工作，根据省财政厅有关文件精神，"
               "现将2022年某县交通运输局道路建设资金项目绩效自评总结报告如下：", line,
               "项目资金共100万元，已完成拨付100万元。")
    assert parse_narrative(doc).title is None


@pytest.mark.parametrize("opening, name", [
    ("某区排水管网工程(二期)的目的是提高污水收集率，项目总投资约22.66亿元。", "某区排水管网工程(二期)"),
    ("双拥宣传专项资金项目在2020年初向财政局申报资金，批复下达预算资金10万元。", "双拥宣传专项资金项目"),
])
def test_an_overview_opened_by_the_projects_name(opening: str, name: str) -> None:
    doc = _doc("一、基本情况", "(一)项目概况", opening)
    project = _only(parse_narrative(doc))
    assert project.name.removesuffix("项目") == name.removesuffix("项目")


def test_an_approximate_total_investment_is_no_budget() -> None:
    doc = _doc("一、基本情况", "(一)项目概况",
               "某区排水管网工程(二期)的目的是提高污水收集率，项目总投资约22.66亿元。2022年已拨付6亿元，已全部投入使用。")
    budget = _only(parse_narrative(doc)).budget
    assert budget.planned is None
    assert _value(budget.executed) == 600000000


def test_a_title_joined_to_the_pages_date_line_is_still_the_title() -> None:
    text = "某县2021年农村饮水工程维修养护工程水利发展资金绩效自评报告\n发布时间:2022-02-11 11:23 来源:某县水利局\n\n" \
           "一、概述\n\n纳入绩效评价的专项资金共61.8万元:中央财政资金30.9万元,县财政资金30.9万元。\n"
    report = parse_report(_read(text))
    assert report.title == "某县2021年农村饮水工程维修养护工程水利发展资金绩效自评报告"
    project = _only(report)
    assert "农村饮水工程维修养护工程" in project.name
    assert _value(project.budget.planned) == 618000  # '专项资金共61.8万元:' — the fund's whole amount
