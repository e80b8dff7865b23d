"""Budgets a narrative states twice: restated after a change, spent in full by its printed rate alone, or said
spent in full ('资金已全部拨付') beside a smaller amount paid (a second statement of the spending, for the checks).

Transfer-payment reports tell the money's story in steps: the first allotment, a cut (追减) or an addition, then
the budget that stands; a rate of 100% said of an allotment with no amount spent. Each rule takes the later
figure only where the arithmetic says it is the same money (the change leaves exactly it, the rate is 100%).
`parse/funds` calls them as it goes through the amounts. (The whole received with the sources as its parts,
'共收到财政资金2330.9万元，其中：中央资金1372.7万元…', is weighed once all is read, in `parse/budgetchoice`.)
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import BudgetFigure, Project
from reportparse.parse.amounts import CLAUSE_END, Amount
from reportparse.parse.budgetchoice import RATE_TOLERANCE_PP, BudgetRank
from reportparse.parse.evidence import Sentence, said_before, sentence_evidence
from reportparse.parse.fundwords import further_source
from reportparse.parse.quantities import money

#: the whole money said spent, and nothing after it: '资金已全部拨付。', '经费已全额支付完毕', with how it was paid
#: said on either side, '已按时全部拨付', '均已及时足额拨付' (not '全部拨付到位', '全部拨付到项目单位': money that
#: arrived, or was passed on to the body that spends it)
PAID_MANNER = r"(?:按时|及时|按期|如期|按进度|按合同|按规定|依规)?"
_ALL_PAID_OUT = lazy_compile(rf"(?:已经?|均已)\s*{PAID_MANNER}\s*(?:全部|全额|足额)\s*{PAID_MANNER}"
                             r"(?:支付|拨付|支出|使用|执行|发放|兑付)(?:完毕|完成)?\s*[。；;！!]?\s*$")


def said_spent_in_full(project: Project, s: Sentence) -> None:
    """'资金已全部拨付' said, with no amount, of a project whose spending the report states short of its budget
    ('已拨付680万元，执行率为80%'): a second statement of the spending, the whole budget, which the checks set
    against the first."""
    budget = project.budget
    planned, executed = budget.planned, budget.executed
    if planned is None or executed is None or planned.value is None or executed.value is None:
        return
    if executed.value >= planned.value or money(s.text) or not _ALL_PAID_OUT.search(s.text):
        return
    said = planned.model_copy(update={"raw": s.text.strip(), "evidence": [sentence_evidence(s)]})
    budget.restatements.append(BudgetFigure(figure="executed", quantity=said))


def spent_at_full_rate(project: Project) -> None:
    """'X已及时划拨给传承人，资金使用率100%' with no amount spent: the rate says the whole budget was spent. Only a
    rate its part of the sentence (up to '；') states without money: beside an amount ('全年应执行数为7.79万元，
    实际执行率为100%') the amounts say what the money was, and the rate is checked against them."""
    budget = project.budget
    rate = budget.printed_rate
    if budget.executed is not None or budget.planned is None or rate is None or rate.value != 100:
        return
    before = said_before(rate)
    if before is None or money(re.split(r"[；;]", before)[-1]):
        return
    budget.executed = budget.planned.model_copy(update={"evidence": list(rate.evidence)})


#: the words of a change to the budget that lowers it
_CUT = lazy_compile(r"调减|核减|追减")


def note_change(project: Project, amount: Amount, left: dict[str, Decimal]) -> None:
    """Remember the budget a change leaves ('追减我县…资金223.57万元' from the 412.85万元 allotted: 189.28万元)."""
    planned = project.budget.planned
    change = amount.mention.value
    if planned is None or planned.value is None or change is None or amount.mention.unit != planned.unit:
        return
    base = left.get(project.name, planned.value)
    cut = _CUT.search(CLAUSE_END.split(amount.gap)[-1]) is not None
    left[project.name] = base - change if cut else base + change


def left_by_change_restated(project: Project, amount: Amount, s: Sentence, left: dict[str, Decimal],
                            ranks: dict[str, BudgetRank]) -> bool:
    """A budget restated after a change, in a sentence of its own ('追减…223.57万元。' then '我县…资金189.28万元，
    其中…'): the figure the change left is the budget as it stands, above the first allotment."""
    expected = left.get(project.name)
    value = amount.mention.value
    if expected is None or value is None or amount.mention.unit != "元" or abs(value - expected) > 1:
        return False
    project.budget.planned = amount.mention.quantity(sentence_evidence(s))
    ranks[project.name] = BudgetRank.NAMED_YEAR
    del left[project.name]
    return True


def sources_summed(project: Project, further: list[tuple[Amount, Sentence]]) -> None:
    """'州财政局拨入X经费20.00万元；上级补助48.41万元。支出68.41万元，…执行率100%': the budget is the allotment and the
    further sources said after it with no verb, where the spending, beyond the allotment alone, is their sum at the
    rate the report prints ('省级下达36万元，县级配套资金12万元…使用46.8万元，执行率97.5%'; the allotment alone is the
    year-start budget). Only then: a figure said with no verb is otherwise no budget."""
    budget = project.budget
    planned, executed, rate = budget.planned, budget.executed, budget.printed_rate
    if planned is None or executed is None or rate is None or rate.value is None or not 0 < rate.value <= 100:
        return
    if planned.value is None or executed.value is None or executed.value <= planned.value:
        return
    sources = [(a, s) for a, s in further if a.mention.unit == planned.unit and a.mention.value
               and further_source().search(CLAUSE_END.split(a.gap)[-1])]
    total = planned.value + sum((a.mention.value or Decimal(0) for a, _ in sources), Decimal(0))
    if not sources or abs(executed.value / total * 100 - rate.value) > RATE_TOLERANCE_PP:
        return
    budget.initial = budget.initial or planned
    raw = "+".join([planned.raw, *(a.mention.raw for a, _ in sources)])
    evidence = [*planned.evidence, *(sentence_evidence(s) for _, s in sources)]
    budget.planned = planned.model_copy(update={"raw": raw, "value": total, "evidence": evidence})

