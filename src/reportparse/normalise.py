"""The normalise stage: numbers, units, comparators and quantities. (stub, see issue 2)"""

from __future__ import annotations

from reportparse.model import Report


def normalise_report(report: Report) -> Report:
    """Bring every quantity of the report to canonical units; compute derived values."""
    return report
