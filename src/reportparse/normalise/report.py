"""The normalise stage: canonical units everywhere and the derived values the checks need.

Nothing is invented: a value is converted only when its unit is known, a bare actual takes the
unit its target was written in (the form's shared 度量单位), and the execution rate is computed
only when both amounts are known and the budget is positive.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from reportparse.model import Actual, Budget, FundRow, FundTotal, Indicator, Project, Quantity, Report, Target
from reportparse.normalise.ocrtarget import repair_bound_sign, repair_sign_letters
from reportparse.normalise.quantities import find_quantities
from reportparse.normalise.units import apply_scale, canonical_unit, is_canonical, unit_family

RATE_PLACES = Decimal("0.000001")


def _canonical_value(value: Decimal | None, unit: str | None) -> tuple[Decimal | None, str | None]:
    """(value, unit) in canonical form; unchanged when the unit is unknown or already canonical."""
    if unit is None or is_canonical(unit):
        return value, unit
    canon = canonical_unit(unit)
    if canon is None:
        return value, unit
    return (apply_scale(value, canon[1]) if value is not None else None), canon[0]


def _quantity(quantity: Quantity | None) -> Quantity | None:
    """A quantity with its value and upper bound in the canonical unit."""
    if quantity is None or is_canonical(quantity.unit):
        return quantity
    value, unit = _canonical_value(quantity.value, quantity.unit)
    upper, _ = _canonical_value(quantity.upper, quantity.unit)
    return quantity.model_copy(update={"value": value, "unit": unit, "upper": upper})


def execution_rate(planned: Quantity | None, executed: Quantity | None) -> Decimal | None:
    """executed / planned × 100, or None when either amount is missing or the budget is not positive."""
    if planned is None or executed is None or planned.value is None or executed.value is None:
        return None
    if planned.value <= 0:
        return None
    if planned.unit and executed.unit and planned.unit != executed.unit:
        return None
    return (executed.value / planned.value * 100).quantize(RATE_PLACES)


def _budget(budget: Budget) -> Budget:
    planned, executed = _quantity(budget.planned), _quantity(budget.executed)
    rows = [
        row.model_copy(update={"initial": _quantity(row.initial), "planned": _quantity(row.planned),
                               "executed": _quantity(row.executed)})
        for row in budget.sub_rows
    ]
    return budget.model_copy(update={
        "initial": _quantity(budget.initial), "planned": planned, "executed": executed,
        "returned": _quantity(budget.returned), "printed_rate": _quantity(budget.printed_rate),
        "sub_rows": rows, "rate": execution_rate(planned, executed),
    })


_KNOWN_SCALES = {Fraction(n) for n in (1, 24, 168, 1000, 10_000, 100_000_000)} | {Fraction(1, 60)}


def _written_scale(target: Target) -> tuple[str, Fraction] | None:
    """(canonical unit, scale) of the unit the target was written in, e.g. ('元', 10000) for ≤90万元.

    When the unit came from a separate 度量单位 cell (raw '≤90', value 900000 元) the scale is the
    ratio of the value to the written number, if that ratio is a known unit scale.
    """
    matches = find_quantities(target.raw)
    for match in matches:
        if match.quantity.unit is not None and match.quantity.unit == target.unit:
            return match.quantity.unit, match.scale
    if target.unit is None or target.value is None:
        return None
    for match in matches:
        written = match.quantity.value
        if match.quantity.unit is None and written:
            ratio = Fraction(target.value) / Fraction(written)
            if ratio in _KNOWN_SCALES:
                return target.unit, ratio
    return None


def _is_bare_number(raw: str) -> bool:
    """True when the text is one number with no unit word (the form left the unit to its column)."""
    matches = find_quantities(raw)
    return len(matches) == 1 and matches[0].quantity.unit is None and matches[0].comparator is None


def looks_like_share(value: Decimal, percent_target: Decimal) -> bool:
    """True when a bare actual such as 0.98 (or 1) is a share written against a percent target like 95%."""
    return 0 < value <= Decimal("1.5") < percent_target


def looks_like_wan(value: Decimal, yuan_target: Decimal) -> bool:
    """True when a bare amount is plainly in 万元 against a target in 元 (50.63 vs 506300 元).

    Forms keep their money in 万元, so a bare amount in a cost row is read in 万元 when that puts it
    within a factor of two of the target while read in 元 it would be a thousandth of it.
    """
    if value <= 0 or yuan_target <= 0:
        return False
    as_wan = value * 10_000
    return value * 1000 < yuan_target and yuan_target / 2 <= as_wan <= yuan_target * 2


def _read_words_only_actual(actual: Actual, target: Target | None) -> Actual:
    """A words-only actual whose text states one number in the target's unit family becomes measured.

    Prose such as '学员满意度为百分之八十四' is a measured 84 %, whatever reader first filed it as
    words; with no number, or several candidates, the actual is left as it was.
    """
    if actual.kind != "qualitative" or actual.value is not None or target is None or target.unit is None:
        return actual
    if target.value is None or target.comparator == "qualitative":
        return actual
    family = unit_family(target.unit)
    found = [m for m in find_quantities(actual.raw) if m.quantity.unit and unit_family(m.quantity.unit) == family]
    if len(found) != 1:
        return actual
    quantity = found[0].quantity
    return actual.model_copy(update={"value": quantity.value, "unit": quantity.unit, "kind": "measured",
                                     "comparator": found[0].comparator, "approx": quantity.approx,
                                     "upper": quantity.upper})


def _actual(actual: Actual, target: Target | None) -> Actual:
    """An actual in canonical units; a bare number takes the unit (and scale) its target was written in."""
    actual = _read_words_only_actual(actual, target)
    value, unit = _canonical_value(actual.value, actual.unit)
    upper, _ = _canonical_value(actual.upper, actual.unit)
    if (
        unit is None and value is not None and target is not None and target.unit is not None
        and target.value is not None and _is_bare_number(actual.raw)
    ):
        written = _written_scale(target)
        scale = written[1] if written is not None else Fraction(1)
        if target.unit == "%" and looks_like_share(value, target.value):
            scale = Fraction(100)
        elif target.unit == "元" and scale == 1 and looks_like_wan(value, target.value):
            scale = Fraction(10_000)
        value, unit = apply_scale(value, scale), target.unit
        upper = apply_scale(upper, scale) if upper is not None else None
    if value is actual.value and unit == actual.unit and upper is actual.upper:
        return actual
    return actual.model_copy(update={"value": value, "unit": unit, "upper": upper})


def _unit_from_result(target: Target | None, actuals: list[Actual]) -> Target | None:
    """A bare target figure ('200') whose row states its result with a count's unit ('200余人'): the row's unit is
    the count's, and the target takes it (the form left the unit to the result cell). Only a count's unit, from
    the row's own result: a percent, an amount of money or a duration may be written at another scale (0.95 |
    95%, 55 | 55万元, 5 | 5天 read in hours)."""
    if target is None or target.unit is not None or target.value is None or not _is_bare_number(target.raw):
        return target
    units = {a.unit for a in actuals if a.origin == "table" and a.kind == "measured" and a.unit is not None}
    if len(units) != 1:
        return target
    unit = next(iter(units))
    if not is_canonical(unit) or not unit_family(unit).startswith("count:"):
        return target
    return target.model_copy(update={"unit": unit})


def _indicator(indicator: Indicator) -> Indicator:
    target = indicator.target
    if target is not None and not is_canonical(target.unit):
        value, unit = _canonical_value(target.value, target.unit)
        target = target.model_copy(update={"value": value, "unit": unit})
    target = _unit_from_result(target, indicator.actuals)
    actuals = [_actual(actual, target) for actual in indicator.actuals]
    if target is not None:
        measured = indicator.model_copy(update={"actuals": actuals})
        target = repair_bound_sign(measured, repair_sign_letters(measured, target))
    remarks = [
        rq if is_canonical(rq.quantity.unit) else rq.model_copy(update={"quantity": _quantity(rq.quantity)})
        for rq in indicator.remark_quantities
    ]
    unchanged = target is indicator.target and all(a is b for a, b in zip(actuals, indicator.actuals, strict=True))
    if unchanged and all(a is b for a, b in zip(remarks, indicator.remark_quantities, strict=True)):
        return indicator  # shared, not copied: the stage never mutates, so an untouched indicator can be reused
    return indicator.model_copy(update={"target": target, "actuals": actuals, "remark_quantities": remarks})


def _project(project: Project) -> Project:
    return project.model_copy(update={
        "budget": _budget(project.budget),
        "indicators": [_indicator(indicator) for indicator in project.indicators],
    })


def _fund_total(total: FundTotal) -> FundTotal:
    return total.model_copy(update={
        "total": _quantity(total.total) or total.total,
        "parts": [_quantity(part) or part for part in total.parts],
    })


def normalise_report(report: Report) -> Report:
    """Return a copy of the report with canonical units and derived values (budget.rate) filled in."""
    return report.model_copy(update={
        "projects": [_project(project) for project in report.projects],
        "fund_totals": [_fund_total(total) for total in report.fund_totals],
    })


__all__ = ["FundRow", "execution_rate", "normalise_report"]
