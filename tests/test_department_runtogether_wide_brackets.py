"""A department-wide form whose dump ran every cell together and printed its labels' brackets full width
('部门（单位）名称', '年度预算申请（万元）'): the labels are cells of their own whatever the brackets' width, so the
title's words, the label and the department's name are three cells and the subject is the department, not a run
of the three. Made-up form in two layouts (the whole form on one line; one row a line, each run together)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

ROWS = ["部门整体支出绩效自评表（2022年度）", "部门（单位）名称某县统计局",
        "年度预算申请（万元）年初预算数全年预算数全年执行数分值执行率得分", "年度资金总额312.4330.8326.51098.7%9.9",
        "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分",
        "产出指标数量指标完成统计调查项目数≥25项27项3030",
        "满意度指标服务对象满意度指标数据使用单位满意度≥90%95%2020"]


@pytest.mark.parametrize("joint", ["", "\n"], ids=["one line", "rows"])
def test_the_department_is_the_subject(tmp_path: Path, joint: str) -> None:
    project = only_project(run(tmp_path, joint.join(ROWS) + "\n"))
    assert project.name.startswith("某县统计局")
    assert "自评表" not in project.name and "名称" not in project.name
