"""Goals a narrative states as '<X>：指标值为…' with a remark before the result, an approximate result, a date aimed at,
and a design described 'once built' that is no result (parse/goalpaired.py, parse/actuals.py)."""

from __future__ import annotations

from decimal import Decimal

from reportparse.parse.goalpaired import paired_statements
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc, _indicator

STREETS = _doc(
    "某区2022年背街小巷改造项目绩效自评报告",
    "一、绩效目标完成情况分析",
    "（一）资金投入情况分析。",
    "本项目下达资金600万元，已全部支付。",
    "（二）总体绩效目标完成情况分析。",
    "项目建成后将形成一条长约3公里、绿化面积5000平方米的步行街区，方便周边居民出行。",
    "（三）绩效指标完成情况分析。",
    "改造巷道长度：指标值为“约2公里”，因两条巷道并入改造范围，全年实际完成值约2.6公里；",
    "新增绿化面积：指标值为“800平方米”，完成值为820平方米；",
    "路灯亮灯率：指标值为“95%”，所换灯具均为节能产品，经夜间巡查，完成值为98%；",
    "竣工日期：指标值为“2022年11月30日”，全年实际完成值为0，原因是雨季停工；",
    "居民满意度：指标值为“90%”，各社区均已回访，完成值为93%。",
)

PARK = _doc(
    "某镇2023年口袋公园建设项目支出绩效自评报告",
    "一、项目基本情况",
    "项目预算80万元，执行80万元。",
    "二、绩效指标完成情况",
    "1.产出数量指标：第一，口袋公园建设个数，年初指标值为4个，全年实际完成值4个。",
    "2.产出时效指标：公园开放时间，年初指标值为2023年10月底前，实际提前半个月开放。",
)


def test_result_after_a_remark_and_an_approximate_result() -> None:
    project = parse_narrative(STREETS).projects[0]
    lanes = _indicator(project, "改造巷道长度")
    assert lanes.target is not None and lanes.target.value == Decimal("2") and lanes.target.unit == "公里"
    assert [(a.value, a.approx) for a in lanes.actuals] == [(Decimal("2.6"), True)]
    lights = _indicator(project, "路灯亮灯率")
    assert [a.value for a in lights.actuals] == [Decimal("98")]
    assert [a.value for a in _indicator(project, "绿化面积").actuals] == [Decimal("820")]
    assert [a.value for a in _indicator(project, "居民满意度").actuals] == [Decimal("93")]


def test_a_remark_with_a_figure_or_another_aim_is_no_remark() -> None:
    # (the figure between may be a part of the aim or another measure: the result after it is not surely the aim's)
    for text in ("安装路灯：指标值为“120盏”，其中太阳能路灯40盏，完成值为126盏。",
                 "培训人数：指标值为“300人”，另设考核合格率目标值95%，完成值为310人。"):
        said = paired_statements(_doc(text).elements[0])  # type: ignore[arg-type]
        assert said and said[0].actuals == [], text


def test_a_date_aimed_at_is_a_worded_target_and_a_zero_no_result() -> None:
    project = parse_narrative(STREETS).projects[0]
    done = _indicator(project, "竣工日期")
    assert done.level == "产出/时效" and done.target is not None
    assert done.target.comparator == "qualitative" and done.target.raw == "2022年11月30日"
    assert done.actuals == []
    opened = _indicator(parse_narrative(PARK).projects[0], "公园开放时间")
    assert opened.target is not None and opened.target.raw == "2023年10月底前"
    assert [a.kind for a in opened.actuals] == ["qualitative"] and "提前" in (opened.actuals[0].raw or "")


def test_a_design_once_built_is_no_result() -> None:
    project = parse_narrative(STREETS).projects[0]
    lanes = _indicator(project, "改造巷道长度")
    greened = _indicator(project, "绿化面积")
    assert Decimal("3") not in [a.value for a in lanes.actuals]
    assert Decimal("5000") not in [a.value for a in greened.actuals]


def test_a_sentence_of_the_setting_in_the_overview_is_no_result() -> None:
    project = parse_narrative(_doc(
        "某县2023年坡耕地水土流失综合治理项目绩效评价报告",
        "一、项目概况",
        "（一）项目基本情况",
        "某县地处山区，全县幅员面积2150平方公里，水土流失面积860平方公里，辖区内坡耕地占比高。",
        "（二）项目绩效目标",
        "规划治理水土流失面积15平方公里，新建谷坊12座。",
        "二、项目资金使用情况",
        "项目预算900万元，全年执行880万元。",
    )).projects[0]
    eroded = _indicator(project, "治理水土流失面积")
    assert eroded.target is not None and eroded.target.value == Decimal("15")
    assert not {Decimal("2150"), Decimal("860")} & {a.value for a in eroded.actuals}


def test_a_result_measured_once_built_is_a_result() -> None:
    project = parse_narrative(_doc(
        "某镇2022年农村供水工程项目绩效自评报告",
        "一、绩效目标",
        "年度目标：水质检测合格率不低于95%。",
        "二、绩效目标完成情况分析",
        "工程竣工后经县疾控中心抽检，水质检测合格率为98%。",
        "三、资金情况",
        "项目预算资金300万元，全年执行300万元。",
    )).projects[0]
    assert Decimal("98") in [a.value for a in _indicator(project, "水质检测合格率").actuals]


def test_the_place_told_in_the_overview_gives_no_result_in_other_words() -> None:
    project = parse_narrative(_doc(
        "某县2023年农村饮水安全巩固提升项目绩效评价报告",
        "一、项目概况",
        "某县位于省境西南部，辖区总人口32万人，农村供水受益人口18万人。",
        "（二）项目绩效目标",
        "计划新增供水受益人口1.2万人，新建水厂2座。",
        "二、项目资金使用情况",
        "项目预算600万元，全年执行600万元。",
    )).projects[0]
    served = _indicator(project, "供水受益人口")
    assert served.target is not None and served.target.value == Decimal("12000")
    assert not {Decimal("320000"), Decimal("180000")} & {a.value for a in served.actuals}
