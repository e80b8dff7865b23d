"""Ruled tables of PDF pages: cells found, merged cells resolved, page-split tables joined.

The cell boxes come from pdfplumber's edge algorithm (see `pdfedges`), the cell text from the
pdfium glyphs. pdfplumber reports a merged cell once, at its top-left grid position, and `None`
in the other positions it covers. We fill every covered position with the merged cell's text
(`merged=True`), so a row read on its own says which 一级/二级目标 it belongs to. A table that
runs over a page break arrives in parts; `continues` decides whether the next page's first
table carries on the last one (same columns, no new header) and `join_parts` glues them into
one table, dropping a repeated header, putting a row broken over the break back together and
carrying merged cells over it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import Any

from reportparse.lazypattern import lazy_compile
from reportparse.model import BBox, Cell
from reportparse.readers.pdf.lines import Glyph, group_lines, join_pieces

#: Column edges of two parts of one table may differ by this much (points) ...
EDGE_TOLERANCE = 3.0
#: ... once the next page's table is moved sideways by at most this much as a whole (a scanned or
#: photographed page lies on the glass, or in the picture, a little to one side of the one before).
MAX_PAGE_SHIFT = 12.0


@dataclass
class TablePart:
    """A table as found on one page, with the bookkeeping needed to join it to its continuation."""

    page: int
    bbox: BBox
    col_edges: list[float]
    rows: list[list[Cell]]
    #: origins[r][c] = (row, col) of the merged cell that covers grid position (r, c)
    origins: list[list[tuple[int, int]]]
    #: the page of the last part joined so far (a table may run over several pages)
    end_page: int = 0

    def __post_init__(self) -> None:
        self.end_page = self.end_page or self.page

    @property
    def width(self) -> int:
        return len(self.col_edges) - 1


def find_page_tables(
    segments: list[tuple[float, float, float, float]], glyphs: list[Glyph | None], page_number: int
) -> list[TablePart]:
    """The ruled tables (at least two columns) that the page's ruling segments make, top to bottom.

    One-row tables are kept: the remainder of a table whose last row runs onto the next page is
    often a single row, and it must be joined to the first part.
    """
    from reportparse.readers.pdf.edges import table_cell_groups

    parts: list[TablePart] = []
    for found in table_cell_groups(segments):
        part = _part_from_cells(found, glyphs, page_number)
        if part is not None:
            parts.append(part)
    parts.sort(key=lambda p: (p.bbox.top, p.bbox.x0))
    return parts


def _part_from_cells(found: Any, glyphs: list[Glyph | None], page_number: int) -> TablePart | None:
    """Turn one pdfplumber cell group into a TablePart: cell texts from the glyphs, merges filled."""
    rows = found.rows
    columns = found.columns
    if len(columns) < 2:
        return None  # a single ruled box is a frame around text, not a table
    # grid lines: every cell starts on one; a CellGroup's own bbox would stretch over merged cells
    xs = [*sorted({box[0] for box in found.cells}), max(box[2] for box in found.cells)]
    ys = [*sorted({box[1] for box in found.cells}), max(box[3] for box in found.cells)]
    col_spans = list(itertools.pairwise(xs))
    row_spans = list(itertools.pairwise(ys))
    # every real cell's box, to find which one covers a `None` position
    boxes: dict[tuple[int, int], tuple[float, float, float, float]] = {}
    for r, row in enumerate(rows):
        for c, box in enumerate(row.cells):
            if box is not None:
                boxes[(r, c)] = box
    owners = [[(r, c) if (r, c) in boxes else _covering(boxes, col_spans[c], row_spans[r])
               for c in range(len(columns))] for r in range(len(rows))]
    texts, per_row = _cell_texts(owners, xs, ys, glyphs)
    grid: list[list[Cell]] = []
    origins: list[list[tuple[int, int]]] = []
    for r in range(len(rows)):
        cells: list[Cell] = []
        row_origins: list[tuple[int, int]] = []
        for c in range(len(columns)):
            origin = owners[r][c]
            text = ""
            bbox = None
            if (r, c) in per_row:  # a figure of its own, its rule to the cell below lost
                origin, text = (r, c), per_row[(r, c)]
                bbox = BBox(x0=xs[c], top=ys[r], x1=xs[c + 1], bottom=ys[r + 1])
            elif origin is not None:
                text = texts.get(origin, "")
                x0, top, x1, bottom = boxes[origin]
                bbox = BBox(x0=x0, top=top, x1=x1, bottom=bottom)
            cells.append(Cell(text=text, row=r, col=c, page=page_number, bbox=bbox,
                              merged=origin is not None and origin != (r, c)))
            row_origins.append(origin or (r, c))
        grid.append(cells)
        origins.append(row_origins)
    x0, top, x1, bottom = found.bbox
    return TablePart(page=page_number, bbox=BBox(x0=x0, top=top, x1=x1, bottom=bottom), col_edges=xs,
                     rows=grid, origins=origins)


def _cell_texts(
    owners: list[list[tuple[int, int] | None]], xs: list[float], ys: list[float], glyphs: list[Glyph | None]
) -> tuple[dict[tuple[int, int], str], dict[tuple[int, int], str]]:
    """Each cell's text: the glyphs centred in its box, grouped into lines, wrapped lines joined;
    and, for a cell spanning rows that holds one bare figure at the height of each (see
    `_figure_per_row`), each grid position's own figure.

    `owners[r][c]` names the cell covering grid position (r, c); `xs`/`ys` are the grid lines.
    """
    per_cell: dict[tuple[int, int], list[Glyph | None]] = {}
    last_key: tuple[int, int] | None = None
    for glyph in glyphs:
        if glyph is None:
            if last_key is not None:
                per_cell[last_key].append(None)
            continue
        cx, cy = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        if not (xs[0] <= cx < xs[-1] and ys[0] <= cy < ys[-1]):
            continue
        key = owners[bisect.bisect_right(ys, cy) - 1][bisect.bisect_right(xs, cx) - 1]
        if key is None:
            continue
        if last_key is not None and key != last_key and per_cell[last_key][-1:] != [None]:
            per_cell[last_key].append(None)  # text moved to another cell: the line ended
        per_cell.setdefault(key, []).append(glyph)
        last_key = key
    texts: dict[tuple[int, int], str] = {}
    per_row: dict[tuple[int, int], str] = {}
    for key, cell_glyphs in per_cell.items():
        lines = sorted(group_lines(cell_glyphs, 0), key=lambda line: (round(line.top), line.x0))
        text = ""
        for line in lines:
            text = join_pieces(text, line.text.strip()) if text else line.text.strip()
        texts[key] = text
        covered = [(r, c) for r, row in enumerate(owners) for c, owner in enumerate(row) if owner == key]
        spanned = sorted({r for r, _ in covered})
        if len(spanned) > 1 and all(c == key[1] for _, c in covered):  # one column, rows spanned
            per_row.update(_figure_per_row(key, lines, spanned, ys))
    return texts, per_row


def _figure_per_row(key: tuple[int, int], lines: list[Any], spanned: list[int],
                    ys: list[float]) -> dict[tuple[int, int], str]:
    """A cell spanning rows whose lines are bare figures, one centred in each row it spans: the
    rule between those rows was lost (under a seal's ring, on a faint scan), and each figure is its
    own row's, not the text of one merged cell ('10' above '10' read as 1010). Each grid position
    (row, column) of the cell's column with its figure; none for any other cell."""
    texts = [line.text.strip() for line in lines]
    if len(lines) != len(spanned) or not all(_BARE_FIGURE.match(text) for text in texts):
        return {}
    rows = [bisect.bisect_right(ys, (line.top + line.bottom) / 2) - 1 for line in lines]
    if rows != spanned:
        return {}
    return {(r, key[1]): text for r, text in zip(rows, texts, strict=True)}


def _covering(
    boxes: dict[tuple[int, int], tuple[float, float, float, float]],
    col_span: tuple[float, float],
    row_span: tuple[float, float],
) -> tuple[int, int] | None:
    """The real cell whose box contains the centre of a grid position, if any."""
    cx = (col_span[0] + col_span[1]) / 2
    cy = (row_span[0] + row_span[1]) / 2
    for key, (x0, top, x1, bottom) in boxes.items():
        if x0 <= cx <= x1 and top <= cy <= bottom:
            return key
    return None


_HAS_DIGIT = lazy_compile(r"\d")
_NUMBER = lazy_compile(r"[-+]?[\d,.]+\s*%?")
#: a cell that opens a numbered item (指标 2：, 1、, (3)) starts a row; it does not continue one
_ITEM_START = lazy_compile(r"^\s*(?:\S{0,4}?\s*\d{1,2}\s*[：:、.．]|[（(]\d{1,2}[)）])")


_BARE_FIGURE = re.compile(r"^[-+]?[\d,.]+%?$")


def _looks_like_header(row: list[Cell]) -> bool:
    """A header row names columns: every cell filled, no numbers."""
    return all(cell.text and not _HAS_DIGIT.search(cell.text) for cell in row)


def same_columns(first: TablePart, second: TablePart) -> bool:
    """Whether two parts share their column layout (count and x positions, the second part perhaps
    moved sideways as a whole: its columns keep their widths)."""
    if first.width != second.width:
        return False
    offsets = sorted(b - a for a, b in zip(first.col_edges, second.col_edges, strict=True))
    shift = offsets[len(offsets) // 2]
    if abs(shift) > MAX_PAGE_SHIFT:
        return False
    return all(abs(offset - shift) <= EDGE_TOLERANCE for offset in offsets)


def continues(first: TablePart, second: TablePart) -> bool:
    """Whether `second` (first table on the next page) carries on `first` rather than starting anew."""
    if second.page != first.end_page + 1 or not same_columns(first, second):
        return False
    if _repeated_header(first, second):
        return True  # the header repeated on every page
    return not (_looks_like_header(second.rows[0]) and _looks_like_header(first.rows[0]))


def _repeated_header(first: TablePart, second: TablePart) -> bool:
    """Whether the continuation opens with a header row of the first part printed again: its top
    row, or a row further down that heads a block (a form's indicator header, set to repeat on
    every page when the indicator rows run over it). A repeated row names at least three columns
    and holds no bare figure, so a data row that happens to recur is not taken for one."""
    head = [cell.text for cell in second.rows[0]]
    if head == [cell.text for cell in first.rows[0]]:
        return True
    names = {t for t in head if t}
    if len(names) < 3 or any(_BARE_FIGURE.match(t) for t in names):
        return False
    return any(head == [cell.text for cell in row] for row in first.rows[1:])


def join_parts(first: TablePart, second: TablePart) -> TablePart:
    """Append `second` to `first`: drop a repeated header, carry merged cells over the page break."""
    skip = 1 if _repeated_header(first, second) else 0
    if skip < len(second.rows) and _row_remainder(first, second, skip):
        _absorb_remainder(first, second, skip)
        skip += 1
    if skip < len(second.rows):
        _carry_over_merges(first, second, skip)
    offset = len(first.rows) - skip
    rows = list(first.rows)
    origins = list(first.origins)
    for r in range(skip, len(second.rows)):
        rows.append([cell.model_copy(update={"row": cell.row + offset}) for cell in second.rows[r]])
        origins.append([(orow + offset, ocol) for orow, ocol in second.origins[r]])
    return TablePart(page=first.page, bbox=first.bbox, col_edges=first.col_edges, rows=rows, origins=origins,
                     end_page=second.page)


def _carry_over_merges(first: TablePart, second: TablePart, start: int) -> None:
    """Fill empty cells at the top (row `start`) of a continuation from the merged cell they continue.

    Word and LibreOffice split a vertically merged cell at the page break and print its text only
    on the first page. An empty top cell is such a remainder when the cell above it (last row of
    the first part) was itself merged from above, or when the empty cell spans several rows.
    """
    last = len(first.rows) - 1
    for c in range(second.width):
        # the cell at (start, c) may begin above `start` (in a remainder row already absorbed)
        origin = second.origins[start][c]
        if origin[1] != c or second.rows[origin[0]][c].text:
            continue
        above = first.rows[last][c]
        above_merged = first.origins[last][c][0] < last
        spans_down = any(second.origins[r][c] == origin for r in range(start + 1, len(second.rows)))
        if not above.text or not (above_merged or spans_down):
            continue
        for r, row in enumerate(second.rows):
            for k, cell in enumerate(row):
                if second.origins[r][k] == origin:
                    row[k] = cell.model_copy(update={"text": above.text, "merged": True})


def _own_texts(part: TablePart, r: int) -> dict[int, str]:
    """Column → text of the cells that start in row `r` and carry text."""
    return {c: cell.text for c, cell in enumerate(part.rows[r]) if cell.text and part.origins[r][c] == (r, c)}


def _row_remainder(first: TablePart, second: TablePart, start: int) -> bool:
    """Whether row `start` of the continuation is the rest of the first part's last row.

    Word lets a row break across pages: the cells whose text did not fit carry on in a row at the
    top of the next page, and every other cell of that row is empty. So the remainder has text
    only in columns where the cut row has text of its own; no cut text ended a sentence; no
    remainder text starts a numbered item or is a bare number (numbers do not wrap: a 总分 row
    at the top of the page is a row of its own) unless it ends a cut comparator, see
    `_number_cut_off`. The caller joins only a table that ends its page (nothing below its bottom
    ruling) to one that opens the next. And the remainder must leave out much of the
    cut row: fewer than half of its filled columns, or a number the cut row holds (a new row
    would bring its own 分值/得分).
    """
    last = len(first.rows) - 1
    rest = _own_texts(second, start)
    cut = {c: cell.text for c, cell in enumerate(first.rows[last]) if cell.text}
    if not rest or not set(rest) <= set(cut):
        return False
    for c, text in rest.items():
        if (first.origins[last][c][0] != last  # the cut cell is merged from above
                or cut[c].rstrip()[-1:] in "。！？!?；;"
                or (_NUMBER.fullmatch(text.strip()) and not _number_cut_off(cut[c], rest, cut))
                or _ITEM_START.match(text)):
            return False
    own_cut = {c for c in cut if first.origins[last][c][0] == last}
    left_out_number = any(_NUMBER.fullmatch(cut[c].strip()) for c in own_cut - set(rest))
    return 2 * len(rest) < len(cut) or left_out_number


def _number_cut_off(cut_text: str, rest: dict[int, str], cut: dict[int, str]) -> bool:
    """Whether a bare number at the top of the next page ends a cut cell (不低于 | 90%).

    A target such as 不低于 90% wraps after its comparator, so its number lands in the remainder.
    That is only believable when the cut text is words without a number at its end, and when
    the row's numeric columns (分值/得分, filled with bare numbers in the cut row) stay empty in
    the remainder — a row of its own (a 总分 row) would fill them.
    """
    text = cut_text.strip()
    if not text or _NUMBER.fullmatch(text) or _HAS_DIGIT.search(text[-1]):
        return False
    return not any(_NUMBER.fullmatch(cut[c].strip()) for c in rest)


def _absorb_remainder(first: TablePart, second: TablePart, start: int) -> None:
    """Append the remainder row's texts to the cut row's cells (and every copy of a merged one)."""
    last = len(first.rows) - 1
    for c, text in _own_texts(second, start).items():
        origin = first.origins[last][c]
        joined = join_pieces(first.rows[last][c].text, text)
        for r, row in enumerate(first.rows):
            for k, cell in enumerate(row):
                if first.origins[r][k] == origin:
                    row[k] = cell.model_copy(update={"text": joined})
