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

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Indicator, Line, Paragraph, Project, Report
from reportparse.parse.form.locate import FormLocation, scan_tables

#: the columns a cut-off indicator block most often shows, in the standard form's order
_IMPLIED_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "分值")
#: the columns after the name a row's cells may show, by how many value cells and trailing figures it has
_LEVELS_AND_NAME = ("一级指标", "二级指标", "三级指标")
_VALUE_COLUMNS = ("年度指标值", "实际完成值")
#: a level label of the standard goal framework, printed in the rows themselves (a cut may keep only 二级 ones)
_LEVEL_LABEL = lazy_compile(r"(?:产出|效益|满意度|数量|质量|时效|成本|可持续影响)指标")
#: fewest goal rows (each with its level, target and weight) that make the text a form's tail
MIN_GOAL_ROWS = 2


def headless_forms(document: Document) -> list[FormLocation]:
    """The forms found when the document's text is read under the implied indicator header; [] when
    the text prints no level label (a news article, a 决算 explanation)."""
    from reportparse.parse.form.oneline import unflatten
    from reportparse.parse.form.text import line_form_tables

    # (where a table holds the level labels, the rows are its rows: the prose around it is no row, '第三部分')
    in_table = _table_holds_levels(document)
    paragraphs = [] if in_table else [e for e in document.paragraphs if e.text.strip()]
    rows = _element_lines(document, tables_only=in_table)
    if not rows or not any(_LEVEL_LABEL.search(line.text) for line in rows):
        return []
    first = rows[0]
    lines = [row for line in rows for row in unflatten(line)]
    # one row a line: the header is a line of its own above them, its columns those the rows show
    header = Line(text=" ".join(implied_header(lines)), page=first.page)
    lined = scan_tables(line_form_tables([header, *lines], whole=True))
    # every cell run together (a paragraph of one line): the header runs into the first row
    ran = scan_tables(line_form_tables(_run_rows(paragraphs), whole=True))
    # one cell a line: the cells put back into rows, each ending after its figures (not where a table holds the
    # level labels: its rows are rows already, however many lines a page's prose wraps onto around it)
    grouped = [] if in_table else cell_rows(lines)
    celled = scan_tables(line_form_tables([Line(text=" ".join(implied_header(grouped)), page=first.page),
                                           *grouped], whole=True)) if grouped else []
    if celled:
        return celled  # (read a line a row, such a dump gives a row of each cell: more rows, none right)
    return max(lined, ran, key=lambda forms: sum(len(form.rows) for form in forms))


#: Share of one-cell lines that makes a text a dump of one cell a line.
_ONE_CELL_SHARE = 0.7
#: Fewest cells other than level labels in a row that ends on one figure (name, target, result, score).
_ROW_CELLS = 4


def cell_rows(lines: list[Line]) -> list[Line]:
    """The rows of a dump that prints one cell a line, put back together: a row ends after its figures (the
    分值 and 得分, or one of them after the name, the target and the result) where a cell that is no figure
    follows, and before a level label that follows a row's own cells. [] for a text that is not such a dump."""
    from reportparse.parse.form.levellabels import label_kind
    from reportparse.parse.form.values import plain_decimal

    cells = [line for line in lines if line.text.strip()]
    if not cells or sum(" " not in c.text.strip() for c in cells) < _ONE_CELL_SHARE * len(cells):
        return []
    rows: list[list[Line]] = []
    row: list[Line] = []
    for cell in cells:
        text = cell.text.strip()
        figure = plain_decimal(text) is not None
        own = [c for c in row if not label_kind(c.text)]
        trailing = 0
        while trailing < len(row) and plain_decimal(row[len(row) - 1 - trailing].text) is not None:
            trailing += 1
        ended = trailing and not figure and (trailing >= 2 or len(own) >= _ROW_CELLS)
        kind = label_kind(text)
        # (a label after the row's own cells, or one of the same or a higher rank than the row's last label:
        # '经济效益指标' with no row under it, then '满意度指标(10分)')
        relabels = bool(kind and row and label_kind(row[-1].text) and kind <= label_kind(row[-1].text))
        if row and (ended or (kind and own) or relabels):
            rows.append(row)
            row = []
        row.append(cell)
    if row:
        rows.append(row)
    return [r[0].model_copy(update={"text": " ".join(c.text.strip() for c in r)}) for r in rows]


def _table_holds_levels(document: Document) -> bool:
    """A table of the document prints a level label of the goal framework in a cell of its own."""
    return any(_LEVEL_LABEL.fullmatch(cell.text.strip()) for table in document.tables for row in table.rows
               for cell in row)


def _element_lines(document: Document, tables_only: bool = False) -> list[Line]:
    """The document's lines in order: a paragraph's own lines (unless `tables_only`), and a table's rows (a text
    reader made the tab-separated rows of a cut-off form into a table with no header) as lines of their non-empty
    cells."""
    from reportparse.parse.form.grid import squash
    from reportparse.parse.form.levellabels import label_kind

    out: list[Line] = []
    for element in document.elements:
        if isinstance(element, Paragraph):
            if element.text.strip() and not tables_only:
                out += element.lines or [Line(text=element.text, page=element.page)]
            continue
        for row in element.rows:
            cells = [c for c in row if c.text.strip()]
            if cells:
                # (a level label spaced out or broken in its cell, '经济效益 指标', is one cell, one token)
                texts = [squash(c.text) if label_kind(squash(c.text)) else c.text.strip() for c in cells]
                out.append(Line(text=" ".join(texts), page=cells[0].page, line=cells[0].line))
    return out


def implied_header(lines: list[Line]) -> tuple[str, ...]:
    """The indicator header of rows cut off below it, read from the rows' column pattern: after the level
    labels and the name, one or two value cells (年度指标值, then 实际完成值) and one or two points at the
    row's end (分值 and 得分; one after a target and an actual is the 得分 of a self-evaluation, after a
    target alone the 分值 of a goal table; a 分值 printed right after the name, before the target, is one
    too), and a 偏差原因 when a row prints a cell after them. Each count is the one most rows show (a row
    under a merged level label prints no label; a row with empty value cells prints only its points). The
    standard header when no row shows one."""
    patterns = [pattern for line in lines if (pattern := _row_pattern(line.text)) is not None]
    if not patterns:
        return _IMPLIED_HEADER
    valued = Counter(p.valued for p in patterns if p.valued)
    figures = Counter(p.figures for p in patterns)
    figures_most = max(figures, key=lambda n: (figures[n], n))  # (a tie: the more columns)
    first = sum(p.first for p in patterns) * 2 > len(patterns)
    values = _VALUE_COLUMNS[:max(valued, key=lambda n: (valued[n], n)) if valued else 1]
    reason_column = ("偏差原因分析及改进措施",) if any(p.reason for p in patterns) else ()
    if first:
        return (*_LEVELS_AND_NAME, "分值", *values, "得分", *reason_column)
    # (no points at the rows' ends: a table of targets and results whose 分值 and 得分 columns are empty, or
    # that has none; the columns keep the implied header a scored one, which alone opens a form)
    # (one figure after a target and a result is the 得分 of a form that prints no 分值, unless the rows' total is
    # the framework's 100 alone: that is the 分值's total, the 得分 column left empty)
    one = "分值" if any(_TOTAL_OF_100.match(line.text.strip()) for line in lines) else "得分"
    scores = ("分值", "得分") if figures_most != 1 else (one,) if len(values) == 2 else ("分值",)
    return (*_LEVELS_AND_NAME, *values, *scores, *reason_column)


#: a total row that prints the framework's 100 and nothing else ('合计 100', '总分 100')
_TOTAL_OF_100 = lazy_compile(r"^(?:合计|总计|总分)\s*100(?:\.0+)?(?:分)?$")
#: a comparator printed in a cell of its own (the 指标性质 column: '=', '≥', '定性')
_NATURE = lazy_compile(r"^(?:[=＝≥≤><＞＜]|>=|<=|定性|定量)$")
#: a unit printed in a cell of its own after the target figure (the 度量单位 column)
_UNIT_CELL = lazy_compile(r"^(?:%|％|[\u4e00-\u9fff]{1,3})$")


@dataclass(frozen=True)
class _Pattern:
    valued: int  # value cells after the name (at most 2: the target and the result)
    figures: int  # points at the row's end (分值, 得分)
    first: bool  # the 分值 printed right after the name
    reason: bool  # a cell after the points


#: The most points a 分值 or 得分 holds (a form's total is 100): a bigger bare figure is a value.
_MAX_POINTS = 100


def _points(token: str) -> bool:
    from reportparse.parse.form.values import plain_decimal

    figure = plain_decimal(token)
    return figure is not None and figure <= _MAX_POINTS


def _row_pattern(text: str) -> _Pattern | None:
    """The columns one row shows after its labels and name; None for a row of a name alone."""
    from reportparse.parse.form.levellabels import label_kind
    from reportparse.parse.form.text import _tokens

    tokens = _tokens(text)
    labels = 0
    while labels < len(tokens) and label_kind(tokens[labels]):
        labels += 1
    rest = _folded_target(tokens[labels + 1:])  # (after the labels and the name)
    if not rest:
        return None
    points = [_points(t) for t in rest]
    # a cell after the points is a 偏差原因 cell: a text ('… 10 8 天气影响'), or a fifth figure after the
    # target, the result and the two scores in a row of bare figures ('100 100 10 10 0')
    reason = len(rest) >= 3 and points[-2] and (not points[-1] or (len(rest) >= 5 and all(points)))
    # the 分值 right after the name, before a target that is no bare figure ('开工率 10 ≥90% ≥90% 10')
    first = len(rest) >= 3 and points[0] and not points[1]
    body = rest[int(first):len(rest) - int(reason)]
    figures = 0
    while figures < min(1 if first else 2, len(body)) and _points(body[-1 - figures]):
        figures += 1
    if figures == 2 and len(body) == 3 and _near_target(body[0], body[1]):
        figures = 1  # ('=100% 100 5', '≥90% 93 10': the first figure is the row's result, near its target)
    return _Pattern(min(2, len(body) - figures), figures, first, reason)


def _folded_target(cells: list[str]) -> list[str]:
    """A target printed over the 指标性质, 指标值 and 度量单位 cells ('≥ | 90 | %', '定性 | 优良中低差') as one cell."""
    from reportparse.parse.form.values import plain_decimal

    if len(cells) >= 2 and _NATURE.match(cells[0]):
        size = 3 if (len(cells) >= 3 and plain_decimal(cells[1]) is not None and _UNIT_CELL.match(cells[2])) else 2
        return ["".join(cells[:size]), *cells[size:]]
    return cells


#: how far a result may stand from its target and still read as the row's result, not its 分值
_NEAR = Decimal("0.2")


def _near_target(target: str, figure: str) -> bool:
    from reportparse.parse.form.values import plain_decimal

    number = _TARGET_FIGURE.search(target)
    value, result = (plain_decimal(number.group(0)) if number else None), plain_decimal(figure)
    if value is None or result is None or value == 0:
        return False
    return abs(result - value) <= _NEAR * abs(value)


_TARGET_FIGURE = lazy_compile(r"\d+(?:\.\d+)?")


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
    """Does the reading give goal rows, filed under a level label? Rows with a target and a weight, a score
    or an actual (a self-evaluation's rows may print no points, '100% | 100%'), one of them a target figure;
    or rows scored with both their 分值 and 得分 (a form whose target cells were left empty). (Targets are
    often qualitative, '效果明显', and rows above an excerpt's first label have no level; an indicator
    library or a framework's prose prints no figures to score.)"""
    for project in report.projects:
        if not any(i.level for i in project.indicators):
            continue
        rows = _goal_rows(project)
        if len(rows) >= MIN_GOAL_ROWS and any(i.target is not None and i.target.value is not None for i in rows):
            return True
        if sum(i.weight is not None and i.score is not None for i in project.indicators) >= MIN_GOAL_ROWS:
            return True
    return False


def _goal_rows(project: Project) -> list[Indicator]:
    return [i for i in project.indicators if i.target is not None and i.target.raw.strip()
            and (i.weight is not None or i.score is not None or bool(i.actuals))]
