"""Run reportparse on hostile inputs and print, for each, its status, wall time and peak memory.

    python3 benchmarks/adversarial.py [--limit SECONDS] [--only NAME ...] [--keep DIR]

Every input is built into a scratch directory (or DIR with --keep, reused when present) and checked
in its own `python3 -m reportparse check FILE --format json` subprocess, killed after --limit
seconds and capped at 4 GB of address space so a runaway case cannot take the machine with it.
Peak memory is the child's own maximum resident set size (`wait4`). The issue's acceptance: every
input ends in < 5 s and < 500 MB with a clear status, and the seed's time grows linearly with its
size (×1, ×32, ×128, ×1024). Nothing is asserted: timings belong here, not in the tests.

The inputs: a 1 MB line of 项目资金执行情况, 100k digits inside a report, the seed text repeated
×1/×32/×128/×1024, 50 MB of text, an XLSX of 1M rows, a real form with 200k rows appended, and
/dev/zero and a FIFO (which rely on the reader's stat gate; without it they show `timeout`).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_SEED = REPO.parent / "shared" / "seeds" / "000_cdb31e0220679900.txt"
#: the seed text when ../shared is absent: the narrative corpus document closest to it
FALLBACK_SEEDS = ("corpora/narrative", "corpora/handwritten")
XLSX_FORM = REPO / "corpora" / "forms" / "f01_clean.xlsx"
MEMORY_CAP = 4 * 1024**3
_STATUS = re.compile(rb'"status":\s*"(\w+)"(?:,\s*"reason":\s*(null|"[^"]*"))?')


def seed_text() -> str:
    if SHARED_SEED.exists():
        return SHARED_SEED.read_text(encoding="utf-8")
    for folder in FALLBACK_SEEDS:
        texts = sorted((REPO / folder).glob("*.txt"))
        if texts:
            return texts[0].read_text(encoding="utf-8")
    raise SystemExit("no seed text: neither ../shared/seeds nor corpora/narrative/*.txt exists")


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def long_line(path: Path) -> None:
    """The seed with one 1 MB line of a fund-block heading repeated (no line break)."""
    seed = seed_text()
    line = "项目资金执行情况" * (1024 * 1024 // len("项目资金执行情况".encode()))
    write_text(path, seed + "\n" + line + "\n")


def many_digits(path: Path) -> None:
    """The seed with 100k digits in the middle of its text."""
    seed = seed_text()
    middle = len(seed) // 2
    write_text(path, seed[:middle] + "1" * 100_000 + seed[middle:])


def repeated_seed(times: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        write_text(path, seed_text() * times)

    return build


def fifty_megabytes(path: Path) -> None:
    seed = seed_text()
    size = len(seed.encode("utf-8"))
    write_text(path, seed * (50 * 1024 * 1024 // size + 1))


def _sheet_rows(first: int, count: int, columns: int) -> Iterator[str]:
    for r in range(first, first + count):
        cells = "".join(f'<c r="{_column(c)}{r}"><v>{r * columns + c}</v></c>' for c in range(1, columns + 1))
        yield f'<row r="{r}">{cells}</row>'


def _column(index: int) -> str:
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def million_rows(path: Path) -> None:
    """An XLSX of 1M rows of two numbers, written as raw SpreadsheetML (openpyxl would take minutes)."""
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head.encode())
            for row in _sheet_rows(1, 1_000_000, 2):
                sheet.write(row.encode())
            sheet.write(b"</sheetData></worksheet>")


def form_with_rows(path: Path) -> None:
    """A real generated form (corpora/forms/f01_clean.xlsx) with 200k numeric rows appended to its sheet."""
    with zipfile.ZipFile(XLSX_FORM) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                last = max(int(n) for n in re.findall(rb'<row r="(\d+)"', data))
                rows = "".join(_sheet_rows(last + 1, 200_000, 3)).encode()
                data = re.sub(rb'<dimension ref="[^"]*"/>', b"", data)
                data = data.replace(b"</sheetData>", rows + b"</sheetData>", 1)
            target.writestr(info.filename, data)


def fifo(path: Path) -> None:
    os.mkfifo(path)


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    build: Callable[[Path], None] | None  # None: an existing path (filename is absolute)


CASES = [
    Case("seed-x1", "seed_x1.txt", repeated_seed(1)),
    Case("seed-x32", "seed_x32.txt", repeated_seed(32)),
    Case("seed-x128", "seed_x128.txt", repeated_seed(128)),
    Case("seed-x1024", "seed_x1024.txt", repeated_seed(1024)),
    Case("line-1MB", "line_1mb.txt", long_line),
    Case("digits-100k", "digits_100k.txt", many_digits),
    Case("text-50MB", "text_50mb.txt", fifty_megabytes),
    Case("xlsx-1M-rows", "rows_1m.xlsx", million_rows),
    Case("form+200k-rows", "form_200k.xlsx", form_with_rows),
    Case("dev-zero", "/dev/zero", None),
    Case("fifo", "fifo.txt", fifo),
]


@dataclass
class Outcome:
    seconds: float
    cpu_seconds: float  # user + system: what the run costs on a machine shared with other work
    peak_mb: float
    status: str
    exit_code: int | None
    inner_seconds: float | None = None  # CPU of the check alone, imports and a warm-up excluded (scaling runs)


#: `check` with the size budget lifted, to show the work itself is linear past it
_UNBOUNDED = (
    "import sys, json, time; from reportparse import limits; "
    "limits.MAX_DOCUMENT_CHARS = limits.MAX_TEXT_BYTES = 10**12; "
    "from reportparse.pipeline import check, extract, analyse; analyse(extract(sys.argv[2])); "
    "start = time.process_time(); r = check(sys.argv[1]); "
    "print(json.dumps({'status': r.status.value, 'reason': r.reason, 'seconds': time.process_time() - start}))"
)


def run_case(path: Path, limit: float, unbounded: bool = False) -> Outcome:
    """One `reportparse check` subprocess on `path`: its wall time, peak RSS and status."""
    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        if unbounded:  # warmed up on the seed next to it, so that imports are not counted
            command = ["-c", _UNBOUNDED, str(path), str(path.with_name("seed_x1.txt"))]
        else:
            command = ["-m", "reportparse", "check", str(path), "--format", "json"]
        child = subprocess.Popen(
            [sys.executable, *command],
            stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env, preexec_fn=cap_memory,
        )
        timed_out = False
        while True:
            pid, wait_status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > limit:
                child.kill()
                timed_out = True
                pid, wait_status, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(wait_status)
        stderr = child.stderr.read().decode("utf-8", "replace") if child.stderr else ""
        out.seek(0)
        head = out.read(4096)
    peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
    cpu = usage.ru_utime + usage.ru_stime
    if timed_out:
        return Outcome(seconds, cpu, peak_mb, f"timeout after {limit:.0f} s", None)
    inner = re.search(rb'"seconds":\s*([\d.e-]+)', head)
    match = _STATUS.search(head)
    if match:
        status = match.group(1).decode()
        reason = match.group(2)
        if reason and reason != b"null":
            status += f" ({reason.decode().strip(chr(34))})"
    else:
        last = stderr.strip().splitlines()[-1:] or ["no output"]
        status = f"no result: {last[0][:80]}"
    return Outcome(seconds, cpu, peak_mb, status, child.returncode, float(inner.group(1)) if inner else None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=float, default=60.0, help="kill a run after this many seconds")
    parser.add_argument("--only", nargs="*", help="run only these cases (names as printed)")
    parser.add_argument("--keep", type=Path, help="build the inputs here and reuse them on the next run")
    parser.add_argument("--no-scaling", action="store_true", help="skip the seed ×N runs with the budget lifted")
    parser.add_argument("--scaling-limit", type=float, default=600.0, help="time limit of those runs")
    args = parser.parse_args()
    cases = [c for c in CASES if not args.only or c.name in args.only]
    with tempfile.TemporaryDirectory(prefix="reportparse-adversarial-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        print(f"{'input':<16} {'size':>10} {'time s':>8} {'cpu s':>7} {'peak MB':>8}  exit  status")
        for case in cases:
            path = Path(case.filename) if case.build is None else folder / case.filename
            if case.build is not None and not path.exists():
                case.build(path)
            if not path.exists():
                print(f"{case.name:<16} {'-':>10} {'-':>8} {'-':>7} {'-':>8}  -     absent on this machine")
                continue
            size = path.stat().st_size if path.is_file() else 0
            outcome = run_case(path, args.limit)
            shown = f"{size / 1024 / 1024:.2f} MB" if size else "-"
            code = "-" if outcome.exit_code is None else str(outcome.exit_code)
            print(f"{case.name:<16} {shown:>10} {outcome.seconds:>8.2f} {outcome.cpu_seconds:>7.2f} "
                  f"{outcome.peak_mb:>8.0f}  {code:<4}  "
                  f"{outcome.status}", flush=True)
        if not args.no_scaling:
            scaling(folder, args.scaling_limit)


def scaling(folder: Path, limit: float) -> None:
    """The seed ×N checked with the size budget lifted: is the time per copy constant?"""
    print("\nseed ×N with the size budget lifted (time per copy should stay flat: linear work)")
    print(f"{'copies':>7} {'size':>10} {'cpu s':>8} {'ms/copy':>8} {'peak MB':>8}  status")
    for copies in (1, 32, 128, 1024):
        path = folder / f"seed_x{copies}.txt"
        if not path.exists():
            repeated_seed(copies)(path)
        if not path.with_name("seed_x1.txt").exists():
            repeated_seed(1)(path.with_name("seed_x1.txt"))
        outcome = run_case(path, limit, unbounded=True)
        size = path.stat().st_size / 1024 / 1024
        inner = outcome.inner_seconds
        shown = "-" if inner is None else f"{inner:.2f}"
        per_copy = "-" if inner is None else f"{1000 * inner / copies:.1f}"
        print(f"{copies:>7} {size:>7.2f} MB {shown:>8} {per_copy:>8} {outcome.peak_mb:>8.0f}  {outcome.status}",
              flush=True)


if __name__ == "__main__":
    main()
