"""conflicting-figures on a 成本指标 row whose actual cost in money is more than all the money the project had
and spent (checks/costfigures.py); guards: the same money rounded, a cost over several years, a unit cost."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ._builders import actual, indicator, project, report, run, target


@pytest.mark.parametrize(("name", "level", "raw", "value", "planned", "executed"), [
    # the output costed named by the row, under 成本指标
    ("道路交通设施", "产出/成本", "713万元", 7130000, 3722900, 3722900),
    # the row named for the cost itself, money left unspent
    ("项目总成本", "产出指标/成本指标", "160万元", 1600000, 1500000, 1400000),
])
def test_a_cost_above_the_money(name: str, level: str, raw: str, value: int, planned: int, executed: int) -> None:
    rep = report(project(planned=planned, executed=executed, indicators=[
        indicator(name, level, target(raw, "=", value, "元"), [actual(raw, value, "元")])]))
    (found,) = run(rep, "conflicting-figures")
    assert found.actual == Decimal(value) and found.expected == Decimal(max(planned, executed))
    assert found.indicator == name and len(found.evidence) == 2


@pytest.mark.parametrize(("name", "raw", "value", "executed"), [
    ("项目总成本", "90", 900000, 899740),  # 90 万元 is 89.974 万元 rounded to a whole 万
    ("项目计划总投资", "1000万元", 10000000, 3000000),  # a whole investment over several years
    ("演出设备成本", "2万元", 20000, 300000),  # one unit's cost
    ("项目总成本", "125.25万元", 1252500, 1500000),  # below the money spent: proves nothing
])
def test_guards_that_must_not_raise(name: str, raw: str, value: int, executed: int) -> None:
    rep = report(project(planned=executed, executed=executed, indicators=[
        indicator(name, "产出/成本", target(raw, "<=", value, "元"), [actual(raw, value, "元")])]))
    assert run(rep, "conflicting-figures") == []
