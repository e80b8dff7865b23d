"""Form parser on XLSX forms built here: both indicator layouts, budget blocks, several forms, hidden rows."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reportparse.model import Document, Paragraph, Project, Report, Source, SourceFormat
from reportparse.parse.form import find_forms, parse_forms
from reportparse.parse.form.grid import GridRow
from reportparse.readers.xlsx import read_xlsx


@dataclass
class Row:
    """One indicator row: (一级, 二级, 三级, target, actual, weight, score, reason)."""

    level1: str
    level2: str
    name: str
    target: str | tuple[str, str, str]  # text, or (指标性质, 指标值, 度量单位)
    actual: str | float | None
    weight: float | None
    score: float | None
    reason: str = ""


@dataclass
class FormSpec:
    project: str
    unit: str = "某市某局"
    budget: tuple[float, float, float] = (100, 100, 95)  # 年初, 全年, 执行 (万元)
    budget_weight: float = 10
    budget_score: float = 9.5
    split: bool = False
    rows: list[Row] = field(default_factory=list)
    total: tuple[float, float] | None = None
    grade: str | None = None


STANDARD_ROWS = [
    Row("产出指标（50分）", "数量指标", "指标1：培训人数", "≥500人", 520, 20, 20),
    Row("产出指标（50分）", "数量指标", "指标2：", "", None, None, None),
    Row("产出指标（50分）", "质量指标", "指标1：合格率", "≥95%", "96%", 15, 15),
    Row("产出指标（50分）", "时效指标", "指标1：完成时间", "12月底前", "按时完成", 5, 5),
    Row("产出指标（50分）", "成本指标", "指标1：培训成本", "≤100万元", 95, 10, 10),
    Row("效益指标（30分）", "社会效益指标", "指标1：能力提升", "有效提升", "达成预期指标", 30, 27, "部分学员未参训"),
    Row("满意度指标（10分）", "服务对象满意度指标", "指标1：学员满意度", "≥90%", "", 10, 10),
]

SPLIT_ROWS = [
    Row("产出指标", "数量指标", "培训人数", ("≥", "500", "人"), 520, 20, 20),
    Row("产出指标", "质量指标", "合格率", ("≥", "95", "%"), 96, 15, 15),
    Row("产出指标", "时效指标", "完成时间", ("定性", "按时完成", ""), "按时完成", 5, 5),
    Row("产出指标", "成本指标", "培训成本", ("≤", "100", "万元"), 95, 10, 10),
    Row("效益指标", "社会效益指标", "能力提升", ("定性", "有效提升", ""), "部分达成", 30, 20, "部分学员未参训"),
    Row("满意度指标", "服务对象满意度指标", "学员满意度", ("≥", "90", "%"), 92, 10, 10),
]


def write_form(ws: Worksheet, top: int, spec: FormSpec) -> int:
    """Write one 自评表 starting at row `top`; return the next free row."""
    r = top
    ws.cell(r, 1, "项目支出绩效自评表")
    ws.cell(r + 1, 1, "（2023年度）")
    r += 2
    ws.cell(r, 1, "项目名称")
    ws.cell(r, 2, spec.project)
    ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=9)
    ws.cell(r + 1, 1, "主管部门")
    ws.cell(r + 1, 2, "某市财政局")
    ws.cell(r + 1, 5, "实施单位")
    ws.cell(r + 1, 6, spec.unit)
    r += 2
    ws.cell(r, 1, "项目资金（万元）")
    ws.merge_cells(start_row=r, start_column=1, end_row=r + 4, end_column=1)
    for col, head in enumerate(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], start=4):
        ws.cell(r, col, head)
    initial, planned, executed = spec.budget
    ws.cell(r + 1, 2, "年度资金总额")
    for col, value in enumerate([initial, planned, executed, spec.budget_weight], start=4):
        ws.cell(r + 1, col, value)
    ws.cell(r + 1, 8, f"{executed / planned * 100:.2f}%")
    ws.cell(r + 1, 9, spec.budget_score)
    ws.cell(r + 2, 2, "其中：当年财政拨款")
    for col, value in enumerate([initial, planned, executed], start=4):
        ws.cell(r + 2, col, value)
    ws.cell(r + 3, 2, "上年结转资金")
    ws.cell(r + 4, 2, "其他资金")
    r += 5
    ws.cell(r, 1, "年度总体目标")
    ws.cell(r, 2, "预期目标")
    ws.cell(r, 6, "实际完成情况")
    ws.cell(r + 1, 2, "完成培训任务")
    ws.cell(r + 1, 6, "已完成培训任务")
    r += 2
    if spec.split:
        heads = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
                 "未完成原因分析"]
    else:
        heads = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "偏差原因分析及改进措施"]
    ws.cell(r, 1, "绩效指标")
    for col, head in enumerate(heads, start=2):
        ws.cell(r, col, head)
    r += 1
    for row in spec.rows:
        target = list(row.target) if isinstance(row.target, tuple) else [row.target]
        cells = [row.level1, row.level2, row.name, *target, row.actual, row.weight, row.score, row.reason]
        for col, value in enumerate(cells, start=2):
            if value not in (None, ""):
                ws.cell(r, col, value)
        r += 1
    if spec.total is not None:
        ws.cell(r, 1, "总分")
        weight_col = heads.index("权重" if spec.split else "分值") + 2
        ws.cell(r, weight_col, spec.total[0])
        ws.cell(r, weight_col + 1, spec.total[1])
        r += 1
    if spec.grade is not None:
        ws.cell(r, 1, "评价等级")
        ws.cell(r, 2, spec.grade)
        r += 1
    return r


def read_workbook(wb: Workbook) -> Document:
    buffer = io.BytesIO()
    wb.save(buffer)
    data = buffer.getvalue()
    source = Source(path="f.xlsx", format=SourceFormat.XLSX, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_xlsx(Path("f.xlsx"), data, source)


def parse(wb: Workbook) -> Report:
    document = read_workbook(wb)
    return parse_forms(find_forms(document), Report())


def one_form(spec: FormSpec) -> Project:
    wb = Workbook()
    write_form(wb.active, 1, spec)
    report = parse(wb)
    assert len(report.projects) == 1
    return report.projects[0]


def scores(project: Project) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {s.level: (s.weight, s.score) for s in project.scores}


def test_standard_form() -> None:
    spec = FormSpec("职业技能培训项目", rows=STANDARD_ROWS, total=(100, 96.5), grade="优")
    wb = Workbook()
    write_form(wb.active, 1, spec)
    report = parse(wb)
    assert report.layout == "form" and report.unit == "某市某局" and report.year == 2023
    project = report.projects[0]
    assert project.name == "职业技能培训项目"
    budget = project.budget
    assert budget.initial and budget.initial.value == 1_000_000
    assert budget.planned and budget.planned.value == 1_000_000
    assert budget.executed and budget.executed.value == 950_000
    assert budget.printed_rate and budget.printed_rate.value == 95
    assert (budget.weight, budget.score) == (10, Decimal("9.5"))
    assert [row.label for row in budget.sub_rows] == ["其中：当年财政拨款", "上年结转资金", "其他资金"]
    totals = {t.label: (t.kind, t.total.value, [p.value for p in t.parts]) for t in report.fund_totals}
    assert totals["年度资金总额（全年预算数）"] == ("planned", 1_000_000, [1_000_000])
    assert totals["年度资金总额（全年执行数）"] == ("executed", 950_000, [950_000])
    names = [i.name for i in project.indicators]
    assert names == ["培训人数", "合格率", "完成时间", "培训成本", "能力提升", "学员满意度"]
    first = project.indicators[0]
    assert first.level == "产出/数量" and first.target is not None
    assert (first.target.comparator, first.target.value, first.target.unit) == (">=", 500, "人")
    assert first.actuals[0].kind == "measured" and first.actuals[0].value == 520
    assert first.actuals[0].origin == "table"
    assert any("指标1：培训人数" in ev.text for ev in first.evidence)
    assert first.deviation_reason == ""
    cost = project.indicators[3]
    assert cost.target is not None and (cost.target.comparator, cost.target.value) == ("<=", 1_000_000)
    assert cost.actuals[0].value == 950_000 and cost.actuals[0].unit == "元"
    assert project.indicators[2].actuals[0].kind == "qualitative"
    assert project.indicators[4].deviation_reason == "部分学员未参训"
    satisfaction = project.indicators[5]
    assert satisfaction.level == "满意度" and satisfaction.actuals[0].kind == "empty"
    got = scores(project)
    assert got["预算执行"] == (10, Decimal("9.5"))
    assert got["产出"] == (50, 50) and got["产出/数量"] == (20, 20)
    assert got["效益"] == (30, 27) and got["满意度"] == (10, 10)
    assert got["总分"] == (100, Decimal("96.5"))
    assert project.total_score == Decimal("96.5") and project.grade == "优"
    assert project.evaluated
    prose = [ev.text for ev in report.narrative_text]
    assert prose == ["完成培训任务", "已完成培训任务"]


def test_split_target_columns_with_weight_and_completion_value() -> None:
    project = one_form(FormSpec("专项项目", split=True, rows=SPLIT_ROWS, total=(100, 90)))
    by_name = {i.name: i for i in project.indicators}
    assert list(by_name) == ["培训人数", "合格率", "完成时间", "培训成本", "能力提升", "学员满意度"]
    count = by_name["培训人数"]
    assert count.target is not None
    assert (count.target.comparator, count.target.value, count.target.unit) == (">=", 500, "人")
    assert count.actuals[0].value == 520 and count.weight == 20 and count.score == 20
    rate = by_name["合格率"]
    assert rate.target is not None and (rate.target.value, rate.target.unit) == (95, "%")
    assert rate.actuals[0].value == 96 and rate.actuals[0].unit == "%"
    cost = by_name["培训成本"]
    assert cost.target is not None and (cost.target.comparator, cost.target.value, cost.target.unit) == (
        "<=", 1_000_000, "元")
    assert cost.actuals[0].value == 950_000
    timely = by_name["完成时间"]
    assert timely.target is not None and timely.target.comparator == "qualitative"
    assert by_name["能力提升"].deviation_reason == "部分学员未参训"
    assert scores(project)["效益"] == (30, 20)


def test_twenty_point_budget_block() -> None:
    rows = [Row("产出指标（60分）", "数量指标", "指标1：宣传场次", "≥10场", 10, 60, 60),
            Row("效益指标（20分）", "社会效益指标", "指标1：知晓率", "≥80%", "85%", 20, 20)]
    project = one_form(FormSpec("宣传项目", budget=(50, 40, 36), budget_weight=20, budget_score=18, rows=rows,
                                total=(100, 98)))
    assert project.budget.weight == 20 and project.budget.score == 18
    assert project.budget.planned and project.budget.planned.value == 400_000
    assert scores(project)["预算执行"] == (20, 18)
    assert scores(project)["产出"] == (60, 60)


def test_printed_level_weight_that_differs_from_its_rows_is_kept_apart() -> None:
    rows = [Row("产出指标（50分）", "数量指标", "指标1：宣传场次", "≥10场", 10, 40, 40),
            Row("效益指标（40分）", "社会效益指标", "指标1：知晓率", "≥80%", "85%", 40, 40)]
    project = one_form(FormSpec("宣传项目", rows=rows))
    output = [(s.level, s.weight, s.score) for s in project.scores if s.level == "产出"]
    assert ("产出", 50, None) in output and ("产出", 40, 40) in output
    assert [(s.weight, s.score) for s in project.scores if s.level == "效益"] == [(40, 40)]


def test_a_level_with_a_score_not_read_has_no_score_sum() -> None:
    """A row whose 得分 cell is empty (or was not read: a seal's ring over it on a scan) leaves its
    level's sum of 得分 unknown: the other rows' sum is no claim of the form's, and taken for one it
    made the total look wrong (总分 100 against 10 + 50 + 20 + 10)."""
    rows = [Row("产出指标（50分）", "数量指标", "指标1：宣传场次", "≥10场", 10, 50, 50),
            Row("效益指标（30分）", "社会效益指标", "指标1：知晓率", "≥80%", "85%", 10, None),
            Row("效益指标（30分）", "社会效益指标", "指标2：覆盖率", "≥80%", "85%", 20, 20),
            Row("满意度指标（10分）", "服务对象满意度指标", "指标1：满意度", "≥90%", "95%", 10, 10)]
    project = one_form(FormSpec("宣传项目", rows=rows, total=(100, 100)))
    got = scores(project)
    assert got["效益"] == (30, None) and got["效益/社会效益"] == (30, None)
    assert got["产出"] == (50, 50)
    from reportparse.checks import CheckContext, run_checks
    from reportparse.scoring import get_profile

    report = Report(layout="form", projects=[project])
    codes = {f.code for f in run_checks(CheckContext(report, get_profile("national-2020")))}
    assert "score-sum-mismatch" not in codes and "missing-values" in codes


def test_two_forms_one_below_another() -> None:
    wb = Workbook()
    ws = wb.active
    end = write_form(ws, 1, FormSpec("甲项目", rows=STANDARD_ROWS[:3], total=(45, 45)))
    write_form(ws, end + 1, FormSpec("乙项目", unit="另一单位", budget=(20, 20, 20), budget_score=10,
                                       rows=STANDARD_ROWS[3:], total=(55, 52)))
    report = parse(wb)
    assert [p.name for p in report.projects] == ["甲项目", "乙项目"]
    first, second = report.projects
    assert [i.name for i in first.indicators] == ["培训人数", "合格率"]
    assert [i.name for i in second.indicators] == ["完成时间", "培训成本", "能力提升", "学员满意度"]
    assert second.budget.planned and second.budget.planned.value == 200_000
    assert first.total_score == 45 and second.total_score == 52


def test_hidden_rows_are_read_and_noted() -> None:
    wb = Workbook()
    ws = wb.active
    write_form(ws, 1, FormSpec("隐藏行项目", rows=STANDARD_ROWS, total=(100, 96.5)))
    hidden_row = 15  # the 指标1：合格率 row (title 2 + header 2 + budget 5 + goal 2 + heading 1 + 2 rows)
    assert ws.cell(hidden_row, 4).value == "指标1：合格率"
    ws.row_dimensions[hidden_row].hidden = True
    document = read_workbook(wb)
    assert any("hidden rows 15" in note for note in document.notes)
    project = parse_forms(find_forms(document), Report()).projects[0]
    assert "合格率" in [i.name for i in project.indicators]


def test_formula_cells_use_their_cached_values() -> None:
    from tests.test_extract_xlsx import _with_cached_value

    wb = Workbook()
    ws = wb.active
    end = write_form(ws, 1, FormSpec("公式项目", rows=STANDARD_ROWS[:1]))
    ws.cell(end, 1, "总分")
    ws.cell(end, 7, "=SUM(G13:G13)")  # the 分值 column of the only indicator row
    ws.cell(end, 8, 20)
    buffer = io.BytesIO()
    wb.save(buffer)
    data = _with_cached_value(buffer.getvalue(), f"G{end}", "20")
    source = Source(path="f.xlsx", format=SourceFormat.XLSX, sha256="0" * 64, pages=1)
    document = read_xlsx(Path("f.xlsx"), data, source)
    project = parse_forms(find_forms(document), Report()).projects[0]
    assert scores(project)["总分"] == (20, 20)


def test_empty_total_row_takes_the_funded_sub_row() -> None:
    wb = Workbook()
    ws = wb.active
    write_form(ws, 1, FormSpec("零总额项目", rows=STANDARD_ROWS[:1]))
    for col in range(4, 10):
        ws.cell(6, col, 0)  # 年度资金总额 printed as all zeros, as some exports do
    ws.cell(6, 7, 10)
    report = parse_forms(find_forms(read_workbook(wb)), Report())
    project = report.projects[0]
    budget = project.budget
    assert budget.planned and budget.planned.value == 1_000_000
    assert budget.executed and budget.executed.value == 950_000
    planned_total = next(t for t in report.fund_totals if t.kind == "planned")
    assert planned_total.total.value == 0 and [p.value for p in planned_total.parts] == [1_000_000]
    assert planned_total.projects == ["零总额项目"]
    assert scores(project)["预算执行"] == (10, 0)


def test_form_merges_into_the_narrative_project() -> None:
    from reportparse.model import Actual, Indicator, Target

    narrative = Report(layout="narrative", projects=[Project(
        name="职业技能培训",
        indicators=[Indicator(level="产出/数量", name="培训人数",
                              target=Target(raw="≥500人", comparator=">=", value=Decimal(500), unit="人"),
                              actuals=[Actual(raw="培训 480 人", value=Decimal(480), unit="人",
                                              origin="analysis")])],
    )])
    wb = Workbook()
    write_form(wb.active, 1, FormSpec("职业技能培训项目", rows=STANDARD_ROWS))
    report = parse_forms(find_forms(read_workbook(wb)), narrative)
    assert report.layout == "mixed" and len(report.projects) == 1
    project = report.projects[0]
    assert "职业技能培训项目" in project.aliases
    merged = next(i for i in project.indicators if i.name == "培训人数")
    assert [a.value for a in merged.actuals] == [480, 520]
    assert merged.weight == 20
    assert project.budget.planned and project.budget.planned.value == 1_000_000


def test_a_table_without_scores_is_not_a_form() -> None:
    wb = Workbook()
    ws = wb.active
    for col, head in enumerate(["一级指标", "二级指标", "三级指标", "目标值", "备注"], start=1):
        ws.cell(1, col, head)
    ws.cell(2, 1, "产出指标")
    ws.cell(2, 2, "数量指标")
    ws.cell(2, 3, "拍摄部数")
    ws.cell(2, 4, "≥5部")
    assert find_forms(read_workbook(wb)) == []


@pytest.mark.parametrize(
    ("printed", "name"),
    [("指标1：培训人数", "培训人数"), ("指标 2: 合格率", "合格率"), ("1、满意度", "满意度"), ("满意度", "满意度")],
)
def test_indicator_name_prefixes_are_stripped(printed: str, name: str) -> None:
    from reportparse.parse.form.indicators import clean_name

    assert clean_name(printed) == name


def _document(*tables: tuple[int, list[list[str]]]) -> Document:
    """A Document of hand-made tables (page, rows), as a DOCX/PDF reader would give them."""
    from reportparse.model import Cell, Table

    elements = []
    for index, (page, rows) in enumerate(tables):
        grid = [[Cell(text=text, row=r, col=c, page=page) for c, text in enumerate(row)] for r, row in enumerate(rows)]
        elements.append(Table(index=index, rows=grid, page=page, pages=[page]))
    source = Source(path="f.pdf", format=SourceFormat.PDF, sha256="0" * 64, pages=2)
    return Document(source=source, elements=elements)


def test_older_layout_with_twenty_point_budget_line_and_no_weight_column() -> None:
    document = _document((1, [
        ["项目名称", "老模板项目", "", "", ""],
        ["预算执行情况（20分）", "", "", "", ""],
        ["预算数(A)", "执行数(B)", "执行率(B/A)", "得分（20分*执行率）", ""],
        ["50", "45", "90%", "18", ""],
        ["年度绩效目标（80分）", "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        ["产出指标（60分）", "数量指标", "检查次数", "≥10次", "12次", "60"],
        ["效益指标（20分）", "社会效益指标", "群众知晓率", "≥80%", "85%", "20"],
        ["总分", "", "", "", "", "98"],
    ]))
    report = parse_forms(find_forms(document), Report())
    project = report.projects[0]
    assert project.name == "老模板项目"
    assert project.budget.planned and project.budget.planned.value == 500_000
    assert project.budget.executed and project.budget.executed.value == 450_000
    assert (project.budget.weight, project.budget.score) == (20, 18)
    assert project.budget.printed_rate and project.budget.printed_rate.value == 90
    assert [i.name for i in project.indicators] == ["检查次数", "群众知晓率"]
    assert project.indicators[0].score == 60 and project.indicators[0].weight is None
    assert project.indicators[0].deviation_reason is None  # the form has no such column
    assert project.total_score == 98
    assert [(s.weight, s.score) for s in project.scores if s.level == "产出"] == [(60, 60)]


def test_form_split_into_tables_across_pages_is_joined() -> None:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    document = _document(
        (1, [["项目名称", "分页项目", "", ""], ["实施单位", "某单位", "", ""]]),
        (1, [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
             ["年度资金总额", "10", "10", "10", "10", "100%", "10"]]),
        (1, [header, ["产出指标", "数量指标", "指标1：场次", "≥2场", "2", "50", "50", ""]]),
        (2, [["", "", "指标2：人数", "≥100人", "120", "", "", ""],
             ["效益指标", "社会效益指标", "指标1：影响", "明显", "达成", "30", "28", "宣传不足"]]),
        (2, [header, ["满意度指标", "满意度指标", "满意度", "≥90%", "95%", "10", "10", ""],
             ["总分", "", "", "", "", "100", "98", ""]]),
    )
    forms = find_forms(document)
    assert len(forms) == 1 and len(forms[0].tables) == 5
    project = parse_forms(forms, Report()).projects[0]
    assert [i.name for i in project.indicators] == ["场次", "人数", "影响", "满意度"]
    assert project.indicators[1].level == "产出/数量"
    assert project.indicators[1].weight is None
    assert project.budget.planned and project.budget.planned.value == 100_000
    assert project.total_score == 98


def test_unrelated_table_after_a_finished_form_is_not_joined() -> None:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    document = _document(
        (1, [["项目名称", "完整项目", "", "", "", "", ""], header,
             ["产出指标", "数量指标", "场次", "≥2场", "2", "90", "90"], ["总分", "", "", "", "", "90", "90"]]),
        (1, [["序号", "支出内容", "金额", "", "", "", ""], ["1", "印刷费", "2", "", "", "", ""]]),
    )
    forms = find_forms(document)
    assert len(forms) == 1 and len(forms[0].tables) == 1


@pytest.mark.parametrize(
    ("title", "name"),
    [("城乡环境整治项目绩效自评表（2022年度）", "城乡环境整治"), ("项目支出绩效自评表", ""),
     ("2022年度农村公路养护项目支出绩效自评表", "农村公路养护"), ("部门整体支出绩效自评表", "")],
)
def test_project_name_from_a_form_title(title: str, name: str) -> None:
    from reportparse.parse.form.forms import name_from_title

    assert name_from_title(title) == name


def test_unnamed_form_joins_the_only_narrative_project() -> None:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    document = _document((1, [header, ["产出指标", "数量指标", "场次", "≥2场", "2", "90", "90"]]))
    narrative = Report(layout="narrative", projects=[Project(name="宣传活动")])
    report = parse_forms(find_forms(document), narrative)
    assert [p.name for p in report.projects] == ["宣传活动"]
    assert [i.name for i in report.projects[0].indicators] == ["场次"]


TAB_FORM = "\n".join([
    "项目支出绩效自评表",
    "（2023年度）",
    "项目名称\t文本项目\t\t\t\t\t\t\t",
    "主管部门\t某局\t\t\t实施单位\t某中心\t\t\t",
    "项目资金（万元）\t\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
    "\t年度资金总额\t\t40\t40\t38\t10\t95%\t9.5",
    "\t其中：当年财政拨款\t\t40\t40\t38\t\t\t",
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施",
    "\t产出指标（50分）\t数量指标\t指标1：检查次数\t≥10次\t12\t30\t30\t",
    "\t\t\t指标2：整改数量\t≥5个\t5\t20\t20\t",
    "\t\t\t……",
    "\t效益指标（40分）\t社会效益指标\t指标1：安全水平\t有效提升\t达成预期指标\t40\t36\t个别隐患未销号",
    "总分\t\t\t\t\t\t90\t85.5\t",
])


def test_text_form_with_dropped_leading_cells(tmp_path: Path) -> None:
    from reportparse.readers import extract_document

    path = tmp_path / "form.txt"
    path.write_text(TAB_FORM, encoding="utf-8")
    report = parse_forms(find_forms(extract_document(path)), Report())
    project = report.projects[0]
    assert project.name == "文本项目" and report.year == 2023
    assert project.budget.executed and project.budget.executed.value == 380_000
    assert (project.budget.weight, project.budget.score) == (10, Decimal("9.5"))
    got = [(i.level, i.name, i.weight, i.score) for i in project.indicators]
    assert got == [("产出/数量", "检查次数", 30, 30), ("产出/数量", "整改数量", 20, 20),
                   ("效益/社会效益", "安全水平", 40, 36)]
    assert project.indicators[1].actuals[0].value == 5
    assert project.indicators[2].deviation_reason == "个别隐患未销号"
    assert scores(project)["总分"] == (90, Decimal("85.5"))


FLAT_FORM = "\n\n".join([
    "项目支出绩效自评表（2022年度）",
    "项目名称 社区 养老服务补助",
    "主管部门 某市民政局 实施单位 某区养老服务中心",
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 12.5 12.5 12 10 96% 9.6",
    "其中：本年财政拨款 12.5 12.5 12 — — —",
    "年度总体目标 预期目标 实际完成情况",
    "为老年人提供助餐服务。 已提供助餐服务。",
    "绩效指标 一级指标 二级指标 三级指标 指标性质 指标值 度量单位 实际完成值 权重 得分 未完成原因分析",
    "产出指标（50分） 数量指标 助餐人次 ≥ 3000 人次 3200 30 30",
    "时效指标 服务时长 ≤ 2 个月 3 个月 20 13.33 场地改造延误",
    "满意度指标（40分） 服务对象满意度指标 老人满意度 ≥ 90 % 93 40 40",
    "总分 100 92.93",
])


def test_form_flattened_into_text_lines(tmp_path: Path) -> None:
    from reportparse.readers import extract_document

    path = tmp_path / "flat.txt"
    path.write_text(FLAT_FORM, encoding="utf-8")
    document = extract_document(path)
    forms = find_forms(document)
    assert len(forms) == 1
    report = parse_forms(forms, Report())
    project = report.projects[0]
    assert project.name == "社区养老服务补助" and report.unit == "某区养老服务中心" and report.year == 2022
    assert project.budget.executed and project.budget.executed.value == 120_000
    got = [(i.level, i.name, i.weight, i.score) for i in project.indicators]
    assert got == [("产出/数量", "助餐人次", 30, 30), ("产出/时效", "服务时长", 20, Decimal("13.33")),
                   ("满意度", "老人满意度", 40, 40)]
    timely = project.indicators[1]
    assert timely.target is not None and (timely.target.comparator, timely.target.value) == ("<=", 2)
    assert timely.actuals[0].value == 3 and timely.deviation_reason == "场地改造延误"
    assert timely.evidence[0].line is not None and timely.evidence[0].table is None
    assert scores(project)["总分"] == (100, Decimal("92.93"))


def test_total_row_beside_a_merged_block_label_and_a_fund_total_called_heji() -> None:
    header = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
    document = _document((1, [
        ["项目名称", "合计项目", "", "", "", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["项目资金（万元）", "合计", "8", "8", "8", "10", "100%", "10"],
        ["项目资金（万元）", "其中：财政拨款", "8", "8", "8", "", "", ""],
        header,
        ["绩效指标", "产出指标", "数量指标", "场次", "≥2场", "2", "90", "88"],
        ["绩效指标", "总分", "", "", "", "", "100", "98"],
    ]))
    project = parse_forms(find_forms(document), Report()).projects[0]
    assert project.budget.planned and project.budget.planned.value == 80_000
    assert scores(project)["预算执行"] == (10, 10)
    assert scores(project)["总分"] == (100, 98)
    assert [i.name for i in project.indicators] == ["场次"]
    assert [s.level for s in project.scores].count("产出") == 1


@pytest.mark.parametrize(
    "header",
    [
        ["年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
         "偏差原因分析及改进措施"],
        ["绩效指标", "一级", "二级", "指标名称", "预期指标值", "全年实际值", "指标分值", "自评得分",
         "偏差原因及改进措施"],
        ["", "一级指标", "二级指标", "三级指标", "年度目标值", "完成情况", "权重", "得分", "未完成原因分析"],
    ],
)
def test_indicator_header_spellings(header: list[str]) -> None:
    from reportparse.parse.form.columns import indicator_columns

    document = _document((1, [header]))
    table = document.elements[0]
    assert not isinstance(table, Paragraph)
    cols = indicator_columns(GridRow(table, 0))
    got = (cols.level1, cols.level2, cols.name, cols.target, cols.actual, cols.weight, cols.score, cols.reason)
    assert got == (1, 2, 3, 4, 5, 6, 7, 8)


@pytest.mark.parametrize(
    ("text", "kind", "value", "comparator"),
    [
        # (a bound other than the target ≥90% states what was achieved: test_form_bound_actuals.py)
        ("不少于30分钟", "measured", Decimal("0.5"), ">="),
        ("≥90%", "restated", Decimal(90), ">="),
        ("90%以上", "measured", Decimal(90), ">="),
        ("96%", "measured", Decimal(96), None),
        ("按时完成", "qualitative", None, "qualitative"),
        ("", "empty", None, None),
        ("/", "empty", None, None),
    ],
)
def test_actual_cell_kinds(text: str, kind: str, value: Decimal | None, comparator: str | None) -> None:
    from reportparse.model import Cell
    from reportparse.parse.form.values import actual

    got = actual(Cell(text=text, row=0, col=0, page=1), "≥90%", None)
    assert (got.kind, got.value, got.comparator, got.origin) == (kind, value, comparator, "table")
