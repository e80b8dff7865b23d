"""`reportparse serve` end to end in headless Chromium, driven by playwright-python.

The server runs as `python -m reportparse serve --port 0` on a free port; Chromium is Debian's
(/usr/bin/chromium, installed by .ci/run; playwright never downloads a browser here), started with
a fresh profile and no background networking. The test chooses files in the drop zone's input,
watches them checked, filters and opens a finding, opens the document's review page and downloads
the workbook. Skipped with a reason when Chromium or playwright is missing (with CI set,
tests/conftest.py turns that skip into a failure). A screenshot of the desk with a finding open is
written to $REPORTPARSE_SCREENSHOTS (a folder) when set, else to pytest's tmp_path.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import CORPORA
from tests.test_serve import sheet_rows, start_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="headless Chromium is not installed (apt-get install chromium)")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[dev]')")

CONFLICTING = CORPORA / "narrative" / "n14_conflicting.txt"
FORM = CORPORA / "acceptance" / "forms" / "anhui_guichi_tangxi_weituo_2022.xlsx"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-extensions", "--disable-sync"]


@pytest.fixture
def server() -> Iterator[str]:
    process, url, folder = start_server("--max-upload-mb", "1")
    try:
        yield url
    finally:
        process.terminate()
        process.communicate(timeout=60)
    assert not folder.exists()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS,
            accept_downloads=True, viewport={"width": 1280, "height": 900}, locale="zh-CN")
        try:
            yield context
        finally:
            context.close()


def test_drop_files_see_findings_open_the_review_page_and_download_the_workbook(
        server: str, browser: sync_api.BrowserContext, tmp_path: Path) -> None:
    expect = sync_api.expect
    page = browser.new_page()
    page.goto(server)
    expect(page.locator("#no-files")).to_be_visible()

    bad = tmp_path / "empty.docx"
    bad.write_bytes(b"")
    page.set_input_files("#file-input", [str(CONFLICTING), str(FORM), str(bad)])
    files = page.locator("#files tr.file")
    expect(files).to_have_count(3)
    expect(page.locator("#files tr.file[data-status='done']")).to_have_count(2, timeout=180_000)
    failed = page.locator("#files tr.file[data-status='failed']")
    expect(failed).to_have_count(1)
    expect(failed).to_contain_text("empty-file")
    expect(failed).to_contain_text("empty.docx")

    rows = page.locator("#findings tr.finding")
    conflicting = page.locator("#findings tr.finding[data-code='conflicting-actuals']")
    expect(conflicting).to_have_count(1)
    total = rows.count()
    assert total > 3  # the form's findings are listed beside the report's

    # filter: the error-level findings of the form only (its 年度资金总额 row of zeros)
    page.select_option("#f-severity", "error")
    page.select_option("#f-file", "2")
    visible = page.locator("#findings tr.finding:visible")
    assert visible.count() >= 1
    assert set(visible.evaluate_all("rows => rows.map(r => r.dataset.severity + '/' + r.dataset.file)")) == {"error/2"}
    expect(page.locator("#f-count")).to_have_text(f"显示 {visible.count()} / {total} 条")
    page.click("#f-reset")
    expect(page.locator("#findings tr.finding:visible")).to_have_count(total)

    # open a finding: its evidence shows, with where each quote is
    page.select_option("#f-code", "conflicting-actuals")
    conflicting.locator("summary").click()
    evidence = conflicting.locator("details.evidence")
    expect(evidence).to_have_attribute("open", "")
    expect(evidence).to_contain_text("p.3 第95行")
    expect(evidence).to_contain_text("全年养护里程132公里")
    shots = Path(os.environ.get("REPORTPARSE_SCREENSHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    shot = shots / "serve-desk-finding-open.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"screenshot: {shot}")

    # its review page, from the finding's link, at the finding's row
    with browser.expect_page() as opened:
        evidence.get_by_role("link", name="在审查页中查看").click()
    review = opened.value
    review.wait_for_load_state()
    assert review.url.endswith("/files/1/review#f-0-1")
    expect(review.locator("h1")).to_contain_text(CONFLICTING.name)
    expect(review.locator("#f-0-1")).to_have_attribute("data-code", "conflicting-actuals")
    review.close()

    # the workbook over every checked file
    with page.expect_download() as downloading:
        page.click("#dl-summary-xlsx")
    workbook_path = tmp_path / "summary.xlsx"
    downloading.value.save_as(workbook_path)
    assert downloading.value.suggested_filename == "summary.xlsx"
    book = load_workbook(workbook_path, read_only=True)
    documents = sheet_rows(book, "documents")
    assert sorted((d["file"], d["status"], d["reason"]) for d in documents) == sorted([
        (CONFLICTING.name, "ok", None), (FORM.name, "ok", None), ("empty.docx", "failed", "empty-file")])
    codes = [row["code"] for row in sheet_rows(book, "findings")]
    assert len(codes) == total and "conflicting-actuals" in codes

    with page.expect_download() as csv_download:
        page.click("#dl-findings-csv")
    assert csv_download.value.suggested_filename == "findings.csv"


def test_an_upload_over_the_limit_is_refused_with_the_limit_said(
        server: str, browser: sync_api.BrowserContext, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    page = browser.new_page()
    page.goto(server)
    page.set_input_files("#file-input", [str(big)])
    message = page.locator("#upload-message")
    sync_api.expect(message).to_contain_text("上传过大：每次上传合计不能超过 1 MB")
    sync_api.expect(message).to_have_class("message error")
    sync_api.expect(page.locator("#no-files")).to_be_visible()
