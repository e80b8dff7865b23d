"""Which of several budgets a report states is the one it means.

Prose often gives a project's money more than once: the first allotment and the figure left after a
cut (下达412.85万元 … 追减223.57万元 … 189.28万元), a works' whole investment from every level and the
part the unit budgeted (项目总投资660万元 … 申请预算资金495万元), one level's allotment and the money
all levels gave (中央下达1372.7万元 … 共收到财政资金2330.9万元，其中：中央资金1372.7万元 …). `funds` keeps
the figure its words rank highest; this module settles the ties the words leave open, from two
statements of the report itself:

- the execution rate the report prints beside its spending is spending ÷ the budget it means, so of
  two budgets the words do not order, the one that reproduces that rate is the budget;
- a budget the report itself lists as one 其中 part of the money the project received (收到/到位 …，其中：…)
  is not the project's whole budget when the parts add up to what was received (the year's money from every
  source, as a form's 年度资金总额 sums its 其中 rows), or when the spending goes beyond the part and stays
  within what was received. A rate the report prints over the part keeps the part.

Neither overrides a budget the report names as the year's (全年预算数, 调整后预算, 全年实际下达: `NAMED_YEAR`) or
states as what a change left ('调增30万元后为150万元'), nor picks a 年初 figure: a rate computed against the
wrong base stays a budget-rate-mismatch, and spending beyond the named budget stays an overspend (the rule
R3 reads A as 全年预算数 as printed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import IntEnum

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Project, Quantity
from reportparse.parse.amounts import WHOLE_THEN_PARTS, Amount
from reportparse.parse.evidence import said_before

#: a change to the budget said before an amount: the amount is what the change left
_CHANGE = lazy_compile(r"追加|调增|调减|核减|追减|调整")
#: ± percentage points within which a budget reproduces a printed rate (the budget check's own tolerance)
RATE_TOLERANCE_PP = Decimal("0.5")
#: 0.01 万元: amounts printed to two decimals of 万元 that differ by less are one amount
SAME_AMOUNT = Decimal(100)


class BudgetRank(IntEnum):
    """How far the words around a planned amount make it the year's budget. `funds` keeps, of the amounts a
    project's prose states, the one ranked highest (the first of equals); `settle` weighs the rest."""

    #: money that is the project's only until its own is named: its unit's budget category ('批复我局项目支出
    #: 160万元'), or a total over the years so far ('到2013年累计安排经费380万元')
    STAND_IN = -1
    #: the budget at the start of the year (年初预算), kept as `initial` as well
    YEAR_START = 0
    #: a budget stated with no words that rank it ('下达预算资金80万元')
    PLAIN = 1
    #: a whole the sentence states as such: a total (合计/共计), the whole spent ('全年资金3728万元全部执行到位'),
    #: the whole then its parts ('2110万元，其中…'), or the budget after a change or the year's name said in an
    #: earlier clause ('调增30万元后为150万元', '；预算调整后，项目预算为861.46万元')
    WHOLE_OR_ADJUSTED = 2
    #: the year's budget by its own name in its own clause (全年预算数, 调整后预算), or what a change to the
    #: budget left ('调减40万元，全年实际下达71万元'): never second-guessed
    NAMED_YEAR = 3


@dataclass
class Whole:
    """An amount the prose states with its parts after it ('2330.9万元，其中：中央资金1372.7万元，…')."""

    total: Quantity
    parts: list[Decimal]

    def holds(self, budget: Decimal, spent: Decimal | None) -> bool:
        """Is this whole the project's money, with `budget` one of its parts? The arithmetic must say it is the
        same money: the parts add up to the whole, or the spending is beyond the part and within the whole."""
        total = self.total.value
        if total is None or total <= budget or not any(abs(part - budget) <= SAME_AMOUNT for part in self.parts):
            return False
        adds_up = len(self.parts) >= 2 and abs(sum(self.parts) - total) <= SAME_AMOUNT
        return adds_up or (spent is not None and budget < spent <= total + SAME_AMOUNT)


@dataclass
class Stated:
    """The budgets a project's prose states (with the rank `funds` gave each) and the wholes it breaks down."""

    budgets: list[tuple[BudgetRank, Quantity]] = field(default_factory=list)
    wholes: list[Whole] = field(default_factory=list)


def settle(project: Project, stated: Stated, rank: BudgetRank) -> None:
    """Replace the project's budget where the report's own figures show it meant another (`rank`: the
    rank of the budget `funds` chose)."""
    budget = project.budget
    chosen = budget.planned
    if chosen is None or chosen.value is None or rank >= BudgetRank.NAMED_YEAR:
        return
    if _after_a_change(chosen):
        return  # ('下达预算120万元，年中调增30万元后为150万元'): the budget the change gave is the year's
    by_rate = _reproducing_rate(project, stated)
    if by_rate is not None:
        budget.planned = by_rate
        return
    if _reproduces_printed_rate(project, chosen.value):
        return  # (the report's own rate is over the budget chosen: it is the one the report means)
    spent = budget.executed.value if budget.executed is not None else None
    whole = next((whole.total for whole in stated.wholes if whole.holds(chosen.value, spent)), None)
    if whole is not None:
        budget.planned = whole


def _after_a_change(planned: Quantity) -> bool:
    """Is the budget stated in a sentence that changes the budget before it ('调增30万元后为150万元', '预算调整后，
    项目预算为150万元')? Such a budget is the year's by the report's own account."""
    for ev in planned.evidence:
        before = said_before(planned, ev)
        if _CHANGE.search(before if before is not None else ev.text or ""):
            return True
    return False


def _rate(planned: Decimal, executed: Decimal) -> Decimal:
    return executed / planned * 100


def _reproduces_printed_rate(project: Project, planned: Decimal) -> bool:
    """Is the rate the report prints beside the spending the spending ÷ `planned`?"""
    printed, executed = project.budget.printed_rate, project.budget.executed
    if printed is None or printed.value is None or executed is None or executed.value is None or planned <= 0:
        return False
    return abs(_rate(planned, executed.value) - printed.value) <= RATE_TOLERANCE_PP


def _reproducing_rate(project: Project, stated: Stated) -> Quantity | None:
    """The one other stated budget (not a 年初 figure) whose rate is the printed one, when the chosen budget's
    is not."""
    budget = project.budget
    printed, executed, planned = budget.printed_rate, budget.executed, budget.planned
    if printed is None or printed.value is None or executed is None or executed.value is None or planned is None:
        return None
    if planned.value is None or planned.value <= 0 or _reproduces_printed_rate(project, planned.value):
        return None
    fitting: dict[Decimal, Quantity] = {}
    for rank, q in stated.budgets:
        if rank < BudgetRank.PLAIN or q.value is None or abs(q.value - planned.value) <= SAME_AMOUNT:
            continue
        if _reproduces_printed_rate(project, q.value):
            fitting.setdefault(q.value, q)
    return next(iter(fitting.values())) if len(fitting) == 1 else None


def note_wholes(amounts: list[Amount], quote: Evidence, context: str | None, stated: dict[str, Stated]) -> None:
    """Remember each amount of a sentence (`quote`) stated with its parts after it ('共收到财政资金2330.9万元，
    其中：中央资金1372.7万元，地方资金98.6万元…'): the parts are the amounts that follow on the same kind of
    money, or on none."""
    for n, amount in enumerate(amounts):
        # (money received, '共收到财政资金…，其中：…': this year's money from every source; a planned whole with its
        # parts, '项目总投资660万元，其中中央资金495万元…', may span years and levels, and already outranks a part)
        if amount.kind != "arrived" or not WHOLE_THEN_PARTS.match(amount.after):
            continue
        targets = amount.projects or ([context] if context else [])
        if len(targets) != 1 or amount.mention.approx:
            continue
        parts: list[Decimal] = []
        for later in amounts[n + 1:]:
            if later.kind not in (None, amount.kind) or later.total_label or later.mention.value is None:
                break
            parts.append(later.mention.value)
        if parts:
            whole = Whole(total=amount.mention.quantity(quote), parts=parts)
            stated.setdefault(targets[0], Stated()).wholes.append(whole)
