"""A fund split into the uses listed after it, with no total printed (parse/fundsplit.py): its budget is the uses'
sum, not the first use's amount. Built inputs in wordings other than any corpus document's, and the lists that are
no such split (a count that disagrees, a verb of its own, a total printed)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc

_TITLE = "某县2022年度困难群众救助补助资金项目绩效自评报告"


def _budget(sentence: str) -> Decimal | None:
    report = parse_narrative(_doc(_TITLE, "一、项目基本情况", sentence))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    planned = report.projects[0].budget.planned
    return planned.value if planned is not None else None


@pytest.mark.parametrize(("sentence", "total"), [
    ("该资金分为三项:临时救助12.5万元,特困供养30万元,孤儿基本生活保障7.25万元。", Decimal("497500")),
    ("上级下达的补助经费分成以下4个部分：低保金发放80万元、医疗救助15万元、临时救助6万元、残疾人两项补贴9万元。",
     Decimal("1100000")),
])
def test_a_fund_split_into_listed_uses_has_their_sum_as_budget(sentence: str, total: Decimal) -> None:
    assert _budget(sentence) == total


@pytest.mark.parametrize("sentence", [
    # (the count says four, three are listed: not the whole split)
    "上级下达的补助资金分为四项:临时救助12.5万元,特困供养30万元,孤儿基本生活保障7.25万元。",
    # (the second use has a verb of its own: the amounts are no one list)
    "上级下达的补助资金分为两项:临时救助12.5万元,已支付特困供养30万元。",
])
def test_a_list_that_is_no_whole_split_keeps_the_first_budget(sentence: str) -> None:
    assert _budget(sentence) == Decimal("125000")


def test_a_printed_total_stays_the_budget() -> None:
    # (the printed whole, even where the uses add up to less, is the fund's budget)
    sentence = "下达资金共计50万元，资金分为三项:临时救助12.5万元,特困供养30万元,孤儿基本生活保障7.25万元。"
    assert _budget(sentence) == Decimal("500000")


@pytest.mark.parametrize("goal", [
    "预期目标:临时救助12.5万元,特困供养30万元,孤儿基本生活保障7.25万元。",
    "项目绩效目标为：低保金发放80万元，医疗救助15万元。",
])
def test_the_allotment_restated_as_the_goal_is_no_aim(goal: str) -> None:
    report = parse_narrative(_doc(_TITLE, "一、项目基本情况",
                                  "上级下达的补助资金分为三项:临时救助12.5万元,特困供养30万元,孤儿基本生活保障7.25万元。",
                                  goal))
    assert [i.name for i in report.projects[0].indicators if i.target is not None and i.target.unit == "元"] == []


@pytest.mark.parametrize("goal", ["预期目标:困难群众人均补助标准1200元。", "项目绩效目标为：带动村集体经济增收5万元。"])
def test_a_money_aim_of_a_standard_or_a_gain_stays_an_aim(goal: str) -> None:
    report = parse_narrative(_doc(_TITLE, "一、项目基本情况", goal))
    assert [i.target.unit for i in report.projects[0].indicators if i.target is not None] == ["元"]
