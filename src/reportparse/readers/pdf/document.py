"""PDF reader: pdfium for text and ruling lines, pdfplumber's edge algorithm for table cells.

pdfium (pypdfium2) parses a page far faster than pdfminer, so both the characters and the ruling
lines of every page come from it; pdfplumber's table finder then turns the lines into cells
without pdfminer ever parsing the page (see `pdfedges`). Pages are opened one at a time and
closed again, so a long file never holds all its pages in memory.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportparse.errors import CorruptFile, EncryptedFile, NoTextLayer
from reportparse.model import BBox, Document, Paragraph, Source
from reportparse.readers.pdf.borderless import find_borderless_tables
from reportparse.readers.pdf.boxfont import FAMILY as BOX_FAMILY
from reportparse.readers.pdf.edges import page_segments
from reportparse.readers.pdf.fonts import FontUse, machine_independent_fonts
from reportparse.readers.pdf.layout import PageContent, build_elements
from reportparse.readers.pdf.lines import (
    UNREADABLE,
    Glyph,
    TextLine,
    dropped_characters,
    group_lines,
    page_glyphs,
    upright_textpage,
)
from reportparse.readers.pdf.tables import TablePart, find_page_tables
from reportparse.readers.scanned import (
    attach_confidence,
    needs_ocr,
    ocr_glyphs,
    ocr_note,
    page_info,
    repair_header_cells,
)

if TYPE_CHECKING:
    from PIL import Image

    from reportparse.ocr.recognise import OcrPage

#: A ruled table needs at least two horizontal and two vertical lines.
MIN_RULING_SEGMENTS = 4
#: Beyond this share of unmapped characters the text layer is garbage, not text.
UNMAPPED_SHARE = 0.5
#: Lines this far up from the bottom of a page are its foot (page numbers), not text after a table.
FOOT_BAND = 0.1
#: How far from the end of the file the %%EOF marker of a complete PDF may be.
EOF_WINDOW = 64 * 1024


def read_pdf(path: Path, data: bytes, source: Source) -> Document:
    """Read a PDF into a Document. Raises EncryptedFile, CorruptFile or NoTextLayer for bad input.

    The text does not depend on the fonts installed on the machine (see `pdffonts`).
    """
    with machine_independent_fonts() as fonts:
        return _read_pdf(path, data, source, fonts)


def _read_pdf(path: Path, data: bytes, source: Source, fonts: FontUse) -> Document:
    pdf = _open(path, data)
    notes: list[str] = []
    problems: list[str] = []  # pages or tables that could not be read: the result is partial
    pages: list[PageContent] = []
    scans: dict[int, OcrPage] = {}
    ocr = ocr_available()
    try:
        count = len(pdf)
        if count == 0:
            raise CorruptFile(f"{path}: not a valid PDF: it has no pages", str(path))
        from reportparse.ocr.pool import ordered_map

        # pages that need OCR are recognised on the pool's threads while the next ones are read
        for page in ordered_map(_recognise, _page_inputs(pdf, count, fonts, ocr, problems)):
            pages.append(layout_page(page.index, page.width, page.height, page.glyphs, page.segments, notes,
                                     page.dropped, recognised=page.scan is not None) if page.readable
                         else PageContent(number=page.index + 1, width=0.0, height=0.0, readable=False))
            if page.scan is not None:
                scans[page.index + 1] = page.scan
    finally:
        pdf.close()
    _carry_on(pages, notes)
    notes.extend(_refuse_unreadable(path, pages, ocr))
    problems.extend(_unreadable_characters(pages))
    return scanned_document(source, pages, scans, notes, problems)


def scanned_document(source: Source, pages: list[PageContent], scans: dict[int, OcrPage], notes: list[str],
                     problems: list[str]) -> Document:
    """The Document of the pages; for OCR'd pages, a note, their corrections in the source and the
    recogniser's confidence on every line and cell."""
    infos = [page_info(number, scan) for number, scan in scans.items()]
    if infos:
        notes.append(ocr_note(infos, len(pages)))
    source = source.model_copy(update={"pages": len(pages), "ocr": infos})
    document = Document(source=source, elements=build_elements(pages), notes=notes, problems=problems)
    if scans:
        attach_confidence(document, {n: [c for line in s.lines for c in line] for n, s in scans.items()})
        repair_header_cells(document, set(scans))
    return document


def ocr_available() -> bool:
    from reportparse.ocr import available

    return available()


def _refuse_unreadable(path: Path, pages: list[PageContent], ocr: bool) -> list[str]:
    """Raise for a PDF with no usable text (no page read, a scan, glyphs without Unicode);
    otherwise return notes on the pages that have no text."""
    from reportparse.ocr import INSTALL_COMMAND

    if not any(p.readable for p in pages):
        raise CorruptFile(f"{path}: not a valid PDF: no page could be read", str(path))
    empty = [p.number for p in pages if p.readable and not p.lines and not p.tables]
    remedy = "OCR found no text on them either" if ocr else f"it needs OCR: {INSTALL_COMMAND}"
    if len(empty) == sum(1 for p in pages if p.readable):
        raise NoTextLayer(
            f"{path}: no page of the PDF has a text layer ({len(pages)} pages, scanned images?): {remedy}",
            str(path),
        )
    chars = sum(p.chars for p in pages)
    if chars and sum(p.unmapped for p in pages) > UNMAPPED_SHARE * chars:
        raise NoTextLayer(
            f"{path}: the PDF's text layer cannot be read (its fonts map characters to no Unicode text): {remedy}",
            str(path),
        )
    return [f"pages without a text layer (scanned?): {', '.join(map(str, empty))}"] if empty else []


def _unreadable_characters(pages: list[PageContent]) -> list[str]:
    """A problem (the result is partial) naming the pages with characters that could not be read:
    their text is incomplete even though the rest of the page reads."""
    hit = [(p.number, p.unmapped) for p in pages if p.unmapped]
    if not hit:
        return []
    where = ", ".join(f"page {number}: {count}" for number, count in hit)
    return [f"{sum(count for _, count in hit)} characters could not be read (their font maps them to no "
            f"Unicode text; the text shows {UNREADABLE} or nothing in their place) — {where}"]


def pdfium_error() -> type[Exception]:
    """pypdfium2's exception class (imported lazily)."""
    import pypdfium2 as pdfium

    return pdfium.PdfiumError


def _open(path: Path, data: bytes) -> Any:
    """Open with pdfium, mapping its failures to our InputErrors."""
    import pypdfium2 as pdfium

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise CorruptFile(f"{path}: not a valid PDF: no %PDF header", str(path))
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise CorruptFile(f"{path}: the PDF is truncated (no %%EOF at the end of the file)", str(path))
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise EncryptedFile(f"{path}: the PDF is password-protected", str(path)) from exc
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_SECURITY:
            raise EncryptedFile(f"{path}: the PDF uses an unsupported security handler", str(path)) from exc
        raise CorruptFile(f"{path}: not a valid PDF: {exc}", str(path)) from exc


@dataclass
class _PageInput:
    """What one page gives the layout: its glyphs and rules, or, for a page that needs OCR, its
    rendering (`picture`, at `scale` pixels per point) until the recogniser has read it."""

    index: int
    readable: bool = True
    glyphs: list[Glyph | None] = field(default_factory=list)
    segments: list[tuple[float, float, float, float]] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    dropped: int = 0
    picture: Image.Image | None = None
    scale: float = 1.0
    scan: OcrPage | None = None


def _page_inputs(pdf: Any, count: int, fonts: FontUse, ocr: bool, problems: list[str]) -> Iterator[_PageInput]:
    for index in range(count):
        try:
            yield _read_page(pdf, index, fonts, ocr)
        except pdfium_error() as exc:
            # a damaged page must not cost the rest of the document
            problems.append(f"page {index + 1} could not be read ({exc}); it is left out")
            yield _PageInput(index, readable=False)


def _read_page(pdf: Any, index: int, fonts: FontUse, ocr: bool) -> _PageInput:
    """One page: glyphs and rules via pdfium, or, for a page without a usable text layer, its
    rendering for the recogniser."""
    page = pdf[index]
    try:
        # the crop box is the visible page (what a viewer and our renderer show); a page turned
        # in a viewer is turned back so its text reads upright
        textpage, frame = upright_textpage(page)
        try:
            glyphs = page_glyphs(textpage, frame)
        finally:
            textpage.close()
        if ocr and needs_ocr(glyphs):
            from reportparse.ocr.recognise import recognition_scale

            scale = recognition_scale(frame.width, frame.height)
            bitmap = page.render(scale=scale)  # rendered as displayed
            try:
                picture = bitmap.to_pil().copy()  # the bitmap's memory is freed below
            finally:
                bitmap.close()
            return _PageInput(index, picture=picture, scale=scale)
        dropped = dropped_characters(page, BOX_FAMILY.encode()) if fonts.box_font_used else 0
        segments = page_segments(page.raw, frame) if any(g is not None for g in glyphs) else []
        return _PageInput(index, glyphs=glyphs, segments=segments, width=frame.width, height=frame.height,
                          dropped=dropped)
    finally:
        page.close()


def _recognise(page: _PageInput) -> _PageInput:
    """OCR a rendered page (on a pool thread); other pages pass through."""
    if page.picture is None:
        return page
    from reportparse.ocr.recognise import ocr_page

    scan = ocr_page(page.picture, 1 / page.scale)
    return _PageInput(page.index, glyphs=ocr_glyphs(scan.lines), segments=scan.segments, width=scan.width,
                      height=scan.height, scan=scan)


def layout_page(index: int, width: float, height: float, glyphs: list[Glyph | None],
                segments: list[tuple[float, float, float, float]], notes: list[str], dropped: int = 0,
                recognised: bool = False) -> PageContent:
    """A page's layout from its glyphs and ruling lines: ruled tables from the lines, borderless
    tables from aligned text under a header line, prose lines from the rest. `dropped` counts
    characters the text layer lost (their font maps them to nothing).

    A `recognised` (OCR'd) page gets no borderless tables: the recogniser's line boxes join the
    texts of neighbouring cells where the gap between them is narrow ('项目名称主管部门',
    '6120人200天'), and with no rules to cut them apart the columns rebuilt from where those texts
    start put values under the wrong headers. Measured on the scanned corpus's borderless forms
    (hf01-hf06 as scans, photos and grey scans): read as prose, 38 of their indicators are found and
    8 required findings; read as borderless grids, 4 and 0."""
    tables: list[TablePart] = []
    if any(g is not None for g in glyphs) and len(segments) >= MIN_RULING_SEGMENTS:
        # a grid with no text in any cell holds nothing to read, and would stand between a table
        # and its continuation on the next page (on a scan: the frame of a signature box, a seal's
        # ring taken for rules)
        tables = [t for t in _tables(segments, glyphs, index, notes)
                  if any(cell.text.strip() for row in t.rows for cell in row)]
    if tables:
        glyphs = [g for g in glyphs if g is None or not _inside_any(g, tables)]
    lines = group_lines(glyphs, index + 1)
    # text outside ruled tables: a form printed without borders still lays its cells out in columns
    # rules that made no ruled grid (horizontal ones only) still cut a borderless table's rows
    borderless = [] if recognised else _borderless(lines, index, notes, None, [] if tables else segments)
    if borderless:
        glyphs = [g for g in glyphs if g is None or not _inside_any(g, borderless)]
        lines = group_lines(glyphs, index + 1)
        tables = sorted([*tables, *borderless], key=lambda t: (t.bbox.top, t.bbox.x0))
    chars = [g.char for g in glyphs if g is not None and g.char != " "]
    unmapped = sum(1 for c in chars if _unmapped(c)) + dropped
    content = PageContent(number=index + 1, width=width, height=height, lines=lines, tables=tables,
                          chars=len(chars) + dropped, unmapped=unmapped)
    content.runs_on = _runs_on(borderless, tables, lines, height)
    return content


def _carry_on(pages: list[PageContent], notes: list[str]) -> None:
    """Find the top part of a borderless table that runs over a page break: a page without tables
    whose first lines sit in the columns of the table that ended the page before (no header)."""
    for prev, page in itertools.pairwise(pages):
        if not prev.runs_on or page.tables or not page.readable:
            continue
        parts = _borderless(page.lines, page.number - 1, notes, prev.runs_on)
        if not parts:
            continue
        page.tables = parts
        page.lines = [line for line in page.lines if not _line_inside(line, parts[0])]
        page.runs_on = _runs_on(parts, parts, page.lines, page.height)


def _line_inside(line: TextLine, table: TablePart) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    box = table.bbox
    return box.x0 <= cx <= box.x1 and box.top <= cy <= box.bottom


def _runs_on(
    borderless: list[TablePart], tables: list[TablePart], lines: list[TextLine], height: float
) -> list[float] | None:
    """The column edges of the page's last table when it is borderless and nothing but the page foot
    follows it: the next page may carry it on."""
    if not borderless or tables[-1] is not borderless[-1]:
        return None
    bottom = borderless[-1].bbox.bottom
    if any(line.top > bottom and line.top < height * (1 - FOOT_BAND) for line in lines):
        return None
    return borderless[-1].col_edges


def _unmapped(char: str) -> bool:
    """A character pdfium could not map to real text (see `page_glyphs`): the replacement
    character, a private-use code or a control code."""
    code = ord(char)
    return char == UNREADABLE or 0xE000 <= code <= 0xF8FF or code < 0x20


def _inside_any(glyph: Glyph, tables: list[TablePart]) -> bool:
    cx, cy = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
    return any(t.bbox.x0 <= cx <= t.bbox.x1 and t.bbox.top <= cy <= t.bbox.bottom for t in tables)


def _tables(
    segments: list[tuple[float, float, float, float]], glyphs: list[Glyph | None], index: int, notes: list[str]
) -> list[TablePart]:
    """Table parts of one page; if the table finder fails the page keeps its text as prose."""
    try:
        return find_page_tables(segments, glyphs, index + 1)
    except Exception as exc:  # a defensive net: odd geometry must not lose the page's text
        notes.append(f"page {index + 1}: table detection failed ({type(exc).__name__}); read as prose")
        return []


def _borderless(
    lines: list[TextLine], index: int, notes: list[str], carried: list[float] | None,
    segments: list[tuple[float, float, float, float]] | None = None,
) -> list[TablePart]:
    """The page's borderless tables, if its lines read as any; odd layouts keep their text as prose."""
    try:
        return find_borderless_tables(lines, index + 1, carried, segments)
    except Exception as exc:  # a defensive net, as for ruled tables
        notes.append(f"page {index + 1}: borderless table detection failed ({type(exc).__name__}); read as prose")
        return []


def evidence_bbox(paragraph: Paragraph, start: int, end: int) -> tuple[int, BBox] | None:
    """The page and box of `paragraph.text[start:end]`, from the boxes of the lines it covers.

    Within a line the box is narrowed in proportion to the characters covered (exact for CJK
    text, whose glyphs share one advance). A quote running over several lines gets the box of
    its lines on the page where it starts.
    """
    boxes: list[BBox] = []
    page: int | None = None
    for line, (lo, hi) in zip(paragraph.lines, paragraph.spans, strict=False):
        if line.bbox is None or hi <= start or lo >= end:
            continue
        if page is None:
            page = line.page
        if line.page != page:
            break
        length = max(hi - lo, 1)
        width = line.bbox.x1 - line.bbox.x0
        x0 = line.bbox.x0 + width * (max(start, lo) - lo) / length
        x1 = line.bbox.x0 + width * (min(end, hi) - lo) / length
        boxes.append(BBox(x0=x0, top=line.bbox.top, x1=x1, bottom=line.bbox.bottom))
    if page is None or not boxes:
        return None
    return page, BBox(x0=min(b.x0 for b in boxes), top=min(b.top for b in boxes),
                      x1=max(b.x1 for b in boxes), bottom=max(b.bottom for b in boxes))
