"""A goal statement's figure to be reached ('社会满意度达：98%', '家长满意度达到95%') is at least that figure, as a
target cell's '达到95%' reads (parse/goalwords.reached_target for the goal readers of parse/goallists.py and
parse/goalstated.py); a bare figure stays '=', and a rate the analysis reports is no target."""

from __future__ import annotations

from decimal import Decimal

from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc, _indicator


def _targets(*paras: str) -> dict[str, tuple[str | None, Decimal | None]]:
    project = parse_narrative(_doc("某县2022年学前教育资助项目绩效自评报告", *paras,
                                   "三、资金情况", "项目预算资金120万元，全年执行120万元。")).projects[0]
    return {i.name: (i.target.comparator, i.target.value) if i.target else (None, None) for i in project.indicators}


def test_a_numbered_goal_item_with_rates_to_reach() -> None:
    found = _targets("一、项目概况", "（二）项目绩效目标",
                     "1. 项目绩效总目标：资助幼儿学前保教费；资助发放率100%，家长满意度达：95%，教师满意度达到90%。")
    assert found["资助发放率"] == ("=", Decimal("100"))
    assert found["家长满意度"] == (">=", Decimal("95"))
    assert found["教师满意度"] == (">=", Decimal("90"))


def test_goal_clauses_with_a_rate_to_reach() -> None:
    found = _targets("一、绩效目标", "年度目标有三项：一是入园幼儿资助覆盖率达到98%；二是资金发放及时率达100%；"
                     "三是受助家庭满意度不低于90%。")
    assert found["入园幼儿资助覆盖率"] == (">=", Decimal("98"))
    assert found["资金发放及时率"] == (">=", Decimal("100"))
    assert found["受助家庭满意度"] == (">=", Decimal("90"))


def test_a_rate_the_analysis_reaches_is_a_result() -> None:
    project = parse_narrative(_doc("某县2022年学前教育资助项目绩效自评报告", "一、绩效目标",
                                   "年度目标：家长满意度不低于90%。", "二、绩效目标完成情况分析",
                                   "经问卷调查，家长满意度达到96%，资助发放率达到100%。",
                                   "三、资金情况", "项目预算资金120万元，全年执行120万元。")).projects[0]
    pleased = _indicator(project, "家长满意度")
    assert pleased.target is not None and pleased.target.value == Decimal("90")
    assert Decimal("96") in [a.value for a in pleased.actuals]
