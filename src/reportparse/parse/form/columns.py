"""The indicator table's header: which grid column holds which role (一级/二级/三级指标, 年度指标值,
实际完成值, 分值, 得分, 偏差原因 …), found by the label table's words, and the header rows that say
an indicator table begins (scored or not, split over two rows, or a second row under 年度指标值).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportparse.model import Cell, Table
from reportparse.parse.form import values
from reportparse.parse.form.grid import GridRow, squash
from reportparse.parse.form.labels import find_role, is_column_label, matches
from reportparse.parse.form.levellabels import label_kind


@dataclass
class IndicatorColumns:
    """Grid columns of the indicator table (None when the form has no such column)."""

    level1: int | None = None
    level2: int | None = None
    name: int | None = None
    target: int | None = None
    nature: int | None = None
    unit: int | None = None
    actual: int | None = None
    weight: int | None = None
    score: int | None = None
    reason: int | None = None
    standard: int | None = None  # 评价标准: a scoring rule, where a table without 指标值 states the target
    explanation: int | None = None  # 指标说明: where such a table states the result
    remark: int | None = None  # 备注: where a row's reason may stand beside an empty 偏差原因 cell
    level1_weight: int | None = None  # a 分值 column printed right after the 一级 column: that level's weight
    level2_weight: int | None = None
    header_keys: list[str] = field(default_factory=list)


def is_indicator_header(row: GridRow) -> bool:
    """A header row of a scored indicator table: 三级指标 (or 指标名称) plus 分值/权重/得分."""
    keys = row.row_keys()
    return any(matches("indicator.header_name", k) for k in keys) and any(
        matches("indicator.header_score", k) for k in keys)


def is_unscored_indicator_header(row: GridRow) -> bool:
    """The header of an indicator table without 分值/得分 (三级指标 | 年度指标值 | 全年完成值 | 未完成原因,
    一级指标 | 二级指标 | 三级指标 | 指标值 of a 绩效目标申报表, or 指标类型 | 绩效指标 | 年初绩效目标).

    A narrative's goal table has the same header, so such a table is a form's only inside a form
    that its header block (项目名称) or 项目资金 block has already opened."""
    keys = row.row_keys()
    if find_role(keys, "indicator.target") is None:
        return False
    if any(matches("indicator.header_name", k) for k in keys):
        # a 绩效目标申报表 states targets only: 一级指标 | 二级指标 | 三级指标 | 指标值
        return find_role(keys, "indicator.actual") is not None or find_role(keys, "indicator.level1") is not None
    # a 绩效目标表 of older templates: 指标类型 | 绩效指标 | 年初绩效目标 (targets only)
    return find_role(keys, "indicator.level1") is not None and any(matches("indicator.goal_name", k) for k in keys)


#: Columns a flattened upper header row may add to the lower one (its 年度指标值 spans the lower
#: row's 指标性质 | 指标值 | 度量单位, so only the columns right of it are new).
_UPPER_ONLY_ROLES = ("indicator.actual", "indicator.weight", "indicator.score", "indicator.reason")


def join_split_header(table: Table) -> Table:
    """A two-row indicator header that lost its merges: the lower row (一级 | 二级 | 三级 | 指标性质 |
    指标值 | 度量单位) gets the upper row's columns it lacks (实际完成值 | 分值 | 得分 | 偏差原因).

    A web dump of a form whose 年度指标值 spans three sub-columns prints the two header rows one
    above the other, each left-aligned, with no cell standing for the span; the data rows below
    carry every column. The docx of the same form has a single full header row.
    """
    for index in range(1, len(table.rows)):
        upper, lower = GridRow(table, index - 1), GridRow(table, index)
        broken = _lone_level1_label(upper)  # '一级 指标' on a line of its own between the two rows
        if broken is not None and index >= 2:
            upper = GridRow(table, index - 2)
        lower_keys, upper_keys = lower.row_keys(), upper.row_keys()
        if is_indicator_header(lower) or not any(matches("indicator.header_name", k) for k in lower_keys):
            continue
        if any(matches("indicator.header_name", k) for k in upper_keys) or not any(
                matches("indicator.header_score", k) for k in upper_keys):
            continue
        extra = [cell for cell, key in zip(upper.cells, upper_keys, strict=True)
                 if key and any(matches(r, key) for r in _UPPER_ONLY_ROLES)
                 and not any(matches(r, k) for r in _UPPER_ONLY_ROLES for k in lower_keys if k)]
        if not extra:
            continue
        kept = [cell for cell in lower.cells if squash(cell.text)]
        if broken is not None and not any(matches("indicator.level1", k) for k in lower_keys):
            kept = [broken, *kept]
        kept = [c.model_copy(update={"col": i, "row": index}) for i, c in enumerate(kept)]
        width = len(kept) + len(extra)
        row = [*kept, *(c.model_copy(update={"col": len(kept) + i, "row": index}) for i, c in enumerate(extra))]
        row += [Cell(text="", row=index, col=c, page=row[0].page) for c in range(width, len(lower.cells))]
        rows = [list(r) for r in table.rows]
        rows[index] = row
        if broken is not None:
            rows[index - 1] = [c.model_copy(update={"text": ""}) for c in rows[index - 1]]
        return table.model_copy(update={"rows": rows})
    return table


def split_group_header(header: list[str], below: list[str]) -> list[str] | None:
    """A text header line whose scoring group the line under it splits ('… 实际完成值 自评情况 偏差原因' over
    '分值 得分', '… 评分 …' over '权重 自评分'): the header with the group's title replaced by its sub-labels, the
    one title right of the indicator's name that names no column (or else its one score title). None when the
    line below is not just a weight and a score label. (A 年度指标值 split over 指标性质 | 指标值 | 度量单位 is
    left to the rows' reader: spread in a PDF's text order it misplaces the block labels printed mid-group.)"""
    keys = [squash(token) for token in header]
    below_keys = [squash(token) for token in below]
    name = next((i for i, k in enumerate(keys) if matches("indicator.header_name", k)), None)
    if len(below_keys) < 2 or name is None:
        return None
    if not all(_weight_label(k) for k in below_keys) or not any(matches("indicator.score", k) for k in below_keys):
        return None
    groups = [i for i in range(name + 1, len(keys)) if keys[i] and not is_column_label(keys[i])]
    if not groups:
        groups = [i for i in range(name + 1, len(keys)) if matches("indicator.score", keys[i])]
    if len(groups) != 1:
        return None
    return [*header[:groups[0]], *below, *header[groups[0] + 1:]]


def _lone_level1_label(row: GridRow) -> Cell | None:
    """The 一级指标 column label alone on a row, maybe broken in two cells ('一级 | 指标'): a dump broke it off
    the lower header row."""
    cells = [cell for _, cell in row.distinct() if cell.text.strip()]
    label = "".join(squash(cell.text) for cell in cells)
    if not 1 <= len(cells) <= 2 or not matches("indicator.level1", label):
        return None
    return cells[0].model_copy(update={"text": label})


def indicator_columns(row: GridRow, sub: GridRow | None = None) -> IndicatorColumns:
    """Map header words to columns; `sub` is a second header row (指标性质/指标值/度量单位 under 年度指标值)."""
    keys = row.row_keys()
    if sub is not None:
        sub_keys = sub.row_keys()
        keys = [s if s and s != k else k for k, s in zip(keys, sub_keys + [""] * len(keys), strict=False)]
    cols = IndicatorColumns(header_keys=keys)
    for name in ("level1", "level2", "name", "nature", "unit", "target", "actual", "weight", "score", "reason",
                 "standard", "explanation", "remark"):
        setattr(cols, name, find_role(keys, f"indicator.{name}"))
    _paired_weight_columns(cols)
    nature = cols.nature
    if cols.target is None and nature is not None and keys[nature + 1:nature + 2] == [keys[nature]]:
        cols.target = nature + 1  # the sub header's 符号 merged over the value column beside it, under 预期指标值
    elif cols.target is None and nature is not None and cols.actual is not None:
        # no value column beside 符号 (a print without rules, whose columns are rebuilt from where texts
        # start, keeps '>=98' in one cell): the 符号 column holds the comparator and the value together
        cols.target, cols.nature = nature, None
    return cols


def _weight_label(key: str) -> bool:
    return matches("indicator.weight", key) or matches("indicator.score", key)


def _paired_weight_columns(cols: IndicatorColumns) -> None:
    """A header that prints a weight column right after every level column ('一级指标 | 分值 | 二级指标 |
    分值 | 三级指标 | 分值 | 评价标准 | 指标说明 | 得分'; some templates head all three '得分'): the column
    after each level holds that level's weight, the one after 三级指标 the row's weight, and the row's
    score is the last 得分 column to the right of it. Found by the pairing, not by the first 分值."""
    keys = cols.header_keys
    paired = {level: col + 1 for level, col in (("level1", cols.level1), ("level2", cols.level2), ("name", cols.name))
              if col is not None and col + 1 < len(keys) and _weight_label(keys[col + 1])}
    if "name" not in paired or len(paired) < 2:
        return
    cols.level1_weight, cols.level2_weight = paired.get("level1"), paired.get("level2")
    cols.weight = paired["name"]
    scores = [col for col in range(cols.weight + 1, len(keys)) if matches("indicator.score", keys[col])]
    cols.score = scores[-1] if scores else None


def with_filled_score(cols: IndicatorColumns, body: list[GridRow]) -> IndicatorColumns:
    """The score column that the rows fill, where the header has two ('自评分' and an empty '得分' the
    reviewer fills in; '自评得分' | '复核得分' with only the first filled): the first by the label table's order
    is the one printed, but an empty column holds no claim while the other holds every score."""
    keys = cols.header_keys
    if cols.score is None and cols.weight is None:
        cols.score = _points_column(cols, body)
    if cols.weight is None:
        cols.weight = _unlabelled_weight(cols, body)
    if cols.level2 is None:
        cols.level2 = _unlabelled_level2(cols, body)
    taken = {cols.weight, cols.level1_weight, cols.level2_weight, cols.target, cols.actual}
    candidates = [col for col, key in enumerate(keys) if key and col not in taken and matches("indicator.score", key)]
    if cols.score is None or len(candidates) < 2:
        return cols

    def filled(col: int) -> int:
        return sum(values.plain_decimal(row.key(col)) is not None for row in body)

    counts = {col: filled(col) for col in candidates}
    if counts.get(cols.score, 0) == 0:
        best = max(candidates, key=lambda col: counts[col])
        if counts[best] > 0:
            cols.score = best
    return cols


def _points_column(cols: IndicatorColumns, body: list[GridRow]) -> int | None:
    """The score column of a table whose header names no 分值/得分 but prints the block's points where
    that label would be (一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成指标值 | 50, each row then
    '… | 100% | 100% | 5'): a column right of the target and actual whose header cell is a bare number and
    whose rows hold bare numbers adding up to no more than it. A 绩效目标表 with no actual column states no
    scores, so only a table with an actual column has one."""
    if cols.actual is None or cols.name is None:
        return None
    start = max(c for c in (cols.name, cols.target, cols.actual) if c is not None) + 1
    for col in range(start, len(cols.header_keys)):
        points = values.plain_decimal(cols.header_keys[col])
        if points is None or points <= 0:
            continue
        named = [row for row in body if row.key(cols.name)]
        figures = [values.plain_decimal(row.key(col)) for row in named]
        present = [f for f in figures if f is not None]
        if len(present) * 2 > len(named) and all(f >= 0 for f in present) and sum(present) <= points:
            return col
    return None


def _unlabelled_weight(cols: IndicatorColumns, body: list[GridRow]) -> int | None:
    """The 分值 column of a header whose label a scan lost (a seal's ink or the paper's grain over it: … | 实际完成值
    | (blank) | 得分): the blank column right before the 得分 column, when the named rows print a figure there, each
    at least the row's score (a row scores at most its weight). Most named rows must print one."""
    if cols.score is None or cols.name is None or cols.score < 1 or cols.header_keys[cols.score - 1]:
        return None
    col = cols.score - 1
    if col in (cols.level1, cols.level2, cols.name, cols.target, cols.nature, cols.unit, cols.actual):
        return None
    named = [row for row in body if row.key(cols.name) and row_kind_free(row)]
    pairs = [(values.plain_decimal(row.key(col)), values.plain_decimal(row.key(cols.score))) for row in named]
    printed = [(weight, score) for weight, score in pairs if weight is not None]
    if len(printed) * 2 <= len(named) or any(weight <= 0 or (score is not None and score > weight)
                                             for weight, score in printed):
        return None
    return col


def row_kind_free(row: GridRow) -> bool:
    """A row above the table's total (the total's own 分值 and 得分 are no row's)."""
    from reportparse.parse.form.levellabels import is_total_label

    return not any(is_total_label(key) for key in row.row_keys() if key)


def _unlabelled_level2(cols: IndicatorColumns, body: list[GridRow]) -> int | None:
    """The 二级 column of a header that left its label out (一级指标 | (blank) | 三级指标 | 年度指标值 …, the
    一级 label maybe merged over the blank): the one column between the 一级 and 三级 columns, when the rows
    print 二级 labels (数量指标, 成本指标, 社会效益指标) in it."""
    if cols.level1 is None or cols.name is None or cols.name - cols.level1 != 2:
        return None
    col = cols.level1 + 1
    if col in (cols.target, cols.actual, cols.weight, cols.score) or cols.header_keys[col] not in (
            "", cols.header_keys[cols.level1]):
        return None
    labels = [row.text(col) for row in body if row.key(col) and row.key(col) != row.key(cols.level1)]
    return col if labels and sum(label_kind(t) == 2 for t in labels) * 2 > len(labels) else None


def is_sub_header(row: GridRow, header: GridRow | None = None) -> bool:
    """A second header row naming the split target columns (指标性质 | 指标值 | 度量单位 under 年度指标值), or,
    right under the `header` row, the weight and score a scoring group splits into (分值 | 得分 under
    自评情况, 权重 | 自评分 under 评分): each under a header cell that names no other column."""
    keys = row.row_keys()
    if any(values.plain_decimal(k) is not None for k in keys):
        return False
    if any(matches("indicator.sub_header", k) for k in keys):
        return True
    if header is None:
        return False
    above = header.row_keys()
    labelled = [(col, key) for col, key in enumerate(keys) if key]
    return len(labelled) >= 2 and all(
        _weight_label(key) and col < len(above) and (_weight_label(above[col]) or not is_column_label(above[col]))
        for col, key in labelled)


def with_its_level_weight(row: GridRow, col: int, cols: IndicatorColumns) -> bool:
    """Is the cell at `col` a level column's label with its figure in the level's own 分值 column right
    after it, or that figure with its label left of it (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 |
    得分; the label may be a copy filled down from above)? Such a row keeps its place."""
    for level, weight in ((cols.level1, cols.level1_weight), (cols.level2, cols.level2_weight)):
        if level is None or weight != level + 1 or values.plain_decimal(row.text(weight)) is None:
            continue
        if col == level or (col == weight and row.text(level).strip()):
            return True
    return False
