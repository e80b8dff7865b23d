"""The blocks files of the layout harnesses (shapes.py, fileshapes.py): a hand-transcribed form as they read it.

A `corpora/real/dev/<stem>.blocks.json` holds a document's paragraphs and tables in reading order, a table as
rows of cells with its merged cells (`[row, col, rowspan, colspan]`, the text in the top-left cell). `load_blocks`
reads one as a list of blocks: a paragraph's text, or a `Grid`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Grid:
    """One table of a blocks file: rows of cells, merged cells' text in their top-left cell."""

    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]]  # row, col, rowspan, colspan (0-based)
    #: cells an excerpt does not print (under a merge whose text was cut off above, after a row's cut)
    lost: frozenset[tuple[int, int]] = frozenset()

    def covered(self) -> set[tuple[int, int]]:
        return {(r, c) for r0, c0, rs, cs in self.merges
                for r in range(r0, r0 + rs) for c in range(c0, c0 + cs) if (r, c) != (r0, c0)} | self.lost

    def visible(self) -> list[list[str]]:
        return visible_cells(self)

    def printed(self) -> list[list[str]]:
        """Each row's cells as a web page's table prints them: cells hidden under a merge left out, a
        line break inside a cell ('年初\\n预算数') closed up (broken_labels breaks labels on purpose)."""
        hidden = self.covered()
        return [[re.sub(r"\s*\n\s*", "", cell).strip() for c, cell in enumerate(row) if (r, c) not in hidden]
                for r, row in enumerate(self.rows)]


Block = str | Grid


def load_blocks(path: Path) -> list[Block]:
    """The blocks of a transcription; its title first when the document's own text prints it and no
    block holds it (a form whose title the page prints above the table)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    blocks: list[Block] = []
    title = str(data.get("title") or "")
    texts = [str(b.get("p", "")) for b in data.get("blocks", [])] + [
        str(c) for b in data.get("blocks", []) for row in b.get("table", []) for c in row]
    original = path.parent / f"{stem_of(path)}.txt"
    printed = original.exists() and title.replace(" ", "") in re.sub(r"\s+", "", original.read_text(encoding="utf-8"))
    if title and printed and not any(title.replace(" ", "") in t.replace(" ", "") for t in texts):
        blocks.append(title)
    for block in data.get("blocks", []):
        if "p" in block:
            blocks.append(str(block["p"]))
        else:
            rows = [[str(c) for c in row] for row in block["table"]]
            width = max(len(r) for r in rows)
            blocks.append(Grid([r + [""] * (width - len(r)) for r in rows],
                               [(m[0], m[1], m[2], m[3]) for m in block.get("merges", [])]))
    return blocks


def visible_cells(table: Grid) -> list[list[str]]:
    """The table's rows as a layout dump sees them: a merged-over cell empty, a cell's line breaks closed."""
    hidden = table.covered()
    return [["" if (r, c) in hidden else re.sub(r"\s*\n\s*", "", cell).strip() for c, cell in enumerate(row)]
            for r, row in enumerate(table.rows)]


def stem_of(blocks_path: Path) -> str:
    return blocks_path.name[: -len(".blocks.json")]

