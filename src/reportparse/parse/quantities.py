"""Quantities in the narrative's prose, as linking actuals and reading money sentences need them.

The normaliser is the one reader of numbers and units (`normalise.find_quantities`, one unit
table in `normalise/units.py`); this module only adapts its matches to prose. Prose differs from
a goal-table cell in three ways, and those are all this adapter decides:

- a number without a unit is not a measurement (section numbers, years, weights in brackets);
- 一/两 before a measure word is an article (建立一个平台, 一次性, 一年来), not a count;
- of the comparator words, only a requirement (不少于, ≤, 以内 …) makes the quantity a restated
  target; words that introduce a reported figure (为, 达到, 最高) are not comparators at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from reportparse.lazypattern import lazy_compile
from reportparse.model import Comparator, Evidence, Quantity
from reportparse.normalise import QuantityMatch, find_quantities, fold_width
from reportparse.normalise.comparators import PREFIX_COMPARATORS, SUFFIX_COMPARATORS
from reportparse.normalise.units import yuan_per

#: words that restate a requirement: a quantity written with one is a target, not a result
TARGET_WORDS = frozenset({
    "不少于", "不低于", "不小于", "不得少于", "不得低于", "至少",
    "不超过", "不高于", "不大于", "不多于", "不得超过", "不得高于", "不得大于", "不超", "至多", "控制在",
    "≥", "≤", ">=", "<=", "=>", "=<", "≧", "≦", "⩾", "⩽", "≮", "≯", "以内", "之内",
})
#: words that introduce a reported figure in prose (满意度为 95%, 达到 98%, 最高 3 天); the
#: normaliser reads them as comparators because in a target cell 达到 95% means ≥ 95%
_STATING_WORDS = frozenset({"为", "等于", "达到", "最少", "最低", "最多", "最高", "超", "逾"})
#: measure words that after a lone 一/两 make an idiom (一部分, 一次性, 一年来, 两个方面)
_ARTICLE_UNITS = frozenset({"部", "分", "次", "个", "项", "年", "种", "批", "件"})


@dataclass(frozen=True)
class Mention:
    """One quantity found in prose: span, value in canonical unit, comparator words around it."""

    start: int  # span of the number (or range) and unit; comparator words excluded
    end: int
    raw: str
    value: Decimal | None
    unit: str | None
    comparator: Comparator | None = None
    approx: bool = False
    target_style: bool = False  # a requirement word (不少于 ...) was written
    cmp_start: int = 0  # start including a comparator written before the number
    upper: Decimal | None = None  # upper bound of a range (16至24分钟)

    def quantity(self, *evidence: Evidence) -> Quantity:
        """The mention as a model Quantity, quoting `evidence` (the sentence it was read in)."""
        return Quantity(raw=self.raw, value=self.value, unit=self.unit, approx=self.approx, upper=self.upper,
                        evidence=list(evidence))


def find_mentions(text: str) -> list[Mention]:
    """Every quantity with a unit in `text`, with comparators. Scores (分) are included with unit 分.

    Results are cached per text: the parser asks about the same sentence from several steps.
    """
    return list(_scan(text))


@lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[Mention, ...]:
    """The cached scan behind `find_mentions`."""
    folded = fold_width(text)
    mentions = (_grouped(text, _mention(text, folded, m)) for m in find_quantities(text) if _is_measurement(text, m))
    return tuple(m for m in mentions if m is not None)


#: the digit groups a writer spaced a number's thousands with, before its last group ('1 250 000 元' before '000')
_SPACED_GROUPS = lazy_compile(r"(?<![\d.,，])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})*[ \u00a0\u2009\u202f]$")
_LAST_GROUP = lazy_compile(r"\d{3}(?P<decimals>\.\d+)?")
_PLAIN_YUAN = lazy_compile(r"(?<![万千亿百])元$")


def _grouped(text: str, mention: Mention) -> Mention | None:
    """An amount in 元 written with its thousands spaced ('1 250 000 元', '12 500.50 元'), read whole: the unit
    stands after its last group only. Read whole where the spacing cannot be figures side by side: three groups or
    more, or a last group with decimals; two groups ('12 500 元') may be a figure and an amount, and are read as none
    (the last group alone is no amount). An amount in 万元 is never so spaced (a dump's row '100 100 100 万元' is
    three figures)."""
    number = _LAST_GROUP.match(mention.raw)
    in_yuan = mention.unit == "元" and _PLAIN_YUAN.search(mention.raw) is not None
    groups = _SPACED_GROUPS.search(text[:mention.start]) if in_yuan and number else None
    if groups is None or number is None:
        return mention
    if len(re.findall(r"\d+", groups.group())) < 2 and not number.group("decimals"):
        return None
    whole = re.sub(r"\s", "", groups.group()) + mention.raw
    found = [m for m in find_quantities(whole) if m.quantity.unit == "元"]
    if len(found) != 1 or found[0].number_start != 0:
        return mention
    return replace(mention, start=groups.start(), raw=text[groups.start():mention.end].strip(),
                   value=found[0].quantity.value, cmp_start=min(mention.cmp_start, groups.start()))


def _is_measurement(text: str, match: QuantityMatch) -> bool:
    """A quantity that prose states as a measurement: it has a unit and is no idiom."""
    if match.quantity.unit is None:
        return False
    number = text[match.number_start:match.number_end]
    return not (number[:1] in ("一", "两") and number[1:].strip() in _ARTICLE_UNITS)


def _mention(text: str, folded: str, match: QuantityMatch) -> Mention:
    """The prose view of one normaliser match."""
    quantity = match.quantity
    start = match.number_start
    if quantity.value is not None and quantity.value < 0 and start > 0 and folded[start - 1] == "-":
        start -= 1
    words = [w for w in match.comparator_words if w not in _STATING_WORDS]
    cmp_start = start
    if words and match.start < start:  # a comparator written before the number opens the mention
        found = folded.rfind(words[0], match.start, start)
        cmp_start = found if found >= 0 else start
    comparator = (PREFIX_COMPARATORS.get(words[0]) or SUFFIX_COMPARATORS.get(words[0])) if words else None
    return Mention(
        start=start, end=match.number_end, raw=text[start:match.number_end].strip(), value=quantity.value,
        unit=quantity.unit, comparator=comparator, approx=quantity.approx,
        target_style=any(w in TARGET_WORDS for w in words), cmp_start=cmp_start, upper=quantity.upper,
    )


#: '安排资金19204.096万。', '资金共安排19204.096万，': an amount in 万 (or 亿) with 元 left off, right after a money
#: word and before a pause
_MONEY_WORD_BEFORE = lazy_compile(
    r"(?:资金|经费|预算|投资|金额|拨款|支付|支出|列支|安排|下达|拨付|执行数|预算数|决算数)(?:共计|合计|共|为|计|达)?\s*$")
_PAUSE_AFTER = lazy_compile(r"^\s*(?:[。，,；;）)、]|$)")
#: … or the verb said of the money right after it ('批复资金350万已全部到位', '下达经费20万均已拨付')
_VERB_AFTER = lazy_compile(r"^\s*(?:已经?|均已|已于|全部|全额|足额)")


def money(text: str) -> list[Mention]:
    """The money amounts (unit 元) in a text, and amounts in 万 whose 元 the writer left off."""
    found = [m for m in find_mentions(text) if m.unit == "元"]
    for match in _bare_wan(text):
        found.append(replace(_mention(text, fold_width(text), match), unit="元"))
    for match, scale in (*_unit_in_label(text), *_unit_stated_before(text)):
        mention = _mention(text, fold_width(text), match)
        found.append(replace(mention, unit="元", value=mention.value * scale if mention.value is not None else None))
    return sorted(found, key=lambda m: m.start) if len(found) > 1 else found


def wan_amounts(text: str) -> list[Mention]:
    """Amounts in 万 (or 亿) with 元 left off, as money wherever they stand: for a caller that knows from elsewhere
    that the text speaks of money (the target clause '年初目标值300万' of an aim named '…资金300万')."""
    folded = fold_width(text)
    return [replace(_mention(text, folded, m), unit="元") for m in find_quantities(text) if m.quantity.unit is None
            and text[m.number_start:m.number_end].rstrip().endswith(("万", "亿"))
            and _PAUSE_AFTER.match(text[m.number_end:])]


#: a money label that gives its unit in brackets, the figure right after it: '计划安排资金(万元)285.58', '实际支出
#: （万元）：285.58' (a cover's cells run together by a dump)
_LABEL_UNIT_BEFORE = lazy_compile(r"(?:资金|经费|预算|投资|金额|拨款|支出|预算数|执行数|决算数)"
                                  r"\s*[(（]\s*(万元|元|千元|亿元)\s*[)）]\s*[:：]?\s*$")
#: what may not follow such a figure: a unit or a year's, month's or day's mark, or another figure (the figure
#: is then a form's column number, '年度资金总额(万元): 1 52.8')
_NO_AMOUNT_AFTER = lazy_compile(r"^\s*(?:[年月日号%％]|[\u4e00-\u9fff]?元|\d)")


@lru_cache(maxsize=4096)
def _unit_in_label(text: str) -> tuple[tuple[QuantityMatch, Decimal], ...]:
    out: list[tuple[QuantityMatch, Decimal]] = []
    for m in find_quantities(text):
        label = _LABEL_UNIT_BEFORE.search(text[max(0, m.number_start - 24):m.number_start])
        if m.quantity.unit is None and label and not _NO_AMOUNT_AFTER.match(text[m.number_end:]):
            out.append((m, yuan_per(label.group(1))))
    return tuple(out)


#: the unit a sentence states once for the bare figures after it: '项目资金情况（单位：万元）：年初预算 86.4，…'
_STATED_UNIT = lazy_compile(r"单位\s*[:：]\s*(?:人民币)?(万元|千元|亿元|元)")
#: a money label right before a bare figure: '全年预算 92.0', '全年执行：90.1', '支出数为41.2'
_MONEY_LABEL_BEFORE = lazy_compile(
    r"(?:资金|经费|预算|投资|金额|拨款|支付|支出|列支|安排|下达|拨付|执行)(?:数|额)?(?:共计|合计|共|为|计|达)?"
    r"\s*[:：]?\s*$")


@lru_cache(maxsize=4096)
def _unit_stated_before(text: str) -> tuple[tuple[QuantityMatch, Decimal], ...]:
    """Bare figures after money labels, in the unit the text stated before them ('（单位：万元）'), the figure
    before a pause (not a year's, a rate's or a column number's)."""
    stated = list(_STATED_UNIT.finditer(text))
    out: list[tuple[QuantityMatch, Decimal]] = []
    for m in find_quantities(text):
        unit = next((u for u in reversed(stated) if u.end() <= m.number_start), None)
        if unit is None or m.quantity.unit is not None or len({u.group(1) for u in stated}) != 1:
            continue
        before = text[max(0, m.number_start - 24):m.number_start]
        if _MONEY_LABEL_BEFORE.search(before[-10:]) and _PAUSE_AFTER.match(text[m.number_end:]) \
                and not _LABEL_UNIT_BEFORE.search(before):
            out.append((m, yuan_per(unit.group(1))))
    return tuple(out)


@lru_cache(maxsize=4096)
def _bare_wan(text: str) -> tuple[QuantityMatch, ...]:
    return tuple(m for m in find_quantities(text) if m.quantity.unit is None
                 and text[m.number_start:m.number_end].rstrip().endswith(("万", "亿"))
                 and _MONEY_WORD_BEFORE.search(text[max(0, m.number_start - 8):m.number_start])
                 and (_PAUSE_AFTER.match(text[m.number_end:]) or _VERB_AFTER.match(text[m.number_end:])))
