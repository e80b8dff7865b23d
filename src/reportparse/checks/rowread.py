"""Is a row's reading its own? Preconditions of the checks that judge one indicator row (score-exceeds-weight,
deviation-reason-missing, missing-values, met-but-deducted, score-mismatch): a careful auditor raises nothing on
a row that is no indicator, and judges a row's points only against a 分值 that is the row's own.

- A row named by a column header ('分析及改进措施'), a level label alone ('数量指标', '时效'), a total ('小计') or a
  value ('=100%') is a header, a label row or a row whose cells were shifted: its figures belong elsewhere. The
  words are in lexicon/row_names.json.
- A 分值 printed once for a group of rows, its cell merged down over them, is read on the group's first row: the
  rows after it carry a 得分 and no 分值 of their own, and the group's scores fit within that one figure. That
  figure is the group's, so the first row's score below it is no deduction of that row.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from reportparse.checks.levels import level_line
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Indicator, Project

_SLACK = Decimal("0.05")
#: a target's comparator and figure at the end of a name ('…成本（≤80.', '…率≥95'): the dump ran them into it
_TARGET_TAIL = lazy_compile(r"[（(]?\s*[≥≤<>=＝≧≦]\s*\d+(?:\.\d*)?\s*[%％]?\s*$")
#: what a name must keep before a worded target run into it
_MIN_NAME_LEFT = 4
#: the points of a whole self-evaluation form
_FORM_POINTS = Decimal(100)
_BLANKS = lazy_compile(r"[\s　:：()（）]+")
#: a name that is a figure: a target or an actual in the name's column ('=100%', '≥95', '12个')
_VALUE_NAME = lazy_compile(r"[≥≤<>=＝≧≦]?\d+(?:\.\d+)?(?:%|％|分|个|人|次|元|万元)?")
#: a level label as the whole name: a level word, with 指标 or 目标 after it ('数量指标', '产出目标', '时效')
_LEVEL_SUFFIX = "(?:指标|目标)?(?:[(（]?\\d+(?:\\.\\d+)?分?[)）]?)?"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = lexicon("row_names.json")
    header = re.compile(alternation(words["header_words"]))
    whole = re.compile(f"(?:{alternation([*words['header_names'], *words['total_names']])})")
    level = re.compile(f"(?:产出|效益)?(?:{alternation(words['bare_level_words'])}){_LEVEL_SUFFIX}")
    return header, whole, level


def misread_row_name(name: str) -> bool:
    """Is the row's name a header word, a level label alone, a total or a value rather than an indicator's?"""
    key = _BLANKS.sub("", name)
    if not key:
        return True
    header, whole, level = _patterns()
    return bool(header.search(key) or whole.fullmatch(key) or level.fullmatch(key) or _VALUE_NAME.fullmatch(key))


def first_level_of(indicator: Indicator) -> str:
    return indicator.level.split("/")[0]


def weight_of_group(project: Project, indicator: Indicator) -> bool:
    """Is the row's 分值 the one figure of a group of rows (a cell merged down over them): rows right after it,
    under the same first level, carry a 得分 and no 分值, and the group's scores fit within the figure?"""
    if indicator.weight is None or indicator.score is None:
        return False
    rows = project.indicators
    at = next((i for i, row in enumerate(rows) if row is indicator), None)
    if at is None:
        return False
    scores = [indicator.score]
    for row in rows[at + 1:]:
        if row.weight is not None or row.score is None or first_level_of(row) != first_level_of(indicator):
            break
        scores.append(row.score)
    return len(scores) > 1 and sum(scores, Decimal(0)) <= indicator.weight + _SLACK


def score_of_group(project: Project, indicator: Indicator) -> bool:
    """Is the row's 得分 the one figure of a group of rows (a 得分 cell merged down over them): above the row's own
    分值, the rows right after it, under the same first level, carry a 分值 and no 得分, and the group's 分值 hold
    the figure?"""
    if indicator.weight is None or indicator.score is None or indicator.score <= indicator.weight + _SLACK:
        return False
    return bool(_group_below(project, indicator)) and indicator.score <= indicator.weight + sum(
        (row.weight for row in _group_below(project, indicator) if row.weight is not None), Decimal(0)) + _SLACK


def _group_below(project: Project, indicator: Indicator) -> list[Indicator]:
    """The rows right after `indicator` under its first level that carry a 分值 and no 得分."""
    rows = project.indicators
    at = next((i for i, row in enumerate(rows) if row is indicator), None)
    below: list[Indicator] = []
    for row in rows[at + 1:] if at is not None else []:
        if row.weight is None or row.score is not None or first_level_of(row) != first_level_of(indicator):
            break
        below.append(row)
    return below


def scored_in_a_group(project: Project) -> set[int]:
    """The rows (by id) whose 得分 a row above them holds for their group (`score_of_group`)."""
    return {id(row) for ind in project.indicators if score_of_group(project, ind) for row in _group_below(project, ind)}


def shifted_left(indicator: Indicator) -> bool:
    """Are the row's figures read one column left of their own: no 得分, and the 实际完成值 a bare figure equal to
    the 分值 (a dump that printed a merged cell once gave the row one cell fewer, its 分值 under 实际完成值 and its
    得分 under 分值)?"""
    target = indicator.target
    if indicator.score is not None or indicator.weight is None or target is None or not target.unit:
        return False  # (a target printed with its unit, '≥4座', beside a bare actual: the bare one is no result)
    return any(a.value is not None and a.value == indicator.weight and _VALUE_NAME.fullmatch(a.raw.strip())
               and not any(c in a.raw for c in "%％") for a in indicator.actuals)


def weight_beyond_its_level(project: Project, indicator: Indicator) -> bool:
    """Is the row's 分值 more than its first level's printed 分值 (or than the form's 100)? No row can weigh more
    than the level it is part of: the figure came from another cell (a shifted row, a level's weight)."""
    weight = indicator.weight
    if weight is None:
        return False
    if weight > _FORM_POINTS:
        return True
    line = level_line(project, first_level_of(indicator))
    return line is not None and line.weight is not None and weight > line.weight + _SLACK


def not_the_rows_own(project: Project, indicator: Indicator) -> bool:
    """The row is no indicator of its own reading (a misread name), or its 分值 is a group's or another cell's."""
    return (misread_row_name(indicator.name) or weight_of_group(project, indicator)
            or score_of_group(project, indicator) or weight_beyond_its_level(project, indicator)
            or shifted_left(indicator))


def calendar_point(indicator: Indicator) -> bool:
    """Does the row ask for a point in the calendar, a month of the year ('资金拨付时间 ≤12月', actual '7月')? Month
    numbers have no ratio: 7 is not 58% of 12, so no 130% rule judges them (a duration, '≤10个工作日', has one)."""
    target = indicator.target
    if target is None or (target.unit or "").strip() != "月":
        return False
    words = lexicon("row_names.json")["calendar_point_names"]
    return any(word in indicator.name for word in words)


def name_holds_its_target(indicator: Indicator) -> bool:
    """Are the row's cells read one column right of their own: its name ends in a worded target ('学生营养健康状况
    改善有所改善'), its target cell holds the result ('明显改善') and its result cell is empty? The dump ran the
    target into the name; the result is there, under the target's column."""
    from reportparse.parse.form.labels import worded_result

    target = indicator.target
    if target is None or any(a.kind != "empty" and a.raw.strip() for a in indicator.actuals):
        return False
    worded = re.search(f"(?:{worded_result().pattern})$", indicator.name)
    if worded is not None and worded.start() >= _MIN_NAME_LEFT:
        return worded_result().fullmatch(target.raw.strip()) is not None
    # (or a comparator and a figure run into the name, '每平方米维修成本（≤80.', its result under the target)
    figure = _TARGET_TAIL.search(indicator.name)
    return figure is not None and figure.start() >= _MIN_NAME_LEFT and target.value is not None
