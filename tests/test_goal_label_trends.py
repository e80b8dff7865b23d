"""A benefit or satisfaction label whose items are each a measure in words and how it moved
('社会效益指标：A有所提高；B明显改善'): each an indicator reported in words, with no target (parse/goallines.py)."""

from __future__ import annotations

from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def _report(*lines: str):  # type: ignore[no-untyped-def]
    return parse_narrative(_doc(
        "某县2023年城乡垃圾收运体系建设项目绩效自评报告",
        "一、项目基本情况",
        "项目预算资金260万元，全年执行258万元，执行率99.2%。",
        "二、绩效指标完成情况分析",
        "1、产出数量指标：新增垃圾收集点，年初指标值为不少于40个，全年实际完成值42个。",
        *lines,
    )).projects[0]


def test_each_item_of_a_benefit_label_is_an_indicator_in_words() -> None:
    project = _report("3、生态效益指标：村庄环境卫生状况明显改善；垃圾随意倾倒现象显著减少。",
                      "4.满意度指标：沿线村民对收运服务的认可程度进一步提升；保洁员工作积极性有所增强。")
    worded = {i.name: (i.level, i.target, [a.raw for a in i.actuals], i.in_goal_table) for i in project.indicators
              if i.level.startswith(("效益", "满意度"))}
    assert worded == {
        "村庄环境卫生状况": ("效益/生态效益", None, ["明显改善"], False),
        "垃圾随意倾倒现象": ("效益/生态效益", None, ["显著减少"], False),
        "沿线村民对收运服务的认可程度": ("满意度", None, ["进一步提升"], False),
        "保洁员工作积极性": ("满意度", None, ["有所增强"], False),
    }


def test_one_item_or_an_item_of_prose_is_no_list_of_indicators() -> None:
    for line in ("3、社会效益指标：农村人居环境有所改善。",
                 "3、社会效益指标：村容村貌有所改善；全年开展宣传活动6次，群众环保意识提高。",
                 "3、产出质量指标：收运车辆完好程度有所提高；垃圾日产日清程度明显提高。"):
        names = [i.name for i in _report(line).indicators]
        assert not any(n in names for n in ("农村人居环境", "村容村貌", "收运车辆完好程度", "垃圾日产日清程度")), \
            (line, names)


def _goal_lines(*lines: str):  # type: ignore[no-untyped-def]
    return parse_narrative(_doc(
        "某市2022年排水防涝设施建设补助资金绩效自评报告",
        "一、绩效目标",
        *lines,
        "二、资金情况",
        "项目预算资金500万元，全年执行500万元。",
    )).projects[0]


def test_an_item_in_words_among_measured_items_is_a_goal_row() -> None:
    project = _goal_lines("1.数量指标：新建雨水管网12公里；完善排水设施运行维护机制；改造易涝点位不少于8处。",
                          "2.质量指标：管网验收合格率100%；建立防汛应急联动制度。")
    rows = {i.name: (i.level, i.target, i.in_goal_table) for i in project.indicators}
    assert rows["完善排水设施运行维护机制"] == ("产出/数量", None, True)
    assert rows["建立防汛应急联动制度"] == ("产出/质量", None, True)
    assert rows["新建雨水管网"][1] is not None


def test_a_line_of_words_only_or_prose_gives_no_rows() -> None:
    project = _goal_lines("1.数量指标：加强排水设施日常管理；完善防汛应急预案。",
                          "2.质量指标：管网验收合格率100%；确保工程质量，做到安全生产、文明施工，不发生质量事故。")
    names = [i.name for i in project.indicators]
    assert not any(n.startswith(("加强排水", "完善防汛", "确保工程质量")) for n in names), names
