"""Case tables for numbers, comparators, units and conversions."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.normalise import convert, parse_comparator, parse_number, unit_family

NUMBER_CASES = [
    # (text, expected)
    ("5", "5"), ("95", "95"), ("1,234", "1234"), ("1,234,567.89", "1234567.89"), ("89.974", "89.974"),
    ("０.５", "0.5"), ("１２３", "123"), ("１，２３４", "1"), ("五", "5"), ("两", "2"), ("十", "10"),
    ("十二", "12"), ("二十", "20"), ("三十五", "35"), ("一百零五", "105"), ("一千二百", "1200"),
    ("一千二", "1200"), ("两万五", "25000"), ("一万零五百", "10500"), ("三亿五千万", "350000000"),
    ("〇", "0"), ("零", "0"), ("二〇二一", "2021"), ("三点五", "3.5"), ("壹拾贰", "12"),
    ("1.2万", "12000"), ("3千万", "30000000"), ("2亿", "200000000"), ("6000多", "6000"),
    ("约50人", "50"), ("-3", "-3"), ("19.96万元", "199600"), ("共计41.03万元", "410300"),
    ("没有数字", None), ("", None), ("百", None),
]


@pytest.mark.parametrize(("text", "expected"), NUMBER_CASES, ids=[c[0] or "empty" for c in NUMBER_CASES])
def test_parse_number(text: str, expected: str | None) -> None:
    result = parse_number(text)
    assert result == (Decimal(expected) if expected is not None else None)


COMPARATOR_CASES = [
    ("≥", ">="), ("≧95%", ">="), (">=90", ">="), ("不少于5部", ">="), ("不低于95%", ">="), ("至少3次", ">="),
    ("达到100%", ">="), ("95%以上", ">="), ("大于等于", ">="), ("＞", ">"), ("大于340天", ">"), ("高于", ">"),
    ("超过100人", ">"), ("≤", "<="), ("≦", "<="), ("<=5", "<="), ("不超过一周", "<="), ("不高于", "<="),
    ("不大于3", "<="), ("控制在10万元以内", "<="), ("3天以内", "<="), ("5%以下", "<="), ("＜", "<"),
    ("⩾95%", ">="), ("⩽3天", "<="),
    ("小于", "<"), ("低于5%", "<"), ("少于3次", "<"), ("=", "="), ("＝", "="), ("﹦", "="), ("等于", "="),
    ("定性", "qualitative"), ("正向", ">="), ("反向", "<="), ("效果显著", None), ("", None),
]


@pytest.mark.parametrize(("text", "expected"), COMPARATOR_CASES, ids=[c[0] or "empty" for c in COMPARATOR_CASES])
def test_parse_comparator(text: str, expected: str | None) -> None:
    assert parse_comparator(text) == expected


FAMILY_CASES = [
    ("元", "money"), ("万元", "money"), ("亿元", "money"), ("h", "duration"), ("天", "duration"),
    ("分钟", "duration"), ("周", "duration"), ("月", "month"), ("个月", "month"), ("年", "year"),
    ("工作日", "workday"), ("%", "percent"), ("‰", "percent"), ("百分比", "percent"), ("Mbps", "bandwidth"),
    ("M", "bandwidth"), ("GB", "storage"), ("TB", "storage"), ("核", "cpu"), ("部", "count:部"),
    ("人", "count:人"), ("人次", "count:人次"), ("名", "count:人"), ("元/部", "money/部"),
    ("万元/部", "money/部"), ("次/秒", "count:次/秒"), (None, "none"), ("米", "length"), ("㎡", "area"),
]


@pytest.mark.parametrize(("unit", "family"), FAMILY_CASES, ids=[str(c[0]) for c in FAMILY_CASES])
def test_unit_family(unit: str | None, family: str) -> None:
    assert unit_family(unit) == family


CONVERT_CASES = [
    ("19.96", "万元", "元", "199600"), ("1", "亿元", "万元", "10000"), ("5", "千元", "元", "5000"),
    ("1", "天", "h", "24"), ("15", "分钟", "h", "0.25"), ("1", "周", "天", "7"), ("2", "小时", "分钟", "120"),
    ("5", "‰", "%", "0.5"), ("1", "T", "GB", "1024"), ("1", "Gbps", "Mbps", "1000"),
    ("2", "万元/部", "元/部", "20000"), ("3", "公里", "米", "3000"), ("5", "名", "人", "5"),
    ("5", "人", "人次", None), ("1", "天", "工作日", None), ("1", "月", "h", None), ("1", "元", "%", None),
    ("3", "部", "台", None), ("7", None, None, "7"), ("7", "部", None, None),
]


@pytest.mark.parametrize(("value", "source", "target", "expected"), CONVERT_CASES,
                         ids=[f"{c[1]}->{c[2]}" for c in CONVERT_CASES])
def test_convert(value: str, source: str | None, target: str | None, expected: str | None) -> None:
    result = convert(Decimal(value), source, target)
    if expected is None:
        assert result is None
    else:
        assert result == Decimal(expected)
