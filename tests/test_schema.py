"""The checked-in JSON Schemas must match the pydantic models."""

from __future__ import annotations

from reportparse.schema import schema_texts
from tests.conftest import REPO


def test_schemas_do_not_drift() -> None:
    for name, text in schema_texts().items():
        path = REPO / "schemas" / name
        assert path.exists(), f"schemas/{name} missing: run `reportparse schema`"
        assert path.read_text(encoding="utf-8") == text, f"schemas/{name} drifted: run `reportparse schema`"
