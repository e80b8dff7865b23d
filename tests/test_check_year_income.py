"""Spending above a budget approved at the year's start, within the money the year's final accounts took in and
what was carried over, is no overspend (checks/yearmoney.py, checks/budget.py `over-executed`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ._textforms import run as run_text

_TITLE = "某市农业农村局2023年度部门整体支出绩效自评报告"


@pytest.mark.parametrize(("paragraphs", "fires"), [
    # the year's income grew past the start budget (money added in the year): spending keeps within it
    (["2023年部门收入预算1,200.00万元，支出预算1,200.00万元。",
      "2023年部门决算收入总额为1,850.40万元（含年中追加的上级专项资金），上年结转结余30.00万元；"
      "全年支出决算数为1,860.12万元。"], False),
    (["一、部门预算情况：年初批复预算资金865.5万元。",
      "二、预算执行情况：本年收入合计1342.7万元，年初结转结余12.3万元，本年支出合计1350.6万元，年末结转结余4.4万元。"],
     False),
    # spending past the income and the carry-over too: the overspend stands
    (["2023年部门收入预算1,200.00万元，支出预算1,200.00万元。",
      "2023年部门决算收入总额为1,250.00万元，全年支出决算数为1,380.00万元，超支130万元。"], True),
])
def test_spending_within_the_years_income_is_no_overspend(tmp_path: Path, paragraphs: list[str], fires: bool) -> None:
    result = run_text(tmp_path, "\n".join([_TITLE, *paragraphs]) + "\n")
    projects = result.report.projects if result.report else []
    assert any(p.budget.planned is not None and p.budget.executed is not None for p in projects), projects
    assert any(f.code == "over-executed" for f in result.findings) == fires
