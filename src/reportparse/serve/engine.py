"""The one place the desk has a file checked: `CheckEngine.submit(path, name) -> Future[Checked]`.

Files are checked in worker processes (a process pool started with `spawn`, since the server runs
threads), so a long PDF never blocks the event loop and several files are checked at once. The
worker also renders the document's review page, because that needs the source file (page images,
the passage around each quote); the page and the result name the file as the reviewer uploaded
it, not by its place in the temporary folder.
"""

from __future__ import annotations

import multiprocessing
import signal
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from reportparse.model import Result


@dataclass(frozen=True)
class Checked:
    """What checking one uploaded file gives the desk."""

    result: Result  # source.path is the uploaded name
    page_html: str  # the document's review page (render/html.py)


def check_upload(path: str, name: str, profile: str) -> Checked:
    """Check one stored upload and render its review page (runs in a worker). Never raises for bad input."""
    from reportparse.pipeline import check, failed_result
    from reportparse.render.context import gather_contexts
    from reportparse.render.html import render_html_document
    from reportparse.render.pages import DEFAULT_BUDGET, gather_page_images
    from reportparse.render.quoteboxes import gather_quote_boxes

    try:
        result = check(path, profile)
        images, contexts, boxes = gather_page_images(result, DEFAULT_BUDGET), gather_contexts(result), \
            gather_quote_boxes(result)
    except Exception as exc:  # a defect of ours on one file is a failed file, not a dead desk
        result = failed_result(Path(path), "internal-error",
                               f"{path}: internal error ({exc.__class__.__name__}: {exc})", profile)
        images, contexts, boxes = {}, {}, {}
    shown = _renamed(result, path, name)
    return Checked(shown, render_html_document([shown], [images], [contexts], [boxes]))


def _renamed(result: Result, path: str, name: str) -> Result:
    """The result as the reviewer knows the file: the uploaded name in place of the stored path."""
    source = result.source.model_copy(update={"path": name})
    message = result.message.replace(path, name) if result.message else result.message
    return result.model_copy(update={"source": source, "message": message,
                                     "problems": [p.replace(path, name) for p in result.problems],
                                     "notes": [n.replace(path, name) for n in result.notes]})


def _share_cores(threads: int) -> None:
    """In a new worker: read a scan's pages on `threads` threads, unless the user set a count."""
    import os

    from reportparse.ocr.pool import WORKERS_ENV

    os.environ.setdefault(WORKERS_ENV, str(threads))


class CheckEngine:
    """A pool of `jobs` worker processes that check uploads with `profile`."""

    def __init__(self, jobs: int, profile: str) -> None:
        self.jobs = max(1, jobs)
        self.profile = profile
        self._pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        from reportparse.ocr.pool import share_of_cores

        # the workers share the cores: each reads a scan's pages on its share (see ocr.pool)
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_share_cores, initargs=(share_of_cores(self.jobs),))

    def submit(self, path: Path, name: str) -> Future[Checked]:
        # A worker is started by the submitting thread, and inherits its signal mask: with SIGINT
        # blocked, the Ctrl-C that a terminal sends to the whole process group never reaches a
        # worker (one interrupted while starting would print a fatal error); the server stops them.
        unblocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            try:
                return self._pool.submit(check_upload, str(path), name, self.profile)
            except BrokenProcessPool:  # a worker died (its files are failed); the next files get a fresh pool
                self._pool = self._new_pool()
                return self._pool.submit(check_upload, str(path), name, self.profile)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, unblocked)

    def close(self) -> None:
        """Stop the workers at once: queued files are cancelled, a file being checked is abandoned (the
        server is stopping, and a file that hangs a reader must not keep it from stopping)."""
        # this pool's worker processes (Python 3.14 has terminate_workers(); before it, only this attribute)
        processes = dict(getattr(self._pool, "_processes", None) or {})
        self._pool.shutdown(wait=False, cancel_futures=True)
        for worker in processes.values():
            worker.terminate()
            worker.join(timeout=5)

