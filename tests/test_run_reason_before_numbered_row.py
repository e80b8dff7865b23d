"""A run-together 自评表 whose row ends in its glued 分值/得分 pair and a 偏差原因 that runs into the next row's
numbered name ('…按时限办理43个别事项办理超时任务2:…'): the reason is the row's, the number opens the next row, and
a reason opening with 个别 is no count in 个 ('43个别…' is 4 | 3, then the reason). Built inputs, names and figures
invented, read end to end through `pipeline.check`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.parse.form.runcells import FIGURE
from tests._textforms import codes, indicator, only_project, run

# a department-wide form: 分解目标 | 自评权重 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 分值 | 得分 |
# 偏差及原因分析
DEPARTMENT = (
    "1、河东街道卫生服务中心整体支出绩效自评表(2022年度)评价部门名称某县河东街道卫生服务中心下属单位个数1"
    "整体支出规模全年预算数全年执行数执行率资金来源:(1)财政拨款99.10%年度总体目标年初设定目标全年完成情况保障中心正常运转"
    "分解目标自评权重二级指标三级指标年度指标值全年完成值分值得分偏差及原因分析"
    "管理指标10预算编审管理编制准确率100%100%55信息公开管理公开及时率100%按规定公开55\n"
    "2、产出指标20时效指标任务1:病历归档及时率按时限办理43个别科室归档延迟任务2:随访记录录入率按时限录入76"
    "录入有延迟效果指标20社会效益指标居民满意度90%以上94%2020\n"
)

# a project form: 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
PROJECT = (
    "1、2023年农村饮水安全巩固项目绩效自评表项目名称农村饮水安全巩固项目主管部门某县水利局实施单位某县农村供水站"
    "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额12012012010100%10"
    "年度总体目标预期目标实际完成情况巩固农村饮水安全已完成"
    "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"
    "产出指标数量指标指标1:维修供水管网40公里40公里2020质量指标指标1:水质抽检合格率按标准检测85"
    "个别村水样复检指标2:供水工程验收合格率100%100%1010\n"
    "2、效益指标社会效益指标指标1:受益人口≥5000人5200人3030满意度指标服务对象满意度指标指标1:群众满意度≥90%93%1010"
    "总分10093\n"
)


def test_a_reason_opening_with_geibie_is_no_count() -> None:
    figure = FIGURE.match("43个别科室归档延迟")
    assert figure is not None and figure.group(0) == "43"
    assert FIGURE.match("43个村").group(0) == "43个"  # type: ignore[union-attr]


def test_a_department_rows_reason_before_the_next_numbered_row(tmp_path: Path) -> None:
    result = run(tmp_path, DEPARTMENT)
    project = only_project(result)
    archive = indicator(project, "病历归档及时率")
    assert (archive.weight, archive.score) == (Decimal(4), Decimal(3))
    assert archive.deviation_reason == "个别科室归档延迟"
    follow = indicator(project, "随访记录录入率")
    assert (follow.weight, follow.score) == (Decimal(7), Decimal(6))
    assert not any("个别" in i.name for i in project.indicators)
    assert "deviation-reason-missing" not in codes(result)


def test_a_project_rows_reason_before_the_next_numbered_row(tmp_path: Path) -> None:
    result = run(tmp_path, PROJECT)
    project = only_project(result)
    water = indicator(project, "水质抽检合格率")
    assert (water.weight, water.score) == (Decimal(8), Decimal(5))
    assert water.deviation_reason == "个别村水样复检"
    accepted = indicator(project, "供水工程验收合格率")
    assert (accepted.weight, accepted.score) == (Decimal(10), Decimal(10))
    assert accepted.target is not None and accepted.target.value == Decimal(100)
