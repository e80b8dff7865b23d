"""Is an amount said of the same money as another? The scope words a careful auditor reads in the clause of
each figure before setting one against the other: a budget of one source of money ('本级资金40万元') against the
project's whole spending, spending over several years ('2021-2023年累计支出', '自2020年以来') against one year's
budget, an investment (完成投资, which holds the money of every source) against the fiscal budget, a rate of a
wider area ('全市…执行率92.5%') against the project's own. Such pairs answer different questions: their gap is no
overspend and no conflict. The words are in lexicon/money_scope.json."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Quantity

#: a clause ends at a comma, a semicolon or a full stop: the words that qualify an amount stand in its clause
_CLAUSE_MARK = lazy_compile(r"[，,；;。！!]")
#: a span of several years written with its years ('2021-2023年', '2021年至2023年', '2020—2023年度')
_YEAR_SPAN = lazy_compile(r"(?:19|20)\d\d\s*年?\s*(?:[-—–~～至到])\s*(?:19|20)\d\d")


@cache
def _words(kind: str) -> re.Pattern[str]:
    return re.compile(alternation(lexicon("money_scope.json")[kind]))


def clause_of(quantity: Quantity | None) -> str | None:
    """The words of the amount's clause before it, from its quote; None where the quote does not hold it (a form's
    cell, a figure put together by the reader)."""
    if quantity is None or not quantity.evidence or not quantity.raw.strip():
        return None
    evidence = quantity.evidence[0]
    if evidence.table is not None or evidence.cell is not None:
        return None
    text = evidence.text
    at = text.find(quantity.raw.strip())
    if at < 0:
        return None
    return _CLAUSE_MARK.split(text[:at])[-1]


#: what follows a source word that names money of that source ('本级资金', '县级财政', '中央补助'), not the level that
#: acts ('省级统筹安排…', '中央下达…': the whole money that level handles)
_SOURCE_MONEY = lazy_compile(r"\s*(?:级)?(?:资金|财政|配套|补助|专项|衔接|预算|拨款|投入)")
#: a whole broken into its sources right after the amount ('…756544万元，其中，中央资金…、省级资金…')
_PARTS_FOLLOW = lazy_compile(r"^[，,：:\s]*(?:其中|含|包括)")


def names_source(clause: str) -> str | None:
    """The one source of money the clause names ('本级资金', '县级配套'), None if none."""
    for found in _words("source").finditer(clause):
        if found.group(0) in ("配套", "自筹", "上级补助") or _SOURCE_MONEY.match(clause, found.end()):
            return found.group(0)
    return None


def _broken_into_sources(quantity: Quantity | None) -> bool:
    """Is the amount followed by the list of its sources (so it is their whole, whatever its clause names)?"""
    if quantity is None or not quantity.evidence:
        return False
    text = quantity.evidence[0].text
    at = text.find(quantity.raw.strip())
    return at >= 0 and bool(_PARTS_FOLLOW.match(text[at + len(quantity.raw.strip()):]))


def spans_several_years(clause: str) -> bool:
    """Is the amount the money of several years ('2021-2023年累计', '自2020年实施以来', '近三年')?"""
    return bool(_YEAR_SPAN.search(clause) or _words("several_years").search(clause))


def is_investment(clause: str) -> bool:
    """Is the amount an investment (完成投资, 总投资), the money of every source of the works?"""
    return bool(_words("investment").search(clause))


def counts_other_money(text: str) -> bool:
    """Does the text count money besides the project's fiscal funds ('项目总成本（含群众自筹）', '含社会资金')?"""
    return bool(_words("other_money").search(text))


def wider_area(clause: str) -> bool:
    """Is the figure said of a wider area or of a class of projects ('全市', '该类项目') than the project?"""
    return bool(_words("wider_area").search(clause))


def not_the_same_money(planned: Quantity | None, executed: Quantity | None) -> str | None:
    """Why a budget and a spending stated in prose are not the same money (None where nothing says so): the
    budget of one source against spending that names none or another, spending over several years, an
    investment against a budget that is none."""
    budget_clause, spent_clause = clause_of(planned), clause_of(executed)
    if spent_clause is not None and spans_several_years(spent_clause):
        return "执行数为多年累计"
    budget_invested = budget_clause is not None and is_investment(budget_clause)
    if spent_clause is not None and is_investment(spent_clause) and not budget_invested:
        return "执行数为完成投资"
    if budget_clause is not None and not _broken_into_sources(planned):
        source = names_source(budget_clause)
        if (source is not None and (spent_clause is None or names_source(spent_clause) != source)
                and _another_source_named(source, planned, executed)):
            return "预算数只是一种资金来源"
    return None


def _another_source_named(source: str, *quantities: Quantity | None) -> bool:
    """Do the sentences of the two figures name a source of money besides the budget's ('资金来源为上级补助资金和
    本级资金', '资金来源包括中央、省、县三级')? Only then is that budget one part of the project's money: a budget said
    of its one source ('中央财政下达我县…600万元') is often all the money there is."""
    texts = {q.evidence[0].text for q in quantities if q is not None and q.evidence}
    named = {m.group(0) for text in texts for m in _words("source").finditer(text)}
    named |= {m.group(1) for text in texts for m in _LEVELS_LISTED.finditer(text)}
    return bool({_LEVEL_OF.get(word, word) for word in named} - {_LEVEL_OF.get(source, source)})


#: levels listed bare ('中央、省、县三级', '省、市、县'): each a source
_LEVELS_LISTED = lazy_compile(r"(中央|省|市|县|区)(?=[、和及与]|三级|两级|共同)")
#: the words of one level of government, to tell two sources apart ('县级' and '县本级' and '县' are one)
_LEVEL_OF = {"县本级": "县", "县级": "县", "本级": "县", "市本级": "市", "市级": "市", "省级": "省", "区级": "区",
             "州级": "州"}


def within_its_last_digit(total: Quantity, summed: Decimal) -> bool:
    """Is the total printed coarser than the parts' sum and within one unit of its own last digit ('1,205' of
    parts that make 1205.5, a figure a wrapped cell cut after its decimal point, or a total printed in whole 万元)?
    Its printed digits cannot say more: that is no mismatch."""
    from reportparse.checks.budget import FUND_TOLERANCE
    from reportparse.checks.figures import printed_place

    if total.value is None:
        return False
    place = printed_place(total)
    if place is None or Decimal(1).scaleb(place) <= FUND_TOLERANCE:
        return False
    return abs(summed - total.value) < Decimal(1).scaleb(place)


#: a figure that starts with three digits right after digits and a comma ('363，500元'): the tail of one number
#: whose thousands separator a scan read as a comma, not a number of its own
_AFTER_SEPARATOR = lazy_compile(r"\d[，,]\s?$")
_THREE_DIGITS = lazy_compile(r"\d{3}(?!\d)")


def cut_at_a_separator(quantity: Quantity | None) -> bool:
    """Is the amount the tail of a larger number cut at its thousands separator ('363，500元' read as 500元)?"""
    if quantity is None or not quantity.evidence:
        return False
    text, raw = quantity.evidence[0].text, quantity.raw.strip()
    if not _THREE_DIGITS.match(raw):
        return False
    # (every place the figure stands in its quote: '363.500元，…363，500元' holds '500元' twice)
    return any(_AFTER_SEPARATOR.search(text[:found.start()]) for found in re.finditer(re.escape(raw), text))
