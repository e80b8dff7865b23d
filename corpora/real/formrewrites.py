"""Grid rewrites of the format harness (fileshapes.py): the same form, its cells placed as another hand places them.

Each rewrite takes a layout.py `Table` or `Document` and returns a new one with the same content: rows clipped
(a table split over pages or into two tables), an empty column inserted, the indicator header over two rows, the
money in 元, the 填报单位 line and sign-off block around the form, the budget and indicator blocks parted.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from siblings import sibling  # (corpora/ is no package: siblings.py loads the scripts by path)

layout = sibling("layout")
blockfiles = sibling("blockfiles")
textdumps = sibling("textdumps")
Table = layout.Table
Document = layout.Document


#: the lines a filled-in form carries above and below its table (the unit is the document's own)
FRAME_ABOVE = "填报单位（盖章）：　　　　　　　　　　　　"
FRAME_BELOW = ["填表人：　　　　　　联系电话：　　　　　　填报日期：2024年3月15日",
               "说明：本表由项目实施单位填报，主管部门审核后报送财政部门。"]
STATED_UNIT = re.compile(r"(?:单位|金额)[:：]?\s*[(（]?\s*(亿元|万元|元)|[(（](亿元|万元|元)[)）]")


def visible(table: Table) -> list[list[str]]:
    return blockfiles.visible_cells(blockfiles.Grid(table.rows, table.merges))


def indicator_header(table: Table) -> int | None:
    """The row that heads the indicator columns (三级指标 | 指标值 | 完成值 | 分值 | 得分 …)."""
    return next((r for r, row in enumerate(visible(table)) if textdumps.is_indicator_header(row)), None)


def clip(table: Table, start: int, stop: int) -> Table:
    """Rows start..stop-1 as a table of their own: a merge cut by the edge keeps its part inside, its
    text only where its top-left cell falls inside (a table split over pages prints it once)."""
    rows = [list(r) for r in table.rows[start:stop]]
    merges = []
    for r0, c0, rs, cs in table.merges:
        top, bottom = max(r0, start), min(r0 + rs, stop)
        if bottom <= top:
            continue
        if r0 < start:
            rows[top - start][c0] = ""
        merges.append((top - start, c0, bottom - top, cs))
    return Table(rows, merges)


def insert_column(table: Table, at: int) -> Table:
    """An empty column before column `at`; a merge that spans the gap widens over it."""
    rows = [[*r[:at], "", *r[at:]] for r in table.rows]
    merges = []
    for r0, c0, rs, cs in table.merges:
        if c0 >= at:
            merges.append((r0, c0 + 1, rs, cs))
        elif c0 + cs > at:
            merges.append((r0, c0, rs, cs + 1))
        else:
            merges.append((r0, c0, rs, cs))
    return Table(rows, merges)


LEVEL_COLUMN = re.compile(r"[一二三]级指标")


def two_row_header(table: Table) -> Table:
    """The indicator header over two rows: 绩效指标 merged above the level columns, every other
    header label merged down over both rows (a spreadsheet's grouped header)."""
    h = indicator_header(table)
    if h is None:
        return table
    rows = [list(r) for r in table.rows]
    rows.insert(h, [""] * len(rows[0]))
    merges: list[tuple[int, int, int, int]] = []
    header_merges: dict[int, int] = {}
    for r0, c0, rs, cs in table.merges:
        if r0 == h and rs == 1:
            header_merges[c0] = cs
        elif r0 == h:  # a header label already over several rows: one row taller, its text on top
            rows[h][c0], rows[h + 1][c0] = rows[h + 1][c0], ""
            merges.append((h, c0, rs + 1, cs))
        elif r0 < h < r0 + rs:
            merges.append((r0, c0, rs + 1, cs))
        elif r0 > h:
            merges.append((r0 + 1, c0, rs, cs))
        else:
            merges.append((r0, c0, rs, cs))
    spanned = {c for r0, c0, rs, cs in merges if r0 <= h < r0 + rs for c in range(c0, c0 + cs)}
    header = rows[h + 1]
    levels = [c for c, text in enumerate(header) if LEVEL_COLUMN.search(text) and c not in spanned]
    grouped = levels if len(levels) >= 2 and levels == list(range(levels[0], levels[-1] + 1)) else []
    covered = Table(table.rows, table.merges).covered()
    c = 0
    while c < len(header):
        width = header_merges.get(c, 1)
        if c in spanned or (h, c) in covered:
            c += width
            continue
        if grouped and c == grouped[0]:
            rows[h][c] = "绩效指标"
            merges.append((h, c, 1, len(grouped)))
            for level in grouped:
                if level in header_merges:
                    merges.append((h + 1, level, 1, header_merges[level]))
            c = grouped[-1] + 1
            continue
        rows[h][c], header[c] = header[c], ""
        merges.append((h, c, 2, width))
        c += width
    return Table(rows, merges)


def yuan_table(table: Table) -> Table:
    """The fund block's 万元 header written as 元 and its amounts multiplied out (shapes.py's `yuan`, textdumps.py)."""
    return Table(textdumps.yuan_rows(table.rows), table.merges)


def in_yuan(doc: Document) -> Document:
    """The document with its money in 元: the fund block's amounts and header, and every 'N万元' of
    its lines and title. A line's bare unit ('单位:万元') stays: it speaks for tables whose own
    header names no unit, and their figures (amounts beside head counts) are left as they are."""
    def amounts(text: str) -> str:
        return textdumps.AMOUNT_IN_WAN.sub(lambda m: textdumps.in_yuan(m.group(1)) + "元", text)

    return replace(doc, title=amounts(doc.title), blocks=[
        amounts(b) if isinstance(b, str) else yuan_table(b) for b in doc.blocks])


def tables_of(doc: Document, rewrite: Callable[[Table], Table]) -> Document:
    return replace(doc, blocks=[rewrite(b) if isinstance(b, Table) else b for b in doc.blocks])


def framed(doc: Document, complete: bool = True) -> Document:
    """The 填报单位/金额单位 line right above the first table (金额单位 only when the document states
    a unit, and then that unit), the sign-off block after the last table when the document is
    `complete` (an excerpt that a page cut inside its form has no sign-off after it: its gold counts
    the form's last rows as cut, not as left blank)."""
    tables = [i for i, b in enumerate(doc.blocks) if isinstance(b, Table)]
    if not tables:
        return doc
    texts = [b for b in doc.blocks if isinstance(b, str)] + [c for b in doc.blocks if isinstance(b, Table)
                                                             for row in b.rows for c in row]
    unit = next((m.group(1) or m.group(2) for t in texts for m in [STATED_UNIT.search(t)] if m), None)
    blocks = list(doc.blocks)
    if complete:
        blocks[tables[-1] + 1:tables[-1] + 1] = FRAME_BELOW
    blocks.insert(tables[0], FRAME_ABOVE + (f"金额单位：{unit}" if unit else ""))
    return replace(doc, blocks=blocks)


def split_at_indicators(doc: Document, between: list[str]) -> Document:
    """The first table with an indicator block cut in two at its header row (the budget block and the
    indicator block as two tables), with `between` as paragraphs between them."""
    blocks: list[str | Table] = []
    done = False
    for block in doc.blocks:
        h = indicator_header(block) if isinstance(block, Table) and not done else None
        if isinstance(block, Table) and h:
            blocks += [clip(block, 0, h), *between, clip(block, h, len(block.rows))]
            done = True
        else:
            blocks.append(block)
    return replace(doc, blocks=blocks)
