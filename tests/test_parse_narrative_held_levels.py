"""A goal set as a level to hold ('全市婚检率稳定在85%左右') is no result of itself (parse/goallists.py rate_lists), and
the analysis's result under the measure without the goal's place ('婚检率为94.99%') is that goal's (parse/goalstated.py
results_by_measure)."""

from __future__ import annotations

from decimal import Decimal

from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc, _indicator


def _project(goal: str, result: str):  # type: ignore[no-untyped-def]
    return parse_narrative(_doc(
        "某市2022年免费孕前优生健康检查民生工程绩效自评报告",
        "一、目标任务",
        goal,
        "二、完成情况",
        result,
        "三、资金情况",
        "项目预算资金300万元，全年执行300万元。",
    )).projects[0]


def test_a_level_to_hold_is_aimed_and_the_placeless_result_is_its_own() -> None:
    project = _project("年度目标任务有两项：一是到年底，全市孕检率保持在80%左右；"
                       "二是全市孕检高风险人群随访率达到90%以上。",
                       "全年免费检查5120对，孕检率为86.4%，高风险人群随访率达95.2%。")
    covered = _indicator(project, "全市孕检率")
    assert covered.target is not None and covered.target.value == Decimal("80")
    assert [a.value for a in covered.actuals] == [Decimal("86.4")]
    assert not any(i.name == "孕检率" for i in project.indicators)


def test_a_level_held_in_other_words_is_no_result_of_itself() -> None:
    project = _project("年度目标任务有两项：一是到2022年底，全县住院分娩率稳定在98%左右，保证分娩安全，"
                       "全县新生儿访视率达到90%以上；二是完成产科规范化建设。",
                       "全年住院分娩4210人，分娩率为99.1%，新生儿访视率达93%。")
    births = _indicator(project, "全县住院分娩率")
    assert births.target is not None and births.target.value == Decimal("98")
    assert Decimal("98") not in [a.value for a in births.actuals]
    assert [a.value for a in _indicator(project, "全县新生儿访视率").actuals] == [Decimal("93")]


def test_a_level_held_in_the_analysis_is_its_result() -> None:
    project = parse_narrative(_doc(
        "某县2022年集中供水工程运行维护项目绩效自评报告",
        "一、绩效目标",
        "年度目标：水质达标率不低于95%，供水保证率不低于90%。",
        "二、绩效目标完成情况分析",
        "全年水质达标率保持在98%，供水保证率稳定在96%。",
        "三、资金情况",
        "项目预算资金60万元，全年执行60万元。",
    )).projects[0]
    assert Decimal("98") in [a.value for a in _indicator(project, "水质达标率").actuals]
    assert Decimal("96") in [a.value for a in _indicator(project, "供水保证率").actuals]
