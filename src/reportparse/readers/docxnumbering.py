"""Word's automatic list numbering, rendered as the reader sees it (一、 （一） 1. ①).

Chinese reports often number their headings with Word's numbering feature, so "一、项目概况" is
stored as the text "项目概况" plus a reference to a numbering definition. Headings, section
parsing and quotes all need the visible number, so we replay the counters: every numbered
paragraph advances its level and resets the deeper ones, and the level's `lvlText` (e.g.
"（%1）") is filled with each level's counter in its number format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "零一二三四五六七八九"
_CN_TRADITIONAL = "〇壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Numbering definitions of one document and the running counters."""

    abstract_of: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)  # (numId, ilvl) → start
    counters: dict[str, dict[int, int]] = field(default_factory=dict)  # abstractNumId → ilvl → value

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and return the rendered label ("" for none)."""
        abstract = self.abstract_of.get(num_id)
        if abstract is None or num_id == "0":
            return ""
        levels = self.levels.get(abstract, {})
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(abstract, {})
        start = self.overrides.get((num_id, ilvl), level.start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item restarts every level below it
        if level.fmt == "bullet" or level.fmt == "none":
            return ""
        out = level.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in out:
                sub = levels.get(k, _Level())
                value = counters.get(k, self.overrides.get((num_id, k), sub.start))
                out = out.replace(token, format_number(value, sub.fmt if k != ilvl else level.fmt))
        return out


def read_numbering(numbering_el: Any | None) -> Numbering:
    """Parse numbering.xml (python-docx's numbering part element, or None when there is none)."""
    numbering = Numbering()
    if numbering_el is None:
        return numbering
    for abstract in numbering_el.iter(f"{W}abstractNum"):
        aid = abstract.get(f"{W}abstractNumId") or ""
        levels: dict[int, _Level] = {}
        for lvl in abstract.iter(f"{W}lvl"):
            levels[_int(lvl.get(f"{W}ilvl"), 0)] = _read_level(lvl)
        numbering.levels[aid] = levels
    for num in numbering_el.iter(f"{W}num"):
        nid = num.get(f"{W}numId") or ""
        ref = num.find(f"{W}abstractNumId")
        if ref is not None:
            numbering.abstract_of[nid] = ref.get(f"{W}val") or ""
        for override in num.iter(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            if start is not None:
                numbering.overrides[(nid, _int(override.get(f"{W}ilvl"), 0))] = _int(start.get(f"{W}val"), 1)
    return numbering


def _read_level(lvl: Any) -> _Level:
    level = _Level()
    start = lvl.find(f"{W}start")
    if start is not None:
        level.start = _int(start.get(f"{W}val"), 1)
    fmt = lvl.find(f"{W}numFmt")
    if fmt is not None:
        level.fmt = fmt.get(f"{W}val") or "decimal"
    text = lvl.find(f"{W}lvlText")
    if text is not None:
        level.text = text.get(f"{W}val") or ""
    return level


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def format_number(value: int, fmt: str) -> str:
    """A counter in one of Word's number formats (the ones Chinese documents use, else decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital", "japaneseCounting"):
        return chinese_number(value) if fmt != "ideographDigital" else "".join(_CN_DIGITS[int(d)] for d in str(value))
    if fmt in ("chineseLegalSimplified", "ideographLegalTraditional"):
        return "".join(_CN_TRADITIONAL[int(d)] for d in str(value))
    if fmt == "ideographTraditional" and 1 <= value <= 10:
        return _HEAVENLY_STEMS[value - 1]
    if fmt == "ideographZodiac" and 1 <= value <= 12:
        return _EARTHLY_BRANCHES[value - 1]
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(value))
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def chinese_number(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五 (up to 9999)."""
    if value <= 0 or value >= 10000:
        return str(value)
    units = ["", "十", "百", "千"]
    digits = [int(d) for d in str(value)]
    out = ""
    zero = False
    for position, digit in enumerate(digits):
        unit = units[len(digits) - 1 - position]
        if digit == 0:
            zero = True
            continue
        if zero and out:
            out += "零"
        zero = False
        out += ("" if digit == 1 and unit == "十" and not out else _CN_DIGITS[digit]) + unit
    return out


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
             (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for number, letters in table:
        while value >= number:
            out += letters
            value -= number
    return out
