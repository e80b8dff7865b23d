"""Fund tables in narrative reports: 项目名称 | 预算数 | 执行数 | 执行率 … with a 合计 row.

Many reports put the money in a small table instead of sentences. Columns are found by their
header words; the unit comes from the header ('预算数（万元）') or a '单位：万元' note in the
caption or the paragraph before, else 元. Each row fills its project's budget; a 合计/总计 row
becomes one FundTotal per money column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.model import Cell, FundTotal, Project, Quantity, ScoreLine, Table
from reportparse.normalise.units import yuan_per
from reportparse.parse.evidence import cell_evidence, span_evidence
from reportparse.parse.layout import Layout
from reportparse.parse.projectmentions import find_mentions
from reportparse.parse.scores import merge_score
from reportparse.scoring import canonical_grade
from reportparse.summarycolumns import GRADE, RESULT_ROLES, column_role, header_unit, summary_header, whole_rows

_COLUMN_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("name", ("项目名称", "项目")),
    # a list of projects with their self-evaluation total ('自评分数', out of 100), not a level's 得分
    ("score", ("自评分数", "自评得分", "评价得分", "综合得分")),
    ("initial", ("年初预算",)),
    ("rate", ("执行率",)),
    ("returned", ("交回", "退回", "收回", "上缴", "缴回")),
    ("executed", ("执行数", "实际支出", "支出数", "列支", "执行金额", "支出金额", "实际使用", "执行")),
    ("planned", ("全年预算", "调整后预算", "预算数", "预算金额", "预算资金", "预算", "安排资金",
                 "资金规模", "债券规模")),
]
_TOTAL_ROW = lazy_compile(r"^(合计|总计|小计|共计)$")


@dataclass
class FundTable:
    """A fund table: its columns by kind, the money unit and the first data row."""

    table: Table
    columns: dict[str, int]
    unit: str
    start: int
    ends_document: bool = False  # (the document ends in the table: an excerpt may have cut its last row)

    def rows(self) -> list[list[Cell]]:
        """The data rows, without a last row an excerpt cut off inside the name (`summarycolumns.whole_rows`)."""
        rows = self.table.rows[self.start:]
        if not self.ends_document:
            return rows
        return whole_rows(rows, [col for kind, col in self.columns.items() if kind != "name"], self.columns["name"])


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _text_before(layout: Layout, position: int, size: int) -> str:
    """The last `size` characters of the paragraphs before `position`, joined by spaces."""
    texts: list[str] = []
    length = 0
    for info in layout.paras_before(position):
        texts.append(info.para.text)
        length += len(info.para.text) + 1
        if length > size:
            break
    return " ".join(reversed(texts))[-size:]


def find_fund_tables(layout: Layout) -> list[FundTable]:
    """The tables whose header has a project-name column and budget/execution columns."""
    out: list[FundTable] = []
    for position, table in layout.tables:
        for r, row in enumerate(table.rows[:max(3, _caption_rows(table) + 1)]):
            columns = _columns(row)
            # (a list of projects with only their money, '项目名称 | 债券性质 | 已发债券规模 | 自评分数',
            # is one too, when the text says in what unit)
            # (the caption may be the table's own first rows, a sheet's lines above its list: '单位：万元')
            caption = _text_before(layout, position, 60) + "".join(
                cell.text for above in table.rows[:r] for cell in above[:1])
            money_only = "planned" in columns and "executed" not in columns and _unit(row, caption) != "元"
            if "name" in columns and "planned" in columns and (
                    "executed" in columns or "returned" in columns or money_only):
                grade = next((cell.col for cell in row if column_role(cell.text) == "grade"), None)
                if grade is not None:
                    columns.setdefault("grade", grade)  # (评价等级 beside the money: the row's stated grade)
                out.append(FundTable(table, columns, _unit(row, caption), r + 1))
                break
            listed = _summary_table(layout, position, table, r)
            if listed is not None:
                out.append(listed)
                break
    for ft in out:
        ft.ends_document = layout.ends_with(ft.table)
    return out


def _caption_rows(table: Table) -> int:
    """How many rows open the table with one text each (a sheet's title and the report's lines written down its
    first column, above the list's header row: '…项目支出绩效自评报告' / '各项目预算执行情况如下表：')."""
    for r, row in enumerate(table.rows):
        if len({cell.text.strip() for cell in row if cell.text.strip()}) > 1:
            return r
    return len(table.rows)


def _summary_table(layout: Layout, position: int, table: Table, r: int) -> FundTable | None:
    """Row r as the header of a summary table (项目名称 | 发行金额(亿元) | 评价得分 | 评价结果 …, its titles
    known to `summary.columns`): one project a row, with its money, score or grade. Money with no
    execution beside it counts only when the header or the text above says its unit."""
    row = table.rows[r]
    titles = [cell.text for cell in row]
    roles = summary_header(titles)
    if roles is None:
        return None
    caption = _text_before(layout, position, 60)
    unit = header_unit(titles) or _unit(row, caption)
    if "planned" in roles and "executed" not in roles and unit == "元":
        roles.pop("planned")
        if not RESULT_ROLES & roles.keys():
            return None
    return FundTable(table, {kind: row[pos].col for kind, pos in roles.items()}, unit, r + 1)


def _columns(row: list[Cell]) -> dict[str, int]:
    """Column kinds of a fund-table header row."""
    columns: dict[str, int] = {}
    for cell in row:
        text = _clean(cell.text)
        if not text or len(text) > 16 or re.search(r"指标|目标", text):
            continue
        for kind, words in _COLUMN_WORDS:
            if kind not in columns and any(w in text for w in words):
                if kind == "name" and text not in ("项目", "项目名称") and not text.startswith("项目名称"):
                    continue
                columns[kind] = cell.col
                break
    return columns


def _unit(header: list[Cell], caption: str) -> str:
    """The money unit the header or the text before the table states (万元 …), else 元."""
    for text in [*(c.text for c in header), caption]:
        for unit in ("万元", "千元", "亿元"):
            if unit in text:
                return unit
    return "元"


def table_names(tables: list[FundTable]) -> list[str]:
    """The project names listed in fund tables (they introduce projects like a budget sentence)."""
    names: list[str] = []
    for ft in tables:
        for row in ft.rows():
            col = ft.columns["name"]
            name = _clean(row[col].text) if col < len(row) else ""
            if name and not _TOTAL_ROW.match(name) and not name.startswith("其中"):
                names.append(name)
    return names


def _amount(text: str, unit: str) -> Decimal | None:
    """A cell's amount in 元, or None when the cell holds no plain number."""
    raw = _clean(text).replace(",", "").replace("，", "")
    m = re.match(r"^(-?\d+(?:\.\d+)?)(万元|千元|亿元|元)?$", raw)
    if not m:
        return None
    try:
        value = Decimal(m.group(1)) * yuan_per(m.group(2) or unit)
    except InvalidOperation:
        return None
    return value.normalize() if value != value.to_integral_value() else value.quantize(Decimal(1))


def apply_fund_tables(tables: list[FundTable], names: list[tuple[str, list[str]]],
                      projects: dict[str, Project]) -> list[FundTotal]:
    """Fill budgets from the fund tables' rows; return their 合计 rows as FundTotals."""
    totals: list[FundTotal] = []
    for ft in tables:
        rows_by_project: list[tuple[str, list[Cell]]] = []
        total_row: list[Cell] | None = None
        for row in ft.rows():
            col = ft.columns["name"]
            label = _clean(row[col].text) if col < len(row) else ""
            first = next((_clean(cell.text) for cell in row if _clean(cell.text)), "")
            if _TOTAL_ROW.match(label) or (not label and _TOTAL_ROW.match(first)):
                total_row = row  # (its label may stand in the first column, left of the names: '合计 | | 1640')
                continue
            found = {n for _, _, n in find_mentions(label, names)}
            if len(found) == 1:
                name = found.pop()
                rows_by_project.append((name, row))
                _fill(projects[name], ft, row)
        if total_row is not None and len(rows_by_project) >= 2:
            totals.extend(_totals(ft, total_row, rows_by_project, projects))
    return totals


def _quantity(ft: FundTable, cell: Cell, value: Decimal) -> Quantity:
    """A cell amount as a Quantity quoting the cell."""
    unit = "元" if ft.unit != "%" else "%"
    return Quantity(raw=f"{cell.text.strip()} {ft.unit}" if ft.unit not in cell.text else cell.text.strip(),
                    value=value, unit=unit, evidence=[cell_evidence(ft.table, cell)])


def _fill(project: Project, ft: FundTable, row: list[Cell]) -> None:
    """Fill the budget fields a fund-table row gives (never overwriting what prose stated)."""
    budget = project.budget
    for kind in ("initial", "planned", "executed", "returned"):
        col = ft.columns.get(kind)
        if col is None or col >= len(row):
            continue
        value = _amount(row[col].text, ft.unit)
        if value is not None and getattr(budget, kind) is None:
            setattr(budget, kind, _quantity(ft, row[col], value))
            if kind == "returned" and value > 0:
                budget.balance_explained = True
    col = ft.columns.get("score")
    score = re.fullmatch(r"\d{1,3}(?:\.\d+)?", _clean(row[col].text)) if col is not None and col < len(row) else None
    if col is not None and score and Decimal(score.group(0)) <= 100:
        merge_score(project, ScoreLine(level="总分", weight=Decimal(100), score=Decimal(score.group(0)),
                                       evidence=[cell_evidence(ft.table, row[col])]))
    col = ft.columns.get("grade")
    grade = _clean(row[col].text) if col is not None and col < len(row) else ""
    if grade and project.grade is None and GRADE.match(grade):
        project.grade = canonical_grade(grade)
    col = ft.columns.get("rate")
    if col is not None and col < len(row) and budget.printed_rate is None:
        m = re.search(r"(\d+(?:\.\d+)?)\s*[%％]?", row[col].text)
        if m:
            budget.printed_rate = Quantity(raw=row[col].text.strip(), value=Decimal(m.group(1)), unit="%",
                                           evidence=[cell_evidence(ft.table, row[col])])


def _totals(ft: FundTable, total_row: list[Cell], rows: list[tuple[str, list[Cell]]],
            projects: dict[str, Project]) -> list[FundTotal]:
    """One FundTotal per money column of a 合计 row, with the project rows as parts."""
    out: list[FundTotal] = []
    label = _clean(total_row[ft.columns["name"]].text) or next(
        (_clean(cell.text) for cell in total_row if _clean(cell.text)), "")
    for kind in ("planned", "executed", "returned"):
        col = ft.columns.get(kind)
        if col is None or col >= len(total_row):
            continue
        value = _amount(total_row[col].text, ft.unit)
        if value is None:
            continue
        parts = [_quantity(ft, row[col], v) for _, row in rows
                 if col < len(row) and (v := _amount(row[col].text, ft.unit)) is not None]
        out.append(FundTotal(label=label, kind=kind, total=_quantity(ft, total_row[col], value), parts=parts,
                             projects=[name for name, _ in rows],
                             evidence=[cell_evidence(ft.table, total_row[col])]))
    return out


#: label cells of a project information table laid out as label | value pairs
#: ('计划投资额(万元) | 144 | 实际到位资金(万元) | 144 | 实际使用情况(万元) | 142'); 到位 is money received
_PAIR_LABELS: list[tuple[str, LazyPattern]] = [
    ("initial", lazy_compile(r"^年初预算(?:数|金额|资金)?")),
    ("planned", lazy_compile(r"^(?:计划投资额|计划投资|全年预算数?|调整后预算数?|调整预算数?|预算数|预算金额|预算资金"
                             r"|项目预算|计划安排资金|预算安排数|预算安排资金)")),
    ("executed", lazy_compile(r"^(?:实际使用情况|实际使用|实际支出|执行数|全年执行数|支出数|实际执行)")),
]


#: The unit a note above a table states for its amounts ('金额单位：万元', '单位:万元').
_DECLARED_UNIT = lazy_compile(r"单位\s*[:：]\s*(万元|千元|亿元|元)")


def apply_label_pairs(layout: Layout, project: Project) -> None:
    """Fill the one project's budget from label | value pairs of its information tables (never over prose)."""
    budget = project.budget
    for position, table in layout.tables:
        declared = _DECLARED_UNIT.search(_text_before(layout, position, 60))
        for row in table.rows:
            for i, cell in enumerate(row[:-1]):
                label = _clean(cell.text)
                kind = next((k for k, pattern in _PAIR_LABELS if pattern.match(label)), None)
                value_cell = next((c for c in row[i + 1:] if c.text.strip() and c.text != cell.text), None)
                if kind is None or value_cell is None or getattr(budget, kind) is not None:
                    continue
                default = declared.group(1) if declared else "元"
                unit = next((u for u in ("万元", "千元", "亿元") if u in label), default)
                value = _amount(value_cell.text, unit)
                if value is not None:
                    raw = value_cell.text.strip() + (unit if unit not in value_cell.text else "")
                    setattr(budget, kind, Quantity(raw=raw, value=value, unit="元",
                                                   evidence=[cell_evidence(table, value_cell)]))
    _apply_line_pairs(layout, project)


#: the two sides of a fund block printed in two columns, each label column followed by its amounts
#: ('资金来源 | 金额(万元) | 资金使用 | 金额(万元)'; '收入项目 | 金额 | 支出项目 | 金额')
_SOURCE_SIDE = lazy_compile(r"^(?:资金来源|收入(?:项目|来源)?|经费来源)$")
_USE_SIDE = lazy_compile(r"^(?:资金使用|资金用途|支出(?:项目|用途)?|经费使用)(?:情况)?$")


def apply_source_use_block(layout: Layout, project: Project) -> list[FundTotal]:
    """A fund block in two columns, by where the money came from and by what it was spent on: the 合计 of
    the sources is what the body had to spend (its budget), the 合计 of the uses what it spent; each side's
    rows are the parts of its total (never over a figure the prose or a form gave first)."""
    out: list[FundTotal] = []
    for position, table in layout.tables:
        for r, row in enumerate(table.rows):
            labels = [_clean(c.text) for c in row]
            source = next((i for i, t in enumerate(labels) if _SOURCE_SIDE.match(t)), None)
            use = next((i for i, t in enumerate(labels) if _USE_SIDE.match(t)), None)
            if source is None or use is None or source + 1 >= len(row) or use + 1 >= len(row) or use <= source + 1:
                continue
            declared = _DECLARED_UNIT.search(_text_before(layout, position, 60))
            unit = _unit(row, declared.group(0) if declared else "")
            for kind, label_col in (("planned", source), ("executed", use)):
                total = _side(table, r + 1, label_col, unit, kind, project)
                if total is not None:
                    out.append(total)
            break
    return out


def _side(table: Table, start: int, label_col: int, unit: str, kind: str, project: Project) -> FundTotal | None:
    """One side of a two-column fund block: its parts and its 合计, which fills the project's `kind`."""
    parts: list[Quantity] = []
    for row in table.rows[start:]:
        if label_col + 1 >= len(row):
            continue
        label, cell = _clean(row[label_col].text), row[label_col + 1]
        value = _amount(cell.text, unit)
        if not label or value is None:
            continue
        if _TOTAL_ROW.match(label):
            total = _quantity_in(table, cell, value, unit)
            if getattr(project.budget, kind) is None:
                setattr(project.budget, kind, total)
            return FundTotal(label=label, kind=kind, total=total, parts=parts, projects=[project.name],
                             evidence=[cell_evidence(table, cell)])
        if not label.startswith("其中"):
            parts.append(_quantity_in(table, cell, value, unit))
    return None


def _quantity_in(table: Table, cell: Cell, value: Decimal, unit: str) -> Quantity:
    raw = cell.text.strip() + (unit if unit not in cell.text else "")
    return Quantity(raw=raw, value=value, unit="元", evidence=[cell_evidence(table, cell)])


#: a budget label alone on its line, its unit in brackets ('全年预算数（万元）', '执行数(元)', '执行率')
_LABEL_LINE_UNIT = lazy_compile(r"^(?P<label>[^\d，,。；;:：]{2,12}?)\s*"
                                r"(?:[(（](?P<unit>万元|千元|亿元|元)[)）])?\s*[:：]?$")
#: a label's unit alone on a line, broken off the label above it: '(万元)'
_UNIT_LINE = lazy_compile(r"^\s*[(（](万元|千元|亿元|元)[)）]\s*$")
#: the value on the line after it: a bare amount (its unit may follow, or stand before it in brackets, the
#: label's unit wrapped onto the value's line: '计划投资额' / '(万元)18821.06') or a rate
_VALUE_LINE = lazy_compile(r"^\s*(?:[(（](?P<lead>万元|千元|亿元|元)[)）])?\s*(?P<number>-?\d+(?:\.\d+)?)\s*"
                           r"(?P<unit>万元|千元|亿元|元|%|％)?\s*$")


def apply_label_lines(layout: Layout, project: Project) -> None:
    """A form flattened into the prose one cell a line, a label on its line and its value on the next
    ('全年预算数（万元）' / '85' / '全年执行数（万元）' / '80.5' / '执行率' / '94.7%'): the one project's
    budget figures (never over a figure read before)."""
    budget = project.budget
    paras = layout.paras
    for i, (info, after) in enumerate(pairwise(paras)):
        label_line = _LABEL_LINE_UNIT.match(_clean(info.para.text))
        if i and _MONEY_FIELD.fullmatch(_clean(paras[i - 1].para.text)):
            continue  # (a header of columns one cell a line, its row after it: see `_apply_line_pairs`)
        # (the label's unit broken onto a line of its own, '计划安排资金' / '(万元)' / '55': a cell's text
        # wrapped where the dump made lines of it)
        unit_line = _UNIT_LINE.match(_clean(after.para.text))
        if label_line is not None and unit_line is not None and i + 2 < len(paras):
            after = paras[i + 2]
        value_line = _VALUE_LINE.match(_clean(after.para.text))
        if label_line is None or value_line is None:
            continue
        label = label_line.group("label")
        number, written_unit = value_line.group("number"), value_line.group("unit") or value_line.group("lead")
        written_unit = written_unit or (unit_line.group(1) if unit_line is not None else None)
        if label.endswith("执行率") and written_unit in ("%", "％") and budget.printed_rate is None:
            budget.printed_rate = Quantity(raw=after.para.text.strip(), value=Decimal(number), unit="%",
                                           evidence=[span_evidence(after.para, 0, len(after.para.text))])
            continue
        kind = next((k for k, pattern in _PAIR_LABELS if pattern.match(label)), None)
        if kind is None or written_unit in ("%", "％") or getattr(budget, kind) is not None:
            continue
        unit = written_unit or label_line.group("unit") or "元"
        value = _amount(number, unit)
        if value is not None:
            setattr(budget, kind, Quantity(raw=number + unit, value=value, unit="元",
                                           evidence=[span_evidence(after.para, 0, len(after.para.text))]))


#: what may follow a field label's words in its cell: a noun ending and the unit of its amount
_FIELD_TAIL = lazy_compile(r"(?:数|金额|资金|情况)?(?:[(（][万千亿]?元[)）])?")
def _apply_line_pairs(layout: Layout, project: Project) -> None:
    """The same label | value pairs in a cover table dumped as text, a cell a line or a row a line
    ('计划安排资金 (万元) |' over '1208.75 |', or both on one line): a short label cell followed by (past
    cells holding only borders) a cell with only a figure."""
    budget = project.budget
    cells = [(info.para, cell) for info in layout.paras for cell in info.para.text.split("|") if cell.strip()]
    for n, ((_, label_cell), (value_para, value_cell)) in enumerate(pairwise(cells)):
        label = _clean(label_cell)
        if n and _MONEY_FIELD.fullmatch(_clean(cells[n - 1][1])):
            # ('预算安排数' / '实际到位数' / '实际支出数' / '300' / '300' / '291.5': a header of columns dumped one
            # cell a line, then its row; the figure after the last label is the first column's, not this label's)
            continue
        # the whole cell is the field's label, with at most its unit ('实际支出(万元)'): a longer cell that
        # opens with the words is a rule or a sentence ('实际支出率≠100%则不得分')
        kind = next((k for k, pattern in _PAIR_LABELS
                     if (m := pattern.match(label)) and _FIELD_TAIL.fullmatch(label[m.end():])), None)
        if kind is None or getattr(budget, kind) is not None:
            continue
        unit = next((u for u in ("万元", "千元", "亿元") if u in label), "元")
        text = value_cell.strip()
        value = _amount(text, unit)
        if value is not None:
            start = value_para.text.find(text)
            raw = text + (unit if unit not in text else "")
            setattr(budget, kind, Quantity(raw=raw, value=value, unit="元",
                                           evidence=[span_evidence(value_para, start, start + len(text))]))


#: a money field's label alone in its cell ('预算安排数', '实际到位数', '实际支出(万元)')
_MONEY_FIELD = lazy_compile(r"[\u4e00-\u9fff]{0,6}(?:预算|支出|到位|执行|投资|安排)[\u4e00-\u9fff]{0,4}"
                            r"(?:[(（][万千亿]?元[)）])?")


#: a project's spending-detail table flattened into a line: its column words (计划支出数 | 实际支出数, maybe
#: with their unit), then, past the detail rows, its 支出合计 (合计) row and the two totals
_DETAIL_HEADER = lazy_compile(r"计划支出(?:数|金额)?\s*(?:[(（](?P<unit>万元|千元|亿元|元)[)）])?\s*"
                              r"实际支出(?:数|金额)?")
_DETAIL_TOTAL = lazy_compile(r"(?:支出合计|合\s*计)\s*[:：]?\s*(?P<planned>\d[\d,]*(?:\.\d+)?)\s+"
                             r"(?P<executed>\d[\d,]*(?:\.\d+)?)(?![\d.])")
#: how far after its header a detail table's total row may stand (characters)
_DETAIL_REACH = 400
#: the money labels of the form around it, each with its unit ('计划安排资金(万元)', '实际支出(万元)')
_LABEL_UNIT = lazy_compile(r"(?:资金|支出|预算|金额)\s*[(（](万元|千元|亿元|元)[)）]")


def apply_detail_total(layout: Layout, project: Project) -> None:
    """The one project's budget and spending from the 支出合计 row of its spending-detail table (支出内容 |
    计划支出数 | 实际支出数), where a text layer scrambled the form's 计划安排资金 / 实际支出 fields above it
    beyond reading (labels and figures out of order) but kept the table's rows in order. Never over a
    figure read before; the unit is the table's own, else the one every money label of the text states."""
    budget = project.budget
    if budget.planned is not None or budget.executed is not None:
        return
    for info in layout.paras:
        text = info.para.text
        header = _DETAIL_HEADER.search(text)
        if header is None:
            continue
        total = _DETAIL_TOTAL.search(text, header.end(), header.end() + _DETAIL_REACH)
        units = set(_LABEL_UNIT.findall(text))
        unit = header.group("unit") or (units.pop() if len(units) == 1 else None)
        if total is None or unit is None:
            continue
        for kind in ("planned", "executed"):
            value = _amount(total.group(kind), unit)
            if value is not None:
                raw = total.group(kind) + unit
                setattr(budget, kind, Quantity(raw=raw, value=value, unit="元", evidence=[
                    span_evidence(info.para, total.start(kind), total.end(kind))]))
        return
