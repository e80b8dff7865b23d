"""A project's 基本概况 table printing its money as label | amount pairs side by side, each amount split by
source in the rows under it (其中:中央财政 / 省财政 / 其它, in the same column): each amount is a total over its
sources, and an amount that is not their sum is a fund-sum-mismatch. Built inputs as a '|' table and as the same
cells dumped one a line; a reading that loses a source row (no column adds up) reports nothing."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import run

COVER = "某县财政支出项目绩效评价自评报告\n项目名称:残疾人康复补助\n一、项目基本概况\n"
TAIL = "二、项目支出明细情况\n康复训练补助 52.5\n"

PIPE_TABLE = COVER + (
    "计划安排资金(万元) | 50 | 实际到位资金(万元) | 52.5 | 实际支出(万元) | 52.5 | 结余(万元) | 0 |\n"
    "其中:中央财政 | 30 | 其中:中央财政 | 30 | 其中:中央财政 | 30 | 其中:中央财政 | |\n"
    "省财政 | 20 | 省财政 | 20 | 省财政 | 20 | 省财政 | |\n"
    "县财政 | | 县财政 | 5 | 县财政 | 2.5 | 县财政 | |\n"
) + TAIL

# (one cell a line, a blank line between cells, as a web page's text gives such a table)
CELL_LINES = COVER.replace("\n", "\n\n") + "\n\n".join([
    "计划安排资金", "(万元)", "80", "实际到位资金", "(万元)", "80", "实际支出(万元)", "78", "结余(万元)", "2",
    "其中:中央财政", "其中:中央财政", "其中:中央财政", "其中:中央财政",
    "省财政", "60", "省财政", "60", "省财政", "58", "省财政", "2",
    "其它", "20", "其它", "25", "其它", "20", "其它",
]) + "\n\n" + TAIL.replace("\n", "\n\n")


def _sum_findings(tmp_path: Path, text: str) -> list[str]:
    return [f.message for f in run(tmp_path, text).findings if f.code == "fund-sum-mismatch"]


def test_an_amount_that_is_not_the_sum_of_its_sources_in_a_table(tmp_path: Path) -> None:
    found = _sum_findings(tmp_path, PIPE_TABLE)
    # 实际支出 52.5 over 30 + 20 + 2.5 = 52.5 adds up; 到位 52.5 = 30 + 20 + 5 = 55 does not
    assert len(found) == 1 and "实际到位资金" in found[0] and "55万元" in found[0], found


def test_an_amount_that_is_not_the_sum_of_its_sources_dumped_a_cell_a_line(tmp_path: Path) -> None:
    found = _sum_findings(tmp_path, CELL_LINES)
    assert len(found) == 1 and "实际到位资金" in found[0] and "85万元" in found[0], found


def test_a_reading_that_adds_up_in_no_column_reports_nothing(tmp_path: Path) -> None:
    # (a source row the reader does not know, '福彩公益金', ends its reading early in every column)
    text = PIPE_TABLE.replace("省财政", "福彩公益金")
    assert _sum_findings(tmp_path, text) == []
