"""Evidence in context for the HTML review page: the paragraph or table row a quote comes from.

For DOCX, XLSX and text input the review page cannot show a page image, so it shows the passage
(or the whole table row) around each quote instead. The contexts are looked up in the extracted
Document by the evidence's table/row, line or text; `render_html` stays pure and takes them as a
mapping keyed by `evidence_key`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportparse.model import Cell, Document, Evidence, Paragraph, Result, SourceFormat, Status, Table

EvidenceKey = tuple[object, ...]
#: a passage longer than this is cut to a window around the quote
MAX_PASSAGE = 400
#: how many rows above a quoted row are searched for its column headers
HEADER_LOOKBACK = 30


@dataclass(frozen=True)
class Context:
    """A quote's surroundings: a passage (`text`) or a table row (`cells`, with `hit_col` marked).

    `merged` / `header_merged` flag the grid positions filled by repeating a merged cell, so the
    page can show a merged cell once.
    """

    text: str | None = None
    cells: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    hit_col: int | None = None
    merged: list[bool] = field(default_factory=list)
    header_merged: list[bool] = field(default_factory=list)


def evidence_key(evidence: Evidence) -> EvidenceKey:
    """A hashable identity for a piece of evidence (all its location fields and its text)."""
    return (evidence.page, evidence.line, evidence.table, evidence.row, evidence.col, evidence.sheet,
            evidence.cell, evidence.text, evidence.paragraph)


def gather_contexts(result: Result, document: Document | None = None) -> dict[EvidenceKey, Context]:
    """Contexts for a non-PDF result's finding evidence, from the Document it was checked from when the
    caller kept it, else read again from the source file.

    Reading is best effort: a source that moved or fails to extract gives no contexts and the
    review page shows the bare quotes.
    """
    if result.status is Status.FAILED or result.source.format in (SourceFormat.PDF, SourceFormat.IMAGE):
        return {}  # pages with boxes are shown instead (an image would be read by OCR a second time)
    if document is None:
        try:
            # the extract stage itself: a renderer must not reach up into the pipeline that chains the stages
            from reportparse.readers import extract_document

            document = extract_document(Path(result.source.path))
        except Exception:  # the page must still render; quotes alone are shown
            return {}
    return find_contexts(document, [ev for f in result.findings for ev in f.evidence])


def find_contexts(document: Document, evidence: list[Evidence]) -> dict[EvidenceKey, Context]:
    """Look up each evidence's table row, else the paragraph containing its quote (nearest its line)."""
    tables = {el.index: el for el in document.tables}
    paragraphs = document.paragraphs
    found: dict[EvidenceKey, Context] = {}
    for ev in evidence:
        context = _row_context(tables.get(ev.table), ev) if ev.table is not None else None
        context = context or _paragraph_context(paragraphs, ev)
        if context is not None:
            found[evidence_key(ev)] = context
    return found


def _row_context(table: Table | None, ev: Evidence) -> Context | None:
    """The evidence's table row as cells, with the column-header row above it when one can be told."""
    if table is None or ev.row is None or not 0 <= ev.row < len(table.rows):
        return None
    row = table.rows[ev.row]
    header = _header_row(table, ev.row)
    return Context(cells=[c.text for c in row], header=[c.text for c in header], hit_col=ev.col,
                   merged=[c.merged for c in row], header_merged=[c.merged for c in header])


def _header_row(table: Table, row: int) -> list[Cell]:
    """The first row if it reads as column headers, else the nearest such row a few rows above.

    A header row has at least three different labels, all short and without digits (年初预算数,
    全年执行数, 分值 …); a form's title rows (附件, 项目支出绩效自评表) repeat one text and fail.
    """
    width = len(table.rows[row])
    candidates = [0, *range(row - 1, max(0, row - HEADER_LOOKBACK) - 1, -1)]
    for index in candidates:
        if index >= row or len(table.rows[index]) != width:
            continue
        texts = [c.text.strip() for c in table.rows[index] if c.text.strip()]
        labels = set(texts)
        if len(labels) >= 3 and all(len(t) <= 12 and not any(ch.isdigit() for ch in t) for t in texts):
            return table.rows[index]
    return []


def _paragraph_context(paragraphs: list[Paragraph], ev: Evidence) -> Context | None:
    """The paragraph whose text contains the quote, preferring the one nearest the evidence's line."""
    quote = "".join(ev.text.split())
    if not quote:
        return None
    candidates = [p for p in paragraphs if quote in "".join(p.text.split())]
    if not candidates:
        return None

    def distance(paragraph: Paragraph) -> int:
        if ev.paragraph is not None and paragraph.index is not None:
            return abs(paragraph.index - ev.paragraph)
        pages = abs(paragraph.page - ev.page) if ev.page is not None else 0
        lines = [ln.line for ln in paragraph.lines if ln.line is not None]
        if ev.line is None or not lines:
            return pages
        return min(abs(n - ev.line) for n in lines) + 1000 * pages

    text = min(candidates, key=distance).text
    if len(text) > MAX_PASSAGE:
        at = max(0, text.find(ev.text) if ev.text in text else 0)
        start = max(0, at - MAX_PASSAGE // 2)
        text = ("…" if start else "") + text[start : start + MAX_PASSAGE] + "…"
    return Context(text=text)
