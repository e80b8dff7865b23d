"""Figures a text dump glued into one run of digits, taken apart where the form says how.

An OCR'd or previewed 自评表 prints a row's figures with no separator: '5088' after '≥50个' is the
row's result 50, 分值 8 and 得分 8; '901010010' under 指标值 | 权重 | 完成值 | 得分 is 90 | 10 | 100 | 10;
'1.561.56120' is a fund row's equal amounts and its rate and score. Each function here lists the
readings a run allows — every part a number without a leading zero, the 分值 above 0 and at most 100
(and at most what its level's printed weight allows), the 得分 no more than the 分值 — and keeps the
one the form's own evidence picks (the 分值 of the rows before, equal amounts, the target's size).
Where more than one reading still fits, the likeliest is taken and said to be uncertain: the
reader marks the row, and a finding resting on it is only an info (checks.mark_uncertain).
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.parse.form.levellabels import label_kind

#: Equal fund amounts run together before their rate: '10001000100%' (and a 分值 after them: '40404010100%').
_FUND_RUN = lazy_compile(r"(\d+)100[%％]")
_MAX_WEIGHT = 100
#: Most of a rate that a glued run of figures is read as (a share of a whole, 完成率, 受害率).
_MAX_PERCENT = 100


def glued_figures(run: str, columns: tuple[str, ...], percent: bool = False,
                  weights: tuple[str, ...] = ()) -> list[str] | None:
    """A row's figures printed with no separator ('901010010' under 指标值 | 权重 | 完成值 | 得分), taken
    apart the one way the form allows: every part a number without a leading zero, the 分值 above 0 and
    at most 100, the 得分 no more than the 分值, and (`percent`: the row's unit is %) a target and a
    result of at most 100%; where several readings fit, the one whose 分值 is one the rows before
    gave (`weights`: '0.910010' is 0.9|10|0|10 beside rows of 10, not 0.9|100|1|0). None when no
    reading or still more than one fits ('2810810' in 万亩: 28|10|8|10 or 28|10|81|0) — a guess
    would make up a figure."""
    readings = [parts for parts in cuts(run, len(columns))
                if _fits(dict(zip(columns, parts, strict=True)), percent)]
    if len(readings) > 1:
        at = columns.index("weight")
        readings = [parts for parts in readings if parts[at] in weights]
    return readings[0] if len(readings) == 1 else None


def cuts(run: str, count: int, figure: LazyPattern | None = None) -> list[list[str]]:
    """Every way to cut `run` into `count` figures that each match `figure` in full (a 分值/得分 figure when
    None), in order of the first cut's length."""
    figure = figure or _NUMBER
    if count == 1:
        return [[run]] if figure.fullmatch(run) else []
    out: list[list[str]] = []
    for cut in range(1, len(run) - count + 2):
        head = run[:cut]
        if figure.fullmatch(head):
            out.extend([head, *rest] for rest in cuts(run[cut:], count - 1, figure))
    return out


def _fits(figures: dict[str, str], percent: bool) -> bool:
    weight, score = Decimal(figures["weight"]), Decimal(figures["score"])
    rates = [Decimal(figures[r]) for r in ("target", "actual") if r in figures] if percent else []
    return 0 < weight <= _MAX_WEIGHT and score <= weight and all(rate <= _MAX_PERCENT for rate in rates)


#: One number as a form prints it: no leading zero (but 0 and 0.5), no trailing point.
_NUMBER = lazy_compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")


def apart(figure: str, last: bool, after_target: bool = False, weights: list[str] | None = None,
           target: str = "", after_text: bool = False, cap: int | None = None,
           whole_row: bool = False) -> tuple[list[str], bool]:
    """A figure the dump glued to its neighbour, taken apart where the form says how: a fund row's
    amounts before their 100% rate, or the bare number that ends a row's figures (`last`), its 分值
    and 得分 ('100' stays whole: a 10 scored 0 is rarer than a bare 100) — after the row's target
    (`after_target`), maybe its result too ('≥50个 5088': 50 | 8 | 8). With it, whether the cut is
    uncertain: more than one reading fits and no 分值 of the rows before (`weights`) picks one; then
    the reading whose result is nearest the target's size is taken, and marked. After a text
    (`after_text`: a target in words, or one the name swallowed: '合格率≥100百分比10088') a result
    is read only where the rows' 分值 say so (100 | 8 | 8 beside rows of 8, not 100 | 88). No 分值
    is above its 一级 level's printed weight (`cap`: '产出指标(50分)' … '888' is 8 | 8 | 8, not 88 | 8);
    between a 分值/得分 pair and a result before it that still both fit, the pair is taken (marked).
    After a row's name (`whole_row`: the header prints target, result, 分值 and 得分) the run may
    be all four ('指标1成本控制率1001001010'): a reading whose target and result have as many
    digits as each other (100 | 100 | 10 | 10) is taken before the others, marked when others fit."""
    fund = _FUND_RUN.fullmatch(figure)
    if fund:
        return [*_equal_amounts(fund.group(1)), figure[len(fund.group(1)):]], False
    bound = _BOUND_RUN.fullmatch(figure) if last and whole_row else None
    if bound:  # a target's comparator, then its number glued to the result, 分值 and 得分 ('≤441010')
        parts, unsure = apart(bound.group(2), last, weights=weights, cap=cap, whole_row=True)
        return ([bound.group(1) + parts[0], *parts[1:]], unsure) if len(parts) == 4 else ([figure], False)
    if not last or figure == "100" or not _BARE_RUN.fullmatch(figure):
        return [figure], False

    def fits(weight: str, score: str) -> bool:  # (a 分值 and a 得分 print at most two decimals)
        return _fits({"weight": weight, "score": score}, False) and (cap is None or Decimal(weight) <= cap) \
            and not _LONG_DECIMAL.search(weight + " " + score)

    pairs = [list(p) for p in cuts(figure, 2) if fits(*p)]
    triples = [list(p) for p in cuts(figure, 3) if fits(p[1], p[2])] if after_target or after_text else []
    quads = [list(p) for p in cuts(figure, 4) if fits(p[2], p[3]) and _same_size(p[0], p[1])] \
        if whole_row else []
    if quads:
        known = [parts for parts in quads if parts[-2] in (weights or [])]
        if len(known) == 1:
            return known[0], False
        return quads[0], len(quads) > 1 or bool(pairs) or bool(triples)
    if after_text and not after_target:
        known = [parts for parts in triples if parts[-2] in (weights or [])]
        if len(known) == 1 and not any(parts[-2] in (weights or []) for parts in pairs):
            return known[0], False
        triples = []
    readings = pairs + triples
    if not readings:
        return [figure], False
    if len(readings) > 1:
        known = [parts for parts in readings if parts[-2] in (weights or [])]
        if len(known) == 1:
            return known[0], False
        size = len(target.split(".")[0])  # the likeliest result: as many digits as the target
        # (and a result printed without a trailing zero after its point: 132.9 | 10 | 10, not 132.910 | 1 | 0)
        triples.sort(key=lambda parts: (abs(len(parts[0].split(".")[0]) - size),
                                        "." in parts[0] and parts[0].endswith("0"), -len(parts[0])))
        return (pairs or triples)[0], True
    return readings[0], False


#: A comparator glued to a run of digits: a target and the figures after it ('≤441010').
_BOUND_RUN = lazy_compile(r"(≥|≤|≧|≦|>|<|=|＝|不低于|不少于|不高于|不超过|大于等于|小于等于)(\d{4,12})")
#: A number with more than two decimals.
_LONG_DECIMAL = lazy_compile(r"\.\d{3,}")
#: A run of digits (and a decimal point) that may end a row: its result, 分值 and 得分 glued (a 得分 with
#: decimals too: '64.7' is 6 | 4.7).
_BARE_RUN = lazy_compile(r"\d{2,12}|\d+\.\d{3,}|\d{2,4}\.\d{1,2}")


def _same_size(target: str, actual: str) -> bool:
    """A target and a result of as many whole digits (100 and 98, not 10010 and 0)."""
    return len(target.split(".")[0]) == len(actual.split(".")[0])


def amounts_apart(run: str, sub_row: bool = False) -> tuple[list[str], bool]:
    """'1.561.56120' → 1.56 1.56 120, '64.864.864.8100' → 64.8 64.8 64.8 100: amounts of one or two
    decimals while a decimal point is left, then the figure after them; the reading whose amounts
    are equal wins (a fund row repeats its amount when all of it was spent), else two decimals —
    uncertain (True) when the one-decimal reading fits too ('43.237.24': 43.2 | 37.24 or 43.23 | 7.24).
    A 其中 row (`sub_row`: no 分值 or rate after its amounts) whose run ends in one amount twice is its
    年初 amount, then the year's budget spent in full, whatever their decimals ('9089.97489.974' →
    90 | 89.974 | 89.974, not 9089.97 | 489.97 | 4)."""
    readings: list[list[str]] = []
    whole: list[bool] = []
    for decimals in (1, 2):
        amounts: list[str] = []
        rest = run
        while "." in rest:
            amount = re.match(rf"\d+\.\d{{1,{decimals}}}", rest)
            if amount is None:
                break
            amounts.append(amount.group(0))
            rest = rest[amount.end():]
        if len(set(amounts)) == 1 and len(amounts) >= 2 and "." not in rest:
            return [*amounts, *_rate_and_score(rest)], False
        readings.append([*amounts, rest] if rest else amounts)
        whole.append("." not in rest and not rest.startswith("0"))
    spent = _spent_in_full(run) if sub_row else None
    if spent is not None:
        return spent, False
    return readings[-1], all(whole) and readings[0] != readings[-1]


#: An amount of a fund row: no leading zero (but 0 and 0.5), at most four decimals (万元 to the yuan).
FUND_AMOUNT = lazy_compile(r"(?:0|[1-9]\d*)(?:\.\d{1,4})?")


def _spent_in_full(run: str) -> list[str] | None:
    """'202.64132.912132.912' → 202.64 132.912 132.912: the one cut of the run into an amount and a
    decimal amount twice; None when there is none or more than one."""
    readings = [[run[:-2 * size], run[-size:]] for size in range(3, len(run) // 2 + 1)
                if run[-2 * size:-size] == run[-size:] and "." in run[-size:]
                and FUND_AMOUNT.fullmatch(run[-size:]) and FUND_AMOUNT.fullmatch(run[:-2 * size])]
    if len(readings) != 1:
        return None
    first, spent = readings[0]
    return [first, spent, spent]


def _rate_and_score(run: str) -> list[str]:
    """What follows equal amounts: their rate, 100 (or the ratio 1), then the score run into it
    ('120' → 1 20, '10020' → 100 20)."""
    for rate in ("100", "1"):
        score = run[len(rate):]
        if run.startswith(rate) and score and score[0] != "0" and int(score) <= _MAX_WEIGHT:
            return [rate, score]
    return [run] if run else []


def _equal_amounts(run: str) -> list[str]:
    """'10001000' → 1000 1000; '40404010' → 40 40 40 10 (a 分值 after the amounts); [run] when the
    run is not a repeated amount."""
    for size in range(1, len(run) // 2 + 1):
        amount = run[:size]
        count = 1
        while run.startswith(amount, size * count):
            count += 1
        rest = run[size * count:]
        if count >= 2 and amount[0] != "0" and (not rest or (rest[0] != "0" and int(rest) <= _MAX_WEIGHT)):
            return [amount] * count + ([rest] if rest else [])
    return [run]


def weight_and_score(run: str) -> list[str]:
    """'2020' → 20 20, '2018' → 20 18, '126' → 12 6: the first cut where neither part has a leading
    zero, the 分值 is at most 100 and the 得分 no more than it; [run] when none fits."""
    for cut in range(1, len(run)):
        weight, score = run[:cut], run[cut:]
        if weight[0] != "0" and (score == "0" or score[0] != "0") and 0 < int(weight) <= _MAX_WEIGHT \
                and int(score) <= int(weight):
            return [weight, score]
    return [run]


def level_room(cells: list[str], weight_at: set[int]) -> Decimal | None:
    """What the printed weight of the 一级 level the cells so far are in ('产出指标(50分)' → 50)
    leaves for a next row's 分值: the weight less the 分值 of its rows read so far (`weight_at`,
    the cells that are a row's 分值); None when the level prints no weight."""
    level = next((i for i in range(len(cells) - 1, -1, -1) if label_kind(cells[i]) == 1), -1)
    weight = _PRINTED_WEIGHT.search(cells[level]) if level >= 0 else None
    if weight is None:
        return None
    return Decimal(weight.group(1)) - sum((Decimal(cells[i]) for i in weight_at if i > level), Decimal(0))


def level_weight(cells: list[str]) -> int | None:
    """The printed weight of the 一级 level the cells so far are in ('产出指标(50分)' → 50)."""
    level = next((cell for cell in reversed(cells) if label_kind(cell) == 1), None)
    weight = _PRINTED_WEIGHT.search(level) if level else None
    return int(weight.group(1)) if weight else None


#: A level's printed weight: '(50分)', '(50)', '30分'.
_PRINTED_WEIGHT = lazy_compile(r"(\d{1,3})分?[)）]?$")
