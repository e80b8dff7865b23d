"""A goal stated as a target clause and the result clause right after it, in running prose.

Narrative reports that have no goal table often write each goal as two clauses of one sentence, several goals to a
sentence or paragraph, with no 目标值/指标值 label a form would print:

- '路灯亮灯率目标≥98%，实际99%' — the name, a target word, the comparator and figure; then 实际 and the result;
- '新建集中供水工程3处，完成3处' — the name and its figure; then a bare 完成 and the result in the same unit;
- '年初设定学员满意度不低于90%，实际完成94%', '群众满意度95%以上，实际达到97%', '平均住院日控制在9天以内，实际为8.6天';
- '1.居民电子健康档案建档率：目标值≥90%，完成值92%' — the name before a colon, the target word after it.

The target clause holds one figure, after the name; the result clause opens with a result word (实际, 完成值, 完成,
达到 …) or restates the name's tail ('合格率为98%'), and then holds the figure in the target's unit and nothing that
names another thing. A clause that tells background (共有, 较上年 …), money (the funds' readers read amounts; only a
standard or a cost of one unit is an aim) or a rate of the budget is no goal. The words are in
`lexicon/stated_goals.json`. A level label opening the target clause ('（2）质量指标：…') or a label paragraph above
('效益指标：') gives the level; else the name and unit do. The result may come first and the target after it
('苗木成活率达到92%，高于年初设定的85%目标'). Pairs run together with no break between them, as a page that lost a
goal table's cell borders prints them ('X指标为100%实际完成值为100%Y指标为…'), are read by parse/goalrunpairs.py.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from itertools import pairwise

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Indicator, Paragraph, Project
from reportparse.parse.evidence import span_evidence
from reportparse.parse.goalceilings import ceiling_target, without_aside
from reportparse.parse.goalwords import (
    CLAIMED_SCORE,
    MONEY_NAME,
    MONEY_STANDARD,
    YEAR_HEAD,
    clauses,
    clean_name,
    figures,
    level_for,
    measured_actual,
    names_no_measure,
    reached_target,
    target_from,
    written,
)
from reportparse.parse.layout import ParaInfo
from reportparse.parse.quantities import Mention
from reportparse.parse.sections import heading_level_path, level_of

#: a list item's number opening the clause ('1.', '（2）', '一是', '其一，')
_ITEM_MARK = lazy_compile(r"^\s*(?:[（(]?\d{1,2}[)）、.．]|[（(][一二三四五六七八九十]{1,3}[)）]"
                          r"|[一二三四五六七八九十]是|[一二三四五六七八九十]{1,3}、)\s*")
#: a paragraph that is a level label alone ('产出指标：', '（二）效益指标。', '3.满意度指标'): the level of what follows
_LABEL_PARA = lazy_compile(r"^\s*(?:[（(]?\d{1,2}[)）、.．]|[（(]?[一二三四五六七八九十]{1,3}[)）、])?\s*"
                           r"(?P<word>[^\d，,。；;：:]{2,10}?)指标\s*(?:[（(][^()（）]{0,10}[)）])?\s*[：:。．.]?\s*$")
#: a clause that only says how the result was found, the result in the clause after it: '经验收', '经第三方抽查',
#: '经县动物疫病预防控制中心抽检'
_CHECKED_BY = lazy_compile(r"\s*经(?:过)?[\u4e00-\u9fff]{1,16}\s*$")
#: a unit in brackets at the end of a name: '(%)', '（人次）', '(万元)'
_UNIT_BRACKET = lazy_compile(r"[（(]\s*(?:%|％|[\u4e00-\u9fff]{1,2})\s*[)）]\s*$")
#: the plan words opening a list of aims: '全年计划完成', '年度计划', '计划新建' keeps its verb after the plan word
_PLAN_LEAD = lazy_compile(r"^(?:全年|年度|年初|本年度?)?(?:计划|拟|预计)(?:要)?(?:完成|实施|实现)?")
#: the result clause of a list of aims, its figures in the list's order: '实际分别完成', '分别完成了', '实际分别为'
_RESPECTIVE = lazy_compile(r"\s*(?:实际|全年实际|实际上)?\s*分别\s*(?:完成了?|达到|实现|为|是|建成|改造)?\s*")
#: a name that is only a time: '今年达到95%'
_NO_MEASURE = lazy_compile(r"^(?:今年|本年度?|当年|全年|年度|上年度?|去年|明年|年底|年末)$")
#: a figure that is a date of the calendar, no quantity: '3月' (not '3个月'), '20日', '15号'
_CALENDAR = lazy_compile(r"^\d{1,2}\s*(?:月份?|日|号)(?:底|末|初|中旬|上旬|下旬)?$")
#: a bound written after a figure: the figure is aimed at ('90%以上', '0.2%以下', '9天以内')
_BOUND_AFTER = lazy_compile(r"\s*(?:及?以上|及?以下|以内|之内)")
#: what may follow a result's figure in its clause: a bound word, 左右, a short verb ('实际按5元执行')
#: ('农户满意度达95%以上的目标已实现，测评满意度为97%': the figure is called the aim, which the result then shows met)
_TAIL = lazy_compile(r"^\s*(?:及?以上|及?以下|以内|之内|左右)?\s*"
                     r"(?:的(?:年度|年初)?目标(?:已经?)?(?:实现|完成|达到)?|[\u4e00-\u9fff]{0,4})\s*[。．.]?\s*$")
#: a clause comparing the result before it with the target: '高于年初设定的85%目标', '超过目标值90%', '达到计划的100%'
#: (not '低于控制指标82起': a control figure so written is as often the margin below it as the ceiling itself)
_COMPARED_AIM = lazy_compile(r"^\s*(?:高于|超过|超出|优于|低于|未达到|达到|完成)了?\s*"
                             r"(?:年初|年度|全年)?(?:[\u4e00-\u9fff]{0,6}?(?:设定|确定|下达|批复|规定))?的?"
                             r"(?:(?:目标值?|指标值|计划值?)\s*(?:为|的)?\s*[\d.]+\s*\S{0,3}\s*$"
                             r"|[\d.]+\s*\S{0,3}?\s*的?(?:年初|年度|全年)?(?:目标值?|指标值|目标任务|计划)\s*$)")
#: a rate of the money planned and spent: the funds' business (not a measure that names what it executes,
#: '耗材零差率销售执行率')
_BUDGET_RATE = lazy_compile(r"^(?:实际|全年|年度)?(?:预算|资金|财政资金|项目资金)?(?:到位|执行|支出|拨付)率$"
                            r"|(?:预算|资金)(?:到位|执行|支出|拨付)率$")


@cache
def _result_verb() -> re.Pattern[str]:
    return re.compile("^(?:" + alternation(lexicon("stated_goals.json")["result_verbs"]) + ")")


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = lexicon("stated_goals.json")

    def words(key: str) -> str:
        return alternation(data[key])

    # (the target word may close the name: '路灯亮灯率目标', '就业率目标为', '合格率计划达到')
    # ('人次数年初指标值为不低于105人': the time of the aim before the target word; '年度目标筛查…': before the name)
    target_tail = re.compile(rf"(?:的)?(?:{words('target_leads')})*(?:{words('target_words')})?"
                             rf"\s*(?:为|是|[:：]|达到|达|(?:{words('steady_words')})?(?:保持|稳定|控制|维持)?在)?\s*$")
    target_lead = re.compile(rf"^(?:(?:{words('target_leads')}|{words('target_words_before_name')})的?)+"
                             r"(?:(?:主要)?(?:包括|为|是)\s*)?")  # ('年度绩效目标包括送戏下乡演出场次不少于60场')
    # ('经检测实际为97%': the check that measured the result may open its clause)
    # ('年终完成：95%', '年底实际：52公里': the time of the result may open its word; '经第三方测评实际为96%': the
    # result words may follow one another)
    result_open = re.compile(rf"^\s*(?:经[\u4e00-\u9fff]{{1,6}}?)?(?:{words('result_times')})?"
                             rf"(?:{words('result_words')})+\s*(?:了)?\s*(?:为|是|[:：])?\s*")
    background = re.compile(words("background_words"))
    return target_tail, target_lead, result_open, background


def label_levels(paras: list[ParaInfo]) -> dict[int, str]:
    """The level each paragraph stands under when a paragraph that is a level label alone opened its run ('产出指标：'
    then '1.X：目标值≥90%，完成值92%'): until the next label, heading or paragraph that is not a list item."""
    out: dict[int, str] = {}
    current: str | None = None
    for info in paras:
        label = None if info.heading else _LABEL_PARA.match(info.para.text)
        path = level_of(label.group("word")) if label else None
        if path is not None:
            current = path
            continue
        if info.heading or (current is not None and not _ITEM_MARK.match(info.para.text)):
            current = None
        if current is not None:
            out[info.index] = current
    return out


def stated_goals(para: Paragraph, level: str | None = None) -> list[Indicator]:
    """The goals a paragraph states as a target clause followed by its result clause. Wherever it stands, a statement
    that gives the target is a goal of the report (`in_goal_table`), as this module's neighbours take a target stated
    with its result ('X目标值为…，完成值为…', 'X任务数为…，实际完成…')."""
    text = para.text
    spans = [(s, e) for s, e in clauses(text, 0, len(text)) if text[s:e].strip()]
    out: list[Indicator] = []
    for i, ((start, end), (result_start, result_end)) in enumerate(pairwise(spans)):
        if text[end] not in "，,；;" and not _bare_result_next(text, spans, i):
            continue  # (a sentence's end: a result in the next sentence restates no clause of this one)
        if _CHECKED_BY.match(text, result_start, result_end) and i + 2 < len(spans) and text[result_end] in "，,":
            result_start, result_end = spans[i + 2]  # ('…95%以上，经验收，合格率为98%': the check, then the result)
        indicator = (_pair(para, (start, end), (result_start, result_end), level, _name_clause(text, spans, i))
                     or _result_then_target(para, (start, end), (result_start, result_end), level))
        if indicator is not None:
            out.append(indicator)
    return out


def _bare_result_next(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Is the sentence after a one-clause target statement only its result, a result word and the figure with no name
    of its own ('X年度目标：≥95%。年终完成：98%。', 'X目标为20公里。实际完成22公里。')? That result is the target's."""
    end = spans[i][1]
    result_start, result_end = spans[i + 1]
    if text[end] not in "。" or (i > 0 and text[spans[i - 1][1]] not in "。！？!?；;"):
        return False
    result = text[result_start:result_end]
    opened = _words()[2].match(result)
    found = figures(result)
    return opened is not None and len(found) == 1 and found[0].cmp_start == opened.end() \
        and (result_end >= len(text) or text[result_end] in "。；;")


#: what a measure's name ends with, when it stands alone as the clause before its target ('X人数，计划指标：120人')
_MEASURE_NAME = lazy_compile(r"(?:率|度|人数|户数|次数|个数|场次|人次|数量|面积|里程|长度|时间|时限|规模|天数)$")


def _name_clause(text: str, spans: list[tuple[int, int]], i: int) -> tuple[str, int] | None:
    """The name a sentence opens with as a clause of its own, the target's clause after it holding only target words
    ('残疾儿童康复训练人数，计划指标：120人；实际完成：126人'): the name and where it starts. Only a measure's name,
    first in its sentence and with no figure, is one."""
    if i == 0 or text[spans[i - 1][1]] not in "，,":
        return None
    start, end = spans[i - 1]
    # (or first after a colon that opens the list: '…完成如下：一是培训人数，目标500人次，实际完成520人次')
    colon = max(text.rfind("：", start, end), text.rfind(":", start, end))
    if colon < 0 and i > 1 and text[spans[i - 2][1]] not in "。；;！？!?":
        return None
    start = colon + 1 if colon >= 0 else start
    words = _ITEM_MARK.sub("", text[start:end]).strip()
    name = clean_name(words) if not figures(words) else None
    return (name, start) if name is not None and name == words and _MEASURE_NAME.search(name) else None


def respective_pairs(para: Paragraph, level: str | None = None) -> list[Indicator]:
    """Several aims listed with 、 in one clause and their results in the same order in the next
    ('计划完成道路硬化3公里、新建桥梁2座，实际分别完成3公里、2座'): each aim with the result in its place."""
    text = para.text
    spans = [(s, e) for s, e in clauses(text, 0, len(text)) if text[s:e].strip()]
    out: list[Indicator] = []
    for (start, end), (result_start, result_end) in pairwise(spans):
        if text[end] not in "，,；;":
            continue
        items = _listed_aims(text[start:end])
        opened = _RESPECTIVE.match(text, result_start, result_end)
        if len(items) < 2 or opened is None:
            continue
        parts = text[opened.end():result_end].split("、")
        results = [figures(part) for part in parts]
        if len(results) != len(items) or any(len(found) != 1 for found in results) \
                or any(found[0].unit != aim.unit for found, (_, aim, _) in zip(results, items, strict=True)):
            continue
        for (name, aim, written_aim), found, part in zip(items, results, parts, strict=True):
            indicator = Indicator(level=_level(level, name, aim), name=name, target=target_from(written_aim, name),
                                  in_goal_table=True, evidence=[span_evidence(para, start, result_end)])
            indicator.actuals.append(measured_actual(para, found[0], result_start, result_end, part))
            out.append(indicator)
    return out


def _listed_aims(clause: str) -> list[tuple[str, Mention, str]]:
    """The '<name><figure>' items of a clause listed with 、 (a plan word opening the first one off)."""
    out: list[tuple[str, Mention, str]] = []
    for part in _PLAN_LEAD.sub("", clause.strip()).split("、"):
        found = figures(part)
        if len(found) != 1 or part[found[0].end:].strip() or found[0].unit in (None, "元"):
            return []
        named = _name(part[:found[0].cmp_start])
        if named is None or _words()[3].search(part):
            return []
        out.append((named[0], found[0], written(part, found[0])))
    return out


def aimed_clauses(para: Paragraph, level: str | None = None) -> list[Indicator]:
    """The targets a goal-setting paragraph lists as clauses, each naming its measure and bounding its figure
    ('一是…接种率保持在90%以上；二是…首针及时接种率达到95%', '…再犯罪率控制在0.2%以下，组织公益活动不少于24次'): the
    comparator or bound says the figure is aimed at. The results the analysis states are linked to them by name."""
    text = para.text
    out: list[Indicator] = []
    for start, end in clauses(text, 0, len(text)):
        # (what a lead before a colon says is no aim: '年度目标有三项：一是…')
        colon = max(text.rfind("：", start, end), text.rfind(":", start, end))
        start = colon + 1 if colon >= 0 else start
        clause = text[start:end]
        aims = figures(clause)
        if len(aims) != 1 or not _TAIL.match(clause[aims[0].end:]) or re.search(r"\d", clause[aims[0].end:]):
            continue
        aim = aims[0]
        head = clause[:aim.cmp_start]
        # (in the goal-setting part '达到95%' aims as '≥95%' and '95%以上' do)
        bounded = aim.comparator is not None or _BOUND_AFTER.match(clause, aim.end) is not None \
            or head.rstrip().endswith(("达到", "达"))
        named = _name(head) if bounded else None
        if named is None or aim.unit == "元":
            continue  # (money in the goal-setting part is the budget's, or a standard a target clause states)
        name, label_level = named
        if _BUDGET_RATE.search(name) or MONEY_NAME.search(name) or _words()[3].search(head):
            continue
        target = reached_target(clause, aim, name) or target_from(written(clause, aim), name)
        out.append(Indicator(level=label_level or _level(level, name, aim), name=name, target=target,
                             in_goal_table=True, evidence=[span_evidence(para, start, end)]))
    return out


def results_by_measure(project: Project, readings: list[Indicator]) -> None:
    """A result the analysis states under a shorter name of a goal that has none ('全市疾病检出率达11.25%' for the goal
    '全市婚检疾病检出率达到8%以上'): the reading shares the goal's measure (the last four or more characters of both
    names) in the same unit, and no other goal has that measure. The result goes to the goal; the reading, the same
    measure again, goes."""
    for reading in [r for r in readings if r.actuals and r in project.indicators]:
        goals = [g for g in project.indicators if g is not reading and g.in_goal_table and not g.actuals
                 and g.target is not None and g.target.unit is not None
                 and g.target.unit == reading.actuals[0].unit and _same_measure(g.name, reading.name)]
        if len(goals) == 1:
            goals[0].actuals.extend(reading.actuals)
            project.indicators.remove(reading)


#: the place a goal's measure is taken over, all of its name besides the measure: '全市', '全县', '本区'
_PLACE_ONLY = lazy_compile(r"(?:全|本|我)(?:省|市|州|盟|县|区|旗|镇|乡)")


def _same_measure(goal: str, said: str) -> bool:
    """Do two names end in the same measure (four characters or more) and say nothing the goal's name does not?"""
    size = 0
    while size < min(len(goal), len(said)) and goal[-1 - size] == said[-1 - size]:
        size += 1
    rest = said[:len(said) - size]
    # ('全市婚检率' and '婚检率': a shorter measure, when the goal says only where it is measured besides)
    placed = size == len(said) and _PLACE_ONLY.fullmatch(goal[:len(goal) - size]) is not None
    return (size >= 4 or placed) and said != goal and all(char in goal[:len(goal) - size] for char in rest)


def restated_alike(project: Project, readings: list[Indicator]) -> None:
    """A project's goals read from the analysis, each with its own target, are alike whichever reader took each:
    where some readers call theirs goals and another calls its reading a restated plan ('计划…，实际…'), all are
    goals (`in_goal_table`), or the plan would stand outside the goals beside it. Readings all of one kind stay so;
    a reading that only completed another (merged into it) counts for nothing."""
    readings = [r for r in readings if any(r is known for known in project.indicators)]
    if all(reading.in_goal_table for reading in readings) or not any(r.in_goal_table for r in readings):
        return
    for reading in readings:
        if reading.target is not None and reading.target.value is not None:
            reading.in_goal_table = True


def with_stated_goals(found: list[Indicator], stated: list[Indicator]) -> list[Indicator]:
    """The paragraph's other readings and its stated goals, less a reading that took a stated goal's result for its
    target ('苗木成活率达到92%，高于…85%目标' read as a rate of 92% by the rate lists): that figure is the result."""
    def restated(reading: Indicator) -> bool:
        value = reading.target.value if reading.target is not None else None
        quote = reading.evidence[0].text if reading.evidence else None
        # (by the goal's name, or by the goal's result clause it was read from: '老年人满意度目标90%以上，
        # 年终测评满意度为95%' holds no goal '年终测评满意度' of 95%)
        return value is not None and any(
            (goal.name == reading.name or (quote and goal.evidence and quote in goal.evidence[0].text
                                           and not goal.evidence[0].text.startswith(quote)))
            and goal.target is not None and goal.target.value != value
            and any(a.value == value and a.unit == reading.target.unit for a in goal.actuals)  # type: ignore[union-attr]
            for goal in stated)
    return [*(reading for reading in found if not restated(reading)), *stated]


def _pair(para: Paragraph, target_span: tuple[int, int], result_span: tuple[int, int],
          level: str | None, named_before: tuple[str, int] | None = None) -> Indicator | None:
    text = para.text
    clause = text[target_span[0]:target_span[1]]
    result = text[result_span[0]:result_span[1]]
    aims = figures(clause)
    if len(aims) != 1 or _CALENDAR.match(aims[0].raw):
        return None
    aim = aims[0]
    tail = clause[aim.end:]
    if not _TAIL.match(tail) or re.search(r"\d", tail):
        return None
    named = _name(clause[:aim.cmp_start])
    statement_start = target_span[0]
    if named is None and named_before is not None and names_no_measure(clause[:aim.cmp_start]):
        named, statement_start = (named_before[0], None), named_before[1]  # (the name is the clause before)
    if named is None:
        return None
    name, label_level = named
    if aim.unit == "元" and (not MONEY_STANDARD.search(name) or MONEY_NAME.search(name)):
        return None
    if _BUDGET_RATE.search(name) or _words()[3].search(clause[:aim.cmp_start]):
        return None
    achieved = _result(result, name, aim)
    if achieved is None:
        return None
    indicator = Indicator(level=label_level or _level(level, name, aim), name=name,
                          target=target_from(written(clause, aim), name), in_goal_table=True,
                          evidence=[span_evidence(para, statement_start, result_span[1])])
    indicator.actuals.append(measured_actual(para, achieved, result_span[0], result_span[1], result))
    claimed = CLAIMED_SCORE.match(text, result_span[1])
    if claimed is not None:  # ('…，全年完成3200平方米，得分10分': the score claimed for the goal closes its statement)
        indicator.score = Decimal(claimed.group("score"))
        indicator.evidence.append(span_evidence(para, claimed.start(), claimed.end()))
    return indicator


def _result_then_target(para: Paragraph, result_span: tuple[int, int], target_span: tuple[int, int],
                        level: str | None) -> Indicator | None:
    """'苗木成活率达到92%，高于年初设定的85%目标': the result first, then the target it is compared with."""
    text = para.text
    # ('774人（共24期），完成…任务645人的120%': an aside after the result's figure is none of its own)
    clause, compared = without_aside(text[result_span[0]:result_span[1]]), text[target_span[0]:target_span[1]]
    results = figures(clause)
    if len(results) != 1:
        return None
    # ('失业率2.42%，控制在4.5%以内': a ceiling after the result)
    held = ceiling_target(compared, results[0]) if _COMPARED_AIM.match(compared) is None else None
    targets = [m for m in figures(compared) if m.unit == results[0].unit] if held is None else [held[0]]
    if (held is None and _COMPARED_AIM.match(compared) is None) or len(targets) != 1 \
            or not _TAIL.match(clause[results[0].end:]):
        return None
    # ('2021年防火期内全市共发生森林火灾4起，低于…': the year opening the clause dates the result, no word of its name)
    named = _name(YEAR_HEAD.sub("", clause[:results[0].cmp_start]))
    if named is None or results[0].unit == "元" or _BUDGET_RATE.search(named[0]):
        return None
    name, label_level = named
    target = target_from(compared[targets[0].start:targets[0].end] if held is None else held[1], name)
    indicator = Indicator(level=label_level or _level(level, name, targets[0]), name=name, target=target,
                          in_goal_table=True, evidence=[span_evidence(para, result_span[0], target_span[1])])
    indicator.actuals.append(measured_actual(para, results[0], result_span[0], result_span[1], clause))
    return indicator


def _level(given: str | None, name: str, aim: Mention) -> str:
    """The level a heading or label gives when it is a level of its own; under a group (产出, 效益) the name's and
    unit's level when it is of that group, else the group."""
    if given is not None and ("/" in given or given == "满意度"):
        return given
    guessed = level_for(name, aim)
    return given if given is not None and not guessed.startswith(given) else guessed


def _name(head: str) -> tuple[str, str | None] | None:
    """The goal's name from the target clause's words before its figure, with the level a label opening it gives."""
    target_tail, target_lead, result_open, _ = _words()
    if result_open.match(head) or re.match(r"\s*(?:已|累计|共计?)", head):
        return None  # (a clause that opens as a result states what was done, not what was aimed at)
    head = _ITEM_MARK.sub("", head)
    label_level = None
    if re.search(r"[:：]", head):
        label, rest = re.split(r"[:：]", head, maxsplit=1)
        rest = target_tail.sub("", rest).strip()
        if rest:
            # ('（2）质量指标：合格率100%': a level label before the colon gives the level, the words after it name)
            core = _ITEM_MARK.sub("", label).strip()
            label_level = level_of(core) if core.endswith("指标") else None
            head = rest
        else:
            head = label  # ('居民电子健康档案建档率：目标值≥90%': the name before the colon, the target word after it)
    for _ in range(2):
        # (a unit in brackets closing the name is the figure's: '孤儿满意度(%)要≥90%')
        head = target_lead.sub("", _UNIT_BRACKET.sub("", target_tail.sub("", head.strip())).strip())
    head = head.strip()
    if head.endswith("指标") and len(head) >= 5 and heading_level_path(head) is None:
        head = head[:-2]  # ('X受益人口指标年初设定为1.2万人': a measure called an indicator; not a level's '数量指标')
    name = clean_name(head, longest=30)
    if name is None or name.endswith("指标") or _NO_MEASURE.search(name):
        return None
    return name, label_level if label_level not in (None, "产出", "效益") else None


def _result(result: str, name: str, aim: Mention) -> Mention | None:
    """The result's figure, when the clause opens with a result word or the name's own tail and then states it in the
    aim's unit with nothing else named."""
    opened = _words()[2].match(result)
    if opened is None:
        opened = _restated_name(result, name)
    if opened is None:
        return None
    found = figures(result)
    if len(found) != 1 or found[0].unit != aim.unit:
        return None
    achieved = found[0]
    # (the words between may restate the name's own words: '实际配置40套' after '配置健身器材40套', '实际满意度93%')
    between = re.sub(r"(?:为|是|达到|达)$", "", result[opened.end():achieved.cmp_start].strip()).strip()
    # (or its verb and the name's noun: '实际建成蓄水池8座' after '新建蓄水池8座的目标')
    noun = _result_verb().sub("", between)
    if (between and between not in name and noun and not (len(noun) >= 2 and name.endswith(noun))) \
            or not _TAIL.match(result[achieved.end:]):
        return None
    return achieved


@cache
def _checked_when() -> str:
    """The time and the check a restated name may open with: '年终调查满意度为94%', '年底测评满意度为93%'."""
    data = lexicon("stated_goals.json")
    times, checks = (alternation(data[key]) for key in ("result_times", "check_words"))
    return f"(?:{times})?(?:{checks})?"


def _restated_name(result: str, name: str) -> re.Match[str] | None:
    """'…合格率为98%': a result clause that opens by restating the last words (two or more) of the goal's name."""
    for size in range(min(len(name), 8), 1, -1):
        opened = re.match(rf"^\s*(?:实际|经[\u4e00-\u9fff]{{1,4}}后?)?{_checked_when()}{re.escape(name[-size:])}"
                          rf"\s*(?:为|是|达到|达)\s*", result)
        if opened is not None:
            return opened
    return None
