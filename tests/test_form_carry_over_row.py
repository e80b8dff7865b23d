"""Money carried over from the year before in a form and in the prose around it: a text row of 上年结转资金 that lost
its empty 年初预算数 cell keeps its figures under 全年预算数 and 全年执行数 (a carry-over is known only when the year
before closes, after the initial budget was set); a sentence that gives the year's money 'not counting the
carry-over' ('下达资金80万元(不含上年结转12万元)') states the 年初 figure, not a second 全年预算数. Also the
target column a form labels 年度标值. Made-up names and figures, in '|' rows and one cell a line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.form.labels import matches
from tests._textforms import amount, only_project, run

_SERIOUS = ("error", "warning")


def _fund_block(sep: str, carried_label: str) -> list[str]:
    rows = [
        ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "90", "120", "108", "10", "90%", "9"],
        ["其中:当年财政拨款", "90", "90", "80"],
        [carried_label, "30", "28"],
    ]
    return [sep.join(row) for row in rows] if sep else [cell for row in rows for cell in row]


@pytest.mark.parametrize("carried_label", ["上年结转资金", "其中:以前年度结转结余", "上年结余资金"])
def test_a_carry_over_row_in_pipe_rows_leaves_the_initial_budget_empty(tmp_path: Path, carried_label: str) -> None:
    text = "\n".join(["项目名称 | 某县乡村道路养护 | |", *_fund_block(" | ", carried_label)]) + "\n"
    result = run(tmp_path, text)
    project = only_project(result)
    assert amount(project.budget.planned) == Decimal("1200000")
    carried = project.budget.sub_rows[-1]
    assert carried.initial is None
    assert amount(carried.planned) == Decimal("300000") and amount(carried.executed) == Decimal("280000")
    assert "fund-sum-mismatch" not in {f.code for f in result.findings}


def test_the_same_block_one_cell_a_line(tmp_path: Path) -> None:
    text = "\n\n".join(["项目名称", "某镇垃圾收运补助", *_fund_block("", "上年结转资金")]) + "\n"
    result = run(tmp_path, text)
    assert "fund-sum-mismatch" not in {f.code for f in result.findings}


def test_a_carry_over_row_that_does_not_add_up_is_still_found(tmp_path: Path) -> None:
    rows = _fund_block(" | ", "上年结转资金")
    rows[-1] = "上年结转资金 | 35 | 28"  # 90 + 35 = 125, printed 120
    result = run(tmp_path, "\n".join(["项目名称 | 某县乡村道路养护 | |", *rows]) + "\n")
    assert "fund-sum-mismatch" in {f.code for f in result.findings}


def test_an_ordinary_sub_row_short_of_figures_still_fills_from_the_left(tmp_path: Path) -> None:
    rows = _fund_block(" | ", "上年结转资金")
    rows[-1] = "其他资金 | 30 | 28"  # no carry-over: the reading a full row would have stays
    project = only_project(run(tmp_path, "\n".join(["项目名称 | 某县乡村道路养护 | |", *rows]) + "\n"))
    assert amount(project.budget.sub_rows[-1].initial) == Decimal("300000")


_FORM = "\n".join([
    "项目名称 | 某县政法装备购置 | | |",
    "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 执行率",
    "年度资金总额 | 80 | 92 | 90 | 97.83%",
    "其中:当年财政拨款 | 80 | 80 | 78 |",
    "上年结转资金 | | 12 | 12 |",
])


@pytest.mark.parametrize("sentence", [
    "上级下达专项资金80万元(不含上年结转12万元)。",
    "2022年共安排项目资金80万元，不包括以前年度结余资金12万元。",
    "中央财政下达转移支付资金80万元（未含上年度结转资金）。",
])
def test_a_sentence_leaving_out_the_carry_over_restates_the_initial_budget(tmp_path: Path, sentence: str) -> None:
    result = run(tmp_path, "\n".join(["某县检察院2022年度转移支付绩效自评报告", "一、基本情况", sentence,
                                      "二、自评表", _FORM]) + "\n")
    project = only_project(result)
    assert amount(project.budget.planned) == Decimal("920000")
    assert "conflicting-figures" not in {f.code for f in result.findings}


def test_a_sentence_that_names_another_whole_budget_still_disagrees(tmp_path: Path) -> None:
    result = run(tmp_path, "\n".join(["某县检察院2022年度转移支付绩效自评报告", "一、基本情况",
                                      "全年预算资金95万元。", "二、自评表", _FORM]) + "\n")
    assert "conflicting-figures" in {f.code for f in result.findings}


@pytest.mark.parametrize("label", ["年度标值", "全年标值"])
def test_a_target_column_labelled_with_its_word_cut(label: str) -> None:
    assert matches("indicator.target", label)
    assert not matches("indicator.actual", label)


_INDICATOR_ROWS = [
    ("产出指标", "数量指标", "指标1:办理案件数", "300", "312", "10", "10"),
    ("", "", "指标2", "", "", "", ""),
    ("", "质量指标", "指标1:结案率", "95%", "96%", "10", "10"),
    ("", "", "……", "", "", "", ""),
    ("效益指标", "社会效益指标", "指标1:群众来访处置率", "100%", "90%", "10", "8"),
]


def _one_cell_a_line(header: list[str]) -> str:
    cells = ["项目名称", "某区法院诉讼服务设备购置", "项目资金(万元)", "全年预算数", "全年执行数", "执行率",
             "年度资金总额", "60", "60", "100%", *header]
    for row in _INDICATOR_ROWS:
        cells.extend(cell for cell in row if cell)  # the dump drops the empty cells
    return "\n".join(cells) + "\n"


@pytest.mark.parametrize("target_label", ["年度标值", "年度指标值"])
def test_a_placeholder_row_below_is_no_reason_of_the_row_above(tmp_path: Path, target_label: str) -> None:
    header = ["一级指标", "二级指标", "三级指标", target_label, "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    result = run(tmp_path, _one_cell_a_line(header))
    project = only_project(result)
    rows = {i.name: i for i in project.indicators}
    assert set(rows) == {"办理案件数", "结案率", "群众来访处置率"}
    assert not rows["办理案件数"].deviation_reason and not rows["结案率"].deviation_reason
    assert "template-text-left" not in {f.code for f in result.findings}


def test_a_wrapped_header_with_the_cut_target_label(tmp_path: Path) -> None:
    """Tab rows whose header labels wrap inside their cells, the target column labelled 年度标值."""
    text = "\n".join([
        "项目名称\t某区法院诉讼服务设备购置",
        "项目资金(万元)\t全年预算数\t全年执行数\t执行率",
        "年度资金总额\t60\t60\t100%",
        "绩效\n指标\t一级\n指标\t二级\n指标\t三级\n指标\t年度标值\t实际\n完成值\t分值\t得分\t偏差原因分\n析及改进措施",
        *("\t".join(cell for cell in row if cell) for row in _INDICATOR_ROWS if row[3]),
    ]) + "\n"
    project = only_project(run(tmp_path, text))
    targets = {i.name: i.target.value if i.target else None for i in project.indicators}
    assert targets == {"办理案件数": Decimal(300), "结案率": Decimal(95), "群众来访处置率": Decimal(100)}


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_a_reports_goal_table_with_the_cut_target_label(tmp_path: Path, sep: str) -> None:
    """A report's own goal table (no form around it) whose target column is labelled 年度标值."""
    rows = [
        ["一级指标", "二级指标", "三级指标", "年度标值", "实际完成值"],
        ["产出指标", "数量指标", "调解矛盾纠纷", "≥120件", "136件"],
        ["", "质量指标", "调解成功率", "≥95%", "97%"],
    ]
    text = "\n".join([
        "某街道2022年度人民调解经费绩效自评报告",
        "一、项目概况",
        "人民调解经费项目年初预算18万元，全年执行17.5万元，预算执行率97.22%。",
        "二、绩效目标完成情况",
        *(sep.join(row) for row in rows),
    ]) + "\n"
    project = only_project(run(tmp_path, text))
    targets = {i.name: i.target.value if i.target else None for i in project.indicators}
    assert targets == {"调解矛盾纠纷": Decimal(120), "调解成功率": Decimal(95)}
