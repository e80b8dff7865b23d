"""Spending stated as a list in one sentence: items under one spending verb, or payments each on its own day.

'累计支出防火物资采购9.50万元，宣传资料印刷7.75万元' and '9月1日拨付160万元，9月7日拨付100万元' each state the
project's spending as the sum of their amounts, not as the first of them; so do payments on days of their own said
one a sentence after '；' (`dated_run`). `funds.extract_funds` asks these of every money sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Project, Quantity
from reportparse.parse.amounts import CLAUSE_END, NOT_SPENDING, SPENT_ON, Amount, money_kind
from reportparse.parse.evidence import Sentence, sentence_evidence

#: a clause that gives a component of the amount before it ('共安排19204.096万，其中央省14059.11万元')
PART_CLAUSE = lazy_compile(r"^\s*(?:其中|包含|包括)")
_HAN2 = lazy_compile(r"[\u4e00-\u9fff]{2}")


def itemised_spending(amounts: list[Amount]) -> list[Amount]:
    """'累计支出防火物资采购9.50万元，宣传资料印刷7.75万元，扑火队员开支30.75万元': one spending verb
    over a list of items, each with its own object and amount and no verb of its own: the spending is
    their sum, not the first item's. [] when the sentence is not such a list."""
    spent = [a for a in amounts if a.kind == "executed"]
    if len(spent) < 2 or len(spent) != sum(1 for a in amounts if a.kind is not None):
        return []
    if any(a.total_label or a.mention.approx or a.mention.unit != spent[0].mention.unit for a in spent):
        return []
    verbs = [m for m in SPENT_ON.finditer(spent[0].gap) if not NOT_SPENDING.match(spent[0].gap, m.end())]
    if not verbs or not _HAN2.search(spent[0].gap[verbs[-1].end():]):
        return []  # ('支出28万元，…'): the verb's own amount, no item named
    for later in spent[1:]:
        clause = CLAUSE_END.split(later.gap)[-1]
        if money_kind(clause) is not None or PART_CLAUSE.match(clause) or not _HAN2.search(clause):
            return []  # a verb of its own, a part (其中…) or no item's name: not one list
    return spent


#: a payment's own day (or month) at the head of its clause ('于2021年9月1日向X公司拨付', '9月7日拨付', '9月份拨付',
#: '12月底支付'); money counted up to a day ('截至12月31日已支出', '9月底前') is a running total, no payment of its own
_PAYMENT_DAY = lazy_compile(r"(?<![至止到\d])(?:20\d{2}\s*年)?\s*\d{1,2}\s*月"
                            r"(?:\s*\d{1,2}\s*日|份|底|末|初|上旬|中旬|下旬)(?!前|止|以前|为止)")
_UP_TO = lazy_compile(r"截至|截止|累计|[至到]\s*(?:20\d{2}\s*年)?\s*\d{1,2}\s*月")


def dated_payments(amounts: list[Amount]) -> list[Amount]:
    """'于9月1日向X公司拨付160万元，9月7日拨付100万元': payments of one project each on its own day, each clause
    with its day and its spending verb: the spending is their sum. [] when the sentence is not such a list."""
    spent = [a for a in amounts if a.kind == "executed"]
    if len(spent) < 2 or len(spent) != sum(1 for a in amounts if a.kind is not None):
        return []
    if any(a.total_label or a.mention.approx or a.mention.unit != spent[0].mention.unit for a in spent):
        return []
    for a in spent:
        clause = CLAUSE_END.split(a.gap)[-1]
        if not _PAYMENT_DAY.search(clause) or _UP_TO.search(clause) or PART_CLAUSE.match(clause):
            return []
    return spent


def set_itemised(project: Project, items: list[Amount], s: Sentence) -> None:
    """The project's spending as the sum of the items one verb listed (quoting the sentence)."""
    first = items[0].mention
    total = sum((a.mention.value for a in items if a.mention.value is not None), Decimal(0))
    budget = project.budget
    stated_first = budget.executed is not None and budget.executed.value == first.value
    if budget.executed is None or stated_first:
        budget.executed = Quantity(raw="+".join(a.mention.raw for a in items), value=total, unit=first.unit,
                                   evidence=[sentence_evidence(s)])


@dataclass
class DatedRun:
    """Payments each on its own day, one a sentence, the sentences set off by '；' in one paragraph
    ('9月1日支付160万元；12月7日支付100万元。'): the project they pay for and what they add up to so far."""

    para_id: int
    project: str
    unit: str | None
    total: Decimal
    raws: list[str]
    evidence: list[Evidence]


def _one_dated_payment(amounts: list[Amount]) -> Amount | None:
    """The sentence's one amount, when it is a payment on a day of its own (else None)."""
    said = [a for a in amounts if a.kind is not None]
    if len(said) != 1 or said[0].kind != "executed" or said[0].total_label or said[0].mention.approx:
        return None
    clause = CLAUSE_END.split(said[0].gap)[-1]
    if not _PAYMENT_DAY.search(clause) or _UP_TO.search(clause) or PART_CLAUSE.match(clause):
        return None
    return said[0] if said[0].mention.value is not None else None


def dated_run(run: DatedRun | None, s: Sentence, amounts: list[Amount], target: str | None,
              projects: dict[str, Project]) -> DatedRun | None:
    """Go on with a run of payments each on its own day, one a sentence after a '；' ('2021年9月1日支付160万元；
    2021年12月7日支付100万元'): the project's spending, where it is the run's so far, becomes the run's sum. Returns
    the run as it now stands (None when the sentence is no such payment)."""
    payment = _one_dated_payment(amounts)
    if payment is None or target is None or payment.projects:
        return None
    value = payment.mention.value or Decimal(0)
    after_semicolon = s.para.text[:s.start].rstrip().endswith(("；", ";"))
    if run is None or run.para_id != id(s.para) or run.project != target or not after_semicolon \
            or run.unit != payment.mention.unit:
        return DatedRun(id(s.para), target, payment.mention.unit, value, [payment.mention.raw],
                        [sentence_evidence(s)])
    budget = projects[target].budget
    run.raws.append(payment.mention.raw)
    run.evidence.append(sentence_evidence(s))
    if budget.executed is not None and budget.executed.value == run.total:
        budget.executed = Quantity(raw="+".join(run.raws), value=run.total + value, unit=payment.mention.unit,
                                   evidence=list(run.evidence))
    run.total += value
    return run
