"""The score stage: recompute budget and indicator scores under a profile. (stub)"""

from __future__ import annotations

from reportparse.model import Report
from reportparse.scoring import Profile


def score_report(report: Report, profile: Profile) -> Report:
    """Fill `recomputed_score` on every indicator the formulas can score."""
    return report
