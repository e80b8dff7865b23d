"""A form whose indicators come in several goal tables, each headed by its own points: Hubei's 项目绩效自评表
prints '年度绩效目标1(40分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分', its rows, then
'年度绩效目标2(40分) | 一级指标 | …' and its rows, the goal's label merged down the left of its table. Its rows
print a 得分 and no 分值: the goal's points are the only weight the form states, and the rows under each goal add
up to it.

Each such table is a level of its own above the 一级 levels ('年度绩效目标1/产出/质量'), with the printed
points as its weight, so the structure the score checks judge is the form's: 预算执行 20 + 年度绩效目标1 40 +
年度绩效目标2 40 = 100. A form with one indicator table under a block label ('绩效指标(90分)') keeps its levels
as they were: only a second goal table with its own points makes the goals levels.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportparse.model import Cell, Evidence
from reportparse.parse.form.grid import GridRow, evidence, squash
from reportparse.parse.form.indicators import IndicatorTable, LevelLabel
from reportparse.parse.form.labels import matches
from reportparse.parse.form.levellabels import LEVEL_WEIGHT, label_kind, level_weight

#: The column words that end the goal's label on its header row.
_COLUMNS = ("level1", "level2", "name", "target", "actual", "score")


@dataclass(frozen=True)
class GoalGroup:
    """One goal table of a form: its label without the points, the points, and where its rows begin."""

    name: str
    points: Decimal
    evidence: Evidence | None
    first_indicator: int
    first_subtotal: int


def open_goal(table: IndicatorTable, header: GridRow) -> None:
    """Note a goal table that starts at this indicator header row: a label with its points printed left of
    the 一级 column ('年度绩效目标1(40分)'); a header without one opens no goal."""
    level1 = table.cols.level1
    if level1 is None:
        return
    # (the label in the cells left of the 一级 column, which a run-together dump may have cut in two:
    # '年度绩效目标 | 1(40分)')
    cells: list[tuple[int, Cell]] = []
    for col, cell in header.distinct():
        if col >= level1 or any(matches(f"indicator.{role}", squash(cell.text)) for role in _COLUMNS):
            break  # (a text row that dropped a leading cell prints its header words further left)
        cells.append((col, cell))
    if not cells:
        return
    key = "".join(squash(cell.text) for _, cell in cells)
    points = level_weight(key)
    name = LEVEL_WEIGHT.sub("", key)
    if points is None or label_kind(key) or not name:
        return
    if table.goals and (table.goals[-1].name, table.goals[-1].points) == (name, points):
        return  # the same goal's header printed again at the top of the next page
    table.goals.append(GoalGroup(name, points, evidence(header, cells[0][0]), len(table.indicators),
                                 len(table.subtotals)))
    table.level1_text = table.level2_text = ""  # the next goal's rows print their own levels


def file_under_goals(table: IndicatorTable) -> None:
    """With two goal tables or more, every row and subtotal goes under its goal's level, and each goal is a
    level labelled with its points."""
    goals = table.goals
    if len(goals) < 2:
        return
    ends = [g.first_indicator for g in goals[1:]] + [len(table.indicators)]
    sub_ends = [g.first_subtotal for g in goals[1:]] + [len(table.subtotals)]
    for goal, end, sub_end in zip(goals, ends, sub_ends, strict=True):
        for indicator in table.indicators[goal.first_indicator:end]:
            indicator.level = f"{goal.name}/{indicator.level}" if indicator.level else goal.name
        for line in table.subtotals[goal.first_subtotal:sub_end]:
            line.level = f"{goal.name}/{line.level}" if line.level else goal.name
        table.labels[goal.name] = LevelLabel(goal.name, goal.points, goal.evidence)
    table.unsure_levels = {f"{g.name}/{path}" for g in goals for path in table.unsure_levels}
