"""Plain-text input: a numbered scoring sheet dumped one cell a line, bare or each cell closed by its '|':

    序号|            序号
    一级指标|        一级指标
    …                …
    1|               1
    决策(20)|        决策(20)
    立项依据|        立项依据
    …                …
    5|               5
    5|               5
    2|               2
    立项程序|        立项程序

Its rows print a merged level cell on their first row only, so they are short and of different widths, and nothing
closes them: what says where a row begins is its number under 序号, 1, 2, 3 … in order. A number that is also a
figure of the row above (its 分值 '2' before row 2) is told from the row's number by what follows: a row's number is
followed by a label or a name, a figure by another figure. A criterion of the same item on a row of its own (no
number: its 序号 and name merged down) goes on after the item's figures: a row wider than the header is parted where
a text cell follows the figures. The rows then go under the header as the rule-line dump's do (`barlines`).
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.labels import matches
from reportparse.readers.text.barlines import BarTable, Rows, place_under
from reportparse.readers.text.lines import PhysLine
from reportparse.readers.text.signals import (
    L1,
    L2,
    MIN_COLUMN_WORDS,
    NAME,
    OTHER,
    REMARK,
    SCORE,
    WEIGHT,
    column_role,
    column_words,
    has_digit,
)
from reportparse.summarycolumns import column_role as summary_role

#: A line that is one cell closed by its '|' ('民主议事|', '|' alone for an empty cell).
_PIPE_CELL = lazy_compile(r"^([^|｜]*?)\s*[|｜]\s*$")
#: A cell that is a figure (a 分值 or a 得分: '2', '9.5', '100%').
_FIGURE = lazy_compile(r"^\d+(?:\.\d+)?\s*[%％]?$")
#: Header widths a scoring sheet has.
_MIN_WIDTH, _MAX_WIDTH = 4, 12
#: Fewest numbered rows for the cells to be such a sheet.
_MIN_ROWS = 3

_Cell = tuple[str, PhysLine, int]  # the cell's text, its line and the index after it


def serial_sheet_rows(lines: list[PhysLine], start: int) -> BarTable | None:
    """The table of a numbered sheet dumped one cell a line from `start` (its 序号 label), or None."""
    first = _PIPE_CELL.match(lines[start].text)
    piped = first is not None
    label = first.group(1) if first is not None else lines[start].text.strip()
    if summary_role(label) != "serial":
        return None
    cells = _cells(lines, start, piped)
    width = next((k for k, (text, _, _) in enumerate(cells) if text == "1"), None)
    if width is None or not _MIN_WIDTH <= width <= _MAX_WIDTH:
        return None
    header = [text for text, _, _ in cells[:width]]
    if any(has_digit(text) or not text for text in header) or len(column_words(" ".join(header))) < MIN_COLUMN_WORDS:
        return None
    figures = _figures_column(header)
    # (a row leaves out at most its merged label cells and one empty cell: a row's 分值 that equals the next number,
    # a text after it, stands too early in the row to be that number)
    labels = sum(role in (L1, L2, NAME) for role in _roles(header))
    rows = _numbered_rows(cells[width:], width, piped, criteria=figures is not None,
                          shortest=max(2, width - labels - 1))
    if rows is None or len(rows) < _MIN_ROWS:
        return None
    texts = [[text for text, _, _ in row] for row in rows]
    placed: _Placed | None = None
    if figures is not None:
        placed = _placed(header, figures, texts)
    elif piped and any(not text for row in texts for text in row) and all(len(row) <= width for row in texts):
        # (a dump that prints every empty cell leaves out only the cells merges cover, on a row's left: its rows
        # go under the header right-aligned, whatever kind its columns are)
        aligned, filled = place_under(header, [(row[0][1], text) for row, text in zip(rows, texts, strict=True)], 1,
                                      cut=True)
        placed = ([cells for _, cells in aligned], filled)
    if placed is None:
        return None
    body: Rows = [(row[0][1], cells) for row, cells in zip(rows, placed[0], strict=True)]
    return BarTable([], [(cells[0][1], header), *body], rows[-1][-1][2], 0, placed[1])


def _roles(header: list[str]) -> list[str]:
    return [column_role(words[0]) if (words := column_words(cell)) else OTHER for cell in header]


def _figures_column(header: list[str]) -> int | None:
    """The header's first 分值/得分 column, when every column from it on holds figures or a remark (a 评分标准
    column among the figures leaves no side of a row to place it by: None)."""
    roles = _roles(header)
    figures = next((c for c, role in enumerate(roles) if role in (WEIGHT, SCORE)), None)
    if figures is None or not all(_figure_column(cell, role) for cell, role in zip(header[figures:], roles[figures:],
                                                                                  strict=True)):
        return None
    return figures


_Placed = tuple[list[list[str]], set[tuple[int, int]]]


def _placed(header: list[str], figures: int, rows: list[list[str]]) -> _Placed | None:
    """Each row under the header: its number under 序号, its text cells right up to the header's first figure
    column (分值, 得分), its figures from there on; the cells it leaves out on its left (merged down) read as the row
    above's. None where a row does not fit."""
    placed: list[list[str]] = []
    filled: set[tuple[int, int]] = set()
    for cells in rows:
        numbered = bool(cells) and cells[0].isdigit()
        rest = cells[1:] if numbered else cells
        split = next((k for k, text in enumerate(rest) if _FIGURE.match(text)), len(rest))
        while not any(_FIGURE.match(text) for text in rest) and split > 0 and not rest[split - 1]:
            split -= 1  # (a row without figures, cut by the page or left unscored: its empty cells are theirs)
        texts, tail = rest[:split], rest[split:]
        while texts and not texts[0]:
            texts = texts[1:]  # (a cell a merge covers, printed empty: it reads as the row above's)
        if figures + len(tail) > len(header) and not any(tail[len(header) - figures:]):
            tail = tail[:len(header) - figures]  # (the empty cells the next row opens with: merged, not this row's)
        begin = figures - len(texts)
        if begin < 1 or figures + len(tail) > len(header):
            return None
        above = placed[-1] if placed else [""] * len(header)
        row = [cells[0] if numbered else above[0], *above[1:begin], *texts, *tail]
        row += [""] * (len(header) - len(row))
        spanned = range(1, begin) if numbered else range(begin)
        filled.update((len(placed) + 1, c) for c in spanned if row[c])
        placed.append(row)
    return placed, filled


def _figure_column(label: str, role: str) -> bool:
    """A column of figures (分值, 得分, 县级评分) or of a remark the rows leave empty."""
    return role in (WEIGHT, SCORE, REMARK) or matches("indicator.score", label) or matches("indicator.weight", label)


def _cells(lines: list[PhysLine], start: int, piped: bool) -> list[_Cell]:
    """The cells from `start`: each line closed by its '|' (piped), or each bare line with no '|'."""
    cells: list[_Cell] = []
    for i in range(start, len(lines)):
        text = lines[i].text
        match = _PIPE_CELL.match(text)
        if piped != (match is not None) or (not piped and ("|" in text or "｜" in text)):
            break
        cells.append(((match.group(1) if match else text).strip(), lines[i], i + 1))
    return cells


def _numbered_rows(cells: list[_Cell], width: int, piped: bool, criteria: bool,
                   shortest: int) -> list[list[_Cell]] | None:
    """The cells cut into rows at the row numbers 1, 2, 3 …; None when a row cannot be parted to the header's
    width. A bare dump's last row takes no more cells than the row above (what follows is the page's prose)."""
    rows: list[list[_Cell]] = []
    at, number = 0, 1
    while True:
        following = str(number + 1)
        # (the last such number within a row's width of this row's start: a 分值 equal to it stands earlier; past
        # that width, the first one, a second criterion of the item having made the row longer)
        found = [k for k in range(at + shortest, len(cells) - 1)
                 if cells[k][0] == following and _opens(_next_filled(cells, k + 1))]
        within = [k for k in found if k <= at + width]
        nxt = within[-1] if within else found[0] if found else None
        if nxt is None:
            break
        rows.append(cells[at:nxt])
        at, number = nxt, number + 1
    if number < _MIN_ROWS:
        return None  # (the numbers do not run on: no row can be told)
    last = cells[at:]
    if not piped and rows:
        last = last[:min(width, max(len(row) for row in rows))]
    rows.append(last)
    parted: list[list[_Cell]] = []
    for row in rows:
        while criteria and (cut := _criterion_start(row)) is not None:
            parted.append(row[:cut])
            row = row[cut:]
        parted.append(row)
    return parted


def _next_filled(cells: list[_Cell], start: int) -> str:
    """The first cell from `start` that is not empty (a row's merged cells printed empty come before it)."""
    return next((text for text, _, _ in cells[start:] if text), "")


def _opens(text: str) -> bool:
    """A cell that may follow a row's number: a label or a name, no figure."""
    return bool(text) and not _FIGURE.match(text)


def _criterion_start(row: list[_Cell]) -> int | None:
    """Where a second criterion of the row's item begins: the first text cell that follows a figure (empty cells
    between them stay with the figures)."""
    for k in range(2, len(row)):
        if not _opens(row[k][0]):
            continue
        before = k - 1
        while before > 0 and not row[before][0]:
            before -= 1
        if before > 0 and _FIGURE.match(row[before][0]):  # (not the row's own number)
            return k
    return None
