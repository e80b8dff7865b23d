"""Form readers on the 专项转移支付 self-evaluation templates of provinces and municipalities (a 区域绩效目标自评表,
a 中央、市级专项转移支付绩效目标自评表): the name field labelled 专项(项目)名称, budget fields written 'label: |
amount', an indicator table whose header prints the block's points where the 得分 label would be, and a budget
header that a dump ran together into one cell. Inputs are built in the shapes met, with made-up names and
figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.form.labels import matches, name_field
from tests._textforms import amount, only_project, run
from tests._workbooks import checked, sheet


@pytest.mark.parametrize("label", ["专项(项目)名称", "专项（项目）名称", "专项(项目)名称:"])
def test_special_fund_project_label_is_a_name_field(label: str) -> None:
    assert matches("header.name", label)
    assert name_field().match(label)


@pytest.mark.parametrize("label", ["预算数:", "预算数：", "预算数(万元):", "执行数:", "执行数（万元）："])
def test_budget_field_labels_may_end_in_a_colon(label: str) -> None:
    role = "budget.field_planned" if label.startswith("预算") else "budget.field_executed"
    assert matches(role, label)


def test_special_fund_label_names_the_project_in_pipe_rows(tmp_path: Path) -> None:
    text = (
        "某市专项转移支付绩效目标自评表 | | | |\n"
        "专项(项目)名称 | 某乡饮水安全巩固提升工程 | 负责人及电话 | 张三 |\n"
        "县级主管部门 | 某县水利局 | 实施单位 | 某乡人民政府 |\n"
        "项目资金(万元) | 全年预算数(A) | 全年执行数(B) | 执行率(B/A) |\n"
        "年度资金总额: | 86.5 | 80 | 92.49% |\n"
        "其中:中央、市级补助 | 86.5 | 80 | 92.49% |\n"
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 |\n"
        "产出指标 | 数量指标 | 新建蓄水池 | 3座 | 3座 |\n"
    )
    project = only_project(run(tmp_path, text))
    assert project.name == "某乡饮水安全巩固提升工程"
    assert amount(project.budget.planned) == Decimal("865000")
    assert amount(project.budget.executed) == Decimal("800000")


REGIONAL_ROWS = [
    ["专项名称", "某县森林防火补助资金", None, None, None, None, None],
    ["中央主管部门", "应急管理部", None, None, None, "自评得分", None],
    ["省级财政部门", "某省财政厅", None, "省级主管部门", "某省应急管理厅", "96", None],
    ["预算执行情况", "预算数:", "14.6", "执行数:", "13.9", "19", None],
    [None, "其中:中央补助", "14.6万元", "其中:中央补助", "13.9万元", None, None],
    ["年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成指标值", "60"],
    [None, "产出指标", "数量指标", "指标1:巡护里程", "≥1200公里", "1260公里", "20"],
    [None, None, "质量指标", "指标1:火情处置率", "100%", "100%", "20"],
    [None, "效益指标", "社会效益指标", "指标1:森林火灾受害率", "≤0.9‰", "0.2‰", "18"],
]


def test_regional_form_reads_colon_budget_fields_and_the_unlabelled_score_column(tmp_path: Path) -> None:
    project = only_project(checked(tmp_path, sheet(REGIONAL_ROWS)))
    assert project.name == "某县森林防火补助资金"
    assert amount(project.budget.planned) == Decimal("146000")
    assert amount(project.budget.executed) == Decimal("139000")
    scores = {i.name.split(":")[-1]: i.score for i in project.indicators}
    assert scores == {"巡护里程": Decimal(20), "火情处置率": Decimal(20), "森林火灾受害率": Decimal(18)}
    assert all(i.weight is None for i in project.indicators)


def test_the_same_form_one_cell_a_line_reads_the_same_scores(tmp_path: Path) -> None:
    cells = [c for row in REGIONAL_ROWS for c in row if c is not None] + ["注:地方资金包括县级配套资金。"]
    project = only_project(run(tmp_path, "\n\n".join(cells) + "\n"))
    assert amount(project.budget.planned) == Decimal("146000")
    scores = {i.name.split(":")[-1]: i.score for i in project.indicators}
    assert scores == {"巡护里程": Decimal(20), "火情处置率": Decimal(20), "森林火灾受害率": Decimal(18)}


def test_a_number_after_a_header_without_actuals_is_no_score_column(tmp_path: Path) -> None:
    """A 绩效目标表 states targets only: a figure column right of 指标值 is no claimed score."""
    rows = [
        ["项目名称", "某镇垃圾清运", None, None, None],
        ["项目资金(万元)", "全年预算数", "全年执行数", None, None],
        ["年度资金总额", "30", "30", None, None],
        ["一级指标", "二级指标", "三级指标", "指标值", "40"],
        ["产出指标", "数量指标", "清运垃圾量", "≥900吨", "20"],
        [None, "时效指标", "清运及时率", "100%", "20"],
    ]
    project = only_project(checked(tmp_path, sheet(rows)))
    assert all(i.score is None for i in project.indicators)


def test_scores_beyond_the_printed_points_are_no_score_column(tmp_path: Path) -> None:
    """Figures that add up to more than the header's number are no scores under it (a count column)."""
    rows = [row[:] for row in REGIONAL_ROWS]
    rows[5] = [*rows[5][:6], "10"]
    project = only_project(checked(tmp_path, sheet(rows)))
    assert all(i.score is None for i in project.indicators)


@pytest.mark.parametrize("label", ["项目名称", "专项(项目)名称", "专项资金名称"])
def test_a_budget_header_run_into_one_cell_leaves_the_form_to_the_run_reader(tmp_path: Path, label: str) -> None:
    """'项目资金(万元)全年预算数全年执行数执行率' in one cell names both columns but is no row of columns: the
    reader that parts run-together cells reads the budget and the indicator rows."""
    text = (
        "2024年度项目支出绩效自评表\n"
        f"{label}乡村公路安保工程\n"
        "主管部门某县交通运输局\n"
        "项目资金(万元)全年预算数全年执行数执行率\n"
        "年度资金总额48万元45.695.00%\n"
        "绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施\n"
        "产出指标数量指标安装护栏长度≥6公里6.2公里\n"
        "质量指标验收合格率100%100%\n"
    )
    project = only_project(run(tmp_path, text))
    assert project.name == "乡村公路安保工程"
    assert amount(project.budget.planned) == Decimal("480000")
    names = [i.name for i in project.indicators]
    assert "安装护栏长度" in names and "验收合格率" in names


# ---- an indicator header that leaves its 二级 label out -------------------------------------------

NO_LEVEL2_LABEL = [
    ["专项(项目)名称", "某村饮水管网改造", None, None, None, None],
    ["项目资金(万元)", None, "全年预算数(A)", "全年执行数(B)", "执行率(B/A)", None],
    [None, "年度资金总额:", "120万元", "118万元", "98.33%", None],
    ["绩效指标", "一级指标", None, "三级指标", "年度指标值", "全年完成值"],
    [None, "产出指标", "数量指标", "铺设供水管网", "12km", "12km"],
    [None, None, "成本指标", "管网改造成本", "120万元", "118万元"],
    [None, "效益指标", "社会效益指标", "受益人口", "≥3000人", "3200人"],
]


@pytest.mark.parametrize("merged", [False, True])
def test_the_column_between_level1_and_name_holds_the_level2_labels(tmp_path: Path, merged: bool) -> None:
    """The 二级 column's header cell is blank (or the 一级指标 label merged over it): its rows print the 二级 labels."""
    project = only_project(checked(tmp_path, sheet(NO_LEVEL2_LABEL, merges=["B4:C4"] if merged else [])))
    levels = {i.name: i.level for i in project.indicators}
    assert levels == {"铺设供水管网": "产出/数量", "管网改造成本": "产出/成本", "受益人口": "效益/社会效益"}


def test_a_blank_column_of_names_is_no_level2_column(tmp_path: Path) -> None:
    """Cells that are no 二级 labels under the blank header are left alone (the table reads as before)."""
    rows = [row[:] for row in NO_LEVEL2_LABEL]
    for row in rows[4:]:
        row[2] = "见附表"
    project = only_project(checked(tmp_path, sheet(rows)))
    assert all("/" not in i.level for i in project.indicators)
