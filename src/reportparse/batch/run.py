"""`reportparse batch`: discover → run (local pool or Dask) → store as each file finishes → cross-check → outputs.

Layout of --out:
    json/<path>.json      one per input, exactly what `check --format json` prints for it
    pages/<path>.html     one review page per input (render/html.py)
    results.sqlite        documents, projects, indicators, findings (unless --db puts it elsewhere)
    findings.csv, indicators.csv, summary.xlsx, report.html   written at the end, from the store
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from reportparse.batch.discover import discover
from reportparse.batch.outputs import write_bytes_atomic, write_findings_csv, write_indicators_csv, write_report_html
from reportparse.batch.pool import run_local, start_workers
from reportparse.batch.store import Store
from reportparse.batch.worker import Closing, Outcome, Sandbox, Task, WorkerSpec
from reportparse.ocr.pool import cores

DEFAULT_TIMEOUT = 120.0
DEFAULT_MEMORY_MB = 2048


@dataclass
class BatchOptions:
    paths: list[Path]
    out: Path
    jobs: int = field(default_factory=cores)
    resume: bool = False
    timeout: float = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    db: Path | None = None
    scheduler: str | None = None
    profile: str = "national-2020"
    pages: bool = True  # write each document's review page
    progress: bool = True


@dataclass
class BatchSummary:
    inputs: int = 0
    skipped: int = 0
    already_done: int = 0  # finished in an earlier run of the batch (--resume)
    checked: int = 0  # finished in this run
    counts: dict[str, int] = field(default_factory=dict)  # documents by status
    findings: dict[str, int] = field(default_factory=dict)  # by severity
    seconds: float = 0.0
    database: Path | None = None


class NothingToCheck(Exception):
    """No PATH argument led to a file."""


def run_batch(options: BatchOptions) -> BatchSummary:
    """Run one batch; returns what it did. Bad files are results, never exceptions."""
    started = time.monotonic()
    out = options.out
    out.mkdir(parents=True, exist_ok=True)
    # each worker, local or on Dask, is one core's worth of work (a scan's pages read one after another): the
    # parallelism is the number of workers, `--jobs` (or the Dask cluster's threads). Reading a scan's pages on
    # every core, a single worker used 1.3 cores on the benchmark's 2,000 documents (498 CPU s in 378 s), so
    # `--jobs 1` was not one core's worth and `--jobs 2` could not double it
    spec = WorkerSpec(profile=options.profile, memory_mb=options.memory_mb, html=options.pages, ocr_threads=1)
    # local workers take a second to import and warm up: they start first, while the files are found and hashed
    workers = [] if options.scheduler else start_workers(spec, options.jobs)
    try:
        return _run(options, spec, workers, started)
    finally:
        for worker in workers:  # already stopped by the pool, unless it never ran (nothing to check, an error)
            worker.kill()


def _run(options: BatchOptions, spec: WorkerSpec, workers: list[Sandbox], started: float) -> BatchSummary:
    out = options.out
    inputs, skipped = discover(options.paths, exclude=out)
    if not inputs and not skipped:
        raise NothingToCheck("no file found under " + " ".join(str(p) for p in options.paths))
    database = options.db or out / "results.sqlite"
    store = Store(database, out, options.profile, options.resume)
    try:
        ids = store.register(inputs, skipped)
        done = store.done_ids() if options.resume else set()
        todo = [item for item in inputs
                if ids[item.path] not in done or not (out / "json" / f"{item.output}.json").exists()]
        # the largest files first: one started near the end would keep a worker busy while the others idle
        todo.sort(key=lambda item: -item.size)
        tasks = [Task(ids[item.path], item.path, item.output, item.sha256, item.regular) for item in todo]
        summary = BatchSummary(inputs=len(inputs), skipped=len(skipped), already_done=len(inputs) - len(tasks),
                               database=database)
        output_of = {task.doc_id: task.output for task in tasks}
        closer = None
        with _Progress(len(inputs), summary.already_done, options.progress) as progress:

            def finished(outcome: Outcome) -> None:
                name = output_of[outcome.doc_id]
                write_bytes_atomic(out / "json" / f"{name}.json", outcome.json_bytes)
                if outcome.html_bytes is not None:
                    write_bytes_atomic(out / "pages" / f"{name}.html", outcome.html_bytes)
                store.save(outcome.doc_id, outcome.records)
                summary.checked += 1
                progress.advance(outcome.records.document["status"] == "failed")

            if options.scheduler:
                from reportparse.batch.pool import run_dask

                run_dask(tasks, spec, options.timeout, options.scheduler, finished)
            else:
                closer = run_local(tasks, spec, options.jobs, options.timeout, finished, workers)
        closing = Closing(str(database), str(out), options.profile, options.pages)
        if closer is None or not closer.close_batch(closing):  # no local worker left, or it failed: done here
            _finish(store, out, options.pages)
        _count(store, summary)
    finally:
        store.close()
        if closer is not None:
            closer.stop()
    summary.seconds = time.monotonic() - started
    return summary


def close_batch(database: Path, out: Path, profile: str, pages: bool) -> None:
    """The batch's closing step on its own connection to the store (in a worker, `worker.Closing`)."""
    store = Store(database, out, profile, resume=True)  # resume: the same batch, kept as it is
    try:
        _finish(store, out, pages)
    finally:
        store.close()


def _finish(store: Store, out: Path, pages: bool) -> None:
    """Cross-report checks over the store, then the tables written from it."""
    from reportparse.batch.crosscheck import run_cross_checks
    from reportparse.batch.spreadsheet import write_summary_xlsx

    run_cross_checks(store)
    write_findings_csv(store, out / "findings.csv")
    write_indicators_csv(store, out / "indicators.csv")
    write_summary_xlsx(store, out / "summary.xlsx")
    write_report_html(store, out / "report.html", pages)


def _count(store: Store, summary: BatchSummary) -> None:
    for status, count in store.connection.execute(
            "SELECT status, COUNT(*) FROM documents WHERE batch_id = ? GROUP BY status", (store.batch_id,)):
        summary.counts[status] = count
    row = store.connection.execute("SELECT SUM(errors), SUM(warnings), SUM(infos) FROM documents WHERE batch_id = ?",
                                   (store.batch_id,)).fetchone()
    summary.findings = {"error": int(row[0] or 0), "warning": int(row[1] or 0), "info": int(row[2] or 0)}


class _Progress:
    """A rich progress bar on stderr: done of total, failed, documents per second, time left."""

    def __init__(self, total: int, done: int, enabled: bool) -> None:
        self.total, self.done, self.failed = total, done, 0
        self.enabled = enabled
        self.started = time.monotonic()
        self.checked = 0

    def __enter__(self) -> _Progress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("检查"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("失败 {task.fields[failed]}"), TextColumn("{task.fields[rate]} 份/秒"),
                                TextColumn("剩余"), TimeRemainingColumn(), console=Console(stderr=True),
                                transient=False)
            self.bar.start()
            self.task = self.bar.add_task("batch", total=self.total, completed=self.done, failed=0, rate="—")
        return self

    def advance(self, failed: bool) -> None:
        self.checked += 1
        self.failed += failed
        if self.enabled:
            rate = self.checked / max(time.monotonic() - self.started, 1e-9)
            self.bar.update(self.task, advance=1, failed=self.failed, rate=f"{rate:.1f}")

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()
