"""规划 as the plan word of a goal clause ('规划治理水土流失面积19.69km²', '规划新建农村公路12.5公里，实际建成13公里'),
only opening its clause and before a works or plan verb: elsewhere it is a noun (parse/goalpairs.py)."""

from __future__ import annotations

from decimal import Decimal

from reportparse.parse.goalpairs import plan_result_pairs
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc, _indicator


def test_a_clause_opened_by_the_plan_word_is_a_target() -> None:
    project = parse_narrative(_doc(
        "某区2023年清水河小流域综合治理项目绩效评价报告",
        "一、项目概况",
        "（二）项目绩效目标",
        "规划治理水土流失面积12.4平方公里，建设内容包括谷坊18座、拦沙坝3座。",
        "二、项目资金使用情况",
        "项目预算1200万元，全年执行1150万元。",
    )).projects[0]
    eroded = _indicator(project, "治理水土流失面积")
    assert eroded.target is not None and eroded.target.value == Decimal("12.4") and eroded.target.unit == "平方公里"
    assert eroded.actuals == []
    roads = plan_result_pairs(_doc("1.规划新建农村公路12.5公里，实际建成13公里。").elements[0])  # type: ignore[arg-type]
    assert [(i.name, i.target.value if i.target else None, [a.value for a in i.actuals]) for i in roads] == \
        [("新建农村公路", Decimal("12.5"), [Decimal("13")])]


def test_the_plan_as_a_noun_is_no_plan_word() -> None:
    for text in ("完成村庄规划编制12个，实际完成12个。", "该镇规划建设用地面积300亩。",
                 "编制国土空间规划3部，实际完成3部。"):
        assert plan_result_pairs(_doc(text).elements[0]) == [], text  # type: ignore[arg-type]
