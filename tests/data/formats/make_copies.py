"""Make the .doc, .wps, .xls and .et copies of the acceptance documents (run once; the copies are committed).

    python3 tests/data/formats/make_copies.py [ACCEPTANCE_DIR]   # default: corpora/acceptance

Each copy is saved by LibreOffice from the acceptance file with the same content, and each gold
is the acceptance gold with `document` naming the copies. What the copies are:

- `.doc`: LibreOffice's "MS Word 97" export. The form DOCX are first opened as ODT and saved from
  there: LibreOffice 7.4 writing a DOCX straight to .doc drops the form's merged-cell table (it
  comes back as one paragraph); through ODT the table survives.
- `.wps`: the same .doc bytes under WPS Writer's extension. LibreOffice cannot write WPS's own
  binary format; WPS Writer saves Word 97 files with a .wps name by default, which is what these
  files usually are in practice.
- `.xls`: LibreOffice's "MS Excel 97" export of the XLSX.
- `.et`: the same .xls bytes under WPS Spreadsheets' extension (WPS saves BIFF8 workbooks as .et).
- The seed is a narrative report: it has .doc and .wps copies, no spreadsheet ones.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMS = ["anhui_tianchang_2022", "anhui_guichi_tangxi_weituo_2022"]


def _soffice(args: list[str], profile: Path) -> None:
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", *args],
                   check=True, capture_output=True, timeout=300)


def _save_as(source: Path, filter_spec: str, suffix: str, work: Path, profile: Path) -> Path:
    out = work / suffix.lstrip(".")
    _soffice(["--convert-to", filter_spec, "--outdir", str(out), str(source)], profile)
    return out / f"{source.stem}{suffix}"


def _word_copy(source: Path, stem: str, work: Path, profile: Path) -> None:
    odt = _save_as(source, "odt", ".odt", work, profile)
    doc = _save_as(odt, "doc:MS Word 97", ".doc", work, profile)
    shutil.copyfile(doc, HERE / f"{stem}.doc")
    shutil.copyfile(doc, HERE / f"{stem}.wps")


def _sheet_copy(source: Path, stem: str, work: Path, profile: Path) -> None:
    xls = _save_as(source, "xls:MS Excel 97", ".xls", work, profile)
    shutil.copyfile(xls, HERE / f"{stem}.xls")
    shutil.copyfile(xls, HERE / f"{stem}.et")


def _gold(source: Path, stem: str, suffixes: list[str]) -> None:
    gold = json.loads(source.read_text(encoding="utf-8"))
    gold["document"] = ", ".join(f"{stem}{s}" for s in suffixes) + f" (LibreOffice copies of {gold['document']})"
    (HERE / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    acceptance = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "corpora" / "acceptance"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        profile = work / "profile"
        for stem in FORMS:
            forms = acceptance / "forms"
            _word_copy(forms / f"{stem}.docx", stem, work, profile)
            _sheet_copy(forms / f"{stem}.xlsx", stem, work, profile)
            _gold(forms / f"{stem}.gold.json", stem, [".doc", ".wps", ".xls", ".et"])
        _word_copy(acceptance / "seeds" / "seed.docx", "seed", work, profile)
        _gold(acceptance / "seed.gold.json", "seed", [".doc", ".wps"])


if __name__ == "__main__":
    main()
