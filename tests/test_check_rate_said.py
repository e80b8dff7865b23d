"""budget-rate-mismatch on a sentence's '完成预算X%' against its own spending and budget (checks/ratesaid.py):
the budget said, or the spending less the gap said between them; guards: a rate that fits, a rate with no
budget to test it, a project's printed rate (the budget checks' own)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ._textforms import run

_HEAD = "某局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"


def _rates(tmp_path: Path, body: str) -> list[tuple[Decimal | None, Decimal | None]]:
    result = run(tmp_path, _HEAD + body)
    return [(f.actual, f.expected) for f in result.findings if f.code == "budget-rate-mismatch"]  # type: ignore[misc]


@pytest.mark.parametrize(("body", "stated", "computed"), [
    # the gap between spending and budget, the rate said as if there were none
    ("2017年度，本单位一般公共预算财政拨款支出总计1741.75万元，与上年相比减少53.7万元，降低2.99%；完成年初预算100%，"
     "决算数大于预算数55.93万元，主要原因是职工工资调标。\n", "100", "103.32"),
    # the budget said before the spending
    ("2023年一般公共预算财政拨款支出年初预算为200万元，支出决算为179.43万元，完成年初预算的95.7%，"
     "决算数小于预算数的主要原因是项目结余。\n", "95.7", "89.72"),
])
def test_a_rate_its_sentence_contradicts(tmp_path: Path, body: str, stated: str, computed: str) -> None:
    assert _rates(tmp_path, body) == [(Decimal(stated), Decimal(computed))]


@pytest.mark.parametrize("body", [
    "2023年一般公共预算财政拨款支出年初预算为200万元，支出决算为179.43万元，完成年初预算的89.7%。\n",
    "2023年一般公共预算财政拨款支出决算为1264.92万元，完成预算59.7%。\n",  # no budget to test it against
    "2023年支出决算为1741.75万元，完成年初预算103.3%，决算数大于预算数55.93万元。\n",
])
def test_guards_that_must_not_raise(tmp_path: Path, body: str) -> None:
    assert _rates(tmp_path, body) == []


@pytest.mark.parametrize(("body", "stated", "computed"), [
    # a department's “三公”经费 控制率 is its spending ÷ its budget
    ("2023年“三公”经费年初预算8万元，全年实际支出6万元，“三公”经费支出控制率为90%。\n", "90", "75"),
    ("（三）“三公”经费控制情况。公务接待费预算2万元，决算支出2.5万元，控制率110%。\n", "110", "125"),
])
def test_a_control_rate_its_sentence_contradicts(tmp_path: Path, body: str, stated: str, computed: str) -> None:
    assert (Decimal(stated), Decimal(computed)) in _rates(tmp_path, body)


@pytest.mark.parametrize("body", [
    # fits
    "2023年“三公”经费年初预算8万元，全年实际支出6万元，“三公”经费支出控制率为75%。\n",
    # another kind of 控制率 in a sentence with money: a health measure, no rate of the money
    "项目预算经费50万元，实际支出45万元，辖区高血压患者规范管理后血压控制率达65%。\n",
])
def test_control_rates_that_must_not_raise(tmp_path: Path, body: str) -> None:
    assert _rates(tmp_path, body) == []


@pytest.mark.parametrize(("body", "stated", "computed"), [
    # the spending's share of the budget is its rate
    ("本年度项目预算资金50万元，截至年底实际支出40万元，占年初预算的92%。\n", "92", "80"),
    ("全年预算数120万元，执行数114万元，占预算数的90%。\n", "90", "95"),
])
def test_a_share_of_the_budget_its_sentence_contradicts(tmp_path: Path, body: str, stated: str, computed: str) -> None:
    assert (Decimal(stated), Decimal(computed)) in _rates(tmp_path, body)
