"""A summary table dumped one cell a line: its header titles, then each row's cells, line after line.

Public pages print a department's list of projects (序号 | 主管部门 | 项目名称 | 发行金额(亿元) | 评价得分 |
评价结果 | 备注) and the copy keeps one cell a line, empty cells left out:

    序号 / 项目名称 / 债券性质 / 债券规模 / 自评分数 / 自评等级 / 绍兴二院…工程 / 其他项目收益专项债券 / 0.2 / 96.5 / …

The header is a run of three or more lines that are all column titles of `summary.columns` (a name
column and a money, score or grade column among them). Each following line is put in the next column
that can hold it (a figure under a figure column, a grade under the grade column, words elsewhere), so
a left-out empty cell shifts nothing; a line that no column left in the row can hold, or the next
序号, opens the next row. The rows end at a line that cannot be a cell (a sentence, a heading), and a
last row without any figure or grade (a row the page cut) is left out.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.readers.text.delimited import split_delimited
from reportparse.readers.text.lines import PhysLine
from reportparse.summarycolumns import column_role, fits, summary_header

#: the fewest header titles a one-cell-a-line summary table has
_MIN_TITLES = 3
#: the longest line that is still one cell
_MAX_CELL_CHARS = 60
#: the most cells read ahead for one table (a list of a few hundred projects)
_MAX_CELLS = 4000
#: a totals row's label
_TOTAL = lazy_compile(r"^(?:合计|总计|小计|共计)$")
#: what stands between the cells of a row written on one line
_PIECES = lazy_compile(r"\s{2,}|\t")
#: a line that is one cell closed by its border: no '|' inside, one at the end
_CLOSED_CELL = lazy_compile(r"^(?P<cell>[^|｜]*)[|｜]$")
#: a line that opens a section or a note: the table is over
_SECTION = lazy_compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|注[:：]|附件)")


def _tokens(text: str, spaced: bool = True) -> list[str]:
    """A line's cells: the line itself, or its parts between spaces when a dump separates the cells of
    a row by spaces ('1    某县水利局    某县城区防洪堤提升工程    0.85    93'); a label spaced out
    character by character ('项 目 名 称') stays one cell. A line closed by a lone '|' ('主管部门 (业主单位) |',
    a dump that ends every cell with its border) is that one cell, spaces and all ('重庆市诚善 中学校')."""
    text = text.strip()
    closed = _CLOSED_CELL.match(text)
    if closed:
        return [closed.group("cell").strip()] if closed.group("cell").strip() else []
    parts = _PIECES.split(text)
    if len(parts) == 1 and spaced:
        parts = text.split(" ")
        singles = "".join("1" if len(part) == 1 and not part.isdigit() else "0" for part in parts)
        if "111" in singles:  # (three one-character parts in a row: a label spaced out)
            return [text]
    return [part.strip() for part in parts if part.strip()]


def _is_title(text: str) -> bool:
    return split_delimited(text) is None and column_role(text) is not None


def _can_be_cell(text: str) -> bool:
    return bool(text) and len(text) <= _MAX_CELL_CHARS and "。" not in text and not _SECTION.match(text) \
        and split_delimited(text) is None


def _wraps(roles: list[str | None], cells: list[str], serial: int | None, rows: list[tuple[int, list[str], int]],
           line: int, text: str) -> bool:
    """Does a line opened by `text`, which no column left in the row can hold, go on with the row's cells? It
    does in a numbered table (each row opened by its 序号) when the row has its number and name and the line
    holds words, not the row's first line: a cell wrapped in its column ('江北区科学技术局援企业稳岗补贴专' /
    '项资金项目')."""
    if serial is None or not cells or not cells[serial] or not cells[roles.index("name")]:
        return False
    return rows[-1][0] != line and fits("name", text) and not _TOTAL.match(text)


def cell_lines_table(lines: list[PhysLine], start: int) -> tuple[list[tuple[PhysLine, list[str]]], int] | None:
    """The rows (header first) of a summary table written one cell a line (or a row a line, its cells
    apart by spaces, or all on one line) from `start`, and the index after its last row; None when no
    such table starts there."""
    # the stream of cells with the index of the line each comes from
    stream: list[tuple[str, int]] = []
    i = start
    # (a header written one title a line is a dump of one cell a line: a single space inside a line is the cell's
    # own, '重庆市诚善 中学校', never a gap between cells)
    spaced = not all(_is_title(line.text.strip()) for line in lines[start:start + _MIN_TITLES])
    while i < len(lines) and len(stream) < _MAX_CELLS:
        tokens = _tokens(lines[i].text, spaced)
        if not all(_can_be_cell(t) for t in tokens):
            break
        stream.extend((t, i) for t in tokens)
        i += 1
    titles: list[str] = []
    while len(titles) < len(stream) and _is_title(stream[len(titles)][0]):
        titles.append(stream[len(titles)][0])
    if len(titles) < _MIN_TITLES or summary_header(titles) is None:
        return None
    roles = [column_role(t) for t in titles]
    serial = roles.index("serial") if "serial" in roles else None
    name = roles.index("name")
    rows: list[tuple[int, list[str], int]] = []  # (line of its first cell, cells, index after its last line)
    cells: list[str] = []
    at = 0  # the next column a cell of the current row may go to
    wrap: list[int] = []  # the word columns a line that goes on with the row's wrapped cells has still to reach
    wrap_line = -1
    one_piece = False  # the wrapped line is one piece: its space-apart parts are one cell's words
    previous_line = -1
    for text, line in stream[len(titles):]:
        new_line, previous_line = line != previous_line, line
        if line == wrap_line and (wrap or one_piece) and fits("name", text):
            if one_piece:  # (one piece with a space inside, '引资考察 资金': the name's own space)
                cells[name] += " " + text
            else:
                cells[wrap.pop(0)] += text  # (the rest of a cell wrapped in its narrow column)
            continue
        if _is_title(text) and not fits("name", text):
            break
        if rows and _TOTAL.match(rows[-1][1][name]) and not fits("score", text):
            if not any(fits("score", c) for c in rows[-1][1] if c):
                return None  # words under a total label: a second header row (总计 / 拨款 / 自筹), no rows
            break  # (the total row is the table's last)
        next_serial = serial is not None and cells and text == str(len(rows) + 1)
        col = None if (next_serial or _TOTAL.match(text)) else next(
            (c for c in range(at, len(roles)) if fits(roles[c], text)), None)
        if col is None and new_line and _wraps(roles, cells, serial, rows, line, text) and not next_serial:
            # a numbered row's words wrapped onto a line of their own (the name, then the cells after it):
            # the row's cells go on, no next row opens without its number
            wrap = [name, *(c for c in range(name + 1, len(roles)) if roles[c] == "other" and cells[c])]
            wrap_line = line
            one_piece = len(_PIECES.split(lines[line].text.strip())) == 1
            cells[wrap.pop(0)] += text
            continue
        if col is None or not cells:  # the cell opens the next row (a total row: its label in the name column)
            col = name if _TOTAL.match(text) else next((c for c in range(len(roles)) if fits(roles[c], text)), None)
            if col is None:
                break
            cells = [""] * len(roles)
            rows.append((line, cells, line + 1))
        cells[col] = text
        rows[-1] = (rows[-1][0], cells, line + 1)
        at = col + 1
    # a last row the page cut (no figure, no grade) is no row, unless it opened with the next 序号 and names
    # its project: an excerpt that stops inside a row still lists that project
    while rows and not any(text and roles[k] not in ("name", "other", "serial") for k, text in enumerate(rows[-1][1])) \
            and not (serial is not None and rows[-1][1][serial] == str(len(rows)) and rows[-1][1][name]):
        rows.pop()
    if not rows:
        return None
    return [(lines[start], titles), *((lines[line], row) for line, row, _ in rows)], rows[-1][2]
