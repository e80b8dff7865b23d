"""Shared fixtures and the CI rule that no test may skip.

Every test reads the repository's own copies of the shared material (`corpora/acceptance/`,
`docs/scoring-rules.md`, `tools/score_gold.py`), so a clone with nothing beside it tests itself.
`tests/test_shared_copies.py` checks the copies against `../shared` where that is present.

With the environment variable CI set (`CI=true bash .ci/run`), a skipped test is reported as a
failure: in CI a skip can only mean that something the suite needs was not installed.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]  # tests/test_ci_no_skip.py runs pytest on this conftest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPORA = REPO / "corpora"
ACCEPTANCE = CORPORA / "acceptance"
SEEDS = ACCEPTANCE / "seeds"
SCORE_GOLD = REPO / "tools" / "score_gold.py"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _fail_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    """Turn a skip (not an expected failure) into a failure that still says why it skipped."""
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped in CI (CI={os.environ.get('CI')}), which must run every test: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    outcome = yield
    if in_ci():
        _fail_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, None, None]:
    outcome = yield
    if in_ci():
        _fail_skip(outcome.get_result())
