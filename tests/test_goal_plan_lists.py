"""A plan that lists the works or tasks it aims at, each with its size ('计划新建村级服务站5个、改造农家书屋3个、安装
太阳能路灯120盏', '计划实施危房改造12户、培训农民200人次'), and the sentence after it that lists what was done: each
listed work is a target, with the result the next sentence lists for it by name and unit. Made-up reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.pipeline import check

_HEAD = "青溪县2023年度乡村建设项目绩效自评报告\n一、项目基本情况\n该项目预算120万元，全年支出118万元。\n二、绩效目标\n"


@pytest.mark.parametrize(("plan", "expected"), [
    ("计划新建村级服务站5个、改造农家书屋3个、安装太阳能路灯120盏，受益群众3200人。截至年底，已新建村级服务站5个、"
     "改造农家书屋3个、安装太阳能路灯118盏。",
     {"新建村级服务站": ("5", "5"), "改造农家书屋": ("3", "3"), "安装太阳能路灯": ("120", "118")}),
    ("项目计划实施危房改造12户、培训农民200人次。实际完成实施危房改造12户、培训农民186人次。",
     {"实施危房改造": ("12", "12"), "培训农民": ("200", "186")}),
])
def test_a_planned_list_and_its_results(tmp_path: Path, plan: str, expected: dict[str, tuple[str, str]]) -> None:
    path = tmp_path / "report.txt"
    path.write_text(_HEAD + plan + "\n", encoding="utf-8")
    result = check(path)
    assert result.report is not None
    read = {i.name: i for p in result.report.projects for i in p.indicators}
    for name, (target, actual) in expected.items():
        indicator = read[name]
        assert indicator.target is not None and str(indicator.target.value) == target
        assert [str(a.value) for a in indicator.actuals] == [actual]


def test_a_plan_compared_is_no_list(tmp_path: Path) -> None:
    text = _HEAD + "全年比计划新建村级服务站5个、改造农家书屋3个多完成1个。\n"
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.report is not None
    assert not any(i.name == "新建村级服务站" for p in result.report.projects for i in p.indicators)
