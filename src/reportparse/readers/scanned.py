"""Scanned pages: which PDF pages need OCR, and how recognised text joins the PDF readers' structures.

A page needs OCR when it has no text layer, or when its text layer is garbage: an invisible OCR
layer of □□□, characters without Unicode values, or Latin mojibake (a Chinese text decoded as
Latin-1 reads `Ã¦Â±Â‡`). The recogniser's characters become pdfium-style `Glyph`s (one line mark
after each recognised line) and its ruling lines the page's segments, so `pdf.layout_page` builds
lines, ruled and borderless tables from them exactly as from a text page. After the Document is
built, every line and cell of an OCR'd page gets the lowest confidence of the characters in it,
and a header cell misread by one character is put right from the label table's column words.
"""

from __future__ import annotations

import functools
import statistics
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reportparse.lexicondata import lexicon
from reportparse.model import BBox, Document, OcrPageInfo, Paragraph, Table
from reportparse.readers.pdf.lines import Glyph

if TYPE_CHECKING:  # numpy and the models load only when a page is recognised
    from reportparse.ocr.recognise import OcrChar, OcrPage

#: A page whose text layer is more than this share of placeholder or unmapped characters is garbage.
GARBAGE_SHARE = 0.5
#: A text layer without Chinese in which this share of letters are Latin-1 accented letters is mojibake.
MOJIBAKE_SHARE = 0.2
#: Fewer characters than this on a page cannot be judged (a page number alone).
MIN_JUDGED = 20
#: A gap wider than this share of the line's height between two recognised characters is a space.
SPACE_GAP = 0.6
#: A table row with at least this many different column words is a header row.
MIN_HEADER_CELLS = 3
#: How far (points) a character's centre may sit outside a line's or cell's box and still count as in it.
SLACK = 1.0

_PLACEHOLDERS = frozenset("□■▯�?")


def needs_ocr(glyphs: Iterable[Glyph | None]) -> bool:
    """Whether a page's text layer is missing or unusable."""
    chars = [g.char for g in glyphs if g is not None and not g.char.isspace()]
    if not chars:
        return True
    if len(chars) < MIN_JUDGED:
        return False
    bad = sum(1 for c in chars if c in _PLACEHOLDERS or _unmapped(c))
    if bad > GARBAGE_SHARE * len(chars):
        return True
    if any(_cjk(c) for c in chars):
        return False
    letters = [c for c in chars if c.isalpha()]
    accented = sum(1 for c in letters if 0x80 <= ord(c) <= 0x2AF)
    return bool(letters) and accented > MOJIBAKE_SHARE * len(letters)


def _unmapped(char: str) -> bool:
    code = ord(char)
    return 0xE000 <= code <= 0xF8FF or code == 0xFFFD or code < 0x20


def _cjk(char: str) -> bool:
    return 0x4E00 <= ord(char) <= 0x9FFF


def ocr_glyphs(lines: list[list[OcrChar]]) -> list[Glyph | None]:
    """Recognised lines as glyphs in reading order: the pieces the detector found on one band of
    the page (the cells of a borderless table row, a label and its value) joined left to right,
    as a text layer has them, and a line mark (None) after each band."""
    out: list[Glyph | None] = []
    for band in _bands([line for line in lines if line]):
        last: OcrChar | None = None
        for piece in sorted(band, key=lambda line: line[0].x0):
            for char in piece:
                if last is not None and char.x0 - last.x1 > SPACE_GAP * (char.bottom - char.top) \
                        and not char.char.isspace() and not last.char.isspace():
                    # a text layer has a space where the print leaves a gap (between cells)
                    out.append(Glyph(" ", last.x1, last.top, char.x0, last.bottom))
                out.append(Glyph(char.char, char.x0, char.top, char.x1, char.bottom))
                last = char
        out.append(None)
    return out


def _bands(lines: list[list[OcrChar]]) -> list[list[list[OcrChar]]]:
    """Recognised lines grouped by the band they sit on: a line joins a band when its middle lies
    within the band's first line (the lines arrive sorted by their middles)."""
    bands: list[list[list[OcrChar]]] = []
    for line in sorted(lines, key=lambda line: (line[0].top + line[0].bottom) / 2):
        middle = (line[0].top + line[0].bottom) / 2
        if bands and bands[-1][0][0].top <= middle <= bands[-1][0][0].bottom \
                and not any(_overlap_x(line, other) for other in bands[-1]):
            bands[-1].append(line)
        else:
            bands.append([line])
    return bands


def _overlap_x(a: list[OcrChar], b: list[OcrChar]) -> bool:
    return min(a[-1].x1, b[-1].x1) > max(a[0].x0, b[0].x0)


@functools.cache
def _header_words() -> frozenset[str]:
    """The column words of indicator tables (`form.header_words` of the label table)."""
    table = lexicon("form_labels.json")
    return frozenset(table["form.header_words"]["words"])


def repair_header_cells(document: Document, pages: set[int]) -> None:
    """Header cells of OCR'd tables that the recogniser got one character wrong, put right.

    A seal over a table's header turns 分值 into 分情 or 实际完成值 into 实*完成值, and the form
    reader, which finds its columns by their labels, then loses the column. In a row of which at
    least `MIN_HEADER_CELLS` cells are column words of the label table (a header row), a cell one
    character away from exactly one column word of its length is that word; its characters keep
    their confidence."""
    words = _header_words()
    for element in document.elements:
        if not isinstance(element, Table) or not pages.intersection(element.pages or [element.page]):
            continue
        for row in element.rows:
            keys = ["".join(cell.text.split()) for cell in row]
            if len({key for key in keys if key in words}) < MIN_HEADER_CELLS:
                continue
            for k, (cell, key) in enumerate(zip(row, keys, strict=True)):
                if cell.page not in pages or not key or key in words:
                    continue
                near = [word for word in words if len(word) == len(key)
                        and sum(a != b for a, b in zip(word, key, strict=True)) == 1]
                if len(near) == 1:
                    row[k] = cell.model_copy(update={"text": near[0]})


def page_info(number: int, page: OcrPage) -> OcrPageInfo:
    """What the result says about one OCR'd page."""
    return OcrPageInfo(page=number, rotation=page.upright.rotation, skew=page.upright.skew,
                       confidence=round(page.confidence, 4), width=page.width, height=page.height)


def attach_confidence(document: Document, chars: dict[int, list[OcrChar]]) -> None:
    """Give every line and cell on an OCR'd page the lowest confidence of the characters inside it."""
    for element in document.elements:
        if isinstance(element, Paragraph):
            for line in element.lines:
                if line.page in chars and line.bbox is not None:
                    line.confidence = _lowest(chars[line.page], line.bbox)
        elif isinstance(element, Table):
            for row in element.rows:
                for cell in row:
                    if cell.page in chars and cell.bbox is not None and cell.text.strip():
                        cell.confidence = _lowest(chars[cell.page], cell.bbox)


def _lowest(chars: list[OcrChar], box: BBox) -> float | None:
    inside = [c.confidence for c in chars if not c.char.isspace()
              and box.x0 - SLACK <= (c.x0 + c.x1) / 2 <= box.x1 + SLACK
              and box.top - SLACK <= (c.top + c.bottom) / 2 <= box.bottom + SLACK]
    return round(min(inside), 4) if inside else None


def ocr_note(infos: list[OcrPageInfo], pages: int) -> str:
    """The result's note that (part of) the document was read by OCR."""
    numbers = ", ".join(str(i.page) for i in infos)
    mean = statistics.fmean(i.confidence for i in infos) if infos else 1.0
    turned = [f"{i.page} ({i.rotation}°)" for i in infos if i.rotation]
    note = f"ocr: {len(infos)} of {pages} page(s) read by OCR (pages {numbers}), mean character confidence {mean:.2f}"
    if turned:
        note += f"; turned upright: {', '.join(turned)}"
    return note

