"""The prose adapter over the normaliser: one number reader, one unit table, the prose's own judgements."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.normalise import find_quantities
from reportparse.parse.quantities import find_mentions, money

# the units the narrative's old scanner and the normaliser used to read differently
SAME_AS_NORMALISER = [
    "修建道路 1200 米", "治理面积 30 公顷", "存储容量 2T", "发放大米 500 公斤", "购置设备 3 台",
    "培训 500 人次", "平均处置时间 16至24分钟", "满意度 90%-95%", "投入资金 19.96 万元",
    "全年数字化档案 126000 页", "安全责任事故 0 起", "每页加工成本 2.58元/页", "不超过半天",
]


@pytest.mark.parametrize("text", SAME_AS_NORMALISER)
def test_every_mention_is_the_normalisers_reading(text: str) -> None:
    mentions = find_mentions(text)
    matches = {m.number_start: m.quantity for m in find_quantities(text)}
    assert mentions
    for mention in mentions:
        quantity = matches[mention.start]
        assert (mention.value, mention.unit, mention.upper) == (quantity.value, quantity.unit, quantity.upper)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("修建道路 1200 米", "1.2", "公里"),
        ("治理面积 30 公顷", "450", "亩"),
        ("存储容量 2T", "2048", "GB"),
        ("发放大米 500 公斤", "0.5", "吨"),
        ("满意度达到百分之九十五", "95", "%"),
        ("半小时内到达现场", "0.5", "h"),
        ("二〇二一年完成验收", "2021", "年"),  # a year, not 1 年
        ("全年数字化档案 126000 页", "126000", "页"),
        ("每页加工成本 2.58元/页", "2.58", "元/页"),
    ],
)
def test_units_and_numerals_read_in_prose(text: str, value: str, unit: str) -> None:
    (mention,) = find_mentions(text)
    assert (mention.value, mention.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    "text",
    ["建立一个平台", "一部分群众", "一次性完成", "一年来", "第3季度", "2021年12月31日前完成", "（1）产出指标",
     "得分 95", "产出指标（50）"],
)
def test_no_measurement(text: str) -> None:
    assert find_mentions(text) == []


def test_a_count_written_in_chinese_is_kept() -> None:
    assert [(m.value, m.unit) for m in find_mentions("为一千二百户、三个村")] == [(1200, "户"), (3, "个")]


@pytest.mark.parametrize(
    ("text", "comparator", "target_style", "approx", "quoted"),
    [
        ("单集片长不少于 15 分钟", ">=", True, False, "不少于 15 分钟"),  # a requirement restated
        ("响应时间≤10 小时", "<=", True, False, "≤10 小时"),
        ("控制在 10 万元以内", "<=", True, False, "控制在 10 万元"),
        ("不得低于 95%", ">=", True, False, "不得低于 95%"),
        ("满意度为 95%", None, False, False, "95%"),  # 为 introduces a figure
        ("满意度达到 98%", None, False, False, "98%"),
        ("满意度为 95%以上", ">=", False, True, "95%"),
        ("培训超过 300 人次", ">", False, False, "超过 300 人次"),
        ("约 30 人参加", None, False, True, "30 人"),
        ("6000多人", None, False, True, "6000多人"),
    ],
)
def test_comparator_words_in_prose(text: str, comparator: str | None, target_style: bool, approx: bool,
                                   quoted: str) -> None:
    (mention,) = find_mentions(text)
    assert (mention.comparator, mention.target_style, mention.approx) == (comparator, target_style, approx)
    assert text[mention.cmp_start:mention.end] == quoted


def test_a_range_keeps_its_upper_bound() -> None:
    (mention,) = find_mentions("平均到场时间16至24分钟，较上年缩短")
    assert mention.raw == "16至24分钟"
    assert mention.upper == Decimal("0.4") and mention.value is not None and mention.value < mention.upper
    quantity = mention.quantity()
    assert (quantity.raw, quantity.upper) == ("16至24分钟", Decimal("0.4"))


def test_span_quotes_the_original_text() -> None:
    text = "全年支出 １２.５ 万元，占预算的 ９６％"
    spans = [(text[m.start:m.end], m.raw) for m in find_mentions(text)]
    assert spans == [("１２.５ 万元", "１２.５ 万元"), ("９６％", "９６％")]


def test_money_is_the_yuan_amounts() -> None:
    text = "全年预算 60 万元，执行 58.5 万元，执行率 97.5%，培训 300 人次"
    assert [m.value for m in money(text)] == [600000, 585000]
