"""A layout dump's cells wrapped in their narrow columns (readers/text/wrapped.py): a name, a unit's
label or a listing's project name that went on at its column on the line below is read whole, on its
row; rows of an indicator table and a next row printed in the same columns are left as they are."""

from __future__ import annotations

from pathlib import Path

from reportparse.readers.text.lines import split_lines
from reportparse.readers.text.wrapped import unwrap_cells
from tests._textforms import amount, only_project, run

DEPARTMENT_FORM = """\
2024年度部门整体支出绩效自评表
预算部门、单位名  青山县石门镇人民
称                政府
年度预算申请(万   年初预算数  全年预算数  全年执行数  分值  执行率  得分
元)
年度资金总额      500.00      620.50      610.00      10    98.31%  9.8
一级指标  二级指标  三级指标          年度指标值  实际完成值  分值  得分
产出指标  数量指标  道路养护里程      ≥120公里    125公里     20    20
          质量指标  养护验收合格率    ≥95%        97%         20    20
效益指标  社会效益  群众出行满意度    ≥90%        93%         30    30
"""

LISTING = """\
青山县交通运输局2024年度专项债券项目资金绩效评价情况表
序号  主管部门          项目名称          发行金额(亿元)  评价得分  评价结果
1     青山县交通运输局  青山县城北客运枢  0.6             88        良
                        纽站建设工程
2     青山县交通运输局  青山县农村公路提  1.25            93        优
                        质改造工程
3     青山县交通运输局  石门大桥危桥改造  0.3             95        优
"""


def lines_of(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    return [line.text for line in unwrap_cells(split_lines(text, path).lines)]


def test_a_unit_name_wrapped_in_its_column_is_read_whole(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, DEPARTMENT_FORM))
    assert project.name.startswith("青山县石门镇人民政府"), project.name
    assert amount(project.budget.planned) == 6205000 and amount(project.budget.executed) == 6100000


def test_a_listing_s_wrapped_project_names_are_read_whole(tmp_path: Path) -> None:
    result = run(tmp_path, LISTING)
    assert result.report is not None
    names = [p.name for p in result.report.projects]
    assert names == ["青山县城北客运枢纽站建设工程", "青山县农村公路提质改造工程", "石门大桥危桥改造"], names


def test_the_wrapped_pieces_go_back_on_their_row(tmp_path: Path) -> None:
    lines = lines_of(tmp_path, LISTING)
    assert len(lines) == 5  # the title, the header and three rows
    assert "青山县城北客运枢纽站建设工程" in lines[2] and "0.6" in lines[2]
    assert lines_of(tmp_path, DEPARTMENT_FORM)[1].split() == ["预算部门、单位名称", "青山县石门镇人民政府"]


def test_indicator_rows_and_next_rows_in_the_same_columns_stay_rows(tmp_path: Path) -> None:
    """'质量指标' under '数量指标' (as wide as its column) is the next indicator row, not a wrap; a row of
    figures in every column of the row above is the next row."""
    lines = lines_of(tmp_path, DEPARTMENT_FORM)
    assert any(line.startswith("质量指标") for line in lines)
    same_columns = "编号  单位名称    金额\nA01  青山县水利  1234567.89\nA02  青山县林业  2345678.01\n"
    assert len(lines_of(tmp_path, same_columns)) == 3


def test_a_line_under_label_value_fields_is_a_line_of_its_own(tmp_path: Path) -> None:
    """'单位名称：某县水利局  联系人：张明' then '联系电话：12345678': two fields, then a line of its own
    at the left margin, not the end of the unit's name."""
    text = "单位名称：某县水利局  联系人：张明\n联系电话：12345678\n"
    assert lines_of(tmp_path, text) == ["单位名称：某县水利局  联系人：张明", "联系电话：12345678"]
