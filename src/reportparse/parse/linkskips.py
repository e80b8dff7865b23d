"""The figures the prose linker (parse/actuals.py) passes over for an indicator: a part of the whole the sentence
named first ('治理水土流失面积1429.39公顷，其中坡改梯25.26公顷'), the indicator's target in the very clause it was read
from, and a figure the indicator holds already from the same sentence (moved from parse/actuals.py)."""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Indicator
from reportparse.parse import linkcandidates as links
from reportparse.parse.evidence import Sentence
from reportparse.parse.quantities import Mention
from reportparse.parse.quantities import find_mentions as find_quantities

#: what opens a list of a whole's parts after the whole ('…1429.39公顷，其中坡改梯25.26公顷、…', '包括…')
_PARTS_OPEN = lazy_compile(r"其中|包括|包含")
#: most clauses a list of parts runs over ('其中A，B，C，D': one part a clause), and what parts them
_MAX_PARTS = 8
_PART_BREAK = lazy_compile(r"[，,；;]+")


def listed_part(text: str, mention: Mention, indicator: Indicator) -> bool:
    """Is the figure one of the parts a sentence lists after the whole the indicator names ('治理水土流失面积1429.39
    公顷，其中坡改梯25.26公顷、封育治理958.81公顷')? The whole is named, with a figure, before the list opens."""
    head = text[:mention.start]
    opener = next(reversed(list(_PARTS_OPEN.finditer(head))), None)
    if opener is None:
        return False
    whole = head[:opener.start()]
    figures = find_quantities(whole)
    parts = len(_PART_BREAK.findall(head[opener.end():]))
    if not figures or whole[figures[-1].end:].strip(" ，,:：;；、") or parts > _MAX_PARTS:
        return False  # (the list opens right after the whole's figure: '…1429.39公顷，其中…')
    clause = whole[:figures[-1].start]
    clause = clause[max(clause.rfind(mark) for mark in "，,；;。") + 1:]
    return indicator.name in clause


def quotes_target(indicator: Indicator, mention: Mention, clause: str, s: Sentence) -> bool:
    """Is the figure the indicator's target, in the very clause (of this sentence) its target was
    read from? A target stated in prose outside the 绩效目标 section ('项目目标：辅具适配200人，…')
    is not its result; the same words in another paragraph ('建设内容为:…车间4个' above, '已建成…车间4个'
    in the analysis) report the result."""
    target = indicator.target
    quote = clause.strip(" ，,；;。")
    lines = {line.line for line in s.para.lines if line.line is not None}
    # (the clause that is the whole of the target's statement holds no result at all: '对12个乡镇164个村的X进行维护'
    # aims at 164 villages, the 12 towns they lie in are none)
    same = target is not None and target.unit == mention.unit and (
        target.value == mention.value
        or any(e.text and e.text.strip(" ，,；;。") == quote for e in indicator.evidence[:1]))
    return (same and bool(quote)
            and any(e.table is None and e.text and (quote in e.text or e.text in quote) and links.same_statement(e, s)
                    and (e.line is None or not lines or e.line in lines) for e in indicator.evidence[:1]))


def already_read(indicator: Indicator, mention: Mention, text: str) -> bool:
    """Does the indicator hold this figure already, quoted from this sentence?"""
    return any(a.value == mention.value and a.unit == mention.unit
               and any(e.text and e.text in text for e in a.evidence) for a in indicator.actuals)
