"""A form's last row that opens with a note's label and its text merged across the columns and only
then prints the total ('其他需要说明事项 | 无 (merged) | 总分 | 100 | 96 | 优'): the row is still the
form's 总分. Made-up forms in spreadsheets, with two wordings of the note and of the total."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project
from tests._workbooks import checked, sheet


def _form(note: str, said: str, total: str) -> list[list[object]]:
    return [
        ["项目支出绩效自评表", None, None, None, None, None, None, None, None],
        ["项目名称", "某镇污水管网维护", None, None, None, None, None, None, None],
        ["项目资金(万元)", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", None],
        [None, "年度资金总额", 50, 50, 45, 10, "90%", 9, None],
        ["一级指标", "二级指标", "三级指标", "指标内容", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "维护管网长度", "维护管网长度", "≥12公里", "12.5公里", 50, 50, None],
        ["效益指标", "社会效益指标", "污水收集率", "污水收集率", "≥90%", "85%", 30, 26, "雨季管网满溢"],
        ["满意度指标", "服务对象满意度指标", "居民满意度", "居民满意度", "≥90%", "93%", 10, 10, None],
        [note, said, None, None, None, total, 100, 95, "优"],
    ]


@pytest.mark.parametrize(("note", "said", "total"), [
    ("其他需要说明事项", "无", "总分"),
    ("说明", "本年度无调整事项", "合计"),
])
def test_the_total_right_of_a_merged_note_is_read(tmp_path: Path, note: str, said: str, total: str) -> None:
    workbook = sheet(_form(note, said, total), merges=["B9:E9"])
    project = only_project(checked(tmp_path, workbook))
    assert project.total_score == Decimal("95")
    assert [(line.weight, line.score) for line in project.scores if line.level == "总分"] == [
        (Decimal("100"), Decimal("95"))]
