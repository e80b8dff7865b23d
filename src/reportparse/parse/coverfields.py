"""A cover table's money fields dumped as text, outside any table the readers rebuild: label, unit and amount run
together in a line ('计划投资额(万元)110.00实际使用情况(万元)84.74'), the label ending one line and its unit and amount
opening the next, and a form's fund header run into its first row ('全年预算数(A) 全年执行数(B) 7165.32 6992.95').
Each fills the one project's budget, never over a figure read before."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from re import Match

from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.model import Budget, FundTotal, Paragraph, Project, Quantity
from reportparse.parse.evidence import span_evidence
from reportparse.parse.form.fundrun import fund_figures
from reportparse.parse.form.labels import matches
from reportparse.parse.fundstack import is_source_label
from reportparse.parse.fundtables import _FIELD_TAIL, _PAIR_LABELS, _amount
from reportparse.parse.layout import Layout, ParaInfo

#: a field's label, its unit in brackets and its amount run together in a line, as a cover table's cells
#: dumped without separators ('计划投资额(万元)110.00实际到位资金(万元)84.74实际使用情况(万元)84.74')
_RUN_PAIR = lazy_compile(r"(?P<label>[\u4e00-\u9fff]{2,12})\s*[(（](?P<unit>万元|千元|亿元|元)[)）]\s*[:：]?\s*"
                         r"(?P<value>\d[\d,]*(?:\.\d+)?)(?![\d.%％])")


_UNIT_LEAD = lazy_compile(r"^\s*[(（](?:万元|千元|亿元|元)[)）]")


#: a form's 资金投入 header and its 年度资金总额 row dumped into one line: the two column titles, then the first two
#: amounts ('全年预算数(A) 全年执行数(B) 7165.32 6992.95 其中:中央财政资金 3144.00 3144.00 …')
_COLUMN_PAIR_RUN = lazy_compile(r"(?:全年)?预算数\s*[(（][AＡ][)）]\s*(?:全年)?执行数\s*[(（][BＢ][)）]\s*"
                                r"(?P<planned>\d[\d,]*(?:\.\d+)?)\s+(?P<executed>\d[\d,]*(?:\.\d+)?)(?![\d.%％])")
#: a money unit in brackets anywhere in a line ('资金投入情况（万元）', '计划投资额(万元)')
_ANY_UNIT = lazy_compile(r"[(（](万元|千元|亿元|元)[)）]")
#: a 自评表's fund header run into its 年度资金总额 row by a dump in column order: the three money columns, the
#: weight, rate and score titles, then the three amounts, the weight and the score ('年初预算数 全年预算数 全年执行数
#: 分值 执行率 得分 80000.00 80000.00 76,400 10 9.55')
_SCORED_COLUMN_RUN = lazy_compile(
    r"年初预算数\s*全年预算数\s*全年执行数\s*分值\s*执行率\s*得分\s*"
    r"(?P<initial>\d[\d,]*(?:\.\d+)?)\s+(?P<planned>\d[\d,]*(?:\.\d+)?)\s+(?P<executed>\d[\d,]*(?:\.\d+)?)\s+"
    r"(?P<weight>\d{1,2}(?:\.\d+)?)\s+(?P<score>\d{1,2}(?:\.\d+)?)(?![\d.%％])")


def _set_figure(budget: Budget, kind: str, raw: str, value: Decimal, para: Paragraph, start: int, end: int) -> None:
    """The budget's `kind` figure (planned or executed), in 元, quoting para[start:end]."""
    setattr(budget, kind, Quantity(raw=raw, value=value, unit="元", evidence=[span_evidence(para, start, end)]))


def _runs_of_one_unit(layout: Layout, pattern: LazyPattern) -> Iterator[tuple[ParaInfo, Match[str], str]]:
    """The paragraphs where `pattern` finds a fund run, with the run and the one money unit the line states (a
    line naming two units says nothing certain about the run's)."""
    for info in layout.paras:
        text = info.para.text
        run = pattern.search(text)
        units = set(_ANY_UNIT.findall(text))
        if run is not None and len(units) == 1:
            yield info, run, units.pop()


def apply_column_pair_run(layout: Layout, project: Project) -> None:
    """The one project's budget and spending from a form's fund header and first row run into one line, the unit
    the one its line states ('资金投入情况 (万元)', wherever the dump put it); never over a figure read before."""
    budget = project.budget
    if budget.planned is not None or budget.executed is not None:
        return
    for info, run, unit in _runs_of_one_unit(layout, _COLUMN_PAIR_RUN):
        for kind in ("planned", "executed"):
            value = _amount(run.group(kind), unit)
            if value is not None:
                _set_figure(budget, kind, run.group(kind) + unit, value, info.para, run.start(kind), run.end(kind))
        return


#: a source's row after the pair run: its label (maybe with a note in brackets) and its two amounts ('其中:中央财政资金
#: 3144.00 3144.00', '其他资金 (包括以前年度结转资 金) 1591.22 1551.84')
_SOURCE_PAIR = lazy_compile(r"\s*(?P<label>(?:其中\s*[:：]\s*)?[\u4e00-\u9fff]{2,12})\s*"
                            r"(?:[(（][^()（）]{0,30}[)）])?\s*(?P<planned>\d[\d,]*(?:\.\d+)?)\s+(?P<executed>\d[\d,]*(?:\.\d+)?)(?![\d.%％])")
#: fewest source rows after the pair run for them to be its sources
_MIN_SOURCE_ROWS = 2


def column_pair_sources(layout: Layout, project: Project) -> list[FundTotal]:
    """The sources a form's fund block lists after its header and total run into one line (`_COLUMN_PAIR_RUN`):
    '全年预算数(A) 全年执行数(B) 7165.32 6992.95 其中:中央财政资金 3144.00 3144.00 自治区财政资金 570.17 570.17 …',
    each row a source's label and its two amounts; the total's budget and spending each over its column's sources
    (a FundTotal the fund-sum check weighs), where two rows at least follow and one column adds up."""
    for info, run, unit in _runs_of_one_unit(layout, _COLUMN_PAIR_RUN):
        rows: list[Match[str]] = []
        at = run.end()
        while (row := _SOURCE_PAIR.match(info.para.text, at)) and is_source_label(row.group("label")):
            rows.append(row)
            at = row.end()
        if len(rows) < _MIN_SOURCE_ROWS:
            continue
        totals = []
        for kind in ("planned", "executed"):
            total, parts = _amount(run.group(kind), unit), [_amount(row.group(kind), unit) for row in rows]
            if total is None or any(part is None for part in parts):
                break
            quote = [span_evidence(info.para, run.start(kind), run.end(kind))]
            totals.append(FundTotal(
                label="年度资金总额", kind="planned" if kind == "planned" else "executed",
                total=Quantity(raw=run.group(kind) + unit, value=total, unit="元", evidence=quote),
                parts=[Quantity(raw=row.group(kind) + unit, value=part, unit="元",
                                evidence=[span_evidence(info.para, row.start(kind), row.end(kind))])
                       for row, part in zip(rows, parts, strict=True) if part is not None],
                projects=[project.name], evidence=quote))
        if len(totals) == 2 and any(sum(p.value or 0 for p in t.parts) == t.total.value for t in totals):
            return totals  # (a reading that adds up in neither column has lost a source row: nothing said)
    return []


def apply_scored_column_run(layout: Layout, project: Project) -> None:
    """The one project's budget and spending from a form's fund header run into its first row with the weight and
    score after the amounts (`_SCORED_COLUMN_RUN`), the unit the one its line states: only where the score is the
    weight times the rate the two amounts give, so that a dump that moved a cell away (the spending printed
    elsewhere, the score standing in its place) gives nothing; never over a figure read before."""
    budget = project.budget
    if budget.planned is not None or budget.executed is not None:
        return
    for info, run, unit in _runs_of_one_unit(layout, _SCORED_COLUMN_RUN):
        planned, executed = _amount(run.group("planned"), unit), _amount(run.group("executed"), unit)
        weight, score = float(run.group("weight")), float(run.group("score"))
        if not planned or executed is None or abs(float(executed / planned) * weight - score) > 0.06:
            continue
        for kind, value in (("planned", planned), ("executed", executed)):
            _set_figure(budget, kind, run.group(kind) + unit, value, info.para, run.start(kind), run.end(kind))
        return


def apply_run_pairs(layout: Layout, project: Project) -> None:
    """The one project's budget figures from a cover table's label(unit)amount fields run together in a
    line (never over a figure read before): the label is the longest tail of the words before the unit
    that is a field label with at most its noun ending ('…一次性项目()计划投资额' is 计划投资额)."""
    budget = project.budget
    previous = ""
    for info in layout.paras:
        # (a label ending the line before, its unit and amount opening this one: '…一次性项目()计划投资额' /
        # '(万元)18821.06', the dump having joined the label to the cell before it)
        tail = previous[-12:] if _UNIT_LEAD.match(info.para.text) else ""
        text, previous = tail + info.para.text, info.para.text
        for match in _RUN_PAIR.finditer(text):
            if match.start("value") < len(tail):
                continue
            words = match.group("label")
            kind = next((k for i in range(len(words) - 1) for k, pattern in _PAIR_LABELS
                         if (m := pattern.match(words[i:])) and _FIELD_TAIL.fullmatch(words[i:][m.end():])), None)
            if kind is None or getattr(budget, kind) is not None:
                continue
            value = _amount(match.group("value"), match.group("unit"))
            if value is not None:
                _set_figure(budget, kind, match.group("value") + match.group("unit"), value, info.para,
                            match.start("value") - len(tail), match.end("value") - len(tail))


#: a field's label, a colon and a bare figure, one of several fields set off by '；' or '，' in a line ('年初预算：80；
#: 调整预算：76；实际支出：75.6'), the unit left to a note the paragraph or the heading above it states
_BARE_PAIR = lazy_compile(r"(?:^|(?<=[；;，,。\s]))(?P<label>[\u4e00-\u9fff]{2,10})\s*[:：]\s*"
                          r"(?P<value>\d[\d,]*(?:\.\d+)?)(?![\d.,]*\s*(?:[%％万千亿元]|[\u4e00-\u9fff]))")
#: a unit note ('（单位：万元）', '金额单位:元')
_UNIT_NOTE = lazy_compile(r"单位\s*[:：]\s*(万元|千元|亿元|元)")


def apply_declared_unit_pairs(layout: Layout, project: Project) -> None:
    """The one project's budget figures from 'label：figure' fields written in a line with their unit in a note of
    the paragraph or of the line right above it ('一、项目资金情况（单位：万元）' / '年初预算：80；调整预算：76；
    实际支出：75.6'); never over a figure read before, and never a figure whose unit no note states."""
    budget = project.budget
    above = ""
    for info in layout.paras:
        text = info.para.text
        notes = _UNIT_NOTE.findall(above) + _UNIT_NOTE.findall(text)
        above = text
        if len(set(notes)) != 1:
            continue
        for match in _BARE_PAIR.finditer(text):
            kind = next((k for k, pattern in _PAIR_LABELS
                         if (m := pattern.match(match.group("label"))) and _FIELD_TAIL.fullmatch(
                             match.group("label")[m.end():])), None)
            if kind is None or getattr(budget, kind) is not None:
                continue
            value = _amount(match.group("value"), notes[0])
            if value is not None:
                _set_figure(budget, kind, match.group("value") + notes[0], value, info.para, match.start("value"),
                            match.end("value"))


#: a line that is a money field's label alone, maybe with its unit ('预算安排数', '实际支出数（万元）')
_LABEL_ALONE = lazy_compile(r"^(?P<label>[\u4e00-\u9fff]{2,10}?)\s*(?:[(（](?P<unit>万元|千元|亿元|元)[)）])?"
                            r"\s*[:：]?$")
#: a line that is a figure alone
_FIGURE_ALONE = lazy_compile(r"^\s*(?P<value>\d[\d,]*(?:\.\d+)?)\s*$")


def apply_label_columns(layout: Layout, project: Project) -> None:
    """A form's money header dumped one cell a line, then its row the same way: the labels of two or more
    columns ('预算安排数' / '实际到位数' / '实际支出数'), then as many figures ('300' / '300' / '291.5'), each
    figure its column's in order. The unit is the labels' own or the one the block's label above them states
    ('资金投入情况（万元）'); with no unit written, nothing is read. Never over a figure read before."""
    budget = project.budget
    # (every printed line with its paragraph and where it starts there: a reader may join lines into a paragraph)
    lines = [(info.para, start, info.para.text[start:end]) for info in layout.paras
             for start, end in (info.para.spans or [(0, len(info.para.text))])]
    n = 0
    while n < len(lines):
        labels: list[re.Match[str]] = []
        while n + len(labels) < len(lines) and (m := _LABEL_ALONE.match(lines[n + len(labels)][2].strip())):
            labels.append(m)
        start = n + len(labels)
        figures: list[tuple[Paragraph, int, re.Match[str]]] = []
        while start + len(figures) < len(lines) and (f := _FIGURE_ALONE.match(lines[start + len(figures)][2])):
            figures.append((lines[start + len(figures)][0], lines[start + len(figures)][1], f))
        above = _ANY_UNIT.findall(lines[n - 1][2]) if n else []
        columns = labels
        if len(labels) == len(figures) + 1:
            # (the block's label, maybe with its unit, then its columns)
            above = [labels[0].group("unit")] if labels[0].group("unit") else above
            columns = labels[1:]
        if len(columns) >= 2 and len(figures) == len(columns):
            for label, (para, offset, figure) in zip(columns, figures, strict=True):
                unit = label.group("unit") or (above[0] if len(set(above)) == 1 else None)
                kind = next((k for k, pattern in _PAIR_LABELS if (p := pattern.match(label.group("label")))
                             and _FIELD_TAIL.fullmatch(label.group("label")[p.end():])), None)
                value = _amount(figure.group("value"), unit) if unit else None
                if kind is not None and value is not None and getattr(budget, kind) is None:
                    _set_figure(budget, kind, figure.group("value") + (unit or ""), value, para,
                                offset + figure.start("value"), offset + figure.end("value"))
        n = start + len(figures) if labels or figures else n + 1


#: a fund block's rate column title, then its row's figures glued to their rate by a text layer ('全年执行数(B)
#: 执行率(B/A)64.864.864.8100%'), maybe after the row's label ('预算执行率(B/A)年度资金总额:21182118100%', a
#: transfer-payment form's); the block's unit (万元, even as an OCR's '万兀') stands before it
_GLUED_AFTER_RATE = lazy_compile(r"执行率\s*(?:[(（][^()（）]{0,6}[)）])?\s*[:：]?\s*"
                                 r"(?:(?P<label>[\u4e00-\u9fff]{2,8}?)\s*[:：]?\s*)?(?P<run>\d[\d.]{4,}[%％])")
_WAN_BEFORE = lazy_compile(r"[(（]\s*万[元兀]?\s*[)）]")
#: a money column's title in a fund block's header (an OCR's '年初预匏数' too)
_MONEY_COLUMN = lazy_compile(r"年初预.|调整后?预.|全年预.|(?<![初整年])预算数|执行数")
#: how far before the rate column the block's unit may stand (characters)
_GLUED_REACH = 80


def apply_glued_fund_row(layout: Layout, project: Project) -> None:
    """The one project's budget and spending from a fund row a text layer glued to its rate after the block's
    header ('项目资金(万元)…全年执行数(B)执行率(B/A)64.864.864.8100%'): taken apart the one way the printed rate
    allows (two or three amounts, 执行数 / 预算数 the rate; `fundrun.fund_figures`), in the 万元 the block states.
    Never over a figure read before, and nothing where more than one reading fits."""
    budget = project.budget
    if budget.planned is not None or budget.executed is not None:
        return
    for info in layout.paras:
        text = info.para.text
        for match in _GLUED_AFTER_RATE.finditer(text):
            if not _WAN_BEFORE.search(text, max(0, match.start() - _GLUED_REACH), match.start()):
                continue
            if match.group("label") and not matches("budget.total_row", match.group("label")):
                continue  # (a row label other than the total's: a part's row, '其中:中央财政资金', is not the budget)
            header = text[max(0, match.start() - _GLUED_REACH):match.start()]
            width = len(_MONEY_COLUMN.findall(header[header.rfind("资金"):]))  # (the columns before 执行率)
            reading = fund_figures(match.group("run"), width) if width in (2, 3) else None
            if reading is None:
                continue
            amounts = reading[:-1]
            for kind, figure in (("planned", amounts[-2]), ("executed", amounts[-1])):
                value = _amount(figure, "万元")
                if value is not None:
                    _set_figure(budget, kind, figure + "万元", value, info.para, match.start("run"), match.end("run"))
            return
