"""A row of column titles that a web page's copy printed as a line of its own, its cells parted by a wide gap
and each maybe spaced letter by letter ('预 期    实 际'), is no heading naming a project. Built reports in two
wordings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import run

REPORT = """\
某市财政支出项目绩效评价报告
项目名称    {name}
项目单位    某县养老服务中心
一、项目基本概况
计划安排资金(万元)    {money}    实际到位资金(万元)    {money}
实际支出(万元)    {money}
二、项目支出明细情况
支出内容    计划支出数(万元)    实际支出数(万元)
甲镇{place}    60    60
乙镇{place}    60    60
三、项目绩效情况
{row}
项目绩效目标及实施计划完成情况    {goal}    {goal}并通过验收
四、存在的问题
无。
"""


@pytest.mark.parametrize(("name", "place", "row", "goal"), [
    ("某县敬老院消防改造补助经费", "敬老院", "预 期    实 际", "完成两所敬老院消防改造"),
    ("某县农村饮水工程维修经费", "供水站", "计 划    完 成", "维修两处供水站"),
])
def test_a_line_of_gapped_column_titles_names_no_project(tmp_path: Path, name: str, place: str, row: str,
                                                        goal: str) -> None:
    result = run(tmp_path, REPORT.format(name=name, money="120", place=place, row=row, goal=goal))
    assert result.report is not None
    names = [p.name for p in result.report.projects]
    assert len(names) == 1 and names[0].startswith(name), names
