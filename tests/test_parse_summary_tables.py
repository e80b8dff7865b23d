"""Documents that report several projects at once: a summary table (one project a row, in any column
order, dumped as a grid or one cell a line), a notice's list of attached reports, a fund's whole and
its parts. Each case is a small made-up document in a shape met on public pages, not a copy of one."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from reportparse.model import Document, Source, SourceFormat, Table
from reportparse.parse import parse_report
from reportparse.parse.names import valid_candidate
from reportparse.pipeline import analyse
from reportparse.readers.text import read_text
from reportparse.summarycolumns import column_role, summary_header
from tests.test_parse_narrative import _doc, _project


def _text(text: str) -> Document:
    data = text.encode("utf-8")
    source = Source(path="list.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_text(Path("list.txt"), data, source)


def _tables(doc: Document) -> list[list[list[str]]]:
    return [[[c.text for c in row] for row in e.rows] for e in doc.elements if isinstance(e, Table)]


# --- column roles -------------------------------------------------------------------------------


def test_column_titles_take_their_roles_whatever_the_unit_or_gloss() -> None:
    assert column_role("项目名称") == "name"
    assert column_role("项 目") == "name"
    assert column_role("下达资金（万元）") == "planned"
    assert column_role("债券规模") == "planned"
    assert column_role("实际支出(万元)") == "executed"
    assert column_role("资金使用率") == "rate"
    assert column_role("综合得分") == "score"
    assert column_role("评价档次") == "grade"
    assert column_role("序号") == "serial"
    assert column_role("承担单位") == "other"
    assert column_role("备注(项目类别)") == "other"
    assert column_role("推进乡村振兴示范村建设项目") is None


def test_a_scoring_table_or_a_header_with_an_unknown_title_is_no_summary_header() -> None:
    assert summary_header(["项目名称", "预算数(万元)", "执行数(万元)", "得分"]) == {
        "name": 0, "planned": 1, "executed": 2, "score": 3}
    assert summary_header(["一级指标", "分值", "得分"]) is None  # a form's levels, no project list
    assert summary_header(["项目名称", "建设内容", "得分"]) is None  # 建设内容: not a title this table knows
    assert summary_header(["项目名称", "备注", "序号"]) is None  # no money, score or grade


# --- a summary table dumped one cell a line ------------------------------------------------------


def test_a_list_dumped_one_cell_a_line_becomes_a_table_with_left_out_cells_in_place() -> None:
    doc = _text("2022年度项目绩效自评结果如下:\n\n序号\n\n项目名称\n\n实施单位\n\n预算金额(万元)\n\n"
                "执行金额(万元)\n\n自评得分\n\n自评等级\n\n1\n\n城区雨污分流改造工程\n\n县城建中心\n\n320\n\n"
                "300.5\n\n92\n\n优\n\n2\n\n乡村公路养护经费\n\n县交通站\n\n45\n\n45\n\n88\n\n"
                "3\n\n图书馆数字资源采购项目\n\n12\n\n11.2\n\n95\n\n优\n\n以上项目均已完成自评。\n")
    assert _tables(doc) == [[
        ["序号", "项目名称", "实施单位", "预算金额(万元)", "执行金额(万元)", "自评得分", "自评等级"],
        ["1", "城区雨污分流改造工程", "县城建中心", "320", "300.5", "92", "优"],
        ["2", "乡村公路养护经费", "县交通站", "45", "45", "88", ""],  # (no grade printed)
        ["3", "图书馆数字资源采购项目", "", "12", "11.2", "95", "优"],  # (no unit printed)
    ]]


def test_a_second_header_row_or_a_cut_last_row_is_no_row() -> None:
    two_rows = _text("项目名称\n安排经费(万元)\n实际支出(万元)\n自评结果\n合计\n拨款\n自筹\n1\n2018-2020\n105\n")
    assert _tables(two_rows) == []
    cut = _text("序号\n单位\n项目\n评价档次\n1\n县文旅局\n古村落保护利用\n良好\n2\n县农业农村局\n")
    assert _tables(cut) == [[["序号", "单位", "项目", "评价档次"], ["1", "县文旅局", "古村落保护利用", "良好"]]]


# --- the parser reads the rows as projects --------------------------------------------------------


BOND_LIST = [
    ["序号", "主管部门", "项目名称", "发行金额(亿元)", "评价得分", "评价结果", "备注"],
    ["1", "某县水利局", "某县城区防洪堤提升工程", "0.85", "93", "优", "项目单位自评"],
    ["2", "某县水利局", "某县农村供水保障工程(2022-2024)", "1.2", "84", "良", "财政重点评价"],
    ["3", "某县水利局", "某县灌区节水改造项目", "0.3", "86", "优", "项目单位自评"],
]


def test_a_bond_list_gives_each_row_its_money_score_and_grade_and_the_topic_is_no_project() -> None:
    report = parse_report(_doc("现将某县水利局2023年度专项债券项目资金绩效评价情况公示如下:", BOND_LIST))
    assert sorted(p.name for p in report.projects) == sorted(
        ["某县城区防洪堤提升工程", "某县农村供水保障工程(2022-2024)", "某县灌区节水改造项目"])
    dike = _project(report, "某县城区防洪堤提升工程")
    assert dike.budget.planned is not None and dike.budget.planned.value == Decimal(85000000)
    assert dike.total_score == Decimal(93) and dike.grade == "优"
    water = _project(report, "某县农村供水保障工程(2022-2024)")
    assert water.budget.planned is not None and water.budget.planned.value == Decimal(120000000)


def test_a_grade_the_score_does_not_earn_is_flagged() -> None:
    result = analyse(_doc("现将2023年度专项债券项目资金绩效评价情况公示如下:", BOND_LIST))
    flagged = [f for f in result.findings if f.code == "grade-mismatch"]
    assert [f.project for f in flagged] == ["某县灌区节水改造项目"]  # 86 is 良, not 优


def test_a_list_with_grades_only_names_its_projects() -> None:
    report = parse_report(_doc(
        "复核评价的3个项目具体情况如下:",
        [["序号", "单位", "项目", "评价档次"], ["1", "县科技局", "科技特派员服务经费", "良好"],
         ["2", "县科技局", "中小企业研发补助资金", "中(一般)"], ["3", "县商务局", "电商进农村示范项目", "优秀"]]))
    assert sorted(p.name for p in report.projects) == sorted(
        ["科技特派员服务经费", "中小企业研发补助资金", "电商进农村示范项目"])
    assert _project(report, "电商进农村示范项目").grade == "优"


# --- a notice of evaluations, counts, a whole and its parts ---------------------------------------


def test_a_notice_listing_attached_reports_names_each_evaluated_object() -> None:
    report = parse_report(_doc(
        "我局委托第三方机构对2023年市级预算安排的3个项目和1个预算部门开展了绩效评价,现将评价报告公开。",
        "附件1:2023年城市书房建设补助资金项目绩效评价报告.pdf附件2:市体育中心场馆维修项目绩效评价报告.pdf",
        "附件3:2023年度老年助餐服务补贴绩效评价报告.pdf",
        "附件4:市档案馆部门整体支出绩效评价报告.pdf"))
    assert sorted(p.name for p in report.projects) == sorted(
        ["城市书房建设补助资金项目", "市体育中心场馆维修项目", "老年助餐服务补贴", "市档案馆部门整体支出"])


def test_a_counted_department_evaluation_is_not_the_report_s_own_subject() -> None:
    report = parse_report(_doc(
        "某区财政局2024年重点绩效评价结果公开",
        "2024年度重点评价包括36个项目支出、1个部门整体支出和1个财政运行综合评价,涉及金额12.5亿元。"))
    assert not any("部门整体支出" in p.name for p in report.projects)


def test_an_amount_followed_by_its_parts_is_the_fund_s_budget() -> None:
    report = parse_report(_doc(
        "某县2024年度农业产业发展资金绩效自评报告",
        "一、资金安排情况",
        "县本级配套的产业资金,2023年度为40万元。2024年度安排农业产业发展资金860万元,其中中央资金500万元、"
        "省级资金300万元、县级资金60万元,用于12个产业项目。"))
    assert len(report.projects) == 1
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == Decimal(8600000)


def test_a_share_of_the_money_or_a_change_to_it_is_no_project_name() -> None:
    assert not valid_candidate("省级配套农机购置补贴资金")
    assert not valid_candidate("年中调减中央财政资金")
    assert not valid_candidate("县级追加专项经费")
    assert valid_candidate("农机购置补贴")
    assert valid_candidate("某县农村供水保障工程(2022-2024)")


def test_a_list_a_row_a_line_or_all_on_one_line_is_read_alike() -> None:
    header = ["项目名称", "预算金额(万元)", "执行金额(万元)", "自评得分"]
    rows = [["老旧小区改造项目", "500", "480.5", "91"], ["农村公路安保工程", "120", "120", "96"]]
    expected = [[header, *rows]]
    assert _tables(_text("\n".join("    ".join(r) for r in [header, *rows]) + "\n")) == expected
    assert _tables(_text(" ".join(" ".join(r) for r in [header, *rows]) + "\n")) == expected
    # (a label spaced out character by character stays one cell)
    spaced = _text("项 目 名 称    预算金额(万元)    执行金额(万元)    自评得分\n"
                   "老旧小区改造项目    500    480.5    91\n")
    assert _tables(spaced) == [[["项 目 名 称", "预算金额(万元)", "执行金额(万元)", "自评得分"], rows[0]]]


def test_numbered_items_with_their_money_labels_are_projects_with_budgets() -> None:
    report = parse_report(_doc(
        "某县林业局2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "2023年我局共实施项目3个,具体如下:",
        "1.森林防火能力提升项目,预算资金210万元,实际支出205万元,执行率97.62%,自评得分93分。",
        "2.国土绿化示范工程,安排资金96.5万元,实际支出90万元,执行率93.26%,自评得分89分。",
        "(三)林业有害生物防治经费,预算资金30万元,实际支出30万元,执行率100%,自评得分97分。"))
    expected = {"森林防火能力提升项目": (2100000, 2050000, 93), "国土绿化示范工程": (965000, 900000, 89),
                "林业有害生物防治经费": (300000, 300000, 97)}
    for name, (planned, executed, score) in expected.items():
        project = _project(report, name)
        assert project.budget.planned is not None and project.budget.planned.value == Decimal(planned)
        assert project.budget.executed is not None and project.budget.executed.value == Decimal(executed)
        assert project.total_score == Decimal(score)
    assert not valid_candidate("某县林业局2023年度项目支出")  # (the body's spending of a kind: the topic)


def test_a_department_report_whose_listed_projects_carry_scores_keeps_the_department_apart() -> None:
    report = parse_report(_doc(
        "某市统计局2023年度部门整体支出绩效自评报告",
        "一、部门基本情况",
        "2023年本部门全年预算数860.4万元,全年执行数831.2万元。",
        "二、重点项目绩效情况",
        "(一)经济普查经费:全年预算数90万元,全年执行数88万元,执行率97.78%,自评得分95分。",
        "(二)统计执法检查经费:全年预算数25万元,全年执行数20万元,执行率80%,自评得分86分。",
        "三、自评结论",
        "部门整体支出自评得分90.5分。"))
    department = _project(report, "某市统计局部门整体支出")
    assert department.budget.planned is not None and department.budget.planned.value == Decimal(8604000)
    assert department.total_score == Decimal("90.5")
    census = _project(report, "经济普查经费")
    assert census.budget.planned is not None and census.budget.planned.value == Decimal(900000)
    assert census.total_score == Decimal(95)


def test_a_total_row_labelled_left_of_the_names_is_checked_and_a_grade_beside_money_is_read() -> None:
    rows = [["单位名称", "项目名称", "批复金额(万元)", "实际支出(万元)", "自评分值", "绩效等级"],
            ["区水务局", "河道保洁经费", "210", "205", "95", "优"],
            ["区水务局", "泵站运行维护项目", "90", "88.5", "79", "良"],
            ["合计", "", "310", "293.5", "", ""]]
    result = analyse(_doc("区水务局2023年度项目支出绩效自评结果公开", rows))
    codes = sorted((f.code, f.project or "") for f in result.findings if f.severity in ("error", "warning"))
    assert ("grade-mismatch", "泵站运行维护项目") in codes  # 79 is 中
    assert any(code == "fund-sum-mismatch" for code, _ in codes)  # 210 + 90 = 300, not 310
    assert _project(result.report, "河道保洁经费").grade == "优"


# --- a finance bureau's list of evaluation results: 资金量 / 涉及资金, a year in brackets, a row cut off -------


def test_the_amount_a_results_list_calls_its_funds_is_the_planned_money() -> None:
    assert column_role("资金量(万元)") == "planned"
    assert column_role("涉及资金（万元）") == "planned"
    assert column_role("评价资金") == "planned"


def test_a_name_qualified_by_its_year_in_brackets_is_a_name() -> None:
    assert valid_candidate("城区供水管网、泵站维护项目(2022年度)")
    assert valid_candidate("乡镇敬老院修缮工程（2021年）")
    assert not valid_candidate("人员经费、公用经费(2021年度)")  # (a list of spending lines, as before)


def test_a_results_list_reads_every_row_and_not_the_row_its_page_cut_inside_the_name() -> None:
    for text, cut in [
        ("现将评价结果通报如下:\n序号 | 主管部门 | 项目名称 | 资金量（万元） | 评价等级 |\n"
         "1 | 县水利局 | 城区供水管网、泵站维护项目(2022年度) | 312 | 良 |\n"
         "2 | 县农业农村局 | 农田水利设施修缮经费 | 95.5 | 优 |\n"
         "3 | 县卫健委 | 乡村医生培训", "乡村医生培训"),
        ("2023年重点评价结果\n序号 | 项目名称 | 涉及资金(万元) | 评价结论 |\n1 | 老旧小区改造补助资金 | 1260 | 良 |\n"
         "2 | 乡镇敬老院修缮工程（2021年） | 86 | 中 |\n3 | 城乡环卫一体", "城乡环卫一体"),
    ]:
        report = parse_report(_text(text))
        names = [p.name for p in report.projects]
        assert len(names) == 2 and cut not in names, names
        assert all(p.budget.planned is not None and p.grade is not None for p in report.projects)
