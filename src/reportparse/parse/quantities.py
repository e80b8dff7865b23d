"""Numbers with units inside prose, with the comparator words around them.

The normaliser owns the canonical number/unit rules; this scanner only needs to *find* quantities
in running text with their character spans (so that evidence and nearby words can be located),
and to read them well enough to link actuals to targets. Money ends in 元, durations in hours,
percentages as numbers with unit %, counts keep their measure word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from reportparse.model import Quantity

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％＜＞＝，", "0123456789.%<>=,")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}

#: unit as written → (canonical unit, factor). Longest spellings first in the regex below.
UNITS: dict[str, tuple[str | None, Decimal]] = {
    "亿元": ("元", Decimal(10) ** 8), "万元": ("元", Decimal(10000)), "千元": ("元", Decimal(1000)),
    "元": ("元", Decimal(1)),
    "%": ("%", Decimal(1)), "‰": ("‰", Decimal(1)), "个百分点": ("%", Decimal(1)),
    "分钟": ("h", Decimal(1) / Decimal(60)), "个小时": ("h", Decimal(1)), "小时": ("h", Decimal(1)),
    "h": ("h", Decimal(1)), "H": ("h", Decimal(1)), "工作日": ("工作日", Decimal(1)),
    "天": ("h", Decimal(24)), "日": ("h", Decimal(24)), "周": ("h", Decimal(168)),
    "个月": ("月", Decimal(1)), "月": ("月", Decimal(1)), "年": ("年", Decimal(1)),
    "Mbps": ("Mbps", Decimal(1)), "M": ("Mbps", Decimal(1)), "兆": ("Mbps", Decimal(1)),
    "GB": ("GB", Decimal(1)), "G": ("GB", Decimal(1)), "TB": ("TB", Decimal(1)), "T": ("TB", Decimal(1)),
    "核": ("核", Decimal(1)), "VCPU": ("核", Decimal(1)), "vCPU": ("核", Decimal(1)),
    "平方米": ("平方米", Decimal(1)), "㎡": ("平方米", Decimal(1)), "公里": ("公里", Decimal(1)),
    "千米": ("公里", Decimal(1)), "米": ("米", Decimal(1)),
    "公顷": ("公顷", Decimal(1)), "亩": ("亩", Decimal(1)), "公斤": ("公斤", Decimal(1)), "千克": ("公斤", Decimal(1)),
    "吨": ("吨", Decimal(1)),
    "人次": ("人次", Decimal(1)), "户次": ("户次", Decimal(1)), "场次": ("场次", Decimal(1)),
    "分": ("分", Decimal(1)),
}
#: measure words kept as their own unit
COUNT_WORDS = "部台条个项次场人户篇期套份所家批集册本件处座辆棵株头只名节课门种类"

_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN_NUM = r"[零〇一二两三四五六七八九十百千]+"
QUANTITY_RE = re.compile(
    rf"(?P<pct>百分之)?(?P<num>{_NUM}|{_CN_NUM})\s*(?P<wan>万(?!元))?\s*(?P<more>多|余)?\s*"
    rf"(?P<unit>(?:{_UNIT_ALT})(?:/[{COUNT_WORDS}]|/台|/年)?|[{COUNT_WORDS}](?:次)?)?"
)

#: target-style comparators written before the number
_BEFORE = [
    ("大于等于", ">="), ("不少于", ">="), ("不低于", ">="), ("不小于", ">="), ("至少", ">="), ("≥", ">="),
    (">=", ">="), ("≧", ">="), ("小于等于", "<="), ("不超过", "<="), ("不高于", "<="), ("不大于", "<="),
    ("控制在", "<="), ("≤", "<="), ("<=", "<="), ("≦", "<="), ("大于", ">"), ("高于", ">"), ("超过", ">"),
    ("小于", "<"), ("低于", "<"), (">", ">"), ("<", "<"), ("＝", "="), ("=", "="),
]
#: comparators written after the number
_AFTER = [("以上", ">="), ("以内", "<="), ("以下", "<="), ("之内", "<=")]
#: words that make a written comparator a restated *target* rather than a measured result
TARGET_WORDS = ("不少于", "不低于", "不小于", "不超过", "不高于", "不大于", "≥", "≤", ">=", "<=", "≧", "≦",
                "以内", "之内", "控制在", "至少")


@dataclass
class Mention:
    """One quantity found in a text: span, value in canonical unit, comparator words around it."""

    start: int  # span of the number and unit (comparator words excluded)
    end: int
    raw: str
    value: Decimal | None
    unit: str | None
    comparator: str | None = None
    approx: bool = False
    target_style: bool = False  # a target comparator (不少于 ...) was written
    cmp_start: int = 0  # start including the comparator before the number

    def quantity(self) -> Quantity:
        """The mention as a model Quantity (evidence is added by the caller)."""
        return Quantity(raw=self.raw, value=self.value, unit=self.unit, approx=self.approx)


def to_ascii(text: str) -> str:
    """Full-width digits and signs to ASCII, keeping every character's offset."""
    return text.translate(_FULLWIDTH)


def cn_number(text: str) -> Decimal | None:
    """A Chinese numeral (一, 两, 十二, 一千二百) as a Decimal; None if it is not one."""
    total = 0
    current = 0
    seen = False
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
            seen = True
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
            seen = True
        else:
            return None
    return Decimal(total + current) if seen else None


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return cn_number(text)


def find_mentions(text: str, *, require_unit: bool = True) -> list[Mention]:
    """Every quantity in `text` (number + unit), with comparators. Scores (分) are included with unit 分.

    Results are cached per text: the parser asks about the same sentence from several steps.
    Callers must not modify the Mentions they get.
    """
    return list(_scan(text, require_unit))


@lru_cache(maxsize=4096)
def _scan(text: str, require_unit: bool) -> tuple[Mention, ...]:
    """The cached scan behind `find_mentions`."""
    src = to_ascii(text)
    out: list[Mention] = []
    for m in QUANTITY_RE.finditer(src):
        num = m.group("num")
        unit_text = "%" if m.group("pct") else m.group("unit")
        is_cn = not num[0].isdigit()
        if is_cn and not unit_text:
            continue
        if require_unit and not unit_text and not m.group("wan"):
            continue
        if is_cn and num in ("一", "两") and unit_text in ("部", "分", "次", "个", "项", "年", "种", "批", "件"):
            continue  # 一部分, 一次性, 一年来, 两个: idioms rather than measurements
        # a digit glued to a preceding ASCII letter/digit (V1.0, H5) is not a quantity
        if m.start() > 0 and (src[m.start() - 1].isascii() and src[m.start() - 1].isalnum()):
            continue
        value = _number(num)
        unit: str | None = None
        factor = Decimal(1)
        if m.group("wan"):
            factor *= Decimal(10000)
        if unit_text:
            base, _, per = unit_text.partition("/")
            if base in UNITS:
                canon, f = UNITS[base]
                factor *= f
                unit = canon if not per else f"{canon}/{per}"
            else:
                unit = unit_text
        unit, factor = _canonical(unit, factor)
        if value is not None:
            value = _tidy(value * factor)
        end = m.end()
        mention = Mention(start=m.start(), end=end, raw=text[m.start():end].strip(), value=value, unit=unit,
                          approx=bool(m.group("more")), cmp_start=m.start())
        _comparators(src, mention)
        out.append(mention)
    return tuple(out)


def _canonical(unit: str | None, factor: Decimal) -> tuple[str | None, Decimal]:
    """Agree with the normaliser's canonical units (公里 → km), so prose and targets compare."""
    from reportparse.normalise import canonical_unit

    found = canonical_unit(unit) if unit else None
    if found is None or found[0] == unit:
        return unit, factor
    scale = Decimal(found[1].numerator) / Decimal(found[1].denominator)
    return found[0], factor * scale


_BEFORE_RE = re.compile("(?:" + "|".join(re.escape(w) for w, _ in _BEFORE) + r")\s*$")
_BEFORE_CMP = dict(_BEFORE)


def _comparators(src: str, mention: Mention) -> None:
    """Set the comparator/approximation words written around a mention."""
    window = src[max(0, mention.start - 6):mention.start]
    before = window.rstrip()
    hit = _BEFORE_RE.search(window)
    if hit:
        word = hit.group(0).rstrip()
        mention.comparator = _BEFORE_CMP[word]
        mention.target_style = word in TARGET_WORDS
        mention.cmp_start = mention.start - len(window) + hit.start()
    else:
        if before.endswith(("超", "超过", "逾")):
            mention.approx = True
        if before.endswith(("约", "近", "大约")):
            mention.approx = True
    after = src[mention.end:mention.end + 4].lstrip()
    for word, cmp in _AFTER:
        if after.startswith(word):
            if mention.comparator is None:
                mention.comparator = cmp
            mention.target_style = mention.target_style or word in TARGET_WORDS
            if word == "以上":
                mention.approx = True
            break
    if after.startswith(("左右", "多")):
        mention.approx = True


def _tidy(value: Decimal) -> Decimal:
    """Drop float noise from unit conversions (15 分钟 → 0.25 h) and trailing zeros."""
    quantized = value.quantize(Decimal("0.0001")) if value != value.to_integral_value() else value
    normal = quantized.normalize()
    exponent = normal.as_tuple().exponent
    return normal if isinstance(exponent, int) and exponent <= 0 else normal.quantize(Decimal(1))


def money(text: str) -> list[Mention]:
    """The money amounts (unit 元) in a text."""
    return [m for m in find_mentions(text) if m.unit == "元"]
