"""A 绩效目标表 prints its 中期资金总额 (the years of its 中期目标 together) beside the 年度资金总额: the year's
total is the budget, and the two are no conflicting figures. Made-up forms in two dumps: pipe rows, and one
cell a line with '|' lines between the cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.parse.form.labels import matches
from tests._textforms import amount, only_project, run


def test_a_mid_term_total_is_no_total_row() -> None:
    assert matches("budget.total_row", "年度资金总额:")
    assert not matches("budget.total_row", "中期资金总额:")
    assert not matches("budget.total_row", "中期资金总额")


PIPE = """项目支出绩效目标表 |
项目名称 | 某区智慧停车平台运维 |
主管部门及代码 | [101]某区城市管理局 | 实施单位 | 某区城市管理局 |
项目资金 (万元) |
中期资金总额: | 240.00 | 年度资金总额: | 80.00 |
其中:财政拨款 | 240.00 | 其中:财政拨款 | 80.00 |
一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 运维泊位数 | ≥3000个 | 数量指标 | 运维泊位数 | ≥3000个 |
"""

CELL_LINES = "\n|\n".join([
    "项目支出绩效目标表", "项目名称", "某镇污水管网维护项目",
    "主管部门及代码", "某县住建局", "实施单位", "某镇人民政府",
    "项目资金\n(万元)", "中期资金总额:", "96万", "年度资金总额:", "32万",
    "其中:财政拨款", "96万", "其中:财政拨款", "32万",
    "一级\n指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值",
    "产出指标", "数量指标", "维护管网长度", "≥12公里", "数量指标", "维护管网长度", "≥12公里",
]) + "\n|\n"


def test_the_years_total_is_the_budget(tmp_path: Path) -> None:
    for text, planned in ((PIPE, Decimal("800000")), (CELL_LINES, Decimal("320000"))):
        result = run(tmp_path, text)
        assert amount(only_project(result).budget.planned) == planned
        assert not [f for f in result.findings if f.code == "conflicting-figures"]


BLANK_LINE_CELLS = "\n\n".join([
    "项目支出绩效目标表", "项目名称", "某县农田灌溉设施管护项目",
    "主管部门及代码", "某县水利局", "实施单位", "某县水利局",
    "项目资金(万元)", "中期资金总额:", "150", "年度资金总额:", "50",
    "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值",
    "产出指标", "数量指标", "管护渠道长度", "≥45公里", "数量指标", "管护渠道长度", "≥15公里",
    "质量指标", "设施完好率", "≥90%", "质量指标", "设施完好率", "≥92%",
]) + "\n"


def test_mid_term_and_annual_indicators_side_by_side_are_one_row_each(tmp_path: Path) -> None:
    for text, names in ((CELL_LINES, ["维护管网长度"]), (BLANK_LINE_CELLS, ["管护渠道长度", "设施完好率"])):
        project = only_project(run(tmp_path, text))
        assert [i.name for i in project.indicators] == names


def _goal_form(sep: str) -> str:
    rows = [
        ["市级部门预算项目绩效目标表"],
        ["项目名称", "某区公园路灯节能改造"],
        ["部门名称", "某区城市管理局"],
        ["项目资金 (万元)", "年度资金总额", "36.5"],
        ["", "其中:财政拨款", "36.5"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "更换节能灯具", "420盏"],
    ]
    return "\n".join(sep.join(cells) for cells in rows) + "\n"


def test_the_block_label_beside_the_years_total_is_no_third_cell(tmp_path: Path) -> None:
    for sep in (" | ", "\t"):
        project = only_project(run(tmp_path, _goal_form(sep)))
        assert amount(project.budget.planned) == Decimal("365000")
