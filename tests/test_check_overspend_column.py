"""over-executed names the budget column it compares against: a form whose 项目资金 block prints only 年初预算数
takes that for the budget, and the message says so. Inputs are made-up forms flattened into text."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import run

INITIAL_ONLY = """部门整体支出绩效自评表
部门(单位)名称 某乡人民政府
部门(单位)总体资金(万元) 资金来源 年初预算数(A) 全年执行数(B) 分值 得分
年度资金总额: 400.5 452.3 10 10
"""
FULL_YEAR = """项目支出绩效自评表
项目名称 某村道路硬化工程
项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 80 90 96 10 106.67% 10
"""


def test_an_overspend_names_the_budget_column_the_form_printed(tmp_path: Path) -> None:
    for text, column in ((INITIAL_ONLY, "年初预算数"), (FULL_YEAR, "全年预算数")):
        found = [f for f in run(tmp_path, text).findings if f.code == "over-executed"]
        assert len(found) == 1 and f"超过{column}" in found[0].message, [f.message for f in found]
