"""Figures no form can print, and rows whose cells a dump shifted, are misreads that no check judges
(checks/rowread.py, checks/scores.py, checks/budget.py); the same figures read right still raise."""

from __future__ import annotations

import pytest

from ._builders import actual, indicator, line, project, report, run, target

_LEVELS = [line("产出", 50, 50), line("效益", 30, 30), line("满意度", 10, 10)]


@pytest.mark.parametrize("score", [110, 100.5])
def test_a_budget_score_above_the_forms_hundred_is_a_misread(score: float) -> None:
    rep = report(project(planned=100, executed=100, budget_weight=10, budget_score=score, scores=_LEVELS),
                 layout="form")
    assert run(rep, "score-exceeds-weight") == [] and run(rep, "budget-score-mismatch") == []


def test_a_budget_score_above_its_weight_still_raises() -> None:
    rep = report(project(planned=100, executed=100, budget_weight=10, budget_score=11, scores=_LEVELS),
                 layout="form")
    assert len(run(rep, "score-exceeds-weight")) == 1


@pytest.mark.parametrize(("name", "tgt"), [
    ("每平方米维修成本（≤80.", target("76.9", "=", 76.9, None)),
    ("群众满意度≥95", target("96", "=", 96, None)),
    ("学生营养健康状况改善有所改善", target("明显改善", "qualitative")),
    ("村民环境卫生意识逐步增强", target("增强明显", "qualitative")),
])
def test_a_row_whose_name_holds_its_target_left_no_result_empty(name: str, tgt: object) -> None:
    row = indicator(name, "产出/数量", tgt, [actual("", kind="empty")], weight=10, score=10)  # type: ignore[arg-type]
    assert run(report(project(indicators=[row]), layout="form"), "missing-values") == []


def test_a_row_with_its_result_left_empty_still_raises() -> None:
    row = indicator("每平方米维修成本", "产出/成本", target("≤80元", "<=", 80, "元"), [actual("", kind="empty")],
                    weight=10, score=10)
    assert len(run(report(project(indicators=[row]), layout="form"), "missing-values")) == 1


def _rows(unread_weight: bool) -> list[object]:
    return [indicator("校舍面积", "产出/数量", target("≥12000", ">=", 12000, None), [actual("12350", 12350)],
                      weight=20, score=20),
            indicator("验收合格率", "产出/质量", target("≥95%", ">=", 95, "%"), [actual("96%", 96, "%")],
                      weight=None if unread_weight else 10, score=None if unread_weight else 10)]


def test_a_total_over_levels_a_row_without_its_weight_left_short_is_not_judged() -> None:
    levels = [line("预算执行", 10, 10), line("产出", 20, 20), line("效益", 30, 30), line("满意度", 10, 10),
              line("总分", 100, 80)]
    rep = report(project(indicators=_rows(True), scores=levels), layout="form")  # type: ignore[arg-type]
    assert [f for f in run(rep, "score-exceeds-weight") if "各部分分值之和" in f.message] == []


def test_a_total_over_complete_levels_still_raises() -> None:
    levels = [line("预算执行", 10, 10), line("产出", 30, 30), line("效益", 30, 30), line("满意度", 10, 10),
              line("总分", 100, 95)]
    rep = report(project(indicators=_rows(False), scores=levels), layout="form")  # type: ignore[arg-type]
    assert [f for f in run(rep, "score-exceeds-weight") if "各部分分值之和" in f.message] != []
