"""Helpers shared by the check modules: level look-ups, units, target verdicts and formatting.

The checks work on the Report model alone. These helpers answer the questions several checks
ask the same way: which claimed score covers an indicator, are two quantities in the same unit
family, does an actual show its target met, and how to write a number in a Chinese message.
Nothing here registers a check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from reportparse.lazypattern import lazy_compile
from reportparse.model import (
    Actual,
    Document,
    Evidence,
    Indicator,
    Paragraph,
    Project,
    Report,
    ScoreLine,
    Table,
    Target,
)
from reportparse.normalise.numbers import fold_width
from reportparse.normalise.targets import positive_by_nature

ZERO = Decimal(0)
#: two scores within this are the same score (profile tolerances are used for formula checks)
EPSILON = Decimal("0.005")

POSITIVE = (">=", ">", "=")
REVERSE = ("<=", "<")

# ------------------------------------------------------------------------------------------
# Levels and claimed scores
# ------------------------------------------------------------------------------------------


def segments(level: str) -> list[str]:
    """Split a level path such as "效益/满意度" into its segments."""
    return [part for part in level.split("/") if part]


def first_level(level: str) -> str:
    """The first-level name of a level path ("产出/数量" → "产出")."""
    parts = segments(level)
    return parts[0] if parts else level


def last_level(level: str) -> str:
    """The last segment of a level path ("效益/满意度" → "满意度")."""
    parts = segments(level)
    return parts[-1] if parts else level


def score_lines(project: Project) -> dict[str, ScoreLine]:
    """The project's ScoreLines by level path, one per level.

    When a level has several lines (a form header "效益指标（30分）" giving the weight, a later line the
    score), the first line's values stand and the later lines only fill what it left empty.
    """
    out: dict[str, ScoreLine] = {}
    for line in project.scores:
        if not segments(line.level):
            continue  # a line without a level belongs nowhere in the structure
        first = out.get(line.level)
        if first is None:
            out[line.level] = line
        elif (first.weight is None and line.weight is not None) or (first.score is None and line.score is not None):
            out[line.level] = first.model_copy(update={
                "weight": first.weight if first.weight is not None else line.weight,
                "score": first.score if first.score is not None else line.score,
                "evidence": [*first.evidence, *line.evidence],
            })
    return out


_WEIGHT_WORD = lazy_compile(r"(?:分值|满分|权重)\s*(?:为|是)?\s*(\d+(?:\.\d+)?)")
_SCORE_WORD = lazy_compile(r"得分\s*(?:为|是)?\s*(\d+(?:\.\d+)?)")


def ambiguous(line: ScoreLine) -> bool:
    """True when the line's own quotes state other numbers than the line holds.

    That happens when sentences from several places (several projects) were merged into one line:
    its weight and score are then one reading among several, too unsure to judge sums or marks by.
    Only a quote's first weight and first score are its own; later ones belong to its children.
    """
    return _states_other_numbers(line.weight, line.score, tuple(ev.text for ev in line.evidence))


@lru_cache(maxsize=4096)
def _states_other_numbers(weight: Decimal | None, score: Decimal | None, quotes: tuple[str, ...]) -> bool:
    for quote in quotes:
        stated_weight, stated_score = _WEIGHT_WORD.search(quote), _SCORE_WORD.search(quote)
        if stated_weight is not None and weight is not None and Decimal(stated_weight.group(1)) != weight:
            return True
        if stated_score is not None and score is not None and Decimal(stated_score.group(1)) != score:
            return True
    return False


def reliable_lines(project: Project) -> dict[str, ScoreLine]:
    """The project's score lines by level, without the ambiguous ones."""
    return {path: line for path, line in score_lines(project).items() if not ambiguous(line)}


def level_line(project: Project, level: str) -> ScoreLine | None:
    """The ScoreLine of exactly this level, or of the same level nested differently.

    "满意度" matches "效益/满意度" and the other way round: reports nest 满意度 under 效益 or not.
    Two-segment paths match only with the same first segment, so 产出/数量 never matches another 数量.
    """
    lines = reliable_lines(project)
    if level in lines:
        return lines[level]
    wanted = segments(level)
    for path, line in lines.items():
        have = segments(path)
        if not have or not wanted or have[-1] != wanted[-1]:
            continue
        if len(have) == 1 or len(wanted) == 1 or have[0] == wanted[0]:
            return line
    return None


def is_full(weight: Decimal | None, score: Decimal | None) -> bool:
    """True when a score equals its weight (full marks)."""
    return weight is not None and score is not None and weight > 0 and score >= weight - EPSILON


@dataclass(frozen=True)
class Claim:
    """What the report claims for an indicator: its own 分值/得分, or those of its level."""

    weight: Decimal | None
    score: Decimal | None
    own: bool
    level: str
    evidence: tuple[Evidence, ...]

    @property
    def holder(self) -> str:
        """Whose score it is, as messages name it: 该指标, or the quoted level (“产出/数量”)."""
        return "该指标" if self.own else f"“{self.level}”"


def claim_for(project: Project, indicator: Indicator) -> Claim | None:
    """The indicator's own score, else the score line of its level (exact or by last segment)."""
    if indicator.score is not None:
        return Claim(indicator.weight, indicator.score, True, indicator.level, tuple(indicator.evidence))
    line = level_line(project, indicator.level)
    if line is not None and line.score is not None:
        return Claim(line.weight, line.score, False, line.level, tuple(line.evidence))
    return None


def full_marks_claim(project: Project, indicator: Indicator) -> Claim | None:
    """A claim that proves the indicator got full marks, or None.

    When the indicator's own level has no score line, a first-level line at full marks proves it too:
    a parent at full marks leaves no child below full marks.
    """
    claim = claim_for(project, indicator)
    if claim is not None:
        return claim if is_full(claim.weight, claim.score) else None
    parent = level_line(project, first_level(indicator.level))
    if parent is not None and is_full(parent.weight, parent.score):
        return Claim(parent.weight, parent.score, False, parent.level, tuple(parent.evidence))
    return None


def positive_score_claim(project: Project, indicator: Indicator) -> Claim | None:
    """A claim that shows the indicator (or its own level) was given more than 0 points, or None."""
    claim = claim_for(project, indicator)
    if claim is not None and claim.score is not None and claim.score > 0:
        return claim
    return None


_NO_REASON = {"", "无", "/", "／", "-", "—", "——", "－", "无偏差", "不适用"}


def gives_reason(text: str | None) -> bool:
    """True when a 偏差原因 cell says something ("无" or a dash is no reason)."""
    return text is not None and text.strip().strip("。.") not in _NO_REASON


def only_project_name(report: Report) -> str | None:
    """The report's project when it has just one: what prose that names no project speaks of."""
    return report.projects[0].name if len(report.projects) == 1 else None


def has_any_score(project: Project) -> bool:
    """True when the report claims any score at all for the project."""
    return (
        bool(project.scores)
        or project.total_score is not None
        or project.budget.score is not None
        or bool(project.grade)
        or any(ind.score is not None for ind in project.indicators)
    )


# ------------------------------------------------------------------------------------------
# Units
# ------------------------------------------------------------------------------------------

# the same measure word for any count: "50 个" fits a target in 项 or 家
_GENERIC_COUNT = "count:个"
_TIME_FAMILIES = {"duration", "month", "year", "quarter", "workday"}


def unit_family(unit: str | None) -> str | None:
    """The family of a unit (money, duration, percent, count:部 ...), None for no unit."""
    from reportparse.normalise.units import unit_family as family_of

    family = family_of(unit)
    return None if family == "none" else family


def unit_kind(unit: str | None) -> str | None:
    """A broad kind used to tell a true unit clash (人 vs 人次) from an actual filed under the wrong row."""
    family = unit_family(unit)
    if family is None:
        return None
    if family in _TIME_FAMILIES:
        return "time"
    if family.startswith("count:"):
        return "count"
    return family


def compatible(unit_a: str | None, unit_b: str | None) -> bool:
    """True when two units can be compared after scaling (a missing unit fits anything)."""
    fam_a, fam_b = unit_family(unit_a), unit_family(unit_b)
    if fam_a is None or fam_b is None or fam_a == fam_b:
        return True
    return _GENERIC_COUNT in (fam_a, fam_b) and unit_kind(unit_a) == unit_kind(unit_b) == "count"


def convert_to(value: Decimal, unit: str | None, to_unit: str | None) -> Decimal | None:
    """`value` in `unit` expressed in `to_unit`; a missing unit on either side keeps the value."""
    from reportparse.normalise.units import convert

    if unit is None or to_unit is None or unit == to_unit:
        return value
    converted = convert(value, unit, to_unit)
    if converted is None and compatible(unit, to_unit):
        return value  # a generic measure word (个) against a specific one
    return converted


_NUMBER = lazy_compile(r"\d+(?:\.\d+)?")
_KNOWN_FACTORS = (Decimal(1), Decimal(1000), Decimal(10_000), Decimal(100_000_000), Decimal(24), Decimal(168))


def written_factor(target: Target) -> Decimal | None:
    """The factor between the number written in the target text and its normalised value.

    A form's 实际完成值 cell often holds a bare number in the unit the 年度指标值 was written in
    ("≤90万元" → 900000 元, actual "90"). normalise scales such bare numbers; this covers an actual
    that kept no unit for another reason.
    """
    if target.value is None:
        return None
    match = _NUMBER.search(fold_width(target.raw))
    if not match:
        return Decimal(1) if unit_family(target.unit) in (None, "percent") else None
    written = Decimal(match.group())
    if written == 0:
        return Decimal(1) if target.value == 0 else None
    ratio = target.value / written
    for factor in _KNOWN_FACTORS:
        if abs(ratio - factor) <= factor * Decimal("0.0001"):
            return factor
    return None


def actual_in_target_unit(actual: Actual, target: Target) -> Decimal | None:
    """The actual's value in the target's unit; None when the units cannot be compared."""
    if actual.value is None:
        return None
    if actual.unit is None and target.unit is not None:
        if unit_family(target.unit) == "percent" and target.value is not None and (
            0 < actual.value <= Decimal("1.5") < target.value
        ):
            return actual.value * 100  # a share written as a fraction (0.98 against ≥95%)
        factor = written_factor(target)
        return None if factor is None else actual.value * factor
    if not compatible(actual.unit, target.unit):
        return None
    return convert_to(actual.value, actual.unit, target.unit)


# ------------------------------------------------------------------------------------------
# Verdicts: does an actual show the target met?
# ------------------------------------------------------------------------------------------

_LOWER_WORDS = ("多", "余", "超", "以上", "逾")


def bound(actual: Actual) -> str:
    """How an actual's number binds the true value: "lower" (90%以上), "upper" (不超过) or "exact"."""
    if actual.comparator in (">=", ">"):
        return "lower"
    if actual.comparator in ("<=", "<"):
        return "upper"
    if actual.approx and any(word in actual.raw for word in _LOWER_WORDS):
        return "lower"
    return "exact"


def quantitative(target: Target | None) -> bool:
    """True for a target with a number and a direction (not qualitative)."""
    return target is not None and target.value is not None and target.comparator in POSITIVE + REVERSE


def measured(indicator: Indicator) -> list[Actual]:
    """The indicator's measured actuals that carry a number."""
    return [a for a in indicator.actuals if a.kind == "measured" and a.value is not None]


def comparable(indicator: Indicator) -> list[tuple[Actual, Decimal]]:
    """Measured actuals that can be compared with the target, with their base values."""
    return in_target_unit(indicator, measured(indicator))


def in_target_unit(indicator: Indicator, actuals: Iterable[Actual]) -> list[tuple[Actual, Decimal]]:
    """`actuals` with their values in the unit of a quantitative target; those that do not convert are left out.

    No actual is returned for a target without a number and a direction.
    """
    target = indicator.target
    if target is None or not quantitative(target):
        return []
    pairs = ((actual, actual_in_target_unit(actual, target)) for actual in actuals)
    return [(actual, value) for actual, value in pairs if value is not None]


#: money that is earned, not spent: income, sales, output value — under 效益 more is better
_EARNED = lazy_compile(r"收入|增收|销售|产值|收益|效益|营业额|利润|税收|带动")
# "=" (a bare number) is scored like ≥ (scoring-rules R4b), except where a smaller value is better
# (harm rates too: 森林火灾受害率, 有害生物成灾率)
_SMALLER_IS_BETTER = lazy_compile(
    r"成本|费用|投诉|事故|差错|误差|超支|延误|故障|中断|时限|周期|耗时|响应|发生率|受害率|受灾率|成灾率|伤亡|损失率")


def direction(indicator: Indicator) -> str | None:
    """"up" when more is better, "down" when less is better, None when the target does not say.

    A written ≥/≤ decides. A bare number ("=") reads as ≥, but as ≤ for money and for names that
    count costs, failures or delays, and a bare duration gives no direction at all.
    """
    target = indicator.target
    if target is None:
        return None
    if target.comparator in (">=", ">"):
        return "up"
    if target.comparator in REVERSE:
        return "down"
    if target.comparator != "=":
        return None
    family = unit_family(target.unit)
    if positive_by_nature(indicator.name) and family not in ("money",) and not (family or "").startswith("money/"):
        return "up"  # a 满意度 the reader filed under 成本 is still more-is-better
    if family == "money" and _EARNED.search(f"{indicator.level}{indicator.name}") and not _SMALLER_IS_BETTER.search(
            indicator.name):
        return "up"  # money earned (木材销售收入 1100万元 under 经济效益) is a floor, not a cost ceiling
    if family == "money" or (family or "").startswith("money/") or _SMALLER_IS_BETTER.search(
        f"{indicator.level}{indicator.name}"
    ):
        return "down"
    if unit_kind(target.unit) == "time":
        return None
    return "up"


def money_ceiling(indicator: Indicator) -> bool:
    """A cost ceiling in money (项目总成本 ≤202.6万元): spending well under it is a saving the budget checks
    already see (执行率, 结余), not a target set too low."""
    family = unit_family(indicator.target.unit if indicator.target is not None else None) or ""
    return direction(indicator) == "down" and (family == "money" or family.startswith("money/"))


def meets(indicator: Indicator, actual: Actual, value: Decimal) -> bool | None:
    """Does the actual (`value`, in the target's unit) show the target met? None when it cannot say.

    A lower bound below a positive target ("90%以上" vs ≥95%) does not show the target met, so it
    counts as missed; an upper bound above a reverse target likewise.
    """
    target = indicator.target
    way = direction(indicator)
    if target is None or target.value is None:
        return None
    goal = target.value
    if way is None:
        return True if value == goal and bound(actual) == "exact" else None
    kind = bound(actual)
    strict = target.comparator in (">", "<")
    if way == "up":
        if kind == "upper":
            return False if value < goal else None
        return value > goal if strict else value >= goal
    if kind == "lower":
        return False if value > goal else None
    return value < goal if strict else value <= goal


# ------------------------------------------------------------------------------------------
# Evidence and formatting
# ------------------------------------------------------------------------------------------


def ends_document(indicator: Indicator, document: Document | None) -> bool:
    """True when the indicator's row is where the document stops: the last row of its last table, or
    the last line of its last paragraph — an excerpt cut inside the form, not a row left unfilled."""
    if document is None or not document.elements:
        return False
    end = document.elements[-1]
    final = end.lines[-1].line if isinstance(end, Paragraph) and end.lines else None
    if isinstance(end, Table) and end.rows:
        # (a text's last table whose rows a form reader rebuilt into a table of its own: its rows keep their lines)
        final = max((cell.line for cell in end.rows[-1] if cell.line is not None), default=None)
    for ev in indicator.evidence:
        if isinstance(end, Table) and ev.table == end.index and ev.row is not None and ev.row >= len(end.rows) - 1:
            return True
        if final is not None and ev.line is not None and ev.line >= final - 1:
            return True
    return False


def evidence_of(*sources: Iterable[Evidence] | None) -> list[Evidence]:
    """Concatenate evidence lists, skipping missing ones (new_finding removes duplicates)."""
    out: list[Evidence] = []
    for source in sources:
        if source:
            out.extend(source)
    return out


def fmt(value: Decimal | None, places: int = 2) -> str:
    """A number rounded to `places` decimals, without trailing zeros: 10, 9.71, 0.25."""
    if value is None:
        return "?"
    step = Decimal(1).scaleb(-places)
    quantised = value.quantize(step) if value.as_tuple().exponent < -places else value  # type: ignore[operator]
    text = f"{quantised:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def fmt_money(value: Decimal | None) -> str:
    """Money in the unit reports use: 万元 from ten thousand up, else 元."""
    if value is None:
        return "?"
    in_wan = value / 10_000
    if abs(value) >= 10_000 or (abs(value) >= 1000 and in_wan == in_wan.quantize(Decimal("0.01"))):
        return f"{fmt(in_wan, 6)}万元"  # 元 to the 分 is 万元 to six places
    return f"{fmt(value)}元"


def fmt_quantity(value: Decimal | None, unit: str | None) -> str:
    """A base value written with its unit (money in 万元, durations in 小时)."""
    family = unit_family(unit)
    if family == "money":
        return fmt_money(value)
    if family == "duration":
        return f"{fmt(value)}小时"
    if family == "percent":
        return f"{fmt(value)}%"
    return f"{fmt(value)}{unit or ''}"


_CMP_TEXT = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "qualitative": ""}


def fmt_target(target: Target) -> str:
    """A target as comparator and base value, with its text: "≥0.25小时（单集片长不少于15分钟）"."""
    if target.value is None:
        return target.raw
    shown = f"{_CMP_TEXT.get(target.comparator, '')}{fmt_quantity(target.value, target.unit)}"
    same = re.sub(r"\s+", "", target.raw) in (shown, shown.lstrip("="))
    return shown if same else f"{shown}（{target.raw}）"


def fmt_actual(actual: Actual, value: Decimal | None, unit: str | None) -> str:
    """An actual as its base value and quote: "90%（达 90%以上）"."""
    prefix = _CMP_TEXT.get(actual.comparator or "", "")
    return f"{prefix}{fmt_quantity(value, unit)}（{actual.raw}）"


def named(projects: Iterable[Project]) -> Iterator[tuple[Project, Indicator]]:
    """Every (project, indicator) pair of the report."""
    for project in projects:
        for indicator in project.indicators:
            yield project, indicator


def with_target(projects: Iterable[Project]) -> Iterator[tuple[Project, Indicator, Target]]:
    """Every (project, indicator, target) of the report, for the indicators that have a target."""
    for project in projects:
        for indicator in project.indicators:
            if indicator.target is not None:
                yield project, indicator, indicator.target
