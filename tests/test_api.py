"""The public API: reportparse.check and reportparse.extract stay functions however often they are called."""

from __future__ import annotations

from pathlib import Path

import reportparse

SEED_LIKE = Path(__file__).resolve().parents[1] / "corpora" / "narrative" / "n14_conflicting.txt"


def test_check_and_extract_can_be_called_twice() -> None:
    first = reportparse.check(SEED_LIKE)
    second = reportparse.check(SEED_LIKE)
    assert first.status == second.status == "ok"
    assert [f.code for f in first.findings] == [f.code for f in second.findings]
    assert callable(reportparse.check) and callable(reportparse.extract)
    assert reportparse.extract(SEED_LIKE).elements == reportparse.extract(SEED_LIKE).elements != []
