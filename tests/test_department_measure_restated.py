"""A department measure whose paragraph opens with its name and restates it by its last words after the
figures it is computed from ('预算执行率：年初预算…，执行3701.8万元，执行率98.3%'): the result is the
measure's, under its own name, not a second indicator named 执行率 / 控制率."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Result
from tests._textforms import run

HEAD = "{unit}2023年度单位整体支出绩效自评报告\n一、单位概况\n{unit}为全额拨款事业单位。\n二、绩效目标完成情况\n"



def measures(result: Result) -> dict[str, list[Decimal]]:
    return {i.name: [a.value for a in i.actuals] for p in result.report.projects for i in p.indicators}


@pytest.mark.parametrize("body", [
    ("1、预算执行率：年初预算3680.5万元，调整后预算3766.0万元，执行3701.8万元，执行率98.3%。\n"
     "2、公用经费控制率：公用经费实际支出312.4万元，预算320万元，控制率97.6%。\n"),
    ("（一）预算执行率。全年预算数1250万元，实际支出1180万元，执行率为94.4%。\n"
     "（二）公用经费控制率。本年公用经费预算85万元，实际支出82.96万元，控制率达97.6%。\n"),
])
def test_the_restated_measure_is_read_under_its_name(tmp_path: Path, body: str) -> None:
    result = run(tmp_path, HEAD.format(unit="某县第一中学") + body + "三、自评结果\n自评得分91分，等级为优。\n")
    found = measures(result)
    assert "执行率" not in found and "控制率" not in found
    assert len(found["预算执行率"]) == 1 and len(found["公用经费控制率"]) == 1
    assert found["公用经费控制率"] == [Decimal("97.6")]
    assert not [f for f in result.findings if f.code == "indicator-not-in-goals"]


@pytest.mark.parametrize("body", [
    "1、预算执行率：全年预算1250万元，执行1180万元，较上年提高2.3%。\n",
    "（一）结转结余率。年末结转结余58万元，比上年下降1.5%。\n",
])
def test_a_change_rate_is_no_result_of_the_measure(tmp_path: Path, body: str) -> None:
    """'提高2.3%' is how the figure moved, not the measure's value: no result is read."""
    result = run(tmp_path, HEAD.format(unit="某县卫生院") + body)
    for name in ("预算执行率", "结转结余率"):
        assert measures(result).get(name, []) == []
