"""Image reader: a scan or phone photo (.png, .jpg, .tif with one page per frame) read by OCR.

Each frame is one page. Its size in points comes from the resolution the file states; a file
without one (a phone photo) is taken to be an A4 page across its short side. Frames are decoded,
recognised and released one at a time, so a 100-page TIFF needs the memory of one page. The
layout (lines, ruled and borderless tables) is the PDF reader's, from the recognised glyphs.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from reportparse.errors import CorruptFile, NoTextLayer, TooLarge
from reportparse.model import Document, Source
from reportparse.readers.pdf.document import layout_page, scanned_document
from reportparse.readers.pdf.layout import PageContent
from reportparse.readers.scanned import ocr_glyphs

if TYPE_CHECKING:
    from PIL import Image

    from reportparse.ocr.recognise import OcrPage

#: The short side of an A4 page in points: the size assumed for a picture that states no resolution.
A4_SHORT_SIDE = 595.0
#: A stated resolution below this is no scan's (a placeholder such as 1 or 72 dpi on a photo).
MIN_DPI = 75
#: No report runs longer; further frames of a huge TIFF are left out (and said so).
MAX_PAGES = 500


def read_image(path: Path, data: bytes, source: Source) -> Document:
    """Read an image file into a Document through OCR."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from reportparse.ocr import INSTALL_COMMAND, available

    if not available():
        raise NoTextLayer(f"{path}: an image has no text layer: it needs OCR: {INSTALL_COMMAND}", str(path))
    try:
        picture = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise TooLarge(f"{path}: the image is too large to decode ({exc})", str(path)) from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise CorruptFile(f"{path}: not a readable image ({exc})", str(path)) from exc
    notes: list[str] = []
    problems: list[str] = []
    pages: list[PageContent] = []
    scans: dict[int, OcrPage] = {}
    with picture:
        for index, frame in enumerate(ImageSequence.Iterator(picture)):
            if index >= MAX_PAGES:
                problems.append(f"frames after {MAX_PAGES} are left out")
                break
            try:
                page = _upright_frame(frame)
            except (OSError, ValueError) as exc:  # a truncated frame must not cost the others
                problems.append(f"page {index + 1} could not be decoded ({exc}); it is left out")
                pages.append(PageContent(number=index + 1, width=0.0, height=0.0, readable=False))
                continue
            scan = _recognise(page, _points_per_pixel(frame))
            scans[index + 1] = scan
            pages.append(layout_page(index, scan.width, scan.height, ocr_glyphs(scan.lines), scan.segments, notes))
    if not any(p.lines or p.tables for p in pages):
        raise NoTextLayer(f"{path}: OCR found no text in the image ({len(pages)} page(s))", str(path))
    return scanned_document(source, pages, scans, notes, problems)


def _upright_frame(frame: Image.Image) -> Image.Image:
    """The frame as RGB, turned as its EXIF orientation says (phone photos)."""
    from PIL import ImageOps

    turned = ImageOps.exif_transpose(frame)
    return (turned if turned is not None else frame).convert("RGB")


def _points_per_pixel(frame: Image.Image) -> float:
    dpi = frame.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if value >= MIN_DPI:
        return 72 / value
    return A4_SHORT_SIDE / max(1, min(frame.width, frame.height))


def _recognise(page: Image.Image, points_per_pixel: float) -> OcrPage:
    """OCR one page, first scaled to the recogniser's resolution when it is much finer."""
    from PIL import Image

    from reportparse.ocr.recognise import ocr_page, recognition_scale

    width_pt, height_pt = page.width * points_per_pixel, page.height * points_per_pixel
    target = recognition_scale(width_pt, height_pt)  # pixels per point
    if 1 / points_per_pixel > 1.25 * target:
        size = (max(1, round(width_pt * target)), max(1, round(height_pt * target)))
        page = page.resize(size, Image.Resampling.LANCZOS)
        points_per_pixel = width_pt / size[0]
    return ocr_page(page, points_per_pixel)
