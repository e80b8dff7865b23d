"""Goals listed in narrative prose, several to a sentence or paragraph.

- a target list after a target statement: '项目目标：资助服药230人，康复救助39人，辅具适配200人', with
  a '实际完成：…' list after it giving the results by name;
- the whole 绩效指标 heading's list: '（三）绩效指标完成情况分析。验收合格率100%，及时完成率≥90%';
- rates stated one after another in a paragraph ('满意度达到95%以上。发放率达到100%，落实率达到100%'),
  or several names sharing one figure ('开工率、完成率、验收合格率均达100%');
- a result and the task it completes: '培训2399人，完成市目标任务数2000人的120%';
- a task named before its figure: '农村危房改造任务数为115户，实际完成农村危房改造264户'.

Budget rates and the department-wide measures (政府采购执行率 …) are left to their own readers.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from reportparse.han import is_han, is_han_line
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Indicator, Paragraph
from reportparse.parse.department import measures
from reportparse.parse.evidence import span_evidence
from reportparse.parse.goalwords import (
    MONEY_AIM,
    RESULT,
    clauses,
    clean_name,
    figures,
    level_for,
    measured_actual,
    named,
    reached_target,
    target_from,
    written,
)
from reportparse.parse.quantities import Mention
from reportparse.parse.sections import level_of

#: a listed item that is money given or a reference, not an aim (lighter than _NOT_AIM: a listed
#: '资金在规定时间下达≥90%' is an indicator, a '下达资金50万元' is money and has the unit 元)
NOT_LISTED = lazy_compile(r"文号|〔|指标\s*\d|指标[^，,；;。]{0,3}个|预算|批复")
_SENTENCE_END = lazy_compile(r"[。！？!?]")
#: '实际完成：' / '实际完成情况为' opening the results of the targets just listed
_RESULT_LEAD = lazy_compile(r"实际(?:完成|实现)(?:情况)?\s*(?:为|是|[:：])\s*")
#: '(三)绩效指标完成情况分析。' / '指标完成情况：' opening indicators written with what they reached
#: (the whole 绩效指标 heading, not one level's '满意度指标完成情况分析。群众满意度100%', which reports a result)
_RESULTS_LEAD = lazy_compile(r"(?:绩效)?指标(?:完成|实现)情况(?:分析|如下)?\s*[。:：]\s*")
_RATE_NAME = lazy_compile(r"(?:率|比例|比重|占比|满意度)$")
_SATISFACTION = lazy_compile(r"满意(?:度|率)$")
#: a rate of the money, not of the work: read by the funds stage
_BUDGET_RATE = lazy_compile(r"^(?:预算|资金|财政资金|项目资金|中央资金|专项资金)?(?:到位|执行|支出|拨付|使用)率$")
#: '…率及B', '…满意度和B': the word joining the last two rates of a shared-figure list
_LAST_JOIN = lazy_compile(r"(?<=[率例重比度])\s*(?:以及|及|和|与)\s*")
#: 'A、B、C均达100%': names sharing the figure after them
_SHARED = lazy_compile(r"(?<=[率例重比度])\s*(?:均|都|全部|皆)(?:已)?(?:达到|达|为|是|实现)?")


def results_leads(text: str) -> list[re.Match[str]]:
    """The `_RESULTS_LEAD` matches that no Han character comes before: the lookbehind `(?<![\\u4e00-\\u9fff])`
    the pattern had, tested on each match (inside a match every 绩 or 指 follows a Han character, so no match
    the lookbehind allows can start there: the matches are the same)."""
    return [m for m in _RESULTS_LEAD.finditer(text) if m.start() == 0 or not is_han(text[m.start() - 1])]


def _counted_rate(name: str) -> bool:
    """A bare rate of a few characters ('完成率'): `re.match(r"^[\\u4e00-\\u9fff]{1,4}率$", name)`."""
    return name.removesuffix("\n").endswith("率") and is_han_line(name, 2, 5)


def listed_item(para: Paragraph, start: int, end: int) -> tuple[str, Mention] | None:
    """'<name><figure>' — one listed goal: its name and its one figure (no money given, no budget rate)."""
    clause = para.text[start:end]
    if NOT_LISTED.search(clause) or RESULT.search(clause) or "实际" in clause:
        return None
    mentions = figures(clause)
    if len(mentions) == 2 and mentions[1].unit == "%" and mentions[0].unit != "%":
        # '112个国控断面水质优良率达到98.2%': the count is part of what the rate is of
        rate = clean_name(clause[mentions[0].end:mentions[1].cmp_start])
        if rate is None or not _RATE_NAME.search(rate):
            return None
        return rate, mentions[1]
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    if mention.unit == "元" and not MONEY_AIM.search(clause):
        return None
    name = named(clause, mention)
    if name is None or level_of(name) == "预算执行" or _department_measure(name):
        return None
    return name, mention


def _department_measure(name: str) -> bool:
    """Is it one of the department-wide measures (政府采购执行率, 结转结余率 …)? parse/department
    reads those, with the direction the genre gives them."""
    key = re.sub(r"\s+", "", name)
    return any(m.pattern.search(key) for m in measures())


#: a paragraph that announces the goals as a numbered list of paragraphs after it: '…预算189.28万元，绩效目标为：',
#: '项目主要绩效目标如下：'
ANNOUNCED_GOALS = lazy_compile(r"(?:绩效|年度|总体|项目)?目标(?:任务)?(?:主要)?(?:为|是|如下|包括|有)?\s*[:：]\s*$")
#: a heading that announces the goal list under it ('（二）绩效目标', '2.年度绩效目标', '项目目标任务'); not one
#: that reports on the goals ('绩效目标完成情况', '目标实现情况') or on their setting ('绩效目标分解下达情况')
ANNOUNCING_TITLE = lazy_compile(r"^\s*(?:项目|年度|总体|预期|本年度?)?(?:绩效)?目标(?:任务)?\s*[:：。]?\s*$")
#: the number that opens a list item ('1.', '(2)', '三、', '一是')
GOAL_ITEM = lazy_compile(r"^\s*(?:[（(]?\d{1,2}[)）、.．]|[（(][一二三四五六七八九十]{1,3}[)）]"
                         r"|[一二三四五六七八九十]{1,3}[、是])\s*")


def item_targets(para: Paragraph) -> list[Indicator]:
    """One numbered item of an announced goal list ('1.确保171个公共文化服务站点正常运行。'): each of its clauses
    that states one figure is a target of what that clause names (the count's noun after it, or the words
    before it)."""
    mark = GOAL_ITEM.match(para.text)
    if mark is None:
        return []
    out: list[Indicator] = []
    for clause_start, clause_end in clauses(para.text, mark.end(), len(para.text)):
        item = listed_item(para, clause_start, clause_end) or _finest_count(para.text[clause_start:clause_end])
        if item is None:
            continue
        name, mention = item
        raw = written(para.text, mention, clause_start)
        target = reached_target(para.text[clause_start:clause_end], mention, name) or target_from(raw, name)
        # (the item's number is quoted with its first clause: the statement as the page prints it)
        quoted_from = 0 if clause_start == mark.end() else clause_start
        out.append(Indicator(level=level_for(name, mention), name=name, target=target,
                             in_goal_table=True, evidence=[span_evidence(para, quoted_from, clause_end)]))
    return out


#: units that measure rather than count: a clause with such a figure is no list of counts
_NOT_A_COUNT = lazy_compile(r"%|元|米|亩|公顷|吨|升|时|天|日|月|年|分")


def _finest_count(clause: str) -> tuple[str, Mention] | None:
    """A goal clause with several counts, the last one what it aims at and the others what that is counted in:
    '为164个农家书屋和7个社区书屋更新图书1920册' (books, in libraries) or '对12个乡镇164个村的X进行维护' (the
    villages of the towns). The last count ending the clause is named by the words before it, the counts cut out;
    one standing inside it is named by its noun and what follows ('村' + 'X维护')."""
    mentions = figures(clause)
    if len(mentions) < 2 or NOT_LISTED.search(clause) or RESULT.search(clause):
        return None
    if any(m.unit is None or _NOT_A_COUNT.search(m.unit) or m.comparator is not None for m in mentions):
        return None
    last = mentions[-1]
    if not clause[last.end:].strip(" 。；;"):
        head, pos = "", 0
        for m in mentions[:-1]:
            head, pos = head + clause[pos:m.cmp_start], m.end
        # (the preposition that opened the clause goes with the counts: '为…更新图书' names 更新图书)
        name = clean_name(re.sub(r"^\s*[为对给向]", "", head + clause[pos:last.cmp_start]))
    else:
        name = clean_name(clause[last.end:].replace("进行", "").replace("的", "", 1))
    return (name, last) if name is not None else None


#: a clause that names what it states as a result or a measurement's outcome: no further target of a list
_RESULT_NAMED = lazy_compile(r"结果|实际")


#: a clause that opens by counting what was done: '全年共培训312人', '累计发放…', '已建成…' (a verb after the word:
#: '共12万元' sums the plan's own figures)
_DONE_COUNT = lazy_compile(r"\s*(?:全年|年度|当年)?(?:共计?|累计|已经?)(?![计经]?\s*[\d约])")


def listed_targets(para: Paragraph, start: int, first: Indicator | None) -> list[Indicator]:
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
    for clause_start, clause_end in clauses(text, start, result.start() if result else stop):
        if RESULT.search(text, clause_start, clause_end) or _RESULT_NAMED.search(text, clause_start, clause_end) \
                or _DONE_COUNT.match(text, clause_start, clause_end):
            break  # the statement's own result clause ('…，实际完成…', '…，测评结果为96%', '共培训…'): the list ends
        item = listed_item(para, clause_start, clause_end)
        bare = _BARE_ITEM.fullmatch(text, clause_start, clause_end) if result and clause_end == result.start() else None
        if item is not None:
            name, mention = item
            raw = written(text, mention, clause_start)
            out.append(Indicator(level=level_for(name, mention), name=name, target=target_from(raw, name),
                                 in_goal_table=True, evidence=[span_evidence(para, clause_start, clause_end)]))
        elif bare is not None and (bare_name := clean_name(bare.group("name"))) is not None:
            # ('…辅具适配200人，假肢安装服务21实际完成：…': the last item runs into the results with its unit left
            # off; a count, its result named alike gives the unit)
            out.append(Indicator(level="产出/数量", name=bare_name, target=target_from(bare.group("figure"), bare_name),
                                 in_goal_table=True, evidence=[span_evidence(para, clause_start, clause_end)]))
    if result is not None:
        by_name = {i.name: i for i in ([first] if first is not None else []) + out}
        for clause_start, clause_end in clauses(text, result.end(), stop):
            clause = text[clause_start:clause_end]
            mentions = figures(clause)
            said = clean_name(clause[:mentions[0].cmp_start]) if len(mentions) == 1 else None
            known = by_name.get(said or "")
            if known is not None and known.target is not None and known.target.value is not None \
                    and known.target.unit in (mentions[0].unit, None):
                known.actuals.append(measured_actual(para, mentions[0], clause_start, clause_end, clause))
    return out


#: a listed item's name and a figure with no unit, the item's whole clause: '假肢安装及基本康复服务21'
_BARE_ITEM = lazy_compile(r"\s*(?P<name>[^\d，,；;。：:]{2,25}?)\s*(?P<figure>\d+(?:\.\d+)?)\s*")


#: a clause of the goal paragraphs that says what will be built, and how much: '新建C25砼排水沟1300m',
#: '硬化村内道路2.5公里', '安装路灯120盏' (the works are the project's output targets)
_ASIDE = lazy_compile(r"[（(]")
#: a clause telling what was done, not what is aimed at: '已带动…', '已建成…', '实际发放…'
ACHIEVED = lazy_compile(r"已经?(?:带动|完成|建成|实施|发放|落实|惠及|实现|改造|新建|建设)|实际(?:完成|发放|建成)")


@cache
def works_verb() -> re.Pattern[str]:
    """The verbs that open a works clause of the goal paragraphs (`works_verbs` of lexicon/stated_goals.json)."""
    return re.compile(r"\s*(?:" + alternation(lexicon("stated_goals.json")["works_verbs"]) + ")")


def count_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A works clause cut at each 、 that closes a count ('维护自动雨量站45处、水位站12处' → two items, the verb
    the first one's); the whole clause where no count stands before a 、 ('新建道路、桥梁共3处')."""
    cuts = [m.end for m in figures(text[start:end]) if text.startswith("、", start + m.end)]
    bounds = [start] + [start + cut + 1 for cut in cuts] + [end + 1]
    return [(a, b - 1) for a, b in pairwise(bounds)]


def works_targets(para: Paragraph) -> list[Indicator]:
    """The works clauses of a goal paragraph, each a target of the thing it builds, in a count, a length,
    an area or a volume (a share or an amount of money is no work's size)."""
    text = para.text
    out: list[Indicator] = []
    for clause_start, clause_end in clauses(text, 0, len(text)):
        if not works_verb().match(text, clause_start):
            continue
        aside = _ASIDE.search(text, clause_start, clause_end)
        if aside is not None and any(ch.isdigit() for ch in text[clause_start:aside.start()]):
            clause_end = aside.start()  # '…排水管道850m(埋深1.2米)': the size, then an aside on the work's spec
        if ACHIEVED.search(text, clause_start, clause_end):
            continue  # ('改建后已带动14户贫困户分红': what the works brought, a result, not an aim)
        for item_start, item_end in count_items(text, clause_start, clause_end):
            item = listed_item(para, item_start, item_end)
            if item is None or item[1].unit in (None, "%", "元"):
                continue
            name, mention = item
            out.append(Indicator(level=level_for(name, mention), name=name,
                                 target=target_from(written(text, mention, item_start), name),
                                 in_goal_table=True, evidence=[span_evidence(para, item_start, item_end)]))
    return out


#: the target word right before a listed figure: the figure is the aim ('新建蓄水池目标值20座', 'X计划数为20座')
_AIM_NAMED = lazy_compile(r"(?:目标|指标|计划|任务)(?:值|数)?\s*(?:为|是|[:：])?\s*$")
#: where the report sets its goals, a level to hold is aimed at too ('全市婚检率稳定在85%左右', '保持在90%'); in the
#: analysis the same words report the level held ('合格率保持在100%')
_HELD = lazy_compile(r"(?:稳定|保持|维持|控制)在\s*$")


def listed_results(para: Paragraph, start: int) -> list[Indicator]:
    """'绩效指标完成情况分析。合格率100%，及时完成率≥90%，…': a list (two or more) of clauses, each
    naming an indicator and the value it is reported at. A bare figure is both the value aimed at
    and the one reached (as a self-evaluation form writes 100% | 100%); a figure with a comparator
    is only the aim."""
    text = para.text
    end = _SENTENCE_END.search(text, start)
    out: list[Indicator] = []
    for clause_start, clause_end in clauses(text, start, end.start() if end else len(text)):
        item = listed_item(para, clause_start, clause_end)
        if item is None:
            continue
        name, mention = item
        clause = text[clause_start:clause_end]
        indicator = Indicator(level=level_for(name, mention), name=name,
                              target=target_from(written(clause, mention), name),
                              in_goal_table=True, evidence=[span_evidence(para, clause_start, clause_end)])
        # ('（2）新修灌溉渠道目标值3.5公里，完成3.6公里': a figure its clause calls the aim is no result)
        if mention.comparator is None and not _AIM_NAMED.search(clause, 0, mention.cmp_start):
            indicator.actuals.append(measured_actual(para, mention, clause_start, clause_end, clause))
        out.append(indicator)
    return out if len(out) >= 2 else []


def rate_lists(para: Paragraph, analysis: bool = False, aims: bool = False) -> list[Indicator]:
    """A paragraph that states two or more rates, each '<name>率/满意度…(达到)N%', or several names
    sharing one figure ('开工率、完成率、验收合格率均达100%'): each rate is an indicator at that
    value (the genre's way of writing a goal table's rate rows as prose). A budget rate (预算执行率,
    资金到位率) is the funds' business, not an indicator."""
    rates: list[Indicator] = []
    for clause_start, clause_end in clauses(para.text, 0, len(para.text)):
        rates.extend(_rate_clause(para, clause_start, clause_end, aimed=aims))
    if analysis:
        # (where the report analyses what was reached, '群众满意度在90%以上' says how far the result went, a bound of
        # it, not an aim: unless its clause calls the figure the aim, it is a result the result readers attach to
        # the goals they know, as a lone rate there is)
        rates = [r for r in rates if r.actuals or r.target is None or r.target.comparator in (None, "=")
                 or _aim_said(r)]
    if len(rates) >= 2:
        return rates
    # a satisfaction rate is a goal even alone ('成效指标：群众满意度达90%以上'); where the report analyses
    # what was reached, a lone rate is a result, which the result readers attach to the goals they know
    return [] if analysis else [r for r in rates if _SATISFACTION.search(r.name)]


@cache
def _aim_word() -> re.Pattern[str]:
    words = lexicon("stated_goals.json")
    return re.compile(alternation([*words["target_words"], *words["target_leads"]]))


def _aim_said(rate: Indicator) -> bool:
    """Does the rate's clause call its figure the aim ('满意度目标为90%以上', 'X要求不低于98%')?"""
    return any(_aim_word().search(ev.text) for ev in rate.evidence)


def _rate_clause(para: Paragraph, start: int, end: int, aimed: bool = False) -> list[Indicator]:
    """The rate indicators of one clause: '<name>达到95%以上', or 'A、B、C均达100%'. Where the report sets its goals
    (`aimed`), a rate to be reached ('社会满意度达：98%') is at least its figure ('A、B均达100%' tells what all
    reached)."""
    clause = para.text[start:end]
    shared = _SHARED.search(clause)
    if shared is not None:
        mentions = figures(clause[shared.end():])
        if len(mentions) != 1 or mentions[0].unit != "%" or NOT_LISTED.search(clause):
            return []
        names = _shared_names(clause[:shared.start()])
        mention, offset = mentions[0], shared.end()
    else:
        item = listed_item(para, start, end)
        if item is None or item[1].unit != "%":
            return []
        names, mention, offset = [item[0]], item[1], 0
    if not names or any(not _RATE_NAME.search(n) or _BUDGET_RATE.search(n) or _department_measure(n)
                        for n in names):
        return []
    raw = written(clause, mention, offset)
    out: list[Indicator] = []
    for name in names:
        reached = reached_target(clause, mention, name, offset) if aimed and shared is None else None
        indicator = Indicator(level=level_for(name, mention), name=name, target=reached or target_from(raw, name),
                              in_goal_table=True, evidence=[span_evidence(para, start, end)])
        # ('X建档率目标为90%，实际达到92.3%': a figure its clause calls the aim is no result)
        head = clause[:offset + mention.cmp_start]
        if mention.comparator is None and not _AIM_NAMED.search(head) and not (aimed and _HELD.search(head)):
            indicator.actuals.append(measured_actual(para, mention, start + offset, end, clause[offset:]))
        out.append(indicator)
    return out


def _shared_names(head: str) -> list[str]:
    """'当年开工率、完成率、改造后房屋人畜分离、卫生厕所等有保障的比例' → the rate names; a part that
    is no rate of its own ('改造后房屋人畜分离') belongs to the next part's name."""
    names: list[str] = []
    pending = ""
    # (a label before a colon opens the clause: '质量指标：A和B均为98%'; the last two names may be joined by
    # 及/和/与 instead of 、: 'A及B均达到100%')
    head = re.split(r"[:：]", head)[-1]
    for part in _LAST_JOIN.sub("、", head).split("、"):
        pending = f"{pending}、{part}" if pending else part
        if _RATE_NAME.search(pending.strip()):
            # a goal table's rate rows can be long; a bare '完成率' is a name, not a filler
            name = clean_name(pending, longest=40) or (pending if _counted_rate(pending) else None)
            if name is None:
                return []
            names.append(name)
            pending = ""
    return names if len(names) >= 2 and not pending else []


#: the header of a target table a page ran into one line with its rows: the column words one after another
#: ('…评价内容绩效内容绩效目标值实际完成值累计完成率产出目标数量目标<row><row>…')
_RUN_HEADER = lazy_compile(r"(?:目标值|指标值)\s*(?:实际)?(?:完成值|实际值)\s*(?:累计)?(?:完成率|完成比例)?")
#: the level labels such a table prints before its rows ('产出目标数量目标', '质量目标', '效益指标社会效益指标')
_RUN_LEVEL = lazy_compile(
    r"^(?:(?:产出|效益|满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)(?:目标|指标))+"
)
#: one row run together: its name, the target (comparator, figure, unit), the result in the same unit and the
#: completion share ('当年组织活动数量>=28次40次143%', '知晓率>=95%98%103%')
_RUN_ROW = lazy_compile(
    r"(?P<name>[\u4e00-\u9fff“”（）()]{2,60}?)\s*(?P<target>(?:>=|<=|≥|≤|>|<|＝|=)?\s*\d+(?:\.\d+)?\s*"
    r"(?P<unit>%|[\u4e00-\u9fff]{1,3}))\s*(?P<actual>\d+(?:\.\d+)?\s*(?P=unit))\s*(?P<share>\d+(?:\.\d+)?)\s*%"
)


def run_together_span(text: str) -> tuple[int, int] | None:
    """Where a run-together target table (two rows or more) stands in the text: its figures are its rows'
    targets, results and completion shares, each read with its row, never a result of another sentence."""
    header = _RUN_HEADER.search(text)
    if header is None:
        return None
    pos, rows = header.end(), 0
    while (row := _RUN_ROW.match(text, pos)) is not None:
        pos, rows = row.end(), rows + 1
    return (header.start(), pos) if rows >= 2 else None


def run_together_rows(para: Paragraph) -> list[Indicator]:
    """A target table flattened into the prose with its cells run together: the header's column words
    (目标值 实际完成值 完成率) one after another, then row after row of name, target, result and completion
    share, level labels (产出目标数量目标) before the first row of each level. Each row is an indicator with
    its target and result; the reading stops at the first text that is not a row."""
    text = para.text
    header = _RUN_HEADER.search(text)
    if header is None:
        return []
    out: list[Indicator] = []
    level: str | None = None
    pos = header.end()
    while (row := _RUN_ROW.match(text, pos)) is not None:
        name = row.group("name")
        label = _RUN_LEVEL.match(name)
        if label is not None:
            words = [w for w in re.split(r"目标|指标", label.group(0)) if w]
            level = level_of(words[-1]) or level  # ('产出目标数量目标': the last label is the row's level)
            name = name[label.end():]
        name_ok = clean_name(name, longest=60)
        target = next(iter(figures(row.group("target"))), None)
        actual = next(iter(figures(row.group("actual"))), None)
        if name_ok is None or target is None or actual is None:
            break
        indicator = Indicator(level=level or level_for(name_ok, target), name=name_ok,
                              target=target_from(row.group("target"), name_ok), in_goal_table=True,
                              evidence=[span_evidence(para, row.start("name") + (label.end() if label else 0),
                                                      row.end())])
        indicator.actuals.append(measured_actual(para, actual, row.start("actual"), row.end("actual"),
                                                 row.group("actual")))
        out.append(indicator)
        pos = row.end()
    return out if len(out) >= 2 else []
