"""Plain-text input: goal-table headers, and the fragments of the rows under them.

A *goal-table header* is a line, or a few short lines, holding at least three known column
words (一级指标 二级指标 三级指标 指标值 备注 ...); the flattened body below it is rebuilt by
`flattened`, a column-aligned one by `aligned`.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportparse.lazypattern import lazy_compile
from reportparse.readers.text.delimited import split_delimited
from reportparse.readers.text.lines import PhysLine
from reportparse.readers.text.signals import (
    COLUMN_WORD_RE,
    MIN_COLUMN_WORDS,
    column_role,
    column_words,
    name_role_fix,
)

_TOKEN_RE = lazy_compile(r"\S+")
#: Every prefix of a column word: where a header cut over several lines can start.
_COLUMN_PREFIXES = frozenset(word[:k] for word in COLUMN_WORD_RE.pattern.split("|") for k in range(2, len(word) + 1))

#: A header cut over lines (`一级目` / `标` / `二级目` ...) spans at most this many lines: one
#: per column word of a narrow form, and no further, so a run of short body lines is not read
#: as one long header.
_MAX_HEADER_LINES = 8

#: A piece of a header cut over lines is narrower than this (in em): the pieces are column
#: words cut at a narrow column's edge; a wider line is prose or a row, and ends the search.
_MAX_HEADER_PIECE_WIDTH = 12

#: A header line may hold this many characters besides its column words (（%）, 单位, 序号 ...);
#: more, and it is a sentence that names columns, not a header.
_MAX_HEADER_LEFTOVER_CHARS = 6


@dataclass(slots=True)
class Frag:
    """A piece of one physical line that belongs to one cell."""

    text: str
    line: PhysLine


@dataclass(slots=True)
class Header:
    """A goal-table header: its cells as written and the role of each column."""

    lines: list[PhysLine]
    cells: list[Frag]
    roles: list[str]


def header_at(line: PhysLine) -> Header | None:
    """The goal-table header on `line`, or None when the line is not one (needs ≥3 column words)."""
    return _header_from([line])


def header_across(lines: list[PhysLine], start: int, max_lines: int = _MAX_HEADER_LINES) -> tuple[Header, int] | None:
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
        if lines[end - 1].width > _MAX_HEADER_PIECE_WIDTH:
            break
    return None


#: Body lines looked at to tell rows run together from flattened rows.
_RUN_SAMPLE = 12


def rows_run_together(header: PhysLine, body: list[PhysLine]) -> bool:
    """A header line whose column words run together ('一级指标二级指标三级指标年度指标值实际完成值…') over
    rows that run their cells together as well ('产出指标数量指标维修供水工程处数≥45处48处1010'): most rows are
    one token holding text and figures, with no space to cut them on. The flattened reader can only place
    such a row whole under one column; left as lines, the form reader cuts them by what their cells are."""
    glued = any(len(column_words(token)) >= MIN_COLUMN_WORDS for token in header.text.split())
    rows = [line.text.strip() for line in body[:_RUN_SAMPLE] if line.text.strip()]
    run = [text for text in rows if len(text.split()) == 1 and _HAN.search(text) and _DIGIT.search(text)]
    return glued and bool(rows) and len(run) * 2 > len(rows)


_HAN = lazy_compile(r"[\u4e00-\u9fff]")
_DIGIT = lazy_compile(r"\d")
_SEPARATORS = lazy_compile(r"[\s/、，,（）()]")


def _header_from(parts: list[PhysLine]) -> Header | None:
    """Read the lines `parts`, joined without separators, as a goal-table header."""
    text = "".join(part.text for part in parts)
    words = column_words(text)
    if len(set(words)) < MIN_COLUMN_WORDS or "。" in text or split_delimited(text) is not None:
        return None
    leftover = _SEPARATORS.sub("", text)
    for word in words:
        leftover = leftover.replace(word, "", 1)
    if len(leftover) > _MAX_HEADER_LEFTOVER_CHARS:
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
