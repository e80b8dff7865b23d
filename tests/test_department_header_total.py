"""The self-score a 部门整体 form prints among its header fields (自评总分(分) | 95.5): the department's
claimed total, read from a workbook's cells and from a dump that ran the cells together."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project, run
from tests._workbooks import checked, sheet


@pytest.mark.parametrize("label", ["自评总分(分)", "自评总分（分）"])
def test_the_header_field_in_a_workbook(tmp_path: Path, label: str) -> None:
    rows = [["部门整体绩效自评表"],
            ["主管部门", "某县林业局", "财政处室", "农业科", label, 95.5],
            ["指标名称", "计量单位", "指标性质", "年初指标值", "指标权重(分)", "全年完成值", "指标得分(分)"],
            ["预算执行率", "%", "定量指标", "≥95%", 10, "98%", 10],
            ["森林火灾受害率", "‰", "定量指标", "≤0.9‰", 10, "0", 10]]
    project = checked(tmp_path, sheet(rows)).report.projects[0]
    assert project.total_score == Decimal("95.5")


@pytest.mark.parametrize("figure", ["97.6", "88"])
def test_the_field_run_together_with_its_figure(tmp_path: Path, figure: str) -> None:
    dump = (f"1、某区融媒体中心2021年度部门整体绩效自评表主管部门财政处室自评总分(分){figure}部门联系人王五联系电话"
            "部门预算执行情况年初预算数全年(调整)预算数全年执行数执行率(%)\n")
    project = only_project(run(tmp_path, dump))
    assert project.total_score == Decimal(figure)
