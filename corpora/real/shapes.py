"""Layout-invariance harness: one real form, the text-dump shapes public pages print it in.

Usage: python3 corpora/real/shapes.py [--out DIR] [--shapes a,b] [--json] [--by-document] [BLOCKS.json ...]

For every document with a hand-transcribed table (`corpora/real/dev/*.blocks.json`, or the files
given) the script writes the same content in each dump shape met on public pages — the whole form on
one line, one cell a line with or without blank lines between, cells ending in `|`, tab- or
multi-space-separated rows (gaps collapsed, or padded to the columns' widths as a layout dump
prints them), cells run together (OCR), a PDF's text order with merged cells printed on
their middle row, excerpts cut out of the form (cuts.py; each scored against the gold of what it
keeps), level labels broken over lines, labels spaced out to the cell's width, traditional
characters, full-width digits, 万元 amounts written in 元, a header whose labels a web page's copy
broke at their line breaks, a page break with the header row repeated, a layout dump whose narrow
columns wrap long cells onto the lines below — to `DIR/<shape>/<stem>.txt` with a copy
of the document's gold beside it (so `reportparse eval DIR/<shape>` works too), then runs the
evaluator over each shape's folder and prints a tally per shape: projects (with budgets) right,
indicators right, claimed scores right, error/warning findings that match nothing in the gold, and
projects not in the gold. `original` is the document's own `.txt`, the reference every shape should
read as well as.

A shape that loses what `original` reads is a reader bug: the content is the same. Only the dev half
is read by default; never point this at `corpora/real/test/`.

The script holds the shapes' list and runs them: the printers are in textdumps.py, the blocks files'
reading in blockfiles.py, the excerpt cuts in cuts.py, the gold copies, tally and command line (shared with
fileshapes.py) in harness.py.

Run with the worktree's code: `PYTHONPATH=$PWD/src python3 corpora/real/shapes.py`.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

DEFAULT_OUT = Path(tempfile.gettempdir()) / "reportparse-shapes"


sys.path.insert(0, str(Path(__file__).resolve().parent))
from siblings import sibling  # noqa: E402 (corpora/ is no package: siblings.py loads the scripts by path)

blockfiles = sibling("blockfiles")
textdumps = sibling("textdumps")
cuts = sibling("cuts")
harness = sibling("harness")

Grid, Block, Context, Printer = blockfiles.Grid, blockfiles.Block, textdumps.Context, textdumps.Printer
load_blocks, stem_of, is_indicator_header = blockfiles.load_blocks, blockfiles.stem_of, textdumps.is_indicator_header
# the measure and printers the tests call by name (tests/test_layout_shapes.py)
display_width = textdumps.display_width
shape_aligned = textdumps.shape_aligned
shape_aligned_wrapped = textdumps.shape_aligned_wrapped
shape_broken_labels = textdumps.shape_broken_labels
shape_cells = textdumps.shape_cells
shape_header_wrapped = textdumps.shape_header_wrapped
shape_spaced_labels = textdumps.shape_spaced_labels
shape_traditional = textdumps.shape_traditional
shape_two_pages = textdumps.shape_two_pages
shape_yuan = textdumps.shape_yuan


# ---------------------------------------------------------------------------------------------
# the excerpt cuts: where cuts.py cuts the form, and the dump shape the kept part is printed in
# ---------------------------------------------------------------------------------------------

#: An excerpt: where the page store cut the form (cuts.py's cut_top, cut_bottom, cut_header) and the dump
#: shape the kept part is printed in. Scored against the gold of what the cut keeps (cuts.restricted_gold).
CUT_SHAPES: dict[str, tuple[str, Printer]] = {
    "cut_top": ("cut_top", textdumps.shape_tab),
    "cut_bottom": ("cut_bottom", textdumps.shape_tab),
    "cut_header": ("cut_header", textdumps.shape_tab),
    "cells_cut_top": ("cut_top", textdumps.shape_cells),
    "runtogether_cut_bottom": ("cut_bottom", textdumps.shape_runtogether),
}


def cut_of(shape: str, blocks: list[Block]) -> object:
    where, _ = CUT_SHAPES[shape]
    return getattr(cuts, where)(blocks, Grid, is_indicator_header)


def cut_shape(shape: str) -> Printer:
    def printed(blocks: list[Block], ctx: Context) -> str:
        return CUT_SHAPES[shape][1](cut_of(shape, blocks).blocks, ctx)  # type: ignore[attr-defined]

    return printed


def cut_gold(shape: str, blocks: list[Block], gold: dict[str, object]) -> dict[str, object]:
    """The gold of what the shape's cut keeps of the document."""
    return dict(cuts.restricted_gold(gold, cuts.Kept(blocks, cut_of(shape, blocks), Grid, is_indicator_header)))


#: Every shape by name: the dump printers, then the excerpt cuts.
SHAPES: dict[str, Printer] = {**textdumps.PRINTERS, **{name: cut_shape(name) for name in CUT_SHAPES}}


# ---------------------------------------------------------------------------------------------
# writing and scoring
# ---------------------------------------------------------------------------------------------

def write_shapes(blocks_paths: list[Path], shapes: list[str], out: Path) -> None:
    """Write DIR/original and DIR/<shape> for every blocks file, each text with its gold beside it."""
    if out.exists():
        shutil.rmtree(out)
    for blocks_path in blocks_paths:
        stem = stem_of(blocks_path)
        gold = json.loads((blocks_path.parent / f"{stem}.gold.json").read_text(encoding="utf-8"))
        names = {str(g.get("name")) for g in gold.get("goal_indicators") or []}
        blocks = load_blocks(blocks_path)
        for shape in ["original", *shapes]:
            folder = out / shape
            folder.mkdir(parents=True, exist_ok=True)
            shape_gold = cut_gold(shape, blocks, gold) if shape in CUT_SHAPES else gold
            if not counts_anything(shape_gold):
                continue  # (a cut that keeps none of the form's projects or indicators measures nothing)
            if shape == "original":
                text = (blocks_path.parent / f"{stem}.txt").read_text(encoding="utf-8")
            else:
                text = SHAPES[shape](blocks, {"names": names})
            (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
            harness.write_gold(shape_gold, folder, stem)


def counts_anything(gold: dict[str, object]) -> bool:
    return bool(gold.get("projects") or gold.get("goal_indicators"))


def documents_of(blocks_paths: list[Path], shape: str) -> int:
    """How many documents the shape writes: every one, but a cut's only when it keeps a project or an
    indicator of the gold."""
    if shape not in CUT_SHAPES:
        return len(blocks_paths)
    return sum(counts_anything(cut_gold(shape, load_blocks(path), json.loads(
        (path.parent / f"{stem_of(path)}.gold.json").read_text(encoding="utf-8")))) for path in blocks_paths)


def run(blocks_paths: list[Path], shapes: list[str], out: Path) -> dict[str, dict[str, object]]:
    write_shapes(blocks_paths, shapes, out)
    return {shape: harness.tally(out / shape) for shape in ["original", *shapes]}


def main(argv: list[str]) -> int:
    return harness.harness_main(argv, description=__doc__.split("\n\n")[0], default_out=DEFAULT_OUT, names=list(SHAPES),
                                run=run)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
