"""An execution rate said in a sentence with the money it is of: '支出决算为1741.75万元，完成年初预算100%，
决算数大于预算数55.93万元' states the budget (1741.75 − 55.93 = 1685.82万元) and so the rate (103.32%) twice.

A department report says this of its fund or of a function of it, not of a project, so the parser's budget
never holds it; a sentence whose rate is a project's printed rate is the budget checks' (checks/budget.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import fmt, fmt_money, only_project_name
from reportparse.checks.fundparts import clause_before, is_change
from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.model import Finding
from reportparse.parse.evidence import span_evidence
from reportparse.parse.quantities import Mention, money

#: (a '；' goes on with the same money: '…支出总计1741.75万元，与上年相比减少53.7万元；完成年初预算100%')
_SENTENCE_END = lazy_compile(r"[。！!]")
#: '完成预算的89.7%', '完成年初预算100%', '完成调整后预算数的96.5%', '支出90万元，占预算的95%'; and a
#: department's “三公”经费 控制率, its spending ÷ its budget too ('“三公”经费预算10万元，实际支出8万元，控制率80%')
#: (only money's 控制率, a rate of 经费/支出/成本: a health report's '高血压控制率' is no such thing; the bare '控制率'
#: of a clause after the money's own label, '“三公”经费控制率：…，控制率为75%', is the same rate)
_COMPLETED = lazy_compile(r"(?:(?:完成|占)(?:了)?(?:年初|全年|调整后)?预算(?:数)?(?:的)?"
                          r"|(?:经费|支出|成本)控制率\s*(?:为|是|达到|:|：)?|(?<=[，,；;])\s*控制率\s*(?:为|是|达到|:|：)?)"
                          r"\s*(\d+(?:\.\d+)?)\s*[%％]")
#: '决算数大于预算数55.93万元', '决算数小于年初预算12万元' — the amount is read from the text after the match
_GAP = lazy_compile(r"决算(?:数)?(大于|高于|超过|超出|小于|低于|少于)(?:年初|全年|调整后)?预算(?:数)?\s*$")
_ABOVE = ("大于", "高于", "超过", "超出")
#: the clause of the money spent ('支出决算为…', '执行数为…', '决算支出…')
_SPENT = lazy_compile(r"决算|支出|执行数|执行金额|实际使用|使用资金")
#: the clause of the budget ('年初预算为…', '全年预算数…', '本年度财政拨款为…')
_BUDGETED = lazy_compile(r"预算|财政拨款为|安排")
#: a whole percent, or one or two decimals of it
_RATE_TOLERANCE = Decimal("0.5")
_HUNDRED = Decimal(100)


@register("budget-rate-mismatch")
def completed_rate_said(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence's '完成预算X%' that is not its spending ÷ its budget (the budget said, or the spending less
    the gap the sentence gives between them)."""
    if ctx.document is None:
        return
    owned = {ev.text for p in ctx.report.projects if p.budget.printed_rate is not None
             for ev in p.budget.printed_rate.evidence if ev.text}
    owner = only_project_name(ctx.report)
    for element in ctx.document.paragraphs:
        text = element.text
        start = 0
        for stop in [*_SENTENCE_END.finditer(text), None]:
            end = stop.start() if stop else len(text)
            sentence, offset, start = text[start:end], start, (stop.end() if stop else len(text))
            said = _COMPLETED.search(sentence)
            if said is None or any(sentence.strip() in quote or quote in sentence for quote in owned):
                continue
            computed = _computed(sentence, said.start())
            if computed is None:
                continue
            rate, how = computed
            stated = Decimal(said.group(1))
            if abs(stated - rate) <= _RATE_TOLERANCE:
                continue
            said_as = "控制率" if "控制率" in said.group(0) else "完成预算"
            yield new_finding(
                "budget-rate-mismatch",
                f"报告称{said_as} {fmt(stated)}%，而 {how} = {fmt(rate)}%",
                project=owner, expected=rate, actual=stated,
                evidence=[span_evidence(element, offset, end)],
            )


def _computed(sentence: str, rate_at: int) -> tuple[Decimal, str] | None:
    """The rate the sentence's own amounts give, and how: spent ÷ budget."""
    amounts = [m for m in money(sentence) if m.value is not None and not is_change(sentence, m)]
    spent = _last_said(sentence, [m for m in amounts if m.start < rate_at], _SPENT)
    if spent is None or spent.value is None or not spent.value:
        return None
    gap = next((m for m in amounts if m.start > spent.end and _GAP.search(clause_before(sentence, m))), None)
    budget = _last_said(sentence, [m for m in amounts if m.start < spent.start], _BUDGETED)
    if gap is not None and gap.value is not None:
        above = _GAP.search(clause_before(sentence, gap))
        assert above is not None
        planned = spent.value - gap.value if above.group(1) in _ABOVE else spent.value + gap.value
        sign = "−" if planned < spent.value else "+"
        how = f"决算数 {fmt_money(spent.value)} ÷ 预算数（{fmt_money(spent.value)} {sign} {fmt_money(gap.value)}）"
    elif budget is not None and budget.value is not None:
        planned = budget.value
        how = f"决算数 {fmt_money(spent.value)} ÷ 预算数 {fmt_money(planned)}"
    else:
        return None
    if planned <= 0:
        return None
    return (spent.value / planned * _HUNDRED).quantize(Decimal("0.01")), how


def _last_said(sentence: str, amounts: list[Mention], words: LazyPattern) -> Mention | None:
    """The last of `amounts` whose own clause has one of the words."""
    return next((m for m in reversed(amounts) if words.search(clause_before(sentence, m))), None)
