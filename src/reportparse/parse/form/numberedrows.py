"""A form's numbered indicator rows read out of a line whose text layer came in drawing order.

A spreadsheet's or PDF's text layer may print a 自评表 in drawing order: the header labels scattered,
the first rows' cells interleaved with them, yet most rows of the indicator table still in one piece,
each opened by the number the template gives it:

    … 指标7:建立预防接种证 221人 221人 2 2 指标8:适龄儿童疫苗接种率 100.00% 97.30% 2 1.9 …

Such a row is read only where it stands whole: its numbered name ('指标7:…', one token), its target
and result (figures), its 分值 and 得分 (plain numbers, the 得分 no more than the 分值), and then the
next numbered name, a level label or the line's end. A row whose cells the layer scattered is left
out, never guessed. The rows come back as a small table under the template's column labels, which
the form parser reads like any other (`runs` adds it to the form whose 项目资金 block the line gives).
"""

from __future__ import annotations

from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Line, Table
from reportparse.parse.form.levellabels import label_kind

#: A numbered indicator name ('指标12:孕产妇7天访视数').
_NUMBERED = lazy_compile(r"^指标\d{1,3}[:：]\S{2,}$")
#: A target or a result: a figure with its comparator and measure word ('38508人', '≥90%', '不少于12种').
_FIGURE = lazy_compile(
    r"^(?:[≥≤≧≦><=＝]|不少于|不低于|不高于|不超过|不大于|不小于|大于|小于)?\d+(?:\.\d+)?(?:[%％‰]|[\u4e00-\u9fff]{1,3})?$")
#: A 分值 or a 得分.
_PLAIN = lazy_compile(r"^\d{1,3}(?:\.\d{1,2})?$")
#: The fewest whole rows for a line to be read this way (one or two could be chance).
MIN_ROWS = 3
HEADER = ["三级指标", "年度指标值", "实际完成值", "分值", "得分"]


def numbered_rows(tokens: list[str]) -> list[list[str]]:
    """The whole numbered rows among `tokens` (name, target, result, 分值, 得分), in order."""
    rows: list[list[str]] = []
    for i, token in enumerate(tokens):
        if not _NUMBERED.match(token) or i + 4 >= len(tokens):
            continue
        target, actual, weight, score = tokens[i + 1:i + 5]
        if not (_FIGURE.match(target) and _FIGURE.match(actual) and _PLAIN.match(weight) and _PLAIN.match(score)):
            continue
        if Decimal(score) > Decimal(weight) or Decimal(weight) == 0:
            continue
        after = tokens[i + 5] if i + 5 < len(tokens) else None
        if after is not None and not _NUMBERED.match(after) and not label_kind(after):
            continue  # the row goes on past its 得分: its cells are not where this reading puts them
        rows.append([token, target, actual, weight, score])
    return rows


def numbered_rows_table(tokens: list[str], line: Line) -> Table | None:
    """The numbered rows of the line as a table under the template's column labels; None with fewer
    than MIN_ROWS whole rows."""
    rows = numbered_rows(tokens)
    if len(rows) < MIN_ROWS:
        return None
    grid = [[Cell(text=text, row=r, col=c, page=line.page, line=line.line, confidence=line.confidence)
             for c, text in enumerate(row)] for r, row in enumerate([HEADER, *rows])]
    return Table(index=-1, rows=grid, page=line.page, pages=[line.page])
