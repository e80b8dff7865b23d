"""Units as the checks compare an actual with its target: unit families and kinds, which units compare,
conversion, and the actual's value in its target's unit (a bare number scaled as the target was written).
Nothing here registers a check.
"""

from __future__ import annotations

from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Target
from reportparse.normalise.numbers import fold_width

# the same measure word for any count: "50 个" fits a target in 项 or 家
_GENERIC_COUNT = "count:个"
_TIME_FAMILIES = {"duration", "month", "year", "quarter", "workday"}


def unit_family(unit: str | None) -> str | None:
    """The family of a unit (money, duration, percent, count:部 ...), None for no unit."""
    from reportparse.normalise.units import unit_family as family_of

    family = family_of(unit)
    return None if family == "none" else family


def unit_kind(unit: str | None) -> str | None:
    """A broad kind used to tell a true unit clash (人 vs 人次) from an actual filed under the wrong row."""
    family = unit_family(unit)
    if family is None:
        return None
    if family in _TIME_FAMILIES:
        return "time"
    if family.startswith("count:"):
        return "count"
    return family


def compatible(unit_a: str | None, unit_b: str | None) -> bool:
    """True when two units can be compared after scaling (a missing unit fits anything)."""
    fam_a, fam_b = unit_family(unit_a), unit_family(unit_b)
    if fam_a is None or fam_b is None or fam_a == fam_b:
        return True
    return _GENERIC_COUNT in (fam_a, fam_b) and unit_kind(unit_a) == unit_kind(unit_b) == "count"


def convert_to(value: Decimal, unit: str | None, to_unit: str | None) -> Decimal | None:
    """`value` in `unit` expressed in `to_unit`; a missing unit on either side keeps the value."""
    from reportparse.normalise.units import convert

    if unit is None or to_unit is None or unit == to_unit:
        return value
    converted = convert(value, unit, to_unit)
    if converted is None and compatible(unit, to_unit):
        return value  # a generic measure word (个) against a specific one
    return converted


_NUMBER = lazy_compile(r"\d+(?:\.\d+)?")
_KNOWN_FACTORS = (Decimal(1), Decimal(1000), Decimal(10_000), Decimal(100_000_000), Decimal(24), Decimal(168))


def written_factor(target: Target) -> Decimal | None:
    """The factor between the number written in the target text and its normalised value.

    A form's 实际完成值 cell often holds a bare number in the unit the 年度指标值 was written in
    ("≤90万元" → 900000 元, actual "90"). normalise scales such bare numbers; this covers an actual
    that kept no unit for another reason.
    """
    if target.value is None:
        return None
    match = _NUMBER.search(fold_width(target.raw))
    if not match:
        return Decimal(1) if unit_family(target.unit) in (None, "percent") else None
    written = Decimal(match.group())
    if written == 0:
        return Decimal(1) if target.value == 0 else None
    ratio = target.value / written
    for factor in _KNOWN_FACTORS:
        if abs(ratio - factor) <= factor * Decimal("0.0001"):
            return factor
    return None


def actual_in_target_unit(actual: Actual, target: Target) -> Decimal | None:
    """The actual's value in the target's unit; None when the units cannot be compared."""
    if actual.value is None:
        return None
    if actual.unit is None and target.unit is not None:
        if unit_family(target.unit) == "percent" and target.value is not None and (
            0 < actual.value <= Decimal("1.5") < target.value
        ):
            return actual.value * 100  # a share written as a fraction (0.98 against ≥95%)
        factor = written_factor(target)
        return None if factor is None else actual.value * factor
    if not compatible(actual.unit, target.unit):
        return None
    return convert_to(actual.value, actual.unit, target.unit)
