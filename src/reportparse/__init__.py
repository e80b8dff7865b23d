"""reportparse: read Chinese budget-performance self-evaluation reports (绩效自评报告, 自评表),
recompute their scores and sums, and flag every inconsistency with the evidence that shows it.

    >>> import reportparse
    >>> result = reportparse.check("report.pdf")          # doctest: +SKIP
    >>> [f.code for f in result.findings]                 # doctest: +SKIP

The names below are imported on first use: `import reportparse` (and so `reportparse --help`)
does not pay for pydantic and the models until a command needs them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportparse.model import Document, Finding, Report, Result
    from reportparse.pipeline import check, extract

__all__ = ["Document", "Finding", "Report", "Result", "check", "extract"]
__version__ = "0.1.0"

_LAZY = {"Document": "reportparse.model", "Finding": "reportparse.model", "Report": "reportparse.model",
         "Result": "reportparse.model", "check": "reportparse.pipeline", "extract": "reportparse.pipeline"}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'reportparse' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups find it directly
    return value
