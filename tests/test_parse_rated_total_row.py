"""A fund block's total row dumped as text under a header whose rate columns name what they divide (预算到位(D/C×
100%), 预算执行(E/C×100%), 执行率(C/A)): the figures lost their empty cells, yet the rates prove which is the budget
and which the spending (parse/ratedrow.py). Built inputs: a many-column transfer-payment block with a 行次 column and
its titles broken over lines, and a one-line header; a row whose rates do not agree with any budget reads nothing."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import in_wan, parsed_project

TITLE = "某县2023年度农村综合改革转移支付资金绩效评价表\n年度:2023年\n"

MANY_COLUMNS = TITLE + "\n".join([
    "资金投入情况", "(万元)", "行次 全年预算数", "(A)", "统筹整合资金数", "(B)", "扣除统筹整合资金后预算金额", "(C)",
    "全年到位资金", "(D)", "预算到位", "(D/C×100%)", "全年执行资金", "(E)", "预算执行", "(E/C×100%)",
    "列次 0 1 2 3 4 5 6 7",
    "年度资金总额(万元): 1 240.000000",
    "240.000000 240.000000 100.00% 198.600000 82.75%",
    "其中:中央财政资金(万元) 2 240.000000",
    "240.000000 240.000000 100.00% 198.600000 82.75%",
    "资金管理情况",
]) + "\n"

ONE_LINE_HEADER = TITLE + (
    "项目资金情况\n"
    "资金(万元) 全年预算数(A) 全年到位数(B) 到位率(B/A) 全年执行数(C) 执行率(C/A)\n"
    "年度资金总额(万元): 120.5 120.5 100% 96.4 80%\n"
    "二、绩效目标完成情况\n"
)


def test_a_many_column_block_with_a_row_number(tmp_path: Path) -> None:
    budget = parsed_project(tmp_path, MANY_COLUMNS).budget
    # (the 行次 '1' is no budget: 198.6 is 82.75% of 240, not of 1)
    assert in_wan(budget.planned) == 240
    assert in_wan(budget.executed) == 198.6


def test_a_one_line_header(tmp_path: Path) -> None:
    budget = parsed_project(tmp_path, ONE_LINE_HEADER).budget
    assert in_wan(budget.planned) == 120.5
    assert in_wan(budget.executed) == 96.4


def test_rates_that_prove_no_budget_read_nothing(tmp_path: Path) -> None:
    text = ONE_LINE_HEADER.replace("96.4 80%", "96.4 85%")
    budget = parsed_project(tmp_path, text).budget
    assert budget.planned is None and budget.executed is None
