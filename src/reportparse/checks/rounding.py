"""How far a claimed score may sit from the formula's before it is a mismatch.

The profile's tolerance (0.05) is for forms that print scores with decimals. A form that prints every
score as a whole number has rounded them: scoring-rules R3 C3.2 allows ±0.5 there ("or ±0.5 if the form
shows integers"), and the same holds for its indicator rows (an 18 for the formula's 18.4 is rounding,
not a wrong score). A full score is never rounding: a claimed 10 of 10 where the formula gives 9.6 is the
full mark for what was not fully done (C3.3, P6), so it keeps the profile's tolerance.
"""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Project

#: half a point: the most a score printed as a whole number can be off by rounding
WHOLE_POINT_SLACK = Decimal("0.5")

#: fewer claimed scores than this say nothing about how the form prints them
_MIN_SCORES = 3


def prints_whole_points(project: Project) -> bool:
    """Does the project's form print every claimed score (its rows' and its budget's) as a whole number?"""
    scores = [i.score for i in project.indicators if i.score is not None]
    if project.budget.score is not None:
        scores.append(project.budget.score)
    return len(scores) >= _MIN_SCORES and all(s == s.to_integral_value() for s in scores)


def score_slack(project: Project, score: Decimal, weight: Decimal | None, tolerance: Decimal) -> Decimal:
    """The tolerance for one claimed score: the profile's, or half a point on a whole-point form when the
    score is below its weight."""
    if weight is not None and score < weight and prints_whole_points(project):
        return max(tolerance, WHOLE_POINT_SLACK)
    return tolerance
