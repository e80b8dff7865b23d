"""A form's name field labelled by its kind alone: '项目 | X经费', '资金 | X补助资金', or under a block label,
'基本信息 | 项目 | X补助' (two label cells to the name's left, neither saying 名称). The label is read as the name's
only in the header rows and only over a name: a fund table's '项目 | 年初预算数 | …' is a column header.

Made-up forms, in text dumps (pipes, spaces) and in workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse import UNNAMED_PROJECT
from tests._textforms import only_project, run
from tests._workbooks import checked, sheet

FUNDS = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
         ["年度资金总额", "60", "60", "57", "10", "95%", "9.5"]]
ROWS = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训基层干部人次", "≥600人次", "640人次", "30", "30"],
        ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", "20", "20"]]


@pytest.mark.parametrize(("label_cells", "name", "joint"), [
    (["项目"], "基层干部教育培训经费", " | "),
    (["项目："], "基层干部教育培训经费", "\t"),
    (["资金"], "农村留守儿童关爱补助资金", " | "),
    (["一、基本信息", "项目"], "社区矫正教育帮扶补助", " | "),
])
def test_a_name_labelled_by_its_kind_names_the_project(tmp_path: Path, label_cells: list[str], name: str,
                                                      joint: str) -> None:
    lines = [["项目支出绩效自评表"], ["（2023年度）"], [*label_cells, name],
             ["主管部门", "某县委组织部", "实施单位", "某县委党校"], *FUNDS, *ROWS]
    project = only_project(run(tmp_path, "\n".join(joint.join(cells) for cells in lines) + "\n"))
    assert project.name == name
    assert {i.name for i in project.indicators} == {"培训基层干部人次", "参训人员满意度"}


def test_a_workbooks_name_under_a_block_label_names_the_project(tmp_path: Path) -> None:
    rows = [["项目支出绩效自评表"], ["项目基本情况", "项目", "城市社区网格化管理补助", None, None, None, None],
            ["主管部门", "某区民政局", None, None, "实施单位", "某区社区服务中心"], *FUNDS, *ROWS]
    result = checked(tmp_path, sheet([[_figure(c) for c in r] for r in rows]))
    assert only_project(result).name == "城市社区网格化管理补助"


def _figure(cell: str | None) -> object:
    """A cell as a workbook holds it: a figure as a number."""
    return float(cell) if cell is not None and cell.replace(".", "").isdigit() else cell


def test_a_fund_tables_column_header_is_no_name(tmp_path: Path) -> None:
    # ('项目 | 年初预算数 | …': the fund table's first column title, its figures on the rows below)
    lines = [["项目支出绩效自评表"], ["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
             ["年度资金总额", "60", "60", "57", "10", "95%", "9.5"], *ROWS]
    project = only_project(run(tmp_path, "\n".join(" | ".join(cells) for cells in lines) + "\n"))
    assert project.name == UNNAMED_PROJECT


def test_a_bare_label_alone_on_its_line_over_the_name_names_the_project(tmp_path: Path) -> None:
    # (a dump of one cell a line: '项目' on its line, the name on the next)
    cells = ["项目支出绩效自评表", "（2023年度）", "项目", "老年人意外伤害保险补助经费", "主管部门", "某县民政局",
             "实施单位", "某县养老服务中心", *(cell for row in FUNDS + ROWS for cell in row)]
    assert only_project(run(tmp_path, "\n".join(cells) + "\n")).name == "老年人意外伤害保险补助经费"


@pytest.mark.parametrize(("printed", "name"), [
    ("4401122300000098765 社区儿童之家运营补助项目", "社区儿童之家运营补助项目"),  # (a code set apart by a space)
    ("[4401122300000098765]社区儿童之家运营补助项目", "社区儿童之家运营补助项目"),
    ("某区妇女联合会-社区儿童之家运营补助项目", "社区儿童之家运营补助项目"),  # (the body before a dash)
    ("某区儿童活动中心-社区儿童之家运营补助项目", "社区儿童之家运营补助项目"),
    ("社区儿童之家运营补助项目（某区妇女联合会）", "社区儿童之家运营补助项目"),  # (the body in brackets after it)
    ("社区儿童之家运营补助项目(某区儿童活动中心)", "社区儿童之家运营补助项目"),
])
def test_a_name_cells_code_or_owner_before_the_name_is_no_part_of_it(tmp_path: Path, printed: str,
                                                                   name: str) -> None:
    lines = [["项目支出绩效自评表"], ["项目名称", printed],
             ["主管部门", "某区妇女联合会", "实施单位", "某区妇女联合会"], *FUNDS, *ROWS]
    assert only_project(run(tmp_path, "\n".join(" | ".join(cells) for cells in lines) + "\n")).name == name
