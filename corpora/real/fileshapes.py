"""Format-level layout harness: one real form, laid out as other hands lay out PDF, DOCX and XLSX files.

Usage: python3 corpora/real/fileshapes.py [--out DIR] [--shapes a,b] [--json] [--by-document] [BLOCKS.json ...]

`layout.py` lays every dev form with a transcribed table (`corpora/real/dev/*.blocks.json`) out one
way: a ruled A4 grid, one Word table, one sheet. Files made by other hands differ, and each shape
here is one such difference, applied to the same content:

- PDF: `pdf_borderless` (no ruling lines, as a sheet printed without gridlines), `pdf_hrules` (only
  horizontal rules between rows), `pdf_split` / `pdf_split_bare` (the table broken over two pages,
  the indicator header row repeated on the second page or not; a merged cell's text stays on the
  first page), `pdf_landscape`, `pdf_narrow` (equal narrow columns: long cells and labels wrap over
  several lines), `pdf_framed` (a 填报单位/金额单位 line above the table, a 填表人/说明 block below);
- DOCX: `docx_nested` (the form inside the one cell of an outer table), `docx_textbox` (the form in
  a text box, as Word writes it: a drawing with a VML fallback), `docx_split` (the budget block and
  the indicator block as two tables with a paragraph between), `docx_framed`;
- XLSX (only documents that are just a form, as layout.py decides): `xlsx_second_sheet` (a 填表说明
  sheet first), `xlsx_columns` (an empty first column and a hidden empty column inside the table),
  `xlsx_numbers` (percentages as fractions in 0% / 0.00% formats, amounts in #,##0.00),
  `xlsx_formulas` (totals as SUM formulas and execution rates as ROUND formulas, with the cached
  values Excel stores), `xlsx_merged_header` (the indicator header over two rows, 绩效指标 merged
  over the level columns), `xlsx_yuan` (the 万元 header written as 元 and the amounts multiplied out).

Each file goes to `DIR/<shape>/<stem>.<ext>` with a copy of the form's gold beside it, and the
evaluator scores every shape's folder as `shapes.py` does (projects with budgets, indicators,
claimed scores, error/warning findings the gold does not list, projects not in the gold).
`original_pdf`, `original_docx` and `original_xlsx` are layout.py's own copies, the reference.
Only the dev half is read; never point this at `corpora/real/test/`.

The script holds the shapes' list and runs them: the grid rewrites are in formrewrites.py, the writers in
pdfwriter.py, docxwriter.py and sheetwriter.py, the originals' layout in layout.py, the gold copies, tally and
command line (shared with shapes.py) in harness.py.

Run with the worktree's code: `PYTHONPATH=$PWD/src python3 corpora/real/fileshapes.py`.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE / "dev"
DEFAULT_OUT = Path(tempfile.gettempdir()) / "reportparse-fileshapes"


sys.path.insert(0, str(Path(__file__).resolve().parent))
from siblings import sibling  # noqa: E402 (corpora/ is no package: siblings.py loads the scripts by path)

layout = sibling("layout")
blockfiles = sibling("blockfiles")
harness = sibling("harness")
formrewrites = sibling("formrewrites")
pdfwriter = sibling("pdfwriter")
docxwriter = sibling("docxwriter")
sheetwriter = sibling("sheetwriter")
Document = layout.Document
PdfStyle, write_pdf = pdfwriter.PdfStyle, pdfwriter.write_pdf
write_docx = docxwriter.write_docx
SheetStyle, write_xlsx = sheetwriter.SheetStyle, sheetwriter.write_xlsx
framed, split_at_indicators = formrewrites.framed, formrewrites.split_at_indicators
tables_of, two_row_header, in_yuan = formrewrites.tables_of, formrewrites.two_row_header, formrewrites.in_yuan

# ---------------------------------------------------------------------------------------------
# the shapes
# ---------------------------------------------------------------------------------------------

BETWEEN_BLOCKS = ["二、绩效指标完成情况"]


def complete(target: Path) -> bool:
    """Whether the form written to `target` is whole: its source page was not an excerpt."""
    source = DEV / (target.name.rsplit(".", 1)[0] + ".source.json")
    return not (source.exists() and json.loads(source.read_text(encoding="utf-8")).get("excerpt"))


Writer = Callable[[Document, Path], None]
SHAPES: dict[str, tuple[str, Writer]] = {
    "pdf_borderless": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(rules="none"))),
    "pdf_hrules": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(rules="rows"))),
    "pdf_split": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(split="repeat"))),
    "pdf_split_bare": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(split="bare"))),
    "pdf_landscape": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(landscape=True))),
    "pdf_narrow": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(equal_widths=True))),
    "pdf_framed": ("pdf", lambda d, p: write_pdf(framed(d, complete(p)), p, PdfStyle())),
    "docx_nested": ("docx", lambda d, p: write_docx(d, p, "nested")),
    "docx_textbox": ("docx", lambda d, p: write_docx(d, p, "textbox")),
    "docx_split": ("docx", lambda d, p: write_docx(split_at_indicators(d, BETWEEN_BLOCKS), p)),
    "docx_framed": ("docx", lambda d, p: write_docx(framed(d, complete(p)), p)),
    "xlsx_second_sheet": ("xlsx", lambda d, p: write_xlsx(d, p, SheetStyle(second_sheet=True))),
    "xlsx_columns": ("xlsx", lambda d, p: write_xlsx(d, p, SheetStyle(columns=True))),
    "xlsx_numbers": ("xlsx", lambda d, p: write_xlsx(d, p, SheetStyle(numbers=True))),
    "xlsx_formulas": ("xlsx", lambda d, p: write_xlsx(d, p, SheetStyle(formulas=True))),
    "xlsx_merged_header": ("xlsx", lambda d, p: write_xlsx(tables_of(d, two_row_header), p, SheetStyle())),
    "xlsx_yuan": ("xlsx", lambda d, p: write_xlsx(in_yuan(d), p, SheetStyle())),
}
ORIGINALS = {"original_pdf": "pdf", "original_docx": "docx", "original_xlsx": "xlsx"}


def write_shapes(blocks_paths: list[Path], names: list[str], out: Path) -> None:
    """DIR/<shape>/<stem>.<ext> and its gold for every blocks file (XLSX shapes only for pure forms)."""
    if out.exists():
        shutil.rmtree(out)
    for blocks_path in blocks_paths:
        stem = blockfiles.stem_of(blocks_path)
        gold = json.loads((blocks_path.parent / f"{stem}.gold.json").read_text(encoding="utf-8"))
        doc = layout.load(blocks_path)
        for name in names:
            ext = ORIGINALS.get(name) or SHAPES[name][0]
            if ext == "xlsx" and not doc.xlsx:
                continue
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{stem}.{ext}"
            if name in ORIGINALS:
                shutil.copyfile(blocks_path.parent / f"{stem}.{ext}", target)
            else:
                SHAPES[name][1](doc, target)
            harness.write_gold(gold, folder, stem)
            gold_copy = folder / f"{stem}.gold.json"
            data = json.loads(gold_copy.read_text(encoding="utf-8"))
            data["document"] = target.name
            gold_copy.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def run(blocks_paths: list[Path], names: list[str], out: Path) -> dict[str, dict[str, object]]:
    write_shapes(blocks_paths, names, out)
    return {name: harness.tally(out / name) for name in names if (out / name).exists()}


def reference_of(shape: str) -> str:
    """The layout.py copy a shape is compared with: the original file of its format."""
    return f"original_{ORIGINALS.get(shape) or SHAPES[shape][0]}"


def main(argv: list[str]) -> int:
    return harness.harness_main(argv, description=__doc__.split("\n\n")[0], default_out=DEFAULT_OUT,
                                names=[*ORIGINALS, *SHAPES], run=run, reference_of=reference_of)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
