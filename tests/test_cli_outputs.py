"""`check --format csv`, `--min-severity`, the text report's width, `extract` over several files."""

from __future__ import annotations

import csv
import gc
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportparse.cli import cli
from reportparse.render.common import cell_width
from reportparse.render.csv import COLUMNS
from tests.conftest import CORPORA

SEED = Path(__file__).resolve().parent / "data" / "formats" / "anhui_tianchang_2022.xls"
NARRATIVE = CORPORA / "narrative" / "n14_conflicting.txt"
MIXED = CORPORA / "narrative" / "n22_combo_seedlike.txt"  # errors, warnings and infos


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout


def test_csv_has_one_row_per_finding_and_one_per_unreadable_file(tmp_path: Path) -> None:
    missing = tmp_path / "nonexist.pdf"
    result = CliRunner().invoke(cli, ["check", str(NARRATIVE), str(missing), "--format", "csv"])
    raw = result.stdout_bytes
    assert raw.startswith("\ufeff".encode())  # Excel needs the BOM to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    json_findings = json.loads(_run("check", str(NARRATIVE), "--format", "json")[1])["findings"]
    ours = [r for r in rows if r["file"] == str(NARRATIVE)]
    assert [r["code"] for r in ours] == [f["code"] for f in json_findings]
    first = ours[0]
    assert list(first) == COLUMNS
    assert first["severity"] == "error" and first["project"] and first["indicator"] == "养护里程"
    assert first["page"] == "3" and "p.3 第95行" in first["location"]
    assert "全年养护里程132公里" in first["quote"].splitlines()
    failed = [r for r in rows if r["file"] == str(missing)]
    assert len(failed) == 1 and failed[0]["status"] == "failed" and failed[0]["reason"] == "missing-file"
    assert result.exit_code == 2


def test_min_severity_filters_what_is_shown_and_counted_not_the_exit_code() -> None:
    _, out_all = _run("check", str(MIXED), "--format", "json", "--fail-on", "info")
    everything = json.loads(out_all)
    assert {f["severity"] for f in everything["findings"]} == {"error", "warning", "info"}
    _, out = _run("check", str(MIXED), "--format", "json", "--min-severity", "warning")
    shown = json.loads(out)
    assert [f for f in everything["findings"] if f["severity"] != "info"] == shown["findings"]
    assert shown["summary"] == {**everything["summary"], "info": 0}
    # the exit code is decided on every finding: --fail-on info fails on infos that are not shown
    assert _run("check", str(MIXED), "--min-severity", "error", "--fail-on", "info")[0] == 1
    _, text = _run("check", str(MIXED), "--min-severity", "error")
    assert "警告  " not in text and "提示  " not in text
    assert text.rstrip().splitlines()[-1] == f"合计：{everything['summary']['error']} 错误，0 警告，0 提示"


@pytest.mark.parametrize("columns", [80, 160])
def test_text_report_fits_columns(columns: int) -> None:
    _, text = _run("check", str(NARRATIVE), str(SEED), env={"COLUMNS": str(columns)})
    widths = [cell_width(line) for line in text.splitlines()]
    assert max(widths) <= columns and max(widths) > columns - 10


def test_text_report_is_100_columns_when_piped() -> None:
    _, text = _run("check", str(NARRATIVE), env={"COLUMNS": ""})
    assert max(cell_width(line) for line in text.splitlines()) == 100  # the project rule runs to the edge


def test_extract_several_files_as_jsonl(tmp_path: Path) -> None:
    missing = tmp_path / "gone.docx"
    result = CliRunner().invoke(cli, ["extract", str(NARRATIVE), str(missing), str(SEED), "--format", "jsonl"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["path"] for r in records] == [str(NARRATIVE), str(missing), str(SEED)]
    assert [r["status"] for r in records] == ["ok", "failed", "ok"]
    assert records[1]["reason"] == "missing-file" and records[1]["report"] is None
    assert records[2]["report"]["projects"][0]["name"]
    assert result.exit_code == 2 and "gone.docx" in result.stderr


def test_extract_one_file_prints_its_data_and_several_a_list() -> None:
    code, out = _run("extract", str(NARRATIVE))
    assert code == 0 and "projects" in json.loads(out)
    code, out = _run("extract", str(NARRATIVE), str(SEED), "--document")
    records = json.loads(out)
    assert code == 0 and [r["document"]["source"]["format"] for r in records] == ["text", "xls"]


@pytest.mark.parametrize("files", [[MIXED], [MIXED, NARRATIVE]])
def test_check_leaves_the_garbage_collector_as_it_found_it(files: list[Path]) -> None:
    """check pauses the cyclic collector for its start-up and freezes what that made; a caller in the same
    process (a test, a script) gets it back enabled and with nothing frozen, output unchanged."""
    assert gc.isenabled() and gc.get_freeze_count() == 0
    first = CliRunner().invoke(cli, ["check", *map(str, files), "--format", "json"])
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    try:
        again = CliRunner().invoke(cli, ["check", *map(str, files), "--format", "json"])
        assert not gc.isenabled() and gc.get_freeze_count() == 0  # left off when it was off
    finally:
        gc.enable()
    assert first.exit_code == again.exit_code == 1 and first.stdout == again.stdout
