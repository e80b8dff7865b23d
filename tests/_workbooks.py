"""Workbooks built in a test, saved to bytes and read back by the XLSX reader, or saved to a file and checked end
to end (shared by the XLSX tests)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reportparse.model import Document, Result, Source, SourceFormat
from reportparse.pipeline import check
from reportparse.readers.xlsx import read_xlsx


def fill(worksheet: Worksheet, rows: Sequence[Sequence[object]]) -> None:
    """`rows` written into the sheet from A1; a None leaves its cell empty."""
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                worksheet.cell(row=r, column=c, value=value)


def sheet(rows: Sequence[Sequence[object]], merges: Sequence[str] = ()) -> Workbook:
    """A workbook whose one sheet holds `rows` from A1 (a None leaves its cell empty), with `merges` ('A3:F3')."""
    workbook = Workbook()
    worksheet = workbook.active
    assert isinstance(worksheet, Worksheet)
    fill(worksheet, rows)
    for span in merges:
        worksheet.merge_cells(span)
    return workbook


def checked(tmp_path: Path, workbook: Workbook, name: str = "form.xlsx") -> Result:
    """The workbook saved as `name` and checked end to end."""
    path = tmp_path / name
    workbook.save(path)
    return check(path)


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
