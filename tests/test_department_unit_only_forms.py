"""A form that has no name label at all, only its unit's ('单位名称 | 青溪县文化和旅游局'), reports on that unit's own
spending: its subject is '‹单位›部门整体支出'. A project form whose 项目名称 cell is left empty is not renamed after
its unit. Made-up units and figures, as a sheet and as a Word table."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project
from tests._wordtables import checked_word_table
from tests._workbooks import checked, sheet


def rows(unit_label: str, unit: str, name_row: bool) -> list[list[str]]:
    head = [["2023年度绩效目标自评表", "", "", "", "", "", ""]]
    if name_row:
        head.append(["项目名称", "", "", "", "", "", ""])
    return [
        *head,
        [unit_label, unit, "", "负责人及电话", "王某 0000-1234567", "", ""],
        ["资金情况（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1250", "1310", "1268.4", "10", "96.8%", "9.7"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "开展文化惠民演出场次", "≥120场", "126场", "30", "30"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "20", "20"],
    ]


@pytest.mark.parametrize(("unit_label", "unit"), [
    ("单位名称", "青溪县文化和旅游局"), ("预算单位名称", "白沙镇人民政府")])
def test_a_sheet_with_only_its_unit_named(tmp_path: Path, unit_label: str, unit: str) -> None:
    project = only_project(checked(tmp_path, sheet(rows(unit_label, unit, name_row=False))))
    assert project.name == f"{unit}部门整体支出"


def test_a_word_table_with_only_its_unit_named(tmp_path: Path) -> None:
    result = checked_word_table(tmp_path, rows("单位名称", "青溪县文化和旅游局", name_row=False))
    assert only_project(result).name == "青溪县文化和旅游局部门整体支出"


def test_a_project_form_with_an_empty_name_keeps_no_name(tmp_path: Path) -> None:
    project = only_project(checked(tmp_path, sheet(rows("单位名称", "青溪县文化和旅游局", name_row=True))))
    assert "整体支出" not in project.name
