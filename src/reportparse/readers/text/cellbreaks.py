"""Plain-text input: a bordered '|' table whose cells held line breaks, each break a new line of the dump:

    |产出指标|数量指标|完成高标准农田
    建设面积|≥2000亩|2100亩|20|20||

A row line of a bordered table opens and ends with '|'; a line that opens with one and does not end with one
goes on in the lines after it (which open with no '|') until one ends the row. The pieces are one row, the break
inside the cell closed up (the cell's words run on: '完成高标准农田建设面积'). A sheet's tab copy quotes such a cell
instead ('\t"完成高标准农田' / '建设面积"\t'): its lines are joined where the quote closes."""

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


#: Most lines one quoted cell of a sheet's copy may run over.
_MAX_QUOTED_LINES = 4


def join_quoted_cells(lines: list[PhysLine]) -> list[PhysLine]:
    """Tab rows copied out of a sheet whose cells held line breaks: the sheet quotes such a cell ('…\t"完成高标准农田'
    / '建设面积"\t≥2000亩…'), so a tab line whose quote does not close goes on in the lines after it until it does;
    the pieces are one row, the quotes around the cell dropped and its break closed up."""
    out: list[PhysLine] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if "\t" in line.text and _opens_quote(line.text):
            end = i + 1
            text = line.text
            while end < len(lines) and end - i <= _MAX_QUOTED_LINES and text.count('"') % 2:
                text += lines[end].text
                end += 1
            if text.count('"') % 2 == 0:
                cells = [cell[1:-1] if len(cell) > 1 and cell.startswith('"') and cell.endswith('"') else cell
                         for cell in text.split("\t")]
                out.append(replace(line, text="\t".join(cells)))
                i = end
                continue
        out.append(line)
        i += 1
    return out


def _opens_quote(text: str) -> bool:
    """A cell of the tab row opens a quote that the line does not close."""
    return text.count('"') % 2 == 1 and any(cell.startswith('"') for cell in text.split("\t"))
