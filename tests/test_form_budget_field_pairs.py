"""Forms that print their money as label | amount pairs, one field a row, and name no project but in their
title: a region's 转移支付 绩效目标自评表 ('转移支付预算数(A) | 5.8万 | 预算执行率(B/A) | 100%' over
'转移支付执行数(B) | 5.8万', then an indicator table without 分值/得分). Inputs are built in the shapes met,
with made-up names and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.form.labels import matches
from reportparse.parse.form.titles import name_from_title
from tests._textforms import amount, only_project, run


@pytest.mark.parametrize(("label", "role"), [
    ("转移支付预算数(A)", "budget.field_planned"), ("预算数（A）", "budget.field_planned"),
    ("专项资金预算数(万元)", "budget.field_planned"), ("转移支付执行数(B)", "budget.field_executed"),
    ("资金执行数（B）", "budget.field_executed"), ("执行数(万元)", "budget.field_executed"),
])
def test_qualified_amount_labels_are_budget_fields(label: str, role: str) -> None:
    assert matches(role, label)


@pytest.mark.parametrize("label", ["年初预算数(A)", "预算数说明", "预算执行率(B/A)", "执行数占比"])
def test_other_labels_are_no_planned_or_executed_field(label: str) -> None:
    assert not matches("budget.field_planned", label) and not matches("budget.field_executed", label)


@pytest.mark.parametrize(("title", "name"), [
    ("2021年中央对地方专项转移支付区域绩效目标自评表", "中央对地方专项转移支付"),
    ("某县就业补助资金绩效目标自评表（2022年度）", "某县就业补助资金"),
    ("农村饮水安全维修养护资金转移支付区域(项目)绩效目标自评表", "农村饮水安全维修养护资金转移支付"),
    ("绩效目标自评表(2022年度)", ""),
])
def test_a_target_form_title_gives_the_name_before_its_genre(title: str, name: str) -> None:
    assert name_from_title(title) == name


_ROWS = (
    "一级指标 二级指标 三级指标 指标值 完成值\n"
    "产出指标 数量指标 指标1.检测批次 ≥40 52\n"
    "指标2.检查企业数 ≥100 131\n"
    "质量指标 指标1.检测完成率 100% 100%\n"
    "指标2.不合格产品处置率\n"
    "效益指标 社会效益指标 指标1.群众投诉办结率 ≥95% 98%\n"
)


def test_text_form_with_field_pairs_on_two_lines(tmp_path: Path) -> None:
    text = (
        "2023年某县食品抽检补助资金区域绩效目标自评表\n"
        "填报类型:整体□ 区域√ 项目□\n"
        "单位名称 某县市场监督管理局 联系人及电话 张某,0000000\n"
        "转移支付预算数(A) 12.5万 预算执行率(B/A) 96%\n"
        "转移支付执行数(B) 12万\n"
        "预期目标 目标实际完成情况\n"
        "目标1:完成抽检任务 目标1:完成抽检52批次\n"
        + _ROWS
    )
    project = only_project(run(tmp_path, text))
    assert project.name == "某县食品抽检补助资金"
    assert amount(project.budget.planned) == Decimal("125000")
    assert amount(project.budget.executed) == Decimal("120000")
    names = [i.name for i in project.indicators]
    assert names[:3] == ["检测批次", "检查企业数", "检测完成率"]
    assert "群众投诉办结率" in names


def test_pipe_form_with_plain_field_pairs(tmp_path: Path) -> None:
    text = (
        "某区污染防治专项资金绩效目标自评表\n"
        "单位名称 | 某区生态环境分局 | 联系人 | 李某 |\n"
        "预算执行情况(万元) | 预算数(A) | 80 | 执行率(B/A) | 95% |\n"
        "| 执行数(B) | 76 | | |\n"
        "一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 |\n"
        "产出指标 | 数量指标 | 监测点位数 | ≥12个 | 12个 |\n"
        "| 质量指标 | 数据有效率 | ≥90% | 93% |\n"
        "效益指标 | 生态效益指标 | 空气优良天数比例 | ≥85% | 88% |\n"
    )
    project = only_project(run(tmp_path, text))
    assert project.name == "某区污染防治专项资金"
    assert amount(project.budget.planned) == Decimal("800000")
    assert amount(project.budget.executed) == Decimal("760000")
    assert [i.name for i in project.indicators] == ["监测点位数", "数据有效率", "空气优良天数比例"]


def test_a_level_labels_row_whose_last_label_wraps_its_zhibiao(tmp_path: Path) -> None:
    """'效益指标 社会效益' then '指标' alone on the next line: the rest of the 二级 label, not an indicator."""
    text = (
        "项目名称 某县农产品检测经费\n"
        "项目资金(万元) 全年预算数(A) 全年执行数(B) 执行率(B/A)\n"
        "年度资金总额 30 30 100%\n"
        "一级指标 二级指标 三级指标 年度指标值 全年完成值\n"
        "产出指标 数量指标 检测样品数 ≥500个 612个\n"
        "效益指标 社会效益\n"
        "指标\n"
        "农产品抽检合格率 ≥98% 99%\n"
        "满意度指标 服务对象满意度指标 群众满意度 ≥90% 95%\n"
    )
    project = only_project(run(tmp_path, text))
    assert [(i.level, i.name) for i in project.indicators] == [
        ("产出/数量", "检测样品数"), ("效益/社会效益", "农产品抽检合格率"), ("满意度", "群众满意度")]


@pytest.mark.parametrize(("line", "below", "opens"), [
    ("转移支付预算数(A) 5.8万 预算执行率(B/A) 100%", "转移支付执行数(B) 5.8万", True),
    ("预算数 120 执行数 118 执行率 98%", "", True),
    ("专项资金预算数(A) 80", "专项资金执行数(B) 76", True),
    ("项目预算数 50万元", "绩效目标完成情况如下", False),  # a heading's figure, no 执行 field beside it
    ("2023年项目预算数为100万元，执行数98万元。", "", False),  # a sentence
])
def test_which_text_lines_open_a_forms_amount_fields(line: str, below: str, opens: bool) -> None:
    from reportparse.readers.text.fundlines import opens_fund_block

    assert opens_fund_block(line, below) == opens


@pytest.mark.parametrize("label", ["转移(项目)名称", "转移（项目）名称"])
def test_a_transfer_forms_short_name_label(label: str) -> None:
    from reportparse.parse.form.labels import name_field

    assert matches("header.name", label) and name_field().fullmatch(label)


def test_a_long_title_with_its_year_still_names_the_form() -> None:
    from reportparse.parse.form.titles import read_title_text

    meta: dict[str, str] = {}
    read_title_text("某某县卫生健康局基本公共卫生服务补助资金转移支付区域(项目)绩效目标自评表(2021年度)", meta)
    assert meta["title_name"] == "某某县卫生健康局基本公共卫生服务补助资金转移支付" and meta["year"] == "2021"
    prose: dict[str, str] = {}
    read_title_text("现将我局2021年度基本公共卫生服务补助资金项目绩效自评表公示如下，请各单位监督，欢迎反馈意见", prose)
    assert "title_name" not in prose


# A third-party evaluation's 概要 form states the money as the total put in from every level, beside the part
# its evaluator sampled ('各级资金投入总数 | 120.5 | 抽查资金总数 | 80'): the total is the project's budget.
SUMMARY_TABS = (
    "某县2022年农村饮水安全维修养护项目绩效评价报告\n"
    "概要\n"
    "单位:万元、个\n"
    "项目名称\t某县2022年农村饮水安全维修养护项目\t评价年度\t2022\n"
    "主管部门\t某县水务局\t联系人及联系方式\t张三\n"
    "自评方式\t单位自评\t自评分值\t95\t自评等级\t优\n"
    "各级资金投入总数\t120.5\t抽查资金总数\t80\t资金抽查占比\t66.4%\n"
    "发放调查问卷\t50\t有效调查问卷\t48\t满意度情况\t90%\n"
)
SUMMARY_PIPES = (
    "项目名称 | 城区路灯节能改造项目 | 评价年度 | 2021 |\n"
    "主管部门 | 某市城市管理局 | 自评分值 | 92 |\n"
    "各级财政资金投入总额(万元) | 315 | 抽查资金总数(万元) | 315 |\n"
    "项目数量 | 1 | 抽查项目数 | 1 |\n"
)


@pytest.mark.parametrize(("text", "budget"), [(SUMMARY_TABS, "1205000"), (SUMMARY_PIPES, "3150000")])
def test_the_money_put_in_from_every_level_is_the_budget(tmp_path: Path, text: str, budget: str) -> None:
    assert amount(only_project(run(tmp_path, text)).budget.planned) == Decimal(budget)
