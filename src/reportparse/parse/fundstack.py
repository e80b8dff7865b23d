"""A fund's total printed as a label | amount row with its sources in the label | amount rows under it, one
source a row (the transfer-payment forms that record a fund's budget arrangement inside the indicator table):

    计划生育转移支付资金合计(万元) 年度预算资金总额: | 1084.25
    其中:中央补助                                  | 668.00
    市级资金                                       | 343.00
    本级资金(包括结转结余)                         | 73.25
    其中:
    A补助资金(万元) 年度预算资金总额:              | 763.00
    其中:中央补助 …

(a grid's rows, or text lines 'label amount' with the unit maybe on a line of its own before the total). Each
total is a FundTotal over the sources filled in under it, for the fund-sum check; where no reader found the one
project's budget, the first total, when it is the largest and adds up, is it: the fund's whole arrangement, printed
before the funds it is made of.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Cell, Evidence, FundTotal, Paragraph, Project, Quantity, Table
from reportparse.parse.evidence import cell_evidence, span_evidence
from reportparse.parse.fundgrid import amount_in, clean_cell
from reportparse.parse.layout import Layout

_UNIT = re.compile(r"[(（](万元|千元|亿元|元)[)）]")
#: a bracketed note after a source's words: '本级资金(包括结转结余)'
_NOTE = re.compile(r"[(（][^()（）]*[)）]")
#: an amount, maybe with its unit after it ('668.00', '668.00万元')
_AMOUNT = r"-?\d[\d,]*(?:\.\d+)?\s*(?:万元|千元|亿元|元)?"
_AMOUNT_CELL = re.compile(r"^\s*(?P<number>-?\d[\d,]*(?:\.\d+)?)\s*(?P<unit>万元|千元|亿元|元)?\s*$")
#: a text line 'label amount': the amount alone at its end, after a label that ends in no figure
_LINE = re.compile(rf"^(?P<label>.*?[^\d.,\s])\s*(?P<amount>{_AMOUNT})?\s*$")
#: fewest source rows under a total (filled or not) for the rows to be its sources
_MIN_SOURCES = 2


@dataclass
class _Row:
    """One label with the amount beside it (None where the row gives none) and how to quote each."""

    label: str
    amount: str | None
    quote_label: Callable[[], Evidence]
    quote_amount: Callable[[], Evidence] | None


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A total's label (it ends in one of the total words), and a source's (a level, a few words, a noun)."""
    words = lexicon("fund_words.json")
    total = re.compile(rf"(?:{alternation(words['stacked_totals']['ends'])})$")
    sources = words["listed_sources"]
    source = re.compile(rf"^(?:其中)?(?:{alternation(sources['levels'])})[\u4e00-\u9fff]{{0,4}}?"
                        rf"(?:{alternation(sources['nouns'])})$")
    return total, source


def is_source_label(label: str) -> bool:
    """Does the label name a source of a fund's money ('其中:中央补助', '市级资金', '本级资金(包括结转结余)')?"""
    return _patterns()[1].match(_bare(label)) is not None


def _bare(label: str) -> str:
    """A label without spaces, units, notes and the colon or stray bracket after it."""
    text = _NOTE.sub("", _UNIT.sub("", clean_cell(label)))
    return re.sub(r"[:：()（）]", "", text)


def stacked_totals(layout: Layout, project: Project) -> list[FundTotal]:
    """Every such total over its sources; the project's budget from the first (see the module docstring)."""
    totals: list[FundTotal] = []
    for rows in (*_grid_rows(layout), _line_rows(layout)):
        totals += _totals(rows, project.name)
    if not totals or not any(_adds_up(t) for t in totals):
        return []  # (a reading that adds up nowhere has lost a source it did not know, and would report all)
    first = totals[0]
    largest = all((t.total.value or 0) <= (first.total.value or 0) for t in totals)
    planned = project.budget.planned
    # (a form's reader may have taken one fund's total, a label | amount pair like a 申报表's, for the budget:
    # the budget is the whole arrangement, not one of the funds it is made of)
    one_fund = planned is not None and any(planned.value == t.total.value for t in totals[1:])
    if (planned is None or one_fund) and first.kind == "planned" and largest and _adds_up(first):
        project.budget.planned = first.total
    return totals


def _adds_up(total: FundTotal) -> bool:
    return sum((p.value or Decimal(0) for p in total.parts), Decimal(0)) == total.total.value


def _totals(rows: list[_Row], project: str) -> list[FundTotal]:
    total_label, source_label = _patterns()
    out: list[FundTotal] = []
    for i, row in enumerate(rows):
        if row.amount is None or row.quote_amount is None or not total_label.search(_bare(row.label)):
            continue
        unit = _unit_of(rows, i)
        stated = _yuan(row.amount, unit)
        if stated is None or unit is None:
            continue
        sources = list(_sources(rows[i + 1:], source_label))
        parts = [_quantity(r.amount, value, unit, r.quote_amount) for r in sources
                 if r.amount is not None and r.quote_amount is not None
                 and (value := _yuan(r.amount, unit)) is not None]
        if len(sources) < _MIN_SOURCES or not parts:
            continue
        # (a total whose fund's name stood alone on the line before it, with the unit, is that fund's total)
        named = _bare(rows[i - 1].label) if i and rows[i - 1].amount is None and not _UNIT.search(row.label) else ""
        kind = _kind(row.label)
        out.append(FundTotal(label=named + _bare(row.label), kind=kind,
                             total=_quantity(row.amount, stated, unit, row.quote_amount),
                             parts=parts, projects=[project], evidence=[row.quote_label()]))
    return out


def _yuan(text: str, unit: str | None) -> Decimal | None:
    """An amount cell's value in 元: in the unit written after it, else in the total's."""
    found = _AMOUNT_CELL.match(text)
    if found is None:
        return None
    in_unit: str | None = found.group("unit") or unit
    return amount_in(found.group("number"), in_unit) if in_unit is not None else None


def _kind(label: str) -> Literal["planned", "executed", "other"]:
    """What money a total's label names: spent ('执行', '支出', '实际'), else arranged ('预算', '安排', a bare 总额)."""
    words = lexicon("fund_words.json")["stacked_totals"]
    if any(word in label for word in words["spent"]):
        return "executed"
    return "planned" if any(word in label for word in words["arranged"]) else "other"


def _unit_of(rows: list[_Row], i: int) -> str | None:
    """The total's unit: after its amount, in its label, or in a label alone on the row before it ('A补助资金(万元)'
    over it)."""
    written = _AMOUNT_CELL.match(rows[i].amount or "")
    if written and written.group("unit"):
        return written.group("unit")
    found = _UNIT.search(rows[i].label)
    if found is None and i and rows[i - 1].amount is None:
        found = _UNIT.search(rows[i - 1].label)
    return found.group(1) if found else None


def _sources(rows: list[_Row], source_label: re.Pattern[str]) -> Iterator[_Row]:
    for row in rows:
        if not source_label.match(_bare(row.label)):
            return
        yield row


def _quantity(text: str, value: Decimal, unit: str, quote: Callable[[], Evidence]) -> Quantity:
    raw = clean_cell(text)
    return Quantity(raw=raw if raw.endswith("元") else raw + unit, value=value, unit="元", evidence=[quote()])


def _grid_rows(layout: Layout) -> Iterator[list[_Row]]:
    """Per table, its rows as (label, amount): the last two cells that hold anything (a merge's repeats once)."""
    for _, table in layout.tables:
        rows: list[_Row] = []
        for row in table.rows:
            cells = [cell for k, cell in enumerate(row) if cell.text.strip()
                     and (k == 0 or clean_cell(row[k - 1].text) != clean_cell(cell.text))]
            if not cells:
                continue
            last = cells[-1]
            figure = _AMOUNT_CELL.match(last.text) is not None
            label = cells[-2] if figure and len(cells) > 1 else last
            if figure and label is last:
                continue
            rows.append(_Row(label.text, last.text if figure else None, _cell_quote(table, label),
                             _cell_quote(table, last) if figure else None))
        yield rows


def _cell_quote(table: Table, cell: Cell) -> Callable[[], Evidence]:
    return lambda: cell_evidence(table, cell)


def _line_rows(layout: Layout) -> list[_Row]:
    """The text's lines as (label, amount): 'label amount' or a label alone."""
    rows: list[_Row] = []
    for info in layout.paras:
        para = info.para
        for start, end in para.spans or [(0, len(para.text))]:
            line = para.text[start:end]
            found = _LINE.match(line.strip())
            if found is None:
                continue
            label, amount = found.group("label"), found.group("amount")
            rows.append(_Row(label, amount, _quote(para, start + line.find(label), label),
                             _quote(para, start + line.rfind(amount), amount) if amount else None))
    return rows


def _quote(para: Paragraph, at: int, text: str) -> Callable[[], Evidence]:
    return lambda: span_evidence(para, at, at + len(text))
