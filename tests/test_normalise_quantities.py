"""Case tables for quantities in running text and for indicator targets."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.normalise import find_quantities, parse_actual, parse_quantity, parse_target

# (text, [(value, unit, comparator, approx, upper), ...])
QUANTITY_CASES: list[tuple[str, list[tuple[str, str | None, str | None, bool, str | None]]]] = [
    ("拍摄数量 ≥5部", [("5", "部", ">=", False, None)]),
    ("每年无故障运行时间大于 340 天", [("8160", "h", ">", False, None)]),
    ("累计不超过 72h", [("72", "h", "<=", False, None)]),
    ("不超过一周", [("168", "h", "<=", False, None)]),
    ("单集片长不少于15分钟", [("0.25", "h", ">=", False, None)]),
    ("2万元/部", [("20000", "元/部", None, False, None)]),
    ("≥100百分比", [("100", "%", ">=", False, None)]),
    ("预算 19.96 万元", [("199600", "元", None, False, None)]),
    ("≥ 95 ％", [("95", "%", ">=", False, None)]),
    ("满意度达 90%以上", [("90", "%", ">=", True, None)]),
    ("超 6000 人", [("6000", "人", ">", True, None)]),
    ("6000多人", [("6000", "人", None, True, None)]),
    ("1万余人次", [("10000", "人次", None, True, None)]),
    ("用电量60万度", [("600000", "度", None, False, None)]),
    ("2023年度一度停工", []),
    ("约５０人", [("50", "人", None, True, None)]),
    ("50人左右", [("50", "人", None, True, None)]),
    ("90%-95%", [("90", "%", None, False, "95")]),
    ("90-95%", [("90", "%", None, False, "95")]),
    ("3至5天", [("72", "h", None, False, "120")]),
    ("三到五个工作日", [("3", "工作日", None, False, "5")]),
    ("控制在 10 万元以内", [("100000", "元", "<=", False, None)]),
    ("在3个工作日内", [("3", "工作日", "<=", False, None)]),
    ("响应时间≤10 小时", [("10", "h", "<=", False, None)]),
    ("服务器带宽 不小于 150M", [("150", "Mbps", ">=", False, None)]),
    ("150Mbps", [("150", "Mbps", None, False, None)]),
    ("150兆", [("150", "Mbps", None, False, None)]),
    ("存储容量每台主机 600G", [("600", "GB", None, False, None)]),
    ("2T存储", [("2048", "GB", None, False, None)]),
    ("8VCPU ，16G 内存", [("8", "核", None, False, None), ("16", "GB", None, False, None)]),
    ("8C16G", [("8", "核", None, False, None), ("16", "GB", None, False, None)]),
    ("每秒请求数不少于 1 万", [("10000", None, ">=", False, None)]),
    ("10000次/秒", [("10000", "次/秒", None, False, None)]),
    ("云主机数量为 3 台", [("3", "台", "=", False, None)]),
    ("建设专线 1 条", [("1", "条", None, False, None)]),
    ("覆盖 139 个村、12 个乡镇", [("139", "个", None, False, None), ("12", "个", None, False, None)]),
    ("安全事故0起", [("0", "起", None, False, None)]),
    ("亿元投资 1.5亿元", [("150000000", "元", None, False, None)]),
    ("3千元", [("3000", "元", None, False, None)]),
    ("5‰", [("5", "‰", None, False, None)]),
    ("培训 500 人次，200 人", [("500", "人次", None, False, None), ("200", "人", None, False, None)]),
    ("服务期 3 年", [("3", "年", None, False, None)]),
    ("工期 6 个月", [("6", "月", None, False, None)]),
    ("全长 12.5 公里", [("12.5", "公里", None, False, None)]),
    ("≥120000页", [("120000", "页", ">=", False, None)]),
    ("不高于3元/页", [("3", "元/页", "<=", False, None)]),
    ("长 3 km", [("3", "公里", None, False, None)]),
    ("面积 300 平方米", [("300", "平方米", None, False, None)]),
    ("拍摄五部", [("5", "部", None, False, None)]),
    ("不少于三十五场", [("35", "场", ">=", False, None)]),
    ("一千二百户", [("1200", "户", None, False, None)]),
    ("两个平台", [("2", "个", None, False, None)]),
    ("累计不超过 12h。", [("12", "h", "<=", False, None)]),
    ("大于等于 98%", [("98", "%", ">=", False, None)]),
    ("低于5%", [("5", "%", "<", False, None)]),
    ("不低于5%", [("5", "%", ">=", False, None)]),
    ("-5%", [("-5", "%", None, False, None)]),
    # not quantities: dates, ordinals, numerals inside words
    ("2021年12月31日前完成", []),
    ("12月底前完成", []),
    ("第一书记", []),
    ("统一部署", []),
    ("一部分群众", []),
    ("一次性完成", []),
    ("党的十九大精神", []),
    ("十分重要", []),
    ("2021 年，市财政", []),
    ("1、预算执行情况（10 分）", [("10", "分", None, False, None)]),
    ("（1）产出指标", []),
    ("一、基本情况", []),
    ("产出指标（50）", [("50", None, None, False, None)]),
    ("不少于 30 分钟", [("0.5", "h", ">=", False, None)]),
    ("达到百分之九十五", [("95", "%", ">=", False, None)]),
    ("百分之百完成", [("100", "%", None, False, None)]),
    ("千分之五", [("5", "‰", None, False, None)]),
    ("合同金额￥10,000.00", [("10000", "元", None, False, None)]),
    ("两千余人", [("2000", "人", None, True, None)]),
    ("十余个", [("10", "个", None, True, None)]),
    ("每年 2 次/年", [("2", "次/年", None, False, None)]),
    ("半小时内到达现场", [("0.5", "h", "<=", False, None)]),
    ("不超过半天", [("12", "h", "<=", False, None)]),
    ("1个半小时", [("1.5", "h", None, False, None)]),
    ("服务期一年半", [("1.5", "年", None, False, None)]),
    ("上半年完成", []),
    ("过半数", []),
    ("3.2 绩效分析", []),
    ("概述\n3.2.1 产出指标", []),
    ("5.45 万元", [("54500", "元", None, False, None)]),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITY_CASES, ids=[c[0] for c in QUANTITY_CASES])
def test_find_quantities(text: str, expected: list[tuple[str, str | None, str | None, bool, str | None]]) -> None:
    got = [
        (m.quantity.value, m.quantity.unit, m.comparator, m.quantity.approx, m.quantity.upper)
        for m in find_quantities(text)
    ]
    want = [
        (Decimal(v), u, c, a, Decimal(up) if up is not None else None) for v, u, c, a, up in expected
    ]
    assert got == want


def test_match_span_quotes_the_original_text() -> None:
    text = "服务器带宽 不小于 １５０M，云主机数量 3 台"
    matches = find_quantities(text)
    assert [text[m.start:m.end] for m in matches] == ["不小于 １５０M", "3 台"]
    assert matches[0].quantity.raw == "不小于 １５０M"


@pytest.mark.parametrize(
    ("text", "number", "words"),
    [
        ("不少于 15 分钟左右", "15 分钟", ("不少于",)),
        ("满意度为 95%以上", "95%", ("为", "以上")),
        ("平均 16至24分钟", "16至24分钟", ()),
        ("约 30 人", "30 人", ()),
    ],
)
def test_number_span_and_comparator_words(text: str, number: str, words: tuple[str, ...]) -> None:
    (match,) = find_quantities(text)
    assert text[match.number_start:match.number_end] == number
    assert match.comparator_words == words
    assert match.start <= match.number_start < match.number_end <= match.end


def test_parse_actual_keeps_a_range() -> None:
    actual = parse_actual("16至24分钟")
    assert (actual.value, actual.upper, actual.unit) == (Decimal(16) / 60, Decimal("0.4"), "h")
    bare = parse_actual("90-95", unit_hint="%")
    assert (bare.value, bare.upper, bare.unit) == (90, 95, "%")


PARSE_QUANTITY_CASES = [
    ("89.974", "万元", "899740", "元"), ("90", "%", "90", "%"), ("100%", "万元", "100", "%"),
    ("7", None, "7", None), ("5.45", "万元", "54500", "元"), ("12", "天", "288", "h"),
]


@pytest.mark.parametrize(("text", "default_unit", "value", "unit"), PARSE_QUANTITY_CASES,
                         ids=[f"{c[0]}|{c[1]}" for c in PARSE_QUANTITY_CASES])
def test_parse_quantity_default_unit(text: str, default_unit: str | None, value: str, unit: str | None) -> None:
    quantity = parse_quantity(text, default_unit)
    assert quantity is not None
    assert (quantity.value, quantity.unit) == (Decimal(value), unit)


def test_parse_quantity_none() -> None:
    assert parse_quantity("效果显著") is None
    assert parse_quantity("") is None


# (text, level, name, unit_hint) → (comparator, value, unit, bare_number, vague, approx)
TARGET_CASES: list[tuple[tuple[str, str | None, str | None, str | None],
                         tuple[str, str | None, str | None, bool, bool, bool]]] = [
    (("每年无故障运行时间大于 340 天", "产出/质量", None, None), (">", "8160", "h", False, False, False)),
    (("累计不超过 72h", "产出/质量", None, None), ("<=", "72", "h", False, False, False)),
    (("单方面线路中断时间每年累计不超过一周", "产出/质量", None, None), ("<=", "168", "h", False, False, False)),
    (("单集片长不少于15分钟", "产出/质量", None, None), (">=", "0.25", "h", False, False, False)),
    (("2万元/部", "产出/成本", "电教片成本", None), ("<=", "20000", "元/部", True, False, False)),
    (("≥100百分比", "产出/质量", None, None), (">=", "100", "%", False, False, False)),
    (("19.96 万元", "产出/成本", None, None), ("<=", "199600", "元", True, False, False)),
    (("19.96 万元", "产出/数量", "项目经费", None), ("=", "199600", "元", True, False, False)),
    (("19.96 万元", "产出/数量", "维护费用", None), ("<=", "199600", "元", True, False, False)),
    (("≤90万元", "产出/成本", None, None), ("<=", "900000", "元", False, False, False)),
    (("≥90万元", "产出/成本", None, None), (">=", "900000", "元", False, False, False)),
    (("≥5部", "产出/数量", None, None), (">=", "5", "部", False, False, False)),
    (("1", "产出/数量", None, None), ("=", "1", None, True, False, False)),
    (("1", "产出/数量", None, "个"), ("=", "1", "个", True, False, False)),
    (("90", "满意度", None, "%"), ("=", "90", "%", True, False, False)),
    (("15", "产出/成本", None, "万元"), ("<=", "150000", "元", True, False, False)),
    (("90%", "满意度", None, None), ("=", "90", "%", True, False, False)),
    (("≥95%", "满意度", None, None), (">=", "95", "%", False, False, False)),
    (("95%以上", "满意度", None, None), (">=", "95", "%", False, False, True)),
    (("约100人", "产出/数量", None, None), ("=", "100", "人", True, False, True)),
    (("市远程办平台维护完成率 100%", "产出/数量", None, None), ("=", "100", "%", True, False, False)),
    (("效果显著", "效益/社会效益", None, None), ("qualitative", None, None, False, False, False)),
    (("有效提升", "效益/社会效益", None, None), ("qualitative", None, None, False, False, False)),
    (("长期", "效益/可持续影响", None, None), ("qualitative", None, None, False, False, False)),
    (("及时", "产出/时效", None, None), ("qualitative", None, None, False, False, False)),
    (("", "产出/质量", None, None), ("qualitative", None, None, False, False, False)),
    (("有所提升", "效益/社会效益", None, None), ("qualitative", None, None, False, True, False)),
    (("进一步完善管理制度", "效益/可持续影响", None, None), ("qualitative", None, None, False, True, False)),
    (("逐步提高群众满意度", "满意度", None, None), ("qualitative", None, None, False, True, False)),
    (("环境明显改善", "效益/生态效益", None, None), ("qualitative", None, None, False, True, False)),
    (("12月底前完成", "产出/时效", None, None), ("qualitative", None, None, False, False, False)),
    (("不超过3个工作日", "产出/时效", None, None), ("<=", "3", "工作日", False, False, False)),
    (("＝3台", "产出/数量", None, None), ("=", "3", "台", False, False, False)),
    (("﹦1项", "产出/数量", None, None), ("=", "1", "项", False, False, False)),
    (("≥500", "产出/数量", None, "人数"), (">=", "500", "人", False, False, False)),
    (("≤3", "产出/时效", None, "天数"), ("<=", "72", "h", False, False, False)),
    (("≥98", "产出/质量", None, "百分率"), (">=", "98", "%", False, False, False)),
    (("≥98", "产出/质量", None, "是/否"), (">=", "98", "是/否", False, False, False)),
    (("逐年提高", "效益/可持续影响", None, None), ("qualitative", None, None, False, True, False)),
    (("县级以上医院覆盖率 100%", "产出/数量", None, None), ("=", "100", "%", True, False, False)),
    (("≥：95%", "满意度", None, None), (">=", "95", "%", False, False, False)),
    (("不低于（95%）", "满意度", None, None), (">=", "95", "%", False, False, False)),
]


@pytest.mark.parametrize(("args", "expected"), TARGET_CASES, ids=[f"{c[0][0]}|{c[0][1]}" for c in TARGET_CASES])
def test_parse_target(args: tuple[str, str | None, str | None, str | None],
                      expected: tuple[str, str | None, str | None, bool, bool, bool]) -> None:
    text, level, name, hint = args
    target = parse_target(text, level=level, name=name, unit_hint=hint)
    comparator, value, unit, bare, vague, approx = expected
    assert target.raw == text
    assert (target.comparator, target.value, target.unit) == (
        comparator, Decimal(value) if value is not None else None, unit)
    assert (target.bare_number, target.vague, target.approx) == (bare, vague, approx)


# (text, unit_hint) → (kind, value, unit, comparator, approx)
ACTUAL_CASES: list[tuple[tuple[str, str | None], tuple[str, str | None, str | None, str | None, bool]]] = [
    (("4部", None), ("measured", "4", "部", None, False)),
    (("90%以上", None), ("measured", "90", "%", ">=", True)),
    (("95%（含）以上", None), ("measured", "95", "%", ">=", True)),
    (("服务对象满意度达 98%", None), ("measured", "98", "%", None, False)),
    (("90", "%"), ("measured", "90", "%", None, False)),
    (("89.974", "万元"), ("measured", "899740", "元", None, False)),
    (("满意度普遍较高", None), ("qualitative", None, None, "qualitative", False)),
    (("达成预期指标", None), ("qualitative", None, None, "qualitative", False)),
    (("", None), ("empty", None, None, None, False)),
    (("  ", "%"), ("empty", None, None, None, False)),
]


@pytest.mark.parametrize(("args", "expected"), ACTUAL_CASES, ids=[f"{c[0][0]}|{c[0][1]}" for c in ACTUAL_CASES])
def test_parse_actual(args: tuple[str, str | None],
                      expected: tuple[str, str | None, str | None, str | None, bool]) -> None:
    actual = parse_actual(args[0], unit_hint=args[1], origin="table")
    kind, value, unit, comparator, approx = expected
    assert (actual.kind, actual.value, actual.unit, actual.comparator, actual.approx) == (
        kind, Decimal(value) if value is not None else None, unit, comparator, approx)
    assert actual.origin == "table" and actual.raw == args[0]


def test_a_figure_with_its_own_multiplier_takes_only_the_base_of_a_default_unit() -> None:
    from reportparse.normalise import parse_quantity, parse_target

    assert parse_quantity("150万", default_unit="万元").value == Decimal(1500000)
    assert parse_quantity("150", default_unit="万元").value == Decimal(1500000)
    assert parse_quantity("1.2万", default_unit="人").value == Decimal(12000)
    cost = parse_target("150万", level="产出/成本", name="运行维护费", unit_hint="万元")
    assert (cost.comparator, cost.value, cost.unit) == ("<=", Decimal(1500000), "元")


@pytest.mark.parametrize("written", [
    "2022.3.1-11.30", "2021.01-2021.12", "2022/5/20", "2023.4.1—2023.10.31", "2022．6．30前完成",
])
def test_a_date_written_with_dots_or_slashes_is_a_time_not_a_number(written: str) -> None:
    target = parse_target(written)
    assert (target.comparator, target.value) == ("qualitative", None)
    assert parse_actual(written).kind == "qualitative"


@pytest.mark.parametrize(("written", "value"), [
    ("2020.12万元", "20201200"), ("≥2023.5", "2023.5"), ("2021.8", "2021.8")])
def test_a_decimal_that_starts_like_a_year_is_still_a_number(written: str, value: str) -> None:
    assert parse_target(written).value == Decimal(value)
