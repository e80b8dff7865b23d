"""The department's “三公”经费 table: 因公出国(境)费, 公务用车购置及运行费 (购置费, 运行维护费), 公务接待费 and
their total, by column (预算数, 决算数, 上年数, 增减, 增减率, 控制率); and the department's whole spending the
same table may open with (支出总额 = 基本支出 + 项目支出, Hunan's 经费控制情况).

Department reports and forms account for the three kinds of spending a body must keep down in a small
table. Rows and columns are known by the words of `lexicon/department_indicators.json` ("sangong"),
not by position: a province's other wording is a line there. The table is read from a grid (DOCX,
XLSX, PDF), where each figure sits under its header cell, and from a text dump in any of its usual
shapes — a row a line, one cell a line, a label run into its first figure — as one stream of words
and figures: a header of column words, then each row's label and as many figures as there are
columns. A row that shows some figures but not all (a dump that dropped its blank cells) is kept as
unread: which figure belongs to which column is not known. Each table becomes `Report.spending`
(money in 元) and one FundTotal per money column for each category whose parts it lists, so the
fund-sum check compares 三公经费合计 with its parts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from reportparse import patterncache
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import Cell, Document, Evidence, FundTotal, Paragraph, Quantity, Report, SpendingRow, Table
from reportparse.parse.evidence import cell_evidence

#: a row label's numbering and lead-in: '1、', '（一）', '其中：', '——'
_LEAD = lazy_compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]|其中[:：]?|[—\-－]+)+")
#: a header's year ('2017年决算数'): kept apart so two 决算 columns of two years can be told apart
_YEAR = lazy_compile(r"^(?P<y>(?:19|20)\d\d)年度?")
#: the label column's header run into the first column's ('项目上年决算数' of a dump)
_HEADER_LEAD = lazy_compile(r"^(?:支出项目|项目|科目|类别|名称)(?=.)")
_SPACED_YEAR = lazy_compile(r"((?:19|20)\d\d)\s+年")
#: a cell spaced out to its width, one character at a time ('预 算 数', '合 计'): one word, not several
_SPACED_OUT = lazy_compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:[ \t\u3000][\u4e00-\u9fff](?![\u4e00-\u9fff]))+")
_FIGURE = lazy_compile(r"^[-−]?\d[\d,]*(?:\.\d+)?[%％]?$")
#: an empty cell written as a dash
_BLANK = lazy_compile(r"^[-－—/／]$")
#: a label with its first figure run into it ('公务接待费12.34')
_GLUED = lazy_compile(r"^(?P<label>.*?[^\d\s.,%-])(?P<figure>\d[\d,]*(?:\.\d+)?[%％]?)$")
_WAN = lazy_compile(r"万元")
_YUAN_ONLY = lazy_compile(r"单位[:：]\s*元|[（(]元[)）]")
#: tokens a header or a table may carry before its first row, skipped: '项目', '单位：万元'
_SKIPPABLE = lazy_compile(r"^(?:项目|科目|类别|名称|内容|支出项目|单位[:：]?万?元|[（(]?万?元[)）]?|其中[:：]?)$")
_MONEY_COLUMNS = {"budget": ("planned", "预算数"), "actual": ("executed", "决算数"), "prior": ("other", "上年数"),
                  "change": ("other", "增减")}
_PERCENT_COLUMNS = {"change_rate", "rate"}
#: how far before a table its unit note may stand (characters)
_UNIT_REACH = 200
#: rows of the total's own category before the parts: a stream stops after this many unknown words
_MAX_SKIP = 3


@dataclass(frozen=True)
class RowKind:
    category: str
    pattern: re.Pattern[str]
    parent: str | None
    #: a row of the department's whole spending (支出总额, 基本支出, 项目支出), not of its 三公经费
    whole: bool = False


@dataclass(frozen=True)
class ColumnKind:
    role: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[RowKind, ...], tuple[ColumnKind, ...]]:
    raw = lexicon("department_indicators.json")["sangong"]
    rows = tuple(RowKind(e["category"], patterncache.compile("|".join(f"(?:{p})" for p in e["patterns"])),
                         e["parent"], bool(e.get("whole"))) for e in raw["rows"])
    columns = tuple(ColumnKind(e["role"], patterncache.compile("|".join(f"(?:{p})" for p in e["patterns"])))
                    for e in raw["columns"])
    return rows, columns


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def row_kind(label: str) -> RowKind | None:
    """The category a row label names, if any ('1、公务用车购置和维护经费' → 公务用车购置及运行费)."""
    key = _LEAD.sub("", _key(label)).replace("“", "").replace("”", "").rstrip(":：")
    return next((kind for kind in _lexicon()[0] if kind.pattern.fullmatch(key)), None)


def whole_spending(category: str) -> bool:
    """Is the category a row of the department's whole spending (支出总额 and its parts), not of 三公经费?"""
    return any(kind.whole for kind in _lexicon()[0] if kind.category == category)


def column_role(header: str) -> tuple[str, int | None] | None:
    """The role of a header cell and the year it names ('2017年决算数' → ('actual', 2017))."""
    key = _HEADER_LEAD.sub("", _key(header))
    year = _YEAR.match(key)
    rest = key[year.end():] if year else key
    rest = re.sub(r"[（(](?:万?元|%)[)）]$", "", rest)
    kind = next((k for k in _lexicon()[1] if k.pattern.fullmatch(rest)), None)
    if kind is None:
        return None
    return kind.role, int(year.group("y")) if year else None


def _roles(found: list[tuple[str, int | None]]) -> list[str]:
    """Column roles; of two 决算 columns with years, the earlier is the previous year's."""
    roles = [role for role, _ in found]
    # (a grid repeats a merged header cell over each column it spans: '2021年决算数' twice is one column word)
    years = sorted({year for role, year in found if role == "actual" and year is not None})
    if len(years) == 2:
        for i, (role, year) in enumerate(found):
            if role == "actual" and year == years[0]:
                roles[i] = "prior"
    return roles


@dataclass
class _Token:
    text: str
    evidence: Evidence
    figure: bool = False
    blank: bool = False


@dataclass
class _Row:
    kind: RowKind
    label: str
    evidence: list[Evidence]
    cells: dict[str, _Token] = field(default_factory=dict)
    read: bool = True


def read_spending(document: Document) -> list[SpendingRow]:
    """Every 三公经费 table of the document, row by row, in 元."""
    tables: list[tuple[list[_Row], str]] = []
    stream: list[_Token] = []
    before = ""  # the text before a grid, where its '单位：万元' often stands
    for element in document.elements:
        if isinstance(element, Table):
            found = _grid(element, before)
            if found is not None:
                tables.append(found)
        elif isinstance(element, Paragraph):
            stream.extend(_tokens(element))
            before = (before + " " + element.text)[-_UNIT_REACH:]
    tables.extend(_streamed(stream))
    out: list[SpendingRow] = []
    for index, (rows, unit) in enumerate(tables):
        out.extend(_spending_row(row, unit, index) for row in rows if row.read)
    return out


def _tokens(para: Paragraph) -> list[_Token]:
    lines = para.lines or []
    texts = [(line.text, line.page, line.line) for line in lines] or [(para.text, para.page, None)]
    out: list[_Token] = []
    for text, page, number in texts:
        text = _SPACED_YEAR.sub(r"\1年", text)  # '2022 年决算数' of a dump: one header word
        text = _SPACED_OUT.sub(lambda m: re.sub(r"\s", "", m.group()), text)
        for piece in _pieces(text):
            if not piece:
                out.append(_Token("", Evidence(page=page, text="|", line=number), blank=True))
                continue
            glued = _GLUED.match(piece)
            parts = [glued.group("label"), glued.group("figure")] if glued and row_kind(glued.group("label")) \
                else [piece]
            for part in parts:
                out.append(_Token(part, Evidence(page=page, text=part, line=number),
                                  figure=bool(_FIGURE.match(part)), blank=bool(_BLANK.match(part))))
    return out


def _pieces(text: str) -> list[str]:
    """The words of a dump's line; a cell a dump ends with a bar ('20 |') keeps its emptiness: a line of bars
    alone ('|') or two bars with nothing between ('14.9 | | 5.21') is an empty cell (""), not nothing."""
    cells = re.split(r"[|｜]", text)
    if len(cells) == 1:
        return text.split()
    if len(cells) > 2 and not cells[0].strip():
        cells = cells[1:]  # ('| 公务接待费 | 14.9 |': a bar that opens the row, as one that closes it)
    if not cells[-1].strip():
        cells = cells[:-1]  # (the bar a cell-a-line dump ends each cell with)
    return [piece for cell in cells for piece in (cell.split() or [""])]


def _streamed(stream: list[_Token]) -> list[tuple[list[_Row], str]]:
    """Tables in a stream of words: a run of ≥ 2 column words, then labelled rows of figures."""
    out: list[tuple[list[_Row], str]] = []
    i = 0
    while i < len(stream):
        j = i
        found: list[tuple[str, int | None]] = []
        while j < len(stream) and (role := column_role(stream[j].text)) is not None:
            found.append(role)
            j += 1
        if len(found) < 2:
            i += 1
            continue
        roles = _roles(found)
        rows, end = _stream_rows(stream, j, roles)
        rows = _settled(rows)
        if _has_parts(rows) and not _two_of_a_role(roles, [stream[k].text for k in range(i, j)]):
            before = " ".join(t.text for t in stream[max(0, i - 30):j])
            out.append((rows, _unit(before)))
            i = end
        else:
            i = j
    return out


def _stream_rows(stream: list[_Token], start: int, roles: list[str]) -> tuple[list[_Row], int]:
    rows: list[_Row] = []
    skipped = 0
    i = start
    while i < len(stream):
        token = stream[i]
        kind = row_kind(token.text)
        if kind is None:
            if _SKIPPABLE.match(_key(token.text)) or (not rows and skipped < _MAX_SKIP and not token.figure):
                skipped += 1
                i += 1
                continue
            break
        i += 1
        figures: list[_Token] = []
        while i < len(stream) and (stream[i].figure or stream[i].blank):
            figures.append(stream[i])
            i += 1
        row = _Row(kind, token.text, [token.evidence, *(f.evidence for f in figures)])
        if len(figures) == len(roles):
            row.cells = {role: f for role, f in zip(roles, figures, strict=True) if not f.blank}
        elif figures:
            row.read = False  # blank cells the dump dropped: which figure is whose is not known
        rows.append(row)
    return rows, i


def _grid(table: Table, before: str) -> tuple[list[_Row], str] | None:
    """A 三公经费 table in a grid: the header row's column words, the rows below by their labels."""
    for h, header in enumerate(table.rows):
        found = [(cell.col, role) for cell in header if (role := column_role(cell.text)) is not None]
        # (one column word copied into the cells a merged cell spans, '控制率' over the staff block's two
        # columns, is no header of a money table: that has two kinds of column at least)
        if len({role[0] for _, role in found}) < 2:
            continue
        roles = _roles([role for _, role in found])
        words = {cell.col: _key(cell.text) for cell in header}
        if _two_of_a_role(roles, [words[col] for col, _ in found]):
            return None
        columns = {col: role for (col, _), role in zip(found, roles, strict=True)}
        first = min(columns)
        # a grid a text dump was rebuilt into may have lost a row's blank cells and moved its figures
        # left: there, as in a stream, a row that fills some columns but not all is not read
        from_text = any(cell.line is not None for cells in table.rows for cell in cells)
        rows: list[_Row] = []
        for cells in table.rows[h + 1:]:
            label = next((c for c in cells if c.col < first and c.text.strip() and row_kind(c.text)), None)
            if label is None:
                continue
            kind = row_kind(label.text)
            assert kind is not None
            row = _Row(kind, label.text, [cell_evidence(table, label)])
            for cell in cells:
                if cell.col in columns and _FIGURE.match(_key(cell.text)):
                    token = _Token(_key(cell.text), cell_evidence(table, cell), figure=True)
                    row.cells[columns[cell.col]] = token
                    row.evidence.append(token.evidence)
            # (a bar-delimited dump keeps its empty cells as cells: there every column is still where it was)
            lost = any(col not in {cell.col for cell in cells} for col in columns)
            row.read = not (from_text and 0 < len(row.cells) < len(columns) and lost)
            rows.append(row)
        if not rows:
            rows = _transposed(table, h, columns)
        rows = _settled(rows)
        if _has_parts(rows):
            text = before + " " + " ".join(c.text for r in table.rows[:h + 1] for c in r)
            return rows, _unit(text)
    return None


#: header rows a transposed table may stack under its column words (合计 | 公务用车购置及运行费, then 小计 | 购置费)
_MAX_HEADER_ROWS = 3


def _transposed(table: Table, h: int, columns: dict[int, str]) -> list[_Row]:
    """The 决算 tables' layout: the categories are columns, under a column word spanning them
    (预算数 over 合计 | 因公出国(境)费 | 公务用车购置及运行费 … , then 决算数 over the same), one row of
    figures below. A column's category is the most specific the header rows below the column words
    name (小计 under 公务用车购置及运行费 is that category's)."""
    kinds: dict[int, tuple[RowKind, Cell]] = {}
    for cells in table.rows[h + 1:h + 1 + _MAX_HEADER_ROWS]:
        figures = [c for c in cells if c.col in columns and _FIGURE.match(_key(c.text))]
        if len(figures) >= 2:
            rows: dict[str, _Row] = {}
            for cell in figures:
                if cell.col not in kinds:
                    continue
                kind, label = kinds[cell.col]
                row = rows.setdefault(kind.category, _Row(kind, label.text, [cell_evidence(table, label)]))
                token = _Token(_key(cell.text), cell_evidence(table, cell), figure=True)
                row.cells[columns[cell.col]] = token
                row.evidence.append(token.evidence)
            return list(rows.values())
        for cell in cells:
            named = row_kind(cell.text) if cell.col in columns and cell.text.strip() else None
            if named is not None:
                kinds[cell.col] = (named, cell)
    return []


def _two_of_a_role(roles: list[str], words: list[str]) -> bool:
    """Do two columns with different header words take one role ('年初预算' and '调整预算', both a 预算数)? Which
    is the role's figure is then not known (a merged header cell repeated over its columns is one word)."""
    seen: dict[str, str] = {}
    return any(seen.setdefault(role, word) != word for role, word in zip(roles, words, strict=True))


def _settled(rows: list[_Row]) -> list[_Row]:
    """A table whose parts are all the department's whole spending (基本支出, 项目支出) totals them in its 合计
    row: that row is the 支出总额, not 三公经费 (whose own words it shares)."""
    parts = [row.kind for row in rows if row.kind.parent is not None]
    if not parts or not all(kind.whole for kind in parts):
        return rows
    whole = next(kind for kind in _lexicon()[0] if kind.whole and kind.parent is None)
    return [_Row(whole, row.label, row.evidence, row.cells, row.read)
            if not row.kind.whole and _GENERIC_TOTAL.fullmatch(_LEAD.sub("", _key(row.label))) else row
            for row in rows]


#: a total row's label that names no kind of spending
_GENERIC_TOTAL = lazy_compile(r"合计|总计|小计")


def _has_parts(rows: list[_Row]) -> bool:
    """A 三公经费 table lists at least one of its kinds, not only a 合计."""
    return any(row.kind.parent is not None for row in rows)


def _unit(text: str) -> str:
    if _YUAN_ONLY.search(text):
        return "元"
    return "万元" if _WAN.search(text) else "元"


def _spending_row(row: _Row, unit: str, index: int) -> SpendingRow:
    figures: dict[str, Quantity] = {}
    for role, token in row.cells.items():
        try:
            number = Decimal(token.text.replace(",", "").replace("−", "-").rstrip("%％"))
        except InvalidOperation:
            continue
        if role in _PERCENT_COLUMNS:
            figures[role] = Quantity(raw=token.text, value=number, unit="%", evidence=[token.evidence])
        else:
            scale = Decimal(10000) if unit == "万元" else Decimal(1)
            raw = token.text + ("万元" if unit == "万元" else "元")
            figures[role] = Quantity(raw=raw, value=number * scale, unit="元", evidence=[token.evidence])
    return SpendingRow(category=row.kind.category, label=row.label, parent=row.kind.parent, table=index,
                       figures=figures, evidence=row.evidence)


def spending_totals(rows: list[SpendingRow], owner: str | None) -> list[FundTotal]:
    """One FundTotal per money column for each category whose every part the table lists."""
    out: list[FundTotal] = []
    kinds = _lexicon()[0]
    for index in sorted({row.table for row in rows}):
        table = [row for row in rows if row.table == index]
        by_category = {row.category: row for row in table}
        for parent, total in by_category.items():
            children = [k.category for k in kinds if k.parent == parent]
            if not children:
                continue
            parts = _parts(children, by_category, kinds)
            if parts is None:
                continue
            for role, (kind, word) in _MONEY_COLUMNS.items():
                if role == "change" or role not in total.figures:
                    continue
                figures = [row.figures.get(role) for row in parts]
                if any(f is None and row.figures for f, row in zip(figures, parts, strict=True)):
                    continue  # a part with figures but none in this column
                out.append(FundTotal(
                    label=f"{parent}{word}", kind=kind,
                    total=total.figures[role],
                    parts=[f if f is not None else Quantity(raw="", value=Decimal(0), unit="元")
                           for f in figures],
                    projects=[owner] if owner else [],
                    evidence=[*total.evidence[:1], *(row.evidence[0] for row in parts)]))
    return out


def _parts(children: list[str], by_category: dict[str, SpendingRow],
           kinds: tuple[RowKind, ...]) -> list[SpendingRow] | None:
    """The rows that make up a category: each child's own row, or else its own parts' rows."""
    parts: list[SpendingRow] = []
    for child in children:
        if child in by_category:
            parts.append(by_category[child])
            continue
        grand = [k.category for k in kinds if k.parent == child]
        if not grand or any(g not in by_category for g in grand):
            return None
        parts.extend(by_category[g] for g in grand)
    return parts


def apply_spending(report: Report, document: Document) -> Report:
    """The report with its 三公经费 table(s) and their sums; a department that states no budget of its own gets
    the 预算数 and 决算数 of its table's 支出总额 row."""
    from reportparse.parse.department import is_department

    rows = read_spending(document)
    if not rows:
        return report
    departments = [p for p in report.projects if is_department(p)]
    owner = departments[0].name if len(departments) == 1 else None
    whole = [row for row in rows if row.parent is None and whole_spending(row.category)]
    if len(departments) == 1 and len({row.table for row in whole}) == 1:
        budget = departments[0].budget
        figures = whole[0].figures
        if budget.planned is None and budget.executed is None and ("budget" in figures or "actual" in figures):
            budget.planned, budget.executed = figures.get("budget"), figures.get("actual")
    return report.model_copy(update={"spending": rows,
                                     "fund_totals": [*report.fund_totals, *spending_totals(rows, owner)]})
