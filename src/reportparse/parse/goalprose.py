"""Goals and results written as sentences, in reports that have no goal table.

Real narrative reports (the 财政衔接 and 转移支付 self-evaluations above all) state their aims in
the 绩效目标 paragraphs as sentences, not as a table or as labelled lines:

- a target statement: '目标为新建村内道路和连通道路共32.63公里', '项目的总体绩效目标是治理水土
  流失面积1429.39hm²'. What follows 目标为/是 up to the clause's end is the indicator's name and
  its target; a following clause '实际完成30公里' is its result;
- a result with its target after it: '完成新建道路12条，年度目标为10条' — the first clause names
  the indicator and its result, the 目标 clause (which names nothing) its target;
- an expected benefit in the goal-setting paragraphs: '项目建成后预计每年可收租金2万元',
  '带动村集体经济增收2万元', '使2437口群众受益' — each clause with one quantity is a target of
  the benefit it names (受益 + who, for the 使/惠及 N X 受益 shape).

Each becomes an Indicator (in_goal_table=True: no table lists it) of the paragraph's project, or
of the only project (or of the one project a paragraph opens by naming); an indicator already
known under the same name gets the missing target or result instead. Goals listed several to a
sentence or paragraph are read by parse/goallists.py, the words of both by parse/goalwords.py. A
list written with 和/及 is named with 、 as a goal table writes it.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.model import Indicator, Paragraph, Project
from reportparse.parse.evidence import span_evidence
from reportparse.parse.goalareas import AreaOwners
from reportparse.parse.goalbrackets import bracketed_aims
from reportparse.parse.goallists import (
    ANNOUNCED_GOALS,
    ANNOUNCING_TITLE,
    GOAL_ITEM,
    item_targets,
    listed_results,
    listed_targets,
    rate_lists,
    results_leads,
    run_together_rows,
    works_targets,
)
from reportparse.parse.goalpaired import paired_statements, worded_pair
from reportparse.parse.goalpairs import plan_result_pairs, results_beside_plan, unit_results
from reportparse.parse.goalplans import planned_works
from reportparse.parse.goalrunpairs import run_together_pairs
from reportparse.parse.goalstated import (
    aimed_clauses,
    label_levels,
    respective_pairs,
    restated_alike,
    results_by_measure,
    stated_goals,
    with_stated_goals,
)
from reportparse.parse.goaltasks import handed_tasks, own_targets, task_shares
from reportparse.parse.goalwords import (
    MONEY_AIM,
    MONEY_STANDARD,
    RESULT,
    SPENDING_AIM,
    clean_name,
    end_of_clause,
    figures,
    level_for,
    measured_actual,
    named,
    restates,
    start_of_clause,
    target_from,
    written,
)
from reportparse.parse.layout import Layout, ParaInfo
from reportparse.parse.projectmentions import find_mentions as find_project_mentions
from reportparse.parse.quantities import Mention

#: '目标为' / '总体绩效目标是' / '年度目标值为' / '目标：' / '绩效目标下达情况：' opening a target statement
_TARGET_LEAD = lazy_compile(r"(?:(?:总体|年度|全年|预期|项目)?(?:绩效)?目标(?:值|任务)?(?:(?:分解)?下达情况|设定情况)?"
                          r"|(?:项目)?(?:主要)?建设(?:内容|任务|规模))\s*(?:主要)?(?:为|是|包括|[:：])\s*")
#: the genre's benefit shapes: 使/惠及/带动 N (口|人|户) X 受益
_BENEFIT = lazy_compile(r"(?:使|让|惠及|带动|帮助)(?P<q>[\d.,，]+\s*[万千]?(?:口|人|户|名|个)(?:次)?)"
                      r"(?P<who>[\u4e00-\u9fff]{2,12}?)(?:直接|间接)?受益")
#: an expected-benefit sentence (the goal-setting paragraphs write what the project will bring)
_EXPECTED = lazy_compile(r"预计|预期|建成后|实施后|可实现|将实现|力争")
#: a sentence that opens by telling the progress so far: '到目前已落实', '截至2023年底已完成', '目前已建成'
_PROGRESS = lazy_compile(r"\s*(?:到|截至|截止)?\s*(?:目前|现在|年底|年末|\d{4}\s*年(?:\d{1,2}\s*月)?(?:底|末)?)"
                         r"(?:为止|止)?\s*[,，]?\s*(?:已经?|累计|共)\s*(?:完成|落实|建成|实施|实现|发展|改造|新建)")
#: the sentence so far tells what was done: what its 建设内容为… lists is the result
_DONE_BEFORE = lazy_compile(r"完成|已经?|实际|建成")
#: figures that are the money given or counts of the goal table itself, not aims
_NOT_AIM = lazy_compile(r"下达|拨付|投资|预算|资金|批复|安排|指标\s*\d|指标[^，,；;。]{0,3}个|文号|〔")


def apply_goal_prose(layout: Layout, projects: dict[str, Project]) -> dict[int, str]:
    """Add the indicators that target and result sentences state to their project. Returns the paragraphs
    (by index) given to a project by the area of work they tell of, for the results' linking to keep to it."""
    only = next(iter(projects)) if len(projects) == 1 else None
    spellings = [(p.name, list(p.aliases)) for p in projects.values()]
    announced: str | None = None  # the project whose goals the paragraphs before announced as a numbered list
    analysed: dict[str, list[Indicator]] = {}  # each project's readings of the analysis paragraphs
    labelled = label_levels(layout.paras)  # (the level a label paragraph above gives: '产出指标：' then its items)
    areas = AreaOwners(projects)  # (the project a paragraph's area of work names: '(1)失业保险工作方面。…')
    by_area: dict[int, str] = {}
    for info in layout.paras:
        owner = info.project or only or _opened_by(info.para.text, spellings)
        by_subject = areas.owner(info.heading, info.title, info.para.text) if len(projects) > 1 else None
        if owner is None and by_subject is not None:
            owner = by_area[info.index] = by_subject
        if info.heading and owner in projects and info.section not in ("problems", "conclusion"):
            # ('4.成本指标X指标为100%实际完成值为100%': a short numbered line the layout takes for a heading)
            for indicator in run_together_pairs(info.para):
                _merge(projects[owner], indicator)
        if info.heading or info.section in ("problems", "conclusion"):
            # (a heading '（二）绩效目标' announces the numbered goals under it as a '绩效目标为：' line does)
            announced = owner if info.heading and ANNOUNCING_TITLE.match(info.title) else None
            continue
        listed = announced is not None and GOAL_ITEM.match(info.para.text) is not None
        announced = (owner or announced) if ANNOUNCED_GOALS.search(info.para.text) else (announced if listed else None)
        if listed and announced in projects:
            # '绩效目标为：' then '1.确保171个公共文化服务站点正常运行。' '2.…': each item is a goal of that project
            for indicator in item_targets(info.para):
                _merge(projects[announced], indicator)
        if owner is None or owner not in projects:
            continue
        project = projects[owner]
        found = _paragraph_indicators(info, labelled.get(info.index))
        analysed.setdefault(owner, []).extend(found if info.section == "analysis" else [])
        for indicator in found:
            _merge(project, indicator)
    # (once every goal is known: a result clause in a goal's measure that does not name it)
    unit_results([(info.para, info.project or only) for info in layout.paras
                  if info.section == "analysis" and not info.heading], projects)
    for owner, readings in analysed.items():
        results_by_measure(projects[owner], readings)
        restated_alike(projects[owner], readings)
    return by_area


def _bracketed(text: str, at: int) -> bool:
    """Does a bracket opened before `at` stay open there?"""
    return sum(text.count(mark, 0, at) for mark in "（(") > sum(text.count(mark, 0, at) for mark in "）)")


def _opened_by(text: str, spellings: list[tuple[str, list[str]]]) -> str | None:
    """The one project a paragraph's first clause names ('项目二：…X项目资金，项目全年预算数…'): a
    paragraph of a report on several projects that opens by naming one is about that one."""
    named = {name for _, _, name in find_project_mentions(text[:end_of_clause(text, 0)], spellings)}
    return named.pop() if len(named) == 1 else None


def _paragraph_indicators(info: ParaInfo, labelled: str | None = None) -> list[Indicator]:
    para = info.para
    text = para.text
    # (a table run into the prose first: its rows carry the comparator a sentence restating them drops)
    found: list[Indicator] = run_together_rows(para)
    # ('计划完成X 20户，实际完成18户': a plan and its result, paired)
    found.extend(plan_result_pairs(para, analysis=info.section == "analysis"))
    found.extend(results_beside_plan(para))  # ('完成培训1200人次，比计划的1000人次多200人次')
    for lead in _TARGET_LEAD.finditer(text):
        if info.section == "analysis" and "建设" in lead.group() \
                and _DONE_BEFORE.search(text, text.rfind("。", 0, lead.start()) + 1, lead.start()):
            continue  # ('完成年度建设项目1个，主要建设内容为新建机井1座…': the works done, not aimed at)
        if _bracketed(text, lead.start()):
            continue  # ('…52所（目标：全县学校全覆盖）；参与学生2.1万人': an aside's aim, the clauses after it results)
        indicator = _target_statement(para, lead.start(), lead.end())
        if indicator is not None:
            found.append(indicator)
        found.extend(listed_targets(para, end_of_clause(text, lead.end()) + 1, indicator))
    for lead in results_leads(text):
        found.extend(listed_results(para, lead.end()))
    if info.section != "funds":
        found.extend(rate_lists(para, analysis=info.section == "analysis", aims=info.section == "goals"))
    found.extend(task_shares(para))
    if info.section not in ("funds", "problems"):
        found.extend(planned_works(para))  # ('计划新建服务站5个、改造书屋3个。已新建服务站5个、…')
    found.extend(own_targets(para))
    found.extend(handed_tasks(para))  # ('下达的农村危房改造任务为603户，…。…实施危房改造897户')
    labelled_result = info.section == "analysis" and _LEVEL_LABEL.match(para.text) is not None
    if not labelled_result:
        # (a level-labelled analysis statement is parse/actuals' to read; one under a level's own heading,
        # '(2)时效指标' / '项目完成及时率,年初目标值100%,实际完成值100%', is of that level whatever its words suggest)
        found.extend(_under_heading_level(paired_statements(para), info.level or labelled))
        found.extend(worded_pair(para, info.level))
    else:
        # (but one that names its target word, '数量指标：X的年度指标值为不低于95%，全年实际完成值96%', states the
        # goal as a table row would: read as one, a result of the analysis)
        for paired in paired_statements(para):
            paired.in_goal_table = False
            found.append(paired)
    if info.section not in ("funds", "problems"):  # ('X目标≥98%，实际99%', 'X3处，完成3处')
        stated = stated_goals(para, info.level or labelled) + respective_pairs(para, info.level or labelled)
        for reading in stated if labelled_result else []:
            # (a level-labelled analysis statement, '数量指标：目标任务X80吨，已完成83吨', is read for its target and
            # result, as parse/actuals would, and stays a result of the analysis: no goal the report set)
            reading.in_goal_table = False
        found = with_stated_goals(found, stated)
    found.extend(run_together_pairs(para))
    found.extend(bracketed_aims(para, info.level or labelled))  # ('开展义诊活动12次（目标12次）')
    if info.section == "goals":
        found.extend(aimed_clauses(para, info.level or labelled))  # ('一是X保持在90%以上；二是Y不少于24次')
        found.extend(_expected_benefits(para))
        found.extend(works_targets(para))
    # (a name across a cell's rule, '亮灯|率', is a goal text a '|' dump broke at its line ends: no name read whole)
    return [indicator for indicator in found if "|" not in indicator.name]


def _target_statement(para: Paragraph, lead_start: int, body_start: int) -> Indicator | None:
    """'目标为<name>(共)<figure>' → indicator with its target; or '<name><figure>，目标为<figure>'."""
    text = para.text
    end = end_of_clause(text, body_start)
    body = text[body_start:end]
    if _NOT_AIM.search(body) and not SPENDING_AIM.search(body):
        return None
    mentions = figures(body)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    if mention.unit == "元" and not (MONEY_AIM.search(body) or MONEY_STANDARD.search(body)):
        return None  # ('预期目标:A补贴1.065万元,B 2.1万元…': the fund's allotment restated, no aim)
    name = named(body, mention)
    if name is None:
        # '完成新建道路12条，年度目标为10条': the clause before names the indicator and its result
        return _result_then_target(para, lead_start, body_start, mention, end)
    target = target_from(written(body, mention), name)
    indicator = Indicator(level=level_for(name, mention), name=name, target=target, in_goal_table=True,
                          evidence=[span_evidence(para, lead_start, end)])
    result_end = end_of_clause(text, end + 1) if end < len(text) else end
    result = text[end + 1:result_end] if end < len(text) else ""
    if not RESULT.search(result):
        # '…目标是发展高效节水灌溉1.2万亩，下达资金1785万元。到目前已落实7050亩，…': the next sentence tells
        # how far the work has come, in the target's unit, without naming it again
        stop = text.find("。", end)
        if stop < 0 or not _PROGRESS.match(text, stop + 1):
            return indicator
        result_end = end_of_clause(text, stop + 1)
        end, result = stop, text[stop + 1:result_end]
    actual = next((m for m in figures(result) if m.unit == mention.unit), None)
    if actual is not None:
        indicator.actuals.append(measured_actual(para, actual, end + 1, result_end, result))
    return indicator


def _under_heading_level(indicators: list[Indicator], level: str | None) -> list[Indicator]:
    """The indicators with the level of the heading or label they stand under, when it is a level of its own
    (产出/时效, 满意度); under a group (产出, 效益) whose sub-level only the name can tell, the group where the
    name told another."""
    if level is None:
        return indicators
    for indicator in indicators:
        if "/" in level or level == "满意度" or not (indicator.level or "").startswith(level):
            indicator.level = level
    return indicators


#: an analysis paragraph opened by a level label ('1、产出数量指标:…')
_LEVEL_LABEL = lazy_compile(r"^\s*(?:[（(]?\d{1,2}[)）、.．]|[（(]?[一二三四五六七八九十]{1,3}[)）、])?\s*"
                          r"(?:产出|效益|满意度|数量|质量|时效|成本|经济|社会|生态|可持续)[^：:，。]{0,8}指标\s*"
                          r"(?:[（(][^()（）]{0,14}[)）])?\s*[:：]")
def _result_then_target(para: Paragraph, lead_start: int, body_start: int, target: Mention,
                        end: int) -> Indicator | None:
    text = para.text
    before_end = lead_start
    while before_end > 0 and text[before_end - 1] in "，,；; ":
        before_end -= 1
    if before_end == lead_start:
        return None  # the 目标 clause does not follow another clause
    before_start = start_of_clause(text, before_end)
    before = text[before_start:before_end]
    results = [m for m in figures(before) if m.unit == target.unit]
    if len(results) != 1 or _NOT_AIM.search(before):
        return None
    result = results[0]
    name = clean_name(before[:result.cmp_start])
    if name is None:
        return None
    indicator = Indicator(level=level_for(name, target), name=name,
                          target=target_from(written(text, target, body_start), name),
                          in_goal_table=True, evidence=[span_evidence(para, before_start, end)])
    indicator.actuals.append(measured_actual(para, result, before_start, before_end, before))
    return indicator


def _expected_benefits(para: Paragraph) -> list[Indicator]:
    """Clauses of an expected-benefit sentence, each with one figure: targets of what they name."""
    text = para.text
    out: list[Indicator] = []
    sentence_start = 0
    for sentence in re.split(r"(?<=[。！？!?])", text):
        if not _EXPECTED.search(sentence):
            sentence_start += len(sentence)
            continue
        clause_start = sentence_start
        for clause in re.split(r"(?<=[，,；;。])", sentence):
            indicator = _benefit_clause(para, clause.rstrip("，,；;。"), clause_start)
            if indicator is not None:
                out.append(indicator)
            clause_start += len(clause)
        sentence_start += len(sentence)
    return out


def _benefit_clause(para: Paragraph, clause: str, start: int) -> Indicator | None:
    if _TARGET_LEAD.search(clause):
        return None  # a target statement, read by its own rule
    mentions = figures(clause)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    benefit = _BENEFIT.search(clause)
    if benefit is not None:
        name: str | None = "受益" + benefit.group("who")
    else:
        if _NOT_AIM.search(clause) or (mention.unit == "元" and not MONEY_AIM.search(clause)):
            return None
        name = clean_name(clause[:mention.cmp_start])
    if name is None:
        return None
    level = "效益/社会效益" if benefit is not None else level_for(name, mention, benefit=True)
    return Indicator(level=level, name=name, target=target_from(written(clause, mention), name),
                     in_goal_table=True, evidence=[span_evidence(para, start, start + len(clause))])


def _parallel(known: Indicator, new: Indicator) -> bool:
    """Is `new` the same measure of another subject listed beside `known` on the same line, with its own figure
    ('李子…年总收入可达15万元；…梨子园…预计年总收入30万元'): two aims, not one completed by the other?"""
    if known.name != new.name or known.target is None or new.target is None:
        return False
    if new.actuals and not known.actuals:
        return False  # ('X不低于90%…。从实施情况看，X为97.5%': the aim's result, read where it is reached)
    if known.target.value is None or new.target.value is None or known.target.unit != new.target.unit \
            or known.target.value == new.target.value:
        return False
    lines = {(ev.page, ev.line) for ev in known.evidence if ev.line is not None}
    return any((ev.page, ev.line) in lines for ev in new.evidence)


def _merge(project: Project, indicator: Indicator) -> None:
    """Add the indicator, or complete the one of the same name the project already has. A restatement of a
    known aim in other words ('计划补助115户' after '任务数为115户'; '重大动物群体免疫密度达90%以上' for
    '重大动物强制免疫病种群体免疫密度，年初目标值≥90%') is that aim, not another."""
    restated = next((known for known in project.indicators if restates(known, indicator)), None)
    if restated is not None:
        if not restated.actuals:  # (the restatement may bring the result the aim lacked: '…计划数4期，完成数4期')
            restated.actuals.extend(indicator.actuals)
        return
    if any(_parallel(known, indicator) for known in project.indicators):
        project.indicators.append(indicator)
        return
    for known in project.indicators:
        if known.name == indicator.name or (len(indicator.name) >= 4 and
                                            (indicator.name in known.name or known.name in indicator.name)):
            if known.target is None or not known.target.raw.strip():
                known.target = indicator.target
            if not known.actuals:
                known.actuals.extend(indicator.actuals)
            if len(known.name) <= 2 < len(indicator.name) and known.name in indicator.name:
                known.name = indicator.name  # ('救助' of '计划80人，实际救助85人' is '残疾儿童康复救助人数' named)
            return
    project.indicators.append(indicator)

