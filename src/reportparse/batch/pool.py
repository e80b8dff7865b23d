"""Running the tasks: a local pool of worker processes, or a Dask distributed cluster.

Both hand every finished file to `on_outcome` as soon as it is done (the caller stores it), in
whatever order the files finish; the outputs are sorted later, from the store.

Local: `jobs` workers (`worker.Sandbox`); the parent waits on their sockets with the nearest
deadline as timeout — the watchdog. A worker past its deadline is killed and replaced, its file
marked `timeout`; a worker that dies is replaced, its file marked `memory` or `worker-crashed`.

Dask: each file is one Dask task; on the Dask worker it runs in a sandbox of the same kind (one
per worker thread, started on first use and kept), so the time and memory caps hold there too.
At most a few tasks per Dask thread are in flight, so the client never holds many results.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from itertools import islice
from multiprocessing.connection import wait

from reportparse.batch.worker import Outcome, Sandbox, Task, WorkerDied, WorkerSpec, failed_outcome

OnOutcome = Callable[[Outcome], None]

#: a worker that cannot even start this many times in a row means the installation is broken
MAX_START_FAILURES = 3
#: how long a new worker may take to import the pipeline before it counts as failed to start
START_TIMEOUT = 300.0


class WorkersCannotStart(RuntimeError):
    """Workers die before they are ready: the environment is broken, not a file."""


def _timeout_message(task: Task, timeout: float) -> str:
    return f"{task.path}: not finished within {timeout:g} s; the worker was stopped"


def _died_message(task: Task, died: WorkerDied) -> str:
    return f"{task.path}: {died.detail}"


def start_workers(spec: WorkerSpec, jobs: int) -> list[Sandbox]:
    """Start `jobs` local workers; they import and warm up while the caller finds the files."""
    return [Sandbox(spec) for _ in range(max(1, jobs))]


def run_local(tasks: Iterable[Task], spec: WorkerSpec, jobs: int, timeout: float, on_outcome: OnOutcome,
              workers: list[Sandbox] | None = None) -> Sandbox | None:
    """Check `tasks` on `jobs` local worker processes with a per-file `timeout` (seconds).

    Workers started beforehand (`start_workers`) are used first; those beyond the number of files
    are stopped at once, and all are stopped at the end but one: a ready worker is returned, left
    running for the batch's closing step (the caller stops it), or None when there is none."""
    pending = deque(tasks)
    given = list(workers or [])
    count = min(max(1, jobs), len(pending))
    for extra in given[count:]:
        extra.kill()  # still importing, with nothing to do
    if not pending:
        return None
    sandboxes = given[:count] + [Sandbox(spec) for _ in range(count - len(given[:count]))]
    started = {id(s): s.created for s in sandboxes}
    start_failures = 0
    kept = None
    try:
        while pending or any(s.task is not None for s in sandboxes):
            for index in range(len(sandboxes)):
                start_failures = _dispatch(sandboxes, index, pending, spec, timeout, started, start_failures)
            now = time.monotonic()
            deadlines = [s.deadline for s in sandboxes if s.task is not None]
            deadlines += [started[id(s)] + START_TIMEOUT for s in sandboxes if not s.ready]
            wait_for = max(0.0, min(deadlines) - now) if deadlines else None
            if any(s.task is not None for s in sandboxes):  # look at busy workers' progress every second
                wait_for = min(wait_for if wait_for is not None else 1.0, 1.0)
            for conn in wait([s.conn for s in sandboxes], timeout=wait_for):
                index = next(i for i, s in enumerate(sandboxes) if s.conn is conn)
                sandbox = sandboxes[index]
                try:
                    outcome = sandbox.receive()
                except WorkerDied as died:
                    if sandbox.task is not None:
                        on_outcome(failed_outcome(sandbox.task, died.reason, _died_message(sandbox.task, died), spec))
                    elif not sandbox.ready:
                        start_failures += 1
                        if start_failures >= MAX_START_FAILURES:
                            raise WorkersCannotStart(f"batch workers do not start: {died.detail}") from died
                    sandboxes[index] = _replace(sandbox, spec, started)
                    continue
                if outcome is not None:
                    start_failures = 0
                    # the next file first: the worker checks it while this one is stored
                    start_failures = _dispatch(sandboxes, index, pending, spec, timeout, started, start_failures)
                    on_outcome(outcome)
            now = time.monotonic()
            for index, sandbox in enumerate(sandboxes):
                if sandbox.stuck_at_cap(now):
                    task = sandbox.task
                    assert task is not None
                    sandbox.kill()
                    sandboxes[index] = _replace(sandbox, spec, started)
                    on_outcome(failed_outcome(task, "memory", f"{task.path}: the file needed more memory than the "
                                              "worker's cap (the worker stopped responding at its cap)", spec))
                elif sandbox.task is not None and now >= sandbox.deadline:
                    task = sandbox.task
                    sandbox.kill()
                    sandboxes[index] = _replace(sandbox, spec, started)
                    on_outcome(failed_outcome(task, "timeout", _timeout_message(task, timeout), spec))
                elif not sandbox.ready and now >= started[id(sandbox)] + START_TIMEOUT:
                    raise WorkersCannotStart(f"a batch worker did not start within {START_TIMEOUT:g} s")
        kept = next((sandbox for sandbox in sandboxes if sandbox.ready), None)
    finally:
        ending = [sandbox for sandbox in sandboxes if sandbox is not kept]
        for sandbox in ending:  # the idle ones all told at once, so they end together rather than one after another
            if sandbox.task is None:
                sandbox.ask_to_stop()
        for sandbox in ending:
            sandbox.kill() if sandbox.task is not None else sandbox.stop()
    return kept


def _dispatch(sandboxes: list[Sandbox], index: int, pending: deque[Task], spec: WorkerSpec, timeout: float,
              started: dict[int, float], start_failures: int) -> int:
    """Give an idle, ready worker the next pending file; a worker found dead is replaced (the file
    stays pending). Returns the count of workers in a row that died before taking a file."""
    sandbox = sandboxes[index]
    if not (sandbox.ready and sandbox.task is None and pending):
        return start_failures
    try:
        sandbox.send(pending[0], time.monotonic() + timeout)
    except WorkerDied as died:  # died while idle: the file goes to the next worker
        if start_failures + 1 >= MAX_START_FAILURES:
            raise WorkersCannotStart(f"batch workers keep dying: {died.detail}") from died
        sandboxes[index] = _replace(sandbox, spec, started)
        return start_failures + 1
    pending.popleft()
    return start_failures


def _replace(sandbox: Sandbox, spec: WorkerSpec, started: dict[int, float]) -> Sandbox:
    sandbox.kill()
    started.pop(id(sandbox), None)
    fresh = Sandbox(spec)
    started[id(fresh)] = fresh.created
    return fresh


# --------------------------------------------------------------------------------------------
# Dask
# --------------------------------------------------------------------------------------------

_local = threading.local()


def check_on_dask_worker(task: Task, spec: WorkerSpec, timeout: float) -> Outcome:
    """The Dask task: check one file in this worker thread's sandbox, under the same caps."""
    sandbox: Sandbox | None = getattr(_local, "sandbox", None)
    # a new one when there is none, the spec changed, or it died (Linux kills it with the thread that started it)
    if sandbox is None or getattr(_local, "spec", None) != spec or sandbox.process.poll() is not None:
        if sandbox is not None:
            sandbox.kill()
        sandbox = _local.sandbox = _ready_sandbox(spec)
        _local.spec = spec
    try:
        deadline = time.monotonic() + timeout
        sandbox.send(task, deadline)
        while not sandbox.conn.poll(min(1.0, max(0.0, deadline - time.monotonic()))):
            now = time.monotonic()
            if sandbox.stuck_at_cap(now) or now >= deadline:
                reason = "timeout" if now >= deadline else "memory"
                sandbox.kill()
                _local.sandbox = None
                message = _timeout_message(task, timeout) if reason == "timeout" else \
                    f"{task.path}: the file needed more memory than the worker's cap"
                return failed_outcome(task, reason, message, spec)
        outcome = sandbox.receive()
    except WorkerDied as died:
        _local.sandbox = None
        return failed_outcome(task, died.reason, _died_message(task, died), spec)
    if outcome is None:  # cannot happen after 'ready'; a protocol slip is a crash, not a hang
        sandbox.kill()
        _local.sandbox = None
        return failed_outcome(task, "worker-crashed", f"{task.path}: unexpected message from the worker", spec)
    return outcome


def _ready_sandbox(spec: WorkerSpec) -> Sandbox:
    sandbox = Sandbox(spec)
    if not sandbox.conn.poll(START_TIMEOUT):
        sandbox.kill()
        raise WorkersCannotStart(f"a batch worker did not start within {START_TIMEOUT:g} s")
    try:
        sandbox.receive()
    except WorkerDied as died:
        raise WorkersCannotStart(f"batch workers do not start: {died.detail}") from died
    return sandbox


def run_dask(tasks: Iterable[Task], spec: WorkerSpec, timeout: float, address: str, on_outcome: OnOutcome) -> None:
    """Check `tasks` on the Dask cluster whose scheduler is at `address` (tcp://host:8786)."""
    try:
        from distributed import Client, Future, as_completed
    except ImportError as exc:
        raise RuntimeError('--scheduler needs dask.distributed: pip install "reportparse[dask]"') from exc

    with Client(address, set_as_default=False) as client:
        threads = sum(client.nthreads().values()) or 1
        queue = iter(tasks)

        def submit(task: Task) -> Future:
            return client.submit(check_on_dask_worker, task, spec, timeout, pure=False,
                                 key=f"reportparse-{task.doc_id}-{time.monotonic_ns()}")

        futures = {submit(task): task for task in islice(queue, 2 * threads + 2)}
        finished = as_completed(list(futures), loop=client.loop)
        for future in finished:
            task = futures.pop(future)
            try:
                outcome: Outcome = future.result()
            except Exception as exc:  # the Dask worker itself died or the task was lost
                outcome = failed_outcome(task, "worker-crashed", f"{task.path}: the Dask task failed ({exc})", spec)
            future.release()
            on_outcome(outcome)
            for task in islice(queue, 1):
                new = submit(task)
                futures[new] = task
                finished.add(new)

