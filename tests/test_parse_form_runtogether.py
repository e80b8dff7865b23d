"""Form shapes met in a sweep of unseen public forms: a DOCX preview whose text ran every cell together
(several forms in one run, the Hubei template with one 得分 and no 分值, a garbled column label), a
grid whose 得分 is merged over a 二级指标's rows, a 项目资金 block with no 全年预算数 column, level
labels whose header columns the dump lost, the template's scoring notes and empty '指标2:' rows, and
a form cut right after its header block. Built inputs in those shapes (names and figures varied),
checked end to end through `pipeline.check`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from reportparse.model import Project, Report, Result, Table
from reportparse.parse.form.forms import parse_forms
from reportparse.parse.form.locate import find_forms
from reportparse.parse.form.runtogether import split_cells
from tests._textforms import run
from tests._workbooks import read_xlsx_bytes, workbook_bytes


def projects(result: Result) -> dict[str, Project]:
    assert result.report is not None
    return {p.name: p for p in result.report.projects}


def value(q: object) -> Decimal | None:
    return getattr(q, "value", None)


def codes(result: Result) -> list[str]:
    return [f.code for f in result.findings]


# ---- cells run together ---------------------------------------------------------------------------

def test_cells_are_cut_where_labels_and_figures_begin() -> None:
    cells = split_cells("三级指标年度指标值实际完成值分值得分培训人次200人次210人次2018满意度≥90%95%1010总分10098")
    assert cells == ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "培训人次", "200人次", "210人次",
                     "20", "18", "满意度", "≥90%", "95%", "10", "10", "总分", "100", "98"]


def test_equal_fund_amounts_run_together_are_taken_apart() -> None:
    # 全年预算数, 全年执行数 and a 分值 before the 100% rate; two-decimal amounts before a ratio and a score
    assert split_cells("年度资金总额50505010100%其中:当年财政拨款") == [
        "年度资金总额", "50", "50", "50", "10", "100%", "其中:当年财政拨款"]
    assert split_cells("年度财政资金总额2.352.35120年度绩效目标") == [
        "年度财政资金总额", "2.35", "2.35", "1", "20", "年度绩效目标"]


def test_a_lone_score_column_keeps_its_figure_whole() -> None:
    # no 分值 column: '10' after the figures is a 得分 of 10, not a 分值 1 scored 0
    cells = split_cells("三级指标年初目标值(A)实际完成值(B)得分场馆开放天数300天310天10")
    assert cells[-4:] == ["场馆开放天数", "300天", "310天", "10"]


PREVIEW = (
    "《某区文旅局项目自评表.docx》由会员分享,可在线阅读。\n"
    "1、项目支出绩效自评表(2021 年度)项目名称{first}主管部门某区文化和旅游局实施单位某区文化馆项目资金 (万元)"
    "年初预算数全年预算数全年执行数分值执行率得分年度资金总额{a}{a}{a}10100%10其中:当年财政拨款{a}{a}{a}100%"
    "上年结转资金其他资金年度 总体 目标预期目标实际完成情况开展群众文化活动。已完成绩 效 指 标一级指标二级指标三级指标"
    "年度 指标值实际 完成值分 值得 分偏差原因分析 及改进措施产出指标数量指标开展文化活动场次≥24场30场2020指标2:"
    "质量指标活动安全事故0起0起2020\n"
    "2、时效指标指标1:指标2:成本指标活动经费≤{a}万元{a}万元2018效益指标社会效益指标参与群众人次≥5000人次6200人次1010"
    "满意度指标服务对象满意度指标群众满意度≥90%96%1010总分10098"
    "项目名称{second}主管部门某区文化和旅游局实施单位某区图书馆项目资金 (万元)年初预算数全年预算数全年执行数分值"
    "执行率得分年度资金总额{b}{b}{b}10100%10其中:当年财政拨款{b}{b}{b}100%上年结转资金其他资金"
)


@pytest.mark.parametrize(("a", "b"), [("30", "12"), ("8", "45")])
def test_a_preview_of_two_forms_run_together_gives_both(tmp_path: Path, a: str, b: str) -> None:
    result = run(tmp_path, PREVIEW.format(first="群众文化活动经费", second="图书采购经费", a=a, b=b))
    found = projects(result)
    assert set(found) == {"群众文化活动经费", "图书采购经费"}
    first, second = found["群众文化活动经费"], found["图书采购经费"]
    assert value(first.budget.planned) == value(first.budget.executed) == Decimal(a) * 10000
    assert value(second.budget.planned) == Decimal(b) * 10000
    rows = {i.name: i for i in first.indicators}
    assert "指标2:" not in rows and not any(name.startswith("指标") for name in rows)  # empty placeholders
    assert (rows["开展文化活动场次"].weight, rows["开展文化活动场次"].score) == (Decimal(20), Decimal(20))
    assert rows["开展文化活动场次"].target is not None and rows["开展文化活动场次"].target.value == Decimal(24)
    assert (rows["活动经费"].weight, rows["活动经费"].score) == (Decimal(20), Decimal(18))
    assert first.total_score == Decimal(98) or any(
        line.level == "总分" and line.score == Decimal(98) for line in first.scores)
    assert "met-but-deducted" in codes(result)  # ≤a万元 spent a万元, scored 18 of 20 with no reason
    assert "conflicting-figures" not in codes(result)  # the second form's amounts are its own


HUBEI = (
    "1、2021年度项目绩效自评表单位名称:某市水利局填报日期:2022年3月1日项目名称{name}主管部门某市水利局"
    "项目实施单位某市水利局项目类别1、部门预算项目口2、市直专项口项目属性1、持续性项目口"
    "预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额{amount}{amount}120"
    "年度绩效目标1(80分)一级指标二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出指标数量指标堤防巡查次数≥52次60次20"
    "质量指标巡查记录完整率100%100%20效益指标社会效益指标防汛安全事故0起0起20满意度指标服务对象满意度指标群众满意度≥90%95%20"
    "总分100"
)


def test_a_run_together_form_with_one_score_column(tmp_path: Path) -> None:
    result = run(tmp_path, HUBEI.format(name="堤防巡查经费", amount="3.65"))
    project = projects(result)["堤防巡查经费"]
    assert value(project.budget.planned) == value(project.budget.executed) == Decimal("36500")
    assert (project.budget.weight, project.budget.score) == (Decimal(20), Decimal(20))
    rows = {i.name: i for i in project.indicators}
    assert rows["堤防巡查次数"].score == Decimal(20) and rows["堤防巡查次数"].weight is None
    assert "budget-rate-mismatch" not in codes(result)


def test_a_garbled_column_label_makes_no_made_up_rows(tmp_path: Path) -> None:
    # '考值参分' between the column labels: the figures' columns are unknown, so none is guessed
    text = HUBEI.format(name="堤防巡查经费", amount="3.65").replace("三级指标年初目标值", "三级指标考值参分年初目标值")
    result = run(tmp_path, text)
    assert not any(i.name == "堤防巡查次数" and i.target is not None and i.target.value == Decimal(5260)
                   for p in projects(result).values() for i in p.indicators)


# ---- a score merged over a 二级指标's rows -------------------------------------------------------------

def test_a_score_merged_down_a_groups_rows_is_counted_once() -> None:
    book = Workbook()
    sheet = book.active
    rows = [
        ["项目名称", "阅览室开放", "", "", "", ""],
        ["预算执行情况(万元)(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)", ""],
        ["年度财政资金总额", "6", "6", "100%", "20", ""],
        ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        ["产出指标(40分)", "数量指标", "开放天数", "≥300天", "310天", "20"],
        ["", "", "接待人次", "≥2万人次", "2.4万人次", ""],
        ["", "质量指标", "设备完好率", "100%", "100%", "20"],
        ["效益指标(40分)", "社会效益指标", "阅读推广活动", "≥12场", "15场", "40"],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A5:A7")
    sheet.merge_cells("B5:B6")
    sheet.merge_cells("F5:F6")  # one 得分 for the 数量指标 group
    document = read_xlsx_bytes(workbook_bytes(book))
    report = parse_forms(find_forms(document), Report())
    project = report.projects[0]
    scores = {line.level: line for line in project.scores}
    assert scores["产出"].score == Decimal(40)  # 20 + 20, not 20 + 20 + 20
    scored = [i.score for i in project.indicators if i.name in ("开放天数", "接待人次")]
    assert scored == [Decimal(20), None]


def test_a_value_run_over_two_rows_of_a_scan_is_a_lost_rule_and_each_row_keeps_it() -> None:
    # a scan whose rule between two rows was lost under a seal: the grid shows the 分值 cell over both
    # rows, which on paper is a merge as often as a lost line; each row keeps the value it shows
    book = Workbook()
    sheet = book.active
    rows = [
        ["项目名称", "农民培训", "", "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "时效指标", "单期培训时长", "≥72小时", "84小时", "10", "10"],
        ["", "成本指标", "人均培训成本", "≤800元/人", "731元/人", "", "10"],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("F3:F4")
    document = read_xlsx_bytes(workbook_bytes(book))
    scanned = document.model_copy(update={"elements": [
        element.model_copy(update={"rows": [[cell.model_copy(update={"confidence": 0.97}) for cell in row]
                                            for row in element.rows]}) if isinstance(element, Table) else element
        for element in document.elements]})
    weights = {i.name: i.weight for i in parse_forms(find_forms(scanned), Report()).projects[0].indicators}
    assert weights == {"单期培训时长": Decimal(10), "人均培训成本": Decimal(10)}
    printed = {i.name: i.weight for i in parse_forms(find_forms(document), Report()).projects[0].indicators}
    assert printed == {"单期培训时长": Decimal(10), "人均培训成本": None}  # a printed form's merge is one figure


# ---- flattened text rows ----------------------------------------------------------------------------

OLD_TEMPLATE = """区级部门预算项目支出绩效自评表
( 2019 年度)
项目名称 {name} 主管部门 某区文化和旅游局
项目实施单位 某区美术馆 项目负责人 张三 联系电话 88880000
项目预算
执行情况
(10分)
  年初预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分 得分计算方法
年度资金总额 {budget} {spent} 10 {rate}% {score} 执行率*该指标分值,最高不得超过分值上限。
其中:财政拨款 {budget} {spent} - - -
一级
指标
二级
指标
三级指标 预期指标值(A) 实际完成指标值(B) 分值 得分 未完成原因 得分计算方法
(50分)
数量指标 展览场次 12场 12场 25 25
定量指标计算:完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。
-
质量指标 展品完好率 100% 100% 25 25
"""


def test_a_budget_block_without_a_full_year_column(tmp_path: Path) -> None:
    result = run(tmp_path, OLD_TEMPLATE.format(name="美术馆展览经费", budget=20, spent=18, rate=90, score=9))
    project = projects(result)["美术馆展览经费"]
    # 年初预算数(A) is the budget the rate B/A is taken against
    assert value(project.budget.planned) == Decimal(200000)
    assert value(project.budget.executed) == Decimal(180000)
    assert "budget-rate-mismatch" not in codes(result)


def test_level_labels_without_columns_and_template_notes_are_no_indicators(tmp_path: Path) -> None:
    result = run(tmp_path, OLD_TEMPLATE.format(name="美术馆展览经费", budget=20, spent=20, rate=100, score=10))
    names = [i.name for i in projects(result)["美术馆展览经费"].indicators]
    assert names == ["展览场次", "展品完好率"]


# ---- a form cut right after its header --------------------------------------------------------------

def test_a_form_cut_after_its_header_still_names_its_project(tmp_path: Path) -> None:
    text = (
        "合计 | 100 | 96 |\n"
        "评价结论 | 完成全年工作。 |\n"
        "项目负责人: | 财务负责人: |\n"
        "部门预算项目支出绩效自评表(2022年度) | |\n"
        "项目名称 | 51092322T000000123456-{name} | |\n"
        "主管部门 | 某县司法局部门 | 实施单位 (盖章) | 某县司法局 |\n"
        "项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 | 年度目标完成情况 |\n"
        "预算执行情况(10分) |\n"
    ).format(name="法律援助补助经费")
    result = run(tmp_path, text)
    assert list(projects(result)) == ["法律援助补助经费"]


def test_environment_benefit_is_a_second_level_label(tmp_path: Path) -> None:
    text = (
        "项目名称 | 数字资源共享 | ||\n"
        "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |\n"
        "年度财政资金总额 | 8 | 8 | 100% | 20 |\n"
        "年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |\n"
        "效益指标(30分) | 社会效益 | 读者到馆人次 | ≥5万人次 | 5.6万人次 | 10 |\n"
        "环境效益 | 阅览环境 | 良好 | 良好 | 10 |\n"
    )
    result = run(tmp_path, text)
    rows = {i.name: i for i in projects(result)["数字资源共享"].indicators}
    assert "环境效益" not in rows
    assert rows["阅览环境"].level == "效益/环境效益"


def test_a_second_goal_block_continues_the_form(tmp_path: Path) -> None:
    # the Hubei template repeats its indicator header for 年度绩效目标2: one form, each goal a level of its own
    # with its printed points (`goalgroups`), its rows' levels under it
    text = HUBEI.format(name="水文监测经费", amount="12.50").replace(
        "总分100",
        "年度绩效目标2(20分)一级指标二级指标三级指标年初目标值 (A)实际完成值 (B)得分产出指标数量指标监测站点数≥8个8个10"
        "质量指标数据合格率100%100%10总分120")
    result = run(tmp_path, text)
    project = projects(result)["水文监测经费"]
    sums = [(line.level, line.score) for line in project.scores if line.level.endswith("产出/数量")]
    assert sums == [("年度绩效目标1/产出/数量", Decimal(20)), ("年度绩效目标2/产出/数量", Decimal(10))]
    goals = [(line.level, line.weight, line.score) for line in project.scores if "/" not in line.level
             and line.level.startswith("年度绩效目标")]
    assert goals == [("年度绩效目标1", Decimal(80), Decimal(80)), ("年度绩效目标2", Decimal(20), Decimal(20))]
    assert not {"conflicting-figures", "score-sum-mismatch"} & set(codes(result))


@pytest.mark.parametrize(("ticked", "empty"), [("☑", "□"), ("R", "£")])
def test_an_ocr_form_a_row_a_line_with_check_box_options_is_read_from_its_name(
        tmp_path: Path, ticked: str, empty: str) -> None:
    """An OCR reading of a ruled form prints each row on its line, cells run together; the 项目类别 row's
    options keep a space around their boxes (a Wingdings box copied as text is '£' empty, 'R' ticked).
    Those spaces part no cells: the rows from 项目名称 on are one form, its name and budget read."""
    text = (
        "2023年度项目支出绩效自评表\n"
        "项目名称乡镇综合文化站免费开放补助\n"
        "主管部门某县文化和旅游局\n"
        f"项目类别1、部门预算项目 {ticked} 2、县直专项 {empty} 3、上级转移支付项目 {empty}\n"
        f"项目属性1、持续性项目 {ticked} 2、新增性项目 {empty}\n"
        "预算执行情况(万元) (20分)预算数(A)执行数(B)执行率(B/A)得分 (20分*执行率)\n"
        "年度财政资金总额12.612.6100%20\n"
        "年度绩效目标 (80分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分\n"
        "产出指标(40分)数量指标免费开放场馆数≥6个6个20\n"
        "质量指标开放时间达标率≥95%98%20\n"
    )
    found = projects(run(tmp_path, text))
    assert list(found) == ["乡镇综合文化站免费开放补助"], list(found)
    budget = found["乡镇综合文化站免费开放补助"].budget
    assert value(budget.planned) == Decimal("126000") and value(budget.executed) == Decimal("126000")


@pytest.mark.parametrize(("name", "count"), [("安全事故发生数", "0起"), ("传染病报告数", "14例")])
def test_an_event_or_case_count_is_a_figure_of_its_own(name: str, count: str) -> None:
    # '0起', '14例': a count of events or cases, a target and a result, before the next row's name
    cells = split_cells(f"三级指标年度指标值实际完成值{name}{count}{count}群众满意度≥90%95%")
    assert cells[-6:] == [name, count, count, "群众满意度", "≥90%", "95%"]


SPACED_PAGE = (
    "《某县粮食储备项目自评表.docx》由会员分享,可在线阅读。\n"
    "1、2020年度县级专项资金绩效目标自评表专项资金名称{name}县级主管部门某县商务局实施单位某县粮食股"
    "项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额{a}{a}100%其他资金年度 总体 目标年初设定目标"
    "全年实际完成情况保持地方粮食储备规模地方储备粮食规模达标绩 效 指 标一级 指标二级 指标三级指标"
    "年度指标 值全年 完成值未完成原因和 改进措施产 出 指 标数量 指标储备粮到位率100%100%"
    "库存数量真实率100%100%可持 续影 响指标粮食储备设备维 护及安全性\n"
    "2、高高满意 度指 标服务 对象 满意 度指 标{event}0起0起{who}满意度≥90%{got}%说明无\n"
)


@pytest.mark.parametrize(("event", "who", "got"), [
    ("粮食安全事件发生数", "市民", "100"), ("储备粮霉变事故", "农户", "96"),
])
def test_a_preview_page_with_spaced_labels_goes_on_with_the_run(tmp_path: Path, event: str, who: str, got: str) -> None:
    # the second preview page opens with its number; its labels, spaced out to their cells, leave many spaces
    result = run(tmp_path, SPACED_PAGE.format(name="县级储备粮", a="194.9", event=event, who=who, got=got))
    rows = {i.name: i for i in projects(result)["县级储备粮"].indicators}
    assert rows["粮食储备设备维护及安全性"].target is not None  # (its target is the next page's first cell)
    satisfied = rows[f"{who}满意度"]
    assert satisfied.target is not None and satisfied.target.value == Decimal(90)
    assert [a.value for a in satisfied.actuals] == [Decimal(got)]
    assert [a.raw for a in rows[event].actuals] == ["0起"]
