"""A plan and its result written as two clauses: '计划完成危房改造20户，实际完成18户'.

Narrative self-evaluations (转移支付 and 专项资金 reports of towns and county bureaus above all) state
a quantity goal as what was planned, then what was done, without the words 目标值 / 指标值 a goal
table would use:

- '计划完成危房改造20户，实际完成18户' / '项目计划改造危房20户，实际改造18户，完成率90%';
- '应补助人数9人，实际补助人数9人' (应 is the plan word of a subsidy count);
- '完成2023年度53户计划任务。共完成农村危房改造129户' — the plan names nothing ('…计划任务'), the
  result clause names the work, and it may stand in the next sentence.

The plan clause holds one figure and a plan word (计划, 拟, 应, 预计; or 计划任务/目标任务 after its
figure); the result clause right after it, when there is one, opens with what was done (实际, 已, 共,
累计, 截至…) and holds one figure in the same unit. A plan with no result after it is a target alone.
Money (元) is the funds' business and is left to them. The name is the plan clause's words without the
plan and verb words, else the result clause's. A share or comparison of the plan ('实际/计划小时数',
'比计划超出9%'), a plan handed down ('下达计划的子项目7个') and a count of projects are no plan.

A result may also be compared with its plan in the clause after it, the plan's figure in the result's unit and the
difference after it: '完成农技人员培训1200人次，比计划的1000人次多200人次' (the plan is the target).

After all goals are read, a result clause of the analysis in the measure of exactly one goal that has no
result yet is that goal's result, even without its name ('已完成建设工程32.63公里').
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Indicator, Paragraph, Project
from reportparse.parse.evidence import span_evidence
from reportparse.parse.goalwords import (
    clauses,
    clean_name,
    figures,
    level_for,
    measured_actual,
    target_from,
    written,
)
from reportparse.parse.quantities import Mention


#: the plan word and the verb after it that opens a plan clause's name: '计划完成', '项目计划改造', '应'
#: (计划 after 比/较/超/按/原/下达 compares with or hands down a plan; 应 in 供应/响应/应急… is no plan word)
#: (规划 is a plan word only opening its clause and before a works or plan verb, '规划治理水土流失面积19.69km²'; else a
#: noun, '完成村庄规划编制12个')
@cache
def _plan() -> re.Pattern[str]:
    words = lexicon("stated_goals.json")
    verbs = alternation([*words["works_verbs"], *words["plan_verbs"]])
    return re.compile(r"^(?P<lead>[^，,；;。]{0,30}?)(?:年初|年度|全年)?"
                      rf"(?:(?<![比较超按原达])计划|(?<![\u4e00-\u9fff])规划(?={verbs})|拟|预计"
                      r"|(?<![供响适相对反效呼答感])应(?![急用当该]))(?:要)?(?P<verb>完成|实施|实现|开展)?")


#: a plan clause whose figure is followed by the task word: '完成2023年度53户计划任务'
_TASK_AFTER = lazy_compile(r"^\s*(?:的)?(?:年度)?(?:计划|目标)任务")
#: the result clause's opening: '实际完成', '实际改造', '已完成', '共完成', '截至年底共完成', '累计发放'
_DONE = lazy_compile(r"^\s*(?:(?:截至|截止|到)[^，,；;。\d]{0,12}?[,，]?\s*)?(?:实际|已经?|共计?|累计|全年共)"
                     r"(?:完成|实现|达到|落实)?")
#: the longest a name after the plan word is when it is a lone verb ('发放', '改造') whose object stands before
_LONE_VERB = 2
_LEAD_YEAR = lazy_compile(r"^\s*(?:本|今|当|全)年度?")
#: a lead before the plan word that names the project, the year or the body that plans, no object: '项目', '本项目',
#: '今年', and the body before the object, '我镇租赁补贴', '本单位农村户厕', '该街道…'
_LEAD_SUBJECT = lazy_compile(r"^(?:本|该|今年|当年)?(?:项目|单位)?$"
                             r"|^(?:我|本|该)(?:项目|单位|省|市|州|盟|县|区|旗|镇|乡|村|街道|社区|局|厅|委|办|院|校|所|站"
                             r"|中心|部门)")
#: a verb left at a name's start once the plan word is off: '改造危房' keeps its verb, '完成' does not
_LEAD_VERB = lazy_compile(r"^(?:完成|实现|开展|实施|达到)")
#: no goal's name: nothing left, or a count of the report's own projects ('子项目7个' is the count-sum
#: checks' business)
_UNNAMED = lazy_compile(r"^(?:任务|计划|工作)?$|项目$")
#: a rate of the money planned and spent ('预算执行率', '资金到位率'): the funds' business, no goal of the work
_BUDGET_RATE = lazy_compile(r"^(?:实际|全年|年度)?(?:预算|资金|财政资金|项目资金)?(?:到位|执行|支出|拨付)率$")


def plan_result_pairs(para: Paragraph, analysis: bool = False) -> list[Indicator]:
    """The indicators a paragraph states as a plan clause, with the result clause after it when there is
    one. In the part that analyses what was reached the plan is restated, not set: no goal row of its own
    (`in_goal_table`)."""
    text = para.text
    spans = [(s, e) for s, e in clauses(text, 0, len(text)) if text[s:e].strip()]
    out: list[Indicator] = []
    for i, (start, end) in enumerate(spans):
        # (the plan word may open the sentence's money clause before: '项目计划投资50万元，实现新建道路2.5公里')
        before = text[spans[i - 1][0]:start] if i and text[spans[i - 1][1]] in "，," else ""
        result = spans[i + 1] if i + 1 < len(spans) else (len(text), len(text))
        indicator = _pair(para, (start, end), result, before)
        if indicator is not None:
            indicator.in_goal_table = not analysis
            out.append(indicator)
    return out


def _pair(para: Paragraph, plan_span: tuple[int, int], result_span: tuple[int, int],
          before: str) -> Indicator | None:
    text = para.text
    (start, end), (result_start, result_end) = plan_span, result_span
    clause, result = text[start:end], text[result_start:result_end]
    planned = _one_figure(clause)
    if planned is None:
        return None
    done = _DONE.match(result)
    achieved = _one_figure(result) if done is not None else None
    if achieved is not None and achieved.unit != planned.unit:
        return None  # (a result in another measure: not this plan's)
    plan = _plan().match(clause[:planned.cmp_start])
    if plan is not None and ("实际" in clause[:plan.end()] or "/" in clause):
        return None  # ('实际完成飞行小时数/计划小时数≥80%': a share of the plan, one measure)
    if "目标" in clause[:planned.cmp_start]:
        return None  # ('…计划投资800万元，目标为新建道路18.5公里': a target statement, read by its own rule)
    task_after = _TASK_AFTER.match(clause[planned.end:])
    # (a clause that opens as a result is none of the money plan's aims: '全年应执行数为7.79万元，实际执行率为100%')
    # (and the clause before must state the money: '拟按双向四车道标准建设，设计速度80公里/小时' plans a design, whose
    # figures are no aims)
    money_before = figures(before)
    money_plan = (plan is None and _plan().match(before) is not None and bool(money_before)
                  and all(m.unit == "元" for m in money_before) and _DONE.match(clause) is None)
    if plan is None and task_after is None and not money_plan:
        return None
    name = None
    if plan is not None or money_plan:
        name = _name(clause[plan.end() if plan else 0:planned.cmp_start])
        # (the plan word's own verb, the object before it: '技能培训计划开展40期'; 完成/实现 say nothing of the work)
        verb = plan.group("verb") if plan is not None and plan.group("verb") not in (None, "完成", "实现") else ""
        if plan is not None and (name is None or len(name) <= _LONE_VERB) and plan.group("lead").strip():
            # ('2020年租赁补贴计划发放300户': a lone verb after the plan word; what it gives out stands before)
            lead = _name(_LEAD_YEAR.sub("", plan.group("lead"))) or ""
            name = _name(_LEAD_SUBJECT.sub("", lead) + (name or verb)) or name
    if name is None and done is not None and achieved is not None:
        # '完成2023年度53户计划任务' names nothing: the result clause names the work ('共完成农村危房改造129户')
        name = _name(result[done.end():achieved.cmp_start])
    if name is None:
        return None
    target = target_from(written(clause, planned), name)
    indicator = Indicator(level=level_for(name, planned), name=name, target=target, in_goal_table=True,
                          evidence=[span_evidence(para, start, result_end if achieved else end)])
    if achieved is not None:
        indicator.actuals.append(measured_actual(para, achieved, result_start, result_end, result))
    return indicator


#: '比计划的1000人次多200人次' / '较年初目标值800户增加12户': the plan's figure, then the difference to it
_BESIDE_PLAN = lazy_compile(r"^\s*(?:比|较)(?:年初|年度|全年)?(?:计划|目标值?|指标值|任务数?)(?:数|值)?的?\s*"
                            r"(?P<plan>[^，,；;。]*?)(?:多|少|增加|减少|超出|超过|高出)(?:了)?[^，,；;。]*$")
#: the words a result clause opens with before what it names: '项目共完成…', '全年累计…'
_DONE_LEAD = lazy_compile(r"^\s*(?:项目)?(?:全年|年度|本年度?)?(?:实际|累计|共计?|合计|已经?)*")


def results_beside_plan(para: Paragraph) -> list[Indicator]:
    """'<name><result>，比计划的<plan>多<difference>': the plan is the target of what the result clause names."""
    text = para.text
    spans = clauses(text, 0, len(text))
    out: list[Indicator] = []
    for (start, end), (plan_start, plan_end) in pairwise(spans):
        compared = _BESIDE_PLAN.match(text[plan_start:plan_end])
        result = _one_figure(text[start:end])
        plan = _one_figure(compared.group("plan")) if compared is not None else None
        if result is None or plan is None or plan.unit != result.unit or text[start:end][result.end:].strip():
            continue
        name = _name(_DONE_LEAD.sub("", text[start:end][:result.cmp_start]))
        if name is None:
            continue
        indicator = Indicator(level=level_for(name, plan), name=name,
                              target=target_from(written(compared.group("plan"), plan), name),  # type: ignore[union-attr]
                              in_goal_table=True, evidence=[span_evidence(para, start, plan_end)])
        indicator.actuals.append(measured_actual(para, result, start, end, text[start:end]))
        out.append(indicator)
    return out


def _one_figure(clause: str) -> Mention | None:
    """The clause's one measurable figure, not money (the funds' readers read amounts)."""
    found = figures(clause)
    if len(found) != 1 or found[0].unit in (None, "元"):
        return None
    return found[0]


def _name(words: str) -> str | None:
    words = re.sub(r"^\s*(?:\d{4}\s*年度?)?\s*的?", "", words)
    name = clean_name(_LEAD_VERB.sub("", words.strip()))
    if name is None or _UNNAMED.match(name) or _BUDGET_RATE.search(name):
        return None
    return name


#: a result clause of the analysis: '已完成建设工程32.63公里', '实际完成危房改造18户', '共完成…'
_RESULT_CLAUSE = lazy_compile(r"(?:实际|已经?|共计?|累计)(?:完成|建成|改造|新建|实施|发放|培训|落实)")


def unit_results(paras: list[tuple[Paragraph, str | None]], projects: dict[str, Project]) -> None:
    """Results the analysis states in a target's own measure, without its name: '已完成建设工程32.63公里'
    after the goal '实现新建村内道路32.63公里'. A result clause with one figure is the result of the one goal
    of its project that is measured in that unit and has no result yet — of none when two goals share it."""
    for para, owner in paras:
        project = projects.get(owner) if owner else None
        if project is None:
            continue
        text = para.text
        for start, end in clauses(text, 0, len(text)):
            clause = text[start:end]
            if not _RESULT_CLAUSE.search(clause):
                continue
            achieved = _one_figure(clause)
            if achieved is None:
                continue
            same = [i for i in project.indicators if i.target is not None and i.target.unit == achieved.unit]
            if len(same) == 1 and not same[0].actuals:
                same[0].actuals.append(measured_actual(para, achieved, start, end, clause))
