"""Level paths and the scores a report claims for them, as the check modules look them up.

A level is a path such as "效益/满意度". These helpers answer the questions several checks ask the same way:
the project's score line of a level (exact, or the same level nested differently), whether a line is too
ambiguous to judge by, which claimed score covers an indicator, and whether it shows full marks.
Nothing here registers a check.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Indicator, Project, ScoreLine

#: two scores within this are the same score (profile tolerances are used for formula checks)
EPSILON = Decimal("0.005")


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


def has_any_score(project: Project) -> bool:
    """True when the report claims any score at all for the project."""
    return (
        bool(project.scores)
        or project.total_score is not None
        or project.budget.score is not None
        or bool(project.grade)
        or any(ind.score is not None for ind in project.indicators)
    )
