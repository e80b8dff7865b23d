"""Plain-text input: rebuilding a flattened goal table from its fragments.

A PDF dump of a goal table loses the grid: each row is flattened onto one or more lines and
long cells are cut into fragments at the column edge. A small state machine puts the rows
back: level labels set the current 一级/二级 (carried down like merged cells); each fragment
becomes a new indicator name, the continuation of the open cell, the target, or the remark,
decided by generic signals (`signals`), by how a line reads under the columns (`columns`)
and by the fragment's width against the column width.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Table
from reportparse.readers.text.columns import ColumnLayout, Split, column_base, leading_value
from reportparse.readers.text.fragments import continues_cell, glue_tokens, join_split_labels
from reportparse.readers.text.headers import Frag, Header
from reportparse.readers.text.lines import PhysLine, display_width, join_fragments
from reportparse.readers.text.signals import (
    CMP_RE,
    L1,
    L2,
    NAME,
    SCORE,
    TOTAL_RE,
    WEAK_LEVEL2_RE,
    WEIGHT,
    column_words,
    ends_with_quantity,
    has_digit,
    is_open_end,
    is_quantity,
    is_target,
    level_of,
    name_ends_like_name,
    starts_with_unit,
    target_complete,
)

_TOKEN_RE = lazy_compile(r"\S+")
#: What can only end a target cut before it: `…11 月` / `底前`, `…24 小时` / `以内`.
_TARGET_TAIL_RE = lazy_compile(r"^(?:月?底前|月?底|前|后|内|以内|以上|以下|左右|及以上|及以下)[。；]?$")

# ---- layout judgements: widths are in em (`lines.display_width`), lengths in characters -------

#: A body line with this many column words is the header repeated at the top of a new page (one
#: column word can be a cell's text: 备注, 得分).
_REPEATED_HEADER_MIN_WORDS = 2

#: The name column's width is estimated from the fragments at least this share of the widest:
#: cells cut at the column edge are all about that wide, shorter ones ended before it.
_WIDE_FRAGMENT_SHARE = 0.75

#: A fragment narrower than this share of the name column's width ended before the column edge,
#: so its cell is finished; one about as wide was cut there and goes on in the next fragment.
#: (CJK fragments cut at an edge differ by an em at most; a finished cell is rarely that full.)
_SHORT_FRAGMENT_SHARE = 0.8

#: The remark cell goes on when its last fragment is at least this share of its widest one: the
#: remark column's edge cut it, give or take an ASCII half-em or a closing punctuation mark.
_FULL_FRAGMENT_SHARE = 0.85

#: A digit-free fragment up to this share wider than the widest known name can still start a
#: name (a name one or two characters longer than any seen); wider, it is a remark.
_NAME_WIDTH_SLACK = 1.15

#: The cut-off end of a name (`…小区数` / `量`) is at most this many characters.
_MAX_NAME_TAIL_CHARS = 3

#: A fragment longer than this cannot start an indicator name: names are short noun phrases (of
#: the 334 distinct indicator names in the golds under corpora/ and ../shared/acceptance, 95% are
#: at most 15 characters and the longest is 33); a longer fragment is a sentence of a remark.
_MAX_NAME_START_CHARS = 40

#: Whether a fragment starts a new name is decided within this many following lines: a name is
#: cut into at most a few fragments before its target follows.
_NAME_LOOKAHEAD_LINES = 5

#: A unit cut from its number (`每日不少于 2` / `次`, `万元/公里` / `·年`) is at most this long.
_MAX_UNIT_TAIL_CHARS = 3

#: A scrap of at most this many characters finishes the open cell (`不低于上年水` / `平`).
_MAX_SCRAP_CHARS = 2


# --------------------------------------------------------------------------------------------
# flattened goal tables
# --------------------------------------------------------------------------------------------


@dataclass
class _Row:
    """One indicator row being built: carried level labels and the fragments of each column."""

    l1: Frag | None
    l2: Frag | None
    cells: dict[str, list[Frag]] = field(default_factory=dict)
    last: str = NAME

    def add(self, role: str, frag: Frag) -> None:
        """Append `frag` to the cell of column `role`; it becomes the open cell."""
        self.cells.setdefault(role, []).append(frag)
        self.last = role

    def text(self, role: str) -> str:
        """The cell text of column `role` so far (its fragments joined)."""
        return join_fragments([f.text for f in self.cells.get(role, [])])[0]


class GoalTableReader:
    """Put the fragments of a flattened goal table back into rows (one cell per header column)."""

    def __init__(self, header: Header, body: list[PhysLine]) -> None:
        """Prepare the column keys and width estimates for the body lines under `header`."""
        self.header = header
        self.body = join_split_labels(body)
        self.columns = ColumnLayout(header)
        self.name_width = self._name_width()
        # the name column's width: the widest name known to start a row, else the fragments' mode
        self.fragment_width = self.name_width or self._fragment_width()
        self.repeated_header = {
            part.text for part in header.lines if len(column_words(part.text)) >= _REPEATED_HEADER_MIN_WORDS
        }
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
        wide = [w for w in widths if w >= _WIDE_FRAGMENT_SHARE * max(widths)]
        counts = Counter(wide)
        return max(counts, key=lambda w: (counts[w], w))

    def _name_width(self) -> float:
        """The widest name seen where a name surely starts: on a `name value` line or after a label.

        A digit-free fragment much wider than this is a remark, not the start of a new name.
        """
        widths: list[float] = []
        after_label = False
        for line in self.body:
            tokens = line.text.split()
            labels = 0
            while labels < len(tokens) and level_of(tokens[labels]):
                labels += 1
            if labels == len(tokens):
                after_label = True
                continue
            split = self.columns.split(Frag(line.text, line))
            if split is not None:
                widths.append(display_width(split.name.text))
            elif labels or after_label:
                widths.append(display_width(tokens[labels]))
            after_label = False
        return max(widths, default=0.0)

    # ---- reading ------------------------------------------------------------------------

    def read(self) -> list[_Row]:
        """Feed every body line and return the rows."""
        for i in range(len(self.body)):
            self._feed(i)
        self._close()
        return self.rows

    def _feed(self, i: int) -> None:
        """Put body line `i` where it belongs.

        In order: level labels at its start; a new row when no row is open; the name or target of
        a row still without a target; the continuation of a remark cut at its column edge; scraps
        and units that finish the open cell; a new `name value` row; the rest of an unfinished
        target; a new indicator name; otherwise the remark.
        """
        line = self.body[i]
        if line.text in self.repeated_header:
            return  # the header repeated at the top of a new page
        if TOTAL_RE.match(line.text):
            self._total_row(line)
            return
        rest = self._take_labels(i)
        if rest is None:
            return
        split = self.columns.split(rest)
        row = self.row
        if row is None or NAME not in row.cells:
            self._start(rest, split)
            return
        if self.columns.first_value not in row.cells:
            self._feed_after_name(i, row, rest, split)
            return
        if row.last == self.columns.tail_role != self.columns.first_value and self._tail_open(row, rest):
            row.add(self.columns.tail_role, rest)
            return
        if (
            (row.last == self.columns.first_value and _TARGET_TAIL_RE.match(rest.text))
            or continues_cell(rest.text)
            or self._short_tail(i, row, rest)
        ):
            row.add(row.last, rest)  # `2023 年 11 月` / `底前`, `…万元/公里` / `·年`, `…水` / `平`
            return
        done = row.last != self.columns.first_value or target_complete(row.text(self.columns.first_value))
        if split is not None and (done or name_ends_like_name(split.name.text)):
            self._close()
            self._start(rest, split)
        elif not done:
            row.add(row.last, rest)
        elif self._new_name_ahead(i, rest):
            self._close()
            self._start(rest, self.columns.loose_split(rest))
        else:
            row.add(self.columns.tail_role if row.last == self.columns.first_value else row.last, rest)

    def _feed_after_name(self, i: int, row: _Row, rest: Frag, split: Split | None) -> None:
        """The row has a name but no target yet: continue the name or start the target."""
        lead = leading_value(rest)
        if lead is not None:
            # `100% 服务器带宽 不…`: the target, then the start of the next cell on the same line
            row.add(self.columns.first_value, lead[0])
            row.add(self.columns.tail_role, lead[1])
            return
        if not self._name_complete(row) or self._name_tail(i, row, rest):
            if split is not None:
                row.add(NAME, split.name)
                self._assign(row, split.values)
            elif is_target(rest.text):
                row.add(self.columns.first_value, rest)
            else:
                row.add(NAME, rest)
            return
        if split is not None and name_ends_like_name(split.name.text) and is_quantity(split.values[0][1].text):
            self._close()
            self._start(rest, split)
            return
        row.add(self.columns.first_value, rest)

    def _take_labels(self, i: int) -> Frag | None:
        """Consume level labels at the start of line `i`; return the rest as a fragment, or None.

        A bare 二级 word that could also be a name (服务对象满意度, 质量) is a label only when a
        whole `name value` row follows it, on its line or on the next.
        """
        line = self.body[i]
        tokens = list(_TOKEN_RE.finditer(line.text))
        taken = 0
        for token in tokens:
            level = level_of(token.group())
            if not level and WEAK_LEVEL2_RE.match(token.group()):
                if taken + 1 < len(tokens):
                    after = Frag(line.text[tokens[taken + 1].start() :], line)
                elif i + 1 < len(self.body):
                    after = Frag(self.body[i + 1].text, self.body[i + 1])
                else:
                    break
                level = 2 if self.columns.split(after) is not None else 0
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

    def _start(self, rest: Frag, split: Split | None) -> None:
        """Open a new row from `rest`: the name alone, or the name and values on its line."""
        split = split or self.columns.loose_split(rest)
        self.row = _Row(self.l1, self.l2)
        if split is None:
            self.row.add(NAME, rest)
        else:
            self.row.add(NAME, split.name)
            self._assign(self.row, split.values)

    def _total_row(self, line: PhysLine) -> None:
        """A 总分/合计 row: its numbers fill the last numeric columns (分值, 得分), right-aligned."""
        self._close()
        tokens = [Frag(m.group(), line) for m in _TOKEN_RE.finditer(line.text)]
        self.l1 = self.l2 = None
        row = _Row(None, None)
        row.add(NAME, tokens[0])
        numeric = [r for r in self.columns.value_roles if column_base(r) in (WEIGHT, SCORE)]
        values = tokens[1:]
        if numeric and len(values) <= len(numeric):
            for role, frag in zip(numeric[len(numeric) - len(values) :], values, strict=True):
                row.add(role, frag)
        else:
            self._assign(row, list(zip(self.columns.value_roles, values, strict=False)))
        self.rows.append(row)

    def _assign(self, row: _Row, values: list[tuple[str, Frag]]) -> None:
        """Put the values of a `name value...` line into their columns."""
        for key, frag in values:
            row.add(key, frag)

    def _close(self) -> None:
        """Finish the open row (if it has any cell)."""
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
        return display_width(last) < _SHORT_FRAGMENT_SHARE * self.fragment_width

    def _name_tail(self, i: int, row: _Row, rest: Frag) -> bool:
        """True for the last few characters of a name cut at the column edge (`…小区数` / `量`).

        The name's last fragment fills the column and the short fragment is no target; it
        completes a name ending, or a target follows it.
        """
        text = rest.text
        last = row.cells[NAME][-1].text
        if len(text) > _MAX_NAME_TAIL_CHARS or has_digit(text) or is_target(text) or self._fragment_complete(last):
            return False
        nxt = self.body[i + 1] if i + 1 < len(self.body) else None
        return name_ends_like_name(row.text(NAME) + text) or (nxt is not None and self._starts_with_target(nxt))

    def _fragment_complete(self, text: str) -> bool:
        """True when `text` ends a cell: no open end and clearly narrower than the name column."""
        return not is_open_end(text) and display_width(text) < _SHORT_FRAGMENT_SHARE * self.fragment_width

    def _new_name_ahead(self, i: int, rest: Frag) -> bool:
        """True when `rest` (after a finished target) starts a new indicator rather than a remark.

        A name is a run of fragments in which every fragment but the last fills the column; it
        ends like a name (…率, …费) or is followed by a target.
        """
        text = rest.text
        if len(text) > _MAX_NAME_START_CHARS or continues_cell(text):
            return False
        loose = self.columns.loose_split(rest)
        head = loose.name.text if loose is not None else text
        if self.name_width and display_width(head) > _NAME_WIDTH_SLACK * self.name_width:
            return False  # wider than the name column: a remark
        if "，" in head and self._output_level():
            return False  # output indicators (数量/质量/时效/成本) are noun phrases; a clause is a remark
        if loose is not None:
            return name_ends_like_name(head) or is_target(loose.values[0][1].text)
        if has_digit(text) or CMP_RE.search(text):
            return False
        if name_ends_like_name(text):
            return True
        if is_target(text) and self._fragment_complete(text):
            return False  # a short target-like phrase; a full-width one is a name cut at the edge
        fragment = text
        for nxt in self.body[i + 1 : i + 1 + _NAME_LOOKAHEAD_LINES]:
            if self._fragment_complete(fragment):
                return self._starts_with_target(nxt)
            first = _TOKEN_RE.match(nxt.text)
            if first is None or level_of(first.group()):
                return False
            if self.columns.split(Frag(nxt.text, nxt)) is not None:
                return False  # a whole `name value` row follows: `rest` is the remark before it
            if self._starts_with_target(nxt):
                return True
            if has_digit(nxt.text):
                return False
            if name_ends_like_name(nxt.text):
                return True
            fragment = nxt.text
        return False

    def _short_tail(self, i: int, row: _Row, rest: Frag) -> bool:
        """A scrap of one or two characters that finishes the open cell (`不低于上年水` / `平`).

        One character is never a cell of its own; two are, when a target follows (a short name).
        A unit right after a number that ended the cell (`每日不少于 2` / `次`) belongs to it too.
        """
        text = rest.text
        last = row.cells[row.last][-1].text
        if last[-1].isdigit() and starts_with_unit(text) and len(text) <= _MAX_UNIT_TAIL_CHARS:
            return True
        if len(text) > _MAX_SCRAP_CHARS or has_digit(text) or is_target(text):
            return False
        nxt = self.body[i + 1] if i + 1 < len(self.body) else None
        return len(text) == 1 or nxt is None or not self._starts_with_target(nxt)

    def _output_level(self) -> bool:
        """True under an output level (产出; 数量/质量/时效/成本), whose indicator names are short nouns."""
        labels = [frag.text for frag in (self.l1, self.l2) if frag is not None]
        return any(label.startswith(("产出", "数量", "质量", "时效", "成本")) for label in labels)

    def _tail_open(self, row: _Row, rest: Frag) -> bool:
        """True when the remark cell was cut at the column edge, so `rest` continues it.

        Its last fragment ends with open punctuation or splits a number from its unit, or is as
        wide as the widest fragment of the cell (with only one fragment there is nothing to
        compare with).
        """
        frags = row.cells.get(self.columns.tail_role, [])
        last = frags[-1].text
        if is_open_end(last) or (last[-1].isdigit() and starts_with_unit(rest.text)):
            return True
        if len(frags) < 2 or last.endswith(("。", "；", ";")) or ends_with_quantity(last):
            return False  # a finished sentence or quantity may end a cell exactly at the edge
        return display_width(last) >= _FULL_FRAGMENT_SHARE * max(display_width(f.text) for f in frags)

    def _starts_with_target(self, line: PhysLine) -> bool:
        """True when `line` is, or starts with, a compact target value (`100%`, `效果显著`, `≥5部 …`)."""
        first = _TOKEN_RE.match(line.text)
        if first is None or level_of(first.group()) or self.columns.split(Frag(line.text, line)) is not None:
            return False  # a new level, or a whole `name value` row
        if is_target(line.text) and not any(ch in line.text for ch in "，,；;"):
            return True
        spans = glue_tokens(line.text)
        return len(spans) > 1 and is_quantity(line.text[spans[0][0] : spans[0][1]])

    # ---- output --------------------------------------------------------------------------

    def table(self, index: int) -> Table:
        """The Table: the header as written, then one row per indicator with a cell per column."""
        rows = self.read()
        header = [
            Cell(text=f.text, row=0, col=c, page=f.line.page, line=f.line.no) for c, f in enumerate(self.header.cells)
        ]
        grid = [header]
        spans = _level_spans(rows)
        for r, row in enumerate(rows, start=1):
            grid.append([self._cell(row, key, r, c, spans) for c, key in enumerate(self.columns.keys)])
        pages = sorted({cell.page for line in grid for cell in line})
        return Table(index=index, rows=grid, page=pages[0], pages=pages)

    def _cell(self, row: _Row, role: str, r: int, c: int, spans: dict[int, int]) -> Cell:
        """The cell of `row` in column `c`; level labels are merged cells when they cover several rows."""
        page = row.cells[next(iter(row.cells))][0].line.page
        if role in (L1, L2):
            frag = row.l1 if role == L1 else row.l2
            if frag is None:
                return Cell(text="", row=r, col=c, page=page)
            return Cell(
                text=frag.text, row=r, col=c, page=frag.line.page, line=frag.line.no, merged=spans[id(frag)] > 1
            )
        frags = row.cells.get(role, [])
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
