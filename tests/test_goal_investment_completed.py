"""A listed goal of investment completed ('年度完成固定资产投资15亿元以上', '完成社会投资3.5亿元') is an aim in money,
read like '完成投资'; money given or budgeted in the same list stays the funds'. Made-up reports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests._textforms import parsed_project


def _targets(tmp_path: Path, text: str) -> dict[str, tuple[str, Decimal | None, str | None]]:
    project = parsed_project(tmp_path, text)
    return {i.name: (i.target.comparator, i.target.value, i.target.unit) for i in project.indicators if i.target}


def test_a_goal_list_with_fixed_asset_investment(tmp_path: Path) -> None:
    text = ("某市2022年度特色产业专项资金绩效自评报告\n一、项目基本情况\n"
            "2、项目年度预算绩效目标。产出目标:完成产业园区规划12个,建成服务中心8个,年度完成固定资产投资15亿元以上,"
            "引进重点企业6个。\n")
    found = _targets(tmp_path, text)
    assert found["年度完成固定资产投资"] == (">=", Decimal("1500000000"), "元")
    assert "产业园区规划" in found and "引进重点企业" in found


def test_a_goal_list_with_social_investment_and_money_given(tmp_path: Path) -> None:
    text = ("某县2023年度乡村振兴衔接资金项目绩效自评报告\n一、项目概况\n"
            "年度绩效目标:下达衔接资金800万元,新建产业路6公里,完成社会投资3.5亿元,带动脱贫户增收200户。\n")
    found = _targets(tmp_path, text)
    assert found["社会投资"] == ("=", Decimal("350000000"), "元")
    assert not any("衔接资金" in name for name in found)  # money given is the funds', no goal
