"""Scoring profiles and formulas (shared/docs/scoring-rules.md §2, R3–R7).

A profile names one reading of the rules. Findings that depend on a formula name the profile.
The formulas themselves live here as pure functions over Decimals so that forms and narrative
reports are recomputed the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Literal

from reportparse.lazypattern import lazy_compile

if TYPE_CHECKING:
    from reportparse.model import Actual, Indicator

DEFAULT_PROFILE = "national-2020"


@dataclass(frozen=True)
class Profile:
    """One set of scoring rules."""

    name: str
    description: str
    # qualitative tiers: (lower bound of 达成, lower bound of 部分达成) as fractions of the weight
    qualitative_bands: tuple[Decimal, Decimal] = (Decimal("0.8"), Decimal("0.6"))
    # reverse-indicator formulas accepted: "pmkpi" = (2 − B/A)·W, "ratio" = W·A/B
    reverse_formulas: tuple[str, ...] = ("pmkpi", "ratio")
    # grade bands, highest first: (lower bound, grade)
    grade_bands: tuple[tuple[Decimal, str], ...] = (
        (Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (Decimal(0), "差"),
    )
    overshoot_ratio: Decimal = Decimal("1.3")
    score_tolerance: Decimal = Decimal("0.05")
    rate_tolerance_pp: Decimal = Decimal("0.5")
    default_budget_weight: Decimal = Decimal(10)
    default_level_weights: dict[str, Decimal] = field(
        default_factory=lambda: {"预算执行": Decimal(10), "产出": Decimal(50), "效益": Decimal(30),
                                 "满意度": Decimal(10)}
    )


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile(DEFAULT_PROFILE, "财预〔2020〕10号: 预算执行 10 分, 定性 80/60, 反向指标两种公式均可"),
        Profile("bands-80-50", "旧版/地方模板: 定性档次 80/50 (TPL-GZ)",
                qualitative_bands=(Decimal("0.8"), Decimal("0.5"))),
        Profile("guangzhou", "广州类模板 (TPL-GZ): 预算执行 20 分, 定性 80/50, 反向 W·A/B",
                qualitative_bands=(Decimal("0.8"), Decimal("0.5")), reverse_formulas=("ratio",),
                default_budget_weight=Decimal(20)),
        Profile("pmkpi", "预算管理一体化系统 (PMKPI): 反向指标 (2 − B/A)·W",
                reverse_formulas=("pmkpi",)),
    )
}


def get_profile(name: str | None) -> Profile:
    """Return the named profile; raise KeyError with the known names for an unknown one."""
    key = name or DEFAULT_PROFILE
    if key not in PROFILES:
        raise KeyError(f"unknown profile {key!r}; known: {', '.join(PROFILES)}")
    return PROFILES[key]


# --------------------------------------------------------------------------------------------
# Formulas (scoring-rules.md R3–R7). A = target, B = actual, W = weight; scores round to 2 dp.
# --------------------------------------------------------------------------------------------

CENT = Decimal("0.01")
Tier = Literal["达成", "部分达成", "未达成"]


def round2(value: Decimal) -> Decimal:
    """Round half up to 2 decimals, as the budget systems' round(…, 2) does."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _clamp(actual: Decimal) -> Decimal:
    """A negative actual counts as 0 (PMKPI: 实际完成值为负数，默认赋值为0)."""
    return actual if actual > 0 else Decimal(0)


def positive_score(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """R4a (≥, >): full marks when B ≥ A, else B/A·W; a target of 0 or less is always met."""
    actual = _clamp(actual)
    if actual >= target or target <= 0:
        return round2(weight)
    return round2(actual / target * weight)


def equal_score(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """R4b (=): like positive, except that a target of 0 is met only by an actual of 0 or less."""
    if target == 0:
        return round2(weight) if actual <= 0 else Decimal("0.00")
    return positive_score(target, actual, weight)


def reverse_score_pmkpi(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """R4c system formula: B ≤ A → W; A < B < 2A → (1 − (B−A)/A)·W; B ≥ 2A → 0."""
    actual = _clamp(actual)
    if actual <= target:
        return round2(weight)
    if target > 0 and actual < 2 * target:
        return round2((1 - (actual - target) / target) * weight)
    return Decimal("0.00")


def reverse_score_ratio(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """R4c template formula: min(W, W·A/B); B = 0 → W; A ≤ 0 < B → 0."""
    actual = _clamp(actual)
    if actual == 0:
        return round2(weight)
    if target <= 0:
        return Decimal("0.00")
    return round2(min(weight, weight * target / actual))


REVERSE_FORMULAS = {"pmkpi": reverse_score_pmkpi, "ratio": reverse_score_ratio}


def reverse_scores(target: Decimal, actual: Decimal, weight: Decimal, profile: Profile) -> list[Decimal]:
    """Every accepted reverse formula's score for the profile, in the profile's order."""
    return [REVERSE_FORMULAS[name](target, actual, weight) for name in profile.reverse_formulas]


def budget_score(planned: Decimal | None, executed: Decimal | None, weight: Decimal | None) -> Decimal | None:
    """R3: W × min(B/A, 1); None when an input is missing or the budget is not positive."""
    if planned is None or executed is None or weight is None or planned <= 0:
        return None
    rate = _clamp(executed) / planned
    return round2(weight * min(rate, Decimal(1)))


def qualitative_band(tier: str, weight: Decimal, profile: Profile) -> tuple[Decimal, Decimal, bool]:
    """R5: (low, high, high_inclusive) of the scores allowed for a tier; low is always inclusive.

    达成 → [hi·W, W]; 部分达成 → [lo·W, hi·W); 未达成 → [0, lo·W). Bounds round like the system.
    """
    high_share, low_share = profile.qualitative_bands
    if tier == "达成":
        return round2(weight * high_share), round2(weight), True
    if tier == "部分达成":
        return round2(weight * low_share), round2(weight * high_share), False
    if tier == "未达成":
        return Decimal("0.00"), round2(weight * low_share), False
    raise ValueError(f"unknown qualitative tier {tier!r}")


def in_band(score: Decimal, tier: str, weight: Decimal, profile: Profile) -> bool:
    """True when `score` lies inside the tier's band."""
    low, high, inclusive = qualitative_band(tier, weight, profile)
    return low <= score <= high if inclusive else low <= score < high


# Explicit dictionary, most specific first: 未达成 / 部分达成 contain 达成, so they are tried before it.
_TIER_WORDS: tuple[tuple[str, Tier, bool], ...] = (
    ("未达成", "未达成", False), ("没有达成", "未达成", False), ("未完成", "未达成", False),
    ("没有完成", "未达成", False), ("效果较差", "未达成", False), ("未达到", "未达成", False),
    ("没有达到", "未达成", False), ("未实现", "未达成", False),
    ("部分达成", "部分达成", False), ("部分完成", "部分达成", False), ("部分实现", "部分达成", False),
    ("部分满足", "部分达成", False), ("部分符合", "部分达成", False), ("部分", "部分达成", False),
    ("基本达成", "达成", True), ("基本完成", "达成", True), ("基本实现", "达成", True),
    ("基本满足", "达成", True), ("基本符合", "达成", True), ("基本达到", "达成", True),
    ("达成", "达成", False), ("全部完成", "达成", False), ("已完成", "达成", False), ("完成", "达成", False),
    ("已实现", "达成", False), ("实现", "达成", False), ("效果显著", "达成", False),
    ("效果明显", "达成", False), ("显著", "达成", False), ("明显", "达成", False), ("良好", "达成", False),
    ("符合", "达成", False), ("满足", "达成", False), ("达到", "达成", False), ("及时", "达成", False),
    ("按时", "达成", False), ("按期", "达成", False), ("有效", "达成", False), ("较好", "达成", False),
    ("优秀", "达成", False), ("合格", "达成", False), ("长期", "达成", False), ("达标", "达成", False),
)
_NEGATIONS = ("不", "未", "没", "没有", "无", "尚未", "不够", "不太")
_YES_WORDS = {"是", "有", "优", "好", "高", "达标", "已达成"}
_NO_WORDS = {"否", "无", "差", "不达标"}


def qualitative_tier_detail(text: str | None) -> tuple[Tier | None, bool]:
    """(tier, ambiguous) for a qualitative actual; ambiguous for 基本达成/基本完成-style wording.

    Only words in the explicit dictionary map to a tier; anything else gives (None, False). A
    negation right before a 达成 word (不及时, 效果不明显, 没有达到) makes it 未达成.
    """
    if not text:
        return None, False
    cleaned = text.strip().strip("。.；;，,")
    if cleaned in _YES_WORDS:
        return "达成", False
    if cleaned in _NO_WORDS:
        return "未达成", False
    for word, tier, ambiguous in _TIER_WORDS:
        if word in cleaned:
            if tier == "达成" and not ambiguous and any(neg + word in cleaned for neg in _NEGATIONS):
                return "未达成", False
            return tier, ambiguous
    return None, False


def qualitative_tier(text: str | None) -> Tier | None:
    """The tier a qualitative actual states: '达成', '部分达成', '未达成', or None when unknown."""
    return qualitative_tier_detail(text)[0]


#: Stated grade words reduced to the four grades of R7 (forms and prose write 优秀/良好/合格 …).
#: the first levels of the 决策/过程/产出/效益 framework (财预〔2020〕10号 共性指标框架) and of the older
#: department 投入/过程/产出/效果, besides 产出/效益, as reports write them: a structure of its own, whose
#: weights are the report's (no 预算执行 10 / 产出 50 / 效益 30 / 满意度 10 default), with 满意度 inside 效益
FRAMEWORK_FIRST_LEVELS = frozenset({"项目决策", "部门决策", "决策", "项目过程", "过程", "项目管理", "投入"})

GRADE_WORDS = {"优秀": "优", "优": "优", "良好": "良", "良": "良", "中等": "中", "中": "中", "合格": "中",
               "及格": "中", "差": "差", "不合格": "差", "较差": "差"}


def canonical_grade(word: str) -> str:
    """A stated grade word as 优/良/中/差; a word outside the table is returned as written."""
    return GRADE_WORDS.get(word, word)


def grade_for(total: Decimal, profile: Profile) -> str:
    """R7: the grade for a total score, with half-open bands (90 ≤ 优, 80 ≤ 良 < 90, 60 ≤ 中 < 80)."""
    for lower, grade in profile.grade_bands:
        if total >= lower:
            return grade
    return profile.grade_bands[-1][1]


# --------------------------------------------------------------------------------------------
# Recomputing one indicator
# --------------------------------------------------------------------------------------------


def measured_actual(indicator: Indicator) -> Actual | None:
    """The actual a score is computed from: a measured value, preferring the goal table's own."""
    measured = [a for a in indicator.actuals if a.kind == "measured" and a.value is not None]
    for actual in measured:
        if actual.origin == "table":
            return actual
    return measured[0] if measured else None


def comparable_actual(target_value: Decimal, target_unit: str | None, actual: Actual) -> Decimal | None:
    """The actual's value in the target's unit, or None when the units cannot be compared.

    A missing unit on one side is read as the other side's unit (a form's shared 度量单位), except
    that a fraction (0.98) against a percent target (95%) is read as a share and scaled by 100.
    """
    from reportparse.normalise.report import looks_like_share
    from reportparse.normalise.units import convert

    value = actual.value
    if value is None:
        return None
    if actual.unit == target_unit or actual.unit is None or target_unit is None:
        if target_unit == "%" and actual.unit is None and looks_like_share(value, target_value):
            return value * 100
        return value
    return convert(value, actual.unit, target_unit)


def recompute_indicator(indicator: Indicator, profile: Profile) -> list[Decimal]:
    """Every score the profile's formulas accept for a quantitative indicator, without duplicates.

    Empty when it cannot be recomputed: no weight, a qualitative or number-less target, no measured
    actual, or units of different families (人 vs 人次, 天 vs 工作日).
    """
    from reportparse.normalise.targets import implies_reverse

    target, weight = indicator.target, indicator.weight
    if weight is None or target is None or target.comparator == "qualitative" or target.value is None:
        return []
    actual = measured_actual(indicator)
    if actual is None:
        return []
    value = comparable_actual(target.value, target.unit, actual)
    if value is None:
        return []
    if indicator.scoring_rule is not None:
        return rule_scores(indicator.scoring_rule, target.comparator, target.value, value, weight)
    scores = formula_scores(target.comparator, target.value, value, weight, profile)
    if target.bare_number and target.comparator == "=" and implies_reverse(indicator.name):
        # a bare '2小时' for 响应时间 is a ceiling, not a floor: accept the reverse reading too
        scores += [s for s in formula_scores("<=", target.value, value, weight, profile) if s not in scores]
    elif target.bare_number and target.comparator == "=":
        # a bare figure printed with no comparator is '=' or '≥' (scoring-rules §6.1): the two differ only at
        # a target of 0, where '=' gives nothing for any count above it; a bare 0 for a count of activities
        # ('组织宣传活动次数 | 到0次 | 43次', a garbled cell) is no ceiling the report set
        scores += [s for s in formula_scores(">=", target.value, value, weight, profile) if s not in scores]
    return scores


#: a printed step rule: '每低于5%扣2分', '每超过一个百分点扣0.5分', '每减少1个百分点扣0.2分'
_STEP_RULE = lazy_compile(
    r"每(?:超过|超出|高于|低于|少于|多于|减少|增加|下降|上升|相差)?(?P<step>一个|\d+(?:\.\d+)?个?)?"
    r"(?:百分点|[%％])扣(?P<points>\d+(?:\.\d+)?)分")


def rule_scores(rule: str, comparator: str, target: Decimal, actual: Decimal, weight: Decimal) -> list[Decimal]:
    """The scores a row's printed step rule gives ('每低于5%扣2分': full marks at the target, 2 off per
    5 points short, never below 0). A gap of part of a step is read three ways (no deduction, a whole
    step, pro rata): the rule does not say. Empty when the rule states no step."""
    found = _STEP_RULE.search(re.sub(r"\s+", "", rule))
    if found is None:
        return []
    raw_step = (found.group("step") or "一个").removesuffix("个")
    step = Decimal(1) if raw_step == "一" else Decimal(raw_step)
    points = Decimal(found.group("points"))
    if step <= 0:
        return []
    kind = direction(comparator)
    short = target - actual if kind == "positive" else actual - target if kind == "reverse" else abs(actual - target)
    steps = max(short, Decimal(0)) / step
    out: list[Decimal] = []
    for taken in (steps.to_integral_value(rounding=ROUND_FLOOR), steps.to_integral_value(rounding=ROUND_CEILING),
                  steps):
        score = round2(min(max(weight - taken * points, Decimal(0)), weight))
        if score not in out:
            out.append(score)
    return out


Direction = Literal["positive", "equal", "reverse", "qualitative"]


_DIRECTIONS: dict[str, Direction] = {
    ">=": "positive", ">": "positive", "=": "equal", "<=": "reverse", "<": "reverse", "qualitative": "qualitative",
}


def direction(comparator: str | None) -> Direction | None:
    """The formula class of a comparator (PMKPI 计算符号): ≥/> positive, = equal, ≤/< reverse."""
    return _DIRECTIONS.get(comparator or "")


def formula_scores(comparator: str, target: Decimal, actual: Decimal, weight: Decimal,
                   profile: Profile) -> list[Decimal]:
    """Every score the profile accepts for A = target, B = actual, W = weight, without duplicates."""
    kind = direction(comparator)
    if kind == "positive":
        return [positive_score(target, actual, weight)]
    if kind == "equal":
        return [equal_score(target, actual, weight)]
    if kind == "reverse":
        return list(dict.fromkeys(reverse_scores(target, actual, weight, profile)))
    return []
