"""Shared pieces of the corpus generator: document blocks, number wording, indicator facts.

Every document is first built as a list of blocks (headings, paragraphs, tables) together
with the facts that went into it; the writers render the blocks to TXT/DOCX/XLSX/PDF and the
gold file is written from the facts, never from reportparse's output.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

# ------------------------------------------------------------------------------------------
# blocks
# ------------------------------------------------------------------------------------------


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Para:
    text: str


@dataclass
class Table:
    """A table: rows of cell strings. `merges` are (row0, col0, row1, col1) spans (inclusive)."""

    rows: list[list[str]]
    header_rows: int = 1
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    split_at: int | None = None  # the table continues on the next page from this row (no header)
    vertical_label: str | None = None  # a one-character-per-line label left of the table (绩效目标)
    sheet: str | None = None


@dataclass
class PageBreak:
    pass


Block = Heading | Para | Table | PageBreak

# ------------------------------------------------------------------------------------------
# numbers in words
# ------------------------------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def chinese_int(n: int) -> str:
    """0..99999 in Chinese numerals (十二, 一百零五, 二千三百)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    parts: list[str] = []
    zero = False
    for value, name in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and parts:
                parts.append("零")
            parts.append(_DIGITS[digit] + name)
            zero = False
        elif parts:
            zero = True
    return "".join(parts)


def num_text(value: Decimal | float | int) -> str:
    """A decimal without trailing zeros: 19.96, 10, 0.5."""
    d = Decimal(str(value)).normalize()
    text = format(d, "f")
    return text


def wan(yuan: Decimal) -> str:
    """Yuan as a 万元 number string (19.96)."""
    return num_text((Decimal(yuan) / 10000).quantize(Decimal("0.0001")).normalize())


def money(yuan: Decimal, rng: random.Random, allow_yi: bool = False, spaced: bool | None = None) -> str:
    """An amount written the way reports do: 万元 mostly, sometimes 元 (with separators) or 亿元."""
    sp = " " if (rng.random() < 0.5 if spaced is None else spaced) else ""
    roll = rng.random()
    if allow_yi and yuan >= 10_000_000 and roll < 0.5:
        return f"{sp}{num_text(Decimal(yuan) / 100_000_000)}{sp}亿元"
    if roll < 0.2 and yuan == yuan.to_integral_value():
        style = rng.random()
        if style < 0.4:
            return f"{sp}{int(yuan):,}{sp}元"
        return f"{sp}{int(yuan):,}.00{sp}元" if style < 0.6 else f"{sp}{int(yuan)}{sp}元"
    return f"{sp}{wan(yuan)}{sp}万元"


def percent(value: Decimal | int, rng: random.Random, words: bool = True) -> str:
    """95 → 95% / 95％ / 百分之九十五."""
    roll = rng.random()
    v = Decimal(value)
    if words and roll < 0.15 and v == v.to_integral_value() and 0 < v <= 100:
        return "百分之" + chinese_int(int(v))
    return f"{num_text(v)}{'％' if roll < 0.4 else '%'}"


def count(value: int, word: str, rng: random.Random, words: bool = True) -> str:
    """20 场 / 二十场 / 20场."""
    if words and rng.random() < 0.2 and value < 100:
        return chinese_int(value) + word
    return f"{value}{' ' if rng.random() < 0.3 else ''}{word}"


# ------------------------------------------------------------------------------------------
# indicator facts
# ------------------------------------------------------------------------------------------


@dataclass
class Ind:
    """One goal indicator with its target and what the document reports for it."""

    level: str  # 产出/数量 ...
    name: str
    kind: str  # pct, count, dur, money, unit_cost, qual, vague
    cmp: str  # >=, >, <=, <, =, qualitative
    value: Decimal | None  # normalised: 元, h, %, count
    unit: str | None  # normalised unit: %, h, 元, 元/场, 月, or the measure word
    target_text: str
    nature: str = ""  # split-column forms: 指标性质 / 指标值 / 度量单位
    value_text: str = ""
    unit_text: str = ""
    bare: bool = False
    actual: Decimal | None = None  # normalised measured value (None = words only)
    actual_text: str = ""  # what the table cell / sentence says
    actual_unit: str | None = None
    weight: Decimal | None = None
    score: Decimal | None = None
    reason: str = ""
    word: str = ""  # measure word for counts
    analysis: str | None = None  # narrative: the analysis sentence (None = default, "" = not mentioned)
    conclusion: str = ""  # narrative: a sentence in the conclusion section, if any
    cell: str | None = None  # form: the 实际完成值 cell when it is not the plain actual (e.g. another unit)


def cmp_words(cmp: str, rng: random.Random) -> str:
    """A comparator in words or symbols."""
    options = {">=": ["≥", "不少于", "不低于", "≥"], "<=": ["≤", "不超过", "不高于", "≤"],
               ">": ["＞", "大于", "高于"], "<": ["＜", "小于", "低于"], "=": ["=", "＝", ""]}
    return rng.choice(options[cmp])


def make_target(level: str, name: str, kind: str, cmp: str, value: Decimal | int | str, rng: random.Random,
                word: str = "", bare: bool = False) -> Ind:
    """Build an indicator and write its target the way a goal table would."""
    v = Decimal(str(value)) if kind not in ("qual", "vague") else None
    if kind in ("qual", "vague"):
        return Ind(level, name, kind, "qualitative", None, None, str(value), nature="定性", value_text=str(value))
    assert v is not None
    symbol = "" if bare else cmp_words(cmp, rng)
    sym_only = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}[cmp]
    if kind == "pct":
        if symbol in ("不低于", "不少于") and rng.random() < 0.3:
            text = f"{symbol}{percent(v, rng)}"
        elif cmp == ">=" and not bare and rng.random() < 0.25:
            text = f"{percent(v, rng, words=False)}以上"
        else:
            text = f"{symbol}{percent(v, rng, words=False)}"
        unit, vt, ut = "%", num_text(v), "%"
    elif kind == "count":
        text = f"{symbol}{count(int(v), word, rng)}"
        unit, vt, ut = word, num_text(v), word
    elif kind == "dur":
        hours = v
        choices = [("小时", Decimal(1)), ("h", Decimal(1))]
        if hours % 24 == 0:
            choices.append(("天", Decimal(24)))
        if hours % 168 == 0:
            choices.append(("周", Decimal(168)))
        word_u, factor = rng.choice(choices)
        n = hours / factor
        n_text = chinese_int(int(n)) if word_u == "周" and rng.random() < 0.5 else num_text(n)
        text = f"{symbol}{n_text}{word_u}"
        unit, vt, ut = "h", num_text(n), word_u
    elif kind == "month":
        text = f"{symbol}{num_text(v)}个月"
        unit, vt, ut = "月", num_text(v), "个月"
    elif kind == "money":
        amount = money(v, rng, allow_yi=True, spaced=False)
        text = f"控制在{amount}以内" if cmp == "<=" and not bare and rng.random() < 0.25 else f"{symbol}{amount}"
        unit = "元"
        vt, ut = (wan(v), "万元")
    elif kind == "unit_cost":
        in_wan = v >= 10000 and rng.random() < 0.6
        text = f"{symbol}{wan(v)}万元/{word}" if in_wan else f"{symbol}{num_text(v)}元/{word}"
        unit, vt, ut = f"元/{word}", (wan(v) if "万元" in text else num_text(v)), (
            f"万元/{word}" if "万元" in text else f"元/{word}")
    else:
        raise ValueError(kind)
    ind = Ind(level, name, kind, cmp, v, unit, text, bare=bare, word=word, value_text=vt, unit_text=ut,
              nature="" if bare else sym_only)
    if bare:
        ind.nature = "="
    return ind


def actual_phrase(ind: Ind, value: Decimal, rng: random.Random) -> str:
    """A measured result for an indicator, worded like a report."""
    if ind.kind == "pct":
        return percent(value, rng)
    if ind.kind == "count":
        return count(int(value), ind.word, rng)
    if ind.kind == "dur":
        if value % 24 == 0 and value and rng.random() < 0.5:
            return f"{num_text(value / 24)}天"
        return f"{num_text(value)}小时"
    if ind.kind == "month":
        return f"{num_text(value)}个月"
    if ind.kind == "money":
        return money(value, rng, spaced=False)
    if ind.kind == "unit_cost":
        return f"{num_text(value)}元/{ind.word}"
    raise ValueError(ind.kind)


def meets(ind: Ind, actual: Decimal) -> bool:
    assert ind.value is not None
    return {">=": actual >= ind.value, ">": actual > ind.value, "=": actual >= ind.value,
            "<=": actual <= ind.value, "<": actual < ind.value}[ind.cmp]


def gold_indicator(ind: Ind, project: str, form: bool) -> dict[str, object]:
    """The gold-file entry of an indicator (same conventions as shared/acceptance)."""
    entry: dict[str, object] = {"project": project, "level": ind.level, "name": ind.name}
    if ind.cmp == "qualitative":
        entry.update({"cmp": "qualitative", "text": ind.target_text})
    else:
        entry.update({"cmp": ind.cmp, "value": jnum(ind.value), "unit": ind.unit, "text": ind.target_text})
        if ind.bare:
            entry["bare_number"] = True
            entry["cmp_alt"] = ["<="] if ind.level.endswith("成本") and ind.cmp == "=" else [">="]
            if ind.level.endswith("成本"):
                entry["cmp"], entry["cmp_alt"] = "<=", ["="]
    if form:
        entry.update({"actual_text": ind.actual_text, "weight": jnum(ind.weight), "score": jnum(ind.score)})
        if ind.actual is not None:
            entry["actual"] = jnum(ind.actual)
    return entry


def jnum(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number (int when whole)."""
    if value is None:
        return None
    d = Decimal(value)
    return int(d) if d == d.to_integral_value() else float(d)


def pro_rata(weight: Decimal, actual: Decimal, target: Decimal) -> Decimal:
    """Positive-indicator score B/A·W, rounded to 2 places."""
    return (weight * actual / target).quantize(Decimal("0.01"))
