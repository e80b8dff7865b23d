"""Borderless PDF copies of hand-built forms: cell borders removed, then printed by LibreOffice.

A 自评表 exported from Excel often has no borders (Excel's gridlines are not printed), so the PDF
holds only text in aligned columns. Each copy `hfNN_<slug>_noborder.pdf` gets a gold identical to
the workbook's gold except for the document it names. Run: python3 corpora/handforms/build_borderless.py
(needs soffice).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Border

HERE = Path(__file__).resolve().parent
STEMS = ("hf01_sichuan", "hf02_yunnan", "hf03_guizhou", "hf04_merged", "hf05_two_sheets", "hf06_two_row_header")


def borderless(stem: str, tmp: Path) -> None:
    """Write stem_noborder.pdf and its gold."""
    wb = openpyxl.load_workbook(HERE / f"{stem}.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                cell.border = Border()
        ws.print_options.gridLines = False
    name = f"{stem}_noborder"
    workbook = tmp / f"{name}.xlsx"
    wb.save(workbook)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(workbook)],
                   check=True, capture_output=True)
    shutil.copy(tmp / f"{name}.pdf", HERE / f"{name}.pdf")
    gold = json.loads((HERE / f"{stem}.gold.json").read_text("utf-8"))
    gold["document"] = f"{name}.pdf"
    gold["documents"] = [f"{name}.pdf"]
    (HERE / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", "utf-8")


def main() -> None:
    """Build every borderless copy."""
    with tempfile.TemporaryDirectory() as name:
        for stem in STEMS:
            borderless(stem, Path(name))


if __name__ == "__main__":
    main()
