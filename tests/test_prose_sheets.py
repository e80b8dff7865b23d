"""A report written down a sheet's first column, one paragraph a row, is read as the prose it is
(parse/prosesheets.py); a one-column table of labels, or a table of two columns, stays a table."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from reportparse.model import Paragraph, Table
from reportparse.parse import parse_report
from reportparse.parse.prosesheets import prose_sheets
from reportparse.readers import extract_document
from tests.test_parse_narrative import _doc


def _workbook(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "report.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for text in rows:
        sheet.append([text])
    book.save(path)
    return path


def test_a_workbook_holding_a_narrative_report_a_row_a_paragraph_is_read(tmp_path: Path) -> None:
    path = _workbook(tmp_path, [
        "某镇2023年度村庄保洁经费绩效自评报告",
        "一、项目基本情况",
        "该项目年初预算资金46万元，全年实际支出44.5万元，预算执行率96.7%。",
        "二、绩效目标完成情况",
        "全年清运生活垃圾3600吨，群众满意度达到97%。",
    ])
    report = parse_report(extract_document(path))
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == 460000
    assert budget.executed is not None and budget.executed.value == 445000


def test_a_one_column_table_of_prose_becomes_paragraphs_and_a_list_of_labels_does_not() -> None:
    prose = _doc([["关于某社区养老服务补贴资金的自评情况"],
                  ["本年度下达补贴资金18万元，已全部发放到位，惠及老人210人。"],
                  ["服务对象满意度调查显示，满意率为96%，达到年度目标。"]])
    folded = prose_sheets(prose)
    assert all(isinstance(e, Paragraph) for e in folded.elements) and len(folded.elements) == 3
    labels = _doc([["项目名称"], ["主管部门"], ["实施单位"], ["项目资金"]])
    assert isinstance(prose_sheets(labels).elements[0], Table)
    columns = _doc([["项目名称", "某村道路修缮项目"], ["资金情况", "下达资金20万元，已支付18万元，支付率90%。"],
                    ["完成情况", "完成道路修缮1.2公里，群众满意。"]])
    assert isinstance(prose_sheets(columns).elements[0], Table)
