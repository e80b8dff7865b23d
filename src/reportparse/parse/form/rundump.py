"""Which text of a document holds a 自评表 whose dump ran its cells together, and the form's rows read
from it (`run_together_lines`): a preview's few long lines joined back (its pages' numbers left out), or a
form run together row by row (`runlines.row_lines`); `runtogether.split_cells` cuts the text into cells,
`oneline.cut_cells` the cells into rows, each row a Line the one-line reader takes (cells parted by spaces).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from reportparse.lazypattern import lazy_compile
from reportparse.model import AMBIGUOUS_CUT_CONFIDENCE, Document, Line, Paragraph, Table
from reportparse.parse.form.labels import is_column_label, run_words
from reportparse.parse.form.oneline import cut_cells, opens_footer
from reportparse.parse.form.runcells import NOTE
from reportparse.parse.form.runlines import (
    MIN_HEADER_WORDS,
    PAGE_MARK,
    ROW_BREAK,
    holds_header_row,
    is_dense,
    is_run_together,
    opens_run_together,
    row_lines,
    squashed,
)
from reportparse.parse.form.runtogether import split_cells

#: A space between two Han characters: inside a label or a cell the preview wrapped, never between cells.
_SPACE_INSIDE_WORDS = lazy_compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


def run_together_lines(document: Document) -> list[Line]:
    """The rows of a form whose dump ran every cell together, one Line each; [] when there is none.

    Each row keeps the text line its first cell came from, and every line the form was read from is
    the line of some row: the narrative reader must not read the form's cells again as prose."""
    paragraphs = [paragraph for element in document.elements for paragraph in _texts_of(element)]
    cells = {id(p) for element in document.tables for p in paragraphs
             if p.style == _CELL_STYLE}
    start = next((i for i, p in enumerate(paragraphs) if is_run_together(p.text) or id(p) in cells), None)
    if start is None:  # (no indicator header anywhere: a preview cut before the indicator table)
        start = next((i for i, p in enumerate(paragraphs) if opens_run_together(p.text)), None)
    if start is None:  # (a form run together row by row under a header too short, or too spaced, for a dense line)
        start = next((i for i, p in enumerate(paragraphs) if holds_header_row(p) and row_lines(paragraphs, i)), None)
    if start is None:
        return []
    first = start - 1 if start and is_dense(paragraphs[start - 1].text) else start
    # the preview's pages continue the run: join them back, without the page numbers that open them
    source: list[tuple[str, Line]] = []
    for paragraph in paragraphs[first:]:
        # (a preview page opened by its number goes on with the run even where its cells' wrapped labels
        # leave many spaces ('3、高高满意 度指 标服务 对象…'): the space count cannot tell it from prose)
        if not is_dense(paragraph.text) and not (source and _continues_run(paragraph.text)):
            continue
        for line in paragraph.lines or [Line(text=paragraph.text, page=paragraph.page)]:
            source.append((squashed(PAGE_MARK.sub("", line.text)), line))
    # a form run together row by row: its line breaks are row breaks, where no cell goes on
    rows_a_line = row_lines(paragraphs, start)
    joint = ROW_BREAK if rows_a_line else ""
    source = rows_a_line or source
    text = joint.join(piece for piece, _ in source)
    cells, starts, uncertain = split_cells(text, with_starts=True)
    ends = list(accumulate(len(piece) + len(joint) for piece, _ in source))
    owner = [source[min(bisect_right(ends, at), len(source) - 1)][1] for at in starts]
    rows = cut_cells(cells)
    if not rows or any(_garbled_header(row) for _, row in rows):
        return []  # a column label the dump garbled: the figures cannot be put under their columns
    placed = [owner[index] for index, _ in rows]
    for position, (index, row) in enumerate(rows):
        # a line where no row begins goes to the row running through it (one whose own line another row holds)
        for line in (owner[i] for i in range(index, index + len(row))):
            if not any(p is line for p in placed) and sum(p is placed[position] for p in placed) > 1:
                placed[position] = line
    # a row holding a figure cut from a glued run that more than one reading fits is read with no
    # confidence: a finding resting on it is only a hint (checks.mark_uncertain)
    return [Line(text=" ".join(row), page=line.page, line=line.line, bbox=line.bbox,
                 confidence=AMBIGUOUS_CUT_CONFIDENCE if uncertain & set(range(index, index + len(row))) else None)
            for (index, row), line in zip(rows, placed, strict=True)]


def _continues_run(text: str) -> bool:
    """A preview page after a run-together one: opened by its page number, no '|' separator, and dense once
    the spaces inside words (between two Han characters: a label or a cell the preview wrapped) are off."""
    stripped = text.strip()
    return (PAGE_MARK.match(stripped) is not None and "|" not in stripped
            and is_dense(_SPACE_INSIDE_WORDS.sub("", stripped)))


def _texts_of(element: object) -> list[Paragraph]:
    """The element's text as paragraphs: a paragraph itself, or a table's cells that hold a whole
    form run together (a page's metadata table whose 内容概述 cell repeats the form: '…名称X主管
    部门Y…年度资金总额:390390100%…')."""
    if isinstance(element, Paragraph):
        return [element] if element.text.strip() else []
    if not isinstance(element, Table):
        return []
    held = [Paragraph(text=cell.text, page=cell.page or element.page, style=_CELL_STYLE,
                      lines=[Line(text=cell.text, page=cell.page or element.page, line=cell.line)])
            for row in element.rows for cell in row
            if len(cell.text) >= _MIN_CELL_FORM and is_dense(cell.text) and _holds_form(cell.text)]
    return held or _spaced_rows(element)


#: Most rows of a small table read as a form's header rows printed apart (its 项目名称, 主管部门, 资金 rows).
_MAX_HEADER_TABLE_ROWS = 8


def _spaced_rows(table: Table) -> list[Paragraph]:
    """A small table a text reader cut from tab-parted lines (a form's header rows: '项目名称\tX', '年度资金总额\t60
    \t60…'), each row a line with its cells parted by spaces: the rows above a form's indicator rows run together,
    which `runlines.row_lines` reads as rows of the run (and the table's rows alone as no run: they hold no header)."""
    if len(table.rows) > _MAX_HEADER_TABLE_ROWS or table.sheet is not None:
        return []
    out: list[Paragraph] = []
    for row in table.rows:
        texts = [cell.text.strip() for cell in row if cell.text.strip()]
        if not texts:
            continue
        text = "  ".join(texts)
        line = next((cell.line for cell in row if cell.line is not None), None)
        page = next((cell.page for cell in row if cell.page), table.page)
        out.append(Paragraph(text=text, page=page, lines=[Line(text=text, page=page, line=line)]))
    return out


#: The style of a paragraph made from a table cell that holds a whole form run together.
_CELL_STYLE = "run-together-cell"
#: Shortest table cell read as a form run together (a name block and a 项目资金 block fill more).
_MIN_CELL_FORM = 100
#: Fewest distinct labels of a form (its name field, 主管部门, 全年预算数, 年度资金总额 …) in such a cell.
_MIN_FORM_LABELS = 4


def _holds_form(text: str) -> bool:
    key = squashed(text)
    return len({word for word in run_words() if word in key}) >= _MIN_FORM_LABELS


def _garbled_header(row: list[str]) -> bool:
    """An indicator header row with a cell between its column labels that is none ('三级指标 考值参分
    指标值'): the dump garbled a column's label, and the row's figures cannot be put under the columns."""
    if row and opens_footer(row):
        return False  # a footnote that names the columns ('注:1.一级指标分值统一设置为…') is no header
    known = [_is_column(cell) for cell in row]
    if sum(known) < MIN_HEADER_WORDS or not any(cell in ("一级指标", "二级指标", "三级指标") for cell in row):
        return False
    first = known.index(True)
    last = len(known) - 1 - known[::-1].index(True)
    return not all(known[first:last + 1])


def _is_column(cell: str) -> bool:
    key = NOTE.sub("", cell)
    return bool(key) and is_column_label(key)
