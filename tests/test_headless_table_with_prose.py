"""A page that opens inside a form's goal table (no title, name or header row survives) and goes on in prose: the
table's rows are the one unnamed project's goal rows, and the prose after it is no row, however many short lines
it wraps onto (a PDF's lines, a Word document's paragraphs). Built here, with made-up rows and prose."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from reportparse.model import Result
from reportparse.pipeline import check
from tests._textforms import only_project

_ROWS = [
    ["产出指标", "数量指标", "清理绿化带面积", "≥3万平方米", "3.2万平方米"],
    ["产出指标", "质量指标", "养护验收合格率", "≥95%", "98%"],
    ["产出指标", "时效指标", "全年按月养护", "12个月", "12个月"],
    ["效益指标", "社会效益指标", "市容环境改善", "明显改善", "明显改善"],
    ["满意度指标", "满意度指标", "周边居民满意率", "≥90%", "93%"],
]
_PROSE = [
    "三、部门绩效评价结果。", "本单位已组织对上述项目开展绩效自评,", "自评结果已报送区财政局备案。",
    "第四部分", "名词解释", "1.财政拨款收入:指单位从同级财政取得的预算资金。",
    "2.事业收入:指事业单位开展业务活动取得的收入。",
    "3.其他收入:指单位取得的上述收入以外的各项收入。", "4.基本支出:指为保障机构正常运转发生的支出。",
    "5.项目支出:指为完成特定任务发生的支出。", "6.年末结转和结余:指单位按规定结转到下年的资金。",
]


def _checked(result: Result) -> None:
    project = only_project(result)
    assert project.name == "未命名项目"
    assert [i.name for i in project.indicators] == [row[2] for row in _ROWS]
    assert "missing-values" not in [f.code for f in result.findings]


def test_word_goal_table_cut_above_its_header_then_prose(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某区园林绿化中心2022年度部门决算(项目绩效评价结果,节选)")
    table = document.add_table(rows=len(_ROWS), cols=len(_ROWS[0]))
    for r, row in enumerate(_ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for line in _PROSE:
        document.add_paragraph(line)
    path = tmp_path / "cut.docx"
    document.save(path)
    _checked(check(path))


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_text_goal_rows_cut_above_their_header_then_prose(tmp_path: Path, separator: str) -> None:
    lines = [separator.join(row) for row in _ROWS] + _PROSE
    path = tmp_path / "cut.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _checked(check(path))
