"""A 项目名称 label alone on its line and the name alone on the line under it (a dump that broke the label |
value row between its two cells): the name is the project's, not 未命名项目. A goal's sentence or a title under a
bare label is no name. Made-up forms in three layouts (space rows, runs of spaces, pipes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

NAME = "2024年度农村改厕后续管护经费"
LINES = ["项目支出绩效自评表", "项目名称", NAME, "主管部门 某县农业农村局 实施单位 某县农村人居环境服务中心",
         "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额 38 38 36.9 10 97.1% 9.7",
         "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
         "产出指标 数量指标 管护户厕数 ≥4200户 4260户 30 30",
         "满意度指标 服务对象满意度指标 农户满意度 ≥90% 94% 20 20"]


def _text(lines: list[str], layout: str) -> str:
    if layout == "pipes":
        return "\n".join("| " + " | ".join(line.split(" ")) + " |" for line in lines) + "\n"
    return "\n".join(line.replace(" ", "   " if layout == "runs of spaces" else " ") for line in lines) + "\n"


@pytest.mark.parametrize("layout", ["space rows", "runs of spaces", "pipes"])
def test_the_line_under_a_bare_name_label_is_the_name(tmp_path: Path, layout: str) -> None:
    project = only_project(run(tmp_path, _text(LINES, layout)))
    assert project.name == NAME


def test_a_title_under_a_bare_label_is_no_name(tmp_path: Path) -> None:
    lines = [*LINES[:2], "项目支出绩效自评表", *LINES[3:]]
    project = only_project(run(tmp_path, _text(lines, "space rows")))
    assert "自评表" not in project.name
