"""Case tables for every formula and edge case of scoring-rules.md R3–R7."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.scoring import (
    budget_score,
    direction,
    equal_score,
    formula_scores,
    get_profile,
    grade_for,
    in_band,
    positive_score,
    qualitative_band,
    qualitative_tier,
    qualitative_tier_detail,
    reverse_score_pmkpi,
    reverse_score_ratio,
    reverse_scores,
)

D = Decimal
NATIONAL = get_profile("national-2020")
GZ = get_profile("guangzhou")
PMKPI = get_profile("pmkpi")
BANDS_80_50 = get_profile("bands-80-50")

# (planned A, executed B, weight W, expected)
BUDGET_CASES = [
    ("100000", "100000", "10", "10.00"), ("54500", "52900", "10", "9.71"), ("98000", "98000", "10", "10.00"),
    ("899740", "899740", "10", "10.00"), ("100", "120", "10", "10.00"),  # over-execution capped at W
    ("100", "50", "20", "10.00"), ("3", "1", "10", "3.33"), ("3", "2", "10", "6.67"),
    ("100", "0", "10", "0.00"), ("100", "-5", "10", "0.00"),  # negative executed clamped to 0
    ("0", "0", "10", None), ("0", "5", "10", None), ("-1", "5", "10", None),  # no budget: not computable
    (None, "5", "10", None), ("5", None, "10", None), ("5", "5", None, None),
]


@pytest.mark.parametrize(("planned", "executed", "weight", "expected"), BUDGET_CASES,
                         ids=[f"A{c[0]}-B{c[1]}-W{c[2]}" for c in BUDGET_CASES])
def test_budget_score(planned: str | None, executed: str | None, weight: str | None, expected: str | None) -> None:
    result = budget_score(*(D(x) if x is not None else None for x in (planned, executed, weight)))
    assert result == (D(expected) if expected is not None else None)


# (A, B, W, expected) for ≥ / >
POSITIVE_CASES = [
    ("5", "7", "15", "15.00"), ("5", "5", "15", "15.00"), ("5", "4", "15", "12.00"), ("95", "90", "15", "14.21"),
    ("100", "0", "10", "0.00"), ("100", "-3", "10", "0.00"), ("0", "0", "10", "10.00"), ("0", "5", "10", "10.00"),
    ("3", "1", "10", "3.33"), ("3", "2", "10", "6.67"), ("8", "1", "1", "0.13"),  # 0.125 rounds half up
    ("90", "98", "10", "10.00"),
]


@pytest.mark.parametrize(("target", "actual", "weight", "expected"), POSITIVE_CASES,
                         ids=[f"A{c[0]}-B{c[1]}" for c in POSITIVE_CASES])
def test_positive_score(target: str, actual: str, weight: str, expected: str) -> None:
    assert positive_score(D(target), D(actual), D(weight)) == D(expected)


EQUAL_CASES = [
    ("0", "0", "10", "10.00"), ("0", "-1", "10", "10.00"), ("0", "1", "10", "0.00"), ("1", "1", "10", "10.00"),
    ("1", "2", "10", "10.00"), ("4", "3", "10", "7.50"), ("90", "100", "10", "10.00"), ("10", "-2", "10", "0.00"),
]


@pytest.mark.parametrize(("target", "actual", "weight", "expected"), EQUAL_CASES,
                         ids=[f"A{c[0]}-B{c[1]}" for c in EQUAL_CASES])
def test_equal_score(target: str, actual: str, weight: str, expected: str) -> None:
    assert equal_score(D(target), D(actual), D(weight)) == D(expected)


# (A, B, W, pmkpi, ratio)
REVERSE_CASES = [
    ("90", "100", "10", "8.89", "9.00"),  # the documented example: 0.889 W vs 0.900 W
    ("90", "90", "10", "10.00", "10.00"), ("90", "60", "10", "10.00", "10.00"),
    ("100", "150", "10", "5.00", "6.67"), ("100", "199", "10", "0.10", "5.03"),
    ("100", "200", "10", "0.00", "5.00"), ("100", "300", "10", "0.00", "3.33"),
    ("0", "0", "10", "10.00", "10.00"),  # 安全事故 ≤ 0, actual 0
    ("5", "0", "10", "10.00", "10.00"),  # B = 0: ratio would divide by zero
    ("0", "1", "10", "0.00", "0.00"),  # A = 0 and B > 0
    ("72", "-5", "10", "10.00", "10.00"),  # negative actual clamped
    ("210700", "0", "10", "10.00", "10.00"),
]


@pytest.mark.parametrize(("target", "actual", "weight", "pmkpi", "ratio"), REVERSE_CASES,
                         ids=[f"A{c[0]}-B{c[1]}" for c in REVERSE_CASES])
def test_reverse_formulas(target: str, actual: str, weight: str, pmkpi: str, ratio: str) -> None:
    a, b, w = D(target), D(actual), D(weight)
    assert reverse_score_pmkpi(a, b, w) == D(pmkpi)
    assert reverse_score_ratio(a, b, w) == D(ratio)
    assert reverse_scores(a, b, w, NATIONAL) == [D(pmkpi), D(ratio)]
    assert reverse_scores(a, b, w, PMKPI) == [D(pmkpi)]
    assert reverse_scores(a, b, w, GZ) == [D(ratio)]


# (tier, weight, profile, (low, high, inclusive))
BAND_CASES = [
    ("达成", "10", NATIONAL, ("8.00", "10.00", True)), ("部分达成", "10", NATIONAL, ("6.00", "8.00", False)),
    ("未达成", "10", NATIONAL, ("0.00", "6.00", False)), ("达成", "15", NATIONAL, ("12.00", "15.00", True)),
    ("部分达成", "15", BANDS_80_50, ("7.50", "12.00", False)), ("未达成", "15", BANDS_80_50, ("0.00", "7.50", False)),
    ("部分达成", "7", NATIONAL, ("4.20", "5.60", False)), ("达成", "3.33", NATIONAL, ("2.66", "3.33", True)),
]


@pytest.mark.parametrize(("tier", "weight", "profile", "band"), BAND_CASES,
                         ids=[f"{c[0]}-W{c[1]}-{c[2].name}" for c in BAND_CASES])
def test_qualitative_band(tier: str, weight: str, profile: object, band: tuple[str, str, bool]) -> None:
    low, high, inclusive = qualitative_band(tier, D(weight), profile)  # type: ignore[arg-type]
    assert (low, high, inclusive) == (D(band[0]), D(band[1]), band[2])


# (score, tier, weight, profile, inside?) at the 80/60 and 80/50 boundaries
BOUNDARY_CASES = [
    ("8", "达成", NATIONAL, True), ("7.99", "达成", NATIONAL, False), ("10", "达成", NATIONAL, True),
    ("10.01", "达成", NATIONAL, False), ("8", "部分达成", NATIONAL, False), ("7.99", "部分达成", NATIONAL, True),
    ("6", "部分达成", NATIONAL, True), ("5.99", "部分达成", NATIONAL, False), ("6", "未达成", NATIONAL, False),
    ("5.99", "未达成", NATIONAL, True), ("0", "未达成", NATIONAL, True), ("5", "部分达成", BANDS_80_50, True),
    ("4.99", "部分达成", BANDS_80_50, False), ("5", "未达成", BANDS_80_50, False),
    ("4.99", "未达成", BANDS_80_50, True), ("5.5", "部分达成", NATIONAL, False),
]


@pytest.mark.parametrize(("score", "tier", "profile", "inside"), BOUNDARY_CASES,
                         ids=[f"S{c[0]}-{c[1]}-{c[2].name}" for c in BOUNDARY_CASES])
def test_band_boundaries(score: str, tier: str, profile: object, inside: bool) -> None:
    assert in_band(D(score), tier, D(10), profile) is inside  # type: ignore[arg-type]


def test_unknown_tier_raises() -> None:
    with pytest.raises(ValueError):
        qualitative_band("优秀", D(10), NATIONAL)


TIER_CASES = [
    ("达成", "达成"), ("达成预期指标", "达成"), ("达成年度指标", "达成"), ("全部达成", "达成"),
    ("部分达成", "部分达成"), ("部分达成年度指标并具有一定效果", "部分达成"), ("未达成", "未达成"),
    ("未达成年度指标且效果较差", "未达成"), ("效果显著", "达成"), ("效果明显", "达成"), ("按时完成", "达成"),
    ("及时", "达成"), ("是", "达成"), ("否", "未达成"), ("不及时", "未达成"), ("未完成", "未达成"),
    ("基本达成", "达成"), ("满意度普遍较高", None), ("", None), ("见附件", None), ("效果不明显", "未达成"),
    ("没有达到预期", "未达成"), ("部分实现", "部分达成"), ("大部分完成", "部分达成"), ("按期完成", "达成"),
    ("未实现", "未达成"), ("全部完成", "达成"),
]


@pytest.mark.parametrize(("text", "tier"), TIER_CASES, ids=[c[0] or "empty" for c in TIER_CASES])
def test_qualitative_tier(text: str, tier: str | None) -> None:
    assert qualitative_tier(text) == tier


@pytest.mark.parametrize("text", ["基本达成", "基本完成", "基本实现"])
def test_basically_met_is_ambiguous(text: str) -> None:
    assert qualitative_tier_detail(text) == ("达成", True)
    assert qualitative_tier_detail("达成") == ("达成", False)


GRADE_CASES = [
    ("100", "优"), ("90", "优"), ("89.99", "良"), ("89.5", "良"), ("80", "良"), ("79.99", "中"), ("60", "中"),
    ("59.99", "差"), ("0", "差"), ("-1", "差"),
]


@pytest.mark.parametrize(("total", "grade"), GRADE_CASES, ids=[c[0] for c in GRADE_CASES])
def test_grade_for(total: str, grade: str) -> None:
    assert grade_for(D(total), NATIONAL) == grade


@pytest.mark.parametrize(("comparator", "expected"), [
    (">=", ["8.00"]), (">", ["8.00"]), ("=", ["8.00"]), ("<=", ["10.00"]), ("<", ["10.00"]), ("qualitative", []),
])
def test_formula_scores_by_comparator(comparator: str, expected: list[str]) -> None:
    assert formula_scores(comparator, D(5), D(4), D(10), NATIONAL) == [D(x) for x in expected]


def test_formula_scores_reverse_deduplicates_and_keeps_profile_order() -> None:
    assert formula_scores("<=", D(90), D(100), D(10), NATIONAL) == [D("8.89"), D("9.00")]
    assert formula_scores("<=", D(90), D(90), D(10), NATIONAL) == [D("10.00")]
    assert direction("≥") is None and direction(">=") == "positive"
