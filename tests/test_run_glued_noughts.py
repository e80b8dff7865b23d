"""A run-together 自评表 whose row holds a target and a result of nought glued ('…安全事故发生次数00'): no number
is written with a leading zero, so '00' is 0 | 0; a figure with noughts inside it ('5000吨', '2020') stays whole.
Built inputs, names and figures invented."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.parse.form.runtogether import split_cells
from tests._textforms import only_project, run

HEADER = "三级指标年度指标值实际完成值偏差原因分析及改进措施"


def test_two_noughts_are_a_target_and_a_result() -> None:
    cells = split_cells(HEADER + "质量指标冷链车辆安全事故发生次数00时效指标补助资金拨付及时率100%100%")
    assert cells[4:9] == ["质量指标", "冷链车辆安全事故发生次数", "0", "0", "时效指标"]


def test_noughts_inside_a_figure_stay_with_it() -> None:
    cells = split_cells(HEADER + "数量指标储备小麦3000吨3000吨质量指标2020年度抽检合格率100%100%")
    assert "3000吨" in cells and "0" not in cells


FORM = (
    "2022年度应急物资储备项目绩效自评表项目名称应急物资储备项目主管部门某县应急管理局实施单位某县物资储备站"
    "项目资金(万元)年初预算数全年预算数全年执行数执行率年度资金总额60606098%"
    "年度总体目标预期目标实际完成情况保障应急物资储备安全已完成"
    "一级指标二级指标三级指标年度指标值实际完成值偏差原因分析及改进措施"
    "产出指标数量指标帐篷储备数量≥500顶520顶质量指标储备物资霉变损毁件数00"
    "效益指标社会效益指标应急响应到位率100%100%满意度指标服务对象满意度指标受灾群众满意度≥90%95%\n"
)


def test_a_nought_row_of_a_form_reads_its_target_and_result(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, FORM))
    spoiled = next(i for i in project.indicators if "霉变损毁件数" in i.name)
    assert spoiled.target is not None and spoiled.target.value == Decimal(0)
    assert [a.value for a in spoiled.actuals] == [Decimal(0)]
    tents = next(i for i in project.indicators if "帐篷储备数量" in i.name)
    assert tents.target is not None and tents.target.value == Decimal(500)
