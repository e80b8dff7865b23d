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
from reportparse.parse.evidence import span_evidence
from reportparse.parse.han import has_han
from reportparse.parse.layout import Layout, ParaInfo
from reportparse.parse.quantities import Mention, find_mentions
from reportparse.parse.sections import level_of

_CLAUSE_END = lazy_compile(r"[，,；;。！？!?]")
#: '目标为' / '总体绩效目标是' / '年度目标值为' / '目标：' opening a target statement
_TARGET_LEAD = lazy_compile(r"(?:总体|年度|全年|预期|项目)?(?:绩效)?目标(?:值|任务)?\s*(?:为|是|[:：])\s*")
#: a result clause after a target: '实际完成30公里', '已完成32公里'
_RESULT = lazy_compile(r"(?:实际|已|全年|累计)(?:完成|达到|实现)|完成了")
#: words before the figure that say how it relates, not what it counts
_NAME_TRAIL = lazy_compile(r"(?:共计|共|合计|累计|总计|达到|达|为|是|约|计|全部|均|已|在)+$")
_NAME_LEAD = lazy_compile(
    r"^(?:项目建成后|建成后|实施后|项目实施后|同时|并且|并|另外|此外|预计|预期|计划|力争|每年|年均|全年|"
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


def apply_goal_prose(layout: Layout, projects: dict[str, Project]) -> None:
    """Add the indicators that target and result sentences state to their project."""
    only = next(iter(projects)) if len(projects) == 1 else None
    for info in layout.paras:
        if info.heading or info.section in ("problems", "conclusion"):
            continue
        owner = info.project or only
        if owner is None or owner not in projects:
            continue
        project = projects[owner]
        for indicator in _paragraph_indicators(info):
            _merge(project, indicator)


def _paragraph_indicators(info: ParaInfo) -> list[Indicator]:
    para = info.para
    text = para.text
    found: list[Indicator] = []
    for lead in _TARGET_LEAD.finditer(text):
        indicator = _target_statement(para, lead.start(), lead.end())
        if indicator is not None:
            found.append(indicator)
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
    name = _clean_name(body[:mention.cmp_start])
    if name is None:
        # '完成新建道路12条，年度目标为10条': the clause before names the indicator and its result
        return _result_then_target(para, lead_start, body_start, mention, end)
    target = _target(body[mention.cmp_start:mention.end], name)
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
                          target=_target(text[body_start + target.cmp_start:body_start + target.end], name),
                          in_goal_table=True, evidence=[span_evidence(para, before_start, end)])
    indicator.actuals.append(_actual(para, result, before_start, before_end, before))
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
    return Indicator(level=level, name=name, target=_target(clause[mention.cmp_start:mention.end], name),
                     in_goal_table=True, evidence=[span_evidence(para, start, start + len(clause))])


def _clean_name(head: str) -> str | None:
    """What a figure counts, from the words before it: fillers off, a 和-list written with 、."""
    name = head.strip(" ：:，,（(")
    for _ in range(3):
        name = _NAME_LEAD.sub("", _NAME_TRAIL.sub("", name).strip()).strip()
    name = re.sub(r"(?<=[\u4e00-\u9fff]{2})[和及与](?=[\u4e00-\u9fff]{2})", "、", name)
    if not 2 <= len(name) <= 25 or re.search(r"[\d，,。；;：:]", name) or not has_han(name):
        return None
    return name


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
