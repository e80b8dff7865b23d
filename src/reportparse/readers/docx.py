"""DOCX reader: paragraphs and tables in document order, merged cells resolved, pages counted.

Word does not store pages; we count them from what the file records. When Word last saved the
file it left `w:lastRenderedPageBreak` markers where its layout broke pages — those include the
soft breaks, so when any are present they alone give the pages. Otherwise we count explicit
breaks: `w:br w:type="page"`, `pageBreakBefore` (direct or from the style) and section breaks
that start a new page. `source.pages` is the number of breaks + 1. Only rendered breaks give the pages
a reader sees, so `source.pages_known` is set by them alone; each body paragraph gets its `index`
so that a quote can be found again without a page.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportparse.errors import CorruptFile
from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, Line, Paragraph, Source, Table
from reportparse.readers.docxnumbering import Numbering, read_numbering
from reportparse.readers.headings import is_numbered_heading
from reportparse.readers.symbols import symbol_char
from reportparse.readers.ziputil import open_ooxml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WIDE_END = lazy_compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]$")
_HEADING_NAMES = ("heading", "title", "subtitle", "标题", "题目")
#: Elements whose text is not body text (text boxes are anchored anywhere; Fallback repeats Choice).
_SKIP = {f"{W}txbxContent", f"{MC}Fallback", f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr"}


@dataclass
class _StyleInfo:
    heading: bool = False
    page_break_before: bool = False
    #: (numId, ilvl) when the style itself numbers its paragraphs (heading styles linked to a list)
    num: tuple[str, int] | None = None


@dataclass
class _Walker:
    """Walks the body XML, tracking the current page."""

    styles: dict[str, _StyleInfo]
    rendered_breaks: bool
    numbering: Numbering = field(default_factory=Numbering)
    page: int = 1
    started: bool = False
    elements: list[Paragraph | Table] = field(default_factory=list)
    table_count: int = 0
    paragraph_count: int = 0

    def new_page(self) -> None:
        # a break before any content (a cover page break at the very start) still counts: Word
        # shows an empty page, and the page numbers printed in the document follow it
        self.page += 1


def read_docx(path: Path, data: bytes, source: Source) -> Document:
    """Read a DOCX file into a Document. Raises CorruptFile/EncryptedFile/ZipBomb for bad input."""
    open_ooxml(data, "DOCX", "word/document.xml", str(path)).close()
    import docx  # lazily: text input must not pay for python-docx

    try:
        word = docx.Document(io.BytesIO(data))
        body = word.element.body
        styles = _read_styles(word.styles.element)
        numbering = read_numbering(_numbering_element(word))
    except Exception as exc:  # python-docx raises many kinds of errors for broken packages
        raise CorruptFile(f"{path}: not a valid DOCX: {type(exc).__name__}: {exc}", str(path)) from exc
    rendered = any(True for _ in body.iter(f"{W}lastRenderedPageBreak"))
    walker = _Walker(styles=styles, rendered_breaks=rendered, numbering=numbering)
    for child in body:
        _walk_block(walker, child)
    # without Word's rendered breaks the soft page breaks are unknown: a counted page would be a guess
    source = source.model_copy(update={"pages": walker.page, "pages_known": rendered})
    return Document(source=source, elements=walker.elements)


def _numbering_element(word: Any) -> Any | None:
    """The numbering.xml root, or None when the document has no numbering part."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in word.part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return rel.target_part.element
    return None


def _read_styles(styles_el: Any) -> dict[str, _StyleInfo]:
    """Map styleId → heading/pageBreakBefore, following `basedOn` inheritance."""
    raw: dict[str, tuple[str, str | None, bool | None, bool, tuple[str, int] | None]] = {}
    for style in styles_el.iter(f"{W}style"):
        sid = style.get(f"{W}styleId") or ""
        name_el = style.find(f"{W}name")
        name = (name_el.get(f"{W}val") if name_el is not None else "") or ""
        based = style.find(f"{W}basedOn")
        ppr = style.find(f"{W}pPr")
        pbb = _on_off(ppr.find(f"{W}pageBreakBefore")) if ppr is not None else None
        outline = ppr is not None and _outline_level(ppr) is not None
        num = _num_pr(ppr, None) if ppr is not None else None
        raw[sid] = (name, based.get(f"{W}val") if based is not None else None, pbb, outline, num)

    def resolve(sid: str, depth: int = 0) -> _StyleInfo:
        name, based, pbb, outline, num = raw[sid]
        parent = resolve(based, depth + 1) if based in raw and depth < 20 else _StyleInfo()
        lowered = name.lower()
        heading = outline or lowered.startswith(_HEADING_NAMES) or parent.heading
        return _StyleInfo(heading=heading, page_break_before=parent.page_break_before if pbb is None else pbb,
                          num=num or parent.num)

    return {sid: resolve(sid) for sid in raw}


def _num_pr(ppr: Any, inherited: tuple[str, int] | None) -> tuple[str, int] | None:
    """The (numId, ilvl) of a pPr's numPr; a missing ilvl comes from the style's, else 0."""
    num_pr = ppr.find(f"{W}numPr")
    if num_pr is None:
        return inherited
    num_id_el = num_pr.find(f"{W}numId")
    ilvl_el = num_pr.find(f"{W}ilvl")
    num_id = num_id_el.get(f"{W}val") if num_id_el is not None else (inherited[0] if inherited else None)
    if num_id is None:
        return inherited
    ilvl = _int_val(ilvl_el) if ilvl_el is not None else (inherited[1] if inherited else 0)
    return num_id, ilvl


def _on_off(el: Any) -> bool | None:
    """A WordprocessingML on/off property: absent → None, present → its w:val (default on)."""
    if el is None:
        return None
    return el.get(f"{W}val", "true").lower() not in ("false", "0", "off")


def _outline_level(ppr: Any) -> int | None:
    el = ppr.find(f"{W}outlineLvl")
    if el is None:
        return None
    try:
        level = int(el.get(f"{W}val", "9"))
    except ValueError:
        return None
    return level if level < 9 else None  # 9 means "body text"


def _walk_block(walker: _Walker, el: Any) -> None:
    """Dispatch one block-level element (paragraph, table, or a wrapper holding them)."""
    tag = el.tag
    if tag == f"{W}p":
        paragraph = _read_paragraph(walker, el)
        if paragraph is not None:
            walker.elements.append(paragraph.model_copy(update={"index": walker.paragraph_count}))
            walker.paragraph_count += 1
        for box in _text_boxes(el):
            for child in box:
                _walk_block(walker, child)
    elif tag == f"{W}tbl":
        if _is_frame(el):
            for tc, _, _ in (cell for row in _table_rows(el) for cell in row):
                for child in tc if tc is not None else ():
                    _walk_block(walker, child)
            return
        table = _read_table(walker, el)
        if table is not None:
            walker.elements.append(table)
    elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
        for child in el:
            _walk_block(walker, child)


def _text_boxes(p: Any) -> list[Any]:
    """The text boxes anchored in a paragraph, outermost only: their paragraphs and tables are body
    content placed in a box (a form pasted into a text box). Word writes each box twice, as a
    DrawingML shape and again in a VML mc:Fallback; the fallback copy is left out."""
    boxes: list[Any] = []
    for box in p.iter(f"{W}txbxContent"):
        ancestor = box.getparent()
        inside = False
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (f"{MC}Fallback", f"{W}txbxContent"):
                inside = True
                break
            ancestor = ancestor.getparent()
        if not inside:
            boxes.append(box)
    return boxes


def _is_frame(tbl: Any) -> bool:
    """A table used as a frame around the content: one column only, and a table inside it. Its
    cells' paragraphs and tables are read as if they stood in the body (a form whose author drew a
    box around it), so the inner table keeps its grid instead of being flattened into cell text."""
    rows = _table_rows(tbl)
    if not rows or any(sum(span for _, span, _ in row) != 1 for row in rows):
        return False
    return any(child.tag == f"{W}tbl" for tc, _, _ in (cell for row in rows for cell in row) if tc is not None
               for child in tc)


def _paragraph_props(walker: _Walker, p: Any) -> tuple[bool, bool, bool, tuple[str, int] | None]:
    """(is heading, page break before, section break after, (numId, ilvl) or None) for a paragraph."""
    ppr = p.find(f"{W}pPr")
    style = _StyleInfo()
    direct_pbb: bool | None = None
    outline = False
    section_break = False
    num: tuple[str, int] | None = None
    if ppr is not None:
        pstyle = ppr.find(f"{W}pStyle")
        if pstyle is not None:
            style = walker.styles.get(pstyle.get(f"{W}val") or "", _StyleInfo())
        direct_pbb = _on_off(ppr.find(f"{W}pageBreakBefore"))
        num = _num_pr(ppr, style.num)
        outline = _outline_level(ppr) is not None
        sect = ppr.find(f"{W}sectPr")
        if sect is not None:
            kind = sect.find(f"{W}type")
            section_break = kind is None or kind.get(f"{W}val", "nextPage") != "continuous"
    pbb = style.page_break_before if direct_pbb is None else direct_pbb
    return style.heading or outline, pbb, section_break, num


def _paragraph_tokens(el: Any) -> Iterator[tuple[str, str]]:
    """Yield ("text", s), ("br", "") for a line break and ("page", "") for a page break, in order."""
    for child in el:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == f"{W}r" and _hidden(child):
            continue
        if tag == f"{W}t":
            if child.text:
                yield "text", child.text
        elif tag == f"{W}tab":
            yield "text", "\t"
        elif tag in (f"{W}noBreakHyphen", f"{W}softHyphen"):
            yield "text", "-" if tag == f"{W}noBreakHyphen" else ""
        elif tag == f"{W}br":
            kind = child.get(f"{W}type", "textWrapping")
            yield ("page", "") if kind == "page" else ("br", "")
        elif tag == f"{W}cr":
            yield "br", ""
        elif tag == f"{W}lastRenderedPageBreak":
            yield "rendered", ""
        elif tag == f"{W}sym":
            yield "text", _sym_text(child)
        else:
            yield from _paragraph_tokens(child)


def _hidden(run: Any) -> bool:
    """A run formatted as hidden text (w:vanish): Word does not show or print it."""
    rpr = run.find(f"{W}rPr")
    return rpr is not None and bool(_on_off(rpr.find(f"{W}vanish")))


def _sym_text(sym: Any) -> str:
    """The character of a `w:sym` (Insert Symbol): Symbol-font codes mapped, others as given."""
    try:
        code = int(sym.get(f"{W}char", ""), 16)
    except ValueError:
        return ""
    font = (sym.get(f"{W}font") or "").lower()
    mapped = symbol_char(code) if font.startswith("symbol") else None
    if mapped is not None:
        return mapped
    return chr(code) if 0 < code < 0x110000 and not 0xE000 <= code <= 0xF8FF else ""


def _collect_lines(walker: _Walker, p: Any) -> list[Line]:
    """The paragraph's lines (split at explicit line breaks), advancing the page at page breaks."""
    lines: list[Line] = []
    parts: list[str] = []
    line_page = walker.page

    def flush() -> None:
        text = "".join(parts)
        if text.strip():
            lines.append(Line(text=text, page=line_page))
        parts.clear()

    for kind, text in _paragraph_tokens(p):
        if kind == "text":
            if not parts:
                line_page = walker.page
            parts.append(text)
        elif kind == "br":
            flush()
        elif (kind == "page" and not walker.rendered_breaks) or (kind == "rendered" and walker.rendered_breaks):
            flush()
            walker.new_page()
    flush()
    return lines


def _read_paragraph(walker: _Walker, p: Any) -> Paragraph | None:
    """One Paragraph (None when it has no text); page breaks inside it still move the page."""
    heading, pbb, section_break, num = _paragraph_props(walker, p)
    if pbb and not walker.rendered_breaks and walker.started:
        walker.new_page()
    lines = _collect_lines(walker, p)
    label = walker.numbering.label(*num) if num is not None else ""
    if label and lines:
        # Word draws the list number; the text does not hold it (一、 is numbering, 项目概况 the text)
        sep = "" if _WIDE_END.search(label) else " "
        lines[0] = lines[0].model_copy(update={"text": label + sep + lines[0].text})
    if section_break and not walker.rendered_breaks:
        walker.new_page()
    if not lines:
        return None
    walker.started = True
    text_parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for i, line in enumerate(lines):
        if i:
            text_parts.append("\n")
            offset += 1
        text_parts.append(line.text)
        spans.append((offset, offset + len(line.text)))
        offset += len(line.text)
    text = "".join(text_parts)
    # numbering marks headings more often than styles do (一、 （一） 1.1 …)
    heading = heading or (len(lines) == 1 and is_numbered_heading(text))
    return Paragraph(text=text, lines=lines, spans=spans, page=lines[0].page, style="heading" if heading else None)


def _cell_text(walker: _Walker, tc: Any) -> tuple[str, int]:
    """The text of a table cell (paragraphs joined by newlines, nested tables flattened) and its page."""
    page = walker.page
    pieces: list[str] = []
    for child in tc:
        if child.tag == f"{W}p":
            paragraph = _read_paragraph(walker, child)
            if paragraph is not None:
                if not pieces:
                    page = paragraph.page
                pieces.append(paragraph.text)
        elif child.tag == f"{W}tbl":
            # a nested table becomes text: cells of a row joined by spaces, rows by newlines
            for row in _table_rows(child):
                row_text = " ".join(t for t in (_cell_text(walker, tc2)[0] for tc2, _, _ in row) if t)
                if row_text:
                    pieces.append(row_text)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            text, _ = _cell_text(walker, child)
            if text:
                pieces.append(text)
    return "\n".join(pieces), page


def _table_rows(tbl: Any) -> list[list[tuple[Any, int, str | None]]]:
    """Rows of (tc element, grid span, vMerge value or None); gridBefore becomes empty placeholders."""
    rows: list[list[tuple[Any, int, str | None]]] = []
    for tr in _children(tbl, f"{W}tr"):
        row: list[tuple[Any, int, str | None]] = []
        trpr = tr.find(f"{W}trPr")
        before = _int_val(trpr.find(f"{W}gridBefore")) if trpr is not None else 0
        if before:
            row.append((None, before, None))
        for tc in _children(tr, f"{W}tc"):
            tcpr = tc.find(f"{W}tcPr")
            span, vmerge = 1, None
            if tcpr is not None:
                span = max(_int_val(tcpr.find(f"{W}gridSpan")) or 1, 1)
                vm = tcpr.find(f"{W}vMerge")
                if vm is not None:
                    vmerge = vm.get(f"{W}val", "continue")
            row.append((tc, span, vmerge))
        rows.append(row)
    return rows


def _children(el: Any, tag: str) -> Iterator[Any]:
    """Direct children with `tag`, looking through content-control and custom-XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _children(child, tag)


def _int_val(el: Any) -> int:
    if el is None:
        return 0
    try:
        return int(el.get(f"{W}val", "0"))
    except ValueError:
        return 0


def _read_table(walker: _Walker, tbl: Any) -> Table | None:
    """A Table grid: every grid position covered by a merged cell holds its text (merged=True)."""
    rows = _table_rows(tbl)
    if not rows:
        return None
    tbl_grid = tbl.find(f"{W}tblGrid")
    grid_cols = len(tbl_grid.findall(f"{W}gridCol")) if tbl_grid is not None else 0  # not nested tables' columns
    width = max([grid_cols] + [sum(span for _, span, _ in row) for row in rows])
    grid: list[list[Cell]] = []
    for r, row in enumerate(rows):
        cells: list[Cell] = []
        col = 0
        for tc, span, vmerge in row:
            if tc is None:
                cells.extend(Cell(text="", row=r, col=col + k, page=walker.page) for k in range(span))
                col += span
                continue
            text, page = _cell_text(walker, tc)
            above = grid[r - 1][col] if r and vmerge == "continue" and col < len(grid[r - 1]) else None
            if above is not None:
                cells.extend(
                    Cell(text=above.text, row=r, col=col + k, page=page, merged=True) for k in range(span)
                )
            else:
                cells.append(Cell(text=text, row=r, col=col, page=page))
                cells.extend(Cell(text=text, row=r, col=col + k, page=page, merged=True) for k in range(1, span))
            col += span
        cells.extend(Cell(text="", row=r, col=c, page=walker.page) for c in range(col, width))
        grid.append(cells)
    pages = sorted({cell.page for row in grid for cell in row})
    table = Table(index=walker.table_count, rows=grid, page=pages[0] if pages else walker.page,
                  pages=pages)
    walker.table_count += 1
    walker.started = True
    return table
