"""Discovery: the PATH arguments of `reportparse batch` → the inputs to check and the files skipped.

Folders are walked recursively (symbolic links to folders are not followed, so a link loop
cannot hang the walk); every file with a supported extension becomes an input, every other
file is listed as skipped with the reason. Nothing is opened here except regular files, which
are hashed for `--resume` and duplicate detection: a FIFO or device is recognised by `stat` and
never read. Inputs come out sorted by path, which is the order of every output.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

#: the formats a batch reads: every extension `check` reads (readers.SUFFIXES; a test keeps the two equal,
#: without the parent importing the readers and their models): PDF, Word (.docx, and .doc/.wps through
#: LibreOffice), spreadsheets (.xlsx/.xlsm, .xls/.et), text, and scans or photos read by OCR
BATCH_SUFFIXES = frozenset({".pdf", ".docx", ".doc", ".wps", ".xlsx", ".xlsm", ".xls", ".et", ".txt", ".text",
                            ".png", ".jpg", ".jpeg", ".tif", ".tiff"})
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Input:
    """One file of the batch: where it is, what to call its outputs, and its content hash."""

    path: str  # as discovered: the PATH argument joined with the parts below it
    output: str  # relative name of its outputs under --out (json/<output>.json, pages/<output>.html)
    sha256: str  # "" when the file cannot be hashed (not regular, unreadable)
    size: int
    regular: bool  # False for a FIFO, socket, device or unreadable path: not hashed (the worker's gate refuses it)


@dataclass(frozen=True)
class Skipped:
    """A path that is not checked, with a stable reason (kept in the results like a failed input)."""

    path: str
    reason: str  # unknown-format | missing-file
    message: str


def discover(paths: list[Path], exclude: Path | None = None) -> tuple[list[Input], list[Skipped]]:
    """Walk `paths` (files and folders) into sorted inputs and skipped files.

    `exclude` (the output folder) is never walked into, so a second batch over the same tree
    does not read the first one's outputs.
    """
    excluded = _real(exclude) if exclude is not None else None
    found: dict[str, os.stat_result | None] = {}
    skipped: dict[str, Skipped] = {}
    base = _common_base(paths)
    for root in paths:
        try:
            info = root.lstat()
        except OSError:
            skipped[str(root)] = Skipped(str(root), "missing-file", f"{root}: no such file or folder")
            continue
        if stat.S_ISDIR(info.st_mode) or (stat.S_ISLNK(info.st_mode) and root.is_dir()):
            _walk(root, excluded, found, skipped)
        else:
            _classify(root, found, skipped)
    inputs = [_input(Path(path), info, base) for path, info in sorted(found.items())]
    return inputs, sorted(skipped.values(), key=lambda s: s.path)


def _walk(root: Path, excluded: str | None, found: dict[str, os.stat_result | None],
          skipped: dict[str, Skipped]) -> None:
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if excluded is None or _real(Path(folder, d)) != excluded)
        for name in sorted(files):
            _classify(Path(folder, name), found, skipped)


def _classify(path: Path, found: dict[str, os.stat_result | None], skipped: dict[str, Skipped]) -> None:
    if path.suffix.lower() in BATCH_SUFFIXES:
        try:
            found[str(path)] = path.stat()  # follows a link to a file; never opens it
        except OSError:  # a broken link, a link loop, no permission: the worker's input gate names the reason
            found[str(path)] = None
    else:
        suffix = path.suffix or "(no extension)"
        skipped[str(path)] = Skipped(str(path), "unknown-format",
                                     f"{path}: skipped, {suffix!r} is no format reportparse reads"
                                     " (.pdf, .docx/.doc/.wps, .xlsx/.xls/.et, .txt, .png/.jpg/.tif)")


def _input(path: Path, info: os.stat_result | None, base: Path) -> Input:
    regular = info is not None and stat.S_ISREG(info.st_mode)
    return Input(path=str(path), output=output_name(path, base), sha256=file_sha256(path) if regular else "",
                 size=info.st_size if info is not None and regular else 0, regular=regular)


def output_name(path: Path, base: Path) -> str:
    """The input's path below the common base of the PATH arguments, as a relative POSIX path.

    Two inputs never share an output name because two files never share a path below one base.
    """
    try:
        relative = Path(os.path.abspath(path)).relative_to(base)
    except ValueError:  # not below the base (cannot happen for discovered files): keep the name
        relative = Path(path.name)
    return str(PurePosixPath(*relative.parts))


def _common_base(paths: list[Path]) -> Path:
    folders = [os.path.abspath(p) if p.is_dir() else os.path.dirname(os.path.abspath(p))
               for p in paths if os.path.lexists(p)]
    return Path(os.path.commonpath(folders)) if folders else Path.cwd()


def file_sha256(path: Path) -> str:
    """The content hash of a regular file, read in chunks; "" when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def _real(path: Path) -> str:
    return os.path.realpath(path)
