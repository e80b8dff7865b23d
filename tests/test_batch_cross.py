"""Cross-report checks of `reportparse batch`, and the same batch on a Dask cluster."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from reportparse.batch.digest import output_digest
from reportparse.batch.records import MIN_EVALUATION_CHARS, evaluation_text
from reportparse.batch.run import BatchOptions, run_batch
from reportparse.model import Actual, Evidence, Indicator, Project

from .conftest import CORPORA

N14 = "narrative/n14_conflicting.txt"
N01 = "narrative/n01_clean.txt"


def _variant(source: str, target: Path, *replacements: tuple[str, str]) -> None:
    text = (CORPORA / source).read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    target.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def cross_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cross") / "in"
    folder.mkdir()
    shutil.copy(CORPORA / N14, folder / "a_original.txt")
    shutil.copy(CORPORA / N14, folder / "b_same_file_again.txt")  # duplicate-report
    # another project's report with the first project's evaluation word for word (names changed)
    _variant(N14, folder / "c_renamed.txt", ("乡村公路日常养护经费", "城区道路日常保洁经费"),
             ("乡村公路养护经费", "城区道路保洁经费"))
    shutil.copy(CORPORA / N01, folder / "d_n01.txt")
    # the same project and year as d_n01 with another 全年预算数 (and executed amount)
    _variant(N01, folder / "e_n01_budget.txt", ("14.62", "15.62"), ("146,200.00", "156,200.00"))
    shutil.copy(CORPORA / "narrative/n02_clean_two.txt", folder / "f_n02.txt")
    return folder


def _findings(out: Path) -> list[tuple[str, str, str | None, str | None]]:
    connection = sqlite3.connect(out / "results.sqlite")
    rows = connection.execute(
        "SELECT d.path, f.code, f.project, r.path FROM findings f JOIN documents d ON d.id = f.document_id "
        "LEFT JOIN documents r ON r.id = f.related_document_id WHERE f.scope = 'batch' ORDER BY d.path, f.code")
    found = [(Path(a).name, code, project, Path(b).name if b else None) for a, code, project, b in rows]
    connection.close()
    return found


@pytest.fixture(scope="module")
def local_out(cross_folder: Path) -> Path:
    out = cross_folder.parent / "local"
    run_batch(BatchOptions(paths=[cross_folder], out=out, jobs=2, progress=False))
    return out


def test_duplicate_report_names_every_copy(local_out: Path) -> None:
    found = [f for f in _findings(local_out) if f[1] == "duplicate-report"]
    assert found == [("a_original.txt", "duplicate-report", None, "b_same_file_again.txt"),
                     ("b_same_file_again.txt", "duplicate-report", None, "a_original.txt")]


def test_copied_evaluation_between_different_projects_only(local_out: Path) -> None:
    found = {(f[0], f[2], f[3]) for f in _findings(local_out) if f[1] == "copied-evaluation"}
    # the renamed project copies the original's evaluation (in both copies of the original); the report's
    # other project keeps its name, so it is the same project, not a copy
    assert found == {("a_original.txt", "乡村公路日常养护经费", "c_renamed.txt"),
                     ("b_same_file_again.txt", "乡村公路日常养护经费", "c_renamed.txt"),
                     ("c_renamed.txt", "城区道路日常保洁经费", "a_original.txt")}


def test_cross_report_budget_mismatch(local_out: Path) -> None:
    found = [f for f in _findings(local_out) if f[1] == "cross-report-mismatch"]
    assert found == [("d_n01.txt", "cross-report-mismatch", "社区卫生服务中心设备维护费", "e_n01_budget.txt"),
                     ("e_n01_budget.txt", "cross-report-mismatch", "社区卫生服务中心设备维护费", "d_n01.txt")]
    connection = sqlite3.connect(local_out / "results.sqlite")
    expected, actual = connection.execute(
        "SELECT expected, actual FROM findings WHERE code = 'cross-report-mismatch' ORDER BY document_id").fetchone()
    connection.close()
    assert (expected, actual) == ("156200", "146200")


def test_counts_include_cross_report_findings(local_out: Path) -> None:
    connection = sqlite3.connect(local_out / "results.sqlite")
    rows = connection.execute("SELECT d.errors + d.warnings + d.infos, (SELECT COUNT(*) FROM findings f "
                              "WHERE f.document_id = d.id) FROM documents d").fetchall()
    connection.close()
    assert all(total == stored for total, stored in rows)


def _project(name: str, statements: list[str]) -> Project:
    actuals = [Actual(raw=s, origin="analysis", evidence=[Evidence(page=1, text=s)]) for s in statements]
    return Project(name=name, indicators=[Indicator(level="产出/数量", name="指标", actuals=actuals)])


def test_evaluation_text_needs_three_statements_and_sixty_characters() -> None:
    boilerplate = ["项目达到预期目标。", "群众满意度较高。", "资金使用规范。"]
    assert evaluation_text(_project("甲项目", boilerplate)) == ""  # three stock phrases: too short
    long = ["全年完成甲项目乡村公路养护里程132公里，路面完好率达到93%。",
            "养护任务于11月底全部完成，公里养护成本实际为5643元/公里。",
            "沿线群众满意度为94%，群众出行更加便捷。"]
    text = evaluation_text(_project("甲项目", long))
    assert len(text) >= MIN_EVALUATION_CHARS and "甲项目" not in text and "5643元" in text
    assert evaluation_text(_project("甲项目", long[:2])) == ""  # two statements are not enough
    assert text == evaluation_text(_project("乙工程", [s.replace("甲项目", "乙工程") for s in long]))


def test_dask_cluster_gives_the_same_outputs(cross_folder: Path, local_out: Path) -> None:
    from distributed import LocalCluster

    out = cross_folder.parent / "dask"
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster:
        run_batch(BatchOptions(paths=[cross_folder], out=out, scheduler=cluster.scheduler_address, progress=False))
    assert output_digest(out) == output_digest(local_out)
