"""Builders of broken and hostile files from the spec's Bad input list, shared by the bad-input tests
and benchmarks/batch.py (which fills a batch folder with them)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path


def zip_bomb(path: Path) -> None:
    """A DOCX whose document.xml inflates to 1 GiB of zeros (about 1 MB on disk): far beyond any real report."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(1024):
                fh.write(chunk)


def image_only_pdf(path: Path) -> None:
    """A PDF whose one page is a picture: no text layer (a scan)."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buffer, format="PNG")
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 50, 600, 200, 100)
    c.showPage()
    c.save()


def encrypted_pdf(path: Path) -> None:
    """A password-protected PDF holding a report title."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), encrypt="secret")
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "项目支出绩效自评报告")
    c.showPage()
    c.save()
