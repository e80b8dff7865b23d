"""Benchmark reportparse against the spec's Performance targets, in one run.

    python3 benchmarks/bench.py [--runs N] [FILES...]

Without FILES it uses the seed from ../shared when present, else the first corpus documents.
It measures, for each file:
  * in-process parse + normalise + score + check time on an already-extracted document
    (spec: ≤ 20 ms for a seed-sized text/DOCX report);
  * cold-process CLI wall time of `reportparse check FILE --format json` (spec: ≤ 0.5 s for the seed text);
  * for PDFs, our end-to-end time against pdfplumber's own extract_text() + extract_tables() over every
    page of the same file (the spec's baseline; ours must be no slower).
Medians of N runs are printed; nothing is asserted (timings belong here, not in tests).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def median_seconds(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def default_files() -> list[Path]:
    seeds = SHARED / "seeds"
    if seeds.exists():
        return [seeds / "000_cdb31e0220679900.txt", seeds / "seed.docx", seeds / "seed.pdf"]
    return sorted(p for p in (REPO / "corpora").rglob("*") if p.suffix in {".txt", ".docx", ".pdf"})[:3]


def pdfplumber_baseline(path: Path) -> None:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    from reportparse.pipeline import analyse, check, extract

    print(f"{'file':34} {'stage':38} {'median':>10}  target")
    for path in args.files or default_files():
        document = extract(path)
        analyse(document)  # warm caches (dictionaries, regexes) once, as a long-lived process would
        in_process = median_seconds(lambda d=document: analyse(d), args.runs)
        print(f"{path.name:34} {'parse+normalise+score+check':38} {in_process * 1000:8.1f}ms  ≤ 20 ms")
        end_to_end = median_seconds(lambda p=path: check(p), args.runs)
        print(f"{path.name:34} {'extract+analyse (in-process)':38} {end_to_end * 1000:8.1f}ms")
        cli = median_seconds(
            lambda p=path: subprocess.run([sys.executable, "-m", "reportparse", "check", str(p), "--format", "json"],
                                          capture_output=True, check=False),
            max(3, args.runs // 2),
        )
        print(f"{path.name:34} {'CLI cold process':38} {cli * 1000:8.1f}ms  ≤ 500 ms (text)")
        if path.suffix.lower() == ".pdf":
            baseline = median_seconds(lambda p=path: pdfplumber_baseline(p), args.runs)
            print(f"{path.name:34} {'pdfplumber extract_text+extract_tables':38} {baseline * 1000:8.1f}ms  baseline")
            print(f"{path.name:34} {'ours / baseline':38} {end_to_end / baseline:9.2f}x  ≤ 1.0")


if __name__ == "__main__":
    main()
