"""A one-project report that states no budget, only its money by source: the sources together are the budget (and
so is the total a sentence gives its money's parts, where it is their sum).

'项目资金来源为：中央财政补偿资金320万元，省级财政补偿资金80万元。' names no whole (`amounts` reads no budget in it:
a source label before a list of sources), yet the sources are all the project's money: where no reader found a
budget, their sum is one. Only a list that is nothing but sources counts: each amount after the label opens with a
level or a source word and names money by its noun, with no verb of budget or spending of its own; a spending
stated beyond the sum shows the list was not the whole, and leaves the budget unread.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Project, Quantity
from reportparse.parse.amounts import money_kind
from reportparse.parse.evidence import Sentence, sentence_evidence
from reportparse.parse.quantities import Mention, money

#: fewest sources that make a list (one source after the label is read by `amounts` as the project's money)
_MIN_SOURCES = 2
#: what ends a source's clause before the next: a comma, an enumeration mark, a semicolon
_SEPARATOR = re.compile(r"^\s*[，,、；;]?\s*(?:和|及|以及)?\s*")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The source label that opens the list, and one source's words before its amount."""
    words = lexicon("fund_words.json")
    labels = alternation(words["project_money"]["source_labels"])
    sources = words["listed_sources"]
    label = re.compile(rf"(?:{labels})\s*(?:为|是|[:：])\s*(?:[:：]\s*)?")
    source = re.compile(rf"^(?:其中\s*[:：]?\s*)?(?:{alternation(sources['levels'])})"
                        rf"[\u4e00-\u9fff]{{0,8}}?(?:{alternation(sources['nouns'])})\s*(?:为|是|[:：])?\s*$")
    return label, source


def sources_as_budget(project: Project, sentences: list[Sentence]) -> None:
    """The one project's budget as the sum of the sources a sentence lists after its source label, where no reader
    found a budget (see the module docstring)."""
    if project.budget.planned is not None:
        return
    for s in sentences:
        listed = _listed_sources(s.text) or _parts_and_total(s.text)
        if listed is None:
            continue
        total = sum((m.value for m in listed if m.value is not None), Decimal(0))
        spent = project.budget.executed
        if spent is not None and spent.value is not None and spent.value > total:
            return  # (spending beyond the sources: they were not all the money)
        raw = "+".join(m.raw for m in listed) if len(listed) > 1 else listed[0].raw
        project.budget.planned = Quantity(raw=raw, value=total, unit="元", evidence=[sentence_evidence(s)])
        return


def _listed_sources(text: str) -> list[Mention] | None:
    """The amounts of the sources the text lists after a source label, when the list is nothing but sources (see
    the module docstring); None otherwise."""
    label_pattern, source_pattern = _patterns()
    label = label_pattern.search(text)
    if label is None:
        return None
    amounts = [m for m in money(text) if m.start >= label.end()]
    if len(amounts) < _MIN_SOURCES or any(m.value is None or m.approx for m in amounts):
        return None
    pos = label.end()
    for m in amounts:
        words = _SEPARATOR.sub("", text[pos:m.cmp_start], count=1).strip()
        if not source_pattern.match(words) or money_kind(words) is not None:
            return None
        pos = m.end
    rest = text[pos:].strip(" ，,。；;")
    if rest and not re.fullmatch(r"[。；;]?\s*", rest):
        return None  # (the sentence goes on: a whole, a verb, a use after the sources)
    return amounts


#: the words of a total right before its amount ('，合计250万元', '共计250万元')
_TOTAL_BEFORE = re.compile(r"(?:合计|共计|总计)\s*(?:为|是|[:：])?\s*$")
#: what says the parts are uses or spending, not the money's make-up ('资金使用情况：', '支出明细', '用于')
_USES = re.compile(r"使用|支出|用途|明细|用于|支付|执行")
_MONEY_NOUN = re.compile(r"资金|经费")


def _parts_and_total(text: str) -> list[Mention] | None:
    """'本项目资金由两部分组成：一是中央资金200万元，二是县级配套资金50万元，合计250万元': the money's parts, with no
    verb, then their total: [the total] where it is their sum; None otherwise (a sentence of uses or spending is
    none)."""
    amounts = money(text)
    if len(amounts) < _MIN_SOURCES + 1 or any(m.value is None or m.approx for m in amounts) or _USES.search(text):
        return None
    *parts, total = amounts
    if not _TOTAL_BEFORE.search(text[:total.cmp_start]) or not _MONEY_NOUN.search(text[:parts[0].cmp_start]):
        return None
    pos = 0
    for m in parts:
        if money_kind(text[pos:m.cmp_start]) is not None:
            return None
        pos = m.end
    if sum((m.value for m in parts if m.value is not None), Decimal(0)) != total.value:
        return None
    return [total]
