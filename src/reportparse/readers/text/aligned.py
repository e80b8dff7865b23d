"""Plain-text input: goal tables in a column-aligned dump (`pdftotext -layout` and the like).

Such a dump keeps each cell at its column: cells are separated by runs of two or more spaces,
and a cell cut over several lines stays at the same position. The header (一级目标 二级目标 ...,
its words maybe cut over two lines, `一级目` / `标`) gives the column positions; every body
chunk goes to the column it starts under. A line with both a name and a target starts a row;
other lines continue the cells they touch. Level labels start on a row's first line and are
carried down to the following rows like merged cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Table
from reportparse.readers.text.headers import Frag, Header
from reportparse.readers.text.lines import PhysLine, join_fragments, monospace_width
from reportparse.readers.text.signals import (
    L1,
    L2,
    MIN_COLUMN_WORDS,
    NAME,
    column_role,
    column_words,
    is_heading_start,
    level_of,
    name_role_fix,
    target_complete,
)

#: A cell of an aligned line: text whose inner spaces are single (two or more separate cells).
_CHUNK_RE = lazy_compile(r"\S+(?: \S+)*")

#: A chunk may start this many characters before its header word (headers are often centred).
_SLACK = 3

#: A second header line's pieces (the cut-off ends of header words, `标` under `一级目`) are at
#: most this many characters: a column word is cut near its end, and a longer chunk under the
#: header is the first body row.
_MAX_HEADER_TAIL_CHARS = 3

#: A piece of the second header line belongs to the column starting within this many characters
#: of it: both lines were laid out from the same column edge, bar a centring character.
_HEADER_TAIL_TOLERANCE = 1

#: A single chunk left of the table's first column ends the table when it is at least this many
#: characters: running text resumes; shorter, it is a page number or a stray label.
_MIN_PROSE_CHARS = 12


#: A header's last cell that is a bare figure ('实际完成指标值  50'): the block's points over the rows' scores.
_POINTS = lazy_compile(r"\d{1,3}(?:\.\d)?")
#: A name opened by the template's row number ('指标2:违法案件查…'): a row of its own, whatever the target above
#: it looks like (a worded target, '已完成', tells no end).
_NUMBERED_NAME = lazy_compile(r"^指标\s*\d{1,2}\s*[:：.．、]")


@dataclass(slots=True)
class _Chunk:
    """A cell of an aligned line and the column it starts at."""

    start: int
    text: str
    line: PhysLine


def chunks(line: PhysLine, by_width: bool = False) -> list[_Chunk]:
    """The cells of one aligned line, with the column each starts at: counted in characters, or in monospaced
    columns (a Han character two) for a dump padded to the display width."""
    raw = line.raw or line.text
    if by_width:
        return [_Chunk(monospace_width(raw[: m.start()]), m.group(), line) for m in _CHUNK_RE.finditer(raw)]
    return [_Chunk(m.start(), m.group(), line) for m in _CHUNK_RE.finditer(raw)]


#: How many lines under a header tell how the dump counts its columns.
_FIT_LINES = 12


def _counts_width(lines: list[PhysLine], i: int) -> bool:
    """Does the dump pad its columns to the display width (a Han character two columns) rather than count
    characters? The measure under which more cells of the lines below the header start at a header column. (A
    row whose first cells are Han text shifts every later cell by the one measure and not by the other.)"""
    def fits(by_width: bool) -> int:
        starts = [c.start for c in chunks(lines[i], by_width)]
        return sum(any(abs(c.start - s) <= _SLACK for s in starts)
                   for line in lines[i + 1:i + 1 + _FIT_LINES] for c in chunks(line, by_width))
    return fits(True) > fits(False)


@dataclass(slots=True)
class AlignedHeader:
    """A column-aligned goal-table header: column start positions, texts and roles."""

    header: Header
    starts: list[int]
    end: int
    """index of the first body line"""
    by_width: bool = False
    """the columns are counted in display width (see `_counts_width`)"""


def aligned_header_at(lines: list[PhysLine], i: int) -> AlignedHeader | None:
    """The aligned header starting at line `i` (its words may be cut over a second line), or None."""
    if "  " not in lines[i].text:
        return None  # no run of spaces between cells
    first = chunks(lines[i])
    if len(first) < MIN_COLUMN_WORDS:
        return None
    by_width = _counts_width(lines, i)
    first = chunks(lines[i], by_width)
    columns = [[c] for c in first]
    end = i + 1
    # a second header line holds the cut-off ends of header words, under the same columns
    if end < len(lines):
        below = chunks(lines[end], by_width)
        if (
            below
            and all(len(c.text) <= _MAX_HEADER_TAIL_CHARS for c in below)
            and all(_column_of(c, first) is not None for c in below)
        ):
            for c in below:
                k = _column_of(c, first)
                if k is not None:
                    columns[k].append(c)
            end += 1
    texts = ["".join(c.text for c in col) for col in columns]
    keep = [k for k, text in enumerate(texts) if column_words(text)]
    if len(keep) < MIN_COLUMN_WORDS or len({column_role(texts[k]) for k in keep}) < MIN_COLUMN_WORDS:
        return None
    if keep[-1] == len(texts) - 2 and _POINTS.fullmatch(texts[-1]):
        keep.append(len(texts) - 1)  # (the block's points printed where a 得分 label would stand: a column of scores)
    cells = [Frag(texts[k], columns[k][0].line) for k in keep]
    roles = name_role_fix([column_role(texts[k]) for k in keep], [texts[k] for k in keep])
    if NAME not in roles:
        return None
    header = Header(list(lines[i:end]), cells, roles)
    return AlignedHeader(header, [columns[k][0].start for k in keep], end, by_width)


def _column_of(chunk: _Chunk, columns: list[_Chunk]) -> int | None:
    """Index of the column whose start is within a character or two of `chunk`'s start."""
    for k, col in enumerate(columns):
        if abs(col.start - chunk.start) <= _HEADER_TAIL_TOLERANCE:
            return k
    return None


def aligned_table_end(lines: list[PhysLine], start: int, header: AlignedHeader) -> int:
    """Index of the first line after the aligned table body that starts at `start`."""
    first_col = header.starts[0]
    end = start
    while end < len(lines):
        line = lines[end]
        parts = chunks(line, header.by_width)
        if is_heading_start(line.text) or aligned_header_at(lines, end) is not None:
            break
        # running text: one chunk starting left of the table's first column, as wide as prose
        if len(parts) == 1 and parts[0].start < first_col - _SLACK and len(line.text) >= _MIN_PROSE_CHARS:
            break
        end += 1
    return end


@dataclass
class _Row:
    """One indicator row: fragments by column, and the level labels in force."""

    cells: dict[int, list[Frag]] = field(default_factory=dict)
    levels: dict[int, list[Frag]] = field(default_factory=dict)
    """label fragments by column; rows under one label share the same list"""


def read_aligned_table(header: AlignedHeader, body: list[PhysLine], index: int) -> Table:
    """Rebuild the rows of an aligned goal table; one cell per header column."""
    roles = header.header.roles
    name_col = roles.index(NAME)
    first_value = name_col + 1 if name_col + 1 < len(roles) else name_col
    level_cols = [k for k, r in enumerate(roles) if r in (L1, L2)]
    rows: list[_Row] = []
    labels: dict[int, list[Frag]] = {}
    for line in body:
        placed: dict[int, Frag] = {}
        for chunk in chunks(line, header.by_width):
            k = _place(chunk.start, header.starts)
            if k is not None:
                placed[k] = Frag(chunk.text, line)
        if not placed:
            continue
        row = rows[-1] if rows else None
        new_label = any(k in placed and not _continues_label(labels.get(k, []), placed[k].text) for k in level_cols)
        opens = name_col in placed and (
            row is None
            or (
                first_value in placed
                and first_value in row.cells
                and (new_label or target_complete(join_fragments([f.text for f in row.cells[first_value]])[0])
                     or _NUMBERED_NAME.match(placed[name_col].text) is not None)
            )
        )
        if opens:
            for k in level_cols:
                if k in placed and not _continues_label(labels.get(k, []), placed[k].text):
                    _set_label(labels, placed.pop(k), k, roles, level_cols)
            row = _Row(levels=dict(labels))
            rows.append(row)
        if row is None:
            continue
        for k, frag in placed.items():
            if k in level_cols:
                labels.setdefault(k, []).append(frag)  # the cut-off end of a label (`质量目` / `标`)
                row.levels.setdefault(k, labels[k])
            else:
                row.cells.setdefault(k, []).append(frag)
    return _table(header, rows, index)


def _continues_label(label: list[Frag], text: str) -> bool:
    """True when `text` is the cut-off end of the label above it (`成本目` / `标`)."""
    so_far = "".join(f.text for f in label)
    return bool(so_far) and not level_of(so_far) and bool(level_of(so_far + text))


def _set_label(labels: dict[int, list[Frag]], frag: Frag, col: int, roles: list[str], level_cols: list[int]) -> None:
    """Start a new label. A label names its own level (满意度 written in the 二级 column is 一级)."""
    level = level_of(frag.text)
    l1_cols = [k for k in level_cols if roles[k] == L1]
    l2_cols = [k for k in level_cols if roles[k] == L2]
    if level == 1 and l1_cols:
        col = l1_cols[0]
    elif level == 2 and l2_cols:
        col = l2_cols[0]
    labels[col] = [frag]
    if roles[col] == L1:  # a new 一级 closes the 二级 in force
        for j in l2_cols:
            labels[j] = []


def _place(start: int, starts: list[int]) -> int | None:
    """The column a chunk starting at `start` belongs to: the last column starting at or before it."""
    k = None
    for j, col in enumerate(starts):
        if col <= start + _SLACK:
            k = j
    return k


def _table(header: AlignedHeader, rows: list[_Row], index: int) -> Table:
    """The Table: the header as written, then one row per indicator, levels repeated as merged cells."""
    head = [
        Cell(text=f.text, row=0, col=c, page=f.line.page, line=f.line.no) for c, f in enumerate(header.header.cells)
    ]
    grid = [head]
    spans: dict[int, int] = {}
    for row in rows:
        for frags in row.levels.values():
            spans[id(frags)] = spans.get(id(frags), 0) + 1
    for r, row in enumerate(rows, start=1):
        page = next((fs[0].line.page for fs in row.cells.values() if fs), head[0].page)
        cells: list[Cell] = []
        for c, role in enumerate(header.header.roles):
            frags = row.levels.get(c, []) if role in (L1, L2) else row.cells.get(c, [])
            if not frags:
                cells.append(Cell(text="", row=r, col=c, page=page))
                continue
            text = join_fragments([f.text for f in frags])[0]
            merged = role in (L1, L2) and spans.get(id(frags), 0) > 1
            cells.append(Cell(text=text, row=r, col=c, page=frags[0].line.page, line=frags[0].line.no, merged=merged))
        grid.append(cells)
    pages = sorted({cell.page for line in grid for cell in line})
    return Table(index=index, rows=grid, page=pages[0], pages=pages)


def has_wrapped_names(lines: list[PhysLine], header: AlignedHeader) -> bool:
    """Under a form's aligned indicator header, do names wrap onto lines of their own (a line holding one piece,
    under the name column, that is no level label)? Such a table is read by its columns (`aligned`); a form whose
    rows keep to one line each is left to the form reader, which reads its rows as they stand."""
    name_start = header.starts[header.header.roles.index(NAME)]
    lone = 0
    for line in lines[header.end:header.end + _WRAP_PROBE_LINES]:
        pieces = chunks(line, header.by_width)
        if len(pieces) == 1 and abs(pieces[0].start - name_start) <= _SLACK \
                and len(pieces[0].text) <= _WRAP_PIECE_CHARS and not level_of(pieces[0].text) \
                and any(ch.isalnum() for ch in pieces[0].text):
            lone += 1
    return lone >= _MIN_WRAPPED_NAMES


#: How many lines under an aligned header are looked at for wrapped names, how long a wrapped piece is at most,
#: and how many such pieces make a table of wrapped names.
_WRAP_PROBE_LINES = 12
_WRAP_PIECE_CHARS = 12
_MIN_WRAPPED_NAMES = 2
