"""CI gate: the pipeline against the generated corpus with ground truth (`reportparse eval corpora/`).

Floors are what the pipeline reached when they were last set (`python3 corpora/measure_floors.py`):
they may only go up, so a regression fails while progress is free. The goal is 0.9 precision and
recall for every code; codes still below it are marked in FLOORS.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from reportparse.checks.catalogue import CATALOGUE, DOCUMENT_CODES
from reportparse.evaluate import discover, evaluate_cases, summarise

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
# The generated and hand-built sets; corpora/real (real published documents) has its own gate.
GENERATED = [CORPORA / name for name in ("narrative", "forms", "handforms", "handwritten")]
GOAL = 0.9

# code: (precision floor, recall floor); a code missing here must reach GOAL on both.
FLOORS: dict[str, tuple[float, float]] = {
    "actual-restates-target": (1.0, 1.0),
    "budget-rate-mismatch": (1.0, 1.0),
    "budget-score-mismatch": (1.0, 1.0),
    "conflicting-actuals": (1.0, 1.0),
    "cost-indicator-direction": (1.0, 1.0),
    "deviation-reason-missing": (1.0, 1.0),
    "fund-sum-mismatch": (1.0, 1.0),
    "goal-not-reported": (1.0, 1.0),
    "grade-mismatch": (1.0, 1.0),
    "indicator-not-in-goals": (1.0, 1.0),
    "met-but-deducted": (1.0, 1.0),
    "missing-evaluation": (1.0, 1.0),
    "missing-values": (1.0, 1.0),
    "over-executed": (1.0, 1.0),
    "overachieved-full-score": (1.0, 1.0),
    "qualitative-band-mismatch": (1.0, 1.0),
    "score-exceeds-weight": (1.0, 1.0),
    "score-mismatch": (1.0, 1.0),
    "score-sum-mismatch": (1.0, 1.0),
    "target-changed": (1.0, 1.0),
    "target-missed": (1.0, 1.0),
    "target-missed-full-score": (1.0, 1.0),
    "template-text-left": (1.0, 1.0),
    "unexplained-balance": (1.0, 1.0),
    "unit-cost-over-target": (1.0, 1.0),
    "unit-mismatch": (1.0, 1.0),
    "unsupported-score": (1.0, 1.0),
    "vague-target": (1.0, 1.0),
    "weight-structure": (1.0, 1.0),
    "weight-sum-mismatch": (1.0, 1.0),
}
# extraction accuracy floors (share of gold items extracted right) and documents passing
EXTRACTION_FLOORS = {"projects": 1.0, "indicators": 1.0, "scores": 1.0}
PASSED_FLOOR = 1.0


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    docs = evaluate_cases(discover(GENERATED))
    assert docs, "no corpus documents found"
    return summarise(docs)


@pytest.mark.parametrize("code", sorted(DOCUMENT_CODES))
def test_code_precision_and_recall(summary: dict[str, Any], code: str) -> None:
    row = summary["codes"].get(code)
    assert row is not None, f"{code}: no document of the corpus exercises it"
    precision_floor, recall_floor = FLOORS.get(code, (GOAL, GOAL))
    precision = row["precision"] if row["precision"] is not None else 0.0
    assert precision >= precision_floor, f"{code}: precision {precision} < {precision_floor} ({row})"
    assert row["recall"] is not None and row["recall"] >= recall_floor, (
        f"{code}: recall {row['recall']} < {recall_floor} ({row})")


@pytest.mark.parametrize("kind", sorted(EXTRACTION_FLOORS))
def test_extraction_accuracy(summary: dict[str, Any], kind: str) -> None:
    accuracy = summary["extraction"][kind]["accuracy"]
    assert accuracy is not None and accuracy >= EXTRACTION_FLOORS[kind], (kind, summary["extraction"][kind])


def test_documents_passing(summary: dict[str, Any]) -> None:
    share = summary["passed"] / summary["documents"]
    assert share >= PASSED_FLOOR, f"{summary['passed']}/{summary['documents']} documents pass"


def test_floors_name_real_codes() -> None:
    assert set(FLOORS) <= set(CATALOGUE)
    assert all(0 <= p <= 1 and 0 <= r <= 1 for p, r in FLOORS.values())
