"""The normalise stage and its helpers: numbers, units, comparators, quantities and targets."""

from __future__ import annotations

from reportparse.normalise.comparators import parse_comparator
from reportparse.normalise.numbers import chinese_to_decimal, fold_width, parse_number
from reportparse.normalise.quantities import QuantityMatch, find_quantities, parse_quantity
from reportparse.normalise.report import normalise_report
from reportparse.normalise.targets import implies_reverse, is_cost_indicator, is_vague, parse_actual, parse_target
from reportparse.normalise.units import canonical_unit, convert, unit_family

__all__ = [
    "QuantityMatch",
    "canonical_unit",
    "chinese_to_decimal",
    "convert",
    "find_quantities",
    "fold_width",
    "implies_reverse",
    "is_cost_indicator",
    "is_vague",
    "normalise_report",
    "parse_actual",
    "parse_comparator",
    "parse_number",
    "parse_quantity",
    "parse_target",
    "unit_family",
]
