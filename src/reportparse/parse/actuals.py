"""Reported actuals: numbers and statements in the prose linked to the indicators they report on.

A number is linked to an indicator only when its unit agrees with the indicator's target unit
and the clause around it carries the indicator's own words (拍摄 for 拍摄数量, 片长 for 片长) —
or, inside a project's analysis, when a level label (数量指标：…) leaves exactly one indicator of
that level with that unit. So '录制…课程 4 部' does not report a 拍摄 target and '3 部…获得二等奖'
reports nothing. Labelled analysis statements without a linked number are qualitative actuals;
labelled numbers no goal indicator takes become indicators with `in_goal_table=False`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reportparse.han import han_count
from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Indicator, Project
from reportparse.normalise import parse_target
from reportparse.parse import linkcandidates as links
from reportparse.parse.evidence import Sentence, span_evidence
from reportparse.parse.goallists import run_together_span
from reportparse.parse.goalwords import (
    ITEM_SHARE,
    bare_figure,
    list_item_start,
    names_no_measure,
    projected_from,
    restates,
    setting,
)
from reportparse.parse.indicatorwords import keywords, loosely_named, plainly_named, tail_word, tie_break
from reportparse.parse.linkcandidates import Candidate, CandidateIndex, clause_candidates, same_level
from reportparse.parse.linkskips import already_read, listed_part, quotes_target
from reportparse.parse.quantities import Mention
from reportparse.parse.quantities import find_mentions as find_quantities
from reportparse.parse.sections import ITEM_NUMBER, LEVEL_WORDS, level_of
from reportparse.parse.wordedactuals import report_in_words

#: the levels a label closed by 。 may name without 指标 ('(2)社会效益。'): a level of its own, not a part's title
_SUB_LEVELS = "|".join(re.escape(word) for word, path in LEVEL_WORDS if "/" in path or path == "满意度")
#: a level label: '数量指标：', and the '(1)数量指标。' / '(2)社会效益。' / '3.满意度指标完成情况分析。' that close
#: with 。 (the label may carry its score in brackets: '1.数量指标(自评得分20分):')
_LABEL = lazy_compile(
    rf"^\s*{ITEM_NUMBER}(?:(?P<label>[^：:，。]{{1,12}}?)(?:指标|目标)?\s*(?:[（(][^()（）]{{0,14}}[)）])?\s*[:：]"
    rf"|(?P<closed>[^：:，。]{{1,8}}?)指标(?:完成情况(?:分析)?)?\s*[。．]|(?P<bare>{_SUB_LEVELS})\s*[。．])"
)
_CLAUSE = lazy_compile(r"[，,；;。！？!?]")
_SPEND = lazy_compile(r"执行|支出|列支|实际|使用|花费|支付|资金完成|完成投资|投资完成")
_FIGURE_OR_BREAK = lazy_compile(r"[\d，,。；;]")
_NAME_TRAIL = lazy_compile(r"(?:为|是|达到|达|约|共|累计|均|全年|完成|实现|已|在|的)+$")
#: (及时发现… keeps 及; '2023年，X知晓度为100%' drops the year)
_NAME_LEAD = lazy_compile(r"^(?:\d{4}\s*年度?\s*[,，]?\s*|全年|共|累计|其中|另外|此外|同时|及(?!时)|和|并|且)+")
#: '…比例年初指标值为不低于85%，全年实际完成值100%': the name says the figure after it is the target, and
#: the next clause gives the result
_TARGET_WORD = lazy_compile(r"(?:年初|年度|全年|预期)?(?:指标值|目标值?|计划(?:完成)?|(?:目标)?任务数)$")
_RESULT_NEXT = lazy_compile(r"\s*[，,]\s*(?:全年|年度)?实际(?:完成值?|值|达到)\s*(?:为|是|[:：])?\s*")
#: a target word opening the name ('年度目标筛查农村妇女5000人', '计划完成宫颈癌筛查5000人')
_TARGET_LEAD = lazy_compile(r"^(?:年初|年度|全年|预期)?(?:目标(?:任务)?|计划)(?:完成|为|是)?")
#: the next clause reporting the result in other words: '，实际筛查4800人', '，实际调查满意度为98%',
#: '，全年实际完成5230人', '，完成值为5230人' — its first figure of the target's unit is the result
_RESULT_CLAUSE = lazy_compile(r"\s*(?:及?以上|及?以下|以内)?\s*[，,]\s*(?:全年|年度|年末)?(?:实际|完成值)"
                            r"[^，,。；;\d]{0,14}?"
                            r"(?=[\d≥≤>＜<＞=＝])")
#: the next clause opening a result, whatever follows it: a figure, words ('，实际完成情况良好') or nothing
#: where a page cut the text ('≥80%,实际完'); the figure before it is the aim, never a result
_RESULT_OPENS = lazy_compile(r"\s*(?:及?以上|及?以下|以内)?\s*[，,]\s*(?:全年|年度|年末)?(?:实际|完成值)")
#: a bound written after the target's figure ('80%以上'): part of the target
_BOUND_AFTER = lazy_compile(r"\s*(?:及?以上|及?以下|以内)")
#: 'X: 一个季度开展X一次，共4次': a frequency ('once a quarter') says how often, it is not the result
_PER_PERIOD = lazy_compile(r"^[^，,。；;]{0,16}?[一1]\s*次")
_PERIODS = ("季度", "月", "周", "年", "半年", "天", "日")
#: a statement opened by its own name: '开展工作督导：…', '服务对象满意度：…' (not a level label)
_LINE_NAME = lazy_compile(rf"^\s*{ITEM_NUMBER}(?P<name>[^：:，,。；;\d]{{2,20}}?)\s*[:：]")
#: what a report's own labels end with ('项目完成情况：', '实施进度：'): they name a part, not a measure
_REPORT_LABEL = lazy_compile(r"(?:情况|进度|概况|内容|成效)$")
#: units writers mix up for the same measure; linked (for the unit-mismatch check) on strong words only
_CONFUSABLE = {frozenset(p) for p in (("人", "人次"), ("户", "户次"), ("次", "场次"), ("h", "工作日"), ("场", "场次"),
                                      ("次", "人次"))}
#: how an indicator's name ends when a sentence reports one the goal table lacks
_MEASURE_NOUN = lazy_compile(
    r"(?:时间|时长|时限|周期|率|比例|数量|次数|人数|户数|个数|里程|面积|长度|天数|金额|规模|容量|带宽|速度"
    r"|(?:满意|知晓|知悉|认可|普及|覆盖|参与)度)$"
)


def _label_word(m: re.Match[str]) -> str:
    return m.group("label") or m.group("closed") or m.group("bare") or ""


@dataclass
class _Label:
    """The indicator label a paragraph's statements go under, and the paragraph it was read for."""

    path: str | None = None
    para_id: int = -1


#: a background sentence that states a plan or goal, not a result
_PLAN = lazy_compile(r"目标|计划|拟|规划")


def link_actuals(sentences: list[Sentence], names: list[tuple[str, list[str]]], projects: dict[str, Project]) -> None:
    """Attach every actual the prose reports to its indicator (creating analysis-only indicators)."""
    label = _Label()
    index = CandidateIndex(projects)
    pending: str | None = None
    qualified: set[tuple[int, int]] = set()  # (paragraph, indicator id) already given a qualitative actual
    for s in sentences:
        if s.section == "goals" or s.tags.get("heading", "0") != "0":
            pending = None
            continue
        if id(s.para) != label.para_id:
            # '(1)数量指标。' / 'X：…共4次。' / 'Y：…共4次。': statements that open with their own names go
            # on under the label above them, one line each
            inherited = label.path if label.path and s.start == 0 and _own_name(s) else None
            label = _Label(pending or inherited, id(s.para))
            pending = None
            m = _LABEL.match(s.para.text)
            if m:
                path = level_of(_label_word(m))
                if path:
                    label.path = path
                    if not s.para.text[m.end():].strip():
                        pending = path
                        continue
        elif s.start > 0:
            m = _LABEL.match(s.text)
            path = level_of(_label_word(m)) if m else None
            if path:
                label.path = path  # a label opening a later sentence holds for the rest of the paragraph
        # (a level heading of its own ('(2)质量指标') labels the figures stated under it as a label line would;
        # a sentence of words or of the level's score ('满意度指标满分10分，自评得分10分') reports no indicator)
        heading_label = s.level if s.section == "analysis" and s.level not in (None, "预算执行") \
            and _has_numbers(s.text) else None
        _link_sentence(s, label.path or heading_label, names, projects, qualified, index,
                       labelled=label.path is not None)


def _origin(s: Sentence) -> str:
    """Which part of the report a sentence belongs to, as Actual.origin."""
    if s.section == "analysis":
        return "analysis"
    if s.section in ("conclusion", "overview"):
        return "conclusion"
    return "narrative"


def _link_sentence(s: Sentence, label: str | None, names: list[tuple[str, list[str]]],
                   projects: dict[str, Project], qualified: set[tuple[int, int]], index: CandidateIndex,
                   labelled: bool = True) -> None:
    """Link each quantity of a sentence to an indicator, or make analysis-only indicators of the rest.
    `labelled`: the label is the statement's own ('数量指标：…'), not only the level heading it stands under
    (which makes indicators of the figures a sentence opens with, but no list of items, nor a report in words)."""
    text = s.text
    if s.section == "overview" and _PLAN.search(text):
        return  # the project's background states a plan or goal ('提出…建成20个左右的目标'): no result
    linked: set[int] = set()
    linked_units: set[str] = set()
    # (a level label's own bracket may hold a comma, '2.质量指标（权重15分，得分15分）：…': no clause of the statement)
    lab = _LABEL.match(text)
    label_end = lab.end() if lab and level_of(_label_word(lab)) else 0
    clause_starts = [0] + [m.end() for m in _CLAUSE.finditer(text) if m.start() >= label_end]
    unlinked: list[tuple[Mention, int]] = []
    brackets = _Brackets(text)
    named_in_sentence: dict[str, set[str]] = {}
    own_name = _own_name(s)
    designed = projected_from(text)  # ('建成后是一座占地约20万平方米的公园': the figures after it are the design)
    table = run_together_span(text)  # (a target table run into the prose: parse/goalprose read its rows)
    for mention in find_quantities(text):
        if (table is not None and table[0] <= mention.start < table[1]) or (designed or len(text)) <= mention.start:
            continue
        if mention.unit in (None, "分") or (mention.unit == "年" and (mention.value or 0) > 1900):
            continue
        if mention.unit in _PERIODS and mention.value == 1 and _PER_PERIOD.match(text[mention.end:]):
            continue
        at = bisect_right(clause_starts, mention.start)
        c_start = clause_starts[at - 1]
        if s.section == "overview" and ("用于" in text[c_start:mention.start] or setting(text[:mention.start])):
            continue  # what the money is for ('主要用于…'), or a sentence of the setting ('全区幅员面积…'): no result
        clause = text[c_start:clause_starts[at] if at < len(clause_starts) else len(text)]
        if s.project in projects and any(quotes_target(i, mention, clause, s) for i in projects[s.project].indicators):
            continue  # a goal's target read from this very clause ('…，控制在5.5%以内'): no result of any goal
        candidates = clause_candidates(s, clause, names, projects, index, linked, named_in_sentence)
        if own_name:  # 'X：…共4次' reports X: not an indicator that shares none of X's words
            candidates = [c for c in candidates if own_name in c[3].name or c[3].name in own_name
                          or len(keywords(c[3].name) & keywords(own_name)) >= 2]  # (开展X / 开展Y: one verb)
        own_item = links.listed_item_words(clause, mention.cmp_start - c_start, mention.end - c_start)  # (A 1人、B 2人)
        choice = _choose(mention, own_item, label, candidates, linked, head=text[c_start:mention.cmp_start])
        if choice is None:
            if mention.unit not in linked_units and not brackets.inside(mention.start):
                unlinked.append((mention, c_start))
            continue
        indicator = choice[1]
        if quotes_target(indicator, mention, clause, s):
            continue  # the indicator's own target statement (parse/goalprose), not a result
        if listed_part(text, mention, indicator):
            continue  # a part of the whole the sentence gave first ('X1429公顷，其中A25公顷、B958公顷'), no result of X
        linked.add(id(indicator))
        qualified.add((id(s.para), id(indicator)))
        qualified.add((id(s.para), 0))  # marks the paragraph as having reported something
        if mention.unit:
            linked_units.add(mention.unit)
        if already_read(indicator, mention, text):
            continue  # read with its target from the same clause (parse/goalprose)
        indicator.actuals.append(_actual(s, mention, c_start, clause))
    if s.project and label and s.section == "analysis":
        paragraph_linked = (id(s.para), 0) in qualified
        consumed = 0  # (a result read with its target is no indicator of its own)
        listed_from: dict[int, bool] = {}  # clause start → whether the clause's first item was leading
        previous_end = -1
        for order, (mention, c_start) in enumerate(unlinked):
            if (mention.unit == "元" and not _unit_cost(label, text[c_start:mention.cmp_start])
                    and not _planned_cost(label, text, mention)) or mention.start < consumed:
                continue  # (money in the analysis is the budget's, except a 成本 label's cost: '人均成本96元')
            # the statement's own number ('数量指标：建立工作台账 12 册') or a named measure elsewhere
            leading = order == 0 and c_start == 0 and (
                (s.start == 0 and not paragraph_linked)
                # ('数量指标：A 4次，指标完成率100%；B 50000册，…': the items of a list are set off by ；)
                or (labelled and s.para.text[:s.start].rstrip().endswith(("；", ";"))))
            item = list_item_start(text, c_start, mention, previous_end)
            if item is not None:
                # 'A 3个、B 1个、C 15人': an item of the list the clause's first statement opened
                leading, c_start = listed_from.get(c_start, False), item
            else:
                listed_from[c_start] = leading
            previous_end = mention.end
            read_to = _new_indicator(s, label, mention, text, c_start, projects[s.project], leading, index)
            consumed = max(consumed, read_to)
    if label and labelled and s.project and s.section == "analysis" and not linked:
        groups = index.level_groups(projects[s.project], label)
        m = _LABEL.match(s.text)
        body = (s.text[m.end():] if m and level_of(_label_word(m)) else s.text).strip()
        report_in_words(s, body, _origin(s), groups, linked, qualified, by_words_only=_has_numbers(s.para.text))


def _choose(mention: Mention, clause: str, label: str | None, candidates: list[Candidate],
            linked: set[int], head: str = "") -> tuple[Project, Indicator] | None:
    """The one indicator a quantity reports on: same (or unknown) unit, own words nearby, unambiguous.

    `head` is the clause's text before the number (what the number counts).
    """
    scored: list[tuple[int, int, Project, Indicator]] = []
    for order, (_, _, project, ind) in enumerate(candidates):
        if id(ind) in linked or ind.target is None:
            continue
        unknown = not ind.target.raw.strip()  # the goal table left the target empty: any unit may do
        exact = ind.target.unit == mention.unit
        near = frozenset((ind.target.unit, mention.unit)) in _CONFUSABLE
        if not (exact or unknown or near):
            continue
        if label and not same_level(label, ind.level):
            continue
        if mention.unit == "元" and not _SPEND.search(clause):
            continue
        grams = keywords(ind.name)
        hits = sum(1 for g in grams if g in clause)
        if hits == 1 and len(ind.name) == 3 and ind.name not in clause and not ind.name.endswith(("率", "度")):
            continue  # a three-character name half written: 新增就业 is not 再就业 (就业 alone is no evidence)
        tail = tail_word(ind.name)
        if tail and tail in clause:
            hits += 1
        if near and not exact and hits < 2:
            continue  # 人 for a 人次 target: only when the indicator's own words are plainly there
        scored.append((hits, -order, project, ind))
    if not scored:
        if label:
            # '数量指标：…，群众满意度达 95%': a clause naming another level's indicator by its own words, plainly
            # (not by one shared word: '质量指标。经费发放率为98%' reports no 成本 row '国家规定标准发放')
            other = _choose(mention, clause, None, candidates, linked, head)
            return other if other is not None and plainly_named(other[1].name, clause) else None
        return None
    scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
    best = scored[0]
    if best[0] == 0 and not label:
        loose = loosely_named(mention, clause, scored)
        if loose is not None:
            return loose
    if best[0] == 0:
        # no own words nearby: only a level label leaving one indicator of this unit may decide,
        # and not when the clause names a measure of its own ('数量指标：新增服务网点 3 个')
        if not label or len(scored) != 1 or _names_other_measure(head):
            return None
        return best[2], best[3]
    if len(scored) > 1 and scored[1][0] == best[0]:
        return tie_break(clause, [(c[2], c[3]) for c in scored if c[0] == best[0]])
    return best[2], best[3]


def _names_other_measure(head: str) -> bool:
    """Does the text before a number hold a noun phrase of its own (not just 全年/完成/共计)?

    Called only when none of the indicator's words are in the clause: a phrase of four or more
    characters there names what was counted, and a measure word of its own (完成率) what was measured;
    neither is the indicator's measure.
    """
    lab = _LABEL.match(head)
    if lab and level_of(_label_word(lab)):
        head = head[lab.end():]
    head = _NAME_LEAD.sub("", _NAME_TRAIL.sub("", head.strip(" ：:，,")).strip())
    # ('X申报1398条，完成率100%': a rate word of its own is the rate of the item before, no other measure's result)
    return han_count(head) >= 4 or (han_count(head) >= 2 and _MEASURE_NOUN.search(head) is not None)


class _Brackets:
    """Where a sentence's brackets open and close, to tell in O(log n) whether a position is inside
    one (an aside such as （微视频不少于 15 分钟）)."""

    def __init__(self, text: str) -> None:
        self.opens = [i for i, ch in enumerate(text) if ch in "（("]
        self.closes = [i for i, ch in enumerate(text) if ch in "）)"]

    def inside(self, pos: int) -> bool:
        return bisect_left(self.opens, pos) > bisect_left(self.closes, pos)


def _actual(s: Sentence, m: Mention, c_start: int, clause: str) -> Actual:
    """An Actual for a linked quantity: measured, or restated when a target comparator was written."""
    end = c_start + len(clause.rstrip("，,；;。！？!? "))
    evidence = [span_evidence(s.para, s.start + c_start, s.start + max(end, m.end))]
    kind = "restated" if m.target_style else "measured"
    comparator = m.comparator if (m.target_style or m.comparator == ">=") else None
    if kind == "measured" and m.comparator in (">", "<"):
        comparator = None  # 超过/高于 a figure in a result means 'more than about', not a target
    raw = s.para.text[s.start + m.cmp_start:s.start + m.end] if kind == "restated" else m.raw
    return Actual(raw=raw, value=m.value, unit=m.unit, upper=m.upper, comparator=comparator, approx=m.approx,
                  kind=kind, origin=_origin(s), evidence=evidence)


def _new_indicator(s: Sentence, label: str, m: Mention, text: str, c_start: int, project: Project,
                   leading: bool, index: CandidateIndex) -> int:
    """A labelled number in the analysis that no goal indicator takes: an analysis-only indicator.
    Returns where in the sentence the figures it read end (a result it read with its target), else 0."""
    head = text[c_start:m.cmp_start]
    lab = _LABEL.match(head)
    head = head[lab.end():] if lab and level_of(_label_word(lab)) else head
    name = _NAME_LEAD.sub("", _NAME_TRAIL.sub("", head.strip(" ：:")).strip())
    own = _own_name(s)
    if own and (len(name) < 2 or (c_start == 0 and name.startswith(own))):
        # 'X：一个季度开展X一次，共4次' / '服务对象满意度：服务对象满意度≥80%': the statement's own name
        name, leading = own, True
    # the name says the figure after it is the aim ('X目标值', '年度目标X', '计划完成X'), or the next clause
    # gives the result of that figure ('X达到80%以上，实际达到85%'): a target and its result
    stated_target = bool(_TARGET_WORD.search(name) or _TARGET_LEAD.match(name)
                         or (_RESULT_OPENS.match(text, m.end) and not _RESULT_CLAUSE.match(text[c_start:m.cmp_start])))
    name = _TARGET_LEAD.sub("", _TARGET_WORD.sub("", name))
    name = _NAME_TRAIL.sub("", name).strip()
    if len(name) < 2 or _FIGURE_OR_BREAK.search(name) or ITEM_SHARE.match(name) or names_no_measure(name):
        return 0  # (nor a label of the figure's place alone: '年终完成：95%', '计划指标：120人')
    if stated_target:
        return _target_then_result(s, label, m, text, c_start, project, name, index)
    if not (leading or m.target_style or _MEASURE_NOUN.search(name)):
        return 0  # '另有 12 名志愿者', '发放问卷 300 份': counts in passing, not a reported indicator
    facts = index.facts(project)
    if any(name in r or r in name for r in facts.remarks):
        return 0
    if name in facts.analysis_names:
        return 0
    segment = label.split("/")[-1]
    level = facts.levels.setdefault(segment, label)
    indicator = Indicator(level=level, name=name, in_goal_table=False,
                          evidence=[span_evidence(s.para, s.start + c_start, s.start + m.end)])
    actual = _actual(s, m, c_start, text[c_start:])
    if actual.kind == "restated":
        # '满意度≥80%' in the analysis restates the aim: the indicator's target, no measured result
        indicator.target = parse_target(actual.raw, level=level, name=name)
    indicator.actuals.append(actual)
    project.indicators.append(indicator)
    facts.analysis_names.add(name)
    return 0


#: a cost per unit of output ('人均筛查成本', '单价', '亩均投入'), not a budget or its spending
_UNIT_COST = lazy_compile(r"成本|单价|均价|[人户亩生村件]均")
_BUDGET_WORDS = lazy_compile(r"预算|执行|资金|支出|拨付|投资")


def _unit_cost(label: str, head: str) -> bool:
    """Is money under a 成本 label a unit cost the statement names ('人均筛查成本不超过100元')?"""
    return "成本" in label and bool(_UNIT_COST.search(head)) and not _BUDGET_WORDS.search(head)


def _planned_cost(label: str, text: str, mention: Mention) -> bool:
    """Is money under a 成本 label the planned cost its next clause gives the result of ('成本指标。项目投资56万元,
    实际决算金额54.6万元', '计划总投资120万元，实际完成投资118万元')? The pair is the 成本 indicator."""
    return "成本" in label and _RESULT_CLAUSE.match(text, mention.end) is not None


def _target_then_result(s: Sentence, label: str, m: Mention, text: str, c_start: int, project: Project,
                        name: str, index: CandidateIndex) -> int:
    """'X年初指标值为不低于85%，全年实际完成值100%': an indicator with its target and its measured result
    (where the result ends in the sentence; 0 without one)."""
    facts = index.facts(project)
    if name in facts.analysis_names or any(known.name == name for known in project.indicators):
        return 0  # (read already, as the analysis's or the goal sentences' indicator)
    segment = label.split("/")[-1]
    level = facts.levels.setdefault(segment, label)
    bound = _BOUND_AFTER.match(text, m.end)
    target_raw = text[m.cmp_start:bound.end() if bound else m.end]
    indicator = Indicator(level=level, name=name, in_goal_table=False,
                          target=parse_target(target_raw, level=level, name=name),
                          evidence=[span_evidence(s.para, s.start + c_start, s.start + m.end)])
    if any(restates(known, indicator) for known in project.indicators):
        return 0  # ('计划补助115户' under the aim '任务数为115户': the same aim again)
    found: list[Mention] = []
    # ('，实际完成值100%' names the result at once; '，实际完成投资118.5万元' names what the figure is first)
    for result in (_RESULT_NEXT.match(text, m.end), _RESULT_CLAUSE.match(text, m.end)):
        found = [q for q in find_quantities(text[result.end():]) if q.cmp_start == 0 and q.unit == m.unit] \
            if result else []
        if found:
            break
    end = 0
    if result and found:
        q = found[0]
        end = result.end() + q.end
        indicator.actuals.append(Actual(raw=q.raw, value=q.value, unit=q.unit, upper=q.upper, approx=q.approx,
                                        kind="measured", origin=_origin(s),
                                        evidence=[span_evidence(s.para, s.start + c_start, s.start + end)]))
    elif result:
        # ('培训人次≥500人次，实际完成520': the result's figure written without a unit is in the target's)
        close = _CLAUSE.search(text, result.end())
        clause_end = close.start() if close else len(text)
        bare = bare_figure(text[result.end():clause_end], m.raw, m.unit)
        if bare is not None:
            end = clause_end
            indicator.actuals.append(Actual(raw=text[result.end():clause_end].strip(), value=bare, unit=m.unit,
                                            kind="measured", origin=_origin(s),
                                            evidence=[span_evidence(s.para, s.start + c_start, s.start + end)]))
    project.indicators.append(indicator)
    facts.analysis_names.add(name)
    return end


def _own_name(s: Sentence) -> str | None:
    """The name a statement opens with ('开展工作督导：…'), when it is no level label (数量指标：)."""
    opens_line = s.start == 0 or s.para.text[:s.start].rstrip()[-1:] in ("。", "；", ";")
    own = _LINE_NAME.match(s.text) if opens_line else None
    if own is None or level_of(own.group("name")) or _REPORT_LABEL.search(own.group("name")):
        return None
    return own.group("name").strip()


def _has_numbers(text: str) -> bool:
    """Does the text state any quantity other than scores and years?"""
    return any(m.unit not in ("分", "年") for m in find_quantities(text))
