"""A 自评表's 得分 read whatever the province heads it and however its header is laid out: the score headed
自评分数 / 自评分(分) / 考评分数, a scoring group over two sub-columns (自评情况 over 分值 | 得分, 评分 over
权重 | 自评分) on a second header row, a 得分计算方法 column between the result and the score; and the form's
one project named when its name cell holds the label too ('项目名称：X') or the label is 预算项目名称. Each in
two layouts (a sheet, a Word table, a text dump), with made-up names and figures."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from reportparse.model import Project, Result
from reportparse.parse.form.labels import matches
from reportparse.parse.form.values import stated_points
from reportparse.pipeline import check
from tests._textforms import only_project
from tests._textforms import run as run_text
from tests._workbooks import checked, sheet

Rows = list[list[str]]

#: (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分) of the made-up forms below
ROWS = [
    ("产出指标", "数量指标", "巡查河段长度", "≥45公里", "46公里", "30", "30"),
    ("产出指标", "质量指标", "问题整改率", "≥90%", "80%", "20", "17.8"),
    ("效益指标", "社会效益指标", "河道水质达标率", "≥85%", "88%", "30", "30"),
    ("满意度指标", "服务对象满意度指标", "沿岸群众满意度", "≥90%", "93%", "10", "10"),
]


def top(name: str = "河道巡查保洁经费", label: str = "项目名称") -> Rows:
    return [
        [label, name, "", "", "", "", "", ""],
        ["主管部门", "青溪县水利局", "", "", "实施单位", "青溪县河道管理站", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "40", "40", "40", "10", "100%", "10"],
    ]


def indicator_rows(order: Sequence[int], width: int = 8) -> Rows:
    """The indicator rows, their cells in the column `order` (indexes into a ROWS entry, -1 an empty cell)."""
    rows = [[row[i] if i >= 0 else "" for i in order] for row in ROWS]
    return [r + [""] * (width - len(r)) for r in rows]


def scores(project: Project) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {i.name: (i.weight, i.score) for i in project.indicators}


def expected() -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {row[2]: (Decimal(row[5]), Decimal(row[6])) for row in ROWS}


def as_docx(tmp_path: Path, rows: Rows, merges: Sequence[tuple[int, int, int, int]] = ()) -> Result:
    """`rows` as one Word table (merges: row, col, rowspan, colspan; the text in the first cell) checked end to end."""
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for r, c, rowspan, colspan in merges:
        table.cell(r, c).merge(table.cell(r + rowspan - 1, c + colspan - 1))
    path = tmp_path / "form.docx"
    document.save(str(path))
    return check(path)


def as_xlsx(tmp_path: Path, rows: Rows, merges: Sequence[tuple[int, int, int, int]] = ()) -> Result:
    spans = [f"{_cell(r, c)}:{_cell(r + rs - 1, c + cs - 1)}" for r, c, rs, cs in merges]
    return checked(tmp_path, sheet(rows, spans))


def _cell(row: int, col: int) -> str:
    return f"{chr(ord('A') + col)}{row + 1}"


def read(tmp_path: Path, layout: str, rows: Rows, merges: Sequence[tuple[int, int, int, int]] = ()) -> Project:
    result = as_docx(tmp_path, rows, merges) if layout == "docx" else as_xlsx(tmp_path, rows, merges)
    assert result.status == "ok", result.message
    return only_project(result)


# ---- the score column's other titles ---------------------------------------------------------------

@pytest.mark.parametrize("label", ["自评分数", "自评分（分）", "自评分(分)", "考评分数", "自评分值", "评价评分",
                                   "实际评分", "评分结果", "自我评分", "单位评分(分)", "专家评分"])
def test_score_titles_take_the_score_role(label: str) -> None:
    assert matches("indicator.score", label)
    assert matches("indicator.header_score", label)


@pytest.mark.parametrize("label", ["得分计算方法", "评分依据", "计分方法", "评分标准", "评分细则"])
def test_how_a_score_is_reached_is_no_score(label: str) -> None:
    assert not matches("indicator.score", label)
    assert matches("indicator.standard", label)


@pytest.mark.parametrize("layout", ["docx", "xlsx"])
@pytest.mark.parametrize("title", ["自评分数", "自评分（分）", "实际评分", "评分结果", "专家评分"])
def test_score_column_under_another_title(tmp_path: Path, layout: str, title: str) -> None:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", title, "偏差原因分析及改进措施"]
    project = read(tmp_path, layout, [*top(), header, *indicator_rows(range(7))])
    assert scores(project) == expected()


# ---- a scoring group split on a second header row -------------------------------------------------

GROUPS = [("自评情况", "分值", "得分"), ("评分", "权重", "自评分")]


def grouped_header(group: str, weight: str, score: str) -> Rows:
    return [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", group, "", "偏差原因"],
            ["", "", "", "", "", weight, score, ""]]


def grouped_merges(at: int) -> list[tuple[int, int, int, int]]:
    return [(at, c, 2, 1) for c in (0, 1, 2, 3, 4, 7)] + [(at, 5, 1, 2)]


@pytest.mark.parametrize("layout", ["docx", "xlsx"])
@pytest.mark.parametrize(("group", "weight", "score"), GROUPS)
def test_scoring_group_over_two_columns_in_a_grid(tmp_path: Path, layout: str, group: str, weight: str,
                                                  score: str) -> None:
    rows = [*top(), *grouped_header(group, weight, score), *indicator_rows(range(7))]
    project = read(tmp_path, layout, rows, grouped_merges(len(top())))
    assert scores(project) == expected()


@pytest.mark.parametrize(("group", "weight", "score"), GROUPS)
def test_scoring_group_over_two_columns_in_a_tab_dump(tmp_path: Path, group: str, weight: str, score: str) -> None:
    # a web page's copy: the second header row left-aligned, the level cells merged down printed once
    lines = ["项目名称\t河道巡查保洁经费", "主管部门\t青溪县水利局\t实施单位\t青溪县河道管理站",
             "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分",
             "年度资金总额\t40\t40\t40\t10\t100%\t10",
             f"一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t{group}\t偏差原因",
             f"{weight}\t{score}"]
    previous: tuple[str, ...] = ()
    for row in ROWS:
        cells = list(row)
        while previous and cells[0] == previous[0] and len(cells) > 5:
            cells, previous = cells[1:], previous[1:]  # (a level merged over the rows above is not printed again)
        lines.append("\t".join(cells))
        previous = row
    project = only_project(run_text(tmp_path, "\n".join(lines) + "\n"))
    assert scores(project) == expected()


def test_label_only_row_under_an_indicator_row_is_no_sub_header(tmp_path: Path) -> None:
    # a second row naming 分值 | 得分 under columns that already have roles changes none of them
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]
    stray = ["分值", "得分", "", "", "", "", "", ""]
    project = read(tmp_path, "xlsx", [*top(), header, stray, *indicator_rows(range(7))])
    assert scores(project) == expected()


# ---- the rule's column between the result and the score -------------------------------------------

@pytest.mark.parametrize("title", ["得分计算方法", "评分依据"])
def test_rule_column_before_the_score_in_a_one_line_dump(tmp_path: Path, title: str) -> None:
    rule = "达到指标值记满分，未达到按比例计分。"
    cells = [cell for row in top() for cell in row if cell]
    cells += ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", title, "得分", "未完成原因分析"]
    previous: tuple[str, ...] = ()
    for row in ROWS:
        lead = [cell for i, cell in enumerate(row[:2]) if previous[:i + 1] != row[:i + 1]]
        cells += [*lead, row[2], row[5], row[3], row[4], rule, row[6]]
        previous = row
    project = only_project(run_text(tmp_path, " ".join(cells) + " 总分 100 97.8\n"))
    assert scores(project) == expected()


# ---- the form's one project by its name ------------------------------------------------------------

@pytest.mark.parametrize("layout", ["docx", "xlsx"])
@pytest.mark.parametrize("name", ["河道巡查保洁经费", "城区背街小巷改造补助资金"])
def test_name_written_with_its_label_in_one_cell(tmp_path: Path, layout: str, name: str) -> None:
    rows = [[f"项目名称：{name}", "", "", "", "", "", "", ""],
            ["主管部门：青溪县水利局", "", "", "", "实施单位：青溪县河道管理站", "", "", ""],
            *top()[2:],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
            *indicator_rows(range(7))]
    project = read(tmp_path, layout, rows, [(0, 0, 1, 8), (1, 0, 1, 4), (1, 4, 1, 4)])
    assert project.name == name
    assert scores(project) == expected()


@pytest.mark.parametrize("layout", ["docx", "xlsx", "text"])
def test_budget_project_name_label(tmp_path: Path, layout: str) -> None:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]
    rows = [*top("城区背街小巷改造补助资金", "预算项目名称"), header, *indicator_rows(range(7))]
    if layout == "text":
        project = only_project(run_text(tmp_path, "\n".join("\t".join(c for c in r if c) for r in rows) + "\n"))
    else:
        project = read(tmp_path, layout, rows)
    assert project.name == "城区背街小巷改造补助资金"


# ---- 分值 and 得分 written with their unit in a text dump -------------------------------------------

def test_points_with_their_unit_are_points() -> None:
    assert stated_points(["10分", "8.5分"]) == [Decimal("10"), Decimal("8.5")]
    assert stated_points(["10", "8.5"]) == [Decimal("10"), Decimal("8.5")]
    # a result stated in points beside a bare figure is no pair of points
    assert stated_points(["95分", "10"]) == [None, Decimal("10")]


@pytest.mark.parametrize("weight_first", [False, True])
def test_points_with_their_unit_in_a_one_line_dump(tmp_path: Path, weight_first: bool) -> None:
    columns = ["分值", "年度指标值", "实际完成值"] if weight_first else ["年度指标值", "实际完成值", "分值"]
    cells = [cell for row in top() for cell in row if cell]
    cells += ["一级指标", "二级指标", "三级指标", *columns, "得分", "偏差原因分析及改进措施"]
    previous: tuple[str, ...] = ()
    for row in ROWS:
        lead = [cell for i, cell in enumerate(row[:2]) if previous[:i + 1] != row[:i + 1]]
        values = [f"{row[5]}分", row[3], row[4]] if weight_first else [row[3], row[4], f"{row[5]}分"]
        cells += [*lead, row[2], *values, f"{row[6]}分"]
        previous = row
    project = only_project(run_text(tmp_path, " ".join(cells) + " 总分 100分 97.8分\n"))
    assert scores(project) == expected()


# ---- the 得分 after the 偏差原因 in a one-cell-a-line dump -----------------------------------------------

@pytest.mark.parametrize("reason", ["偏差原因分析及改进措施", "未完成原因"])
def test_score_after_an_empty_reason_in_a_cell_a_line_dump(tmp_path: Path, reason: str) -> None:
    # the dump leaves the empty 偏差原因 cell out: the figure after the 分值 is the 得分
    cells = [cell for row in top() for cell in row if cell]
    cells += ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", reason, "得分"]
    previous: tuple[str, ...] = ()
    for row in ROWS:
        cells += [cell for i, cell in enumerate(row[:2]) if previous[:i + 1] != row[:i + 1]]
        cells += [row[2], row[3], row[4], row[5], row[6]]
        previous = row
    project = only_project(run_text(tmp_path, "\n".join([*cells, "总分", "100", "97.8"]) + "\n"))
    assert scores(project) == expected()


@pytest.mark.parametrize(("group", "weight", "score"), GROUPS)
def test_scoring_group_over_two_columns_in_a_layout_dump(tmp_path: Path, group: str, weight: str, score: str) -> None:
    # a PDF's text layer: cells set apart by runs of spaces, the second header row under the group's title
    lines = ["项目名称    河道巡查保洁经费", "主管部门    青溪县水利局    实施单位    青溪县河道管理站",
             "项目资金（万元）    年初预算数    全年预算数    全年执行数    分值    执行率    得分",
             "年度资金总额    40    40    40    10    100%    10",
             f"一级指标    二级指标    三级指标    年度指标值    实际完成值    {group}    偏差原因",
             f"                                                            {weight}    {score}"]
    previous: tuple[str, ...] = ()
    for row in ROWS:
        lead = [cell for i, cell in enumerate(row[:2]) if previous[:i + 1] != row[:i + 1]]
        lines.append("    ".join([*lead, *row[2:]]))
        previous = row
    project = only_project(run_text(tmp_path, "\n".join([*lines, "总分    100    97.8"]) + "\n"))
    assert scores(project) == expected()
