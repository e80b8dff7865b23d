"""Form dumps in the shapes met on public pages: a 部门整体 form one cell a line whose labels, weights
and figures the dump cut apart; a 绩效目标申报表 whose cells are separated by lines holding only '|';
a '|' row broken after its name; an excerpt that stops inside a level."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from reportparse import pipeline
from reportparse.evaluate_match import unit_scale
from reportparse.model import Report, Source, SourceFormat, Table
from reportparse.parse.form import find_forms, parse_forms
from reportparse.readers.text import read_text


def read(text: str) -> Report:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return parse_forms(find_forms(read_text(Path("f.txt"), data, source)), Report())


def gap_dump(cells: list[str]) -> str:
    """One cell a line with a blank line between cells; an empty cell is a line holding a space."""
    return "\n\n".join(cell or " " for cell in cells) + "\n"


#: A 部门整体 form: the header words cut over two cells, amounts printed with 万元, 偏差原因 cut into
#: two cells of one column, weights cut from their labels ('(40)', '20分)' after '效益指标('), a 二级
#: label cut mid-word ('社会效' | '益指标'), and a row whose empty 偏差原因 cell the dump left out.
DEPARTMENT_CELLS = [
    "部门整体支出绩效自评表", "单位名称", "某县水务局",
    "年初", "预算数", "全年预算数", "全年", "执行数", "分值", "执行率", "得分",
    "年度资金总额", "820.5万元", "820.5万元", "700万元", "10", "85%", "8",
    "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分",
    "偏差原因", "分析及改进措施",
    "产出指标", "(40)", "数量", "指标", "河道清淤长度", "12公里", "12公里", "20", "20", "",
    "堤防巡查次数", "48次", "48次", "20", "20",
    "效益指标", "20分)", "社会效", "益指标", "防洪保护人口", "3万人", "2.8万人", "20", "18", "",
]


def test_department_form_one_cell_a_line_with_cut_labels_weights_and_cells() -> None:
    project, = read(gap_dump(DEPARTMENT_CELLS)).projects
    budget = project.budget
    assert budget.planned is not None and budget.planned.value == Decimal(8205000)
    assert budget.executed is not None and budget.executed.value == Decimal(7000000)
    assert (budget.weight, budget.score) == (Decimal(10), Decimal(8))
    rows = {i.name: (i.level, i.target.raw, i.actuals[0].raw if i.actuals else None, i.weight, i.score)
            for i in project.indicators}
    assert rows == {
        "河道清淤长度": ("产出/数量", "12公里", "12公里", Decimal(20), Decimal(20)),
        "堤防巡查次数": ("产出/数量", "48次", "48次", Decimal(20), Decimal(20)),  # no 偏差原因 cell after it
        "防洪保护人口": ("效益/社会效益", "3万人", "2.8万人", Decimal(20), Decimal(18)),
    }
    weights = {line.level: line.weight for line in project.scores}
    assert weights.get("产出") == Decimal(40) and weights.get("效益") == Decimal(20)


#: A 绩效目标申报表 (targets only) whose cells end at a line holding only '|', the page's prose above it.
TARGET_FORM = [
    "(1)项目立项依据:县政府常务会议纪要。", "(2)实施主体:某县卫健委。",
    "|", "项目支出绩效目标申报表", "|", "项目名称", "|", "妇幼健康服务项目", "|", "实施单位", "|", "某县卫健委", "|",
    "年度资金总额", "|", "120 万元", "|", "总体", "目标", "|", "提高妇幼健康服务水平。", "|",
    "绩效 指标", "|", "一级 指标", "|", "二级指标", "|", "三级指标", "|", "指标值", "|",
    "产出 指标", "|", "数量指标", "|", "孕产妇系统管理率", "|", "≥90%", "|", "儿童健康管理率", "|", "≥85%", "|",
]


def test_target_form_with_separator_lines_is_read_as_goals_without_missing_actuals(tmp_path: Path) -> None:
    text = "\n".join(TARGET_FORM) + "\n"
    project, = read(text).projects
    assert project.name == "妇幼健康服务项目"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(1200000)
    assert [(i.level, i.name, i.target.raw) for i in project.indicators] == [
        ("产出/数量", "孕产妇系统管理率", "≥90%"), ("产出/数量", "儿童健康管理率", "≥85%")]
    path = tmp_path / "f.txt"
    path.write_text(text, encoding="utf-8")
    codes = {f.code for f in pipeline.check(path).findings}
    assert "missing-values" not in codes  # targets only: no actual is missing


def test_pipe_row_broken_after_its_name_is_one_row() -> None:
    text = "\n".join([
        "项目名称 | 乡村道路养护 |",
        "预算执行情况(万元) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 |",
        "年度财政资金总额 | 100 | 90 | 90% | 18 |",
        "一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |",
        "产出指标 | 数量指标 | 养护道路里程(公里) |",
        "15 | 14 | 9.3 | |",
        "效益指标 | 社会效益指标 | 通行条件改善率(%) | 90 | 95 | 20 |",
    ]) + "\n"
    project, = read(text).projects
    rows = {i.name: (i.target.raw, i.actuals[0].raw, i.score) for i in project.indicators}
    assert rows == {"养护道路里程(公里)": ("15", "14", Decimal("9.3")),
                    "通行条件改善率(%)": ("90", "95", Decimal(20))}


def _weight_sum_findings(tmp_path: Path, cells: list[str]) -> list[str]:
    path = tmp_path / "f.txt"
    path.write_text(gap_dump(cells), encoding="utf-8")
    return [f.message for f in pipeline.check(path).findings if f.code == "weight-sum-mismatch"]


#: A form whose 效益 rows an excerpt cut: 效益 is weighted 30, its one row shown weighs 20, and the
#: page stops at the start of the next row.
CUT_FORM = [
    "项目名称", "乡村保洁经费",
    "年初", "预算数", "全年", "预算数", "全年", "执行数", "分值", "执行率", "得分",
    "年度资金总额", "50", "48", "45", "10", "93.75%", "9",
    "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分", "偏差原因分析及改进措施",
    "产出指标(60分)", "数量指标", "保洁村数", "12", "12", "60", "60", "",
    "效益指标(30分)", "社会效益指标", "村容改善率", "90", "90", "20", "20", "",
]


def test_no_weight_sum_finding_on_a_level_the_excerpt_stops_inside(tmp_path: Path) -> None:
    assert _weight_sum_findings(tmp_path, [*CUT_FORM, "生态"]) == []


def test_weight_sum_finding_stands_when_the_form_goes_on(tmp_path: Path) -> None:
    after = ["满意度指标(10分)", "服务对象满意度指标", "村民满意度", "90", "92", "10", "10", "", "总分", "100", "99"]
    messages = _weight_sum_findings(tmp_path, [*CUT_FORM, *after])
    assert any("效益" in m for m in messages)


def test_gold_value_in_a_prefixed_unit_matches_the_base_unit() -> None:
    assert unit_scale("万亩", "亩") == 10_000
    assert unit_scale("亿元", "元") == 100_000_000
    assert unit_scale("%", "％") == 1
    assert unit_scale("万元", "亩") is None


def test_goal_table_one_cell_a_line_each_ended_by_a_pipe_is_a_table() -> None:
    # the header closed by a line holding only '|'; a data row ends after the header's width or at
    # such a line, whichever comes first
    lines = ["具体完成情况如下表:", "一级指标 |", "二级指标 |", "指标名称 |", "目标值 |", "实际完成值 |", "|",
             "产出指标 |", "数量指标 |", "资助学生人数 |", "1200 |", "1315 |",
             "产出指标 |", "质量指标 |", "资金发放准确率 |", "100% |", "100% |", "|",
             "效益指标 |", "社会效益指标 |", "完成学业率 |", "98% |", "99% |", "|", "(三)存在的问题"]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    document = read_text(Path("f.txt"), data, source)
    table, = [e for e in document.elements if isinstance(e, Table)]
    assert [[c.text for c in row] for row in table.rows] == [
        ["一级指标", "二级指标", "指标名称", "目标值", "实际完成值"],
        ["产出指标", "数量指标", "资助学生人数", "1200", "1315"],
        ["产出指标", "质量指标", "资金发放准确率", "100%", "100%"],
        ["效益指标", "社会效益指标", "完成学业率", "98%", "99%"],
    ]


def test_separator_lines_with_several_pipes_are_empty_cells_and_notes_after_the_total_are_no_rows() -> None:
    cells = ["项目名称", "春节慰问经费", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"]
    text = "\n|\n".join(cells) + "\n|||\n" + "\n|\n".join([
        "产出指标(60分)", "数量指标", "慰问人数", "150人", "150人", "60",
        "满意度指标(10分)", "服务对象满意度指标", "满意率", "100%", "100%", "10",
        "总分(100分)", "", "", "", "", "70", "无改进措施及结果应用方案", "无备注:预算数为调整后财政资金总额。",
    ]) + "\n|\n"
    project, = read(text).projects
    assert [(i.name, i.score) for i in project.indicators] == [("慰问人数", Decimal(60)), ("满意率", Decimal(10))]


def test_quality_row_named_after_money_is_no_amount() -> None:
    text = "\n".join([
        "项目名称 | 设备购置 |",
        "年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 |",
        "总额 | 3.36 | 3.36 | 3.36 | 100% | 10 | 10 |",
        "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 |",
        "产出指标 | 质量指标 | 完成设备购买并按要求支付资金 | = | 100 | | 100 | 45 | 45 |",
        "产出指标 | 成本指标 | 设备购置资金 | ≤ | 3.36 | | 3.36 | 45 | 45 |",
    ]) + "\n"
    project, = read(text).projects
    by_name = {i.name: i.target for i in project.indicators}
    assert by_name["完成设备购买并按要求支付资金"].value == Decimal(100)  # a rate, not 100 万元
    assert by_name["设备购置资金"].value == Decimal(33600)  # an amount in the form's 万元


def test_cell_dump_padded_with_runs_of_blank_lines() -> None:
    # three blank lines after every cell; an empty cell is a line holding a space, padded the same way
    project, = read("\n\n\n\n".join(cell or " " for cell in DEPARTMENT_CELLS) + "\n").projects
    assert {i.name: (i.weight, i.score) for i in project.indicators} == {
        "河道清淤长度": (Decimal(20), Decimal(20)), "堤防巡查次数": (Decimal(20), Decimal(20)),
        "防洪保护人口": (Decimal(20), Decimal(18))}
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(7000000)
