"""JSON and JSONL renderers (the machine contract; validates against schemas/)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reportparse.model import Result


def result_to_dict(result: Result) -> dict[str, object]:
    """A Result as plain JSON-ready data."""
    data: dict[str, object] = result.model_dump(mode="json")
    return data


def render_json(results: Sequence[Result]) -> str:
    """One object for one file, a list for several."""
    data: object = (
        result_to_dict(results[0]) if len(results) == 1 else [result_to_dict(r) for r in results]
    )
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_jsonl(results: Sequence[Result]) -> str:
    """One line per file."""
    return "".join(json.dumps(result_to_dict(r), ensure_ascii=False) + "\n" for r in results)
