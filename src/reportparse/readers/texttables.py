"""Plain-text input: tables that are easy to see in a text dump, and goal-table headers.

A *delimited* dump has one row per line with `|` or tab between cells and becomes a Table
directly (empty 一级/二级 cells under a label are filled down as merged cells). A *goal-table
header* is a line, or a few short lines, holding at least three known column words (一级指标
二级指标 三级指标 指标值 备注 ...); the flattened body below it is rebuilt by `textgoals`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportparse.model import Cell, Table
from reportparse.readers.textcells import (
    COLUMN_WORD_RE,
    L1,
    L2,
    OTHER,
    column_role,
    column_words,
    name_role_fix,
)
from reportparse.readers.textlines import PhysLine

_TOKEN_RE = re.compile(r"\S+")
#: Every prefix of a column word: where a header cut over several lines can start.
_COLUMN_PREFIXES = frozenset(word[:k] for word in COLUMN_WORD_RE.pattern.split("|") for k in range(2, len(word) + 1))


@dataclass(slots=True)
class Frag:
    """A piece of one physical line that belongs to one cell."""

    text: str
    line: PhysLine


# --------------------------------------------------------------------------------------------
# delimited tables
# --------------------------------------------------------------------------------------------

_RULE_RE = re.compile(r"^[|｜+\s:：\-—=]+$")


def split_delimited(text: str) -> list[str] | None:
    """The cells of a `|`- or tab-delimited row, or None when `text` is not such a row."""
    if "|" in text or "｜" in text:
        parts = re.split(r"[|｜]", text)
        if parts and not parts[0].strip():
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
    elif "\t" in text:
        parts = text.split("\t")
    else:
        return None
    return [p.strip() for p in parts] if len(parts) >= 2 else None


#: Fewest '|' in a row for a table whose rows may be broken over lines (a form's width).
_MIN_PIPE_WIDTH = 5


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
    if not first.startswith(("|", "｜")) or width < _MIN_PIPE_WIDTH:
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


def _pipes(text: str) -> int:
    return text.count("|") + text.count("｜")


def is_rule_line(text: str) -> bool:
    """A separator line of a drawn table (|---|---|, +----+)."""
    return bool(_RULE_RE.match(text)) and any(ch in text for ch in "-—=")


def delimited_table(lines: list[PhysLine], index: int) -> Table:
    """Build a Table from consecutive delimited rows; level columns are filled down as merged cells."""
    rows: list[list[Cell]] = []
    grid = [(line, split_delimited(line.text) or [line.text]) for line in lines if not is_rule_line(line.text)]
    ncols = max(len(cells) for _, cells in grid)
    for r, (line, cells) in enumerate(grid):
        padded = cells + [""] * (ncols - len(cells))
        rows.append([Cell(text=t, row=r, col=c, page=line.page, line=line.no) for c, t in enumerate(padded)])
    _fill_down_levels(rows)
    pages = sorted({line.page for line, _ in grid})
    return Table(index=index, rows=rows, page=pages[0], pages=pages)


def _fill_down_levels(rows: list[list[Cell]]) -> None:
    """Copy 一级/二级 labels into the empty cells below them, as a merged cell would cover them.

    The level columns are found from the indicator header row (the first row with three or more
    column words), which in a form dump need not be the table's first row.
    """
    start = next((r for r, row in enumerate(rows) if len(column_words(" ".join(c.text for c in row))) >= 3), None)
    if start is None:
        return
    roles = [column_role(cell.text) if column_words(cell.text) else OTHER for cell in rows[start]]
    level1 = roles.index(L1) if L1 in roles else None
    # a new 一级 label closes the 二级 label above it
    new_level1 = {r for r, row in enumerate(rows) if level1 is not None and level1 < len(row) and row[level1].text}
    for col, role in enumerate(roles):
        if role not in (L1, L2):
            continue
        above: Cell | None = None
        for r in range(start + 1, len(rows)):
            row = rows[r]
            cell = row[col]
            if cell.text:
                above = cell
            elif role == L2 and r in new_level1:
                above = None
            elif above is not None and any(c.text for c in row[col + 1 :]):
                row[col] = cell.model_copy(update={"text": above.text, "merged": True, "line": above.line})
                above.merged = True


# --------------------------------------------------------------------------------------------
# goal-table headers
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Header:
    """A goal-table header: its cells as written and the role of each column."""

    lines: list[PhysLine]
    cells: list[Frag]
    roles: list[str]


def header_at(line: PhysLine) -> Header | None:
    """The goal-table header on `line`, or None when the line is not one (needs ≥3 column words)."""
    return _header_from([line])


def header_across(lines: list[PhysLine], start: int, max_lines: int = 8) -> tuple[Header, int] | None:
    """A header whose column words are cut over several short lines (`一级目` / `标` / `二级目` ...).

    Returns the header and the index of the line after it, or None.
    """
    first = lines[start].text
    if first not in _COLUMN_PREFIXES:
        return None
    for end in range(start + 2, min(len(lines), start + max_lines) + 1):
        header = _header_from(lines[start:end])
        if header is not None:
            return header, end
        if lines[end - 1].width > 12:
            break
    return None


def _header_from(parts: list[PhysLine]) -> Header | None:
    """Read the lines `parts`, joined without separators, as a goal-table header."""
    text = "".join(part.text for part in parts)
    words = column_words(text)
    if len(set(words)) < 3 or "。" in text or split_delimited(text) is not None:
        return None
    leftover = re.sub(r"[\s/、，,（）()]", "", text)
    for word in words:
        leftover = leftover.replace(word, "", 1)
    if len(leftover) > 6:
        return None
    starts = []
    offset = 0
    for part in parts:
        starts.append(offset)
        offset += len(part.text)

    def line_at(pos: int) -> PhysLine:
        """The header line holding the character at `pos` of the joined text."""
        return parts[max(k for k, start in enumerate(starts) if start <= pos)]

    cells: list[Frag] = []
    for token in _TOKEN_RE.finditer(text):
        inner = list(COLUMN_WORD_RE.finditer(token.group()))
        if len(inner) > 1 and "".join(m.group() for m in inner) == token.group():
            cells.extend(Frag(m.group(), line_at(token.start() + m.start())) for m in inner)
        else:
            cells.append(Frag(token.group(), line_at(token.start())))
    roles = name_role_fix([column_role(cell.text) for cell in cells], [cell.text for cell in cells])
    return Header(list(parts), cells, roles)
