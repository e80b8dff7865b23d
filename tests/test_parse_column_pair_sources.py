"""A transfer-payment form's fund block dumped onto one line in column order: the header's two money columns, the
total's two amounts, then each source's label and its two amounts ('全年预算数(A) 全年执行数(B) 860.50 812.30
其中:中央财政资金 500.00 480.00 自治区财政资金 …'), the total's label printed after them. The total's budget and
spending are each weighed against their column's sources (fund-sum-mismatch); a reading with one source row, or
whose columns add up in neither, says nothing. Built inputs in two wordings (a 自治区/旗县 form, a 省/县 form)."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import run

HEAD = ("附件1 农牧业生产补助资金绩效目标自评表 (2023年度) 转移支付(项目)名称 农牧业生产补助资金 "
        "中央主管部门 农业农村部 ")


def _sums(tmp_path: Path, text: str) -> list[str]:
    return [f.message for f in run(tmp_path, text).findings if f.code == "fund-sum-mismatch"]


def test_the_budget_column_that_is_not_the_sum_of_its_sources(tmp_path: Path) -> None:
    text = HEAD + ("全年预算数(A) 全年执行数(B) 860.50 812.30 其中:中央财政资金 500.00 480.00 "
                   "自治区财政资金 200.00 190.00 旗县财政资金 160.00 142.30 年度资金总额 资金投入情况 (万元) "
                   "地方主管部门 某旗财政局\n")
    found = _sums(tmp_path, text)
    # 500 + 200 + 160 = 860 ≠ 860.50; the spending 480 + 190 + 142.3 = 812.3 adds up
    assert len(found) == 1 and "860.5万元" in found[0] and "860万元" in found[0], found


def test_the_spending_column_in_another_wording(tmp_path: Path) -> None:
    text = ("某县2022年度残疾人康复补助资金绩效自评表 项目名称 残疾人康复补助资金 主管部门 县残联 "
            "全年预算数（A） 全年执行数（B） 120 118 其中：中央财政资金 80 80 省级资金 30 26 "
            "其他资金（含上年结转） 10 10 年度资金总额 资金情况（万元）\n")
    found = _sums(tmp_path, text)
    # 80 + 30 + 10 = 120 adds up; the spending 80 + 26 + 10 = 116 ≠ 118
    assert len(found) == 1 and "118万元" in found[0] and "116万元" in found[0], found


def test_one_source_row_or_no_column_adding_up_says_nothing(tmp_path: Path) -> None:
    one_row = HEAD + ("全年预算数(A) 全年执行数(B) 860.50 812.30 其中:中央财政资金 500.00 480.00 年度资金总额 "
                      "资金投入情况 (万元)\n")
    assert _sums(tmp_path, one_row) == []
    neither = HEAD + ("全年预算数(A) 全年执行数(B) 860.50 812.30 其中:中央财政资金 500.00 480.00 自治区财政资金 "
                      "200.00 190.00 年度资金总额 资金投入情况 (万元)\n")
    assert _sums(tmp_path, neither) == []
