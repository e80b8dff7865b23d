"""A whole 自评表 on one '|' line ('项目名称|X|主管部门|Y|…|绩效指标|一级指标|…|总分|100|98|'): the text reader makes it
a table of one row; its cells are the form's in reading order, cut back into the form's rows, so the form names
its project (no 未命名项目) and its indicators keep their columns. Two forms on two such lines are two projects.
Made-up forms in three layouts ('|' bare, ' | ' with a leading bar, full-width '｜')."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import run

FORM = ("项目名称|{name}|主管部门|某区城市管理局|实施单位|某区环卫中心|项目资金（万元）|年初预算数|全年预算数|"
        "全年执行数|分值|执行率|得分|年度资金总额|120|120|117.6|10|98%|9.8|绩效指标|一级指标|二级指标|三级指标|"
        "年度指标值|实际完成值|分值|得分|偏差原因分析及改进措施|产出指标|数量指标|{row}|≥15座|16座|30|30||"
        "满意度指标|服务对象满意度指标|周边居民满意度|≥90%|93%|20|20||总分|100|99.8|")


def _layout(text: str, layout: str) -> str:
    if layout == "spaced":
        return "\n".join("| " + line.replace("|", " | ") for line in text.splitlines()) + "\n"
    if layout == "full width":
        return text.replace("|", "｜")
    return text


@pytest.mark.parametrize("layout", ["bare", "spaced", "full width"])
def test_a_form_on_one_pipe_line_names_its_project(tmp_path: Path, layout: str) -> None:
    text = FORM.format(name="城区公厕运行维护经费", row="维护公厕数量") + "\n"
    result = run(tmp_path, _layout(text, layout))
    assert result.report is not None
    [project] = result.report.projects
    assert project.name == "城区公厕运行维护经费"
    rows = {i.name: i for i in project.indicators}
    assert set(rows) == {"维护公厕数量", "周边居民满意度"}
    assert rows["维护公厕数量"].target is not None and rows["维护公厕数量"].target.raw == "≥15座"


@pytest.mark.parametrize("layout", ["bare", "spaced"])
def test_two_forms_on_two_pipe_lines_are_two_projects(tmp_path: Path, layout: str) -> None:
    text = (FORM.format(name="城区公厕运行维护经费", row="维护公厕数量") + "\n"
            + FORM.format(name="垃圾中转站运行经费", row="运行中转站数量") + "\n")
    result = run(tmp_path, _layout(text, layout))
    assert result.report is not None
    assert sorted(p.name for p in result.report.projects) == ["垃圾中转站运行经费", "城区公厕运行维护经费"]
