"""Project names and 项目资金 rows in the text shapes public pages give them: a '|' cell dump whose
'|||' row ends broke it into tables, amounts written '150万' in a (万元) block, a PDF text layer that
prints the block's labels in one run and its figures after them, an OCR line whose total-row figures
ran together, the 河北 layout's 预算数 | X | 执行数 | Y pairs under a '金额单位' note, and names that open
with a count, sit in a longer cell, or have their label spaced out."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from reportparse import pipeline
from reportparse.model import Cell, Report, Source, SourceFormat
from reportparse.parse.form import find_forms, parse_forms
from reportparse.parse.form.runs import _split_figures
from reportparse.parse.form.titles import name_from_title
from reportparse.parse.form.values import money
from reportparse.parse.names import valid_candidate
from reportparse.readers.text import read_text


def read(text: str) -> Report:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return parse_forms(find_forms(read_text(Path("f.txt"), data, source)), Report())


def checked(tmp_path: Path, text: str) -> Report:
    path = tmp_path / "form.txt"
    path.write_text(text, encoding="utf-8")
    result = pipeline.check(path)
    assert result.report is not None
    return result.report


def amounts(report: Report) -> list[tuple[str, Decimal | None, Decimal | None]]:
    return [(p.name, p.budget.planned.value if p.budget.planned else None,
             p.budget.executed.value if p.budget.executed else None) for p in report.projects]


# ------------------------------------------------------------------------------------------
# a '|' cell dump: one cell a line, each ended by ' |', rows closed by lines of pipes
# ------------------------------------------------------------------------------------------

def bar_dump(rows: list[list[str]]) -> str:
    lines: list[str] = []
    for row in rows:
        lines += [f"{cell} |" if cell else "|" for cell in row]
        lines.append("|" * 9)
    return "\n".join(lines) + "\n"


BAR_FORM = [
    ["项目支出绩效自评表"], ["( 2022 年度)"],
    ["项目名称", "乡镇文化站免费开放经费"], ["主管部门", "", "实施单位", ""],
    ["项目资金 (万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "48万", "48万", "40万", "10", "83.3%", "8"],
    ["其中:当年财政拨款", "48万", "48万", "40万", "—", "", "—"],
    ["一级指标", "二级指标", "三级指标", "年度 指标值", "实际 完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "开放文化站数量", "12个", "12个", "30", "30", ""],
    ["效益指标", "社会效益 指标", "群众参与人次", "5000人次", "5200人次", "30", "30", ""],
]


def test_bar_dump_keeps_its_name_and_money_when_its_indicator_block_became_a_table() -> None:
    project, = read(bar_dump(BAR_FORM)).projects
    assert project.name == "乡镇文化站免费开放经费"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(480000)
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(400000)
    assert {i.name for i in project.indicators} == {"开放文化站数量", "群众参与人次"}


def test_an_amount_with_its_magnitude_in_a_wan_yuan_block_is_not_scaled_twice() -> None:
    for text, expected in (("150万", 1500000), ("1.2亿", 120000000), ("150万元", 1500000), ("150", 1500000)):
        quantity = money(Cell(text=text, row=0, col=0, page=1), "万元", None)
        assert quantity is not None and quantity.value == Decimal(expected), text


# ------------------------------------------------------------------------------------------
# PDF reading order: the block's labels in one run, its first row's figures after them
# ------------------------------------------------------------------------------------------

PDF_ORDER = (
    "某县项目支出绩效自评表 (2021年度) 项目名称 残疾人两项补贴 主管部门 某县民政局 项目资金 年初预算数 (万元) "
    "年度资金总额 其中:当年财政拨款 实施单位 全年预算数 全年执行数 分值 执行率 得分 120.5 118.2 10 98% 9.8 "
    "120.5 118.2 — 98% — 上年结转资金 — — 其他资金 — — 预期目标 实际完成情况 年度总 体目标 一级 指标\n"
)


def test_labels_in_one_run_then_their_figures_give_the_total_row() -> None:
    project, = read(PDF_ORDER).projects
    assert project.name == "残疾人两项补贴"
    assert (project.budget.planned.value, project.budget.executed.value) == (Decimal(1205000), Decimal(1182000))
    assert (project.budget.weight, project.budget.score) == (Decimal(10), Decimal("9.8"))


def test_a_label_run_without_its_figures_or_its_unit_is_no_total_row() -> None:
    no_figures = PDF_ORDER.replace("得分 120.5 118.2 10 98% 9.8", "得分 偏差原因 120.5 118.2")
    assert not read(no_figures).projects
    no_unit = PDF_ORDER.replace("(万元) ", "")
    assert not read(no_unit).projects  # bare figures in an unknown unit: no budget rather than a wrong one


BRACKETED_LABELS = (
    "2021 年度某专项资金项目自评表 单位名称:区科技局 项目名称 2021 年度科技创新券补助 主管部门 区科技局 "
    "预算执行 情况(万元) (20 分) 一级指标 年度财政 资金总额 预算数 (A) 执行数(B) 执行率(B/A) 得分 "
    "(20 分*执行率) 60 54 90% 18 三级指标 年初目标值 (A) 实际完成值 (B) 得分\n"
)


def test_bracketed_notes_cut_off_their_labels_are_put_back() -> None:
    project, = read(BRACKETED_LABELS).projects
    assert project.name == "2021年度科技创新券补助"
    assert (project.budget.planned.value, project.budget.executed.value) == (Decimal(600000), Decimal(540000))
    assert (project.budget.weight, project.budget.score) == (Decimal(20), Decimal(18))


# ------------------------------------------------------------------------------------------
# OCR: the total row's figures run together
# ------------------------------------------------------------------------------------------

def test_run_together_total_row_splits_the_one_way_its_arithmetic_allows() -> None:
    assert _split_figures("2525100%20", Decimal(20)) == ["25", "25", "100%", "20"]
    assert _split_figures("40036090%18", Decimal(20)) == ["400", "360", "90%", "18"]
    assert _split_figures("2.42.4120", Decimal(20)) == ["2.4", "2.4", "1", "20"]  # a rate kept as a fraction
    assert _split_figures("8888", Decimal(20)) is None  # no cut gives a rate


OCR_FORM = (
    "1、2021年度某项目自评表单位名称:农业科填报日期:项目名称耕地保护宣传经费主管部门区农业农村局项目实施单位农业科"
    "预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额88100%20年度绩效目标(80分)\n"
)


def test_ocr_line_gives_the_name_and_the_split_total_row() -> None:
    project, = read(OCR_FORM).projects
    assert project.name == "耕地保护宣传经费"
    assert (project.budget.planned.value, project.budget.executed.value) == (Decimal(80000), Decimal(80000))


def test_money_after_an_indicator_label_is_the_indicators_not_the_budget(tmp_path: Path) -> None:
    report = checked(tmp_path, (
        "某市本级项目支出绩效自评表项目名称初中公用经费主管部门某市教育局全年执行数(B)执行率(B/A)一级指标二级指标"
        "三级指标成本指标(10分)办公所需成本415万元15万元4维修所需成本335万元35万元3\n"))
    assert all(p.budget.executed is None for p in report.projects)


# ------------------------------------------------------------------------------------------
# the 河北 layout and names
# ------------------------------------------------------------------------------------------

HEBEI = (
    "某县卫健局2021年度预算项目绩效自评表\n"
    "一、基本情况 项目名称: 12名村医定额补助 是否为专项资金: 实施(主管)单位 101001-某县卫健局 金额单位: 万元\n"
    "二、预算执行情况\n"
    "| 预算安排情况(调整后) | | 资金到位情况 | | 资金执行情况 | | 预算执行进度(%) |\n"
    "| 预算数 | 4.32 | 到位数 | 4.32 | 执行数 | 4.32 | 100.00 |\n"
    "| 其他 | 0.00 | 其他 | 0.00 | 其他 | 0.00 | |\n"
)


def test_hebei_pairs_under_a_declared_unit_and_the_name_above_the_tables(tmp_path: Path) -> None:
    report = checked(tmp_path, HEBEI)
    assert amounts(report) == [("12名村医定额补助", Decimal(43200), Decimal(43200))]


def test_names_that_open_with_a_count_and_labels_that_are_no_names() -> None:
    assert valid_candidate("12名村医定额补助")
    assert valid_candidate("13宗水库除险加固工程")
    assert not valid_candidate("12名村医")  # a count of people, no project
    assert not valid_candidate("100%完成")
    assert not valid_candidate("年度预期目标")
    assert not valid_candidate("具体完成情况")
    assert name_from_title("某县卫健局2021年度预算项目绩效自评表") == ""
    assert name_from_title("农村公路养护项目绩效自评表（2022年度）") == "农村公路养护"


def test_a_spaced_name_label_ends_at_the_next_field(tmp_path: Path) -> None:
    report = checked(tmp_path, "项 目 名 称 乡村学校少年宫运转经费主管部门及代码201某县教育局 实施单位 某县第一小学\n"
                               "年度总体目标 保障少年宫正常开放 全年开放200天\n")
    assert [p.name for p in report.projects] == ["乡村学校少年宫运转经费"]


# ------------------------------------------------------------------------------------------
# level labels in a one-cell-a-line dump
# ------------------------------------------------------------------------------------------

GAP_FORM = [
    "项目名称", "农村公路养护", "项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
    "年度资金总额", "50", "50", "50", "10", "100%", "10",
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
    "产出指标", "数量指标", "养护里程", "30公里", "30公里", "20", "20",
    "时效指标", "成本指标", "养护成本", "≤50万元", "50万元", "20", "20",
    "效益指标", "社会效益", "群众出行便利度", "提高", "提高", "30", "30",
]


def test_a_level_with_no_row_under_it_and_a_bare_second_level_word_are_labels_not_names() -> None:
    project, = read("\n\n".join(GAP_FORM) + "\n").projects
    rows = {i.name: (i.level, i.weight, i.score) for i in project.indicators}
    assert rows == {
        "养护里程": ("产出/数量", Decimal(20), Decimal(20)),
        "养护成本": ("产出/成本", Decimal(20), Decimal(20)),  # not a 时效 row named '成本指标'
        "群众出行便利度": ("效益/社会效益", Decimal(30), Decimal(30)),  # '社会效益' without 指标 is the level
    }


BROKEN_LABELS = """项目支出绩效自评表
项目名称 河道保洁经费
主管部门 实施单位 某县水利局
项目资金
(万元)
年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
年度资金总额: 60 60 60 10 10
年度绩效指标完成情况 一级
指标
二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
(50分)
数量指标 指标1:保洁河道长度 20公里 20公里 50 50
(40分)
社会效益
指标
指标1:河道水质达标率 90% 95% 40 40
总分 100 100
"""


def test_a_level_label_whole_without_its_zhibiao_piece_leaves_no_indicator_named_zhibiao() -> None:
    project, = read(BROKEN_LABELS).projects
    levels = {i.name: i.level for i in project.indicators}
    assert levels == {"保洁河道长度": "产出/数量", "河道水质达标率": "效益/社会效益"}


HEBEI_INDICATORS = HEBEI + (
    "四、年度绩效指标完成情况\n"
    "| 一级指标 | 二级指标 | 三级指标 | 指标分值 | 预期指标值 | 预期指标值 | 预期指标值 "
    "| 单项指标实际完成值 | 单项指标完成情况 | 自评得分 | 自评得分 | 自评得分 |\n"
    "| | | | | 符号 | 符号 | 单位(文字描述) | | | 单项指标得分 | 权重占比(%) | 单项指标折算得分 |\n"
    "| 产出指标 | 数量指标 | 补助村医人数 | 补助到位的村医人数 | >= | 12 | 人 | 12人 | 完成 "
    "| 40.00 | 40.00 | 16.00 |\n"
    "| 满意度指标 | 服务对象满意度指标 | 村医满意度 | 受补助村医的满意程度 | >= | 90 | %(百分比) | 95% | 完成 "
    "| 20.00 | 20.00 | 4.00 |\n"
)


def test_hebei_indicator_table_weight_is_the_weight_share_and_the_merged_sign_covers_the_value(
        tmp_path: Path) -> None:
    """The row's score is its 单项指标折算得分 (what the total adds), its weight the 权重占比: a 单项指标得分
    written as the weight (40 of 100 for a met target) is weighted twice, 16 of 40."""
    project, = checked(tmp_path, HEBEI_INDICATORS).projects
    rows = {i.name: (i.target.comparator, i.target.value, i.weight, i.score) for i in project.indicators}
    assert rows["补助村医人数"] == (">=", Decimal(12), Decimal(40), Decimal(16))
    assert rows["村医满意度"] == (">=", Decimal(90), Decimal(20), Decimal(4))


def test_two_forms_on_one_pdf_order_line_give_two_projects() -> None:
    second = PDF_ORDER.replace("残疾人两项补贴", "困难群众临时救助")
    second = second.replace("120.5 118.2 10 98% 9.8", "80 80 10 100% 10")
    projects = read(PDF_ORDER.rstrip("\n") + " " + second).projects
    assert [(p.name, p.budget.planned.value) for p in projects if p.budget.planned] == [
        ("残疾人两项补贴", Decimal(1205000)), ("困难群众临时救助", Decimal(800000))]


def test_hebei_pairs_in_text_lines_under_a_declared_unit(tmp_path: Path) -> None:
    text = HEBEI.replace("| 预算数 | 4.32 | 到位数 | 4.32 | 执行数 | 4.32 | 100.00 |",
                        "预算数 4.32 到位数 4.32 执行数 4.30 99.54")
    assert amounts(checked(tmp_path, text)) == [("12名村医定额补助", Decimal(43200), Decimal(43000))]
    undeclared = text.replace(" 金额单位: 万元", "")
    assert all(p.budget.planned is None for p in checked(tmp_path, undeclared).projects)
