"""A one-project narrative that states money over several years (a span's running total, a works' whole investment)
beside the report's own year's: the year's is the budget. Sentences written by hand in the shapes met."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project, run


def _report(body: str) -> str:
    return ("某县2023年水土保持综合治理项目绩效自评报告\n一、项目基本情况\n" + body +
            "\n二、绩效目标完成情况\n完成治理面积12平方公里。\n三、自评结论\n自评得分90分。\n")


@pytest.mark.parametrize("body", [
    "2021-2023年累计投入资金2100万元，其中2023年投入750万元，全年支出720万元。",
    "项目自2020年实施以来累计安排资金2100万元。2023年度安排资金750万元，当年实际支出720万元。",
    "2021年至2023年累计下达资金2100万元，其中：2023年下达750万元；2023年实际支出720万元。",
])
def test_the_years_money_not_a_running_total_over_years(tmp_path: Path, body: str) -> None:
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal("7500000")
    assert amount(project.budget.executed) == Decimal("7200000")


@pytest.mark.parametrize("body", [
    "资金投入：项目总投资1200万元，本年度计划投资400万元，实际完成投资380万元。",
    "项目总投资1200万元，分三年实施，2023年计划投资400万元，全年完成投资380万元。",
])
def test_the_years_planned_investment_not_the_works_whole(tmp_path: Path, body: str) -> None:
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal("4000000")
    assert amount(project.budget.executed) == Decimal("3800000")


def test_a_part_of_another_year_stays_a_part(tmp_path: Path) -> None:
    """'其中2022年…' in a report on 2023 is not the report's year: the total stated for the year stands."""
    body = "2023年安排项目资金900万元，其中2022年结转资金100万元，全年实际支出880万元。"
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal("9000000")


@pytest.mark.parametrize(("body", "planned", "executed"), [
    # a works' whole budget over its years, then the year's
    ("该项目总预算1000万元，分两年实施，2023年预算500万元，实际支出480万元。", "5000000", "4800000"),
    ("项目总概算1000万元，建设期两年。本年度项目预算资金500万元，全年支出480万元。", "5000000", "4800000"),
    # a larger fund, then the report's own project's part of it
    ("2023年，县财政共安排农业农村领域资金5000万元，其中本项目资金300万元，已支出290万元。", "3000000", "2900000"),
    ("全县共下达衔接资金5000万元，其中用于本项目300万元，全年支出290万元。", "3000000", "2900000"),
    # 当年 after a year the sentence names is that year
    ("项目于2022年启动，当年投入120万元；2023年继续投入资金180万元，截至年底支出175万元。", "1800000", "1750000"),
    ("该工程2021年开工，当年安排资金120万元。2023年安排资金180万元，全年实际支出175万元。", "1800000", "1750000"),
    # the budget a change left
    ("该项目年初预算200万元，因政策调整，年中调减至150万元，全年实际支出148万元。", "1500000", "1480000"),
    ("年初安排资金200万元，下半年预算调整到150万元，全年支出148万元。", "1500000", "1480000"),
])
def test_the_years_own_budget_not_another_amount(tmp_path: Path, body: str, planned: str, executed: str) -> None:
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal(planned)
    assert amount(project.budget.executed) == Decimal(executed)


@pytest.mark.parametrize("body", [
    "县财政局拨付项目经费68万元，项目单位实际支出66万元。",
    "2023年区财政拨付专项资金68万元，截至12月底已支出66万元。",
])
def test_money_a_finance_body_paid_over_then_spent_is_the_budget(tmp_path: Path, body: str) -> None:
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal("680000")
    assert amount(project.budget.executed) == Decimal("660000")


def test_a_finance_payment_alone_stays_spending(tmp_path: Path) -> None:
    """With no spending after it, the payment is all the sentence says was spent."""
    project = only_project(run(tmp_path, _report("项目预算70万元，县财政局已拨付资金68万元。")))
    assert amount(project.budget.planned) == Decimal("700000")
    assert amount(project.budget.executed) == Decimal("680000")
