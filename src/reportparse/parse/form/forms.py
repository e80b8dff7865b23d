"""Standard 自评表 forms (项目支出绩效自评表): parsing the forms that `locate.find_forms` found.

`find_forms` (in `locate`) walks every table row in reading order and cuts forms at their start rows (项目名称,
or a 项目资金/indicator header when no 项目名称 came first). A form goes on into the next table when
that table follows on the same or the next page with a similar column count and the form has not
printed its 总分 yet (a DOCX/PDF form broken across pages); a table may also hold several forms
(an XLSX sheet with forms one below another). Only runs that carry a 项目资金 block or a scored
indicator table count as forms. When no table holds a form, a form flattened into text lines is
rebuilt into tables first (`form_text`). `parse_forms` turns each form into a Project and merges it into
the narrative part's Report (same project → one Project, both sets of actuals kept).
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Project, Report, ScoreLine
from reportparse.notewords import labelled_note, note_start
from reportparse.parse.form import regroup, values
from reportparse.parse.form.barename import holds_a_name
from reportparse.parse.form.blocks import (
    BudgetBlock,
    budget_columns,
    goal_columns,
    header_fields,
    header_fields_below,
    is_header_label,
    unit_name,
)
from reportparse.parse.form.columns import (
    indicator_columns,
    is_indicator_header,
    is_sub_header,
    with_filled_score,
)
from reportparse.parse.form.fieldpairs import budget_fields
from reportparse.parse.form.goalgroups import file_under_goals, open_goal
from reportparse.parse.form.grid import GridRow, evidence, from_text, squash, tidy_name
from reportparse.parse.form.indicatorrows import looks_like_indicator_row
from reportparse.parse.form.indicators import IndicatorTable
from reportparse.parse.form.inlinefields import fill_inline_budget
from reportparse.parse.form.labels import matches, name_within
from reportparse.parse.form.levellabels import label_kind
from reportparse.parse.form.locate import UNIT_NOTE, FormLocation, row_kind
from reportparse.parse.form.merge import merge_project
from reportparse.parse.form.pointcolumns import read_points_in_value_columns
from reportparse.parse.form.sideways import upright_blocks
from reportparse.parse.form.titles import (
    is_placeholder,
    name_from_title,
    read_title,
    read_title_text,
    without_form_title,
)
from reportparse.parse.form.totalrow import read_grade, read_total

#: A budget system's project code in front of the name: '51000021R000000019951-工资性支出', or set apart by a space
#: or brackets only ('5301232300000012345 X项目', '[5301232300000012345]X项目')
_PROJECT_CODE = lazy_compile(r"^(?:[0-9A-Z]{10,}\s*[-－—_]\s*"
                             r"|[\[【〔(（]?[0-9A-Z]{10,}[\]】〕)）]?\s*(?=[\u4e00-\u9fff]))")
#: … or in brackets after it: 'X工程（项目编码：2022-0315）', 'X项目(编号:A0012)'
_CODE_NOTE = lazy_compile(r"\s*[(（]\s*(?:项目)?(?:编码|代码|编号)\s*[:：]?\s*[0-9A-Za-z\-－—_]+\s*[)）]\s*$")
#: … or its opening bracket left behind where the code's label opened a field of its own: 'X工程（' of
#: 'X工程（项目编码：2022-0315）' split at the 项目编码 label
_OPEN_BRACKET_LEFT = lazy_compile(r"\s*[(（]\s*$")


def parse_forms(forms: list[FormLocation], base: Report) -> Report:
    """Parse the forms and merge them into `base` (the narrative part, possibly empty)."""
    report = base.model_copy(deep=True)
    had_narrative = bool(report.projects)
    parsed = [parse_form(form) for form in forms]
    if any(not is_blank_template(project) for project, _, _ in parsed):
        # a blank copy of the template beside filled forms (often on a hidden sheet) is no project
        kept = [(form, result) for form, result in zip(forms, parsed, strict=True) if not is_blank_template(result[0])]
    else:
        kept = list(zip(forms, parsed, strict=True))
    previous: Project | None = None
    named = any(project.name for _, (project, _, _) in kept)
    for form, (project, budget, meta) in kept:
        if previous is None and named and _headless_tail(project):
            continue  # the end of a form whose head the document does not show (a page cut above it)
        if report.unit is None and meta.get("unit"):
            report.unit = meta["unit"]
        if report.title is None and meta.get("title"):
            report.title = meta["title"]
        if report.year is None and meta.get("year"):
            report.year = int(meta["year"])
        report.narrative_text.extend(form_prose_evidence(form))
        if previous is not None and _completes(previous, project):
            project.name = previous.name  # the indicator table of the form above, printed as a table of its own
        owner = merge_project(report, project)
        previous = owner
        if budget is not None:
            report.fund_totals.extend(budget.fund_totals(owner.name))
    if forms:
        report.layout = "mixed" if had_narrative else "form"
    return report


def _headless_tail(project: Project) -> bool:
    """A form part with neither a name nor an amount: on its own it names no project."""
    amounts = (project.budget.initial, project.budget.planned, project.budget.executed)
    return not project.name and all(q is None for q in amounts)


def _completes(previous: Project, project: Project) -> bool:
    """An unnamed form part holding only indicators after a form that has none: the two are one
    form whose blocks the document prints as separate tables (a scoring table may sit between)."""
    amounts = (project.budget.initial, project.budget.planned, project.budget.executed)
    return (not project.name and bool(project.indicators) and all(q is None for q in amounts)
            and bool(previous.name) and not previous.indicators)


def is_blank_template(project: Project) -> bool:
    """A form nobody filled in: no amount, no actual, and no indicator or section score above zero.

    Printed 分值 do not count: a template carries them before anyone fills it; targets under a
    project's name do (a 绩效目标表 states targets, not results)."""
    budget = project.budget
    amounts = (budget.initial, budget.planned, budget.executed)
    if any(q is not None and q.value for q in amounts):
        return False
    if any(a.kind != "empty" and (a.raw or "").strip() for i in project.indicators for a in i.actuals):
        return False
    if any(i.target is not None and i.target.raw.strip() for i in project.indicators) and project.name:
        return False  # a named 绩效目标表 with its targets filled in
    return not any(line.score for line in project.scores) and not any(i.score for i in project.indicators)


def _unit_note(form: FormLocation) -> str:
    """The line outside the form's tables that states its money's unit ('单位：元'), between its tables or right
    above it; '' when none does. (After the block's own label and header, which state it first where they do.)"""
    above = [p.text.strip() for p in form.preface if UNIT_NOTE.fullmatch(p.text.strip())]
    return form.unit_note or (above[-1] if above else "")


def parse_form(form: FormLocation) -> tuple[Project, BudgetBlock | None, dict[str, str]]:
    """One form → a Project, its 项目资金 block, and report-level facts (实施单位, title, year)."""
    meta: dict[str, str] = {}
    project = Project(name="")
    budget: BudgetBlock | None = None
    table: IndicatorTable | None = None
    goal: tuple[int | None, int | None] | None = None
    section = ""
    rows = upright_blocks(form.rows)  # (a 项目资金 block turned on its side read like an upright one)
    # (each line of a paragraph the text reader joined: a title, a name field and the name's wrapped end are
    # three texts, not one run '…自评表项目名称 X…')
    preface = [text for paragraph in form.preface
               for text in ([line.text for line in paragraph.lines] or [paragraph.text])]
    for at, text in enumerate(preface):
        read_title_text(text, meta)
        enclosed = _ENCLOSED_LINE.fullmatch(text.strip())  # '（项目名称：X）' under the title
        if not project.name and (within := name_within().search(enclosed.group(1) if enclosed else text)):
            project.name = within.group(1)  # '一、基本情况 项目名称: X 是否为专项资金: …' above the tables
            if at == len(preface) - 2 and within.end() == len(text.rstrip()) and _NAME_TAIL.fullmatch(
                    tail := preface[at + 1].strip()) and not tail.endswith("表"):
                project.name += tail  # the name's end wrapped onto the line right above the form's first row
    for position, row in enumerate(rows):
        if section in ("", "header"):
            read_title(row, meta)  # only above the blocks: an indicator may name a year too
        kind = row_kind(row, form)
        fields = header_fields(row) if section in ("", "header") else {}
        value_row = position  # (the row that holds the fields' values)
        if section in ("", "header") and position + 1 < len(rows) and (
                below := header_fields_below(row, rows[position + 1]) or _name_on_next_row(row, rows[position + 1])):
            fields = below  # a row of labels over a row of their values; a name label alone over its name
            value_row = position + 1  # (whose own line is no wrapped tail of the name it holds)
        if fields:
            named = bool(project.name)
            _apply_header(project, fields, meta)
            if not named and project.name and "name" in fields and (wrapped := _wrapped_name_tail(rows, value_row)):
                project.name += wrapped
            section = "header"
            continue
        if kind == "fields":
            for field_name, amount in budget_fields(row).items():
                if getattr(project.budget, field_name) is None:
                    setattr(project.budget, field_name, amount)
            continue
        if kind == "budget":
            # the block's label (and its unit) sits beside its rows: merged from the header row, in the
            # row above it, or centred on the fund rows below it where a borderless print placed it
            label = "\n".join(r.text(0) for r in rows[max(position - 1, 0):position + 2] if r is not row)
            label = row.text(0) + "\n" + label + "\n" + _unit_note(form)
            budget, section = BudgetBlock(budget_columns(row, label)), "budget"
            continue
        if kind == "indicators":
            if table is None:
                nxt = rows[position + 1] if position + 1 < len(rows) else None
                sub = nxt if nxt is not None and is_sub_header(nxt, row) else None
                cols = with_filled_score(indicator_columns(row, sub), rows[position + 1:])
                table = IndicatorTable(cols,
                                       money_unit=budget.cols.unit if budget is not None else None,
                                       ran_together=form.ran_together)
            open_goal(table, row)
            section = "indicators"
            continue
        if section == "indicators" and table is not None and (
                is_sub_header(row, rows[position - 1] if position else None) or _repeats_header(row, table)
                or _grade_bands(row)):
            continue
        if section == "indicators" and (_spans_the_table(row) or _footnote(row)) and not looks_like_indicator_row(row):
            section = "footer"  # a note or the next part's title merged across the table ends it
            continue
        if kind == "total" and table is not None:
            read_total(project, row, table)
            section = "footer"
            continue
        if read_grade(project, row):
            continue
        columns = goal_columns(row)
        if columns is not None and section != "indicators":
            goal, section = columns, "goal"
            continue
        if section == "budget" and budget is not None:
            if budget.read_row(row):
                continue
            if _wrapped_figures(row):
                continue  # the 分值 | 得分 of the fund row above, wrapped onto a line of their own
            if budget.total is not None or budget.subs:
                section = "after-budget"  # a row with no amount and no fund's name ended the block: the
                # rows after it (a scoring table's '决策依据 | 2 | 2') are no fund rows
        if section == "goal" and goal is not None:
            _read_goal(project, row, goal)
        elif section == "indicators" and table is not None:
            table.read_row(row)
    if budget is not None and _item_list(form, budget):
        budget = None
    _finish(project, budget, table)
    fill_inline_budget(project, rows)  # ('项目资金总额：1560.5万元' in one cell, where no block gave the amounts)
    if not project.name and (meta.get("title") or meta.get("title_name")):
        project.name = name_from_title(meta.get("title", "")) or meta.get("title_name", "")
    return project, budget, meta


def _apply_header(project: Project, fields: dict[str, tuple[str, Evidence | None]], meta: dict[str, str]) -> None:
    if "name" in fields and not project.name and not is_placeholder(fields["name"][0]):
        printed = _OPEN_BRACKET_LEFT.sub("", _without_glued_column(without_form_title(tidy_name(fields["name"][0]))))
        project.name = _owner_cut(_CODE_NOTE.sub("", _PROJECT_CODE.sub("", printed))) or printed
        if project.name != printed:
            project.aliases.append(printed)
        ev = fields["name"][1]
        if ev is not None:
            project.evidence.append(ev)
    if "unit" in fields:
        meta.setdefault("unit", unit_name(fields["unit"][0]))
    if "department" in fields:
        meta.setdefault("department", unit_name(fields["department"][0]))


def _owner_cut(name: str) -> str:
    """The name without the body that owns it, printed before a dash ('X县农业农村局-Y补助项目': Y补助项目) or in
    brackets after it ('Y补助项目（X县交通运输局）')."""
    from reportparse.parse.subject import BODY

    name = re.sub(rf"^[^\d\s\-－—]{{2,30}}?{BODY}\s*[-－—]+\s*(?=[\u4e00-\u9fff]{{4}})", "", name)
    return re.sub(rf"(?<=[\u4e00-\u9fff]{{4}})\s*[(（][^()（）\d]{{2,30}}?{BODY}[)）]$", "", name)


def _name_on_next_row(row: GridRow, below: GridRow) -> dict[str, tuple[str, Evidence | None]]:
    """A 项目名称 label alone on its row, its name the one cell of the row under it (a dump that broke the
    label | value row between the two cells): {'name': …}, else {}."""
    labels = [(col, text) for col, cell in row.distinct() if (text := cell.text.strip())]
    values = [(col, text) for col, cell in below.distinct() if (text := cell.text.strip())]
    if len(labels) != 1 or len(values) != 1:
        return {}
    col, name = values[0]
    # (or the field's kind alone as its label, '项目' over 'X经费', where what is below is a name)
    if not matches("header.name", squash(labels[0][1])) and not (
            matches("header.bare_name", squash(labels[0][1])) and holds_a_name(name)):
        return {}
    key = squash(name)
    if (not _NAME_CELL.match(key) or is_header_label(key) or row_kind(below) is not None or label_kind(key)
            or key.endswith("表") or len(key) > _NAME_CELL_MAX):
        return {}
    return {"name": (name, evidence(below, col))}


#: A name's cell: it opens with a Han character or a year ('2023年度…'), never a figure alone or a bracket.
_NAME_CELL = lazy_compile(r"^(?:(?:19|20)\d{2}年|[\u4e00-\u9fff])")
#: Longest cell read as a name under its label (a longer one is a goal's sentence).
_NAME_CELL_MAX = 60


def _wrapped_name_tail(rows: list[GridRow], position: int) -> str | None:
    """The end of a long 项目名称 a text dump wrapped onto a line of its own ('项目名称 2022年X村高标准农田' /
    '建设项目' / '主管部门 …'): a row of one short cell of Han characters only (no label, no figure, no title),
    right under the name's row and right above the header's next field."""
    if position + 2 >= len(rows) or not from_text(rows[position].table):
        return None
    texts = [text for cell in rows[position + 1].cells if (text := cell.text.strip())]
    if len(texts) != 1 or not _NAME_TAIL.fullmatch(texts[0]) or texts[0].endswith("表"):
        return None
    key = squash(texts[0])
    if is_header_label(key) or row_kind(rows[position + 1]) is not None:
        return None
    return texts[0] if header_fields(rows[position + 2]) else None


#: A line in brackets that holds a field ('（项目名称：X）').
_ENCLOSED_LINE = lazy_compile(r"[(（]([^()（）]+[:：][^()（）]+)[)）]")
#: What a wrapped name's last line may hold: a few Han characters, maybe a closing bracket ('（续建）').
_NAME_TAIL = lazy_compile(r"[\u4e00-\u9fff]{1,10}(?:[(（][\u4e00-\u9fff]{1,6}[)）])?")


def _without_glued_column(name: str) -> str:
    """The name without a goal table's column title a dump glued after it ('X配套项目项目指标类型')."""
    from reportparse.parse.form.labels import role

    for pattern in role("form.name_glued_tail").patterns:
        glued = pattern.search(name)
        if glued and glued.start() >= 4:
            return name[:glued.start()]
    return name


def _read_goal(project: Project, row: GridRow, cols: tuple[int | None, int | None]) -> None:
    """年度总体目标 texts: kept as project evidence, so checks that read prose can see them."""
    for col in cols:
        ev = evidence(row, col)
        if ev is not None:
            project.evidence.append(ev)


def form_prose_evidence(form: FormLocation) -> list[Evidence]:
    """A form's free text for Report.narrative_text: the 年度总体目标 cells (预期目标 / 实际完成情况)
    and what follows the 总分 row (评价结论, 存在问题, 改进措施, notes), where checks that read
    prose look for explanations."""
    out: list[Evidence] = []
    goal: tuple[int | None, int | None] | None = None
    in_table = after_total = False
    for row in form.rows:
        if is_indicator_header(row):
            in_table, goal = True, None
            continue
        if in_table and row_kind(row) == "total":
            after_total = True
            continue
        columns = goal_columns(row)
        if columns is not None and not in_table:
            goal = columns
            continue
        if goal is not None:
            out.extend(ev for ev in (evidence(row, goal[0]), evidence(row, goal[1])) if ev is not None)
        elif after_total:
            out.extend(ev for col, cell in row.distinct() if len(cell.text.strip()) >= 8
                       for ev in [evidence(row, col)] if ev is not None)
    return out


def _repeats_header(row: GridRow, table: IndicatorTable) -> bool:
    """A second header row (绩效标准 | 优 | 良 …) repeats the merged header cells above it."""
    col = table.cols.name
    keys = table.cols.header_keys
    return col is not None and col < len(keys) and bool(keys[col]) and row.key(col) == keys[col]


#: The grade bands a 绩效标准 / 评价标准 column is split into on a second header row (优 | 良 | 中 | 差).
_BAND_WORDS = frozenset({"优", "良", "中", "差", "优秀", "良好", "中等", "一般", "合格", "较差", "不合格"})


def _wrapped_figures(row: GridRow) -> bool:
    """A row of one or two bare figures and nothing else inside the 项目资金 block ('10 | 10' under
    '基本支出 | 985.19 | 914.97'): the end of the row above that a web page's text broke onto a line of
    its own. It neither opens a fund row nor ends the block (the 项目支出 row after it is still one)."""
    keys = [k for k in row.row_keys() if k]
    return 0 < len(keys) <= 2 and all(values.plain_decimal(k) is not None for k in keys)


def _grade_bands(row: GridRow) -> bool:
    """A second header row that names only grade bands: a dump that lost its merged cells prints it
    without the 绩效标准 cell above it, so it does not repeat the header's words."""
    keys = [k for k in row.row_keys() if k]
    return len(set(keys)) >= 3 and all(k in _BAND_WORDS for k in keys)


def _footnote(row: GridRow) -> bool:
    """A row holding only a template's footnote ('注：以预算批复的绩效目标为准填列。', '填表说明：…'), its
    merge across the table lost in a text dump."""
    keys = [k for k in row.row_keys() if k]
    if len(keys) >= 2 and labelled_note(keys[0], keys[1]):
        keys = keys[1:]  # the template's 说明 label, a cell of its own before its notes
    # (numbered notes a dump cut into cells of their own: '注:1.…' | '2.…' | '3.…')
    return bool(keys) and bool(note_start().match(keys[0])) and all(
        key == keys[0] or _NOTE_ITEM.match(key) for key in keys[1:])


#: a numbered note after the first ('2.其他资金包括…'), not a figure ('2.5')
_NOTE_ITEM = lazy_compile(r"^[0-9]{1,2}[.．、](?![0-9])")


def _spans_the_table(row: GridRow) -> bool:
    """One text merged across three or more columns and nothing else in the row."""
    distinct = row.distinct()
    if len(distinct) != 1:
        return False
    key = squash(distinct[0][1].text)
    return sum(k == key for k in row.row_keys()) >= 3


def _item_list(form: FormLocation, budget: BudgetBlock) -> bool:
    """A table of items with 预算 | 执行 columns in a report's prose ('支出内容 | 预算 | 执行' over '路面修补 | 70 |
    66'), outside any form (no name, no indicators): its first row is an item, no fund's total, when neither it nor
    a later row is named as a fund or a total."""
    if form.has_name or form.indicator_header is not None or budget.total is None:
        return False
    labels = [budget.total.label, *(sub.label for sub in budget.subs)]
    return not any(matches("budget.total_row", key) or matches("budget.fund_row", key)
                   for key in (squash(label) for label in labels))


def _finish(project: Project, budget: BudgetBlock | None, table: IndicatorTable | None) -> None:
    """Budget, indicators and ScoreLines into the Project, in the order checks expect."""
    lines: list[ScoreLine] = []
    if budget is not None:
        project.budget = budget.budget()
        line = budget.score_line()
        if line is not None:
            lines.append(line)
    if table is not None:
        regroup.settle_levels(table)
        file_under_goals(table)
        read_points_in_value_columns(table, project.budget.weight)
        table.weights_from_labels()
        project.indicators = table.indicators
        lines.extend(table.score_lines())
    project.scores = lines + project.scores
    project.evaluated = any(s.score is not None for s in project.scores) or any(
        i.score is not None for i in project.indicators
    )
