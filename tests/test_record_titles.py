"""A sheet or page titled by the record it keeps, with no 自评表 or 报告 in its title and no 项目名称 field:
'2023年X绩效目标完成情况（续建项目）', 'X项目绩效自评情况'. The title names the project; a section heading with
the same words ('二、绩效目标完成情况') names none. Made-up names and figures, as a sheet and as a text dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse.form.titles import name_from_title, record_title_name
from tests._textforms import only_project
from tests._textforms import run as run_text
from tests._workbooks import checked, sheet


@pytest.mark.parametrize(("title", "name"), [
    ("2023年城区路灯维护绩效目标完成情况（续建项目）", "城区路灯维护"),
    ("河道清淤整治项目绩效目标实现情况", "河道清淤整治"),
    ("2021年度农村饮水安全巩固提升资金绩效目标自评情况（2021年度）", "农村饮水安全巩固提升资金"),
    ("附表2：老年助餐服务补贴项目绩效自评情况", "老年助餐服务补贴"),
])
def test_a_record_title_names_its_project(title: str, name: str) -> None:
    assert record_title_name(title) == name
    assert name_from_title(title) == name


@pytest.mark.parametrize("heading", [
    "二、绩效目标完成情况", "（三）项目绩效自评情况", "3.绩效目标实现情况",
    "一、绩效目标完成情况，全年完成维护任务", "2023年度部门整体支出绩效目标完成情况",
])
def test_a_section_heading_names_nothing(heading: str) -> None:
    assert record_title_name(heading) == ""


def test_not_a_record_title() -> None:
    assert record_title_name("城区路灯维护绩效目标完成情况良好，亮灯率达到97%") == ""
    assert record_title_name("城区路灯维护项目绩效自评表") == ""  # (a form's title, read by the form's rules)


_ROWS = [
    ["一级指标", "二级指标", "指标名称", "目标值", "完成值"],
    ["产出指标", "数量指标", "清淤河道长度（公里）", "12", "12.5"],
    [None, None, "新建护坡面积（平方米）", "3000", "3120"],
    [None, "质量指标", "工程验收合格率", "100%", "100%"],
    [None, "时效指标", "完工时间", "2023年10月底前", "2023年9月"],
    ["效益指标", "生态效益指标", "河道水质", "达到Ⅲ类", "达到Ⅲ类"],
    ["满意度指标", "服务对象满意度指标", "沿河群众满意度", "≥90%", "95%"],
]


@pytest.mark.parametrize("title", [
    "2023年河道清淤整治绩效目标完成情况（续建项目）", "河道清淤整治项目绩效目标实现情况"])
def test_a_titled_sheet_names_its_project(tmp_path: Path, title: str) -> None:
    rows = [[title, None, None, None, None], ["填报单位：青溪县水利局", None, None, "单位：万元", None], *_ROWS]
    result = checked(tmp_path, sheet(rows, ["A1:E1", "A4:A7", "B4:B5"]))
    project = only_project(result)
    assert project.name == "河道清淤整治"
    assert "清淤河道长度" in {i.name.split("（")[0] for i in project.indicators}


def test_a_titled_text_dump_names_its_project(tmp_path: Path) -> None:
    lines = ["老年助餐服务补贴项目绩效自评情况", "填报单位：青溪县民政局"]
    lines += ["|".join(c or "" for c in row) for row in [
        ["一级指标", "二级指标", "指标名称", "目标值", "完成值"],
        ["产出指标", "数量指标", "助餐服务人次", "≥20000人次", "21350人次"],
        ["", "质量指标", "餐食抽检合格率", "100%", "100%"],
        ["满意度指标", "服务对象满意度指标", "就餐老人满意度", "≥90%", "96%"],
    ]]
    project = only_project(run_text(tmp_path, "\n".join(lines) + "\n"))
    assert project.name in ("老年助餐服务补贴", "老年助餐服务补贴项目")  # (the report rules keep its 项目)


def test_a_heading_above_a_goal_table_names_no_project(tmp_path: Path) -> None:
    rows = [["二、绩效目标完成情况", None, None, None, None], *_ROWS]
    result = checked(tmp_path, sheet(rows, ["A1:E1"]))
    assert result.report is not None
    assert all(p.name != "二、" and "完成情况" not in p.name for p in result.report.projects)
