"""Names and budgets of texts other hands wrote, in the shapes a sweep of fresh public self-evaluations
met: a title whose bracketed subject holds a bracket of its own or lost its closing one, a transfer
payment's account titled '…实施情况', money a higher level passes down ('省级拨付我区'), a verb and its
subsidy money or a carried-over balance read as a name, a homophone level heading ('实效指标'), a form's
cover pairs dumped one cell a line, the columns of a 目标名称 | 目标值 | 标准值 table, and a one-cell-a-line
indicator block whose names run longer than a label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse.form.labels import matches
from reportparse.parse.layout import _form_cell
from reportparse.parse.names import valid_candidate
from reportparse.parse.sections import heading_level_path
from reportparse.parse.subject import stated_subject
from tests._textforms import amount, only_project, run


@pytest.mark.parametrize(("title", "subject"), [
    # a body's 项目支出 report about one fund, named in brackets that hold a bracket of their own
    ("某市图书馆2022年度项目支出绩效自评报告(2022年公共图书馆文化馆(站)免费开放补助经费)",
     "2022年公共图书馆文化馆(站)免费开放补助经费"),
    # … or whose closing bracket the page cut off
    ("某县文化馆2023年度项目支出绩效自评报告(2023年非遗保护传承补助资金", "2023年非遗保护传承补助资金"),
    # a transfer payment's account of its year
    ("某管理区专项转移支付2023年度耕地地力保护补贴实施情况", "耕地地力保护补贴"),
])
def test_title_subject(title: str, subject: str) -> None:
    assert stated_subject([title], title) == subject


@pytest.mark.parametrize("fragment", [
    "使用补贴资金",              # a verb and the subsidy money it used
    "发放补贴资金",
    "农机购置补贴结余资金",       # what was left over from an earlier year
    "上年度结转资金",
    "某县财政局(制)",             # who drew the form up, in brackets
    "补贴资金数量",               # how much money, not what it pays for
    "项目资金规模",
    "绩效自评工作,本文提供一份",  # the writer pointing at the text itself
])
def test_not_a_project_name(fragment: str) -> None:
    assert not valid_candidate(fragment)


@pytest.mark.parametrize("name", [
    "农机购置补贴资金", "公共图书馆文化馆(站)免费开放补助经费", "乡镇卫生院(所)设备购置项目"])
def test_still_a_project_name(name: str) -> None:
    assert valid_candidate(name)


def test_homophone_level_heading() -> None:
    assert heading_level_path("实效指标") == "产出/时效"
    assert heading_level_path("取得实效") is None  # a sentence's word is no level


@pytest.mark.parametrize("label", ["目标名称", "目标完成值", "评分规则", "标准值", "评价指标值", "权重分值"])
def test_goal_table_columns_are_form_cells(label: str) -> None:
    assert _form_cell(label)


def test_label_table_fields() -> None:
    assert matches("header.name", "项目支出名称")
    assert matches("budget.field_planned", "项目预算金额(万元)")
    assert matches("budget.field_planned", "年度本级预算金额")


def test_allotment_passed_down_is_no_spending(tmp_path: Path) -> None:
    text = ("某区专项转移支付2023年度农机购置补贴实施情况\n"
            "一、绩效目标分解下达情况\n"
            "2023年度省级拨付我区农机购置补贴资金50万元,中央拨付20万元,加上上年度结余资金5万元,合计75万元。\n"
            "二、绩效目标完成情况分析\n"
            "2023年实际使用补贴资金30万元,补贴购机农户8户、机具8台套。\n")
    project = only_project(run(tmp_path, text))
    assert project.name == "农机购置补贴"
    assert amount(project.budget.planned) == 750000
    assert amount(project.budget.executed) == 300000


def test_cover_pairs_one_cell_a_line(tmp_path: Path) -> None:
    lines = ["某区财政支出项目绩效评价自评报告", "项目名称 城乡医疗救助专项", "项目单位 某区民政局",
             "一、项 目 基 本 概 况 |", "|||||||", "项目负责人 |", "张 三 |",
             "计划安排资金 (万元) |", "520.5 |", "实际到位资金 (万元) |", "520.5 |",
             "实际支出 (万元) |", "480.25 |", "结余(万元) |", "40.25 |", "|||||"]
    project = only_project(run(tmp_path, "\n".join(lines) + "\n"))
    assert amount(project.budget.planned) == 5205000
    assert amount(project.budget.executed) == 4802500


def test_cell_dump_with_long_indicator_names(tmp_path: Path) -> None:
    """Anhui's 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 order, one cell a line, empty 原因 cells left out,
    names longer than any label: each name opens its row, read by the figures under 分值 and 得分."""
    cells = ["项目支出绩效目标自评表", "项目名称", "困难群众临时救助", "主管部门", "某县民政局",
             "资金情况(万元)", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分",
             "年度资金总额:", "40", "40", "10", "100%", "10",
             "一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
             "未完成原因及拟采取的改进措施",
             "产出指标(50分)", "数量指标", "其中:农村低保对象中建档立卡贫困人口救助人数(按月平均)(≥**人)", "20",
             ">=1200人", "1250人", "20",
             "建档立卡贫困人口中接受临时救助的人次数合计(按年度累计)(≥**人次)", "30", ">=60人次", "58人次", "30",
             "效益指标(40分)", "社会效益指标", "受益困难群众人数", "40", ">=100人", "120人", "40"]
    project = only_project(run(tmp_path, "\n".join(cells) + "\n"))
    read = {i.name: (i.weight, i.score) for i in project.indicators}
    assert read.get("建档立卡贫困人口中接受临时救助的人次数合计(按年度累计)(≥**人次)") == (30, 30)
    assert len(project.indicators) == 3


def test_cover_pair_label_is_the_whole_cell(tmp_path: Path) -> None:
    """A rule that opens with a field's words ('实际支出率≠100%则不得分' over a weight '1') is no field."""
    lines = ["某区财政支出项目绩效评价自评报告", "项目名称 城乡医疗救助专项",
             "3.实际支出 |", "实际支出率 |", "100% |", "1 |", "实际支出率≠100%则不得分 |", "1 |", "|||",
             "计划安排资金 (万元) |", "520.5 |", "实际支出 (万元) |", "480.25 |", "|||"]
    project = only_project(run(tmp_path, "\n".join(lines) + "\n"))
    assert amount(project.budget.executed) == 4802500


def test_pipe_cell_dump_with_empty_cell_runs(tmp_path: Path) -> None:
    """A form dumped one cell a line, each cell ending in '|', its empty cells as lines of pipes alone
    ('|||||'): no pipe line opens a table of its own, and the indicator rows are read."""
    cells = ["项目支出绩效目标自评表 |", "||||||||", "项目名称 |", "困难群众临时救助 |", "|", "主管部门 |",
             "某县民政局 |",
             "||||||||", "资金情况(万元) |", "|", "全年预算数(A) |", "全年执行数(B) |", "分值 |", "执行率(B/A) |",
             "得分 |",
             "||", "|", "年度资金总额: |", "40 |", "40 |", "10 |", "100% |", "10 |", "||", "|",
             "一级指标 |", "二级指标 |", "三级指标 |", "分值 |", "年度指标值 |", "全年实际值 |", "得分 |",
             "未完成原因及拟采取的改进措施 |", "|", "产出指标(50分) |", "数量指标 |", "救助困难群众人次 |", "30 |",
             ">=60人次 |", "58人次 |", "30 |", "|", "|", "|", "受益困难群众人数 |", "20 |", ">=100人 |", "120人 |",
             "20 |", "||||||||"]
    goal = ["||||||||", "年度总体目标 |", "年初设定目标 |", "年度总体目标完成情况综述 |", "||||||", "|",
            "为困难群众解决临时性的生活困难 |", "全年临时救助困难群众58人次,救助资金40万元。 |", "||||||", "|"]
    at = cells.index("一级指标 |")
    cells[at - 2:at] = goal
    result = run(tmp_path, "\n".join(cells) + "\n")
    project = only_project(result)
    read = {i.name: (i.weight, i.score) for i in project.indicators}
    assert read.get("救助困难群众人次") == (30, 30)
    assert any(f.code == "target-missed-full-score" for f in result.findings)
