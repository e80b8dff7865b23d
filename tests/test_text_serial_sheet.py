"""A numbered scoring sheet dumped one cell a line (bare, or each cell closed by its '|', an empty cell a lone '|'):
rows begin at their 序号 (1, 2, 3 … in order, told from a figure of the same value by the text cell after it), a
second criterion of one item (no number) begins where a text cell follows the figures, and each row goes under the
header: its texts right up to the first 分值/得分 column, its figures from there, its left cells merged down from the
row above. Built inputs in two wordings and three dump shapes, not a corpus page's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run
from tests.test_parse_summary_tables import _tables, _text

#: (序号 | 一级 | 二级 | 三级 | 评分说明 | 分值 | 得分 | 复核得分): levels printed on their first row only, the 复核
#: column left empty, item 4's second criterion on a row of its own.
GREENING = [
    ["序号", "一级指标", "二级指标", "三级指标", "评分说明", "指标分值", "自评得分", "复核得分"],
    ["1", "决策(20)", "立项依据", "依据充分", "立项文件齐全得5分", "5", "5", ""],
    ["2", "", "", "程序规范", "按程序申报审批得2分", "2", "2", ""],
    ["3", "", "资金落实", "到位及时", "资金按时到位得13分", "13", "12", ""],
    ["4", "过程(30)", "组织实施", "制度健全", "养护制度健全得20分", "20", "18", ""],
    ["", "", "", "", "养护台账完整得10分", "10", "10", ""],
    ["5", "", "", "按期完成", "按期完成得5分", "5", "4", ""],
]

#: The same layout in other words: a library's reading-room upkeep sheet.
LIBRARY = [
    ["序号", "一级指标", "二级指标", "三级指标", "考核要点", "分值", "得分", "备注"],
    ["1", "投入(15)", "预算编制", "编制科学", "预算编制依据充分得3分", "3", "3", ""],
    ["2", "", "", "目标明确", "绩效目标明确得2分", "2", "1", ""],
    ["3", "", "资金到位", "到位率", "资金到位率100%得10分", "10", "10", ""],
    ["4", "产出(40)", "数量", "开放天数", "全年开放不少于300天得20分", "20", "20", ""],
    ["5", "", "质量", "图书完好率", "完好率达95%得20分", "20", "17", ""],
]


def _printed(rows: list[list[str]], shape: str) -> str:
    lines: list[str] = ["2023年度阅览室运行维护项目绩效评价评分表"]
    for row in rows:
        for cell in row:
            if shape == "bare" and cell:
                lines.append(cell)
            elif (shape == "piped" and cell) or shape == "piped_empty":
                lines.append(f"{cell}|")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("shape", ["bare", "piped", "piped_empty"])
def test_a_numbered_sheet_of_cell_lines_gives_the_word_grid(shape: str) -> None:
    tables = _tables(_text(_printed(GREENING, shape)))
    assert len(tables) == 1, tables
    rows = tables[0]
    assert rows[0] == GREENING[0]
    assert rows[1] == GREENING[1]
    assert rows[2] == ["2", "决策(20)", "立项依据", "程序规范", "按程序申报审批得2分", "2", "2", ""]
    assert rows[5] == ["4", "过程(30)", "组织实施", "制度健全", "养护台账完整得10分", "10", "10", ""]
    assert rows[6] == ["5", "过程(30)", "组织实施", "按期完成", "按期完成得5分", "5", "4", ""]


@pytest.mark.parametrize("shape", ["bare", "piped", "piped_empty"])
def test_a_numbered_sheet_in_other_words_reads_its_scores(tmp_path: Path, shape: str) -> None:
    project = only_project(run(tmp_path, _printed(LIBRARY, shape)))
    scored = {row.name: (row.weight, row.score) for row in project.indicators}
    assert scored.get("目标明确") == (2, 1), scored
    assert scored.get("图书完好率") == (20, 17), scored
    assert {row.name: row.level for row in project.indicators}.get("到位率") == "投入/资金到位"


def test_a_sheet_whose_numbers_do_not_run_on_is_left_to_the_other_readers() -> None:
    """'序号' over cells whose numbers skip (1, then 3) is no numbered sheet the reader can cut."""
    rows = [row[:] for row in LIBRARY]
    rows[2][0] = "7"
    rows[3][0] = "8"
    rows[4][0] = "9"
    rows[5][0] = "10"
    assert not any(t[0][0] == "序号" and len(t) > 3 for t in _tables(_text(_printed(rows, "piped"))))


#: A department sheet whose 分值 stands before its text columns (指标解释, 评分标准) and its 得分 after them: a
#: row's side cannot say where its cells go, but a dump that prints every empty cell leaves out only the merged
#: labels on a row's left.
DEPARTMENT = [
    ["序号", "一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "得分"],
    ["1", "规划(10分)", "工作计划(6分)", "计划完整性", "3", "计划是否完整", "完整得3分", "3"],
    ["2", "", "", "计划明确性", "3", "计划是否明确", "明确得3分", "2"],
    ["3", "", "绩效目标(4分)", "目标合理性", "4", "目标是否合理", "合理得4分", "4"],
    ["4", "执行(20分)", "预算执行(20分)", "预算执行率", "20", "执行数/预算数", "", "18"],
]


def test_a_sheet_with_text_among_its_figures_is_placed_right_aligned_when_empty_cells_are_printed() -> None:
    tables = _tables(_text(_printed(DEPARTMENT, "piped_empty")))
    rows = [row for table in tables for row in table if row and row[0] == "2"]
    assert rows == [["2", "规划(10分)", "工作计划(6分)", "计划明确性", "3", "计划是否明确", "明确得3分", "2"]]


def test_a_sheet_with_text_among_its_figures_is_not_cut_when_empty_cells_are_dropped() -> None:
    """Without its empty cells a row's cells cannot be placed: left to the other readers, not placed wrong."""
    tables = _tables(_text(_printed(DEPARTMENT, "piped")))
    assert not any(row[:4] == ["2", "规划(10分)", "工作计划(6分)", "计划明确性"] for table in tables for row in table)
