"""Forms dumped into text one cell per line (cells ending in '|', or a blank line between cells),
pinyin ruby readings in labels, and a 项目资金 block with a note merged down its right side."""

from __future__ import annotations

import hashlib
import io
from decimal import Decimal
from pathlib import Path

from reportparse.model import Project, Report, Source, SourceFormat
from reportparse.parse.form import find_forms, parse_forms
from reportparse.parse.form.grid import squash
from reportparse.readers.text import read_text
from tests._workbooks import read_xlsx_bytes, sheet, workbook_bytes

FORM_CELLS = [
    "项目支出绩效自评表", "项目名称", "乡村保洁经费", "主管部门", "某县住建局", "实施单位 (盖章)", "某县环卫所",
    "项目资金(万元)", "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
    "年度资金总额", "50", "48", "45", "10", "93.75%", "9",
    "其中:当年财政拨款", "50", "48", "45", "", "", "",
    "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因分析及改进措施",
    "产出指标", "数量指标", "保洁村数", "12", "12", "30", "30", "",
    "质量指标", "保洁合格率", "95", "90", "20", "18", "检查不合格2次",
    "效益指标", "社会效益", "指标", "村容改善率", "90", "90", "30", "30", "",
    "满意度", "指标", "服务对象满意度指标", "村民满意度", "90", "92", "10", "10", "",
    "合计", "100", "97",
]


def read(text: str) -> Report:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return parse_forms(find_forms(read_text(Path("f.txt"), data, source)), Report())


def check_form(project: Project) -> None:
    assert project.name == "乡村保洁经费"
    budget = project.budget
    assert budget.planned is not None and budget.planned.value == Decimal(480000)
    assert budget.executed is not None and budget.executed.value == Decimal(450000)
    assert (budget.weight, budget.score) == (Decimal(10), Decimal(9))
    by_name = {i.name: i for i in project.indicators}
    assert set(by_name) == {"保洁村数", "保洁合格率", "村容改善率", "村民满意度"}
    quality = by_name["保洁合格率"]
    assert quality.level == "产出/质量" and (quality.weight, quality.score) == (Decimal(20), Decimal(18))
    assert quality.deviation_reason == "检查不合格2次"
    assert by_name["村容改善率"].level == "效益/社会效益"  # '社会效益' + '指标' joined
    assert by_name["村民满意度"].level == "满意度"
    total = next(line for line in project.scores if line.level == "总分")
    assert (total.weight, total.score) == (Decimal(100), Decimal(97))


def test_form_with_cells_ending_in_a_pipe_is_rebuilt() -> None:
    project, = read("\n".join(f"{cell} |" if cell else "|" for cell in FORM_CELLS) + "\n").projects
    check_form(project)


def test_form_with_a_blank_line_between_cells_is_rebuilt() -> None:
    # an empty cell is a line holding a space: one more blank line between two cells
    project, = read("\n\n".join(cell or " " for cell in FORM_CELLS) + "\n").projects
    check_form(project)


def test_a_figure_after_a_figure_is_no_page_number() -> None:
    # the run of empty cells after 分值 10 / 得分 10 reads as a page break; the 得分 stays
    cells = list(FORM_CELLS)
    at = cells.index("保洁村数")
    cells[at:at + 6] = ["保洁村数", "12", "12", "10", "10", ""]
    report = read("\n\n".join(c or " " for c in cells) + "\n")
    row = next(i for i in report.projects[0].indicators if i.name == "保洁村数")
    assert (row.weight, row.score) == (Decimal(10), Decimal(10))


def test_prose_is_not_read_as_a_cell_dump() -> None:
    text = "\n\n".join(["一、项目概况", "本项目年度预算50万元，全年执行45万元，执行率90%。"] * 15)
    assert read(text).projects == []


def test_pinyin_readings_leave_label_keys() -> None:
    assert squash("項(xiàng)目資金(萬元)") == "项目资金(万元)"
    assert squash("指標(biāo)性質(zhì)") == "指标性质"
    assert squash("数量(个)") == "数量(个)"


def test_note_merged_down_the_fund_rows_is_no_budget_header() -> None:
    note = "1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内)"
    rows = [
        ["项目名称", "51000021R000000019951-工资性支出"],
        ["预算执行情况(10分)", "年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率",
         "权重", "得分", "原因"],
        ["", "总额", 238.93, 251.89, 251.89, "100.00%", 10, None, note],
        ["", "其中:财政资金", 238.93, 251.89, 251.89, "100.00%", "/", "/", note],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
        ["", "产出指标", "数量指标", "发放覆盖率", "100%", "100%", 90, 90],
    ]
    project, = xlsx_report(rows).projects
    assert project.name == "工资性支出" and project.aliases == ["51000021R000000019951-工资性支出"]
    assert project.budget.initial is not None and project.budget.initial.value == Decimal(2389300)
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(2518900)
    assert project.budget.weight == Decimal(10)


def test_pipe_rows_broken_over_lines_are_joined() -> None:
    text = "\n".join([
        "| 项目支出绩效自评表 | |||||||",
        "| 项目名称 |",
        "乡村保洁经费 |",
        "||||||",
        "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | |",
        "| 年度资金总额 | 50 | 48 | 45 | 10 | 93.75% | 9 | |",
        "| 其中:当年财政拨款 | 50 | 48 | 45 | | | | |",
    ]) + "\n"
    project, = read(text).projects
    assert project.name == "乡村保洁经费"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(480000)
    assert (project.budget.weight, project.budget.score) == (Decimal(10), Decimal(9))


def test_two_row_indicator_header_that_lost_its_merges_is_joined() -> None:
    text = "\n".join([
        "| 项目名称 | 乡村保洁经费 | | | | | | | |",
        "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | | |",
        "| 年度资金总额 | 50 | 48 | 45 | 10 | 93.75% | 9 | | |",
        "| 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | | | |",
        "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | | | |",
        "| 产出指标 | 数量指标 | 保洁村数 | ≥ | 12 | 个 | 12 | 50 | 45 |",
        "| 质量指标 | 保洁合格率 | ≥ | 95 | % | 90 | 40 | 36 | |",
    ]) + "\n"
    project, = read(text).projects
    by_name = {i.name: i for i in project.indicators}
    assert (by_name["保洁村数"].weight, by_name["保洁村数"].score) == (Decimal(50), Decimal(45))
    quality = by_name["保洁合格率"]
    assert quality.level == "产出/质量" and (quality.weight, quality.score) == (Decimal(40), Decimal(36))
    assert quality.target is not None and quality.target.value == Decimal(95)


def xlsx_report(rows: list[list[object]], merges: tuple[str, ...] = ()) -> Report:
    """The forms of a one-sheet workbook holding `rows` (with `merges`), parsed."""
    return parse_forms(find_forms(read_xlsx_bytes(workbook_bytes(sheet(rows, merges)), "f.xlsx")), Report())


def test_target_table_titled_evaluation_indicator_table_with_merged_levels() -> None:
    """评价指标 | 评价内容 | 指标名称 columns, the 一级 column merged over every row holding a
    block name that is no level, 二级 labels with their 一级 in front (产出数量指标)."""
    project, = xlsx_report([
        ["2019年度某县助学金项目绩效评价指标表"],
        ["评价指标", "评价内容", "指标名称", "指标说明", "目标值", "分值", "备注"],
        ["项目年度绩效目标", "制度指标", "规章制度建立与否", None, None, 20],
        [None, "产出数量指标", "享受资助人数", "达到预计值", 2100, 40],
        [None, "质量指标", "资助对象覆盖率", None, "100%", 40],
        ["总分", None, None, None, None, 100],
    ], merges=("A1:G1", "A3:A5")).projects
    assert project.name == "某县助学金"
    levels = {i.name: i.level for i in project.indicators}
    assert levels == {"规章制度建立与否": "制度", "享受资助人数": "产出/数量", "资助对象覆盖率": "产出/质量"}
    weights = {line.level: line.weight for line in project.scores}
    assert weights["产出"] == Decimal(80) and weights["总分"] == Decimal(100)


def test_fund_sources_form_with_a_total_column_and_weights_printed_in_labels() -> None:
    """湖北 layout: 项目资金来源 | 中央 | … | 合计(万元) | 执行数(万元) | 执行率, a 项目年度目标 sentence
    merged across the money columns after it, 年初指标值 | 年终完成值 | 自评分 columns and level
    weights printed as '数量指标15分'."""
    goal = "1.完成乡村道路建设养护里程300公里;"
    project, = xlsx_report([
        ["项目名称", "乡村道路建设养护项目"],
        ["项目资金来源", "中央(万元)", "省、地(万元)", "本级(万元)", "其他(万元)", "合计(万元)", "执行数(万元)",
         "执行率"],
        [None, None, None, 309, None, 309, 300, "97%"],
        ["项目年度目标", goal, goal, goal, goal, goal, goal, goal],
        ["项目权重", "一级指标", "二级指标", "指标名称(三级指标)", "年初指标值", "年终完成值", "自评分", "复核分"],
        ["项目绩效85分", "产出指标40分", "数量指标15分", "乡村道路建设养护里程", "300公里", "300公里", 15, None],
    ], merges=("B4:H4",)).projects
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(3090000)
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(3000000)
    assert project.budget.sub_rows == []  # the goal sentence is no fund row
    road, = project.indicators
    assert road.score == Decimal(15) and road.actuals[0].value == Decimal(300)
    lines = {line.level: (line.weight, line.score) for line in project.scores}
    assert lines["产出/数量"] == (Decimal(15), Decimal(15)) and lines["产出"][0] == Decimal(40)


def test_money_indicator_without_a_unit_counts_in_the_forms_money_unit() -> None:
    project, = xlsx_report([
        ["项目名称", "暖通改造经费"],
        ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 43.2, 43.2, 37.24, 10, "86%", 9],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "工程资金金额", 43.2, 37.24, 45, 40],
        ["产出指标", "质量指标", "工程完工率", 100, 100, 45, 45],
    ]).projects
    money, rate = project.indicators
    assert money.target is not None and money.target.value == Decimal(432000) and money.target.unit == "元"
    assert money.actuals[0].value == Decimal(372400)
    assert rate.target is not None and rate.target.value == Decimal(100) and rate.target.unit is None


def test_amounts_given_as_label_value_pairs_make_the_budget() -> None:
    project, = xlsx_report([
        ["项目名称:宏观经济监测预警项目"],
        ["项目实施单位", "省政府研究室", "主管部门", "省政府研究室"],
        ["计划投资额(万元)", 144, "实际到位资金(万元)", 144, "实际使用情况(万元)", 142],
        ["其中:", None, "其中:"],
        ["省财政", 144, "省财政", 144, None, 142],
    ]).projects
    assert project.name == "宏观经济监测预警项目"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(1440000)
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(1420000)


def test_older_goal_table_with_targets_only_is_read_and_ends_at_a_note() -> None:
    note = "注:“年初”目标指编制预算时申报的目标"
    project, = xlsx_report([
        ["项目名称:宏观经济监测预警项目"],
        ["指标类型", "绩效指标", "年初绩效目标", "调整后绩效目标(如有)", "绩效标准", "绩效标准"],
        ["指标类型", "绩效指标", "年初绩效目标", "调整后绩效目标(如有)", "优(年初/调整后)", "良(年初/调整后)"],
        ["产出指标", "指标1:季度分析报告", "全部完成", "无", "全部完成", "80%"],
        ["效益指标", "指标:以报告的进度衡量", "全部完成", "无", "全部完成", "80%"],
        [note, note, note, note, note, note],
        ["项目基本信息", "项目基本信息", "项目基本信息", "项目基本信息", "项目基本信息", "项目基本信息"],
        ["项目负责人", "张某", "联系电话", "1234"],
    ], merges=("A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "A6:F6", "A7:F7")).projects
    assert [i.name for i in project.indicators] == ["季度分析报告", "指标:以报告的进度衡量"]
    assert all(i.target is not None and i.target.raw == "全部完成" for i in project.indicators)


def test_level_weight_printed_in_its_label_goes_to_its_only_indicator() -> None:
    project, = xlsx_report([
        ["项目名称", "乡村道路建设养护项目"],
        ["一级指标", "二级指标", "指标名称(三级指标)", "年初指标值", "年终完成值", "自评分"],
        ["产出指标40分", "数量指标15分", "养护里程", "300公里", "300公里", 15],
        ["产出指标40分", "质量指标25分", "建设验收合格率", "100%", "100%", 12],
        ["产出指标40分", "质量指标25分", "养护验收合格率", "100%", "100%", 12],
    ]).projects
    weights = {i.name: i.weight for i in project.indicators}
    assert weights == {"养护里程": Decimal(15), "建设验收合格率": None, "养护验收合格率": None}
    lines = {line.level: (line.weight, line.score) for line in project.scores}
    assert lines["产出"] == (Decimal(40), Decimal(39)) and lines["产出/质量"] == (Decimal(25), Decimal(24))


def test_two_forms_without_titles_in_one_cell_dump() -> None:
    second = [("乡村道路养护经费" if c == "乡村保洁经费" else c) for c in FORM_CELLS[1:]]
    report = read("\n".join(f"{cell} |" if cell else "|" for cell in [*FORM_CELLS[1:], *second]) + "\n")
    assert [p.name for p in report.projects] == ["乡村保洁经费", "乡村道路养护经费"]
    for project in report.projects:
        assert len(project.indicators) == 4
        assert project.budget.planned is not None and project.budget.planned.value == Decimal(480000)


def test_ocr_rows_with_cells_run_together_are_cut_back() -> None:
    text = "\n".join([
        "2019年度某县助学金项目绩效评价指标表",
        "评价指标评价内容指标名称指标说明目标值分值备注",
        "产出数量指标享受资助人数达到预计值210010",
        "资金支出率达到目标值95%30",
        "质量指标建档立卡学生覆盖率100%40",
        "满意度指标资助对象满意度达到目标值95%以上20",
        "总分",
        "",
        "100",
        "",
        "填报单位:某县教育局",
    ]) + "\n"
    project, = read(text).projects
    assert project.name == "某县助学金"
    rows = {i.name: (i.level, i.target.raw if i.target else None, i.weight) for i in project.indicators}
    assert rows == {
        "享受资助人数": ("产出/数量", "2100", Decimal(10)),
        "资金支出率": ("产出/数量", "95%", Decimal(30)),
        "建档立卡学生覆盖率": ("产出/质量", "100%", Decimal(40)),
        "资助对象满意度": ("满意度", "95%以上", Decimal(20)),
    }
    total = next(line for line in project.scores if line.level == "总分")
    assert total.weight == Decimal(100)


def test_ocr_header_needs_column_words_run_together() -> None:
    from reportparse.parse.form.ocr import split_header

    assert split_header("一级指标二级指标三级指标指标值分值得分") == [
        "一级指标", "二级指标", "三级指标", "指标值", "分值", "得分"]
    assert split_header("一级指标 二级指标 三级指标 指标值 分值 得分") is None  # spaced: the text readers' case
    assert split_header("本项目指标值分值得分情况良好") is None


def test_ocr_row_with_unit_figures_and_answer_run_together() -> None:
    """'政府采购执行率%100%72.74%100%22是': name, unit, target, actual, 完成率, 分值 and 得分 run
    together (the last two as '22'), then the 是否达成 answer."""
    text = "\n".join([
        "某局部门整体支出绩效自评表",
        "一级指标二级指标三级指标计量单位年度指标值实际完成值完成率分值得分是否达成",
        "产出指标数量指标政府采购执行率%100%72.74%100%22是",
        "产出指标质量指标预算执行率%100%98.5%98.5%109否",
        "填报单位:某局",
    ]) + "\n"
    project, = read(text).projects
    rows = {i.name: (i.target.raw if i.target else None, i.actuals[0].raw, i.weight, i.score)
            for i in project.indicators}
    assert rows == {
        "政府采购执行率": ("100%", "72.74%", Decimal(2), Decimal(2)),
        "预算执行率": ("100%", "98.5%", Decimal(10), Decimal(9)),
    }


def test_level_weight_cut_from_its_label_is_joined_back() -> None:
    cells = list(FORM_CELLS)
    at = cells.index("产出指标")
    cells[at + 1:at + 1] = ["(60分)"]
    project, = read("\n".join(f"{cell} |" if cell else "|" for cell in cells) + "\n").projects
    assert {i.name: i.level for i in project.indicators}["保洁村数"] == "产出/数量"
    assert next(line for line in project.scores if line.level == "产出").weight == Decimal(60)


def test_level_weight_token_after_its_label_in_a_row_line() -> None:
    text = "\n".join([
        "项目名称 乡村保洁经费",
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 50 48 45 10 93.75% 9",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 (50分) 数量指标 保洁村数 12个 12个 50 50",
        "满意度指标 (40分) 服务对象满意度指标 村民满意度 ≥90% 92% 40 40",
        "总分 100 99",
    ]) + "\n"
    project, = read(text).projects
    assert {i.name: i.level for i in project.indicators} == {"保洁村数": "产出/数量", "村民满意度": "满意度"}


def test_fund_total_printed_as_zero_beside_a_funded_row_is_a_finding(tmp_path: Path) -> None:
    from reportparse.pipeline import check

    cells = list(FORM_CELLS)
    at = cells.index("年度资金总额")
    cells[at + 1:at + 4] = ["0", "0", "0"]
    path = tmp_path / "form.txt"
    path.write_text("\n".join(f"{cell} |" if cell else "|" for cell in cells) + "\n", encoding="utf-8")
    result = check(path)
    project, = result.report.projects if result.report else []
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(480000)
    assert "fund-sum-mismatch" in {f.code for f in result.findings}


def test_lines_of_a_text_form_are_not_read_again_as_prose() -> None:
    from reportparse.parse import parse_report

    text = "\n".join([
        "项目支出绩效自评表",
        "项目名称 统计调查专项经费",
        "主管部门 某市统计局 实施单位 某市统计局",
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 5.28 1.96 1.96 10 100.00% 10",
        "年度总体目标 总体目标 总体目标完成情况",
        "1.根据《关于拨付专项经费的通知》在2022年12月31日前至少给120人发放以36.66元每月的记账户补贴费。"
        " 截至2023年12月31日完成记账户120户。",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 记账户数量 120户 120户 50 50",
        "满意度指标 服务对象满意度指标 记账户满意度 ≥90% 100% 40 40",
        "总分 100 100",
    ]) + "\n"
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    project, = parse_report(read_text(Path("f.txt"), data, source)).projects
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(19600)
    assert project.budget.restatements == []


def test_indicator_table_printed_apart_from_its_form_joins_that_form() -> None:
    """DOCX: 项目名称/项目资金 in one table, a scoring table, then the indicator table on its own
    under a '项目年度目标1' title row: one project."""
    import docx

    from reportparse.readers.docx import read_docx

    document = docx.Document()
    blocks = [
        [["项目名称", "乡村道路建设养护项目", "", ""],
         ["项目资金来源", "本级(万元)", "合计(万元)", "执行数(万元)"], ["", "309", "309", "309"]],
        [["项目权重", "评价内容", "分值", "自评分"], ["项目决策2分", "决策依据", "2", "2"]],
        [["项目年度目标1:乡村道路建设养护项目", "", "", "", "", ""],
         ["一级指标", "二级指标", "指标名称(三级指标)", "年初指标值", "年终完成值", "自评分"],
         ["产出指标40分", "数量指标15分", "养护里程", "300公里", "300公里", "15"]],
    ]
    for rows in blocks:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        document.add_paragraph("")
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    source = Source(path="f.docx", format=SourceFormat.DOCX, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    narrative = Report(projects=[Project(name="办公经费")])  # the report's prose names another project
    _, project = parse_forms(find_forms(read_docx(Path("f.docx"), data, source)), narrative).projects
    assert project.name == "乡村道路建设养护项目"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(3090000)
    assert [i.name for i in project.indicators] == ["养护里程"]


def test_budget_fields_printed_as_label_and_value_cells_one_a_line() -> None:
    """A form that prints its budget as label | value pairs ('预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84 |
    100.00'), dumped one cell a line: each field and its amount are one row (the rate after 执行数 is
    the next column's), and the budget is read from them."""
    cells = [
        "某县民政局2022年度预算项目绩效自评表",
        "一、基本情况 项目名称: 困难残疾人生活补贴 实施(主管)单位 某县民政局 金额单位: 万元",
        "二、预算执行情况", "预算安排情况(调整后)", "资金到位情况", "资金执行情况", "预算执行进度(%)",
        "预算数", "12.5", "到位数", "12.5", "执行数", "11.8", "94.40",
        "其中:财政资金", "12.5", "其中:财政资金", "12.5", "其中:财政资金", "11.8",
        "三、目标完成情况",
        "一级指标", "二级指标", "三级指标", "指标分值", "预期指标值", "单项指标实际完成值",
        "产出指标", "数量指标", "补贴发放人数", "50", "≥300人", "312人",
    ]
    report = read("\n".join(cells) + "\n")
    assert [p.name for p in report.projects] == ["困难残疾人生活补贴"]
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == Decimal("125000")
    assert budget.executed is not None and budget.executed.value == Decimal("118000")
