"""A department-wide form's 年度主要任务 block (年度主要任务 | 任务名称 | 主要内容 | 预算数 | 执行数,
one row per task with its money) between the 年度预算申请 block and the goals: its header names 预算数
and 执行数 but opens no fund block, its rows are no fund rows (no sum of the tasks against a fund, no
figure conflicting with the year's budget), and none of its labels names the department's project.
Made-up form in three layouts (space rows, tab rows, one cell a line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

LINES = ["部门整体支出绩效自评表", "部门（单位）名称 某市档案馆",
         "年度预算申请（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
         "年度资金总额 640 702.5 690.4 10 98.3% 9.8",
         "其中：基本支出 402 415.5 415.5 — — —",
         "项目支出 238 287 274.9 — — —",
         "年度主要任务 任务名称 主要内容 预算数 执行数",
         "馆藏档案数字化 完成档案数字化扫描 150 146.2",
         "档案库房安全维护 更新库房消防设备 60 55.8",
         "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
         "产出指标 数量指标 档案数字化扫描页数 ≥120万页 126万页 30 30",
         "效益指标 社会效益指标 档案查阅利用人次 ≥5000人次 5320人次 30 30",
         "满意度指标 服务对象满意度指标 查档群众满意度 ≥95% 98% 30 30"]


def _text(layout: str) -> str:
    if layout == "one cell a line":
        return "\n".join(cell for line in LINES for cell in line.split(" ")) + "\n"
    return "\n".join(line.replace(" ", "\t") if layout == "tabs" else line for line in LINES) + "\n"


@pytest.mark.parametrize("layout", ["spaces", "tabs", "one cell a line"])
def test_the_task_block_is_no_fund_block(tmp_path: Path, layout: str) -> None:
    result = run(tmp_path, _text(layout))
    project = only_project(result)
    assert "档案馆" in project.name
    budget = project.budget
    assert budget.planned is not None and budget.planned.raw.startswith("702.5")
    assert budget.executed is not None and budget.executed.raw.startswith("690.4")
    codes = {f.code for f in result.findings if f.severity == "error"}
    assert not codes & {"fund-sum-mismatch", "conflicting-figures"}
    assert len(project.indicators) == 3
