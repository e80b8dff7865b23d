"""A 项目资金 block whose column words are a province's own (年度预算 | 实际支出, 下达资金 | 支出金额, 预算 | 执行),
a fund total printed as label | amount pairs beside the spending's pair, an extra money column without a role in a
text dump, and the money's unit printed as a line of its own outside the form's tables. Forms built in the shapes
met, with made-up names and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Project
from tests._textforms import amount, only_project, run
from tests._workbooks import checked, sheet

_HEAD = [["2024年度项目支出绩效自评表"], ["项目名称", "某县乡村道路养护项目"],
         ["主管部门", "某县交通运输局", None, "实施单位", "某县公路管理所"]]
_TAIL = [["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
         [None, "产出指标", "数量指标", "养护里程", "≥120公里", "125公里", 20, 20]]


def _form_project(tmp_path: Path, rows: list[list[object]]) -> Project:
    result = checked(tmp_path, sheet(_HEAD + rows + _TAIL))
    assert result.report is not None and len(result.report.projects) == 1
    return result.report.projects[0]


@pytest.mark.parametrize(("planned_word", "executed_word"), [
    ("年度预算", "实际支出"), ("调整后预算", "实际执行"), ("下达资金", "支出金额"), ("预算", "执行"),
    ("批复预算数", "已支出"), ("预算资金", "支出资金"),
])
def test_fund_block_with_a_provinces_column_words(tmp_path: Path, planned_word: str, executed_word: str) -> None:
    project = _form_project(tmp_path, [
        ["项目资金（万元）", None, planned_word, executed_word, "执行率", "分值", "得分"],
        [None, "年度资金总额", 88, 79.2, "90%", 10, 9]])
    assert amount(project.budget.planned) == Decimal("880000")
    assert amount(project.budget.executed) == Decimal("792000")


@pytest.mark.parametrize("row", [
    ["年度资金总额（万元）", 64, "全年执行数（万元）", 60.8, "执行率", "95%"],
    ["资金总额", 64, "实际支出", 60.8],
])
def test_fund_total_printed_as_a_pair_beside_the_spending(tmp_path: Path, row: list[object]) -> None:
    project = _form_project(tmp_path, [row])
    assert amount(project.budget.planned) == Decimal("640000")
    assert amount(project.budget.executed) == Decimal("608000")


def test_a_fund_row_of_three_amounts_is_no_pair(tmp_path: Path) -> None:
    """'年度资金总额 | 50 | 48 | 45' holds the block's columns: with no header it gives no planned budget."""
    project = _form_project(tmp_path, [["年度资金总额", 50, 48, 45]])
    assert project.budget.planned is None


def test_a_roleless_money_column_in_a_text_dump_keeps_each_figure_under_its_own(tmp_path: Path) -> None:
    text = ("2024年度项目支出绩效自评表\n项目名称 | 某县耕地保护项目\n"
            "主管部门 | 某县农业农村局 | 实施单位 | 某县农技站\n"
            "资金投入（万元） | 年度预算 | 调整后预算 | 实际支出 | 分值 | 执行率 | 得分\n"
            "年度资金总额 | 300 | 320 | 304 | 10 | 95% | 9.5\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
            "产出指标 | 数量指标 | 保护面积 | ≥5000亩 | 5200亩 | 20 | 20\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal("3200000")
    assert amount(project.budget.executed) == Decimal("3040000")


@pytest.mark.parametrize(("note", "where"), [("单位：元", "between"), ("（金额单位：元）", "above")])
def test_a_unit_line_outside_the_tables_counts_the_fund_block(tmp_path: Path, note: str, where: str) -> None:
    head = "2024年度项目支出绩效自评表\n"
    fields = "项目名称 | 某县草原补奖项目\n主管部门 | 某县林草局 | 实施单位 | 某县草原站\n"
    block = ("项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n"
             "年度资金总额 | 1,500,000.00 | 1,560,000.00 | 1,482,000.00 | 10 | 95% | 9.5\n")
    text = head + (note + "\n" + fields if where == "above" else fields + note + "\n") + block + (
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
        "产出指标 | 数量指标 | 补奖面积 | ≥3万亩 | 3.1万亩 | 20 | 20\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal("1560000")
    assert amount(project.budget.executed) == Decimal("1482000")


@pytest.mark.parametrize(("total_row", "sub_row", "planned", "executed"), [
    ("年度资金总额 |  |  |  | 10 |  | 9.6", "其中：当年财政拨款 | 120 | 120 | 115.2 | — | 96% | —",
     "1200000", "1152000"),
    ("资金总额合计 |  |  |  | 20 |  | 20", "其中：财政资金 |  | 45 | 45 |  | 100% | ", "450000", "450000"),
])
def test_a_text_row_that_kept_its_empty_cells_keeps_its_figures_in_place(
        tmp_path: Path, total_row: str, sub_row: str, planned: str, executed: str) -> None:
    """A total row that fills only 分值 and 得分 is no money; the 其中 row's money is the project's."""
    text = ("2024年度项目支出绩效自评表\n项目名称 | 某县农村危房改造项目\n"
            "主管部门 | 某县住建局 | 实施单位 | 某县村镇建设站\n"
            "项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分\n"
            f" | {total_row}\n | {sub_row}\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
            "产出指标 | 数量指标 | 改造户数 | ≥80户 | 82户 | 20 | 20\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal(planned)
    assert amount(project.budget.executed) == Decimal(executed)


@pytest.mark.parametrize("merges", [(), ("C4:D4", "E4:F4", "G4:H4")])
def test_amounts_with_their_unit_in_the_next_cell(tmp_path: Path, merges: tuple[str, ...]) -> None:
    """'年度资金总额 | 35 | 万元 | 35 | 万元 | 33.6 | 万元 | 96%': a fund row, no label | amount pairs."""
    rows: list[list[object]] = [
        ["项目资金", None, "年初预算数", None, "全年预算数", None, "全年执行数", None, "执行率"],
        [None, "年度资金总额", 35, "万元", 35, "万元", 33.6, "万元", "96%"]]
    result = checked(tmp_path, sheet(_HEAD + rows + _TAIL, merges=merges))
    assert result.report is not None
    assert [p.name for p in result.report.projects] == ["某县乡村道路养护项目"]
    assert amount(result.report.projects[0].budget.planned) == Decimal("350000")


@pytest.mark.parametrize("part", ["其中：财政资金", "其中:中央补助资金"])
def test_a_vertical_fund_block_with_a_part_is_one_form(tmp_path: Path, part: str) -> None:
    """The part's fields under its label ('其中：财政资金 | 全年预算数 | 320' then '| 全年执行数 | 304') repeat the
    total's: still the one form, no second project."""
    text = ("2024年度项目支出绩效自评表\n项目名称 | 某县畜禽粪污资源化利用项目\n"
            "主管部门 | 某县农业农村局 | 实施单位 | 某县畜牧站\n"
            "项目资金（万元） | 年度资金总额 | 年初预算数 | 300\n |  | 全年预算数 | 320\n |  | 全年执行数 | 304\n"
            f" | {part} | 全年预算数 | 320\n |  | 全年执行数 | 304\n"
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分\n"
            "产出指标 | 数量指标 | 处理量 | ≥5000吨 | 5200吨 | 20 | 20\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal("3200000")
    assert amount(project.budget.executed) == Decimal("3040000")


@pytest.mark.parametrize("header", ["支出内容 | 预算 | 执行 | 执行率", "分项名称 | 预算数 | 执行数 | 执行率"])
def test_an_item_table_in_prose_gives_no_spending_of_its_first_item(tmp_path: Path, header: str) -> None:
    """A table of items with 预算 | 执行 columns in a narrative: its first row is an item, not the fund's total."""
    text = ("某县2023年农村公路养护项目绩效自评报告\n一、项目基本情况\n项目年度预算资金120万元。\n表1 分项支出情况\n"
            f"{header}\n路面修补 | 70 | 66 | 94%\n桥涵维护 | 50 | 48 | 96%\n二、自评结论\n自评得分92分。\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal("1200000")
    assert amount(project.budget.executed) != Decimal("660000")
