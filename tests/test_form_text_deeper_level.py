"""A form row that prints one level label more than the header's level columns before its name ('效益指标
满意度指标 服务对象满意度指标 X 98% 98% 19.6'): the deeper label is a level, the indicator is the text after it.
Made-up forms, one flattened onto one line with spaces and a preview with every cell run together."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import Indicator, Project
from tests._textforms import only_project, run


def _row(project: Project, name: str) -> Indicator:
    found = [i for i in project.indicators if i.name == name]
    assert found, [i.name for i in project.indicators]
    return found[0]


def test_a_spaced_one_line_form(tmp_path: Path) -> None:
    text = ("某县项目支出绩效自评表 项目名称 河道巡查经费 主管部门 某县水利局 实施单位 某县河道站 "
            "项目资金(万元) 预算数 执行数 执行率 年度资金总额 20 20 100% "
            "绩效指标 一级指标 二级指标 三级指标 年初目标值 实际完成值 得分 "
            "产出指标 数量指标 巡查河段 12条 12条 30 "
            "效益指标 满意度指标 服务对象满意度指标 沿河群众满意度 95% 96% 20 总分 50\n")
    row = _row(only_project(run(tmp_path, text)), "沿河群众满意度")
    assert row.target is not None and (row.target.value, row.target.unit) == (Decimal("95"), "%")
    assert row.score == Decimal("20")


def test_a_preview_with_every_cell_run_together(tmp_path: Path) -> None:
    text = ("文档简介\n1、2022年度乡镇文化站免费开放项目绩效自评表单位名称:某县文化馆填报日期:2023年3月2日"
            "项目名称乡镇文化站免费开放主管部门某县文化和旅游局项目实施单位某县文化馆"
            "预算执行情况(万元)预算数(A)执行数(B)执行率(B/A)年度财政资金总额3030100%"
            "年度绩效目标一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
            "产出指标数量指标开放天数≥250天260天30"
            "效益指标满意度指标服务对象满意度指标读者满意率≥90%93%20总分50\n")
    row = _row(only_project(run(tmp_path, text)), "读者满意率")
    assert row.target is not None and (row.target.comparator, row.target.value) == (">=", Decimal("90"))
