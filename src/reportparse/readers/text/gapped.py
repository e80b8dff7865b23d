"""Plain-text input: a form whose cells a dump separated by runs of spaces, not by their columns.

A web page's table copied as text, or a PDF's text layer without its layout, often prints each row
on its line with two or more spaces (or an ideographic space) between cells, every empty cell and
every cell merged down from above left out:

    绩效指标    一级指标    二级指标    三级指标    年度指标值    实际完成值    分值    得分
    产出指标(50分)    数量指标    基建工程委托业务项目数量    ≥50个    50    8    8
    质量指标    委托业务报告合合格率    ≥100%    100    8    8

The gaps are the cell separators: such a block is read like a tab-separated one (`delimited`), whose
rows are then put back under their header by what their first cell is. In a layout dump that keeps
its columns (`pdftotext -layout`: rows indented to the column they start in, a long cell wrapped onto
the lines below at its column) the indicator rows go by position instead: each cell under the header
column it starts at, a wrapped cell's lines joined. A goal table without 分值/得分 columns (a
narrative's) is read here only when its cells keep no column (no row indented, most rows' cells
starting away from the header's columns); a layout dump of one is left to the aligned reader.
"""

from __future__ import annotations

import unicodedata

from reportparse.lazypattern import lazy_compile
from reportparse.readers.text.lines import PhysLine
from reportparse.readers.text.signals import (
    ACTUAL,
    L1,
    L2,
    MIN_COLUMN_WORDS,
    NAME,
    NATURE,
    OTHER,
    SCORE,
    TARGET,
    TEMPLATE_PLACEHOLDER_RE,
    TOTAL_RE,
    UNIT,
    WEIGHT,
    column_role,
    column_words,
    has_digit,
    level_of,
)
from reportparse.readers.text.typedcells import typed_cells

#: The separator between two cells: two spaces or more, or an ideographic space.
_GAP_RE = lazy_compile(r"\s{2,}|\u3000+")
#: Fewest lines of such a block: a header and two rows.
_MIN_ROWS = 3
#: A line with no gap is a row of one cell ('时效指标', '其他资金') when at most this long and a gapped
#: row follows within a few lines; longer, it is prose, and the block ends.
_MAX_LONE_CELL_CHARS = 20
#: A cell of a layout dump's line: text whose inner spaces are single.
_CHUNK_RE = lazy_compile(r"\S+(?: \S+)*")
#: A cell may start this many characters before its header's column (a header centred in its cell).
_SLACK = 2
#: Most rows of one cell in a row inside such a block.
_MAX_LONE_ROWS = 4
#: Indent of a row that starts in a later column of a layout dump.
_LAYOUT_INDENT = 2
#: A block is a layout dump when more than one of this many of its rows is indented.
_LAYOUT_SHARE = 4


def gap_cells(text: str) -> list[str]:
    return [cell for cell in _GAP_RE.split(text.strip()) if cell]


def gapped_rows(lines: list[PhysLine], start: int) -> tuple[list[tuple[PhysLine, list[str]]], int] | None:
    """The rows of a form whose cells are separated by runs of spaces, from line `start`, and the index
    after them; None when the lines there are no such form (no indicator header with a 分值 or 得分
    column among them, fewer than three rows, or a layout dump that keeps its columns)."""
    if len(gap_cells(lines[start].text)) < 2:
        return None
    end = start
    while end < len(lines):
        text = lines[end].text.strip()
        gapped = len(gap_cells(text)) >= 2
        if not gapped and not (len(text) <= _MAX_LONE_CELL_CHARS and _gapped_row_follows(lines, end + 1)):
            break
        end += 1
    block = lines[start:end]
    rows = [(line, gap_cells(line.text)) for line in block]
    header = next((i for i, (_, cells) in enumerate(rows) if _is_scored_header(cells)), None)
    if header is None:
        header = _unscored_header(block, rows)
    if len(rows) < _MIN_ROWS or header is None:
        return None
    rows[header] = (rows[header][0], _with_lost_level_column(rows[header][1], rows[header + 1:]))
    if sum(line.indent >= _LAYOUT_INDENT for line in block) * _LAYOUT_SHARE > len(block) \
            or _keeps_columns(block[header], block[header + 1:]):
        rows = rows[:header + 1] + _laid_out(block[header], block[header + 1:])
    else:
        _type_short_rows(rows, header)
    return rows, end


def _type_short_rows(rows: list[tuple[PhysLine, list[str]]], header: int) -> None:
    """Put each indicator row that the gaps left short of its header's width (its empty cells dropped)
    back under its columns by what its cells are (`typedcells`), in place. A row goes from its level labels
    and its name on; the indicator rows end at a 总分 row, a row with neither a figure nor a level label, or
    another header."""
    titles = rows[header][1]
    roles = [column_role(title) if column_words(title) else OTHER for title in titles]
    levels = [c for c, role in enumerate(roles) if role in (L1, L2)]
    name = next((c for c, role in enumerate(roles) if role == NAME and c > max(levels, default=-1)), None)
    if name is None:
        return
    first = header + 1
    sub = rows[first][1] if first < len(rows) else []
    sub_roles = [column_role(title) if column_words(title) else OTHER for title in sub]
    if len(sub) >= 2 and set(sub_roles) <= {NATURE, TARGET, UNIT} and TARGET in roles:
        # 指标性质 | 指标值 | 度量单位 under the 年度指标值 they split: the rows print the three cells
        at = roles.index(TARGET)
        titles, roles = titles[:at] + sub + titles[at + 1:], roles[:at] + sub_roles + roles[at + 1:]
        first += 1
    for r in range(first, len(rows)):
        line, cells = rows[r]
        if _is_scored_header(cells) or _is_goal_header(cells) or any(TOTAL_RE.match(cell) for cell in cells):
            return  # (the 总分 row, '其他需要说明事项 | 无 | 总分 | 100 | 96', closes the indicator rows)
        if len(cells) == 1 and (TEMPLATE_PLACEHOLDER_RE.match(cells[0]) or _level(cells[0])):
            continue  # a template's empty row ('……', '指标2:') or a level with no row of its own
        lead = 1 if _LEVEL_WEIGHT_ONLY.fullmatch(cells[0]) and _level(cells[1]) == 2 else 0
        while lead < min(2, len(cells)) and _level(cells[lead]):
            lead += 1
        if not lead and not has_digit(line.text):
            return
        rest = cells[lead + 1:]
        if lead >= len(cells) or column_words(cells[lead]) or any(_level(cell) for cell in rest):
            continue
        placed = typed_cells(titles[name + 1:], roles[name + 1:], rest)
        if placed is not None:
            while placed and not placed[-1]:
                placed.pop()
            rows[r] = (line, cells[:lead + 1] + placed)


def _laid_out(header: PhysLine, lines: list[PhysLine]) -> list[tuple[PhysLine, list[str]]]:
    """The indicator rows of a layout dump, each cell under the header column it starts at (an empty
    cell is a wider gap, not a missing one); a line without a figure or a level label that only
    continues cells of the row above (a long name wrapped in its narrow column) joins that row."""
    starts = [_column(header, chunk.start()) for chunk in _CHUNK_RE.finditer(header.raw or header.text)]
    rows: list[tuple[PhysLine, list[str]]] = []
    for line in lines:
        cells = [""] * len(starts)
        for chunk in _CHUNK_RE.finditer(line.raw or line.text):
            at = _column(line, chunk.start())
            col = max((c for c, start in enumerate(starts) if start <= at + _SLACK), default=0)
            cells[col] = (cells[col] + chunk.group()) if cells[col] else chunk.group()
        filled = [c for c, cell in enumerate(cells) if cell]
        above = rows[-1][1] if rows else None
        if above is not None and filled and not has_digit(line.text) and not level_of(cells[filled[0]]) \
                and all(above[c] for c in filled):
            for c in filled:
                above[c] += cells[c]
            continue
        rows.append((line, cells))
    return rows


#: A layout dump keeps its columns when at least this share of the rows under the header that leave
#: a column empty start every cell at a header column.
_ALIGNED_SHARE = 0.5


def _keeps_columns(header: PhysLine, lines: list[PhysLine]) -> bool:
    """The rows under the header start their cells at the header's columns, and some leave a column
    empty in the middle (a wider gap): the gaps are empty cells, not mere separators, so the cells go
    by position (a 部门整体 form whose 指标性质 is blank on most rows)."""
    starts = [_column(header, chunk.start()) for chunk in _CHUNK_RE.finditer(header.raw or header.text)]
    gapped = aligned = 0
    for line in lines:
        at = [_column(line, chunk.start()) for chunk in _CHUNK_RE.finditer(line.raw or line.text)]
        if len(at) < 2 or len(at) >= len(starts):
            continue
        gapped += 1
        aligned += all(any(abs(a - s) <= _SLACK for s in starts) for a in at)
    return gapped > 0 and aligned >= _ALIGNED_SHARE * gapped and aligned >= 2


def _column(line: PhysLine, index: int) -> int:
    """The monospaced column where the character at `index` of the line's raw text is printed: a Han
    character or a full-width form takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in (line.raw or line.text)[:index])


def _gapped_row_follows(lines: list[PhysLine], at: int) -> bool:
    """A gapped row comes after a few more rows of one short cell ('上年结转资金', '其他资金')."""
    for line in lines[at:at + _MAX_LONE_ROWS]:
        text = line.text.strip()
        if len(gap_cells(text)) >= 2:
            return True
        if len(text) > _MAX_LONE_CELL_CHARS:
            return False
    return False


def _unscored_header(block: list[PhysLine], rows: list[tuple[PhysLine, list[str]]]) -> int | None:
    """The header of a goal table without 分值/得分 columns (一级指标 | 二级指标 | 指标名称 | 目标值 | 实际完成值)
    whose rows a web page's copy parted by gaps that keep no column: no row indented, and the cells of
    most rows under it starting away from the header's columns (a layout dump, whose cells sit under their
    columns and may wrap onto the lines below, is the aligned reader's)."""
    header = next((i for i, (_, cells) in enumerate(rows) if _is_goal_header(cells)), None)
    if header is None or any(line.indent for line in block):
        return None
    body = [line for line in block[header + 1:] if len(gap_cells(line.text)) >= 2]
    starts = [_column(block[header], chunk.start())
              for chunk in _CHUNK_RE.finditer(block[header].raw or block[header].text)]
    aligned = sum(all(any(abs(_column(line, chunk.start()) - s) <= _SLACK for s in starts)
                      for chunk in _CHUNK_RE.finditer(line.raw or line.text)) for line in body)
    return header if len(body) >= _MIN_ROWS - 1 and aligned * 2 < len(body) else None


#: A 一级 label's weight alone in its cell ('(50分)'), its words printed on the line above.
_LEVEL_WEIGHT_ONLY = lazy_compile(r"[(（]\d+(?:\.\d+)?分?[)）]")


def _level(cell: str) -> int:
    """The level of a label cell, its words maybe wrapped in their cell ('社会效益 指标')."""
    return level_of("".join(cell.split()))


#: The title given back to a 二级 column whose blank header cell the gaps dropped.
_LEVEL2_TITLE = "二级指标"


def _with_lost_level_column(header: list[str], rows: list[tuple[PhysLine, list[str]]]) -> list[str]:
    """The header with its 二级 cell back: a header naming a 一级 column and no 二级 one over rows that open
    with both labels ('产出指标 | 数量指标 | 指标1:…') had that cell blank, and the gaps dropped it; without it
    the 二级 labels would stand under the indicator's name and every figure one column left."""
    roles = [column_role(cell) if column_words(cell) else OTHER for cell in header]
    if L1 not in roles or L2 in roles or not any(
            len(cells) >= 2 and level_of(cells[0]) == 1 and level_of(cells[1]) == 2 for _, cells in rows):
        return header
    at = roles.index(L1) + 1
    return [*header[:at], _LEVEL2_TITLE, *header[at:]]  # (titled by what the rows print under it)


def _is_goal_header(cells: list[str]) -> bool:
    """A goal table's header row: column words in three cells or more, the indicator's name and its target
    or result among them."""
    roles = [column_role(cell) for cell in cells if column_words(cell)]
    return len(roles) >= MIN_COLUMN_WORDS and NAME in roles and (TARGET in roles or ACTUAL in roles)


def _is_scored_header(cells: list[str]) -> bool:
    """An indicator table's header row: column words in three cells or more, among them the
    indicator's name and a 分值 or 得分."""
    roles = [column_role(cell) for cell in cells if column_words(cell)]
    return len(roles) >= MIN_COLUMN_WORDS and NAME in roles and (SCORE in roles or WEIGHT in roles)
