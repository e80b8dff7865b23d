"""reportparse: read Chinese budget-performance self-evaluation reports (绩效自评报告, 自评表),
recompute their scores and sums, and flag every inconsistency with the evidence that shows it.

    >>> import reportparse
    >>> result = reportparse.check("report.pdf")          # doctest: +SKIP
    >>> [f.code for f in result.findings]                 # doctest: +SKIP
"""

from __future__ import annotations

from reportparse.model import Document, Finding, Report, Result
from reportparse.pipeline import check, extract

__all__ = ["Document", "Finding", "Report", "Result", "check", "extract"]
__version__ = "0.1.0"
