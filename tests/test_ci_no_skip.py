"""With CI set, a skipped test fails (this conftest's hooks), and an expected failure stays one."""

from __future__ import annotations

import pytest

from tests.conftest import REPO

SAMPLE = """
import pytest

def test_skips():
    pytest.skip("a tool is missing")

@pytest.mark.skipif(True, reason="marked")
def test_marked():
    pass

@pytest.mark.xfail(reason="known")
def test_expected_failure():
    assert False

def test_passes():
    pass
"""


@pytest.mark.parametrize(("ci", "outcomes"), [
    ("true", {"passed": 1, "failed": 1, "errors": 1, "xfailed": 1}),
    ("", {"passed": 1, "skipped": 2, "xfailed": 1}),
])
def test_a_skip_fails_in_ci(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str,
                            outcomes: dict[str, int]) -> None:
    pytester.makeconftest((REPO / "tests" / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(test_sample=SAMPLE)
    monkeypatch.setenv("CI", ci)
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(**outcomes)
    if ci:
        result.stdout.fnmatch_lines(["*skipped in CI*a tool is missing*"])
