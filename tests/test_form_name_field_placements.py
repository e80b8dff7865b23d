"""Where a form's 项目名称 field sits, and the name read from it whatever the dump's layout:

- in brackets on the line under the form's title ('（项目名称：X）');
- after another field on its line ('单位名称：Y 项目名称：X'), that line opening the form;
- as 'label：value' cells, the 主管部门/实施单位 fields after it in cells of the same kind (they carry the form
  on, they open no second one);
- with the form's stamp mark after it ('X（盖章）'): the mark is no part of the name.

Made-up forms, each placement in three layouts (space rows, tab rows, one cell a line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

NAME = "城乡环境卫生整治专项经费"
REST = ["项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 56 56 54.6 10 97.5% 9.8",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 清运生活垃圾量 ≥8000吨 8350吨 30 30",
        "满意度指标 服务对象满意度指标 居民满意度 ≥90% 93% 20 20"]
HEADS = {
    "enclosed": ["2022年度项目支出绩效自评表", f"（项目名称：{NAME}）", "主管部门 某县城市管理局 实施单位 某县环卫所"],
    "after a field": ["项目支出绩效自评表", f"单位名称：某县环卫所 项目名称：{NAME}", "主管部门：某县城市管理局"],
    "inline fields": ["项目支出绩效自评表", f"项目名称：{NAME}", "主管部门：某县城市管理局", "实施单位：某县环卫所"],
    "stamped": ["项目支出绩效自评表", f"项目名称 {NAME}（盖章）", "主管部门 某县城市管理局 实施单位 某县环卫所"],
}


def _text(lines: list[str], layout: str) -> str:
    if layout == "one cell a line":
        return "\n".join(cell for line in lines for cell in line.split(" ")) + "\n"
    return "\n".join(line.replace(" ", "\t") if layout == "tabs" else line for line in lines) + "\n"


@pytest.mark.parametrize("layout", ["spaces", "tabs", "one cell a line"])
@pytest.mark.parametrize("placement", sorted(HEADS))
def test_the_name_field_names_the_project(tmp_path: Path, placement: str, layout: str) -> None:
    project = only_project(run(tmp_path, _text(HEADS[placement] + REST, layout)))
    assert project.name == NAME
    assert {i.name for i in project.indicators} == {"清运生活垃圾量", "居民满意度"}
    assert project.budget.executed is not None and project.budget.executed.raw.startswith("54.6")
