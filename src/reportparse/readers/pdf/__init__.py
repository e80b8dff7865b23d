"""The PDF reader: pdfium's characters and boxes, ruled and borderless tables, pages joined into one Document.

- `document` reads a file page by page into a Document (`read_pdf`) and maps quotes back to boxes
- `fonts` gives pdfium the PDF's unembedded fonts from the package (`boxfont`, `box.ttf`), never the machine's
- `lines` groups pdfium's characters into glyphs and text lines (upright, fake bold dropped)
- `edges` ruling lines of a page; `tables` ruled tables through pdfplumber's edge-to-cell code, joined over pages
- `borderless` tables printed without rules, rebuilt from column alignment; `layout` a page's tables and prose
  in reading order
"""

from __future__ import annotations

from reportparse.readers.pdf.document import evidence_bbox, read_pdf

__all__ = ["evidence_bbox", "read_pdf"]
