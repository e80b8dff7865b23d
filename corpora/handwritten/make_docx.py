"""Write the DOCX copy of a hand-written report: same text, `|`/tab lines as real Word tables.

Usage: python3 corpora/handwritten/make_docx.py h01_county_farmer_training [h03_... ...]
The DOCX sits beside the TXT with the same stem, so both share the one gold file.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _cells(line: str) -> list[str] | None:
    """The cells of a table line ('a | b | c', '| a | b |' or tab-separated), else None."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    if line.count("|") >= 2:
        return [c.strip() for c in line.strip().strip("|").split("|")]
    return None


def convert(stem: str) -> Path:
    """TXT → DOCX for one report; returns the DOCX path."""
    import docx
    from docx.shared import Pt

    lines = (HERE / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    rows: list[list[str]] = []

    def flush() -> None:
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            # a short row (label, 分值, 得分) is right-aligned under the last columns, as Word users do
            start = 0 if len(row) == width else width - len(row) + 1
            for c, text in enumerate(row):
                col = 0 if c == 0 else start + c - 1 if start else c
                table.cell(r, col).text = text
        rows.clear()

    for line in lines:
        cells = _cells(line)
        if cells is not None:
            rows.append(cells)
            continue
        flush()
        if line.strip():
            heading = re.match(r"^[一二三四五六七八九十]+、", line.strip())
            paragraph = document.add_paragraph(line.strip())
            if heading:
                paragraph.runs[0].bold = True
    flush()
    out = HERE / f"{stem}.docx"
    document.save(str(out))
    return out


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(convert(name))
