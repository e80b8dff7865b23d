"""How the checks write numbers in their Chinese messages: a number, money (万元 or 元), a quantity with
its unit, a target and an actual with their quotes. Nothing here registers a check.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportparse.checks.targetunits import unit_family
from reportparse.model import Actual, Target


def fmt(value: Decimal | None, places: int = 2) -> str:
    """A number rounded to `places` decimals, without trailing zeros: 10, 9.71, 0.25."""
    if value is None:
        return "?"
    step = Decimal(1).scaleb(-places)
    quantised = value.quantize(step) if value.as_tuple().exponent < -places else value  # type: ignore[operator]
    text = f"{quantised:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def fmt_money(value: Decimal | None) -> str:
    """Money in the unit reports use: 万元 from ten thousand up, else 元."""
    if value is None:
        return "?"
    in_wan = value / 10_000
    if abs(value) >= 10_000 or (abs(value) >= 1000 and in_wan == in_wan.quantize(Decimal("0.01"))):
        return f"{fmt(in_wan, 6)}万元"  # 元 to the 分 is 万元 to six places
    return f"{fmt(value)}元"


def fmt_quantity(value: Decimal | None, unit: str | None) -> str:
    """A base value written with its unit (money in 万元, durations in 小时)."""
    family = unit_family(unit)
    if family == "money":
        return fmt_money(value)
    if family == "duration":
        return f"{fmt(value)}小时"
    if family == "percent":
        return f"{fmt(value)}%"
    return f"{fmt(value)}{unit or ''}"


_CMP_TEXT = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "qualitative": ""}


def fmt_target(target: Target) -> str:
    """A target as comparator and base value, with its text: "≥0.25小时（单集片长不少于15分钟）"."""
    if target.value is None:
        return target.raw
    shown = f"{_CMP_TEXT.get(target.comparator, '')}{fmt_quantity(target.value, target.unit)}"
    same = re.sub(r"\s+", "", target.raw) in (shown, shown.lstrip("="))
    return shown if same else f"{shown}（{target.raw}）"


def fmt_actual(actual: Actual, value: Decimal | None, unit: str | None) -> str:
    """An actual as its base value and quote: "90%（达 90%以上）"."""
    prefix = _CMP_TEXT.get(actual.comparator or "", "")
    return f"{prefix}{fmt_quantity(value, unit)}（{actual.raw}）"
