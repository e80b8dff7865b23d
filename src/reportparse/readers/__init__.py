"""The extract stage: a file → a Document (pages of paragraphs and tables, with provenance).

`extract_document` passes the input gate (`read_input`: missing, symlink loop, permission,
directory, FIFO/device/socket, empty, too large — all decided from `stat` before anything is read)
and dispatches to one reader per format. Readers raise `InputError` subclasses for files they cannot
read; they never return an empty Document for a broken file.
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
    ".png": SourceFormat.IMAGE,
    ".jpg": SourceFormat.IMAGE,
    ".jpeg": SourceFormat.IMAGE,
    ".tif": SourceFormat.IMAGE,
    ".tiff": SourceFormat.IMAGE,
}
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
        "expected .pdf, .docx, .xlsx, .txt or an image (.png, .jpg, .tif)",
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
    if fmt is SourceFormat.IMAGE:
        from reportparse.readers.image import read_image

        return read_image
    from reportparse.readers.xlsx import read_xlsx

    return read_xlsx


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
