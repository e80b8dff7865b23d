"""Plain-text input: a layout dump's cells wrapped in their narrow columns, put back on their row.

A PDF form laid out as text (`pdftotext -layout`) keeps each cell at its column, and a cell longer
than its column goes on at the same column on the lines below, the other columns blank there:

    预算部门、单位名  衡山县贯塘乡人民
    称                政府
    1     三门县住房和城乡  三门县市政公用工  三门县城镇污水处  0.4   87   良
          建设局            程建设事务中心    理设施建设工程

Read line by line, '称' and '政府' would be a row of their own and the name a fragment. A line is
such a continuation when each of its cells starts where a cell of the line above starts and that
cell filled its column (it ends within a gap's width of the next column's start: the wrap is
where the column ran out, and the piece below is no wider); a line with a piece under every cell
of the line above, a bare figure among them, is the next row printed in the same columns. Each
piece is then joined to the cell it continues, and the row is one line again, its cells two
spaces apart or more.

Inside an indicator table (from its header to the prose after it) nothing is joined here: its
rows are read by position (`gapped`, `aligned`), which joins a wrapped name itself, and a row of
labels there ('质量指标' under '数量指标', both as wide as their column) looks like a wrap.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportparse.lazypattern import lazy_compile
from reportparse.readers.text.lines import PhysLine, display_width, join_fragments, monospace_width
from reportparse.readers.text.signals import MIN_COLUMN_WORDS, NAME, column_role, column_words, level_of

#: A cell of a layout line: text whose inner spaces are single (two or more separate cells).
_CHUNK_RE = lazy_compile(r"\S+(?: \S+)*")
#: A cell fills its column when at most this many spaces stand between its end and the next
#: column's start: the two spaces between columns, and one more where a Han character did not fit.
_MAX_FILL_GAP = 3
#: The last cell of a row has no next column to measure it by: it fills its column when at least
#: this wide (a remark or a name of a few characters; a figure or a grade does not wrap).
_MIN_LAST_CELL_WIDTH = 8
#: A continuation piece starts within this many columns of the cell it continues.
_START_TOLERANCE = 1
#: A cell that is a figure and nothing else ('2', '0.4'): a row's serial number or amount.
_BARE_NUMBER = lazy_compile(r"[\d.,%]+")
#: A lone piece at a line's start continues a row of at least this many cells (a table's row, not a
#: line of 'label  value' fields).
_MIN_ROW_CELLS = 3
#: A single cell at least this long at the line's start is running text: an indicator table is over.
_MIN_PROSE_CHARS = 20


@dataclass(slots=True)
class _Piece:
    start: int  # monospaced column where the cell starts
    end: int  # ...and the column after its last character
    text: str


def _pieces(line: PhysLine) -> list[_Piece]:
    raw = line.raw or line.text
    out: list[_Piece] = []
    for match in _CHUNK_RE.finditer(raw):
        start = monospace_width(raw[: match.start()])
        out.append(_Piece(start, start + monospace_width(match.group()), match.group()))
    return out


def _laid_out(line: PhysLine) -> bool:
    """A line of a layout dump: cells apart by runs of spaces, no tab or '|' (delimited rows have
    readers of their own)."""
    raw = line.raw or line.text
    return "  " in raw.strip() and not any(mark in line.text for mark in ("\t", "|", "｜"))


def _is_indicator_header(line: PhysLine) -> bool:
    cells = [piece.text for piece in _pieces(line)]
    roles = {column_role(cell) for cell in cells if column_words(cell)}
    return len(roles) >= MIN_COLUMN_WORDS and NAME in roles


def _is_prose(line: PhysLine) -> bool:
    pieces = _pieces(line)
    return len(pieces) == 1 and pieces[0].start == 0 and len(pieces[0].text) >= _MIN_PROSE_CHARS


def continued(above: list[_Piece], below: list[_Piece]) -> dict[int, int] | None:
    """Which cell of the line above each piece of the line below continues ({below: above}), or None
    when the line below is not a continuation of the one above."""
    if len(above) < 2 or not below or len(below) > len(above) \
            or (len(below) == len(above) and any(_BARE_NUMBER.fullmatch(piece.text) for piece in below)):
        return None  # every cell again, a figure among them: the next row
    if len(below) == 1 and below[0].start == 0 and len(above) < _MIN_ROW_CELLS:
        return None  # a line of its own after 'label  value' fields ('电话：…' under '单位：…  联系人：…')
    starts = sorted({p.start for p in above} | {p.start for p in below})
    pairs: dict[int, int] = {}
    for b, piece in enumerate(below):
        a = next((k for k, cell in enumerate(above) if abs(cell.start - piece.start) <= _START_TOLERANCE), None)
        if a is None or a in pairs.values() or level_of(piece.text):
            return None
        cell = above[a]
        if piece.end - piece.start > cell.end - cell.start + _START_TOLERANCE:
            return None  # wider than the column the cell above filled: no piece of it
        boundary = next((s for s in starts if s > cell.start + _START_TOLERANCE), None)
        fills = (boundary - cell.end <= _MAX_FILL_GAP) if boundary is not None \
            else cell.end - cell.start >= _MIN_LAST_CELL_WIDTH
        if not fills:
            return None
        pairs[b] = a
    return pairs


def _rebuilt(line: PhysLine, cells: list[_Piece]) -> PhysLine:
    """The row's line with its cells joined: each at its column, or two spaces after the cell before
    when that one grew past it."""
    raw, at = "", 0
    for cell in cells:
        start = max(cell.start, at + 2) if raw else cell.start
        raw += " " * (start - at) + cell.text
        at = start + monospace_width(cell.text)
    return replace(line, text=raw.strip(), raw=raw, width=display_width(raw.strip()))


def unwrap_cells(lines: list[PhysLine]) -> list[PhysLine]:
    """The lines with every layout row's wrapped cells joined back onto the row's first line."""
    out: list[PhysLine] = []
    row: list[_Piece] = []  # the cells of the row out[-1] holds (joined so far)
    above: list[_Piece] = []  # the cells of the physical line before, as printed
    in_indicators = False
    for line in lines:
        laid_out = _laid_out(line)
        if laid_out and _is_indicator_header(line):
            in_indicators = True
        elif in_indicators and _is_prose(line):
            in_indicators = False
        # a piece on its own continues a cell too ('程(2021-2025)'); a tab or '|' row is no layout line
        alone = not laid_out and not any(mark in line.text for mark in ("\t", "|", "｜")) and len(_pieces(line)) == 1
        pieces = _pieces(line) if laid_out or alone else []
        pairs = continued(above, pieces) if above and out and not in_indicators and line.gap == 0 \
            and line.page == out[-1].page else None
        if pairs is not None:
            for b, a in pairs.items():
                target = next(cell for cell in row if abs(cell.start - above[a].start) <= _START_TOLERANCE)
                target.text = join_fragments([target.text, pieces[b].text])[0]
            out[-1] = _rebuilt(out[-1], row)
            above = pieces
            continue
        out.append(line)
        above = pieces if laid_out else []
        row = [_Piece(p.start, p.end, p.text) for p in above]
    return out
