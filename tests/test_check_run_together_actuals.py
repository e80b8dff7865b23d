"""An actual cell that is several bare figures and no word is cells a dump ran into one, no result to judge a
target by (checks/verdicts.py `measured`)."""

from __future__ import annotations

import pytest

from ._builders import actual, indicator, project, report, run, target


@pytest.mark.parametrize(("raw", "value", "judged"), [
    ("9.8 12.6 .5201", 9.8, False),  # the result, the next cells and their score run together
    ("8 97.5 10 100%", 8, False),
    ("7.2", 7.2, True),  # one figure: the result
    ("完成7.2公里", 7.2, True),  # a result in words
])
def test_run_together_figures_are_no_result(raw: str, value: float, judged: bool) -> None:
    row = indicator("新建排水沟渠长度", level="产出/数量", tgt=target("≥12公里", ">=", 12, "公里"),
                    actuals=[actual(raw, value, "公里")], weight=10, score=6)
    found = run(report(project(indicators=[row])), "target-missed")
    assert bool(found) == judged
