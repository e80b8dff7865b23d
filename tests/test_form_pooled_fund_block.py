"""The 项目资金 block of a transfer form that pools funds (统筹整合) and numbers its columns: a 全年执行资金 column
(not 执行数), the budget net of the pooled money (扣除统筹整合资金后预算金额, the C its 执行率 E/C divides by) beside
the gross 全年预算数, and a row of column numbers under the header ('列次 | 1 | 2 | 3 …') that is no fund row. Also
a title a reposting site masked ('****2023年度X绩效评价表'). Inputs are built in a spreadsheet and as '|' rows,
with made-up names and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Cell, Table
from reportparse.parse.form.blocks import is_column_numbers
from reportparse.parse.form.grid import GridRow
from reportparse.parse.form.labels import find_role, matches
from reportparse.parse.form.titles import name_from_title
from tests._textforms import amount, only_project, run
from tests._workbooks import checked, sheet

_SERIOUS = ("error", "warning")


def _row(*texts: str) -> GridRow:
    cells = [Cell(text=text, row=0, col=col, page=1) for col, text in enumerate(texts)]
    return GridRow(Table(index=0, rows=[cells], page=1, pages=[1]), 0)


@pytest.mark.parametrize("texts", [
    ("列次", "", "1", "2", "3", "4", "5"),
    ("栏次", "0", "1", "2", "3", "所需材料"),
    ("1", "2", "3", "4"),
    ("序号:", "1", "2", "3"),
])
def test_a_row_of_column_numbers(texts: tuple[str, ...]) -> None:
    assert is_column_numbers(_row(*texts))


@pytest.mark.parametrize("texts", [
    ("年度资金总额", "1", "2", "3"),  # a fund row whose amounts happen to count up
    ("列次", "1", "2"),  # two numbers could be anything
    ("合计", "10", "11", "12"),
    ("①", "②", "③", "④"),  # circled numerals are no column numbers of this kind
    ("列次", "3", "4", "5"),  # (a block's own numbering starts at 0 or 1)
    ("2", "3", "4", "5", "备注"),  # a trailing word with no numbering label
])
def test_rows_that_are_no_column_numbers(texts: tuple[str, ...]) -> None:
    assert not is_column_numbers(_row(*texts))


def test_the_net_budget_column_takes_the_budget_role_before_the_gross_one() -> None:
    keys = ["资金投入情况(万元)", "行次", "全年预算数(A)", "统筹整合资金数(B)", "扣除统筹整合资金后预算金额(C)",
            "全年执行资金(E)", "预算执行(E/C×100%)"]
    assert find_role(keys, "budget.planned") == 4
    assert find_role(keys, "budget.executed") == 5
    assert find_role(keys, "budget.rate") == 6
    assert matches("budget.header_executed", "全年执行资金(E)")


POOLED_ROWS = [
    ["某县2023年度农田建设补助资金绩效评价表", None, None, None, None, None, None, None],
    ["资金投入情况(万元)", "行次", "全年预算数(A)", "统筹整合资金数(B)", "扣除统筹整合资金后预算金额(C)",
     "全年到位资金(D)", "全年执行资金(E)", "预算执行(E/C×100%)"],
    ["列次", None, 1, 2, 3, 4, 5, 6],
    ["年度资金总额(万元):", 1, 140, 20, 120, 120, 96, "80.00%"],
    ["其中:中央财政资金(万元)", 2, 140, 20, 120, 120, 96, "80.00%"],
    ["地方财政资金(万元)", 3, None, None, None, None, None, None],
]


def test_a_pooled_transfer_sheet_reads_the_net_budget_and_its_spending(tmp_path: Path) -> None:
    result = checked(tmp_path, sheet(POOLED_ROWS))
    project = only_project(result)
    assert amount(project.budget.planned) == Decimal("1200000")  # C, not A's 140
    assert amount(project.budget.executed) == Decimal("960000")
    assert not [f.code for f in result.findings if f.severity in _SERIOUS]


def test_the_same_block_in_pipe_rows_with_the_column_numbers_row(tmp_path: Path) -> None:
    text = "\n".join([
        "某区2022年度水利发展资金绩效自评表 | | | |",
        "项目名称 | 某区小型水库维修养护 | | |",
        "资金投入情况(万元) | 全年预算数 | 全年执行资金 | 预算执行率 |",
        "栏次 | 1 | 2 | 3 |",
        "年度资金总额 | 64 | 57.6 | 90% |",
        "其中:中央补助 | 64 | 57.6 | 90% |",
    ]) + "\n"
    result = run(tmp_path, text)
    project = only_project(result)
    assert amount(project.budget.planned) == Decimal("640000")
    assert amount(project.budget.executed) == Decimal("576000")
    assert not {f.code for f in result.findings if f.severity in _SERIOUS} & {
        "over-executed", "budget-rate-mismatch", "fund-sum-mismatch"}


@pytest.mark.parametrize(("title", "name"), [
    ("****2023年度农田建设补助资金绩效评价表", "农田建设补助资金"),
    ("＊＊＊＊ 2021年度文化惠民工程项目绩效自评表", "文化惠民工程"),
])
def test_a_masked_body_in_front_of_a_title_is_no_part_of_the_name(title: str, name: str) -> None:
    assert name_from_title(title) == name


def test_a_title_that_is_all_mask_names_nothing() -> None:
    assert name_from_title("****绩效评价表") == ""


def _block_label_mid_rows(label: str) -> list[list[str | None]]:
    return [
        ["项目名称", "某县残疾人康复补助资金", None, None],
        [None, "全年预算数(A)", "全年执行数(B)", "执行率(B/A)"],
        ["年度资金总额", "100", "90", "90%"],
        ["其中:中央财政资金", "60", "52", "86.67%"],
        [label, None, None, None],  # merged down the block's rows, printed on a middle one
        ["地方资金", "40", "38", "95%"],
        ["其他资金", None, None, None],
    ]


@pytest.mark.parametrize("label", ["项目资金(万元)", "资金投入情况(万元)"])
def test_the_block_label_printed_among_the_fund_rows_does_not_end_the_block(tmp_path: Path, label: str) -> None:
    result = checked(tmp_path, sheet(_block_label_mid_rows(label)))
    project = only_project(result)
    assert [row.label for row in project.budget.sub_rows][:2] == ["其中:中央财政资金", "地方资金"]
    assert "fund-sum-mismatch" not in {f.code for f in result.findings}


def test_the_same_in_pipe_rows(tmp_path: Path) -> None:
    rows = _block_label_mid_rows("资金投入情况(万元)")
    text = "\n".join(" | ".join(cell or "" for cell in row) for row in rows) + "\n"
    result = run(tmp_path, text)
    assert amount(only_project(result).budget.planned) == Decimal("1000000")
    assert "fund-sum-mismatch" not in {f.code for f in result.findings}
