"""One-page PDFs drawn cell by cell for the PDF reader's tests (reportlab's built-in CID font STSong-Light, no
font file): table rows at given left edges, prose lines and horizontal rules, with no vertical rule, and the
Document the reader makes of such a page."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from pathlib import Path

from reportparse.model import Document, Source, SourceFormat
from reportparse.readers.pdf import read_pdf

FONT = "STSong-Light"
SIZE = 9
LEADING = SIZE * 1.25
PAGE = (595.0, 842.0)
#: a cell is one text, a list of lines (a wrapped cell, from its top), or None
Cell = str | list[str] | None
#: (top baseline, cells, the cells' left edges)
Row = tuple[float, list[Cell], list[float]]
#: (top baseline, text, left edge, font size): a line of prose or a title
Line = tuple[float, str, float, float]
#: (y, x0, x1): a horizontal rule
Rule = tuple[float, float, float]


def page_pdf(rows: Sequence[Row], lines: Sequence[Line] = (), rules: Sequence[Rule] = ()) -> bytes:
    """One page of prose lines, table rows and horizontal rules, all measured from the top."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=PAGE)
    for baseline, text, x, size in lines:
        c.setFont(FONT, size)
        c.drawString(x, PAGE[1] - baseline, text)
    c.setFont(FONT, SIZE)
    for baseline, cells, xs in rows:
        for col, cell in enumerate(cells):
            for k, text in enumerate([cell] if isinstance(cell, str) else cell or []):
                c.drawString(xs[col] + 2, PAGE[1] - baseline - k * LEADING, text)
    c.setLineWidth(0.5)
    for y, x0, x1 in rules:
        c.line(x0, PAGE[1] - y, x1, PAGE[1] - y)
    c.showPage()
    c.save()
    return buf.getvalue()


def read_page(data: bytes) -> Document:
    """The Document the PDF reader makes of a page `page_pdf` drew."""
    source = Source(path="t.pdf", format=SourceFormat.PDF, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_pdf(Path("t.pdf"), data, source)
