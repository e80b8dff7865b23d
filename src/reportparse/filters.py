"""Result → Result: only the findings at or above a severity (`check --min-severity`).

The summary counts what is kept, so every output format shows and counts the same findings. The
CLI's exit code is decided on the results before this filter (see `check --fail-on`).
"""

from __future__ import annotations

from reportparse.model import Result, Severity, Summary

_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def at_least(result: Result, minimum: Severity) -> Result:
    """The result with only the findings whose severity is `minimum` or more serious."""
    if minimum is Severity.INFO:
        return result
    kept = [f for f in result.findings if _RANK[f.severity] <= _RANK[minimum]]
    summary = Summary(error=sum(f.severity is Severity.ERROR for f in kept),
                      warning=sum(f.severity is Severity.WARNING for f in kept),
                      info=sum(f.severity is Severity.INFO for f in kept))
    return result.model_copy(update={"findings": kept, "summary": summary})
