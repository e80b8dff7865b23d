"""A form whose indicator header has no 分值 column (年初目标值(A) | 实际完成值(B) | 得分) filled in before anything
was scored, flattened into text: each row prints its name and its target only. The one figure is the row's
target, a percent one ('合格率(%) 95') as much as a count; a name's unit the dump set apart by a space
('年新增产值 (万元) 800') stays the name's; a 一级 label alone before a name, in a header that lost its 一级
column, is the row's level. Made-up forms in three layouts (one row a line, the whole form on one line, one cell a
line with the empty cells left out: a name shaped as the row's own, '新建公厕(座)', opens the next row)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project, run

HEAD = [
    "2022年度项目支出绩效自评表",
    "项目名称 某镇农贸市场提升改造项目",
    "主管部门 某县商务局 实施单位 某镇人民政府",
    "预算执行情况(万元)",
    "预算数(A) 执行数(B) 执行率(B/A)",
    "年度财政资金总额 680 0.00 0.00",
    "年度绩效目标",
    "一级",
    "指标",
    "二级指标 三级指标 年初目标值(A) 实际完成值(B) 得分",
]

ROWS = [
    "产出指标 数量指标 改造摊位数量(个) 120",
    "新建公厕(座) 2",
    "质量指标 工程验收合格率(%) 98",
    "时效指标 项目完工时间 2023.06",
    "效益指标 年新增交易额 (万元) 800",
    "带动就业人数(人) 60",
    "满意度指标 服务对象满意度指标 商户满意度(%) 90",
]


def _layout(lines: list[str], row_break: str) -> str:
    return row_break.join(lines) + "\n"


def _cells(lines: list[str]) -> str:
    """One cell a line, the empty cells left out (a row's name, then its target, then the next row)."""
    return "\n".join(cell for line in [*lines, "填表人：张明"] for cell in line.split(" ")) + "\n"


@pytest.mark.parametrize("row_break", ["\n", " ", "cells"])
def test_each_lone_figure_is_the_rows_target(tmp_path: Path, row_break: str) -> None:
    text = _cells(HEAD + ROWS) if row_break == "cells" else _layout(HEAD + ROWS, row_break)
    project = only_project(run(tmp_path, text))
    rows = {i.name: i for i in project.indicators}
    assert set(rows) == {"改造摊位数量(个)", "新建公厕(座)", "工程验收合格率(%)", "项目完工时间",
                         "年新增交易额(万元)", "带动就业人数(人)", "商户满意度(%)"}
    for name, value in (("改造摊位数量(个)", "120"), ("工程验收合格率(%)", "98"), ("商户满意度(%)", "90"),
                        ("年新增交易额(万元)", "800")):
        target = rows[name].target
        assert target is not None and target.raw == value, name
        assert rows[name].score is None and rows[name].weight is None, name


@pytest.mark.parametrize("row_break", ["\n", " "])
def test_a_lone_level_label_is_the_rows_level(tmp_path: Path, row_break: str) -> None:
    project = only_project(run(tmp_path, _layout(HEAD + ROWS, row_break)))
    rows = {i.name: i for i in project.indicators}
    assert rows["年新增交易额(万元)"].level.startswith("效益")
    assert rows["带动就业人数(人)"].level.startswith("效益")
    assert rows["改造摊位数量(个)"].level == "产出/数量"


def test_a_scored_row_still_reads_its_score(tmp_path: Path) -> None:
    """Where the row prints target, result and 得分, the last figure stays the score."""
    rows = [*ROWS[:2], "质量指标 工程验收合格率(%) 98 100 20"]
    project = only_project(run(tmp_path, _layout(HEAD + rows, "\n")))
    row = next(i for i in project.indicators if i.name == "工程验收合格率(%)")
    assert row.target is not None and row.target.value == Decimal("98")
    assert row.score == Decimal("20")
