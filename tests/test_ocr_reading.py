"""Reading damaged scans, on synthetic input: print under a seal's ring kept, a table rule broken
under a seal bridged, figures and comparators a seal spoiled read back, a header cell misread by
one character put right, a table continued on a page that lies a little to one side."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reportparse.model import BBox, Cell, Document, Source, SourceFormat, Table
from reportparse.ocr import prepare, ruling
from reportparse.ocr.recognise import OcrChar
from reportparse.ocr.repair import repair_line
from reportparse.readers.pdf.tables import TablePart, same_columns
from reportparse.readers.scanned import repair_header_cells


def test_print_under_a_seal_keeps_dark_where_the_jpeg_bleached_its_red_channel() -> None:
    """A JPEG keeps colour at half resolution: black print under a seal's ring takes the ring's colour
    and is bright in the red channel (here (110, 0, 0)); its brightness still tells it from the ink."""
    page = Image.new("RGB", (120, 40), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 59, 39), fill=(205, 30, 35))  # seal ink on paper
    draw.rectangle((60, 0, 89, 39), fill=(110, 0, 0))  # print under the ring, its colour bleached
    draw.rectangle((90, 0, 119, 39), fill=(20, 20, 20))  # print beside the seal
    gray = np.asarray(prepare.remove_colour(page)).astype(int)
    assert gray[:, 5:55].min() > 220  # the ink alone: paper
    assert gray[:, 65:85].max() < prepare.INK_LEVEL  # print under it: ink
    assert gray[:, 95:115].max() < 60


def _grid(gap: tuple[int, int]) -> list[ruling.Segment]:
    """A three-column, two-row ruled table (800×600) whose middle horizontal rule is broken over
    `gap` (x from, x to)."""
    page = Image.new("L", (800, 600), 255)
    draw = ImageDraw.Draw(page)
    for x in (100, 300, 500, 700):
        draw.line((x, 100, x, 400), fill=60, width=2)
    for y in (100, 400):
        draw.line((100, y, 700, y), fill=60, width=2)
    draw.line((100, 250, gap[0], 250), fill=60, width=2)
    draw.line((gap[1], 250, 700, 250), fill=60, width=2)
    return ruling.ruling_segments(np.asarray(page), 1.0)


def _middle_rules(segments: list[ruling.Segment]) -> list[tuple[int, int]]:
    """The (from, to) of the horizontal rules at the middle, to the nearest 10 pixels."""
    return sorted((round(s[0], -1), round(s[2], -1)) for s in segments if s[1] == s[3] and abs(s[1] - 250) < 4)


def test_a_rule_broken_under_a_seal_is_one_rule_again() -> None:
    """Both pieces stop in the middle of a cell (no crossing rule there): the seal hid the rest."""
    assert _middle_rules(_grid((240, 420))) == [(100, 700)]


def test_a_rule_interrupted_by_a_merged_cell_stays_interrupted() -> None:
    """The pieces end on the sides of the middle cell, which spans both rows: that is how the table
    is printed."""
    assert _middle_rules(_grid((300, 500))) == [(100, 300), (500, 700)]


def _line(text: str, confidence: float) -> list[OcrChar]:
    return [OcrChar(c, 10.0 * k, 0.0, 10.0 * k + 9, 12.0, confidence) for k, c in enumerate(text)]


def _text(line: list[OcrChar]) -> str:
    return "".join(c.char for c in line)


@pytest.mark.parametrize(("text", "confidence", "expected"), [
    (">100百分比", 0.42, "≥100百分比"),  # the bar under ≥ lost: an unsure > before a figure
    ("<90万元", 0.5, "≤90万元"),
    (">100百分比", 0.98, ">100百分比"),  # read surely: stays
    ("大于>号", 0.42, "大于>号"),  # no figure after it: stays
    ("SU", 0.46, "50"),  # 50 under a seal's ring
    ("1B", 0.6, "18"),
    ("T", 0.52, "1"),  # a 1 whose flag a seal's stroke hides
    ("1T", 0.7, "11"),
    ("IT", 0.95, "IT"),  # read surely: a word
    ("TAX", 0.5, "TAX"),  # A, X look like no figure
    ("GB", 0.97, "GB"),  # letters read surely stay letters
    ("SUM", 0.5, "SUM"),  # M looks like no figure: a word
    ("预算数为146，200.00元", 0.99, "预算数为146,200.00元"),  # a thousands comma read full width
    ("分别为12，345人", 0.99, "分别为12，345人"),  # no decimal part: may be a list
    ("1，2000.5", 0.99, "1，2000.5"),  # four figures after it: no thousands comma
])
def test_repair_line_comparators_and_figures(text: str, confidence: float, expected: str) -> None:
    repaired = repair_line(_line(text, confidence))
    assert _text(repaired) == expected
    assert [c.confidence for c in repaired] == [confidence] * len(text)  # still as unsure as read


def _cells(row: int, texts: list[str]) -> list[Cell]:
    return [Cell(text=t, row=row, col=k, page=1) for k, t in enumerate(texts)]


def _table(rows: list[list[str]], page: int = 1) -> Table:
    return Table(index=0, page=page, pages=[page], rows=[_cells(r, texts) for r, texts in enumerate(rows)])


def test_header_cells_misread_by_one_character_are_put_right_on_ocrd_pages() -> None:
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实*完成值", "分情", "得分"],
            ["产出指标", "数量指标", "分情", "≥50个", "50", "8", "8"]]  # a data row: left as it is
    source = Source(path="x.pdf", format=SourceFormat.PDF, sha256="0" * 64, pages=1)
    document = Document(source=source, elements=[_table(rows)])
    repair_header_cells(document, {1})
    table = document.elements[0]
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[0]] == ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
                                               "得分"]
    assert table.rows[1][2].text == "分情"
    untouched = Document(source=document.source, elements=[_table(rows)])
    repair_header_cells(untouched, set())  # a text page: nothing is guessed
    first = untouched.elements[0]
    assert isinstance(first, Table) and first.rows[0][5].text == "分情"


def _part(edges: list[float], page: int) -> TablePart:
    return TablePart(page=page, bbox=BBox(x0=edges[0], top=0, x1=edges[-1], bottom=10), col_edges=edges,
                     rows=[], origins=[])


def test_a_table_continued_on_a_page_lying_a_little_to_one_side() -> None:
    first = _part([50.9, 102.1, 151.7, 205.3, 324.9, 369.7, 415.0], 1)
    assert same_columns(first, _part([e + 3.5 for e in first.col_edges], 2))  # the page moved sideways
    assert not same_columns(first, _part([e + 30 for e in first.col_edges], 2))  # too far: another table
    widened = [*first.col_edges[:-1], first.col_edges[-1] + 8]
    assert not same_columns(first, _part(widened, 2))  # another column width


def _perspective(picture: Image.Image, far_edge: float) -> Image.Image:
    """`picture` as a phone sees it from above its near edge: the top edge `far_edge` shorter."""
    import cv2

    w, h = picture.size
    inset = w * far_edge / 2
    source = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    seen = np.array([[inset, h * 0.03], [w - inset, 0], [w, h], [0, h * 0.98]], dtype=np.float32)
    warp = cv2.getPerspectiveTransform(source, seen)
    return Image.fromarray(cv2.warpPerspective(np.asarray(picture), warp, (w, h), borderValue=(90, 80, 70)))


def test_a_photographed_sheet_is_cut_out_and_seen_square_on() -> None:
    sheet = Image.new("RGB", (600, 800), (235, 235, 230))
    ImageDraw.Draw(sheet).rectangle((60, 60, 540, 740), outline=(20, 20, 20), width=4)  # a table's frame
    desk = Image.new("RGB", (800, 1000), (90, 80, 70))
    desk.paste(sheet, (100, 100))
    flat = prepare.flatten_photo(_perspective(desk, far_edge=0.12))
    assert abs(flat.width / flat.height - 600 / 800) < 0.04
    pixels = np.asarray(flat.convert("L"))
    assert min(pixels[5, 5], pixels[5, -5], pixels[-5, 5], pixels[-5, -5]) > 180  # paper to the corners
    # the frame's left side is upright again: as far in at the top as at the bottom
    left = [int(np.argmax(pixels[round(flat.height * share), :] < 100)) for share in (0.2, 0.8)]
    assert abs(left[0] - left[1]) <= 4


def test_a_picture_that_is_all_page_is_left_as_it_is() -> None:
    page = Image.new("RGB", (600, 800), (235, 235, 230))
    ImageDraw.Draw(page).rectangle((60, 60, 540, 740), outline=(20, 20, 20), width=4)
    assert prepare.flatten_photo(page) is page


def test_a_pen_stroke_lifted_through_the_blue_channel_keeps_the_print_under_its_edges() -> None:
    """A signature whose edges cover the paper and the print they cross only in part (an anti-aliased
    stroke), read in the blue channel: the ink goes at every degree of cover, the print under it and
    beside it stays dark, and a page without colour has no such copy."""
    from PIL import ImageChops

    scale = 4  # drawn four times larger and shrunk: the stroke's edges cover a pixel in part
    big = Image.new("RGB", (600 * scale, 200 * scale), (250, 250, 250))
    draw = ImageDraw.Draw(big)
    for x in (60, 120, 180):  # printed strokes standing across the pen's path
        draw.rectangle((x * scale, 70 * scale, (x + 5) * scale, 130 * scale), fill=(30, 30, 30))
    stroke = Image.new("RGB", big.size, "white")
    ImageDraw.Draw(stroke).line([(10 * scale, 101 * scale), (230 * scale, 99 * scale)], fill=(30, 50, 160),
                                width=5 * scale)
    page = ImageChops.multiply(big, stroke).resize((600, 200), Image.Resampling.BOX)
    cleaned = prepare.without_colour(page)
    assert cleaned.pen is not None and cleaned.through_pen is not None
    lifted = np.asarray(cleaned.through_pen).astype(int)
    assert lifted[96:105, 15:50].min() > prepare.INK_LEVEL  # the stroke on paper: gone
    for x in (60, 120, 180):
        assert lifted[71:130, x + 1:x + 5].max() < prepare.INK_LEVEL  # each printed stroke: whole
    assert prepare.without_colour(page.convert("L")).through_pen is None  # a grey page has no pen to lift


def test_a_signed_name_is_read_where_the_scan_kept_its_colour() -> None:
    """The Tianchang acceptance form's first page as make_scans.py stamps and signs it, before its
    JPEG step: the signature crosses an indicator's name, which the page with the stroke filled in
    gives as '指标：全市安全M' (0.51) and the page lifted through the blue channel in full."""
    import importlib.util

    from reportparse.ocr.recognise import ocr_page, recognition_scale
    from tests.conftest import CORPORA

    spec = importlib.util.spec_from_file_location("make_scans", CORPORA / "scans" / "make_scans.py")
    assert spec is not None and spec.loader is not None
    make_scans = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_scans)
    stem = "anhui_tianchang_2022"
    pages = make_scans.render(CORPORA / "acceptance" / "forms" / f"{stem}.pdf", make_scans.SCAN_DPI)
    page = make_scans.damaged_pages(pages[:1], make_scans.rng_for(stem), photo=False)[0]
    width, height = (side * 72 / make_scans.SCAN_DPI for side in page.size)
    scale = recognition_scale(width, height)
    picture = page.resize((round(width * scale), round(height * scale)), Image.Resampling.BILINEAR)
    lines = ["".join(c.char for c in line) for line in ocr_page(picture, 1 / scale).lines]
    assert any(line.endswith("全市安全度汛") for line in lines), [line for line in lines if "安全" in line]


def _sealed_strokes(paper: int, print_gray: int, ring: str) -> Image.Image:
    """Thin printed strokes on paper of the given greys, a seal's ring (a band, or an arc of a circle)
    stamped over two of them (inks multiply), through a JPEG that keeps colour at half resolution."""
    import io

    from PIL import ImageChops

    base = Image.new("RGB", (160, 90), (paper,) * 3)
    draw = ImageDraw.Draw(base)
    for x in (60, 64, 120):  # the last stands beside the ring
        draw.rectangle((x, 20, x + 1, 70), fill=(print_gray,) * 3)
    ink = Image.new("RGB", base.size, "white")
    if ring == "band":
        ImageDraw.Draw(ink).rectangle((0, 41, 75, 48), fill=(215, 45, 55))
    else:  # the ring's lower left: an arc whose bottom crosses the strokes at y 41-48
        ImageDraw.Draw(ink).ellipse((-60, -120, 100, 48), outline=(200, 40, 60), width=8)
    stamped = ImageChops.multiply(base, ink)
    buffer = io.BytesIO()
    stamped.save(buffer, "JPEG", quality=75, subsampling=2)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


@pytest.mark.parametrize(("paper", "print_gray", "ring"), [(218, 90, "band"), (250, 30, "band"), (218, 90, "arc"),
                                                           (235, 60, "arc")])
def test_print_under_a_seal_ring_comes_back_with_the_ink_divided_out(paper: int, print_gray: int, ring: str) -> None:
    """On a photo's grey paper the print under a ring is hardly darker than the ring's ink, and
    lifting the ring lightens it too; dividing the ink out of the brightness gives it back at about
    its own darkness, while the ring alone becomes paper. A page without red has no such copy."""
    page = _sealed_strokes(paper, print_gray, ring)
    cleaned = prepare.without_colour(page)
    assert cleaned.seal is not None and cleaned.through_seal is not None
    divided = np.asarray(cleaned.through_seal).astype(int)
    lifted = np.asarray(cleaned.gray).astype(int)
    under = (slice(42, 48), [60, 61, 64, 65])  # the two strokes under the ring
    assert divided[under].max() < prepare.INK_LEVEL  # print under the ring: ink
    assert divided[under].max() <= lifted[under].max()  # never lighter than the lift left it
    alone = divided[42:48, 20:45]  # the ring alone: paper, but for faint traces where the JPEG's
    assert np.median(alone) > paper - 10  # coarse colour covers its edge in part
    assert (alone < prepare.INK_LEVEL).mean() < 0.1
    assert np.abs(divided[25:35, 120:122] - lifted[25:35, 120:122]).max() == 0  # print beside it: as it was
    assert prepare.without_colour(page.convert("L")).through_seal is None


@pytest.mark.parametrize(("text", "scores", "expected"), [
    ("10", [0.97, 0.96], True),
    ("1D", [0.97, 0.36], True),  # an unsure look-alike of 0 beside a figure
    ("12.5%", [0.9] * 5, True),
    ("1D", [0.97, 0.95], False),  # a sure letter is no figure
    ("B", [0.33], False),  # look-alikes alone: no figure to go on
    ("宠城", [0.63, 0.79], False),
    ("-f", [0.89, 0.35], False),
])
def test_a_reading_through_a_seal_counts_as_figures(text: str, scores: list[float], expected: bool) -> None:
    from reportparse.ocr.repair import reads_as_figures

    assert reads_as_figures(text, scores) is expected
    assert not reads_as_figures(text, [min(score, 0.5) for score in scores], sure=0.8)  # figures read unsurely


def _reading(text: str, scores: list[float]) -> tuple[str, float, list[object]]:
    """A recogniser's reading of one line as `text_rec` gives it: text, mean score and character info
    (one word, each character a column apart)."""
    if not text:
        return ("", 0.0, [10.0, [], [], [], []])
    return (text, float(np.mean(scores)), [10.0, [list(text)], [[2 + 3 * i for i in range(len(text))]],
                                           ["en&num"], list(scores)])


@pytest.mark.parametrize(("lifted", "divided", "expected"), [
    (("B", [0.33]), ("1D", [0.97, 0.36]), ["10"]),  # a score the ring spoiled: read through it
    (("10", [0.9, 0.5]), ("40", [0.85, 0.96]), ["10"]),  # each figure from the reading surer of it
    (("10", [0.69, 0.5]), ("40", [0.56, 0.96]), ["10"]),  # an unsure figure is not read through a seal
    (("S0", [0.12, 0.29]), ("300", [0.52, 0.85, 0.85]), []),
    (("完发", [0.19, 0.17]), ("宠城", [0.63, 0.79]), []),  # words are not read anew through a seal
    (("", []), ("-f", [0.89, 0.35]), []),  # nor a trace of its star
])
def test_a_line_under_a_seal_is_read_through_it_only_for_figures(
        monkeypatch: pytest.MonkeyPatch, lifted: tuple[str, list[float]], divided: tuple[str, list[float]],
        expected: list[str]) -> None:
    from reportparse.ocr import recognise

    page = np.full((60, 200, 3), 255, dtype=np.uint8)  # the page with the seal lifted
    through = np.full((60, 200, 3), 128, dtype=np.uint8)  # ... and with its ink divided out
    seal = np.zeros((60, 200), dtype=bool)
    seal[20:40, 50:110] = True
    readings = {255: _reading(*lifted), 128: _reading(*divided)}
    monkeypatch.setattr(recognise, "_read_line", lambda crop: readings[int(crop[0, 0, 0])])
    monkeypatch.setattr(recognise, "_reread", lambda crop, first: first)
    box = np.array([[60, 18], [100, 18], [100, 42], [60, 42]], dtype=np.float32)
    lines = recognise._recognise(page, [box], 1.0, [(seal, through, True)])
    assert ["".join(c.char for c in line) for line in lines] == expected


def _glyph_row(text: str, x: float, top: float) -> list[object]:
    from reportparse.readers.pdf.lines import Glyph

    return [*(Glyph(char, x + 6 * i, top, x + 6 * (i + 1), top + 10) for i, char in enumerate(text)), None]


@pytest.mark.parametrize(("lost", "values", "expected"), [
    ((2, 3), ["10", "10"], ["10", "10"]),  # a 分值 column: the rule between two rows lost under a seal
    ((1, 3), ["8", "12.5%", "5"], ["8", "12.5%", "5"]),  # three rows, figures of different kinds
    ((2, 3), ["10", "较好"], ["10较好", "10较好"]),  # not all figures: one merged cell, as printed
])
def test_a_cell_holding_a_figure_per_row_it_spans_is_one_cell_per_row(
        lost: tuple[int, int], values: list[str], expected: list[str]) -> None:
    """A three-column table of four rows (each 20 pt high) whose horizontal rules in the last column
    are missing between rows `lost` (from, to): a cell that spans those rows and holds one bare figure
    at the height of each row is a cell per row; any other text in it is one merged cell's."""
    from reportparse.readers.pdf.tables import find_page_tables

    xs, ys = (100.0, 200.0, 300.0, 400.0), (100.0, 120.0, 140.0, 160.0, 180.0)
    segments = [(x, ys[0], x, ys[-1]) for x in xs]
    for r, y in enumerate(ys):
        segments.append((xs[0], y, xs[2], y))
        if not lost[0] <= r < lost[1]:
            segments.append((xs[2], y, xs[3], y))
    glyphs: list[object] = []
    first = lost[0] - 1
    for r in range(4):
        glyphs += _glyph_row(f"行{r}", 110, ys[r] + 5)
        if first <= r < first + len(values):
            glyphs += _glyph_row(values[r - first], 310, ys[r] + 5)
    tables = find_page_tables(segments, glyphs, 1)  # type: ignore[arg-type]
    assert len(tables) == 1
    column = [row[2].text for row in tables[0].rows]
    assert column[first:first + len(values)] == expected
