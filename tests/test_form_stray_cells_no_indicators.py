"""Cells a dump left on rows of their own under an indicator table, beside nothing: a figure ('≥98%', '12') or a
numbered rule's sentence of a column the header never named ('1、提供完成情况的佐证资料；'). Neither names an
indicator: no junk row is read from them, the real rows stay. Made-up form, one cell a line with and without
blank lines between the cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

LINES = ["项目支出绩效自评表", "项目名称 农村公益性公墓建设补助", "主管部门 某县民政局 实施单位 某镇人民政府",
         "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额 30 30 30 10 100% 10",
         "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
         "产出指标 数量指标 新建公益性公墓个数 2个 2个 30 30", "1、提供公墓建成验收的佐证资料；",
         "效益指标 社会效益指标 群众治丧负担减轻 有效减轻 有效减轻 30 30", "2、提供群众走访记录；",
         "满意度指标 服务对象满意度指标 村民满意度 ≥90% 94% 30 30", "3、提供满意度调查问卷；"]


@pytest.mark.parametrize("joint", ["\n", "\n\n"], ids=["cells", "cells with blank lines"])
def test_stray_cells_name_no_indicator(tmp_path: Path, joint: str) -> None:
    text = joint.join(cell for line in LINES for cell in line.split(" ")) + "\n"
    project = only_project(run(tmp_path, text))
    names = {i.name for i in project.indicators}
    assert {"新建公益性公墓个数", "群众治丧负担减轻", "村民满意度"} <= names
    assert not any("佐证" in name or "记录" in name or "问卷" in name for name in names), names
