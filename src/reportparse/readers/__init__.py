"""The extract stage: a file → a Document (pages of paragraphs and tables, with provenance).

`extract_document` checks the generic bad-input cases (missing, directory, empty, too large,
unknown format) and dispatches to one reader per format. Readers raise `InputError` subclasses
for files they cannot read; they never return an empty Document for a broken file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from reportparse.errors import EmptyFile, IsADirectory, MissingFile, TooLarge, UnknownFormat
from reportparse.model import Document, Source, SourceFormat

#: No real report comes near this; anything larger is refused before it is read.
MAX_FILE_BYTES = 200 * 1024 * 1024

SUFFIXES: dict[str, SourceFormat] = {
    ".pdf": SourceFormat.PDF,
    ".docx": SourceFormat.DOCX,
    ".xlsx": SourceFormat.XLSX,
    ".xlsm": SourceFormat.XLSX,
    ".txt": SourceFormat.TEXT,
    ".text": SourceFormat.TEXT,
}

Reader = Callable[[Path, bytes, Source], Document]


def detect_format(path: Path, head: bytes) -> SourceFormat:
    """Decide the format from the extension, falling back to the file's magic bytes."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is not None:
        return fmt
    if head.startswith(b"%PDF"):
        return SourceFormat.PDF
    raise UnknownFormat(
        f"{path}: unsupported file type {path.suffix or '(no extension)'!r}: expected .pdf, .docx, .xlsx or .txt",
        str(path),
    )


def _reader(fmt: SourceFormat) -> Reader:
    # imported lazily: reading a text file must not pay for pdfplumber or openpyxl
    if fmt is SourceFormat.TEXT:
        from reportparse.readers.text import read_text

        return read_text
    if fmt is SourceFormat.DOCX:
        from reportparse.readers.docx import read_docx

        return read_docx
    if fmt is SourceFormat.PDF:
        from reportparse.readers.pdf import read_pdf

        return read_pdf
    from reportparse.readers.xlsx import read_xlsx

    return read_xlsx


def extract_document(path: Path) -> Document:
    """Read `path` into a Document. Raises an InputError subclass for bad input."""
    if not path.exists():
        raise MissingFile(f"{path}: no such file", str(path))
    if path.is_dir():
        raise IsADirectory(f"{path}: is a directory, not a file", str(path))
    size = path.stat().st_size
    if size == 0:
        raise EmptyFile(f"{path}: the file is empty (0 bytes)", str(path))
    if size > MAX_FILE_BYTES:
        raise TooLarge(f"{path}: {size} bytes is beyond the {MAX_FILE_BYTES} byte limit", str(path))
    data = path.read_bytes()
    fmt = detect_format(path, data[:8])
    source = Source(path=str(path), format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return _reader(fmt)(path, data, source)
