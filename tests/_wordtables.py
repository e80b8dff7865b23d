"""Word documents built in a test: rows written as one table (a title paragraph above it, if any), saved and checked
end to end (shared by the DOCX form tests)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx

from reportparse.model import Result
from reportparse.pipeline import check


def checked_word_table(tmp_path: Path, rows: Sequence[Sequence[str]], title: str | None = None) -> Result:
    """`rows` as one Word table under `title`, saved as form.docx and checked."""
    document = docx.Document()
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "form.docx"
    document.save(path)
    return check(path)
