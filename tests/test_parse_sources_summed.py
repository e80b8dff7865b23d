"""The year's money told as an allotment and further sources with no verb ('州财政局拨入X经费20万元；上级补助48.41万元。
支出68.41万元，执行率100%'): where the sources add up exactly to what was spent at a printed 100%, the budget is
their sum (the allotment the year-start budget); the allotting body is no part of the fund's name."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Project
from reportparse.pipeline import check


def _project(tmp_path: Path, money: str) -> Project:
    text = ("某县司法局2023年度项目支出绩效自评报告\n一、项目基本情况\n" + money
            + "\n二、绩效目标完成情况\n全年办理援助案件120件。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    (project,) = check(path).report.projects
    return project


@pytest.mark.parametrize(("money", "name", "budget", "initial"), [
    ("县财政局拨入县司法局人民调解专项经费12.5万元；省级补助7.5万元。全年支出20万元，结余0万元，执行率100%。",
     "县司法局人民调解专项经费", "200000", "125000"),
    ("年初县财政下达社区矫正工作经费30万元；上级专项补助资金6.2万元；其他补助1.8万元。实际支出38万元，预算执行率为100%。",
     "社区矫正工作经费", "380000", "300000"),
    # (a matching share of the body's own level, or the body's own money, is a further source too)
    ("县财政局下达法律援助经费20万元；县级配套资金5万元。全年支出25万元，执行率100%。",
     "法律援助经费", "250000", "200000"),
    ("縣財政下達法律援助經費20萬元；單位自籌3萬元。全年支出23萬元，預算執行率100%。",
     "法律援助经费", "230000", "200000"),
])
def test_the_budget_is_the_allotment_and_its_further_sources(tmp_path: Path, money: str, name: str, budget: str,
                                                           initial: str) -> None:
    project = _project(tmp_path, money)
    assert project.name == name
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(budget)
    assert project.budget.initial is not None and project.budget.initial.value == Decimal(initial)


@pytest.mark.parametrize("money", [
    # (the sources do not add up to what was spent: nothing is inferred)
    "县财政局拨入县司法局人民调解专项经费12.5万元；省级补助7.5万元。全年支出21万元，执行率100%。",
    # (no printed rate of 100%: the further source may be money outside the budget)
    "县财政局拨入县司法局人民调解专项经费12.5万元；省级补助7.5万元。全年支出20万元。",
])
def test_no_sum_without_the_arithmetic_and_the_full_rate(tmp_path: Path, money: str) -> None:
    project = _project(tmp_path, money)
    assert project.budget.planned is not None and project.budget.planned.value == Decimal("125000")
