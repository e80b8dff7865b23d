"""The 项目资金 block of a form flattened onto one line (cells parted by spaces) or run together (no spaces), in the
wordings a careful reader reads: a fund row under any fund's name after the figures of the row before it ('… 500
500 480 — — 上级补助 380 380 356': the budget is the 其中 rows' sum where the total row is empty, not the first
one's), a total row named 项目总投资 / 资金合计 / 项目资金总额, and the columns named 批复预算 / 实际支出,
预算金额 / 支出数, 调整预算数. Made-up forms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.form.runtogether import split_cells
from tests._textforms import amount, only_project, run

HEAD = "2024年度项目支出绩效自评表 项目名称 青石村饮水安全巩固提升工程 主管部门 东溪县水利局 实施单位 东溪县农村供水站 "
INDICATORS = ("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 数量指标 新建蓄水池 ≥2座 2座 30 30 "
              "质量指标 工程验收合格率 100% 100% 20 20 效益指标 社会效益指标 受益人口 ≥1200人 1260人 30 30 "
              "满意度指标 服务对象满意度指标 受益群众满意度 ≥90% 95% 10 10 总分 100 100")
COLUMNS = "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "


@pytest.mark.parametrize("funds", [
    "年度资金总额 10 95% 9.5 其中：中央资金 300 300 285 — — 上级补助 120 120 114 — — 县级配套 60 60 57 — — ",
    "年度资金总额 10 95% 9.5 其中：财政拨款 300 300 285 — — 省级奖补 180 180 171 — — ",
])
def test_every_fund_row_of_a_one_line_block_counts(tmp_path: Path, funds: str) -> None:
    budget = only_project(run(tmp_path, HEAD + COLUMNS + funds + INDICATORS + "\n")).budget
    assert (amount(budget.planned), amount(budget.executed)) == (Decimal(4800000), Decimal(4560000))


@pytest.mark.parametrize("total", ["项目总投资", "资金合计", "项目资金总额"])
def test_a_one_line_total_row_in_other_wordings(tmp_path: Path, total: str) -> None:
    funds = f"{total} 480 480 456 10 95% 9.5 其中：财政拨款 480 480 456 — — "
    budget = only_project(run(tmp_path, HEAD + COLUMNS + funds + INDICATORS + "\n")).budget
    assert (amount(budget.planned), amount(budget.executed)) == (Decimal(4800000), Decimal(4560000))


def test_the_next_blocks_label_after_the_funds_opens_no_fund_row(tmp_path: Path) -> None:
    funds = "年度资金总额 480 480 456 10 95% 9.5 年度绩效目标 "
    project = only_project(run(tmp_path, HEAD + COLUMNS + funds + INDICATORS + "\n"))
    assert amount(project.budget.planned) == Decimal(4800000)
    assert project.budget.sub_rows == []


@pytest.mark.parametrize("columns", [
    "年初预算数调整预算数全年执行数", "年初预算批复预算实际支出", "年初预算预算金额支出数"])
def test_run_together_columns_in_other_wordings_part_the_row_right(columns: str) -> None:
    cells = split_cells(f"项目资金（万元）{columns}分值执行率得分年度资金总额4804804561095%9.5")
    assert cells[cells.index("年度资金总额") + 1:][:5] == ["480", "480", "456", "10", "95%"]


def test_a_run_together_form_with_other_column_words(tmp_path: Path) -> None:
    lines = [
        "2024年度项目支出绩效自评表",
        "项目名称青石村饮水安全巩固提升工程",
        "主管部门东溪县水利局实施单位东溪县农村供水站",
        "项目资金（万元）年初预算数批复预算实际支出分值执行率得分",
        "年度资金总额4804804561095%9.5",
        "一级指标二级指标三级指标年度指标值实际完成值分值得分",
        "产出指标数量指标新建蓄水池≥2座2座3030",
        "满意度指标服务对象满意度指标受益群众满意度≥90%95%1010",
    ]
    budget = only_project(run(tmp_path, "\n".join(lines) + "\n")).budget
    assert (amount(budget.planned), amount(budget.executed)) == (Decimal(4800000), Decimal(4560000))
