"""Grid helpers for 自评表 forms: rows across tables, cell text cleaning, labels, evidence.

A form may be one table (XLSX), or several tables (a DOCX/PDF form broken across pages), and one
table may hold several forms (an XLSX sheet with forms one below another). The parser therefore
works on `GridRow`s — a table row plus the table it came from — and never on table boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Evidence, Table
from reportparse.parse.form.hanzi import to_simplified

_SPACES = lazy_compile(r"[\s\u3000\u00a0]+")
_LINE_BREAKS = lazy_compile(r"[ \t\u3000\u00a0]*\n[ \t\u3000\u00a0]*")
_CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
#: a space next to a Chinese character: PDF text layers put them between 率 and 100%
_SPACE_BY_CJK = lazy_compile(rf"(?<=[{_CJK}])[ \t\u00a0]+|[ \t\u00a0]+(?=[{_CJK}])")
#: a pinyin reading printed after a character, as web pages with ruby annotations copy out:
#: '項(xiàng)目' → '項目' (lower-case Latin letters with tone marks, never a unit or a number)
_PINYIN_RUBY = lazy_compile(r"[(（][a-z\u00e0-\u00fc\u0101-\u01dc]{1,6}[)）]")


@dataclass(frozen=True)
class GridRow:
    """One table row of a form, with the table it belongs to."""

    table: Table
    index: int
    shift: int = 0  # text tables drop a row's leading empty cells: read cell(col) at col - shift

    @property
    def cells(self) -> list[Cell]:
        return self.table.rows[self.index]

    def cell(self, col: int | None) -> Cell | None:
        """The cell at grid column `col` (after the shift), or None when there is none."""
        if col is None:
            return None
        col -= self.shift
        if col < 0 or col >= len(self.cells):
            return None
        return self.cells[col]

    def shifted(self, offset: int) -> GridRow:
        """This row moved `offset` columns to the right (only ever right: cells are dropped, not added)."""
        return GridRow(self.table, self.index, offset) if offset > 0 else self

    def text(self, col: int | None) -> str:
        """The cell's text with line breaks of the layout removed ('' for no cell)."""
        cell = self.cell(col)
        return join_lines(cell.text) if cell is not None else ""

    def key(self, col: int | None) -> str:
        """The cell's text with every space removed, for label matching."""
        cell = self.cell(col)
        return squash(cell.text) if cell is not None else ""

    def row_keys(self) -> list[str]:
        """Every cell's key (spaces removed), computed once per row."""
        return self._keys

    @cached_property
    def _keys(self) -> list[str]:
        return [squash(c.text) for c in self.cells]

    def distinct(self) -> list[tuple[int, Cell]]:
        """Non-empty cells, a merged cell counted once (at its first grid position in the row)."""
        out: list[tuple[int, Cell]] = []
        previous = None
        for col, cell in enumerate(self.cells):
            key = squash(cell.text)
            if key and not (cell.merged and key == previous):
                out.append((col, cell))
            previous = key
        return out

    def is_empty(self) -> bool:
        return not any(squash(c.text) for c in self.cells)

    @property
    def hidden(self) -> bool:
        return self.index in self.table.hidden_rows


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """Remove every kind of space: labels such as '全年预算\\n数（A）' become '全年预算数（A）'.

    Traditional characters fold to simplified ones (年度資金總額 → 年度资金总额): keys are for label
    matching only, so the label patterns serve forms printed in either script. Pinyin readings
    printed after characters ('指標(biāo)') are dropped for the same reason."""
    return to_simplified(_PINYIN_RUBY.sub(_ruby_after_han, _SPACES.sub("", text or "")))


def _ruby_after_han(reading: re.Match[str]) -> str:
    """A reading in brackets goes when a Han character is printed before it: the lookbehind
    `(?<=[\\u4e00-\\u9fff])` the pattern had, tested on the match (no reading can start inside another,
    so the matches are the same)."""
    start = reading.start()
    return "" if start > 0 and is_han(reading.string[start - 1]) else reading.group()


def join_lines(text: str) -> str:
    """Undo the layout's line breaks inside a cell ('完成中型灌区节\\n水改造' → '完成中型灌区节水改造')."""
    return _LINE_BREAKS.sub("", (text or "").strip())


def tidy_name(text: str) -> str:
    """A name as one line, without the spaces a PDF layout puts next to Chinese characters (nor the label's
    colon a dump left on the value's side: '项目名称' | ':X项目')."""
    return _STAMP.sub("", _SPACE_BY_CJK.sub("", join_lines(text)).strip().lstrip(":：").strip())


#: The stamp mark a form prints after a field's value ('X项目（盖章）'): the signing, no part of the name.
_STAMP = lazy_compile(r"\s*[(（](?:盖章|签章|公章)[)）]$")


def evidence(row: GridRow, col: int | None) -> Evidence | None:
    """The quote of one cell with every coordinate the table knows."""
    cell = row.cell(col)
    if cell is None or not cell.text.strip():
        return None
    return cell_evidence(row.table, cell)


def cell_evidence(table: Table, cell: Cell) -> Evidence:
    """Evidence for one cell of `table`."""
    return Evidence(
        page=cell.page,
        text=cell.text.strip(),
        line=cell.line,
        bbox=cell.bbox,
        table=table.index if table.index >= 0 else None,  # -1: rebuilt from text lines
        row=cell.row,
        col=cell.col,
        sheet=table.sheet,
        cell=cell.ref,
        confidence=cell.confidence,
    )


def evidences(row: GridRow, *cols: int | None) -> list[Evidence]:
    """Evidence for several cells of a row, skipping empty ones and repeats of a merged cell."""
    out: list[Evidence] = []
    seen: set[tuple[int | None, int, str]] = set()
    for col in cols:
        ev = evidence(row, col)
        if ev is None:
            continue
        key = (ev.page, ev.row or 0, ev.text)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def value_after(row: GridRow, col: int) -> tuple[int, str] | None:
    """The first non-empty cell right of `col` that is not the label repeated (merged label cells)."""
    label = row.key(col)
    for c in range(col + 1, len(row.cells)):
        key = row.key(c)
        if key and key != label:
            return c, row.text(c)
    return None


def from_text(table: Table) -> bool:
    """Was the table read from text lines (its cells know their line)? Only such a table drops the
    empty or merged cells at the start of a row."""
    return any(cell.line is not None for cells in table.rows[:3] for cell in cells)
