"""A text that is only a 自评表's goal rows, cut off above its indicator header, is read, not refused.

A page may quote just the tail of a form: its indicator rows (level labels, indicator name, target with
its comparator, weight), run together or one row a line, with no project name, no 项目资金 and no column
header. The rows are the goal indicators of the document's one, unnamed, project. A text with no such
rows (an indicator library with no targets, a 决算 explanation, prose about the goal framework) is
still refused.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.errors import NotAReport
from reportparse.model import Report
from reportparse.parse import UNNAMED_PROJECT, parse_report
from reportparse.readers import extract_document


def _parse(tmp_path: Path, text: str) -> Report:
    path = tmp_path / "fragment.txt"
    path.write_text(text, encoding="utf-8")
    return parse_report(extract_document(path))


def _rows(report: Report) -> list[tuple[str, str, str, Decimal | None]]:
    assert [p.name for p in report.projects] == [UNNAMED_PROJECT]
    return [(i.level, i.name, i.target.raw if i.target else "", i.weight)
            for i in report.projects[0].indicators]


def test_rows_run_together_are_the_unnamed_projects_goal_indicators(tmp_path: Path) -> None:
    text = ("产出指标数量指标培训人次≥300人次 20 质量指标培训合格率≥95% 20 时效指标完成及时率=100% 20 "
            "效益指标社会效益指标持证上岗率≥90% 20 满意度指标服务对象满意度指标学员满意度≥92% 20 合计100 "
            "评价结论按计划完成。存在问题无改进措施无")
    assert _rows(_parse(tmp_path, text)) == [
        ("产出/数量", "培训人次", "≥300人次", Decimal(20)),
        ("产出/质量", "培训合格率", "≥95%", Decimal(20)),
        ("产出/时效", "完成及时率", "=100%", Decimal(20)),
        ("效益/社会效益", "持证上岗率", "≥90%", Decimal(20)),
        ("满意度", "学员满意度", "≥92%", Decimal(20)),
    ]


def test_rows_one_a_line_are_the_unnamed_projects_goal_indicators(tmp_path: Path) -> None:
    text = ("产出指标 数量指标 维修道路长度 ≥12公里 30\n"
            "产出指标 成本指标 每公里维修成本 ≤8万元 20\n"
            "效益指标 可持续影响指标 道路完好率 ≥85% 30\n"
            "满意度指标 服务对象满意度指标 沿线群众满意度 ≥90% 20\n"
            "合计 100\n")
    report = _parse(tmp_path, text)
    assert _rows(report) == [
        ("产出/数量", "维修道路长度", "≥12公里", Decimal(30)),
        ("产出/成本", "每公里维修成本", "≤8万元", Decimal(20)),
        ("效益/可持续影响", "道路完好率", "≥85%", Decimal(30)),
        ("满意度", "沿线群众满意度", "≥90%", Decimal(20)),
    ]
    # each indicator quotes the line it was read from
    assert [i.evidence[0].line for i in report.projects[0].indicators] == [1, 2, 3, 4]


@pytest.mark.parametrize("text", [
    # an indicator library: levels and names, no target, no weight
    "产出指标\n数量指标\n购置数量(台/件)\n质量指标\n验收通过率(%)\n满意度指标\n使用人员满意度(%)\n",
    # a news article naming the levels, with figures that are no row's target and weight
    "记者从市农业农村局获悉，今年全市粮食产出指标稳步提升，总产量达到120万吨，同比增长3%。\n"
    "市民对农产品质量的满意度指标达到95%，较上年提高2个百分点。\n",
    # a 决算 explanation: money, no goal rows
    "2022年度部门决算情况说明\n一、收入支出决算总体情况说明\n2022年度收入总计792.22万元，支出总计799.12万元。\n",
])
def test_a_text_with_no_goal_rows_is_still_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(NotAReport):
        _parse(tmp_path, text)
