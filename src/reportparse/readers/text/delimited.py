"""Plain-text input: `|`- and tab-delimited tables, which a text dump shows as written.

A *delimited* dump has one row per line with `|` or tab between cells and becomes a Table
directly (empty 一级/二级 cells under a label are filled down as merged cells); a web page's
dump may break such a row over lines wherever a cell held a line break.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Table
from reportparse.readers.text.lines import PhysLine
from reportparse.readers.text.placing import place_rows
from reportparse.readers.text.signals import MIN_COLUMN_WORDS, column_words, has_digit

_RULE_RE = lazy_compile(r"^[|｜+\s:：\-—=]+$")
_RULE_END_RE = lazy_compile(r"\s*[|｜]\s*$")


def split_delimited(text: str, bordered: bool = True) -> list[str] | None:
    """The cells of a `|`- or tab-delimited row, or None when `text` is not such a row. In a table whose
    rows open with no '|' (`bordered` False), a row's opening '|' is no border: it closes an empty first cell."""
    if "|" in text or "｜" in text:
        parts = re.split(r"[|｜]", text)
        if parts and not parts[0].strip() and (bordered or parts[0]):
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
    elif "\t" in text:
        parts = text.split("\t")
    else:
        return None
    return [_closed_up(p.strip()) for p in parts] if len(parts) >= 2 else None


#: A cell's Han characters each a space apart: a label spread over its cell's width ('一 级 指 标').
_SPACED_OUT = lazy_compile(r"[\u4e00-\u9fff](?: [\u4e00-\u9fff])+")


def _closed_up(cell: str) -> str:
    """'一 级 指 标' → '一级指标': a label a layout spread over its cell is read as the label."""
    return cell.replace(" ", "") if _SPACED_OUT.fullmatch(cell) else cell


#: Fewest '|' in a row for a table whose rows may be broken over lines (a form's width).
_MIN_PIPE_WIDTH = 5


#: The end of a sentence or a bracketed note before a header run on after it ('…请以附件为准)一级指标 | 二级指标 |').
_CAPTION_END_RE = lazy_compile(r"[。：:；;）)]$")
#: Fewest characters of a caption run into a header's first cell.
_MIN_CAPTION_CHARS = 4


def glued_caption(text: str) -> tuple[str, str] | None:
    """A header row whose first cell runs on from the text printed above the table ('详情见附件(注:…为准)一级指标 |
    二级指标 | 指标名称 | 目标值 |', a recognised image's caption and the table's first line made one): the caption
    and the header row apart, or None. The first cell ends in a column label and the text before it ends a sentence
    or a bracket; the row's other cells are column labels too."""
    cells = split_delimited(text)
    if cells is None or len(cells) < MIN_COLUMN_WORDS or sum(bool(column_words(c)) for c in cells[1:]) < 2:
        return None
    first = cells[0]
    words = column_words(first)
    if not words or not first.endswith(words[-1]):
        return None
    caption = first[: len(first) - len(words[-1])]
    if len(caption) < _MIN_CAPTION_CHARS or not _CAPTION_END_RE.search(caption):
        return None
    at = text.find(caption) + len(caption)
    return caption, text[at:]


def broken_pipe_rows(lines: list[PhysLine], start: int) -> tuple[list[PhysLine], int] | None:
    """Rows of a '|' table that a web dump broke over lines wherever a cell held a line break:

        | 项目名称 |
        2020年卫片执法补助经费 |
        |||||||||

    Every row of such a table has as many '|' as its first row: lines are joined until a row
    reaches that count. Returns the joined rows and the index after the table, or None when the
    lines at `start` do not form such a table (no row was broken, or the counts do not add up).
    """
    first = lines[start].text
    width = first.count("|") + first.count("｜")
    # (a line of pipes alone is a row of empty cells that closes a one-cell-a-line dump's row, not the
    # first row of a table: the cell lines after it are each one cell, left for the form's cell reader)
    if not first.startswith(("|", "｜")) or width < _MIN_PIPE_WIDTH or ROW_END_RE.match(first):
        return None
    rows: list[PhysLine] = []
    broken = False
    i = start
    while i < len(lines) and lines[i].text.startswith(("|", "｜")):
        parts = [lines[i]]
        count = _pipes(lines[i].text)
        while count < width and i + len(parts) < len(lines) and _pipes(lines[i + len(parts)].text):
            parts.append(lines[i + len(parts)])
            count += _pipes(parts[-1].text)
        if count > width:
            break
        broken = broken or len(parts) > 1
        rows.append(replace(parts[0], text="".join(p.text for p in parts)))
        i += len(parts)
    if not broken or len(rows) < 2:
        return None
    return rows, i


#: A line that only closes a row of a cell-per-line '|' dump ('|', '| |', '| ||').
ROW_END_RE = lazy_compile(r"^[|｜](?:\s*[|｜])*\s*$")
#: Fewest rows for a run of cell-per-line lines to be a table.
MIN_LEADING_ROWS = 3


def leading_pipe_rows(lines: list[PhysLine], start: int) -> tuple[list[tuple[PhysLine, list[str]]], int] | None:
    """Rows of a '|' table that a web dump printed one cell a line, each cell after the first opened
    by '|', each row closed by a line of pipes, and a long cell broken onto a line of its own:

        项目决策
        | 数量指标
        | 宣传次数
        | |
        项目效益
        | 社会效益
        指标

    A line without a '|' opens a row after a closing line (or at the start) and goes on the cell
    before it otherwise. A row shorter than the header lost its leading cells to a label merged
    down from a row above (rowspan): it is padded on the left. Returns each row's line and cells
    and the index after the table, or None.
    """
    if lines[start].text.startswith(("|", "｜")):
        return None
    rows: list[tuple[PhysLine, list[str]]] = []
    cells: list[str] = []
    first: PhysLine | None = None
    i = start
    while i < len(lines):
        text = lines[i].text
        if ROW_END_RE.match(text):
            if first is not None and len(cells) >= 2:
                rows.append((first, cells))
            cells, first = [], None
        elif text.startswith(("|", "｜")):
            if first is None:
                break
            cells.append(text[1:].strip())
        elif first is None:
            if i + 1 >= len(lines) or not _opens_cell(lines, i + 1):
                break  # prose after the table: no '|' cell follows
            first, cells = lines[i], [text]
        else:
            cells[-1] += text  # a cell broken over lines
        i += 1
    if first is not None and len(cells) >= 2:
        rows.append((first, cells))
    if len(rows) < MIN_LEADING_ROWS:
        return None
    head = _without_block_label(rows)
    return [(line, [""] * (len(head) - len(cells)) + cells) for line, cells in [(rows[0][0], head), *rows[1:]]], i


def _without_block_label(rows: list[tuple[PhysLine, list[str]]]) -> list[str]:
    """The header's cells; a first cell that is the block label merged down the table's side
    ('绩效指标 | 一级指标 | …') goes, as the data rows have no cell under it."""
    head = rows[0][1]
    widest = max(len(cells) for _, cells in rows[1:])
    if len(head) > widest and re.fullmatch(r"(年度)?绩效(指标|目标)", head[0]) and "一级" in head[1]:
        return head[1:]
    return head


def broken_header(lines: list[PhysLine], start: int) -> tuple[PhysLine, int] | None:
    """A table's column header that a web dump broke wherever a header cell held a line break,
    each piece ending in '|' and made of column words only:

        一级指标 | 二级指标 | 三级指标 | 年度 指标值 |
        实际 完成值 |
        分值 | 得分 | 偏差原因分析及改进措施 | |||||

    Returns the pieces joined into one header line and the index after them, or None."""
    cells: list[str] = []
    i = start
    while i < len(lines) and lines[i].text.rstrip().endswith(("|", "｜")):
        parts = [re.sub(r"\s+", "", p) for p in re.split(r"[|｜]", lines[i].text)]
        parts = [p for p in parts if p]
        if not parts or not all(column_words(p) and "".join(column_words(p)) == p for p in parts):
            break
        if i == start and len(parts) < 2:
            return None  # one cell a line: a dump of cells, not a row broken over lines
        cells.extend(parts)
        i += 1
    if i - start < 2 or len(cells) < MIN_COLUMN_WORDS:
        return None
    return replace(lines[start], text=" | ".join(cells)), i


#: Most lines a tab-separated header row broken at its cells' line breaks may take (one a cell).
_MAX_BROKEN_TAB_HEADER_LINES = 14
#: Longest first piece of a broken header without a tab: a label's first characters ('绩效').
_MAX_HEADER_PIECE_CHARS = 8
#: Longest column label of a form ('未完成原因及拟采取的改进措施', '年度绩效目标 (80分)').
_MAX_LABEL_CHARS = 16
_BRACKETED = lazy_compile(r"[(（][^()（）]*[)）]?")
#: A header row's cells are column words but for at most one in this many.
_MIN_KNOWN_SHARE = 4


def broken_tab_header(lines: list[PhysLine], start: int) -> tuple[PhysLine, int] | None:
    """A tab-separated indicator header copied from a web page whose label cells held a line break
    ('年度<br>指标值'): the copy breaks the row at each, a label's end opening the next line:

        绩效
        指标\t一级
        指标\t二级
        …
        完成值\t分值\t得分\t偏差原因分
        析及改进措施

    The lines joined back (no character between them) are one row of column labels, every cell
    holding a column word, and no shorter run of them is. Returns the joined header line and the
    index after its pieces, or None."""
    first = lines[start].text.strip()
    if _is_tab_header(first) or ("\t" not in first and len(first) > _MAX_HEADER_PIECE_CHARS) \
            or not _label_pieces(first):
        return None
    if start + 1 < len(lines) and _is_tab_header(lines[start + 1].text.strip()):
        return None  # the next line is a whole header: nothing was broken
    text, best = first, None
    for j in range(start + 1, min(len(lines), start + _MAX_BROKEN_TAB_HEADER_LINES)):
        piece = lines[j].text.strip()
        if not _label_pieces(piece) or (best is None and _is_tab_header(piece)):
            break  # a data row, or prose; or a whole header row before the pieces made one: the
            # lines above it (a fund block's last rows, the goal row) are no pieces of it
        text += piece
        if _is_tab_header(text):
            best = (text, j + 1)
    if best is None:
        return None
    return replace(lines[start], text=best[0]), best[1]


def _label_pieces(text: str) -> bool:
    """Every cell of the line is short enough to be (a piece of) a column label, and none holds a
    figure but in a bracketed note ('(80分)', '(20分*执行率)')."""
    cells = [re.sub(r"\s+", "", cell) for cell in text.split("\t")]
    return all(len(cell) <= _MAX_LABEL_CHARS and not has_digit(_BRACKETED.sub("", cell)) for cell in cells)


def _is_tab_header(text: str) -> bool:
    """Tab-separated column labels: nearly every cell holds a column word (not the first, which may be
    the block's label down the table's side, '年度绩效目标 (80分)'; not a province's own column,
    '是否核心指标')."""
    cells = [re.sub(r"\s+", "", cell) for cell in text.split("\t")]
    cells = [cell for cell in cells if cell][1:]
    known = sum(bool(column_words(cell)) for cell in cells)
    return "\t" in text and known >= MIN_COLUMN_WORDS and (len(cells) - known) * _MIN_KNOWN_SHARE <= len(cells)


#: A line that opens a row of a '|' dump with its 序号: '2 | 工作计划 (6分) | …'
_NUMBERED_RE = lazy_compile(r"^\s*(\d{1,3})\s*[|｜]")
#: Most lines a header broken over lines may take.
_MAX_HEADER_LINES = 8


def numbered_pipe_rows(lines: list[PhysLine], start: int) -> tuple[list[tuple[PhysLine, list[str]]], int] | None:
    """Rows of a '|' table whose first column is 序号, dumped with a line break wherever a cell held
    one or spanned rows, and each row padded at its end with one empty cell for every cell a label
    merged down from above took from it:

        序号 | 一级 指标 |
        二级 指标 |
        三级 指标 | 指标分值 | 评分标准 | 自评得分 |
        1 | 规划 (15分) |
        基础信息 (3分) | 基础信息完整性 | 3 | … |
        3 |
        2 | 工作计划 (6分) | 年度工作计划完整性 | 3 | … | 3 | |
        3 | 年度工作计划明确性 | 3 | … | 3 | ||

    A row opens at the next 序号 (a line that starts with it and holds another cell); the lines up to
    the next one are its cells; its padding goes back where the merged cells were, after the 序号.
    Returns each row's line and cells and the index after the table, or None."""
    header: list[str] = []
    i = start
    while i < len(lines) and not _NUMBERED_RE.match(lines[i].text):
        if not lines[i].text.rstrip().endswith(("|", "｜")) or i - start >= _MAX_HEADER_LINES:
            return None
        header.extend(cell for cell in (re.sub(r"\s+", "", part) for part in re.split(r"[|｜]", lines[i].text)) if cell)
        i += 1
    if not header or header[0] != "序号" or len(column_words("".join(header[1:]))) < MIN_COLUMN_WORDS:
        return None
    rows: list[tuple[PhysLine, list[str]]] = [(lines[start], header)]
    while i < len(lines) and _opens_numbered_row(lines[i].text, len(rows)):
        first, text = lines[i], lines[i].text
        i += 1
        while i < len(lines) and ("|" in lines[i].text or "｜" in lines[i].text) and not _opens_numbered_row(
                lines[i].text, len(rows) + 1):
            text += lines[i].text
            i += 1
        cells = [cell.strip() for cell in re.split(r"[|｜]", text)]
        if cells and not cells[-1]:
            cells.pop()  # what follows the last '|'
        padding = len(cells) - len([c for c in _without_trailing_empty(cells)])
        kept = cells[:len(cells) - padding]
        if len(kept) < len(header):
            kept = kept[:1] + [""] * min(padding, len(header) - len(kept)) + kept[1:]
        rows.append((first, kept))
    if len(rows) < MIN_LEADING_ROWS:
        return None
    return rows, i


def _opens_numbered_row(text: str, number: int) -> bool:
    """The line opens row `number`: it starts with that 序号 and holds another cell."""
    match = _NUMBERED_RE.match(text)
    if match is None or int(match.group(1)) != number:
        return False
    return any(part.strip() for part in re.split(r"[|｜]", text[match.end():]))


def _without_trailing_empty(cells: list[str]) -> list[str]:
    out = list(cells)
    while out and not out[-1]:
        out.pop()
    return out


def _opens_cell(lines: list[PhysLine], i: int) -> bool:
    """A '|' cell follows within the next two lines (a first cell may take two)."""
    return any(line.text.startswith(("|", "｜")) and not ROW_END_RE.match(line.text) for line in lines[i:i + 2])


def _pipes(text: str) -> int:
    return text.count("|") + text.count("｜")


def is_rule_line(text: str) -> bool:
    """A separator line of a drawn table (|---|---|, +----+)."""
    return bool(_RULE_RE.match(text)) and any(ch in text for ch in "-—=")


def delimited_table(lines: list[PhysLine], index: int) -> Table:
    """Build a Table from consecutive delimited rows; level columns are filled down as merged cells. When
    the table's first row opens with a cell, not a '|', a later row that opens with '|' starts with an empty
    cell (an OCR'd form's '| | 指标名称 | 12500名 |' under the row that printed its levels)."""
    rows = [line for line in lines if not is_rule_line(line.text)]
    bordered = not rows or rows[0].text.lstrip().startswith(("|", "｜"))
    width = len(split_delimited(rows[0].text) or []) if rows else 0
    # (a row of one cell ends in its '|' or not: '资金情况(万元) |')
    return cells_table([(line, _row_cells(line.text, bordered, width) or [_RULE_END_RE.sub("", line.text)])
                        for line in rows], index)


def _row_cells(text: str, bordered: bool, width: int) -> list[str] | None:
    """A row's cells; in a table whose rows open with a cell, an opening '|' is an empty first cell only where
    reading it so gives no more cells than the header has and reading it as a border fewer ('| A | 5 |' under
    '项目 | 金额' is a bordered row all the same)."""
    cells = split_delimited(text)
    if bordered or cells is None or len(cells) >= width:
        return cells
    opened = split_delimited(text, bordered=False)
    return opened if opened is not None and len(opened) <= width else cells


def cells_table(grid: list[tuple[PhysLine, list[str]]], index: int, placed: bool = False) -> Table:
    """Build a Table from rows already cut into cells; level columns are filled down as merged cells. Rows a
    reader has `placed` under their header already (each cell in its column) are not moved again."""
    rows: list[list[Cell]] = []
    ncols = max(len(cells) for _, cells in grid)
    grid = _join_broken_rows(grid, ncols)
    for r, (line, cells) in enumerate(grid):
        padded = cells + [""] * (ncols - len(cells))
        rows.append([Cell(text=t, row=r, col=c, page=line.page, line=line.no) for c, t in enumerate(padded)])
    place_rows(rows, packed=not placed)
    pages = sorted({line.page for line, _ in grid})
    return Table(index=index, rows=rows, page=pages[0], pages=pages)


#: A cell that is one figure: 15, 8.0, 12767.36, 95%.
_FIGURE_CELL_RE = lazy_compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?\s*[%％]?$")


def _join_broken_rows(grid: list[tuple[PhysLine, list[str]]], ncols: int) -> list[tuple[PhysLine, list[str]]]:
    """A row the dump broke after its name: a row of labels without a figure, no column word among
    them, followed by a row of figures only ('产出指标 | 数量指标 | 扶持主体(个) |' then '15 | 6 | 8.0 |'),
    is one row, its figures right of its labels."""
    widest = max(len([c for c in cells if c.strip()]) for _, cells in grid)
    out: list[tuple[PhysLine, list[str]]] = []
    for line, cells in grid:
        filled = [c for c in cells if c.strip()]
        if out and len(filled) >= 2 and all(_FIGURE_CELL_RE.match(c.strip()) for c in filled):
            before_line, before = out[-1]
            labels = [c for c in before if c.strip()]
            if (len(labels) >= 2 and len(labels) + len(filled) <= ncols
                    and not any(_FIGURE_CELL_RE.match(c.strip()) for c in labels)
                    and not any(column_words(c) for c in labels)):
                out[-1] = (before_line, labels + filled)
                continue
        if out and _continues_cut_row(out[-1], line, filled, widest):
            before_line, before = out[-1]
            out[-1] = (before_line, [c for c in before if c.strip()] + filled)
            continue
        out.append((line, cells))
    return out


#: A row line the dump cut inside the row: it ends at a cell's '|' with no padding of empty cells after it.
_CUTROW_END_RE = lazy_compile(r"[^|｜\s]\s*[|｜]\s*$")
#: A cell that only says it is empty ('—', '-', '/').
_PLACEHOLDER_CELL_RE = lazy_compile(r"^[—\-－/／]+$")


def _continues_cut_row(before_row: tuple[PhysLine, list[str]], line: PhysLine, filled: list[str],
                       widest: int) -> bool:
    """A row the dump cut after some of its figures: '基本支出 | 985.19 | 914.97 |' (no padding of empty
    cells) and then '10 | 10 | |||||' (the rest of its figures and the row's padding) is one row. The
    first line names its row and holds figures; the second holds figures (and cells marked empty, '—')
    only and opens with a figure, not a '|' (a row whose label cell was merged down from above opens
    with one); together they are no wider than the table's widest row."""
    before_line, before = before_row
    named = [c.strip() for c in before if c.strip()]
    if not named or _FIGURE_CELL_RE.match(named[0]) or column_words(named[0]):
        return False
    if not any(_FIGURE_CELL_RE.match(c) for c in named[1:]) or not _CUTROW_END_RE.search(before_line.text):
        return False
    if not filled or not _FIGURE_CELL_RE.match(filled[0].strip()) or line.text.lstrip().startswith(("|", "｜")):
        return False
    if not all(_FIGURE_CELL_RE.match(c.strip()) or _PLACEHOLDER_CELL_RE.match(c.strip()) for c in filled):
        return False
    return len(named) + len(filled) <= widest
