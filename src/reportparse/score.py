"""The score stage: recompute indicator scores under a profile.

Only what the formulas can score is filled: an indicator with a weight, a numeric target and a
measured actual in a compatible unit. Where several formulas are accepted (reverse indicators),
the score closest to the claimed one is kept, so a claim that matches either formula stands.
"""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Indicator, Project, Report
from reportparse.scoring import Profile, recompute_indicator


def pick_score(candidates: list[Decimal], claimed: Decimal | None) -> Decimal | None:
    """The first candidate, or the one closest to the claimed score when there are several."""
    if not candidates:
        return None
    if claimed is None or len(candidates) == 1:
        return candidates[0]
    return min(candidates, key=lambda score: abs(score - claimed))


def _indicator(indicator: Indicator, profile: Profile) -> Indicator:
    score = pick_score(recompute_indicator(indicator, profile), indicator.score)
    if score is None:
        return indicator
    return indicator.model_copy(update={"recomputed_score": score})


def _project(project: Project, profile: Profile) -> Project:
    return project.model_copy(update={"indicators": [_indicator(i, profile) for i in project.indicators]})


def score_report(report: Report, profile: Profile) -> Report:
    """Return a copy of the report with `recomputed_score` filled on every indicator that can be scored."""
    return report.model_copy(update={"projects": [_project(p, profile) for p in report.projects]})
