"""OCR building blocks on synthetic pages: what needs OCR, seal removal, deskew, ruling lines,
the ocr-uncertain note, the no-text-layer message without the extra, and image input."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from reportparse.checks import LOW_CONFIDENCE, OCR_UNCERTAIN, mark_uncertain
from reportparse.model import Evidence, Finding, OcrPageInfo, Severity
from reportparse.ocr import INSTALL_COMMAND, prepare, ruling
from reportparse.pipeline import check
from reportparse.readers.pdf.lines import Glyph
from reportparse.readers.scanned import needs_ocr
from reportparse.render.pages import upright_picture
from tests.conftest import CORPORA

SCANS = CORPORA / "scans"


def glyphs(text: str) -> list[Glyph | None]:
    return [Glyph(c, 10.0 * i, 0.0, 10.0 * i + 9, 12.0) for i, c in enumerate(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("", True),  # no text layer at all
    ("□" * 40, True),  # an invisible OCR layer of placeholders
    ("\ue001\ue002" * 20, True),  # glyphs without Unicode values
    ("Ã¦Â±Â‡Ã¦Â€Â»Ã¨Â¡Â¨ Ã©Â¡Â¹Ã§Â›Â® Ã¥Â¹Â´Ã¥ÂºÂ¦", True),  # UTF-8 Chinese decoded as Latin-1
    ("项目支出绩效自评表（2022年度）年度预算执行情况，全年执行数12.5万元", False),
    ("Annual performance self-evaluation of project expenditure 2022", False),
    ("第3页", False),  # too little to judge: a page number is no garbage
])
def test_needs_ocr(text: str, expected: bool) -> None:
    assert needs_ocr(glyphs(text)) is expected


def test_remove_colour_fades_seal_and_signature_but_keeps_print_under_them() -> None:
    page = Image.new("RGB", (80, 20), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 19, 19), fill=(20, 20, 20))  # print
    draw.rectangle((20, 0, 39, 19), fill=(205, 30, 35))  # seal red on paper
    draw.rectangle((40, 0, 59, 19), fill=(30, 50, 160))  # signature blue on paper
    draw.rectangle((60, 0, 79, 19), fill=(25, 5, 5))  # print under the seal (inks multiply)
    gray = np.asarray(prepare.remove_colour(page))
    assert gray[:, :20].max() < 60
    assert gray[:, 20:60].min() > prepare.INK_LEVEL + 60  # far lighter than any print or rule
    assert gray[:, 60:].max() < 60


def test_a_pen_stroke_across_print_is_filled_in_and_the_print_it_crosses_kept() -> None:
    """A signature scribbled across a row: its ink (dark blue, too dark to fade, multiplied with the
    page) goes, while the print it crosses stays whole, both under the ink and beside it."""
    from PIL import ImageChops

    page = Image.new("RGB", (600, 200), (250, 250, 250))  # a part of a page: the pen is a small share of it
    draw = ImageDraw.Draw(page)
    for x in (60, 120, 180):  # three printed strokes standing across the pen's path
        draw.rectangle((x, 70, x + 5, 130), fill=(30, 30, 30))
    stroke = Image.new("RGB", page.size, "white")
    ImageDraw.Draw(stroke).line([(10, 104), (230, 96)], fill=(25, 35, 120), width=4)  # ballpoint navy
    page = ImageChops.multiply(page, stroke)
    gray = np.asarray(prepare.remove_colour(page)).astype(int)
    assert gray[94:107, 15:50].min() > prepare.INK_LEVEL  # the stroke on paper: gone
    for x in (60, 120, 180):
        assert gray[70:131, x + 1:x + 5].max() < prepare.INK_LEVEL  # each printed stroke: whole


def test_the_grey_trace_of_a_stroke_on_blank_paper_is_no_line_of_text() -> None:
    """Where a signature lay on blank paper, the detector still finds its faint trace (read as MMn);
    a line box with little ink left for the stroke taken out of it is dropped, a row of print that
    a stroke crosses is kept."""
    from reportparse.ocr.recognise import _scribble

    strokes = np.zeros((100, 300), dtype=bool)
    strokes[20:24, 10:290] = True  # the pen's path, taken out
    level = np.full((100, 300), 250, dtype=np.uint8)
    level[18:26, 10:290] = 200  # its grey trace
    level[14:30, 200:290:6] = 40  # print on the right half of the path

    def box(x0: int, x1: int) -> np.ndarray:  # type: ignore[type-arg]
        return np.array([[x0, 12], [x1, 12], [x1, 32], [x0, 32]], dtype=np.float32)

    assert _scribble(box(10, 150), strokes, level)
    assert not _scribble(box(190, 290), strokes, level)
    assert not _scribble(box(10, 150), np.zeros_like(strokes), level)  # no stroke: nothing to judge


def _text_page(angle: float) -> Image.Image:
    """Rows of character-sized blocks, like a page of Chinese text, rotated by `angle` degrees."""
    page = Image.new("L", (900, 1200), 255)
    draw = ImageDraw.Draw(page)
    for row in range(20):
        for col in range(25):
            if (row * 7 + col * 3) % 11:  # gaps, as between words and at line ends
                x, y = 100 + col * 28, 120 + row * 48
                draw.rectangle((x, y, x + 22, y + 24), fill=0)
    return page.rotate(angle, fillcolor=255)


@pytest.mark.parametrize("angle", [-4.5, -2.0, 3.0, 5.0])
def test_find_skew_levels_the_lines(angle: float) -> None:
    assert prepare.find_skew(_text_page(angle)) == pytest.approx(-angle, abs=0.3)


def test_find_skew_leaves_a_level_page() -> None:
    assert prepare.find_skew(_text_page(0.0)) == 0.0


def test_ruling_segments_find_a_grid_not_the_text() -> None:
    page = Image.new("L", (800, 600), 255)
    draw = ImageDraw.Draw(page)
    for y in (100, 200, 300):
        draw.line((100, y, 700, y), fill=90, width=2)  # grey, as thin rules come out of a JPEG
    for x in (100, 400, 700):
        draw.line((x, 100, x, 300), fill=90, width=2)
    for col in range(10):  # a line of text with strokes in one row: no rule
        draw.rectangle((120 + col * 26, 140, 140 + col * 26, 142), fill=0)
    rng = np.random.default_rng(1)
    noisy = np.clip(np.asarray(page, dtype=np.int16) + rng.normal(0, 12, (600, 800)), 0, 255).astype(np.uint8)
    segments = ruling.ruling_segments(noisy, 0.5)
    horizontal = sorted(s for s in segments if s[1] == s[3])
    vertical = sorted(s for s in segments if s[0] == s[2])
    assert [round(s[1]) for s in horizontal] == [50, 100, 150]
    assert [round(s[0]) for s in vertical] == [50, 200, 350]
    assert all(abs(s[0] - 50) <= 2 and abs(s[2] - 350) <= 2 for s in horizontal)


def _finding(confidence: float | None) -> Finding:
    return Finding(code="score-mismatch", severity=Severity.ERROR, message="得分与计算不符",
                   evidence=[Evidence(page=1, text="得分 9", confidence=confidence)])


def test_ocr_uncertain_note_on_low_confidence_evidence() -> None:
    assert mark_uncertain(_finding(LOW_CONFIDENCE - 0.1)).notes == [OCR_UNCERTAIN]
    assert mark_uncertain(_finding(0.99)).notes == []
    assert mark_uncertain(_finding(None)).notes == []  # text PDFs, DOCX ...


def test_an_unsure_figure_alone_makes_no_error() -> None:
    assert mark_uncertain(_finding(LOW_CONFIDENCE - 0.1)).severity == Severity.WARNING
    assert mark_uncertain(_finding(0.99)).severity == Severity.ERROR
    named = Finding(code="score-mismatch", severity=Severity.ERROR, message="得分与计算不符",
                    evidence=[Evidence(page=1, text="体检人数", confidence=0.5),
                              Evidence(page=1, text="得分 9", confidence=0.99)])
    assert mark_uncertain(named).severity == Severity.ERROR  # only the name is unsure: the figures hold


def test_upright_picture_undoes_rotation_and_skew() -> None:
    page = Image.new("RGB", (200, 100), (255, 255, 255))
    turned = upright_picture(page, OcrPageInfo(page=1, rotation=90, skew=2.0, confidence=0.9, width=100, height=200))
    assert turned.size == (100, 200)


@pytest.mark.parametrize("name", ["hf03_guizhou_noborder.scan.pdf", "hf03_guizhou_noborder.photo.jpg"])
def test_without_the_extra_a_scan_names_the_install_command(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import reportparse.ocr

    monkeypatch.setattr(reportparse.ocr, "available", lambda: False)
    result = check(SCANS / name)
    assert result.status == "failed"
    assert result.reason == "no-text-layer"
    assert result.message is not None and INSTALL_COMMAND in result.message


def test_png_without_resolution_turned_upside_down(tmp_path: Path) -> None:
    """A PNG (no dpi stated: taken as A4) photographed upside down: read upright, values intact."""
    photo = Image.open(SCANS / "hf01_sichuan_pdf.photo.jpg").rotate(180)
    buffer = io.BytesIO()
    photo.save(buffer, "PNG")
    path = tmp_path / "upside_down.png"
    path.write_bytes(buffer.getvalue())
    result = check(path)
    assert result.status == "ok", result.message
    assert result.source.format == "image"
    assert [info.rotation for info in result.source.ocr] == [180]
    assert any(note.startswith("ocr: 1 of 1 page") for note in result.notes)
    assert result.report is not None and result.report.projects
    project = result.report.projects[0]
    assert project.budget.planned is not None and project.budget.planned.value == 500000  # 50 万元, as the gold
    assert all(ev.confidence is not None for ev in project.budget.planned.evidence)


def test_image_that_is_no_image(tmp_path: Path) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = check(path)
    assert result.status == "failed"
    assert result.reason == "corrupt-file"


def test_garbage_text_layer_goes_to_the_recogniser(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose text layer is □□□ is read from its image instead; its text page is ignored."""
    from reportparse.ocr import recognise
    from reportparse.ocr.recognise import OcrChar, OcrPage
    from reportparse.readers.pdf import document as pdf_module

    def placeholders(textpage, frame):  # type: ignore[no-untyped-def]
        return [Glyph("□", 10 + 12 * k, 10, 22 + 12 * k, 22) for k in range(30)]

    def recognised(picture, points_per_pixel):  # type: ignore[no-untyped-def]
        text = "项目名称：乡村公路日常养护经费"
        line = [OcrChar(c, 50 + 12 * k, 60, 62 + 12 * k, 74, 0.95) for k, c in enumerate(text)]
        return OcrPage(width=picture.width * points_per_pixel, height=picture.height * points_per_pixel, lines=[line])

    monkeypatch.setattr(pdf_module, "page_glyphs", placeholders)
    monkeypatch.setattr(recognise, "ocr_page", recognised)
    monkeypatch.setattr(pdf_module, "ocr_available", lambda: True)
    from reportparse.readers import extract_document

    document = extract_document(SCANS / "hf03_guizhou_noborder.scan.pdf")
    texts = [e.text for e in document.elements if e.kind == "paragraph"]
    assert texts == ["项目名称：乡村公路日常养护经费"]
    assert [info.page for info in document.source.ocr] == [1]
    line = next(e for e in document.elements if e.kind == "paragraph").lines[0]
    assert line.confidence == 0.95


def test_ruling_keeps_rules_on_grey_unevenly_lit_paper() -> None:
    """A photo's paper is grey and darker at one side: rules are found against the paper around
    them, and the paper itself never becomes a rule."""
    page = Image.new("L", (800, 600), 255)
    draw = ImageDraw.Draw(page)
    for y in (100, 200, 300):
        draw.line((100, y, 700, y), fill=90, width=2)
    for x in (100, 400, 700):
        draw.line((x, 100, x, 300), fill=90, width=2)
    light = np.linspace(0.95, 0.7, 800)[None, :]  # grey paper, falling off to the right
    photo = (np.asarray(page, dtype=np.float32) * light).astype(np.uint8)
    segments = ruling.ruling_segments(photo, 1.0)
    assert sorted(round(s[1]) for s in segments if s[1] == s[3]) == [100, 200, 300]
    assert sorted(round(s[0]) for s in segments if s[0] == s[2]) == [100, 400, 700]


def test_ruling_carries_a_broken_vertical_rule_on_to_the_rule_it_meets() -> None:
    """A vertical rule that stops short of the header rule (a faint stretch under a seal) still
    reaches it, so the cell finder keeps the two header cells apart."""
    page = Image.new("L", (800, 600), 255)
    draw = ImageDraw.Draw(page)
    for y in (100, 200, 300):
        draw.line((100, y, 700, y), fill=60, width=2)
    for x in (100, 700):
        draw.line((x, 100, x, 300), fill=60, width=2)
    draw.line((400, 112, 400, 300), fill=60, width=2)  # stops 12 px short of the top rule
    segments = ruling.ruling_segments(np.asarray(page), 1.0)
    middle = next(s for s in segments if s[0] == s[2] and abs(s[0] - 400) < 3)
    assert middle[1] == pytest.approx(100, abs=2) and middle[3] == pytest.approx(300, abs=2)


def test_line_boxes_are_cut_at_a_vertical_rule_and_text_is_no_rule() -> None:
    from reportparse.ocr.recognise import _cut_at_rules, _not_text

    # the detector's one box over `8` and `8` of two neighbouring cells, a rule between them
    box = np.array([[400, 100], [470, 100], [470, 120], [400, 120]], dtype=np.float32)
    rules = [(435.0, 80.0, 435.0, 140.0), (405.0, 110.0, 465.0, 110.0), (300.0, 80.0, 600.0, 80.0)]
    pieces = _cut_at_rules([box], rules)
    assert len(pieces) == 2
    assert pieces[0][:, 0].max() < 435 < pieces[1][:, 0].min()
    # a horizontal run through the middle of the text line is its strokes; the rule above stays
    assert _not_text(rules, [box]) == [rules[0], rules[2]]


def test_pages_in_parallel_keep_their_order_and_bounded_memory() -> None:
    """ordered_map: results in input order, and the input is drawn at most one item ahead of the
    threads (a generator that renders a page per item holds a few bitmaps, not the document)."""
    import threading
    import time

    from reportparse.ocr.pool import ordered_map

    drawn = done = 0
    most_ahead = 0
    lock = threading.Lock()

    def pages():  # type: ignore[no-untyped-def]
        nonlocal drawn, most_ahead
        for k in range(40):
            with lock:
                drawn += 1
                most_ahead = max(most_ahead, drawn - done)
            yield k

    def work(k: int) -> int:
        nonlocal done
        time.sleep(0.002 * (k % 3))  # pages finish out of order
        with lock:
            done += 1
        return k * k

    assert list(ordered_map(work, pages(), workers=2)) == [k * k for k in range(40)]
    assert most_ahead <= 4


def test_workers_reading_side_by_side_share_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk's pool gives each worker its share of the cores for a scan's pages, so N workers run about
    one recogniser per core, not N; a batch worker passes on the count it is given; a count the user set is kept."""
    from reportparse.batch import worker
    from reportparse.ocr import pool

    monkeypatch.setattr(pool, "cores", lambda: 4)
    assert [pool.share_of_cores(n) for n in (1, 2, 3, 4, 8)] == [4, 2, 1, 1, 1]

    started: list[dict[str, str]] = []

    def popen(*args: object, env: dict[str, str], **kwargs: object) -> None:
        started.append(env)
        raise OSError("not started in this test")

    monkeypatch.setattr(worker.subprocess, "Popen", popen)
    monkeypatch.delenv(pool.WORKERS_ENV, raising=False)
    for told in (None, "3"):
        if told:
            monkeypatch.setenv(pool.WORKERS_ENV, told)
        with pytest.raises(OSError, match="not started"):
            worker.Sandbox(worker.WorkerSpec(profile="national-2020", memory_mb=0, ocr_threads=2))
    assert [env[pool.WORKERS_ENV] for env in started] == ["2", "3"]
    monkeypatch.setenv(pool.WORKERS_ENV, "2")
    assert pool.page_workers() == 2


def test_a_long_picture_is_read_in_page_high_strips() -> None:
    from reportparse.readers.image import A4_RATIO, page_strips

    width = 400
    long = Image.new("RGB", (width, round(2.6 * width * A4_RATIO)), "white")
    draw = ImageDraw.Draw(long)
    for y in range(30, long.height - 30, 24):  # lines of text with blank rows between them
        draw.rectangle((40, y, 360, y + 12), fill="black")
    strips = page_strips(long)
    assert len(strips) == 3
    assert sum(s.height for s in strips) == long.height
    for strip in strips[:-1]:  # each cut on a blank row: no text line is cut through
        bottom = np.asarray(strip.convert("L"))[-1]
        assert bottom.min() > 200
    assert len(page_strips(Image.new("RGB", (400, 566), "white"))) == 1  # an A4 page is one page


def test_an_unsure_lookalike_is_put_right_only_where_a_word_says_so() -> None:
    from reportparse.ocr.recognise import OcrChar
    from reportparse.ocr.repair import repair_line

    def line(text: str, confidence: float) -> list[OcrChar]:
        return [OcrChar(c, 10.0 * k, 0, 10.0 * k + 9, 12, 0.99 if c != "串" else confidence)
                for k, c in enumerate(text)]

    assert "".join(c.char for c in repair_line(line("年度资金支付完成串100%", 0.81))) == "年度资金支付完成率100%"
    repaired = repair_line(line("执行串", 0.85))
    assert repaired[-1].char == "率" and repaired[-1].confidence == 0.85  # still marked as unsure
    assert "".join(c.char for c in repair_line(line("完成串", 0.97))) == "完成串"  # read surely: left alone
    assert "".join(c.char for c in repair_line(line("一串钥匙", 0.5))) == "一串钥匙"  # no word of the table
    assert "".join(c.char for c in repair_line(line("成串100%", 0.81))) == "成率100%"  # 完 wrapped onto the line above
    assert "".join(c.char for c in repair_line(line("钥匙成串", 0.5))) == "钥匙成串"  # mid-line: a whole word


def test_short_lines_read_narrow_say_what_they_say_at_full_width() -> None:
    """A short line is first read padded to little more than its own width (the recogniser's cost
    grows with the padded width); what is kept of those readings says the same as the full-width
    reading, line for line, on a real scanned form page (its cells, headers and figures)."""
    import pypdfium2 as pdfium

    from reportparse.ocr import recognise

    pdf = pdfium.PdfDocument(str(SCANS / "hf01_sichuan_pdf.scan.pdf"))
    try:
        page = pdf[0]
        scale = recognise.recognition_scale(*page.get_size())
        picture = page.render(scale=scale).to_pil()
    finally:
        pdf.close()
    view = recognise._View.of(prepare.remove_colour(picture), 0)
    engine = recognise._engine()
    crops = engine.get_crop_img_list(view.bitmap, view.boxes)
    short = [c for c in crops if c.shape[1] / c.shape[0] * recognise.MODEL_HEIGHT < recognise.REC_INPUT_WIDTH / 2]
    assert len(short) > 40
    # not moot: padded to just their own width, some of these lines lose a character
    bare = [recognise._read_padded(c, -(-c.shape[1] * recognise.MODEL_HEIGHT // c.shape[0]))[0] for c in short]
    assert sum(n[0] != engine.text_rec([c], True)[0][0][0] for n, c in zip(bare, short, strict=True)) > 0
    for crop in short:
        assert recognise._read_line(crop)[0] == engine.text_rec([crop], True)[0][0][0]


def test_a_narrow_reading_unsure_of_what_it_left_out_is_read_again_at_full_width(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from reportparse.ocr import recognise

    crop = np.full((48, 96, 3), 255, dtype=np.uint8)
    lost_first = ("次", 0.96, [6.7, [["次"]], [[3]], ["cn"], [0.96]])
    full_width = ("0次", 0.75, [6.7, [["0"], ["次"]], [[1], [3]], ["en", "cn"], [0.51, 0.99]])

    class Recogniser:
        def __call__(self, crops: list[np.ndarray], word_boxes: bool) -> tuple[list[object], float]:
            return [full_width], 0.0

    class Engine:
        text_rec = Recogniser()

    monkeypatch.setattr(recognise, "_engine", lambda: Engine())
    # sure of its one character, but a gap column gave half its probability to a character: read again
    monkeypatch.setattr(recognise, "_read_padded", lambda crop, width: (lost_first, 0.54))
    assert recognise._read_line(crop) == full_width
    monkeypatch.setattr(recognise, "_read_padded", lambda crop, width: (lost_first, 0.01))
    assert recognise._read_line(crop) == lost_first  # sure of what it read and of what it left out: kept
    unsure = ("次", 0.9, [6.7, [["次"]], [[3]], ["cn"], [0.9]])
    monkeypatch.setattr(recognise, "_read_padded", lambda crop, width: (unsure, 0.01))
    assert recognise._read_line(crop) == full_width
