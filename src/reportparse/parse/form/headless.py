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
    from reportparse.parse.form.runtogether import run_together_lines
    from reportparse.parse.form.text import line_form_tables

    paragraphs = [e for e in document.elements if isinstance(e, Paragraph) and e.text.strip()]
    if not paragraphs or not any(_LEVEL_LABEL.search(p.text) for p in paragraphs):
        return []
    first = paragraphs[0]
    # one row a line: the header is a line of its own above them
    header = Line(text=" ".join(_IMPLIED_HEADER), page=first.page)
    lines = [row for p in paragraphs for line in (p.lines or [Line(text=p.text, page=p.page)])
             for row in unflatten(line)]
    lined = scan_tables(line_form_tables([header, *lines], whole=True))
    # every cell run together: the header runs into the first row
    at = document.elements.index(first)
    headed = _headed(first, "".join(_IMPLIED_HEADER))
    elements = [*document.elements[:at], headed, *document.elements[at + 1:]]
    ran = scan_tables(line_form_tables(run_together_lines(document.model_copy(update={"elements": elements})),
                                       whole=True))
    return max(lined, ran, key=lambda forms: sum(len(form.rows) for form in forms))


def _headed(paragraph: Paragraph, header: str) -> Paragraph:
    """The paragraph with the header run into its first line (each line keeps its page and number)."""
    lines = paragraph.lines or [Line(text=paragraph.text, page=paragraph.page)]
    spans = paragraph.spans or [(0, len(paragraph.text))]
    shift = len(header)
    return paragraph.model_copy(update={
        "text": header + paragraph.text,
        "lines": [lines[0].model_copy(update={"text": header + lines[0].text}), *lines[1:]],
        "spans": [(0, spans[0][1] + shift), *((a + shift, b + shift) for a, b in spans[1:])]})


def holds_goal_rows(report: Report) -> bool:
    """Does the reading give goal rows, each with its level, target and weight?"""
    return any(_goal_rows(project) >= MIN_GOAL_ROWS for project in report.projects)


def _goal_rows(project: Project) -> int:
    return sum(1 for i in project.indicators
               if i.level and i.target is not None and i.target.value is not None and i.weight is not None)
