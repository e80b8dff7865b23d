"""Numbers as Chinese reports write them: Arabic, full-width, thousands separators, Chinese numerals.

`fold_width` maps full-width ASCII forms to half-width one character at a time, so offsets in the
folded text are offsets in the original. `scan_number` reads one number at a position and reports
where it ends, so the quantity scanner can continue with the unit.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from reportparse.lazypattern import lazy_compile

# Full-width comma is deliberately not folded: in Chinese prose "，" separates clauses, so
# "5，700" is two numbers far more often than five thousand seven hundred.
_KEEP = {"，"}
_EXTRA_FOLD = {"﹦": "=", "〜": "~", "－": "-", "﹣": "-", "−": "-", "．": ".", "％": "%"}

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS: dict[str, int] = {**CN_SMALL_UNITS, **CN_BIG_UNITS}

_CN_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
#: no amount, count or score in a report has more than 15 integer digits (10^15 元 is a thousand 万亿): a longer
#: run of digits is no number at all (a pasted serial, a hostile input); bounded with look-arounds, so a run is
#: neither read in part nor rescanned from each of its digits
MAX_INTEGER_DIGITS = 15
_ARABIC = lazy_compile(
    rf"(?<!\d)\d{{1,{MAX_INTEGER_DIGITS}}}(?!\d)(?:,\d{{3}}(?!\d))*(?:\.\d{{1,{MAX_INTEGER_DIGITS}}})?")
_CHINESE = lazy_compile(rf"[{_CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?")
_MULTIPLIER_RUN = lazy_compile(r"\s*([十百千万亿]+)")


def _fold_table() -> dict[int, str]:
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if chr(code) not in _KEEP}
    table.update({ord(k): v for k, v in _EXTRA_FOLD.items()})
    table[0x3000] = " "
    return table


_FOLD = _fold_table()


def fold_width(text: str) -> str:
    """Map full-width digits, letters and signs to ASCII, keeping every offset unchanged."""
    return text.translate(_FOLD)


def chinese_to_decimal(text: str) -> Decimal | None:
    """Value of a Chinese numeral such as 一千二百, 两万五, 十二, 二〇二一 or 三点五; None if malformed."""
    if not text:
        return None
    whole, _, frac = text.partition("点")
    integer = _chinese_integer(whole)
    if integer is None:
        return None
    if not frac:
        return Decimal(integer)
    digits = "".join(str(CN_DIGITS[c]) for c in frac if c in CN_DIGITS)
    return Decimal(f"{integer}.{digits}") if digits else Decimal(integer)


def _chinese_integer(text: str) -> int | None:
    """Integer value of a run of Chinese numeral characters, or None when it has no digit at all."""
    if not text or not any(c in CN_DIGITS or c in "十拾" for c in text):
        return None
    if len(text) > 1 and all(c in CN_DIGITS for c in text):
        # digit-by-digit writing: 二〇二一
        return int("".join(str(CN_DIGITS[c]) for c in text))
    high = 0  # completed 亿 part
    middle = 0  # completed 万 part
    section = 0  # below 万
    digit: int | None = None
    last_unit = 0
    previous = ""
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            section += (1 if digit is None or (digit == 0 and previous not in CN_DIGITS) else digit) * unit
            digit, last_unit = None, unit
        elif ch == "万":
            middle = (middle + section + (digit or 0)) * 10_000
            section, digit, last_unit = 0, None, 10_000
        elif ch == "亿":
            high = (high + middle + section + (digit or 0)) * 100_000_000
            middle = section = 0
            digit, last_unit = None, 100_000_000
        previous = ch
    tail = digit or 0
    # colloquial shorthand: 一千二 = 1200, 两万五 = 25000 (a last digit right after a unit)
    if tail and len(text) >= 2 and text[-2] in MULTIPLIERS and last_unit >= 100:
        tail *= last_unit // 10
    return high + middle + section + tail


def scan_number(text: str, pos: int = 0) -> tuple[Decimal, int] | None:
    """Read a number starting exactly at `pos` of width-folded text; return (value, end) or None.

    A multiplier written after Arabic digits (1.2万, 3千万) is applied. Callers that need to keep a
    unit like 万元 or 千米 whole should try the unit table before calling `apply_multiplier`.
    """
    m = _ARABIC.match(text, pos)
    if m:
        try:
            return Decimal(m.group().replace(",", "")), m.end()
        except InvalidOperation:
            return None
    m = _CHINESE.match(text, pos)
    if m:
        # a run that ends in 万/亿 after Arabic-free digits is still one numeral: 一千二百万
        value = chinese_to_decimal(m.group())
        if value is not None:
            return value, m.end()
    return None


def apply_multiplier(text: str, value: Decimal, end: int) -> tuple[Decimal, int]:
    """Apply a run of 十/百/千/万/亿 written right after a number (1.2万 → 12000)."""
    m = _MULTIPLIER_RUN.match(text, end)
    if not m:
        return value, end
    for ch in m.group(1):
        value *= MULTIPLIERS[ch]
    return value, m.end()


def parse_number(text: str) -> Decimal | None:
    """The first number in `text`, with a trailing 万/亿 multiplier applied; None if there is none.

    '1,234.5' → 1234.5; '１２' → 12; '一千二百' → 1200; '1.2万' → 12000; '6000多' → 6000;
    '-3' → -3; '19.96万元' → 199600 (the money unit's multiplier is applied too).
    """
    folded = fold_width(text)
    for m in re.finditer(rf"\d|[{_CN_CHARS}]", folded):
        start = m.start()
        scanned = scan_number(folded, start)
        if scanned is None:
            continue
        value, end = scanned
        if folded[start].isdigit():
            value, end = apply_multiplier(folded, value, end)
            if start > 0 and folded[start - 1] == "-" and (start < 2 or not folded[start - 2].isdigit()):
                value = -value
        return value
    return None


def is_cn_numeral_char(ch: str) -> bool:
    """True for a character that can be part of a Chinese numeral."""
    return ch in CN_DIGITS or ch in MULTIPLIERS


CHINESE_NUMERAL = _CHINESE
ARABIC_NUMBER = _ARABIC
