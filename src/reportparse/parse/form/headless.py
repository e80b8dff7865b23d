"""Goal rows with no form around them: the tail of a 自评表 cut off above its indicator header.

A page may quote only the indicator rows of a form, run together or one row a line, with neither the
form's title, its 项目名称 nor its column header:

    产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 …合计100

Such rows are still a form's rows: read under the standard header (一级指标 二级指标 三级指标 年度指标值
分值), the run-together and row-a-line readers take them apart like any other form's. The reading is only
a last resort (for a text the other readers found nothing in), and counts only where it gives goal rows
with a level, a target and a weight each.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Line, Paragraph, Project, Report
from reportparse.parse.form.locate import FormLocation, scan_tables

#: the columns a cut-off indicator block most often shows, in the standard form's order
_IMPLIED_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "分值")
#: a first-level label of the standard goal framework, printed in the rows themselves
_LEVEL_LABEL = lazy_compile(r"(?:产出|效益|满意度)指标")
#: fewest goal rows (each with its level, target and weight) that make the text a form's tail
MIN_GOAL_ROWS = 2


def headless_forms(document: Document) -> list[FormLocation]:
    """The forms found when the document's text is read under the implied indicator header; [] when
    the text prints no level label (a news article, a 决算 explanation)."""
    from reportparse.parse.form.oneline import unflatten
    from reportparse.parse.form.text import line_form_tables

    paragraphs = [e for e in document.paragraphs if e.text.strip()]
    if not paragraphs or not any(_LEVEL_LABEL.search(p.text) for p in paragraphs):
        return []
    first = paragraphs[0]
    # one row a line: the header is a line of its own above them
    header = Line(text=" ".join(_IMPLIED_HEADER), page=first.page)
    lines = [row for p in paragraphs for line in (p.lines or [Line(text=p.text, page=p.page)])
             for row in unflatten(line)]
    lined = scan_tables(line_form_tables([header, *lines], whole=True))
    # every cell run together (a paragraph of one line): the header runs into the first row
    ran = scan_tables(line_form_tables(_run_rows(paragraphs), whole=True))
    return max(lined, ran, key=lambda forms: sum(len(form.rows) for form in forms))


def _run_rows(paragraphs: list[Paragraph]) -> list[Line]:
    """The rows of the one-line paragraphs that print a level label, cut apart as the run-together reader
    cuts a form's run (`split_cells`, `cut_cells`), under the implied header; each row keeps its line."""
    from reportparse.parse.form.oneline import cut_cells
    from reportparse.parse.form.runtogether import split_cells

    rows: list[Line] = []
    for paragraph in paragraphs:
        if len(paragraph.lines) > 1 or not _LEVEL_LABEL.search(paragraph.text):
            continue
        line = paragraph.lines[0] if paragraph.lines else Line(text=paragraph.text, page=paragraph.page)
        header = "" if rows else "".join(_IMPLIED_HEADER)
        cut = cut_cells(split_cells(header + line.text))
        rows += [line.model_copy(update={"text": " ".join(cells)}) for _, cells in cut]
    return rows


def holds_goal_rows(report: Report) -> bool:
    """Does the reading give goal rows, each with its level, target and weight?"""
    return any(_goal_rows(project) >= MIN_GOAL_ROWS for project in report.projects)


def _goal_rows(project: Project) -> int:
    return sum(1 for i in project.indicators
               if i.level and i.target is not None and i.target.value is not None and i.weight is not None)
