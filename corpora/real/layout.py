"""Lay out a real document's tables as DOCX, PDF and (pure forms) XLSX.

Usage: python3 corpora/real/layout.py FILE.blocks.json [FILE.blocks.json ...]

A blocks file holds {"title": str, "blocks": [{"p": str} | {"table": [[cell, ...], ...],
"merges": [[row, col, rowspan, colspan], ...]}], "xlsx": optional bool}. Merge
coordinates are 0-based; a merged cell's text sits in its top-left cell and the
covered cells are "". Beside FILE.blocks.json the script writes <id>.docx and <id>.pdf,
and <id>.xlsx when the document is only a form: "xlsx" when given, else every
paragraph is short (a header line or a footnote, not running prose).

Output is deterministic: fixed zip timestamps and document dates, reportlab's
invariant mode, so reruns give the same bytes.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

FIXED_DATE = datetime.datetime(2024, 1, 1, 0, 0, 0)
FONT = "STSong-Light"
# a paragraph longer than this is running prose: the document is not "only a form"
FORM_PARAGRAPH_LIMIT = 120


@dataclass
class Table:
    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # row, col, rowspan, colspan

    @property
    def ncols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def covered(self) -> set[tuple[int, int]]:
        """Cells hidden under a merge (every cell of a merge but its top-left one)."""
        hidden = set()
        for r0, c0, rs, cs in self.merges:
            for r in range(r0, r0 + rs):
                for c in range(c0, c0 + cs):
                    if (r, c) != (r0, c0):
                        hidden.add((r, c))
        return hidden


@dataclass
class Document:
    title: str
    blocks: list[str | Table]
    xlsx: bool


class LayoutError(ValueError):
    pass


def load(path: Path) -> Document:
    data = json.loads(path.read_text(encoding="utf-8"))
    blocks: list[str | Table] = []
    for n, block in enumerate(data.get("blocks", [])):
        if "p" in block:
            blocks.append(str(block["p"]))
        elif "table" in block:
            table = Table([[str(c) for c in row] for row in block["table"]],
                          [(m[0], m[1], m[2], m[3]) for m in block.get("merges", [])])
            check_table(path, n, table)
            blocks.append(table)
        else:
            raise LayoutError(f"{path}: block {n} is neither a paragraph nor a table")
    prose = any(isinstance(b, str) and len(b) > FORM_PARAGRAPH_LIMIT for b in blocks)
    has_table = any(isinstance(b, Table) for b in blocks)
    xlsx = bool(data["xlsx"]) if "xlsx" in data else (has_table and not prose)
    return Document(str(data.get("title", "")), blocks, xlsx)


def check_table(path: Path, n: int, table: Table) -> None:
    """Pad ragged rows and refuse merges that leave the grid or overlap, or hide text."""
    width = table.ncols
    for row in table.rows:
        row.extend([""] * (width - len(row)))
    seen: set[tuple[int, int]] = set()
    for r0, c0, rs, cs in table.merges:
        if rs < 1 or cs < 1 or r0 + rs > len(table.rows) or c0 + cs > width:
            raise LayoutError(f"{path}: table in block {n}: merge {[r0, c0, rs, cs]} leaves the grid")
        cells = {(r, c) for r in range(r0, r0 + rs) for c in range(c0, c0 + cs)}
        if cells & seen:
            raise LayoutError(f"{path}: table in block {n}: merge {[r0, c0, rs, cs]} overlaps another")
        seen |= cells
    for r, c in table.covered():
        if table.rows[r][c]:
            raise LayoutError(f"{path}: table in block {n}: cell ({r}, {c}) is under a merge but holds "
                              f"{table.rows[r][c]!r}")


# ---------------------------------------------------------------------------------------------
# zip normalisation (DOCX and XLSX are zips whose members carry the time of writing)
# ---------------------------------------------------------------------------------------------

def normalise_zip(data: bytes) -> bytes:
    stamp = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)",
                                 rb"\g<1>" + stamp + rb"\g<3>", content)
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, content)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------

def titled_docx(doc: Document) -> Any:
    """A new Word document in the corpus's body size, with the document's title centred in bold above."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10.5)
    if doc.title:
        heading = document.add_paragraph()
        heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = heading.add_run(doc.title)
        run.bold = True
        run.font.size = Pt(15)
    return document


def write_docx(doc: Document, path: Path) -> None:

    document = titled_docx(doc)
    for block in doc.blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        table = document.add_table(rows=len(block.rows), cols=block.ncols)
        table.style = "Table Grid"
        hidden = block.covered()
        for r, row in enumerate(block.rows):
            for c, text in enumerate(row):
                if text and (r, c) not in hidden:
                    table.cell(r, c).text = text
        for r0, c0, rs, cs in block.merges:
            if rs == 1 and cs == 1:
                continue
            text = block.rows[r0][c0]
            merged = table.cell(r0, c0).merge(table.cell(r0 + rs - 1, c0 + cs - 1))
            merged.text = text  # merging joins the covered cells' (empty) paragraphs; keep one
        document.add_paragraph("")
    props = document.core_properties
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.author = props.last_modified_by = ""
    props.title = doc.title
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue()))


# ---------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------

_INTEGER = re.compile(r"^-?\d{1,15}$")
_DECIMAL = re.compile(r"^-?\d{1,12}\.(\d{1,6})$")


def cell_value(text: str) -> tuple[str | int | float, str | None]:
    """Numbers typed as numbers (as a clerk's spreadsheet has them), keeping the printed decimals."""
    if _INTEGER.match(text) and not (len(text) > 1 and text.lstrip("-").startswith("0")):
        return int(text), None
    decimal = _DECIMAL.match(text)
    if decimal:
        return float(text), "0." + "0" * len(decimal.group(1))
    return text, None


def xlsx_styles() -> tuple[Any, Any, Any]:
    """The cell styles of the corpus's sheets (a table cell's thin black border, its wrapped and centred
    text, the title's font)."""
    from openpyxl.styles import Alignment, Border, Font, Side

    side = Side(style="thin", color="000000")
    border = Border(left=side, right=side, top=side, bottom=side)
    return border, Alignment(wrap_text=True, vertical="center"), Font(bold=True, size=14)


def write_xlsx(doc: Document, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    border, wrap, title_font = xlsx_styles()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    width = max((b.ncols for b in doc.blocks if isinstance(b, Table)), default=1)
    row_at = 1
    if doc.title:
        sheet.cell(row=1, column=1, value=doc.title).font = title_font
        sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center")
        if width > 1:
            sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        row_at = 2
    longest = [0] * width
    for block in doc.blocks:
        if isinstance(block, str):
            sheet.cell(row=row_at, column=1, value=block).alignment = Alignment(wrap_text=False)
            row_at += 1
            continue
        hidden = block.covered()
        for r, row in enumerate(block.rows):
            for c, text in enumerate(row):
                cell = sheet.cell(row=row_at + r, column=c + 1)
                if text and (r, c) not in hidden:
                    value, number_format = cell_value(text)
                    cell.value = value
                    if isinstance(value, str) and value.startswith("="):
                        cell.data_type = "s"  # printed text such as '=8个' (a target), not a formula
                    if number_format:
                        cell.number_format = number_format
                    if (r, c) not in {(m[0], m[1]) for m in block.merges if m[3] > 1}:
                        longest[c] = max(longest[c], min(len(text), 30))
                cell.border = border
                cell.alignment = wrap
        for r0, c0, rs, cs in block.merges:
            if rs > 1 or cs > 1:
                sheet.merge_cells(start_row=row_at + r0, start_column=c0 + 1,
                                  end_row=row_at + r0 + rs - 1, end_column=c0 + cs)
        row_at += len(block.rows) + 1
    from openpyxl.utils import get_column_letter

    for c, chars in enumerate(longest, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = max(8, chars * 2 + 2)
    book.properties.created = FIXED_DATE
    book.properties.modified = FIXED_DATE
    book.properties.creator = ""
    book.properties.title = doc.title
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue()))


# ---------------------------------------------------------------------------------------------
# PDF (reportlab; STSong-Light is a CID font built into every PDF reader, so no font file)
# ---------------------------------------------------------------------------------------------

def markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def column_widths(table: Table, total: float) -> list[float]:
    """Share the width by each column's longest unmerged text, within bounds, so labels stay legible."""
    spanned = {(m[0], m[1]) for m in table.merges if m[3] > 1}
    longest = [2] * table.ncols
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if text and (r, c) not in spanned:
                longest[c] = max(longest[c], max(len(line) for line in text.split("\n")))
    weights = [min(max(n, 3), 18) for n in longest]
    return [total * w / sum(weights) for w in weights]


def pdf_styles() -> tuple[Any, Any, Any]:
    """The paragraph styles of the corpus's PDFs (body, title, table cell) in the built-in CID font."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=10.5, leading=16, wordWrap="CJK", firstLineIndent=21)
    title = ParagraphStyle("title", fontName=FONT, fontSize=15, leading=22, alignment=1, spaceAfter=10,
                           wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10.5, wordWrap="CJK")
    return body, title, cell


def write_pdf(doc: Document, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    body, title, cell = pdf_styles()
    margin = 42.0
    usable = A4[0] - 2 * margin
    story: list[object] = []
    if doc.title:
        story.append(Paragraph(markup(doc.title), title))
    for block in doc.blocks:
        if isinstance(block, str):
            story.append(Paragraph(markup(block), body))
            continue
        hidden = block.covered()
        rows = [[Paragraph(markup(text), cell) if text and (r, c) not in hidden else ""
                 for c, text in enumerate(row)] for r, row in enumerate(block.rows)]
        commands: list[tuple[object, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ]
        for r0, c0, rs, cs in block.merges:
            if rs > 1 or cs > 1:
                commands.append(("SPAN", (c0, r0), (c0 + cs - 1, r0 + rs - 1)))
        grid = LongTable(rows, colWidths=column_widths(block, usable), splitByRow=1)
        grid.setStyle(TableStyle(commands))
        story.append(grid)
        story.append(Spacer(1, 8))
    template = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin,
                                 topMargin=margin, bottomMargin=margin, invariant=1,
                                 title=doc.title, author="", creator="", producer="", subject="")
    template.build(story)


def layout(path: Path) -> list[Path]:
    doc = load(path)
    stem = path.name.removesuffix(".blocks.json")
    out = [path.with_name(stem + ".docx"), path.with_name(stem + ".pdf")]
    write_docx(doc, out[0])
    write_pdf(doc, out[1])
    if doc.xlsx:
        out.append(path.with_name(stem + ".xlsx"))
        write_xlsx(doc, out[2])
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    status = 0
    for name in argv:
        path = Path(name)
        if not path.name.endswith(".blocks.json"):
            print(f"{path}: not a .blocks.json file", file=sys.stderr)
            status = 1
            continue
        try:
            written = layout(path)
        except (OSError, ValueError, KeyError, TypeError) as problem:
            print(f"{path}: {problem}", file=sys.stderr)
            status = 1
            continue
        print(" ".join(str(p) for p in written))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
