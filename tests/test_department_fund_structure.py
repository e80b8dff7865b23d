"""A 部门整体支出绩效自评表 whose money block counts the year's budget in steps (Fujian's layout and its kin):

    资金结构 | 年初部门预算安排金额① | 年中调整金额② | 小计③=①+② | 年度拨付金额④ | 支出实现率⑤=④/③ | 结余金额⑥ | 结余率⑦
    财政资金小计 | … then ① 项目支出 | … ② 基本支出 | … then 单位其它收入 | … and 合计 | …

The budget is the 小计③ (年初 ① plus the year's adjustment ②), the spending the 拨付金额 the form's own rate is
taken against; the 小计 row adds up the rows under it and the 合计 adds the 小计 to the other income, so no part is
counted twice. The level labels say 目标 for 指标 (产出目标 | 数量目标), and a 评分标准 column follows the result.
Built in two wordings, as a text dump (one row a line, cells split by spaces) and as a spreadsheet."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Result
from tests._textforms import amount, only_project, run
from tests._workbooks import checked, sheet

_TEXT = """{unit_label} {unit} 部门预算编码 301002
财政资金安排和使用情况 资金结构 预算安排 拨付情况 结余情况
(万元) {initial_label}① 年中调整金额② 小计 {paid_label} 支出实现率(%)⑤=④/③ 本年度结余金额⑥=③-④ 资金结余率(%)⑦=⑥/③
  ③=①+②
{subtotal} 200.00 40.50 240.50 {paid} 99.00 2.40 1.00
① 项目支出 {projects} 0 {projects} {projects} 100 0 0
② 基本支出 {basic} 40.50 {basic_total} {basic_paid} 98.52 2.40 1.48
2.单位其它收入 0 0 0 0 0 0 0
合 计 200.00 40.50 240.50 {paid} 99.00 2.40 1.00
年度绩效指标完成情况 一级指标 二级指标 三级指标 绩效 实际 评分标准 指标分值 自评得分 未完成原因
目标值 完成值
产出目标 数量目标 开展巡查次数 12次 12次 本指标满分10分,每少一次扣1分,扣完为止。 10 10 已完成
质量目标 档案合格率 ≥95% 98% 本指标满分10分,达到95%得满分,每低1个百分点扣1分。 10 10 已完成
"""

_WORDINGS = [
    {"unit_label": "部门(单位)名称", "unit": "某县档案局", "initial_label": "年初部门预算安排金额(含历年结余结转)",
     "paid_label": "年度拨付金额", "subtotal": "财政资金小计"},
    {"unit_label": "部门（单位）名称", "unit": "某市气象局", "initial_label": "年初预算安排金额",
     "paid_label": "拨付金额④", "subtotal": "财政拨款小计"},
]


def _text(wording: dict[str, str], basic: str = "160.00") -> str:
    basic_total = Decimal(basic) + Decimal("40.50")
    return _TEXT.format(**wording, paid="238.10", projects="40.00", basic=basic, basic_total=basic_total,
                        basic_paid=basic_total - Decimal("2.40"))


@pytest.mark.parametrize("wording", _WORDINGS)
def test_the_budget_is_the_subtotal_and_the_spending_what_was_paid(tmp_path: Path, wording: dict[str, str]) -> None:
    result = run(tmp_path, _text(wording))
    project = only_project(result)
    assert project.name == f"{wording['unit']}部门整体支出"
    assert amount(project.budget.initial) == Decimal("2000000")
    assert amount(project.budget.planned) == Decimal("2405000")
    assert amount(project.budget.executed) == Decimal("2381000")
    assert "fund-sum-mismatch" not in {f.code for f in result.findings}


@pytest.mark.parametrize("wording", _WORDINGS)
def test_a_part_that_breaks_the_subtotal_is_still_caught(tmp_path: Path, wording: dict[str, str]) -> None:
    """基本支出 printed as 150 where 160 makes the 小计: the 小计 row no longer adds up its parts."""
    result = run(tmp_path, _text(wording, basic="150.00"))
    assert "fund-sum-mismatch" in {f.code for f in result.findings}


@pytest.mark.parametrize("wording", _WORDINGS)
def test_the_indicator_rows_under_target_level_labels(tmp_path: Path, wording: dict[str, str]) -> None:
    project = only_project(run(tmp_path, _text(wording)))
    rows = {i.name: i for i in project.indicators}
    assert set(rows) == {"开展巡查次数", "档案合格率"}
    patrols = rows["开展巡查次数"]
    assert patrols.level == "产出/数量" and patrols.weight == 10 and patrols.score == 10
    assert patrols.target is not None and patrols.target.raw == "12次"
    assert [a.raw for a in patrols.actuals] == ["12次"]  # (the 评分标准 sentence is no part of the result)
    assert rows["档案合格率"].level == "产出/质量"


def _workbook_result(tmp_path: Path, paid_label: str, subtotal: str, basic: float) -> Result:
    rows = [
        ["部门(单位)名称", "某区科学技术协会", None, None, "部门预算编码", "309001", None, None, None],
        ["财政资金安排和使用情况(万元)", "资金结构", "预算安排", None, None, "拨付情况", None, "结余情况", None],
        [None, None, "年初部门预算安排金额①", "年中调整金额②", "小计③=①+②", paid_label, "支出实现率(%)⑤=④/③",
         "本年度结余金额⑥=③-④", "资金结余率(%)⑦=⑥/③"],
        [None, subtotal, 80, 20, 100, 96, 96, 4, 4],
        [None, "① 项目支出", 30, 0, 30, 30, 100, 0, 0],
        [None, "② 基本支出", basic, 20, basic + 20, 66, 94.29, 4, 5.71],
        [None, "2.单位其它收入", 5, 0, 5, 5, 100, 0, 0],
        [None, "合 计", 85, 20, 105, 101, 96.19, 4, 3.81],
    ]
    return checked(tmp_path, sheet(rows, merges=["A2:A8"]))


@pytest.mark.parametrize(("paid_label", "subtotal"), [("年度拨付金额", "财政资金小计"), ("拨付金额④", "财政拨款小计")])
def test_the_same_block_in_a_spreadsheet(tmp_path: Path, paid_label: str, subtotal: str) -> None:
    result = _workbook_result(tmp_path, paid_label, subtotal, basic=50)
    project = only_project(result)
    assert project.name == "某区科学技术协会部门整体支出"
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal("1050000"),
                                                                                  Decimal("1010000"))
    assert "fund-sum-mismatch" not in {f.code for f in result.findings}
    broken = _workbook_result(tmp_path, paid_label, subtotal, basic=60)  # (小计 100 ≠ 30 + 80)
    assert "fund-sum-mismatch" in {f.code for f in broken.findings}
