"""Plain-text input: rebuilding tables from a text dump.

Two kinds of table are recognised. A *delimited* dump has one row per line with `|` or tab
between cells and becomes a Table directly. A *flattened goal table* (the PDF-dump style) starts
at a header line holding at least three known column words (一级指标 二级指标 三级指标 指标值
备注 ...); its body is a stream of fragments that a small state machine puts back into rows:
level labels set the current 一级/二级 (carried down like merged cells), a fragment becomes a
new indicator name, the continuation of the open cell, the target, or the remark, decided by
generic signals (see `textcells`) and by the width of the fragment against the column width.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reportparse.extract.textcells import (
    CMP_RE,
    L1,
    L2,
    NAME,
    OTHER,
    REASON,
    REMARK,
    SCORE,
    TARGET,
    WEIGHT,
    column_role,
    column_words,
    ends_with_comparator,
    has_digit,
    is_comparator_only,
    is_open_end,
    is_plain_number,
    is_quantity,
    is_target,
    level_of,
    name_ends_like_name,
    starts_with_unit,
    target_complete,
)
from reportparse.extract.textlines import PhysLine, display_width, join_fragments
from reportparse.model import Cell, Table

_TOKEN_RE = re.compile(r"\S+")
_CLOSE_PUNCT = "，,、。；;：:）)]】」』”"


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
    words = column_words(line.text)
    if len(set(words)) < 3 or "。" in line.text or split_delimited(line.text) is not None:
        return None
    leftover = re.sub(r"[\s/、，,（）()]", "", line.text)
    for word in words:
        leftover = leftover.replace(word, "", 1)
    if len(leftover) > 6:
        return None
    cells: list[Frag] = []
    for token in _TOKEN_RE.findall(line.text):
        inner = column_words(token)
        if len(inner) > 1 and "".join(inner) == token:
            cells.extend(Frag(word, line) for word in inner)
        else:
            cells.append(Frag(token, line))
    return Header([line], cells, [column_role(cell.text) for cell in cells])


# --------------------------------------------------------------------------------------------
# flattened goal tables
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Split:
    """A line read as one row: the indicator name, then values for the columns after it."""

    name: Frag
    values: list[Frag]


@dataclass
class _Row:
    l1: Frag | None
    l2: Frag | None
    cells: dict[str, list[Frag]] = field(default_factory=dict)
    last: str = NAME

    def add(self, role: str, frag: Frag) -> None:
        self.cells.setdefault(role, []).append(frag)
        self.last = role

    def text(self, role: str) -> str:
        return join_fragments([f.text for f in self.cells.get(role, [])])[0]


class GoalTableReader:
    """Put the fragments of a flattened goal table back into rows (one cell per header column)."""

    def __init__(self, header: Header, body: list[PhysLine]) -> None:
        self.header = header
        self.body = body
        roles = header.roles
        after_name = roles[roles.index(NAME) + 1 :] if NAME in roles else roles
        self.value_roles = [r for r in after_name if r not in (L1, L2, NAME)] or [TARGET]
        self.first_value = self.value_roles[0]
        text_roles = [r for r in (REMARK, REASON) if r in self.value_roles]
        self.tail_role = text_roles[0] if text_roles else self.value_roles[-1]
        self.fragment_width = self._fragment_width()
        self.rows: list[_Row] = []
        self.row: _Row | None = None
        self.l1: Frag | None = None
        self.l2: Frag | None = None

    def _fragment_width(self) -> float:
        """About the name column's width: the commonest width among the widest digit-free fragments.

        Cells cut at the column edge all have that width; the mode (not the maximum) keeps one
        wide remark column from inflating it.
        """
        widths = [
            line.width
            for line in self.body
            if " " not in line.text and not has_digit(line.text) and not level_of(line.text)
        ]
        if not widths:
            return 0.0
        wide = [w for w in widths if w >= 0.75 * max(widths)]
        counts = Counter(wide)
        return max(counts, key=lambda w: (counts[w], w))

    # ---- reading ------------------------------------------------------------------------

    def read(self) -> list[_Row]:
        for i in range(len(self.body)):
            self._feed(i)
        self._close()
        return self.rows

    def _feed(self, i: int) -> None:
        line = self.body[i]
        rest = self._take_labels(line)
        if rest is None:
            return
        split = self._split(rest)
        row = self.row
        if row is None or NAME not in row.cells:
            self._start(rest, split)
            return
        if self.first_value not in row.cells:
            self._feed_after_name(row, rest, split)
            return
        done = row.last != self.first_value or target_complete(row.text(self.first_value))
        if split is not None and (done or name_ends_like_name(split.name.text)):
            self._close()
            self._start(rest, split)
        elif not done:
            row.add(row.last, rest)
        elif self._new_name_ahead(i, rest):
            self._close()
            self._start(rest, None)
        else:
            row.add(self.tail_role if row.last == self.first_value else row.last, rest)

    def _feed_after_name(self, row: _Row, rest: Frag, split: _Split | None) -> None:
        """The row has a name but no target yet: continue the name or start the target."""
        if not self._name_complete(row):
            if split is not None:
                row.add(NAME, split.name)
                self._assign(row, split.values)
            elif is_target(rest.text):
                row.add(self.first_value, rest)
            else:
                row.add(NAME, rest)
            return
        if split is not None and name_ends_like_name(split.name.text) and is_quantity(split.values[0].text):
            self._close()
            self._start(rest, split)
            return
        row.add(self.first_value, rest)

    def _take_labels(self, line: PhysLine) -> Frag | None:
        """Consume level labels at the start of `line`; return the rest as a fragment, or None."""
        tokens = list(_TOKEN_RE.finditer(line.text))
        taken = 0
        for token in tokens:
            level = level_of(token.group())
            if not level:
                break
            self._close()
            frag = Frag(token.group(), line)
            if level == 1:
                self.l1, self.l2 = frag, None
            else:
                self.l2 = frag
            taken += 1
        if taken == len(tokens):
            return None
        start = tokens[taken].start()
        return Frag(line.text[start:], line)

    def _start(self, rest: Frag, split: _Split | None) -> None:
        self.row = _Row(self.l1, self.l2)
        if split is None:
            self.row.add(NAME, rest)
        else:
            self.row.add(NAME, split.name)
            self._assign(self.row, split.values)

    def _assign(self, row: _Row, values: list[Frag]) -> None:
        for role, frag in zip(self.value_roles, values, strict=False):
            row.add(role, frag)

    def _close(self) -> None:
        if self.row is not None and self.row.cells:
            self.rows.append(self.row)
        self.row = None

    # ---- signals --------------------------------------------------------------------------

    def _name_complete(self, row: _Row) -> bool:
        """True when the row's name looks finished (ends like a name, or its last fragment is short)."""
        last = row.cells[NAME][-1].text
        if is_open_end(last):
            return False
        if name_ends_like_name(row.text(NAME)):
            return True
        return display_width(last) < 0.8 * self.fragment_width

    def _fragment_complete(self, text: str) -> bool:
        return not is_open_end(text) and display_width(text) < 0.8 * self.fragment_width

    def _new_name_ahead(self, i: int, rest: Frag) -> bool:
        """True when `rest` (after a finished target) starts a new indicator rather than a remark."""
        text = rest.text
        if has_digit(text) or CMP_RE.search(text) or len(text) > 40:
            return False
        if name_ends_like_name(text):
            return True
        if is_target(text):
            return False
        for nxt in self.body[i + 1 : i + 5]:
            first = _TOKEN_RE.match(nxt.text)
            if first is None or level_of(first.group()):
                return False
            if self._split(Frag(nxt.text, nxt)) is not None:
                return not self._fragment_complete(text)
            if is_target(nxt.text) and not any(ch in nxt.text for ch in "，,；;"):
                return True
            if has_digit(nxt.text):
                return False
        return False

    def _split(self, frag: Frag) -> _Split | None:
        """Read `frag` as `name value...` (e.g. `运维及时性 及时`, `维护费 19.96 万元`), or None."""
        spans = _glue_tokens(frag.text)
        if len(spans) < 2 or len(spans) - 1 > len(self.value_roles):
            return None
        name = frag.text[spans[0][0] : spans[0][1]]
        if len(name) < 2 or has_digit(name) or CMP_RE.search(name) or is_open_end(name):
            return None
        values = [Frag(frag.text[a:b], frag.line) for a, b in spans[1:]]
        for role, value in zip(self.value_roles, values, strict=False):
            if not _fits(role, value.text):
                return None
        return _Split(Frag(name, frag.line), values)

    # ---- output --------------------------------------------------------------------------

    def table(self, index: int) -> Table:
        rows = self.read()
        header = [
            Cell(text=f.text, row=0, col=c, page=f.line.page, line=f.line.no) for c, f in enumerate(self.header.cells)
        ]
        grid = [header]
        spans = _level_spans(rows)
        for r, row in enumerate(rows, start=1):
            grid.append([self._cell(row, role, r, c, spans) for c, role in enumerate(self.header.roles)])
        pages = sorted({cell.page for line in grid for cell in line})
        return Table(index=index, rows=grid, page=pages[0], pages=pages)

    def _cell(self, row: _Row, role: str, r: int, c: int, spans: dict[int, int]) -> Cell:
        page = row.cells[next(iter(row.cells))][0].line.page
        if role in (L1, L2):
            frag = row.l1 if role == L1 else row.l2
            if frag is None:
                return Cell(text="", row=r, col=c, page=page)
            return Cell(
                text=frag.text, row=r, col=c, page=frag.line.page, line=frag.line.no, merged=spans[id(frag)] > 1
            )
        frags = row.cells.get(role, []) if role != OTHER else []
        if not frags:
            return Cell(text="", row=r, col=c, page=page)
        text = join_fragments([f.text for f in frags])[0]
        return Cell(text=text, row=r, col=c, page=frags[0].line.page, line=frags[0].line.no)


def _level_spans(rows: list[_Row]) -> dict[int, int]:
    """How many rows each level label covers (a label over several rows is a merged cell)."""
    spans: dict[int, int] = {}
    for row in rows:
        for frag in (row.l1, row.l2):
            if frag is not None:
                spans[id(frag)] = spans.get(id(frag), 0) + 1
    return spans


def _fits(role: str, text: str) -> bool:
    """Whether `text`, found after a name on the same line, can fill a column of `role`."""
    if role in (WEIGHT, SCORE):
        return is_plain_number(text)
    if role in (REMARK, REASON, OTHER):
        return True
    if is_target(text) or is_plain_number(text):
        return True
    return len(text) <= 4 and not has_digit(text) and not any(ch in text for ch in _CLOSE_PUNCT)


def _glue_tokens(text: str) -> list[tuple[int, int]]:
    """Whitespace tokens of `text`, re-glued where the space is inside a value (`19.96 万元`, `不少于 150M`)."""
    spans: list[tuple[int, int]] = []
    for match in _TOKEN_RE.finditer(text):
        token = match.group()
        if spans:
            prev = text[spans[-1][0] : spans[-1][1]]
            glue = (
                is_comparator_only(prev)
                or ends_with_comparator(prev)
                or (prev[-1].isdigit() and starts_with_unit(token))
                or token[0] in _CLOSE_PUNCT
                or prev[-1] in "，,、（(“"
            )
            if glue:
                spans[-1] = (spans[-1][0], match.end())
                continue
        spans.append((match.start(), match.end()))
    return spans
