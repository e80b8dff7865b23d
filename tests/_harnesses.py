"""Helpers of the tests of the two layout harnesses, corpora/real/shapes.py (text-dump shapes) and
corpora/real/fileshapes.py (PDF, DOCX and XLSX shapes): loading one by path, and holding its tally over the dev
forms to the FLOORS of its test file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

REAL = Path(__file__).resolve().parent.parent / "corpora" / "real"

#: A shape's floor: (projects, indicators, claimed scores) read right at least, (error/warning findings the gold
#: does not list, made-up projects) at most.
Floors = dict[str, tuple[int, int, int, int, int]]


def load_harness(script: str) -> ModuleType:
    """corpora/real/<script>.py as the module real_<script>, loaded the way the scripts load one another
    (corpora/real/siblings.py: corpora/ is no package)."""
    if str(REAL) not in sys.path:
        sys.path.insert(0, str(REAL))
    from siblings import sibling

    return sibling(script)


def dev_forms() -> list[Path]:
    """The dev forms with a transcribed table, the harnesses' documents."""
    return sorted((REAL / "dev").glob("*.blocks.json"))


def assert_at_floors(results: dict[str, dict[str, object]], floors: Floors, documents: Callable[[str], int],
                     refused: dict[str, int] | None = None) -> None:
    """Every shape of `floors` read all its `documents(shape)` documents, none failed (at most `refused[shape]`: an
    excerpt's few kept rows the readers may rightly refuse to read as a report), and reads at least as well as
    its floor."""
    for shape, (projects, indicators, scores, false_serious, phantoms) in floors.items():
        row = results[shape]
        read = row["documents"]
        failed = row["failed"]
        assert isinstance(read, dict) and len(read) == documents(shape), (shape, sorted(read))
        assert isinstance(failed, int) and failed <= (refused or {}).get(shape, 0), (shape, failed)
        for key, floor in (("projects", projects), ("indicators", indicators), ("scores", scores)):
            right = row[key]
            assert isinstance(right, list) and right[0] >= floor, (shape, key, right, floor)
        wrong, made_up = row["false_serious"], row["phantoms"]
        assert isinstance(wrong, int) and isinstance(made_up, int)
        assert wrong <= false_serious and made_up <= phantoms, (shape, read)
