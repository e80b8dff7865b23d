"""The words of a fund and of its money's sources, from `lexicon/fund_words.json`."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from reportparse.lexicondata import lexicon


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    data: dict[str, Any] = lexicon("fund_words.json")
    return data


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def further_source() -> re.Pattern[str]:
    """What a further source of the year's money is called with no verb ('；上级补助48.41万元', '省级追加资金10万元',
    '县级配套资金10万元'), closing the clause before its amount."""
    words = _lexicon()["further_sources"]
    return re.compile(rf"(?:{_alternatives(words['levels'])})?(?:财政)?(?:{_alternatives(words['words'])})"
                      rf"(?:{_alternatives(words['nouns'])})?\s*(?:为|是|[:：])?\s*$")


@lru_cache(maxsize=1)
def fund_endings() -> tuple[str, ...]:
    """What the name of a fund ends in: '资金', '经费', '专项', '转移支付' …"""
    return tuple(_lexicon()["fund_endings"])


@lru_cache(maxsize=1)
def names_opening_with_gong() -> tuple[str, ...]:
    """Words that open a name with 共 ('共青团', '共产党', '共同'): no '共60万元' total before the name."""
    return tuple(_lexicon()["names_opening_with_gong"])


@lru_cache(maxsize=1)
def bare_fund_kinds() -> frozenset[str]:
    """Kinds of money that name no fund ('专项资金', '转移支付资金'): a title's words, no project's name."""
    return frozenset(_lexicon()["bare_fund_kinds"])
