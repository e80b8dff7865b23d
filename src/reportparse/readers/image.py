"""Image reader: a scan or phone photo (.png, .jpg, .tif with one page per frame) read by OCR.

Each frame is one page, and a long picture (a form's pages stitched one under another, as a
phone shares a 长图) is cut into page-high strips. A page's size in points comes from the
resolution the file states; a file without one (a phone photo) is taken to be an A4 page across
its short side. Frames are decoded on the calling thread and recognised on the OCR pool's
(`ocr.pool`), a few at a time, so a 100-page TIFF needs the memory of a few pages. The layout
(lines, ruled and borderless tables) is the PDF reader's, from the recognised glyphs.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
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
#: A picture more than this many times as high as it is wide is a long picture, read in page-high strips.
LONG_PICTURE = 2.0
#: An A4 page's height over its width.
A4_RATIO = 297 / 210
#: A strip is cut on the blankest row within this share of a page's height of where a page would end.
CUT_WINDOW = 0.12
#: Darker than this (0-255) counts as ink when looking for a blank row to cut at.
INK_LEVEL = 150


def read_image(path: Path, data: bytes, source: Source) -> Document:
    """Read an image file into a Document through OCR."""
    from PIL import Image, UnidentifiedImageError

    from reportparse.ocr import INSTALL_COMMAND, available
    from reportparse.ocr.pool import ordered_map

    if not available():
        raise NoTextLayer(f"{path}: an image has no text layer: it needs OCR: {INSTALL_COMMAND}", str(path))
    try:
        picture = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:
        raise TooLarge(f"{path}: the image is too large to decode ({exc})", str(path)) from exc
    except UnidentifiedImageError as exc:  # (its text names the in-memory buffer's address: not for the user)
        raise CorruptFile(f"{path}: not a readable image (no PNG, JPEG or TIFF content)", str(path)) from exc
    except (OSError, ValueError) as exc:
        raise CorruptFile(f"{path}: not a readable image ({exc})", str(path)) from exc
    notes: list[str] = []
    problems: list[str] = []
    pages: list[PageContent] = []
    scans: dict[int, OcrPage] = {}
    with picture:
        # pages are recognised on the pool's threads while the next frames are decoded
        for index, scan in enumerate(ordered_map(_recognise, _pages(picture, problems))):
            if scan is None:
                pages.append(PageContent(number=index + 1, width=0.0, height=0.0, readable=False))
                continue
            scans[index + 1] = scan
            pages.append(layout_page(index, scan.width, scan.height, ocr_glyphs(scan.lines), scan.segments, notes,
                                          recognised=True))
    if not any(p.lines or p.tables for p in pages):
        raise NoTextLayer(f"{path}: OCR found no text in the image ({len(pages)} page(s))", str(path))
    return scanned_document(source, pages, scans, notes, problems)


def _pages(picture: Image.Image, problems: list[str]) -> Iterator[tuple[Image.Image, float] | None]:
    """Each page of the image with its points per pixel (None for a frame that cannot be decoded):
    a frame, or each page-high strip of a long picture."""
    from PIL import ImageSequence

    from reportparse.ocr.prepare import flatten_photo

    count = 0
    for index, frame in enumerate(ImageSequence.Iterator(picture)):
        try:
            page = flatten_photo(_upright_frame(frame))
        except (OSError, ValueError) as exc:  # a truncated frame must not cost the others
            problems.append(f"frame {index + 1} could not be decoded ({exc}); it is left out")
            count += 1
            yield None
            continue
        points_per_pixel = _points_per_pixel(page)
        for strip in page_strips(page):
            if count >= MAX_PAGES:
                problems.append(f"pages after {MAX_PAGES} are left out")
                return
            count += 1
            yield strip, points_per_pixel


def page_strips(page: Image.Image) -> list[Image.Image]:
    """A long picture (a 长图: a form's pages stitched one under the other, a scrolling screenshot)
    cut into strips about as high as an A4 page is for its width, each cut on the blankest row near
    where it falls, so no line of text is cut through. Any other picture is one page."""
    if page.height <= LONG_PICTURE * page.width:
        return [page]
    import numpy as np

    ink = (np.asarray(page.convert("L").resize((max(1, page.width // 4), page.height), resample=0)) < INK_LEVEL
           ).sum(axis=1)
    target = round(page.width * A4_RATIO)
    window = max(1, round(target * CUT_WINDOW))
    strips, top = [], 0
    while page.height - top > (1 + CUT_WINDOW) * target:
        low, high = top + target - window, min(page.height - 1, top + target + window)
        cut = low + int(np.argmin(ink[low:high + 1]))
        blank = cut
        while blank + 1 <= high and ink[blank + 1] == ink[cut]:
            blank += 1
        cut = (cut + blank + 1) // 2  # in the middle of the blank band, clear of both lines
        strips.append(page.crop((0, top, page.width, cut)))
        top = cut
    strips.append(page.crop((0, top, page.width, page.height)))
    return strips


def _upright_frame(frame: Image.Image) -> Image.Image:
    """The frame as RGB (grayscale kept as it is), turned as its EXIF orientation says (phone photos)."""
    from PIL import ImageOps

    turned = ImageOps.exif_transpose(frame)
    turned = turned if turned is not None else frame
    return turned.convert("L" if turned.mode in ("L", "1", "I;16") else "RGB")


def _points_per_pixel(frame: Image.Image) -> float:
    dpi = frame.info.get("dpi")
    try:
        value = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    if value >= MIN_DPI:
        return 72 / value
    return A4_SHORT_SIDE / max(1, min(frame.width, frame.height))


def _recognise(item: tuple[Image.Image, float] | None) -> OcrPage | None:
    """OCR one page (on a pool thread), first scaled to the recogniser's resolution when it is much finer."""
    from PIL import Image

    if item is None:
        return None
    page, points_per_pixel = item

    from reportparse.ocr.recognise import ocr_page, recognition_scale

    width_pt, height_pt = page.width * points_per_pixel, page.height * points_per_pixel
    target = recognition_scale(width_pt, height_pt)  # pixels per point
    if 1 / points_per_pixel > 1.25 * target:
        size = (max(1, round(width_pt * target)), max(1, round(height_pt * target)))
        page = page.resize(size, Image.Resampling.LANCZOS)
        points_per_pixel = width_pt / size[0]
    return ocr_page(page, points_per_pixel)
