"""fund-sum-mismatch on parts listed before the 合计 that closes them in one sentence (checks/fundlisted.py), either
side. Guards: a list that adds up, a rise on the year before among the amounts, a bracketed detail of a part, a
其中 list (the breakdown checks'), spending beside a budget. Made-up texts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ._textforms import run

_HEAD = "某县2023年度乡村文化活动项目支出绩效自评报告\n一、项目资金情况\n"


def _listed(tmp_path: Path, body: str) -> list[tuple[Decimal | None, Decimal | None]]:
    result = run(tmp_path, _HEAD + body)
    return [(f.actual, f.expected) for f in result.findings  # type: ignore[misc]
            if f.code == "fund-sum-mismatch" and "其前所列" in f.message]


@pytest.mark.parametrize(("body", "stated", "summed"), [
    # sources of the money, the total above them
    ("本项目省级补助资金36万元，市级配套资金12万元，县级配套资金8万元，合计58万元。\n", "580000", "560000"),
    # items of spending, the total below them, 以上N项
    ("演出服装购置4.6万元，音响设备租赁3.2万元，宣传资料印制1.5万元，以上三项共计8.8万元。\n", "88000", "93000"),
])
def test_parts_that_do_not_make_their_closing_total(tmp_path: Path, body: str, stated: str, summed: str) -> None:
    assert (Decimal(stated), Decimal(summed)) in _listed(tmp_path, body)


@pytest.mark.parametrize("body", [
    # adds up
    "本项目省级补助资金36万元，市级配套资金12万元，县级配套资金8万元，合计56万元。\n",
    # a rise on the year before among them is no part
    "本项目省级补助资金36万元，较上年增加6万元，市级配套资金12万元，合计48万元。\n",
    # a bracketed detail of a part is no part
    "设备购置费30万元（含运费2万元），安装调试费10万元，合计40万元。\n",
    # the whole said first, then its parts, then the total again
    "本项目资金总额60万元，省级资金40万元，县级资金20万元，合计60万元。\n",
    # a 其中 list is the breakdown checks' own
    "项目资金共60万元，其中省级资金40万元，县级资金20万元，合计60万元。\n",
    # spending beside a budget: two kinds of money do not add up to one total
    "本项目年度预算40万元，实际支出38万元，结余2万元，合计40万元。\n",
])
def test_lists_that_must_not_raise(tmp_path: Path, body: str) -> None:
    assert _listed(tmp_path, body) == []
