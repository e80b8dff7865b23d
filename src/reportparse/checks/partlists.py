"""A fund's parts accounted for twice, item by item: the money that arrived for each, then the money paid for each.

The transfer-payment template has a subsection on the money that arrived (项目资金到位情况) and one on the money
spent (项目资金执行情况); a fund of several parts lists them in both, numbered the same way ('按项目分:①A应到位68万元,
实到21万元;②B…' and '按项目分:①A…支付21万元;②B 1605万元,资金执行率100%'). A part cannot pay out more than arrived
for it: where it does, one of the two figures is wrong. A list's amounts with no verb of their own take the kind of
the total the list breaks down ('累计支付1696.76万元。按项目分:…②B 1605万元'); money due (应到位) and amounts in
brackets ('(即…第三批补助资金2640万)') are neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.budget import FUND_TOLERANCE
from reportparse.checks.common import fmt_money, only_project_name
from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Finding, Paragraph

#: what opens a fund's list of parts: '按项目分:', '分项目看：', '具体到各项目:'
_LIST_OPEN = lazy_compile(r"(?:按(?:项目|子项|资金类别|资金类型|专项)(?:划)?分|分(?:项目|子项|专项)(?:看|来看)?"
                          r"|具体到各(?:项目|子项))\s*[:：]")
#: an item's number: ①…⑳, '1、', '2.', '(3)', or a bare digit run into the item's first word ('5新一轮…')
_ITEM = lazy_compile(r"(?:^|(?<=[:：；;]))\s*(?:[①-⑳]|[(（]\d{1,2}[)）]|\d{1,2}[、.．]?(?=[\u4e00-\u9fff]))")
#: the words before an item's amount that make it money received (实到, 实际到位, 到账), or money due (应到位)
_ARRIVED = lazy_compile(r"(?:实到|实际到位|已到位|到位|到账|收到)(?:资金)?\s*(?:为|是)?\s*$")
_DUE = lazy_compile(r"应(?:到位|拨付|下达|安排)")
#: the words before an item's amount that make it money paid out
_PAID = lazy_compile(r"(?:支付|支出|使用|列支|执行|拨付|兑付|发放)(?:了|资金)?\s*(?:为|是)?\s*$")
#: the verb of a list's total: what its bare amounts are
_TOTAL_PAID = lazy_compile(r"支付|支出|使用|列支|执行")
_TOTAL_ARRIVED = lazy_compile(r"到位|到账|收到")
#: where an item's name ends: its first verb, clause mark or figure
_NAME_END = lazy_compile(r"应到位|实到|实际到位|到位|用于|支付|支出|使用|执行|没有|尚未|未|[，,；;:：(（\d]")
_BRACKET = lazy_compile(r"[(（][^()（）]*[)）]")
_CLAUSE = lazy_compile(r"[，,；;]")


@dataclass
class _Said:
    amount: Decimal
    raw: str
    evidence: Evidence


@register("conflicting-figures")
def part_paid_beyond_arrived(ctx: CheckContext) -> Iterator[Finding]:
    """A part of the fund, listed item by item, paid out more than arrived for it."""
    from reportparse.parse.quantities import money

    if ctx.document is None:
        return
    arrived: dict[str, _Said] = {}
    paid: dict[str, _Said] = {}
    previous = ""
    for paragraph in ctx.document.paragraphs:
        text = paragraph.text
        for opened in _LIST_OPEN.finditer(text):
            lead = text[:opened.start()] or previous
            lead_sentence = re.split(r"[。！!]", lead.rstrip("。！! "))[-1]
            bare_kind = ("paid" if _TOTAL_PAID.search(lead_sentence) else
                         "arrived" if _TOTAL_ARRIVED.search(lead_sentence) else None)
            end = text.find("。", opened.end())
            region_start, region = opened.end(), text[opened.end():end if end >= 0 else len(text)]
            starts = [m.end() for m in _ITEM.finditer(region)]
            for begin, stop in zip(starts, [*starts[1:], len(region)], strict=False):
                item = region[begin:stop]
                name_end = _NAME_END.search(item)
                name = item[:name_end.start() if name_end else len(item)].strip()
                if len(name) < 4:
                    continue
                blanked = _BRACKET.sub(lambda m: "□" * len(m.group(0)), item)
                for mention in money(blanked):
                    if mention.value is None:
                        continue
                    clause = _CLAUSE.split(blanked[:mention.start])[-1]
                    if _DUE.search(clause):
                        continue
                    kind = ("arrived" if _ARRIVED.search(clause) else "paid" if _PAID.search(clause)
                            else bare_kind if clause.strip() == name or clause.strip().endswith(name) else None)
                    said = _Said(mention.value, item[mention.start:mention.end],
                                 _evidence(paragraph, region_start + begin, item.rstrip("；;")))
                    if kind == "arrived":
                        arrived.setdefault(name, said)
                    elif kind == "paid":
                        paid.setdefault(name, said)
        previous = text
    owner = only_project_name(ctx.report)
    for name, spent in paid.items():
        came = next((said for other, said in arrived.items() if other in name or name in other), None)
        if came is None or spent.amount - came.amount <= FUND_TOLERANCE:
            continue
        yield new_finding(
            "conflicting-figures",
            f"“{name}”支付 {fmt_money(spent.amount)}（“{spent.raw}”），多于其实际到位资金 {fmt_money(came.amount)}"
            f"（“{came.raw}”）：同一分项的到位数与支付数不一致",
            project=owner, indicator=name, expected=came.amount, actual=spent.amount,
            evidence=[came.evidence, spent.evidence],
        )


def _evidence(paragraph: Paragraph, offset: int, text: str) -> Evidence:
    line = next((ln for ln, (a, b) in zip(paragraph.lines, paragraph.spans, strict=False) if a <= offset < b), None)
    return Evidence(page=line.page if line else paragraph.page, text=text.strip(), line=line.line if line else None,
                    bbox=line.bbox if line else None, confidence=line.confidence if line else None)
