"""A department's own totals in its report's prose: what it received (一般公共预算拨款收入, 部门预算收入) is no
budget, and the parts of its spending (基本支出, 人员经费, 项目支出 …) are no total — neither makes a budget or
an amount spent that the checks would hold against the stated execution rate."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Result
from reportparse.pipeline import check

HEAD = "某县{body}2023年度部门整体支出绩效自评报告\n一、部门基本情况\n某县{body}为县政府工作部门。\n"
TAIL = "三、自评结论\n经自评，部门整体支出绩效自评得分为93分，评价等级为优。\n"


def run(tmp_path: Path, body: str, text: str) -> Result:
    path = tmp_path / "report.txt"
    path.write_text(HEAD.format(body=body) + text + TAIL, encoding="utf-8")
    return check(path)


def serious(result: Result) -> list[str]:
    return [f.code for f in result.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize("income", [
    "2023年度收入合计1856.23万元，其中一般公共预算拨款收入1756.23万元，政府性基金收入100万元。",
    "2023年部门预算收入1580.6万元，全年实际收入1722.4万元。",
])
def test_income_is_no_budget(tmp_path: Path, income: str) -> None:
    result = run(tmp_path, "文化广电旅游体育局",
                 f"二、部门收支情况\n{income}\n2023年度支出合计1698.1万元。预算执行率为98.59%。\n")
    department = result.report.projects[0]
    assert department.budget.planned is None
    assert department.budget.executed is not None and department.budget.executed.value == Decimal("16981000")
    assert serious(result) == []


@pytest.mark.parametrize("spending", [
    "（一）基本支出：2023年基本支出512.3万元，其中工资福利支出402.1万元，商品和服务支出98.6万元。\n"
    "（二）项目支出：2023年项目支出689.5万元，其中村级组织运转经费120万元。\n",
    "1.人员经费852.30万元，公用经费134.15万元；2.项目经费845.65万元，主要用于文物保护。\n",
])
def test_parts_of_spending_are_no_total(tmp_path: Path, spending: str) -> None:
    result = run(tmp_path, "农业农村局", f"二、部门支出情况\n{spending}预算执行率100%。\n")
    department = result.report.projects[0]
    assert department.budget.executed is None and department.budget.planned is None
    assert serious(result) == []
