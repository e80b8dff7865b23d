"""Render blocks to TXT (a PDF-dump lookalike), DOCX, XLSX and PDF. Output is deterministic."""

from __future__ import annotations

import io
import random
import re
import zipfile
from pathlib import Path

from genlib.common import Block, Heading, PageBreak, Para, Table

# ------------------------------------------------------------------------------------------
# TXT with PDF-dump damage
# ------------------------------------------------------------------------------------------


_UNBREAKABLE = re.compile(r"[0-9A-Za-z.,%％]")


def wrap(text: str, width: int) -> list[str]:
    """Hard line breaks every `width` characters, as a PDF dump has them, but never inside a number
    or a Latin word (a typesetter keeps those together)."""
    lines: list[str] = []
    start = 0
    while len(text) - start > width:
        end = start + width
        while end > start + 1 and _UNBREAKABLE.match(text[end - 1]) and _UNBREAKABLE.match(text[end]):
            end -= 1
        lines.append(text[start:end])
        start = end
    lines.append(text[start:])
    return lines


def table_lines(table: Table, rng: random.Random, form: bool, sep: str = " ") -> list[str | None]:
    """A table as a text dump: merged labels on their own line, long names wrapped; None = page break."""
    out: list[str | None] = []
    if table.vertical_label:
        out += list(table.vertical_label)
    for index, row in enumerate(table.rows):
        if table.split_at is not None and index == table.split_at:
            out.append(None)
        if form and sep == "\t":  # copied out of a spreadsheet: every cell kept, tab-separated
            out.append("\t".join(row).rstrip("\t"))
            continue
        if form or index < table.header_rows:
            out.append(" ".join(c for c in row if c))
            continue
        first, second, name, *rest = row
        if first:
            out.append(first)
        if second and rng.random() < 0.4:  # the 二级 label on the row's own line, as dumps often have it
            name = f"{second} {name}"
        elif second:
            out.append(second)
        value = " ".join(c for c in rest if c)
        if len(name) > 12 and " " not in name and rng.random() < 0.6:
            out += [name[:11], name[11:], value] if value else [name[:11], name[11:]]
        else:
            out.append(f"{name} {value}".strip())
    return out


def to_txt(blocks: list[Block], rng: random.Random, form: bool = False, sep: str = " ") -> str:
    """Hard breaks mid-sentence, every line followed by a blank one, triple blank lines between pages."""
    width = rng.randint(26, 34)
    lines: list[str | None] = []
    for block in blocks:
        if isinstance(block, Heading):
            lines.append(block.text)
        elif isinstance(block, Para):
            lines += wrap(block.text, width)
        elif isinstance(block, Table):
            lines += table_lines(block, rng, form, sep)
        else:
            lines.append(None)
    if sep == "\t":  # a spreadsheet copy: no dump damage, no page breaks
        return "\n".join(line for line in lines if line is not None) + "\n"
    out: list[str] = []
    since_break = 0
    page_len = rng.randint(30, 45)
    for line in lines:
        if line is None or since_break >= page_len:
            out += ["", "", ""]
            since_break = 0
            if line is None:
                continue
        out += [line, ""]
        since_break += 1
    return "\n".join(out).rstrip() + "\n"


# ------------------------------------------------------------------------------------------
# DOCX
# ------------------------------------------------------------------------------------------


def to_docx(blocks: list[Block], path: Path, rng: random.Random) -> None:
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10.5)
    use_styles = rng.random() < 0.6
    for block in blocks:
        if isinstance(block, Heading):
            if use_styles and block.level <= 2:
                document.add_heading(block.text, level=max(block.level, 1) if block.level else 0)
            else:
                document.add_paragraph().add_run(block.text).bold = True
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            shift = 1 if block.vertical_label else 0
            ncols = max(len(r) for r in block.rows) + shift
            table = document.add_table(rows=len(block.rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    if text:
                        table.cell(r, c + shift).text = text
            for r0, c0, r1, c1 in block.merges:
                keep = block.rows[r0][c0]
                merged = table.cell(r0, c0 + shift).merge(table.cell(r1, c1 + shift))
                merged.text = keep
            if block.vertical_label:  # one character per line, merged down the whole table
                label = table.cell(0, 0).merge(table.cell(len(block.rows) - 1, 0))
                label.text = "\n".join(block.vertical_label)
            document.add_paragraph("")
    buffer = io.BytesIO()
    import datetime

    document.core_properties.created = datetime.datetime(2023, 1, 1)
    document.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue()))


def normalise_zip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed timestamps and no volatile metadata, so reruns are byte-identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>", b"", content)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2023, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()


# ------------------------------------------------------------------------------------------
# XLSX
# ------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


_PERCENT = re.compile(r"^(\d+(\.\d+)?)%$")


def to_xlsx(blocks: list[Block], path: Path, typed_percent: bool = False, text_numbers: bool = False) -> None:
    """Each table on its own sheet (forms); a paragraph before a table becomes its first row.
    With `typed_percent`, cells like 95% are stored as the number 0.95 with a percent format,
    as spreadsheets made by hand often are; with `text_numbers`, numbers stay text cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    pending: list[str] = []
    for block in blocks:
        if isinstance(block, Para | Heading):
            pending.append(block.text)
            continue
        if not isinstance(block, Table):
            continue
        name = (block.sheet or f"Sheet{len(book.sheetnames) + 1}")[:31]
        sheet = book.create_sheet(name if name not in book.sheetnames else f"{name[:28]}{len(book.sheetnames)}")
        offset = len(pending)
        ncols = max(len(r) for r in block.rows)
        for r, text in enumerate(pending, start=1):
            sheet.cell(row=r, column=1, value=text)
            sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        pending = []
        for r, row in enumerate(block.rows, start=offset + 1):
            for c, text in enumerate(row, start=1):
                if not text:
                    continue
                value: str | float | int = text
                fmt = None
                percent = _PERCENT.match(text)
                if _NUMBER.match(text) and not text_numbers:
                    value = int(text) if "." not in text else float(text)
                elif typed_percent and percent:
                    value = float(percent.group(1)) / 100
                    fmt = "0.00%" if percent.group(2) else "0%"
                cell = sheet.cell(row=r, column=c, value=value)
                if fmt:
                    cell.number_format = fmt
                cell.alignment = Alignment(wrap_text=True, vertical="center")
        for r0, c0, r1, c1 in block.merges:
            sheet.merge_cells(start_row=r0 + offset + 1, start_column=c0 + 1, end_row=r1 + offset + 1,
                              end_column=c1 + 1)
        for col, width in zip("ABCDEFGHIJK", (10, 14, 14, 22, 12, 12, 8, 8, 20, 8, 16), strict=False):
            sheet.column_dimensions[col].width = width
    buffer = io.BytesIO()
    import datetime

    book.properties.created = datetime.datetime(2023, 1, 1)
    book.properties.modified = datetime.datetime(2023, 1, 1)
    book.save(buffer)
    path.write_bytes(normalise_zip(buffer.getvalue()))


# ------------------------------------------------------------------------------------------
# PDF (reportlab, CID font STSong-Light: no font files needed)
# ------------------------------------------------------------------------------------------


def to_pdf(blocks: list[Block], path: Path, landscape_pages: bool = False) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak as RLPageBreak
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    head = ParagraphStyle("head", parent=body, fontSize=13, leading=20, spaceBefore=6, spaceAfter=4)
    cell_style = ParagraphStyle("cell", parent=body, fontSize=8.5 if landscape_pages else 9, leading=11)
    size = landscape(A4) if landscape_pages else A4
    story: list[object] = []
    for block in blocks:
        if isinstance(block, Heading):
            story.append(Paragraph(block.text, head))
        elif isinstance(block, Para):
            story.append(Paragraph(block.text, body))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
        else:
            parts = [(0, block.split_at or len(block.rows)), (block.split_at or len(block.rows), len(block.rows))]
            for n, (start, end) in enumerate(parts):
                if start >= end:
                    continue
                if n:
                    story.append(RLPageBreak())
                story.append(pdf_table(block, start, end, cell_style, size[0] - 72))
                story.append(Spacer(1, 8))
    document = SimpleDocTemplate(str(path), pagesize=size, invariant=1, leftMargin=36, rightMargin=36,
                                 topMargin=40, bottomMargin=40, title="", author="", creator="", producer="")
    document.build(story)


def pdf_table(block: Table, start: int, end: int, style: object, width: float) -> object:
    from reportlab.platypus import Paragraph, TableStyle
    from reportlab.platypus import Table as RLTable

    rows = [[Paragraph(text, style) if text else "" for text in row] for row in block.rows[start:end]]
    ncols = max(len(r) for r in block.rows)
    label = block.vertical_label and start == 0
    if block.vertical_label:
        for i, row in enumerate(rows):
            row.insert(0, Paragraph("<br/>".join(block.vertical_label), style) if (i == 0 and label) else "")
        ncols += 1
    commands: list[tuple[object, ...]] = [("GRID", (0, 0), (-1, -1), 0.5, "black"),
                                          ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                          ("FONTNAME", (0, 0), (-1, -1), "STSong-Light")]
    shift = 1 if block.vertical_label else 0
    if label:
        commands.append(("SPAN", (0, 0), (0, len(rows) - 1)))
    for r0, c0, r1, c1 in block.merges:
        if start <= r0 and r1 < end:
            commands.append(("SPAN", (c0 + shift, r0 - start), (c1 + shift, r1 - start)))
    widths = column_widths(ncols, width, bool(block.vertical_label))
    table = RLTable(rows, colWidths=widths, repeatRows=0)
    table.setStyle(TableStyle(commands))
    return table


def column_widths(ncols: int, width: float, vertical: bool) -> list[float]:
    if vertical:
        return [22.0, *column_widths(ncols - 1, width - 22, False)]
    if ncols == 5:
        shares = [0.14, 0.14, 0.3, 0.22, 0.2]
    elif ncols == 6:
        shares = [0.13, 0.13, 0.3, 0.12, 0.16, 0.16]
    elif ncols == 9:
        shares = [0.08, 0.1, 0.1, 0.18, 0.12, 0.12, 0.06, 0.06, 0.18]
    else:
        shares = [0.07, 0.08, 0.09, 0.14, 0.06, 0.08, 0.07, 0.09, 0.06, 0.06, 0.2][:ncols]
    total = sum(shares)
    return [width * s / total for s in shares]


# ------------------------------------------------------------------------------------------
# PDF through LibreOffice (optional: a second, real-world PDF producer)
# ------------------------------------------------------------------------------------------


def libreoffice_pdf(docx_path: Path, pdf_path: Path) -> bool:
    """Convert a DOCX with `soffice --headless`; False when LibreOffice is not installed.
    The volatile bytes (creation date, document ID, checksum) are fixed so reruns are identical."""
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to",
                        "pdf", "--outdir", tmp, str(docx_path)], check=True, capture_output=True, timeout=120)
        data = (Path(tmp) / (docx_path.stem + ".pdf")).read_bytes()
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20230101000000", data)
    data = re.sub(rb"/ID \[\s*<[0-9A-F]+>\s*<[0-9A-F]+>",
                  lambda m: re.sub(rb"<[0-9A-F]+>", lambda h: b"<" + b"0" * (len(h.group(0)) - 2) + b">",
                                   m.group(0)), data)
    data = re.sub(rb"/DocChecksum /[0-9A-F]+", lambda m: b"/DocChecksum /" + b"0" * (len(m.group(0)) - 14), data)
    pdf_path.write_bytes(data)
    return True
