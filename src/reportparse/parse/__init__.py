"""The parse stage: Document → Report (projects, budgets, indicators, claimed scores, actuals).

Two layouts parse into the same Report: the narrative report (prose + goal tables) and the
standard 自评表 form. A document may hold both (a report with a form appended): both are parsed
and merged, project by project.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportparse import limits
from reportparse.errors import NotAReport
from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, FundTotal, Paragraph, Project, Report

if TYPE_CHECKING:
    from reportparse.parse.form.locate import FormLocation


def document_chars(document: Document) -> int:
    """The characters of text a Document holds, paragraphs and table cells."""
    return sum(
        len(element.text) if isinstance(element, Paragraph)
        else sum(len(cell.text) for row in element.rows for cell in row)
        for element in document.elements
    )


def parse_report(document: Document) -> Report:
    """Parse a Document into a Report. Raises NotAReport when it is no self-evaluation at all."""
    return parse_folded(document)[0]


def parse_folded(document: Document) -> tuple[Report, Document]:
    """`parse_report`, with the document folded as every reader read it (`folded_document`: figures in ASCII
    digits, a traditional reposting in simplified characters), so that the checks read the same prose without
    folding it again."""
    from reportparse.parse.department import name_department_form
    from reportparse.parse.form import find_forms, parse_forms
    from reportparse.parse.narrative import parse_narrative
    from reportparse.parse.pagenoise import without_page_noise
    from reportparse.parse.prosesheets import prose_sheets
    from reportparse.parse.reading import folded_document
    from reportparse.parse.spending import apply_spending

    limits.refuse_long_text(document_chars(document), document.source.path)
    document = folded = folded_document(document)  # full-width figures, a traditional reposting: read as usual
    document = without_page_noise(document)  # (a copying site's own lines and inserted names or readings left out)
    document = prose_sheets(document)  # a report written down a sheet's first column, a paragraph a row
    forms = find_forms(document)
    prose = without_form_lines(document, forms)
    narrative = parse_narrative(prose, exclude_tables={t.index for f in forms for t in f.tables})
    report = parse_forms(forms, base=narrative) if forms else narrative
    if forms:
        report = one_subject_with_its_form(report, narrative)
        report = name_department_form(report, document)
    elif report.projects and all(p.name == UNNAMED_PROJECT for p in report.projects):
        # (a department's goal table read as prose names no project: its 部门(单位)名称 field names the subject)
        report = name_department_form(report, document)
    # (only a form's title, read as a name, makes a name-only phantom; prose names its projects)
    report = drop_empty_projects(report, keep=set() if forms else {p.name for p in narrative.projects})
    report = apply_spending(report, document)
    if len(report.projects) == 1:
        from reportparse.parse.allotment import allotted_budget

        # (a target form whose 资金情况 is blank, beside its fund's allocation table: the allotment is its budget;
        # so too where a dump broke the form's table apart and the fund is named by the form's title)
        if (allotted := allotted_budget(document, report.projects[0])) is not None:
            report.projects[0].budget.planned = allotted
    if forms and len(report.projects) == 1:
        known = {(t.label, t.total.value) for t in report.fund_totals}  # (the prose's reading saw some already)
        report.fund_totals += [t for t in cover_fields(report.projects[0], document)
                               if (t.label, t.total.value) not in known]
    if not any(_says_more_than_weights(p) for p in report.projects) and not (
            forms and any(p.name != UNNAMED_PROJECT for p in report.projects)):
        # (goal rows cut off above their form read as nothing in prose: the narrative reader's bare subject
        # gives way to them; a form that names its project keeps it, the rows above it being another's)
        report = headless_report(document) or report
    if not report.projects or (not any(has_content(p) for p in report.projects) and (
            _is_rules(document) or _is_blank_template(document))):
        # (a regulation, or a blank template whose title names the template, '省级财政支出项目绩效报告表': no project)
        raise NotAReport(
            f"{document.source.path}: no project, budget or goal indicator found: "
            "this does not look like a performance self-evaluation report",
            document.source.path,
        )
    return report, folded


def cover_fields(project: Project, document: Document) -> list[FundTotal]:
    """The one project's budget figures from its cover table's label | value fields a form rebuilt from the
    text took as rows ('计划投资额' / '(万元)18821.06'; '计划投资额(万元)110.00实际使用情况(万元)84.74'): the
    prose reader never sees those lines. Never over a figure read before. Also the fund totals a form's indicator
    table stacks one fund after another ('X资金合计(万元) 年度预算资金总额: | 230' over its sources, `fundstack`):
    the form's reader sees no more than label | amount pairs in them; and the sources a fund block run into one line
    lists after its total (`coverfields.column_pair_sources`)."""
    from reportparse.parse import coverfields, fundtables
    from reportparse.parse.fundstack import stacked_totals
    from reportparse.parse.layout import walk
    from reportparse.parse.ratedrow import apply_rated_total_row
    from reportparse.parse.reading import reading_document

    layout = walk(reading_document(document), set())
    fundtables.apply_label_lines(layout, project)
    coverfields.apply_run_pairs(layout, project)
    coverfields.apply_column_pair_run(layout, project)
    coverfields.apply_scored_column_run(layout, project)
    apply_rated_total_row(layout, project)
    return stacked_totals(layout, project) + coverfields.column_pair_sources(layout, project)


def _text_lines(document: Document) -> list[str]:
    return ([line.text for element in document.paragraphs for line in (element.lines or [])] or
            [element.text for element in document.paragraphs])


def _is_rules(document: Document) -> bool:
    """Is the document a regulation (第一条 …, 第二章 …: `genre.reads_as_rules`)?"""
    from reportparse.parse.genre import reads_as_rules

    return reads_as_rules(_text_lines(document))


def _is_blank_template(document: Document) -> bool:
    """Is the document a blank template or outline of the genre (`genre.reads_as_blank_template`)? Its table
    cells count as lines: a form's empty 项目名称 field is a cell."""
    from reportparse.parse.genre import reads_as_blank_template

    cells = [cell.text for table in document.tables for row in table.rows for cell in row]
    return reads_as_blank_template(_text_lines(document) + cells)


def headless_report(document: Document) -> Report | None:
    """The report of a text that is only a form's goal rows, cut off above its header (no project name,
    no 项目资金): the rows are the goal indicators of the document's one project, unnamed as the narrative
    reader names a project nothing names. None when the rows give no goal indicators."""
    from reportparse.parse.form import parse_forms
    from reportparse.parse.form.headless import headless_forms, holds_goal_rows
    from reportparse.parse.narrative import parse_narrative
    from reportparse.parse.narrativenames import form_label_names

    forms = headless_forms(document)
    if not forms:
        return None
    # (the document's own tables are the cut-off rows the forms were read from: no narrative's)
    tables = {e.index for e in document.tables}
    narrative = parse_narrative(without_form_lines(document, forms),
                                exclude_tables={t.index for f in forms for t in f.tables} | tables)
    report = parse_forms(forms, base=narrative)
    if not holds_goal_rows(report):
        return None
    if len(report.projects) == 1 and not forms[0].has_name:
        # (the one form's 项目名称 cell may stand where the rows' reader does not look, its value printed before its
        # label by a dump in column order: the document's text names it once, or the project stays unnamed)
        named = set(form_label_names([p.text for p in document.paragraphs])) if len(forms) == 1 else set()
        report.projects[0].name = named.pop() if len(named) == 1 else UNNAMED_PROJECT
    if len(forms) == 1 and len(report.projects) == 1:
        # (the one cut form's fund row may stand in the text the rows' reader left: its budget, as a form's cover's)
        cover_fields(report.projects[0], document)
    report.implied_columns = True
    return report


def without_form_lines(document: Document, forms: list[FormLocation]) -> Document:
    """The document without the text lines that a form rebuilt from text was read from: a form
    flattened into lines is a form, not prose for the narrative parser (its 年度总体目标 cell
    '给120人发放以36.66元每月的补贴' is no statement of the amount spent)."""
    used = {(cell.page, cell.line) for form in forms for table in form.tables if table.index < 0
            for cells in _form_rows(table.rows) for cell in cells if cell.line is not None and cell.text.strip()}
    if not used:
        return document
    kept = [element for element in document.elements if not (
        isinstance(element, Paragraph) and element.lines
        and all((line.page, line.line) in used for line in element.lines))]
    return document.model_copy(update={"elements": kept})


#: a whole sentence of prose ('项目全年预算240万元，执行228万元，执行率为97%。'): clauses and a sentence end
_PROSE_LINE = lazy_compile(r"^[^|｜]{12,}[，,；;][^|｜]*[。！？]$")


def _form_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows of a form rebuilt from text, without the prose a dump put around it: a report's title
    before the first row and whole sentences after the last one (a line of one cell each) are the
    report's own text, read by the narrative parser (the restated budget of '…执行率为97%。' may
    disagree with the form's)."""
    def alone(row: list[Cell]) -> str | None:
        texts = [c.text.strip() for c in row if c.text.strip()]
        return texts[0] if len(texts) == 1 else None

    start, end = 0, len(rows)
    while start < end and (text := alone(rows[start])) is not None and _REPORT_TITLE.search(text):
        start += 1
    tail = end
    while tail > start and (text := alone(rows[tail - 1])) is not None and (
            _PROSE_LINE.match(text) or _HEADING.match(text)):
        tail -= 1  # (the report's sections after the form: numbered headings and their sentences)
    if any(_PROSE_LINE.match(alone(row) or "") for row in rows[tail:end]):
        end = tail
    return rows[start:end]


#: a numbered section heading of a report ('二、绩效目标完成情况', '（三）存在问题')
_HEADING = lazy_compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）])"
                        r"[^，,。；;|｜]{2,24}$")


#: a report's title (not a form's: '…绩效自评表' is the form's own)
_REPORT_TITLE = lazy_compile(r"(?:自评|评价)报告$")


def _says_more_than_weights(project: Project) -> bool:
    """`has_content`, but a level's weight alone ('效益指标(20分)', a cut form's group label read as a heading)
    is no content: the goal rows under it are what the text holds."""
    return has_content(project.model_copy(update={"scores": [line for line in project.scores
                                                             if line.score is not None]}))


def has_content(project: Project) -> bool:
    """True when the report says anything about the project beyond its name."""
    budget = project.budget
    amounts = (budget.initial, budget.planned, budget.executed, budget.returned)
    return (
        any(q is not None and q.value is not None for q in amounts)
        or bool(project.indicators)
        or any(line.score is not None or line.weight is not None for line in project.scores)
        or project.total_score is not None
        or project.grade is not None
    )


def drop_empty_projects(report: Report, keep: set[str] | None = None) -> Report:
    """Drop name-only projects (e.g. a form title read as a project name) when others carry content.

    A name with no money, no indicator and no score gives a reviewer nothing to check and would only
    make a phantom row in every export; where no project has content, the report is kept as it is.
    Names in `keep` stay: a narrative without a form names its projects in its own prose ('4、X项目：
    建设4座标准化大棚…'), and an excerpt may stop before a listed project's money.
    """
    kept = [p for p in report.projects if has_content(p) or p.name in (keep or set())]
    if not kept or len(kept) == len(report.projects):
        return report
    return report.model_copy(update={"projects": kept})


#: what parse/narrative calls the one project of a report that never names it
UNNAMED_PROJECT = "未命名项目"


def _took_a_form(merged: Project, prose: Project) -> bool:
    """Did a form merge into the prose's project (its name the form's title above it), giving it money or
    indicators the prose never stated?"""
    amounts = ("initial", "planned", "executed")
    return len(merged.indicators) > len(prose.indicators) or any(
        getattr(merged.budget, a) is not None and getattr(prose.budget, a) is None for a in amounts)


def one_subject_with_its_form(report: Report, narrative: Report) -> Report:
    """A one-project narrative with one form appended is about the form's project, however each names it.

    The prose may name the project by its fund or its title ('2022年度X资金', a simplified reading of a
    traditional text) and the form by its 项目名称 cell; two rows for one project would double every
    finding. The form's project keeps its name, takes the prose's as an alias and the prose's figures
    where the form has none (a disagreement between the two stays visible as restated figures).
    """
    from reportparse.parse.form.merge import merge_project

    if len(narrative.projects) != 1 or len(report.projects) != 2:
        return report
    prose_name = narrative.projects[0].name
    prose = [p for p in report.projects if p.name == prose_name]
    form = [p for p in report.projects if p.name != prose_name]
    if len(prose) != 1 or len(form) != 1 or not has_content(form[0]):
        return report
    if _took_a_form(prose[0], narrative.projects[0]):
        return report  # (the prose's name is a form's own, '2022年度X项目绩效自评表' above it: two forms, two projects)
    merged = report.model_copy(update={"projects": [form[0]]}, deep=True)
    target = merged.projects[0]
    merge_project(merged, prose[0].model_copy(update={"name": target.name}, deep=True))
    for alias in (prose_name, *prose[0].aliases):
        # (the name the prose gave a project it never names, '未命名项目', is no spelling of it)
        if alias != target.name and alias not in target.aliases and alias != UNNAMED_PROJECT:
            target.aliases.append(alias)
    return merged
