"""Money paid over to the body is not money it spent (parse/amounts.py): '收到拨付的X资金' is money received
(到位), 'X财政局以（…）文件拨付资金' the allotment it was given; what it paid out ('已按合同支付') is its spending."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.model import Project
from reportparse.parse import parse_report
from reportparse.readers import extract_document


def _project(tmp_path: Path, text: str) -> Project:
    path = tmp_path / "money.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_report(extract_document(path))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


@pytest.mark.parametrize("money", [
    "（二）资金落实\n资金到位率：收到拨付的省级农村物流补助资金48万元，资金尚在核拨中。得2分。\n",
    "二、资金情况\n2022年6月我中心收到县财政拨付的设备购置经费15.6万元，设备采购正在招标。\n",
])
def test_money_received_from_another_level_is_not_spent(tmp_path: Path, money: str) -> None:
    text = "某县2022年农村物流体系建设项目绩效自评报告\n一、项目投入\n" + money
    assert _project(tmp_path, text).budget.executed is None


@pytest.mark.parametrize(("money", "planned", "executed"), [
    ("县财政局于2022年8月以（某财整合〔2022〕7号）文件拨付资金150万元，其中补助费145万元。工程已通过验收，"
     "已按施工合同支付项目资金148.2万元。", 1500000, 1482000),
    ("区财政局以文件形式拨付专项经费36万元。截至年底，已支付运维费用34.5万元。", 360000, 345000),
])
def test_money_paid_over_by_a_document_is_the_allotment(tmp_path: Path, money: str, planned: int,
                                                         executed: int) -> None:
    text = "某县2021年低产林改造项目支出绩效自评报告\n一、项目资金投入情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert budget.planned is not None and budget.planned.value == planned
    assert budget.executed is not None and budget.executed.value == executed
