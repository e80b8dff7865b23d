"""A fund's parts accounted for twice, item by item: the money that arrived for each, then the money paid for each.

The transfer-payment template has a subsection on the money that arrived (项目资金到位情况) and one on the money
spent (项目资金执行情况); a fund of several parts lists them in both, numbered the same way ('按项目分:①A应到位68万元,
实到21万元;②B…' and '按项目分:①A…支付21万元;②B 1605万元,资金执行率100%'). A part cannot pay out more than arrived
for it: where it does, one of the two figures is wrong. A list's amounts with no verb of their own take the kind of
the total the list breaks down ('累计支付1696.76万元。按项目分:…②B 1605万元'); money due (应到位) and amounts in
brackets ('(即…第三批补助资金2640万)') are neither.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.budget import FUND_TOLERANCE
from reportparse.checks.common import fmt_money, only_project_name
from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Evidence, Finding, Paragraph

#: what opens a fund's list of parts: '按项目分:', '分项目看：', '具体到各项目:'
_LIST_OPEN = lazy_compile(r"(?:按(?:项目|子项|资金类别|资金类型|专项)(?:划)?分|分(?:项目|子项|专项)(?:看|来看)?"
                          r"|具体到各(?:项目|子项))\s*[:：]")
#: a cheap first look for an opener, in either script ('按项目分', '按項目分', '分项目', '具体到各')
_MAY_LIST = lazy_compile(r"按[^:：]{1,5}分\s*[:：]|分(?:项目|項目|子项|子項|专项|專項)|具[体體]到各")
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
#: an item that says no money came, or none was paid
_NONE_ARRIVED = lazy_compile(r"(?:尚未|还未|暂未|未|没有)(?:资金)?到位")
_NONE_PAID = lazy_compile(r"(?:尚未|还未|暂未|未|没有)(?:资金)?(?:支付|支出|使用|列支|执行)")
_CLAUSE = lazy_compile(r"[，,；;]")


@dataclass
class _Said:
    amount: Decimal
    raw: str
    evidence: Evidence


@dataclass
class _Listed:
    """One list of a fund's parts: its total (the lead sentence's amount of the list's kind) and each item's amount
    of that kind (None where the item gives none that can be read)."""

    kind: str | None
    total: _Said | None
    items: list[tuple[str, _Said | None]]
    evidence: Evidence


@register("conflicting-figures")
def part_paid_beyond_arrived(ctx: CheckContext) -> Iterator[Finding]:
    """A part of the fund, listed item by item, paid out more than arrived for it."""
    if ctx.document is None:
        return
    arrived: dict[str, _Said] = {}
    paid: dict[str, _Said] = {}
    for listed in _part_lists(ctx.document):
        for name, said in listed.items:
            if said is not None and listed.kind is not None:
                {"arrived": arrived, "paid": paid}[listed.kind].setdefault(name, said)
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


@register("fund-sum-mismatch")
def parts_miss_their_total(ctx: CheckContext) -> Iterator[Finding]:
    """The money that arrived, or was paid, for each part of a fund, item by item, against the total the list
    breaks down ('累计支付1696.76万元。按项目分:①A支付21万元;②B 1605万元;…'): the list names every part, so the
    items add up to the total. A list with an item whose amount cannot be read proves nothing."""
    if ctx.document is None:
        return
    owner = only_project_name(ctx.report)
    for listed in _part_lists(ctx.document):
        if listed.total is None or len(listed.items) < 2 or any(said is None for _, said in listed.items):
            continue
        amounts = [said.amount for _, said in listed.items if said is not None]
        summed = sum(amounts, Decimal(0))
        if abs(summed - listed.total.amount) <= FUND_TOLERANCE:
            continue
        terms = " + ".join(fmt_money(a) for a in amounts)
        what = "到位" if listed.kind == "arrived" else "支付"
        yield new_finding(
            "fund-sum-mismatch",
            f"{what}总额“{listed.total.raw}”与按项目所列各项{what}之和 {terms} = {fmt_money(summed)} 不符",
            project=owner, expected=summed, actual=listed.total.amount,
            evidence=[listed.total.evidence, listed.evidence],
        )


def _part_lists(document: Document) -> Iterator[_Listed]:
    """Every list of a fund's parts opened by '按项目分:' (or the like), with the amounts of its kind. Read in the
    reading copy (a traditional reposting's '按項目分:①A應到位…實到…' is the same list)."""
    from reportparse.parse.quantities import money
    from reportparse.parse.reading import reading_document

    if not _MAY_LIST.search("".join(p.text for p in document.paragraphs)):
        return  # (most reports list no parts: the reading copy is made only for those that may)
    previous: Paragraph | None = None
    for paragraph in reading_document(document).paragraphs:
        text = paragraph.text
        for opened in _LIST_OPEN.finditer(text):
            lead_paragraph = paragraph if text[:opened.start()].strip() else previous
            lead = text[:opened.start()] if lead_paragraph is paragraph else (previous.text if previous else "")
            lead_start = max(lead.rstrip("。！! ").rfind(mark) for mark in "。！!") + 1
            lead_sentence = lead[lead_start:]
            kind = ("paid" if _TOTAL_PAID.search(lead_sentence) else
                    "arrived" if _TOTAL_ARRIVED.search(lead_sentence) else None)
            total = None
            for mention in money(lead_sentence):
                clause = _CLAUSE.split(lead_sentence[:mention.start])[-1]
                if mention.value is not None and kind is not None and _kind_of(clause, kind) == kind:
                    total = _Said(mention.value, mention.raw,
                                  _evidence(lead_paragraph or paragraph, lead_start, lead_sentence.rstrip("。")))
            end = text.find("。", opened.end())
            region_start, region = opened.end(), text[opened.end():end if end >= 0 else len(text)]
            starts = [m.end() for m in _ITEM.finditer(region)]
            items: list[tuple[str, _Said | None]] = []
            for begin, stop in zip(starts, [*starts[1:], len(region)], strict=False):
                item = region[begin:stop]
                name_end = _NAME_END.search(item)
                name = item[:name_end.start() if name_end else len(item)].strip()
                if len(name) >= 4:
                    evidence = _evidence(paragraph, region_start + begin, item.rstrip("；;"))
                    items.append((name, _item_amount(item, name, kind, evidence)))
            yield _Listed(kind, total, items, _evidence(paragraph, region_start, region))
        previous = paragraph


def _kind_of(clause: str, bare: str | None) -> str | None:
    """What the money right after `clause` is: arrived, paid, due (None), or, with no verb of its own, `bare`."""
    if _DUE.search(clause):
        return None
    if _ARRIVED.search(clause):
        return "arrived"
    if _PAID.search(clause):
        return "paid"
    return bare


def _item_amount(item: str, name: str, kind: str | None, evidence: Evidence) -> _Said | None:
    """The item's amount of the list's kind: the first one said so (a bare amount right after the item's name is
    of the list's kind), 0 where the item says none came or was paid ('尚未到位', '没有支付'); None where it gives
    none that can be read."""
    from reportparse.parse.quantities import money

    blanked = _BRACKET.sub(lambda m: "□" * len(m.group(0)), item)
    for mention in money(blanked):
        clause = _CLAUSE.split(blanked[:mention.start])[-1]
        bare = kind if clause.strip() == name or clause.strip().endswith(name) else None
        if mention.value is not None and kind is not None and _kind_of(clause, bare) == kind:
            return _Said(mention.value, item[mention.start:mention.end], evidence)
    none_said = _NONE_ARRIVED if kind == "arrived" else _NONE_PAID
    said_none = none_said.search(blanked) if kind is not None else None
    return _Said(Decimal(0), said_none.group(0), evidence) if said_none else None


def _evidence(paragraph: Paragraph, offset: int, text: str) -> Evidence:
    line = next((ln for ln, (a, b) in zip(paragraph.lines, paragraph.spans, strict=False) if a <= offset < b), None)
    return Evidence(page=line.page if line else paragraph.page, text=text.strip(), line=line.line if line else None,
                    bbox=line.bbox if line else None, confidence=line.confidence if line else None)
