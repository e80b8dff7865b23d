"""Forms dumped one cell per line: the cells of such a dump, in reading order, from its lines.

Four dumps are told apart by their lines: every cell a line ending in '|' ('工资性支出 |', '|' alone for an
empty cell, a row's long cells sharing a line: '要点 |标准 ||'); lines holding only '|' after every cell; a
blank line between cells; or every cell a line with nothing between. `cells` rebuilds the form's grid
from the cells read here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Line, Paragraph
from reportparse.parse.form.grid import squash
from reportparse.parse.form.labels import matches

#: A cell written as a line ending in '|' ('工资性支出 |', or '|' alone for an empty cell).
_PIPE_CELL = lazy_compile(r"^[^|]*\|\s*$")
#: Share of lines that must look like one cell for the document to be read as a cell dump.
_CELL_LINE_SHARE = 0.6
#: Median length of a cell line: longer lines are prose or whole rows, not cells.
_CELL_LINE_MEDIAN = 24
#: Share of the gaps between cell lines that the gap between two cells has at least.
_COMMON_GAP_SHARE = 0.2
#: Fewest cells for a form.
MIN_CELLS = 20
#: Fewest lines that are a column label by themselves for lines without gaps to be read as cells.
_MIN_COLUMN_LINES = 4
#: What splits a line into several cells of a row: a tab, a run of spaces, a '|'.
_ROW_SEPARATOR = lazy_compile(r"\t|\s{2,}|\u3000|\|")
#: A cell written as a line opened by '|' ('|工资性支出', or '|' alone for an empty cell): the dump of a page whose
#: table printed each cell's left rule.
_LEADING_PIPE_CELL = lazy_compile(r"^\s*\|[^|]*$")
#: A line holding only '|' (one or more): the end of a cell, and of empty cells after it.
_SEPARATORS = lazy_compile(r"^\s*\|[|\s]*$")
#: The roles of the column labels a dump's block header is a run of (the 项目资金 and indicator blocks).
COLUMN_ROLES = (
    "budget.initial", "budget.planned", "budget.executed", "budget.weight", "budget.rate", "budget.score",
    "indicator.level1", "indicator.level2", "indicator.name", "indicator.nature", "indicator.unit",
    "indicator.target", "indicator.actual", "indicator.weight", "indicator.score", "indicator.reason",
)
#: The roles of the 年度总体目标 block's two column labels.
GOAL_ROLES = ("goal.expected", "goal.achieved")


@dataclass
class DumpCell:
    """A cell of a form dumped one cell per line, and the line it was read from."""

    text: str
    line: Line


def dump_cells(document: Document) -> list[DumpCell]:
    """The cells of a form dumped one cell a line, in reading order (empty when the lines are no such dump)."""
    lines = _half_width_bars([line for element in document.paragraphs
                              for line in (element.lines or [Line(text=element.text, page=element.page)])])
    return (_pipe_cells(_half_width_bars(_with_text_rows(document))) or _leading_pipe_cells(lines)
            or _separated_cells(lines) or _gap_cells(lines) or _line_cells(lines))


def _half_width_bars(lines: list[Line]) -> list[Line]:
    """The lines with a full-width bar ('｜', a Chinese page's cell rule) read as '|'."""
    return [line.model_copy(update={"text": line.text.replace("｜", "|")}) if "｜" in line.text else line
            for line in lines]


def _with_text_rows(document: Document) -> list[Line]:
    """The document's lines in order, a row the text reader made a table of written back as its '|' line: in a
    dump of '|'-ended cells, a line holding a row's two long cells ('要点 |标准 ||') is read as a one-row table,
    but its cells are cells of the stream like any other line's."""
    lines: list[Line] = []
    for element in document.elements:
        if isinstance(element, Paragraph):
            lines.extend(element.lines or [Line(text=element.text, page=element.page)])
            continue
        for row in element.rows:
            at = {cell.line for cell in row}
            if len(at) != 1 or None in at or not row:
                return [line for e in document.paragraphs
                        for line in (e.lines or [Line(text=e.text, page=e.page)])]  # no text table: lines alone
            lines.append(Line(text="".join(f"{cell.text} |" for cell in row), page=row[0].page, line=row[0].line))
    return lines


def _pipe_cells(lines: list[Line]) -> list[DumpCell]:
    """Cells of a dump whose every cell line ends in '|' ('|' alone is an empty cell)."""
    texts = [line for line in lines if line.text.strip()]
    # (a report whose form is appended after its prose: the share is the form's, from where its cells begin)
    texts = texts[_after_prose(texts):]
    if not texts or sum(bool(_PIPE_CELL.match(t.text)) for t in texts) < _CELL_LINE_SHARE * len(texts):
        return []
    cells: list[DumpCell] = []
    for t in texts:
        if _SEPARATORS.match(t.text):  # ('|||': as many empty cells as it has '|', the row's blank tail)
            cells.extend(DumpCell("", t) for _ in range(t.text.count("|")))
        elif _PIPE_CELL.match(t.text) or "|" not in t.text:
            cells.append(DumpCell(t.text.strip().removesuffix("|").strip(), t))
        else:
            # a line that holds two cells or more, each ended by its '|' ('具体指标文字 |评价标准文字 ||': two
            # texts and an empty cell, where the page put a row's long cells on one line)
            cells.extend(DumpCell(piece.strip(), t) for piece in t.text.strip().split("|")[:-1])
    return cells


def _leading_pipe_cells(lines: list[Line]) -> list[DumpCell]:
    """Cells of a dump whose every cell line opens with '|' ('|' alone is an empty cell); the lines above the
    first such line are the page's title and prose, no cells."""
    texts = [line for line in lines if line.text.strip()]
    opened = [bool(_LEADING_PIPE_CELL.match(t.text)) for t in texts]
    if not texts or sum(opened) < _CELL_LINE_SHARE * len(texts) or sum(opened) < MIN_CELLS:
        return []
    first, last = opened.index(True), len(opened) - opened[::-1].index(True)
    cells: list[DumpCell] = []
    for t, opens in zip(texts[first:last], opened[first:last], strict=True):
        if opens or not cells:
            cells.append(DumpCell(t.text.strip().removeprefix("|").strip(), t))
        else:  # a line without its '|': the cell above wrapped onto it
            cells[-1].text += t.text.strip()
    return cells


#: a line of running prose: it ends a sentence, or is long and holds a clause's comma
_SENTENCE_LINE = lazy_compile(r"[。；;！？]\s*$|^[^|]{40,}[，,][^|]*$")


def _after_prose(texts: list[Line]) -> int:
    """Where the dump's cells begin: after the last sentence of the report's prose above the first '|' line (a
    report with its form appended: '…自评得分99.5分。' / '附表1:' / '…指标表 |'); its prose is no cell of the form."""
    first = next((i for i, t in enumerate(texts) if "|" in t.text), 0)
    return max((i + 1 for i, t in enumerate(texts[:first]) if _SENTENCE_LINE.search(t.text.strip())), default=0)


def _separated_cells(lines: list[Line]) -> list[DumpCell]:
    """Cells of a dump that writes a line holding only '|' after every cell: the lines between two
    such lines are one cell ('总体' / '目标'); a '|' right after another is an empty cell."""
    texts = [line for line in lines if line.text.strip()]
    separators = sum(bool(_SEPARATORS.match(line.text)) for line in texts)
    if not separators or separators < _CELL_LINE_SHARE * (len(texts) - separators):
        return []
    cells: list[DumpCell] = []
    open_cell: DumpCell | None = None
    started = False  # before the first '|' every line is one (the page's prose above the form)
    for line in texts:
        if not _SEPARATORS.match(line.text):
            if open_cell is None or not started:
                if open_cell is not None:
                    cells.append(open_cell)
                open_cell = DumpCell(line.text.strip(), line)
            else:
                open_cell.text += line.text.strip()
            continue
        started = True
        # '|||': the first '|' ends the open cell (or an empty one), each further '|' an empty cell
        cells.append(open_cell if open_cell is not None else DumpCell("", line))
        cells.extend(DumpCell("", line) for _ in range(line.text.count("|") - 1))
        open_cell = None
    if open_cell is not None:
        cells.append(open_cell)
    return cells


def _gap_cells(lines: list[Line]) -> list[DumpCell]:
    """Cells of a dump that puts a blank line (or a run of them) between cells: lines next to each
    other form one cell ('项目资金' / '(万元)'); every further such gap is an empty cell."""
    texts = [line for line in lines if line.text.strip() and line.line is not None]
    if len(texts) < MIN_CELLS:
        return []
    lengths = sorted(len(t.text.strip()) for t in texts)
    # line numbers count the file's physical lines (a run of blank lines that the reader took for
    # a page break still counts its lines)
    gaps = [b.line - a.line for a, b in pairwise(texts)]  # type: ignore[operator]
    if lengths[len(lengths) // 2] > _CELL_LINE_MEDIAN or not gaps:
        return []
    if sum(g >= 2 for g in gaps) < _CELL_LINE_SHARE * len(gaps):
        return []  # not a blank line between most lines: ordinary text
    # the gap between two cells: one blank line in most dumps, a run of them in a padded one (the
    # smallest gap that is common); each further gap of that size is an empty cell
    counts = Counter(g for g in gaps if g >= 2)
    step = min((g for g, n in counts.items() if n >= _COMMON_GAP_SHARE * len(gaps)), default=2)
    cells: list[DumpCell] = []
    previous: Line | None = None
    for line in texts:
        gap = line.line - previous.line if previous is not None else step  # type: ignore[operator]
        if previous is not None and gap == 1:
            cells[-1].text += line.text.strip()
        else:
            cells.extend(DumpCell("", line) for _ in range(max(0, (gap - step) // step)))
            cells.append(DumpCell(line.text.strip(), line))
        previous = line
    return cells


def _line_cells(lines: list[Line]) -> list[DumpCell]:
    """Cells of a dump that puts every cell on a line of its own with nothing between: most lines
    short and of one piece (no tab, no run of spaces, no '|' splitting them into a row), and the
    form's column labels ('一级指标', '年度指标值', '全年预算数' …) lines of their own. Lines cannot
    say where a cell broke, so each line is a cell; labels the dump cut in two are joined after."""
    texts = [line for line in lines if line.text.strip()]
    if len(texts) < MIN_CELLS:
        return []
    lengths = sorted(len(t.text.strip()) for t in texts)
    if lengths[len(lengths) // 2] > _CELL_LINE_MEDIAN:
        return []
    single = [t for t in texts if not _ROW_SEPARATOR.search(t.text.strip())]
    if len(single) < _CELL_LINE_SHARE * len(texts):
        return []  # rows of several cells: the row readers' shape
    if sum(is_column_word(t.text) for t in texts) < _MIN_COLUMN_LINES:
        return []  # short lines that are no form's cells (a list, a poem-like heading block)
    return [DumpCell(t.text.strip(), t) for t in texts]


def is_column_word(text: str) -> bool:
    return any(matches(role, squash(text)) for role in COLUMN_ROLES)
