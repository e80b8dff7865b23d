"""Money printed in other ways than 'x万元': thousands spaced ('1 250 000 元'), and a unit stated once for the bare
figures after it ('（单位：万元）：年初预算 86.4，全年预算 92.0'). Sentences written by hand in the shapes met."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.quantities import money
from tests._textforms import amount, only_project, run


@pytest.mark.parametrize(("text", "value"), [
    ("本年度项目预算资金 1 250 000 元，", Decimal("1250000")),
    ("实际支付 3 402 117.60 元。", Decimal("3402117.60")),
    ("全年支出12 500.50元", Decimal("12500.50")),
])
def test_spaced_thousands_are_one_amount(text: str, value: Decimal) -> None:
    assert [m.value for m in money(text)] == [value]


@pytest.mark.parametrize("text", ["补助农户 12 500 元", "发放补贴 35 500 元。"])
def test_two_spaced_groups_give_no_amount_of_their_last_group(text: str) -> None:
    """'12 500 元' may be a figure then an amount: read as none, never as 500 元."""
    assert all(m.value not in (Decimal("500"), Decimal("450")) for m in money(text))


def test_figures_in_wan_side_by_side_stay_apart() -> None:
    assert [m.value for m in money("年度资金总额 100 100 100 万元")] == [Decimal("1000000")]


@pytest.mark.parametrize(("text", "values"), [
    ("项目资金情况（单位：万元）：年初预算 86.4，全年预算 92.0，全年执行 90.1。",
     [Decimal("864000"), Decimal("920000"), Decimal("901000")]),
    ("资金使用情况如下（单位：元）：预算数为125000，支出数：118000.50；", [Decimal("125000"), Decimal("118000.50")]),
])
def test_a_unit_stated_once_counts_the_bare_figures_after_money_labels(text: str, values: list[Decimal]) -> None:
    assert [m.value for m in money(text)] == values


def test_a_stated_unit_makes_no_money_of_a_year_or_a_rate() -> None:
    assert money("（单位：万元）2023年预算执行率为95，") == []


@pytest.mark.parametrize("sentence", [
    "本项目2023年预算资金 1 250 000 元，实际使用资金 1 180 000 元。",
    "项目资金情况（单位：元）：全年预算 1250000，全年执行 1180000。",
])
def test_a_reports_budget_in_such_a_form(tmp_path: Path, sentence: str) -> None:
    text = ("某镇2023年农村人居环境整治项目绩效自评报告\n一、基本情况\n" + sentence +
            "\n二、自评结论\n自评得分88分。\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal("1250000")
    assert amount(project.budget.executed) == Decimal("1180000")


def _report(body: str) -> str:
    return ("某县2023年农村电商服务站建设项目绩效自评报告\n一、项目基本情况\n" + body +
            "\n二、自评结论\n自评得分90分。\n")


@pytest.mark.parametrize("body", [
    "本项目资金由两部分组成：一是中央资金200万元，二是县级配套资金50万元，合计250万元。全年支出240万元。",
    "项目经费包括省级补助150万元、县级配套资金100万元，共计250万元；截至年底支出240万元。",
])
def test_parts_then_their_total_with_no_verb_is_the_budget(tmp_path: Path, body: str) -> None:
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal("2500000")
    assert amount(project.budget.executed) == Decimal("2400000")


def test_a_total_that_is_not_the_parts_sum_is_no_budget(tmp_path: Path) -> None:
    body = "项目资金包括中央资金200万元、县级配套资金50万元，合计260万元。全年支出240万元。"
    project = only_project(run(tmp_path, _report(body)))
    assert project.budget.planned is None or amount(project.budget.planned) != Decimal("2600000")


@pytest.mark.parametrize("body", [
    "项目预算金额人民币叁佰贰拾万元整（¥320万元），已全部支付。",
    "项目安排资金（320万元），已全额支付完毕。",
])
def test_a_bracketed_budget_then_spent_in_full(tmp_path: Path, body: str) -> None:
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal("3200000")
    assert amount(project.budget.executed) == Decimal("3200000")


@pytest.mark.parametrize("body", [
    "项目预算100万元。资金使用情况：设备购置资金50万元，人员培训费30万元，合计80万元。",
    "项目预算100万元。资金构成：省级补助资金50万元，县级配套资金30万元，合计80万元。",
])
def test_a_parts_total_never_replaces_a_stated_budget(tmp_path: Path, body: str) -> None:
    project = only_project(run(tmp_path, _report(body)))
    assert amount(project.budget.planned) == Decimal("1000000")
