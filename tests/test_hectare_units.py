"""Areas in hm², the hectare as 水土保持 and forestry reports print it (and 'hm' where a dump dropped the
superscript), and in km²: converted like 公顷 and 平方公里 (normalise/units.py)."""

from __future__ import annotations

from decimal import Decimal

from reportparse.normalise import parse_target


def test_a_hectare_in_hm2_is_fifteen_mu() -> None:
    for text in ("1200hm²", "1200 hm2", "1200h㎡", "1200公顷"):
        target = parse_target(text)
        assert (target.value, target.unit) == (Decimal(18000), "亩"), text


def test_a_dropped_superscript_and_square_kilometres() -> None:
    damaged = parse_target("≥25.5hm")
    assert (damaged.comparator, damaged.value, damaged.unit) == (">=", Decimal("382.5"), "亩")
    area = parse_target("3.2km²")
    assert (area.value, area.unit) == (Decimal("3.2"), "平方公里")
