"""The HTML review page: self-contained, escaped, evidence boxes on page images, contexts, projects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportparse.model import (
    Cell,
    Document,
    Evidence,
    Finding,
    Line,
    Paragraph,
    Severity,
    Source,
    SourceFormat,
    Table,
)
from reportparse.render.context import evidence_key, find_contexts
from reportparse.render.html import render_html, render_html_document, render_html_file
from reportparse.render.pages import evidence_pages, gather_page_images
from tests.render_samples import PAGE_H, PAGE_W, failed_result, make_pdf, quote_box, sample_result

#: a resource fetched from the network: src/href/url()/@import pointing at http(s) or a protocol-relative URL
REMOTE = re.compile(r"""(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//"""
                    r"""|@import""", re.IGNORECASE)


@pytest.fixture
def pdf_result(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The sample Result pointing at a real two-page PDF."""
    make_pdf(tmp_path / "report.pdf")
    return sample_result(str(tmp_path / "report.pdf"))


def test_file_is_self_contained_small_and_offline(pdf_result) -> None:  # type: ignore[no-untyped-def]
    page = render_html_file([pdf_result])
    assert REMOTE.search(page) is None
    assert "http://" not in page and "https://" not in page
    assert "default-src 'none'" in page  # the CSP forbids any network access
    assert len(page.encode()) < 5_000_000
    # each evidence page is embedded exactly once, as a data: URI
    for number in (1, 2):
        assert page.count(f".pg-0-{number}{{background-image:url(data:image/jpeg;base64,") == 1


def test_page_images_cover_only_evidence_pages_and_know_their_size(pdf_result) -> None:  # type: ignore[no-untyped-def]
    images = gather_page_images(pdf_result)
    assert sorted(images) == evidence_pages(pdf_result) == [1, 2]
    assert images[1].width_pt == pytest.approx(PAGE_W, abs=0.5)
    assert images[1].height_pt == pytest.approx(PAGE_H, abs=0.5)
    assert images[1].data[:2] == b"\xff\xd8"  # JPEG


def test_page_images_shrink_to_fit_the_budget(pdf_result) -> None:  # type: ignore[no-untyped-def]
    big = sum(len(i.data) for i in gather_page_images(pdf_result).values())
    small = gather_page_images(pdf_result, budget=big - 1)
    assert 0 < sum(len(i.data) for i in small.values()) < big


def test_evidence_box_is_placed_in_percent_of_the_page(pdf_result) -> None:  # type: ignore[no-untyped-def]
    page = render_html(pdf_result, gather_page_images(pdf_result))
    box = quote_box(2, "全年各类电教片拍摄 7 部")
    left = (box.x0 - 2) / PAGE_W * 100
    top = (box.top - 2) / PAGE_H * 100
    assert f"left:{left:.3f}%;top:{top:.3f}%" in page


def test_all_text_is_escaped() -> None:
    result = sample_result()
    hostile = "<script>alert(1)</script>"
    result.findings.append(Finding(code="vague-target", severity=Severity.INFO, project=hostile, indicator=hostile,
                                   message=hostile, evidence=[Evidence(page=1, text=hostile + " 12 项")]))
    page = render_html(result)
    assert hostile not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # only the page's own filter script


def test_rows_carry_filter_attributes_and_numbers_are_marked() -> None:
    page = render_html(sample_result())
    rows = re.findall(r'<tr class="finding"[^>]*>', page)
    assert len(rows) == len(sample_result().findings)
    assert 'data-severity="error" data-code="conflicting-actuals" data-project="党员电教片拍摄费"' in page
    # the alias-named finding is filed under the canonical project
    assert 'data-code="target-changed" data-project="党员电教片拍摄费"' in page
    assert '拍摄 <mark class="num">7</mark> 部' in page


def test_projects_show_claimed_and_recomputed_scores_with_mismatches_marked() -> None:
    page = render_html(sample_result())
    section = page[page.index("项目与指标"):]
    # 拍摄数量: claimed 15, recomputed 12 → marked; the budget score of 大组工网络维护费 recomputes to 9.71
    assert re.search(r'<tr class="mismatch"><td class="level">产出/数量</td><td>拍摄数量</td>.*?<td class="num">15</td>'
                     r'<td class="num">12</td><td class="bad">✗ 得分不符</td>', section)
    assert "重算得分 9.71 ✗" in section
    # every column of the score tables has a heading (the check column was once blank)
    for table in re.findall(r'<table class="(?:scores|indicators)"><thead>(.*?)</thead>', section):
        assert "<th></th>" not in table and "<th>核对</th>" in table
    assert "19.96 万元（199,600 元）" in section


def test_several_results_make_one_page_with_an_index() -> None:
    page = render_html_document([sample_result("a.docx", SourceFormat.DOCX), failed_result("b.pdf")])
    assert '<a href="#doc-0">a.docx</a>' in page and '<a href="#doc-1">b.pdf</a>' in page
    assert 'id="doc-1"' in page and "没有文字层" in page


def test_text_evidence_is_shown_in_its_passage_and_table_row() -> None:
    source = Source(path="r.txt", format=SourceFormat.TEXT, sha256="", pages=1)
    passage = "三、绩效分析。数量指标：全年各类电教片拍摄 7 部，均按时完成。"
    table = Table(index=0, page=1, rows=[
        [Cell(text=t, row=0, col=i, page=1) for i, t in enumerate(["三级指标", "指标值", "备注"])],
        [Cell(text=t, row=1, col=i, page=1) for i, t in enumerate(["拍摄数量", "≥5部", ""])]])
    document = Document(source=source, elements=[
        Paragraph(text=passage, page=1, lines=[Line(text=passage, page=1, line=30)], spans=[(0, len(passage))]),
        table])
    quote = Evidence(page=1, text="全年各类电教片拍摄 7 部", line=30)
    cell = Evidence(page=1, text="≥5部", table=0, row=1, col=1)
    contexts = find_contexts(document, [quote, cell])
    assert contexts[evidence_key(quote)].text == passage
    assert contexts[evidence_key(cell)].cells == ["拍摄数量", "≥5部", ""]
    result = sample_result("r.txt", SourceFormat.TEXT)
    result.findings[0].evidence = [quote, cell]
    page = render_html(result, contexts=contexts)
    assert '<span class="hit">全年各类电教片拍摄 <mark class="num">7</mark> 部</span>，均按时完成。' in page
    assert '<td class="hit">≥<mark class="num">5</mark>部</td>' in page
    assert "<th>三级指标</th>" in page


@pytest.mark.parametrize(
    ("child_weights", "marked"),
    [((20, 30), True),  # complete sub-levels whose scores (18 + 30) differ from the claimed 50
     ((20,), False)],  # a sub-level is missing: the sum proves nothing
)
def test_section_score_is_compared_with_complete_sub_levels(child_weights: tuple[int, ...], marked: bool) -> None:
    from decimal import Decimal

    from reportparse.model import ScoreLine

    result = sample_result()
    assert result.report is not None
    scores = [ScoreLine(level="产出", weight=Decimal(50), score=Decimal(50))]
    for name, weight in zip(("产出/数量", "产出/质量"), child_weights, strict=False):
        claimed = weight - 2 if weight == 20 else weight
        scores.append(ScoreLine(level=name, weight=Decimal(weight), score=Decimal(claimed)))
    result.report.projects[0].scores = scores
    page = render_html(result)
    row = re.search(r"<tr[^>]*><td>产出</td>.*?</tr>", page)
    assert row is not None
    assert ("✗" in row.group()) is marked


@pytest.mark.parametrize(
    ("text", "quote", "span"),
    [("拍摄 7 部。", "拍摄 7 部", (0, 6)),
     ("全年各类电教\n片拍摄7部", "全年各类电教片拍摄 7 部", (0, 12)),  # a repaired line break, other spacing
     ("满意度普遍较高", "满意度达 90%", None),
     ("任意", "   ", None)],
)
def test_quotes_are_found_in_their_passage_whatever_the_whitespace(text: str, quote: str,
                                                                   span: tuple[int, int] | None) -> None:
    from reportparse.render.html import _locate

    assert _locate(text, quote) == span


def test_coarse_boxes_are_narrowed_to_the_quote_one_box_per_line(tmp_path: Path) -> None:
    from reportparse.model import BBox
    from reportparse.render.quoteboxes import quote_boxes
    from tests.render_samples import PAGES

    data = make_pdf(tmp_path / "r.pdf").read_bytes()
    line = quote_box(2, PAGES[2][1])  # the whole line 数量指标：全年各类电教片拍摄 7 部。
    inner = Evidence(page=2, text="全年各类电教片拍摄 7 部", bbox=line)
    first, second = quote_box(1, PAGES[1][4]), quote_box(1, PAGES[1][5])
    spanning = Evidence(page=1, text="经费全部交回。\n二、绩效", bbox=BBox(x0=first.x0, top=first.top, x1=first.x1,
                                                                        bottom=second.bottom))
    missing = Evidence(page=2, text="不在此处的引文", bbox=line)
    found = quote_boxes(data, [inner, spanning, missing])
    [narrow] = found[evidence_key(inner)].lines
    [(number, [seven])] = found[evidence_key(inner)].numbers
    assert number == "7" and narrow.x0 < seven.x0 < seven.x1 <= narrow.x1
    expected = quote_box(2, "全年各类电教片拍摄 7 部")
    assert narrow.x0 == pytest.approx(expected.x0, abs=1.5) and narrow.x1 == pytest.approx(expected.x1, abs=1.5)
    assert narrow.top == pytest.approx(expected.top, abs=3) and narrow.bottom == pytest.approx(expected.bottom, abs=3)
    upper, lower = found[evidence_key(spanning)].lines
    assert upper.bottom <= lower.top and upper.x0 > first.x0 + 100 and lower.x1 < first.x1 - 100
    assert evidence_key(missing) not in found


def test_a_page_turned_in_a_viewer_is_shown_and_boxed_as_it_is_read(tmp_path: Path) -> None:
    """The reader turns such a page back (its text then reads upright); the page image and the
    quote boxes must follow, or the highlight misses its text."""
    import pypdfium2 as pdfium

    from reportparse.render.pages import render_pdf_pages
    from reportparse.render.quoteboxes import quote_boxes
    from tests.render_samples import PAGES

    data = make_pdf(tmp_path / "r.pdf").read_bytes()
    pdf = pdfium.PdfDocument(data)
    pdf[1].set_rotation(90)
    pdf.save(tmp_path / "turned.pdf")
    pdf.close()
    turned = (tmp_path / "turned.pdf").read_bytes()
    evidence = [Evidence(page=2, text="全年各类电教片拍摄 7 部", bbox=quote_box(2, PAGES[2][1]))]
    assert quote_boxes(turned, evidence) == quote_boxes(data, evidence) != {}
    [plain] = render_pdf_pages(data, [2], scale=0.5).values()
    [shown] = render_pdf_pages(turned, [2], scale=0.5).values()
    assert (shown.width_pt, shown.height_pt) == (plain.width_pt, plain.height_pt)
    assert (shown.width_pt, shown.height_pt) == pytest.approx((PAGE_W, PAGE_H))


def test_neighbouring_quotes_share_one_close_up(pdf_result) -> None:  # type: ignore[no-untyped-def]
    from tests.render_samples import ev

    pdf_result.findings = [Finding(code="target-changed", severity=Severity.WARNING, project="党员电教片拍摄费",
                                   message="目标被重述", evidence=[ev(2, "单集片长不少于 30 分钟"),
                                                                   ev(2, "电教片观看满意度普遍较高"),
                                                                   ev(1, "专题片 4 部")])]
    page = render_html(pdf_result, gather_page_images(pdf_result))
    assert page.count('<div class="band"') == 2
    assert page.count('<div class="box"') == 2 * 3  # each box drawn in the close-up and on the whole page


@pytest.mark.parametrize("scored", [True, False])
def test_indicator_score_columns_only_when_some_indicator_is_scored(scored: bool) -> None:
    result = sample_result()
    assert result.report is not None
    if not scored:
        for project in result.report.projects:
            for indicator in project.indicators:
                indicator.weight = indicator.score = indicator.recomputed_score = None
    page = render_html(result)
    assert ("<th class=\"num\">重算得分</th>" in page) is scored


def test_in_a_long_quote_the_figures_of_the_finding_are_pointed_at(pdf_result) -> None:  # type: ignore[no-untyped-def]
    from reportparse.model import BBox
    from reportparse.render.quoteboxes import gather_quote_boxes
    from tests.render_samples import PAGES

    upper, lower = quote_box(1, PAGES[1][2]), quote_box(1, PAGES[1][3])
    quote = Evidence(page=1, text=PAGES[1][2] + PAGES[1][3],
                     bbox=BBox(x0=upper.x0, top=upper.top, x1=max(upper.x1, lower.x1), bottom=lower.bottom))
    pdf_result.findings = [Finding(code="unexplained-balance", severity=Severity.WARNING, project="大组工网络维护费",
                                   message="预算 5.45 万元 − 执行 5.29 万元 = 0.16 万元，另一项目 10 万元",
                                   evidence=[quote])]
    page = render_html(pdf_result, gather_page_images(pdf_result), quote_boxes=gather_quote_boxes(pdf_result))
    # 5.45 and 5.29 get a figure box in the close-up and on the whole page; the common "10" does not
    assert page.count('<div class="box figure"') == 2 * 2
    assert page.count('<div class="box"') == 2 * 2  # the quote's two lines
    assert '<mark class="num focus">5.45</mark>' in page and '<mark class="num">10</mark>' in page


def test_a_poster_sized_page_is_rendered_at_a_bounded_size(tmp_path: Path) -> None:
    import io

    from PIL import Image
    from reportlab.pdfgen import canvas

    from reportparse.render.pages import MAX_SIDE, render_pdf_pages

    path = tmp_path / "poster.pdf"
    pdf = canvas.Canvas(str(path), pagesize=(4000, 3000))
    pdf.drawString(100, 100, "poster")
    pdf.save()
    [image] = render_pdf_pages(path.read_bytes(), [1, 2], scale=1.6).values()  # page 2 does not exist
    assert max(Image.open(io.BytesIO(image.data)).size) <= MAX_SIDE
    assert (image.width_pt, image.height_pt) == (4000, 3000)


def test_a_quoted_row_gets_the_column_headers_above_it_not_a_title_row() -> None:
    source = Source(path="f.xlsx", format=SourceFormat.XLSX, sha256="", pages=1)
    grid = [["附件："] * 5, ["项目支出绩效自评表"] * 5,
            ["项目资金", "年初预算数", "全年预算数", "全年执行数", "得分"],
            ["项目资金", "90", "89.974", "89.974", "10"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"],
            ["产出指标（50分）", "数量指标", "委托业务", "≥50个", "50"]]
    table = Table(index=0, page=1, sheet="Sheet1",
                  rows=[[Cell(text=t, row=r, col=c, page=1) for c, t in enumerate(cells)]
                        for r, cells in enumerate(grid)])
    document = Document(source=source, elements=[table])
    fund = Evidence(page=1, text="89.974", table=0, row=3, col=2, sheet="Sheet1", cell="C4")
    goal = Evidence(page=1, text="≥50个", table=0, row=5, col=3, sheet="Sheet1", cell="D6")
    title = Evidence(page=1, text="项目支出绩效自评表", table=0, row=1, col=0, sheet="Sheet1", cell="A2")
    contexts = find_contexts(document, [fund, goal, title])
    assert contexts[evidence_key(fund)].header == grid[2]
    assert contexts[evidence_key(goal)].header == grid[4]
    assert contexts[evidence_key(title)].header == []


def test_merged_cells_of_a_quoted_row_are_shown_once_with_a_colspan() -> None:
    from reportparse.render.context import Context
    from reportparse.render.html import _context

    context = Context(cells=["项目资金", "年度资金总额：", "年度资金总额：", "0", "0"],
                      merged=[True, True, True, False, False],
                      header=["项目资金", "", "", "年初预算数", "全年预算数"],
                      header_merged=[True, True, True, False, False])
    row = _context(context, Evidence(page=1, text="年度资金总额：", table=0, row=6, col=2), {2})
    assert '<td colspan="2" class="hit">年度资金总额：</td>' in row
    assert '<th colspan="3">项目资金</th><th>年初预算数</th>' not in row  # different texts are not one cell
    assert '<th>项目资金</th><th colspan="2"></th><th>年初预算数</th>' in row
    assert '<td><mark class="num">0</mark></td><td><mark class="num">0</mark></td>' in row  # equal, not merged
    assert row.count("<td") == 4
