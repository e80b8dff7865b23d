"""A 项目资金 block turned on its side: its column labels (年初预算数 / 全年预算数 / 全年执行数) down the first
column, its sources (年度资金总额 | 财政拨款 | 其他资金) across. The budget is the total's column wherever it stands,
the sum of the sources where the total is empty or there is none; never a source's figure taken for the total.
Made-up forms, as a sheet, a Word table and two text dumps."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project, run
from tests._wordtables import checked_word_table
from tests._workbooks import checked, sheet

INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "新建冷链仓储面积", "≥1500平方米", "1560平方米", "30", "30"],
    ["", "质量指标", "竣工验收合格率", "100%", "100%", "20", "20"],
    ["效益指标", "经济效益指标", "带动农户增收", "≥30万元", "32万元", "30", "30"],
    ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%", "96%", "10", "10"],
]


def form(sources: list[str], figures: list[list[str]], block: str = "项目资金（万元）") -> list[list[str]]:
    rows = [["项目名称", "山前村冷链仓储设施建设"], ["主管部门", "丰河县农业农村局", "实施单位", "山前村村委会"],
            [block, *sources]]
    rows += [[label, *row] for label, row in zip(("年初预算数", "全年预算数", "全年执行数"), figures, strict=False)]
    return rows + INDICATORS


TOTAL_LAST = form(["中央补助资金", "县级配套资金", "其他资金", "合计"],
                  [["400", "200", "", "600"], ["450", "240", "", "690"], ["430", "218", "", "648"]])
TOTAL_FIRST_EMPTY = form(["年度资金总额", "中央补助资金", "县级配套资金"],
                         [["", "", ""], ["", "450", "240"], ["", "430", "218"]])
NO_TOTAL = form(["财政资金", "自筹资金"], [["", ""], ["600", "90"], ["560", "88"]], block="资金来源")
TOTAL_FIRST = form(["项目资金总额", "其中：财政拨款", "其他资金"],
                   [["690", "690", ""], ["690", "690", ""], ["648", "648", ""]])

CASES = [(TOTAL_LAST, "6900000", "6480000"), (TOTAL_FIRST_EMPTY, "6900000", "6480000"),
         (NO_TOTAL, "6900000", "6480000"), (TOTAL_FIRST, "6900000", "6480000")]


def pipe_text(rows: list[list[str]]) -> str:
    """A dump that keeps a row's cells apart by '|' but drops its empty ones."""
    return "".join(" | ".join(cell for cell in row if cell) + "\n" for row in rows)


def spaced_text(rows: list[list[str]]) -> str:
    return "".join(" ".join(cell for cell in row if cell) + "\n" for row in rows)


@pytest.mark.parametrize(("rows", "planned", "executed"), CASES)
def test_a_sheet(tmp_path: Path, rows: list[list[str]], planned: str, executed: str) -> None:
    budget = only_project(checked(tmp_path, sheet(rows))).budget
    assert (amount(budget.planned), amount(budget.executed)) == (Decimal(planned), Decimal(executed))


@pytest.mark.parametrize(("rows", "planned", "executed"), CASES)
def test_a_word_table(tmp_path: Path, rows: list[list[str]], planned: str, executed: str) -> None:
    budget = only_project(checked_word_table(tmp_path, rows, title="2024年度项目支出绩效自评表")).budget
    assert (amount(budget.planned), amount(budget.executed)) == (Decimal(planned), Decimal(executed))


@pytest.mark.parametrize("dump", [pipe_text, spaced_text])
@pytest.mark.parametrize(("rows", "planned", "executed"), CASES)
def test_text_dumps(tmp_path: Path, dump: object, rows: list[list[str]], planned: str, executed: str) -> None:
    assert callable(dump)
    budget = only_project(run(tmp_path, dump(rows))).budget
    assert (amount(budget.planned), amount(budget.executed)) == (Decimal(planned), Decimal(executed))


def test_a_dump_whose_dropped_cell_leaves_the_total_in_doubt_gives_no_source_as_the_budget(tmp_path: Path) -> None:
    # three sources and a total, two figures a row, neither the sum of the other: which source is empty cannot
    # be told, and the first figure is a source's, not the total
    rows = form(["中央补助资金", "省级补助资金", "县级配套资金", "合计"],
                [["", "", "", ""], ["450", "240"], ["430", "218"]])
    budget = only_project(run(tmp_path, pipe_text(rows))).budget
    assert amount(budget.planned) not in (Decimal("4500000"), Decimal("2400000"))


def test_the_upright_block_reads_its_parts_against_the_total(tmp_path: Path) -> None:
    # the turned block's total printed apart from its sources' sum is the same finding as an upright one's
    rows = form(["中央补助资金", "县级配套资金", "合计"], [["", "", ""], ["450", "240", "700"], ["430", "218", "648"]])
    result = checked(tmp_path, sheet(rows))
    assert amount(only_project(result).budget.planned) == Decimal("7000000")
    assert "fund-sum-mismatch" in {f.code for f in result.findings}
