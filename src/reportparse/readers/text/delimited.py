"""Plain-text input: `|`- and tab-delimited tables, which a text dump shows as written.

A *delimited* dump has one row per line with `|` or tab between cells and becomes a Table
directly (empty 一级/二级 cells under a label are filled down as merged cells); a web page's
dump may break such a row over lines wherever a cell held a line break.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportparse.model import Cell, Table
from reportparse.readers.text.lines import PhysLine
from reportparse.readers.text.signals import L1, L2, MIN_COLUMN_WORDS, OTHER, column_role, column_words

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
    header_rows = (
        r for r, row in enumerate(rows) if len(column_words(" ".join(c.text for c in row))) >= MIN_COLUMN_WORDS
    )
    start = next(header_rows, None)
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
