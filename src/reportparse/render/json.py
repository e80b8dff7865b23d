"""JSON and JSONL renderers (the machine contract; validates against schemas/)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reportparse.lazypattern import lazy_compile
from reportparse.model import Result

#: how pydantic's serialiser writes a float that Python's `json` writes otherwise: below 1e-4 `json` writes
#: the exponent with two digits ('1e-05', '1.5e-07'), pydantic '0.00001' and '1.5e-7' (elsewhere the two agree)
_DIFFERENT_FLOAT = lazy_compile(r"0\.0000|\de-")


def result_to_dict(result: Result) -> dict[str, object]:
    """A Result as plain JSON-ready data."""
    data: dict[str, object] = result.model_dump(mode="json")
    return data


def result_json(result: Result) -> str:
    """The Result as `json.dumps(result_to_dict(result), ensure_ascii=False, indent=2)` writes it.

    Written by pydantic's own serialiser, a third of the time of `json`'s indenting encoder (which is in
    Python: 5 ms for a 150 KB result, a tenth of a cold check's own work); the two write the same bytes
    but for a tiny float, and a text where one may stand (or a quote that looks like one) is left to `json`."""
    text = result.model_dump_json(indent=2)
    if _DIFFERENT_FLOAT.search(text):
        return json.dumps(result_to_dict(result), ensure_ascii=False, indent=2)
    return text


def render_json(results: Sequence[Result]) -> str:
    """One object for one file, a list for several."""
    if len(results) == 1:
        return result_json(results[0]) + "\n"
    return json.dumps([result_to_dict(r) for r in results], ensure_ascii=False, indent=2) + "\n"


def render_jsonl(results: Sequence[Result]) -> str:
    """One line per file."""
    return "".join(json.dumps(result_to_dict(r), ensure_ascii=False) + "\n" for r in results)
