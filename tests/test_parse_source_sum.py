"""A one-project report that states its money only by source ('资金来源为：中央资金320万元，省级资金80万元'): the
sources together are the budget, where nothing else states one. Sentences written by hand in the shapes met."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project, run


def _report(body: str) -> str:
    return ("某县2023年森林生态效益补偿项目绩效自评报告\n一、项目概况\n" + body +
            "\n二、自评结论\n自评得分93分。\n")


@pytest.mark.parametrize("body", [
    "2023年该项目资金来源为：中央财政补偿资金320万元，省级财政补偿资金80万元。全年共支出资金395万元。",
    "项目资金来源：中央补助资金320万元、县级配套资金50万元、单位自筹30万元。截至年底支出395万元。",
])
def test_the_sources_together_are_the_budget(tmp_path: Path, body: str) -> None:
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal("4000000")
    assert amount(project.budget.executed) == Decimal("3950000")


def test_a_stated_budget_wins_over_the_sources(tmp_path: Path) -> None:
    body = "项目预算资金450万元。资金来源为：中央资金320万元，省级资金80万元。全年支出395万元。"
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal("4500000")


@pytest.mark.parametrize("body", [
    # spending beyond the sources: they were not all the money
    "资金来源为：中央资金320万元，省级资金80万元。全年共支出资金430万元。",
    # the sentence goes on to a use: no list of sources alone
    "资金来源为：中央资金320万元，省级资金80万元用于管护人员工资。全年共支出资金395万元。",
])
def test_no_budget_from_sources_that_are_not_the_whole(tmp_path: Path, body: str) -> None:
    project = only_project(run(tmp_path, _report(body)))
    assert project.budget.planned is None or amount(project.budget.planned) != Decimal("4000000")
