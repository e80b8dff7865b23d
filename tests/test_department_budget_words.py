"""A department-wide report's money words: budgeted spending written as one noun (预算支出) is the budget, and
the body's income in its final accounts (决算收入总额, 收入合计) is neither the budget nor what was spent."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.amounts import money_kind
from reportparse.pipeline import check


@pytest.mark.parametrize(("words", "kind"), [
    ("2023年度预算支出", "planned"),
    ("年初下达预算支出", "planned"),
    ("一般公共预算支出", "executed"),  # (spending from a budget account)
    ("完成预算支出", "executed"),
    ("当年决算收入总额", "arrived"),
    ("本年收入合计", "arrived"),
    ("支出总额", "executed"),
])
def test_money_words_of_a_body_s_accounts(words: str, kind: str) -> None:
    assert money_kind(words) == kind


@pytest.mark.parametrize(("text", "budget", "executed"), [
    ("某县红十字会2023年度整体支出绩效评价报告\n一、部门概况\n本会编制12人。\n二、预算执行情况\n"
     "本年度预算支出520.6万元，其中人员经费300万元，公用经费220.6万元。本年决算收入合计530.2万元，"
     "支出总额560.8万元。\n三、绩效自评结论\n经自评，整体运行良好。\n", "5206000", "5608000"),
    ("某市档案局2022年度部门整体支出绩效自评报告\n一、部门基本情况\n内设科室3个。\n二、部门收支情况\n"
     "当年决算收入总额90万元，年初批复预算支出86.4万元，全年决算支出80.1万元。\n三、自评结论\n总体良好。\n",
     "864000", "801000"),
])
def test_the_budget_is_the_budgeted_spending_not_the_income(tmp_path: Path, text: str, budget: str,
                                                            executed: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    (project,) = check(path).report.projects
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(budget)
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(executed)
