"""Plain-text input: a table a web page dumped one cell a line with its rules on lines of their own, a line holding
only '|' between two cells:

    |                      序号                 一级指标
    序号                   |                    |
    |                      一级指标             质量指标
    一级指标               |                    |
    …                      …                    …

Two dumps are met. A *bordered* one opens with the table's left rule: each row is printed '| a | b | … | z |' and
the next row opens with its own '|', so two rules in a row end one row (the first closes its last cell, the second
opens the next), and each further rule before them closes an empty cell; a cell a merge covers (a level label
merged down over rows) is printed on its first row only, so later rows are short on their left, and a header whose
labels the page broke in their cells prints the labels' second halves as a row of their own ('指标' | '县级' over
'分值' | '评分'). An *unbordered* one prints one rule after each cell and nothing between rows: its rows are told
by their width, which its header row gives, or (a page that starts below the header) the steady period at which its
level labels (产出指标, 质量指标 …) come back.

A dump whose rows end in a line of several rules ('||||||', the page's padding) or that marks empty cells among
full rows is left to the form reader (parse/form/celldump), which reads its cells by what they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from reportparse.lazypattern import lazy_compile
from reportparse.model import Table
from reportparse.readers.text.delimited import cells_table
from reportparse.readers.text.lines import PhysLine
from reportparse.readers.text.signals import MIN_COLUMN_WORDS, column_words, has_digit, level_of
from reportparse.summarycolumns import column_role as summary_role

Rows = list[tuple[PhysLine, list[str]]]

#: A line holding only rules: '|', '| |', '||'.
_RULES = lazy_compile(r"^[|｜](?:\s*[|｜])*\s*$")
_BAR_CHARS = ("|", "｜")
#: Fewest cells (each followed by its rule) for a run of lines to be such a dump.
_MIN_CELLS = 12
#: Row widths tried when the rows are told by the period of their level labels.
_MIN_PERIOD, _MAX_PERIOD = 3, 12
#: Fewest rows that print a level label for their period to say the width.
_MIN_LABELLED_ROWS = 3
#: Longest piece of a column label the page broke onto the header's second row ('分值', '评分', '完成值').
_MAX_LABEL_PIECE = 6


@dataclass
class BarTable:
    """What a rule-line dump holds: the lines of one-cell rows above its header (a title, a 填报单位 line the page
    set in the table's cells), its rows, and the index after it."""

    prose: list[PhysLine]
    rows: Rows
    end: int
    header: int | None = None
    """the header row's index in `rows`"""
    merged: set[tuple[int, int]] = field(default_factory=set)
    """(row, column) of the cells a merge spans down from the row above, filled with its text"""

    def table(self, index: int) -> Table:
        """The rows as a Table, the cells a merge spans marked as such. Every cell is in its column, as in a Word
        table's grid: the cells do not give their line, which tells the form reader a text table whose rows may
        have dropped their leading cells (parse/form/grid.from_text) and are to be put back under the header."""
        table = cells_table(self.rows, index, placed=True)
        for r, c in self.merged:
            table.rows[r][c].merged = True
            table.rows[r - 1][c].merged = True
        for row in table.rows:
            for cell in row:
                cell.line = None
        return table


@dataclass
class _Cell:
    text: str
    line: PhysLine
    rules_before: int


def bar_line_rows(lines: list[PhysLine], start: int) -> BarTable | None:
    """The table of a rule-line dump starting at `start`, or None where the lines are no such dump."""
    bordered = bool(_RULES.match(lines[start].text))
    if bordered and (_rules_in(lines[start].text) > 1 or (
            start > 0 and lines[start - 1].text.strip() and not _RULES.match(lines[start - 1].text))):
        # (a bordered dump opens with the table's one left rule: several rules end a row of a dump begun above, and
        # a rule under a cell closes it, each cell closed by its rule: the form reader's cell dump reads those)
        return None
    if not bordered and not (start + 1 < len(lines) and _is_cell_line(lines[start].text)
                             and _RULES.match(lines[start + 1].text)):
        return None
    if not bordered and start > 0 and _RULES.match(lines[start - 1].text):
        return None  # (a rule above: the dump began further up, where it was no such table; not a table from here)
    cells, end, tail = _cells(lines, start)
    if len(cells) < _MIN_CELLS:
        return None
    if bordered:
        rows = _bordered_rows(cells)
        if rows is None:
            return None
        if tail is not None:
            rows[-1][1].append(tail.text)
            end += 1
        table = _with_header(rows, end, cut=tail is not None and end >= len(lines))
        return table if table.header is not None and _fits(table) else None
    if any(cell.rules_before != 1 for cell in cells[1:]):
        return None  # empty cells or row ends marked: the form reader's dump
    width, offset = _width(cells)
    if width is None:
        return None
    if tail is not None and (len(cells) - offset) % width == width - 1:
        cells.append(_Cell(tail.text, tail, 1))  # the last cell, its rule lost where the page's text goes on
        end += 1
    rows = [(chunk[0].line, [c.text for c in chunk]) for chunk in _chunks(cells, offset, width)]
    table = _with_header(rows, end)
    # (rows told by the period of their level labels are rows only where that period lands on the header: a form's
    # fields and fund block printed one cell a line above a goal table of another width fall into the period by
    # chance, and the header row so cut holds a level label; the form reader's cell dump reads those)
    if table.header is not None and any(level_of(cell) for cell in table.rows[table.header][1]):
        return None
    return table


def _rules_in(text: str) -> int:
    return sum(text.count(bar) for bar in _BAR_CHARS)


def _is_cell_line(text: str) -> bool:
    return bool(text.strip()) and not any(bar in text for bar in _BAR_CHARS)


def _cells(lines: list[PhysLine], start: int) -> tuple[list[_Cell], int, PhysLine | None]:
    """The cells from `start` on, each with the rules before it; the index after the last rule; and the line after
    it when that is a cell line with no rule after it (the table's last cell, or the prose after the table)."""
    cells: list[_Cell] = []
    rules = 0
    i = start
    while i < len(lines):
        text = lines[i].text
        if _RULES.match(text):
            rules += _rules_in(text)
            i += 1
            continue
        if not _is_cell_line(text) or i + 1 >= len(lines) or not _RULES.match(lines[i + 1].text):
            break
        cells.append(_Cell(text.strip(), lines[i], rules))
        rules = 0
        i += 1
    tail = lines[i] if i < len(lines) and _is_cell_line(lines[i].text) and cells else None
    return cells, i, tail


def _bordered_rows(cells: list[_Cell]) -> list[tuple[PhysLine, list[str]]] | None:
    """Rows of a bordered dump: two rules or more before a cell end the row above (all but two close empty cells)."""
    rows: Rows = []
    for k, cell in enumerate(cells):
        if k == 0 or cell.rules_before >= 2:
            if rows:
                rows[-1][1].extend([""] * (cell.rules_before - 2))
            rows.append((cell.line, []))
        rows[-1][1].append(cell.text)
    return rows if len(rows) >= _MIN_LABELLED_ROWS else None


def _width(cells: list[_Cell]) -> tuple[int | None, int]:
    """The row width of an unbordered dump and where its first whole row starts: its header's width (a run of
    column labels opening the dump), else the period at which the level labels come back."""
    head = 0
    while head < len(cells) and column_words(cells[head].text):
        head += 1
    if head >= MIN_COLUMN_WORDS:
        return head, 0
    labelled = [k for k, cell in enumerate(cells) if level_of(cell.text)]
    for period in range(_MIN_PERIOD, _MAX_PERIOD + 1):
        residues = sorted({k % period for k in labelled})
        adjacent = len(residues) == 1 or (len(residues) == 2 and residues[1] - residues[0] == 1)
        if adjacent and len({k // period for k in labelled}) >= _MIN_LABELLED_ROWS:
            return period, residues[0]
    return None, 0


def _chunks(cells: list[_Cell], offset: int, width: int) -> Iterator[list[_Cell]]:
    if offset:
        yield cells[:offset]  # the tail of a row the page's cut began inside
    for at in range(offset, len(cells), width):
        yield cells[at:at + width]


def _with_header(rows: Rows, end: int, cut: bool = False) -> BarTable:
    """The rows with the header's broken labels joined, rows short of the header put under it (right-aligned: the
    cells a merge left out are the level labels on the left), and the one-cell rows above the header given back
    as prose. A table `cut` where the file ends stops inside its last row."""
    at = next((r for r, (_, cells) in enumerate(rows) if len(column_words(" ".join(cells))) >= MIN_COLUMN_WORDS), None)
    if at is None:
        return BarTable([], rows, end)
    prose: list[PhysLine] = []
    if all(len([c for c in cells if c]) <= 1 for _, cells in rows[:at]):
        prose = [line for line, cells in rows[:at] if any(cells)]
        rows, at = rows[at:], 0
    header = list(rows[at][1])
    body = rows[at + 1:]
    if body and _label_halves(header, body[0][1]):
        pieces = body[0][1]
        for j, piece in enumerate(pieces):
            header[len(header) - len(pieces) + j] += piece
        body = body[1:]
    placed, filled = place_under(header, body, at + 1, cut)
    return BarTable(prose, [*rows[:at], (rows[at][0], header), *placed], end, at, filled)


def place_under(header: list[str], body: Rows, first: int, cut: bool) -> tuple[Rows, set[tuple[int, int]]]:
    """Rows printed without the cells a merge spans down from above, put under `header`: a short row is
    right-aligned (the cells left out are the level labels on the left; a row's number under a 序号 column stays
    first) and its left cells read as the row above's. Returns the rows and the (row, column) of the cells so filled,
    the rows counted from `first`. The last row of a table `cut` inside it is short on its right too: it leaves out on
    its left what the row above did."""
    serial = summary_role(header[0]) == "serial"
    placed: Rows = []
    merged = 0  # the cells the row above left out on its left
    filled: set[tuple[int, int]] = set()
    for r, (line, cells) in enumerate(body):
        missing = len(header) - len(cells)
        if missing > 0:
            left = min(missing, merged) if cut and r == len(body) - 1 else missing
            lead = 1 if serial and cells and cells[0].isdigit() else 0
            above = placed[-1][1] if placed else [""] * len(header)
            cells = cells[:lead] + above[lead:lead + left] + cells[lead:] + [""] * (missing - left)
            spanned = range(lead, lead + left)
            if not lead and serial:
                cells[0] = above[0]
                spanned = range(left)
            filled.update((first + len(placed), c) for c in spanned if cells[c])
            merged = left
        else:
            merged = 0
        placed.append((line, cells))
    return placed, filled


def _fits(table: BarTable) -> bool:
    """Rows under the header, none wider than it: rows cut where the dump's rules say (a dump that marks an empty
    cell with two rules, not a row's end, runs its rows together past the header's width)."""
    assert table.header is not None
    width = len(table.rows[table.header][1])
    body = table.rows[table.header + 1:]
    return len(body) >= _MIN_LABELLED_ROWS and all(len(cells) <= width for _, cells in body)


def _label_halves(header: list[str], row: list[str]) -> bool:
    """A row of the second halves of the header's last labels, broken in their cells ('指标' | '县级' | '市级' over
    '分值' | '评分' | '评分'): short labels, no figure, as many as the header's last cells that name no column."""
    if not 2 <= len(row) < len(header) or any(has_digit(cell) or not cell or len(cell) > _MAX_LABEL_PIECE
                                              for cell in row):
        return False
    return not any(column_words(cell) for cell in header[len(header) - len(row):])
