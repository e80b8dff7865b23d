"""Locations a person can find: DOCX quotes by paragraph or table/row/column, pages only where known."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml import OxmlElement

from reportparse.model import Evidence, Finding, Paragraph, Result, Severity, Source, SourceFormat, Status
from reportparse.pipeline import check, extract
from reportparse.render.common import evidence_location, location, places
from reportparse.render.text import render_text

DATA = Path(__file__).resolve().parent / "data" / "formats"


def _docx(tmp_path: Path, rendered: bool) -> Path:
    doc = docx.Document()
    doc.add_paragraph("封面")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(1, 0).text = "拍摄数量"
    for text in ("第二段", "第三段"):
        run = doc.add_paragraph().add_run()
        if rendered:
            run._r.append(OxmlElement("w:lastRenderedPageBreak"))
        run._r.append(OxmlElement("w:t"))
        run._r[-1].text = text
    path = tmp_path / ("rendered.docx" if rendered else "plain.docx")
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def test_docx_paragraphs_are_numbered_in_the_body(tmp_path: Path) -> None:
    document = extract(_docx(tmp_path, rendered=False))
    paragraphs = [(e.text, e.index) for e in document.elements if isinstance(e, Paragraph)]
    assert paragraphs == [("封面", 0), ("第二段", 1), ("第三段", 2)]  # table cells are not counted
    assert document.source.pages_known is False


def test_rendered_page_breaks_make_pages_known(tmp_path: Path) -> None:
    document = extract(_docx(tmp_path, rendered=True))
    assert document.source.pages_known is True
    assert [e.page for e in document.elements if isinstance(e, Paragraph)] == [1, 2, 3]


def test_seed_docx_evidence_has_no_page_but_a_paragraph_or_a_cell(tmp_path: Path) -> None:
    """seed.doc (LibreOffice's copy of seed.docx, converted back) records no rendered breaks."""
    result = check(DATA / "seed.doc")
    assert result.source.pages_known is False
    evidence = [ev for f in result.findings for ev in f.evidence]
    assert evidence
    assert all(ev.page is None for ev in evidence)
    assert all(ev.paragraph is not None or (ev.table is not None and ev.row is not None) for ev in evidence)
    conflict = next(f for f in result.findings if f.code == "conflicting-actuals")
    assert "第" in conflict.message and "段" in conflict.message and "页" not in conflict.message
    report_evidence = [ev for p in result.report.projects for ev in p.evidence] if result.report else []
    assert all(ev.page is None for ev in report_evidence)


def test_location_words() -> None:
    assert location(3, 12) == "p.3 第12行"
    assert location(None, table=1, row=4, col=2) == "表2 第5行 第3列"
    assert location(4, table=1, row=4) == "p.4 表2 第5行"
    assert location(None, paragraph=11) == "第12段"
    assert location(1, sheet="自评表", cell="C7") == "自评表!C7"
    assert evidence_location(Evidence(page=None, text="x", table=0, row=2, col=1), with_col=False) == "表1 第3行"
    assert places([Evidence(page=3, text="a"), Evidence(page=1, text="b")]) == "1, 3"
    assert places([Evidence(page=None, text="a", paragraph=4)]) == "第5段"


def test_text_report_cites_the_paragraph_without_a_page() -> None:
    source = Source(path="r.docx", format=SourceFormat.DOCX, sha256="", pages=3, pages_known=False)
    finding = Finding(code="target-missed", severity=Severity.INFO, project=None, message="未达到目标",
                      evidence=[Evidence(page=None, text="全年拍摄 4 部", paragraph=16)])
    text = render_text([Result(source=source, status=Status.OK, profile="national-2020", findings=[finding])])
    assert "第17段" in text and "p." not in text
    assert "3 页" not in text  # a count of pages Word never laid out is not shown either


def test_messages_say_where_in_the_words_the_file_allows() -> None:
    from reportparse.checks import where_said

    evidence = [Evidence(page=2, text="a", paragraph=4), Evidence(page=3, text="b", table=1, row=6, col=2)]
    assert where_said(evidence, pages_known=True) == "，第2、3页"
    assert where_said(evidence, pages_known=False) == "，第5段、表2 第7行"
    assert where_said([Evidence(page=1, text="c")], pages_known=False) == ""
