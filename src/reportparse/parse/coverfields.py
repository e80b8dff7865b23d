"""A cover table's money fields dumped as text, outside any table the readers rebuild: label, unit and amount run
together in a line ('计划投资额(万元)110.00实际使用情况(万元)84.74'), the label ending one line and its unit and amount
opening the next, and a form's fund header run into its first row ('全年预算数(A) 全年执行数(B) 7165.32 6992.95').
Each fills the one project's budget, never over a figure read before."""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Project, Quantity
from reportparse.parse.evidence import span_evidence
from reportparse.parse.fundtables import _FIELD_TAIL, _PAIR_LABELS, _amount
from reportparse.parse.layout import Layout

#: a field's label, its unit in brackets and its amount run together in a line, as a cover table's cells
#: dumped without separators ('计划投资额(万元)110.00实际到位资金(万元)84.74实际使用情况(万元)84.74')
_RUN_PAIR = lazy_compile(r"(?P<label>[\u4e00-\u9fff]{2,12})\s*[(（](?P<unit>万元|千元|亿元|元)[)）]\s*[:：]?\s*"
                         r"(?P<value>\d[\d,]*(?:\.\d+)?)(?![\d.%％])")


_UNIT_LEAD = lazy_compile(r"^\s*[(（](?:万元|千元|亿元|元)[)）]")


#: a form's 资金投入 header and its 年度资金总额 row dumped into one line: the two column titles, then the first two
#: amounts ('全年预算数(A) 全年执行数(B) 7165.32 6992.95 其中:中央财政资金 3144.00 3144.00 …')
_COLUMN_PAIR_RUN = lazy_compile(r"(?:全年)?预算数\s*[(（][AＡ][)）]\s*(?:全年)?执行数\s*[(（][BＢ][)）]\s*"
                                r"(?P<planned>\d[\d,]*(?:\.\d+)?)\s+(?P<executed>\d[\d,]*(?:\.\d+)?)(?![\d.%％])")
_ANY_UNIT = lazy_compile(r"[(（](万元|千元|亿元|元)[)）]")
#: a 自评表's fund header run into its 年度资金总额 row by a dump in column order: the three money columns, the
#: weight, rate and score titles, then the three amounts, the weight and the score ('年初预算数 全年预算数 全年执行数
#: 分值 执行率 得分 80000.00 80000.00 76,400 10 9.55')
_SCORED_COLUMN_RUN = lazy_compile(
    r"年初预算数\s*全年预算数\s*全年执行数\s*分值\s*执行率\s*得分\s*"
    r"(?P<initial>\d[\d,]*(?:\.\d+)?)\s+(?P<planned>\d[\d,]*(?:\.\d+)?)\s+(?P<executed>\d[\d,]*(?:\.\d+)?)\s+"
    r"(?P<weight>\d{1,2}(?:\.\d+)?)\s+(?P<score>\d{1,2}(?:\.\d+)?)(?![\d.%％])")


def apply_column_pair_run(layout: Layout, project: Project) -> None:
    """The one project's budget and spending from a form's fund header and first row run into one line, the unit
    the one its line states ('资金投入情况 (万元)', wherever the dump put it); never over a figure read before."""
    budget = project.budget
    if budget.planned is not None or budget.executed is not None:
        return
    for info in layout.paras:
        text = info.para.text
        run = _COLUMN_PAIR_RUN.search(text)
        units = set(_ANY_UNIT.findall(text))
        if run is None or len(units) != 1:
            continue
        unit = units.pop()
        for kind in ("planned", "executed"):
            value = _amount(run.group(kind), unit)
            if value is not None:
                setattr(budget, kind, Quantity(raw=run.group(kind) + unit, value=value, unit="元", evidence=[
                    span_evidence(info.para, run.start(kind), run.end(kind))]))
        return


def apply_scored_column_run(layout: Layout, project: Project) -> None:
    """The one project's budget and spending from a form's fund header run into its first row with the weight and
    score after the amounts (`_SCORED_COLUMN_RUN`), the unit the one its line states: only where the score is the
    weight times the rate the two amounts give, so that a dump that moved a cell away (the spending printed
    elsewhere, the score standing in its place) gives nothing; never over a figure read before."""
    budget = project.budget
    if budget.planned is not None or budget.executed is not None:
        return
    for info in layout.paras:
        text = info.para.text
        run = _SCORED_COLUMN_RUN.search(text)
        units = set(_ANY_UNIT.findall(text))
        if run is None or len(units) != 1:
            continue
        unit = units.pop()
        planned, executed = _amount(run.group("planned"), unit), _amount(run.group("executed"), unit)
        weight, score = float(run.group("weight")), float(run.group("score"))
        if not planned or executed is None or abs(float(executed / planned) * weight - score) > 0.06:
            continue
        for kind, value in (("planned", planned), ("executed", executed)):
            setattr(budget, kind, Quantity(raw=run.group(kind) + unit, value=value, unit="元",
                                           evidence=[span_evidence(info.para, run.start(kind), run.end(kind))]))
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
                raw = match.group("value") + match.group("unit")
                setattr(budget, kind, Quantity(raw=raw, value=value, unit="元", evidence=[
                    span_evidence(info.para, match.start("value") - len(tail), match.end("value") - len(tail))]))
