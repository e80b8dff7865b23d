"""What the two layout harnesses (shapes.py, fileshapes.py) share: each shape's gold copy, the tally, the command line.

A harness writes every dev form in its shapes to `DIR/<shape>/`, each file with a copy of the form's gold beside
it (`write_gold`); `tally` runs the evaluator over one shape's folder and totals what the harness reports; `render`
prints the tallies as a table; `harness_main` is the command line both harnesses share.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

DEV = Path(__file__).resolve().parent / "dev"


def write_gold(gold: dict[str, object], folder: Path, stem: str) -> None:
    """The gold beside the shape's copy of the document, its `document` the copy's `<stem>.txt`."""
    copy = {k: v for k, v in gold.items() if k != "documents"}
    copy["document"] = f"{stem}.txt"
    (folder / f"{stem}.gold.json").write_text(json.dumps(copy, ensure_ascii=False, indent=1), encoding="utf-8")


TALLY_KEYS = ("projects", "indicators", "scores")


def tally(folder: Path) -> dict[str, object]:
    """Run the evaluator over one shape's folder and total what the harness reports."""
    from reportparse.evaluate import discover, evaluate_cases

    docs = evaluate_cases(discover([folder]))
    row: dict[str, object] = {k: [sum(getattr(d, k)[0] for d in docs), sum(getattr(d, k)[1] for d in docs)]
                              for k in TALLY_KEYS}
    row["false_serious"] = sum(d.serious_wrong for d in docs)
    row["phantoms"] = sum(len(d.phantom_projects) for d in docs)
    row["failed"] = sum(d.status in ("failed", "partial") for d in docs)
    row["documents"] = {Path(d.path).stem: {
        "projects": list(d.projects), "indicators": list(d.indicators), "scores": list(d.scores),
        "false_serious": d.extra, "phantoms": d.phantom_projects, "status": d.status} for d in docs}
    return row


def render(results: dict[str, dict[str, object]], by_document: bool = False,
           reference_of: Callable[[str], str] = lambda shape: "original") -> str:
    def frac(pair: object) -> str:
        assert isinstance(pair, list)
        return f"{pair[0]}/{pair[1]}"

    lines = [f"{'shape':14} {'projects':>9} {'indicators':>11} {'scores':>9} {'false e/w':>9} "
             f"{'made-up':>7} {'failed':>6}"]
    for shape, row in results.items():
        lines.append(f"{shape:14} {frac(row['projects']):>9} {frac(row['indicators']):>11} "
                     f"{frac(row['scores']):>9} {row['false_serious']!s:>9} {row['phantoms']!s:>7} "
                     f"{row['failed']!s:>6}")
    if by_document:
        for shape, row in results.items():
            reference = results.get(reference_of(shape), {}).get("documents", {})
            assert isinstance(reference, dict)
            documents = row["documents"]
            assert isinstance(documents, dict)
            for stem, doc in sorted(documents.items()):
                ref = reference.get(stem, doc)
                worse = [k for k in TALLY_KEYS if doc[k][0] < ref[k][0]]
                if worse or doc["phantoms"] or doc["false_serious"] or doc["status"] != "ok":
                    lines.append(f"  {shape:13} {stem}: " + "  ".join(
                        f"{k} {doc[k][0]}/{doc[k][1]} (orig {ref[k][0]})" for k in worse)
                        + (f"  made-up {doc['phantoms']}" if doc["phantoms"] else "")
                        + (f"  false {doc['false_serious']}" if doc["false_serious"] else "")
                        + (f"  {doc['status']}" if doc["status"] != "ok" else ""))
    return "\n".join(lines) + "\n"


Run = Callable[[list[Path], list[str], Path], dict[str, dict[str, object]]]


def harness_main(argv: list[str], *, description: str, default_out: Path, names: list[str], run: Run,
                 reference_of: Callable[[str], str] = lambda shape: "original") -> int:
    """The command line of a layout harness (shapes.py and fileshapes.py): the blocks files (the dev half's by
    default, never the test half's), the shapes among `names` (all by default) and where their files go; prints
    the tally as a table (each shape against `reference_of` it with --by-document) or as JSON."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("blocks", nargs="*", type=Path, help="blocks files (default: corpora/real/dev/*.blocks.json)")
    parser.add_argument("--out", type=Path, default=default_out, help=f"where the files go (default {default_out})")
    parser.add_argument("--shapes", default=",".join(names), help="comma-separated shape names")
    parser.add_argument("--json", action="store_true", help="print the tally as JSON")
    parser.add_argument("--by-document", action="store_true", help="list each document a shape reads worse")
    args = parser.parse_args(argv)
    chosen = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in chosen if s not in names]
    if unknown:
        parser.error(f"unknown shapes {unknown}; known: {', '.join(names)}")
    paths = args.blocks or sorted(DEV.glob("*.blocks.json"))
    if any("test" in p.resolve().parent.name for p in paths):
        parser.error("the frozen test half is not read")
    results = run(paths, chosen, args.out)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print(render(results, args.by_document, reference_of), end="")
    return 0
