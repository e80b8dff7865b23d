"""Announced project lists (parse/fundnames.py): items the list names after its last amount."""

from __future__ import annotations

from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def test_list_item_after_the_last_amount_is_a_project() -> None:
    report = parse_narrative(_doc(
        "某区建设管理局2021年度预算项目绩效自评报告",
        "一、基本情况",
        "我局2021年年初安排预算项目12个，主要有：路灯维修169.85万元、会计服务费5万元、市政消防栓建设工程2.",
    ))
    names = {p.name for p in report.projects}
    assert {"路灯维修", "会计服务费", "市政消防栓建设工程"} <= names


def test_list_ending_in_a_full_stop_adds_no_project() -> None:
    report = parse_narrative(_doc(
        "某区建设管理局2021年度预算项目绩效自评报告",
        "一、基本情况",
        "我局2021年年初安排预算项目12个，主要有：路灯维修169.85万元、会计服务费5万元。以上项目均已完成",
    ))
    assert {p.name for p in report.projects} == {"路灯维修", "会计服务费"}


def test_form_flattened_one_cell_per_line_gives_no_label_projects() -> None:
    # a text dump of a form: every cell a short line of its own, which the reader takes for a heading
    doc = _doc(
        "项目支出绩效自评表", "项目名称", "乡村道路养护经费", "年度总体目标", "实际完成情况",
        "一级指标", "二级指标", "三级指标", "指标值", "完成值", "产出指标", "数量指标",
        "指标1养护里程", "100", "100", "指标2", "质量指标", "指标1工程验收合格率",
    )
    doc = doc.model_copy(update={"elements": [e.model_copy(update={"style": "heading"}) for e in doc.elements]})
    report = parse_narrative(doc)
    names = {p.name for p in report.projects}
    assert not names & {"一级指标", "二级指标", "三级指标", "指标值", "完成值", "指标2"}, names
    assert not any(n.startswith("指标1") for n in names), names


def test_unfinished_work_explains_the_unpaid_balance() -> None:
    def explained(closing: str) -> bool:
        report = parse_narrative(_doc(
            "某县小流域水土流失综合治理项目绩效自评报告",
            "一、资金情况",
            "某县小流域水土流失综合治理项目立项批复金额为525万元，依合同进度已付款139万元。",
            closing,
        ))
        return report.projects[0].budget.balance_explained

    assert explained("由于项目尚未完工，下一步将加快工程建设进度。")
    assert not explained("下一步将加强资金管理。")
