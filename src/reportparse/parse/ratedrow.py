"""A fund block's total row dumped as text under a header whose rate columns say what they divide: the budget and
the spending the printed rates prove.

A transfer-payment form of many columns (行次, 全年预算数(A), 统筹整合资金数(B), 扣除…后预算金额(C), 全年到位资金(D),
预算到位(D/C×100%), 全年执行资金(E), 预算执行(E/C×100%)) loses its empty cells in a text dump, so the row's figures
no longer sit under their titles:

    年度资金总额(万元): 1 52.800000
    52.800000 52.800000 100.00% 30.800000 58.33%

The rates still say which figure is which: each rate stands right after the amount it divides, and the header
names each rate column (its title before the letters: 预算到位, 预算执行, 执行率). The spending is the amount before
the rate whose title says 执行; the budget is the first amount of the row that every printed rate is the share of
(a 行次 number before it is none). Read only where the row prints as many rates as the header has rate columns and
every one of them agrees with that budget.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from reportparse.lexicondata import lexicon
from reportparse.model import Paragraph, Project, Quantity
from reportparse.parse.evidence import span_evidence
from reportparse.parse.form.labels import matches
from reportparse.parse.layout import Layout

#: a rate column's title: its words, then the letters of its division ('预算执行(E/C×100%)', '执行率（B/A）')
_RATIO = re.compile(r"(?P<title>[\u4e00-\u9fff]{0,6})\s*[(（]\s*[A-HＡ-Ｈ]\s*/\s*[A-HＡ-Ｈ]")
#: the total row's label with its unit, then the row's first figures ('年度资金总额(万元): 1 52.800000')
_TOTAL_ROW = re.compile(r"^\s*(?P<label>[\u4e00-\u9fff]{2,12})\s*[(（](?P<unit>万元|千元|元)[)）]\s*[:：]?\s*"
                        r"(?P<rest>.*)$")
_FIGURE = re.compile(r"-?\d[\d,]*(?:\.\d+)?[%％]?")
_ONLY_FIGURES = re.compile(r"^\s*(?:-?\d[\d,]*(?:\.\d+)?[%％]?\s*)+$")
_YUAN_PER = {"万元": Decimal(10000), "千元": Decimal(1000), "元": Decimal(1)}
#: how many lines above the row its header may start
_HEADER_REACH = 40


def apply_rated_total_row(layout: Layout, project: Project) -> None:
    """The one project's budget and spending from such a row (see the module docstring). A figure read before stays,
    unless the prose reader read it out of the row's own lines (as a sentence, '…支出凭证地方财政资金(万元) 3')."""
    lines = [(info.para, start, info.para.text[start:end]) for info in layout.paras
             for start, end in (info.para.spans or [(0, len(info.para.text))])]
    for at, (para, start, text) in enumerate(lines):
        row = _TOTAL_ROW.match(text)
        if row is None or not matches("budget.total_row", row.group("label")) or (
                row.group("rest").strip() and not _ONLY_FIGURES.match(row.group("rest"))):
            continue  # (a row's line holds its label and figures only: words after them are prose, not its cells)
        # (the header's lines joined: a dump may print a title and its letters on lines of their own)
        header = "".join(above for _, _, above in lines[max(0, at - _HEADER_REACH):at])
        titles = [m.group("title") for m in _RATIO.finditer(header)]
        rest = row.start("rest")
        figures = [(para, start + rest + m.start(), m.group()) for m in _FIGURE.finditer(row.group("rest"))]
        for next_para, next_start, below in lines[at + 1:]:
            if not _ONLY_FIGURES.match(below):
                break
            figures += [(next_para, next_start + m.start(), m.group()) for m in _FIGURE.finditer(below)]
        reading = _read(figures, titles)
        if reading is None:
            continue
        for kind, (quote_para, quote_at, figure) in zip(("planned", "executed"), reading, strict=True):
            current = getattr(project.budget, kind)
            if current is None or _from_paragraph(current, para):
                setattr(project.budget, kind, _quantity(quote_para, quote_at, figure, row.group("unit")))
        return


_Figure = tuple[Paragraph, int, str]  # (the paragraph, where in it, the figure as printed)


def _read(figures: list[_Figure], titles: list[str]) -> tuple[_Figure, _Figure] | None:
    """(the budget's figure, the spending's) that the rates prove, or None."""
    rates = [i for i, (_, _, f) in enumerate(figures) if f.endswith(("%", "％"))]
    spent_words = lexicon("fund_words.json")["rated_rows"]["spent_rate"]
    spent_columns = [k for k, title in enumerate(titles) if any(word in title for word in spent_words)]
    if not rates or len(rates) != len(titles) or len(spent_columns) != 1 or rates[0] == 0:
        return None
    if any(i == 0 or figures[i - 1][2].endswith(("%", "％")) for i in rates):
        return None  # (a rate with no amount before it: a cell of the row was lost)
    spent = figures[rates[spent_columns[0]] - 1]
    for candidate in figures[:min(2, rates[0] - 1)]:
        base = _number(candidate[2])
        if base and all(_agrees(_number(figures[i - 1][2]), base, figures[i][2]) for i in rates):
            return candidate, spent
    return None


def _agrees(amount: Decimal | None, base: Decimal, rate: str) -> bool:
    """Is `rate` (as printed, to its decimals) amount ÷ base?"""
    printed = _number(rate.rstrip("%％"))
    if amount is None or printed is None:
        return False
    decimals = len(rate.rstrip("%％").partition(".")[2])
    return abs(amount / base * 100 - printed) <= Decimal(5) / Decimal(10) ** (decimals + 1) + Decimal("1e-9")


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _from_paragraph(figure: Quantity, para: Paragraph) -> bool:
    """Was the figure read out of this paragraph's text (its evidence quotes it)?"""
    return any(ev.text and ev.text in para.text and len(ev.text) > len(figure.raw) for ev in figure.evidence)


def _quantity(para: Paragraph, at: int, figure: str, unit: str) -> Quantity:
    value = (_number(figure) or Decimal(0)) * _YUAN_PER[unit]
    return Quantity(raw=figure + unit, value=value, unit="元", evidence=[span_evidence(para, at, at + len(figure))])
