"""The PDF writer of the format harness (fileshapes.py): a form laid out in a `PdfStyle`.

The style says how the table is ruled (a grid, no lines, rules between rows only), whether the page is landscape,
whether the columns are equal and narrow, and whether the indicator table breaks over two pages (its header row
repeated on the second page or not).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from siblings import sibling  # (corpora/ is no package: siblings.py loads the scripts by path)

layout = sibling("layout")
formrewrites = sibling("formrewrites")
Table = layout.Table
Document = layout.Document


@dataclass(frozen=True)
class PdfStyle:
    rules: str = "grid"  # grid | none | rows
    landscape: bool = False
    equal_widths: bool = False
    split: str = ""  # "" | repeat | bare


PAGE_BREAK = "\f"


def pdf_story_split(doc: Document, repeat: bool, widths: dict[int, Table]) -> Document:
    """The first indicator table broken halfway through its indicator rows, a page break between, the
    header row printed again on the new page when `repeat`."""
    blocks: list[str | Table] = []
    done = False
    for block in doc.blocks:
        h = formrewrites.indicator_header(block) if isinstance(block, Table) and not done else None
        if isinstance(block, Table) and h is not None and len(block.rows) - h > 3:
            cut = h + 1 + (len(block.rows) - h - 1) // 2
            second = formrewrites.clip(block, cut, len(block.rows))
            if repeat:
                head = formrewrites.clip(block, h, h + 1)
                second = Table(head.rows + second.rows,
                               head.merges + [(r + 1, c, rs, cs) for r, c, rs, cs in second.merges])
            first = formrewrites.clip(block, 0, cut)
            widths[id(first)] = widths[id(second)] = block
            blocks += [first, PAGE_BREAK, second]
            done = True
        else:
            blocks.append(block)
    return replace(doc, blocks=blocks)


#: Rows a merged cell may span in a shape's PDF; past this a span that does not fit its page is unmerged.
LONGEST_SPAN = 12


def write_pdf(doc: Document, path: Path, style: PdfStyle) -> None:
    """`doc` in `style`; a merged label spanning more rows than the style's page holds (reportlab cannot
    split a span over pages) is laid out unmerged, its text in its top cell, as a sheet unmerged to print."""
    from reportlab.platypus.doctemplate import LayoutError

    try:
        _write_pdf(doc, path, style, longest_span=None)
    except LayoutError:
        _write_pdf(doc, path, style, longest_span=LONGEST_SPAN)


def _write_pdf(doc: Document, path: Path, style: PdfStyle, longest_span: int | None) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    body, title, cell = layout.pdf_styles()
    page = landscape(A4) if style.landscape else A4
    margin = 42.0
    usable = page[0] - 2 * margin
    whole: dict[int, Table] = {}
    if style.split:
        doc = pdf_story_split(doc, style.split == "repeat", whole)
    story: list[object] = []
    if doc.title:
        story.append(Paragraph(layout.markup(doc.title), title))
    for block in doc.blocks:
        if block == PAGE_BREAK:
            story.append(PageBreak())
            continue
        if isinstance(block, str):
            story.append(Paragraph(layout.markup(block), body))
            continue
        hidden = block.covered()
        rows = [[Paragraph(layout.markup(text), cell) if text and (r, c) not in hidden else ""
                 for c, text in enumerate(row)] for r, row in enumerate(block.rows)]
        commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                              ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                              ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
        if style.rules == "grid":
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
        elif style.rules == "rows":
            commands += [("LINEABOVE", (0, 0), (-1, -1), 0.5, "black"), ("LINEBELOW", (0, -1), (-1, -1), 0.5, "black")]
        for r0, c0, rs, cs in block.merges:
            if (rs > 1 or cs > 1) and (longest_span is None or rs <= longest_span):
                commands.append(("SPAN", (c0, r0), (c0 + cs - 1, r0 + rs - 1)))
        widths = ([usable / block.ncols] * block.ncols if style.equal_widths
                  else layout.column_widths(whole.get(id(block), block), usable))
        grid = LongTable(rows, colWidths=widths, splitByRow=1)
        grid.setStyle(TableStyle(commands))
        story += [grid, Spacer(1, 8)]
    template = SimpleDocTemplate(str(path), pagesize=page, leftMargin=margin, rightMargin=margin,
                                 topMargin=margin, bottomMargin=margin, invariant=1,
                                 title=doc.title, author="", creator="", producer="", subject="")
    template.build(story)

