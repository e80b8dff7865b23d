"""A fund split into the uses listed after it, with no total printed: its budget is the uses' sum.

'本项目使用提前下达的彩票公益金,资金分作五项:A 1.065万元,B 2.1万元,C 38.472万元…': every amount of the list is
said as money of the fund (planned), and the first is no more the fund's budget than the others; the fund holds
them all. Only a list the sentence announces as the fund's split ('分作/分为/分成 N项:'), each use named, in one
unit, with no verb, total or part of its own, and as many uses as the announcement counts, is read so.
"""

from __future__ import annotations

from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Project, Quantity
from reportparse.parse.amounts import CLAUSE_END, Amount, money_kind
from reportparse.parse.evidence import Sentence, sentence_evidence

#: a clause that gives a component of the amount before it (其中…)
_PART_CLAUSE = lazy_compile(r"^\s*(?:其中|包含|包括)")
_HAN2 = lazy_compile(r"[\u4e00-\u9fff]{2}")
#: the words of a fund that the split is said of ('该资金', '补助经费', '专项款')
_FUND_WORD = lazy_compile(r"(?:资金|经费|补助|补贴|款项?)\s*$")


#: a fund announced as split into the uses listed after it, no total printed: '资金分作五项:A 1.065万元,B 2.1万元…',
#: '经费分为以下3个部分：'; the first use's name follows the announcement
_SPLIT_INTO = lazy_compile(r"(?:分作|分为|分成|拆分为|分配为|分配到)\s*(?:以下)?\s*"
                           r"(?P<count>[一二两三四五六七八九十\d]{1,2})?\s*"
                           r"(?:项|个部分|部分|个方面|个用途|类)\s*[:：]\s*[^，,；;。:：\d]{2,30}$")


def split_into_uses(amounts: list[Amount]) -> list[Amount]:
    """'资金分作五项:A 1.065万元,B 2.1万元,C 38.472万元…': a fund split into listed uses with no total printed —
    the fund's budget is the uses' sum, not the first use's amount. [] when the sentence is not such a list (each
    use named, in one unit, with no verb or total of its own; as many uses as the announcement counts)."""
    if len(amounts) < 2 or any(a.kind not in ("planned", None) for a in amounts):
        return []
    opening = CLAUSE_END.split(amounts[0].gap)[-1]
    split = _SPLIT_INTO.search(opening)
    if split is None or any(a.total_label or a.projects or a.mention.approx for a in amounts):
        return []
    if amounts[0].kind is None and not _FUND_WORD.search(opening[:split.start()]):
        return []  # (no verb said it is money handed down: the split must say it is a fund's, '该资金分为三项')
    if any(a.mention.unit != amounts[0].mention.unit for a in amounts):
        return []
    for later in amounts[1:]:
        clause = CLAUSE_END.split(later.gap)[-1]
        if money_kind(clause) is not None or _PART_CLAUSE.match(clause) or not _HAN2.search(clause):
            return []  # a verb of its own, a part (其中…) or no use's name: not one list
    count = split.group("count")
    if count is not None and (int(count) if count.isdigit() else _SMALL_COUNTS.get(count)) != len(amounts):
        return []
    return amounts


#: the small counts a split announces in words ('分作五项')
_SMALL_COUNTS = {c: n for n, c in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}


def set_split_budget(project: Project, uses: list[Amount], s: Sentence) -> None:
    """The fund's budget as the sum of the uses it was split into, where no other budget was stated."""
    first = uses[0].mention
    budget = project.budget
    if budget.planned is None or budget.planned.value == first.value:
        total = sum((a.mention.value for a in uses if a.mention.value is not None), Decimal(0))
        budget.planned = Quantity(raw="+".join(a.mention.raw for a in uses), value=total, unit=first.unit,
                                  evidence=[sentence_evidence(s)])
