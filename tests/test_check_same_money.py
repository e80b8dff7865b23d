"""Preconditions an auditor checks before setting two figures against each other: the same money, the same year,
the same scope (checks/moneyscope.py, checks/funds.py). Each guard has wordings that must stay silent and a
like-for-like wording that must still raise."""

from __future__ import annotations

from pathlib import Path

import pytest

from ._textforms import run

_HEAD = "某县水利局2023年度农村饮水安全巩固提升项目支出绩效自评报告\n一、项目基本情况\n"


def _codes(tmp_path: Path, body: str, code: str) -> list[str]:
    return [f.message for f in run(tmp_path, _HEAD + body).findings if f.code == code]


@pytest.mark.parametrize("body", [
    # the budget of one source of money against the whole spending
    "项目资金来源为上级补助资金和本级资金，本级资金预算40万元。全年共支出项目资金65万元。\n",
    "2023年县级财政安排配套资金30万元，项目全年实际支出52万元，资金来源包括中央、省、县三级。\n",
    # spending over several years
    "本年度预算资金80万元。截至2023年底，项目自2020年启动以来累计使用资金150万元。\n",
    "2023年预算安排45万元，近三年项目共支出资金88万元。\n",
    "项目年度预算50万元，2021-2023年累计支出资金90万元，其中2023年支出48万元。\n",
    # an investment (every source's money) against the fiscal budget
    "项目财政预算资金90万元，实际完成投资135万元（含群众自筹）。\n",
    "项目年度财政预算资金150万元，项目总投资260万元，实际完成投资250万元，其中财政资金支出148万元。\n",
])
def test_spending_of_other_money_is_no_overspend(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, body, "over-executed") == []


@pytest.mark.parametrize("body", [
    "项目全年预算资金100万元，全年实际支出110万元。\n",
    "项目2023年预算数80万元，2023年累计支出资金95万元。\n",
])
def test_like_for_like_overspend_still_raises(tmp_path: Path, body: str) -> None:
    assert len(_codes(tmp_path, body, "over-executed")) == 1


@pytest.mark.parametrize("body", [
    "本项目县级预算资金120万元，执行120万元，执行率100%。全市该类项目预算资金共计900万元，执行率92.5%。\n",
    "项目预算资金80万元，支出80万元，执行率100%。全省同类项目资金执行率为91%。\n",
    "项目预算资金200万元，执行180万元，执行率90%。2022年该项目预算资金150万元，执行率80%。\n",
])
def test_a_rate_of_other_money_is_no_second_statement(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, body, "conflicting-figures") == []


@pytest.mark.parametrize("body", [
    # a 其中 inside a bracket breaks down the amount before the bracket
    "2023年项目资金共计500万元，其中：中央资金300万元（其中：用于设备购置120万元，用于培训80万元），省级资金200万元。\n",
    "项目下达资金90万元，其中省级资金60万元（其中第一批35万元，第二批20万元），县级资金30万元。\n",
    # a part broken down after a list word, its parts adding up to it
    "项目总投资2000万元，其中财政资金500万元，具体为：中央资金300万元、省级资金150万元、市级资金40万元、"
    "县级资金10万元，群众自筹1500万元。\n",
    "共安排资金260万元，其中衔接资金200万元，包括：中央衔接资金120万元、省级衔接资金80万元，县级配套60万元。\n",
    # money that arrived listed with money allocated: another kind
    "该项目2023年共安排资金120万元，其中：2022年下达中央资金80万元，2023年下达省级资金60万元，2023年实际到位100万元。\n",
])
def test_nested_or_other_kind_parts_are_no_excess(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, body, "fund-sum-mismatch") == []


@pytest.mark.parametrize("body", [
    "2022年安排资金180万元，其中中央资金100万元、省级资金90万元。\n",
    "项目资金共计500万元，其中：中央资金300万元（含设备购置120万元），省级资金250万元。\n",
])
def test_parts_beyond_their_total_still_raise(tmp_path: Path, body: str) -> None:
    assert len(_codes(tmp_path, body, "fund-sum-mismatch")) == 1


_FORM = ("项目支出绩效自评表\n（2023年度）\n项目名称 乡村道路养护项目\n"
         "主管部门 某县交通运输局 实施单位 某县公路事务中心\n"
         "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n{fund}"
         "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
         "产出指标 数量指标 养护道路里程 ≥50公里 52公里 20 20\n质量指标 养护合格率 ≥95% 96% 15 15\n"
         "时效指标 完成时间 12月底前 12月底前完成 15 15\n效益指标 社会效益指标 群众出行条件 有效改善 有效改善 30 30\n"
         "满意度指标 服务对象满意度指标 群众满意度 ≥90% 95% 10 10\n总分 100 100\n")


@pytest.mark.parametrize("fund", [
    # a figure a wrapped cell cut after its decimal point, its last digit on the next line
    "年度资金总额 1,205.5 1,205. 1,205.5 10 100% 10\n0\n其中：当年财政拨款 1,205.5 1,205.5 1,205.5 — — —\n"
    "上年结转资金 0 0 0 — — —\n",
    # a total printed in whole 万元 over parts printed to the 百元
    "年度资金总额 120 120 120 10 100% 10\n其中：当年财政拨款 100.2 100.2 100.2 — — —\n"
    "上年结转资金 19.8 19.8 19.8 — — —\n其他资金 0.4 0.4 0.4 — — —\n",
])
def test_a_total_printed_coarser_than_its_parts_is_no_mismatch(tmp_path: Path, fund: str) -> None:
    result = run(tmp_path, _FORM.format(fund=fund))
    assert [f.message for f in result.findings if f.code == "fund-sum-mismatch"] == []


def test_a_total_that_misses_its_parts_by_more_than_its_last_digit_still_raises(tmp_path: Path) -> None:
    fund = ("年度资金总额 120 120 120 10 100% 10\n其中：当年财政拨款 100.2 100.2 100.2 — — —\n"
            "上年结转资金 21.8 21.8 21.8 — — —\n")
    result = run(tmp_path, _FORM.format(fund=fund))
    assert len([f for f in result.findings if f.code == "fund-sum-mismatch"]) == 3


@pytest.mark.parametrize("body", [
    # one part of what is left
    "项目预算100万元，实际支出90万元，结余中省级资金5万元已交回。\n",
    "项目下达资金80万元，已支付70万元，结余资金中中央资金6万元已上缴。\n",
    # what is left holds more than the budget's rest
    "项目预算100万元，实际支出90万元，结余10.2万元（含利息0.2万元）。\n",
    # a payment still to make, not the balance
    "项目预算100万元，实际支出90万元，剩余7万元将于2024年支付。\n",
    "项目预算60万元，截至10月底支出40万元，剩余资金15万元计划年底前拨付。\n",
])
def test_a_part_of_the_balance_or_a_payable_is_not_the_balance(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, body, "fund-sum-mismatch") == []


@pytest.mark.parametrize("body", [
    "项目预算100万元，实际支出90万元，结余5万元。\n",
    "项目预算100万元，实际支出90万元，剩余部分7万元已结转下年。\n",
])
def test_a_balance_that_is_not_budget_less_spending_still_raises(tmp_path: Path, body: str) -> None:
    assert len(_codes(tmp_path, body, "fund-sum-mismatch")) == 1


@pytest.mark.parametrize("body", [
    # an amount of another year inside the 其中 list
    "2023年基本支出500万元，其中：人员经费420万元，公用经费70万元；2022年人员经费400万元。\n",
    "2023年项目支出300万元，其中：设备购置180万元，维修改造100万元；2021年设备购置150万元。\n",
    # the sentence after adds money the list did not give
    "2023年共收到补助资金300万元，其中：中央资金200万元，地方资金80万元（省级资金50万元，县级资金30万元）。"
    "另有社会捐赠20万元。\n",
    "项目资金共计150万元，具体为：中央资金90万元、省级资金40万元。此外，县级配套20万元。\n",
])
def test_other_years_and_more_money_after_the_list(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, body, "fund-sum-mismatch") == []


@pytest.mark.parametrize("body", [
    "2023年共收到补助资金300万元，其中：中央资金200万元，地方资金80万元。\n",
    "项目资金共计150万元，具体为：中央资金90万元、省级资金40万元。\n",
])
def test_a_whole_listed_short_of_its_total_still_raises(tmp_path: Path, body: str) -> None:
    assert len(_codes(tmp_path, body, "fund-sum-mismatch")) == 1


def test_a_share_of_the_base_named_before_is_of_that_base(tmp_path: Path) -> None:
    body = ("2023年支出1000万元，其中基本支出600万元，占60%；项目支出400万元，占40%。基本支出中人员经费500万元，"
            "占基本支出的83.33%；公用经费100万元，占16.67%。\n")
    assert _codes(tmp_path, body, "conflicting-figures") == []


@pytest.mark.parametrize("body", [
    "项目全年预算数为363.500元，全年执行数为363，500元。\n",
    "项目全年预算数为12.800元，全年实际支出12，800元。\n",
])
def test_an_amount_cut_at_its_thousands_separator_is_no_overspend(tmp_path: Path, body: str) -> None:
    assert _codes(tmp_path, body, "over-executed") == []
