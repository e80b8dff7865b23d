"""DOCX reader: document order, merged cells, page counting, headings, bad input."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest

from reportparse.errors import CorruptFile, EncryptedFile, InputError, ZipBomb
from reportparse.model import Document, Paragraph, Source, SourceFormat, Table
from reportparse.readers.docx import read_docx
from tests.conftest import ACCEPTANCE, SEEDS


def _read(data: bytes, name: str = "x.docx") -> Document:
    source = Source(path=name, format=SourceFormat.DOCX, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_docx(Path(name), data, source)


def _save(doc) -> bytes:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _merged_docx() -> bytes:
    """A heading, a paragraph, a 4x4 table with a horizontal and a vertical merge, a page break."""
    import docx
    from docx.enum.text import WD_BREAK

    doc = docx.Document()
    doc.add_heading("一、绩效目标", level=1)
    doc.add_paragraph("第一段文字。")
    table = doc.add_table(rows=4, cols=4)
    for r in range(4):
        for c in range(4):
            table.cell(r, c).text = f"r{r}c{c}"
    table.cell(0, 1).merge(table.cell(0, 2))  # horizontal: row 0, cols 1-2
    table.cell(1, 0).merge(table.cell(3, 0))  # vertical: rows 1-3, col 0
    table.cell(0, 1).text = "横向合并"
    table.cell(1, 0).text = "纵向合并"
    para = doc.add_paragraph("分页前")
    para.add_run().add_break(WD_BREAK.PAGE)
    para.add_run("分页后")
    second = doc.add_paragraph("第二行")
    second.add_run().add_break(WD_BREAK.LINE)
    second.add_run("换行后")
    return _save(doc)


def test_merged_cells_are_resolved() -> None:
    document = _read(_merged_docx())
    tables = [e for e in document.elements if isinstance(e, Table)]
    assert len(tables) == 1
    grid = [[cell.text for cell in row] for row in tables[0].rows]
    assert grid[0] == ["r0c0", "横向合并", "横向合并", "r0c3"]
    assert [row[0] for row in grid] == ["r0c0", "纵向合并", "纵向合并", "纵向合并"]
    merged = [[cell.merged for cell in row] for row in tables[0].rows]
    assert merged[0] == [False, False, True, False]
    assert [row[0] for row in merged] == [False, False, True, True]
    assert all(len(row) == 4 for row in grid)
    assert [(c.row, c.col) for c in tables[0].rows[2]] == [(2, 0), (2, 1), (2, 2), (2, 3)]


def test_order_headings_pages_and_lines() -> None:
    document = _read(_merged_docx())
    kinds = [e.kind for e in document.elements]
    assert kinds == ["paragraph", "paragraph", "table", "paragraph", "paragraph"]
    first = document.elements[0]
    assert isinstance(first, Paragraph) and first.style == "heading" and first.text == "一、绩效目标"
    assert document.source.pages == 2
    broken = document.elements[3]
    assert isinstance(broken, Paragraph)
    assert [(line.text, line.page) for line in broken.lines] == [("分页前", 1), ("分页后", 2)]
    last = document.elements[4]
    assert isinstance(last, Paragraph) and last.page == 2
    assert last.text == "第二行\n换行后"
    for line, (start, end) in zip(last.lines, last.spans, strict=True):
        assert last.text[start:end] == line.text


def test_page_break_before_and_section_break() -> None:
    import docx
    from docx.enum.section import WD_SECTION

    doc = docx.Document()
    doc.add_paragraph("第一页")
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_paragraph("第二页")
    p = doc.add_paragraph("第三页")
    p.paragraph_format.page_break_before = True
    document = _read(_save(doc))
    assert [(e.text, e.page) for e in document.elements if isinstance(e, Paragraph)] == [
        ("第一页", 1), ("第二页", 2), ("第三页", 3)]
    assert document.source.pages == 3


def test_nested_table_is_flattened_into_its_cell() -> None:
    import docx

    doc = docx.Document()
    outer = doc.add_table(rows=2, cols=2)
    outer.cell(0, 0).text, outer.cell(0, 1).text, outer.cell(1, 0).text = "外层", "值", "嵌套"
    inner = outer.cell(1, 1).add_table(rows=2, cols=3)
    for r in range(2):
        for c in range(3):
            inner.cell(r, c).text = f"内{r}{c}"
    tables = [e for e in _read(_save(doc)).elements if isinstance(e, Table)]
    assert len(tables) == 1  # the inner table is text of its cell, and its columns do not widen the grid
    assert [[cell.text for cell in row] for row in tables[0].rows] == [
        ["外层", "值"], ["嵌套", "内00 内01 内02\n内10 内11 内12"]]


def test_symbol_font_comparators_become_unicode() -> None:
    """Insert Symbol stores ≥ as a Symbol-font code (w:sym F0B3); it must read as ≥."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = docx.Document()
    run = doc.add_paragraph("满意度").add_run()
    sym = OxmlElement("w:sym")
    sym.set(qn("w:font"), "Symbol")
    sym.set(qn("w:char"), "F0B3")
    run._r.append(sym)
    doc.paragraphs[0].add_run("95%")
    paragraphs = [e for e in _read(_save(doc)).elements if isinstance(e, Paragraph)]
    assert paragraphs[0].text == "满意度≥95%"


def _numbered_docx() -> bytes:
    """Headings numbered by Word's list numbering: 一、 at level 0 and （一） at level 1."""
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.append(parse_xml(
        f'<w:abstractNum {w} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in [("项目概况", 0), ("基本性质", 1), ("绩效目标", 1), ("预算执行", 2), ("绩效情况", 0),
                        ("自评结论", 1)]:
        paragraph = doc.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))
    return _save(doc)


def test_list_numbering_is_rendered() -> None:
    paragraphs = [e for e in _read(_numbered_docx()).elements if isinstance(e, Paragraph)]
    assert [p.text for p in paragraphs] == ["一、项目概况", "（一）基本性质", "（二）绩效目标", "1. 预算执行",
                                            "二、绩效情况", "（一）自评结论"]
    assert paragraphs[0].style == "heading" and paragraphs[1].style == "heading"
    assert paragraphs[0].spans == [(0, len("一、项目概况"))]


@pytest.mark.parametrize(("value", "text"), [(1, "一"), (10, "十"), (12, "十二"), (20, "二十"), (105, "一百零五")])
def test_chinese_counting(value: int, text: str) -> None:
    from reportparse.readers.docxnumbering import chinese_number

    assert chinese_number(value) == text


def test_hidden_text_is_left_out() -> None:
    import docx

    doc = docx.Document()
    paragraph = doc.add_paragraph("可见")
    paragraph.add_run("隐藏").font.hidden = True
    paragraph.add_run("文字")
    assert [e.text for e in _read(_save(doc)).elements if isinstance(e, Paragraph)] == ["可见文字"]


def test_rendered_page_breaks_win_over_explicit_ones() -> None:
    """Word's lastRenderedPageBreak marks include soft breaks; explicit breaks are then not recounted."""
    import docx
    from docx.oxml import OxmlElement

    doc = docx.Document()
    doc.add_paragraph("第一页")
    for text in ("第二页", "第三页"):
        run = doc.add_paragraph().add_run()
        run._r.append(OxmlElement("w:lastRenderedPageBreak"))
        run._r.append(OxmlElement("w:t"))
        run._r[-1].text = text
    document = _read(_save(doc))
    assert [(e.text, e.page) for e in document.elements if isinstance(e, Paragraph)] == [
        ("第一页", 1), ("第二页", 2), ("第三页", 3)]
    assert document.source.pages == 3


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buf.getvalue()


def _bomb() -> bytes:
    # 210 MB of zeros deflate to about 200 KB: well under any disk limit, far over the size limit
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(210):
                member.write(chunk)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("make", "error", "reason"),
    [
        (lambda: b"this is plain text, not a docx", CorruptFile, "corrupt-file"),
        (lambda: _zip({"hello.txt": b"hi"}), CorruptFile, "corrupt-file"),
        (lambda: _merged_docx()[:2000], CorruptFile, "corrupt-file"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptionInfo".encode("utf-16-le"),
         EncryptedFile, "encrypted"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, CorruptFile, "corrupt-file"),
        (_bomb, ZipBomb, "zip-bomb"),
        (lambda: _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<not xml"}),
         CorruptFile, "corrupt-file"),
    ],
    ids=["not-zip", "zip-without-document", "truncated", "encrypted", "legacy-ole", "zip-bomb", "broken-xml"],
)
def test_bad_input_raises_input_error(make, error: type[InputError], reason: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        _read(make())
    assert info.value.reason == reason


def test_not_a_zip_message() -> None:
    with pytest.raises(CorruptFile, match="not a valid DOCX"):
        _read(b"PK but not really")


def _table_texts(table: Table) -> list[list[str]]:
    return [[cell.text.replace("\n", "") for cell in row] for row in table.rows]


def test_seed_docx() -> None:
    path = SEEDS / "seed.docx"
    document = _read(path.read_bytes(), str(path))
    gold = json.loads((ACCEPTANCE / "seed.gold.json").read_text(encoding="utf-8"))
    tables = [e for e in document.elements if isinstance(e, Table)]
    assert len(tables) == 2
    header = ["一级目标", "二级目标", "三级目标", "目标值", "备注"]
    names = [g["name"] for g in gold["goal_indicators"]]
    for table, row_count in zip(tables, (19, 9), strict=True):  # header row + body rows
        rows = _table_texts(table)
        assert rows[0][-5:] == header
        assert len(rows) == row_count
        assert all(len(row) == len(rows[0]) for row in rows)
    third_level = [row[-3] for table in tables for row in _table_texts(table)[1:]]
    assert third_level == names
    texts = [e.text for e in document.elements if isinstance(e, Paragraph)]
    assert any(t.startswith("预算执行情况分值 10 分，得分 10 分。") for t in texts)
    assert document.source.pages >= 1


def test_damaged_docx_never_raise_anything_but_input_errors() -> None:
    import random

    data = _merged_docx()
    rng = random.Random(3)
    for k in range(30):
        damaged = bytearray(data)
        if k % 2:
            damaged = damaged[: rng.randrange(len(damaged))]
        else:
            for _ in range(rng.randint(1, 40)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        with contextlib.suppress(InputError):
            _read(bytes(damaged))
