"""A 项目资金 block that prints the fund's sources before its total (项目资金来源 | 中央 | 省、地 | 本级 | 其他 | 合计 |
执行数 | 执行率, the Hubei 财政预算支出项目绩效目标自评表) over one row of figures, its label cell merged into the
block's label and so printed empty or left out: the figures stand each under its column, so the budget is the
合计 and the money spent the 执行数, never the first source's 0. Made-up forms in two layouts (space rows with
the row's empty label cell dropped, tab rows)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project, run

LINES = ["某市财政预算支出项目绩效目标自评表",
         "项目名称 2023年社区卫生服务中心设备购置项目",
         "项目主管单位 某市卫生健康委员会 项目实施单位 某社区卫生服务中心",
         "项目资金来源 中央（万元） 省、地（万元） 本级（万元） 其他（万元） 合计（万元） 执行数（万元） 执行率",
         "0 20 36.5 0 56.5 54.8 97%",
         "一级指标 二级指标 指标名称（三级指标） 年初指标值 年终完成值 自评分",
         "产出指标 数量指标 购置医疗设备台数 ≥12台 12台 20",
         "满意度指标 服务对象满意度 就诊群众满意度 ≥90% 93% 10"]


@pytest.mark.parametrize("joint", [" ", "\t"])
def test_the_budget_is_the_total_under_its_column(tmp_path: Path, joint: str) -> None:
    result = run(tmp_path, "\n".join(line.replace(" ", joint) for line in LINES) + "\n")
    project = only_project(result)
    budget = project.budget
    assert budget.planned is not None and budget.planned.value == Decimal("565000")
    assert budget.executed is not None and budget.executed.value == Decimal("548000")
