"""A unit's report accounting for its projects one by one (parse/itemnames, the sibling headings of
parse/narrativenames): each project named by an item or a subheading, with its own budget and spending. Made-up
reports in the shapes such reports take, never a copy of one page."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Report
from reportparse.parse.itemnames import own_money_items, states_budget_and_spending
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def _money(report: Report) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


def _w(amount: str) -> Decimal:
    return Decimal(amount) * 10000


# --- sibling subheadings, each a project's name alone, its money in the paragraph below ---------------
def test_sibling_subheadings_under_a_part_each_name_a_project() -> None:
    report = parse_narrative(_doc(
        "某区档案馆2022年度项目支出绩效自评报告",
        "一、基本情况",
        "本馆2022年实施项目2个。",
        "二、项目实施情况",
        "（一）档案数字化加工经费",
        "年初批复预算52万元，全年支出50万元，完成档案扫描80万页。",
        "（二）馆藏档案修复补助",
        "年初批复预算18万元，全年支出18万元。",
    ))
    assert _money(report) == {"档案数字化加工经费": (_w("52"), _w("50")), "馆藏档案修复补助": (_w("18"), _w("18"))}


def test_subheadings_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "某县气象局2021年项目支出自评报告",
        "一、项目资金使用情况",
        "(一)人工增雨作业项目",
        "本项目安排资金30万元，实际使用资金27万元，执行率90%。",
        "(二)气象灾害预警平台运维经费",
        "本项目安排资金12万元，实际使用资金12万元，执行率100%。",
    ))
    assert _money(report) == {"人工增雨作业项目": (_w("30"), _w("27")),
                              "气象灾害预警平台运维经费": (_w("12"), _w("12"))}


# --- numbered items under the money part: '(1)X项目：预算…，支出…' -----------------------------------
def test_numbered_items_in_the_money_part_that_state_budget_and_spending() -> None:
    report = parse_narrative(_doc(
        "某市疾控中心2023年度重点项目绩效自评报告",
        "一、项目资金使用情况",
        "（1）传染病监测项目：年初预算64万元，实际支出60万元。",
        "（2）慢性病防控示范项目：年初预算35万元，实际支出33.6万元。",
    ))
    assert set(_money(report).values()) == {(_w("64"), _w("60")), (_w("35"), _w("33.6"))}
    assert len(report.projects) == 2


def test_numbered_items_that_only_split_one_projects_money_are_no_projects() -> None:
    # (each item states one amount, a use of the project's money: no project of its own)
    assert own_money_items("其中：1.设备购置项目，支出20万元；2.培训项目，支出5万元。") == []
    assert not states_budget_and_spending("支出20万元")
    assert states_budget_and_spending("安排资金30万元，实际使用资金27万元")


# --- items with a comma after the name, and items opened by 一是/二是 ----------------------------------
def test_numbered_works_with_a_comma_before_their_money() -> None:
    report = parse_narrative(_doc(
        "2022年某乡以奖代补资金绩效自评报告",
        "一、资金安排情况",
        "1.北坡村排水沟渠修建工程，下达资金45万元，实际拨付42万元，工程已验收。",
        "2.石桥村便民桥修复工程，下达资金20万元，实际拨付20万元。",
    ))
    assert _money(report) == {"北坡村排水沟渠修建工程": (_w("45"), _w("42")),
                              "石桥村便民桥修复工程": (_w("20"), _w("20"))}


def test_items_opened_by_an_enumerating_word_lose_the_word() -> None:
    report = parse_narrative(_doc(
        "某区体育中心2020年度项目支出绩效自评报告",
        "一、项目基本情况",
        "2020年我中心共有项目支出两个。一是全民健身器材更新项目，预算资金36万元，实际支出35万元；"
        "二是青少年体育培训项目，预算资金14万元，实际支出12.5万元。",
    ))
    assert _money(report) == {"全民健身器材更新项目": (_w("36"), _w("35")),
                              "青少年体育培训项目": (_w("14"), _w("12.5"))}


# --- a department's report that states its whole spending, then accounts for its projects one by one ----
def test_a_department_report_keeps_its_whole_beside_the_projects_it_accounts_for() -> None:
    report = parse_narrative(_doc(
        "某县司法局2023年度部门整体支出绩效自评报告",
        "一、部门整体支出情况",
        "2023年部门总支出1520万元，其中基本支出1290万元，项目支出230万元。",
        "二、重点项目情况",
        "1.法律援助经费，全年预算90万元，实际支出88万元。",
        "2.社区矫正工作经费，全年预算40万元，实际支出36万元。",
    ))
    money = _money(report)
    assert money["法律援助经费"] == (_w("90"), _w("88"))
    assert money["社区矫正工作经费"] == (_w("40"), _w("36"))
    whole = [name for name in money if "整体" in name]
    assert len(whole) == 1 and money[whole[0]][1] == _w("1520")


def test_a_department_report_that_states_no_whole_money_lists_its_projects_alone() -> None:
    report = parse_narrative(_doc(
        "某市地震局2022年度部门整体支出绩效自评报告",
        "一、重点项目情况",
        "（一）地震监测台网运维项目",
        "本项目年初预算25万元，全年实际支出24万元。",
        "（二）防震减灾科普宣传项目",
        "本项目年初预算8万元，全年实际支出8万元。",
    ))
    assert _money(report) == {"地震监测台网运维项目": (_w("25"), _w("24")),
                              "防震减灾科普宣传项目": (_w("8"), _w("8"))}


# --- a 其中 sentence after the amount it splits: its items are uses, no projects ----------------------------
def test_a_sentence_opening_with_qizhong_lists_the_uses_of_the_amount_before() -> None:
    report = parse_narrative(_doc(
        "2021年度项目支出绩效自评报告",
        "一、项目资金使用情况",
        "2021年度信访维稳专项经费80万元，全部为财政拨款。其中，矛盾纠纷排查工作支出20万；来访接待室运行经费支出"
        "12万元；法律顾问服务经费支出48万元。",
    ))
    names = {p.name for p in report.projects}
    assert not names & {"来访接待室运行经费", "法律顾问服务经费", "矛盾纠纷排查工作"}


def test_a_qizhong_list_in_another_wording_makes_no_project_of_a_use() -> None:
    report = parse_narrative(_doc(
        "某街道2022年度项目支出绩效自评报告",
        "二、资金使用情况",
        "全年安排社区治理专项资金50万元。其中：网格员培训经费支出10万元；社区议事活动经费支出15万元；"
        "居民文体活动经费支出25万元。",
    ))
    assert not {p.name for p in report.projects} & {"网格员培训经费", "社区议事活动经费", "居民文体活动经费"}


# --- a part headed by a project's evaluation: '一、X项目绩效自评情况' ----------------------------------------
def test_parts_headed_by_each_projects_evaluation_name_the_projects() -> None:
    report = parse_narrative(_doc(
        "某县水务局2022年度重点项目绩效自评报告",
        "一、河道清淤疏浚项目绩效自评情况",
        "项目全年预算160万元，实际支出152万元。",
        "二、农村水厂提标改造项目的评价结果",
        "项目全年预算90万元，实际支出90万元。",
    ))
    assert _money(report) == {"河道清淤疏浚项目": (_w("160"), _w("152")),
                              "农村水厂提标改造项目": (_w("90"), _w("90"))}


# --- a sheet whose list of projects sits below the report's title and lines, down its first column ----------
def test_a_project_list_below_a_sheets_caption_rows_gives_each_its_money() -> None:
    report = parse_narrative(_doc([
        ["某区园林绿化中心2023年度项目支出绩效自评情况", "", ""],
        ["各项目执行情况见下表（单位：万元）", "", ""],
        ["项目名称", "全年预算数", "全年执行数"],
        ["行道树修剪养护经费", "42", "40.5"],
        ["公园设施维修项目", "66", "66"],
    ]))
    assert _money(report) == {"行道树修剪养护经费": (_w("42"), _w("40.5")), "公园设施维修项目": (_w("66"), _w("66"))}


def test_caption_rows_in_another_layout_a_merged_title_repeated_across_the_row() -> None:
    title = "2022年度学校项目支出执行表"
    report = parse_narrative(_doc([
        [title, title, title, title],
        ["一、项目执行情况", "", "", ""],
        ["说明：金额单位为万元", "", "", ""],
        ["项目名称", "预算数", "执行数", "执行率"],
        ["多媒体教室改造项目", "120", "118", "98.3%"],
        ["校园安保服务经费", "35", "35", "100%"],
    ]))
    assert _money(report) == {"多媒体教室改造项目": (_w("120"), _w("118")), "校园安保服务经费": (_w("35"), _w("35"))}


# --- a list of projects with money columns is no 自评表 form ------------------------------------------------
def test_a_project_list_with_money_columns_is_read_as_projects_not_as_one_form() -> None:
    from reportparse.parse import parse_report

    report = parse_report(_doc(
        "某县医保局2023年度项目支出绩效自评报告",
        "纳入自评的项目如下（单位：万元）：",
        [["序号", "项目", "预算金额", "实际支出金额", "预算执行率"],
         ["1", "医保基金监管专项经费", "40", "36", "90%"],
         ["2", "医保信息系统运维项目", "75", "75", "100%"]],
    ))
    assert _money(report) == {"医保基金监管专项经费": (_w("40"), _w("36")),
                              "医保信息系统运维项目": (_w("75"), _w("75"))}


def test_a_project_list_in_another_layout_name_column_first() -> None:
    from reportparse.parse import parse_report

    report = parse_report(_doc(
        "某镇2021年度项目支出绩效自评报告",
        [["项目名称", "全年预算数（万元）", "全年执行数（万元）"],
         ["村庄亮化工程", "28", "27.5"],
         ["农村饮水维修养护项目", "16", "16"],
         ["合计", "44", "43.5"]],
    ))
    money = _money(report)
    assert money["村庄亮化工程"] == (_w("28"), _w("27.5"))
    assert money["农村饮水维修养护项目"] == (_w("16"), _w("16"))


def test_subheadings_on_each_projects_money_name_the_projects() -> None:
    report = parse_narrative(_doc(
        "某区应急管理局2023年度项目支出绩效自评报告",
        "二、项目资金执行情况",
        "（一）应急物资储备项目资金使用情况",
        "年初预算45万元，全年支出44万元。",
        "（二）安全生产执法检查经费执行情况",
        "年初预算20万元，全年支出17万元。",
    ))
    assert _money(report) == {"应急物资储备项目": (_w("45"), _w("44")), "安全生产执法检查经费": (_w("20"), _w("17"))}


# --- the parts of one project's works, each item with its own money, are not the project's money ----------
def test_the_phases_of_one_project_do_not_give_it_their_money() -> None:
    report = parse_narrative(_doc(
        "某乡集中供水站建设项目绩效自评报告",
        "一、项目概况",
        "该项目总投资600万元，分两期建设。",
        "二、资金使用情况",
        "1.一期工程，预算资金400万元，实际支出400万元；",
        "2.二期工程，预算资金200万元，实际支出150万元。",
        "项目累计支出550万元。",
    ))
    assert _money(report) == {"某乡集中供水站建设项目": (_w("600"), _w("550"))}


def test_the_works_of_one_project_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "2023年某村道路提升改造项目绩效自评报告",
        "项目总投资90万元，全年实际完成投资84万元。",
        "（1）主路拓宽工程：计划投资60万元，已完成投资58万元；",
        "（2）排水边沟工程：计划投资30万元，已完成投资26万元。",
    ))
    # (named works with their own money may be listed beside it, corpora/real/README.md; never their money for its own)
    assert _money(report)["某村道路提升改造项目"] == (_w("90"), _w("84"))


# --- a project's subheading over numbered subheadings of its own ---------------------------------------------
def test_project_subheadings_with_numbered_subheadings_of_their_own() -> None:
    report = parse_narrative(_doc(
        "某区图书馆2022年度项目支出绩效单位自评报告",
        "二、项目资金使用情况",
        "（一）古籍保护修复经费",
        "1.资金到位情况",
        "年初预算30万元，实际到位30万元。",
        "2.资金执行情况",
        "全年支出27万元。",
        "（二）少儿阅读推广经费",
        "1.资金到位情况",
        "年初预算15万元，实际到位15万元。",
        "2.资金执行情况",
        "全年支出15万元。",
    ))
    assert _money(report) == {"古籍保护修复经费": (_w("30"), _w("27")), "少儿阅读推广经费": (_w("15"), _w("15"))}


def test_a_cells_label_over_unnumbered_short_lines_is_no_project_part() -> None:
    # (a table dumped a cell a line: a row's label and its figures, each a short line, head nothing)
    from reportparse.parse.layout import walk
    from reportparse.parse.narrativenames import _sibling_fund_headings

    layout = walk(_doc(
        "某县总工会2022年度部门整体支出绩效自评表",
        "二、项目支出情况",
        "（一）困难职工帮扶补助",
        "96",
        "90",
        "（二）劳模慰问专项资金",
        "40",
        "40",
    ), set())
    assert _sibling_fund_headings(layout) == []


# --- short names given to several projects at once ----------------------------------------------------------
def test_short_names_given_respectively_carry_each_projects_money() -> None:
    report = parse_narrative(_doc(
        "某县统计局2023年度项目支出绩效自评报告",
        "本局2023年实施“经济普查专项工作经费”和“统计执法检查经费”两个项目（以下分别简称“普查经费”和“执法经费”）。",
        "普查经费年初预算80万元，全年支出76万元；执法经费年初预算10万元，全年支出9万元。",
    ))
    assert _money(report) == {"经济普查专项工作经费": (_w("80"), _w("76")), "统计执法检查经费": (_w("10"), _w("9"))}


def test_short_names_given_respectively_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "某市科协2021年度项目支出绩效自评报告",
        "一、项目概况",
        "我会承担“青少年科技创新大赛组织项目”、“科普大篷车巡展项目”（下文分别简称为“创新大赛”、“大篷车巡展”）。",
        "二、资金使用",
        "创新大赛安排资金35万元，实际使用33万元。大篷车巡展安排资金20万元，实际使用20万元。",
    ))
    assert _money(report) == {"青少年科技创新大赛组织项目": (_w("35"), _w("33")),
                              "科普大篷车巡展项目": (_w("20"), _w("20"))}


# --- a listed project's own rate is no measure of the department -------------------------------------------
def _department(report: Report):  # type: ignore[no-untyped-def]
    return next(p for p in report.projects if "整体" in p.name)


def test_listed_projects_rates_are_not_the_departments_measure() -> None:
    report = parse_narrative(_doc(
        "某县司法局2023年度部门整体支出绩效自评报告",
        "2023年部门总支出1520万元，其中基本支出1290万元，项目支出230万元。",
        "1.法律援助经费，全年预算90万元，实际支出88万元，预算执行率97.8%。",
        "2.社区矫正工作经费，全年预算40万元，实际支出36万元，预算执行率90%。",
    ))
    assert not [i for i in _department(report).indicators if "执行率" in i.name]


def test_listed_projects_rates_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "某区民政局2022年度部门整体支出绩效自评报告",
        "一、部门整体支出情况",
        "全年部门支出合计3100万元。",
        "二、重点项目",
        "（一）居家养老服务补贴项目：预算200万元，支出190万元，执行率95%。",
        "（二）殡葬惠民补助项目：预算50万元，支出50万元，执行率100%。",
    ))
    assert not [i for i in _department(report).indicators if "执行率" in i.name]


# --- forms one after another, each named only by its title ---------------------------------------------------
def _titled_form(title: str, sep: str, money: tuple[str, str, str], indicator: str, total: str) -> str:
    rows = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", *money, "10", "100%", "10"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", indicator, "≥10个", "12个", "40", "40"],
            ["总分", "100", total]]
    return "\n".join([title, *(sep.join(row) + (" |" if sep == " | " else "") for row in rows)])


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_forms_named_by_their_titles_stay_two_projects(tmp_path: Path, sep: str) -> None:
    from reportparse.parse import parse_report
    from reportparse.pipeline import extract

    text = "\n\n".join([
        _titled_form("2023年度村庄保洁项目绩效自评表", sep, ("50", "50", "50"), "保洁村庄数", "98"),
        _titled_form("2023年度河道巡查项目绩效自评表", sep, ("20", "20", "20"), "巡查河段数", "96"),
    ])
    path = tmp_path / "forms.txt"
    path.write_text(text + "\n", encoding="utf-8")
    report = parse_report(extract(path))
    assert sorted(p.budget.planned.value for p in report.projects if p.budget.planned) == [_w("20"), _w("50")]
    assert sorted(p.total_score for p in report.projects if p.total_score is not None) == [96, 98]


def _sheet_form(title: str, money: tuple[str, str, str], indicator: str, total: str, merged: bool) -> list[list[str]]:
    return [[title, *([title] * 6 if merged else [""] * 6)],
            ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", *money, "10", "100%", "10"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", indicator, "≥10个", "12个", "40", "40"],
            ["总分", "100", total, "", "", "", ""]]


@pytest.mark.parametrize("merged", [False, True])
def test_forms_one_below_another_on_a_sheet_each_take_their_title(merged: bool) -> None:
    from reportparse.parse import parse_report

    first = _sheet_form("2023年度村庄保洁项目绩效自评表", ("50", "50", "50"), "保洁村庄数", "98", merged)
    second = _sheet_form("2023年度河道巡查项目绩效自评表", ("20", "20", "20"), "巡查河段数", "96", merged)
    rows = [*first, [""] * 7, *second]
    report = parse_report(_doc(rows))
    assert {p.name: p.total_score for p in report.projects} == {"村庄保洁": 98, "河道巡查": 96}


# --- a department's spending lines, each with its own budget and spending, are not its whole ------------------
def test_a_departments_spending_lines_do_not_give_it_their_money() -> None:
    report = parse_narrative(_doc(
        "某县档案局2022年度部门整体支出绩效自评报告",
        "2022年部门支出合计320万元。",
        "1.人员经费，年初预算210万元，实际支出208万元。",
        "2.日常公用经费，年初预算45万元，实际支出40万元。",
    ))
    whole = _department(report)
    assert whole.budget.executed is not None and whole.budget.executed.value == _w("320")
    assert whole.budget.planned is None or whole.budget.planned.value != _w("210")


def test_a_departments_spending_lines_after_a_colon() -> None:
    report = parse_narrative(_doc(
        "某乡人民政府2023年度部门整体支出绩效自评报告",
        "全年部门支出合计860万元，其中基本支出620万元，项目支出240万元。",
        "（1）办公经费：预算18万元，支出17.2万元；",
        "（2）会议经费：预算5万元，支出3万元。",
    ))
    whole = _department(report)
    assert whole.budget.executed is not None and whole.budget.executed.value == _w("860")
    assert whole.budget.planned is None or whole.budget.planned.value != _w("18")
