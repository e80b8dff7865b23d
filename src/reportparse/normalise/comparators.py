"""Comparators: the symbols and words that say how a value relates to a target.

Prefix words stand before the number (≥, 不少于, 控制在); suffix words follow the number and its
unit (以上, 以内). Longer words are tried first so that 不低于 (≥) is never read as 低于 (<).
"""

from __future__ import annotations

from reportparse.model import Comparator
from reportparse.normalise.numbers import fold_width

#: words written before a number
PREFIX_COMPARATORS: dict[str, Comparator] = {
    # ≥
    "≥": ">=", "≧": ">=", "⩾": ">=", ">=": ">=", "=>": ">=", "≮": ">=", "大于等于": ">=", "大于或等于": ">=",
    "不少于": ">=", "不低于": ">=", "不小于": ">=", "至少": ">=", "达到": ">=", "不得少于": ">=",
    "不得低于": ">=", "最少": ">=", "最低": ">=", "高于或等于": ">=", "多于或等于": ">=",
    # >
    ">": ">", "大于": ">", "高于": ">", "超过": ">", "超": ">", "多于": ">", "逾": ">",
    # ≤
    "≤": "<=", "≦": "<=", "⩽": "<=", "<=": "<=", "=<": "<=", "≯": "<=", "小于等于": "<=", "小于或等于": "<=",
    "不超过": "<=", "不高于": "<=", "不大于": "<=", "不多于": "<=", "不得超过": "<=", "不得高于": "<=",
    "不得大于": "<=", "控制在": "<=", "至多": "<=", "最多": "<=", "最高": "<=", "低于或等于": "<=",
    "不超": "<=",
    # <
    "<": "<", "小于": "<", "低于": "<", "少于": "<",
    # =
    "=": "=", "等于": "=", "为": "=", "﹦": "=", "═": "=",  # small and box-drawing equals of web tables
}
#: words written after a number and its unit
SUFFIX_COMPARATORS: dict[str, Comparator] = {
    "及以上": ">=", "或以上": ">=", "以上": ">=",
    "及以下": "<=", "或以下": "<=", "以下": "<=", "以内": "<=", "之内": "<=", "内": "<=",
    "以前": "<=", "之前": "<=", "前": "<=",  # a deadline: '9月前' is met by 7月
}
#: words that mark a value as approximate (before / after the number)
APPROX_PREFIXES: tuple[str, ...] = ("大约", "约", "将近", "接近", "近", "逾", "超", "大概", "预计")
APPROX_SUFFIXES: tuple[str, ...] = ("左右", "上下", "以上", "及以上", "多", "余")
#: comparator words that, written alone in a 指标性质 cell, name a direction
DIRECTION_WORDS: dict[str, Comparator] = {
    "定性": "qualitative", "正向": ">=", "反向": "<=", "等于": "=", "大于等于": ">=", "小于等于": "<=",
}

_PREFIX_LONGEST_FIRST = tuple(sorted(PREFIX_COMPARATORS, key=len, reverse=True))
_SUFFIX_LONGEST_FIRST = tuple(sorted(SUFFIX_COMPARATORS, key=len, reverse=True))
_ALL_TOKENS: tuple[tuple[str, Comparator], ...] = tuple(
    sorted({**PREFIX_COMPARATORS, **SUFFIX_COMPARATORS}.items(), key=lambda kv: len(kv[0]), reverse=True)
)
# single characters that are comparators only right before a number, never inside prose
_ADJACENT_ONLY = {"为", "超", "逾", "内"}


def _by_last_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[-1], []).append(word)
    return {last: tuple(group) for last, group in index.items()}


_PREFIX_BY_LAST = _by_last_char(_PREFIX_LONGEST_FIRST)


def comparator_before(text: str, end: int) -> tuple[Comparator, int, str] | None:
    """The comparator written right before offset `end` (spaces allowed); (comparator, start, word)."""
    pos = end
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    if pos == 0:
        return None
    for word in _PREFIX_BY_LAST.get(text[pos - 1], ()):
        if text.startswith(word, pos - len(word)) and pos - len(word) >= 0:
            return PREFIX_COMPARATORS[word], pos - len(word), word
    return None


def comparator_after(text: str, start: int) -> tuple[Comparator, int, str] | None:
    """The comparator written right after offset `start` (spaces allowed); (comparator, end, word)."""
    pos = start
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    for word in _SUFFIX_LONGEST_FIRST:
        if text.startswith(word, pos):
            return SUFFIX_COMPARATORS[word], pos + len(word), word
    return None


def parse_comparator(text: str | None) -> Comparator | None:
    """The comparator a text states: '≥95%' → '>=', '不超过一周' → '<=', '定性' → 'qualitative'.

    The earliest comparator word wins (the longest one at that position); None when there is none.
    Single-character words like 为 or 内 count only when the text is that word alone.
    """
    if not text:
        return None
    folded = fold_width(text).strip()
    if folded in DIRECTION_WORDS:
        return DIRECTION_WORDS[folded]
    best: tuple[int, int, Comparator] | None = None
    for word, comparator in _ALL_TOKENS:
        if len(word) == 1 and word in _ADJACENT_ONLY and folded != word:
            continue
        pos = folded.find(word)
        if pos < 0:
            continue
        key = (pos, -len(word))
        if best is None or key < best[:2]:
            best = (pos, -len(word), comparator)
    if best is not None:
        return best[2]
    for word, comparator in DIRECTION_WORDS.items():
        if word in folded:
            return comparator
    return None
