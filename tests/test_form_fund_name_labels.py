"""The name field labelled by the fund ('资金名称：X', '专项名称 X'), as transfer and special-fund forms print it:
the form opens at it and names its project. Made-up forms in two layouts (space rows; one cell a line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

REST = ["主管部门 某县财政局 实施单位 某县农村综合改革服务中心",
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额 96 96 96 10 100% 10",
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 奖补村级公益项目个数 ≥12个 12个 30 30"]
NAME = "2023年村级公益事业建设一事一议财政奖补资金"


@pytest.mark.parametrize("label", ["资金名称：", "专项名称 "])
@pytest.mark.parametrize("layout", ["rows", "cells"])
def test_a_fund_labelled_name_field_names_the_project(tmp_path: Path, label: str, layout: str) -> None:
    lines = ["专项资金绩效自评表", f"{label}{NAME}", *REST]
    if layout == "cells":
        text = "\n".join(cell for line in lines for cell in line.split(" ")) + "\n"
    else:
        text = "\n".join(lines) + "\n"
    project = only_project(run(tmp_path, text))
    assert project.name == NAME
