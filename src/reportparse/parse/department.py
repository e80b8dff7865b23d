"""The department's own indicators in a 部门整体支出 (department-wide) self-evaluation report.

A department-wide report has no project goals of its own kind: it reports the measures of the
部门整体支出绩效评价指标体系 that every department shares — 预算执行率, 结转结余率, 政府采购执行率,
“三公”经费控制率, 预决算信息公开率 … (the table `lexicon/department_indicators.json`, with each
measure's level path and the direction the genre sets for it). Reports write them in sentences:
'全年预算执行率为96.5%，目标值为95%，该指标分值10分，得分10分', '结转结余率2.3%', '“三公”经费控制率
98%（标准≤100%）'. Each measure a sentence states a figure for becomes an indicator of the
department's project (the project named ‹单位›部门整体支出 / 机关整体支出), with its result,
target (a bare figure takes the measure's direction), weight and score, so the indicator checks
treat it like a form row. A measure named without any figure ('提高预算执行率') is not read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from reportparse import patterncache
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import (
    Actual,
    Comparator,
    Document,
    Evidence,
    Indicator,
    Paragraph,
    Project,
    Quantity,
    Report,
    ScoreLine,
    Table,
    Target,
)
from reportparse.normalise import find_quantities, parse_target
from reportparse.parse.evidence import span_evidence
from reportparse.parse.form.labels import matches, name_field, other_header_words
from reportparse.parse.form.rundump import run_together_lines
from reportparse.parse.form.runlines import is_dense
from reportparse.parse.form.runtogether import split_cells
from reportparse.parse.layout import Layout
from reportparse.parse.projectmentions import find_mentions
from reportparse.parse.subject import BODY

#: how a department-wide subject is named (parse/subject.py names it ‹单位›部门整体支出)
_DEPARTMENT_NAME = lazy_compile(r"(?:部门|机关|单位)?整体支出$")
#: the department form's subject cell (部门（单位）名称 | X); 单位名称 only where the form says 整体支出
_UNIT_LABEL = lazy_compile(r"^(?:评价)?(?:[一二三]?级)?(?:预算)?(?:部门[（(、]单位[)）]?|部门)名称[:：]?$")
# '部门 | X' of some provinces' forms; '一级预算单位名称' (its 一 sometimes lost in a dump)
#: ('主管部门 | X' of the Chongqing 部门整体绩效自评表: a department-wide form's 主管部门 is the department)
_WEAK_UNIT_LABEL = lazy_compile(r"^(?:(?:[一二三省市州县区]?级)?(?:预算)?单位名称|(?:主管)?部门)[:：]?$")
#: the name merge gives a form that names no project (parse/form/merge.py)
_UNNAMED_FORM = lazy_compile(r"^(?:自评表\d+|未命名项目)$")  # (or the narrative's name for none)
#: a name read from a department-wide form's title and the fields run into it
_TITLED_FORM = lazy_compile(rf"^(?P<unit>[^\d\s，。；;:：|｜]{{2,30}}?{BODY})\s*(?:20\d{{2}}\s*年度?)?\s*"
                          r"(?P<kind>部门|单位|机关)?整体(?:支出)?绩效(?:自评|评价)(?:指标)?表")
#: the department-wide subject without its unit
_BARE_DEPARTMENT = lazy_compile(r"^(?:部门|单位|机关)整体支出$")
#: the department-wide subject named by its place alone ('雨花区部门整体支出')
_PLACE_DEPARTMENT = lazy_compile(r"^(?P<place>[^\s\d]{1,12}?[省市县区州旗])(?:部门|单位|机关)整体支出$")
#: a department-wide form's title: '部门整体绩效自评表', '单位整体支出绩效评价指标表'
_WHOLE_TITLE = lazy_compile(r"(?:部门|单位|机关)整体(?:支出)?绩效(?:自评|评价)")
#: the whole evaluation's score, which ends a measure's statement: '自评得分95分', '综合得分', '总分'
_TOTAL_SCORE = lazy_compile(r"(?:自评|综合|评价|最终)(?:总)?得分|自评总分|综合评分|总得?分")
#: the numbering before a paragraph's title ('（一）', '1、', '2.') and the mark that ends the title
_TITLE_MARK = lazy_compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|[一二三四五六七八九十]+、)?\s*$")
_TITLE_END = lazy_compile(r"\s*[。：:]")
#: a statement ends at 。/；, or where the next measure starts
_STATEMENT_END = lazy_compile(r"[。；;！？!?]")
_WEIGHT = lazy_compile(r"(?:分值|权重|满分)\s*(?:为|是)?\s*(?P<n>\d+(?:\.\d+)?)\s*分")
_SCORE = lazy_compile(r"(?:得分|自评得分|得)\s*(?:为|是)?\s*(?P<n>\d+(?:\.\d+)?)\s*分")
_TARGET = lazy_compile(r"(?:年度)?(?:目标值?|标准值?|计划值?|要求)\s*(?:为|是|[:：])?\s*"
                     r"(?P<t>(?:[≥≤＞＜><=＝]|不低于|不少于|不高于|不超过|控制在)?\s*\d+(?:\.\d+)?\s*[%％]"
                     r"(?:以上|以下|以内)?)")
_ACTUAL = lazy_compile(r"^\s*(?:全年|年度|实际)?(?:为|是|达到|达|完成|[:：])?\s*"
                     r"(?P<a>\d+(?:\.\d+)?\s*[%％](?:以上|以下)?)")

#: a result stated later in the statement: '实际为96.5%', '全年达到96.5%' (not '提高2.3%')
_STATED = lazy_compile(
    r"(?:实际|达到|完成)\s*(?:值|数)?\s*(?:为|是|[:：])?\s*(?P<a>\d+(?:\.\d+)?\s*[%％](?:以上|以下)?)")
#: the measure restated by its last words after the figures it is computed from: '预算执行率：年初预算3680.5万元，
#: …执行3701.8万元，执行率98.3%', '公用经费控制率：…，控制率97.6%'
_RESTATED = lazy_compile(
    r"(?P<w>[\u4e00-\u9fff]{1,6}率)\s*(?:为|是|达到|达|[:：])?\s*(?P<a>\d+(?:\.\d+)?\s*[%％](?:以上|以下)?)")


@dataclass(frozen=True)
class Measure:
    """One shared department measure: canonical name, written forms, level path, direction."""

    name: str
    pattern: re.Pattern[str]
    level: str
    direction: Comparator


@lru_cache(maxsize=1)
def measures() -> tuple[Measure, ...]:
    """The measures of `lexicon/department_indicators.json`."""
    raw = lexicon("department_indicators.json")
    return tuple(Measure(name=e["name"], pattern=patterncache.compile("|".join(f"(?:{p})" for p in e["patterns"])),
                         level=e["level"], direction=e["direction"]) for e in raw["indicators"])


def is_department(project: Project) -> bool:
    """Is this the department-wide subject of the report (‹单位›部门整体支出)?"""
    return bool(_DEPARTMENT_NAME.search(project.name))


def department_form_subject(document: Document) -> str | None:
    """'‹单位›部门整体支出' for a department-wide form (部门（单位）名称 | 某县自然资源局), else None."""
    texts = [e.text for e in document.paragraphs]
    cells = [c.text for e in document.tables for row in e.rows for c in row]
    squashed = [re.sub(r"\s+", "", t) for t in texts + cells]
    whole = any("整体支出" in t or _WHOLE_TITLE.search(key) for t, key in zip(texts + cells, squashed, strict=True))
    # (a form with no name label at all, only its unit's, '单位名称 | X局': the unit's own spending, no project's)
    whole = whole or not any(name_field().search(key) for key in squashed)
    rows = [[c.text for c in row] for e in document.tables for row in e.rows]
    # a form dumped as text, one cell per line ('预算部门、单位名称 |' then '衡山县贯塘乡人民政府 |'): its
    # lines in order are the cells of one long row
    rows.append([ln.text.strip().rstrip("|｜").strip() for e in document.paragraphs
                 for ln in e.lines])
    # a form whose dump ran every cell together: the cells its reader cut out of the run
    run_rows = [line.text.split(" ") for line in run_together_lines(document)]
    if not run_rows:
        # (a dump whose indicator header the form reader could not place, '…评价指标表级指标分值…', still gives
        # its header fields as cells: '部门(单位)名称 | 长沙市雨花区发展和改革局 | 预算编码 | 302001')
        run_rows = [split_cells(e.text) for e in document.paragraphs if is_dense(e.text)]
    rows.extend(run_rows)
    cells.extend(cell for row in run_rows for cell in row)
    # a form flattened onto one line ('… 一级预算单位名称 某县林业局 年度预算申请(万元) …'): its
    # space-separated words are its cells
    rows += [re.split(r"[\s|｜]+", ln.text.strip()) for e in document.paragraphs
             for ln in e.lines if re.search(r"\S\s+\S", ln.text.strip())]
    for row in rows:
        keys = [re.sub(r"\s+", "", text) for text in row]
        for i, key in enumerate(keys):
            if _UNIT_LABEL.match(key) or (whole and _WEAK_UNIT_LABEL.match(key)):
                value = next((k for k in keys[i + 1:] if k and k != key), "")
                if _is_label(value):
                    continue  # the field is empty: the next cell is the next field's label ('主管部门 | | 财政处室')
                value = re.sub(r"[（(]?(?:盖章|公章)[)）]?$", "", value)
                if 2 <= len(value) <= 40 and not re.search(r"\d", value):
                    return value if _DEPARTMENT_NAME.search(value) else f"{value}部门整体支出"
    # no name field, but the form's title says what it evaluates: '部门整体绩效自评表', '部门整体支出绩效评价指标表'
    if any(_WHOLE_TITLE.search(re.sub(r"\s+", "", text)) for text in texts + cells if len(text) <= 60):
        return "部门整体支出"
    return None


def _is_label(text: str) -> bool:
    """A header label of the form (财政处室, 联系人, 主管部门 …), not a field's value."""
    if re.match(r"^(?:金额|计量)?单位\s*[:：]|.*(?:万元|元)$", text.strip()):
        return True  # '单位:万元': the table's unit of money, not a body
    key = re.sub(r"[（(][^)）]*[)）]|[:：]", "", text)
    return key in other_header_words() or any(matches(role, key) for role in ("header.department", "header.unit"))


def name_department_form(report: Report, document: Document) -> Report:
    """A department-wide form that names no project is about the department's whole spending."""
    renamed = report.model_copy(deep=True)
    before = [p.name for p in renamed.projects]
    for project in renamed.projects:
        titled = _TITLED_FORM.match(project.name)
        if titled is not None:
            # the form's title run into its first fields ('X林业局2023年度部门整体绩效自评表主管部门X林业局…'):
            # the body the title names, and the genre's word for what it evaluates
            project.name = f"{titled.group('unit')}{titled.group('kind') or '部门'}整体支出"
    unnamed = [p for p in renamed.projects if _UNNAMED_FORM.match(p.name)]
    bare = [p for p in renamed.projects if _BARE_DEPARTMENT.match(p.name)]
    if len(unnamed) == 1 and not any(is_department(p) for p in renamed.projects):
        subject = department_form_subject(document)
        if subject is not None:
            unnamed[0].name = subject
    elif len(bare) == 1 and len(renamed.projects) == 1:
        # the genre's word for the subject ('部门整体支出', from the form's title) where the form names the unit
        subject = department_form_subject(document)
        if subject is not None and not _BARE_DEPARTMENT.match(subject):
            bare[0].aliases.append(bare[0].name)
            bare[0].name = subject
    elif len(renamed.projects) == 1 and (placed := _PLACE_DEPARTMENT.match(renamed.projects[0].name)):
        # a title that names only the place ('雨花区2022年度部门(单位)整体支出…') where the form names the body there
        subject = department_form_subject(document)
        if subject is not None and placed.group("place") in subject and not _PLACE_DEPARTMENT.match(subject):
            renamed.projects[0].aliases.append(renamed.projects[0].name)
            renamed.projects[0].name = subject
    for project in renamed.projects:
        if is_department(project):
            for indicator in project.indicators:
                _genre_level(indicator)
            _fold_stated_measures(project)
    names = {old: p.name for old, p in zip(before, renamed.projects, strict=True) if old != p.name}
    for total in renamed.fund_totals:  # (a form's sums name the project as the form reader first called it)
        total.projects = [names.get(name, name) for name in total.projects]
    departments = [p for p in renamed.projects if is_department(p)]
    if len(departments) == 1:
        _budget_adjustment(departments[0], document)
        if departments[0].total_score is None:
            _header_total(departments[0], document.elements)
    return renamed


#: a figure a header field holds: a score of at most 100
_SCORE_FIGURE = lazy_compile(r"^\s*(?P<n>\d{1,3}(?:\.\d{1,2})?)\s*(?:分)?\s*$")


def _header_total(project: Project, elements: Sequence[Paragraph | Table]) -> None:
    """The self-score the department form prints among its header fields (自评总分(分) | 97.6), in a table
    or in a dump that ran the cells together ('…自评总分(分)97.6部门联系人…')."""
    for element in elements:
        if isinstance(element, Table):
            for row in element.rows:
                cells = [c for c in row if c.text.strip()]
                for at, cell in enumerate(cells[:-1]):
                    figure = _SCORE_FIGURE.match(cells[at + 1].text)
                    if matches("header.total_score", re.sub(r"\s+", "", cell.text)) and figure:
                        ev = [Evidence(page=c.page, text=c.text, table=element.index, row=c.row, col=c.col)
                              for c in (cell, cells[at + 1])]
                        _set_total(project, Decimal(figure.group("n")), ev)
                        return
        else:
            for m in _RUN_TOTAL.finditer(element.text):
                _set_total(project, Decimal(m.group("n")), [span_evidence(element, m.start(), m.end())])
                return


#: the field run together with its figure: '自评总分(分)97.6部门联系人'
_RUN_TOTAL = lazy_compile(r"自评总(?:得)?分\s*[(（]分[)）]\s*[:：]?\s*(?P<n>\d{1,3}(?:\.\d{1,2})?)(?![\d.％%])")


def _set_total(project: Project, score: Decimal, evidence: list[Evidence]) -> None:
    if score > 100:
        return
    project.total_score = score
    project.scores.append(ScoreLine(level="总分", weight=None, score=score, evidence=evidence))


#: the 部门整体支出绩效评价基础数据表's adjustment row: '部门整体支出预算调整 | 1922.76 | 2690.62', the
#: department's budget as set at the start of the year and as adjusted
_ADJUSTMENT_ROW = lazy_compile(r"^部门(?:整体)?支出预算调整$")
#: the same row flattened into a line of text: its label, then exactly its two figures
_ADJUSTMENT_LINE = lazy_compile(
    r"部门(?:整体)?支出预算调整[\s|｜:：]*(?P<a>\d+(?:\.\d+)?)[\s|｜]+(?P<b>\d+(?:\.\d+)?)(?![\d.]|\s*[|｜]?\s*\d)")
_TEN_THOUSAND = lazy_compile(r"单位[:：]?\s*万元|[（(]万元[)）]")


def _budget_adjustment(project: Project, document: Document) -> None:
    """The department's 年初 and adjusted budget from the base-data table's 预算调整 row (in 万元 where the
    table says so): exactly two figures, the first the initial budget, the last the adjusted one."""
    texts = [e.text for e in document.paragraphs]
    texts += [c.text for e in document.tables for row in e.rows for c in row]
    if not any(_TEN_THOUSAND.search(t) for t in texts):
        return
    for element in document.elements:
        if isinstance(element, Paragraph):
            line = _ADJUSTMENT_LINE.search(element.text)
            if line is not None:
                ev = [span_evidence(element, line.start(), line.end())]
                _set_adjusted(project, line.group("a"), line.group("b"), ev)
                return
            continue
        for row in element.rows:
            cells = [c for c in row if c.text.strip()]
            if not cells or not _ADJUSTMENT_ROW.match(re.sub(r"\s+", "", cells[0].text)):
                continue
            figures = [(c, f) for c in cells[1:] if (f := _figure(c.text)) is not None]
            if len(figures) != 2:
                return
            (first, _), (last, _) = figures
            ev = [Evidence(page=cell.page, text=cell.text, table=element.index, row=cell.row, col=cell.col)
                  for cell in (cells[0], first, last)]
            _set_adjusted(project, first.text, last.text, ev)
            return


def _set_adjusted(project: Project, initial_text: str, adjusted_text: str, ev: list[Evidence]) -> None:
    """The adjustment row's budget, where the project has none, or has only the row's initial figure (a
    sentence that quotes the budget as set at the start of the year: '预算1922.76万元，本年追加…')."""
    initial, adjusted = _figure(initial_text), _figure(adjusted_text)
    if initial is None or adjusted is None:
        return
    planned = project.budget.planned
    if planned is not None and planned.value != initial * 10000:
        return
    project.budget.initial = project.budget.initial or Quantity(
        raw=f"{initial_text}万元", value=initial * 10000, unit="元", evidence=ev)
    project.budget.planned = Quantity(raw=f"{adjusted_text}万元", value=adjusted * 10000, unit="元", evidence=ev)


def _figure(text: str) -> Decimal | None:
    try:
        return Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        return None


def _genre_level(indicator: Indicator) -> None:
    """A form row of a shared measure filed under a project level (产出/时效) keeps the form's level;
    its bare target takes the measure's direction, as in a report."""
    name = indicator.name.replace("“", "").replace("”", "").replace('"', "")
    measure = next((m for m in measures() if m.pattern.fullmatch(name)), None)
    if measure is not None and indicator.target is not None and indicator.target.bare_number:
        indicator.target = indicator.target.model_copy(update={"comparator": measure.direction})


def apply_department_measures(layout: Layout, projects: dict[str, Project]) -> None:
    """Add the shared department measures the report's sentences state to the department's project."""
    departments = [name for name, project in projects.items() if is_department(project)]
    if len(departments) != 1:
        return
    department = projects[departments[0]]
    others = [(name, project.aliases) for name, project in projects.items() if project is not department]
    for info in layout.paras:
        if info.heading or (info.project is not None and info.project != department.name):
            continue
        if others and find_mentions(info.para.text, others):
            continue  # ('1.X经费。年初预算150万元…执行率97.3%': a listed project's own measure, not the department's)
        for indicator in paragraph_measures(info.para):
            _merge(department, indicator)
        _budget_and_its_adjustment(department, info.para)


#: the year's money stated with its split into the budget set at the start of the year and the change made
#: during it: '预算收入69.06万元，其中年初预算57.28万元，调整追加11.78万元', '全年预算资金320万元(其中年初预算300万元、
#: 年中追加20万元)'
_BUDGET_SPLIT = lazy_compile(
    r"(?P<whole>\d+(?:\.\d+)?)\s*(?P<unit>万元|元)\s*[，,:：(（]?\s*(?:其中|包括)\s*[:：]?\s*"
    r"年初(?:部门)?预算(?:数|安排|资金)?\s*(?:为|是)?\s*(?P<initial>\d+(?:\.\d+)?)\s*(?P=unit)\s*[，,、；;]?\s*"
    r"(?:年中|年内|本年|当年)?(?:预算)?(?:调整)?(?P<verb>追加|调增|增加|调减|核减)(?:预算|资金|经费)?\s*(?:为|是)?\s*"
    r"(?P<change>\d+(?:\.\d+)?)\s*(?P=unit)")


def _budget_and_its_adjustment(project: Project, para: Paragraph) -> None:
    """A department's budget written as a whole and its split into 年初预算 and the year's change: the whole
    is the adjusted budget, the first part the initial one, where the two parts make the whole (whatever the
    whole is called: a Hunan report's 预算收入 is the year's appropriation, which the split shows)."""
    for match in _BUDGET_SPLIT.finditer(para.text):
        whole, initial, change = (Decimal(match.group(g)) for g in ("whole", "initial", "change"))
        signed = -change if match.group("verb") in ("调减", "核减") else change
        scale = 10000 if match.group("unit") == "万元" else 1
        planned = project.budget.planned
        if initial + signed != whole or (planned is not None and planned.value != whole * scale):
            continue  # (a budget the prose stated otherwise stands)
        ev = [span_evidence(para, match.start(), match.end())]
        project.budget.initial = project.budget.initial or Quantity(
            raw=f"{match.group('initial')}{match.group('unit')}", value=initial * scale, unit="元", evidence=ev)
        project.budget.planned = Quantity(raw=f"{match.group('whole')}{match.group('unit')}", value=whole * scale,
                                          unit="元", evidence=ev)
        return


def paragraph_measures(para: Paragraph) -> list[Indicator]:
    """The department measures one paragraph states with a figure."""
    text = para.text
    hits = sorted(((m.start(), m.end(), measure) for measure in measures() for m in measure.pattern.finditer(text)),
                  key=lambda h: (h[0], -h[1]))
    kept: list[tuple[int, int, Measure]] = []
    for hit in hits:
        if kept and hit[0] < kept[-1][1]:
            continue  # a shorter pattern inside a longer match (结余率 in 结转结余率)
        kept.append(hit)
    out: list[Indicator] = []
    for i, (start, end, measure) in enumerate(kept):
        # '（一）预算执行率。全年预算数…，执行率为94.4%。': a paragraph that opens with the measure as its
        # title states it in the sentences after the title
        titled = _TITLE_MARK.match(text[:start]) is not None and _TITLE_END.match(text, end) is not None
        stop = _STATEMENT_END.search(text, end + 1 if titled else end)
        total = _TOTAL_SCORE.search(text, end)  # '…执行率为95%，自评得分95分': the report's total, not the measure's
        limit = min(stop.start() if stop else len(text), kept[i + 1][0] if i + 1 < len(kept) else len(text),
                    total.start() if total else len(text))
        indicator = _statement(para, measure, start, end, limit)
        if indicator is not None:
            out.append(indicator)
    return out


def _statement(para: Paragraph, measure: Measure, start: int, end: int, limit: int) -> Indicator | None:
    """The figures after one measure's name, up to the end of its statement."""
    window = para.text[end:limit]
    weight = _WEIGHT.search(window)
    score = _SCORE.search(window)
    target = _TARGET.search(window)
    actual = _ACTUAL.match(window)
    if actual is None:
        # '（目标值95%）实际为96.5%' or '…，全年达到96.5%': the first other percentage of the statement
        taken = [m.span() for m in (weight, score, target) if m is not None]
        actual = next((m for m in _STATED.finditer(window) if not any(a <= m.start() < b for a, b in taken)),
                      None) or next((m for m in _RESTATED.finditer(window) if _abbreviates(m.group("w"), measure)
                                     and not any(a <= m.start() < b for a, b in taken)), None)
    if actual is None and target is None and score is None:
        return None
    # (a measure stated with its result only sets no goal: a goal is what a target states)
    indicator = Indicator(level=measure.level, name=measure.name, in_goal_table=target is not None,
                          evidence=[span_evidence(para, start, limit)])
    if target is not None:
        indicator.target = _target(target.group("t"), measure)
    if actual is not None:
        found = find_quantities(actual.group("a"))
        if found:
            q = found[0].quantity
            indicator.actuals.append(Actual(raw=actual.group("a"), value=q.value, unit=q.unit,
                                            comparator=found[0].comparator if found[0].comparator == ">=" else None,
                                            kind="measured", origin="narrative",
                                            evidence=[span_evidence(para, start, limit)]))
    for match, role in ((weight, "weight"), (score, "score")):
        if match is not None:
            found = find_quantities(match.group("n") + "分")
            if found:
                setattr(indicator, role, found[0].quantity.value)
    return indicator


def _abbreviates(word: str, measure: Measure) -> bool:
    """Is `word` the measure named by its last words (执行率 for 预算执行率, 控制率 for 公用经费控制率)?"""
    word = word.replace("“", "").replace("”", "")
    return len(word) >= 3 and (measure.name.endswith(word) or bool(measure.pattern.fullmatch(word)))


def _target(raw: str, measure: Measure) -> Target:
    """The target as written; a bare figure takes the measure's direction (预算执行率 95% is a floor)."""
    target = parse_target(raw.strip(), name=measure.name)
    if target.bare_number:
        target = target.model_copy(update={"comparator": measure.direction})
    return target


def _read_as_abbreviation(known: Indicator, measure: Measure) -> bool:
    """A prose result (no goal row, no target, no weight) named by the measure's last words only."""
    name = known.name.replace("“", "").replace("”", "")
    return (name != measure.name and not known.in_goal_table and known.target is None and known.weight is None
            and known.score is None and _abbreviates(name, measure))


def _fold_stated_measures(project: Project) -> None:
    """A measure the prose states ('计算本单位预算完成率99.27%') that the form scores as a row in another
    wording (预算完成率 for 预算执行率) is that row: the prose's reading joins it rather than standing as a
    second indicator."""
    rows = [i for i in project.indicators if i.weight is not None or i.score is not None]
    kept: list[Indicator] = []
    for indicator in project.indicators:
        measure = next((m for m in measures() if m.name == indicator.name), None)
        stated = indicator.weight is None and indicator.score is None
        row = next((r for r in rows if r is not indicator and measure is not None
                    and measure.pattern.fullmatch(r.name.replace("“", "").replace("”", "").replace('"', ""))), None)
        if stated and row is not None:
            row.actuals.extend(a for a in indicator.actuals if not any(k.value == a.value for k in row.actuals))
            continue
        kept.append(indicator)
    project.indicators = kept


def _merge(project: Project, indicator: Indicator) -> None:
    """Add the measure, or complete the row of the same name a goal table gave the project."""
    measure = next((m for m in measures() if m.name == indicator.name), None)
    if measure is not None:
        # a result the prose reader filed under the measure's last words ('执行率98.3%' → 执行率) is this measure's
        for known in [k for k in project.indicators if _read_as_abbreviation(k, measure)]:
            project.indicators.remove(known)
            indicator.actuals.extend(a for a in known.actuals if not any(a.value == k.value for k in indicator.actuals))
    for known in project.indicators:
        name = known.name.replace("“", "").replace("”", "").replace('"', "")
        # (the table's row may write the measure in another wording: 预算完成率 for 预算执行率)
        if name == indicator.name or (measure is not None and measure.pattern.fullmatch(name)):
            if known.target is None or not known.target.raw.strip():
                known.target = indicator.target
            known.actuals.extend(a for a in indicator.actuals
                                 if not any(k.value == a.value for k in known.actuals))
            known.weight = known.weight if known.weight is not None else indicator.weight
            known.score = known.score if known.score is not None else indicator.score
            return
    project.indicators.append(indicator)
