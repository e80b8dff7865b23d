"""部门整体支出 (department-wide) self-evaluation forms whose text dump ran every cell together (a
DOCX preview on a document-sharing site): no 项目名称 block, the department's own 一级 labels
(管理指标, 效果指标) with their weights glued on, rows whose result is a text ('按规定执行') between a
rate and a glued 分值/得分 pair, the Chongqing template whose 指标值 | 权重 | 完成值 | 得分 figures are
printed with no separator at all, and the Guizhou budget block by 基本支出 / 项目支出. Built inputs in
those shapes (units, names and figures invented), read end to end through `pipeline.check`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.parse.form.runtogether import glued_figures, split_cells
from tests._textforms import codes, indicator, only_project, run

# the Jiangxi 整体支出 template: 分解目标 | 自评权重 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 分值 | 得分 |
# 偏差及原因分析
JIANGXI = (
    "1、城南社区服务中心整体支出绩效自评表(2022年度)评价部门名称某县城南社区服务中心下属单位个数2整体支出规模"
    "全年预算数全年执行数执行率资金来源:(1)财政拨款98.50%年度总体目标年初设定目标全年完成情况保障中心正常运转"
    "分解目标自评权重二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析"
    "管理指标20预算编审管理编制准确率100%100%55信息公开管理公开及时率100%按规定公开55"
    "政府采购管理执行率100%96%55资产管理资产完好率95%以上97%55\n"
    "2、产出指标30数量指标任务1:服务居民人次8000人次8600人次1515时效指标任务1:服务办结及时率100%按时限办理1512"
    "部分事项办理超时效果指标30社会效益指标居民满意度90%以上93%3030\n"
)


def test_department_rows_read_under_the_department_levels(tmp_path: Path) -> None:
    result = run(tmp_path, JIANGXI)
    project = only_project(result)
    assert "城南社区服务中心" in project.name  # (named from the form's title, '…整体支出绩效自评表')
    accuracy = indicator(project, "编制准确率")
    assert accuracy.target is not None and accuracy.target.value == Decimal(100)
    assert (accuracy.weight, accuracy.score) == (Decimal(5), Decimal(5))
    # a column word inside an indicator's name ('执行率') is part of it among the rows
    procurement = indicator(project, "政府采购管理执行率")
    assert [a.value for a in procurement.actuals] == [Decimal(96)]
    # a rate before a text result and its glued 分值/得分
    disclosure = indicator(project, "公开及时率")
    assert disclosure.target is not None and disclosure.target.value == Decimal(100)
    assert [a.raw for a in disclosure.actuals] == ["按规定公开"]
    assert indicator(project, "服务居民人次").score == Decimal(15)


def test_a_text_after_a_rows_pair_before_a_label_is_its_reason(tmp_path: Path) -> None:
    result = run(tmp_path, JIANGXI)
    timely = indicator(only_project(result), "服务办结及时率")
    assert (timely.weight, timely.score) == (Decimal(15), Decimal(12))
    assert timely.deviation_reason == "部分事项办理超时"
    assert "deviation-reason-missing" not in codes(result)


def test_a_department_level_label_keeps_its_weight_as_a_cell() -> None:
    cells = split_cells("三级指标年度指标值全年完成值分值得分偏差及原因分析管理指标20预算编审管理编制准确率100%100%55")
    assert cells[6:] == ["管理指标(20分)", "预算编审管理编制准确率", "100%", "100%", "5", "5"]


# ---- the Chongqing template: 指标名称 | 计量单位 | 指标性质 | 指标值 | 指标权重 | 全年完成值 | 指标得分 | 说明 -------

def test_glued_row_figures_are_read_only_when_one_reading_fits() -> None:
    columns = ("target", "weight", "actual", "score")
    assert glued_figures("951010010", columns, percent=True) == ["95", "10", "100", "10"]
    # 32|10|9|10 or 32|10|91|0: two readings, no guess
    assert glued_figures("3210910", columns) is None
    # 0.8|10|0|10 or 0.8|100|1|0: the rows before weigh 10
    assert glued_figures("0.810010", columns, percent=True) is None
    assert glued_figures("0.810010", columns, percent=True, weights=("10",)) == ["0.8", "10", "0", "10"]


CHONGQING = (
    "1、某县水利局2023年度部门整体绩效自评表主管部门某县水利局部门联系人王五联系电话自评总分(分)96.5"
    "年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分\n"
    "2、绩效指标指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明"
    "河道巡查任务完成率%951010010新建堤防长度公里3210910水土流失治理受灾率%0.810010公益宣传\n"
)


def test_a_chongqing_form_with_glued_figures(tmp_path: Path) -> None:
    result = run(tmp_path, CHONGQING)
    project = only_project(result)
    assert "某县水利局" in project.name
    patrol = indicator(project, "河道巡查任务完成率")
    assert patrol.target is not None and (patrol.target.value, patrol.target.unit) == (Decimal(95), "%")
    assert [a.value for a in patrol.actuals] == [Decimal(100)]
    assert (patrol.weight, patrol.score) == (Decimal(10), Decimal(10))
    # the ambiguous row stays unread rather than made up
    levee = indicator(project, "新建堤防长度")
    assert levee.weight is None and levee.target is not None and levee.target.value is None
    # a harm rate is a ceiling: 0 against ≤0.8% scored in full is no finding
    damage = indicator(project, "受灾率")
    assert (damage.weight, damage.score) == (Decimal(10), Decimal(10))
    assert codes(result) == []


# ---- the Guizhou 部门整体支出绩效自评表: 部门(单位)总体资金 by 基本支出 / 项目支出 -------------------------

GUIZHOU = (
    "1、部门整体支出绩效自评表单位(盖章):某县东山镇人民政府填报日期:2023年2月1日部门(单位)名称某县东山镇人民政府"
    "部门(单位)总体资金(万元)资金来源年初预算数(A)全年执行数(B)分值(10分)得分得分计算方法"
    "年度资金总额:800.00846.401010执行率*该指标分值,最高不得超过分值上限。基本支出600.00590.201010"
    "项目支出200.00256.201010其他年度总体目标年初设定目标年度总体目标完成情况保障机关正常运转较好地完成本年工作任务"
    "绩效指标一级指标二级指标三级指标年度指标值(A)全年实际值(B)分值得分\n"
)


def test_a_department_budget_block_by_basic_and_project_spending(tmp_path: Path) -> None:
    result = run(tmp_path, GUIZHOU)
    project = only_project(result)
    assert project.name == "某县东山镇人民政府部门整体支出"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal("8000000")
    assert project.budget.executed is not None and project.budget.executed.value == Decimal("8464000")
    assert "over-executed" in codes(result)
