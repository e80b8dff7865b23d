"""Exact boxes for quotes on PDF pages: one rectangle per line, taken from pdfium's character boxes.

An evidence's `bbox` may be coarse (the whole line or paragraph the quote sits in). For the review
page we look, inside that box, for the quote's characters in the PDF text layer and return the
boxes of exactly those characters, merged per line, so the highlight covers the quoted words and
nothing else. When the quote cannot be found the original box is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportparse.model import BBox, Evidence, Result, SourceFormat, Status
from reportparse.readers.pdf.fonts import machine_independent_fonts
from reportparse.readers.pdf.lines import page_glyphs, upright_textpage
from reportparse.render.common import NUMBER_RE, number_key
from reportparse.render.context import EvidenceKey, evidence_key

#: points of slack around an evidence box when collecting the characters inside it
SLACK = 3.0


@dataclass(frozen=True)
class QuoteBox:
    """Where a quote is on its page: one box per line, and the boxes of each number in it.

    `numbers` pairs a number as written without spaces or commas (e.g. '5.29', '90%') with its
    boxes, so the review page can point at the very figures a finding is about.
    """

    lines: list[BBox]
    numbers: list[tuple[str, list[BBox]]]


@dataclass(frozen=True)
class _Char:
    text: str
    box: BBox  # top-left origin, PDF points


def gather_quote_boxes(result: Result) -> dict[EvidenceKey, QuoteBox]:
    """Per-line boxes of every boxed quote of a PDF result's findings (best effort, never raises)."""
    if result.source.format is not SourceFormat.PDF or result.status is Status.FAILED:
        return {}
    evidence = [ev for f in result.findings for ev in f.evidence if ev.bbox is not None]
    if not evidence:
        return {}
    try:
        from reportparse.readers import read_input

        data = read_input(Path(result.source.path))  # through the input gate: the path may have changed
        return quote_boxes(data, evidence)
    except Exception:  # an unreadable source only costs the refinement
        return {}


def quote_boxes(data: bytes, evidence: Iterable[Evidence]) -> dict[EvidenceKey, QuoteBox]:
    """Find each quote's characters inside its box on its page; merge their boxes line by line."""
    import pypdfium2 as pdfium

    by_page: dict[int, list[Evidence]] = {}
    for ev in evidence:
        if ev.page is not None:
            by_page.setdefault(ev.page, []).append(ev)
    found: dict[EvidenceKey, QuoteBox] = {}
    # the characters and boxes the reader saw: the same fonts, the same turn of the page
    with machine_independent_fonts():
        pdf = pdfium.PdfDocument(data)
        try:
            for number, items in sorted(by_page.items()):
                if not 1 <= number <= len(pdf):
                    continue
                chars = _page_chars(pdf[number - 1])
                for ev in items:
                    box = _locate(chars, ev)
                    if box is not None:
                        found[evidence_key(ev)] = box
        finally:
            pdf.close()
    return found


def _page_chars(page: object) -> list[_Char]:
    """Every non-blank character of a page with its box, as the PDF reader places it."""
    textpage, frame = upright_textpage(page)
    try:
        glyphs = page_glyphs(textpage, frame)
    finally:
        textpage.close()
    return [_Char(g.char, BBox(x0=g.x0, top=g.top, x1=g.x1, bottom=g.bottom))
            for g in glyphs if g is not None and not g.char.isspace()]


def _locate(chars: list[_Char], ev: Evidence) -> QuoteBox | None:
    """The boxes of the quote's characters among those centred inside the evidence box."""
    assert ev.bbox is not None
    area = ev.bbox
    inside = [c for c in chars
              if area.x0 - SLACK <= (c.box.x0 + c.box.x1) / 2 <= area.x1 + SLACK
              and area.top - SLACK <= (c.box.top + c.box.bottom) / 2 <= area.bottom + SLACK]
    # the text layer may hold one string per character, or ligature-like runs: compare char by char
    flat: list[tuple[str, _Char]] = [(ch, c) for c in inside for ch in c.text if not ch.isspace()]
    haystack = "".join(ch for ch, _ in flat)
    needle = "".join(ch for ch in ev.text if not ch.isspace())
    at = haystack.find(needle) if needle else -1
    if at < 0:
        return None
    matched = [c.box for _, c in flat[at : at + len(needle)]]
    numbers = [(number_key(m.group()), _merge_lines(matched[m.start() : m.end()]))
               for m in NUMBER_RE.finditer(needle)]
    return QuoteBox(_merge_lines(matched), numbers)


def _merge_lines(boxes: list[BBox]) -> list[BBox]:
    """Union consecutive character boxes that sit on the same line into one box per line."""
    lines: list[BBox] = []
    for box in boxes:
        last = lines[-1] if lines else None
        same_line = last is not None and abs((box.top + box.bottom) - (last.top + last.bottom)) / 2 < (
            (last.bottom - last.top) / 2)
        if last is not None and same_line:
            lines[-1] = BBox(x0=min(last.x0, box.x0), top=min(last.top, box.top), x1=max(last.x1, box.x1),
                             bottom=max(last.bottom, box.bottom))
        else:
            lines.append(box)
    return lines
