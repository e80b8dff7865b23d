"""A narrative that prints its project's execution rate twice with two values (parse/ratesandbalances.py records the
second as a restatement, checks/figures.py raises conflicting-figures). Guards: a part's rate (中央/省级资金, an
item of a list of parts, a rate beside money that is not the project's), an interim rate (截至9月底), the same rate
said again. Made-up texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ._textforms import run

_HEAD = "某县2023年度城区路灯维护项目支出绩效自评报告\n一、项目资金情况\n"


def _conflicts(tmp_path: Path, body: str) -> list[tuple[object, object]]:
    result = run(tmp_path, _HEAD + body)
    return [(f.expected, f.actual) for f in result.findings if f.code == "conflicting-figures"]


@pytest.mark.parametrize(("body", "first", "second"), [
    # the money paragraph's rate, then another in the problems section
    ("项目年度预算60万元，实际支出54万元，预算执行率为90%。\n三、存在问题\n本项目资金执行率为96%，部分维修款未结算。\n",
     90, 96),
    # the second said with the project's own budget beside it
    ("项目全年预算数48万元，全年执行数45.6万元，执行率95%。\n四、自评结论\n全年预算48万元，预算执行率98%，该项得9.8分。\n",
     95, 98),
])
def test_a_rate_said_twice_with_two_values(tmp_path: Path, body: str, first: int, second: int) -> None:
    assert [(e, a) for e, a in _conflicts(tmp_path, body) if e == first and a == second]


@pytest.mark.parametrize("body", [
    # the same rate said again
    "项目年度预算60万元，实际支出54万元，预算执行率为90%。\n三、存在问题\n本项目资金执行率为90%。\n",
    # a part's rate: a source of the money named before it
    "项目年度预算60万元，实际支出54万元，预算执行率为90%。\n二、资金构成\n其中市级资金30万元，支出30万元，执行率100%。\n",
    # a rate beside money that is not the project's own: a part's rate
    "项目年度预算60万元，实际支出54万元，预算执行率为90%。\n二、资金构成\n维修材料费预算20万元，支出18.6万元，执行率93%。\n",
    # an item of a list of parts
    "项目年度预算60万元，实际支出54万元，预算执行率为90%。\n二、分项情况\n①灯具更换，资金执行率为100%；\n",
    # an interim rate
    "项目年度预算60万元，实际支出54万元，预算执行率为90%。\n二、资金使用\n截至6月底，项目预算执行率为40%。\n",
])
def test_rates_that_are_no_restatement(tmp_path: Path, body: str) -> None:
    assert _conflicts(tmp_path, body) == []
