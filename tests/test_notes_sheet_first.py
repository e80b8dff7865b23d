"""A workbook that opens with a sheet of notes ('填表说明' and its numbered rules) before the form's sheet: the form's
title on the second sheet names the project, as it does when the form's sheet is the only one. Made-up forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from reportparse.pipeline import check
from tests._textforms import only_project
from tests._workbooks import fill


@pytest.mark.parametrize("notes", ["填表说明", "填报说明："])
def test_the_title_of_the_second_sheet_names_the_project(tmp_path: Path, notes: str) -> None:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = "说明"
    fill(first, [[notes], ["一、本表由项目实施单位填报。"], ["二、实际完成值据实填写。"]])
    form = workbook.create_sheet("自评表")
    fill(form, [
        ["青溪县2024年度乡村公路养护项目绩效自评表", None, None, None, None, None, None],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "养护里程", "≥120公里", "126公里", "30", "30"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "94%", "20", "20"],
    ])
    form.merge_cells("A1:G1")
    path = tmp_path / "form.xlsx"
    workbook.save(path)
    assert "乡村公路养护" in only_project(check(path)).name


def test_the_sheet_title_rows_skip_the_notes_sheet(tmp_path: Path) -> None:
    from reportparse.parse.layout import walk
    from reportparse.parse.reading import reading_document
    from reportparse.parse.reportheader import sheet_title_rows
    from reportparse.readers import extract_document

    workbook = Workbook()
    first = workbook.active
    assert first is not None
    fill(first, [["填表说明"], ["一、本表由项目实施单位填报。"]])
    form = workbook.create_sheet("自评表")
    fill(form, [["青溪县2024年度乡村公路养护项目绩效自评表", None, None, None],
                ["指标名称", "指标解释", "记录", "需提供的支撑材料"],
                ["预算编制科学性", "项目预算编制符合要求", "已按要求完成", "预算测算材料"]])
    form.merge_cells("A1:D1")
    path = tmp_path / "form.xlsx"
    workbook.save(path)
    layout = walk(reading_document(extract_document(path)), set())
    assert sheet_title_rows(layout) == ["青溪县2024年度乡村公路养护项目绩效自评表"]
