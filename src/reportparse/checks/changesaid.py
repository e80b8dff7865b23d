"""A change said twice in one breath: an amount, its rise or fall on another year or on the budget in money,
and the same rise or fall in percent ('公务接待费支出5.21万元，与预算相比减少0.1万元，下降0.006%'). The two
statements of the change must fit the amount: the rate is the change over the figure compared with (the
amount less a rise, or plus a fall). Department reports write these trios for every fund and category; a
rate the money does not give is one figure said two ways (scoring-rules P17: 文字与表格不符 within the text).

The check needs nothing but the sentence: no table, no project. Each figure is allowed its printed rounding
(half its last digit), and the rate may be reckoned on the amount itself, as some writers do: only a rate
that no rounding and neither base can give is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import fmt, fmt_money, only_project_name
from reportparse.checks.figures import TRUNCATION_SLACK, half_last_digit, percent_bounds
from reportparse.lazypattern import lazy_compile
from reportparse.model import Finding
from reportparse.normalise.units import yuan_per
from reportparse.parse.evidence import span_evidence

#: an amount, thousands separated or not ('1,234.56万元'), not the tail of a longer number
_AMOUNT = r"(?<![\d,.])(?P<{0}>\d[\d,]*(?:\.\d+)?)\s*(?P<{0}_unit>亿元|万元|元)"
_RISE = r"增加|增长|上升|提高|多支出|超支"
_FALL = r"减少|下降|降低|节约|压减|少支出"
#: '…5.21万元，与2021年度预算相比减少0.1万元，下降0.006%', '…1000万元，比上年增加100万元，增长11.11%'
_TRIO = lazy_compile(
    _AMOUNT.format("amount") + r"\s*[，,]?\s*"
    r"(?:(?:比|较|同比|与|和)[^，,；;。%％]{0,16}?(?:相比|比较)?|同比)\s*[，,]?\s*"
    r"(?P<dir>" + _RISE + "|" + _FALL + r")了?\s*" + _AMOUNT.format("change") + r"\s*[，,]?\s*"
    r"(?:同比)?(?P<dir2>增长|增加|上升|提高|增幅|下降|减少|降低|降幅)了?(?:幅度)?(?:为|达)?\s*(?P<rate>\d+(?:\.\d+)?)\s*[%％]")
#: '…1000万元，较上年1200万元减少200万元', '…支出95万元，比预算100万元下降5%': both figures printed, and the change
_WITH_BASE = lazy_compile(
    _AMOUNT.format("amount") + r"\s*[，,]?\s*(?:比|较|与|和)(?:(?!" + _RISE + "|" + _FALL + r")[^，,；;。%％\d]){0,12}?"
    + _AMOUNT.format("base")
    + r"\s*(?:相比|比较)?\s*[，,]?\s*(?:同比)?(?P<dir>" + _RISE + "|" + _FALL + r"|增幅|降幅)了?(?:为|达)?\s*"
    r"(?:" + _AMOUNT.format("change") + r"|(?P<rate>\d+(?:\.\d+)?)\s*[%％])")
#: '预算14.9万元，决算5.21万元，比预算减少0.1万元': the budget and the spending said, then the one against the other
_BUDGET_THEN_SPENT = lazy_compile(
    r"(?:年初|全年|调整后)?预算(?:数|金额|安排)?\s*(?:为|是|[:：])?\s*" + _AMOUNT.format("base") + r"\s*[，,；;]\s*"
    r"(?:实际|全年)?(?:决算|支出|执行)(?:数|金额)?\s*(?:为|是|[:：])?\s*" + _AMOUNT.format("amount") + r"\s*[，,]\s*"
    r"(?:比|较|与)(?:年初|全年|调整后)?预算(?:数)?(?:相比)?\s*[，,]?\s*(?P<dir>" + _RISE + "|" + _FALL
    + r"|增幅|降幅)了?(?:为|达)?\s*(?:" + _AMOUNT.format("change") + r"|(?P<rate>\d+(?:\.\d+)?)\s*[%％])")
#: the clause that names what the amount is, before it ('2.公务接待费支出')
_CLAUSE_START = lazy_compile(r"[，,；;。：:]")
_NUMBERING = lazy_compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)+")
_HUNDRED = Decimal(100)


def _figure(said: re.Match[str], name: str) -> tuple[Decimal, Decimal]:
    """A printed amount of the match in 元, and half its last digit."""
    printed = said.group(name).replace(",", "")
    unit = yuan_per(said.group(f"{name}_unit"))
    return Decimal(printed) * unit, half_last_digit(printed) * unit


@register("conflicting-figures")
def change_said_in_money_and_rate(ctx: CheckContext) -> Iterator[Finding]:
    """An amount's rise or fall said in money and in percent where the percent is no rate the money gives."""
    if ctx.document is None:
        return
    owner = only_project_name(ctx.report)
    for para in ctx.document.paragraphs:
        for said in _TRIO.finditer(para.text):
            rises = said.group("dir") in _RISE.split("|")
            if rises != (said.group("dir2") in (*_RISE.split("|"), "增幅")):
                continue  # (a rise in money and a fall in percent: two things said, not one)
            unit = yuan_per(said.group("amount_unit"))
            change_unit = yuan_per(said.group("change_unit"))
            printed_amount, printed_change = (said.group(name).replace(",", "") for name in ("amount", "change"))
            amount, amount_half = Decimal(printed_amount) * unit, half_last_digit(printed_amount) * unit
            change, change_half = Decimal(printed_change) * change_unit, half_last_digit(printed_change) * change_unit
            stated, stated_half = Decimal(said.group("rate")), half_last_digit(said.group("rate")) + TRUNCATION_SLACK
            compared = amount - change if rises else amount + change
            ranges = [percent_bounds(change, change_half, compared, amount_half + change_half),
                      percent_bounds(change, change_half, amount, amount_half)]
            if any(low - stated_half <= stated <= high + stated_half for low, high in ranges):
                continue
            computed = (change / compared * _HUNDRED).quantize(Decimal("0.01")) if compared > 0 else None
            clause = _CLAUSE_START.split(para.text[:said.start()])[-1]
            subject = _NUMBERING.sub("", clause).strip() or None
            how = f"{fmt(change / change_unit)}{said.group('change_unit')} ÷ {fmt(compared / unit)}" \
                  f"{said.group('amount_unit')} = {computed}%" if computed is not None else "无从得出"
            yield new_finding(
                "conflicting-figures",
                f"“{(clause + said.group()).strip()}”：{said.group('dir')}{said.group('change')}"
                f"{said.group('change_unit')}与{said.group('dir2')}{said.group('rate')}%不能同时成立（{how}）",
                project=owner, indicator=subject if subject and len(subject) <= 24 else None,
                expected=computed, actual=stated,
                evidence=[span_evidence(para, said.start() - len(clause), said.end())],
            )


@register("conflicting-figures")
def change_said_beside_both_figures(ctx: CheckContext) -> Iterator[Finding]:
    """An amount compared with another printed in the same clause ('1000万元，较上年1200万元减少200万元'), or a
    budget and its spending each said, then the spending's rise or fall on the budget ('预算14.9万元，决算5.21万元，
    比预算减少0.1万元'), whose stated change, in money or in percent of the other, is not their difference."""
    if ctx.document is None:
        return
    owner = only_project_name(ctx.report)
    for para in ctx.document.paragraphs:
        for said in (*_WITH_BASE.finditer(para.text), *_BUDGET_THEN_SPENT.finditer(para.text)):
            how = _misfit(said)
            if how is None:
                continue
            clause = _CLAUSE_START.split(para.text[:said.start()])[-1]
            subject = _NUMBERING.sub("", clause).strip() or None
            yield new_finding(
                "conflicting-figures",
                f"“{(clause + said.group()).strip()}”：所称变化与两数不符（{how}）",
                project=owner, indicator=subject if subject and len(subject) <= 24 else None,
                expected=_figure(said, "amount")[0] - _figure(said, "base")[0], actual=said.group(),
                evidence=[span_evidence(para, said.start() - len(clause), said.end())],
            )


def _misfit(said: re.Match[str]) -> str | None:
    """How the stated change misses the two figures' difference; None when some rounding of them gives it."""
    (amount, amount_half), (base, base_half) = _figure(said, "amount"), _figure(said, "base")
    rises = said.group("dir") in (*_RISE.split("|"), "增幅")
    gap = amount - base
    if gap and (gap > 0) != rises and abs(gap) > amount_half + base_half:
        return (f"{fmt(amount / yuan_per(said.group('amount_unit')))}{said.group('amount_unit')} 比 "
                f"{fmt(base / yuan_per(said.group('base_unit')))}{said.group('base_unit')}{'多' if gap > 0 else '少'}")
    if said.group("change") is not None:
        change, change_half = _figure(said, "change")
        if abs(abs(gap) - change) <= amount_half + base_half + change_half:
            return None
        return f"两数相差 {fmt_money(abs(gap))}"
    stated = Decimal(said.group("rate"))
    low, high = percent_bounds(abs(gap), amount_half + base_half, base, base_half)
    allowed = half_last_digit(said.group("rate")) + TRUNCATION_SLACK
    if low - allowed <= stated <= high + allowed:
        return None
    share = (abs(gap) / base * _HUNDRED).quantize(Decimal("0.01")) if base > 0 else None
    return f"两数相差 {fmt_money(abs(gap))}，为后者的 {share}%" if share is not None else "无从得出"
