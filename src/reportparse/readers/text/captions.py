"""Plain-text input: the captions a web page set inside a '|' table's rows. A page that lays a whole attachment out
as one table prints its captions as rows of one cell ('附件2 | |||||', '…绩效目标表 | |||||', '(2018年度) | |||||',
'单位:元 | |||||') above and between the tables they title. Such rows are no table's rows: they are the captions a
Word copy prints as paragraphs, and where they stand between two tables they part them.
"""

from __future__ import annotations

from dataclasses import replace

from reportparse.lazypattern import lazy_compile
from reportparse.readers.text.lines import PhysLine
from reportparse.t2s import simplified

#: A caption: an attachment's number, a form's or a list's title (ending in 表), the year in brackets under it, the
#: unit of its money.
_CAPTION_RE = lazy_compile(
    r"^(?:附件|附表)\s*\d{0,2}$|^.{4,60}表$|^[(（]\s*20\d{2}\s*年度?\s*[)）]$|^(?:金额)?单位\s*[:：]\s*(?:万?元)$"
)
_BARS = ("|", "｜")


def caption_of(text: str, cells: list[str] | None) -> str | None:
    """The caption a row of one cell is ('附件2 | |||||' → '附件2'), or None."""
    filled = [cell for cell in (cells or [text.strip().rstrip("|｜ ")]) if cell.strip()]
    if len(filled) != 1 or not any(bar in text for bar in _BARS):
        return None
    caption = filled[0].strip()
    return caption if _CAPTION_RE.match(simplified(caption).replace(" ", "")) else None


def parted(lines: list[PhysLine], cells_of: list[list[str] | None]) -> list[PhysLine | list[PhysLine]]:
    """The lines of a '|' table in reading order: a caption row as a line of its own (its caption's text), the runs
    of rows between captions as lists (each a table)."""
    out: list[PhysLine | list[PhysLine]] = []
    for line, cells in zip(lines, cells_of, strict=True):
        caption = caption_of(line.text, cells)
        if caption is not None:
            out.append(replace(line, text=caption))
        elif out and isinstance(out[-1], list):
            out[-1].append(line)
        else:
            out.append([line])
    return out
