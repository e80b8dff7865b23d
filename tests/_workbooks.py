"""Workbooks built in a test, saved to bytes and read back by the XLSX reader (shared by the XLSX tests)."""

from __future__ import annotations

import hashlib
import io
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
