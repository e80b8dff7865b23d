"""Quantities in running text: number + unit, with the comparator and approximation words around it.

`find_quantities` scans a sentence left to right and returns one `QuantityMatch` per quantity,
with character offsets into the original text (full-width forms are folded one character at a
time, so offsets never shift). Dates (2021年12月31日, 12月底) and ordinals (第3) are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, getcontext
from fractions import Fraction

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.model import Comparator, Quantity
from reportparse.normalise.comparators import (
    APPROX_PREFIXES,
    comparator_after,
    comparator_before,
)
from reportparse.normalise.numbers import (
    CN_DIGITS,
    apply_multiplier,
    fold_width,
    is_cn_numeral_char,
    scan_number,
)
from reportparse.normalise.units import (
    PER_ONLY_PARTS,
    RATE_JOINERS,
    RATE_OPENERS,
    TOKENS_LONGEST_FIRST,
    UNIT_TABLE,
    apply_scale,
    canonical_unit,
    unit_family,
)
from reportparse.t2s import simplified


@dataclass(frozen=True)
class QuantityMatch:
    """One quantity found in a text: its span, the parsed quantity and the comparator written with it.

    `start`/`end` cover the comparator and approximation words too (不少于 15 分钟左右);
    `number_start`/`number_end` cover only the number (or range) and its unit (15 分钟).
    `written_unit` is the unit token as written (万元, 天) and `scale` the factor that turned the
    written number into `quantity.value`; both help a caller apply the same unit to a bare number.
    `comparator_words` are the comparator words as written, the one before the number first
    (不少于, 以上), so a caller can tell a restated requirement from a reported figure.
    """

    start: int
    end: int
    quantity: Quantity
    comparator: Comparator | None = None
    number_start: int = 0
    written_unit: str | None = None
    scale: Fraction = Fraction(1)
    number_end: int = 0
    comparator_words: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Unit:
    """A unit read after a number: the token as written, its canonical unit, the scale to it, where it ends."""

    token: str
    canonical: str
    scale: Fraction
    end: int


_DATE = lazy_compile(
    r"(?:19|20)\d{2}\s*(?:[-~至到—–]\s*(?:19|20)?\d{2}\s*)?年(?:度|份|初|底|末|中)?"
    r"(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|\d{1,2}\s*月(?:份|底|末|初|中旬|上旬|下旬|中)"
    r"|\d{1,2}\s*[日号](?=\s*(?:前|以前|之前|起|止))"
)
# a unit is not a unit when these follow it: 一部分, 一次性, 5G网络, 一站式
_WORD_AFTER_UNIT = set("分性龙样般致些切定直起体式化手同道批")
_NOT_AFTER_G = set("网基信通手技终覆时专")
_CN_REJECT_BEFORE = set("第统同唯逐进之单专其某初每万之星礼周")
_CN_REJECT_UNITS = {"分", "度", "h", "H", "M", "G", "T", "C", "m", "km", "min", "hr"}
_RANGE_DASHES = "-~—–至到"
_HALF = Decimal("0.5")
_CANDIDATE = lazy_compile(r"[百千]分之|(?<![上下前后多大一])半|[0-9零〇○一二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾]")
_FRACTION_WORDS = {"百分之": ("%", "%"), "千分之": ("‰", "‰")}
_CURRENCY_SIGNS = "¥￥"
_DATE_HINT = lazy_compile(r"[年月日号]")
#: a date written with dots or slashes, which no number is: a day ('2023.11.30', '2023/6/1', a period of days
#: '2023.1.1-12.31'), or a period of months from year to year ('2023.01-2023.12'); a time, not a quantity
_DOTTED_DATE = lazy_compile(
    r"(?:19|20)\d{2}([.．/])\d{1,2}\1\d{1,2}(?!\d)"
    r"(?:\s*[-~至到—–]\s*(?:(?:19|20)\d{2}[.．/])?\d{1,2}[.．/]\d{1,2}(?![\d.]))?"
    r"|(?:19|20)\d{2}[.．/](?:0?[1-9]|1[0-2])\s*[-~至到—–]\s*(?:19|20)\d{2}[.．/](?:0?[1-9]|1[0-2])(?![\d.])")
_INCLUSIVE = lazy_compile(r"\s*[(（]含[)）]")
_APPROX_LONGEST_FIRST = tuple(sorted(APPROX_PREFIXES, key=len, reverse=True))
_DURATION_LIKE = {"duration", "workday", "month", "year", "quarter"}


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def _tokens_by_first_char() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for token in TOKENS_LONGEST_FIRST:
        index.setdefault(token[0], []).append(token)
    return {first: tuple(tokens) for first, tokens in index.items()}


_UNITS_BY_FIRST = _tokens_by_first_char()


def _match_unit(text: str, pos: int, chinese_number: bool) -> _Unit | None:
    """The longest unit token at `pos` (spaces skipped), with an optional per-unit denominator."""
    pos = _skip_spaces(text, pos)
    for token, nxt in _tokens_at(text, pos):
        if token == "G" and nxt in _NOT_AFTER_G:
            continue
        if chinese_number and (token in _CN_REJECT_UNITS or nxt in _WORD_AFTER_UNIT):
            continue
        canonical, scale = UNIT_TABLE[token]
        return _with_denominator(text, _Unit(token, canonical, scale, pos + len(token)))
    return None


def _tokens_at(text: str, pos: int) -> Iterator[tuple[str, str]]:
    """The unit tokens written at `pos`, longest first, each with the character after it ('' at the end).
    A Latin token that only begins a longer Latin word is none: 'h' in 'https', 'M' in 'Mo', 'm' in 'mm'."""
    if pos >= len(text):
        return
    for token in _UNITS_BY_FIRST.get(text[pos], ()):
        if not text.startswith(token, pos):
            continue
        end = pos + len(token)
        nxt = text[end] if end < len(text) else ""
        if token.isascii() and nxt.isascii() and nxt.isalpha():
            continue
        yield token, nxt


def _with_denominator(text: str, unit: _Unit) -> _Unit:
    """Extend a unit with the denominator of a rate when one follows, whole: 万元/部 → 元/部, 元/人*月,
    元/人/月, 元/(人·月) and 元每人每月 → 元/人·月. A part must be a known unit other than money."""
    opener = unit.end
    if opener >= len(text) or text[opener] not in RATE_OPENERS:
        return unit
    pos = opener + 1
    bracketed = pos < len(text) and text[pos] in "(（"
    pos += bracketed
    parts: list[str] = []
    while (part := _per_part(text, pos)) is not None:
        parts.append(part)
        pos += len(part)
        joined = pos + 1 < len(text) and (text[pos] in RATE_JOINERS or text[pos] == "、")
        after = _per_part(text, pos + 1) if joined else None
        if after is None or (text[pos] == "、" and after not in _LISTED_SPANS):
            break
        pos += 1
    if bracketed:
        if not parts or pos >= len(text) or text[pos] not in ")）":
            return unit
        pos += 1
    if not parts:
        return unit
    written = unit.token + text[opener:pos]
    canon = canonical_unit(written)
    if canon is None:
        return unit
    return _Unit(written, canon[0], canon[1], pos)


#: the spans a 、 may join to a denominator as a form's cell writes it: '元/人、天' is 元 per person-day (per
#: person per day); after another word a 、 lists the next item ('50元/人、30元/户')
_LISTED_SPANS = frozenset({"天", "日", "次", "月", "年", "小时"})


def _per_part(text: str, pos: int) -> str | None:
    """The longest known unit at `pos` that may be a part of a rate's denominator (not money)."""
    for token, _ in _tokens_at(text, pos):
        return None if unit_family(token) == "money" else token
    return next((part for part in PER_ONLY_PARTS if text.startswith(part, pos)), None)


#: a section number and its space ('3.2 绩效分析'); a Han character must follow (see `_section_number`)
_SECTION_NUMBER = lazy_compile(r"\d{1,2}(?:\.\d{1,2}){1,3}\s+")
_ENUMERATOR = lazy_compile(r"\d{1,2}(?:、|\.(?=[^\d\s.])|\s*[)）](?!\s*\d))|[一二三四五六七八九十]{1,3}、")


def _section_number(folded: str, pos: int) -> re.Match[str] | None:
    """A section number at `pos` that a Han character follows. The pattern once ended in the lookahead
    `(?=[\\u4e00-\\u9fff])`; it is tested on the match's end instead, which decides alone: any shorter match
    of the number ends before a space, a digit or a dot, never before a Han character."""
    section = _SECTION_NUMBER.match(folded, pos)
    if section is not None and section.end() < len(folded) and is_han(folded[section.end()]):
        return section
    return None


def _is_enumerator(folded: str, pos: int) -> bool:
    """True for a list number: '1、', '2.预算', '（3）', '三、', a line-leading '3.2 绩效分析'."""
    m = _ENUMERATOR.match(folded, pos)
    if m is None:
        section = _section_number(folded, pos) if pos == 0 or folded[pos - 1] == "\n" else None
        # 3.2 绩效分析 is a heading; 5.45 万元 is an amount (a unit or multiplier follows)
        return section is not None and _match_unit(folded, section.end(), False) is None and (
            folded[section.end()] not in "十百千万亿多余")
    if m.group().rstrip().endswith((")", "）")):
        # （1） opens a list item only at the start of a line or clause; 产出指标（50） is a weight
        return pos > 0 and folded[pos - 1] in "(（" and (pos < 2 or folded[pos - 2] in " \t\n。；;，,：:")
    return True


def _number_start_ok(folded: str, pos: int) -> bool:
    """Whether a number may start at `pos`: not inside a word like 'G20', not an ordinal (第3)."""
    if pos == 0:
        return True
    before = folded[pos - 1]
    if before.isascii() and (before.isalnum() or before in "._"):
        return False
    if folded[pos].isdigit():
        return before != "第"
    return before not in _CN_REJECT_BEFORE and not is_cn_numeral_char(before)


def _read_number_and_unit(
    folded: str, pos: int
) -> tuple[Decimal, int, _Unit | None, bool, Fraction] | None:
    """Read number (+ multiplier) (+ 多/余) (+ unit) at `pos`: (value, end, unit, approx, scale)."""
    word = folded[pos:pos + 3]
    if word in _FRACTION_WORDS:
        return _read_fraction_word(folded, pos, word)
    if folded[pos] == "半":  # 半小时, 半年: a half needs a unit of time
        half_unit = _match_unit(folded, pos + 1, True)
        if half_unit is None or unit_family(half_unit.canonical) not in _DURATION_LIKE:
            return None
        return apply_scale(_HALF, half_unit.scale), half_unit.end, half_unit, False, half_unit.scale
    scanned = scan_number(folded, pos)
    if scanned is None:
        return None
    value, end = scanned
    chinese = not folded[pos].isdigit()
    approx = False
    if folded.startswith("个半", _skip_spaces(folded, end)):  # 1个半小时, 两个半月
        value, end = value + _HALF, _skip_spaces(folded, end) + 2
    unit = _match_unit(folded, end, chinese)
    if unit is None and not chinese:
        value, end = apply_multiplier(folded, value, end)
    if unit is None:
        after = _skip_spaces(folded, end)
        if after < len(folded) and folded[after] in "多余" and not folded.startswith("余额", after):
            approx, end = True, after + 1
        unit = _match_unit(folded, end, chinese)
    scale = Fraction(1)
    if unit is not None:
        scale = unit.scale
        if folded.startswith("半", unit.end) and unit_family(unit.canonical) in _DURATION_LIKE:  # 一年半
            value, unit = value + _HALF, _Unit(unit.token, unit.canonical, unit.scale, unit.end + 1)
        value, end = apply_scale(value, unit.scale), unit.end
    return value, end, unit, approx, scale


def _read_fraction_word(
    folded: str, pos: int, word: str
) -> tuple[Decimal, int, _Unit | None, bool, Fraction] | None:
    """百分之九十五 → 95 %, 百分之百 → 100 %, 千分之五 → 5 ‰."""
    number_pos = pos + len(word)
    token, canonical = _FRACTION_WORDS[word]
    if folded.startswith("百", number_pos) and not folded.startswith("百分", number_pos):
        scanned: tuple[Decimal, int] | None = (Decimal(100), number_pos + 1)
        if number_pos + 1 < len(folded) and (folded[number_pos + 1] in "零〇" or folded[number_pos + 1].isdigit()):
            scanned = scan_number(folded, number_pos)
    else:
        scanned = scan_number(folded, number_pos)
    if scanned is None:
        return None
    value, end = scanned
    return value, end, _Unit(token, canonical, Fraction(1), end), False, Fraction(1)


def _tidy(value: Decimal) -> Decimal:
    """Drop meaningless trailing zeros without switching to exponent notation."""
    if value.adjusted() >= getcontext().prec:
        return value  # more digits than quantize may write: no report's figure, left as read
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity in `text`, in order: value in canonical units, comparator, approx, range upper.

    Arabic numbers are returned with or without a unit. Chinese numerals are returned only with a
    unit or a comparator (or when they are the whole text), because 一 and 十 are common in words.
    """
    # (full-width figures in ASCII, and a unit printed in traditional characters in its simplified form, '0.6萬元',
    # '520噸': a form typed in Big5 or a mirror's partial conversion; one character for one, so offsets hold)
    folded = simplified(fold_width(text))
    matches: list[QuantityMatch] = []
    pos = 0
    n = len(folded)
    while pos < n:
        candidate = _CANDIDATE.search(folded, pos)
        if candidate is None:
            break
        pos = candidate.start()
        ch = folded[pos]
        joined = bool(matches) and matches[-1].end == pos  # 8C16G: a number right after a unit
        word_start = folded[pos:pos + 3] in _FRACTION_WORDS or ch == "半"
        if not (ch.isdigit() or ch in CN_DIGITS or ch in "十拾" or word_start) or not (
            joined or word_start or _number_start_ok(folded, pos)
        ):
            pos += 1
            continue
        date = _DATE.match(folded, pos) if ch.isdigit() and _DATE_HINT.search(folded, pos, pos + 16) else None
        date = date or (_DOTTED_DATE.match(folded, pos) if ch.isdigit() else None)
        if date:
            pos = date.end()
            continue
        if _is_enumerator(folded, pos):
            pos += 1
            while pos < n and folded[pos].isdigit():
                pos += 1
            continue
        found = _match_at(text, folded, pos)
        if found is None:
            pos += 1
            while pos < n and (folded[pos].isdigit() or folded[pos] in ".,"):
                pos += 1
            continue
        matches.append(found)
        pos = max(found.end, pos + 1)
    return matches


def _match_at(text: str, folded: str, pos: int) -> QuantityMatch | None:
    """The quantity whose number starts at `pos`, with its comparator and suffixes; None if none."""
    read = _read_number_and_unit(folded, pos)
    if read is None:
        return None
    value, end, unit, approx, scale = read
    chinese = not folded[pos].isdigit()
    upper: Decimal | None = None
    ranged = _read_range(folded, end, value, unit)
    if ranged is not None:
        value, upper, unit, end, approx2 = ranged
        scale = unit.scale if unit is not None else scale
        approx = approx or approx2
    number_end = end
    start = pos
    comparator: Comparator | None = None
    words: list[str] = []
    sign = pos - 1
    while sign >= 0 and folded[sign] == " ":
        sign -= 1
    if unit is None and sign >= 0 and folded[sign] in _CURRENCY_SIGNS:  # ¥10,000.00
        unit, scale, start = _Unit(folded[sign], "元", Fraction(1), end), Fraction(1), sign
    if pos > 0 and folded[pos - 1] == "-" and (pos < 2 or not (folded[pos - 2].isalnum() or folded[pos - 2] == "%")):
        value, start = -value, pos - 1
    before = comparator_before(folded, start)
    if before is not None:
        comparator, start = before[0], before[1]
        approx = approx or before[2] in APPROX_PREFIXES
        words.append(before[2])
    approx_start = _approx_prefix(folded, start)
    if approx_start is not None:
        approx, start = True, approx_start
    inclusive = _INCLUSIVE.match(folded, end)  # 95%（含）以上
    after = comparator_after(folded, inclusive.end() if inclusive else end)
    if after is not None:
        word = after[2]
        if word != "内" or (unit is not None and unit_family(unit.canonical) in _DURATION_LIKE):
            comparator = comparator or after[0]
            approx = approx or word.endswith("以上")
            end = after[1]
            words.append(word)
    tail = _skip_spaces(folded, end)
    if folded.startswith("左右", tail) or folded.startswith("上下", tail):
        approx, end = True, tail + 2
    if chinese and unit is None and comparator is None and (folded[:pos].strip() or folded[end:].strip()):
        return None  # a bare Chinese numeral counts only when it is the whole text
    quantity = Quantity(
        raw=text[start:end].strip(),
        value=_tidy(value),
        unit=unit.canonical if unit else None,
        approx=approx,
        upper=_tidy(upper) if upper is not None else None,
    )
    return QuantityMatch(start, end, quantity, comparator, pos, unit.token if unit else None, scale,
                         number_end, tuple(words))


def _read_range(
    folded: str, end: int, value: Decimal, unit: _Unit | None
) -> tuple[Decimal, Decimal, _Unit | None, int, bool] | None:
    """A range's upper bound after `end` (90%-95%, 3至5天): (lower, upper, unit, end, approx) or None."""
    dash = _skip_spaces(folded, end)
    if dash >= len(folded) or folded[dash] not in _RANGE_DASHES:
        return None
    second_pos = _skip_spaces(folded, dash + 1)
    if second_pos >= len(folded) or not (folded[second_pos].isdigit() or folded[second_pos] in CN_DIGITS):
        return None
    second = _read_number_and_unit(folded, second_pos)
    if second is None:
        return None
    upper, end2, unit2, approx2, _ = second
    if unit is None and unit2 is not None:
        value, unit = apply_scale(value, unit2.scale), unit2
    elif unit is not None and unit2 is None:
        upper = apply_scale(upper, unit.scale)
    elif unit is not None and unit2 is not None and unit.canonical != unit2.canonical:
        return None
    if upper < value:
        return None
    return value, upper, unit, end2, approx2


def _approx_prefix(folded: str, start: int) -> int | None:
    """Start offset of an approximation word (约, 近, 大约) right before `start`, if any."""
    pos = start
    while pos > 0 and folded[pos - 1] in " \t":
        pos -= 1
    for word in _APPROX_LONGEST_FIRST:
        if pos - len(word) >= 0 and folded.startswith(word, pos - len(word)):
            return pos - len(word)
    return None


def parse_quantity(text: str | None, default_unit: str | None = None) -> Quantity | None:
    """The first quantity in `text`; a bare number takes `default_unit` (e.g. 万元 for a fund column)."""
    if not text:
        return None
    matches = find_quantities(text)
    if not matches:
        return None
    quantity = matches[0].quantity
    if quantity.unit is None and default_unit:
        canon = canonical_unit(default_unit)
        if canon is not None and quantity.value is not None:
            scale = Fraction(1) if written_multiplier(quantity.raw) else canon[1]  # '150万' in a 万元 column
            upper = apply_scale(quantity.upper, scale) if quantity.upper is not None else None
            quantity = quantity.model_copy(
                update={"value": _tidy(apply_scale(quantity.value, scale)), "unit": canon[0],
                        "upper": _tidy(upper) if upper is not None else None}
            )
    return quantity


#: A figure written with its own multiplier and no unit word ('150万', '1.2亿').
_WRITTEN_MULTIPLIER = lazy_compile(r"\d\s*[万亿]")


def written_multiplier(raw: str) -> bool:
    """Does the figure carry its own 万/亿? Then a default unit gives its base unit ('元' of '万元')
    but not its scale a second time."""
    return bool(_WRITTEN_MULTIPLIER.search(simplified(raw)))  # ('150萬' too)
