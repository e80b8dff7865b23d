"""The tail of one indicator row of a form flattened into text (`text`): after its name, which tokens are
the target and the result, the 分值, the 得分 and the 偏差原因, and the units a dump set apart from their
numbers ('5' '个').
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form import values
from reportparse.parse.form.columns import IndicatorColumns

#: A comparator (or the 指标性质 word) a dump printed as a token of its own.
COMPARATOR_TOKEN = lazy_compile(
    r"^(=|＝|﹦|═|≥|≤|>|<|>=|<=|≧|≦|＞|＜|大于|小于|等于|大于等于|小于等于|不少于|不低于|不高于|不超过|"
    r"正向|反向|正向指标|反向指标|定性|定量)$")


def sign_token(token: str, following: list[str]) -> bool:
    """A token that stands in the 指标性质 column: a comparator or the column's word, or the letters or figure a
    scan's reading makes of a bound sign ('IN' or '2' for ≥: `bound_letters`, `bound_digits` of
    lexicon/ocr_confusions.json) right before the target's figure (read with the figure as the sign:
    normalise/ocrtarget.py)."""
    from reportparse.normalise.ocrtarget import bound_digits, bound_letters

    if COMPARATOR_TOKEN.match(token):
        return True
    if token in bound_digits():
        # ≥ read as 2, ≤ as 5: only where the target and the result still follow (a lone figure with two values
        # after it is no target: the result column would hold two), and the sign goes back only where the
        # row's result settles it (normalise/ocrtarget.repair_bound_sign, on the target '2120公里' so joined)
        return sum(t[:1].isdigit() for t in following) >= 2
    return token in bound_letters() and bool(following) and following[0][:1].isdigit()


_MEASURE = lazy_compile(r"^[个只件项部台条户篇册套所家辆座次人场页吨亩元万千百%％‰/]+$")


def split_weight_first(rest: list[str], cols: IndicatorColumns) -> tuple[list[str], str, str, str] | None:
    """(target/actual tokens, 分值, 得分, 偏差原因) of a header that prints 分值 before the target
    ('三级指标 分值 年度指标值 全年实际值 得分', the 衔接资金 template): the 分值 is the figure right
    after the name, the 得分 the last figure; None for the other headers, or a row that does not fit."""
    if cols.weight is None or cols.target is None or cols.score is None or not cols.weight < cols.target < cols.score:
        return None
    if len(rest) < 2 or values.stated_points(rest[:1])[0] is None:
        return None
    middle, _, score, reason = split_tail(rest[1:], replace(cols, weight=None))
    return (middle, rest[0], score, reason) if score else None


#: The most points one row's 分值 or 得分 holds.
_MAX_POINTS = 100


def split_tail(rest: list[str], cols: IndicatorColumns,
               targets_only: bool = False) -> tuple[list[str], str, str, str]:
    """(target/actual tokens, 分值, 得分, 偏差原因) from the tokens after the name. A row of bare figures
    with more of them than its value and score columns ('100 100 10 10 0' under 指标值 | 完成值 | 分值 |
    得分 | 偏差原因) ends in its 偏差原因 cell (a '0' or a '1' written there): the 分值 and 得分 stand
    before it, not the last two figures. An unscored table keeps every figure for target and result."""
    if cols.weight is None and cols.score is None:
        return rest, "", "", ""
    wanted = 2 if cols.weight is not None and cols.score is not None else 1
    if targets_only and wanted == 1 and cols.weight is None and cols.target is not None and len(rest) == 1:
        # one figure under 年初目标值 | 实际完成值 | 得分 (no 分值 column) in a table whose rows each print one: the
        # row's target, filled in before anything was scored ('工程合格率(%) 95' beside '办公用房面积(平方米) 500')
        return rest, "", "", ""
    figures = [values.plain_decimal(t) for t in rest]
    last = len(rest)
    values_columns = sum(c is not None for c in (cols.target, cols.actual))
    if cols.reason is not None and cols.nature is None and cols.unit is None and values_columns \
            and all(figure is not None for figure in figures) and len(rest) > values_columns + wanted:
        last = values_columns + wanted  # the figures past the value and score columns: the reason's
    for end in range(last, wanted - 1, -1):
        # (a 分值 or 得分 is at most the form's 100 points: a bigger bare figure is a target or a result)
        if all(p is not None and p <= _MAX_POINTS for p in values.stated_points(rest[end - wanted:end])):
            scores = rest[end - wanted:end]
            weight, score = (scores[0], scores[1]) if wanted == 2 else ("", scores[0])
            if wanted == 1 and cols.weight is not None:
                weight, score = scores[0], ""
            return rest[: end - wanted], weight, score, " ".join(rest[end:])
    return rest, "", "", ""


def glue_units(tokens: list[str], glue_comparators: bool) -> list[str]:
    """'5' '个' → '5个'; '≥' '99' '%' → '≥99%' (when the comparator has no column of its own)."""
    out: list[str] = []
    for token in tokens:
        unit_after_number = bool(out) and re.search(r"\d$", out[-1]) is not None and _is_unit(token)
        after_comparator = (
            bool(out) and glue_comparators and bool(COMPARATOR_TOKEN.match(out[-1])) and not out[-1].startswith("定")
        )
        if unit_after_number or after_comparator:
            out[-1] += token
        else:
            out.append(token)
    return out


def _is_unit(token: str) -> bool:
    if re.search(r"\d", token) or len(token) > 4:
        return False
    from reportparse.normalise import canonical_unit

    return bool(_MEASURE.match(token)) or canonical_unit(token) is not None


#: Two values an OCR ran together, the first closed by its percent sign ('≥90%92%', '100%15'): cut after the sign.
_GLUED_AFTER_PERCENT = lazy_compile(r"^([≥≤><＞＜]?=?\d+(?:\.\d+)?[%％])([≥≤><＞＜]?=?\d+(?:\.\d+)?[%％]?)$")
#: A name an OCR ran together with its target, the target opened by a comparator ('报销比例≥60%').
_NAME_THEN_TARGET = lazy_compile(r"^(.*[\u4e00-\u9fff)）])([≥≤＞＜><]=?\d+(?:\.\d+)?\s*[^\d\s]{0,4})$")
#: ... or a count's name, which ends by naming its unit ('发生次数', '受益人数', '补助天数'), run together with a
#: figure in that unit ('食品安全事故发生次数0次'): the figure is the count's value, no part of its name.
_COUNT_THEN_TARGET = lazy_compile(r"^(.*([次人天户个台座项件])数)(\d+(?:\.\d+)?\2)$")


def split_glued_values(tokens: list[str]) -> list[str]:
    """The row's tokens with two values run together cut apart ('≥90%92%' → '≥90%' '92%', '100%15' → '100%' '15')."""
    out: list[str] = []
    for token in tokens:
        glued = _GLUED_AFTER_PERCENT.match(token)
        out.extend(glued.groups() if glued else (token,))
    return out


def split_name_target(name: str, middle: list[str], cols: IndicatorColumns) -> tuple[str, list[str]]:
    """A name with its target run onto it ('大病保险报销比例≥60%' then only '63%' before the points): the target cut
    off the name and put first among the values. Only where the row lacks a value for it (one value under a
    target and a result column) and a comparator opens the target, or the figure is in the unit a count's name
    ends with ('…发生次数0次')."""
    glued = _NAME_THEN_TARGET.match(name) or _COUNT_THEN_TARGET.match(name)
    if glued is None or len(middle) != 1 or cols.target is None or cols.actual is None:
        return name, middle
    return glued.group(1), [glued.group(glued.lastindex or 2), *middle]  # (the target is the last group)
