"""Pages recognised in parallel, in bounded memory.

The recogniser runs its models with one thread per call (`recognise._engine`), and onnxruntime
releases the GIL while it works, so a document's pages are spread over threads of the reading
process: a multi-page scan checked alone uses every core the process may run on. Where several
processes check files side by side, each is given its share of the cores in `WORKERS_ENV`: the
desk's pool `share_of_cores`, so its few workers keep every core busy with a scan; a `batch` worker
one thread, since the batch's parallelism is its number of workers (`--jobs`). A page's reading
does not depend on the thread that reads it, so the outputs are the same for any count. The page
bitmaps are made on the calling thread (pdfium is not thread-safe) and at most one more page than
there are threads is in flight, so memory does not grow with the page count.
"""

from __future__ import annotations

import collections
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

In = TypeVar("In")
Out = TypeVar("Out")

#: The environment variable that sets how many pages one process recognises at a time.
WORKERS_ENV = "REPORTPARSE_OCR_THREADS"


def page_workers() -> int:
    """How many pages to recognise at a time: the cores this process may run on, unless told."""
    told = os.environ.get(WORKERS_ENV, "")
    if told.isdigit() and int(told) > 0:
        return int(told)
    return cores()


def share_of_cores(processes: int) -> int:
    """Page threads for each of `processes` processes that read files side by side on this machine's
    cores (at least one each)."""
    return max(1, cores() // max(1, processes))


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def ordered_map(work: Callable[[In], Out], items: Iterable[In], workers: int | None = None) -> Iterator[Out]:
    """`work` over `items` on `workers` threads, results in the order of `items`.

    `items` is consumed on the calling thread, one item ahead of the free threads: a generator that
    renders a page per item holds at most `workers + 1` bitmaps at a time."""
    workers = workers or page_workers()
    if workers <= 1:
        yield from map(work, items)
        return
    pending: collections.deque[Future[Out]] = collections.deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        try:
            for item in items:
                pending.append(pool.submit(work, item))
                if len(pending) > workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:  # the consumer stopped early (an error): drop what has not started
                future.cancel()
