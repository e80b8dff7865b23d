"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPORA = REPO / "corpora"


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "docs" / "spec.md").exists():
        pytest.skip("../shared is not present")
    return SHARED
