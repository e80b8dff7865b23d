"""The data files of `reportparse/lexicon/` (label tables, word lists), each read and parsed once per process.

Every reader of a lexicon file derives its own structure from it (compiled patterns, word tuples) and caches
that; the parsed JSON they share is read-only to them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any


@cache
def lexicon(name: str) -> Any:
    """The parsed JSON of `lexicon/<name>` (for example 'form_labels.json')."""
    return json.loads(resources.files("reportparse").joinpath("lexicon", name).read_text("utf-8"))


def alternation(words: Iterable[str]) -> str:
    """A lexicon word list as one regular-expression alternation, each word literal, the longest first (so that
    '全年实际完成' is tried before '完成')."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
