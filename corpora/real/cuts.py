"""Excerpt cuts for the layout harness (shapes.py): a form as a page store keeps it, cut.

A public page is often an excerpt: the store keeps its first 1,500–2,000 characters, or the page itself is
the second page of a PDF. The form then starts a few rows into its indicator table (title, fund block and
header lost), or stops mid-table and mid-row, or right after the indicator header. A cut keeps only part of
the form, so its text is scored against its gold restricted to what the kept text holds, worked out from
the rows kept (never per document):

- an indicator only when a row that prints its name is wholly kept (a half row at the cut holds none);
- a project under its name only when the name is printed in the kept text outside the indicator rows; a
  project whose name is cut but whose rows are kept is the document's unnamed project (`未命名项目`, as
  the readers name a project nothing names), its indicators under it;
- a budget or executed amount only when a wholly kept row or kept paragraph prints the figure (or a cell a
  row cut halfway prints whole, the name's too: a listing's row of a project's money);
- a claimed level score only when every row of its level is wholly kept (its label's merged span, or the
  rows down to the next level's label); a budget level never printed by name lives in the fund block
  above the indicator header, any other unprinted level needs the whole table;
- the gold's required findings become acceptable: the excerpt may no longer hold their evidence.

The cut's place is fixed by the table, so each shape is deterministic: the table cut is the first one
with an indicator header row (else the longest table, its first row taken for its header).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: what the readers call the one project of a text that never names it (reportparse.parse.UNNAMED_PROJECT)
UNNAMED_PROJECT = "未命名项目"
#: a cell that is only an amount ('5', '1,200.50', '38万元'): where a fund row prints its money
AMOUNT_CELL = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元|万)?\s*$")
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: a total row's label, however the form words it (a gold calls that level 总分)
TOTAL_LABELS = ("总分", "合计", "总计")
#: a level about the money (预算执行, 资金到位): printed in the fund block when its name is not
BUDGET_LEVEL = re.compile(r"预算|资金")


@dataclass
class Cut:
    """What an excerpt keeps of a document's blocks: the blocks as the excerpt prints them, and which of the
    original's rows (block index, row index) and paragraphs (block index) it keeps whole."""

    blocks: list[Any]
    whole_rows: set[tuple[int, int]] = field(default_factory=set)
    paragraphs: set[int] = field(default_factory=set)
    table: int | None = None  # the block index of the table cut
    header: int = 0  # that table's indicator header row
    partial: tuple[int, int] | None = None  # the row cut halfway (block, row) and its kept cells
    partial_cells: list[str] = field(default_factory=list)


def cut_table(blocks: list[Any], is_grid: Callable[[Any], bool],
              is_header: Callable[[list[str]], bool]) -> tuple[int, int] | None:
    """(block index, header row) of the table a cut falls in."""
    tables = [(i, b) for i, b in enumerate(blocks) if is_grid(b)]
    for i, table in tables:
        header = next((r for r, row in enumerate(table.printed()) if is_header(row)), None)
        if header is not None:
            return i, header
    if not tables:
        return None
    i, _ = max(tables, key=lambda t: len(t[1].rows))
    return i, 0


def rows_below(table: Any, start: int) -> tuple[list[list[str]], list[tuple[int, int, int, int]], set[tuple[int, int]]]:
    """The table's rows from `start` on: merges shifted up, and the cells under a merge whose text (its top
    row) is above `start` lost (a page that starts mid-group prints nothing there)."""
    merges, lost = [], set()
    for r0, c0, rs, cs in table.merges:
        if r0 >= start:
            merges.append((r0 - start, c0, rs, cs))
        elif r0 + rs > start:
            lost |= {(r - start, c) for r in range(start, r0 + rs) for c in range(c0, c0 + cs)}
    return [list(r) for r in table.rows[start:]], merges, lost


def half_row(table: Any, row: int) -> tuple[list[str], set[int]]:
    """Row `row` cut halfway through its printed characters: the cells before the cut, the cell at the cut
    with its first part, the cells after it lost (their columns)."""
    hidden = table.covered()
    cells = [(c, text) for c, text in enumerate(table.rows[row]) if (row, c) not in hidden]
    budget = max(1, sum(len(t.strip()) for _, t in cells) // 2)
    out = list(table.rows[row])
    lost: set[int] = set()
    for c, text in cells:
        if budget <= 0:
            lost.add(c)
            out[c] = ""
            continue
        size = len(text.strip())
        if size > budget:
            out[c] = text.strip()[:budget]
        budget -= size
    return out, lost


def cut_top(blocks: list[Any], grid: type, is_header: Callable[[list[str]], bool]) -> Cut:
    """The excerpt starts a few rows into the indicator rows: every block above, the title, the fund block
    and the header row lost; the rest of the document kept."""
    found = cut_table(blocks, lambda b: isinstance(b, grid), is_header)
    if found is None:
        return Cut(blocks[len(blocks) // 2:], paragraphs=set(range(len(blocks) // 2, len(blocks))))
    index, header = found
    table = blocks[index]
    below = len(table.rows) - header - 1
    start = header + 1 + min(3, max(1, below // 3)) if below > 1 else header + 1
    rows, merges, lost = rows_below(table, start)
    cut = Cut([grid(rows, merges, frozenset(lost))], table=index, header=header)
    cut.whole_rows = {(index, r) for r in range(start, len(table.rows))}
    for i in range(index + 1, len(blocks)):
        cut.blocks.append(blocks[i])
        keep_whole(cut, blocks[i], i, grid)
    return cut


def cut_bottom(blocks: list[Any], grid: type, is_header: Callable[[list[str]], bool]) -> Cut:
    """The excerpt stops mid-table and mid-row: halfway down the indicator rows, halfway through a row."""
    found = cut_table(blocks, lambda b: isinstance(b, grid), is_header)
    if found is None:
        return cut_prefix(blocks, len(blocks) // 2, grid)
    index, header = found
    table = blocks[index]
    stop = header + 1 + (len(table.rows) - header - 1) // 2
    while stop < len(table.rows) - 1 and len("".join(table.printed()[stop])) < 4:
        stop += 1  # (a row with next to nothing printed is no place a cut shows)
    cut = cut_prefix(blocks, index, grid)
    if stop >= len(table.rows):
        cut.blocks.append(table)
        cut.whole_rows |= {(index, r) for r in range(len(table.rows))}
        return cut
    partial, lost_columns = half_row(table, stop)
    rows = [list(r) for r in table.rows[:stop]] + [partial]
    lost = {(stop, c) for c in lost_columns}
    cut.blocks.append(grid(rows, list(table.merges), frozenset(lost)))
    cut.whole_rows |= {(index, r) for r in range(stop)}
    cut.table, cut.header = index, header
    cut.partial, cut.partial_cells = (index, stop), [c for c in cut.blocks[-1].printed()[-1] if c]
    return cut


def cut_header(blocks: list[Any], grid: type, is_header: Callable[[list[str]], bool]) -> Cut:
    """The excerpt stops right after the indicator header row."""
    found = cut_table(blocks, lambda b: isinstance(b, grid), is_header)
    if found is None:
        return cut_prefix(blocks, len(blocks) // 2, grid)
    index, header = found
    table = blocks[index]
    cut = cut_prefix(blocks, index, grid)
    cut.blocks.append(grid([list(r) for r in table.rows[: header + 1]], list(table.merges)))
    cut.whole_rows |= {(index, r) for r in range(header + 1)}
    cut.table, cut.header = index, header
    return cut


def cut_prefix(blocks: list[Any], end: int, grid: type) -> Cut:
    cut = Cut(list(blocks[:end]))
    for i in range(end):
        keep_whole(cut, blocks[i], i, grid)
    return cut


def keep_whole(cut: Cut, block: Any, index: int, grid: type) -> None:
    if isinstance(block, grid):
        cut.whole_rows |= {(index, r) for r in range(len(block.rows))}
    else:
        cut.paragraphs.add(index)


# ---------------------------------------------------------------------------------------------
# the gold of what a cut keeps
# ---------------------------------------------------------------------------------------------

def norm(text: object) -> str:
    from reportparse.evaluate_match import norm_name

    return norm_name(text)


@dataclass
class Kept:
    """The original document's rows and paragraphs, and which of them a cut keeps whole."""

    blocks: list[Any]
    cut: Cut
    grid: type
    is_header: Callable[[list[str]], bool]

    def rows(self) -> list[tuple[int, int, list[str]]]:
        """Every table row of the original: (block, row, visible cells normalised)."""
        out = []
        for i, block in enumerate(self.blocks):
            if isinstance(block, self.grid):
                for r, row in enumerate(block.visible()):
                    out.append((i, r, [norm(c) for c in row]))
        return out

    def kept(self, block: int, row: int) -> bool:
        return (block, row) in self.cut.whole_rows

    def paragraph_text(self) -> str:
        return "".join(norm(self.blocks[i]) for i in sorted(self.cut.paragraphs))

    def indicator_rows(self) -> set[tuple[int, int]]:
        """The rows below an indicator header, to their table's end: rows that print indicators, not names."""
        out = set()
        for i, block in enumerate(self.blocks):
            if isinstance(block, self.grid):
                printed = block.printed()
                header = next((r for r, row in enumerate(printed) if self.is_header(row)), None)
                if header is not None:
                    out |= {(i, r) for r in range(header + 1, len(printed))}
        return out


#: How a row may print an indicator's name, most telling first: a cell that is the name, a cell that holds it
#: (a numbered '指标1:…'), a cell the gold's name holds (a gold that wrote out a name the form abbreviates).
NAME_TIERS: tuple[Callable[[str, str], bool], ...] = (
    lambda cell, name: cell == name,
    lambda cell, name: name in cell,
    lambda cell, name: len(cell) >= 4 and cell in name,
)


def indicator_kept(kept: Kept, rows: list[tuple[int, int, list[str]]], name: str) -> bool:
    """Is a row that prints the indicator's name wholly kept? The rows of the most telling tier count (a
    goal's sentence in the form's head may quote an indicator's name too)."""
    where: list[tuple[int, int]] = []
    for tier in NAME_TIERS:
        where = [(b, r) for b, r, cells in rows if name and any(cell and tier(cell, name) for cell in cells)]
        if where:
            break
    if where:
        return any(kept.kept(b, r) for b, r in where)
    return bool(name) and name in kept.paragraph_text()


def project_name_kept(kept: Kept, rows: list[tuple[int, int, list[str]]], project: dict[str, Any]) -> bool:
    spellings = [norm(s) for s in [project.get("name"), *(project.get("aliases") or [])] if s]
    spellings = [s for s in spellings if s]
    text = kept.paragraph_text()
    indicator_rows = kept.indicator_rows()
    head = "".join("".join(cells) for b, r, cells in rows if kept.kept(b, r) and (b, r) not in indicator_rows)
    # (a listing's row cut halfway still names its project when the name's cell is printed whole)
    whole = [norm(c) for c in kept.cut.partial_cells[:-1]] if kept.cut.partial not in indicator_rows else []
    return any(s in text or s in head or s in whole for s in spellings)


def amount_kept(kept: Kept, rows: list[tuple[int, int, list[str]]], yuan: object) -> bool:
    """Does a wholly kept row's amount cell or a kept paragraph print this sum (in 元 or 万元)?"""
    if yuan is None:
        return True
    wanted = (float(yuan), float(yuan) / 10000)

    def same(text: str) -> bool:
        value = float(text.replace(",", ""))
        return any(abs(value - w) <= 0.005 * max(1.0, w) for w in wanted)

    indicator_rows = kept.indicator_rows()  # (an indicator's target '5万' is no fund's money)
    for b, r, _ in rows:
        if kept.kept(b, r) and (b, r) not in indicator_rows:
            for cell in kept.blocks[b].visible()[r]:
                match = AMOUNT_CELL.match(cell)
                if match and same(match.group(1)):
                    return True
    if kept.cut.partial not in indicator_rows:  # (the cells a row cut halfway prints whole, before the cut one)
        for cell in kept.cut.partial_cells[:-1]:
            match = AMOUNT_CELL.match(cell)
            if match and same(match.group(1)):
                return True
    return any(same(n) for i in kept.cut.paragraphs for n in NUMBER.findall(kept.blocks[i]))


def level_rows(kept: Kept, level: str) -> list[tuple[int, set[int]]]:
    """The rows of a claimed level ('产出/数量', '预算执行', '总分') in each table that prints it: its label
    cell's merged span, or from its label down to the next label of a level or the next header."""
    parts = [norm(p) for p in level.split("/") if p]
    out = []
    for b, block in enumerate(kept.blocks):
        if not isinstance(block, kept.grid):
            continue
        visible = [[norm(c) for c in row] for row in block.visible()]
        span = set(range(len(visible)))
        for depth, part in enumerate(parts):
            names = TOTAL_LABELS if part in TOTAL_LABELS else (part,)
            label = next(((r, c) for r in sorted(span) for c, cell in enumerate(visible[r])
                          if any(cell.startswith(n) and len(cell) <= len(n) + 10 for n in names)), None)
            if label is None:
                span = set()
                break
            span = label_span(kept, block, visible, label) & span
            if depth == len(parts) - 1:
                out.append((b, span))
    return out


def label_span(kept: Kept, block: Any, visible: list[list[str]], label: tuple[int, int]) -> set[int]:
    r, c = label
    for r0, c0, rs, _ in block.merges:
        if (r0, c0) == (r, c) and rs > 1:
            return set(range(r0, r0 + rs))
    end = r + 1
    while end < len(visible) and not kept.is_header(block.printed()[end]) and not any(
            re.search(r"指标|合计|总分|总计", cell) and len(cell) <= 12 for cell in visible[end][: c + 1]):
        end += 1
    return set(range(r, end))


def level_kept(kept: Kept, level: str) -> bool:
    located = level_rows(kept, level)
    if located:
        return any(span and all(kept.kept(b, r) for r in span) for b, span in located)
    # a level the form never prints by name: a budget level lives in the fund block above the indicator
    # header, any other (a total worked out of the rows) needs the whole table
    table = kept.cut.table
    if table is None:
        return False
    rows = range(kept.cut.header) if BUDGET_LEVEL.search(level) else range(len(kept.blocks[table].rows))
    return all(kept.kept(table, r) for r in rows)


def has_content(project: dict[str, Any], indicators: list[dict[str, Any]]) -> bool:
    """Does the gold give the project money, claimed scores or indicators?"""
    name = project.get("name")
    return (any(project.get(k) is not None for k in ("budget", "executed"))
            or any(ws and ws[0] is not None for ws in (project.get("claimed_scores") or {}).values())
            or any(g.get("project") in (name, None, "") for g in indicators))


def restricted_gold(gold: dict[str, Any], kept: Kept) -> dict[str, Any]:
    """The gold of what the cut keeps (see the module's docstring)."""
    out = copy.deepcopy(gold)
    rows = kept.rows()
    indicators = [g for g in out.get("goal_indicators") or [] if indicator_kept(kept, rows, norm(g.get("name")))]
    projects, renamed = [], {}
    unnamed: list[dict[str, Any]] = []
    for project in out.get("projects") or []:
        had_content = has_content(project, gold.get("goal_indicators") or [])
        for key in ("budget", "executed", "budget_initial", "returned"):
            if not amount_kept(kept, rows, project.get(key)):
                project[key] = None
        claimed = project.get("claimed_scores") or {}
        project["claimed_scores"] = {lv: ws for lv, ws in claimed.items() if level_kept(kept, lv)}
        holds = has_content(project, indicators)
        if had_content and not holds:
            continue  # (a name the kept text only mentions: its money, rows and scores were cut off)
        if project_name_kept(kept, rows, project):
            projects.append(project)
        elif holds:
            unnamed.append(project)
    if len(unnamed) == 1 and not projects:
        project = unnamed[0]
        renamed[str(project["name"])] = UNNAMED_PROJECT
        project.update(name=UNNAMED_PROJECT, aliases=[])
        projects.append(project)
    else:
        for project in unnamed:  # (several unnamed ones cannot be told apart: their rows count anywhere)
            renamed[str(project["name"])] = "*"
    kept_names = {str(p["name"]) for p in projects}
    for g in indicators:
        owner = str(g.get("project") or "")
        if owner in renamed:
            g["project"] = renamed[owner]
        elif owner and owner not in kept_names and not owner.startswith("*"):
            g["project"] = "*"
    out["projects"] = projects
    out["goal_indicators"] = indicators
    for key in ("required_findings", "acceptable_findings", "forbidden_findings", "must_not_flag"):
        for entry in out.get(key) or []:
            if isinstance(entry, dict) and str(entry.get("project") or "") in renamed:
                entry["project"] = renamed[str(entry["project"])]  # (a finding about the project, unnamed now)
    out["acceptable_findings"] = [*(out.get("acceptable_findings") or []), *(out.get("required_findings") or [])]
    out["required_findings"] = []
    out["conventions"] = (str(out.get("conventions") or "") + " [A cut excerpt of the form: this gold keeps "
                          "only what the kept text holds (corpora/real/cuts.py).]").strip()
    return out
