"""The money a project cost, stated twice: a 成本指标 row's actual cost against the money the project had.

A 成本指标 row that gives what the output cost in money ('道路交通设施 713万元') states the same money the fund
block accounts for. A cost above every amount the project had and spent (年度资金总额 372.29万元 planned and
spent) is money no printed figure covers: the two statements of one figure disagree (scoring-rules P17).
A cost below the money spent proves nothing: a row may cost one output of several, or a unit.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from reportparse.checks import CheckContext, new_finding, pages_known, register, where_said
from reportparse.checks.budget import _value, budget_misread
from reportparse.checks.common import evidence_of, fmt_money
from reportparse.checks.figures import disagree
from reportparse.lazypattern import lazy_compile
from reportparse.model import Finding, Indicator

_COST = lazy_compile(r"成本")
_NUMBER = lazy_compile(r"\d[\d,]*(?:\.(\d+))?")
#: a cost over more than the year's money: a whole investment over several years, or a sum of years
_BEYOND_THE_YEAR = lazy_compile(r"总投资|计划投资|累计|总造价|概算|总规模")


def _place(raw: str, value: Decimal) -> int | None:
    """The place of the last written digit, in yuan: 2 for '1268.72万元', 4 for a bare '90' in a 万元 column
    (read as 900000): the scale is what the value makes of the written number."""
    match = _NUMBER.search(raw)
    if match is None:
        return None
    try:
        written = Decimal(match.group(0).replace(",", ""))
    except InvalidOperation:
        return None
    if not written:
        return None
    scale = (value / written).normalize()
    if scale.as_tuple().digits != (1,):
        return None  # not a power of ten: the value is not this number scaled
    exponent = scale.as_tuple().exponent
    return (exponent if isinstance(exponent, int) else 0) - len(match.group(1) or "")


def _target_said(indicator: Indicator) -> str:
    """The row's printed target, which names the output costed when the row's name is only '成本指标'."""
    raw = indicator.target.raw.strip() if indicator.target is not None else ""
    return f"（指标值“{raw}”）" if raw else ""


def _is_cost(indicator: Indicator) -> bool:
    return bool(_COST.search(indicator.level) or _COST.search(indicator.name)) \
        and not _BEYOND_THE_YEAR.search(indicator.name)


@register("conflicting-figures")
def cost_above_the_money(ctx: CheckContext) -> Iterator[Finding]:
    """A 成本指标's actual cost in money above both the project's budget and what it spent."""
    paged = pages_known(ctx)
    for project in ctx.report.projects:
        budget = project.budget
        amounts = [v for v in (_value(budget.planned), _value(budget.executed)) if v is not None]
        if budget.executed is None or not amounts or budget_misread(project):
            continue
        ceiling = max(amounts)
        money = budget.executed if _value(budget.executed) == ceiling else budget.planned
        assert money is not None
        for indicator in project.indicators:
            if not _is_cost(indicator):
                continue
            for actual in indicator.actuals:
                if actual.unit != "元" or actual.value is None or actual.approx or actual.value <= ceiling:
                    continue
                assert money.value is not None
                places = _place(actual.raw, actual.value), _place(money.raw, money.value)
                if not disagree(actual.value, ceiling, *places):
                    continue  # ('项目总成本 90万元' beside 89.974万元 spent: the same money, rounded)
                yield new_finding(
                    "conflicting-figures",
                    f"成本指标“{indicator.name}”{_target_said(indicator)}的实际成本 {fmt_money(actual.value)}"
                    f"（“{actual.raw}”"
                    f"{where_said(actual.evidence[:1], paged)}）超过项目的全部资金 {fmt_money(ceiling)}"
                    f"（“{money.raw}”{where_said(money.evidence[:1], paged)}）：同一笔资金两处所述不一致",
                    project=project.name, indicator=indicator.name, expected=ceiling, actual=actual.value,
                    evidence=evidence_of(actual.evidence, money.evidence),
                )
