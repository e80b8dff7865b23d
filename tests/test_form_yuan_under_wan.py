"""A 项目资金 block labelled 万元 whose figures are yuan ('项目资金（万元）' over 123456789.00): as 万元 they would be
more than 1000亿元, more than any project's or department's budget, so the label is wrong and the figures are read
as yuan. A figure that could be 万元 stays 万元. Made-up names and figures, as a sheet and as a Word table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project, run
from tests._wordtables import checked_word_table
from tests._workbooks import checked, sheet


def rows(initial: str, planned: str, executed: str) -> list[list[str]]:
    return [
        ["项目名称", "城乡供水一体化工程", "", "", "", "", "", "", ""],
        ["主管部门", "青溪县水利局", "", "", "实施单位", "青溪县供水公司", "", "", ""],
        ["项目资金（万元）", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "", initial, planned, executed, "10", "96.0%", "9.6"],
        ["", "其中：当年财政拨款", "", initial, planned, executed, "-", "96.0%", "-"],
        ["", "上年结转资金", "", "", "", "", "-", "", "-"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因", ""],
        ["产出指标", "数量指标", "新铺设供水管网长度", "≥35公里", "36公里", "20", "20", "", ""],
    ]


@pytest.mark.parametrize(("figures", "expected"), [
    (("156000000.00", "156000000.00", "149760000.00"), ("156000000", "149760000")),
    (("48,500,000.00", "48,500,000.00", "46,560,000.00"), ("48500000", "46560000")),
    (("4850.00", "4850.00", "4656.00"), ("48500000", "46560000")),  # (万元 figures stay 万元)
])
def test_a_sheet(tmp_path: Path, figures: tuple[str, str, str], expected: tuple[str, str]) -> None:
    project = only_project(checked(tmp_path, sheet(rows(*figures))))
    assert (amount(project.budget.planned), amount(project.budget.executed)) == tuple(Decimal(e) for e in expected)


def test_a_word_table(tmp_path: Path) -> None:
    rows_ = rows("156000000.00", "156000000.00", "149760000.00")
    project = only_project(checked_word_table(tmp_path, rows_, title="2023年度项目支出绩效自评表"))
    assert amount(project.budget.planned) == Decimal("156000000")


# ---- a block that states no unit, over yuan written with thousands separators -----------------------------------

def unlabelled(initial: str, planned: str, executed: str) -> list[list[str]]:
    out = rows(initial, planned, executed)
    out[2] = ["项目资金", "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    return out


@pytest.mark.parametrize(("figures", "expected"), [
    (("2,350,000.00", "2,350,000.00", "2,256,000.00"), ("2350000", "2256000")),  # a million or more, separated
    (("12,480,500", "12,480,500", "11,980,000"), ("12480500", "11980000")),
    (("1,235.50", "1,235.50", "1,180.00"), ("12355000", "11800000")),  # one separator: 万元 as the template's
    (("235", "235", "225.6"), ("2350000", "2256000")),
])
def test_a_block_without_its_unit(tmp_path: Path, figures: tuple[str, str, str], expected: tuple[str, str]) -> None:
    for result in (checked(tmp_path, sheet(unlabelled(*figures))),
                   checked_word_table(tmp_path, unlabelled(*figures), title="2023年度项目支出绩效自评表")):
        budget = only_project(result).budget
        assert (amount(budget.planned), amount(budget.executed)) == tuple(Decimal(e) for e in expected)


def test_separated_figures_under_a_stated_wan_stay_wan(tmp_path: Path) -> None:
    # the block says 万元: a large department's 2,350,000 万元 is what it says, only beyond 1000亿元 is the label wrong
    project = only_project(checked(tmp_path, sheet(rows("2,350,000.00", "2,350,000.00", "2,256,000.00"))))
    assert amount(project.budget.planned) == Decimal("23500000000")


def test_a_dump_without_its_unit(tmp_path: Path) -> None:
    text = "".join(" | ".join(cell for cell in row if cell) + "\n"
                   for row in unlabelled("", "2,350,000.00", "2,256,000.00"))
    budget = only_project(run(tmp_path, text)).budget
    assert (amount(budget.planned), amount(budget.executed)) == (Decimal("2350000"), Decimal("2256000"))
