"""Quotes → Evidence: sentences of paragraphs and cells of tables, traced back to page, line and box.

The parser works on `Sentence`s: a character span of one Paragraph. Every value found in a
sentence carries the sentence's Evidence (the exact quote, the page and line of the first
physical line the span touches, and the union of the boxes of the lines it covers).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportparse.lazypattern import lazy_compile
from reportparse.model import BBox, Cell, Evidence, Paragraph, Quantity, Table

#: Sentence ends. A semicolon ends a sentence too: report writers chain whole statements with it.
_SENTENCE_END = lazy_compile(r"[。！？!?；;]+")


@dataclass
class Sentence:
    """A span [start, end) of one paragraph's text, with the section it sits in."""

    para: Paragraph
    start: int
    end: int
    index: int = 0  # position of the paragraph among the document's elements
    section: str = "other"  # overview, goals, funds, conclusion, analysis, problems, other
    project: str | None = None  # the project whose analysis subsection holds the sentence
    level: str | None = None  # the level of the analysis sub-heading (产出, 效益 ...) if any
    tags: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.para.text[self.start:self.end]


def split_sentences(para: Paragraph) -> list[tuple[int, int]]:
    """Split a paragraph's text into sentence spans (end punctuation included, blanks trimmed)."""
    text = para.text
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def span_evidence(para: Paragraph, start: int, end: int) -> Evidence:
    """Evidence for text[start:end] of a paragraph: exact quote, first line's page/line, union box."""
    quote = para.text[start:end]
    touched = [
        line for line, (a, b) in zip(para.lines, para.spans, strict=False) if a < end and b > start
    ]
    if not touched and para.lines:
        touched = [para.lines[0]]
    if not touched:
        return Evidence(page=para.page, text=quote, paragraph=para.index)
    first = touched[0]
    boxes = [ln.bbox for ln in touched if ln.bbox is not None and ln.page == first.page]
    scores = [ln.confidence for ln in touched if ln.confidence is not None]
    return Evidence(page=first.page, text=quote, line=first.line, bbox=_union(boxes), paragraph=para.index,
                    confidence=min(scores) if scores else None)


def sentence_evidence(sentence: Sentence) -> Evidence:
    """Evidence quoting a whole sentence."""
    return span_evidence(sentence.para, sentence.start, sentence.end)


def said_before(q: Quantity, quote: Evidence | None = None) -> str | None:
    """What the quote (`quote`, else the quantity's first) says before the quantity's figure ('年中调增30万元后为'
    of '…年中调增30万元后为150万元'): the words that say what the figure is. None when there is no quote or
    the figure is not in it."""
    if quote is None:
        quote = q.evidence[0] if q.evidence else None
    text = quote.text if quote is not None and quote.text else ""
    at = text.find(q.raw)
    return text[:at] if at >= 0 else None


def sub_paragraph(para: Paragraph, start: int, end: int) -> Paragraph:
    """The span [start, end) of a paragraph as a paragraph of its own, keeping the lines it touches."""
    lines = []
    spans = []
    for line, (a, b) in zip(para.lines, para.spans, strict=False):
        if a < end and b > start:
            lines.append(line)
            spans.append((max(a, start) - start, min(b, end) - start))
    page = lines[0].page if lines else para.page
    return Paragraph(text=para.text[start:end], lines=lines, spans=spans, page=page, style=para.style,
                     index=para.index)


def cell_evidence(table: Table, cell: Cell) -> Evidence:
    """Evidence quoting one table cell."""
    return Evidence(page=cell.page, text=cell.text, line=cell.line, bbox=cell.bbox, table=table.index,
                    row=cell.row, col=cell.col, sheet=table.sheet, cell=cell.ref, confidence=cell.confidence)


def _union(boxes: list[BBox]) -> BBox | None:
    if not boxes:
        return None
    return BBox(x0=min(b.x0 for b in boxes), top=min(b.top for b in boxes),
                x1=max(b.x1 for b in boxes), bottom=max(b.bottom for b in boxes))
