"""A numbered 自评表 (指标1: …, 指标2: …, the Shanxi template) whose name cell is left blank on a row
that still states its target, result, 分值 and 得分: the row is the indicator its place numbers
('指标3（未填名称）'), never a subtotal of its level (which would make the level's 得分 read twice and
conflict with itself). Built grids in two layouts (a merged 二级 column or none, other figures)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import Workbook

from reportparse.model import Report
from reportparse.parse.form.forms import parse_forms
from reportparse.parse.form.locate import find_forms
from tests._workbooks import read_xlsx_bytes, workbook_bytes

HEAD = [
    ["项目名称", "{name}", "", "", "", "", ""],
    ["项目资金(万元)", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["年度资金总额", "{budget}", "{budget}", "10", "100%", "10", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
]


@pytest.mark.parametrize(("name", "budget", "rows", "merge"), [
    ("乡村医生补助", "86.5", [
        ["产出指标", "数量指标", "指标1:补助村医人数", "120人", "118人", "4", "3.9"],
        ["", "", "", "≥6次", "8次", "2", "2"],
        ["", "", "", "≥2次", "2次", "2", "2"],
        ["", "", "指标4:培训覆盖率", "100%", "100%", "2", "2"],
    ], "B5:B8"),
    ("农村饮水安全巡检", "12", [
        ["产出指标", "", "指标1:巡检水厂数", "15座", "15座", "5", "5"],
        ["", "", "", "≥4次", "4次", "5", "5"],
        ["", "", "指标3:水质达标率", "≥95%", "96%", "10", "10"],
    ], None),
])
def test_a_numbered_row_whose_name_cell_is_blank(name: str, budget: str, rows: list[list[str]],
                                                  merge: str | None) -> None:
    book = Workbook()
    sheet = book.active
    for row in HEAD:
        sheet.append([cell.format(name=name, budget=budget) for cell in row])
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    report = parse_forms(find_forms(read_xlsx_bytes(workbook_bytes(book))), Report())
    project = report.projects[0]
    found = {i.name: i for i in project.indicators}
    assert "指标2（未填名称）" in found and found["指标2（未填名称）"].target is not None
    weights = [Decimal(row[5]) for row in rows]
    scores = [Decimal(row[6]) for row in rows]
    assert sum(i.weight or 0 for i in project.indicators) == sum(weights)
    assert sum(i.score or 0 for i in project.indicators) == sum(scores)
    level = "产出/数量" if merge else "产出"
    assert {(line.level, line.score) for line in project.scores if line.level == level} == {(level, sum(scores))}


def test_a_blank_name_without_numbered_rows_stays_as_it_was() -> None:
    # no numbering to place it: a blank-named row with figures is not given a made-up name
    book = Workbook()
    sheet = book.active
    for row in HEAD:
        sheet.append([cell.format(name="道路养护", budget="30") for cell in row])
    sheet.append(["产出指标", "数量指标", "养护里程", "≥20公里", "22公里", "10", "10"])
    sheet.append(["", "", "", "≥2次", "2次", "10", "10"])
    report = parse_forms(find_forms(read_xlsx_bytes(workbook_bytes(book))), Report())
    assert not any("未填名称" in i.name for i in report.projects[0].indicators)
