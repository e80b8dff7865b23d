"""`reportparse serve` without a browser: the routes through Starlette's test client, the desk's
renderers, upload names and limits, and the server process (temporary folder removed on stop).

The browser test (tests/test_serve_browser.py) drives the same server in headless Chromium.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from reportparse.model import Evidence, Finding, Report, Result, Severity, Source, SourceFormat, Status
from reportparse.pipeline import check
from reportparse.render.desk import render_file_list, render_findings
from reportparse.serve.desk import Desk, DeskFile, FileStatus, safe_name
from tests.conftest import CORPORA, REPO

pytest.importorskip("starlette", reason="the serve extra is not installed (pip install '.[serve]')")
pytest.importorskip("httpx2", reason="Starlette's test client needs httpx2 (pip install '.[dev]')")

from starlette.testclient import TestClient

from reportparse.serve.app import create_app
from reportparse.serve.engine import CheckEngine

CONFLICTING = CORPORA / "narrative" / "n14_conflicting.txt"
FORM = CORPORA / "acceptance" / "forms" / "anhui_guichi_tangxi_weituo_2022.xlsx"
LOCAL = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def engine() -> Iterator[CheckEngine]:
    pool = CheckEngine(jobs=2, profile="national-2020")
    yield pool
    pool.close()


@pytest.fixture
def desk(tmp_path: Path, engine: CheckEngine) -> Desk:
    return Desk(tmp_path / "desk", engine)


@pytest.fixture
def client(desk: Desk) -> Iterator[TestClient]:
    with TestClient(create_app(desk, 2 * 1024 * 1024, "national-2020"), base_url=LOCAL) as test_client:
        yield test_client


def wait_until_checked(client: TestClient, timeout: float = 180.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        state = client.get("/api/state").json()
        if not state["busy"]:
            return state
        assert time.monotonic() < deadline, f"still checking after {timeout} s: {state['files']}"
        time.sleep(0.2)


def sheet_rows(book: Workbook, name: str) -> list[dict[str, object]]:
    """A sheet's rows as dicts by its header row (a read-only sheet may leave out trailing empty cells)."""
    header, *rows = book[name].iter_rows(values_only=True)
    return [dict(zip_longest(header, row)) for row in rows]


def upload(client: TestClient, *files: tuple[str, bytes]) -> dict:
    response = client.post("/api/files", files=[("files", (name, data)) for name, data in files])
    assert response.status_code == 200, response.text
    return response.json()


def test_dropped_files_are_checked_and_their_findings_listed(client: TestClient) -> None:
    reply = upload(client, (CONFLICTING.name, CONFLICTING.read_bytes()), (FORM.name, FORM.read_bytes()),
                   ("notes.md", b"# not a report"), ("empty.pdf", b""))
    assert [f["name"] for f in reply["files"]] == [CONFLICTING.name, FORM.name, "notes.md", "empty.pdf"]
    state = wait_until_checked(client)
    by_name = {f["name"]: f for f in state["files"]}
    assert by_name[CONFLICTING.name]["status"] == "done"
    assert by_name[FORM.name]["status"] == "done"
    assert (by_name["notes.md"]["status"], by_name["notes.md"]["reason"]) == ("failed", "unknown-format")
    assert (by_name["empty.pdf"]["status"], by_name["empty.pdf"]["reason"]) == ("failed", "empty-file")

    expected = [check(CONFLICTING), check(FORM)]
    rows = state["findings_html"].count('<tr class="finding"')
    assert rows == sum(len(r.findings) for r in expected)
    for file_id, result in ((1, expected[0]), (2, expected[1])):
        for finding in result.findings:
            assert f'data-code="{finding.code}"' in state["findings_html"]
        assert state["findings_html"].count(f'data-file="{file_id}"') == len(result.findings)
    assert "unknown-format" in state["files_html"] and "empty-file" in state["files_html"]


def test_the_review_page_names_the_upload_not_the_temporary_folder(client: TestClient, desk: Desk) -> None:
    upload(client, (CONFLICTING.name, CONFLICTING.read_bytes()))
    wait_until_checked(client)
    page = client.get("/files/1/review")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "conflicting-actuals" in page.text and CONFLICTING.name in page.text
    assert str(desk.root) not in page.text
    assert 'id="f-0-1"' in page.text  # the desk's "在审查页中查看" links point at this row
    assert client.get("/files/9/review").status_code == 404


def test_downloads_cover_every_checked_file(client: TestClient) -> None:
    upload(client, (CONFLICTING.name, CONFLICTING.read_bytes()), (FORM.name, FORM.read_bytes()),
           ("notes.md", b"# not a report"))
    wait_until_checked(client)
    results = [check(CONFLICTING), check(FORM)]

    findings = client.get("/download/findings.csv")
    assert findings.status_code == 200
    assert findings.content.startswith(b"\xef\xbb\xbf")  # a byte-order mark, for Excel and WPS
    rows = list(csv.DictReader(io.StringIO(findings.content.decode("utf-8-sig"))))
    assert sorted((r["file"], r["code"]) for r in rows) == sorted(
        (name, f.code) for name, r in zip((CONFLICTING.name, FORM.name), results, strict=True) for f in r.findings)

    indicators = list(csv.DictReader(io.StringIO(client.get("/download/indicators.csv").content.decode("utf-8-sig"))))
    assert len(indicators) == sum(len(p.indicators) for r in results for p in (r.report.projects if r.report else []))

    workbook = client.get("/download/summary.xlsx")
    assert workbook.status_code == 200
    book = load_workbook(io.BytesIO(workbook.content), read_only=True)
    documents = sheet_rows(book, "documents")
    assert sorted((d["file"], d["status"], d["reason"]) for d in documents) == sorted([
        (CONFLICTING.name, "ok", None), (FORM.name, "ok", None), ("notes.md", "failed", "unknown-format")])
    assert len(sheet_rows(book, "findings")) == len(rows)
    assert client.get("/download/other.txt").status_code == 404


def test_a_name_uploaded_again_is_told_apart(client: TestClient) -> None:
    first = upload(client, ("报告.txt", CONFLICTING.read_bytes()))["files"]
    again = upload(client, ("报告.txt", CONFLICTING.read_bytes()), ("报告.txt", b"x"))["files"]
    assert [f["name"] for f in first + again] == ["报告.txt", "报告 (2).txt", "报告 (3).txt"]


def test_an_upload_over_the_limit_gets_413_with_the_limit_said(client: TestClient, desk: Desk) -> None:
    big = b"x" * (2 * 1024 * 1024 + 1)
    response = client.post("/api/files", files=[("files", ("big.txt", big))])
    assert response.status_code == 413
    assert "2 MB" in response.json()["error"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is counted as the body arrives
        boundary = b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n\r\n"
        yield boundary
        for _ in range(3):
            yield b"x" * (1024 * 1024)
        yield b"\r\n--b--\r\n"

    streamed = client.post("/api/files", content=chunks(), headers={"content-type": "multipart/form-data; boundary=b"})
    assert streamed.status_code == 413
    assert desk.files()[1] == []


def test_a_worker_that_dies_fails_its_file_and_the_desk_goes_on(tmp_path: Path) -> None:
    import multiprocessing

    others = set(multiprocessing.active_children())
    fresh = CheckEngine(jobs=1, profile="national-2020")
    try:
        desk = Desk(tmp_path / "desk", fresh)
        with CONFLICTING.open("rb") as content:
            desk.add(CONFLICTING.name, content)
        for worker in set(multiprocessing.active_children()) - others:
            worker.kill()  # as the kernel's out-of-memory killer would
        with CONFLICTING.open("rb") as content:
            desk.add("again.txt", content)
        deadline = time.monotonic() + 180
        while any(f.status in (FileStatus.QUEUED, FileStatus.CHECKING) for f in desk.files()[1]):
            assert time.monotonic() < deadline
            time.sleep(0.2)
        first, second = desk.files()[1]
        assert (first.status, first.reason) == (FileStatus.FAILED, "worker-crashed")
        assert first.message is not None and first.message.startswith(f"{CONFLICTING.name}: the checking process")
        assert second.status is FileStatus.DONE and second.result is not None and second.result.findings
    finally:
        fresh.close()


def test_requests_from_elsewhere_are_refused(client: TestClient) -> None:
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400  # DNS rebinding
    foreign = client.post("/api/files", files=[("files", ("a.txt", b"x"))], headers={"origin": "https://evil.example"})
    assert foreign.status_code == 403
    same = client.post("/api/files", files=[("files", ("a.txt", b"x"))], headers={"origin": LOCAL})
    assert same.status_code == 200
    empty = client.post("/api/files", data={"note": "no file"})
    assert empty.status_code == 400 and "没有收到文件" in empty.json()["error"]


def test_the_page_and_its_assets_are_served_with_a_strict_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert 'id="file-input"' in page.text and 'href="/download/summary.xlsx"' in page.text
    assert client.get("/static/desk.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/desk.css").status_code == 200
    assert client.get("/static/review.js").status_code == 404  # only the desk's own assets


def test_the_state_omits_the_fragments_the_page_already_has(client: TestClient) -> None:
    first = client.get("/api/state").json()
    assert "files_html" in first
    again = client.get(f"/api/state?since={first['version']}").json()
    assert "files_html" not in again and again["version"] == first["version"]


@pytest.mark.parametrize(("uploaded", "stored"), [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\王\\自评报告.docx", "自评报告.docx"),
    ("a\x1b[31mred.txt", "a_[31mred.txt"),
    ("..", "upload"),
    ("x" * 300 + ".xlsx", "x" * 145 + ".xlsx"),
])
def test_upload_names_are_made_safe(uploaded: str, stored: str) -> None:
    assert safe_name(uploaded) == stored


def _result(path: str, message: str) -> Result:
    finding = Finding(code="budget-rate-mismatch", severity=Severity.ERROR, project="<b>项目</b>", message=message,
                      evidence=[Evidence(page=2, line=7, text="执行率<script>")])
    return Result(source=Source(path=path, format=SourceFormat.TEXT, sha256="", pages=3), status=Status.OK,
                  profile="national-2020", report=Report(projects=[]), findings=[finding])


def test_the_renderers_escape_what_documents_and_names_say() -> None:
    shown = _result("<img src=x>.txt", "<script>alert(1)</script>")
    files = [DeskFile(1, "<img src=x>.txt", 10, FileStatus.DONE, shown),
             DeskFile(2, "bad.pdf", 0, FileStatus.FAILED, None, "empty-file", "bad.pdf: <empty>")]
    listing, findings = render_file_list(files), render_findings(files)
    for html in (listing, findings):
        assert "<img" not in html and "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in findings and "p.2 第7行" in findings
    assert 'data-project="&lt;b&gt;项目&lt;/b&gt;"' in findings
    assert 'data-status="failed"' in listing and "empty-file" in listing and "失败" in listing


def test_the_findings_filters_offer_what_the_findings_hold() -> None:
    files = [DeskFile(1, "a.txt", 10, FileStatus.DONE, _result("a.txt", "m")),
             DeskFile(2, "b.txt", 10, FileStatus.CHECKING)]
    findings = render_findings(files)
    assert '<option value="budget-rate-mismatch">' in findings
    assert '<option value="1">1. a.txt</option>' in findings
    assert '<option value="2">' not in findings  # a file still being checked has no findings yet


# ---- the server process ---------------------------------------------------------------------------------


def start_server(*args: str) -> tuple[subprocess.Popen[str], str, Path]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")]))}
    process = subprocess.Popen([sys.executable, "-m", "reportparse", "serve", "--port", "0", "--jobs", "1", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               start_new_session=True)  # its own process group, as a terminal would give it
    assert process.stdout is not None and process.stderr is not None
    url = process.stdout.readline().strip()
    announce = process.stderr.readline()
    assert url.startswith("http://127.0.0.1:"), (url, announce, process.stderr.read() if not url else "")
    folder = Path(announce.split("停止时删除上传的文件：", 1)[1].rstrip("）\n"))
    return process, url, folder


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_stopping_the_server_removes_the_uploads(stop: signal.Signals) -> None:
    """Stopped while a file is being checked, as Ctrl-C in a terminal does it: the signal goes to the
    whole process group, the workers too."""
    import httpx2

    process, url, folder = start_server()
    try:
        assert folder.is_dir()
        reply = httpx2.post(url + "api/files", files=[("files", (FORM.name, FORM.read_bytes()))])
        assert reply.status_code == 200
        assert (folder / "uploads" / "1" / FORM.name).is_file()
    finally:
        os.killpg(process.pid, stop)
        _, stderr = process.communicate(timeout=60)
    assert not folder.exists()
    assert "Traceback" not in stderr


def test_a_port_in_use_is_one_line_and_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "reportparse", "serve", "--port", str(port)],
                              capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and f"127.0.0.1:{port}" in done.stderr and "--port" in done.stderr


def test_without_the_extra_serve_says_how_to_install_it() -> None:
    code = ("import sys; sys.modules['starlette'] = None\n"
            "from reportparse.cli import main; sys.argv = ['reportparse', 'serve']; main()")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "pip install 'reportparse[serve]'" in done.stderr and "Traceback" not in done.stderr
