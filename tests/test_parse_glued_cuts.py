"""Figures a run-together dump glued into one run of digits ('≥20座201510'): a run that only one
reading fits is read as the form says, one that the form's own evidence (the rows' 分值, the level's
printed weight, the total row's amounts, the target's size) settles likewise, and one that still
allows more than one reading is read as the likeliest but kept uncertain — a finding resting on it
is an info noted `ambiguous-cut`, never an error or warning. Built rows (names and figures invented)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.checks import AMBIGUOUS_CUT, mark_uncertain, new_finding
from reportparse.model import AMBIGUOUS_CUT_CONFIDENCE, Evidence
from reportparse.parse.form.fundrun import fund_figures, weight_and_rate
from reportparse.parse.form.gluedcuts import amounts_apart, apart
from reportparse.parse.form.runtogether import split_cells
from tests._textforms import run

# a project form whose every row ran together (an OCR'd page): one row that only one reading fits
# ('≥50个5088': 50 | 8 | 8), one that two fit ('≥20座201510': 20 | 15 | 10 or 2015 | 1 | 0), a 其中
# row whose amounts glue to its rate and that the total row's amounts settle
FORM = """项目支出绩效自评表
项目名称乡村道路养护经费
主管部门某县交通运输局实施单位某县公路管理站
项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分
年度资金总额7.297.297.2910.00100%10.00
其中:当年财政拨款7.297.297.29100%
上年结转资金
其他资金
年度总体目标预期目标实际完成情况
完成乡村道路日常养护完成乡村道路日常养护
一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施
产出指标(50分)数量指标养护道路条数≥50个5088
养护桥涵座数≥20座201510
质量指标道路完好率≥90%95%99
时效指标养护完成及时率100%100%99
成本指标养护成本控制率≤100%100%99
效益指标(30分)社会效益指标群众出行便利程度明显改善明显改善1515
可持续影响指标道路使用年限延长延长1515
满意度指标(10分)服务对象满意度指标沿线群众满意度≥90%96%1010
总分10095
"""


def test_a_result_and_pair_glued_after_the_target_are_cut_the_one_way_that_fits() -> None:
    assert apart("5088", True, after_target=True, target="50") == (["50", "8", "8"], False)
    # '9088' is 90 | 8 | 8 or 90 | 88: the level's printed weight (50) leaves no room for a 分值 of 90
    assert apart("9088", True, after_target=True, target="90")[1] is True
    assert apart("9088", True, after_target=True, target="90", cap=Decimal(50)) == (["90", "8", "8"], False)
    # a 分值 and 得分 print at most two decimals: '132.91010' is 132.9 | 10 | 10, not 13 | 2.91010
    assert apart("132.91010", True, after_target=True, target="202.6", weights=["10"]) == (
        ["132.9", "10", "10"], False)


def test_a_run_two_readings_fit_is_kept_uncertain_unless_the_form_settles_it() -> None:
    # 735 | 10 | 10 or 7 | 35 | 10: the target's size picks the likelier, and the cut stays uncertain
    assert apart("7351010", True, after_target=True, target="735") == (["735", "10", "10"], True)
    # the 分值 the rows before printed settle it
    assert apart("7351010", True, after_target=True, target="735", weights=["10"]) == (["735", "10", "10"], False)
    # '888' after '=8个': 88 | 8, or 8 | 8 | 8 — the level's printed weight leaves no room for 88
    assert apart("888", True, after_target=True, target="8") == (["88", "8"], True)
    assert apart("888", True, after_target=True, target="8", cap=Decimal(50)) == (["8", "8", "8"], False)


def test_after_a_text_a_result_is_read_only_where_the_rows_weights_say_so() -> None:
    assert apart("10088", True, after_text=True) == (["100", "88"], False)  # as before: a pair
    assert apart("10088", True, after_text=True, weights=["8"]) == (["100", "8", "8"], False)


def test_a_whole_row_glued_after_its_name() -> None:
    # target, result, 分值 and 得分 ('指标1成本控制率1001001010'): 100 | 100 | 10 | 10 beside rows of 10
    assert apart("1001001010", True, after_text=True, whole_row=True, weights=["10"]) == (
        ["100", "100", "10", "10"], False)
    assert apart("1001001010", True, after_text=True, whole_row=True)[1] is True  # 100100 | 10 | 10 fits too
    # a comparator glued to it: ≤4 | 4 | 10 | 10, or ≤44 | 10 | 1 | 0 — the rows' 分值 decide
    assert apart("≤441010", True, whole_row=True, weights=["10"]) == (["≤4", "4", "10", "10"], False)
    assert apart("≤441010", True, whole_row=True) == (["≤4", "4", "10", "10"], True)


def test_amounts_of_one_or_two_decimals_that_both_fit_are_uncertain() -> None:
    assert amounts_apart("1.561.56120") == (["1.56", "1.56", "1", "20"], False)  # equal amounts settle it
    parts, unsure = amounts_apart("43.237.24")  # 43.2 | 37.24, or 43.23 | 7.24?
    assert unsure and parts == ["43.23", "7.24"]


def test_a_sub_rows_amounts_glued_to_its_rate_are_the_totals_when_both_readings_fit() -> None:
    run = "7.297.297.29100%"
    assert fund_figures(run, 4) == ["7.2", "97.2", "97.2", "9", "100%"]  # a total row prints its 分值
    assert fund_figures(run, 4, sub_row=True) is None  # a 其中 row may leave it out: two readings
    assert fund_figures(run, 4, sub_row=True, total=("7.29", "7.29", "7.29")) == ["7.29", "7.29", "7.29", "100%"]


def test_a_fund_rows_weight_glued_to_its_rate_is_cut_where_the_amounts_give_the_rate() -> None:
    assert weight_and_rate("1083.5%", ["150", "150", "125.25"]) == ["10", "83.5%"]
    assert weight_and_rate("1083.5%", ["150", "150", "150"]) is None  # the amounts say 100%: no cut


def test_a_finding_on_an_ambiguous_cut_is_an_info_and_says_so() -> None:
    quote = Evidence(page=1, text="201510", confidence=AMBIGUOUS_CUT_CONFIDENCE)
    finding = mark_uncertain(new_finding("deviation-reason-missing", "得分低于分值", evidence=[quote]))
    assert finding.severity == "info" and AMBIGUOUS_CUT in finding.notes and "多种拆分" in finding.message
    sure = mark_uncertain(new_finding("deviation-reason-missing", "得分低于分值",
                                      evidence=[Evidence(page=1, text="1510", confidence=0.5)]))
    assert sure.severity == "warning" and AMBIGUOUS_CUT not in sure.notes  # OCR doubt alone keeps it


def test_a_run_together_form_end_to_end(tmp_path: Path) -> None:
    result = run(tmp_path, FORM)
    assert result.report is not None and len(result.report.projects) == 1
    project = result.report.projects[0]
    by_name = {i.name: i for i in project.indicators}
    roads = next(i for name, i in by_name.items() if "养护道路条数" in name)
    assert (roads.weight, roads.score) == (Decimal(8), Decimal(8))
    assert roads.actuals and roads.actuals[0].value == Decimal(50)
    bridges = next(i for name, i in by_name.items() if "桥涵" in name)
    assert (bridges.weight, bridges.score) == (Decimal(15), Decimal(10))  # the likelier reading, kept
    serious = [f for f in result.findings if f.severity in ("error", "warning")]
    # the 其中 row is the total's money: no fund-sum-mismatch; the bridge row's 10 of 15 without a
    # reason rests on an ambiguous cut: an info that says so, not a warning
    assert not any(f.code == "fund-sum-mismatch" for f in result.findings)
    assert not any(f.indicator and "桥涵" in f.indicator for f in serious), serious
    hinted = [f for f in result.findings if f.indicator and "桥涵" in f.indicator]
    assert hinted and all(f.severity == "info" and AMBIGUOUS_CUT in f.notes for f in hinted)
    assert not any(AMBIGUOUS_CUT in f.notes for f in result.findings if f.indicator and "完好率" in f.indicator)


def test_a_pair_its_levels_printed_weight_has_no_room_for_is_uncertain() -> None:
    # '每株200每株…' under a level of 30 whose rows already hold 20: 20 | 0 would pass the level's
    # weight, so the bare 200 may as well be a figure of the text; under a level of 60 it is a pair
    rows = ("一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施\x1e"
            "产出指标(30分)数量指标植树面积2万亩2万亩1010\x1e补植面积1万亩1万亩1010\x1e成本指标种苗补助每株200每株20066")
    cells, _, uncertain = split_cells(rows, with_starts=True)
    assert [cells[i] for i in sorted(uncertain)] == ["20", "0"]
    assert split_cells(rows.replace("(30分)", "(60分)"), with_starts=True)[2] == set()


@pytest.mark.parametrize(("run", "amounts"), [
    ("9089.97489.974", ["90", "89.974", "89.974"]),
    ("202.64132.912132.912", ["202.64", "132.912", "132.912"]),
    ("35.512.512.5", ["35.5", "12.5", "12.5"]),
])
def test_a_sub_row_spent_in_full_is_its_initial_amount_then_one_amount_twice(run: str, amounts: list[str]) -> None:
    """A 其中 row's amounts run together with no rate after them: a run ending in one amount twice is the
    年初 amount and the year's budget spent in full, whatever their decimals."""
    assert amounts_apart(run, sub_row=True) == (amounts, False)


def test_outside_a_sub_row_or_with_equal_two_decimal_amounts_the_old_readings_stand() -> None:
    assert amounts_apart("100.00100.0010", sub_row=True) == (["100.00", "100.00", "10"], False)
    assert amounts_apart("9089.97489.974")[0] == ["9089.97", "489.97", "4"]  # a total row: no guess
    assert amounts_apart("12.3445.6", sub_row=True)[0] == ["12.34", "45.6"]  # no amount twice
