"""Where a text table's row belongs under its header: the cells that tell which column a row whose
leading empty cells were dropped starts under (`IndicatorTable.align` in parse/form/indicators).
"""

from __future__ import annotations

from reportparse.parse.form import values
from reportparse.parse.form.grid import GridRow, squash
from reportparse.parse.form.levellabels import label_kind, level_weight


def next_is_level2(row: GridRow, col: int) -> bool:
    following = next((squash(c.text) for c in row.cells[col + 1:] if squash(c.text)), "")
    return label_kind(following) == 2


def spans_to(row: GridRow, col: int, home: int) -> bool:
    """Is the cell at `col` merged across to `home`? A 二级 label written in the 一级 column and merged
    over both (满意度 rows often are) already sits under its header: nothing was dropped."""
    if home <= col:
        return False
    key = row.key(col)
    return all(row.cells[c].merged and row.key(c) == key for c in range(col + 1, min(home, len(row.cells) - 1) + 1))


#: longest label of a scoring sheet's level cell ('资金使用合规性(4分)')
_WEIGHTED_LABEL_MAX = 20


def weighted_labels(row: GridRow, start: int) -> int:
    """How many level cells open the row from `start`: labels that print their weight and are no 产出/效益 level
    word ('项目决策(15分)', '决策过程(8分)', '绩效目标(10)'), maybe then the indicator's own name without one
    ('绩效目标(10) | 明确性 | 5'), a figure right after them; 0 where the row opens otherwise."""
    texts = [squash(cell.text) for cell in row.cells[start:]]
    count = 0
    while count < len(texts) and texts[count] and len(texts[count]) <= _WEIGHTED_LABEL_MAX \
            and not label_kind(texts[count]) and level_weight(texts[count]) is not None:
        count += 1
    if not count:
        return 0
    figure = [values.plain_decimal(t) is not None for t in texts[count:count + 2]]
    if figure[:1] == [True]:
        return count
    named = count < len(texts) and 0 < len(texts[count]) <= _WEIGHTED_LABEL_MAX and not label_kind(texts[count])
    return count + 1 if named and figure[1:2] == [True] else 0
