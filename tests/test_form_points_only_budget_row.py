"""A 项目资金/部门预算执行 block whose one row leaves the amounts empty and fills only the rate, its 分值 (or
权重) and its 得分: the block's points are still the budget's weight and score. Made-up forms in a
spreadsheet (two wordings of the header) and as '|' rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project, run
from tests._workbooks import checked, sheet

HEADERS = [
    ["部门预算执行情况(万元)", "年初预算数", "全年(调整)预算数", "全年执行数", "执行率(%)", "执行率权重",
     "执行率得分(分)"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
]


def _rows(header: list[str], rate: str, weight: str, score: str) -> list[list[str | None]]:
    row: list[str | None] = [None, None, None, None, rate, weight, score]  # the amounts left empty
    return [
        ["某区文化馆部门整体绩效自评表", None, None, None, None, None, None],
        ["主管部门", "某区文化旅游委", None, None, "自评总分(分)", "96.5", None],
        header,
        row,
        ["指标名称", "计量单位", "年初指标值", "全年完成值", "指标权重(分)", "指标得分(分)", "是否核心指标"],
        ["开展惠民演出场次", "场", "≥40", "46", "45", "45", "是"],
        ["群众满意度", "%", "≥90%", "95%", "45", "45", "否"],
    ]


@pytest.mark.parametrize("header", HEADERS, ids=["权重", "分值"])
def test_the_points_of_a_block_with_no_amounts_are_read(tmp_path: Path, header: list[str]) -> None:
    project = only_project(checked(tmp_path, sheet(_rows(header, "65%", "10", "6.5"))))
    assert project.budget.weight == Decimal("10") and project.budget.score == Decimal("6.5")
    assert any(line.level == "预算执行" and line.score == Decimal("6.5") for line in project.scores)


def test_the_same_in_pipe_rows(tmp_path: Path) -> None:
    rows = _rows(HEADERS[1], "88%", "20", "17.6")
    text = "\n".join(" | ".join(cell or "" for cell in row) + " |" for row in rows) + "\n"
    project = only_project(run(tmp_path, text))
    assert project.budget.weight == Decimal("20") and project.budget.score == Decimal("17.6")


def test_a_row_with_no_score_is_not_taken_for_the_block(tmp_path: Path) -> None:
    """Only a weight and a score together make the row the block's: a lone rate says nothing of points."""
    project = only_project(checked(tmp_path, sheet(_rows(HEADERS[1], "70%", "", ""))))
    assert project.budget.score is None
