"""A 部门整体支出 form dumped one row a line, its cells parted by spaces: the block of its money opens under a
department's label (部门预算执行情况（万元）, 部门整体支出（万元）, 资金情况) or none, its rows 基本支出 / 项目支出 and
their 合计 last. The department's budget is the 合计 row's; the text reader must leave the form's lines to the form
reader (it had cut the indicator rows out as a table of their own, and the form lost its money). Made-up forms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.readers.text.fundlines import opens_fund_block
from tests._textforms import amount, only_project, run

INDICATORS = """一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标 数量指标 组织防汛演练次数 ≥4次 5次 20 20
效益指标 社会效益指标 汛期人员伤亡 0人 0人 30 30
满意度指标 服务对象满意度指标 群众满意度 ≥90% 93% 10 10
"""


def dump(header: str, money: str) -> str:
    return f"2024年度部门整体支出绩效自评表\n部门名称 某区水务局\n{header}\n{money}\n{INDICATORS}"


PARTS_THEN_TOTAL = "基本支出 1520 1498\n项目支出 2260 2105.6\n合计 3780 3603.6 10 95.3% 9.5"
TOTAL_THEN_PARTS = "支出合计 3780 3603.6 10 95.3% 9.5\n基本支出 1520 1498\n项目支出 2260 2105.6"


@pytest.mark.parametrize("header", [
    "部门预算执行情况（万元） 年度预算数 全年执行数 分值 执行率 得分",
    "部门整体支出（万元） 全年预算数 全年执行数 分值 执行率 得分",
    "资金情况（万元） 预算数 执行数 分值 执行率 得分",
])
@pytest.mark.parametrize("money", [PARTS_THEN_TOTAL, TOTAL_THEN_PARTS])
def test_the_departments_total_is_its_budget(tmp_path: Path, header: str, money: str) -> None:
    project = only_project(run(tmp_path, dump(header, money)))
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal(37800000),
                                                                                 Decimal(36036000))
    assert {i.name for i in project.indicators} >= {"组织防汛演练次数", "群众满意度"}


@pytest.mark.parametrize(("line", "opens"), [
    ("部门预算执行情况（万元） 年度预算数 全年执行数 分值 执行率 得分", True),
    ("年初预算数 全年预算数 全年执行数 分值 执行率 得分", True),  # the block's header with no label of its own
    ("序号 项目名称 预算数 执行数 执行率", False),  # a summary table's header: its rows are projects
    ("部门整体支出绩效自评表 预算数 执行数", False),  # a title, no block label
    ("全年预算数3780万元，全年执行数3603.6万元。", False),  # a sentence
    ("预算执行情况      预算数:      52.6      执行数:      52.6      20", False),  # a row of pairs, no header
])
def test_which_lines_open_the_block(line: str, opens: bool) -> None:
    assert opens_fund_block(line) is opens
