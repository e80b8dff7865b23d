"""A fund's total printed as a label | amount row with its sources in the label | amount rows under it, one source
a row ('X资金合计(万元) 年度预算资金总额: | 500' over '其中:中央补助 | 300', '省级资金 | 150', …), maybe several
funds one after the other: each total is weighed against its sources (fund-sum-mismatch), and the first total,
the whole, is the project's budget where nothing else gave one. Built inputs: text lines 'label amount' (the
fund's name and unit on a line of their own), a '|' table, and a spreadsheet grid; a total whose sources add up
nowhere, or a total with no unit, reports nothing."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import amount, only_project, run
from tests._workbooks import checked, sheet

HEAD = "某区2023年度中央对地方转移支付残疾人事业发展补助资金绩效自评表\n"

LINES = HEAD + (
    "残疾人事业发展补助资金合计(万元)\n"
    "年度预算资金总额: 520.00\n"
    "其中:中央补助 300.00\n"
    "市级资金 150.00\n"
    "区级资金 70.00\n"
    "康复救助资金(万元)\n"
    "年度预算资金总额: 400.00\n"
    "其中:中央补助 240.00\n"
    "市级资金 100.00\n"
    "区级资金 60.00\n"
    "托养服务资金(万元)\n"
    "年度预算资金总额: 120.00\n"
    "其中:中央补助 60.00\n"
    "市级资金 45.00\n"
    "区级资金 10.00\n"
    "资金下达 及时下达\n"
)

PIPE = HEAD + (
    "一级指标 | 二级指标 | 三级指标 | 指标解释 | 自评内容 | 完成情况\n"
    "预算管理 | 资金投入 | 资金安排 | 年度资金安排情况 | 养老服务补助资金总计(万元) 年度资金总额: | 86.5\n"
    " | | | | 其中:中央补助 | 50\n"
    " | | | | 省级资金 | 20\n"
    " | | | | 县级资金(含结转) | 16.5\n"
    " | | | | 其中: | \n"
    " | | | | 居家养老补助(万元) 年度资金总额: | 46.5\n"
    " | | | | 其中:中央补助 | 30\n"
    " | | | | 省级资金 | 10\n"
    " | | | | 县级资金(含结转) | 7.5\n"
    "预算管理 | 资金下达 | 下达及时性 | 按时下达 | 已下达 | 完成\n"
)


def _sums(tmp_path: Path, text: str) -> list[str]:
    return [f.message for f in run(tmp_path, text).findings if f.code == "fund-sum-mismatch"]


def test_text_lines_weigh_each_fund_against_its_sources(tmp_path: Path) -> None:
    found = _sums(tmp_path, LINES)
    # 520 = 300 + 150 + 70 and 400 = 240 + 100 + 60 add up; 托养 120 ≠ 60 + 45 + 10 = 115
    assert len(found) == 1 and "托养服务资金" in found[0] and "115万元" in found[0], found


def test_the_first_total_is_the_budget(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, LINES))
    assert amount(project.budget.planned) == 5200000


def test_a_pipe_table_in_the_indicator_table(tmp_path: Path) -> None:
    found = _sums(tmp_path, PIPE)
    # 86.5 = 50 + 20 + 16.5 adds up; 46.5 ≠ 30 + 10 + 7.5 = 47.5
    assert len(found) == 1 and "居家养老补助" in found[0] and "47.5万元" in found[0], found
    assert amount(only_project(run(tmp_path, PIPE)).budget.planned) == 865000


#: the template's level and explanation cells merged down the fund's rows
_MERGES = ("A3:A{last}", "B3:B{last}", "C3:C{last}")


def _grid(tmp_path: Path, funds: list[list[object]], merged: bool = True) -> list[str]:
    rows: list[list[object]] = [
        ["某县2022年度农业保险保费补贴绩效自评表", "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "自评内容", "完成情况"],
        *(["预算管理", "资金投入", "资金安排", label, value] for label, value in funds),
        ["预算管理", "资金下达", "下达及时性", "已下达", "完成"],
    ]
    merges = [m.format(last=len(funds) + 2) for m in _MERGES] if merged else []
    result = checked(tmp_path, sheet(rows, merges=merges))
    budget = only_project(result).budget.planned
    return [f.message for f in result.findings if f.code == "fund-sum-mismatch"] + [f"budget {amount(budget)}"]


def test_a_spreadsheet_grid(tmp_path: Path) -> None:
    whole = [["保费补贴资金合计(万元) 年度预算资金总额:", 230], ["其中:中央补助", 120], ["省级资金", 80],
             ["县级资金", 30]]
    part = [["其中:", ""], ["种植业保费补贴(万元) 年度预算资金总额:", 150], ["其中:中央补助", 80],
            ["省级资金", 50], ["县级资金", 25]]
    for merged in (True, False):
        # (without the merges each fund's total is a lone label | amount pair, a 申报表's budget field to the form
        # reader: the budget is still the whole's, the first)
        found = _grid(tmp_path, whole + part, merged)
        assert len(found) == 2 and "种植业保费补贴" in found[0] and "155万元" in found[0], found
        assert found[1] == "budget 2300000", found
    # (one total whose sources do not add up: a reading that adds up nowhere may have lost a source, nothing said)
    assert _grid(tmp_path, [["保费补贴资金合计(万元) 年度预算资金总额:", 240], *whole[1:]])[:-1] == []


def test_no_sum_is_weighed_where_no_total_adds_up_or_no_unit_is_printed(tmp_path: Path) -> None:
    nowhere = LINES.replace("区级资金 70.00", "区级资金 75.00").replace("区级资金 60.00", "区级资金 65.00")
    assert _sums(tmp_path, nowhere) == []
    no_unit = LINES.replace("(万元)", "")
    assert _sums(tmp_path, no_unit) == []


def test_amounts_that_carry_their_own_unit(tmp_path: Path) -> None:
    text = HEAD + (
        "预算资金安排情况\n"
        "就业补助资金合计 年度资金总额: 860.00万元\n"
        "其中:中央补助 500.00万元\n"
        "省级资金 260.00万元\n"
        "县级资金(含上年结转) 100.00万元\n"
        "职业培训补贴 年度资金总额: 300.00万元\n"
        "其中:中央补助 200.00万元\n"
        "省级资金 80.00万元\n"
        "县级资金(含上年结转) 30.00万元\n"
        "资金下达 及时下达\n"
    )
    found = _sums(tmp_path, text)
    # 860 = 500 + 260 + 100 adds up; 职业培训补贴 300 ≠ 200 + 80 + 30 = 310
    assert len(found) == 1 and "职业培训补贴" in found[0] and "310万元" in found[0], found
