"""Units: the written forms, their canonical unit and scale, and the family each belongs to.

Money ends in yuan (元), elapsed time in hours (h), percent in %; counts keep their measure word.
月, 年 and 工作日 are kept as their own units because converting them to hours would invent a
calendar. A rate or per-unit price ("次/秒", "万元/部", "元/人·月") is one unit over one or more others;
however the document joins them (元/人*月, 元/人/月, 元/(人·月), 元/人.月, 元每人每月) it is spelled
numerator/part·part, the numerator in its canonical unit and each part by its one spelling (名 → 人,
个月 → 月, 天 → 日). A part is never converted (次/秒 stays per second): the scale is the numerator's.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from reportparse.normalise.numbers import fold_width

_H = Fraction(1)

#: written token → (canonical unit, factor that turns a value in the token into the canonical unit)
UNIT_TABLE: dict[str, tuple[str, Fraction]] = {
    # money
    "元": ("元", Fraction(1)),
    "千元": ("元", Fraction(1000)), "万元": ("元", Fraction(10_000)), "百万元": ("元", Fraction(1_000_000)),
    "千万元": ("元", Fraction(10_000_000)), "亿元": ("元", Fraction(100_000_000)),
    # elapsed time → hours
    "秒": ("h", Fraction(1, 3600)), "秒钟": ("h", Fraction(1, 3600)),
    "分钟": ("h", Fraction(1, 60)), "min": ("h", Fraction(1, 60)),
    "小时": ("h", _H), "个小时": ("h", _H), "h": ("h", _H), "H": ("h", _H), "hr": ("h", _H),
    "天": ("h", Fraction(24)), "日": ("h", Fraction(24)), "个日": ("h", Fraction(24)),
    "周": ("h", Fraction(168)), "个周": ("h", Fraction(168)), "星期": ("h", Fraction(168)),
    "个星期": ("h", Fraction(168)),
    # calendar units kept as written (no fixed length in hours)
    "个月": ("月", Fraction(1)), "月": ("月", Fraction(1)), "年": ("年", Fraction(1)),
    "个季度": ("季度", Fraction(1)), "季度": ("季度", Fraction(1)),
    "工作日": ("工作日", Fraction(1)), "个工作日": ("工作日", Fraction(1)),
    # percent
    "%": ("%", Fraction(1)), "百分比": ("%", Fraction(1)), "百分点": ("%", Fraction(1)),
    "个百分点": ("%", Fraction(1)), "‰": ("‰", Fraction(1)),
    # bandwidth, storage, compute
    "M": ("Mbps", Fraction(1)), "Mb": ("Mbps", Fraction(1)), "Mbps": ("Mbps", Fraction(1)),
    "Mbit/s": ("Mbps", Fraction(1)), "兆": ("Mbps", Fraction(1)), "兆带宽": ("Mbps", Fraction(1)),
    "Gbps": ("Mbps", Fraction(1000)), "Gb": ("Mbps", Fraction(1000)), "Kbps": ("Mbps", Fraction("0.001")),
    "G": ("GB", Fraction(1)), "GB": ("GB", Fraction(1)), "T": ("GB", Fraction(1024)),
    "TB": ("GB", Fraction(1024)), "MB": ("GB", Fraction(1, 1024)), "PB": ("GB", Fraction(1024 ** 2)),
    "vCPU": ("核", Fraction(1)), "VCPU": ("核", Fraction(1)), "vcpu": ("核", Fraction(1)),
    "CPU": ("核", Fraction(1)), "核": ("核", Fraction(1)), "C": ("核", Fraction(1)),
    # length, area, weight, volume
    "km": ("公里", Fraction(1)), "公里": ("公里", Fraction(1)), "千米": ("公里", Fraction(1)),
    "米": ("公里", Fraction("0.001")), "m": ("公里", Fraction("0.001")),
    "厘米": ("公里", Fraction(1, 100_000)), "cm": ("公里", Fraction(1, 100_000)),
    "毫米": ("公里", Fraction(1, 1_000_000)), "mm": ("公里", Fraction(1, 1_000_000)),
    "平方米": ("平方米", Fraction(1)), "㎡": ("平方米", Fraction(1)), "m2": ("平方米", Fraction(1)),
    "m²": ("平方米", Fraction(1)), "平米": ("平方米", Fraction(1)),
    "平方公里": ("平方公里", Fraction(1)), "km2": ("平方公里", Fraction(1)), "k㎡": ("平方公里", Fraction(1)),
    "km²": ("平方公里", Fraction(1)),
    "亩": ("亩", Fraction(1)), "公顷": ("亩", Fraction(15)),
    # (hm², the hectare as 水土保持 and forestry reports print it; a dump that drops the superscript leaves 'hm', which
    # no report means as a length)
    "hm²": ("亩", Fraction(15)), "hm2": ("亩", Fraction(15)), "h㎡": ("亩", Fraction(15)), "hm": ("亩", Fraction(15)),
    "吨": ("吨", Fraction(1)), "公斤": ("吨", Fraction("0.001")),
    "千克": ("吨", Fraction("0.001")), "kg": ("吨", Fraction("0.001")), "斤": ("吨", Fraction("0.0005")),
    "立方米": ("立方米", Fraction(1)), "m3": ("立方米", Fraction(1)),
    "千瓦时": ("千瓦时", Fraction(1)), "kWh": ("千瓦时", Fraction(1)),
    # score points (得分 10 分)
    "分": ("分", Fraction(1)),
}

#: measure words kept as their own unit (counts never convert into each other)
COUNT_WORDS: tuple[str, ...] = (
    "人次", "户次", "车次", "架次", "班次", "场次", "批次", "课时", "学时", "台次", "台套", "课次", "人天", "人日",
    "页", "卷", "盒", "袋", "瓶", "针", "剂", "孔", "井", "亩次", "人月",
    "部", "台", "条", "个", "项", "次", "场", "人", "户", "篇", "件", "套", "辆", "所", "家", "册", "批",
    "座", "处", "期", "份", "课", "节", "名", "位", "棵", "株", "头", "只", "本", "张", "间", "栋", "幢",
    "村", "镇", "乡", "校", "门", "种", "类", "起", "例", "宗", "组", "队", "支", "块", "片", "段",
    "期次", "集", "首", "幅", "盏", "根", "面", "把", "枚", "箱", "袋", "册次", "篇次", "网点", "站",
    "床", "口", "眼", "艘", "架", "轮", "路", "章",
    # (seed and stock counts: 原原种550万粒, 放流鱼苗100万尾, 出栏肉鸡10万羽; 眼镜500副, 鞋200双; 点次 of site visits)
    "粒", "尾", "羽", "副", "双", "桶", "罐", "点次",
    # (用电量 60万度: kept as written, not made 千瓦时, since a 度 may as well be a temperature or an angle)
    "度",
)
#: aliases among measure words that mean the same thing (名/位 count people); 度量单位 cells
#: often name the count instead of the measure word (人数, 次数)
COUNT_ALIASES: dict[str, str] = {
    "名": "人", "位": "人", "人数": "人", "个数": "个", "次数": "次", "户数": "户", "项数": "项", "件数": "件",
    "台数": "台", "套数": "套", "场数": "场", "篇数": "篇", "部数": "部",
}
UNIT_TABLE.update({"百分率": ("%", Fraction(1)), "天数": ("h", Fraction(24)), "小时数": ("h", Fraction(1))})

for _word in (*COUNT_WORDS, *COUNT_ALIASES):
    UNIT_TABLE.setdefault(_word, (COUNT_ALIASES.get(_word, _word), Fraction(1)))

#: nouns that are measure words only under a rate's line, per head: 元/生·年 (per student a year) is the
#: 生均 standard of school funding; on its own '500生' is no count
PER_ONLY_PARTS: tuple[str, ...] = ("学生", "生")

#: characters that start a rate's denominator (元/人, 元每人) and that join its parts (元/人·月, 元/人*月,
#: 元/人/月, 元/人.月, 元每人每月; 元/人・月 and 元/人•月 as other fonts print the middle dot)
RATE_OPENERS = "/每"
RATE_JOINERS = "/·*.每・•‧"
#: brackets that group a denominator's parts: 元/(人·月)
RATE_BRACKETS = "()（）"
_RATE_SPLIT = re.compile("[" + re.escape(RATE_JOINERS + RATE_BRACKETS) + r"、\s]+")  # (元/人、天: per person-day)

#: the one spelling of a denominator part where a unit has several (the part keeps its own scale)
_PER_SPELLING: dict[str, str] = {
    "个小时": "小时", "h": "小时", "H": "小时", "hr": "小时", "min": "分钟", "秒钟": "秒",
    "天": "日", "个日": "日", "个周": "周", "星期": "周", "个星期": "周",
    "个月": "月", "个季度": "季度", "个工作日": "工作日",
    "m": "米", "km": "公里", "千米": "公里", "kg": "公斤", "千克": "公斤",
    "㎡": "平方米", "m2": "平方米", "m²": "平方米", "平米": "平方米", "km2": "平方公里", "k㎡": "平方公里",
    "m3": "立方米", "kWh": "千瓦时",
}

_FAMILY_BY_CANONICAL: dict[str, str] = {
    "元": "money", "h": "duration", "月": "month", "年": "year", "季度": "quarter", "工作日": "workday",
    "%": "percent", "‰": "percent", "Mbps": "bandwidth", "GB": "storage", "核": "cpu", "公里": "length",
    "平方米": "area", "平方公里": "area-km2", "亩": "land", "吨": "weight", "立方米": "volume",
    "千瓦时": "energy", "分": "score",
}
_PERCENT_SCALE = {"%": Fraction(1), "‰": Fraction(1, 10)}
_AREA_KM2 = Fraction(1_000_000)

#: written tokens sorted longest first, for longest-match scanning
TOKENS_LONGEST_FIRST: tuple[str, ...] = tuple(sorted(UNIT_TABLE, key=len, reverse=True))


def canonical_unit(unit: str | None) -> tuple[str, Fraction] | None:
    """(canonical unit, scale) for a written or canonical unit, including per-unit forms like 万元/部."""
    if unit is None:
        return None
    unit = fold_width(unit.strip())  # a cell may print 元／人＊月 or ％
    if not unit:
        return None
    if unit in UNIT_TABLE:
        return UNIT_TABLE[unit]
    if unit in _FAMILY_BY_CANONICAL:
        return unit, Fraction(1)
    rate = rate_parts(unit)
    if rate is None:
        return None
    top, per = rate
    numerator = UNIT_TABLE.get(top) or ((top, Fraction(1)) if top in _FAMILY_BY_CANONICAL else None)
    if numerator is None:
        return None
    return f"{numerator[0]}/{'·'.join(per_spelling(part) for part in per)}", numerator[1]


def rate_parts(unit: str) -> tuple[str, tuple[str, ...]] | None:
    """A rate unit split as written: its numerator and its denominator's parts, or None for no rate.

    '元/人*月', '元/人·月', '元/人/月', '元/(人·月)' and '元每人每月' all give ('元', ('人', '月')); '元/人'
    gives ('元', ('人',)). Only the spelling is read here: whether the parts are known units is the caller's.
    """
    text = unit.strip()
    cut = min((i for i in (text.find(c) for c in RATE_OPENERS) if i > 0), default=-1)
    if cut <= 0:
        return None
    parts = tuple(part for part in _RATE_SPLIT.split(text[cut + 1:]) if part)
    if not parts:
        return None
    return text[:cut].strip(), parts


def per_spelling(part: str) -> str:
    """The one spelling of a denominator part (名 → 人, 个月 → 月, 天 → 日, km → 公里)."""
    part = part.strip()
    return _PER_SPELLING.get(part) or COUNT_ALIASES.get(part, part)


def unit_family(unit: str | None) -> str:
    """The family a unit belongs to: money, duration, percent, count:部, money/部, ... ('none' if no unit).

    Two units can be compared only within one family. Unknown words are their own family
    ('other:<word>'), so they compare only with themselves.
    """
    if unit is None or not unit.strip():
        return "none"
    canon = canonical_unit(unit)
    if canon is None:
        return f"other:{unit.strip()}"
    name = canon[0]
    if "/" in name:
        top, _, bottom = name.partition("/")
        return f"{unit_family(top)}/{bottom}"
    if name in _FAMILY_BY_CANONICAL:
        return _FAMILY_BY_CANONICAL[name]
    return f"count:{name}"


def convert(value: Decimal, from_unit: str | None, to_unit: str | None) -> Decimal | None:
    """Convert `value` between two units of one family (万元 → 元, 天 → h, ‰ → %); None across families.

    A missing unit on both sides converts as the identity; a missing unit on one side does not.
    """
    if from_unit == to_unit:
        return value
    source, target = canonical_unit(from_unit), canonical_unit(to_unit)
    if source is None or target is None:
        return None
    if unit_family(from_unit) != unit_family(to_unit):
        if {source[0], target[0]} == {"平方米", "平方公里"}:
            factor = _AREA_KM2 if source[0] == "平方公里" else 1 / _AREA_KM2
            return apply_scale(value, source[1] * factor / target[1])
        return None
    factor = source[1]
    if source[0] != target[0]:
        if source[0] in _PERCENT_SCALE and target[0] in _PERCENT_SCALE:
            factor = factor * _PERCENT_SCALE[source[0]] / _PERCENT_SCALE[target[0]]
        else:
            return None
    return apply_scale(value, factor / target[1])


def yuan_per(unit: str) -> Decimal:
    """How many 元 one of a money unit is ('万元' → 10000): the money rows of UNIT_TABLE, for a reader that
    multiplies an amount out itself. A KeyError for a unit that is no money."""
    canonical, factor = UNIT_TABLE[unit]
    if canonical != "元" or factor.denominator != 1:
        raise KeyError(unit)
    return Decimal(factor.numerator)


def apply_scale(value: Decimal, scale: Fraction) -> Decimal:
    """value × scale, exact whenever the result is a finite decimal (30 分钟 → 0.5 h, not 0.49999…)."""
    if scale.denominator == 1:
        return value * scale.numerator
    return value * scale.numerator / scale.denominator


def is_canonical(unit: str | None) -> bool:
    """True when `unit` is already in canonical form (or absent)."""
    if unit is None:
        return True
    canon = canonical_unit(unit)
    return canon is not None and canon[0] == unit and canon[1] == 1
