"""`reportparse batch`: discovery, statuses and reasons, outputs, --jobs independence, --resume, limits."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportparse.batch.digest import output_digest
from reportparse.batch.discover import discover
from reportparse.batch.run import BatchOptions, BatchSummary, run_batch
from reportparse.cli import cli
from reportparse.pipeline import check
from reportparse.render.json import render_json

from .conftest import CORPORA

GOOD = ["narrative/n01_clean.txt", "narrative/n14_conflicting.txt", "narrative/n01_clean.docx",
        "forms/f04_score_mismatch.xlsx", "forms/f01_clean.pdf"]


def make_folder(root: Path) -> Path:
    """A small batch: one report of each format, a copy, two hostile files, a FIFO and a file to skip."""
    folder = root / "in"
    (folder / "sub").mkdir(parents=True)
    for name in GOOD:
        shutil.copy(CORPORA / name, folder / "sub" / Path(name).name)
    shutil.copy(CORPORA / "narrative/n14_conflicting.txt", folder / "copy-of-n14.txt")
    (folder / "empty.docx").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntruncated")
    (folder / "notes.md").write_text("not a report", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    return folder


def run(folder: Path, out: Path, **options: object) -> BatchSummary:
    return run_batch(BatchOptions(paths=[folder], out=out, progress=False, **options))  # type: ignore[arg-type]


def documents(out: Path) -> dict[str, tuple[str, str | None]]:
    connection = sqlite3.connect(out / "results.sqlite")
    rows = connection.execute("SELECT path, status, reason FROM documents").fetchall()
    connection.close()
    return {Path(path).name: (status, reason) for path, status, reason in rows}


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, BatchSummary]:
    root = tmp_path_factory.mktemp("batch")
    folder = make_folder(root)
    summary = run(folder, root / "out", jobs=2)
    return folder, root / "out", summary


def test_discovery_walks_folders_sorted_and_lists_what_it_skips(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    inputs, skipped = discover([folder, tmp_path / "missing"])
    assert [i.output for i in inputs] == sorted(i.output for i in inputs)
    assert {i.output for i in inputs} >= {"sub/n01_clean.txt", "copy-of-n14.txt", "pipe.txt"}
    fifo = next(i for i in inputs if i.output == "pipe.txt")
    assert not fifo.regular and fifo.sha256 == ""  # recognised by stat, never opened
    assert {(Path(s.path).name, s.reason) for s in skipped} == {("notes.md", "unknown-format"),
                                                                 ("missing", "missing-file")}


def test_batch_reads_every_format_check_reads(tmp_path: Path) -> None:
    # a folder of submissions holds scans and old Office files too: the batch takes what `check` takes
    from reportparse.batch.discover import BATCH_SUFFIXES
    from reportparse.readers import SUFFIXES

    assert frozenset(SUFFIXES) == BATCH_SUFFIXES
    for name in ("scan.JPG", "photo.tif", "form.xls", "notes.md"):
        (tmp_path / name).write_bytes(b"x")
    inputs, skipped = discover([tmp_path])
    assert sorted(i.output for i in inputs) == ["form.xls", "photo.tif", "scan.JPG"]
    assert [Path(s.path).name for s in skipped] == ["notes.md"]


def test_every_input_is_stored_with_its_status_and_reason(batch_run: tuple[Path, Path, BatchSummary]) -> None:
    _, out, summary = batch_run
    docs = documents(out)
    assert docs["empty.docx"] == ("failed", "empty-file")
    assert docs["broken.pdf"][0] == "failed" and docs["broken.pdf"][1] in {"corrupt-file", "no-text-layer"}
    assert docs["pipe.txt"] == ("failed", "not-a-regular-file")
    assert docs["notes.md"] == ("skipped", "unknown-format")
    for name in [Path(n).name for n in GOOD] + ["copy-of-n14.txt"]:
        assert docs[name][0] in {"ok", "partial"}, (name, docs[name])
    assert summary.inputs == 9 and summary.skipped == 1 and summary.checked == 9


def test_each_input_gets_the_json_check_prints_and_a_review_page(batch_run: tuple[Path, Path, BatchSummary]) -> None:
    folder, out, _ = batch_run
    for name in ("sub/n14_conflicting.txt", "sub/f04_score_mismatch.xlsx", "empty.docx"):
        written = (out / "json" / f"{name}.json").read_text(encoding="utf-8")
        assert written == render_json([check(folder / name)])
        page = (out / "pages" / f"{name}.html").read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and str(folder / name) in page
    report = (out / "report.html").read_text(encoding="utf-8")
    assert 'href="pages/sub/n14_conflicting.txt.html"' in report and "notes.md" in report


def test_csv_tables_have_the_documented_columns(batch_run: tuple[Path, Path, BatchSummary]) -> None:
    folder, out, _ = batch_run
    with open(out / "indicators.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["file", "project", "level", "indicator", "comparator", "target", "unit", "actual",
                             "weight", "claimed_score", "recomputed_score"]
    form = check(folder / "sub/f04_score_mismatch.xlsx").report
    assert form is not None
    expected = [(p.name, i.name, _text(i.score), _text(i.recomputed_score)) for p in form.projects
                for i in p.indicators]
    written = [(r["project"], r["indicator"], r["claimed_score"], r["recomputed_score"]) for r in rows
               if r["file"].endswith("f04_score_mismatch.xlsx")]
    assert written == expected and any(r[3] for r in written)
    with open(out / "findings.csv", encoding="utf-8-sig", newline="") as handle:
        findings = list(csv.DictReader(handle))
    files = [r["file"] for r in findings]
    assert files == sorted(files)
    own = {r["code"] for r in findings if r["file"].endswith("sub/n14_conflicting.txt") and r["scope"] == "document"}
    assert own == {f.code for f in check(folder / "sub/n14_conflicting.txt").findings}


def _text(value: object) -> str:
    if value is None:
        return ""
    number = float(str(value))
    return str(int(number)) if number.is_integer() else str(number)


def test_summary_workbook_ranks_documents_and_colours_findings(batch_run: tuple[Path, Path, BatchSummary]) -> None:
    from openpyxl import load_workbook

    _, out, _ = batch_run
    workbook = load_workbook(out / "summary.xlsx")
    docs, findings = workbook["documents"], workbook["findings"]
    assert docs.freeze_panes == "A2" and findings.freeze_panes == "A2"
    assert docs.auto_filter.ref == f"A1:O{docs.max_row}" and findings.auto_filter.ref.startswith("A1:L")
    header = [c.value for c in docs[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in docs.iter_rows(min_row=2)]
    ranked = [r for r in rows if r["rank"] is not None]
    assert [r["rank"] for r in ranked] == list(range(1, len(ranked) + 1))
    scores = [r["risk score"] for r in ranked]
    assert scores == sorted(scores, reverse=True)
    for r in ranked:
        assert r["risk score"] == 10 * r["errors"] + 3 * r["warnings"] + r["infos"]
    assert all(r["rank"] is None for r in rows if r["status"] in ("failed", "skipped"))
    severity_cells = [row[1] for row in findings.iter_rows(min_row=2)]
    colours = {c.value: c.fill.fgColor.rgb[-6:] for c in severity_cells}
    assert colours["error"] == "F8D7DA" and colours["warning"] == "FFE8B3"


def test_outputs_do_not_depend_on_jobs(batch_run: tuple[Path, Path, BatchSummary], tmp_path: Path) -> None:
    folder, out, _ = batch_run
    run(folder, tmp_path / "one", jobs=1)
    assert output_digest(tmp_path / "one") == output_digest(out)


def test_a_worker_runs_the_closing_step_and_the_parent_when_it_cannot(
        batch_run: tuple[Path, Path, BatchSummary], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportparse.batch import run as batch_module
    from reportparse.batch.worker import Sandbox

    folder, reference, _ = batch_run
    finish = batch_module._finish

    def not_here(*args: object) -> None:
        raise AssertionError("the closing step ran in the batch process")

    monkeypatch.setattr(batch_module, "_finish", not_here)  # the worker's own process is not patched
    run(folder, tmp_path / "worker", jobs=1)
    assert output_digest(tmp_path / "worker") == output_digest(reference)
    monkeypatch.setattr(batch_module, "_finish", finish)
    monkeypatch.setattr(Sandbox, "close_batch", lambda self, closing: False)
    run(folder, tmp_path / "parent", jobs=1)
    assert output_digest(tmp_path / "parent") == output_digest(reference)


def test_resume_redoes_only_unfinished_and_changed_files(tmp_path: Path) -> None:
    work = make_folder(tmp_path)
    out = tmp_path / "out"
    run(work, out, jobs=2)
    # as if the batch were killed before two files finished: their rows pending, no JSON yet
    connection = sqlite3.connect(out / "results.sqlite")
    connection.execute("UPDATE documents SET status = 'pending' WHERE path LIKE '%n01_clean.txt' "
                       "OR path LIKE '%empty.docx'")
    connection.commit()
    connection.close()
    (out / "json/empty.docx.json").unlink()
    kept = {p: p.stat().st_mtime_ns for p in (out / "json").rglob("*.json")}
    summary = run(work, out, jobs=2, resume=True)
    assert summary.checked == 2 and summary.already_done == 7
    assert all(p.stat().st_mtime_ns == mtime for p, mtime in kept.items() if "n01_clean" not in p.name)
    again = run(work, out, jobs=2, resume=True)
    assert again.checked == 0
    # a file whose content changed is done again
    with open(work / "sub/n01_clean.txt", "a", encoding="utf-8") as handle:
        handle.write("\n")
    assert run(work, out, jobs=2, resume=True).checked == 1


def test_resumed_outputs_equal_an_uninterrupted_run(batch_run: tuple[Path, Path, BatchSummary],
                                                    tmp_path: Path) -> None:
    folder, reference, _ = batch_run
    out = tmp_path / "out"
    run(folder, out, jobs=1)
    connection = sqlite3.connect(out / "results.sqlite")
    connection.execute("UPDATE documents SET status = 'pending' WHERE path LIKE '%.xlsx' OR path LIKE '%.pdf'")
    connection.commit()
    connection.close()
    for path in (out / "json").rglob("*.json"):
        if path.name.endswith((".xlsx.json", ".pdf.json")):
            path.unlink()
    run(folder, out, jobs=2, resume=True)
    assert output_digest(out) == output_digest(reference)


def test_a_file_that_hangs_its_worker_times_out_and_the_batch_goes_on(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from reportparse.batch.worker import STALL_ENV

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPORA / "narrative/n14_conflicting.txt", folder / "slow.txt")
    shutil.copy(CORPORA / "narrative/n01_clean.txt", folder)
    monkeypatch.setenv(STALL_ENV, "slow")  # the test-only hook: the worker hangs on slow.txt
    run(folder, tmp_path / "out", jobs=1, timeout=2)
    docs = documents(tmp_path / "out")
    assert docs["slow.txt"] == ("failed", "timeout")
    assert docs["n01_clean.txt"] == ("ok", None)
    result = json.loads((tmp_path / "out/json/slow.txt.json").read_text(encoding="utf-8"))
    assert result["status"] == "failed" and result["reason"] == "timeout"


def test_a_file_beyond_the_memory_cap_fails_with_reason_memory(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    report = (CORPORA / "narrative/n14_conflicting.txt").read_text(encoding="utf-8")
    (folder / "huge.txt").write_text(report * 500, encoding="utf-8")  # 2.7 MB of text: far more than 40 MiB parsed
    shutil.copy(CORPORA / "forms/f04_score_mismatch.xlsx", folder)
    run(folder, tmp_path / "out", jobs=1, memory_mb=40)
    docs = documents(tmp_path / "out")
    assert docs["huge.txt"] == ("failed", "memory")
    assert docs["f04_score_mismatch.xlsx"] == ("ok", None)  # the worker was replaced and went on


def test_an_error_at_the_memory_cap_is_memory_not_an_internal_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a native library refused an allocation under the cap raises what it likes (CI once met
    # 'SystemError: error return without exception set'): at the cap that is the file's need of memory
    from reportparse import pipeline
    from reportparse.batch import worker

    def refused(path: object, profile: object) -> None:
        raise SystemError("error return without exception set")

    monkeypatch.setattr(pipeline, "check_document", refused)
    task = worker.Task(doc_id=1, path=str(tmp_path / "a.txt"), output="a", sha256="0", regular=True)
    spec = worker.WorkerSpec(profile="national-2020", memory_mb=40, html=False)
    monkeypatch.setattr(worker, "at_memory_cap", lambda: True)
    with pytest.raises(MemoryError):
        worker.check_file(task, spec)
    monkeypatch.setattr(worker, "at_memory_cap", lambda: False)
    outcome = worker.check_file(task, spec)
    assert json.loads(outcome.json_bytes)["reason"] == "internal-error"


def test_db_option_appends_batches_to_one_database(tmp_path: Path) -> None:
    db = tmp_path / "all.sqlite"
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(CORPORA / "narrative/n01_clean.txt", folder)
        run(folder, tmp_path / f"out-{name}", db=db, pages=False)
    connection = sqlite3.connect(db)
    batches = connection.execute("SELECT COUNT(*) FROM batches").fetchone()[0]
    per_batch = connection.execute("SELECT batch_id, COUNT(*) FROM documents GROUP BY batch_id").fetchall()
    connection.close()
    assert batches == 2 and [n for _, n in per_batch] == [1, 1]
    assert not (tmp_path / "out-a/results.sqlite").exists() and (tmp_path / "out-a/findings.csv").exists()


def test_cli_batch_and_rules(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(CORPORA / "narrative/n01_clean.txt", folder)
    result = CliRunner().invoke(cli, ["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "ok 1" in result.output and (tmp_path / "out/summary.xlsx").exists()
    rules = CliRunner().invoke(cli, ["rules", "--format", "json"])
    scopes = {entry["code"]: entry["scope"] for entry in json.loads(rules.output)}
    assert {c for c, s in scopes.items() if s == "batch"} == {"duplicate-report", "copied-evaluation",
                                                              "cross-report-mismatch"}
    empty = CliRunner().invoke(cli, ["batch", str(tmp_path / "nothing-here"), "--out", str(tmp_path / "o2")])
    assert empty.exit_code == 0 and "跳过 1" in empty.output


def test_resource_warnings_do_not_become_a_files_notes() -> None:
    # raised whenever the garbage collector runs (jieba leaves its dictionary open): noting them made a
    # batch's JSON depend on which file was being read at that moment, i.e. on --jobs
    import warnings

    from reportparse.libnotes import library_notes

    with library_notes() as notes:
        warnings.warn("unclosed file", ResourceWarning, stacklevel=1)
        warnings.warn("odd cell", UserWarning, stacklevel=1)
    assert notes == ["warning: UserWarning: odd cell"]


def test_every_worker_is_one_core_whatever_jobs_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # --jobs is the parallelism: a worker that read a scan's pages on every core made --jobs 1 use more than one
    # core, so --jobs 2 could not double it. A count the user set for a library is kept.
    from reportparse.batch import worker
    from reportparse.ocr.pool import WORKERS_ENV

    started: list[dict[str, str]] = []

    def popen(*args: object, env: dict[str, str], **kwargs: object) -> None:
        started.append(env)
        raise OSError("not started in this test")

    monkeypatch.setattr(worker.subprocess, "Popen", popen)
    for variable in (WORKERS_ENV, *worker.ONE_THREAD_LIBRARIES):
        monkeypatch.delenv(variable, raising=False)
    for jobs in (1, 2):
        with pytest.raises(OSError, match="not started"):
            run(tmp_path, tmp_path / "out", jobs=jobs)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    with pytest.raises(OSError, match="not started"):
        run(tmp_path, tmp_path / "out", jobs=1)
    assert [{v: env[v] for v in (WORKERS_ENV, *worker.ONE_THREAD_LIBRARIES)} for env in started] == [
        {WORKERS_ENV: "1", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
         "OPENCV_FOR_THREADS_NUM": "1"}] * 2 + [
        {WORKERS_ENV: "1", "OMP_NUM_THREADS": "3", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
         "OPENCV_FOR_THREADS_NUM": "1"}]
