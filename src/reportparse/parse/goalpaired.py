"""An indicator stated in one sentence with its target word and its result: '<X>,年初目标值≥90%,实际完成值≥90%',
'<X>:指标值为“12次”,全年实际完成值为12次', and a worded aim with its worded result under a level's heading
('年初目标值提高教育质量…,实际完成值显著提高'). Read for parse/goalprose.py."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Indicator, Paragraph
from reportparse.parse.evidence import span_evidence
from reportparse.parse.goalwords import (
    CLAIMED_SCORE,
    bare_figure,
    clean_name,
    end_of_clause,
    figures,
    level_for,
    measured_actual,
    start_of_clause,
    target_from,
    written,
)
from reportparse.parse.quantities import Mention, money, wan_amounts

#: an indicator stated with its target and its result: '<X>,年初目标值≥90%,实际完成值≥90%',
#: '<X>指标值1000元/生.年,全年实际完成值1000元/生.年', '<X>年初指标值为不低于85%，全年实际完成值100%'
#: (the figure may stand in quotation marks: '<X>:指标值为“12次”,全年实际完成值为12次')
_PAIRED_TARGET = lazy_compile(r"(?:的)?(?:年初|年度|全年|预期)?(?:绩效)?(?:目标值|指标值)\s*(?:为|是|[:：])?\s*"
                              r"[“\"「]?")
_PAIRED_RESULT = lazy_compile(r"\s*[”\"」]?\s*[,，;；]?\s*(?:全年|年度|年末)?(?:实际(?:完成值?|值|达到)?|完成值)\s*"
                              r"(?:为|是|[:：])?\s*[“\"「]?")
#: the rest of a quoted aim up to its closing mark
_QUOTED_AIM = lazy_compile(r"(?P<aim>[^”\"」，,。；;]{1,16})[”\"」]")
#: '<X>目标完成≥350人次': an aim written as the share of work to be done, with its comparator
_AIM_DONE = lazy_compile(r"目标(?:任务)?完成\s*(?=[≥≤>＜<＞=＝]|不低于|不少于|不高于|不超过)")

#: a list item's number before a name ('1.', '(2)', '一是')
_ITEM_MARK = lazy_compile(r"^\s*(?:[（(]?\d{1,2}[)）、.．]|[（(][一二三四五六七八九十]{1,3}[)）]"
                         r"|[一二三四五六七八九十]是)\s*")


def paired_statements(para: Paragraph) -> list[Indicator]:
    """'<X>,年初目标值≥90%,实际完成值≥90%' / '<X>目标完成≥350人次': an indicator's target (and result)
    written in one sentence, the name before the target word in its clause or in the clause before."""
    text = para.text
    out: list[Indicator] = []
    for lead in (*_PAIRED_TARGET.finditer(text), *_AIM_DONE.finditer(text)):
        end = end_of_clause(text, lead.end())
        target = next((m for m in figures(text[lead.end():end]) if m.cmp_start == 0), None)
        quoted = _QUOTED_AIM.match(text, lead.end())
        if target is None and quoted and text[lead.start():lead.end()].endswith(("“", '"', "「")):
            # ('指标值为“覆盖3个乡镇”': an aim quoted whole, its one figure after a word of its own)
            inside = figures(quoted.group("aim"))
            target = inside[0] if len(inside) == 1 else None
        # ('X资金300万,年初目标值300万': an aim in money whose 元 the writer left off, as the name's own amount shows)
        in_wan = target is None and _money_named_before(text, lead.start())
        target = target or next((m for m in wan_amounts(text[lead.end():end]) if m.cmp_start == 0 and in_wan), None)
        # ('完工日期：指标值为“2021年4月15日”': a date aimed at, a target in words)
        date = _DATE_AIM.fullmatch(text, lead.end(), end) if target is None else None
        if target is None and date is None:
            continue
        clause_start = start_of_clause(text, lead.start())
        head = text[clause_start:lead.start()]
        if _TIME_ONLY.fullmatch(head) and clause_start > 0:
            # '1.X免疫密度,年初目标值≥90%': the name is the clause before, which states no figure
            before_start = start_of_clause(text, clause_start - 1)
            head = text[before_start:clause_start - 1]
            if target is not None and end < len(text) and _PAIRED_RESULT.match(text, end + 1):
                # (its result is stated after the target: the figure before it restates the aim, no result)
                head = _without_restated_figure(head, target)
            clause_start = before_start
            if figures(head) or (in_wan and money(head)):
                continue
        # (a label before a colon opens the list, not the name: '四是成本指标:X…标准指标值…', '…:(1)X目标完成…')
        # (the year opening it is the aim's period: '2022年新建道路12公里,年初目标值12公里')
        name = clean_name(_YEAR_LEAD.sub("", _ITEM_MARK.sub("", _named_part(head))), longest=40)
        if name is None:
            continue
        if target is None:
            if date is not None:
                out.append(_dated_aim(para, name, date.group("date"), clause_start, end))
            continue
        target_text = written(text[lead.end():end], target) + ("元" if in_wan else "")
        compared = _COMPARED.search(head)
        if compared is not None and target.comparator is None:
            # ('群众满意度高于年度目标值90%': the comparison written before the target word is the target's)
            target_text = compared.group("word") + target_text
        indicator = Indicator(level=level_for(name, target), name=name, target=target_from(target_text, name),
                              in_goal_table=True, evidence=[span_evidence(para, clause_start, end)])
        result = _PAIRED_RESULT.match(text, end + 1) if end < len(text) else None
        result = result or _result_after_remark(text, end)
        if result is not None:
            result_end = end_of_clause(text, result.end())
            said = wan_amounts(text[result.end():result_end]) if in_wan else figures(text[result.end():result_end])
            actual = _opening_figure(text[result.end():result_end], said)
            if actual is not None and actual.unit == target.unit:
                indicator.actuals.append(measured_actual(para, actual, result.end(), result_end,
                                                         text[result.end():result_end]))
            elif actual is None:
                bare = _bare_result(para, target, result.end(), result_end)
                indicator.actuals.extend([bare] if bare is not None else [])
            end = result_end
        # '…,实际完成值≥90%,自评得分20分': the score claimed for the indicator closes its statement
        claimed = CLAIMED_SCORE.match(text, end)
        if claimed is not None:
            indicator.score = Decimal(claimed.group("score"))
            indicator.evidence.append(span_evidence(para, claimed.start(), claimed.end()))
        out.append(indicator)
    return out


#: a date aimed at as a target, quoted or not: '2023年12月底', '“2021年4月15日”', '11月底前'
_DATE_AIM = lazy_compile(r"\s*[“\"「]?(?P<date>(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月(?:份)?(?:\s*\d{1,2}\s*日)?"
                         r"(?:底|末|初|中旬|上旬|下旬)?(?:前|之前|以前)?)[”\"」]?\s*")


def _dated_aim(para: Paragraph, name: str, date: str, start: int, end: int) -> Indicator:
    """'项目完成时间，年初指标值为2023年12月底，实际在规定时间内完成': a date aimed at, with the result in words after
    it (a figure there, '完成值为0', says only that the date is not reached yet: no result of a date)."""
    text = para.text
    indicator = Indicator(level="产出/时效", name=name, target=target_from(date, name), in_goal_table=True,
                          evidence=[span_evidence(para, start, end)])
    result = _PAIRED_RESULT.match(text, end + 1) if end < len(text) and text[end] in "，,；;" else None
    if result is not None:
        result_end = end_of_clause(text, result.end())
        said = text[result.start():result_end].strip(" ，,")
        if said and not re.search(r"\d", said):
            indicator.actuals.append(Actual(raw=said, comparator="qualitative", kind="qualitative", origin="analysis",
                                            evidence=[span_evidence(para, result.start(), result_end)]))
    return indicator


#: the trend a worded aim closes with ('…与上年相比显著提高', '…明显改善'): its measure, not what it is about
_TREND = lazy_compile(r"(?:与上年相比|与上年度相比|较上年|同比)?(?:得到|获得)?"
                      r"(?:显著|明显|有所|逐步|逐年|不断|有效|进一步|持续|大幅度?|稳步|切实)*"
                      r"(?:提高|提升|改善|增强|增加|加强|下降|降低|减少)$")


def worded_pair(para: Paragraph, level: str | None) -> list[Indicator]:
    """'年初目标值提高教育质量与上年相比显著提高,实际完成值显著提高。' under a level's own heading (经济效益): a worded
    aim and its worded result, the statement naming nothing else; the aim's words, its trend off, name it."""
    if level is None or not ("/" in level or level == "满意度"):
        return []
    text = para.text
    item = _ITEM_MARK.match(text)
    # (with or without its period: '年初目标值…', '目标值：…', the result word after it makes it a pair)
    lead = _PAIRED_TARGET.match(text, item.end() if item else 0)
    if lead is None:
        return []
    end = end_of_clause(text, lead.end())
    aim = text[lead.end():end].strip()
    result = _PAIRED_RESULT.match(text, end + 1) if end < len(text) else None
    if result is None or not 4 <= len(aim) <= 40 or re.search(r"\d", aim):
        return []
    result_end = end_of_clause(text, result.end())
    said = text[result.end():result_end].strip()
    if not said or re.search(r"\d", said):
        return []
    name = _TREND.sub("", aim).strip() or aim
    name = name if len(name) >= 4 else aim
    indicator = Indicator(level=level, name=name, target=target_from(aim, name), in_goal_table=True,
                          evidence=[span_evidence(para, lead.start(), end)])
    indicator.actuals.append(Actual(raw=said, comparator="qualitative", kind="qualitative", origin="analysis",
                                    evidence=[span_evidence(para, result.end(), result_end)]))
    return [indicator]


#: a year opening a name clause: the period of the aim, no word of its name
_YEAR_LEAD = lazy_compile(r"^\s*(?:19|20)\d{2}\s*年度?\s*")


def _named_part(head: str) -> str:
    """The words of a head that name the goal: after its last colon (a label before it opens the list,
    '四是成本指标:X…'), or before a colon that ends it ('X:指标值为…') unless they are a level's label."""
    parts = re.split(r"[:：]", head)
    if parts[-1].strip() or len(parts) < 2 or re.search(r"指标\s*$", parts[-2]):
        return parts[-1]
    return parts[-2]


def _money_named_before(text: str, lead_start: int) -> bool:
    """Does the clause before the target word's close on an amount of money ('…设备购置资金300万,年初目标值…')?"""
    clause_start = start_of_clause(text, lead_start)
    if text[clause_start:lead_start].strip(" ，,") or clause_start == 0:
        return False
    before = text[start_of_clause(text, clause_start - 1):clause_start - 1]
    amounts = money(before)
    return bool(amounts) and not before[amounts[-1].end:].strip()


def _without_restated_figure(head: str, target: Mention) -> str:
    """The name clause without the aim's own figure closing it: '2022年X资金300万,年初目标值300万' names X资金 and
    restates the 300万 its target gives (another figure there is the name's own, and the name is none)."""
    stated = sorted(figures(head) + (money(head) if target.unit == "元" else []), key=lambda m: m.end)
    if not stated or head[stated[-1].end:].strip(" ，,"):
        return head
    last = stated[-1]
    if (last.value, last.unit) != (target.value, target.unit):
        return head
    return head[:last.cmp_start]


#: a result word that opens its clause after a remark on the aim: '，完成值为100%', '，全年实际完成值约20000平方米'
#: (stronger than `_PAIRED_RESULT`: a bare '实际' after a remark may open any account of what was done)
_LATE_RESULT = lazy_compile(r"\s*(?:全年|年度|年末)?(?:实际完成值?|完成值|实际值|实际达到)\s*(?:为|是|[:：])?"
                            r"\s*[“\"「]?")
#: an approximation written before a result's figure: '约20000平方米', '大约1.2万人'
_APPROX_LEAD = lazy_compile(r"\s*(?:大约|约为|约|近)\s*")
#: how many clauses of remark may stand between an aim and its result ('指标值为“100%”，用直达资金采购的设施都是合格
#: 产品，完成值为100%')
_REMARKS = 2


def _result_after_remark(text: str, end: int) -> re.Match[str] | None:
    """The result word of a statement whose aim is followed by a remark before its result ('X：指标值为“100%”，项目
    按计划如期开工，完成值为100%'): within the same sentence, after at most two clauses that state no figure of their
    own and name no other aim, the first clause that opens with a result word (完成值, 实际完成)."""
    start = end + 1
    for _ in range(_REMARKS + 1):
        if start > len(text) or text[start - 1] not in "，,":
            return None
        result = _LATE_RESULT.match(text, start)
        if result is not None:
            return result
        stop = end_of_clause(text, start)
        remark = text[start:stop]
        if re.search(r"\d", remark) or _PAIRED_TARGET.search(remark):
            return None
        start = stop + 1
    return None


def _opening_figure(result: str, said: list[Mention]) -> Mention | None:
    """The figure a result clause opens with, an approximation word before it marking it so ('约20000平方米')."""
    lead = _APPROX_LEAD.match(result)
    for mention in said:
        if mention.cmp_start == 0:
            return mention
        if lead is not None and lead.group().strip() and mention.cmp_start == lead.end():
            return replace(mention, approx=True)
    return None


def _bare_result(para: Paragraph, target: Mention, start: int, end: int) -> Actual | None:
    """A result clause that gives its figure without a unit ('目标值大于等于85户,实际完成40')."""
    figure = bare_figure(para.text[start:end], target.raw, target.unit)
    if figure is None:
        return None
    return Actual(raw=para.text[start:end].strip(), value=figure, unit=target.unit, kind="measured",
                  origin="narrative", evidence=[span_evidence(para, start, end)])


#: a comparison with the target written before the target word: '<X>高于年度目标值90%', '<X>不低于指标值'
_COMPARED = lazy_compile(r"(?P<word>大于|高于|超过|不低于|不少于|小于|低于|不高于|不超过)(?:了)?"
                         r"(?:年度|年初|预期|全年)?(?:绩效)?$")
#: what may stand before the target word in its clause when the name is the clause before ('，初目标值≥90%'
#: with 年 dropped)
_TIME_ONLY = lazy_compile(r"[\s，,]*(?:年?初|年度|全年)?\s*")
