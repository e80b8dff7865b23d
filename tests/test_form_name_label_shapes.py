"""A form's name label is no name. Two shapes public pages print:

- the label with its alternate in brackets, '项目名称（资金名称）', on one line or wrapped in its cell onto the next
  ('项目名称' / '（资金名称）'): the bracket is the label's, the name the cell after it;
- the header block as a row of labels over a row of their values ('项目名称 | 项目编码 | 主管部门 | 实施单位' over
  'X | 5300… | Y | Z'): the name is the value under 项目名称, never the label beside it (项目编码).

Made-up forms, each shape in several layouts (one cell a line, space rows, an inline colon, pipes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

FUNDS = ["项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额 75 75 72 10 96% 9.6"]
ROWS = ["一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 维修校舍面积 ≥1500平方米 1560平方米 30 30",
        "满意度指标 服务对象满意度指标 师生满意度 ≥90% 94% 20 20"]
NAME = "中小学校舍维修改造经费"

BRACKETED = {
    "space rows": ["项目支出绩效自评表", f"项目名称（资金名称） {NAME}", "主管部门 某县教育局 实施单位 某县第二中学",
                   *FUNDS, *ROWS],
    "inline colon": ["项目支出绩效自评表", f"项目名称(资金名称):{NAME}", "主管部门:某县教育局", "实施单位:某县第二中学",
                     *FUNDS, *ROWS],
    "one cell a line": ["项目支出绩效自评表", "项目名称", "（资金名称）", NAME, "主管部门", "某县教育局", "实施单位",
                        "某县第二中学", *(cell for line in FUNDS + ROWS for cell in line.split(" "))],
}


@pytest.mark.parametrize("layout", sorted(BRACKETED))
def test_a_name_labels_bracketed_alternate_is_no_name(tmp_path: Path, layout: str) -> None:
    project = only_project(run(tmp_path, "\n".join(BRACKETED[layout]) + "\n"))
    assert project.name == NAME
    assert {i.name for i in project.indicators} == {"维修校舍面积", "师生满意度"}


LABEL_ROW = ["项目名称", "项目编码", "主管部门", "实施单位"]
VALUE_ROW = [NAME, "530000221000000054321", "某县教育局", "某县第二中学"]


def _cells(lines: list[list[str]], joint: str, edge: str) -> str:
    return "\n".join(edge + joint.join(cells) + edge for cells in lines) + "\n"


@pytest.mark.parametrize(("joint", "edge"), [(" ", ""), (" | ", "| "), ("\t", "")])
def test_a_label_row_over_its_values_names_the_project(tmp_path: Path, joint: str, edge: str) -> None:
    lines = [["项目绩效自评表"], LABEL_ROW, VALUE_ROW, *(line.split(" ") for line in FUNDS + ROWS)]
    project = only_project(run(tmp_path, _cells(lines, joint, edge)))
    assert project.name == NAME
    assert project.budget.executed is not None and project.budget.executed.raw.startswith("72")
