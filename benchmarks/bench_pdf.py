"""Time reportparse's PDF reader against pdfplumber's own text and table extraction.

For each PDF given (default: the seed PDF, if present), runs in the same process
(a) `read_pdf` end to end (file bytes → Document with paragraphs and tables) and
(b) pdfplumber `extract_text()` + `extract_tables()` over every page,
several times each, and prints the median wall time of both and their ratio.
Both libraries are imported (and a warm-up run is made) before timing, so import cost is not counted.

    python benchmarks/bench_pdf.py [file.pdf ...] [--runs 7]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "seeds" / "seed.pdf"


def time_ours(path: Path) -> float:
    """Seconds for one read_pdf of `path`, reading the bytes included."""
    from reportparse.model import Source, SourceFormat
    from reportparse.readers.pdf import read_pdf

    start = time.perf_counter()
    data = path.read_bytes()
    source = Source(path=str(path), format=SourceFormat.PDF, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    read_pdf(path, data, source)
    return time.perf_counter() - start


def time_pdfplumber(path: Path) -> float:
    """Seconds for pdfplumber's extract_text() + extract_tables() over every page of `path`."""
    import pdfplumber

    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
    return time.perf_counter() - start


def bench(path: Path, runs: int) -> tuple[float, float]:
    """Median seconds (ours, pdfplumber) over `runs` alternating runs, after one warm-up of each."""
    time_ours(path)
    time_pdfplumber(path)
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        ours.append(time_ours(path))
        theirs.append(time_pdfplumber(path))
    return statistics.median(ours), statistics.median(theirs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    paths = args.pdfs or ([DEFAULT] if DEFAULT.exists() else [])
    if not paths:
        print("no PDF given and the seed PDF is not present", file=sys.stderr)
        return 2
    print(f"{'file':40} {'pages':>5} {'ours ms':>9} {'pdfplumber ms':>14} {'ratio':>6}")
    for path in paths:
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        pages = len(pdf)
        pdf.close()
        ours, theirs = bench(path, args.runs)
        print(f"{path.name[:40]:40} {pages:>5} {ours * 1000:>9.1f} {theirs * 1000:>14.1f} {ours / theirs:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
