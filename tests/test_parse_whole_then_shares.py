"""A fund's whole amount said with the project it pays for, then its shares after 其中 ('下达资金5404万元用于X项目
建设，其中A区900万元、B县900万元'): the project named before 其中 is the whole's, a share is not its budget."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.pipeline import check


@pytest.mark.parametrize(("sentence", "whole"), [
    ("2022年6月，县财政局下达资金300万元用于农村公路养护工程项目建设，其中甲镇120万元、乙镇180万元。", "3000000"),
    ("年初县财政下达专项经费80万元，主要用于实施乡村文化活动项目，其中东村30万元，西村50万元。", "800000"),
])
def test_a_share_after_qizhong_is_not_the_named_project_s_budget(tmp_path: Path, sentence: str, whole: str) -> None:
    text = ("某县2022年度专项资金绩效自评报告\n一、项目基本情况\n" + sentence
            + "\n二、绩效目标完成情况\n各项任务按期完成。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    planned = {p.name: p.budget.planned.value for p in check(path).report.projects if p.budget.planned}
    assert Decimal(whole) in planned.values()
    assert not {Decimal("1200000"), Decimal("1800000"), Decimal("300000"), Decimal("500000")} & set(planned.values())


@pytest.mark.parametrize("text", [
    ("一、资金下达情况\n"
     "2021年5月，市财政局共下达中央资金1200万元用于城区黑臭水体治理项目建设，其中A街道700万元、B街道500万元。\n"
     "二、绩效目标\n全年预算安排中央水污染防治资金1200万元。年度目标为完成城区黑臭水体治理3处。\n"),
    ("一、绩效目标分解下达情况\n"
     "县财政下达资金360万元，主要用于实施乡村道路安保工程项目。\n"
     "二、绩效目标\n全年预算安排农村公路养护专项资金360万元。年度目标为完成乡村道路安保工程30公里。\n"),
    # (a fund named by another ending: 专项补助, 专项, 转移支付)
    ("一、资金下达情况\n"
     "2021年5月，市财政局共下达中央资金1200万元用于城区黑臭水体治理项目建设，其中A街道700万元、B街道500万元。\n"
     "二、绩效目标\n全年预算安排中央水污染防治专项补助1200万元。年度目标为完成城区黑臭水体治理3处。\n"),
    ("一、绩效目标分解下达情况\n"
     "县财政下达资金360万元，主要用于实施乡村道路安保工程项目。\n"
     "二、绩效目标\n全年预算安排农村公路养护专项360万元。年度目标为完成乡村道路安保工程30公里。\n"),
])
def test_what_a_fund_pays_for_is_no_second_project(tmp_path: Path, text: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    projects = check(path).report.projects
    assert len(projects) == 1, [p.name for p in projects]
    assert projects[0].budget.planned is not None and projects[0].budget.planned.value in (
        Decimal("12000000"), Decimal("3600000"))


def test_a_purpose_the_title_names_stays_the_project(tmp_path: Path) -> None:
    text = ("某县2022年度乡村道路安保工程项目绩效自评报告\n一、基本情况\n"
            "县财政下达农村公路养护专项资金360万元，主要用于实施乡村道路安保工程项目。\n"
            "二、绩效目标\n计划完成乡村道路安保工程30公里。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    assert any("安保工程" in p.name for p in check(path).report.projects)
