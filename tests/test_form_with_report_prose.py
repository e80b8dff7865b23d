"""A report whose text dump put its 项目资金 block one cell to a line between the report's title and its own
sentences: the title names the project, and a sentence after the form that restates the budget
differently is read (and found to disagree), not swallowed into the form."""

from __future__ import annotations

from pathlib import Path

from ._textforms import amount, only_project, run

_FORM = "\n".join([
    "项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
    "年度资金总额", "150", "160", "152", "10", "95%", "9.5",
    "其中：财政拨款", "150", "160", "152",
])


def _report(after: str) -> str:
    return "\n".join(["某镇2023年度人居环境整治项目绩效自评报告", "一、项目资金情况", _FORM,
                      "二、绩效目标完成情况", after]) + "\n"


def test_a_sentence_after_the_form_restating_another_rate_disagrees_with_it(tmp_path: Path) -> None:
    result = run(tmp_path, _report("项目全年预算160万元，实际执行152万元，预算执行率为98%。"))
    project = only_project(result)
    assert "人居环境整治" in project.name  # from the report's title, not '自评表1'
    assert amount(project.budget.planned) == 1600000 and amount(project.budget.executed) == 1520000
    codes = {f.code for f in result.findings}
    assert "conflicting-figures" in codes  # 98% in the prose, 95% in the form (152/160 = 95%)


def test_a_sentence_after_the_form_that_agrees_raises_nothing(tmp_path: Path) -> None:
    result = run(tmp_path, _report("项目全年预算160万元，实际执行152万元，预算执行率为95%，结余8万元已交回财政。"))
    codes = {f.code for f in result.findings if f.severity in ("error", "warning")}
    assert not codes & {"conflicting-figures", "budget-rate-mismatch", "unexplained-balance"}, codes


def _two_sided(other: str) -> str:
    return "\n".join([
        "某中心2023年度部门整体支出绩效自评报告",
        "一、部门资金情况",
        "资金来源 | 金额(万元) | 资金使用 | 金额(万元)",
        "财政拨款 | 620.5 | 基本支出 | 480.2",
        f"其他资金 | {other} | 项目支出 | 160.3",
        "合计 | 650.5 | 合计 | 640.5",
        "二、自评结论",
        "部门整体支出绩效自评得分92分，等级为优。结余资金10万元结转下年使用。",
    ]) + "\n"


def test_a_fund_block_in_two_columns_gives_the_money_had_and_the_money_spent(tmp_path: Path) -> None:
    result = run(tmp_path, _two_sided("30"))
    project = only_project(result)
    assert amount(project.budget.planned) == 6505000 and amount(project.budget.executed) == 6405000
    assert not [f for f in result.findings if f.severity in ("error", "warning")]


def test_a_side_of_a_two_column_fund_block_that_does_not_add_up(tmp_path: Path) -> None:
    result = run(tmp_path, _two_sided("40"))  # 620.5 + 40 = 660.5, printed 650.5
    assert [f.code for f in result.findings if f.code == "fund-sum-mismatch"] == ["fund-sum-mismatch"]


def test_a_budget_table_with_its_parts_first_and_its_total_last(tmp_path: Path) -> None:
    # 年初预算 | 调整预算 | 实际支出 | 执行率 rows of a department report: 调整预算 is the year's budget, and the
    # 合计 printed under 基本支出 and 项目支出 is the total (the first row is a part, not the total)
    text = "\n".join([
        "某县民政局2023年度部门整体支出绩效自评报告",
        "一、部门预算执行情况",
        "项目 | 年初预算 | 调整预算 | 实际支出 | 执行率",
        "基本支出 | 560.2 | 585.6 | 580.1 | 99.06%",
        "项目支出 | 1200 | 1350.4 | 1296.4 | 96.00%",
        "合计 | 1760.2 | 1936.0 | 1876.5 | 96.93%",
        "二、自评结论",
        "2023年部门预算执行率为96.9%，结余资金59.5万元结转下年使用。部门整体支出自评得分95分，等级为优秀。",
    ]) + "\n"
    result = run(tmp_path, text)
    project = only_project(result)
    assert amount(project.budget.initial) == 17602000
    assert amount(project.budget.planned) == 19360000 and amount(project.budget.executed) == 18765000
    assert not [f.code for f in result.findings if f.severity in ("error", "warning")]
