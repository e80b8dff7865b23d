"""Workbooks built in a test, saved to bytes and read back by the XLSX reader (shared by the XLSX tests)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook

from reportparse.model import Document, Source, SourceFormat
from reportparse.readers.xlsx import read_xlsx


def workbook_bytes(workbook: Workbook) -> bytes:
    """The workbook as an .xlsx file's bytes."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def read_xlsx_bytes(data: bytes, name: str = "book.xlsx") -> Document:
    """XLSX bytes read into a Document, as if from a file called `name`."""
    source = Source(path=name, format=SourceFormat.XLSX, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_xlsx(Path(name), data, source)


def padded_workbook(padding: int) -> bytes:
    """An empty workbook's .xlsx bytes with one extra member of `padding` zero bytes (xl/media/padding.bin):
    deflate squeezes zeros about 1000:1, so a large padding makes a zip bomb."""
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes(Workbook())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as padded:
        for info in source.infolist():
            padded.writestr(info, source.read(info.filename))
        padded.writestr("xl/media/padding.bin", b"\0" * padding)
    return out.getvalue()
