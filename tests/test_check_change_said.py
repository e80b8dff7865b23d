"""A rise or fall said in money and in percent in one breath: the percent must be a rate the money gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import _textforms

_REPORT = """某县文化馆2023年度部门整体支出绩效自评报告
一、部门基本情况
2023年度部门全年预算数300万元，全年执行数290万元，预算执行率96.67%。
二、部门决算情况
{sentence}
三、自评结论
部门整体支出绩效自评得分92分，等级为优。
"""


def _flagged(tmp_path: Path, sentence: str) -> list[str]:
    result = _textforms.run(tmp_path, _REPORT.format(sentence=sentence))
    return [f.message for f in result.findings if f.code == "conflicting-figures"]


@pytest.mark.parametrize("sentence", [
    "2023年度收入总计1,000万元，比上年增加100万元，增长11.11%。",
    "本年支出合计1000万元，较上年1200万元减少200万元，下降16.67%。",
    "公务接待费支出6.5万元，与2023年度预算相比减少1.5万元，下降18.75%。",
    "因公出国（境）费0万元，比上年减少3万元，下降100%。",
    "公用经费45.3万元，同比减少4.7万元，降幅为9.4%。",
    # (a rate reckoned on the amount itself, as some writers do: 100 ÷ 1000)
    "2023年度收入总计1000万元，比上年增加100万元，增长10%。",
    # (each figure within its rounding: 0.33 ÷ 2.95 = 11.19%, printed from unrounded amounts as 11.2%)
    "会议费3.28万元，比上年增加0.33万元，增长11.2%。",
    # (a rise in money and a fall in points, or in percentage points: other statements)
    "收入1000万元，比上年增加100万元，下降10个百分点。",
])
def test_a_change_that_fits_its_amount_is_not_flagged(tmp_path: Path, sentence: str) -> None:
    assert _flagged(tmp_path, sentence) == []


@pytest.mark.parametrize("sentence", [
    "公务接待费支出5.21万元，与2023年度预算相比减少0.1万元，下降0.006%。",
    "2023年度收入总计1,000万元，比上年增加100万元，增长21.11%。",
    "本年支出合计1000万元，较上年减少200万元，同比下降1.67%。",
])
def test_a_change_whose_rate_the_money_does_not_give_is_flagged(tmp_path: Path, sentence: str) -> None:
    assert len(_flagged(tmp_path, sentence)) == 1


@pytest.mark.parametrize(("sentence", "fires"), [
    ("本年支出合计1000万元，较上年1200万元减少200万元。", False),
    ("本年支出合计1000万元，较上年1,200万元减少20万元。", True),
    ("本年支出合计1000万元，较上年1200万元增加200万元。", True),  # a fall said as a rise
    ("实际支出95万元，比预算100万元下降5%。", False),
    ("实际支出95万元，与年初预算100.5万元相比降幅为5.47%。", False),
    ("实际支出95万元，比预算100万元下降15%。", True),
])
def test_a_change_said_beside_both_figures(tmp_path: Path, sentence: str, fires: bool) -> None:
    assert bool(_flagged(tmp_path, sentence)) == fires


@pytest.mark.parametrize(("sentence", "fires"), [
    ("公务接待费预算14.9万元，决算5.21万元，比预算减少9.69万元。", False),
    ("公务接待费预算14.9万元，决算5.21万元，比预算减少0.1万元。", True),
    ("培训费年初预算数为20万元，实际支出18万元，较年初预算下降10%。", False),
    ("培训费年初预算数为20万元，实际支出18万元，较年初预算下降1%。", True),
])
def test_a_budget_and_its_spending_then_the_change(tmp_path: Path, sentence: str, fires: bool) -> None:
    assert bool(_flagged(tmp_path, sentence)) == fires
