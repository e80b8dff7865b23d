"""Points typed into a form's value columns.

Some writers fill a 自评表 whose header has no 分值 or 得分 column with each row's weight and score all the
same, in the only two columns it offers (指标值 | 全年实际完成值):

    数量指标 | 建设乡村公路12公里 | 20 | 20
    质量指标 | 工程验收合格       | 20 | 18
    满意度   | 群众满意度         | 10 | 10

The pairs are no targets and results: each is a plain number, the second no larger than the first, and
the first ones add up to the form's 100 points (with the 预算执行 weight where the fund block prints one)
over rows of more than one 一级 level (counts that happen to be met exactly and add up to 100 across 产出,
效益 and 满意度 rows, a satisfaction rate among them, are no form's). A dump that ran the cells together
glues the pair ('20 20' → '2020') and may have cut a figure off the name into the target column
('建设乡村公路 | 12公里 | 2020'); the glued pair is taken apart as a 分值 and its 得分 are. Such a table's
rows take the pairs as their 分值 and 得分; a row's target is the figure its name ends in where the name
carries one ('建设乡村公路12公里': = 12 公里), or what stood in the target column when that was no plain
number; no result is printed.
"""

from __future__ import annotations

from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Indicator
from reportparse.parse.form import values
from reportparse.parse.form.gluedcuts import weight_and_score
from reportparse.parse.form.indicators import IndicatorTable

#: Fewest rows that carry a pair: one or two could add up to 100 by chance.
MIN_ROWS = 3
#: What a form's points add up to.
FULL_POINTS = Decimal(100)
#: A figure a name ends in, with its comparator and measure word ('…二级公路32.1公里', '…不少于3次').
_NAME_FIGURE = lazy_compile(
    r"(?<=[\u4e00-\u9fff])((?:[≥≤><]|不少于|不低于|不超过|不高于|达到)?\d+(?:\.\d+)?(?:[%％‰]|[\u4e00-\u9fff]{1,3}))$")
#: A glued pair of whole numbers ('2020', '1010', '108'): two to six digits.
_GLUED = lazy_compile(r"^[0-9]{2,6}$")

_Reading = tuple[Indicator, Decimal, Decimal, str | None]


def read_points_in_value_columns(table: IndicatorTable, budget_weight: Decimal | None) -> bool:
    """Give the rows of a table that has no 分值/得分 column the pairs its value columns hold as their 分值 and
    得分, where they are points (see the module docstring); True when it did."""
    cols = table.cols
    if cols.weight is not None or cols.score is not None or cols.target is None:
        return False
    readings: list[_Reading] = []
    for indicator in table.indicators:
        target_text = (indicator.target.raw if indicator.target is not None else "").strip()
        results = [a.raw.strip() for a in indicator.actuals if (a.raw or "").strip()]
        if not target_text and not results:
            continue  # an empty row of the template ('成本指标 | ……')
        reading = _points(indicator, target_text, results)
        if reading is None:
            return False  # a row with a real target or result: the columns hold what their labels say
        readings.append(reading)
    levels = {indicator.level.split("/")[0] for indicator, *_ in readings}
    total = sum((weight for _, weight, _, _ in readings), Decimal(0)) + (budget_weight or Decimal(0))
    if len(readings) < MIN_ROWS or len(levels) < 2 or total != FULL_POINTS:
        return False
    for indicator, weight, score, kept in readings:
        figure = _NAME_FIGURE.search(indicator.name)
        text = kept if kept is not None else (figure.group(1) if figure else "")
        indicator.target = values.target(text, level=indicator.level, name=indicator.name)
        indicator.weight, indicator.score, indicator.actuals = weight, score, []
    return True


def _points(indicator: Indicator, target_text: str, results: list[str]) -> _Reading | None:
    """The row's (分值, 得分) and the target text it keeps (None: none of its own), or None when the row's
    values are no points."""
    target = values.plain_decimal(target_text)
    if len(results) == 1 and target is not None:
        pair: list[str] = [target_text, results[0]]
        kept: str | None = None
    elif len(results) == 1 and target is None and _GLUED.match(results[0]):
        pair, kept = weight_and_score(results[0]), target_text  # ('建设乡村公路 | 12公里 | 2020')
    elif not results and _GLUED.match(target_text):
        pair, kept = weight_and_score(target_text), None  # ('工程验收合格 | 2020': the pair glued in one cell)
    else:
        return None
    if len(pair) != 2:
        return None
    weight, score = (values.plain_decimal(part) for part in pair)
    if weight is None or score is None or not 0 < weight <= FULL_POINTS or not 0 <= score <= weight:
        return None
    return indicator, weight, score, kept
