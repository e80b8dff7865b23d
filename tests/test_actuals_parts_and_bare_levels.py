"""Results read from a report's analysis (parse/actuals.py): the parts a sentence lists after the whole it names
('治理水土流失面积1200公顷，其中坡改梯40公顷、封育治理800公顷') are no results of the whole, and a level label closed
by 。 without 指标 ('(1)社会效益。') keeps its figures to its own level ('出行道路缩短4公里' reports no 新建林区道路).
Hand-made reports, names and figures invented, read end to end through `pipeline.check`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import Project, Result
from tests._textforms import only_project, run

SOIL = """某县2022年小流域综合治理项目绩效自评报告
一、项目基本情况
项目资金300万元,全年执行300万元。
二、绩效目标完成情况分析
(一)总体绩效目标完成情况分析。
项目的总体绩效目标是治理水土流失面积1200公顷,包括坡改梯40公顷、封育治理800公顷、经果林360公顷。年底已基本完成。
(二)绩效指标完成情况分析。
1.产出指标完成情况分析。
(1)数量指标。治理水土流失面积1200公顷已基本完成,其中坡改梯40公顷,封育治理800公顷,经果林360公顷。
2.效益指标完成情况分析。
(1)社会效益。受益农户人均增加基本农田面积0.3亩。
(2)生态效益。项目区保土率61.5%。
"""

ROAD = """某镇2023年林区道路建设项目绩效自评报告
一、项目概况
项目资金150万元,已全部支付。
二、绩效目标完成情况分析
(一)总体目标完成情况分析。
年度目标为新建林区道路12公里,其中主干道5公里,支线7公里。年底已全部完工。
(二)绩效指标完成情况分析。
1.数量指标。新建林区道路12公里,其中主干道5公里、支线7公里。
2.社会效益。周边村民到乡道的出行道路缩短4公里。
"""


def _actuals(project: Project, name: str) -> list[tuple[Decimal | None, str | None]]:
    indicator = next(i for i in project.indicators if i.name == name)
    return [(a.value, a.unit) for a in indicator.actuals]


def _serious(result: Result) -> list[str]:
    return [f.code for f in result.findings if f.severity in ("error", "warning")]


def test_the_parts_listed_after_a_whole_are_no_results_of_it(tmp_path: Path) -> None:
    result = run(tmp_path, SOIL)
    project = only_project(result)
    assert _actuals(project, "治理水土流失面积") == [(Decimal(18000), "亩")]  # (1200公顷, read once)
    assert "conflicting-actuals" not in _serious(result)
    # (a benefit level's own figures are that level's, not the area the 产出 level names)
    assert _actuals(project, "受益农户人均增加基本农田面积") == [(Decimal("0.3"), "亩")]


def test_a_bare_level_label_keeps_its_figures_from_another_levels_indicator(tmp_path: Path) -> None:
    result = run(tmp_path, ROAD)
    project = only_project(result)
    assert _actuals(project, "新建林区道路") == [(Decimal(12), "公里")]
    assert not [f for f in result.findings if f.code == "target-missed"]
