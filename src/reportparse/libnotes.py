"""Library warnings (Python `warnings` and `logging` records of WARNING and above, from pdfminer,
openpyxl, python-docx ...) caught while a file is checked and kept as the result's notes.

They belong to the file they were raised for, so they go into its Result, where JSON readers see
them too; on stderr they would be noise without a file name, mixed into a batch's output.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

_MAX_NOTES = 20  # a broken file can warn once per object; a few say what happened


class _Collect(logging.Handler):
    def __init__(self, lines: list[str]) -> None:
        super().__init__(level=logging.WARNING)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name}: {record.getMessage()}")


@contextmanager
def library_notes() -> Iterator[list[str]]:
    """Collect library warnings raised inside the block; the yielded list is filled when it ends."""
    notes: list[str] = []
    logged: list[str] = []
    handler = _Collect(logged)
    root = logging.getLogger()
    # a root handler also keeps logging's last-resort handler from printing records to stderr
    root.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            # a ResourceWarning is raised when the garbage collector happens to run (jieba leaves its user
            # dictionary open): it belongs to no file, and would land in whichever one is being read then
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                yield notes
            finally:
                raised = [f"warning: {w.category.__name__}: {w.message}" for w in caught]
    finally:
        root.removeHandler(handler)
    notes.extend(_counted(raised + [f"warning: {line}" for line in logged]))


def _counted(lines: list[str]) -> list[str]:
    """Each distinct line once, with its count when repeated; at most _MAX_NOTES lines."""
    counts: dict[str, int] = {}
    for line in lines:
        counts[line] = counts.get(line, 0) + 1
    out = [line if n == 1 else f"{line} (×{n})" for line, n in counts.items()]
    if len(out) > _MAX_NOTES:
        out = [*out[:_MAX_NOTES], f"warning: {len(out) - _MAX_NOTES} more distinct library warnings"]
    return out
