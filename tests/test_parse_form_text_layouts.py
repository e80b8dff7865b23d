"""One made-up 自评表 printed in the text layouts public dumps give it, read by column role, not position:
tab rows that leave out the cells merged down from above, a header whose labels a web page's copy
broke at their line breaks, a sub-header under 年度指标值, a page break with the header repeated,
cells separated by runs of spaces (collapsed, or padded to the columns' widths with long cells
wrapped in their column), and every row's cells run together."""

from __future__ import annotations

import hashlib
import unicodedata
from decimal import Decimal
from pathlib import Path

from reportparse.model import Report, Source, SourceFormat
from reportparse.parse.form import find_forms, parse_forms
from reportparse.readers.text import read_text


def read(text: str) -> Report:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return parse_forms(find_forms(read_text(Path("f.txt"), data, source)), Report())


HEADER = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施"]
#: The printed rows of the indicator block: a level label only on the first row of its group (the
#: rows under it lost the merged cells), a sub-row without 分值 and 得分.
ROWS = [
    ["产出指标(60分)", "数量指标", "新建村级文化广场", "8个", "8个", "20", "20"],
    ["其中示范广场", "2个", "2个"],
    ["配送图书册数", "5000册", "5000册", "20", "20"],
    ["质量指标", "设施验收合格率", "100%", "100%", "20", "20"],
    ["效益指标(30分)", "社会效益指标", "群众参与活动人次", "≥3万人次", "2.6万人次", "30", "26", "雨季活动减少"],
    ["满意度指标(10分)", "服务对象满意度指标", "村民满意度", "≥90%", "95%", "10", "10"],
]
TOP = [
    ["项目名称", "乡村文化振兴示范项目"],
    ["主管部门", "某县文化和旅游局", "实施单位", "某县文化馆"],
    ["项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "120", "120", "114", "10", "95%", "9.5"],
]
EXPECTED = {
    "新建村级文化广场": ("产出/数量", "8个", Decimal(20), Decimal(20)),
    "其中示范广场": ("产出/数量", "2个", None, None),
    "配送图书册数": ("产出/数量", "5000册", Decimal(20), Decimal(20)),
    "设施验收合格率": ("产出/质量", "100%", Decimal(20), Decimal(20)),
    "群众参与活动人次": ("效益/社会效益", "≥3万人次", Decimal(30), Decimal(26)),
    "村民满意度": ("满意度", "≥90%", Decimal(10), Decimal(10)),
}


def rows_read(report: Report) -> dict[str, tuple[str, str, Decimal | None, Decimal | None]]:
    project, = report.projects
    assert project.name == "乡村文化振兴示范项目"
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(1140000)
    return {i.name: (i.level, i.target.raw, i.weight, i.score) for i in project.indicators}


def tab(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(row) for row in rows)


def test_tab_rows_without_their_merged_cells_go_under_their_header() -> None:
    text = tab(TOP) + "\n" + tab([HEADER, *ROWS]) + "\n"
    assert rows_read(read(text)) == EXPECTED


def test_a_header_broken_at_its_labels_line_breaks_is_one_header() -> None:
    broken = "\t".join(label[:2] + "\n" + label[2:] if len(label) >= 4 else label for label in HEADER)
    text = tab(TOP) + "\n" + broken + "\n" + tab(ROWS) + "\n"
    assert rows_read(read(text)) == EXPECTED


def test_a_page_break_with_the_header_repeated_keeps_the_levels_above_it() -> None:
    text = tab(TOP) + "\n" + tab([HEADER, *ROWS[:3]]) + "\n第 1 页\n\f" + tab([HEADER, *ROWS[3:]]) + "\n"
    assert rows_read(read(text)) == EXPECTED


def test_a_sub_header_under_the_target_column_is_spread_under_it() -> None:
    header = [*HEADER[:4], "年度指标值", *HEADER[5:]]
    sub = ["指标性质", "指标值", "度量单位"]
    rows = [["产出指标(60分)", "数量指标", "新建村级文化广场", "≥", "8", "个", "8个", "60", "60"],
            ["效益指标(30分)", "社会效益指标", "群众参与活动人次", "≥", "3", "万人次", "2.6万人次", "30", "26", "雨季"],
            ["满意度指标(10分)", "服务对象满意度指标", "村民满意度", "≥", "90", "%", "95%", "10", "10"]]
    project, = read(tab(TOP) + "\n" + tab([header, sub, *rows]) + "\n").projects
    read_rows = {i.name: (i.level, i.target.raw, i.weight, i.score) for i in project.indicators}
    assert read_rows["群众参与活动人次"] == ("效益/社会效益", "≥3万人次", Decimal(30), Decimal(26))
    assert read_rows["村民满意度"][1:] == ("≥90%", Decimal(10), Decimal(10))


def test_cells_separated_by_runs_of_spaces_are_read_like_tab_rows() -> None:
    printed = [[cell for cell in row if cell] for row in [*TOP, HEADER, *ROWS]]
    text = "\n".join("    ".join(row) for row in printed) + "\n"
    assert rows_read(read(text))["群众参与活动人次"] == EXPECTED["群众参与活动人次"]
    assert len(read(text).projects[0].indicators) == len(EXPECTED)


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_a_layout_dump_keeps_an_empty_cell_in_its_column_and_joins_a_wrapped_name() -> None:
    """pdftotext -layout: every column padded to its widest cell; the 实际完成值 of '年度活动场次' is
    empty, and a long name wraps onto the next line in its column."""
    grid = [["", "产出指标(60分)", "数量指标", "新建村级文化", "8个", "8个", "20", "20", ""],
            ["", "", "", "广场", "", "", "", "", ""],
            ["", "", "", "年度活动场次", "12场", "", "20", "15", "数据未报"],
            ["", "", "质量指标", "设施验收合格率", "100%", "100%", "20", "20", ""],
            ["", "效益指标(30分)", "社会效益指标", "群众参与活动人次", "≥3万人次", "2.6万人次", "30", "26",
             "雨季活动减少"],
            ["", "满意度指标(10分)", "服务对象满意度指标", "村民满意度", "≥90%", "95%", "10", "10", ""]]
    table = [HEADER, *grid]
    widths = [max(width(row[c]) for row in table) for c in range(len(HEADER))]
    lines = ["".join(cell + " " * (widths[c] - width(cell) + 2) for c, cell in enumerate(row)).rstrip()
             for row in table]
    top = "\n".join("    ".join(cell for cell in row if cell) for row in TOP)
    read_rows = rows_read(read(top + "\n" + "\n".join(lines) + "\n"))
    assert read_rows["新建村级文化广场"] == EXPECTED["新建村级文化广场"]
    assert read_rows["年度活动场次"] == ("产出/数量", "12场", Decimal(20), Decimal(15))  # 20 under 分值
    assert read_rows["群众参与活动人次"] == EXPECTED["群众参与活动人次"]
    assert len(read_rows) == 5


def test_a_form_run_together_row_by_row_is_cut_at_its_line_ends() -> None:
    """An OCR reading of the ruled form: each row a line, its cells without a separator; the name's
    line ends where the 主管部门 row begins ('…项目' is not the start of a '项目主管部门' label)."""
    rows = [["项目名称", "乡村文化振兴示范项目"], ["主管部门", "某县文化和旅游局", "实施单位", "某县文化馆"],
            HEADER,
            ["产出指标", "质量指标", "设施验收达标情况", "全部达标", "达成预期指标", "20", "20"],
            ["效益指标", "社会效益指标", "群众文化生活改善", "明显改善", "达成预期指标", "30", "30"],
            ["满意度指标", "服务对象满意度指标", "村民满意度评价", "满意", "达成预期指标", "10", "9"]]
    project, = read("\n".join("".join(row) for row in rows) + "\n").projects
    assert project.name == "乡村文化振兴示范项目"
    # (the name, target and result texts run together stay one text: nothing tells where they part)
    read_rows = {i.name[:7]: (i.level, i.weight, i.score) for i in project.indicators}
    assert read_rows == {"设施验收达标情": ("产出/质量", Decimal(20), Decimal(20)),
                         "群众文化生活改": ("效益/社会效益", Decimal(30), Decimal(30)),
                         "村民满意度评价": ("满意度", Decimal(10), Decimal(9))}  # '109' at the text's end


def test_two_tab_forms_one_after_the_other_keep_their_rows() -> None:
    """Each form's title between them is no one-cell row of the form before; the level labels filled
    down into a '其中…' sub-row do not make it a row that mixes blocks (a '|' dump to read as a stream)."""
    second = [row[:] for row in TOP]
    second[0] = ["项目名称", "农村道路养护项目"]
    text = "\n".join(["乡村项目绩效自评表", tab(TOP), tab([HEADER, *ROWS]),
                      "道路项目绩效自评表", tab(second), tab([HEADER, *ROWS])]) + "\n"
    report = read(text)
    assert [p.name for p in report.projects] == ["乡村文化振兴示范项目", "农村道路养护项目"]
    assert all([i.name for i in p.indicators] == list(EXPECTED) for p in report.projects)


PDF_TEXT_ORDER = """\
项目支出绩效自评表
(2023年度)
项目名称 城区路灯维护经费
主管部门 实施单位
年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 800000 800000 720000 10 90% 9
项目资金 (元) 其中:当年财政拨款 800000 800000 720000 — —
上年结转资金 0 0 0 — —
其他资金 0 0 0 — —
年度总体目标 预期目标 实际完成情况
保障城区路灯正常运行。 城区路灯亮灯率保持在98%以上。
一级指标 二级指标 三级指标 年度 指标值 实际 完成值 分值 得分 偏差原因分析及改进措施
预算执行率 100% 90% 20 18
数量指标 维护路灯数量 ≥1200盏 1250盏 10 10

道路巡查完成率 100% 100% 10 10
产出指标 质量指标 亮灯率 ≥98% 98.5% 10 10
绩 效 指 标
时效指标

成本指标 维护成本 ≤800000 720000 10 10

经济效益 指标 道路照明保障率 100% 100% 10 10
效益指标
社会效益 指标 夜间出行安全
"""


def test_a_block_label_printed_on_its_merged_cell_s_middle_row_goes_back_to_its_header() -> None:
    """A PDF's text order prints the 项目资金 label merged down the block's rows on its middle row
    ('项目资金 (元) 其中:当年财政拨款 800000 …'), cells parted by single spaces: the label goes back before
    the block's column labels, so its unit is the block's (元, not the template's 万元), and the row-a-line
    reading (which finds the name, the block and the indicators) beats a one-cell-a-line reading that
    found the block alone (an empty row's blank line and the level labels printed on lines of their own,
    '绩 效 指 标', '时效指标', make the dump look like one cell a line)."""
    report = read(PDF_TEXT_ORDER)
    assert [p.name for p in report.projects] == ["城区路灯维护经费"]
    budget = report.projects[0].budget
    assert budget.initial is not None and budget.initial.value == Decimal("800000")
    assert budget.planned is not None and budget.planned.value == Decimal("800000")
    assert budget.executed is not None and budget.executed.value == Decimal("720000")


def test_a_weight_run_into_its_rate_on_a_fund_row_one_cell_short_is_cut_by_the_rate() -> None:
    """An OCR line that runs the fund row's 分值 into its 执行率 ('10 90%' read as '1090%') leaves the row
    one cell short of its header: read by position the 得分 would be taken for the rate. The run stands
    under 分值 with 执行率 next, and cuts into a whole 分值 and the rate 执行数 / 预算数 gives."""
    text = PDF_TEXT_ORDER.replace("720000 10 90% 9", "720000 1090% 9")
    budget = read(text).projects[0].budget
    assert budget.printed_rate is not None and budget.printed_rate.value == Decimal("90")
    assert budget.weight == Decimal("10") and budget.score == Decimal("9")
    # a run whose rate is not the amounts' ratio is left whole: no cut is made up
    wrong = read(PDF_TEXT_ORDER.replace("720000 10 90% 9", "720000 1080% 9")).projects[0].budget
    assert wrong.printed_rate is None or wrong.printed_rate.value != Decimal("80")
    # a row that left its 执行数 out prints a whole rate ('100%'), not a 分值 run into a rate of 0
    short = read(PDF_TEXT_ORDER.replace("720000 10 90% 9", "10 100% 10")).projects[0].budget
    assert short.printed_rate is not None and short.printed_rate.value == Decimal("100")


def test_the_indicator_block_label_printed_on_a_middle_row_is_no_indicator() -> None:
    """The block label heading the header's first column ('绩效指标 一级指标 …'), merged down the block
    and printed by an OCR's text order on one of its rows ('绩效指标 成本指标 维护成本 …'), is no
    indicator's name: the row reads as the 成本指标 row it is."""
    text = PDF_TEXT_ORDER.replace("一级指标 二级指标", "绩效指标 一级指标 二级指标").replace(
        "成本指标 维护成本", "绩效指标 成本指标 维护成本")
    indicators = read(text).projects[0].indicators
    names = [i.name for i in indicators]
    assert "绩效指标" not in names
    cost = next(i for i in indicators if i.name == "维护成本")
    assert cost.weight == Decimal("10") and cost.level.endswith("成本")


def test_a_zero_in_the_reason_cell_after_bare_figures_is_no_score() -> None:
    """Rows of bare figures whose 偏差原因 cell holds a '0', flattened with spaces ('随访人数 500 520 20 20 0'
    under 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因): the 分值 and 得分 are 20 | 20, not 20 | 0 (a
    made-up deduction), and the result is 520 alone."""
    text = (
        "项目支出绩效自评表\n"
        "项目名称 社区慢病随访补助 主管部门 某县卫生健康局 实施单位 某县疾病预防控制中心\n"
        "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
        "年度资金总额 30 30 30 10 100% 10\n"
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
        "产出指标 数量指标 随访人数 500 520 20 20 0\n"
        "效益指标 社会效益指标 居民知晓率 90 92 30 30 0\n"
        "满意度指标 服务对象满意度指标 患者满意度 90 95 30 28 1\n"
    )
    project = read(text).projects[0]
    rows = {i.name: (i.weight, i.score, [a.raw for a in i.actuals]) for i in project.indicators}
    assert rows == {"随访人数": (Decimal(20), Decimal(20), ["520"]), "居民知晓率": (Decimal(30), Decimal(30), ["92"]),
                    "患者满意度": (Decimal(30), Decimal(28), ["95"])}, rows
