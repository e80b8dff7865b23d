"""The data files of `reportparse/lexicon/` (label tables, word lists), each read and parsed once per process.

Every reader of a lexicon file derives its own structure from it (compiled patterns, word tuples) and caches
that; the parsed JSON they share is read-only to them.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def lexicon(name: str) -> Any:
    """The parsed JSON of `lexicon/<name>` (for example 'form_labels.json')."""
    return json.loads(resources.files("reportparse").joinpath("lexicon", name).read_text("utf-8"))
