"""A bare figure takes the unit its indicator's name states: a name ending in the same figure and its unit
('项目总成本48.50万元' over a target cell of 48.50), and a narrative goal table's name with its unit in brackets
('人均补助标准（元）' over 1200). Made-up names and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from reportparse.parse.form.values import name_figure_unit
from reportparse.pipeline import check
from tests._textforms import only_project
from tests._workbooks import checked, sheet


@pytest.mark.parametrize(("name", "target", "unit"), [
    ("项目总成本48.50万元", "48.50", "万元"),
    ("设备采购成本12万元", "≤12", "万元"),
    ("新建道路长度1.2公里", "1.2", "公里"),
    ("项目总成本48.50万元", "50", None),  # (another figure: no unit is guessed)
    ("培训人次", "300", None),
])
def test_a_name_ending_in_its_figure_gives_the_unit(name: str, target: str, unit: str | None) -> None:
    assert name_figure_unit(name, target) == unit


def test_a_form_row_under_a_name_with_its_figure_is_money(tmp_path: Path) -> None:
    rows = [
        ["项目名称", "乡镇污水站运维", "", "", "", "", ""],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "60", "60", "58.2", "10", "97%", "9.7"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "运维站点数量", "12个", "12个", "20", "20"],
        ["产出指标", "成本指标", "运维总成本58.20万元", "58.20", "58.20", "20", "20"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10"],
    ]
    project = only_project(checked(tmp_path, sheet(rows)))
    cost = next(i for i in project.indicators if i.name.startswith("运维总成本"))
    assert cost.target is not None
    assert (cost.target.value, cost.target.unit) == (Decimal("582000"), "元")


def test_a_goal_table_name_with_its_unit_in_brackets(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("青溪县2022年困难群众临时救助项目绩效自评报告")
    document.add_paragraph("一、项目基本情况。该项目年初预算120万元，全年实际支出118万元，用于困难群众临时救助。")
    document.add_paragraph("二、绩效目标完成情况")
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate([["指标名称", "指标值", "完成值"], ["救助人次", "≥900人次", "980人次"],
                             ["人均救助标准（元）", "1200", "1200"], ["救助对象满意度", "≥90%", "95%"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "report.docx"
    document.save(path)
    result = check(path)
    assert result.report is not None
    indicators = [i for p in result.report.projects for i in p.indicators]
    standard = next(i for i in indicators if i.name.startswith("人均救助标准"))
    assert standard.target is not None and standard.target.unit == "元"
    assert standard.actuals and standard.actuals[0].unit == "元"
