"""The worker: one long-lived child process that checks files one at a time, under limits.

A `Sandbox` is the parent's handle on such a child. The child imports the pipeline once, then
caps its own address space (`RLIMIT_AS`: its size after the imports plus `memory_mb`), says it is
ready, and answers each task with an `Outcome`: the per-file JSON and review page, and the rows
for the store. The parent enforces the time limit: it waits on the child's pipe with a deadline
and kills the child (SIGKILL) when the deadline passes, then starts a fresh one — a file that
hangs the reader (a pathological input, a FIFO opened by mistake) costs one worker, not the batch.

Children are new interpreters, not forks: the parent may run threads (the progress bar, a Dask
worker), and forking a threaded process is unsafe.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from reportparse.batch.records import FileRecords
from reportparse.lazypattern import lazy_compile
from reportparse.ocr.pool import WORKERS_ENV as OCR_THREADS_ENV

if TYPE_CHECKING:
    from reportparse.model import Document, Result

_MIB = 1024 * 1024
#: a busy worker that has used no CPU this long with its address space within _NEAR_CAP of its cap is
#: stuck on a refused allocation (see Sandbox.stuck_at_cap): stopped at once with reason `memory`
STUCK_SECONDS = 3.0
#: how often the parent looks at a busy worker's CPU time for that (reading /proc after every finished
#: file cost the parent as much as storing the file)
STUCK_POLL_SECONDS = 1.0
_OUT_OF_MEMORY = lazy_compile(r"memory allocation of \d+ bytes failed|MemoryError|Cannot allocate memory|out of memory",
                            re.IGNORECASE)
_NEAR_CAP = 64 * _MIB
#: the worker's threshold for the youngest generation of the garbage collector: checking a file makes a few
#: hundred thousand short-lived objects, and at Python's default (700 new objects) the collector ran four
#: times a document and took ~6 % of a worker's time; cycles are still collected, after 20,000 new objects
GC_THRESHOLD = 20_000
#: the thread pools of the native libraries a worker loads (OpenMP, OpenBLAS, MKL, OpenCV's parallel_for), each
#: sized to the machine's cores by default: a worker is one core's worth of work, the batch's parallelism is its
#: number of workers (measured on three scans: with them unset, three threads the libraries started beside the
#: worker's own took 0.5 % of its CPU; with them set there are none, and the outputs are byte for byte the same)
ONE_THREAD_LIBRARIES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OPENCV_FOR_THREADS_NUM")
#: what checking and rendering any file needs (the pipeline imports most of these lazily)
WARM_MODULES = ("reportparse.pipeline", "reportparse.readers.text", "reportparse.readers.docx",
                "reportparse.readers.pdf", "reportparse.readers.xlsx", "reportparse.parse", "reportparse.normalise",
                "reportparse.score", "reportparse.checks", "reportparse.render.json", "reportparse.render.html",
                "reportparse.render.pages", "reportparse.render.context", "reportparse.render.quoteboxes")


@dataclass(frozen=True)
class Task:
    """One file to check. `doc_id` is its row in the store."""

    doc_id: int
    path: str
    output: str
    sha256: str
    regular: bool


@dataclass(frozen=True)
class Closing:
    """The batch's closing step (batch.run.close_batch), asked of a worker done with its files: it has the
    check catalogue and openpyxl loaded already, which the parent would spend a third of a second importing."""

    database: str
    out: str
    profile: str
    pages: bool


@dataclass(frozen=True)
class WorkerSpec:
    """What every worker of a batch is set up with."""

    profile: str
    memory_mb: int  # address space a worker may grow by while reading one file; 0 = no cap
    html: bool = True  # also write each document's review page
    ocr_threads: int = 1  # pages of a scan a worker recognises at a time (0: one per core it may run on)


@dataclass
class Outcome:
    """What a worker returns for one file: its outputs already encoded (UTF-8), so the parent only writes them."""

    doc_id: int
    records: FileRecords
    json_bytes: bytes
    html_bytes: bytes | None


def check_file(task: Task, spec: WorkerSpec) -> Outcome:
    """Check one file and render its outputs (runs in the worker). Never raises for bad input."""
    from reportparse.pipeline import check_document, failed_result

    _stall_for_tests(task)
    document = None
    try:  # the pipeline's input gate refuses a FIFO, device, link loop ... by stat, before opening it
        result, document = check_document(task.path, spec.profile)
    except MemoryError:
        raise
    except Exception as exc:  # a defect of ours on one file is a failed file, not a lost batch
        if at_memory_cap():
            raise MemoryError(task.path) from exc
        result = failed_result(Path(task.path), "internal-error",
                               f"{task.path}: internal error ({exc.__class__.__name__}: {exc})", spec.profile)
    if _ran_out_of_memory(result):
        raise MemoryError(task.path)
    return render_outcome(task, result, spec, gather=True, document=document)


#: TEST-ONLY fault injection: a worker given a file whose name contains this variable's value hangs,
#: as a reader stuck inside a C library would, so tests and benchmarks/batch.py can show the watchdog
#: stopping it (since every stage is bounded, no real input within the limits hangs for long)
STALL_ENV = "REPORTPARSE_TEST_STALL"


def _stall_for_tests(task: Task) -> None:
    marker = os.environ.get(STALL_ENV)
    if marker and marker in Path(task.path).name:
        while True:
            time.sleep(3600)


def failed_outcome(task: Task, reason: str, message: str, spec: WorkerSpec) -> Outcome:
    """The outcome of a file its worker could not finish (timeout, memory, crash): built by the parent."""
    return render_outcome(task, _failed(task, reason, message, spec.profile), spec, gather=False)


def render_outcome(task: Task, result: Result, spec: WorkerSpec, gather: bool,
                   document: Document | None = None) -> Outcome:
    """The per-file JSON (as `check --format json`), the review page and the rows of a result. With `gather`
    the page shows the evidence in its place, from `document` (the file as the check read it) when given."""
    from reportparse.batch.records import file_records
    from reportparse.render.json import render_json

    page = None
    if spec.html:
        from reportparse.render.html import render_html, render_html_file

        page = (render_html_file([result], [document]) if gather else render_html(result)).encode()
    return Outcome(task.doc_id, file_records(result), render_json([result]).encode(), page)


def _failed(task: Task, reason: str, message: str, profile: str) -> Result:
    from reportparse.model import Result, Source, Status
    from reportparse.pipeline import guess_format

    source = Source(path=task.path, format=guess_format(Path(task.path)), sha256=task.sha256, pages=0)
    return Result(source=source, status=Status.FAILED, reason=reason, message=message, profile=profile)


def _ran_out_of_memory(result: Result) -> bool:
    # The readers and checks keep defensive nets (`except Exception`) that also catch MemoryError and
    # note its class name; under the cap that means the file needed more memory than allowed.
    texts = [result.message or "", *result.problems, *result.notes]
    return any("MemoryError" in text for text in texts)


# --------------------------------------------------------------------------------------------
# The child process: `python -m reportparse.batch.worker FD`
# --------------------------------------------------------------------------------------------


def _child_main(conn: Connection) -> None:
    """The worker's loop: import once, cap memory, then answer tasks until told to stop."""
    _die_with_parent()
    gc.set_threshold(GC_THRESHOLD)
    spec: WorkerSpec = conn.recv()
    for module in WARM_MODULES:  # imported once per worker, not on the first file of each kind
        importlib.import_module(module)
    _warm_up(spec)

    soft_cap = _cap_memory(spec.memory_mb)
    conn.send(("ready", soft_cap))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        if isinstance(task, Closing):
            conn.send(("closed", _close(task)))
            continue
        try:
            try:
                outcome = check_file(task, spec)
            except (MemoryError, KeyboardInterrupt):
                raise
            except Exception as exc:  # rendering or storing a result of ours failed: the file fails, not the worker
                message = f"{task.path}: internal error ({exc.__class__.__name__}: {exc})"
                outcome = render_outcome(task, _failed(task, "internal-error", message, spec.profile), spec,
                                         gather=False)
        except MemoryError:
            outcome = None
            _lift_memory_cap(soft_cap)  # room to say so; the process then exits, its heap may be damaged
            conn.send(("memory", task.doc_id))
            return
        conn.send(("done", outcome))


def _close(closing: Closing) -> str | None:
    """Run the closing step; None when done, else what went wrong (the parent then runs it itself)."""
    from reportparse.batch.run import close_batch

    try:
        close_batch(Path(closing.database), Path(closing.out), closing.profile, closing.pages)
    except Exception as exc:
        return f"{exc.__class__.__name__}: {exc}"
    return None


def _warm_up(spec: WorkerSpec) -> None:
    """Check the bundled sample of each format once: the first file of a kind loads dictionaries,
    compiles patterns and builds models (0.3–0.6 s), which must not count against a file's timeout."""
    for sample in sorted((Path(__file__).parent / "warmup").iterdir()):
        with contextlib.suppress(Exception):
            check_file(Task(0, str(sample), sample.name, "", True), spec)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when its parent dies (a `kill -9` of the batch leaves no orphan)."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes
        import signal

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def _cap_memory(memory_mb: int) -> int:
    """Cap the address space at its present size + `memory_mb`; only the soft limit, so it can be lifted."""
    if memory_mb <= 0:
        return -1
    cap = _address_space() + memory_mb * _MIB
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return cap


def _lift_memory_cap(cap: int) -> None:
    if cap > 0:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


def at_memory_cap() -> bool:
    """Has this process reached its address-space cap? A native library whose allocation is refused
    there may raise anything but MemoryError (`SystemError: error return without exception set`), so
    an error at the cap is the file's need of memory, not a defect. False without a cap."""
    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return False
    try:
        return _vm_peak(os.getpid()) >= soft - _NEAR_CAP
    except (OSError, ValueError):
        return False


def _vm_peak(pid: int) -> int:
    """A process's peak virtual memory size in bytes (Linux /proc/PID/status VmPeak)."""
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmPeak:"):
                return int(line.split()[1]) * 1024
    return 0


def _address_space() -> int:
    """The process's virtual memory size in bytes (Linux: /proc/self/statm, first field in pages)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


# --------------------------------------------------------------------------------------------
# The parent's handle
# --------------------------------------------------------------------------------------------


class WorkerDied(Exception):
    """The child ended without answering: `reason` says how (memory, worker-crashed)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class Sandbox:
    """A worker child process and the socket to it.

    The child is a fresh interpreter (`python -m reportparse.batch.worker`), not a
    multiprocessing child: it needs no importable `__main__`, and it may be started from a
    daemonic process such as a Dask worker. It imports reportparse from the same place as the
    parent.
    """

    def __init__(self, spec: WorkerSpec) -> None:
        parent_sock, child_sock = socket.socketpair()
        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        if spec.ocr_threads:  # one page at a time unless the spec or the user says otherwise
            env.setdefault(OCR_THREADS_ENV, str(spec.ocr_threads))
        for variable in ONE_THREAD_LIBRARIES:  # a count the user set is kept
            env.setdefault(variable, "1")
        # what a dying child prints (a native library's "memory allocation of N bytes failed") says why it died
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the worker; closed by kill/stop
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reportparse.batch.worker", str(child_sock.fileno())],
            pass_fds=(child_sock.fileno(),), env=env, stdin=subprocess.DEVNULL, stderr=self.stderr,
            close_fds=True,
        )
        child_sock.close()
        self.created = time.monotonic()
        self.conn = Connection(parent_sock.detach())
        self.conn.send(spec)
        self.ready = False
        self.task: Task | None = None
        self.deadline = 0.0
        self.killed = False
        self.stopping = False
        self.cap = -1  # the child's address-space cap in bytes (-1: none)
        self._progress = (-1, 0.0)  # (CPU ticks, when they last changed)
        self._looked = 0.0  # when _progress was last read

    def send(self, task: Task, deadline: float) -> None:
        """Hand the child a task; WorkerDied (and no task taken) when the child is gone."""
        try:
            self.conn.send(task)
        except OSError as exc:
            raise WorkerDied("worker-crashed", f"the worker was gone before the file was sent ({exc})") from exc
        self.task, self.deadline = task, deadline

    def receive(self) -> Outcome | None:
        """Read one message: None for the 'ready' greeting, an Outcome for a finished task.

        Raises WorkerDied when the child ended (or gave up on memory) instead of answering.
        """
        try:
            kind, payload = self.conn.recv()
        except (EOFError, OSError) as exc:
            code = self._reap()
            tail = self._stderr_tail()
            found = _OUT_OF_MEMORY.search(tail)
            said = found.group() if found else (tail.splitlines() or [""])[-1][:200]
            # out of memory: a native allocation refused under the cap (the library aborts and says so), or a
            # SIGKILL we did not send (the kernel's out-of-memory killer)
            memory = found is not None or (code == -9 and not self.killed)
            detail = f"the worker ended without an answer (exit code {code}{': ' + said if said else ''})"
            raise WorkerDied("memory" if memory else "worker-crashed", detail) from exc
        if kind == "ready":
            self.ready = True
            self.cap = int(payload)
            return None
        if kind == "memory":
            self._reap()
            raise WorkerDied("memory", "the file needed more memory than the worker's cap")
        self.task = None
        outcome: Outcome = payload
        return outcome

    def close_batch(self, closing: Closing) -> bool:
        """Have this idle, ready worker run the batch's closing step; False when it could not."""
        try:
            self.conn.send(closing)
            kind, error = self.conn.recv()
        except (EOFError, OSError):
            return False
        return kind == "closed" and error is None

    def stuck_at_cap(self, now: float, still: float = STUCK_SECONDS) -> bool:
        """True when the child, busy with a file, has used no CPU for `still` seconds with its address space
        near its cap: an allocation failed inside a native library (a Rust extension that panics on a
        refused allocation can deadlock instead of raising MemoryError). Linux /proc; False elsewhere."""
        if self.task is None or self.cap <= 0 or now < self._looked + STUCK_POLL_SECONDS:
            return False
        self._looked = now
        try:
            with open(f"/proc/{self.process.pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            ticks = int(fields[11]) + int(fields[12])  # utime + stime
            if ticks != self._progress[0]:
                self._progress = (ticks, now)
                return False
            return now - self._progress[1] >= still and _vm_peak(self.process.pid) >= self.cap - _NEAR_CAP
        except (OSError, ValueError, IndexError):
            return False

    def kill(self) -> None:
        self.killed = True
        if self.process.poll() is None:
            self.process.kill()
        self._reap()
        self.stderr.close()

    def ask_to_stop(self) -> None:
        """Tell the child to finish (it ends when it reads this; `stop` waits for it)."""
        if not self.stopping:
            self.stopping = True
            with contextlib.suppress(OSError):
                self.conn.send(None)

    def stop(self) -> None:
        """Ask the child to finish and wait for it (kill it if it does not)."""
        self.ask_to_stop()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._reap()
        self.stderr.close()

    def _stderr_tail(self) -> str:
        """The last 4 KB the child wrote to stderr."""
        try:
            self.stderr.seek(max(0, self.stderr.seek(0, os.SEEK_END) - 4096))
            return self.stderr.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""

    def _reap(self) -> int | None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        self.conn.close()
        return self.process.returncode


if __name__ == "__main__":
    # run the imported module's loop, so the classes pickled back are reportparse.batch.worker's, not __main__'s
    from reportparse.batch.worker import _child_main as child_main

    child_main(Connection(int(sys.argv[1])))
    # everything was sent; tearing down the interpreter (its models, patterns, dictionaries) would only
    # keep the batch waiting at its end
    sys.stderr.flush()
    os._exit(0)
