"""Tables printed without cell borders: a grid rebuilt from where the words sit.

A 自评表 exported from Excel usually has no borders (gridlines are not printed), so the PDF holds
only text in aligned columns. On a page with no ruled table we look for a header line holding
several known form words (一级指标, 分值, 年初预算数 …); when one is there, the page's lines from
the first to the last line with text in two or more columns become one grid. Columns start where
the header words and other left-aligned texts start (right-aligned numbers are placed by their
centre). Rows are bands of text: lines that overlap vertically belong to one row (a spreadsheet
centres a one-line cell beside a wrapped one), and a line that only continues cells of the next
or previous row (a wrapped cell's first or last line) joins that row. Where the page has
horizontal rules but no ruled grid (a sheet printed with row borders only), the rules cut the
rows instead: a word's row is the one its cell begins in under the nearest rule across it, and a
merged cell (no rule runs across it) fills every row between its rules. A table ends at a paragraph
(one run of text a line, starting at the table's left or off its columns, across two columns), and
a row set larger than the table's text is a title above it. Header titles that wrap (年初预 / 算数)
are joined back in `borderless_titles`, row labels that wrap (产出指 / 标) in `borderless_labels`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from reportparse.han import is_han
from reportparse.model import BBox, Cell
from reportparse.readers.pdf.borderless_labels import join_wrapped_labels
from reportparse.readers.pdf.borderless_titles import (
    FOLD,
    HEADER_WORDS,
    LONGEST_TITLE,
    NUMERIC,
    WRAP_GAP,
    Row,
    Word,
    glyph_word,
    header_bands,
    header_count,
    is_column_title,
    line_words,
)
from reportparse.readers.pdf.lines import TextLine, join_pieces
from reportparse.readers.pdf.tables import TablePart

#: A header line needs this many header words, a key–value row this many titles with their figures.
MIN_HEADER_WORDS, MIN_KEY_VALUE_PAIRS = 3, 2
#: A row of this many short labels, two of them titles, heads a block of its own.
MIN_LABEL_ROW = 5
#: A horizontal rule is flat within this many points and at least this long; rows are cut by
#: rules only where they run at this many heights or more.
RULE_FLATNESS, MIN_RULE_LENGTH, MIN_ROW_RULES = 1.0, 20.0, 3
#: Vertical overlap (share of the smaller height) that puts two lines into one row.
ROW_OVERLAP = 0.15
#: Column starts agree within this share of the text height (never less than MIN_TOLERANCE points).
ALIGN_TOLERANCE, MIN_TOLERANCE = 0.5, 1.0
#: A left edge shared by this many words is a column start even without a header word above it.
SHARED_START_ROWS = 3
#: A continued table's texts start on a carried column edge within the tolerance plus this slack
#: (points), and at least this share of them must, or the rows are prose, not the table.
CARRIED_SLACK, CARRIED_ALIGNED_SHARE = 2.0, 0.8
#: A unit glued to its number starts within this many points of a column edge (500个 → 500 | 个).
UNIT_EDGE_SLACK = 1.5
#: A row shorter than this many text heights is one line (a wrapped continuation is one line).
SINGLE_LINE_ROW = 1.5
#: A row whose every text is this many times the height of the run's usual text is a title, not a row.
TITLE_SIZE = 1.3
#: A merged label centred within this many text heights of the rows it spans is theirs.
CENTRED_SLACK = 0.75


def find_borderless_tables(
    lines: list[TextLine], page_number: int, carried: list[float] | None = None,
    segments: list[tuple[float, float, float, float]] | None = None,
) -> list[TablePart]:
    """The page's borderless tables, top to bottom; none when no line reads as a table header.

    `carried` are the column edges of a borderless table that ran to the foot of the previous
    page: a page without a header line may carry it on at its top, in the same columns.
    `segments` are the page's ruling lines: a table ruled only between its rows (no vertical
    rules, so no ruled grid) has its rows cut where the horizontal rules run.
    """
    words_by_line = [line_words(line) for line in lines]
    rules = _horizontal_rules(segments or [])
    rows = header_bands(_rows([w for ws in words_by_line for w in ws], rules))
    if not any(_is_header(row) for row in rows):
        if not carried or not lines:
            return []
        part = _continuation(_rows([w for ws in words_by_line for w in ws], rules), carried, page_number)
        if part is not None:
            _fill_between_rules(part, rules)
        return [part] if part is not None else []
    parts = [_table(run, page_number, rules) for run in _runs(rows)]
    return [part for part in parts if part is not None]


def _runs(rows: list[Row]) -> list[list[Row]]:
    """Stretches of rows between prose lines, each holding a header row.

    A prose line is one run of text that starts at or left of the first header column (or indented,
    off the columns) and runs across two or more header columns: no spreadsheet cell of a form is
    that wide unless merged across the whole table, and then the table breaks there anyway.
    """
    header_words = [w for row in rows if _is_header(row) for w in row.words if header_count([w])]
    tolerance = max(min(w.height for w in header_words), 2 * MIN_TOLERANCE) * ALIGN_TOLERANCE
    starts = sorted({round(w.x0) for w in header_words})
    runs: list[list[Row]] = [[]]
    for row in rows:
        if _is_prose(row, starts, tolerance):
            runs.append([])
        else:
            runs[-1].append(row)
    return [run for run in runs if any(_is_header(row) for row in run)]


def _is_prose(row: Row, starts: Sequence[float], tolerance: float) -> bool:
    """Whether a row is a paragraph between tables: each of its lines one run of text, all starting
    at one place at or left of the first header column (or, indented, where no column title starts),
    and one running across two header columns.
    Between horizontal rules a row may hold several lines: a paragraph printed between two ruled
    tables lies between the last rule of the one and the first rule of the other."""
    lines: list[list[Word]] = []
    for word in sorted(row.words, key=lambda w: (w.top, w.x0)):
        if lines and abs(word.top - lines[-1][0].top) < 0.5 * word.height:
            lines[-1].append(word)
        else:
            lines.append([word])
    if any(len(line) != 1 for line in lines):
        return False
    first = lines[0][0]
    if any(abs(line[0].x0 - first.x0) > tolerance for line in lines):
        return False
    # an indented paragraph starts off the grid, where no column title starts
    off_grid = all(abs(first.x0 - x) > tolerance + CARRIED_SLACK for x in starts)
    if first.x0 > starts[0] + tolerance and not off_grid:
        return False
    return any(sum(1 for x in starts if line[0].x0 + tolerance < x < line[0].x1) >= 2 for line in lines)


def _continuation(rows: list[Row], edges: list[float], page_number: int) -> TablePart | None:
    """The rows at the top of a page that carry on a borderless table in the columns `edges`.

    They run to the first prose line; at least two must fill two or more columns, and most of
    their texts (numbers aside, which are right-aligned) must start on a carried column edge.
    """
    starts = edges[:-1]
    _split_units(rows, starts)
    tolerance = max(min(w.height for row in rows for w in row.words), 2 * MIN_TOLERANCE) * ALIGN_TOLERANCE
    run: list[Row] = []
    for row in rows:
        word = row.words[0]
        crossed = sum(1 for x in starts if word.x0 + tolerance < x < word.x1)
        if len(row.words) == 1 and crossed >= 2:
            break
        run.append(row)
    cols = [[_column(w, starts) for w in row.words] for row in run]
    spread = [i for i, c in enumerate(cols) if len(set(c)) >= 2]
    if len(spread) < 2 or spread[0] != 0:
        return None  # the table must start the page to carry on the one before
    run, cols = run[: spread[-1] + 1], cols[: spread[-1] + 1]
    texts = [w for row in run for w in row.words if not NUMERIC.match(w.text)]
    aligned = sum(1 for w in texts if any(abs(w.x0 - x) <= tolerance + CARRIED_SLACK for x in starts))
    if not texts or aligned < CARRIED_ALIGNED_SHARE * len(texts):
        return None
    run, cols = _merge_wraps(run, cols)
    part = _part(run, cols, starts, page_number)
    part.col_edges = list(edges)  # the same grid as the part it continues, so the two are joined
    return part


def _is_header(row: Row) -> bool:
    """A row of column titles, or a row of a key–value form: titles each followed by its figure
    (预算数 6.84 到位数 6.84 执行数 6.84), two or more of them."""
    count = header_count(row.words)
    if count >= MIN_HEADER_WORDS:
        return True
    pairs = sum(1 for a, b in itertools.pairwise(row.words) if is_column_title(a.text) and NUMERIC.match(b.text))
    if count >= MIN_KEY_VALUE_PAIRS and pairs >= MIN_KEY_VALUE_PAIRS:
        return True
    # a block's own header of labels (中央(万元) | 省、地(万元) | … | 执行数(万元) | 执行率)
    labels = [w for w in row.words if is_han(w.text[:1]) and len(w.text) <= LONGEST_TITLE]
    return count >= MIN_KEY_VALUE_PAIRS and len(labels) == len(row.words) >= MIN_LABEL_ROW


def _table(rows: list[Row], page_number: int, rules: list[_Rule]) -> TablePart | None:
    """One run of rows as a grid: columns, the rows that fill two or more of them, wraps, merged labels."""
    header = [w for row in rows if _is_header(row) for w in row.words]
    starts = _column_starts(rows, header)
    # which rows fill two columns is judged before numbers are cut from their units: a centred title
    # ('2020年项目支出绩效自评表') whose 年 falls on a column edge is a title above the table, not a row
    whole = [len({_column(w, starts) for w in row.words}) >= 2 and not _is_title(row, rows) for row in rows]
    _split_units(rows, starts)
    cols = [[_column(w, starts) for w in row.words] for row in rows]
    spread = [i for i, c in enumerate(cols) if len(set(c)) >= 2 and whole[i]]
    if len(spread) < 2:
        return None
    first, last = spread[0], spread[-1]
    # a ruled row under the table's last full row is its row too (its merged labels sit in the rows
    # above), as far as the rules run on
    while last + 1 < len(rows) and rows[last].ruled and rows[last + 1].ruled:
        last += 1
    rows, cols = _merge_wraps(rows[first:last + 1], cols[first:last + 1])
    part = _part(rows, cols, starts, page_number)
    _fill_between_rules(part, rules)
    _fill_merged_labels(part, rows)
    return part


def _is_title(row: Row, rows: list[Row]) -> bool:
    """Whether a row is printed larger than the table's text (a title with a gap inside, '…自评表   某某项目',
    spreads over two columns, yet no cell of a form is set in a bigger type than the rest)."""
    heights = sorted(w.height for r in rows for w in r.words)
    return min(w.height for w in row.words) > TITLE_SIZE * heights[len(heights) // 2]


def _split_units(rows: list[Row], starts: list[float]) -> None:
    """Split a number from the unit printed right after it in the next column (500 | 个): the number
    is right-aligned against the column edge and the unit starts on it, often with no gap between."""
    for row in rows:
        pieces: list[Word] = []
        for word in row.words:
            cut = next((k for k in range(1, len(word.glyphs))
                        if (word.glyphs[k - 1].char.isdigit() or word.glyphs[k - 1].char == "%")
                        and not word.glyphs[k].char.isdigit() and word.glyphs[k].char not in ".,"
                        and any(abs(word.glyphs[k].x0 - x) <= UNIT_EDGE_SLACK for x in starts)), None)
            if cut is None:
                pieces.append(word)
            else:
                pieces += [glyph_word(word.glyphs[:cut]), glyph_word(word.glyphs[cut:])]
        row.words = pieces


@dataclass(frozen=True)
class _Rule:
    """A horizontal ruling line: its height on the page and the stretch it runs across."""

    y: float
    x0: float
    x1: float


def _horizontal_rules(segments: list[tuple[float, float, float, float]]) -> list[_Rule]:
    """The horizontal rules among a page's segments, one per stretch; none unless there are enough
    of them at distinct heights to cut rows (an underline or a single frame line cuts nothing)."""
    rules = sorted((_Rule((top + bottom) / 2, min(x0, x1), max(x0, x1)) for x0, top, x1, bottom in segments
                    if abs(bottom - top) <= RULE_FLATNESS and abs(x1 - x0) >= MIN_RULE_LENGTH),
                   key=lambda r: (r.y, r.x0))
    heights = _distinct([r.y for r in rules])
    return rules if len(heights) >= MIN_ROW_RULES else []


def _distinct(ys: list[float]) -> list[float]:
    out: list[float] = []
    for y in sorted(ys):
        if not out or y - out[-1] > RULE_FLATNESS:
            out.append(y)
    return out


def _rows(words: list[Word], rules: list[_Rule] | None = None) -> list[Row]:
    """Words grouped into rows: between horizontal rules, the words whose middles lie between the
    same two rule heights; elsewhere a word joins the row whose extent it overlaps enough."""
    heights = _distinct([r.y for r in rules or []])
    if len(heights) >= 2:
        inside = [w for w in words if heights[0] < (w.top + w.bottom) / 2 < heights[-1]]
        bands: dict[int, Row] = {}
        for word in sorted(inside, key=lambda w: (w.top, w.x0)):
            band = bisect.bisect_left(heights, _cell_top(word, rules or []))
            bands.setdefault(band, Row(ruled=True)).words.append(word)
        above = _rows([w for w in words if (w.top + w.bottom) / 2 <= heights[0]])
        below = _rows([w for w in words if (w.top + w.bottom) / 2 >= heights[-1]])
        return [*above, *(bands[k] for k in sorted(bands)), *below]
    rows: list[Row] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        row = rows[-1] if rows else None
        if row is not None:
            overlap = min(row.bottom, word.bottom) - max(row.top, word.top)
            if overlap > ROW_OVERLAP * max(min(word.height, row.bottom - row.top), 1.0):
                row.words.append(word)
                continue
        rows.append(Row([word]))
    return rows


def _cell_top(word: Word, rules: list[_Rule]) -> float:
    """Where a word's cell begins below its top rule: just under the nearest rule above its middle
    that runs across it. A cell merged over several rows (no rule crosses it between them) puts all
    its lines in its first row, a wrapped title's pieces together; `_fill_between_rules` repeats it
    in the rest."""
    middle, x = (word.top + word.bottom) / 2, (word.x0 + word.x1) / 2
    above = [r.y for r in rules if r.y < middle and r.x0 <= x <= r.x1]
    return max(above) + RULE_FLATNESS if above else middle


def _column_starts(rows: list[Row], header: list[Word]) -> list[float]:
    """Column left edges: the header words' starts and starts shared by three or more rows."""
    tolerance = max(min(w.height for w in header), 2 * MIN_TOLERANCE) * ALIGN_TOLERANCE
    lefts = sorted(w.x0 for row in rows for w in row.words if not NUMERIC.match(w.text))
    # every text of a header row starts a column, a wrapped header (偏差原因分析 / 及改进措施) too
    candidates = [w.x0 for w in header]
    candidates += [w.x0 for row in rows if _is_header(row) for w in row.words
                   if not NUMERIC.match(w.text)]
    candidates += [x for x in lefts
                   if bisect.bisect_right(lefts, x + tolerance) - bisect.bisect_left(lefts, x - tolerance)
                   >= SHARED_START_ROWS]
    starts: list[float] = []
    for x in candidates:
        if all(abs(x - s) > tolerance for s in starts):
            starts.append(x)
    return sorted(starts)


def _column(word: Word, starts: list[float]) -> int:
    """Index of the column a word belongs to: left-aligned text by its start, numbers by their centre."""
    x = (word.x0 + word.x1) / 2 if NUMERIC.match(word.text) else word.x0 + 0.5
    return max(bisect.bisect_right(starts, x) - 1, 0)


def _merge_wraps(rows: list[Row], cols: list[list[int]]) -> tuple[list[Row], list[list[int]]]:
    """Join a row that only continues wrapped cells of the row below or above it (same columns,
    close by, no numbers) into that row."""
    index = 0
    while index < len(rows):
        row, mine = rows[index], set(cols[index])
        words_text = not row.ruled and all(not NUMERIC.match(w.text) for w in row.words)
        target = None
        for other in (index + 1, index - 1):
            if not words_text or not 0 <= other < len(rows):
                continue
            theirs = set(cols[other])
            gap = rows[other].top - row.bottom if other > index else row.top - rows[other].bottom
            height = min(w.height for w in row.words)
            single = row.bottom - row.top < SINGLE_LINE_ROW * height and header_count(row.words) == 0
            if single and mine < theirs and len(mine) * 2 <= len(theirs) and gap < WRAP_GAP * height:
                target = other
                break
        if target is None:
            index += 1
            continue
        rows[target].words.extend(row.words)
        cols[target].extend(cols[index])
        del rows[index], cols[index]
    return rows, cols


def _part(rows: list[Row], cols: list[list[int]], starts: list[float], page_number: int) -> TablePart:
    """The TablePart of the grid: each cell's words joined in reading order, boxes kept."""
    right = max(w.x1 for row in rows for w in row.words)
    edges = [*starts, max(right, starts[-1] + 1.0)]
    grid: list[list[Cell]] = []
    for r, (row, row_cols) in enumerate(zip(rows, cols, strict=True)):
        cells: list[Cell] = []
        for c in range(len(starts)):
            words = sorted((w for w, k in zip(row.words, row_cols, strict=True) if k == c),
                           key=lambda w: (round(w.top), w.x0))
            text = ""
            for w in words:
                text = join_pieces(text, w.text) if text else w.text
            bbox = BBox(x0=edges[c], top=row.top, x1=edges[c + 1], bottom=row.bottom)
            if words:
                bbox = BBox(x0=min(w.x0 for w in words), top=min(w.top for w in words),
                            x1=max(w.x1 for w in words), bottom=max(w.bottom for w in words))
            cells.append(Cell(text=text, row=r, col=c, page=page_number, bbox=bbox))
        grid.append(cells)
    box = BBox(x0=min(w.x0 for row in rows for w in row.words) - 0.5, top=rows[0].top - 0.5,
               x1=right + 0.5, bottom=rows[-1].bottom + 0.5)
    return TablePart(page=page_number, bbox=box, col_edges=edges, rows=grid,
                     origins=[[(r, c) for c in range(len(starts))] for r in range(len(grid))])


def _fill_between_rules(part: TablePart, rules: list[_Rule]) -> None:
    """Repeat a merged cell's text in every row it spans: no rule runs across a merged cell, so
    the rows between the rules above and below its text, in its column, are its rows."""
    if not rules:
        return
    grid = part.rows
    # a row's height is its highest text's: a merged cell sits in its first row, centred lower down
    middles = [min(((cell.bbox.top + cell.bbox.bottom) / 2 for cell in row if cell.text and cell.bbox), default=0.0)
               for row in grid]
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            box = cell.bbox
            if not cell.text or cell.merged or box is None:
                continue
            x = (box.x0 + box.x1) / 2
            crossing = [rule.y for rule in rules if rule.x0 <= x <= rule.x1]
            top = max((y for y in crossing if y <= box.top + RULE_FLATNESS), default=None)
            bottom = min((y for y in crossing if y >= box.bottom - RULE_FLATNESS), default=None)
            if top is None or bottom is None:
                continue
            for k, middle in enumerate(middles):
                if k != r and top < middle < bottom and not grid[k][c].text:
                    grid[k][c] = grid[k][c].model_copy(update={"text": cell.text, "merged": True, "bbox": box})


def _fill_merged_labels(part: TablePart, rows: list[Row]) -> None:
    """Repeat a vertically merged label (一级指标 产出指标 centred beside its rows) in every row it spans.

    A spreadsheet centres a merged cell's text in the rows it covers, so below each header row a
    label in a label column (left of every number) spans from where the previous label's span
    ended down to as far below its centre as its start is above it. A row holding nothing but
    such labels is dropped once they are copied into the rows they span.
    """
    grid = part.rows
    numeric_cols = [c for row in grid for c, cell in enumerate(row) if NUMERIC.match(cell.text.replace(" ", ""))]
    if not numeric_cols:
        return
    label_cols = range(min(numeric_cols))
    headers = [r for r, row in enumerate(rows) if _is_header(row)]
    join_wrapped_labels(grid, list(label_cols))
    drop: set[int] = set()
    for h, header in enumerate(headers):
        end = headers[h + 1] if h + 1 < len(headers) else len(grid)
        block = range(header + 1, end)
        if not block:
            continue
        for c in reversed(label_cols):
            start = rows[block[0]].top
            for r in block:
                text, box = grid[r][c].text, grid[r][c].bbox
                if not text or grid[r][c].merged or box is None or text.translate(FOLD) in HEADER_WORDS:
                    continue
                centre = (box.top + box.bottom) / 2
                height = box.bottom - box.top
                span_end = 2 * centre - start + 0.5 * height
                covered = [k for k in block if start <= (rows[k].top + rows[k].bottom) / 2 <= span_end]
                middle = (rows[covered[0]].top + rows[covered[-1]].bottom) / 2 if covered else centre
                if not covered or abs(middle - centre) > CENTRED_SLACK * height:
                    # not centred on the rows around it (or, on a skewed scan, its span ends above the
                    # rows it should cover): a label of its own row
                    covered = [r]
                for k in covered:
                    if k != r and not grid[k][c].text and any(cell.text for cell in grid[k][c + 1:]):
                        grid[k][c] = grid[k][c].model_copy(update={"text": text, "merged": True,
                                                                   "bbox": grid[r][c].bbox})
                if len(covered) > 1 and all(not cell.text for k2, cell in enumerate(grid[r]) if k2 not in label_cols):
                    drop.add(r)
                last = max(covered)
                after = [k for k in block if k > last]
                start = rows[after[0]].top if after else start
    _fill_across(grid, headers, list(label_cols))
    if drop:
        kept = [row for r, row in enumerate(grid) if r not in drop]
        part.rows = [[cell.model_copy(update={"row": r}) for cell in row] for r, row in enumerate(kept)]
        part.origins = [[(r, c) for c in range(len(row))] for r, row in enumerate(kept)]


def _fill_across(grid: list[list[Cell]], headers: list[int], label_cols: list[int]) -> None:
    """A label cell merged across the next label column (服务对象满意度指标 as 一级 and 二级) leaves that
    column empty in a row whose first non-label cell is filled: repeat the label there."""
    if not headers or not label_cols or label_cols[-1] + 1 >= len(grid[0]):
        return
    first_value = label_cols[-1] + 1
    # a label merged down its column (绩效指标 over the whole indicator block) spans no columns
    down = {(c, cell.text) for row in grid for c, cell in enumerate(row) if cell.merged}
    for r in range(headers[0] + 1, len(grid)):
        row = grid[r]
        if not row[first_value].text:
            continue
        for c in label_cols[:-1]:
            gaps = [k for k in range(c + 1, first_value) if not row[k].text]
            spans = gaps and all(not row[k].text for k in range(c + 1, first_value))
            if row[c].text and (c, row[c].text) not in down and spans:
                for k in gaps:
                    row[k] = row[k].model_copy(update={"text": row[c].text, "merged": True, "bbox": row[c].bbox})
