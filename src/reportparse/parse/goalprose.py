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
of the only project; an indicator already known under the same name gets the missing target or
result instead. A list written with 和/及 is named with 、 as a goal table writes it.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Indicator, Paragraph, Project, Target
from reportparse.normalise import parse_target
from reportparse.parse.department import measures
from reportparse.parse.evidence import span_evidence
from reportparse.parse.han import has_han
from reportparse.parse.layout import Layout, ParaInfo
from reportparse.parse.names import find_mentions as find_project_mentions
from reportparse.parse.quantities import Mention, find_mentions
from reportparse.parse.sections import level_of

_CLAUSE_END = lazy_compile(r"[，,；;。！？!?]")
#: '目标为' / '总体绩效目标是' / '年度目标值为' / '目标：' / '绩效目标下达情况：' opening a target statement
_TARGET_LEAD = lazy_compile(r"(?:总体|年度|全年|预期|项目)?(?:绩效)?目标(?:值|任务)?(?:(?:分解)?下达情况|设定情况)?"
                          r"\s*(?:为|是|[:：])\s*")
#: a result clause after a target: '实际完成30公里', '已完成32公里'
_RESULT = lazy_compile(r"(?:实际|已|全年|累计)(?:完成|达到|实现)|完成了")
#: words before the figure that say how it relates, not what it counts
_NAME_TRAIL = lazy_compile(r"(?:共计|共|合计|累计|总计|达到|(?<![下送抵到])达|为|是|约|计|全部|均|已|在|有)+$")
_NAME_LEAD = lazy_compile(
    r"^(?:已|项目建成后|建成后|实施后|项目实施后|同时|并且|并|另外|此外|预计|预期|计划|力争|每年|年均|全年|"
    r"可以|可|能够|能|将|要|完成|实现|新增|收取|收到|收|获得|带动|确保)+"
)
#: the genre's benefit shapes: 使/惠及/带动 N (口|人|户) X 受益
_BENEFIT = lazy_compile(r"(?:使|让|惠及|带动|帮助)(?P<q>[\d.,，]+\s*[万千]?(?:口|人|户|名|个)(?:次)?)"
                      r"(?P<who>[\u4e00-\u9fff]{2,12}?)(?:直接|间接)?受益")
#: an expected-benefit sentence (the goal-setting paragraphs write what the project will bring)
_EXPECTED = lazy_compile(r"预计|预期|建成后|实施后|可实现|将实现|力争")
#: figures that are the money given or counts of the goal table itself, not aims
_NOT_AIM = lazy_compile(r"下达|拨付|投资|预算|资金|批复|安排|指标\s*\d|指标[^，,；;。]{0,3}个|文号|〔")
_MONEY_AIM = lazy_compile(r"收入|收益|增收|租金|分红|营收|产值|利润|节约|节省")
#: a listed item that is money given or a reference, not an aim (lighter than _NOT_AIM: a listed
#: '资金在规定时间下达≥90%' is an indicator, a '下达资金50万元' is money and has the unit 元)
_NOT_LISTED = lazy_compile(r"文号|〔|指标\s*\d|指标[^，,；;。]{0,3}个|预算|批复")
_SENTENCE_END = lazy_compile(r"[。！？!?]")
#: '实际完成：' / '实际完成情况为' opening the results of the targets just listed
_RESULT_LEAD = lazy_compile(r"实际(?:完成|实现)(?:情况)?\s*(?:为|是|[:：])\s*")
#: '(三)绩效指标完成情况分析。' / '指标完成情况：' opening indicators written with what they reached
#: (the whole 绩效指标 heading, not one level's '满意度指标完成情况分析。群众满意度100%', which reports a result)
_RESULTS_LEAD = lazy_compile(r"(?<![\u4e00-\u9fff])(?:绩效)?指标(?:完成|实现)情况(?:分析|如下)?\s*[。:：]\s*")
#: '…培训2399人，完成市目标任务数2000人的120%': the task the clause before was measured against
_TASK_SHARE = lazy_compile(r"(?:^|(?<=[，,；;]))\s*完成[^，,；;。\d]{0,8}?任务(?:数|人数|量)?\s*")
#: '农村危房改造任务数为115户，实际完成农村危房改造264户' / '…项目绩效目标14户，实际完成14户':
#: what is named before the 目标/任务 word, its target, and the result clause after it
_OWN_TARGET = lazy_compile(r"(?P<name>[^，,；;。：:]{2,40}?)(?:绩效)?(?:目标(?:任务)?|任务)(?:数|量)?\s*(?:为|是)?\s*"
                           r"(?P<target>[\d.]+\s*[^\d\s，,；;。]{1,3})\s*[，,]\s*"
                           r"(?P<result>实际完成[^，,；;。]*)")
_YEAR_HEAD = lazy_compile(r"^.*?\d{4}\s*年(?:度)?")
#: the noun a count is of, written after it: '169处|农村饮水工程进行维修养护' (to the clause's end)
_COUNTED = lazy_compile(r"^[\u4e00-\u9fff]{2,16}$")
_BOUND = lazy_compile(r"\s*(?:及以上|以上|及以下|以下|以内|之内|左右)")
#: units that measure (length, area, weight, time, share, money): no noun after them is what they count
_MEASURE_UNIT = lazy_compile(r"米|亩|公顷|吨|克|升|时|天|日|月|年|周|%|元|分|km|hm|m|t|kg")
#: names that end in what is measured (…人口数, …面积): the figure is their value
_MEASURE_NAME = lazy_compile(r"(?:数|量|率|度|比例|面积|长度|里程|规模|金额|人次|户数|人数)$")
_COUNTED_RATE = lazy_compile(r"^[\u4e00-\u9fff]{1,4}率$")
_RATE_NAME = lazy_compile(r"(?:率|比例|比重|占比|满意度)$")
#: a rate of the money, not of the work: read by the funds stage
_BUDGET_RATE = lazy_compile(r"^(?:预算|资金|财政资金|项目资金|中央资金|专项资金)?(?:到位|执行|支出|拨付|使用)率$")
#: 'A、B、C均达100%': names sharing the figure after them
_SHARED = lazy_compile(r"(?<=[率例重比度])\s*(?:均|都|全部|皆)(?:已)?(?:达到|达|为|是|实现)?")


def apply_goal_prose(layout: Layout, projects: dict[str, Project]) -> None:
    """Add the indicators that target and result sentences state to their project."""
    only = next(iter(projects)) if len(projects) == 1 else None
    spellings = [(p.name, list(p.aliases)) for p in projects.values()]
    for info in layout.paras:
        if info.heading or info.section in ("problems", "conclusion"):
            continue
        owner = info.project or only or _opened_by(info.para.text, spellings)
        if owner is None or owner not in projects:
            continue
        project = projects[owner]
        for indicator in _paragraph_indicators(info):
            _merge(project, indicator)


def _opened_by(text: str, spellings: list[tuple[str, list[str]]]) -> str | None:
    """The one project a paragraph's first clause names ('项目二：…X项目资金，项目全年预算数…'): a
    paragraph of a report on several projects that opens by naming one is about that one."""
    named = {name for _, _, name in find_project_mentions(text[:_clause_end(text, 0)], spellings)}
    return named.pop() if len(named) == 1 else None


def _paragraph_indicators(info: ParaInfo) -> list[Indicator]:
    para = info.para
    text = para.text
    found: list[Indicator] = []
    for lead in _TARGET_LEAD.finditer(text):
        indicator = _target_statement(para, lead.start(), lead.end())
        if indicator is not None:
            found.append(indicator)
        found.extend(_listed_targets(para, _clause_end(text, lead.end()) + 1, indicator))
    for lead in _RESULTS_LEAD.finditer(text):
        found.extend(_listed_results(para, lead.end()))
    if info.section != "funds":
        found.extend(_rate_lists(para))
    found.extend(_task_shares(para))
    found.extend(_own_targets(para))
    if info.section == "goals":
        found.extend(_expected_benefits(para))
    return found


def _clause_end(text: str, start: int) -> int:
    m = _CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


def _clause_start(text: str, end: int) -> int:
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, end)]
    return starts[-1] if starts else 0


def _measures(text: str) -> list[Mention]:
    """The quantities of a clause that can be aims: not scores, years or dates."""
    return [m for m in find_mentions(text) if m.unit not in ("分", "年")]


def _target_statement(para: Paragraph, lead_start: int, body_start: int) -> Indicator | None:
    """'目标为<name>(共)<figure>' → indicator with its target; or '<name><figure>，目标为<figure>'."""
    text = para.text
    end = _clause_end(text, body_start)
    body = text[body_start:end]
    if _NOT_AIM.search(body):
        return None
    mentions = _measures(body)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    name = _named(body, mention)
    if name is None:
        # '完成新建道路12条，年度目标为10条': the clause before names the indicator and its result
        return _result_then_target(para, lead_start, body_start, mention, end)
    target = _target(_written(body, mention), name)
    indicator = Indicator(level=_level(name, mention), name=name, target=target, in_goal_table=True,
                          evidence=[span_evidence(para, lead_start, end)])
    result_end = _clause_end(text, end + 1) if end < len(text) else end
    result = text[end + 1:result_end] if end < len(text) else ""
    if _RESULT.search(result):
        actual = next((m for m in _measures(result) if m.unit == mention.unit), None)
        if actual is not None:
            indicator.actuals.append(_actual(para, actual, end + 1, result_end, result))
    return indicator


def _result_then_target(para: Paragraph, lead_start: int, body_start: int, target: Mention,
                        end: int) -> Indicator | None:
    text = para.text
    before_end = lead_start
    while before_end > 0 and text[before_end - 1] in "，,；; ":
        before_end -= 1
    if before_end == lead_start:
        return None  # the 目标 clause does not follow another clause
    before_start = _clause_start(text, before_end)
    before = text[before_start:before_end]
    results = [m for m in _measures(before) if m.unit == target.unit]
    if len(results) != 1 or _NOT_AIM.search(before):
        return None
    result = results[0]
    name = _clean_name(before[:result.cmp_start])
    if name is None:
        return None
    indicator = Indicator(level=_level(name, target), name=name,
                          target=_target(_written(text, target, body_start), name),
                          in_goal_table=True, evidence=[span_evidence(para, before_start, end)])
    indicator.actuals.append(_actual(para, result, before_start, before_end, before))
    return indicator


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each clause between start and end."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        stop = min(_clause_end(text, pos), end)
        spans.append((pos, stop))
        pos = stop + 1
    return spans


def _listed_item(para: Paragraph, start: int, end: int) -> tuple[str, Mention] | None:
    """'<name><figure>' — one listed goal: its name and its one figure (no money given, no budget rate)."""
    clause = para.text[start:end]
    if _NOT_LISTED.search(clause) or _RESULT.search(clause) or "实际" in clause:
        return None
    mentions = _measures(clause)
    if len(mentions) == 2 and mentions[1].unit == "%" and mentions[0].unit != "%":
        # '112个国控断面水质优良率达到98.2%': the count is part of what the rate is of
        rate = _clean_name(clause[mentions[0].end:mentions[1].cmp_start])
        if rate is None or not _RATE_NAME.search(rate):
            return None
        return rate, mentions[1]
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    if mention.unit == "元" and not _MONEY_AIM.search(clause):
        return None
    name = _named(clause, mention)
    if name is None or level_of(name) == "预算执行" or _department_measure(name):
        return None
    return name, mention


def _department_measure(name: str) -> bool:
    """Is it one of the department-wide measures (政府采购执行率, 结转结余率 …)? parse/department
    reads those, with the direction the genre gives them."""
    key = re.sub(r"\s+", "", name)
    return any(m.pattern.search(key) for m in measures())


def _named(clause: str, mention: Mention) -> str | None:
    """What a clause's one figure counts: the words before it, or — when those name nothing (a bare
    verb, a date) — the words after a count ('对169处农村饮水工程进行维修养护',
    '完成2023年度53户计划任务'): the count's own noun follows it."""
    name = _clean_name(clause[:mention.cmp_start])
    tail = clause[mention.end:].strip().replace("进行", "")
    counted = (mention.unit is not None and not _MEASURE_UNIT.search(mention.unit) and _COUNTED.match(tail)
               and has_han(tail))
    if name is not None:
        # '集中支持6类重点对象': a verb before the count, its noun after it; not '…人口数≥23人' (a measure)
        if counted and not _MEASURE_NAME.search(name) and len(tail) >= 2 and len(name) + len(tail) <= 25:
            return name + tail
        return name
    head = _NAME_LEAD.sub("", _YEAR_HEAD.sub("", clause[:mention.cmp_start].strip())).strip()
    if not counted or len(head) > 1:
        return None
    return tail if 2 <= len(tail) <= 25 else None


def _listed_targets(para: Paragraph, start: int, first: Indicator | None) -> list[Indicator]:
    """The further '<name><figure>' clauses of a target statement's sentence are further targets
    ('目标：资助服药230人，康复救助39人，辅具适配200人'); a '实际完成：' list after them gives
    their results (and the first one's, `first`) by name. A clause that states no figure of its own
    ends nothing, it is only not a target ('支持4市开展流域治理，断面水质优良率达到98.2%')."""
    text = para.text
    if start >= len(text):
        return []
    end = _SENTENCE_END.search(text, start)
    stop = end.start() if end else len(text)
    result = _RESULT_LEAD.search(text, start, stop)
    out: list[Indicator] = []
    for clause_start, clause_end in _clauses(text, start, result.start() if result else stop):
        if _RESULT.search(text, clause_start, clause_end):
            break  # the statement's own result clause: the list is over
        item = _listed_item(para, clause_start, clause_end)
        if item is not None:
            name, mention = item
            raw = _written(text, mention, clause_start)
            out.append(Indicator(level=_level(name, mention), name=name, target=_target(raw, name),
                                 in_goal_table=True, evidence=[span_evidence(para, clause_start, clause_end)]))
    if result is not None:
        by_name = {i.name: i for i in ([first] if first is not None else []) + out}
        for clause_start, clause_end in _clauses(text, result.end(), stop):
            clause = text[clause_start:clause_end]
            mentions = _measures(clause)
            said = _clean_name(clause[:mentions[0].cmp_start]) if len(mentions) == 1 else None
            known = by_name.get(said or "")
            if known is not None and known.target is not None and known.target.unit == mentions[0].unit:
                known.actuals.append(_actual(para, mentions[0], clause_start, clause_end, clause))
    return out


def _listed_results(para: Paragraph, start: int) -> list[Indicator]:
    """'绩效指标完成情况分析。合格率100%，及时完成率≥90%，…': a list (two or more) of clauses, each
    naming an indicator and the value it is reported at. A bare figure is both the value aimed at
    and the one reached (as a self-evaluation form writes 100% | 100%); a figure with a comparator
    is only the aim."""
    text = para.text
    end = _SENTENCE_END.search(text, start)
    out: list[Indicator] = []
    for clause_start, clause_end in _clauses(text, start, end.start() if end else len(text)):
        item = _listed_item(para, clause_start, clause_end)
        if item is None:
            continue
        name, mention = item
        clause = text[clause_start:clause_end]
        indicator = Indicator(level=_level(name, mention), name=name,
                              target=_target(_written(clause, mention), name),
                              in_goal_table=True, evidence=[span_evidence(para, clause_start, clause_end)])
        if mention.comparator is None:
            indicator.actuals.append(_actual(para, mention, clause_start, clause_end, clause))
        out.append(indicator)
    return out if len(out) >= 2 else []


def _rate_lists(para: Paragraph) -> list[Indicator]:
    """A paragraph that states two or more rates, each '<name>率/满意度…(达到)N%', or several names
    sharing one figure ('开工率、完成率、验收合格率均达100%'): each rate is an indicator at that
    value (the genre's way of writing a goal table's rate rows as prose). A budget rate (预算执行率,
    资金到位率) is the funds' business, not an indicator."""
    rates: list[Indicator] = []
    for clause_start, clause_end in _clauses(para.text, 0, len(para.text)):
        rates.extend(_rate_clause(para, clause_start, clause_end))
    return rates if len(rates) >= 2 else []


def _rate_clause(para: Paragraph, start: int, end: int) -> list[Indicator]:
    """The rate indicators of one clause: '<name>达到95%以上', or 'A、B、C均达100%'."""
    clause = para.text[start:end]
    shared = _SHARED.search(clause)
    if shared is not None:
        mentions = _measures(clause[shared.end():])
        if len(mentions) != 1 or mentions[0].unit != "%" or _NOT_LISTED.search(clause):
            return []
        names = _shared_names(clause[:shared.start()])
        mention, offset = mentions[0], shared.end()
    else:
        item = _listed_item(para, start, end)
        if item is None or item[1].unit != "%":
            return []
        names, mention, offset = [item[0]], item[1], 0
    if not names or any(not _RATE_NAME.search(n) or _BUDGET_RATE.search(n) or _department_measure(n)
                        for n in names):
        return []
    raw = _written(clause, mention, offset)
    out: list[Indicator] = []
    for name in names:
        indicator = Indicator(level=_level(name, mention), name=name, target=_target(raw, name),
                              in_goal_table=True, evidence=[span_evidence(para, start, end)])
        if mention.comparator is None:
            indicator.actuals.append(_actual(para, mention, start + offset, end, clause[offset:]))
        out.append(indicator)
    return out


def _shared_names(head: str) -> list[str]:
    """'当年开工率、完成率、改造后房屋人畜分离、卫生厕所等有保障的比例' → the rate names; a part that
    is no rate of its own ('改造后房屋人畜分离') belongs to the next part's name."""
    names: list[str] = []
    pending = ""
    for part in head.split("、"):
        pending = f"{pending}、{part}" if pending else part
        if _RATE_NAME.search(pending.strip()):
            # a goal table's rate rows can be long; a bare '完成率' is a name, not a filler
            name = _clean_name(pending, longest=40) or (pending if _COUNTED_RATE.match(pending) else None)
            if name is None:
                return []
            names.append(name)
            pending = ""
    return names if len(names) >= 2 and not pending else []


def _task_shares(para: Paragraph) -> list[Indicator]:
    """'培训2399人，完成市目标任务数2000人的120%': the clause before is the result of the task the
    完成…任务 clause names; its figure in the same unit is the target."""
    text = para.text
    out: list[Indicator] = []
    for lead in _TASK_SHARE.finditer(text):
        body_end = _clause_end(text, lead.end())
        targets = _measures(text[lead.end():body_end])
        if not targets or targets[0].unit in (None, "%"):
            continue
        target = targets[0]
        before_end = lead.start()
        while before_end > 0 and text[before_end - 1] in "，,；; ":
            before_end -= 1
        before_start = _clause_start(text, before_end)
        before = text[before_start:before_end]
        results = [m for m in _measures(before) if m.unit == target.unit]
        if len(results) != 1 or _NOT_LISTED.search(before):
            continue
        name = _clean_name(before[:results[0].cmp_start])
        if name is None:
            continue
        raw = _written(text, target, lead.end())
        indicator = Indicator(level=_level(name, target), name=name, target=_target(raw, name),
                              in_goal_table=True, evidence=[span_evidence(para, before_start, body_end)])
        indicator.actuals.append(_actual(para, results[0], before_start, before_end, before))
        out.append(indicator)
    return out


def _own_targets(para: Paragraph) -> list[Indicator]:
    """'我市2022年农村危房改造任务数为115户，实际完成农村危房改造264户': the words before the
    目标/任务 word name the indicator (after the year that dates it), the figure is its target and
    the 实际完成 clause in the same unit its result."""
    text = para.text
    out: list[Indicator] = []
    for m in _OWN_TARGET.finditer(text):
        targets = _measures(m.group("target"))
        results = [r for r in _measures(m.group("result")) if targets and r.unit == targets[0].unit]
        if len(targets) != 1 or len(results) != 1 or targets[0].unit in (None, "%", "元"):
            continue
        head = _YEAR_HEAD.sub("", m.group("name"))
        name = _clean_name(head)
        if name is None or _NOT_LISTED.search(head):
            continue
        indicator = Indicator(level=_level(name, targets[0]), name=name,
                              target=_target(m.group("target"), name), in_goal_table=True,
                              evidence=[span_evidence(para, m.start("name"), m.end())])
        indicator.actuals.append(_actual(para, results[0], m.start("result"), m.end("result"), m.group("result")))
        out.append(indicator)
    return out


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
    mentions = _measures(clause)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    benefit = _BENEFIT.search(clause)
    if benefit is not None:
        name: str | None = "受益" + benefit.group("who")
    else:
        if _NOT_AIM.search(clause) or (mention.unit == "元" and not _MONEY_AIM.search(clause)):
            return None
        name = _clean_name(clause[:mention.cmp_start])
    if name is None:
        return None
    level = "效益/社会效益" if benefit is not None else _level(name, mention, benefit=True)
    return Indicator(level=level, name=name, target=_target(_written(clause, mention), name),
                     in_goal_table=True, evidence=[span_evidence(para, start, start + len(clause))])


def _clean_name(head: str, longest: int = 25) -> str | None:
    """What a figure counts, from the words before it: fillers off, a 和-list written with 、."""
    name = head.strip(" ：:，,（(")
    for _ in range(3):
        name = _NAME_LEAD.sub("", _NAME_TRAIL.sub("", name).strip()).strip()
    # 及时 / 及格 / 和谐 are words, not the 及/和 of a list
    name = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:和(?!谐)|及(?![时格])|与)(?=[\u4e00-\u9fff]{2})", "、", name)
    if not 2 <= len(name) <= longest or re.search(r"[\d，,。；;：:]", name) or not has_han(name):
        return None
    return name


def _written(text: str, mention: Mention, offset: int = 0) -> str:
    """A figure as written, with the comparator words before it and a bound word after it
    ('达到95%以上', '控制在4.5%以内'): what the target parser reads the comparator from."""
    end = offset + mention.end
    bound = _BOUND.match(text, end)
    return text[offset + mention.cmp_start:bound.end() if bound else end]


def _target(raw: str, name: str) -> Target:
    return parse_target(raw.strip(), name=name)


def _level(name: str, mention: Mention, benefit: bool = False) -> str:
    """A sentence names no level: the name's own level word, else what the figure measures."""
    named = level_of(name)
    if named is not None and named not in ("产出", "效益", "预算执行"):
        return named
    if mention.unit == "元":
        return "效益/经济效益"
    if benefit:
        return "效益/社会效益"
    return "产出/质量" if mention.unit == "%" else "产出/数量"


def _actual(para: Paragraph, m: Mention, clause_start: int, clause_end: int, clause: str) -> Actual:
    return Actual(raw=clause[m.cmp_start:m.end].strip(), value=m.value, unit=m.unit, upper=m.upper,
                  approx=m.approx, comparator=m.comparator if m.comparator == ">=" else None,
                  kind="measured", origin="narrative", evidence=[span_evidence(para, clause_start, clause_end)])


def _merge(project: Project, indicator: Indicator) -> None:
    """Add the indicator, or complete the one of the same name the project already has."""
    for known in project.indicators:
        if known.name == indicator.name or (len(indicator.name) >= 4 and
                                            (indicator.name in known.name or known.name in indicator.name)):
            if known.target is None or not known.target.raw.strip():
                known.target = indicator.target
            if not known.actuals:
                known.actuals.extend(indicator.actuals)
            return
    project.indicators.append(indicator)
