"""fund-sum-mismatch on a balance said in the sentence of the money it is left of (checks/balancesaid.py):
budget − spending must be the balance the sentence states. Guards: rounding of each figure, money carried in
from earlier years, a department's year-end stock, a sentence with more money than the three. Made-up texts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ._textforms import run

_HEAD = "某县2023年度乡村学校维修项目支出绩效自评报告\n一、项目资金情况\n"


def _balances(tmp_path: Path, body: str) -> list[tuple[Decimal | None, Decimal | None]]:
    result = run(tmp_path, _HEAD + body)
    return [(f.actual, f.expected) for f in result.findings  # type: ignore[misc]
            if f.code == "fund-sum-mismatch" and "余下" in f.message]


@pytest.mark.parametrize(("body", "stated", "computed"), [
    # 结余 smaller than what is left
    ("本项目全年预算资金64万元，实际支出58.5万元，结余资金3.5万元，已按规定结转下年使用。\n", "35000", "55000"),
    # 剩余, after a rate between the amounts, in 元
    ("项目到位资金360000元，截至年底共支付300000元，支付率83.33%，剩余50000元为工程质保金。\n", "50000", "60000"),
    # nothing left by the amounts, yet a 节余 said
    ("下达补助资金12万元，已全部发放12万元，节余0.8万元。\n", "8000", "0"),
    # two projects in one sentence, each its own clause group after a semicolon
    ("甲校预算20万元，支出18万元，结余2万元；乙校预算30万元，支出25万元，结余4万元。\n", "40000", "50000"),
])
def test_a_balance_that_is_not_budget_less_spending(tmp_path: Path, body: str, stated: str, computed: str) -> None:
    assert (Decimal(stated), Decimal(computed)) in _balances(tmp_path, body)


@pytest.mark.parametrize("body", [
    # adds up
    "本项目全年预算资金64万元，实际支出58.5万元，结余资金5.5万元，已按规定结转下年使用。\n",
    # within the rounding of the figures as written (253.7万元 is said to the thousand 元)
    "该项目年度资金预算253.7万元，支出253.66万元，余额404元。\n",
    # money carried in from an earlier year in the paragraph: the balance may hold it
    "上年结转资金6万元。本年预算资金64万元，实际支出58.5万元，结余资金11.5万元。\n",
    # a department's year-end stock, which holds earlier years' money
    "本年预算收入500万元，本年支出480万元，年末结转和结余35万元。\n",
    # more money in the sentence than budget, spending and balance: a part of the balance returned
    "本项目预算64万元，支出58.5万元，结余5.5万元，其中上缴财政2万元。\n",
    # spending beyond the budget is no balance sum
    "本项目预算64万元，支出70万元，结余2万元。\n",
])
def test_guards_that_must_not_raise(tmp_path: Path, body: str) -> None:
    assert _balances(tmp_path, body) == []
