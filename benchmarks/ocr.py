"""OCR speed and accuracy on the scanned corpus, and memory on a long scan.

    python3 benchmarks/ocr.py                    # every page of corpora/scans/*.scan.pdf
    python3 benchmarks/ocr.py --limit 10         # the first 10 pages only
    python3 benchmarks/ocr.py --long 100         # also: a 100-page image-only PDF through `check`

Per page: wall seconds and CPU seconds of `ocr_page` (render excluded; on a busy machine the CPU
seconds over the cores used are the fairer figure), and character accuracy against the text layer
of the PDF the scan was made from (`scanned_from` in its gold): the share of the source's
characters the recogniser gave back, counted as multisets (order-free, since a table's reading
order differs between a text layer and recognised lines), over the larger of the two counts so
that invented characters cost as much as lost ones. Whitespace is ignored.

`--long N` writes an N-page image-only PDF (pages of the corpus scans, repeated), checks it in a
child process and reports seconds per page and the child's peak resident memory: pages are
rendered, recognised and released one at a time, so the peak must not grow with N.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
SCANS = REPO / "corpora" / "scans"


def source_text(pdf_path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        out = []
        for i in range(len(pdf)):
            page = pdf[i]
            text = page.get_textpage().get_text_range()
            out.append("".join(text.split()))
        return out
    finally:
        pdf.close()


def accuracy(truth: str, found: str) -> tuple[int, int]:
    """(characters in common, the larger count) of two texts as multisets."""
    common = sum((Counter(truth) & Counter(found)).values())
    return common, max(len(truth), len(found))


def measure(limit: int | None) -> dict[str, float]:
    import pypdfium2 as pdfium

    from reportparse.ocr.recognise import _engine, ocr_page, recognition_scale

    _engine()  # model load once, not counted per page
    walls, cpus = [], []
    common = total = 0
    pages = 0
    for scan in sorted(SCANS.glob("*.scan.pdf")):
        gold = json.loads(scan.with_name(scan.name.removesuffix(".scan.pdf") + ".gold.json").read_text("utf-8"))
        truth = source_text(REPO / "corpora" / gold["scanned_from"])
        pdf = pdfium.PdfDocument(str(scan))
        for index in range(len(pdf)):
            if limit is not None and pages >= limit:
                break
            page = pdf[index]
            width, height = page.get_size()
            scale = recognition_scale(width, height)
            picture = page.render(scale=scale).to_pil()
            wall, cpu = time.perf_counter(), time.process_time()
            result = ocr_page(picture, 1 / scale)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            found = "".join(c.char for line in result.lines for c in line if not c.char.isspace())
            hit, count = accuracy(truth[index], found)
            common += hit
            total += count
            pages += 1
            print(f"{scan.name} p{index + 1}: {walls[-1]:.1f} s wall, {cpus[-1]:.1f} s cpu, "
                  f"accuracy {hit / max(count, 1):.3f}, turned {result.upright.rotation}°, skew {result.upright.skew}°",
                  flush=True)
        pdf.close()
    return {"pages": pages, "wall_per_page": sum(walls) / max(pages, 1), "cpu_per_page": sum(cpus) / max(pages, 1),
            "character_accuracy": common / max(total, 1), "cores": os.cpu_count() or 1}


def long_scan(pages: int) -> dict[str, float]:
    """An N-page image-only PDF checked in a child process: seconds per page and peak memory."""
    import pypdfium2 as pdfium
    from PIL import Image

    sources = sorted(SCANS.glob("*.scan.pdf"))
    pictures: list[Image.Image] = []
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "long.pdf"
        frames = []
        for scan in sources:
            pdf = pdfium.PdfDocument(str(scan))
            for i in range(len(pdf)):
                frames.append((scan, i))
            pdf.close()
        for k in range(pages):
            scan, i = frames[k % len(frames)]
            pdf = pdfium.PdfDocument(str(scan))
            pictures.append(pdf[i].render(scale=100 / 72, grayscale=True).to_pil().convert("L"))
            pdf.close()
        pictures[0].save(target, "PDF", save_all=True, append_images=pictures[1:], resolution=100)
        pictures.clear()
        code = ("import resource, sys, time; sys.path.insert(0, sys.argv[2]);"
                "from reportparse.pipeline import check; t = time.perf_counter(); r = check(sys.argv[1]);"
                "print(r.status, r.source.pages, len(r.source.ocr), time.perf_counter() - t,"
                " resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
        run = subprocess.run([sys.executable, "-c", code, str(target), str(REPO / "src")],
                             capture_output=True, text=True, check=False)
        if run.returncode:
            raise RuntimeError(f"the check of the {pages}-page scan failed:\n{run.stderr[-3000:]}")
        status, count, ocr_pages, seconds, peak_kb = run.stdout.split()
    return {"status": status, "pages": int(count), "ocr_pages": int(ocr_pages),
            "seconds_per_page": float(seconds) / int(count), "peak_rss_mb": int(peak_kb) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="measure only the first N pages")
    parser.add_argument("--long", type=int, default=0, metavar="N", help="also check an N-page scan")
    args = parser.parse_args()
    report: dict[str, object] = {"corpus": measure(args.limit)}
    if args.long:
        report["long_scan"] = long_scan(args.long)
    report["load_average"] = os.getloadavg()[0]
    report["max_rss_mb_this_process"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
