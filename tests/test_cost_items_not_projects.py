"""A cost item of two characters and 费 ('劳务费', '宣传费', '材料费'), listed with its amount where a report breaks
its spending down, is a line of how the money was spent, never a project of its own. A fund or project whose name
ends in 经费 or is longer stays one. Made-up reports in two wordings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse.names import valid_candidate
from reportparse.pipeline import check


@pytest.mark.parametrize("name", ["劳务费", "宣传费", "材料费", "租赁费"])
def test_a_cost_item_is_no_name(name: str) -> None:
    assert not valid_candidate(name)


@pytest.mark.parametrize("name", ["河道巡查保洁经费", "农村公路养护费用补助", "老年人高龄津贴"])
def test_a_project_is_still_a_name(name: str) -> None:
    assert valid_candidate(name)


@pytest.mark.parametrize("breakdown", [
    "2023年项目资金到位40万元，支出39.2万元，其中：劳务费25万元，材料费8.2万元，宣传费6万元。",
    "全年共支出39.2万元，主要用于劳务费25万元、材料费8.2万元和宣传费6万元。",
])
def test_a_spending_breakdown_adds_no_projects(tmp_path: Path, breakdown: str) -> None:
    text = (f"2023年度河道巡查保洁经费绩效自评报告\n一、项目基本情况\n{breakdown}\n"
            "二、绩效目标完成情况\n巡查河段长度45公里。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.report is not None
    assert not any(p.name.endswith(("劳务费", "材料费", "宣传费")) for p in result.report.projects)


@pytest.mark.parametrize("spelling", [
    "项目名称乡村道路养护工程", "项目名称：乡村道路养护工程", "资金名称 乡村道路养护工程"])
def test_a_name_run_onto_its_label_is_read_without_it(spelling: str) -> None:
    from reportparse.parse.names import Registry

    registry = Registry()
    assert registry.add(spelling, 2) is not None
    assert [p.canonical() for p in registry.projects] == ["乡村道路养护工程"]
