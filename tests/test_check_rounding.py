"""Scores printed as whole points are rounded: half a point is no mismatch (scoring-rules R3 C3.2), a full
score for what was not fully done still is (C3.3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.checks.rounding import prints_whole_points, score_slack

from ._builders import actual, indicator, project, report, run, target

TOLERANCE = Decimal("0.05")


def _rows(first_score: float, other_scores: tuple[float, ...] = (10, 20)) -> list:
    """A row whose formula gives 18.4 of 20 (92 of ≥100 people), then rows that met their targets."""
    rows = [indicator("培训人数", tgt=target("≥100人", ">=", 100, "人"), actuals=[actual("92人", 92, "人")],
                      weight=20, score=first_score)]
    for n, score in enumerate(other_scores):
        rows.append(indicator(f"指标{n}", tgt=target("≥1个", ">=", 1, "个"), actuals=[actual("1个", 1, "个")],
                              weight=score, score=score))
    return rows


@pytest.mark.parametrize(("score", "others", "fires"), [
    (18, (10, 20), False),  # every score a whole number: 18 is 18.4 rounded
    (18, (9.5, 20), True),  # a form that prints halves does not round to whole points
    (17, (10, 20), True),  # more than half a point off
    (18.0, (10,), True),  # two scores say nothing about how the form prints them
])
def test_a_whole_point_form_rounds_row_scores(score: float, others: tuple[float, ...], fires: bool) -> None:
    found = run(report(project(indicators=_rows(score, others))), "score-mismatch")
    assert [f.indicator for f in found if f.indicator == "培训人数"] == (["培训人数"] if fires else [])


@pytest.mark.parametrize(("executed", "score", "fires"), [
    (37.24, 9, False),  # 10 × 37.24/43.2 = 8.62, printed 9 on a whole-point form
    (37.24, 8, True),  # 0.62 off: more than rounding
    (41.5, 10, True),  # 9.61 claimed as the full 10: no rounding gives the full mark (C3.3)
])
def test_a_whole_point_form_rounds_the_budget_score(executed: float, score: int, fires: bool) -> None:
    rep = report(project(planned=43.2, executed=executed, budget_weight=10, budget_score=score,
                         indicators=_rows(18, (10, 20))))
    assert bool(run(rep, "budget-score-mismatch")) is fires


def test_slack_is_only_for_scores_below_their_weight_on_whole_point_forms() -> None:
    whole = project(indicators=_rows(18, (10, 20)))
    halves = project(indicators=_rows(18, (9.5, 20)))
    assert prints_whole_points(whole) and not prints_whole_points(halves)
    assert score_slack(whole, Decimal(18), Decimal(20), TOLERANCE) == Decimal("0.5")
    assert score_slack(whole, Decimal(20), Decimal(20), TOLERANCE) == TOLERANCE
    assert score_slack(halves, Decimal(18), Decimal(20), TOLERANCE) == TOLERANCE
