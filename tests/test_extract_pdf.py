"""PDF reader: tables (merged cells, page-split joins), paragraphs with boxes, bad input."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
from pathlib import Path

import pytest

from reportparse.errors import CorruptFile, EncryptedFile, InputError, NoTextLayer
from reportparse.model import Document, Paragraph, Source, SourceFormat, Table
from reportparse.readers.pdf import evidence_bbox, read_pdf
from reportparse.readers.pdf.lines import Glyph, _fake_bold_double, group_lines, line_separator
from tests.conftest import ACCEPTANCE, SEEDS

FONT = "STSong-Light"
SIZE = 12
LEFT = 60.0
LINE_CHARS = 30  # a full body line: 30 CJK characters of 12 pt → right margin at 420
COLS = [60.0, 150.0, 240.0, 400.0, 520.0]
ROW_H = 24.0


def _read(data: bytes, name: str = "x.pdf") -> Document:
    source = Source(path=name, format=SourceFormat.PDF, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_pdf(Path(name), data, source)


def _canvas(buf: io.BytesIO, **kwargs):  # type: ignore[no-untyped-def]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(buf, pagesize=(595, 842), **kwargs)
    c.setFont(FONT, SIZE)
    return c


def _paragraph(c, text: str, y: float) -> float:  # type: ignore[no-untyped-def]
    """Draw `text` as an indented paragraph wrapped at LINE_CHARS; return the next baseline."""
    first, chunks = True, []
    rest = text
    while rest:
        width = LINE_CHARS - 2 if first else LINE_CHARS
        chunks.append((first, rest[:width]))
        rest, first = rest[width:], False
    for indent, chunk in chunks:
        c.drawString(LEFT + (2 * SIZE if indent else 0), y, chunk)
        y -= 20
    return y


def _row(c, top: float, texts: list[str | None], open_top: frozenset[int] = frozenset(),  # type: ignore[no-untyped-def]
         close: bool = True) -> None:
    """Draw one table row: text and borders. A None text widens the cell on its left; columns in
    `open_top` get no top border (the cell above continues down); `close` draws the bottom border."""
    bottom = top - ROW_H
    c.line(COLS[0], top, COLS[0], bottom)
    for k, text in enumerate(texts):
        if text:
            c.drawString(COLS[k] + 3, top - 16, text)
        if k not in open_top:
            c.line(COLS[k], top, COLS[k + 1], top)
        if close:
            c.line(COLS[k], bottom, COLS[k + 1], bottom)
        if not (k + 1 < len(texts) and texts[k + 1] is None):
            c.line(COLS[k + 1], top, COLS[k + 1], bottom)


HEADER = ["一级目标", "二级目标", "三级目标", "目标值"]
BODY = [["产出目标", "数量指标", f"完成项目{n}", f"{n}个"] for n in range(1, 31)]


def _split_table_pdf(repeat_header: bool = False, turn: int = 0) -> bytes:
    """Two pages: prose, a ruled table running over the page break (col 0 merged down), prose.
    `turn`: /Rotate of every page over the upright content, as a viewer's "rotate page" saves it."""
    buf = io.BytesIO()
    c = _canvas(buf)
    if turn:
        # reportlab writes the media box of a page turned by 90° in the displayed orientation:
        # give it the displayed size so the stored page stays the upright A4 the text is drawn on
        c.setPageSize((842, 595) if turn in (90, 270) else (595, 842))
        c.setPageRotation(turn)
    c.drawString(LEFT, 800, "一、基本情况")
    c.drawString(LEFT + 0.3, 800, "一、基本情况")  # fake bold: the same glyphs drawn twice
    y = _paragraph(c, "预算执行情况分值 10 分，得分 10 分。项目年初预算资金为 10 万元，"
                      "全年执行数为 10 万元，执行率百分之百，全部用于项目实施。", 770)
    y = _paragraph(c, "第二段说明绩效目标的完成情况。", y)
    top = y - 10
    _row(c, top, HEADER, close=False)
    top -= ROW_H
    first_page_rows = int((top - 60) // ROW_H)
    for i in range(first_page_rows):
        row = list(BODY[i])
        if i > 0:
            row[0] = ""  # col 0 is one merged cell: text in its first row only, no inner borders
        _row(c, top, row, open_top=frozenset({0}) if i else frozenset(), close=i == first_page_rows - 1)
        top -= ROW_H
    c.drawCentredString(297, 30, "- 1 -")
    c.showPage()
    c.setFont(FONT, SIZE)
    top = 800.0
    if repeat_header:
        _row(c, top, HEADER, close=False)
        top -= ROW_H
    rest = BODY[first_page_rows:]
    for i, body in enumerate(rest):
        row = list(body)
        row[0] = ""  # the merged cell goes on, empty, on the second page
        _row(c, top, row, open_top=frozenset({0}) if i else frozenset(), close=False)
        top -= ROW_H
    _row(c, top, ["备注", "合并说明", "横向合并的单元格", None])
    top -= ROW_H
    _paragraph(c, "表格之后的段落文字。", top - 30)
    c.drawCentredString(297, 30, "- 2 -")
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def split_doc() -> Document:
    return _read(_split_table_pdf())


def _tables(document: Document) -> list[Table]:
    return [e for e in document.elements if isinstance(e, Table)]


def _paragraphs(document: Document) -> list[Paragraph]:
    return [e for e in document.elements if isinstance(e, Paragraph)]


def test_split_table_is_joined(split_doc: Document) -> None:
    tables = _tables(split_doc)
    assert len(tables) == 1
    table = tables[0]
    assert table.pages == [1, 2] and table.page == 1
    texts = [[cell.text for cell in row] for row in table.rows]
    assert texts[0] == HEADER
    assert [row[2] for row in texts[1:31]] == [b[2] for b in BODY]
    assert [row[0] for row in texts[1:31]] == ["产出目标"] * 30  # merged down, over the page break
    assert {cell.page for cell in table.rows[-1]} == {2}
    assert [cell.row for cell in table.rows[-1]] == [len(table.rows) - 1] * 4
    assert all(cell.bbox is not None for row in table.rows for cell in row)


def test_merged_cells_fill_grid(split_doc: Document) -> None:
    table = _tables(split_doc)[0]
    last = table.rows[-1]
    assert [cell.text for cell in last] == ["备注", "合并说明", "横向合并的单元格", "横向合并的单元格"]
    assert [cell.merged for cell in last] == [False, False, False, True]
    assert table.rows[1][0].merged is False and table.rows[2][0].merged is True


def test_paragraphs_pages_and_headings(split_doc: Document) -> None:
    paragraphs = _paragraphs(split_doc)
    texts = [p.text for p in paragraphs]
    assert texts[0] == "一、基本情况"  # fake bold doubled glyphs dropped
    assert paragraphs[0].style == "heading"
    assert texts[1].startswith("预算执行情况分值 10 分，得分 10 分。") and texts[1].endswith("全部用于项目实施。")
    assert len(paragraphs[1].lines) == 3
    assert texts[2] == "第二段说明绩效目标的完成情况。"
    assert texts[-1] == "表格之后的段落文字。" and paragraphs[-1].page == 2
    assert not any("- 1 -" in t or "完成项目" in t for t in texts)  # page numbers and table text left out
    assert split_doc.source.pages == 2


def test_spans_map_back_to_lines_and_boxes(split_doc: Document) -> None:
    paragraph = _paragraphs(split_doc)[1]
    for line, (start, end) in zip(paragraph.lines, paragraph.spans, strict=True):
        assert paragraph.text[start:end] == line.text
        assert line.page == 1 and line.bbox is not None
        assert line.bbox.x0 < line.bbox.x1 and line.bbox.top < line.bbox.bottom
    first = paragraph.lines[0].bbox
    assert first is not None and first.x0 == pytest.approx(LEFT + 2 * SIZE, abs=1)
    assert first.top == pytest.approx(842 - 770 - SIZE, abs=4)  # top-left origin
    start = paragraph.text.index("10 万元")
    found = evidence_bbox(paragraph, start, start + 5)
    assert found is not None and found[0] == 1
    assert first.x0 < found[1].x0 < found[1].x1 <= first.x1 + 1


def test_repeated_header_is_dropped_when_joining() -> None:
    tables = _tables(_read(_split_table_pdf(repeat_header=True)))
    assert len(tables) == 1
    texts = [[cell.text for cell in row] for row in tables[0].rows]
    assert texts.count(HEADER) == 1 and len(texts) == 1 + len(BODY) + 1
    assert [row[0] for row in texts[1:31]] == ["产出目标"] * 30
    assert tables[0].pages == [1, 2]


def _boxed_table_pdf(cells: list[tuple[int, int, int, int, str]]) -> bytes:
    """One page with a table drawn cell by cell: (row0, col0, row1, col1, text), ends exclusive."""
    buf = io.BytesIO()
    c = _canvas(buf)
    c.drawString(LEFT, 800, "表一")
    top = 760.0
    for r0, c0, r1, c1, text in cells:
        c.rect(COLS[c0], top - r1 * ROW_H, COLS[c1] - COLS[c0], (r1 - r0) * ROW_H, stroke=1, fill=0)
        c.drawString(COLS[c0] + 3, top - r0 * ROW_H - 16, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_merges_in_the_middle_of_a_table() -> None:
    cells = [(0, 0, 1, 1, "甲"), (0, 1, 1, 2, "乙"), (0, 2, 1, 3, "丙"), (0, 3, 1, 4, "丁"),
             (1, 0, 2, 1, "一"), (1, 1, 2, 3, "横跨两列"), (1, 3, 3, 4, "纵跨两行"),
             (2, 0, 3, 1, "二"), (2, 1, 3, 2, "三"), (2, 2, 3, 3, "四"),
             (3, 0, 4, 1, "五"), (3, 1, 4, 2, "六"), (3, 2, 4, 3, "七"), (3, 3, 4, 4, "八")]
    tables = _tables(_read(_boxed_table_pdf(cells)))
    assert len(tables) == 1
    grid = [[cell.text for cell in row] for row in tables[0].rows]
    assert grid == [["甲", "乙", "丙", "丁"], ["一", "横跨两列", "横跨两列", "纵跨两行"],
                    ["二", "三", "四", "纵跨两行"], ["五", "六", "七", "八"]]
    merged = [[cell.merged for cell in row] for row in tables[0].rows]
    assert merged[1] == [False, False, True, False] and merged[2] == [False, False, False, True]
    assert tables[0].rows[2][3].bbox == tables[0].rows[1][3].bbox  # the merged cell's whole box


def _rotated_pdf() -> bytes:
    """A page stored as landscape with /Rotate 90 whose content is drawn turned, so it reads upright."""
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setPageRotation(90)
    c.rotate(90)  # local (a, b) lands at displayed (x=a, top=-b)
    c.drawString(60, -80, "横向页面的标题文字")
    for row in range(2):
        for col in range(3):
            x0, top = 60 + col * 150, 120 + row * 30
            c.rect(x0, -(top + 30), 150, 30, stroke=1, fill=0)
            c.drawString(x0 + 4, -(top + 20), f"格{row}{col}")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_rotated_page_reads_as_displayed() -> None:
    document = _read(_rotated_pdf())
    paragraphs = _paragraphs(document)
    assert [p.text for p in paragraphs] == ["横向页面的标题文字"]
    box = paragraphs[0].lines[0].bbox
    assert box is not None and box.x0 == pytest.approx(60, abs=1) and box.bottom == pytest.approx(80, abs=4)
    tables = _tables(document)
    grid = [[cell.text for cell in row] for row in tables[0].rows]
    assert grid == [["格00", "格01", "格02"], ["格10", "格11", "格12"]]
    last = tables[0].rows[1][2].bbox
    assert last is not None and last.x1 == pytest.approx(510, abs=1) and last.bottom == pytest.approx(180, abs=1)


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_page_turned_in_a_viewer_reads_as_the_upright_page(split_doc: Document, turn: int) -> None:
    """Displayed, the text of such a page runs down (or upside down); a reader turns the page back,
    and so does the reader of this library: the same paragraphs, tables and boxes as unturned."""
    turned = _read(_split_table_pdf(turn=turn))
    assert turned.elements == split_doc.elements
    assert turned.problems == [] and turned.notes == split_doc.notes


@pytest.mark.parametrize("turn", [90, 270])
def test_turned_corpus_form_checks_like_the_original(tmp_path: Path, turn: int) -> None:
    """A real form turned with pdfium (as a viewer saves a rotated page) is no longer refused as
    not-a-report: it gives the original's report and findings, boxes included."""
    import pypdfium2 as pdfium

    import reportparse

    original = Path(__file__).resolve().parents[1] / "corpora" / "forms" / "f07_met_deducted.pdf"
    pdf = pdfium.PdfDocument(original)
    for index in range(len(pdf)):
        pdf[index].set_rotation(turn)
    turned_path = tmp_path / "turned.pdf"
    pdf.save(turned_path)
    pdf.close()
    expected, got = reportparse.check(original), reportparse.check(turned_path)
    assert got.status is expected.status and got.status.value == "ok"
    assert got.report == expected.report and got.findings == expected.findings


def _two_page_grid_pdf(first: list[list[str]], second: list[list[str]], *more: list[list[str]]) -> bytes:
    """A 4-column ruled table: `first` rows end page 1 at its foot, `second` (and `more`) open the next pages."""
    buf = io.BytesIO()
    c = _canvas(buf)
    for page, rows in enumerate((first, second, *more), start=1):
        top = 800.0 if page > 1 else 60.0 + ROW_H * len(rows)
        for r, texts in enumerate(rows):
            for k, text in enumerate(texts):
                c.rect(COLS[k], top - (r + 1) * ROW_H, COLS[k + 1] - COLS[k], ROW_H, stroke=1, fill=0)
                if text:
                    c.drawString(COLS[k] + 3, top - r * ROW_H - 16, text)
        c.showPage()
        c.setFont(FONT, SIZE)
    c.save()
    return buf.getvalue()


def test_table_over_three_pages_is_one_table() -> None:
    first, second, third = [HEADER, BODY[0]], [BODY[1], BODY[2]], [BODY[3]]
    tables = _tables(_read(_two_page_grid_pdf(first, second, third)))
    assert len(tables) == 1 and tables[0].pages == [1, 2, 3]
    assert [[cell.text for cell in row] for row in tables[0].rows] == [HEADER, *BODY[:4]]


def test_row_broken_over_the_page_is_put_back_together() -> None:
    first = [HEADER, ["产出", "数量", "完成项目", "5个"], ["效益", "社会", "说明文字的前半", "好"]]
    second = [["", "", "后半部分", ""], ["满意度", "群众", "满意度", "90%"]]
    tables = _tables(_read(_two_page_grid_pdf(first, second)))
    assert len(tables) == 1 and tables[0].pages == [1, 2]
    grid = [[cell.text for cell in row] for row in tables[0].rows]
    assert grid == [HEADER, first[1], ["效益", "社会", "说明文字的前半后半部分", "好"], second[1]]


def test_broken_row_whose_scores_stayed_on_the_first_page() -> None:
    """Half the cells carry on, but the cut row's score stayed behind: still one row."""
    first = [HEADER, ["时效", "养护", "12月", "10"]]
    second = [["指标", "完成时间", "底前完成", ""], ["成本", "里程成本", "6000", "10"]]
    grid = [[cell.text for cell in row] for row in _tables(_read(_two_page_grid_pdf(first, second)))[0].rows]
    assert grid == [HEADER, ["时效指标", "养护完成时间", "12月底前完成", "10"], second[1]]


@pytest.mark.parametrize(("cut", "rest", "joined"), [
    # a target wrapped after its comparator: the number ends the cut cell on the next page
    (["服务对", "学员满", "不低于", "10"], ["象满意度", "意度", "90%", ""],
     ["服务对象满意度", "学员满意度", "不低于90%", "10"]),
    # the cut text already ends in a number: a bare number below it is a row of its own
    (["产出", "数量", "完成5", "10"], ["", "", "6", ""], None),
    # the number falls in the score column the cut row filled: a new row (a 总分), not a remainder
    (["满意度", "群众", "不低于", "10"], ["", "", "", "100"], None),
])
def test_number_that_ends_a_cut_cell(cut: list[str], rest: list[str], joined: list[str] | None) -> None:
    after = ["成本", "单价", "800元", "10"]
    tables = _tables(_read(_two_page_grid_pdf([HEADER, cut], [rest, after])))
    assert len(tables) == 1 and tables[0].pages == [1, 2]
    grid = [[cell.text for cell in row] for row in tables[0].rows]
    assert grid == ([HEADER, joined, after] if joined else [HEADER, cut, rest, after])
    if joined:  # the joined row keeps the page (and place) of its first part
        assert {cell.page for cell in tables[0].rows[1]} == {1}


def test_numbered_item_at_the_top_of_the_next_page_stays_a_row() -> None:
    first = [HEADER, ["产出", "数量", "指标1：完成项目", "10"]]
    second = [["", "", "指标2：", ""]]
    grid = [[cell.text for cell in row] for row in _tables(_read(_two_page_grid_pdf(first, second)))[0].rows]
    assert grid == [HEADER, first[1], second[0]]


def test_total_row_at_the_top_of_the_next_page_stays_a_row() -> None:
    first = [HEADER, ["产出", "数量", "完成项目", "5"]]
    second = [["", "", "", "100"]]
    grid = [[cell.text for cell in row] for row in _tables(_read(_two_page_grid_pdf(first, second)))[0].rows]
    assert grid == [HEADER, first[1], ["", "", "", "100"]]


def test_new_row_at_the_top_of_the_next_page_stays_a_row() -> None:
    first = [HEADER, ["产出", "数量", "完成项目", "5个"]]
    second = [["", "质量", "合格率", "100%"], ["满意度", "群众", "满意度", "90%"]]
    grid = [[cell.text for cell in row] for row in _tables(_read(_two_page_grid_pdf(first, second)))[0].rows]
    assert grid == [HEADER, first[1], ["", "质量", "合格率", "100%"], second[1]]


def test_damaged_page_does_not_lose_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import pypdfium2

    from reportparse.readers.pdf import document as pdf_module

    real = pdf_module._read_page

    def flaky(pdf, index, *rest):  # type: ignore[no-untyped-def]
        if index == 0:
            raise pypdfium2.PdfiumError("broken page")
        return real(pdf, index, *rest)

    monkeypatch.setattr(pdf_module, "_read_page", flaky)
    document = _read(_split_table_pdf())
    # a page left out is a problem (the result becomes partial), not a mere note
    assert any("page 1" in problem for problem in document.problems)
    assert any(isinstance(e, Paragraph) and e.text == "表格之后的段落文字。" for e in document.elements)


def _running_heads_pdf() -> bytes:
    """Three pages with a running head and foot; one paragraph runs from page 1 onto page 2."""
    buf = io.BytesIO()
    c = _canvas(buf)
    text = "项目绩效情况良好，" * 60 + "全部完成。"
    head = LINE_CHARS - 2
    chunks = [text[:head]] + [text[i:i + LINE_CHARS] for i in range(head, len(text), LINE_CHARS)]
    for page in range(1, 4):
        c.drawString(LEFT, 815, "某单位年度绩效自评报告")
        c.drawCentredString(297, 30, f"第 {page} 页 共 3 页")
        if page == 1:
            c.drawString(LEFT, 760, "一、总体情况")
            for k, chunk in enumerate(chunks[:7]):  # the page is full after seven lines (in this story)
                c.drawString(LEFT + (2 * SIZE if k == 0 else 0), 730 - 20 * k, chunk)
        elif page == 2:
            rest = chunks[7:]
            for k, chunk in enumerate(rest):
                c.drawString(LEFT, 760 - 20 * k, chunk)
            c.drawString(LEFT + 2 * SIZE, 760 - 20 * len(rest) - 10, "二、下一段。")
        c.showPage()
        c.setFont(FONT, SIZE)
    c.save()
    return buf.getvalue()


def test_running_heads_dropped_and_paragraph_runs_over_the_page_break() -> None:
    document = _read(_running_heads_pdf())
    paragraphs = _paragraphs(document)
    texts = [p.text for p in paragraphs]
    assert texts[0] == "一、总体情况"
    assert texts[1] == "项目绩效情况良好，" * 60 + "全部完成。"
    assert {line.page for line in paragraphs[1].lines} == {1, 2}
    assert not any("某单位" in t or "第 1 页" in t for t in texts)
    assert texts[-1] == "二、下一段。" and paragraphs[-1].page == 2


def _lines_pdf(lines: list[tuple[float, str]]) -> bytes:
    """One page of lines, each (indent in characters, text), 20 pt apart."""
    buf = io.BytesIO()
    c = _canvas(buf)
    c.drawString(LEFT, 800, "正文" * (LINE_CHARS // 2))  # full-width lines fix the margins
    c.drawString(LEFT, 780, "正文" * (LINE_CHARS // 2 - 1) + "。")
    for k, (indent, text) in enumerate(lines):
        c.drawString(LEFT + indent * SIZE, 740 - 20 * k, text)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_numbered_wrapped_block_and_hanging_indents() -> None:
    def full(head: str, indent: int) -> str:  # wide characters up to the right margin
        return (head + "各项指标均按计划完成并通过验收" * 3)[: LINE_CHARS - indent]

    numbered, hanging = full("１、数量指标：", 2), full("（１）质量指标：", 0)
    wrapped, block = full("另计", 3), full("说明", 4)
    lines = [(2, numbered), (0, "超过目标值。"), (0, hanging), (3, wrapped), (3, "合格。"), (4, block), (4, "排列。")]
    paragraphs = _paragraphs(_read(_lines_pdf(lines)))
    texts = [p.text for p in paragraphs]
    assert texts[1:] == [numbered + "超过目标值。", hanging + wrapped + "合格。", block + "排列。"]
    assert all(p.style is None for p in paragraphs[1:])


def test_paragraph_spacing_separates_block_paragraphs() -> None:
    """No indents, sentences ending at the margin: only the extra space between paragraphs tells."""
    full = "段落文字" * (LINE_CHARS // 4) + "文字"  # 30 characters: a full line
    last = full[:-1] + "。"  # a sentence ending at the margin
    paragraphs = [[full, full, last], [full, full, last], [full, "结束。"]]
    buf = io.BytesIO()
    c = _canvas(buf)
    y = 760.0
    for lines in paragraphs:
        for text in lines:
            c.drawString(LEFT, y, text)
            y -= 20
        y -= 6  # space after each paragraph
    c.showPage()
    c.save()
    texts = [p.text for p in _paragraphs(_read(buf.getvalue()))]
    assert texts == ["".join(lines) for lines in paragraphs]


def test_wrapped_title_is_one_heading() -> None:
    buf = io.BytesIO()
    c = _canvas(buf)
    c.setFont(FONT, 20)
    c.drawString(LEFT, 800, "某县教育局二〇二二年度项目支出绩效自")
    c.drawString(LEFT, 776, "评报告")
    c.setFont(FONT, SIZE)
    for k in range(4):
        c.drawString(LEFT + (2 * SIZE if k == 0 else 0), 740 - 20 * k, "正文内容" * 7 + ("。" if k == 3 else "正文"))
    c.showPage()
    c.save()
    paragraphs = _paragraphs(_read(buf.getvalue()))
    assert paragraphs[0].text == "某县教育局二〇二二年度项目支出绩效自评报告"
    assert paragraphs[0].style == "heading" and paragraphs[1].style is None and len(paragraphs) == 2


def test_slanted_watermark_is_dropped_but_right_angle_text_kept() -> None:
    buf = io.BytesIO()
    c = _canvas(buf)
    c.drawString(LEFT, 700, "正文内容。")
    for angle, text, x in ((45, "草稿", 300), (90, "竖排", 500)):
        c.saveState()
        c.translate(x, 400)
        c.rotate(angle)
        c.setFont(FONT, 40 if angle == 45 else SIZE)
        c.drawString(0, 0, text)
        c.restoreState()
    c.showPage()
    c.save()
    text = "".join(p.text for p in _paragraphs(_read(buf.getvalue())))
    assert "草" not in text and "稿" not in text
    assert "正文内容。" in text and "竖" in text and "排" in text


def _encrypted() -> bytes:
    buf = io.BytesIO()
    c = _canvas(buf, encrypt="secret")
    c.drawString(60, 700, "加密文件")
    c.showPage()
    c.save()
    return buf.getvalue()


def _image_only() -> bytes:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        image.putpixel((x, 50), (0, 0, 0))
    buf = io.BytesIO()
    c = _canvas(buf)
    for _ in range(2):
        c.drawImage(ImageReader(image), 50, 500, width=400, height=200)
        c.showPage()
    c.save()
    return buf.getvalue()


def test_owner_password_only_pdf_is_readable() -> None:
    """Restrictions without a user password (copy/print flags) do not stop reading."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    buf = io.BytesIO()
    c = _canvas(buf, encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0, canModify=0))
    c.drawString(60, 700, "只有所有者密码的文件。")
    c.showPage()
    c.save()
    assert [p.text for p in _paragraphs(_read(buf.getvalue()))] == ["只有所有者密码的文件。"]


@pytest.mark.parametrize(
    ("make", "error", "reason"),
    [
        (_encrypted, EncryptedFile, "encrypted"),
        (_image_only, NoTextLayer, "no-text-layer"),
        (lambda: _split_table_pdf()[:3000], CorruptFile, "corrupt-file"),
        (lambda: _split_table_pdf()[: len(_split_table_pdf()) // 2], CorruptFile, "corrupt-file"),
        (lambda: b"%PDF-1.7\n" + b"garbage " * 100 + b"\n%%EOF\n", CorruptFile, "corrupt-file"),
        (lambda: b"hello, not a pdf at all" * 10, CorruptFile, "corrupt-file"),
    ],
    ids=["encrypted", "image-only", "truncated-head", "truncated-half", "garbage-with-header", "not-a-pdf"],
)
def test_bad_input_raises_input_error(make, error: type[InputError], reason: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        _read(make())
    assert info.value.reason == reason


@pytest.mark.parametrize(
    ("prev", "glyph", "double"),
    [
        (Glyph("好", 10, 0, 22, 12), Glyph("好", 10.4, 0.2, 22.4, 12.2), True),  # fake bold
        (Glyph("1", 10, 0, 16, 12), Glyph("1", 16, 0, 22, 12), False),  # "11": the next digit
        (Glyph("好", 10, 0, 22, 12), Glyph("的", 10.4, 0, 22.4, 12), False),
        (Glyph("好", 10, 0, 22, 12), Glyph("好", 10, 20, 22, 32), False),  # same x, next line
    ],
)
def test_fake_bold_double(prev: Glyph, glyph: Glyph, double: bool) -> None:
    assert _fake_bold_double(prev, glyph) is double


def test_group_lines_breaks_on_marks_and_geometry() -> None:
    glyphs: list[Glyph | None] = [Glyph("甲", 10, 0, 22, 12), Glyph("乙", 22, 0, 34, 12), None,
                                  Glyph("丙", 10, 20, 22, 32), Glyph("丁", 10, 40, 22, 52),
                                  None, Glyph("远", 100, 40, 112, 52)]
    assert [line.text for line in group_lines(glyphs, 1)] == ["甲乙", "丙", "丁", "远"]


def test_group_lines_joins_runs_pdfium_split_on_one_line() -> None:
    """A change of font inside a line (为 65岁) gets a pdfium line mark; the line still goes on."""
    glyphs: list[Glyph | None] = [Glyph("为", 10, 0, 22, 12), None, Glyph(" ", 22, 1, 24, 12),
                                  Glyph("6", 24, 1, 30, 12), Glyph("5", 30, 1, 36, 12), None,
                                  Glyph("岁", 37, 0, 49, 12), None, Glyph("以", 10, 20, 22, 32)]
    assert [line.text for line in group_lines(glyphs, 1)] == ["为 65岁", "以"]


@pytest.mark.parametrize(
    ("before", "after", "sep"),
    [("完成", "率", ""), ("150M，", "每秒", ""), ("19.9", "6", ""), ("service", "level", " "), ("Windows", "10", " "),
     ("100", "%", ""), ("", "x", "")],
)
def test_line_separator(before: str, after: str, sep: str) -> None:
    assert line_separator(before, after) == sep


def test_seed_pdf() -> None:
    path = SEEDS / "seed.pdf"
    document = _read(path.read_bytes(), str(path))
    gold = json.loads((ACCEPTANCE / "seed.gold.json").read_text(encoding="utf-8"))
    names = [g["name"] for g in gold["goal_indicators"]]
    tables = _tables(document)
    assert len(tables) == 2
    header = ["一级目标", "二级目标", "三级目标", "目标值", "备注"]
    for table, row_count in zip(tables, (19, 9), strict=True):  # header row + body rows
        rows = [[cell.text for cell in row] for row in table.rows]
        assert rows[0][-5:] == header
        assert len(rows) == row_count
    assert tables[0].pages == [2, 3] and tables[1].pages == [3]
    third_level = [row[-3].text for table in tables for row in table.rows[1:]]
    assert third_level == names
    assert all(row[-4].text for table in tables for row in table.rows[1:])  # 二级目标 filled on every row
    assert document.source.pages == 9
    paragraphs = _paragraphs(document)
    budget = [p for p in paragraphs if p.text.startswith("预算执行情况分值 10 分，得分 10 分。")]
    assert budget and budget[0].page == 5
    assert not any("市远程办平台维护完成率" in p.text for p in paragraphs)
    run_on = [p for p in paragraphs if "兜底培训" in p.text]  # a paragraph running from page 4 to page 5
    assert len(run_on) == 1 and run_on[0].page == 4 and {line.page for line in run_on[0].lines} == {4, 5}


@pytest.mark.parametrize(
    ("text", "heading"),
    [("一、项目概况", True), ("（二）绩效分析", True), ("1、预算执行情况（10 分）", True), ("1.1 项目基本性质", True),
     ("第三章 结论", True), ("19.96 万元已全部支出", False), ("1、数量指标：全年拍摄 7 部。", False),
     ("党员电教片拍摄费", False), ("2021 年，市财政安排预算", False)],
)
def test_is_numbered_heading(text: str, heading: bool) -> None:
    from reportparse.readers.headings import is_numbered_heading

    assert is_numbered_heading(text) is heading


def test_text_layer_without_unicode_is_no_text_layer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fonts that map glyphs to private-use codes give a text layer of garbage: treated as none."""
    from reportparse.readers.pdf import document as pdf_module

    def garbage(textpage, frame):  # type: ignore[no-untyped-def]
        return [Glyph(chr(0xE000 + k), 10 + 12 * k, 10, 22 + 12 * k, 22) for k in range(20)]

    monkeypatch.setattr(pdf_module, "page_glyphs", garbage)
    monkeypatch.setattr(pdf_module, "ocr_available", lambda: False)  # with OCR the page is recognised (test_ocr)
    with pytest.raises(NoTextLayer):
        _read(_split_table_pdf())


@pytest.mark.parametrize(("code", "char"), [(0xF0B3, "≥"), (0xB3, "≥"), (0xF0A3, "≤"), (0xF041, None)])
def test_symbol_font_codes(code: int, char: str | None) -> None:
    from reportparse.readers.symbols import symbol_char

    assert symbol_char(code) == char


def _mutations(data: bytes, count: int, seed: int) -> list[bytes]:
    """Damaged copies of `data`: random bytes overwritten, the file cut short, a block zeroed."""
    import random

    rng = random.Random(seed)
    out = []
    for k in range(count):
        damaged = bytearray(data)
        if k % 3 == 0:
            for _ in range(rng.randint(1, 40)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        elif k % 3 == 1:
            damaged = damaged[: rng.randrange(len(damaged))]
        else:
            start, size = rng.randrange(len(damaged)), rng.randint(10, 4000)
            damaged[start:start + size] = bytes(len(damaged[start:start + size]))
        out.append(bytes(damaged))
    return out


def test_damaged_pdfs_never_raise_anything_but_input_errors() -> None:
    for damaged in _mutations(_split_table_pdf(), 30, seed=5):
        with contextlib.suppress(InputError):
            _read(damaged)
