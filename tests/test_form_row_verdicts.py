"""A form without 分值/得分 columns closes each indicator row with a verdict in its last column ('达成预期指标'),
and prints its 二级 labels with their 一级 word and no 指标 ('产出数量', '产出质量'): flattened onto one line or
run together, the verdict ends its row and the label is a level, not a name's start. A verdict the row's 分值
and 得分 follow is the row's result. Made-up forms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import Indicator, Project
from tests._textforms import only_project, run

_HEAD = ("单位名称:某区水务局填报日期:2023年3月1日项目名称排涝泵站运行维护经费主管部门某区水务局项目实施单位某区排涝站"
         "预算执行情况(万元)资金来源预算数(A)执行数(B)执行率(B/A)一般预算内拨款4040100%合计4040100%")


def _by_name(project: Project) -> dict[str, Indicator]:
    return {i.name: i for i in project.indicators}


def test_a_preview_with_every_cell_run_together(tmp_path: Path) -> None:
    text = ("文档简介2022年度排涝泵站运行维护经费项目绩效自评表" + _HEAD
            + "年度绩效目标完成情况一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施"
            + "产出指标产出数量泵站维护座数12座12座达成预期指标闸门检修次数不少于4次达成预期指标"
            + "产出质量设备完好率不低于98%99%达成预期指标效益指标社会效益城区内涝点0处达成预期指标"
            + "满意度指标服务对象满意度沿线居民满意度≥90%部分达成预期指标\n")
    rows = _by_name(only_project(run(tmp_path, text)))
    assert {"泵站维护座数", "闸门检修次数", "设备完好率", "城区内涝点", "沿线居民满意度"} <= set(rows), list(rows)
    assert rows["闸门检修次数"].target is not None and rows["闸门检修次数"].target.comparator == ">="
    assert rows["设备完好率"].target is not None and rows["设备完好率"].target.value == Decimal("98")
    assert rows["城区内涝点"].level is not None and rows["城区内涝点"].level.endswith("社会效益")


def test_a_form_flattened_onto_one_line_with_spaces(tmp_path: Path) -> None:
    text = ("某区项目绩效自评表 项目名称 河湖保洁经费 主管部门 某区水务局 项目实施单位 某区河湖中心 "
            "预算执行情况(万元) 预算数(A) 执行数(B) 执行率(B/A) 合计 25 25 100% "
            "年度绩效目标完成情况 一级指标 二级指标 三级指标 年初目标值 实际完成值 未完成原因及改进措施 "
            "产出指标 产出数量 保洁水面面积 300公顷 300公顷 达成预期指标 保洁船只 6艘 达成预期指标 "
            "产出时效 垃圾清运及时率 100% 100% 达成预期指标 效益指标 生态效益 水质达标断面比例 ≥80% 达成预期指标\n")
    rows = _by_name(only_project(run(tmp_path, text)))
    assert {"保洁水面面积", "保洁船只", "垃圾清运及时率", "水质达标断面比例"} <= set(rows), list(rows)
    assert rows["保洁船只"].target is not None and (rows["保洁船只"].target.value, rows["保洁船只"].target.unit) == (
        Decimal("6"), "艘")


def test_a_verdict_the_row_s_scores_follow_is_its_result(tmp_path: Path) -> None:
    text = ("附件: 项目支出绩效自评表 (2022年度) 项目名称 社区服务补助 主管部门 某镇人民政府 实施单位 某镇人民政府 "
            "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 50 50 50 10 100% 10 "
            "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标(50分) 数量指标 补助社区数量 =6个 6 25 25 质量指标 补助发放合规性 合规 达成预期指标 25 25 "
            "总分 100 95\n")
    rows = _by_name(only_project(run(tmp_path, text)))
    assert rows["补助发放合规性"].score == Decimal("25") and "补助社区数量" in rows
