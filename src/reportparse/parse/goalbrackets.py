"""A goal's result and its target written one inside brackets after the other, in running prose.

A narrative that reports its outputs one clause after another often adds each one's target in brackets after the
result, or the result in brackets after the target, with no table and no separate target paragraph:

- '全年共开展义诊活动12次（目标12次），发放健康宣传资料3000份（目标3000份）' — the clause names the measure and
  gives its result; the bracket holds a target word and the target (with its comparator: '（年度目标不少于120户）',
  '（目标≥90%）');
- '培训人数目标500人次（实际完成520人次）' — the clause names the measure and gives its target; the bracket holds a
  result word and the result.

The clause and the bracket each hold one figure, in the same unit; the bracket holds nothing but its word and the
figure. A bracket that holds only a unit ('（万元）'), a note or a date is none of these. Money is a goal only as a
standard, a cost of one unit or what the project brings in; a rate of the budget is the funds' business. A level
label before a colon ('满意度指标：居民满意度95%（目标≥90%）') gives the level. The words are in
`lexicon/stated_goals.json` (`bracket_target_words`, `bracket_result_words`).
"""

from __future__ import annotations

import re
from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Indicator, Paragraph
from reportparse.parse.evidence import span_evidence
from reportparse.parse.goalwords import (
    MONEY_AIM,
    MONEY_NAME,
    MONEY_STANDARD,
    clean_name,
    figures,
    level_for,
    measured_actual,
    start_of_clause,
    target_from,
    written,
)
from reportparse.parse.quantities import Mention
from reportparse.parse.sections import level_of

#: a bracket of a few words with no bracket inside it
_BRACKET = lazy_compile(r"[（(](?P<inside>[^()（）]{2,30})[)）]")
#: what may follow a figure in the bracket or before it: a bound word only
_BOUND_TAIL = lazy_compile(r"^\s*(?:及?以上|及?以下|以内|之内|左右)?\s*$")
#: the result words that may open the named clause before its measure ('全年共开展…', '实际完成…', '累计发放…')
_DONE_LEAD = lazy_compile(r"^(?:全年|年度|本年度?|当年|年内|截至年底|年底|实际|累计|共计?|合计|已经?)+")
#: a rate of the money planned and spent, or the share of the whole done: no measure of its own
_NOT_MEASURE = lazy_compile(r"(?:到位|执行|支出|拨付|使用)率$|^(?:指标|目标|任务)?完成(?:率|比例|度)$")


@cache
def _openers() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The target words a bracket opens with, the result words, and the target words that may close a name."""
    data = lexicon("stated_goals.json")

    def words(key: str) -> str:
        return alternation(data[key])

    leads = words("target_leads")
    aim = re.compile(rf"^\s*(?:(?:{leads})的?)*(?P<word>{words('bracket_target_words')})\s*(?:为|是|[:：])?\s*")
    done = re.compile(rf"^\s*(?:{words('result_times')})?(?:{words('bracket_result_words')})"
                      rf"\s*(?:了)?\s*(?:为|是|[:：])?\s*")
    name_tail = re.compile(rf"(?:的)?(?:(?:{leads})的?)*(?:{words('target_words')})\s*(?:为|是|[:：])?\s*$")
    return aim, done, name_tail


def bracketed_aims(para: Paragraph, level: str | None = None) -> list[Indicator]:
    """Each clause whose one figure is followed by a bracket that gives its target, or its result."""
    text = para.text
    out: list[Indicator] = []
    for bracket in _BRACKET.finditer(text):
        inside = bracket.group("inside")
        aim_open, done_open, _ = _openers()
        aimed = aim_open.match(inside)
        done = None if aimed is not None else done_open.match(inside)
        opened = aimed or done
        if opened is None:
            continue
        said = inside[opened.end():]
        in_bracket = _one_figure(said, at_end=False)
        clause_start = start_of_clause(text, bracket.start())
        clause = text[clause_start:bracket.start()]
        in_clause = _one_figure(clause, at_end=True)
        if in_bracket is None or in_clause is None or in_bracket.unit != in_clause.unit:
            continue
        named = _name(clause[:in_clause.cmp_start], aimed is None)
        if named is None:
            continue
        name, label = named
        if not _an_aim(name, in_clause):
            continue
        if aimed is not None:
            target = written(said, in_bracket)
            if in_bracket.comparator is None and "控制" in aimed.group("word"):
                target = "≤" + target  # ('森林受害率0.05‰（控制指标0.8‰）': a control figure is a ceiling)
            result, result_quote = in_clause, (clause_start, bracket.start(), clause)
        else:
            target = written(clause, in_clause)
            result, result_quote = in_bracket, (bracket.start("inside"), bracket.end("inside"), inside)
        indicator = Indicator(level=_level(label or level, name, in_clause), name=name,
                              target=target_from(target, name), in_goal_table=True,
                              evidence=[span_evidence(para, clause_start, bracket.end())])
        start, end, quoted = result_quote
        indicator.actuals.append(measured_actual(para, result, start, end, quoted))
        out.append(indicator)
    return out


def _one_figure(words: str, at_end: bool) -> Mention | None:
    """The one figure of `words`, with only a bound word after it; first in them unless `at_end` (a clause names its
    measure before the figure, a bracket says nothing but its word and the figure)."""
    found = figures(words)
    if len(found) != 1 or (found[0].cmp_start != 0 and not at_end):
        return None
    return found[0] if _BOUND_TAIL.match(words[found[0].end:]) else None


def _name(head: str, names_target: bool) -> tuple[str, str | None] | None:
    """The measure's name from the clause's words before its figure, and the level a label before a colon gives."""
    label = None
    if re.search(r"[:：]", head):
        before, head = re.split(r"[:：]", head)[-2:]
        label = level_of(before) if "指标" in before else None
    head = _DONE_LEAD.sub("", head.strip())
    if names_target:
        head = _openers()[2].sub("", head)  # ('培训人数目标500人次（实际完成520人次）': the target word closes it)
    name = clean_name(head, longest=30)
    if name is None or name.endswith("指标"):
        return None
    return name, label


def _an_aim(name: str, figure: Mention) -> bool:
    """Is a named figure a goal's: not the budget's money or rates, not the share of the whole done?"""
    if _NOT_MEASURE.search(name):
        return False
    if figure.unit == "元":
        return bool(MONEY_AIM.search(name) or MONEY_STANDARD.search(name)) and not (
            MONEY_NAME.search(name) and not MONEY_AIM.search(name))
    return True


def _level(given: str | None, name: str, figure: Mention) -> str:
    """A label's level when it is a level of its own; under a group (产出, 效益) the name's level when it is of it."""
    if given is not None and ("/" in given or given == "满意度"):
        return given
    guessed = level_for(name, figure)
    return given if given is not None and not guessed.startswith(given) else guessed
