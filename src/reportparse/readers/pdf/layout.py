"""From positioned lines and table parts to Paragraphs and Tables in reading order.

Lines inside a table's box belong to the table, not to the prose. The remaining lines are joined
into paragraphs the way a reader would: a paragraph ends where the vertical gap grows, where the
next line is indented (first-line indent), where a line stops short of the right margin, where a
sentence ends and the next line does not start flush, or where the text size changes. Numbered
headings (一、 （一） 1、 第一章 ...) always start a paragraph of their own. Page numbers in the
top or bottom margin, and running heads or feet repeated on most pages, are page furniture and are
dropped, so a paragraph can run on to the next page.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from reportparse.lazypattern import lazy_compile
from reportparse.model import BBox, Line, Paragraph, Table
from reportparse.readers.headings import HEADING, SENTENCE_END, is_numbered_heading
from reportparse.readers.pdf.lines import TextLine, line_separator
from reportparse.readers.pdf.tables import TablePart, continues, join_parts

PAGE_NUMBER = lazy_compile(
    r"^[\s\-—–·]*(?:第\s*)?\d{1,5}\s*(?:页)?(?:\s*[/／]\s*(?:共\s*)?\d{1,5}\s*页?)?[\s\-—–·]*$"
    r"|^\s*(?:共\s*\d{1,5}\s*页\s*)?第\s*\d{1,5}\s*页(?:\s*[,，]?\s*共\s*\d{1,5}\s*页)?\s*$"
    r"|^\s*(?:page|p\.)\s*\d{1,5}(?:\s*(?:of|/)\s*\d{1,5})?\s*$",
    re.IGNORECASE,
)
#: Top and bottom fraction of a page where page numbers and running heads live.
MARGIN_BAND = 0.1

# Paragraph joining. Widths are in body characters (median glyph width), heights in line heights.
#: A margin is where at least one line in this many starts or ends (never fewer than two lines).
MARGIN_SHARE = 20
#: How closely line starts (left) and line ends (right) must agree to form a margin: ends vary
#: more, as line-breaking rules leave a line a character short.
LEFT_MARGIN_WINDOW, RIGHT_MARGIN_WINDOW = 0.5, 1.5
#: Steps between lines larger than this many line heights are gaps, not the line pitch.
PITCH_MAX_STEP = 3.0
#: Extra vertical gap beyond the pitch that means paragraph spacing: this share of a line height,
#: at least PARAGRAPH_GAP_MIN points.
PARAGRAPH_GAP, PARAGRAPH_GAP_MIN = 0.3, 3.0
#: A change of text height by more than this share starts a new paragraph (a heading, a note).
SIZE_CHANGE = 0.25
#: A line starting this far right of the margin is indented (first-line indent is two characters).
INDENT = 1.2
#: A line starting within this of the line above continues its block indent.
SAME_START = 0.5
#: A line ending this far short of the right margin is a paragraph's last line (line-breaking rules
#: can leave up to two characters); after a sentence end, a shorter shortfall does.
SHORT_LINE, SHORT_LINE_AFTER_STOP = 2.5, 0.8
#: After a sentence end, a line starting this far right of the margin starts a new paragraph.
START_AFTER_STOP = 0.5
#: Text this much taller than the body text is a title; a title runs to at most TITLE_MAX_CHARS.
TITLE_SIZE, TITLE_MAX_CHARS = 1.15, 60
#: Two title lines differ in height by at most this share.
TITLE_SAME_SIZE = 0.1
#: A numbered line ending this far short of the margin is a heading, not a numbered paragraph.
HEADING_SHORT = 1.5


@dataclass
class PageContent:
    """What one page yielded: its size, prose lines and table parts."""

    number: int
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    tables: list[TablePart] = field(default_factory=list)
    readable: bool = True
    #: characters on the page, and how many have no real Unicode value (fonts without a ToUnicode map)
    chars: int = 0
    unmapped: int = 0
    #: column edges of a borderless table that ends the page (the next page may carry it on)
    runs_on: list[float] | None = None


@dataclass
class _Metrics:
    """Where a page's body text starts and ends, its character width and line pitch."""

    left: float
    right: float
    char_width: float
    pitch: float
    body_height: float


def build_elements(pages: list[PageContent]) -> list[Paragraph | Table]:
    """Paragraphs and tables of all pages in reading order, page-split tables joined."""
    running = _running_heads(pages)
    prose = {page.number: _prose_lines(page, running) for page in pages}
    metrics_by_size: dict[tuple[int, int], _Metrics] = {}
    for size in {_size(page) for page in pages}:
        metrics_by_size[size] = _metrics([prose[p.number] for p in pages if _size(p) == size])
    elements: list[Paragraph | Table | TablePart] = []
    current: list[TextLine] = []
    prev_line: TextLine | None = None
    prev_page_ended_with_table = False
    metrics = next(iter(metrics_by_size.values())) if metrics_by_size else _metrics([])
    for page in pages:
        lines = prose[page.number]
        metrics = metrics_by_size[_size(page)]
        items = _reading_order(lines, page.tables)
        for position, item in enumerate(items):
            if isinstance(item, TablePart):
                _flush(current, elements, metrics)
                current, prev_line = [], None
                last = elements[-1] if elements else None
                if (position == 0 and prev_page_ended_with_table and isinstance(last, TablePart)
                        and continues(last, item)):
                    elements[-1] = join_parts(last, item)
                else:
                    elements.append(item)
                continue
            if prev_line is not None and current and _starts_paragraph(prev_line, item, current, metrics):
                _flush(current, elements, metrics)
                current = []
            current.append(item)
            prev_line = item
        prev_page_ended_with_table = bool(items) and isinstance(items[-1], TablePart)
    _flush(current, elements, metrics)
    return _finish(elements)


def _size(page: PageContent) -> tuple[int, int]:
    return round(page.width), round(page.height)


def _prose_lines(page: PageContent, running: set[str]) -> list[TextLine]:
    """The page's lines (table text is already gone) without page numbers and running heads."""
    kept: list[TextLine] = []
    for line in page.lines:
        if _in_margin(line, page) and (PAGE_NUMBER.match(line.text) or _furniture_key(line.text) in running):
            continue
        kept.append(line)
    return kept


def _in_margin(line: TextLine, page: PageContent) -> bool:
    middle = (line.top + line.bottom) / 2
    return middle < page.height * MARGIN_BAND or middle > page.height * (1 - MARGIN_BAND)


def _furniture_key(text: str) -> str:
    """A margin line with its numbers masked: 第 3 页 and 第 4 页 are the same running foot."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _running_heads(pages: list[PageContent]) -> set[str]:
    """Margin lines that repeat on at least half of the pages (and on two or more): headers, footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_furniture_key(line.text) for line in page.lines if _in_margin(line, page)})
    need = max(2, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= need and key}


def _reading_order(lines: list[TextLine], tables: list[TablePart]) -> list[TextLine | TablePart]:
    """Lines in content order with each table placed before the first line below its top."""
    items: list[TextLine | TablePart] = []
    pending = sorted(tables, key=lambda t: t.bbox.top)
    for line in lines:
        while pending and pending[0].bbox.top <= line.top:
            items.append(pending.pop(0))
        items.append(line)
    items.extend(pending)
    return items


def _metrics(pages_lines: list[list[TextLine]]) -> _Metrics:
    """Body-text margins, character width and line pitch from the lines of pages of one size.

    Margins are measured over all pages of a size, not page by page: a page of short lines
    (headings, one-line items) has no full line to show where the right margin is.
    """
    lines = [line for page in pages_lines for line in page]
    if not lines:
        return _Metrics(left=0.0, right=0.0, char_width=10.0, pitch=15.0, body_height=10.0)
    char_width = statistics.median(line.char_width for line in lines)
    need = max(2, len(lines) // MARGIN_SHARE)
    # the margin is where many lines end (or start) within a character or so of each other;
    # a single line sticking out is not the margin
    left = _cluster_edge(sorted(line.x0 for line in lines), LEFT_MARGIN_WINDOW * char_width, need)
    right = -_cluster_edge(sorted(-line.x1 for line in lines), RIGHT_MARGIN_WINDOW * char_width, need)
    body_height = statistics.median(line.height for line in lines)
    steps = [b.top - a.top for page in pages_lines for a, b in itertools.pairwise(page)
             if 0 < b.top - a.top < PITCH_MAX_STEP * max(a.height, 1.0)]
    pitch = statistics.median(steps) if steps else body_height * 1.5
    return _Metrics(left=left, right=right, char_width=char_width, pitch=pitch, body_height=body_height)


def _cluster_edge(values: list[float], window: float, need: int) -> float:
    """Where the first dense cluster of the ascending `values` sits: the median of the first run
    of at least `need` values spanning no more than `window` (one stray value is not an edge)."""
    end = 0
    for start, value in enumerate(values):
        while end < len(values) and values[end] <= value + window:
            end += 1
        if end - start >= need:
            return statistics.median(values[start:end])
    return values[0]


def _starts_paragraph(prev: TextLine, line: TextLine, current: list[TextLine], m: _Metrics) -> bool:
    """Whether `line` begins a new paragraph after `prev` (the last line of the open paragraph)."""
    cw = max(m.char_width, 1.0)
    if HEADING.match(line.text):
        return True
    if _title_wraps(prev, line, m):
        return False
    if _is_heading(current, m):
        return True
    # a step clearly beyond the usual line pitch is paragraph spacing (or a new block)
    gap = line.top - prev.top
    if line.page == prev.page and (gap > m.pitch + max(PARAGRAPH_GAP_MIN, PARAGRAPH_GAP * prev.height) or gap < -1):
        return True
    if abs(line.height - prev.height) > SIZE_CHANGE * max(prev.height, 1.0):
        return True
    indented = line.x0 > m.left + INDENT * cw
    ended = prev.text.rstrip()[-1:] in SENTENCE_END
    # a full line carries on into an indented one: a block indent (same x as the line above)
    # or the hanging indent of a numbered item (1、… with its wrapped lines under the text)
    carries_on = abs(line.x0 - prev.x0) <= SAME_START * cw or (len(current) == 1 and HEADING.match(prev.text))
    if indented and not ended and prev.x1 >= m.right - SHORT_LINE * cw and carries_on:
        return False
    # line-breaking rules (no opening quote at a line end ...) can leave a line up to two
    # characters short inside a paragraph; shorter than that, or short after a full stop, ends it
    short_prev = prev.x1 < m.right - SHORT_LINE * cw or (ended and prev.x1 < m.right - SHORT_LINE_AFTER_STOP * cw)
    return indented or short_prev or (ended and line.x0 > m.left + START_AFTER_STOP * cw)


def _title_wraps(prev: TextLine, line: TextLine, m: _Metrics) -> bool:
    """A title in large type that runs onto a second line of the same size, right below it."""
    big = prev.height > TITLE_SIZE * m.body_height and line.height > TITLE_SIZE * m.body_height
    return (big and abs(line.height - prev.height) <= TITLE_SAME_SIZE * prev.height and line.page == prev.page
            and 0 <= line.top - prev.bottom < prev.height and prev.text.rstrip()[-1:] not in SENTENCE_END)


def _is_heading(lines: list[TextLine], m: _Metrics) -> bool:
    """A one-line numbered heading without a sentence end, or text clearly larger than the body.

    A numbered line that runs to the right margin is the first line of a numbered paragraph
    (1、数量指标：…), not a heading.
    """
    text = "".join(line.text.strip() for line in lines)
    if all(line.height > TITLE_SIZE * m.body_height for line in lines) and len(text) <= TITLE_MAX_CHARS:
        return True  # a title, possibly wrapped onto a second line
    if len(lines) != 1:
        return False
    return is_numbered_heading(text) and lines[0].x1 < m.right - HEADING_SHORT * max(m.char_width, 1.0)


def _flush(lines: list[TextLine], elements: list[Paragraph | Table | TablePart], m: _Metrics) -> None:
    """Turn the collected lines into one Paragraph with spans back to each line."""
    if not lines:
        return
    if _title_after_sentence(lines, m):
        # a caption or title line after a full stop at the margin: its own paragraph
        _flush(lines[:-1], elements, m)
        lines = lines[-1:]
    text = ""
    spans: list[tuple[int, int]] = []
    model_lines: list[Line] = []
    for line in lines:
        piece = line.text.strip()
        if text:
            text += line_separator(text, piece)
        spans.append((len(text), len(text) + len(piece)))
        text += piece
        model_lines.append(Line(text=piece, page=line.page,
                                bbox=BBox(x0=line.x0, top=line.top, x1=line.x1, bottom=line.bottom)))
    style = "heading" if _is_heading(lines, m) else None
    elements.append(Paragraph(text=text, lines=model_lines, spans=spans, page=lines[0].page, style=style))


def _title_after_sentence(lines: list[TextLine], m: _Metrics) -> bool:
    """Whether the last line is a short title (no closing punctuation) after a finished sentence.

    In text set without first-line indents a caption (…绩效目标表) right under a sentence that
    ended at the margin looks like that paragraph's last line; prose never ends without
    punctuation after a full stop, so such a line is split off.
    """
    if len(lines) < 2:
        return False
    last, before = lines[-1].text.rstrip(), lines[-2].text.rstrip()
    return (before[-1:] in SENTENCE_END and last[-1:] not in SENTENCE_END + "，,：:、）)"
            and lines[-1].x1 < m.right - SHORT_LINE * max(m.char_width, 1.0))


def _finish(elements: list[Paragraph | Table | TablePart]) -> list[Paragraph | Table]:
    """Number the tables in document order and turn the parts into model Tables."""
    out: list[Paragraph | Table] = []
    index = 0
    for element in elements:
        if isinstance(element, TablePart):
            pages = sorted({cell.page for row in element.rows for cell in row})
            out.append(Table(index=index, rows=element.rows, page=pages[0], pages=pages))
            index += 1
        else:
            out.append(element)
    return out
