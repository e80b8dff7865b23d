"""The desk's session: uploads kept in a temporary folder, each file's status, its result and review page.

A file goes queued → checking → done (or failed, with the pipeline's stable reason). At most
`engine.jobs` files are handed to the engine at once, so `checking` means a worker has it. Every
change bumps `version`, which the page polls. Thread-safe: the engine's callbacks arrive on the
pool's thread, requests on the server's.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import BinaryIO

from reportparse.lazypattern import lazy_compile
from reportparse.model import Result, Status
from reportparse.serve.engine import Checked, CheckEngine

#: characters never kept in a stored file name: path separators, control characters, and what
#: some file systems refuse
_UNSAFE_NAME = lazy_compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")
MAX_NAME = 150


class FileStatus(StrEnum):
    QUEUED = "queued"
    CHECKING = "checking"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class DeskFile:
    """One uploaded file as the page shows it."""

    id: int
    name: str
    size: int
    status: FileStatus = FileStatus.QUEUED
    result: Result | None = None  # once checked; source.path is `name`
    reason: str | None = None  # failed: the stable reason
    message: str | None = None  # failed: the one-line explanation


def safe_name(name: str) -> str:
    """The uploaded name without any folder part or character a file system could trip on."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE_NAME.sub("_", base).strip(" .")
    if len(cleaned) > MAX_NAME:  # keep the extension: it tells the reader the format
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[: MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else cleaned[:MAX_NAME]
    return cleaned or "upload"


def _unused(name: str, taken: set[str]) -> str:
    """`name`, or `name (2)`, `name (3)` ... before the extension: every file of the desk has its own name
    in the lists and the tables."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, dot, ext = name, "", ""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem} ({number}){dot}{ext}"
    return candidate


class Desk:
    """The files of one server run, under `root` (a temporary folder the caller removes)."""

    def __init__(self, root: Path, engine: CheckEngine) -> None:
        self.root = root
        self.engine = engine
        self.version = 0
        self._files: dict[int, DeskFile] = {}
        self._paths: dict[int, Path] = {}
        self._waiting: deque[int] = deque()
        self._running = 0
        self._lock = threading.Lock()
        (root / "uploads").mkdir(parents=True, exist_ok=True)
        (root / "pages").mkdir(parents=True, exist_ok=True)

    # ---- uploads ------------------------------------------------------------------------------

    def add(self, name: str, content: BinaryIO) -> DeskFile:
        """Store one uploaded file and queue it for checking."""
        with self._lock:
            file_id = len(self._files) + 1
            shown = _unused(safe_name(name), {f.name for f in self._files.values()})
            self._files[file_id] = DeskFile(file_id, shown, 0)  # reserves the id and the name
        folder = self.root / "uploads" / str(file_id)
        folder.mkdir()
        path = folder / shown
        with open(path, "wb") as out:
            shutil.copyfileobj(content, out, 1024 * 1024)
        with self._lock:
            self._files[file_id] = replace(self._files[file_id], size=path.stat().st_size)
            self._paths[file_id] = path
            self._waiting.append(file_id)
            self._changed()
        self._pump()
        return self._files[file_id]

    # ---- checking -----------------------------------------------------------------------------

    def _pump(self) -> None:
        """Hand queued files to the engine while it has a free worker."""
        while True:
            with self._lock:
                if not self._waiting or self._running >= self.engine.jobs:
                    return
                file_id = self._waiting.popleft()
                self._running += 1
                entry = self._files[file_id] = replace(self._files[file_id], status=FileStatus.CHECKING)
                self._changed()
            try:
                future = self.engine.submit(self._paths[file_id], entry.name)
            except RuntimeError as exc:  # the pool was shut down: the server is stopping
                self._finish(file_id, None, f"{entry.name}: not checked ({exc})")
                continue
            future.add_done_callback(partial(self._done, file_id))

    def _done(self, file_id: int, future: Future[Checked]) -> None:
        if future.cancelled():
            self._finish(file_id, None, f"{self._files[file_id].name}: not checked (the server stopped)")
        elif (error := future.exception()) is not None:  # the worker process died (killed, out of memory)
            self._finish(file_id, None, f"{self._files[file_id].name}: the checking process ended "
                                        f"({error.__class__.__name__}: {error})")
        else:
            checked = future.result()
            (self.root / "pages" / f"{file_id}.html").write_text(checked.page_html, encoding="utf-8")
            self._finish(file_id, checked.result, None)
        self._pump()

    def _finish(self, file_id: int, result: Result | None, crash: str | None) -> None:
        with self._lock:
            self._running -= 1
            entry = self._files[file_id]
            if result is None:
                entry = replace(entry, status=FileStatus.FAILED, reason="worker-crashed", message=crash)
            elif result.status is Status.FAILED:
                entry = replace(entry, status=FileStatus.FAILED, result=result, reason=result.reason,
                                message=result.message)
            else:
                entry = replace(entry, status=FileStatus.DONE, result=result)
            self._files[file_id] = entry
            self._changed()

    def _changed(self) -> None:
        self.version += 1  # under the lock

    # ---- reading ------------------------------------------------------------------------------

    def files(self) -> tuple[int, list[DeskFile]]:
        """The version and every file, in upload order."""
        with self._lock:
            return self.version, [self._files[i] for i in sorted(self._files)]

    def get(self, file_id: int) -> DeskFile | None:
        with self._lock:
            return self._files.get(file_id)

    def page(self, file_id: int) -> Path | None:
        """The review page of a checked file."""
        page = self.root / "pages" / f"{file_id}.html"
        return page if page.is_file() else None

    def results(self) -> list[Result]:
        """The results of every checked file (failed ones too), in upload order."""
        return [f.result for f in self.files()[1] if f.result is not None]

    def write_download(self, name: str) -> Path:
        """Write the table `name` over every file checked so far; return its path (a fresh folder per call,
        so two downloads at once never share a file)."""
        from reportparse.serve.tables import write_table

        folder = Path(tempfile.mkdtemp(prefix="download-", dir=self.root))
        return write_table(name, folder, self.results())
