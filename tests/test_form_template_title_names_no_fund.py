"""A form whose only title is the template's, a kind of money with no fund named ('专项资金绩效自评表',
'转移支付资金绩效自评表'): the title names no project, so the project is the one the form's name field names, not
'专项资金' with the real name as its alias. Made-up forms in two layouts (tab rows, space rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

NAME = "2024年城区内河清淤整治专项资金"
LINES = ["{title}", "（2024年度）", f"专项资金名称 {NAME}",
         "主管部门 某区水务局 实施单位 某区河湖管理中心",
         "资金情况（万元） 全年预算数（A） 全年执行数（B） 分值 执行率（B/A） 得分",
         "年度资金总额： 150 147 10 98% 9.8",
         "绩效指标 一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分",
         "产出指标 数量指标 清淤河道长度 30 ≥12公里 12.5公里 30",
         "满意度指标 服务对象满意度指标 沿河居民满意度 20 ≥90% 95% 20"]


@pytest.mark.parametrize("title", ["专项资金绩效自评表", "转移支付资金绩效自评表"])
@pytest.mark.parametrize("joint", ["\t", " "], ids=["tabs", "spaces"])
def test_the_name_field_names_the_project(tmp_path: Path, title: str, joint: str) -> None:
    lines = [line.format(title=title) for line in LINES]
    project = only_project(run(tmp_path, "\n".join(line.replace(" ", joint) for line in lines) + "\n"))
    assert project.name == NAME
