"""Scoring profiles and formulas (shared/docs/scoring-rules.md §2, R3–R7).

A profile names one reading of the rules. Findings that depend on a formula name the profile.
The formulas themselves live here as pure functions over Decimals so that forms and narrative
reports are recomputed the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

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
