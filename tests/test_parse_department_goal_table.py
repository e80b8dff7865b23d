"""A department's 整体绩效目标表 with no 项目资金 block is read as prose with a goal table: the project it names none
of is the department's whole spending, named by its 部门(单位)名称 field. Made-up tables in pipe and tab rows."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import only_project, run

ROWS = [
    ["部门(单位)名称", "某县统计局"],
    ["年度总体绩效目标", "完成年度统计调查任务。"],
    ["一级指标", "二级指标", "三级指标", "指标值", "计量单位"],
    ["产出指标", "数量指标", "完成统计调查项目", "12", "个"],
    ["效益指标", "社会效益指标", "统计数据公开及时率", "100", "%"],
]


def _table(sep: str) -> str:
    return "某县统计局2024年度整体绩效目标表\n" + "\n".join(sep.join(cells) for cells in ROWS) + "\n"


def test_the_department_field_names_the_subject(tmp_path: Path) -> None:
    for sep in (" | ", "\t"):
        project = only_project(run(tmp_path, _table(sep)))
        assert project.name == "某县统计局部门整体支出"
        assert [i.name for i in project.indicators] == ["完成统计调查项目", "统计数据公开及时率"]


def test_a_goal_table_without_the_field_keeps_its_stand_in_name(tmp_path: Path) -> None:
    text = "\n".join(" | ".join(cells) for cells in ROWS[2:]) + "\n"
    assert only_project(run(tmp_path, "某项目绩效目标表\n" + text)).name == "未命名项目"
