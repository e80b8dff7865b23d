"""Indicator targets (年度指标值): comparator + value + unit, cost direction and vague wording.

A target with no comparator is '=' (scored like ≥), except under a cost indicator where it is '≤'.
A target with no number is 'qualitative'; it is `vague` when its wording sets no measurable
standard (有所提升, 进一步完善).
"""

from __future__ import annotations

from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Comparator, Target
from reportparse.normalise.comparators import comparator_before
from reportparse.normalise.numbers import fold_width
from reportparse.normalise.quantities import QuantityMatch, find_quantities, written_multiplier
from reportparse.normalise.units import PER_ONLY_PARTS, apply_scale, canonical_unit, per_spelling

_COST_LEVEL_WORDS = ("成本",)
_COST_NAME_WORDS = ("成本", "费用")
#: names that say more is better whatever level a form puts them under: a satisfaction or a
#: pass/coverage rate listed below 成本 (a dump that lost the next level's label) is no cost ceiling
_POSITIVE_NAME_WORDS = ("满意度", "满意率", "合格率", "达标率", "覆盖率", "知晓率", "成活率", "完好率", "验收")
# wording that promises a direction but no standard to measure it against
_VAGUE = lazy_compile(
    r"有所(?:提升|提高|改善|增加|增强|加强|下降|减少|降低|好转|进步)"
    r"|进一步(?:完善|提高|提升|加强|优化|改善|增强|规范|健全|扩大|推进)"
    r"|逐步(?:提高|提升|完善|改善|增强|加强|规范|健全|扩大|推进)"
    r"|明显(?:改善|提升|提高|增强|好转)"
    r"|不断(?:提高|提升|完善|改善|增强|加强|优化)"
    r"|持续(?:提升|提高|改善|完善|优化|增强)"
    r"|稳步(?:提升|提高|推进)"
    r"|逐年(?:提高|提升|增加|增长|改善|完善)"
)


# names of indicators where less is better even when the target is a bare number (§6.1 pitfalls)
_REVERSE_NAME_WORDS = (
    "投诉", "事故", "差错", "超支", "延误", "故障", "中断", "失误", "违规", "违纪", "误差", "流失", "辍学",
    "死亡", "发病", "结余率", "响应时间", "时限", "用时", "等待时间", "办结时间", "处置时间", "到场时间",
    "到达时间", "损失", "不合格", "返工", "拖欠", "受害率", "受灾率", "成灾率",
)


def implies_reverse(name: str | None) -> bool:
    """True when an indicator's name says less is better (投诉率, 安全事故, 响应时间, 结余率 ...)."""
    return bool(name) and any(word in (name or "") for word in _REVERSE_NAME_WORDS)


def positive_by_nature(name: str | None) -> bool:
    """True when an indicator's name says more is better whatever its level (满意度, 合格率, 覆盖率 …)."""
    return bool(name) and any(w in (name or "") for w in _POSITIVE_NAME_WORDS) and not any(
        w in (name or "") for w in _COST_NAME_WORDS)


def is_cost_indicator(level: str | None, name: str | None) -> bool:
    """True for a 成本 indicator: its level is 成本 (成本指标/成本目标) or its name says 成本/费用 —
    but never for a name that is positive by nature (满意度, 合格率 …)."""
    if positive_by_nature(name):
        return False
    if level and any(word in level for word in _COST_LEVEL_WORDS):
        return True
    if _DONE_RATE.search(name or ""):
        return False  # '利息费用保障率', '培训费用发放率': a share of the money paid or done, not an amount spent
    return bool(name) and any(word in (name or "") for word in _COST_NAME_WORDS)


#: a name whose head is a rate of the money paid, guaranteed or done: more is better, though it says 费用/成本
_DONE_RATE = lazy_compile(r"(?:保障|到位|兑现|发放|支付|拨付|完成|执行|及时)率$")


def is_vague(text: str | None) -> bool:
    """True when the wording sets no measurable standard (有所提升, 进一步完善, 逐步提高 ...)."""
    return bool(text) and _VAGUE.search(fold_width(text or "")) is not None


def _pick(matches: list[QuantityMatch]) -> QuantityMatch:
    """The quantity a target is about: the first with a comparator, else with a unit, else the first."""
    for match in matches:
        if match.comparator is not None:
            return match
    for match in matches:
        if match.quantity.unit is not None:
            return match
    return matches[0]


def _comparator_just_before(raw: str, number_start: int) -> Comparator | None:
    """A comparator separated from its number only by a colon or bracket: '≥：95%', '不低于（95%）'."""
    prefix = fold_width(raw[:number_start]).rstrip(" \t：:（(【[")
    found = comparator_before(prefix, len(prefix))
    return found[0] if found is not None else None


#: a short target cell that opens with its bound, the counted words between it and the number:
#: '至少全年完成2次宣传', '不少于每季度1次'
_OPENING_BOUND = lazy_compile(r"^\s*(?P<w>至少|最少|不少于|不低于|最多|不超过|不高于)(?=[^\d]{1,8}\d)")


def _opening_bound(raw: str) -> Comparator | None:
    m = _OPENING_BOUND.match(raw) if len(raw.strip()) <= 20 else None
    if m is None:
        return None
    return ">=" if m.group("w") in ("至少", "最少", "不少于", "不低于") else "<="


def _with_unit_hint(value: Decimal | None, unit_hint: str, raw: str = "") -> tuple[Decimal | None, str]:
    """A bare number read in the 度量单位 cell's unit: scaled to the canonical unit when it is known
    (a figure that wrote its own 万, '150万' under 万元, is scaled once)."""
    canon = canonical_unit(unit_hint)
    if canon is None:
        return value, unit_hint.strip()
    if written_multiplier(raw):
        return value, canon[0]
    return (apply_scale(value, canon[1]) if value is not None else None), canon[0]


#: A name that ends by stating its target's comparator and unit, the figure left to the value
#: column: '公猪舍(≥**平方米)', '排污沟(≥米)', '保育栏(≥套)' (a template's placeholder '**' kept); a rate
#: whole, however its denominator is joined: '(≥**元/人·月)', '(≥**元/人*月)', '(≥**元/(人·月))'.
_NAME_BOUND = lazy_compile(r"[(（]\s*(?P<cmp>[≥≤≧≦]|不低于|不少于|不超过|不高于|不大于|不小于)\s*[*＊xX×]*\s*"
                           r"(?P<unit>[^()（）\d*＊\s/／每]{1,4}"
                           r"(?:[/／每](?:[(（][^()（）\d]{1,8}[)）]|[^()（）\d\s]{1,8}))?)?\s*[)）]\s*$")
_NAME_COMPARATORS: dict[str, Comparator] = {
    "≥": ">=", "≧": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=",
    "≤": "<=", "≦": "<=", "不超过": "<=", "不高于": "<=", "不大于": "<=",
}


def _bound_in_name(name: str | None) -> tuple[Comparator, str | None] | None:
    """The comparator and unit a name's closing bracket states ('(≥**平方米)' → ≥, 平方米), the unit
    only when it is a known unit; None when the name states none."""
    found = _NAME_BOUND.search(name or "")
    if found is None:
        return None
    unit = found.group("unit")
    return _NAME_COMPARATORS[found.group("cmp")], (unit if unit and canonical_unit(unit) else None)


def parse_target(
    text: str | None, level: str | None = None, name: str | None = None, unit_hint: str | None = None
) -> Target:
    """Read a target cell or phrase: '≥95%' → ('>=', 95, '%'); '不超过一周' → ('<=', 168, 'h').

    `unit_hint` is a separate 度量单位 cell, applied when the target has no unit of its own.
    A comparator written in the text wins over the cost default; nothing is guessed without a number.
    """
    raw = text or ""
    if not raw.strip():
        return Target(raw=raw, comparator="qualitative")
    matches = find_quantities(raw)
    if not matches:
        return Target(raw=raw, comparator="qualitative", vague=is_vague(raw))
    match = _pick(matches)
    quantity = match.quantity
    value, unit = quantity.value, quantity.unit
    if _months_of_the_year(quantity.raw, unit, value, quantity.upper):
        # '1-12月', '1月-12月': the months the work runs over, a period of the year, not a length of time
        return Target(raw=raw, comparator="qualitative")
    if unit is None and unit_hint:
        value, unit = _with_unit_hint(value, unit_hint, quantity.raw)
    comparator = match.comparator or _comparator_just_before(raw, match.number_start) or _opening_bound(raw)
    stated = _bound_in_name(name) if comparator is None and quantity.unit is None and not unit_hint else None
    if stated is not None:  # a bare figure under a name that states '(≥**平方米)'
        comparator = stated[0]
        if stated[1]:
            value, unit = _with_unit_hint(value, stated[1], quantity.raw)
    cost = is_cost_indicator(level, name)
    if unit is None and cost and _in_wan(raw, match):
        unit = "元"  # a cost written in 万 with 元 left off ('45万', '≤1.2亿'): money, already scaled to 元
    per = _per_measure(raw, match.number_start) if unit == "元" or (unit is None and cost) else None
    if per is not None:
        unit = "元/" + per  # '每亩300' under 成本, '每人每月200元': money per measure, a rate
    bare = comparator is None
    if comparator is None or comparator == "qualitative":
        comparator = "<=" if cost else "="
    if value is not None and value == value.to_integral_value():
        value = value.quantize(1)
    return Target(raw=raw, comparator=comparator, value=value, unit=unit, approx=quantity.approx,
                  bare_number=bare, vague=False)


#: the measures a figure is counted per when they are written before it: '每亩300', '每人每月≤200元'
_PER_BEFORE = lazy_compile(r"((?:每[^\d\s每/／:：,，、;；()（）]{1,4}?)+)\s*(?:[≥≤≧≦<>=]|不超过|不高于|不大于)?\s*$")


def _per_measure(raw: str, number_start: int) -> str | None:
    """The denominator a figure's '每X' prefix states ('每亩300' → 亩, '每人每月200' → 人·月), each part a known
    unit; None when no prefix or a part is no unit ('每年300' is per year: 年 is a unit; '每项工作' is not)."""
    found = _PER_BEFORE.search(fold_width(raw[:number_start]))
    if found is None:
        return None
    parts = [part for part in found.group(1).split("每") if part]
    if not parts or any(canonical_unit(part) is None and part not in PER_ONLY_PARTS for part in parts):
        return None
    return "·".join(per_spelling(part) for part in parts)


def _in_wan(raw: str, match: QuantityMatch) -> bool:
    """The figure is written in 万 or 亿 with no unit word after it."""
    return raw[match.number_start:match.number_end].rstrip().endswith(("万", "亿"))


def _months_of_the_year(raw: str, unit: str | None, low: Decimal | None, high: Decimal | None) -> bool:
    """A range of calendar months ('1-12月', '3至6月'), not a number of months ('3-6个月')."""
    return (unit == "月" and low is not None and high is not None and "个月" not in raw
            and 1 <= low < high <= 12 and low == low.to_integral_value() and high == high.to_integral_value())


def parse_actual(text: str | None, unit_hint: str | None = None, origin: str | None = None) -> Actual:
    """Read an actual (实际完成值): a measured number with its unit and comparator, or words only.

    Blank → kind 'empty'; no number → kind 'qualitative' (comparator 'qualitative'); otherwise
    'measured' with the first quantity that has a unit (else the first). `unit_hint` is the form's
    度量单位 for a bare number. Evidence is left to the caller, who knows where the text came from.
    """
    raw = text or ""
    if not raw.strip():
        return Actual(raw=raw, kind="empty", origin=origin)
    matches = find_quantities(raw)
    if not matches:
        return Actual(raw=raw, comparator="qualitative", kind="qualitative", origin=origin)
    match = next((m for m in matches if m.quantity.unit is not None), matches[0])
    value, unit = match.quantity.value, match.quantity.unit
    if unit is None and unit_hint:
        value, unit = _with_unit_hint(value, unit_hint, match.quantity.raw)
    upper = match.quantity.upper
    if match.quantity.unit is None and unit_hint and upper is not None:
        upper, _ = _with_unit_hint(upper, unit_hint, match.quantity.raw)
    return Actual(raw=raw, value=value, unit=unit, comparator=match.comparator, approx=match.quantity.approx,
                  upper=upper, kind="measured", origin=origin)
