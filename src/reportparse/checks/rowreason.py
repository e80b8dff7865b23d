"""A precondition of the row checks that say a reason is missing (deviation-reason-missing, met-but-deducted): a
careful auditor first makes sure the report gives no reason anywhere else (whether the row is the row's own
reading is checks/rowread.py's question).

- The reason may stand outside the 偏差原因 cell: in a 备注 column, or in a paragraph of the report that names
  the indicator and says why ('养护道路里程未达标，主要是受雨季影响…').
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Indicator, Paragraph

#: words by which a text gives the reason for a shortfall or for points lost
REASON_WORDS = lazy_compile(r"扣|原因|因为|由于|因|未能|未按|偏差|差距|不足|滞后|影响|导致|致使")
_SENTENCE_END = lazy_compile(r"[。；;！!\n]")
_NOT_NAME = lazy_compile(r"[\s\d.．、,，:：;；()（）\[\]【】%％≥≤<>=＝]+")
#: the words of a form's header or level labels: a sentence that holds them is a form's text, not prose
_FORM_WORDS = lazy_compile(r"(?:偏差|未完成)原因|改进措施|[一二三]级指标|指标值|完成值|分值|得分|权重")
#: a template's numbered row ('指标1：'), which only a form's text holds
_TEMPLATE_ROW = lazy_compile(r"指标\s*\d\s*[:：]")
#: how far after the indicator's name the reason must begin (its own clause or the next)
_REASON_REACH = 40
#: a name shorter than this is too common a word to find the indicator by in the prose
_MIN_NAME = 4


def _squashed_name(name: str) -> str:
    return _NOT_NAME.sub("", re.sub(r"^指标\s*\d+\s*[:：.．、]?", "", name))


def _sentences(document: Document) -> Iterator[str]:
    for element in document.elements:
        if isinstance(element, Paragraph):
            for sentence in _SENTENCE_END.split(element.text):
                if sentence.strip():
                    yield sentence


def reason_said_elsewhere(indicator: Indicator, document: Document | None) -> bool:
    """Does the report give the row's reason outside its 偏差原因 cell: a 备注 that says why, or a sentence of the
    prose that names the indicator and says why?"""
    if indicator.remark and REASON_WORDS.search(indicator.remark):
        return True
    if document is None:
        return False
    name = _squashed_name(indicator.name)
    if len(name) < _MIN_NAME:
        return False
    for sentence in _sentences(document):
        if len(set(_FORM_WORDS.findall(sentence))) >= 2 or _TEMPLATE_ROW.search(sentence):
            continue  # (a form flattened into a paragraph: its 偏差原因 header is no reason)
        squashed = _NOT_NAME.sub("", sentence)
        at = squashed.find(name)
        if at >= 0 and REASON_WORDS.search(squashed[at + len(name):at + len(name) + _REASON_REACH]):
            return True
    return False
