"""Verdicts: does an actual show its target met?

How an actual's number binds the true value, which actuals compare with a quantitative target, which way a
target points (more or less is better), and the verdict itself. Nothing here registers a check.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from reportparse.checks.targetunits import actual_in_target_unit, unit_family, unit_kind
from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Indicator, Target
from reportparse.normalise.targets import positive_by_nature

POSITIVE = (">=", ">", "=")
REVERSE = ("<=", "<")

_LOWER_WORDS = ("多", "余", "超", "以上", "逾")


def bound(actual: Actual) -> str:
    """How an actual's number binds the true value: "lower" (90%以上), "upper" (不超过) or "exact"."""
    if actual.comparator in (">=", ">"):
        return "lower"
    if actual.comparator in ("<=", "<"):
        return "upper"
    if actual.approx and any(word in actual.raw for word in _LOWER_WORDS):
        return "lower"
    return "exact"


def quantitative(target: Target | None) -> bool:
    """True for a target with a number and a direction (not qualitative)."""
    return target is not None and target.value is not None and target.comparator in POSITIVE + REVERSE


#: a bare figure as a dump prints it: '36.2', '.342021', '100%'
_BARE_FIGURE = lazy_compile(r"[\d.]*\d[\d.]*[%％]?")


def run_together_figures(actual: Actual) -> bool:
    """Is the actual's cell several bare figures and no word ('1038.75 36.29 .342021')? Cells a dump ran into one
    (the target, the result, the score and the next row's text): no one result, whichever figure is taken."""
    tokens = actual.raw.split()
    return len(tokens) >= 2 and all(_BARE_FIGURE.fullmatch(token) for token in tokens)


def measured(indicator: Indicator) -> list[Actual]:
    """The indicator's measured actuals that carry a number (not a run of several figures read as one)."""
    return [a for a in indicator.actuals if a.kind == "measured" and a.value is not None
            and not run_together_figures(a)]


def comparable(indicator: Indicator) -> list[tuple[Actual, Decimal]]:
    """Measured actuals that can be compared with the target, with their base values."""
    return in_target_unit(indicator, measured(indicator))


def in_target_unit(indicator: Indicator, actuals: Iterable[Actual]) -> list[tuple[Actual, Decimal]]:
    """`actuals` with their values in the unit of a quantitative target; those that do not convert are left out.

    No actual is returned for a target without a number and a direction.
    """
    target = indicator.target
    if target is None or not quantitative(target):
        return []
    pairs = ((actual, actual_in_target_unit(actual, target)) for actual in actuals)
    return [(actual, value) for actual, value in pairs if value is not None]


#: money that is earned, not spent: income, sales, output value — under 效益 more is better
_EARNED = lazy_compile(r"收入|增收|销售|产值|收益|效益|营业额|利润|税收|带动")
# "=" (a bare number) is scored like ≥ (scoring-rules R4b), except where a smaller value is better
# (harm rates too: 森林火灾受害率, 有害生物成灾率)
_SMALLER_IS_BETTER = lazy_compile(
    r"成本|费用|投诉|事故|差错|误差|超支|延误|故障|中断|时限|周期|耗时|响应|发生率|受害率|受灾率|成灾率|伤亡|损失率")


def direction(indicator: Indicator) -> str | None:
    """"up" when more is better, "down" when less is better, None when the target does not say.

    A written ≥/≤ decides. A bare number ("=") reads as ≥, but as ≤ for money and for names that
    count costs, failures or delays, and a bare duration gives no direction at all.
    """
    target = indicator.target
    if target is None:
        return None
    if target.comparator in (">=", ">"):
        return "up"
    if target.comparator in REVERSE:
        return "down"
    if target.comparator != "=":
        return None
    family = unit_family(target.unit)
    if positive_by_nature(indicator.name) and family not in ("money",) and not (family or "").startswith("money/"):
        return "up"  # a 满意度 the reader filed under 成本 is still more-is-better
    if family == "money" and _EARNED.search(f"{indicator.level}{indicator.name}") and not _SMALLER_IS_BETTER.search(
            indicator.name):
        return "up"  # money earned (木材销售收入 1100万元 under 经济效益) is a floor, not a cost ceiling
    if family == "money" or (family or "").startswith("money/") or _SMALLER_IS_BETTER.search(
        f"{indicator.level}{indicator.name}"
    ):
        return "down"
    if unit_kind(target.unit) == "time":
        return None
    return "up"


def money_ceiling(indicator: Indicator) -> bool:
    """A cost ceiling in money (项目总成本 ≤202.6万元): spending well under it is a saving the budget checks
    already see (执行率, 结余), not a target set too low."""
    family = unit_family(indicator.target.unit if indicator.target is not None else None) or ""
    return direction(indicator) == "down" and (family == "money" or family.startswith("money/"))


def meets(indicator: Indicator, actual: Actual, value: Decimal) -> bool | None:
    """Does the actual (`value`, in the target's unit) show the target met? None when it cannot say.

    A lower bound below a positive target ("90%以上" vs ≥95%) does not show the target met, so it
    counts as missed; an upper bound above a reverse target likewise.
    """
    target = indicator.target
    way = direction(indicator)
    if target is None or target.value is None:
        return None
    goal = target.value
    if way is None:
        return True if value == goal and bound(actual) == "exact" else None
    kind = bound(actual)
    strict = target.comparator in (">", "<")
    if way == "up":
        if kind == "upper":
            return False if value < goal else None
        return value > goal if strict else value >= goal
    if kind == "lower":
        return False if value > goal else None
    return value < goal if strict else value <= goal
