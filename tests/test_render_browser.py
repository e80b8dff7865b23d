"""The HTML review page in a real browser (headless Chromium): findings render, the hash filter works.

Skipped with a reason when Chromium is not installed (.ci/run installs Debian's `chromium`; with CI set,
tests/conftest.py turns that skip into a failure).
Screenshots go to pytest's tmp_path; their paths are printed for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest

from reportparse.model import Result
from reportparse.render.html import render_html_file
from tests.render_samples import make_pdf, sample_result

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None,
                                reason="headless Chromium is not installed (apt-get install chromium)")


def run_chromium(tmp_path: Path, url: str, *extra: str) -> str:
    """Run headless Chromium offline-ish on a file URL with a fresh profile; return stdout."""
    assert CHROMIUM is not None
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-extensions", "--disable-sync",
               f"--user-data-dir={profile}", "--virtual-time-budget=2000", *extra, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def write_page(tmp_path: Path, results: list[Result]) -> Path:
    page = tmp_path / "review.html"
    page.write_text(render_html_file(results), encoding="utf-8")
    return page


def finding_rows(dom: str) -> list[tuple[str, str, bool]]:
    """(severity, code, hidden) of every finding row in a dumped DOM."""
    rows = []
    for tag in re.findall(r'<tr class="finding"[^>]*>', dom):
        severity = re.search(r'data-severity="([^"]*)"', tag)
        code = re.search(r'data-code="([^"]*)"', tag)
        assert severity and code
        rows.append((severity.group(1), code.group(1), " hidden" in tag))
    return rows


@pytest.fixture
def sample_page(tmp_path: Path) -> Path:
    make_pdf(tmp_path / "report.pdf")
    return write_page(tmp_path, [sample_result(str(tmp_path / "report.pdf"))])


def test_findings_render_and_nothing_is_hidden_without_a_filter(tmp_path: Path, sample_page: Path) -> None:
    dom = run_chromium(tmp_path, sample_page.as_uri(), "--dump-dom")
    rows = finding_rows(dom)
    assert len(rows) == len(sample_result().findings)
    assert not any(hidden for _, _, hidden in rows)
    assert "显示 8 / 8 条" in dom  # the script ran


@pytest.mark.parametrize(
    ("fragment", "visible"),
    [
        ("severity=error", {"conflicting-actuals", "budget-score-mismatch"}),
        ("code=target-changed", {"target-changed"}),
        ("severity=warning&project=" + quote("大组工网络维护费"), {"unexplained-balance"}),
    ],
)
def test_hash_filter_hides_the_other_rows(tmp_path: Path, sample_page: Path, fragment: str,
                                          visible: set[str]) -> None:
    dom = run_chromium(tmp_path, f"{sample_page.as_uri()}#{fragment}", "--dump-dom")
    rows = finding_rows(dom)
    assert {code for _, code, hidden in rows if not hidden} == visible
    assert all(hidden for _, code, hidden in rows if code not in visible)


def test_open_all_expands_the_evidence_and_a_screenshot_is_taken(tmp_path: Path, sample_page: Path) -> None:
    dom = run_chromium(tmp_path, f"{sample_page.as_uri()}#open=all", "--dump-dom")
    assert dom.count('<details class="evidence" open="">') == len(sample_result().findings)
    shot = tmp_path / "review.png"
    run_chromium(tmp_path, f"{sample_page.as_uri()}#open=all", f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few kB
    print(f"screenshot: {shot}")
