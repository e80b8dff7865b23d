"""Where the 自评表 forms of a Document are: `find_forms` (see `reportparse.parse.form.forms` for the whole
story) walks every table row in reading order and cuts forms at their start rows; when no table holds a form,
the readings of forms flattened into text lines are tried, the most complete kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, Paragraph, Table
from reportparse.parse.form.barename import bare_name_field
from reportparse.parse.form.blocks import goal_columns, is_budget_header
from reportparse.parse.form.columns import is_indicator_header, is_unscored_indicator_header, join_split_header
from reportparse.parse.form.fieldpairs import budget_fields
from reportparse.parse.form.grid import GridRow, squash
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.indicatorrows import looks_like_indicator_row
from reportparse.parse.form.labels import is_column_label, matches, name_field, role
from reportparse.parse.form.levellabels import is_total_label, label_kind
from reportparse.parse.form.titles import is_title_row
from reportparse.parse.form.values import plain_decimal


@dataclass
class FormLocation:
    """The tables of one 自评表 in a document (one form may span several tables/pages)."""

    tables: list[Table] = field(default_factory=list)
    rows: list[GridRow] = field(default_factory=list)
    preface: list[Paragraph] = field(default_factory=list)
    has_name: bool = False
    has_budget: bool = False
    indicator_header: list[str] | None = None
    closed: bool = False
    #: read from a dump that ran every cell together: it shows no empty cell, so a cell its reader
    #: could not take apart from its neighbour is unknown, not empty
    ran_together: bool = False
    #: the amounts read so far as label | value pairs (planned, executed): a form may print them on two
    #: rows ('转移支付预算数(A) | 5.8万' over '转移支付执行数(B) | 5.8万'), one form all the same
    budget_field_names: set[str] = field(default_factory=set)
    #: a line stating the unit of the form's money ('单位：元', '（金额单位：万元）') printed outside its tables,
    #: above the form or between its tables before the 项目资金 block
    unit_note: str = ""
    #: the label | amount fields go on under a part's label ('其中：财政资金 | 全年预算数 | 320')
    in_part: bool = False

    def add(self, row: GridRow) -> None:
        if not any(t is row.table for t in self.tables):
            self.tables.append(row.table)
        self.rows.append(row)

    @property
    def is_form(self) -> bool:
        return self.has_budget or self.indicator_header is not None or self.cut_after_header

    @property
    def cut_after_header(self) -> bool:
        """A 自评表 whose page ends after its header block (项目名称, 主管部门/实施单位): it still names
        its project, though neither its 项目资金 nor its indicators are shown."""
        if not self.has_name:
            return False
        keys = [k for row in self.rows for k in row.row_keys() if k]
        return (any(matches("header.department", k) or matches("header.unit", k) for k in keys)
                and any("自评表" in k for k in keys))


def row_kind(row: GridRow, form: FormLocation | None = None) -> str | None:
    """'name', 'budget', 'fields' (amounts as label | value pairs), 'indicators', 'total' or None for an
    ordinary row (in `form`, the form being read)."""
    keys = row.row_keys()
    if any(matches("header.name", k) or _inline_name(k) for k in keys[:3] if k) or bare_name_field(row) is not None:
        return "name"
    if is_budget_header(row):
        return "budget"
    if budget_fields(row) and not _amounts_side_by_side(row):
        return "fields"  # (a fund row labelled like a field, '项目总投资 | 880 | 880 | 836', is no label | value pair)
    if is_indicator_header(row):
        return "indicators"
    opened = form is not None and (form.has_name or form.has_budget) and form.indicator_header in (None, keys)
    if opened and is_unscored_indicator_header(row):
        return "indicators"
    # 总分 may sit right of a block label merged down the left column, or right of a note row's label
    # and its text merged across the columns ('其他需要说明事项 | 无 (merged) | 总分 | 100 | 96'): counted
    # by the row's distinct cells, a merged span once
    written = [squash(cell.text) for _, cell in row.distinct()]
    if any(is_total_label(k) for k in keys[:4] if k) or any(is_total_label(k) for k in written[:3]):
        return "total"
    return None


def _amounts_side_by_side(row: GridRow) -> bool:
    """Two amounts in cells next to each other after a fund's name: a fund row's columns, where a label | value pair
    has one amount (a column word's pair may be followed by its rate or score: '执行数 | 6.84 | 100')."""
    keys = [squash(cell.text) for _, cell in row.distinct()]
    amounts = [plain_decimal(key.removesuffix("万元")) is not None for key in keys]
    return any(a and b and at and not any(matches(r, keys[at - 1]) for r in ("budget.header_budget",
                                                                            "budget.header_executed"))
               for at, (a, b) in enumerate(pairwise(amounts)))


def _inline_name(key: str) -> bool:
    """A name field with its value in one cell ('项目名称：X'); '主管部门：Y' after it is the same form's next field."""
    inline = role("header.inline").matches(key)
    return inline is not None and matches("header.name", inline.group(1))


def find_forms(document: Document) -> list[FormLocation]:
    """Return the 自评表 forms found in the document's tables, in document order.

    When no table holds a form, forms flattened into text lines (one cell per line, or one line
    per row with cells split by spaces) are rebuilt into tables and searched the same way.
    """
    from reportparse.parse.form.stream import stream_lines

    streamed = stream_lines(document)  # a '|' dump whose line breaks are not its row breaks
    if streamed:
        from reportparse.parse.form.text import line_form_tables

        forms = _scan(line_form_tables(streamed))
        if forms:
            return forms
    forms = _scan(document.elements)
    if not any(form.has_name or form.has_budget for form in forms):
        from reportparse.parse.form.cells import cell_form_tables

        # one cell per line. A dump whose indicator block the text reader already made a table of
        # (its header a run of column words) keeps the name and 项目资金 blocks in the lines: the
        # cells read before that table open the form and the table carries it on.
        # (a reading that joins the document's tables, or replaces forms found in them, must find the
        # 项目资金 block: a report's prose around a goal table is no cell dump)
        cell_tables = cell_form_tables(document)
        tables = [element for element in document.tables if any(
            is_indicator_header(GridRow(element, i)) for i in range(len(element.rows)))]
        joined = _scan([*cell_tables, *tables]) if cell_tables and tables else []
        readings = [found for found in (_scan(cell_tables), joined)
                    if (found is not joined and not forms) or any(form.has_budget for form in found)]
        forms = max([forms, *readings], key=_blocks_found)  # the first of the most complete
    if not any(form.has_name and form.has_budget for form in forms):
        from reportparse.parse.form.text import text_form_tables

        # one row per line; it replaces a reading that found no more than a header row (a dump whose
        # indicator header the text reader made a table of, its rows left as lines), or one that
        # missed a block it finds (a one-cell-a-line reading of rows whose cells a space parts)
        lined = _scan(list(text_form_tables(document)))
        if not forms or _blocks_found(lined) > _blocks_found(forms):
            forms = lined
    if not forms:
        from reportparse.parse.form.ocr import ocr_form_tables

        forms = _scan(ocr_form_tables(document))  # one row per line, its cells run together
    if not any(form.has_budget for form in forms) or any(not _cut_rows([form]) for form in forms):
        from reportparse.parse.form.rundump import run_together_lines
        from reportparse.parse.form.text import line_form_tables

        # every cell of the form run together; a form that names no project anywhere (a 部门整体 form)
        # opens at the run's first row. A row-a-line reading that found neither a name nor a 项目资金
        # block (a 部门整体 form opened at its unit's label) gives way to a more complete run reading,
        # and so does one that cut no indicator row into cells (its rows run together under header lines
        # printed with spaces: '项目名称 X', '年度资金总额 60 60 58.5 …' read, '产出指标数量指标…1010' not).
        lines = run_together_lines(document)
        ran = _scan(line_form_tables(lines, whole=not _names_a_project(document)))
        for form in ran:
            form.ran_together = True
        # (as complete, it is kept where it cut more indicator rows into cells: a row-a-line reading of a
        # spaced header over rows run together took each row for one cell)
        if ran and (_blocks_found(ran), _cut_rows(ran)) > (_blocks_found(forms), _cut_rows(forms)):
            forms = ran
        else:
            forms = _filled_in(forms, ran)
    if not forms:
        from reportparse.parse.form.runs import run_form_tables

        forms = _scan(run_form_tables(document))  # labels in one run, figures after them
    if not any(form.has_name or form.has_budget for form in forms):
        from reportparse.parse.form.scoregrid import score_grid_tables

        # a department's indicator system (一级指标 | 分值 | … | 得分) run together in the text: it replaces a
        # reading that found fewer of its rows (a header with nothing under it, or another table's rows)
        grid = _scan(score_grid_tables(document))
        if grid and sum(len(form.rows) for form in grid) > sum(len(form.rows) for form in forms):
            forms = grid
    return forms


def scan_tables(tables: Sequence[Paragraph | Table]) -> list[FormLocation]:
    """The forms in these tables (rebuilt from text by a reader of its own)."""
    return _scan(tables)


def _names_a_project(document: Document) -> bool:
    """Does the document print a project form's name field (项目名称, 专项资金名称) anywhere?"""
    return any(name_field().search(to_simplified(e.text)) for e in document.paragraphs)


def _blocks_found(forms: list[FormLocation]) -> int:
    """How many of the name, 项目资金 and indicator blocks these forms hold, summed."""
    return sum(form.has_name + form.has_budget + (form.indicator_header is not None) for form in forms)


def _filled_in(forms: list[FormLocation], ran: list[FormLocation]) -> list[FormLocation]:
    """The forms, each named form whose indicator rows were not read replaced by the run reading's form under the
    same 项目名称 row where that one read them: a document may print one form with its cells parted and the next
    one's rows run together."""
    by_name = {_name_key(form): form for form in ran if _cut_rows([form])}
    out = []
    for form in forms:
        other = by_name.get(_name_key(form)) if form.has_name and not _cut_rows([form]) else None
        out.append(other if other is not None and _blocks_found([other]) >= _blocks_found([form]) else form)
    return out


def _name_key(form: FormLocation) -> str:
    """The text of the form's 项目名称 row, its cells run together without their colons ('' when it has none)."""
    row = next((row for row in form.rows if row_kind(row) == "name"), None)
    return "".join(squash(cell.text) for _, cell in row.distinct()).replace(":", "").replace("：", "") \
        if row is not None else ""


def _cut_rows(forms: list[FormLocation]) -> int:
    """How many rows under the forms' indicator headers hold three cells or more (a row read into its
    columns, not a row left whole in one cell)."""
    count = 0
    for form in forms:
        header = next((at for at, row in enumerate(form.rows) if row.row_keys() == form.indicator_header), None)
        if header is not None:
            count += sum(len([cell for _, cell in row.distinct() if cell.text.strip()]) >= _CUT_ROW_CELLS
                         for row in form.rows[header + 1:])
    return count


#: Fewest cells of an indicator row read into its columns (a name, a target or score, another figure).
_CUT_ROW_CELLS = 3


def _scan(elements: Sequence[Paragraph | Table]) -> list[FormLocation]:
    """Cut the rows of these tables into forms (see the module docstring)."""
    forms: list[FormLocation] = []
    current: FormLocation | None = None
    last_table: Table | None = None
    paragraphs: list[Paragraph] = []  # short paragraphs since the last table: a form's title, year
    for element in elements:
        if not isinstance(element, Table):
            if current is not None and not current.has_budget and not current.closed and UNIT_NOTE.fullmatch(
                    element.text.strip()):
                current.unit_note = element.text.strip()  # (a text dump prints the table's unit line as a line)
            levels = _level_label_line(element) if current is not None and current.indicator_header else None
            if levels is not None and current is not None and not current.closed:
                for index in range(len(levels.rows)):
                    current.add(GridRow(levels, index))  # the merged level cells of the rows below them
                continue
            if len(element.text) <= _MAX_PREFACE:
                paragraphs = [*paragraphs[-3:], element]
            elif element.lines and all(len(line.text) <= _MAX_PREFACE for line in element.lines):
                # short lines a text reader joined into one paragraph (a form's two titles and its tick line):
                # each a line of the form's preface still
                paragraphs = [*paragraphs, *(Paragraph(text=line.text, page=line.page, lines=[line])
                                             for line in element.lines)][-4:]
            continue
        element = join_split_header(element)
        if current is not None and not _continues(current, last_table, element):
            forms.append(current)
            current = None
        pending: list[GridRow] = []  # title rows (自评表, 年度) before a form's first row
        for index in range(len(element.rows)):
            row = GridRow(element, index)
            if row.is_empty():
                continue
            kind = row_kind(row, current)
            if kind is not None and _starts_new(current, kind, row):
                if current is not None:
                    forms.append(current)
                current = FormLocation(preface=paragraphs)
                for title in pending:
                    current.add(title)
                pending = []  # (each title row opens the one form below it)
            if current is None or (current.closed and kind is None and is_title_row(row)):
                # (a title row after a form's 总分 is the next form's, a sheet printing its forms one below another)
                pending.append(row)
                continue
            _note_kind(current, kind, row)
            current.add(row)
        last_table = element
        paragraphs = []
    if current is not None:
        forms.append(current)
    return [form for form in forms if form.is_form and not _project_list(form)]


#: a list's name column: '项目', '项目名称'
_NAME_COLUMN = lazy_compile(r"^(?:项目|项目名称)$")
#: a list's money column beside it: '预算数', '预算金额(万元)', '全年执行数'
_MONEY_COLUMN = lazy_compile(r"预算|执行|支出")


def _project_list(form: FormLocation) -> bool:
    """Is the 'form' a table that lists a unit's projects, one a row with its money ('项目名称 | 预算数 | 执行数 |
    执行率' over two or more named projects)? Its money columns read like a 项目资金 block, but each row is a
    project of its own, for the narrative reader's fund tables; a form names one project in its 项目名称 field."""
    from reportparse.parse.names import is_fund_source, valid_candidate

    if form.has_name or form.indicator_header is not None:
        return False
    for at, row in enumerate(form.rows):
        texts = [squash(cell.text) for cell in row.cells]
        col = next((c for c, text in enumerate(texts) if _NAME_COLUMN.match(text)), None)
        if col is None or not any(_MONEY_COLUMN.search(text) for text in texts):
            continue
        names = {name for later in form.rows[at + 1:] if (name := squash(later.text(col + row.shift)))
                 and valid_candidate(name) and not is_fund_source(name) and not is_total_label(name)}
        return len(names) >= 2
    return False


#: Longest paragraph (or line of one) read as a form's title or year above its tables.
_MAX_PREFACE = 60
#: a line that states only the unit of the money in the table under it: '单位：元', '（金额单位：万元）'
UNIT_NOTE = lazy_compile(r"[(（]?\s*(?:金额|资金)?单位\s*[:：]\s*(?:人民币)?(?:万元|千元|亿元|元)\s*[)）]?")


def _starts_new(current: FormLocation | None, kind: str, row: GridRow) -> bool:
    """Does a row of this kind open a new form, given the form being read?"""
    if current is None:
        return kind in ("name", "budget", "fields", "indicators")
    if kind == "name":
        return current.has_name or current.is_form
    if kind == "fields" and current.budget_field_names and current.indicator_header is None:
        # (a field printed again; under a part's label, '其中：财政资金 | 全年预算数 | 320', it is the part's)
        # (and so are the fields after it: '| 全年执行数 | 304' under it)
        return bool(current.budget_field_names & set(budget_fields(row))) and not _part_label(row) \
            and not current.in_part
    if kind in ("budget", "fields"):
        return current.has_budget
    if kind == "indicators" and current.indicator_header is not None:
        # a header repeated on a new page goes on, and so does the header of a form's second goal block
        # ('年度绩效目标2 (40分) | 一级指标 | …'): the same columns, another block label before them
        return _column_labels(row.row_keys()) != _column_labels(current.indicator_header)
    return False


def _part_label(row: GridRow) -> bool:
    """Does the row name a part of the block's money ('其中：财政资金', '其中:中央资金')?"""
    return any(squash(cell.text).startswith("其中") for _, cell in row.distinct())


def _note_kind(form: FormLocation, kind: str | None, row: GridRow) -> None:
    if kind == "name":
        form.has_name = True
    elif kind in ("budget", "fields"):
        form.has_budget = True
        if kind == "fields":
            form.budget_field_names.update(budget_fields(row))
            form.in_part = form.in_part or _part_label(row)
    elif kind == "indicators" and form.indicator_header is None:
        form.indicator_header = row.row_keys()
    elif kind == "total" and form.indicator_header is not None:
        form.closed = True


def _continues(form: FormLocation, last: Table | None, table: Table) -> bool:
    """Does `table` carry on the form that `last` ended with (a page break, or one table per block)?

    It must follow on the same or the next page, before the form printed its 总分, and either open
    a block the form still lacks (项目资金, 年度总体目标, indicators), repeat the form's indicator
    header, or have the same width as the table before (rows continued after a page break).
    """
    if last is None or form.closed or not (form.is_form or form.has_name):
        return False
    if table.sheet is not None and table.sheet != last.sheet:
        return False
    if table.page not in (last.page, last.page + 1, *(p + 1 for p in last.pages)):
        return False
    first = next((GridRow(table, i) for i in range(len(table.rows)) if not GridRow(table, i).is_empty()), None)
    if first is None:
        return False
    kind = row_kind(first, form)
    if kind == "name":
        return False
    if kind in ("budget", "fields"):
        return not form.has_budget
    if kind == "indicators":
        return form.indicator_header is None or first.row_keys() == form.indicator_header
    if goal_columns(first) is not None:
        return True
    if form.indicator_header is not None and looks_like_indicator_row(first):
        return True  # text input breaks a table at every line that lost its cells (指标2：, ……)
    if form.indicator_header is not None and _ends_with_header(last, form.indicator_header):
        return True  # the rows under a header that ended its table (a dump parted them by a lone '|')
    if form.has_name and not form.has_budget and form.indicator_header is None and _fund_row_label(first):
        return True  # the 资金情况 block's rows, left empty, after its label a dump set on a line of its own
    width_last = max((len(r) for r in last.rows), default=0)
    width = max((len(r) for r in table.rows), default=0)
    return form.is_form and abs(width - width_last) <= 1


def _fund_row_label(row: GridRow) -> bool:
    """The row opens with a fund row's label ('年度金额', '年度资金总额', '其中：中央资金')."""
    key = next((squash(cell.text) for _, cell in row.distinct()), "")
    return any(matches(role, key) for role in ("budget.field_planned", "budget.total_row"))


def _ends_with_header(table: Table, header: list[str]) -> bool:
    """Is the indicator header the last row of `table`, with no row under it?"""
    last = next((GridRow(table, i) for i in reversed(range(len(table.rows))) if not GridRow(table, i).is_empty()), None)
    return last is not None and last.row_keys() == header


def _column_labels(keys: list[str]) -> list[str]:
    """The cells of an indicator header that are column labels, in order (block labels left out)."""
    return [k for k in keys if k and is_column_label(k)]


#: What parts the cells of a '|' line.
_PIPE = lazy_compile(r"[|｜]")


def _level_label_line(paragraph: Paragraph) -> Table | None:
    """A '|' line inside an indicator table holding only level labels ('产 出 指 标 (50分) |',
    '效 益 指 标 (30分) |经济效益 指标 |'): the merged 一级/二级 cells a web page's text put on lines of
    their own, which the text reader left out of its tables as too few cells for a row. A one-row table
    of them, one label a row (the header may have no column for a 一级 label), so the rows below are
    filed under these levels and the 一级 分值 is read."""
    if not _PIPE.search(paragraph.text) or len(paragraph.text) > 60:
        return None
    parts = [part.strip() for part in _PIPE.split(paragraph.text) if part.strip()]
    if not parts or not all(label_kind(part) for part in parts):
        return None
    line = paragraph.lines[0].line if paragraph.lines else None
    rows = [[Cell(text=part, row=row, col=0, page=paragraph.page, line=line)] for row, part in enumerate(parts)]
    return Table(index=-1, rows=rows, page=paragraph.page, pages=[paragraph.page])
