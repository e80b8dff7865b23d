"""Preconditions of the row checks (checks/rowreason.py, checks/funds.py): a 分值 printed once for a group of rows
is not the first row's own; a reason the report gives outside the 偏差原因 cell is a reason given; a fund block's
其中 rows within a 其中 row break that row down. Forms built here as Word tables with merged cells, and as the
one-cell-a-line text dump of the same grid; none is a corpus document's text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
import pytest

from reportparse.pipeline import check

Merge = tuple[int, int, int, int]  # row, col, rowspan, colspan


def _word(tmp_path: Path, rows: Sequence[Sequence[str]], merges: Sequence[Merge], after: Sequence[str]) -> Path:
    document = docx.Document()
    document.add_paragraph("项目支出绩效自评表（2023年度）")
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for r0, c0, rs, cs in merges:
        text = rows[r0][c0]
        table.cell(r0, c0).merge(table.cell(r0 + rs - 1, c0 + cs - 1)).text = text
    for paragraph in after:
        document.add_paragraph(paragraph)
    path = tmp_path / "form.docx"
    document.save(path)
    return path


def _dump(tmp_path: Path, rows: Sequence[Sequence[str]], merges: Sequence[Merge], after: Sequence[str]) -> Path:
    """The grid one cell a line ('text |'), a merged cell's text once, the cells it covers left out."""
    covered = {(r, c) for r0, c0, rs, cs in merges for r in range(r0, r0 + rs) for c in range(c0, c0 + cs)
               if (r, c) != (r0, c0)}
    lines = ["项目支出绩效自评表（2023年度）"]
    lines += [f"{text} |" for r, row in enumerate(rows) for c, text in enumerate(row) if (r, c) not in covered]
    path = tmp_path / "form.txt"
    path.write_text("\n".join([*lines, *after]) + "\n", encoding="utf-8")
    return path


def _findings(path: Path, *codes: str) -> list[str]:
    result = check(path)
    assert result.status == "ok", result.message
    return [f"{f.code}:{f.indicator}" for f in result.findings if f.code in codes]


_HEAD = [
    ["项目名称", "乡村道路养护项目", "", "", "", "", "", "", ""],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
    ["年度资金总额", "", "100", "100", "100", "10", "100%", "10", ""],
]
_HEAD_MERGES: list[Merge] = [(0, 1, 1, 8), (1, 0, 1, 2), (2, 0, 1, 2)]
_COLUMNS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施", ""]


def _form(rows: list[list[str]], merges: Sequence[Merge], total: str) -> tuple[list[list[str]], list[Merge]]:
    grid = [list(r) for r in _HEAD] + [_COLUMNS] + [[*r, ""] for r in rows]
    grid.append(["总分", "", "", "", "", "100", total, "", ""])
    start = len(_HEAD) + 1
    placed = [(r + start, c, rs, cs) for r, c, rs, cs in merges]
    return grid, [*_HEAD_MERGES, *placed, (len(grid) - 1, 0, 1, 5)]


def _rows(first_level_weight: bool) -> tuple[list[list[str]], list[Merge]]:
    """An 产出 level of three rows: its 50 points printed once over them (merged down), or one 分值 a row."""
    weights = ("50", "", "") if first_level_weight else ("20", "15", "15")
    rows = [
        ["产出指标", "数量指标", "养护道路里程", "≥50公里", "52公里", weights[0], "20", ""],
        ["", "质量指标", "养护合格率", "≥95%", "96%", weights[1], "15", ""],
        ["", "时效指标", "完成时间", "12月底前", "12月底前完成", weights[2], "15", ""],
        ["效益指标", "社会效益指标", "群众出行条件", "有效改善", "有效改善", "30", "30", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
    ]
    merges: list[Merge] = [(0, 0, 3, 1)] + ([(0, 5, 3, 1)] if first_level_weight else [])
    return rows, merges


_ROW_CODES = ("deviation-reason-missing", "met-but-deducted", "score-mismatch")


def test_a_weight_printed_once_for_a_group_is_not_the_first_rows(tmp_path: Path) -> None:
    rows, merges = _rows(first_level_weight=True)
    assert _findings(_word(tmp_path, *_form(rows, merges, "100"), []), *_ROW_CODES) == []


def test_a_weight_printed_once_for_a_second_level_group(tmp_path: Path) -> None:
    rows = [
        ["产出指标", "数量指标", "养护道路里程", "≥50公里", "52公里", "30", "16", ""],
        ["", "", "桥梁维护座数", "≥4座", "5座", "", "14", ""],
        ["", "质量指标", "养护合格率", "≥95%", "96%", "20", "20", ""],
        ["效益指标", "社会效益指标", "群众出行条件", "有效改善", "有效改善", "30", "30", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
    ]
    merges: list[Merge] = [(0, 0, 3, 1), (0, 1, 2, 1), (0, 5, 2, 1)]
    assert _findings(_word(tmp_path, *_form(rows, merges, "100"), []), *_ROW_CODES) == []


def test_a_row_of_its_own_weight_scored_short_still_raises(tmp_path: Path) -> None:
    rows, merges = _rows(first_level_weight=False)
    rows[0][4], rows[0][6] = "45公里", "18"
    found = _findings(_word(tmp_path, *_form(rows, merges, "98"), []), "deviation-reason-missing")
    assert found == ["deviation-reason-missing:养护道路里程"]


@pytest.mark.parametrize("after", [
    ["偏差原因分析：养护道路里程未达到目标，主要是受汛期影响部分路段延至下年施工，下一步将合理安排工期。"],
    ["（二）存在的问题", "养护道路里程完成45公里，比目标少5公里，原因是两处路段因征地问题未能开工。"],
])
@pytest.mark.parametrize("layout", [_word, _dump])
def test_a_reason_given_in_the_prose_for_that_row(tmp_path: Path, after: list[str], layout) -> None:  # type: ignore[no-untyped-def]
    rows, merges = _rows(first_level_weight=False)
    rows[0][4], rows[0][6] = "45公里", "18"
    assert _findings(layout(tmp_path, *_form(rows, merges, "98"), after), "deviation-reason-missing") == []


@pytest.mark.parametrize("after", [
    # the prose names another row, or gives a reason for nothing in particular
    ["群众满意度调查中，个别群众因施工噪音影响提出意见。"],
    ["（三）存在的问题和原因", "资金支付进度偏慢，原因是项目验收较晚。"],
])
def test_a_reason_for_something_else_is_no_reason_for_the_row(tmp_path: Path, after: list[str]) -> None:
    rows, merges = _rows(first_level_weight=False)
    rows[0][4], rows[0][6] = "45公里", "18"
    found = _findings(_word(tmp_path, *_form(rows, merges, "98"), after), "deviation-reason-missing")
    assert found == ["deviation-reason-missing:养护道路里程"]


def _fund_form(fund_rows: list[list[str]]) -> tuple[list[list[str]], list[Merge]]:
    grid = [list(_HEAD[0]), list(_HEAD[1])] + [[label, "", *cells, ""] for label, *cells in fund_rows]
    merges: list[Merge] = [(0, 1, 1, 8), (1, 0, 1, 2)] + [(2 + i, 0, 1, 2) for i in range(len(fund_rows))]
    rows, row_merges = _rows(first_level_weight=False)
    start = len(grid) + 1
    grid += [_COLUMNS] + [[*r, ""] for r in rows] + [["总分", "", "", "", "", "100", "100", "", ""]]
    merges += [(r + start, c, rs, cs) for r, c, rs, cs in row_merges] + [(len(grid) - 1, 0, 1, 5)]
    return grid, merges


_NESTED = [
    [["年度资金总额", "100", "100", "100", "10", "100%", "10"],
     ["其中：当年财政拨款", "100", "100", "100", "—", "—", "—"],
     ["其中：中央资金", "60", "60", "60", "—", "—", "—"], ["省级资金", "40", "40", "40", "—", "—", "—"],
     ["上年结转资金", "0", "0", "0", "—", "—", "—"]],
    [["年度资金总额", "150", "150", "150", "10", "100%", "10"], ["其中：财政资金", "150", "150", "150", "—", "—", "—"],
     ["上级补助", "100", "100", "100", "—", "—", "—"], ["本级配套", "50", "50", "50", "—", "—", "—"],
     ["其他资金", "", "", "", "—", "—", "—"]],
]


@pytest.mark.parametrize("fund_rows", _NESTED)
@pytest.mark.parametrize("layout", [_word, _dump])
def test_fund_rows_within_a_fund_row_are_its_breakdown(tmp_path: Path, fund_rows: list[list[str]], layout) -> None:  # type: ignore[no-untyped-def]
    assert _findings(layout(tmp_path, *_fund_form(fund_rows), []), "fund-sum-mismatch") == []


@pytest.mark.parametrize("layout", [_word, _dump])
def test_fund_rows_that_miss_their_total_still_raise(tmp_path: Path, layout) -> None:  # type: ignore[no-untyped-def]
    fund_rows = [["年度资金总额", "100", "100", "100", "10", "100%", "10"],
                 ["其中：当年财政拨款", "100", "100", "90", "—", "—", "—"],
                 ["上年结转资金", "0", "0", "0", "—", "—", "—"]]
    assert len(_findings(layout(tmp_path, *_fund_form(fund_rows), []), "fund-sum-mismatch")) == 1


@pytest.mark.parametrize("name", ["分析及改进措施", "数量指标", "产出指标（50分）", "时效", "小计", "合计", "=100%",
                                  "≥95%", "得分", "三级指标"])
def test_a_header_label_total_or_value_is_no_rows_name(name: str) -> None:
    from reportparse.checks.rowread import misread_row_name

    assert misread_row_name(name)


@pytest.mark.parametrize("name", ["养护道路里程", "服务对象满意度", "12345热线办结率", "成本控制率", "数量达标率",
                                  "时效性", "群众满意度（%）"])
def test_an_indicators_name_is_a_name(name: str) -> None:
    from reportparse.checks.rowread import misread_row_name

    assert not misread_row_name(name)


def _rows_with_label_rows(in_name_column: bool) -> tuple[list[list[str]], list[Merge]]:
    """A level's label row carrying its points, and a 小计 row after the level's rows: in the 一级 column, merged
    across to the 分值 column, or in the name column."""
    subtotal = ["", "", "小计", "", "", "50", "48", ""] if in_name_column else ["小计", "", "", "", "", "50", "48", ""]
    rows = [
        ["产出指标", "", "", "", "", "50", "48", ""],
        ["", "数量指标", "养护道路里程", "≥50公里", "45公里", "20", "18", "汛期路段延期施工"],
        ["", "质量指标", "养护合格率", "≥95%", "96%", "15", "15", ""],
        ["", "时效指标", "完成时间", "12月底前", "12月底前完成", "15", "15", ""],
        subtotal,
        ["效益指标", "社会效益指标", "群众出行条件", "有效改善", "有效改善", "30", "30", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
    ]
    return rows, [(0, 0, 4, 1)] if in_name_column else [(0, 0, 4, 1), (4, 0, 1, 5)]


@pytest.mark.parametrize("in_name_column", [False, True])
def test_label_and_subtotal_rows_are_not_judged_as_rows(tmp_path: Path, in_name_column: bool) -> None:
    rows, merges = _rows_with_label_rows(in_name_column)
    codes = ("missing-values", "score-exceeds-weight", "deviation-reason-missing", "score-sum-mismatch",
             "weight-sum-mismatch")
    assert _findings(_word(tmp_path, *_form(rows, merges, "98"), []), *codes) == []


def _two_row_group(merged_col: int, second_cell: str) -> tuple[list[list[str]], list[Merge]]:
    """Two 数量 rows whose 实际完成值 (col 4) or 得分 (col 6) is one cell merged over both."""
    first = ["产出指标", "数量指标", "养护道路里程", "≥50公里", "全部完成" if merged_col == 4 else "52公里", "20",
             "30" if merged_col == 6 else "20", ""]
    second = ["", "", "维护桥梁数", "≥4座", "5座", "10", "10", ""]
    second[merged_col] = second_cell
    rows = [first, second,
            ["", "质量指标", "养护合格率", "≥95%", "96%", "10", "10", ""],
            ["", "时效指标", "完成时间", "12月底前", "12月底前完成", "10", "10", ""],
            ["效益指标", "社会效益指标", "群众出行条件", "有效改善", "有效改善", "30", "30", ""],
            ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""]]
    merges: list[Merge] = [(0, 0, 4, 1), (0, 1, 2, 1)] + ([(0, merged_col, 2, 1)] if not second_cell else [])
    return rows, merges


_SHIFT_CODES = ("missing-values", "score-exceeds-weight", "score-mismatch", "deviation-reason-missing")


@pytest.mark.parametrize("layout", [_word, _dump])
def test_a_score_printed_once_for_two_rows_is_their_groups(tmp_path: Path, layout) -> None:  # type: ignore[no-untyped-def]
    rows, merges = _two_row_group(6, "")
    assert _findings(layout(tmp_path, *_form(rows, merges, "100"), []), *_SHIFT_CODES) == []


def test_a_dump_row_short_of_a_merged_cell_is_read_one_column_off(tmp_path: Path) -> None:
    # a grid of eight columns, no spare one: the row under the merged 实际完成值 prints one cell fewer, and its
    # 分值 and 得分 come under 实际完成值 and 分值
    rows, merges = _two_row_group(4, "")
    grid = [["项目名称", "乡村道路养护项目", "", "", "", "", "", ""],
            ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
            ["年度资金总额", "100", "100", "100", "10", "100%", "10", ""], _COLUMNS[:8], *rows,
            ["总分", "", "", "", "", "100", "100", ""]]
    placed = [(0, 1, 1, 7), *((r + 4, c, rs, cs) for r, c, rs, cs in merges), (len(grid) - 1, 0, 1, 5)]
    assert _findings(_dump(tmp_path, grid, placed, []), *_SHIFT_CODES) == []


@pytest.mark.parametrize("layout", [_word, _dump])
def test_a_row_left_without_its_score_still_raises(tmp_path: Path, layout) -> None:  # type: ignore[no-untyped-def]
    rows, merges = _two_row_group(6, "")
    rows[0][6] = "20"
    merges = merges[:2]
    assert _findings(layout(tmp_path, *_form(rows, merges, "90"), []), "missing-values") == ["missing-values:None"]


def _cost_form(name: str, actual: str) -> tuple[list[list[str]], list[Merge]]:
    """A form that spent 95万元 of its fiscal money, with a 成本 row stating a total cost of its own."""
    rows, _ = _rows(first_level_weight=False)
    rows[2][5], rows[2][6] = "5", "5"
    rows.insert(3, ["", "成本指标", name, "≤130万元", actual, "5", "5", ""])
    grid, placed = _form(rows, [(0, 0, 4, 1)], "100")
    grid[2][4], grid[2][6], grid[2][7] = "95", "95%", "9.5"
    return grid, placed


@pytest.mark.parametrize(("name", "actual"), [
    ("项目总成本（含群众自筹）", "118万元"),
    ("道路养护成本", "125万元（含社会资金30万元）"),
])
def test_a_cost_that_counts_other_money_is_no_second_statement_of_the_spending(
        tmp_path: Path, name: str, actual: str) -> None:
    assert _findings(_word(tmp_path, *_cost_form(name, actual), []), "conflicting-figures") == []


def test_a_cost_beyond_the_spending_still_raises(tmp_path: Path) -> None:
    found = _findings(_word(tmp_path, *_cost_form("道路养护成本", "118万元"), []), "conflicting-figures")
    assert found == ["conflicting-figures:道路养护成本"]


def _time_row(name: str, target: str, actual: str) -> tuple[list[list[str]], list[Merge]]:
    rows, merges = _rows(first_level_weight=False)
    rows[2][2:5] = [name, target, actual]
    return _form(rows, merges, "100")


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("资金拨付时间", "≤12月", "7月"),
    ("项目验收日期", "≤11月", "6月"),
])
def test_a_month_of_the_calendar_has_no_130_percent_rule(tmp_path: Path, name: str, target: str, actual: str) -> None:
    assert _findings(_word(tmp_path, *_time_row(name, target, actual), []), "deviation-reason-missing") == []


def test_a_duration_far_under_its_limit_still_wants_a_reason(tmp_path: Path) -> None:
    found = _findings(_word(tmp_path, *_time_row("审批办结时限", "≤10个工作日", "5个工作日"), []),
                      "deviation-reason-missing")
    assert found == ["deviation-reason-missing:审批办结时限"]


def _with_remark_column(remark: str) -> tuple[list[list[str]], list[Merge]]:
    """A form with a 偏差原因 column and a 备注 column after it; the short row's reason only in its 备注."""
    rows, merges = _rows(first_level_weight=False)
    rows[0][4], rows[0][6] = "45公里", "18"
    grid, placed = _form(rows, merges, "98")
    grid[len(_HEAD)][8] = "备注"
    grid[len(_HEAD) + 1][8] = remark
    return grid, placed


@pytest.mark.parametrize("remark", ["因汛期影响，5公里延至下年实施", "受资金拨付滞后影响未完成"])
def test_a_reason_given_in_the_remark_column(tmp_path: Path, remark: str) -> None:
    assert _findings(_word(tmp_path, *_with_remark_column(remark), []), "deviation-reason-missing") == []


def test_a_remark_that_gives_no_reason_is_none(tmp_path: Path) -> None:
    found = _findings(_word(tmp_path, *_with_remark_column("已完成"), []), "deviation-reason-missing")
    assert found == ["deviation-reason-missing:养护道路里程"]


def _three_costs_table(tmp_path: Path, said: str) -> Path:
    """A department report's “三公” table printed without its unit, and a sentence restating it in 万元."""
    document = docx.Document()
    document.add_paragraph("某县文化旅游局2023年度部门整体支出绩效自评报告")
    document.add_paragraph("一、部门基本情况")
    rows = [["项目", "预算数", "决算数", "决算数比预算数增减", "增减率"], ["合计", "20", "15", "-5", "-25%"],
            ["公务接待费", "8", "6", "-2", "-25%"], ["公务用车购置及运行费", "12", "9", "-3", "-25%"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph(said)
    path = tmp_path / "report.docx"
    document.save(path)
    return path


@pytest.mark.parametrize("said", ["2023年“三公”经费决算15万元，比上年决算减少3万元。",
                                  "“三公”经费预算20万元，决算15万元，完成预算的75%。"])
def test_a_figure_in_wan_against_a_table_without_its_unit_is_the_same(tmp_path: Path, said: str) -> None:
    assert _findings(_three_costs_table(tmp_path, said), "conflicting-figures") == []


def test_a_figure_the_table_does_not_give_still_raises(tmp_path: Path) -> None:
    assert _findings(_three_costs_table(tmp_path, "2023年“三公”经费决算16万元。"), "conflicting-figures") != []


def _carried_form(tmp_path: Path, prose: str) -> Path:
    """Prose above a form whose 年度资金总额 holds this year's money and the money carried over (100 + 20)."""
    rows = [list(r) for r in _HEAD[:2]] + [
        ["年度资金总额", "", "100", "120", "118", "10", "98.33%", "9.8", ""],
        ["其中：当年财政拨款", "", "100", "100", "100", "—", "—", "—", ""],
        ["上年结转资金", "", "—", "20", "18", "—", "—", "—", ""]]
    table_rows, row_merges = _rows(first_level_weight=False)
    start = len(rows) + 1
    rows += [_COLUMNS] + [[*r, ""] for r in table_rows] + [["总分", "", "", "", "", "100", "99.8", "", ""]]
    merges = [(0, 1, 1, 8), (1, 0, 1, 2), (2, 0, 1, 2), (3, 0, 1, 2), (4, 0, 1, 2),
              *((r + start, c, rs, cs) for r, c, rs, cs in row_merges), (len(rows) - 1, 0, 1, 5)]
    document = docx.Document()
    document.add_paragraph("乡村道路养护项目2023年度绩效自评报告")
    document.add_paragraph(prose)
    table = document.add_table(rows=len(rows), cols=9)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for r0, c0, rs, cs in merges:
        table.cell(r0, c0).merge(table.cell(r0 + rs - 1, c0 + cs - 1)).text = rows[r0][c0]
    path = tmp_path / "report.docx"
    document.save(path)
    return path


@pytest.mark.parametrize("prose", [
    "2023年县财政下达项目资金100万元，全年支出100万元，上年结转资金18万元已支出，剩余2万元结转下年。",
    "本年度安排财政拨款100万元，已全部支出100万元；另有上年结转20万元，支出18万元，余2万元结转下年。",
])
def test_prose_of_this_years_allocation_is_the_forms_part_not_its_total(tmp_path: Path, prose: str) -> None:
    codes = ("conflicting-figures", "budget-rate-mismatch")
    assert _findings(_carried_form(tmp_path, prose), *codes) == []


def test_prose_of_another_total_still_conflicts(tmp_path: Path) -> None:
    prose = "项目全年预算110万元，全年支出108万元，剩余2万元结转下年。"
    assert "conflicting-figures:全年预算数" in _findings(_carried_form(tmp_path, prose), "conflicting-figures")
