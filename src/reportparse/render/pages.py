"""Page images for the HTML review page (PDF pages, scanned images): only pages with evidence, within a size budget.

pypdfium2 renders a page to a bitmap; Pillow (a pdfplumber dependency) compresses it as JPEG.
Each page image records the page size in PDF points so the HTML can place evidence boxes in
percent of the page, independent of the resolution the page was rendered at.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reportparse.model import OcrPageInfo, Result, SourceFormat, Status
from reportparse.readers.pdf.lines import upright_textpage

if TYPE_CHECKING:
    from PIL import Image

#: the preferred scale (1.0 = 72 dpi) and the smallest still readable one
SCALE, MIN_SCALE = 1.6, 0.7
#: no rendered page is larger than this many pixels on its long side (a poster-sized page stays cheap)
MAX_SIDE = 1600
#: at most this many pages get a picture; further pages show their quotes only
MAX_PAGES = 60
JPEG_QUALITY = 68
#: the whole HTML file must stay under 5 MB; base64 grows images by 4/3, text and markup need room too.
DEFAULT_BUDGET = 3_300_000


@dataclass(frozen=True)
class PageImage:
    """One rendered page: the image bytes, their MIME type and the page size in PDF points."""

    data: bytes
    mime: str
    width_pt: float
    height_pt: float


def evidence_pages(result: Result) -> list[int]:
    """The 1-based pages that hold a finding's evidence box, in order."""
    return sorted({ev.page for f in result.findings for ev in f.evidence
                   if ev.bbox is not None and ev.page is not None and ev.page >= 1})


def render_pdf_pages(data: bytes, pages: Iterable[int], scale: float, quality: int = JPEG_QUALITY,
                     ocr: Sequence[OcrPageInfo] = ()) -> dict[int, PageImage]:
    """Render the given 1-based pages of a PDF to JPEG at `scale` (pages out of range are skipped).
    A page that was read by OCR is shown as the recogniser saw it: turned upright and deskewed,
    so the evidence boxes (in the upright page's points) sit on the text they quote."""
    import pypdfium2 as pdfium

    scanned = {info.page: info for info in ocr}
    images: dict[int, PageImage] = {}
    pdf = pdfium.PdfDocument(data)
    try:
        for number in pages:
            if not 1 <= number <= len(pdf):
                continue
            page = pdf[number - 1]
            try:
                # turned as the reader turned it, so evidence boxes land on their text
                textpage, _frame = upright_textpage(page)
                textpage.close()
                width, height = page.get_size()
                bitmap = page.render(scale=min(scale, MAX_SIDE / max(width, height, 1.0)))
                picture = bitmap.to_pil().convert("RGB")
                if number in scanned:
                    picture = upright_picture(picture, scanned[number])
                    width, height = scanned[number].width, scanned[number].height
                images[number] = _jpeg(picture, quality, width, height)
            finally:
                page.close()
    finally:
        pdf.close()
    return images


def render_image_pages(data: bytes, pages: Iterable[int], scale: float, ocr: Sequence[OcrPageInfo],
                       quality: int = JPEG_QUALITY) -> dict[int, PageImage]:
    """The given 1-based frames of an image file, upright and deskewed as OCR read them, at `scale`."""
    from PIL import Image, ImageOps

    scanned = {info.page: info for info in ocr}
    images: dict[int, PageImage] = {}
    with Image.open(io.BytesIO(data)) as source:
        for number in pages:
            info = scanned.get(number)
            if info is None:
                continue
            source.seek(number - 1)
            frame = ImageOps.exif_transpose(source) or source
            picture = upright_picture(frame.convert("RGB"), info)
            factor = min(scale, MAX_SIDE / max(info.width, info.height, 1.0))
            size = (max(1, round(info.width * factor)), max(1, round(info.height * factor)))
            images[number] = _jpeg(picture.resize(size, Image.Resampling.LANCZOS), quality, info.width, info.height)
    return images


def upright_picture(picture: Image.Image, info: OcrPageInfo) -> Image.Image:
    """The page turned by the right angle and then the skew that OCR applied to read it."""
    from PIL import Image

    if info.rotation:
        picture = picture.transpose({90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
                                     270: Image.Transpose.ROTATE_270}[info.rotation])
    if info.skew:
        picture = picture.rotate(info.skew, resample=Image.Resampling.BILINEAR, expand=False,
                                 fillcolor=(255, 255, 255))
    return picture


def _jpeg(picture: Image.Image, quality: int, width: float, height: float) -> PageImage:
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=quality, optimize=True)
    return PageImage(buffer.getvalue(), "image/jpeg", float(width), float(height))


def gather_page_images(result: Result, budget: int = DEFAULT_BUDGET) -> dict[int, PageImage]:
    """Page images of a PDF result's evidence pages, at the largest scale whose images fit `budget` bytes.

    A non-PDF, a failed result, or a source that can no longer be read gives no images (the
    HTML then shows the quotes alone): the review page is never lost for want of a picture.
    """
    if result.source.format not in (SourceFormat.PDF, SourceFormat.IMAGE) or result.status is Status.FAILED:
        return {}
    pages = evidence_pages(result)
    if not pages:
        return {}
    from reportparse.errors import InputError
    from reportparse.readers import read_input

    try:
        data = read_input(Path(result.source.path))  # through the input gate: the path may have changed
    except (InputError, OSError):
        return {}
    pages = pages[:MAX_PAGES]
    scale = SCALE
    for _attempt in range(3):
        try:
            if result.source.format is SourceFormat.IMAGE:
                images = render_image_pages(data, pages, scale, result.source.ocr)
            else:
                images = render_pdf_pages(data, pages, scale, ocr=result.source.ocr)
        except Exception:  # pdfium refuses the file: show quotes without pictures
            return {}
        size = sum(len(image.data) for image in images.values())
        if size <= budget or scale <= MIN_SCALE:
            break
        # JPEG bytes grow roughly with the pixel count, i.e. with the square of the scale
        scale = max(MIN_SCALE, scale * (budget / size) ** 0.5 * 0.9)
    if size <= budget:
        return images
    # Even the smallest scale is too big (a very long report): keep the pages that fit, in order.
    kept: dict[int, PageImage] = {}
    used = 0
    for number, image in images.items():
        if used + len(image.data) > budget:
            break
        kept[number] = image
        used += len(image.data)
    return kept
