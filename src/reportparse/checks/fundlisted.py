"""Parts listed before their 合计 in one sentence: 'A资金60万元，B资金30万元，C资金10万元，合计110万元'.

A 合计/共计/总计 that closes a list is by its word the sum of what the list gave, so a sum either side of it is
a fund-sum-mismatch (unlike a 其中 list after a total, which may name only some parts). Only a sentence whose every
other amount is a part is read: no 其中 or 分别 list (the breakdown checks' own), no rise or fall on the year
before, no bracketed detail of a part, and parts of one kind of money — not a budget beside its spending.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportparse.checks import CheckContext, register
from reportparse.checks.budget import FUND_TOLERANCE
from reportparse.checks.common import only_project_name
from reportparse.checks.fundparts import clause_before, own_amounts, parts_sum_mismatch
from reportparse.lazypattern import lazy_compile
from reportparse.model import Finding
from reportparse.parse.evidence import span_evidence

_SENTENCE_END = lazy_compile(r"[。！!]")
_CLAUSE_MARK = lazy_compile(r"[，,；;:：]")
#: the closing total's own clause: '合计110万元', '以上三项共计…', '两项资金总计为…'
_CLOSING_TOTAL = lazy_compile(r"^\s*(?:以上|上述)?(?:[两二三四五六七八九十\d]+项|各项)?(?:资金|经费)?"
                              r"(?:合计|共计|总计)\s*(?:为|是|:|：)?\s*$")
#: a breakdown of its own, or a list of amounts of several things in turn: not a list closed by its sum
_OTHER_LIST = lazy_compile(r"其中|分别")
#: the kinds of money a list of parts may mix (a budget's sources, what arrived): not spending beside a budget
_SAME_MONEY = frozenset({None, "planned", "arrived"})


@register("fund-sum-mismatch")
def listed_then_totalled(ctx: CheckContext) -> Iterator[Finding]:
    """A sentence's parts that do not add up to the 合计 that closes them."""
    from reportparse.parse.amounts import money_kind

    if ctx.document is None:
        return
    known = {t.total.value for t in ctx.report.fund_totals if t.total.value is not None}
    owner = only_project_name(ctx.report)
    for element in ctx.document.paragraphs:
        text = element.text
        start = 0
        for stop in _SENTENCE_END.finditer(text):
            sentence, offset, start = text[start:stop.start()], start, stop.end()
            if _OTHER_LIST.search(sentence):
                continue
            amounts = own_amounts(sentence)
            if len(amounts) < 3 or any(m.value is None for m in amounts):
                continue
            *parts, total = amounts
            if not _CLOSING_TOTAL.match(clause_before(sentence, total, _CLAUSE_MARK)) or total.value in known:
                continue
            if not {money_kind(clause_before(sentence, p, _CLAUSE_MARK)) for p in parts} <= _SAME_MONEY:
                continue
            assert total.value is not None
            if any(p.value is not None and p.value >= total.value for p in parts):
                continue  # (an amount as large as the total is the whole said first, '资金总额100万元，省级60万元…')
            finding = parts_sum_mismatch(total, parts, "其前所列各项", FUND_TOLERANCE, owner,
                                         span_evidence(element, offset, stop.start()))
            if finding is not None:
                yield finding
