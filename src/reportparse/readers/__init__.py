"""The extract stage: a file → a Document (pages of paragraphs and tables, with provenance).

`extract_document` passes the input gate (`read_input`: missing, symlink loop, permission,
directory, FIFO/device/socket, empty, too large — all decided from `stat` before anything is read)
and dispatches to one reader per format. Readers raise `InputError` subclasses for files they cannot
read; they never return an empty Document for a broken file.

The extension names the family (word processor, spreadsheet, PDF, text); the first bytes say
what the file really holds, because Word and WPS save old formats under new names and back:
a .docx that is a Word 97 file, an .xls that is an HTML table, a .wps that is a plain .doc.
Binary Excel (.xls, WPS's .et) is read directly; binary Word (.doc, .wps), RTF and HTML/XML
office files go through LibreOffice (`convert`), and the Document keeps the original file as
its source, so every quote still names the file the reviewer received.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reportparse.errors import (
    CorruptFile,
    EmptyFile,
    InputError,
    IsADirectory,
    MissingFile,
    NotARegularFile,
    PermissionDenied,
    SymlinkLoop,
    TooLarge,
    UnknownFormat,
)
from reportparse.model import Document, Source, SourceFormat

#: No real report comes near this; anything larger is refused before it is read.
MAX_FILE_BYTES = 200 * 1024 * 1024
_HASH_CHUNK = 1024 * 1024

SUFFIXES: dict[str, SourceFormat] = {
    ".pdf": SourceFormat.PDF,
    ".docx": SourceFormat.DOCX,
    ".xlsx": SourceFormat.XLSX,
    ".xlsm": SourceFormat.XLSX,
    ".txt": SourceFormat.TEXT,
    ".text": SourceFormat.TEXT,
    ".doc": SourceFormat.DOC,
    ".wps": SourceFormat.WPS,
    ".xls": SourceFormat.XLS,
    ".et": SourceFormat.ET,
    ".png": SourceFormat.IMAGE,
    ".jpg": SourceFormat.IMAGE,
    ".jpeg": SourceFormat.IMAGE,
    ".tif": SourceFormat.IMAGE,
    ".tiff": SourceFormat.IMAGE,
}
WORD_FORMATS = frozenset({SourceFormat.DOCX, SourceFormat.DOC, SourceFormat.WPS})
SHEET_FORMATS = frozenset({SourceFormat.XLSX, SourceFormat.XLS, SourceFormat.ET})

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Encrypted OOXML files are OLE containers holding an "EncryptionInfo" stream (UTF-16 name).
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_DESCRIPTION = {SourceFormat.DOCX: "a Word document", SourceFormat.DOC: "a Word 97-2003 document",
                SourceFormat.WPS: "a WPS Writer document", SourceFormat.XLSX: "an Excel workbook",
                SourceFormat.XLS: "an Excel 97-2003 workbook", SourceFormat.ET: "a WPS Spreadsheets workbook"}
#: Magic bytes of the image formats (a scan saved without its extension).
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")

_NOT_REGULAR = [(stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]

Reader = Callable[[Path, bytes, Source], Document]


def detect_format(path: Path, head: bytes) -> SourceFormat:
    """Decide the format from the extension, falling back to the file's magic bytes."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is not None:
        return fmt
    if head.startswith(b"%PDF"):
        return SourceFormat.PDF
    if head.startswith(IMAGE_MAGIC):
        return SourceFormat.IMAGE
    raise UnknownFormat(
        f"{path}: unsupported file type {path.suffix or '(no extension)'!r}: "
        "expected .pdf, .docx, .doc, .wps, .xlsx, .xls, .et, .txt or an image (.png, .jpg, .tif)",
        str(path),
    )


def content_kind(data: bytes) -> str:
    """What the first bytes say the file holds: zip, ole, pdf, rtf, markup (HTML/XML) or unknown."""
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    if data.startswith(b"%PDF"):
        return "pdf"
    text = data[:1024].lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    if text.startswith(b"{\\rtf"):
        return "rtf"
    if text[:1] == b"<" and any(tag in data[:4096].lower() for tag in (b"<html", b"<?xml", b"<table", b"workbook")):
        return "markup"
    return "unknown"


def _reader(fmt: SourceFormat) -> Reader:
    # imported lazily: reading a text file must not pay for pdfplumber or openpyxl
    if fmt is SourceFormat.TEXT:
        from reportparse.readers.text import read_text

        return read_text
    if fmt is SourceFormat.PDF:
        from reportparse.readers.pdf import read_pdf

        return read_pdf
    if fmt is SourceFormat.IMAGE:
        from reportparse.readers.image import read_image

        return read_image
    if fmt in WORD_FORMATS:
        return _read_word
    return _read_sheet


def _read_word(path: Path, data: bytes, source: Source) -> Document:
    """DOCX read directly; binary Word, RTF and HTML saved as Word go through LibreOffice."""
    from reportparse.readers.docx import read_docx

    kind = content_kind(data)
    if kind == "zip" or (kind == "unknown" and source.format is SourceFormat.DOCX) or _encrypted(data):
        document = read_docx(path, data, source)  # its own checks name a broken or encrypted DOCX
        return _noted(document, source, "DOCX", converted=False) if source.format is not SourceFormat.DOCX else document
    if kind == "pdf":
        return _as_pdf(path, data, source)
    if kind == "unknown":
        raise CorruptFile(f"{path}: not {_DESCRIPTION[source.format]} (unrecognised content)", str(path))
    from reportparse.readers.convert import convert

    converted = convert(path, data, "docx", _DESCRIPTION[source.format])
    return _noted(read_docx(path, converted, source), source, "DOCX", converted=True, kind=kind)


def _read_sheet(path: Path, data: bytes, source: Source) -> Document:
    """XLSX through openpyxl, binary Excel (.xls, .et) through xlrd, HTML/XML workbooks through LibreOffice."""
    from reportparse.readers.xlsx import read_xlsx

    kind = content_kind(data)
    if kind == "zip" or (kind == "unknown" and source.format is SourceFormat.XLSX) or _encrypted(data):
        document = read_xlsx(path, data, source)
        return _noted(document, source, "XLSX", converted=False) if source.format is not SourceFormat.XLSX else document
    if kind == "pdf":
        return _as_pdf(path, data, source)
    if kind == "ole":
        from reportparse.readers.xls import read_xls

        try:
            document = read_xls(path, data, source)
        except CorruptFile:
            # not BIFF that xlrd knows (an older Excel, a WPS-only workbook): LibreOffice may still read it
            from reportparse.readers.convert import find_soffice

            if find_soffice() is None:
                raise
        else:
            if source.format is SourceFormat.XLSX:
                return _noted(document, source, "XLS", converted=False)
            return document
    elif kind == "unknown":
        raise CorruptFile(f"{path}: not {_DESCRIPTION[source.format]} (unrecognised content)", str(path))
    from reportparse.readers.convert import convert

    converted = convert(path, data, "xlsx", _DESCRIPTION[source.format])
    return _noted(read_xlsx(path, converted, source), source, "XLSX", converted=True, kind=kind)


def _as_pdf(path: Path, data: bytes, source: Source) -> Document:
    from reportparse.readers.pdf import read_pdf

    document = read_pdf(path, data, source)
    return _noted(document, source, "PDF", converted=False)


def _encrypted(data: bytes) -> bool:
    """An encrypted OOXML file (an OLE container with an EncryptionInfo stream): the OOXML readers say so."""
    return data.startswith(OLE_MAGIC) and _ENCRYPTION_STREAM in data


_KIND_NAME = {"ole": "a binary Office file", "rtf": "an RTF file", "markup": "an HTML/XML file"}


def _noted(document: Document, source: Source, read_as: str, *, converted: bool, kind: str = "") -> Document:
    """Say in the notes how a file whose content differs from its extension was read."""
    ext = Path(source.path).suffix.lower() or source.format.value
    if converted:
        note = f"{ext} file ({_KIND_NAME.get(kind, kind)}) converted to {read_as} by LibreOffice to be read"
    else:
        note = f"{ext} file holds {read_as} content: read as {read_as}"
    return document.model_copy(update={"notes": [note, *document.notes]})


def extract_document(path: Path) -> Document:
    """Read `path` into a Document. Raises an InputError subclass for bad input."""
    data = read_input(path)
    fmt = detect_format(path, data[:8])
    source = Source(path=str(path), format=fmt, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return _reader(fmt)(path, data, source)


def read_input(path: Path) -> bytes:
    """The bytes of `path`, after the gate: what is not a readable regular file of a sane size is
    refused from `stat` before it is opened, and from `fstat` of the opened descriptor again (the
    path may have been swapped in between), so nothing here can block on a pipe or read without end."""
    with _open_gated(path) as handle:
        # one byte past the size the stat gave, to see a file that grew; never more than the limit
        size = os.fstat(handle.fileno()).st_size
        data = handle.read(min(size, MAX_FILE_BYTES) + 1)
    if len(data) > MAX_FILE_BYTES:  # grew past the limit since the stat
        raise TooLarge(f"{path}: beyond the {MAX_FILE_BYTES} byte limit", str(path))
    if not data:
        raise EmptyFile(f"{path}: the file is empty (0 bytes)", str(path))
    return data


def gate(path: Path) -> os.stat_result:
    """Refuse, from `stat` alone, every path that is no readable regular file of a sane size."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _stat_error(path, exc) from exc
    _check_stat(path, info)
    if not os.access(path, os.R_OK):  # honest for ordinary users; root passes and the open decides
        raise PermissionDenied(f"{path}: permission denied (the file may not be read by this user)", str(path))
    return info


def file_sha256(path: Path) -> str:
    """The digest of a file that passes the gate, read in chunks (memory stays flat for any size);
    "" for anything the gate refuses: a failed result must not hash a device or a huge file."""
    try:
        with _open_gated(path) as handle:
            digest = hashlib.sha256()
            for chunk in iter(lambda: handle.read(_HASH_CHUNK), b""):
                digest.update(chunk)
            return digest.hexdigest()
    except (InputError, OSError):
        return ""


def _open_gated(path: Path) -> BinaryIO:
    """Open `path` for reading once the gate passes it; the opened descriptor is checked again."""
    gate(path)
    try:
        # O_NONBLOCK: should the path have become a FIFO since the stat, opening it must not wait
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _stat_error(path, exc) from exc
    handle = os.fdopen(fd, "rb")  # buffered: read(n) returns n bytes unless at the end
    try:
        _check_stat(path, os.fstat(fd))
    except InputError:
        handle.close()
        raise
    return handle


def _check_stat(path: Path, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectory(f"{path}: is a directory, not a file", str(path))
    for test, kind in _NOT_REGULAR:
        if test(mode):
            raise NotARegularFile(f"{path}: is {kind}, not a regular file", str(path))
    if not stat.S_ISREG(mode):
        raise NotARegularFile(f"{path}: is not a regular file", str(path))
    if info.st_size == 0:
        raise EmptyFile(f"{path}: the file is empty (0 bytes)", str(path))
    if info.st_size > MAX_FILE_BYTES:
        raise TooLarge(f"{path}: {info.st_size} bytes is beyond the {MAX_FILE_BYTES} byte limit", str(path))


def _stat_error(path: Path, exc: OSError) -> InputError:
    """The InputError for an OSError met while looking up or opening `path`."""
    if exc.errno == errno.ELOOP:
        return SymlinkLoop(f"{path}: too many levels of symbolic links (a symlink loop)", str(path))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return PermissionDenied(f"{path}: permission denied (the file or a folder on its path may not be read)",
                                str(path))
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        if os.path.islink(path):
            return MissingFile(f"{path}: a symbolic link to {os.readlink(path)!r}, which does not exist", str(path))
        return MissingFile(f"{path}: no such file", str(path))
    if exc.errno == errno.ENAMETOOLONG:
        return MissingFile(f"{path}: the file name is too long", str(path))
    return InputError(f"{path}: cannot be read ({exc.strerror or exc})", str(path))
