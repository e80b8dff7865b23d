"""Rate units (a unit per one or more others): read whole, spelled one way, compared part by part."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.evaluate_match import unit_scale, units_match
from reportparse.normalise import canonical_unit, convert, find_quantities, parse_target, unit_family
from reportparse.normalise.units import rate_parts
from reportparse.readers.text.signals import is_quantity

#: every way a form joins 元 per person per month
PER_PERSON_MONTH = ["元/人·月", "元/人*月", "元/人/月", "元/(人·月)", "元/（人·月）", "元/人.月", "元每人每月",
                    "元/人・月", "元／人＊月", "元/名·月", "元/人·个月"]


@pytest.mark.parametrize("written", PER_PERSON_MONTH)
def test_every_spelling_of_a_rate_reads_whole_and_one_way(written: str) -> None:
    found = find_quantities(f"农村低保标准≥530{written}，已完成")
    assert [(m.quantity.value, m.quantity.unit, m.comparator) for m in found] == [(Decimal(530), "元/人·月", ">=")]
    assert found[0].quantity.raw == f"≥530{written}"


# (text, value, canonical unit): the scale is the numerator's; a denominator part is never converted
RATE_CASES = [
    ("5万人次/年", "50000", "人次/年"), ("每年 3 次/年", "3", "次/年"), ("120万元/公里", "1200000", "元/公里"),
    ("800元/亩", "800", "元/亩"), ("500公斤/亩", "0.5", "吨/亩"), ("30吨/日", "30", "吨/日"),
    ("30吨/天", "30", "吨/日"), ("2户/村", "2", "户/村"), ("10万吨/年", "100000", "吨/年"),
    ("1.5万元/人·年", "15000", "元/人·年"), ("20元/人次", "20", "元/人次"), ("300元/人·天", "300", "元/人·日"),
    ("5次/秒", "5", "次/秒"), ("4000元/人", "4000", "元/人"), ("60元/(户·年)", "60", "元/户·年"),
]


@pytest.mark.parametrize(("text", "value", "unit"), RATE_CASES, ids=[c[0] for c in RATE_CASES])
def test_common_rates(text: str, value: str, unit: str) -> None:
    found = find_quantities(text)
    assert [(m.quantity.value, m.quantity.unit) for m in found] == [(Decimal(value), unit)]


@pytest.mark.parametrize(("text", "expected"), [
    ("100元/人.2020年发放", [("100", "元/人")]),  # a dot before a number ends the rate
    ("3元/人*12月", [("3", "元/人"), ("12", "月")]),  # so does a joiner before a number
    ("350元/(人·月", [("350", "元")]),  # an unclosed bracket is no denominator
    ("95%/100%", [("95", "%"), ("100", "%")]),
    ("5元/人。下一步", [("5", "元/人")]),
    ("100元/万元", [("100", "元")]),  # money is no denominator
])
def test_where_a_rate_ends(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(str(m.quantity.value), m.quantity.unit) for m in find_quantities(text)] == expected


def test_rates_compare_by_all_their_parts() -> None:
    assert {canonical_unit(u) for u in PER_PERSON_MONTH} == {("元/人·月", 1)}
    assert unit_family("元/人*月") == unit_family("元/(人·月)") == "money/人·月"
    assert unit_family("元/人") != unit_family("元/人·月")
    assert unit_family("元/人·月") != unit_family("元/月·年")
    assert convert(Decimal(2), "万元/人/月", "元/人·月") == Decimal(20000)
    assert convert(Decimal(2), "元/人", "元/人·月") is None
    assert canonical_unit("每人") is None and canonical_unit("元/") is None


def test_rate_parts_is_spelling_only() -> None:
    assert rate_parts("元/(人·月)") == ("元", ("人", "月"))
    assert rate_parts("元每人每月") == ("元", ("人", "月"))
    assert rate_parts("万吨/年") == ("万吨", ("年",))
    assert rate_parts("元") is None and rate_parts("每人") is None


def test_a_target_cell_and_its_name_bound_keep_the_whole_rate() -> None:
    target = parse_target(">=530元/人*月")
    assert (target.comparator, target.value, target.unit) == (">=", Decimal(530), "元/人·月")
    bare = parse_target("530", name="农村低保标准(≥**元/人·月)")
    assert (bare.comparator, bare.value, bare.unit) == (">=", Decimal(530), "元/人·月")


def test_eval_matches_a_rate_however_joined_and_never_a_shorter_one() -> None:
    assert units_match("元/人*月", "元/人·月") and units_match("元/(人·月)", "元/人/月")
    assert units_match("吨/天", "吨/日") and units_match("元/亩", "元/亩")
    assert not units_match("元/人*月", "元/人") and not units_match("元/人", "元/人·月")
    assert not units_match("元/人·月", "元/月·人·年") and not units_match("元/人", "元")
    assert unit_scale("万吨/年", "吨/年") == 10000.0
    assert unit_scale("万元/人·月", "元/人") is None


@pytest.mark.parametrize("cell", ["583元/人*月", ">=530元/人*月", "350元/(人·月)", "350元/人.月", "350元每人每月"])
def test_a_cell_holding_a_rate_is_a_quantity(cell: str) -> None:
    assert is_quantity(cell)


@pytest.mark.parametrize(("written", "unit"), [("400元/人、天", "元/人·日"), ("100元/人、次", "元/人·次"),
                                               ("3000元/人、年", "元/人·年")])
def test_a_list_mark_joins_a_span_to_a_per_head_rate(written: str, unit: str) -> None:
    """A form's cell writes 元 per person-day '元/人、天': the 、 joins the span, it lists nothing."""
    target = parse_target(written)
    assert target.unit == unit and units_match(unit, target.unit)


def test_a_list_mark_before_another_figure_or_head_still_lists() -> None:
    assert [m.quantity.unit for m in find_quantities("补助标准50元/人、30元/户")] == ["元/人", "元/户"]
    assert [m.quantity.unit for m in find_quantities("人均补助50元/人、户均补助80元")] == ["元/人", "元"]
