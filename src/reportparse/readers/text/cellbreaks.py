"""Plain-text input: a bordered '|' table whose cells held line breaks, each break a new line of the dump:

    |产出指标|数量指标|完成高标准农田
    建设面积|≥2000亩|2100亩|20|20||

A row line of a bordered table opens and ends with '|'; a line that opens with one and does not end with one
goes on in the lines after it (which open with no '|') until one ends the row. The pieces are one row, the break
inside the cell closed up (the cell's words run on: '完成高标准农田建设面积')."""

from __future__ import annotations

from dataclasses import replace

from reportparse.readers.text.lines import PhysLine

_PIPES = ("|", "｜")
#: Most lines one row's cells may be broken over.
_MAX_PIECES = 4


def _opens(text: str) -> bool:
    return text.lstrip().startswith(_PIPES)


def _ends(text: str) -> bool:
    return text.rstrip().endswith(_PIPES)


def open_ended_rows(lines: list[PhysLine], start: int) -> tuple[list[PhysLine], int] | None:
    """The rows from `start` with their broken cells joined, and the index after the table; None where no row of
    the table at `start` was broken over lines (the ordinary '|' readers read it) or a broken row never closes."""
    if start >= len(lines) or not _opens(lines[start].text):
        return None
    rows: list[PhysLine] = []
    joined = False
    i = start
    while i < len(lines) and _opens(lines[i].text):
        parts = [lines[i]]
        while (not _ends(parts[-1].text) and len(parts) < _MAX_PIECES and i + len(parts) < len(lines)
               and lines[i + len(parts)].text.strip() and not _opens(lines[i + len(parts)].text)):
            parts.append(lines[i + len(parts)])
        if not _ends(parts[-1].text):
            break
        joined = joined or len(parts) > 1
        rows.append(replace(parts[0], text="".join(p.text.strip() for p in parts)))
        i += len(parts)
    if not joined or len(rows) < 2:
        return None
    return rows, i
