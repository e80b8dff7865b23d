"""An indicator table read from a text dump that printed its merged level cells mid-group: each row
moved to the group `levelgroups` settles, its level left uncertain where the form does not settle it.

`IndicatorTable.read_row` notes every row of a text table with the labels printed on it
(`PrintedRow`) and files each row under the labels above it, as a top-down dump prints them. Where
the dump shows the labels are printed mid-group, this stage refiles the rows: an indicator's level, a
subtotal's level, a 二级 label's entry; a row it cannot settle gets its 一级 only (or no level), and
the levels it may belong to have no known sum (`IndicatorTable.unsure_levels`).
"""

from __future__ import annotations

from reportparse.model import Indicator
from reportparse.parse.form.indicators import IndicatorTable
from reportparse.parse.form.levelgroups import UNSURE, LevelRow, Settled, printed_mid_group, settle
from reportparse.parse.form.levellabels import PARENT_OF, level2_of, level_path


def settle_levels(table: IndicatorTable) -> None:
    """Refile the rows of a text table whose level labels were printed mid-group."""
    if not table.from_text or table.cols.level1 is None:
        return  # (a table without a 一级 column: its 一级 labels, if any, are not cells merged down it)
    rows = [LevelRow(level1=p.level1, level2=p.level2, parent=_parent_by_words(p.level2),
                     weight=table.indicators[p.indicator].weight if p.indicator is not None else None,
                     indicator=p.indicator is not None,
                     scored=p.indicator is not None and _scored(table.indicators[p.indicator]))
            for p in table.printed]
    head = cut_off_head(rows)
    rows, printed_rows = rows[head:], table.printed[head:]
    if not printed_mid_group(rows):
        return
    weights = {path: label.weight for path, label in table.labels.items()
               if "/" not in path and label.weight is not None}
    moved: dict[str, str] = {}
    for printed, settled in zip(printed_rows, settle(rows, weights), strict=True):
        path = _path(settled)
        if printed.indicator is not None or printed.subtotal is not None:
            # (a row with only a label changes no sum, whichever group holds it)
            _note_unsure(table, settled, printed.indicator)
        if printed.level2 is not None and printed.level2_path and UNSURE not in (settled.level1, settled.level2):
            moved.setdefault(printed.level2_path, path)
        if printed.indicator is not None:
            table.indicators[printed.indicator].level = path
        if printed.subtotal is not None:
            table.subtotals[printed.subtotal].level = path
    for old, new in moved.items():
        if old != new and old in table.labels and new and new not in table.labels:
            label = table.labels.pop(old)
            label.path = new
            table.labels[new] = label


def cut_off_head(rows: list[LevelRow]) -> int:
    """How many rows at the table's top belong to a group whose 一级 label was cut off above them (an excerpt
    that starts inside the indicator rows): the rows before the first 一级 label, when a 二级 label among
    them names a 一级 by its words that the table prints nowhere ('时效指标' above '效益指标(30分)', no 产出
    label): its label was cut off, where a label printed mid-group is printed somewhere. They keep the levels
    their own 二级 labels give them. 0 when there is no such head."""
    first1 = next((i for i, row in enumerate(rows) if row.level1), None)
    if first1 is None:
        return 0
    printed = {row.level1 for row in rows if row.level1}
    foreign = any(row.parent is not None and row.parent not in printed for row in rows[:first1])
    return first1 if foreign else 0


def _path(settled: Settled) -> str:
    if settled.level1 == UNSURE:
        return ""
    if settled.level2 == UNSURE:
        return settled.level1 or ""
    return level_path(settled.level1, level2_of(settled.level2) if settled.level2 else None)


def _note_unsure(table: IndicatorTable, settled: Settled, indicator: int | None) -> None:
    """A row the form does not settle: the levels it may belong to have no known sum, and it is no
    level's only row (`IndicatorTable.weights_from_labels`)."""
    if settled.level1 == UNSURE:
        paths = {ind.level for ind in table.indicators} | set(table.labels)
        table.unsure_levels.update(p for p in paths if p.split("/")[0] in settled.maybe1)
    elif settled.level2 == UNSURE:
        top = settled.level1 or ""
        table.unsure_levels.update(level_path(top, level2_of(text)) for text in settled.maybe2)
    else:
        return
    table.unsure_rows.add(indicator if indicator is not None else -1)


def _scored(indicator: Indicator) -> bool:
    return indicator.weight is not None or indicator.score is not None


def _parent_by_words(level2: str | None) -> str | None:
    """The 一级 level a 二级 label's own words put it under ('数量指标' → 产出); None for 满意度, which
    forms nest under 效益 as well as on its own."""
    parent = PARENT_OF.get(level2_of(level2) or "") if level2 else None
    return parent if parent in ("产出", "效益") else None
