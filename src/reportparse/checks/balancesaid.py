"""A balance said in the sentence of the money it is left of: '项目预算100万元，实际支出90万元，结余5万元' states
the balance twice — as budget − spending (10万元) and as a figure (5万元) — and the two must agree.

Only a sentence that gives exactly these three amounts, in this order, is read: its budget (预算/下达/到位 …), its
spending (支出/支付 …) and what is left (结余/剩余/未使用 …). A sentence with more money (money carried in from
earlier years, a part of the balance returned) says more than this sum, and a department's 年末结转和结余 is a
stock that also holds earlier years' money: neither is read. The words are data (`lexicon/balance_words.json`).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import fmt_money, only_project_name
from reportparse.checks.figures import written_precision
from reportparse.checks.fundparts import clause_before, own_amounts
from reportparse.checks.moneyscope import names_source
from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import Finding
from reportparse.parse.evidence import span_evidence
from reportparse.parse.quantities import Mention

#: one project's money is said up to a full stop or a semicolon ('A项目…结余2万元；B项目…')
_SENTENCE_END = lazy_compile(r"[。！!；;]")
_CLAUSE_MARK = lazy_compile(r"[，,；;。:：]")


@cache
def _words() -> dict[str, LazyPattern]:
    data = lexicon("balance_words.json")
    return {key: lazy_compile("|".join(value)) for key, value in data.items() if not key.startswith("_")}


@register("fund-sum-mismatch")
def balance_said(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence's budget, spending and balance where budget − spending is not the balance it states."""
    if ctx.document is None:
        return
    words = _words()
    owner = only_project_name(ctx.report)
    for element in ctx.document.paragraphs:
        text = element.text
        if words["carried_in"].search(text):
            continue  # (money from earlier years in the paragraph: what is left may hold it too)
        start = 0
        for stop in [*_SENTENCE_END.finditer(text), None]:
            end = stop.start() if stop else len(text)
            sentence, offset, start = text[start:end], start, (stop.end() if stop else len(text))
            said = _budget_spent_left(sentence, words)
            if said is None:
                continue
            budget, spent, left = said
            assert budget.value is not None and spent.value is not None and left.value is not None
            computed = budget.value - spent.value
            if abs(computed - left.value) <= _slack(budget, spent, left):
                continue
            yield new_finding(
                "fund-sum-mismatch",
                f"预算 {fmt_money(budget.value)} − 支出 {fmt_money(spent.value)} = {fmt_money(computed)}，"
                f"而报告称余下 {fmt_money(left.value)}",
                project=owner, expected=computed, actual=left.value,
                evidence=[span_evidence(element, offset, end)],
            )


def _budget_spent_left(sentence: str, words: dict[str, LazyPattern]) -> tuple[Mention, Mention, Mention] | None:
    """The sentence's three amounts when they are, in order, a budget, a spending and what is left of it."""
    amounts = own_amounts(sentence)
    if len(amounts) != 3 or any(m.value is None for m in amounts):
        return None
    budget, spent, left = amounts
    clauses = [clause_before(sentence, m, _CLAUSE_MARK) for m in amounts]
    if not (words["budget"].search(clauses[0]) and not words["left"].search(clauses[0])
            and words["spent"].search(clauses[1]) and not words["left"].search(clauses[1])
            and words["left"].search(clauses[2]) and not words["stock"].search(clauses[2])):
        return None
    assert budget.value is not None and spent.value is not None
    if spent.value > budget.value or budget.value <= 0:
        return None
    # (a part of what is left, '结余中省级资金5万元已交回'; or more or other than budget − spending: money it also
    # holds, '结余10.2万元（含利息0.2万元）', or a payment still to make, '剩余7万元将于2024年支付')
    if words["left_part"].search(clauses[2]) or names_source(clauses[2]) or words["left_more"].search(
            sentence[left.end:]):
        return None
    return budget, spent, left


def _slack(*amounts: Mention) -> Decimal:
    """What rounding alone can explain: half a unit of the last digit of each amount written with decimals
    ('253.7万元' is said to the 1000 元); one written without them ('12万元', '404元') is taken as exact, as the
    writer meant it. At least 0.01 元."""
    places = [written_precision(a.quantity()) for a in amounts if "." in (a.raw or "")]
    halves = [Decimal(5).scaleb(place - 1) for place in places if place is not None]
    return max(sum(halves, Decimal(0)), Decimal("0.01"))
