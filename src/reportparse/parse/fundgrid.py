"""A project's 基本概况 table that prints its money as label | amount pairs side by side, each amount split by
source in the rows under it, in the same column (the 湖南 自评报告 template):

    计划安排资金(万元) | 170 | 实际到位资金(万元) | 170 | 实际支出(万元) | 179.6 | 结余(万元) | 0
    其中:中央财政      |     | 其中:中央财政      |     | 其中:中央财政  |       | 其中:中央财政 |
    省财政             | 170 | 省财政             | 170 | 省财政         | 170   | 省财政        |
    其它               |     | 其它               | 9.6 | 其它           | 9.6   | 其它          |

Each labelled amount is a total over the sources filled in under it: a FundTotal the fund-sum check weighs
(an amount printed as 170 over sources of 170 + 9.6 is a slip the check reports).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, FundTotal, Paragraph, Quantity, Table
from reportparse.normalise.units import yuan_per
from reportparse.parse.evidence import cell_evidence, span_evidence
from reportparse.parse.layout import Layout

#: an amount's label with its unit in brackets: 计划安排资金(万元), 实际到位资金（万元）, 实际支出(万元)
_AMOUNT_LABEL = lazy_compile(r"^(?P<label>[^\d(（]{0,12}?(?:资金|支出|预算|投资|结余|金额))"
                             r"[(（](?P<unit>万元|千元|亿元|元)[)）]$")
#: the same label dumped one cell a line, its unit maybe on the line after it ('计划安排资金' / '(万元)' / '170')
_LINE_LABEL = lazy_compile(r"^(?P<label>[^\d(（]{0,12}?(?:资金|支出|预算|投资|结余|金额))"
                           r"(?:[(（](?P<unit>万元|千元|亿元|元)[)）])?$")
_UNIT_CELL = lazy_compile(r"^[(（](万元|千元|亿元|元)[)）]$")
#: a source of money under it ('其中:中央财政', '省财政', '区财政', '其它', '自筹资金')
_SOURCE = lazy_compile(r"^(?:其中[:：]?)?[中央省市县区州乡镇地方本上级]{0,4}(?:财政|资金|补助|自筹|其它|其他)"
                       r"(?:资金|拨款|补助)?$")
_KINDS = (("planned", re.compile(r"计划|预算|安排")), ("executed", re.compile(r"实际支出|支出|执行")))
#: fewest amount pairs in a row for it to be such a table's row of totals
_MIN_PAIRS = 2


def pair_grid_totals(layout: Layout, project: str) -> list[FundTotal]:
    """The totals of every such table, each over the sources filled in under it (none where no source is)."""
    out: list[FundTotal] = []
    for _, table in layout.tables:
        for r, row in enumerate(table.rows):
            labels = [(col, _AMOUNT_LABEL.match(clean_cell(cell.text))) for col, cell in enumerate(row[:-1])]
            pairs = [(col, match) for col, match in labels if match is not None
                     and amount_in(row[col + 1].text, match.group("unit")) is not None]
            if len(pairs) < _MIN_PAIRS:
                continue
            totals = [_total(table, r, col, match.group("label"), match.group("unit"), project) for col, match in pairs]
            out += _read_whole([total for total in totals if total is not None])
            break
    return out


def _read_whole(totals: list[FundTotal]) -> list[FundTotal]:
    """The totals, where one of them at least adds up to the sources read under it: a reading that adds up in
    none of its columns has lost a source row (a label it did not know), and would report every column."""
    return totals if any(sum(p.value or 0 for p in t.parts) == t.total.value for t in totals) else []


def _total(table: Table, r: int, col: int, label: str, unit: str, project: str) -> FundTotal | None:
    """The amount at (r, col + 1) over the sources filled in under it in its column."""
    cell = table.rows[r][col + 1]
    stated = amount_in(cell.text, unit)
    if stated is None:
        return None
    parts: list[Quantity] = []
    for row in table.rows[r + 1:]:
        if col + 1 >= len(row) or not _SOURCE.match(clean_cell(row[col].text)):
            break
        value = amount_in(row[col + 1].text, unit)
        if value is not None:
            parts.append(_quantity(table, row[col + 1], value, unit))
    if not parts:
        return None
    kind = next((k for k, pattern in _KINDS if pattern.search(label)), "other")
    return FundTotal(label=label, kind=kind, total=_quantity(table, cell, stated, unit), parts=parts,
                     projects=[project], evidence=[cell_evidence(table, table.rows[r][col])])


def pair_line_totals(layout: Layout, project: str) -> list[FundTotal]:
    """The same table dumped one cell a line: its pairs of totals in a run (label, maybe its unit, amount), then
    the sources under them row by row, each source label in the next column, its amount (if any) after it."""
    # (each line of a paragraph: a text reader may have joined a cell's line to the next, '实际支出(万元)' + '78')
    cells = [(info.para, text) for info in layout.paras
             for line in ([ln.text for ln in info.para.lines] or [info.para.text])
             for text in (clean_cell(piece) for piece in line.split("|")) if text]
    for start in range(len(cells)):
        totals, i = _line_pairs(cells, start)
        if len(totals) < _MIN_PAIRS:
            continue
        parts: list[list[Quantity]] = [[] for _ in totals]
        column = 0
        while i < len(cells) and _SOURCE.match(cells[i][1]):
            unit = totals[column % len(totals)][1]
            value = amount_in(cells[i + 1][1], unit) if i + 1 < len(cells) else None
            if value is not None:
                para, text = cells[i + 1]
                parts[column % len(totals)].append(_line_quantity(para, text, value, unit))
            column += 1
            i += 2 if value is not None else 1
        return _read_whole([FundTotal(label=label, kind=next((k for k, kind in _KINDS if kind.search(label)), "other"),
                                      total=total, parts=found, projects=[project], evidence=total.evidence)
                            for (label, _, total), found in zip(totals, parts, strict=True) if found])
    return []


def _line_pairs(cells: list[tuple[Paragraph, str]], start: int) -> tuple[list[tuple[str, str, Quantity]], int]:
    """The run of (label, unit, amount) cells from `start`, and the index after it."""
    out: list[tuple[str, str, Quantity]] = []
    i = start
    while i + 1 < len(cells) and (label := _LINE_LABEL.match(cells[i][1])):
        unit = label.group("unit")
        at = i + 1
        if unit is None and (unit_cell := _UNIT_CELL.match(cells[at][1])):
            unit, at = unit_cell.group(1), at + 1
        value = amount_in(cells[at][1], unit) if unit is not None and at < len(cells) else None
        if value is None or unit is None:
            break
        out.append((label.group("label"), unit, _line_quantity(*cells[at], value, unit)))
        i = at + 1
    return out, i


def _line_quantity(para: Paragraph, text: str, value: Decimal, unit: str) -> Quantity:
    start = max(para.text.find(text), 0)
    return Quantity(raw=f"{text}{unit}", value=value, unit="元",
                    evidence=[span_evidence(para, start, start + len(text))])


_PLAIN_AMOUNT = lazy_compile(r"^-?\d+(?:\.\d+)?$")


def clean_cell(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def amount_in(text: str, unit: str) -> Decimal | None:
    """A cell's plain amount in 元 (its unit the label's), None for any other cell."""
    raw = clean_cell(text).replace(",", "")
    if not _PLAIN_AMOUNT.match(raw):
        return None
    try:
        return Decimal(raw) * yuan_per(unit)
    except InvalidOperation:
        return None


def _quantity(table: Table, cell: Cell, value: Decimal, unit: str) -> Quantity:
    return Quantity(raw=f"{cell.text.strip()}{unit}", value=value, unit="元", evidence=[cell_evidence(table, cell)])
