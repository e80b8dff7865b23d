"""A target list's last item that runs into the results with its unit left off ('…辅具适配200人，假肢安装服务21实际
完成：…假肢安装服务21人'): a count, its result in the list after (parse/goallists.py listed_targets)."""

from __future__ import annotations

from decimal import Decimal

from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc, _indicator


def _project(goals: str):  # type: ignore[no-untyped-def]
    return parse_narrative(_doc("某县2021年困难群众救助项目绩效自评报告", "一、项目基本情况",
                                "项目预算资金80万元，全年执行80万元。", goals)).projects[0]


def test_a_bare_last_item_takes_its_result() -> None:
    project = _project("（二）项目绩效目标。本年度项目目标：临时救助困难群众150户，发放慰问金120户，"
                       "医疗救助补助35实际完成：临时救助困难群众162户，发放慰问金120户，医疗救助补助38人次。")
    medical = _indicator(project, "医疗救助补助")
    assert medical.target is not None and (medical.target.value, medical.target.unit) == (Decimal("35"), None)
    assert [(a.value, a.unit) for a in medical.actuals] == [(Decimal("38"), "人次")]
    assert [a.value for a in _indicator(project, "临时救助困难群众").actuals] == [Decimal("162")]


def test_a_bare_item_with_no_result_named_alike_stays_without_one() -> None:
    project = _project("（二）项目绩效目标。项目目标为：新建村级卫生室4个，配备医疗设备12实际完成情况为："
                       "新建村级卫生室4个，培训乡村医生30人。")
    devices = _indicator(project, "配备医疗设备")
    assert devices.target is not None and devices.target.value == Decimal("12") and devices.actuals == []
