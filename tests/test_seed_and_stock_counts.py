"""Counts in the measure words of seed, fry and poultry stock and of pairs ('原原种550万粒', '放流鱼苗100万尾',
'出栏肉鸡10万羽', '验配眼镜500副'): kept as their own unit, as every other count is, not dropped after 万
(normalise/units.COUNT_WORDS)."""

from __future__ import annotations

from decimal import Decimal

from reportparse.normalise import find_quantities, parse_target


def test_a_stock_count_keeps_its_measure_word() -> None:
    seeds = parse_target("≥550万粒")
    assert (seeds.comparator, seeds.value, seeds.unit) == (">=", Decimal(5500000), "粒")
    fry = parse_target("100万尾")
    assert (fry.value, fry.unit) == (Decimal(1000000), "尾")
    assert parse_target("不少于500副").unit == "副"


def test_a_result_in_the_same_word_is_comparable() -> None:
    found = find_quantities("全年出栏肉鸡12.5万羽，较年初目标10万羽增加2.5万羽")
    pairs = [(q.quantity.value, q.quantity.unit) for q in found]
    assert pairs[:2] == [(Decimal(125000), "羽"), (Decimal(100000), "羽")]
