"""Old and odd office formats: .xls/.et read by xlrd, .doc/.wps (and misnamed files) through LibreOffice.

The copies in tests/data/formats are LibreOffice saves of the acceptance forms and the seed
(`make_copies.py` says how); each must meet its gold as judged by tools/score_gold.py.
LibreOffice tests skip where `soffice` is absent (in CI, which installs it, a skip is a failure).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportparse.cli import cli
from reportparse.model import SourceFormat, Table
from reportparse.pipeline import check, extract
from reportparse.readers import convert as convert_module
from reportparse.readers.convert import find_soffice
from tests.conftest import ACCEPTANCE, SCORE_GOLD

DATA = Path(__file__).resolve().parent / "data" / "formats"
FORMS = ["anhui_tianchang_2022", "anhui_guichi_tangxi_weituo_2022"]
COPIES = [f"{stem}{ext}" for stem in FORMS for ext in (".doc", ".wps", ".xls", ".et")] + ["seed.doc", "seed.wps"]
CONVERTED = {".doc", ".wps"}

needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")


def _gold_case(name: str) -> object:
    marks = [needs_soffice] if Path(name).suffix in CONVERTED else []
    return pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", [_gold_case(n) for n in COPIES])
def test_copy_meets_its_gold(name: str, tmp_path: Path) -> None:
    path = DATA / name
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert data["source"]["path"] == str(path)  # the evidence names the file the reviewer has
    assert data["source"]["format"] == path.suffix.lstrip(".")
    out = tmp_path / "out.json"
    out.write_text(result.stdout, encoding="utf-8")
    gold = DATA / f"{path.stem}.gold.json"
    judged = subprocess.run([sys.executable, str(SCORE_GOLD), str(gold), str(out)],
                            capture_output=True, text=True, check=False)
    assert judged.returncode == 0, judged.stdout + judged.stderr


@pytest.mark.parametrize("stem", FORMS)
def test_xls_grid_is_the_xlsx_grid(stem: str) -> None:
    """The form parser sees the same cells, numbers, merges and references from .xls as from .xlsx."""
    def grid(path: Path) -> list[list[tuple[object, ...]]]:
        tables = [e for e in extract(path).elements if isinstance(e, Table)]
        return [[(c.text, c.number, c.merged, c.ref, c.row, c.col) for c in row] for t in tables for row in t.rows]

    assert grid(DATA / f"{stem}.xls") == grid(ACCEPTANCE / "forms" / f"{stem}.xlsx")


@pytest.fixture
def no_soffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


@pytest.mark.parametrize("name", ["seed.doc", "anhui_tianchang_2022.wps"])
def test_word_97_without_libreoffice_needs_it(name: str, no_soffice: None) -> None:
    path = DATA / name
    result = CliRunner().invoke(cli, ["check", str(path), "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["status"] == "failed"
    assert data["reason"] == "needs-libreoffice"
    assert data["source"]["format"] == path.suffix.lstrip(".")
    message = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(message) == 1
    assert name in message[0] and "libreoffice-writer-nogui" in message[0]


@pytest.mark.parametrize("name", ["anhui_tianchang_2022.xls", "anhui_tianchang_2022.et"])
def test_binary_excel_needs_no_libreoffice(name: str, no_soffice: None) -> None:
    result = check(DATA / name)
    assert result.status.value == "ok"
    assert result.report is not None and result.report.projects


def test_misnamed_files_are_read_by_their_content(tmp_path: Path) -> None:
    """An .xlsx that is really an .xls goes to xlrd, and says so; the source keeps its name."""
    xlsx = tmp_path / "form.xlsx"
    shutil.copyfile(DATA / "anhui_tianchang_2022.xls", xlsx)
    result = check(xlsx)
    assert result.status.value == "ok" and result.source.path == str(xlsx)
    assert result.source.format is SourceFormat.XLSX
    assert any("XLS" in note for note in result.notes)


@needs_soffice
def test_docx_that_is_a_word_97_file(tmp_path: Path) -> None:
    docx = tmp_path / "report.docx"
    shutil.copyfile(DATA / "seed.doc", docx)
    result = check(docx)
    assert result.status.value == "ok"
    assert result.report is not None and len(result.report.projects) == 5
    assert any("converted to DOCX by LibreOffice" in note for note in result.notes)


@needs_soffice
def test_xls_that_is_an_html_table(tmp_path: Path) -> None:
    """Systems that export 'Excel' often write an HTML table with an .xls name; LibreOffice reads it."""
    xls = tmp_path / "export.xls"
    rows = [["项目名称", "社区图书室运行经费"], ["全年预算数（万元）", "12.5"], ["全年执行数（万元）", "12.5"]]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    xls.write_text(f"<html><head><meta charset='utf-8'></head><body><table>{body}</table></body></html>",
                   encoding="utf-8")
    document = extract(xls)
    texts = [[cell.text for cell in row] for e in document.elements if isinstance(e, Table) for row in e.rows]
    assert texts == rows
    assert document.source.format is SourceFormat.XLS
    assert any("HTML" in note and "LibreOffice" in note for note in document.notes)


@needs_soffice
def test_damaged_word_97_file_fails_cleanly(tmp_path: Path) -> None:
    doc = tmp_path / "broken.doc"
    doc.write_bytes((DATA / "seed.doc").read_bytes()[:3000])
    result = check(doc)
    assert result.status.value == "failed"
    assert result.reason in ("conversion-failed", "not-a-report")
    assert result.message and "broken.doc" in result.message


@needs_soffice
def test_conversion_past_the_timeout_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert_module, "CONVERT_TIMEOUT", 0.001)
    result = check(DATA / "seed.doc")
    assert result.status.value == "failed"
    assert result.reason == "conversion-failed"
    assert result.message and "longer than" in result.message


def test_unrecognised_content_in_a_word_extension(tmp_path: Path) -> None:
    wps = tmp_path / "notes.wps"
    wps.write_bytes(bytes(range(256)) * 8)
    result = check(wps)
    assert result.status.value == "failed" and result.reason == "corrupt-file"
    assert result.message and "notes.wps" in result.message
