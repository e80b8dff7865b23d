"""A web page's '|' dump of a form whose rows open with a cell and end in '|' may print a row's empty cells on
lines of their own ('|', '| |||') and break a row after one of its cells, the rest on a line opening with '|'.
The padding lines close the row above and the table goes on under them; a broken row is one row. Built inputs
in two shapes (an excerpt of indicator rows, a goal table with full-width bars and its header)."""

from __future__ import annotations

from tests.test_parse_summary_tables import _tables, _text

EXCERPT = (
    "培训覆盖率 | ≥ | 90 | % | 94 | 10 |\n"
    "|\n"
    "| ||\n"
    "质量指标 | 课程合格率 | = | 100 | % | 100 | 10 |\n"
    "| |||\n"
    "效益指标 | 可持续影响指标 | 长效管理机制 | 定性 | 健全 |\n"
    "| 健全 | 10 |\n"
    "||\n"
    "满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥ | 90 | % | 95 | 10 |\n"
    "|\n"
    "合计 | 40 |\n"
)

GOAL_TABLE = (
    "一级指标｜二级指标｜三级指标｜年度指标值｜实际完成值｜分值｜得分｜\n"
    "产出指标｜数量指标｜维修道路长度｜≥12公里｜12.5公里｜20｜20｜\n"
    "｜｜\n"
    "时效指标｜完工及时率｜100%｜\n"
    "｜100%｜20｜20｜\n"
    "｜\n"
    "效益指标｜社会效益指标｜群众出行时间缩短｜≥10分钟｜12分钟｜30｜28｜\n"
)


def test_padding_lines_close_the_row_above_and_the_table_goes_on() -> None:
    tables = _tables(_text(EXCERPT))
    assert len(tables) == 1, tables
    rows = [[c for c in row if c] for row in tables[0]]
    assert rows == [
        ["培训覆盖率", "≥", "90", "%", "94", "10"],
        ["质量指标", "课程合格率", "=", "100", "%", "100", "10"],
        ["效益指标", "可持续影响指标", "长效管理机制", "定性", "健全", "健全", "10"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥", "90", "%", "95", "10"],
        ["合计", "40"],
    ]
    # (the row broken after its target keeps the empty cell the '|' opening its second line closed)
    assert tables[0][2][:7] == ["效益指标", "可持续影响指标", "长效管理机制", "定性", "健全", "", "健全"]


def test_a_row_broken_after_a_cell_is_one_row_under_its_header() -> None:
    tables = _tables(_text(GOAL_TABLE))
    assert len(tables) == 1, tables
    rows = [[c for c in row if c] for row in tables[0]]
    assert ["时效指标", "完工及时率", "100%", "100%", "20", "20"] in rows, rows
    assert len(rows) == 4, rows


def test_a_bar_row_wider_than_the_table_stays_a_row_of_its_own() -> None:
    """'| | 培训班次 | 16期 | 16期 |' under a full row: its opening cells are the levels merged from above."""
    tables = _tables(_text("一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
                           "产出指标 | 数量指标 | 培训人次 | 800 | 812 |\n"
                           "| | 培训班次 | 16期 | 16期 |\n"))
    assert [c for c in tables[0][2] if c][-3:] == ["培训班次", "16期", "16期"]
    assert len(tables[0]) == 3


def test_in_a_bordered_table_a_bar_line_still_parts_a_header_from_its_rows() -> None:
    """'| 年初预算数 | … |' rows open with '|': a line of '|' alone after them is no padding of theirs."""
    tables = _tables(_text("| 12.5 | 12 | 10 | 96% | 9.6 |\n|\n指标名称 | 年度指标值 | 实际完成值 |\n|\n"
                           "道路长度 | ≥3公里 | 3.2公里 |\n"))
    assert not any(cell == "|" for table in tables for row in table for cell in row), tables
