"""A form that states its amounts with their labels in one cell ('项目资金总额：1560.5万元', '实际支出金额：1498万元')
and has no 项目资金 block: those cells give the budget (a total's parts may follow in brackets). A cell with
more than one amount in a row states no single field, and a block's amounts win. Made-up names and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project
from tests._wordtables import checked_word_table
from tests._workbooks import checked, sheet

_INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "改造老旧小区数量", "≥6个", "6个", "30", "30"],
    ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "94%", "20", "20"],
]


@pytest.mark.parametrize(("money_row", "planned", "executed"), [
    (["资金情况", "项目资金总额：860.4万元", "实际支出金额：812.6万元"], "8604000", "8126000"),
    (["项目资金（万元）", "年度资金总额:860.4", "其中：省级补助500万元，县级配套360.4万元"], "8604000", None),
    (["资金（元）", "预算数（元）：8604000", ""], "8604000", None),
])
def test_amounts_with_their_labels_in_one_cell(tmp_path: Path, money_row: list[str], planned: str,
                                               executed: str | None) -> None:
    rows = [["项目名称", "老旧小区改造提升", ""], money_row, *_INDICATORS]
    project = only_project(checked(tmp_path, sheet(rows)))
    assert amount(project.budget.planned) == Decimal(planned)
    assert amount(project.budget.executed) == (Decimal(executed) if executed else None)


def test_a_total_with_its_parts_in_brackets(tmp_path: Path) -> None:
    rows = [["项目名称", "老旧小区改造提升", ""],
            ["资金情况", "资金总额：860.4万元（其中省级500万元、县级360.4万元）", ""], *_INDICATORS]
    assert amount(only_project(checked(tmp_path, sheet(rows))).budget.planned) == Decimal("8604000")


def test_a_cell_of_several_amounts_states_no_field(tmp_path: Path) -> None:
    rows = [["项目名称", "老旧小区改造提升", ""],
            ["资金情况", "资金总额：860.4万元，其中省级500万元、县级360.4万元", ""], *_INDICATORS]
    assert amount(only_project(checked(tmp_path, sheet(rows))).budget.planned) is None


def test_a_block_wins_over_a_labelled_cell(tmp_path: Path) -> None:
    rows = [["项目名称", "老旧小区改造提升", "", "", "", "", ""],
            ["备注", "项目资金总额：999万元", "", "", "", "", ""],
            ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额", "860.4", "860.4", "812.6", "10", "94.4%", "9.4"], *_INDICATORS]
    assert amount(only_project(checked(tmp_path, sheet(rows))).budget.planned) == Decimal("8604000")


# ---- a space for the colon, the unit in the row's block label, the spending on the row below --------------------

@pytest.mark.parametrize(("money_rows", "planned", "executed"), [
    ([["资金情况", "全年预算数 860.40", "全年执行数 812.60"]], "8604000", "8126000"),
    ([["项目资金（元）", "预算数 8604000.00", "执行数 8126000.00"]], "8604000", "8126000"),
    ([["年度资金总额：860.4万元", ""], ["全年执行数：812.6万元", ""]], "8604000", "8126000"),
    ([["资金投入", "项目资金总额 860.4万元"], ["", "实际支出金额 812.6万元"]], "8604000", "8126000"),
])
def test_labelled_amounts_spaced_or_on_two_rows(tmp_path: Path, money_rows: list[list[str]], planned: str,
                                               executed: str) -> None:
    rows = [["项目名称", "老旧小区改造提升", ""], *money_rows, *_INDICATORS]
    for result in (checked(tmp_path, sheet(rows)), checked_word_table(tmp_path, rows)):
        project = only_project(result)
        assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal(planned),
                                                                                     Decimal(executed))


def test_a_labelled_amount_far_below_the_first_is_not_its_spending(tmp_path: Path) -> None:
    # the spending stated among the indicator rows, well after the budget's row, is no field of the budget's
    rows = [["项目名称", "老旧小区改造提升", ""], ["年度资金总额：860.4万元", ""], *_INDICATORS, *_INDICATORS[1:],
            ["说明", "全年执行数：812.6万元", ""]]
    project = only_project(checked(tmp_path, sheet(rows)))
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal("8604000"), None)
