"""An indicator's own words in a clause: what tells that a clause reports that indicator and not another.

Its two-character words (generic and level words left out) and the rate word its name ends with,
written plainly or with a character inserted, and, between equally good candidates, its segmented
words. Split out of parse/actuals, which links the prose's quantities to indicators with them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportparse.han import one_han_between
from reportparse.model import Indicator, Project
from reportparse.parse.names import GENERIC
from reportparse.parse.quantities import Mention
from reportparse.parse.sections import LEVEL_WORDS

_STOP_GRAMS = {w for w, _ in LEVEL_WORDS} | {"完成", "情况", "指标", "目标", "数量", "年度", "全年", "实际", "达到"}


@lru_cache(maxsize=4096)
def keywords(name: str) -> frozenset[str]:
    """The indicator's own two-character words (generic and level words left out)."""
    grams = {name[i:i + 2] for i in range(len(name) - 1)}
    return frozenset(g for g in grams if not re.search(r"[\W\d]", g) and g not in _STOP_GRAMS
                     and not any(g in w for w in GENERIC))


def tail_word(name: str) -> str | None:
    """The rate/degree word an indicator name ends with (满意度, 完成率 …), if any."""
    for word in ("满意度", "满意率", "覆盖率", "及时率", "合格率", "达标率", "完成率", "知晓率", "使用率"):
        if name.endswith(word):
            return word
    return None


def plainly_named(name: str, clause: str) -> bool:
    """Does the clause write the indicator's name, or two of its own words (its rate word counting as one)?"""
    tail = tail_word(name)
    hits = sum(1 for g in keywords(name) if g in clause) + (1 if tail and tail in clause else 0)
    return name in clause or hits >= 2


def loosely_named(mention: Mention, clause: str,
                  scored: list[tuple[int, int, Project, Indicator]]) -> tuple[Project, Indicator] | None:
    """The one indicator of the sentence's project with the quantity's exact unit, when the clause
    writes one of its words with a character inserted (老人 ~ 老年人, 学生 ~ 学龄生): a shortened
    compound in the goal name. Only counts (not %, money or time), only when no other indicator of
    that project shares the unit."""
    if mention.unit in (None, "%", "元", "h") or len({id(c[2]) for c in scored}) != 1:
        return None
    exact = [c for c in scored if c[3].target is not None and c[3].target.unit == mention.unit]
    if len(exact) != 1:
        return None
    _, _, project, indicator = exact[0]
    grams = keywords(indicator.name)
    if any(one_han_between(g[0], g[1], clause) for g in grams):
        return project, indicator
    return None


def tie_break(clause: str, tied: list[tuple[Project, Indicator]]) -> tuple[Project, Indicator] | None:
    """Of indicators sharing equally many characters with a clause, the one sharing most *words*.

    Character bigrams leave out generic words (维护, 设备, 培训 …) and split words at random
    boundaries; between equal candidates the segmented words are what tells them apart
    ('完成设备维护 12 台次' → 设备维护次数, not 设备采购数量). Only this rare path loads jieba.
    """
    from reportparse.parse.tokens import pick_by_words

    chosen = pick_by_words(clause, [ind.name for _, ind in tied])
    return None if chosen is None else tied[chosen]
