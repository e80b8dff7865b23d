"""Small builders for hand-made Reports, so check tests state only what matters to them."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from reportparse.checks import CheckContext, run_checks
from reportparse.model import (
    Actual,
    Budget,
    Document,
    Evidence,
    Finding,
    FundRow,
    FundTotal,
    Indicator,
    NamedQuantity,
    Project,
    Quantity,
    Report,
    ScoreLine,
    Target,
)
from reportparse.scoring import get_profile

Num = int | float | str | Decimal | None


def dec(value: Num) -> Decimal | None:
    """A Decimal from a literal (str() first, so 0.1 stays 0.1)."""
    return None if value is None else Decimal(str(value))


def ev(text: str, page: int = 1, line: int | None = None) -> Evidence:
    return Evidence(page=page, text=text, line=line)


def qty(value: Num, unit: str | None = "元", raw: str | None = None, page: int = 1) -> Quantity:
    """A quantity quoted from `raw` (default: the value and unit)."""
    text = raw or f"{value}{unit or ''}"
    return Quantity(raw=text, value=dec(value), unit=unit, evidence=[ev(text, page)])


def target(raw: str, comparator: str = ">=", value: Num = None, unit: str | None = None, **kw: object) -> Target:
    return Target(raw=raw, comparator=comparator, value=dec(value), unit=unit, **kw)  # type: ignore[arg-type]


def actual(raw: str, value: Num = None, unit: str | None = None, kind: str = "measured",
           comparator: str | None = None, approx: bool = False, origin: str | None = None,
           page: int = 1, line: int | None = None, upper: Num = None) -> Actual:
    """An actual quoted from `raw` on `page` (`upper`: the upper end of a written range)."""
    return Actual(raw=raw, value=dec(value), unit=unit, kind=kind, comparator=comparator,  # type: ignore[arg-type]
                  approx=approx, origin=origin, evidence=[ev(raw, page, line)], upper=dec(upper))


def indicator(name: str, level: str = "产出/数量", tgt: Target | None = None, actuals: Iterable[Actual] = (),
              weight: Num = None, score: Num = None, **kw: object) -> Indicator:
    """A goal-table row; its evidence quotes the name and target text."""
    row_text = f"{name} {tgt.raw if tgt else ''}".strip()
    return Indicator(level=level, name=name, target=tgt, actuals=list(actuals), weight=dec(weight),
                     score=dec(score), evidence=[ev(row_text)], **kw)  # type: ignore[arg-type]


def remark(name: str, comparator: str, value: Num, unit: str) -> NamedQuantity:
    return NamedQuantity(name=name, comparator=comparator, quantity=qty(value, unit))  # type: ignore[arg-type]


def line(level: str, weight: Num, score: Num, text: str | None = None, page: int = 1) -> ScoreLine:
    """A claimed section score, quoted as the report would write it."""
    quote = text or f"{level}指标分值 {weight} 分，得分 {score} 分"
    return ScoreLine(level=level, weight=dec(weight), score=dec(score), evidence=[ev(quote, page)])


def project(name: str = "测试项目", *, planned: Num = None, executed: Num = None, returned: Num = None,
            indicators: Iterable[Indicator] = (), scores: Iterable[ScoreLine] = (), evaluated: bool | None = None,
            budget_weight: Num = None, budget_score: Num = None, printed_rate: Num = None,
            balance_explained: bool = False, sub_rows: Iterable[FundRow] = (), **kw: object) -> Project:
    """A project; `evaluated` defaults to True when any score is given."""
    score_list = list(scores)
    budget = Budget(
        planned=qty(planned, raw=f"预算 {planned} 元") if planned is not None else None,
        executed=qty(executed, raw=f"执行 {executed} 元") if executed is not None else None,
        returned=qty(returned, raw=f"交回 {returned} 元") if returned is not None else None,
        printed_rate=qty(printed_rate, "%", raw=f"执行率 {printed_rate}%") if printed_rate is not None else None,
        weight=dec(budget_weight), score=dec(budget_score), balance_explained=balance_explained,
        sub_rows=list(sub_rows),
    )
    if evaluated is None:
        evaluated = bool(score_list) or budget_score is not None
    return Project(name=name, budget=budget, indicators=list(indicators), scores=score_list,
                   evaluated=evaluated, **kw)  # type: ignore[arg-type]


def fund_total(total: Num, parts: Iterable[Num], kind: str = "returned", label: str = "共计",
               projects: Iterable[str] = ()) -> FundTotal:
    part_list = [qty(p) for p in parts]
    return FundTotal(label=label, kind=kind, total=qty(total), parts=part_list,  # type: ignore[arg-type]
                     projects=list(projects), evidence=[ev(f"{label} {total} 元")])


def report(*projects: Project, fund_totals: Iterable[FundTotal] = (), layout: str = "narrative") -> Report:
    return Report(projects=list(projects), fund_totals=list(fund_totals), layout=layout)  # type: ignore[arg-type]


def run(rep: Report, code: str | None = None, profile: str | None = None,
        document: Document | None = None) -> list[Finding]:
    """Run every check on a report; return the findings (of one code if given). A crashing check fails."""
    ctx = CheckContext(report=rep, profile=get_profile(profile), document=document)
    findings = run_checks(ctx)
    assert not ctx.problems, ctx.problems
    return [f for f in findings if code is None or f.code == code]
