"""Safety checks for Office Open XML containers (DOCX, XLSX) before any library opens them.

An OOXML file is a zip archive. Before python-docx or openpyxl inflate it we make sure it is a zip
at all, that it is not an encrypted Office file (those are OLE compound files, not zips), that it
would not expand into gigabytes (a zip bomb), and that the main part the format needs is present.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from reportparse.errors import CorruptFile, EncryptedFile, ZipBomb

#: Sum of uncompressed member sizes beyond which no real report goes.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
#: A member this large that compressed better than MAX_RATIO is a bomb, not a document.
RATIO_CHECK_MIN_BYTES = 10 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 20_000

#: What reading a damaged or unusual zip member can raise (bad deflate data, an unsupported
#: compression method, an encrypted member, a truncated archive ...).
ZIP_READ_ERRORS: tuple[type[Exception], ...] = (
    KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError, zlib.error,
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: Encrypted OOXML files are OLE containers holding an "EncryptionInfo" stream (UTF-16 name).
_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_OFFICE_DOCUMENT_REL = re.compile(
    rb'<Relationship\b[^>]*?Type="[^"]*/officeDocument"[^>]*?/?>', re.IGNORECASE
)
_TARGET = re.compile(rb'Target="([^"]+)"')


def open_ooxml(data: bytes, kind: str, default_main: str, path: str | None = None) -> zipfile.ZipFile:
    """Open `data` as a safe OOXML zip and return it; raise an InputError for anything else.

    `kind` ("DOCX", "XLSX") is used in messages, which start with `path` when it is given;
    `default_main` ("word/document.xml") is the main part expected when the package
    relationships do not name one.
    """
    where = f"{path}: " if path else ""
    if data.startswith(OLE_MAGIC):
        if _ENCRYPTION_STREAM in data:
            raise EncryptedFile(f"{where}the {kind} is password-protected (encrypted Office file)", path)
        raise CorruptFile(
            f"{where}not a valid {kind}: an OLE compound file (legacy Office 97-2003 format?), not a zip archive", path
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_READ_ERRORS as exc:
        raise CorruptFile(f"{where}not a valid {kind} (not a zip archive)", path) from exc
    _refuse_bomb(archive, kind, path)
    main = main_part_name(archive) or default_main
    if main not in archive.NameToInfo:
        raise CorruptFile(f"{where}not a valid {kind}: the zip archive has no {main}", path)
    return archive


def _refuse_bomb(archive: zipfile.ZipFile, kind: str, path: str | None) -> None:
    """Raise ZipBomb when the declared sizes of the members are absurd for a document."""
    where = f"{path}: " if path else ""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ZipBomb(f"{where}the {kind} holds {len(infos)} zip members: refused as a zip bomb", path)
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNCOMPRESSED_BYTES:
            raise ZipBomb(
                f"{where}the {kind} would expand to more than {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MB: "
                "refused as a zip bomb",
                path,
            )
        ratio = info.file_size // max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECK_MIN_BYTES and ratio > MAX_RATIO:
            raise ZipBomb(
                f"{where}the {kind} member {info.filename} compresses {ratio}:1: "
                "refused as a zip bomb",
                path,
            )


def main_part_name(archive: zipfile.ZipFile) -> str | None:
    """The main document part named by the package relationships (`_rels/.rels`), if any."""
    try:
        rels = archive.read("_rels/.rels")
    except ZIP_READ_ERRORS:
        return None
    if len(rels) > 1024 * 1024:
        return None
    match = _OFFICE_DOCUMENT_REL.search(rels)
    if not match:
        return None
    target = _TARGET.search(match.group(0))
    if not target:
        return None
    return target.group(1).decode("utf-8", "replace").lstrip("/")
