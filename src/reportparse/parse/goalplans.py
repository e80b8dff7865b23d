"""A plan that lists the works it aims at, each with its size: '计划新建村级服务站5个、改造农家书屋3个、安装太阳能路灯
120盏', and the sentence after it that lists the works done: '截至年底，已新建村级服务站5个、改造农家书屋3个…'.

Each listed work is a target of the work it names (the verb kept, as the plan writes it); a work the result list
names the same way, in the same unit, gets its result. A plan of one work is parse/goalpairs.py's (计划…，实际…).
"""

from __future__ import annotations

import re
from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Indicator, Paragraph
from reportparse.parse.evidence import span_evidence
from reportparse.parse.goallists import ACHIEVED, count_items, listed_item
from reportparse.parse.goalwords import clauses, level_for, measured_actual, target_from, written
from reportparse.parse.quantities import Mention

#: the plan word before the list (not a comparison with the plan, '比计划', nor a plan handed down, '下达计划')
_PLAN_LIST = lazy_compile(r"(?<![实际已比较超按原达])(?:项目|年度|全年|本年度?)?计划(?:任务)?(?:为|是|[:：])?\s*")
#: what opens the list of works done: '已', '实际完成', '截至年底，已', '共'
_DONE_LIST = lazy_compile(r"(?:(?:截至|截止|到)[^，,；;。\d]{0,12}?[,，]\s*)?(?:实际|已经?|共计?|累计)(?:完成)?\s*")
_SENTENCE_END = lazy_compile(r"[。；;！？!?]")


@cache
def _plan_verb() -> re.Pattern[str]:
    """The verbs that open a plan's list: the works verbs and the plan verbs of lexicon/stated_goals.json."""
    words = lexicon("stated_goals.json")
    return re.compile(r"\s*(?:" + alternation([*words["works_verbs"], *words["plan_verbs"]]) + ")")


def planned_works(para: Paragraph) -> list[Indicator]:
    """The targets of a plan listing two or more works, with the results the next sentence lists for them."""
    text = para.text
    out: list[Indicator] = []
    for lead in _PLAN_LIST.finditer(text):
        if not _plan_verb().match(text, lead.end()):
            continue
        end = _SENTENCE_END.search(text, lead.end())
        stop = end.start() if end else len(text)
        planned = _works(para, lead.end(), stop)
        if len(planned) < 2:
            continue
        targets = [Indicator(level=level_for(name, mention), name=name, in_goal_table=True,
                             target=target_from(written(text, mention, start), name),
                             evidence=[span_evidence(para, start, item_end)])
                   for name, mention, start, item_end in planned]
        _results(para, stop + 1, targets)
        out.extend(targets)
    return out


def _works(para: Paragraph, start: int, stop: int) -> list[tuple[str, Mention, int, int]]:
    """The works listed from `start`, each clause opened by a works verb: (name, figure, start, end)."""
    text = para.text
    found: list[tuple[str, Mention, int, int]] = []
    for clause_start, clause_end in clauses(text, start, stop):
        if not _plan_verb().match(text, clause_start) or ACHIEVED.search(text, clause_start, clause_end):
            break  # (a clause of what the works bring, '受益群众3200人', or of what was done, ends the list)
        for item_start, item_end in count_items(text, clause_start, clause_end):
            item = listed_item(para, item_start, item_end)
            if item is not None and item[1].unit not in (None, "%", "元"):
                found.append((item[0], item[1], item_start, item_end))
    return found


def _results(para: Paragraph, start: int, targets: list[Indicator]) -> None:
    """The works done that the next sentence lists, matched to the planned works by name and unit."""
    text = para.text
    done = _DONE_LIST.search(text, start, min(len(text), start + 40)) if start < len(text) else None
    if done is None or text[start:done.start()].count("。") or not _plan_verb().match(text, done.end()):
        return
    end = _SENTENCE_END.search(text, done.end())
    by_name = {target.name: target for target in targets}
    for name, mention, item_start, item_end in _works(para, done.end(), end.start() if end else len(text)):
        target = by_name.get(name)
        if target is not None and target.target is not None and target.target.unit == mention.unit:
            target.actuals.append(measured_actual(para, mention, item_start, item_end, text[item_start:item_end]))
