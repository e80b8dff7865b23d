"""A goal table's rows run together with no break between them, as a page that lost its cells' borders prints them:
'3.时效指标。X每月中旬发放指标为100%实际完成值为100%Y每年3月、9月份发放指标为100%实际完成值为100%'. Each pair of
target and result is named by the words since the pair before it. Read for parse/goalprose.py (moved from
parse/goalstated.py, unchanged)."""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Indicator, Paragraph
from reportparse.parse.evidence import span_evidence
from reportparse.parse.goalwords import clean_name, figures, level_for, measured_actual, target_from
from reportparse.parse.sections import level_of

#: a target and its result run together with no break between them, as a page that lost its cells' borders prints a
#: goal table's rows: '<X>指标为100%实际完成值为100%<Y>指标为100%实际完成值为100%'
_RUN_PAIR = lazy_compile(
    r"(?:指标|目标)值?\s*(?:为|是|[:：])\s*(?P<target>[≥≤>＜<＞=＝]?\s*\d+(?:\.\d+)?\s*(?:%|％|[\u4e00-\u9fff]{1,2}))"
    r"\s*(?:全年|年度)?(?:实际(?:完成值?|值|达到)|完成值)\s*(?:为|是|[:：])?\s*(?P<actual>\d+(?:\.\d+)?\s*(?:%|％|[\u4e00-\u9fff]{1,2}))")
#: a level label opening the run ('3.时效指标。', '4.成本指标'): the level of its rows, not a part of the first name
_RUN_LEVEL = lazy_compile(r"^\s*(?:[（(]?\d{1,2}[)）、.．]|[（(]?[一二三四五六七八九十]{1,3}[)）、])?\s*"
                          r"(?P<word>(?:产出|效益|满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响)[^：:，。\d]{0,4}?)"
                          r"指标\s*[。．.:：]?")
#: a figure a name may hold: a date or a month of the year ('每年3月、9月份发放'), never a quantity
_DATE_FIGURE = lazy_compile(r"\d{1,2}\s*(?=月|日|号)")


def run_together_pairs(para: Paragraph) -> list[Indicator]:
    """'3.时效指标。X每月中旬发放指标为100%实际完成值为100%Y每年3月、9月份发放指标为100%实际完成值为100%':
    each target and result pair, named by the words since the pair before it (or the clause's start), the
    level label that opens the run taken off."""
    text = para.text
    label = _RUN_LEVEL.match(text)
    level = level_of(label.group("word")) if label else None
    out: list[Indicator] = []
    previous = label.end() if label else 0
    for pair in _RUN_PAIR.finditer(text):
        # (the clause's start since the pair before, looked for backwards: a long run of pairs stays linear)
        since = text[previous:pair.start()]
        cut = max(since.rfind(mark) for mark in "，,；;。！？!?")
        start = previous + cut + 1 if cut >= 0 else previous
        previous = pair.end()
        head = _RUN_LEVEL.sub("", text[start:pair.start()]).strip()
        name = clean_name(_DATE_FIGURE.sub("", head), longest=40)
        target = next(iter(figures(pair.group("target"))), None)
        actual = next(iter(figures(pair.group("actual"))), None)
        if name is None or target is None or actual is None or actual.unit != target.unit:
            continue
        name = head if _DATE_FIGURE.search(head) else name  # (the dates stay in the name as the page writes it)
        indicator = Indicator(level=level or level_for(name, target), name=name,
                              target=target_from(pair.group("target"), name), in_goal_table=True,
                              evidence=[span_evidence(para, start, pair.end())])
        indicator.actuals.append(measured_actual(para, actual, pair.start("actual"), pair.end("actual"),
                                                 pair.group("actual")))
        out.append(indicator)
    return out
