"""Indicator rows of a form flattened into text whose OCR spaced every word apart, the cells' own words too:

    产出指标 数量指标 培训 农民 人数 ≥ 500 人次 520 人次 20 20
    时效指标 培训 完成 时间 10 月 底前 10 月 20 日 15 15
    效益指标 社会效益指标 受训 农民 技能 提升 明显 提升 明显 提升 30 28 部分 学员 参训 时间 不足

A comparator or a unit standing apart from its figure, or a figure apart from its value's words, shows the
spacing; then the name is every word before the
first value, each value runs from its figure to the next one ('10月' '底前' → '10月底前', '10月' '20日' →
'10月20日'), and the reason after the 分值 and 得分 is one text. A row with no figure shows no spacing: its
name is read off a result that repeats its target word for word ('明显 提升 明显 提升'). Rows that fit neither
stay as they are.
"""

from __future__ import annotations

from itertools import pairwise

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.rowtail import glue_units
from reportparse.parse.form.values import plain_decimal

#: A token that opens a value: a figure, or a comparator before one.
_VALUE_START = lazy_compile(r"^[≥≤≧≦<>＞＜=＝]?\d")
#: A value's end that a date's next part continues ('10月' then '20日').
_DATE_PART = lazy_compile(r"(?:年|月)$")
_DAY_OR_MONTH = lazy_compile(r"^\d{1,2}(?:月|日|号)")
#: The most points one indicator row's 分值 holds.
_MAX_ROW_POINTS = 100


def _points_end(tokens: list[str]) -> int | None:
    """Where the row's 分值 and 得分 end (the last pair of bare points, the 得分 no more than the 分值)."""
    for end in range(len(tokens), 1, -1):
        weight, score = plain_decimal(tokens[end - 2]), plain_decimal(tokens[end - 1])
        if weight is not None and score is not None and 0 <= score <= weight <= _MAX_ROW_POINTS:
            return end
    return None


def _values(tokens: list[str]) -> list[str]:
    """The value cells of these tokens: each from a token that opens a value to the next one."""
    out: list[str] = []
    for token in tokens:
        date_goes_on = bool(out) and _DATE_PART.search(out[-1]) is not None and _DAY_OR_MONTH.match(token) is not None
        if out and (date_goes_on or not _VALUE_START.match(token)):
            out[-1] += token
        else:
            out.append(token)
    return out


def _words(tokens: list[str]) -> str:
    """Words of one cell put back together: no space between two Han characters."""
    text = ""
    for token in tokens:
        text += token if not text or (is_han(text[-1]) and is_han(token[0])) else f" {token}"
    return text


def _repeated_tail(words: list[str]) -> int:
    """How many words end the run twice over (a result that repeats its target), 0 when none does."""
    for size in range(len(words) // 2, 0, -1):
        if len(words) > 2 * size and words[-2 * size:-size] == words[-size:]:
            return size
    return 0


def _spaced(body: list[str], glued: list[str]) -> bool:
    """The row shows its cells' words spaced apart: a comparator or a unit stood apart from its figure, or a bare
    figure is followed by the words of its own value ('10' '月底' '前')."""
    return len(glued) < len(body) or any(
        plain_decimal(a) is not None and is_han(b[0]) for a, b in pairwise(glued))


def rejoin_word_spaced(tokens: list[str], values_count: int) -> list[str]:
    """A row's tokens from its name on, with the words an OCR spaced apart joined into the row's cells: the name,
    `values_count` values, the 分值 and 得分, the reason. The tokens as they are where the row shows no such
    spacing or its cells do not come out whole."""
    end = _points_end(tokens)
    if end is None or values_count < 1:
        return tokens
    body, points, reason = tokens[:end - 2], tokens[end - 2:end], tokens[end:]
    glued = glue_units(body, glue_comparators=True)
    first = next((i for i, token in enumerate(glued) if _VALUE_START.match(token)), None)
    if _spaced(body, glued) and first is not None and first > 1:
        name, values = _words(glued[:first]), _values(glued[first:])
    elif first is None and (size := _repeated_tail(glued)) and len(glued) > 2 * size + 1 and values_count == 2:
        name, values = _words(glued[:-2 * size]), [_words(glued[-size:])] * 2
    else:
        return tokens
    if len(values) != values_count or any(not is_han(ch) for ch in name[:1]):
        return tokens
    return [name, *values, *points, *([_words(reason)] if reason else [])]
