"""The indicator table of a 自评表: columns, rows → Indicators, level sums → ScoreLines.

Columns are found by their header words, so 年度指标值 in one column and the split
指标性质/指标值/度量单位 layout both work, as do 分值/权重, 实际完成值/完成值/全年实际值 and
偏差原因分析及改进措施/未完成原因分析. 一级/二级 cells that span several rows are inherited from
above (DOCX/XLSX repeat them; PDF tables leave them empty).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Indicator, ScoreLine
from reportparse.parse.form import criteria, values
from reportparse.parse.form.columns import IndicatorColumns, with_its_level_weight
from reportparse.parse.form.fragments import Fragments, Piece
from reportparse.parse.form.grid import GridRow, evidence, evidences, from_text, squash
from reportparse.parse.form.indicatorrows import clean_name, is_stray_cell, merged_from_above, names_a_group
from reportparse.parse.form.levellabels import (
    PRINTED_WEIGHT,
    PRINTED_WEIGHT_CELL,
    WEIGHT_RANGE,
    is_total_label,
    label_kind,
    level1_of,
    level2_of,
    level_path,
    level_weight,
    printed_weight,
    row_label_kind,
)
from reportparse.parse.form.oneline import is_footer_label
from reportparse.parse.form.rowalignment import next_is_level2, spans_to, weighted_labels

if TYPE_CHECKING:
    from reportparse.parse.form.goalgroups import GoalGroup

#: The template's numbered placeholder names, one or several run together: '指标2：', '指标1:指标2:'.
#: The number a template gives a row's name ('指标12:孕产妇7天访视数' → 12).
_ROW_NUMBER = lazy_compile(r"^指标(\d{1,3})[:：]")
_PLACEHOLDER_NAME = lazy_compile(r"(?:指标[0-9０-９]+[:：]?|……|…)+")
_BUDGET_ROW = lazy_compile(
    r"^(?:[一二三四五六七八九十\d]+[、.．])?预算(?:资金)?执行(?:率|情况)?(?:指标)?(?:[（(]\d+分[)）])?$"
)
#: An indicator that counts money ('工程资金金额', '补助经费'): its bare figures are the form's amounts.
_MONEY_NAME = lazy_compile(r"(?:金额|资金|经费|投资额?|拨款|[^收]费)$")  # (…维护费, 培训费; not 收费)
#: 二级 levels whose rows are rates or dates, never amounts of money.
_RATE_LEVELS = ("质量", "时效")
#: What a 分值 cell may hold: a figure, with 分 or %, or a placeholder for none ('—', '/', '无').
_WEIGHT_LIKE = lazy_compile(r"\d+(?:\.\d+)?[分%％]?|[-—–－/／\\无]*")


@dataclass
class LevelLabel:
    """A printed 一级/二级 cell: its level path, printed weight and evidence."""

    path: str
    weight: Decimal | None
    evidence: Evidence | None


@dataclass
class PrintedRow:
    """One row of a text table as printed: the level labels on the row itself (not carried down from
    a row above) and what the row gave (`levelgroups` may move it to another label's group)."""

    level1: str | None = None  # the 一级 label's level path
    level2: str | None = None  # the 二级 label's text
    level2_path: str | None = None  # the path the 二级 label was filed under as the rows were read
    indicator: int | None = None
    subtotal: int | None = None


@dataclass
class IndicatorTable:
    """Running state while the indicator rows of one form are read."""

    cols: IndicatorColumns
    money_unit: str | None = None  # the 项目资金 block's unit (万元): a money indicator's bare figures count in it
    level1_text: str = ""
    level2_text: str = ""
    last_name: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    labels: dict[str, LevelLabel] = field(default_factory=dict)
    subtotals: list[ScoreLine] = field(default_factory=list)
    level_order: list[str] = field(default_factory=list)
    fragments: Fragments = field(default_factory=Fragments)
    last_label: str = ""  # the level path of the label a broken label or a lone weight belongs to
    pending_weight: Decimal | None = None
    ran_together: bool = False  # the form's dump ran its cells together: a blank result is unknown
    printed: list[PrintedRow] = field(default_factory=list)  # a text table's rows, for `regroup`
    from_text: bool = False
    unsure_levels: set[str] = field(default_factory=set)  # levels whose rows the form does not settle
    unsure_rows: set[int] = field(default_factory=set)  # indicators whose level the form does not settle
    last_number: int | None = None  # the number of the last row the template numbered ('指标7:' → 7)
    goals: list[GoalGroup] = field(default_factory=list)  # the goal tables the rows come in (`goalgroups`)

    def align(self, row: GridRow) -> GridRow:
        """Put a row whose leading empty cells were dropped (text tables) back under its header.

        The first cell that is neither merged nor the block label says where the row starts: a 一级
        label belongs under 一级指标, a 二级 label under 二级指标, anything else under 三级指标.
        """
        cols = self.cols
        if not from_text(row.table):
            return row  # a DOCX/XLSX/PDF grid keeps every cell: nothing was dropped
        for col, cell in enumerate(row.cells):
            key = squash(cell.text)
            if not key or cell.merged or (col < len(cols.header_keys) and key == cols.header_keys[col]):
                continue
            if col < len(cols.header_keys) and cols.header_keys[col] == "序号" and key.isdigit():
                continue  # the row's number under its 序号 column: in place, whatever follows
            weighted = weighted_labels(row, col)
            levels = [c for c in (cols.level1, cols.level2, cols.name) if c is not None]
            if 0 < weighted <= len(levels):
                # a scoring sheet's labels each print their weight ('资金分配(7分) | 分配办法(3分) | 3 | …'): the
                # row's k labels are its last k levels (the merged ones above were left out)
                return row.shifted(levels[-weighted] - col)
            if col in (cols.level1, cols.level2) and printed_weight(key) is not None and not label_kind(key):
                return row  # a department level label with its weight ('规划 (15分)') under a level column
            if with_its_level_weight(row, col, cols):
                return row  # '项目决策 | 20 | …' under 一级指标 | 分值: a level label with its own 分值 column
            kind = row_label_kind(key, next((c.text for c in row.cells[col + 1:] if c.text.strip()), ""))
            if kind == 2 and next_is_level2(row, col):
                kind = 1  # '成本指标 | 经济成本指标': the 2021 template's 成本 block is a 一级 label over 二级 ones
            home = cols.level1 if kind == 1 else cols.level2 if kind == 2 else cols.name
            if is_total_label(key) or home is None or spans_to(row, col, home):
                return row
            return row.shifted(home - col)
        return row

    def read_row(self, row: GridRow) -> None:
        """Read one data row: an indicator, a subtotal, or a template/blank row to skip."""
        if self._budget_row(row):
            return
        piece = self.fragments.feed(row, label_kind)
        if piece is not None:
            self._take_piece(piece, row)
            return
        if self._level_pair(row):
            return
        row = self.align(row)
        cols = self.cols
        l1_text, l2_text = row.text(cols.level1), row.text(cols.level2)
        if "小计" in squash(l1_text):  # ('小计 | 50 | 48' in the 一级 column closes its level: no level of its own)
            l1_text, l2_text, self.level2_text = self.level1_text, "", ""
        as_printed = self._printed_row(row, l1_text, l2_text)
        if l1_text and l1_text != self.level1_text:
            self.level1_text, self.level2_text = l1_text, ""
            self._label(level_path(level1_of(l1_text), None), l1_text, row, cols.level1, cols.level1_weight)
        if l2_text and l2_text != self.level2_text and l2_text != self.level1_text:
            self.level2_text = l2_text
            path = level_path(level1_of(self.level1_text), level2_of(l2_text))
            self._label(path, l2_text, row, cols.level2, cols.level2_weight)
        path = level_path(level1_of(self.level1_text), level2_of(self.level2_text) if self.level2_text else None)
        if as_printed is not None and as_printed.level2 is not None:
            as_printed.level2_path = path
        self._give_pending_weight(path, row)
        raw_name = row.text(cols.name)
        name = clean_name(raw_name)
        packed = self._packed_past_weight(row)
        weight = None if merged_from_above(row, cols.weight) or packed else values.weight_value(row.cell(cols.weight))
        if cols.weight is None and not label_kind(name) and (printed := printed_weight(name)) is not None:
            # a table without a 分值 column prints each row's weight in its name: '相关性(5分)'
            weight, name = printed, PRINTED_WEIGHT.sub("", squash(name)) or name
        score = None if merged_from_above(row, cols.score) else values.score_value(row.cell(cols.score))
        name_cell = row.cell(cols.name)
        if name_cell is not None and name_cell.merged and raw_name == self.last_name:
            return  # a name cell merged over several rows: the same indicator again
        self.last_name = raw_name
        name = self._numbered_name(raw_name, name, row)
        weight_only = bool(PRINTED_WEIGHT_CELL.match(name) or WEIGHT_RANGE.fullmatch(name))  # '(40-50)分' cut off
        if (_PLACEHOLDER_NAME.fullmatch(squash(name)) and weight is None and score is None
                and not row.text(cols.target) and not row.text(cols.actual)):
            return  # the template's empty '指标2：' rows (a dump may run several into one: '指标1:指标2:')
        if values.is_blank(name) or re.fullmatch(r"[.…·。、,，\s/]*", name) or "小计" in name or weight_only:
            if weight is not None or score is not None:
                if as_printed is not None:
                    as_printed.subtotal = len(self.subtotals)
                self.subtotals.append(
                    ScoreLine(level=path, weight=weight, score=score,
                              evidence=evidences(row, cols.name, cols.weight, cols.score))
                )
            return
        if weight is None and score is None and is_footer_label(name):
            return  # a field under the table that a dump printed among the rows ('其他需要说明事项 | 无')
        alone = not any(row.text(c) for c in (cols.target, cols.actual, cols.weight, cols.score))
        if len(squash(name)) == 1 and alone:
            return  # one character with nothing beside it: a row an excerpt cut right after its first character
        if alone and any(is_stray_cell(squash(text)) for text in (name, raw_name)):
            return  # a figure ('≥98%', '12') or a rule's sentence ('1、提供…的佐证资料；') a dump left on a row alone
        if weight is None and score is None and names_a_group(name, [row.text(cols.target), row.text(cols.actual)]):
            return  # a 一级 label in the name column, no figure beside it: a group's label, no indicator
        if as_printed is not None:
            as_printed.indicator = len(self.indicators)
        self.indicators.append(self._indicator(row, path, name, weight, score, packed))
        if path not in self.level_order:
            self.level_order.append(path)

    def _level_pair(self, row: GridRow) -> bool:
        """A row holding only a 一级 and a 二级 label, outside their own columns ('产出指标（50分）| 数量指标'
        where a web page's text broke the merged level cells off the first indicator row): the levels
        of the rows below, never an indicator named after the 二级 label."""
        cells = [(col, cell.text) for col, cell in row.distinct() if cell.text.strip()]
        if len(cells) != 2 or [label_kind(text) for _, text in cells] != [1, 2]:
            return False
        (col1, text1), (col2, text2) = cells
        if (col1, col2) == (self.cols.level1, self.cols.level2):
            return False  # the labels in their own columns: read as any row is
        self.level1_text, self.level2_text = text1, text2
        self._label(level_path(level1_of(text1), None), text1, row, col1)
        self._label(level_path(level1_of(text1), level2_of(text2)), text2, row, col2)
        return True

    def _numbered_name(self, raw_name: str, name: str, row: GridRow) -> str:
        """The name of a row whose name cell is blank though it states a target or result, between rows
        the template numbers ('指标2:…', blank, blank, '指标5:…'): the number its place gives it
        ('指标3（未填名称）'), so that it is read as the indicator it is, not as a subtotal of its level."""
        number = _ROW_NUMBER.match(squash(raw_name))
        if number:
            self.last_number = int(number.group(1))
            return name
        stated = row.text(self.cols.target).strip() or row.text(self.cols.actual).strip()
        if values.is_blank(name) and self.last_number is not None and stated and not values.is_blank(stated):
            self.last_number += 1
            return f"指标{self.last_number}（未填名称）"  # (said so: the cell is blank, no template text)
        return name

    def _take_piece(self, piece: Piece, row: GridRow) -> None:
        """A broken level label finished, or a weight printed on its own row (`fragments`)."""
        if piece.weight is not None:
            label = self.labels.get(self.last_label) if self.last_label else None
            if label is not None and label.weight is None:
                label.weight = piece.weight  # '满意度指标' / '(10分)': the label just read
            else:
                self.pending_weight = piece.weight  # '(50分)' above its rows: their 一级 level's
            return
        if piece.kind == 1:
            self.level1_text, self.level2_text = piece.label, ""
            path = level_path(level1_of(piece.label), None)
        elif piece.kind == 2:
            self.level2_text = piece.label
            path = level_path(level1_of(self.level1_text), level2_of(piece.label))
        else:
            return
        if from_text(row.table):
            self.from_text = True
            self.printed.append(PrintedRow(level1=path, level2_path=path) if piece.kind == 1
                                else PrintedRow(level2=piece.label, level2_path=path))
        self._label(path, piece.label, row, None)
        self.last_label = path
        self._give_pending_weight(path, row)

    def _printed_row(self, row: GridRow, l1_text: str, l2_text: str) -> PrintedRow | None:
        """Note a text table's row with the labels printed on it (a cell carried down from a row
        above is not the row's own)."""
        if not from_text(row.table):
            return None
        self.from_text = True
        level_cols = (self.cols.level1, self.cols.level2)
        lines = [cell.line for col, cell in enumerate(row.cells) if col + row.shift not in level_cols
                 and cell.text.strip() and cell.line is not None]
        row_line = min(lines) if lines else None

        def own(col: int | None) -> bool:
            # the text reader fills a label down into the rows below it: a copy keeps the label's line
            cell = row.cell(col)
            if cell is None:
                return False
            return not (cell.merged and cell.line is not None and row_line is not None and cell.line < row_line)

        own1 = l1_text if l1_text and own(self.cols.level1) else ""
        own2 = l2_text if l2_text and own(self.cols.level2) and l2_text != l1_text else ""
        printed = PrintedRow(level1=level_path(level1_of(own1), None) or None if own1 else None,
                             level2=own2 or None)
        self.printed.append(printed)
        return printed

    def _give_pending_weight(self, path: str, row: GridRow) -> None:
        if self.pending_weight is None or not path:
            return
        top = path.split("/")[0]
        label = self.labels.get(top)
        if label is None:
            self.labels[top] = LevelLabel(top, self.pending_weight, None)
        elif label.weight is None:
            label.weight = self.pending_weight
        self.pending_weight = None

    def _budget_row(self, row: GridRow) -> bool:
        """'预算执行率 | 10 | 9.5' inside the indicator table: the budget block's 分值 and 得分 (a layout
        that scores budget execution as one more row of the table), not an indicator."""
        filled = [(col, cell) for col, cell in enumerate(row.cells) if squash(cell.text) and not cell.merged]
        if not filled or not _BUDGET_ROW.match(squash(filled[0][1].text)):
            return False
        # its own 一级/二级 labels before it: an indicator named 预算执行率 (a text table's label filled
        # down from a row above keeps that row's line, and is not the row's own)
        label_line = filled[0][1].line
        if any(label_kind(squash(cell.text)) and (not cell.merged or cell.line == label_line)
               for cell in row.cells[:filled[0][0]]):
            return False
        numbers = [(col, values.score_value(cell)) for col, cell in filled[1:]]
        numbers = [(col, n) for col, n in numbers if n is not None]
        if len(numbers) != 2:
            return False
        (w_col, weight), (s_col, score) = numbers
        self.subtotals.append(ScoreLine(level="预算执行", weight=weight, score=score,
                                        evidence=evidences(row, filled[0][0], w_col, s_col)))
        return True

    def _label(self, path: str, text: str, row: GridRow, col: int | None, weight_col: int | None = None) -> None:
        if path and path not in self.labels:
            weight = level_weight(text)
            if weight is None and weight_col is not None:
                weight = values.weight_value(row.cell(weight_col))
            self.labels[path] = LevelLabel(path, weight, evidence(row, col))

    def _packed_past_weight(self, row: GridRow) -> GridRow | None:
        """A text table's sub-row printed without a 分值 cell of its own ('其中桃树种植面积 | 1.5亩 |
        1.5亩' under 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分, the row above's 分值 merged over
        it): the dump packed its 年度指标值 under 分值 and its 实际值 under 年度指标值. The row read one
        column further right for its values; None for any other row.

        A cell under 分值 that is no weight ('1.5亩', '达标') says so, when nothing follows the two
        values (a row with its own 分值 fills the columns up to 得分)."""
        cols = self.cols
        if (not from_text(row.table) or cols.weight is None or cols.target != cols.weight + 1
                or cols.actual != cols.target + 1):
            return None
        cell = row.cell(cols.weight)
        if cell is None or cell.merged or values.is_blank(cell.text) or _WEIGHT_LIKE.fullmatch(squash(cell.text)):
            return None
        last = max((col + row.shift for col, c in enumerate(row.cells) if squash(c.text)), default=-1)
        if last > cols.target:
            return None  # a value under 实际值 or past it: the row fills its columns as printed
        return row.shifted(row.shift + 1)

    def _indicator(self, row: GridRow, path: str, name: str, weight: Decimal | None,
                   score: Decimal | None, packed: GridRow | None = None) -> Indicator:
        cols = self.cols
        named, row = row, packed or row  # a packed row's values sit one column left of their header
        if cols.nature is not None or cols.unit is not None:
            target_text = values.split_target_text(row.text(cols.nature), row.text(cols.target), row.text(cols.unit))
        else:
            target_text = row.text(cols.target)
        # a 质量/时效 row measures a rate or a date even when its name ends in 资金 ('…并按要求支付资金 = 100')
        money = _MONEY_NAME.search(squash(name)) and not path.endswith(_RATE_LEVELS)
        hint = values.name_unit(name) or values.name_figure_unit(name, target_text) or (
            self.money_unit if money else None)
        actual_cell, actual_col = row.cell(cols.actual), cols.actual
        rule: str | None = None
        if cols.target is None and cols.actual is None and (cols.standard, cols.explanation) != (None, None):
            # a scoring table (分值 | 评价标准 | 指标说明 | 得分): the rule gives the target, the explanation the result
            target_text, rule, result = criteria.row_values(row.text(cols.standard), row.cell(cols.explanation), name)
            if result is not None:
                actual_cell, actual_col = result, cols.explanation
        target = values.target(target_text, level=path, name=name, unit_hint=hint)
        actual = values.actual(actual_cell, target_text, evidence(row, actual_col), hint)
        reason: str | None = None
        if cols.reason is not None:
            reason = row.text(cols.reason).strip()
            if _PLACEHOLDER_NAME.fullmatch(squash(reason)):
                # (a one-cell-a-line dump that dropped the row's empty reason cell gives it the name of the
                # template's empty row below, '指标2' or '……': no reason, and no text left in an answer cell)
                reason = ""
        return Indicator(
            level=path,
            name=name,
            target=target,
            # no 实际完成值 column: no result, not an empty one (unless the 指标说明 stated it); nor a
            # result a run-together dump did not give apart (it shows no empty cell)
            actuals=[actual] if (cols.actual is not None or actual_col is not None)
            and not (self.ran_together and actual.kind == "empty") else [],
            weight=weight,
            score=score,
            deviation_reason=reason,
            remark=row.text(cols.remark).strip() or None if cols.remark is not None else None,
            scoring_rule=rule,
            evidence=evidences(named, cols.name) + evidences(row, cols.nature, cols.target, cols.unit, cols.weight,
                                                             cols.score),
        )

    def weights_from_labels(self) -> None:
        """A table without a 分值 column that prints a level's weight in its label ('数量指标15分')
        over one indicator: that indicator carries the whole weight."""
        if self.cols.weight is not None:
            return
        for path, label in self.labels.items():
            # (a row whose 二级 the form does not settle sits at its 一级 level: not that level's only row)
            rows = [ind for i, ind in enumerate(self.indicators) if ind.level == path and i not in self.unsure_rows]
            if any(ind.level == path for i, ind in enumerate(self.indicators) if i in self.unsure_rows):
                continue
            if label.weight is not None and len(rows) == 1 and rows[0].weight is None:
                rows[0].weight = label.weight

    def score_lines(self) -> list[ScoreLine]:
        """Σ weights/scores per level path (二级 and 一级), merged with the printed subtotals."""
        sums: dict[str, tuple[Decimal | None, Decimal | None, list[Evidence]]] = {}
        order: list[str] = []
        # a level with a scored row whose 得分 (分值) was not read has no known sum of 得分 (分值): a
        # cell left blank, or one OCR could not read (a seal's ring over it), is no 0, and the sum
        # of the rest is no claim of the form's, so the sum checks do not judge it
        unknown_score: set[str] = set()
        unknown_weight: set[str] = set()
        for ind in self.indicators:
            parts = ind.level.split("/")
            for depth in range(len(parts), 0, -1):
                path = "/".join(parts[:depth])
                if not path:
                    continue  # a flat table's rows (no 一级/二级 column) sum to no level
                weight, score, evs = sums.get(path, (None, None, []))
                sums[path] = (_add(weight, ind.weight), _add(score, ind.score), evs)
                if ind.weight is not None and ind.score is None and self.cols.score is not None:
                    unknown_score.add(path)
                if ind.score is not None and ind.weight is None and self.cols.weight is not None:
                    unknown_weight.add(path)
                if path not in order:
                    order.append(path)
        for path in unknown_score:
            sums[path] = (sums[path][0], None, sums[path][2])
        for path in unknown_weight:
            sums[path] = (None, sums[path][1], sums[path][2])
        for path in self.unsure_levels & set(sums):
            sums[path] = (None, None, sums[path][2])  # its rows are not all known: the sum is unknown
        seen = {path: position for position, path in enumerate(order)}
        order.sort(key=lambda p: (seen.get(p.split("/")[0], 0), p.count("/"), seen[p]))
        lines: list[ScoreLine] = []
        for path in order:
            weight, score, _ = sums[path]
            label = self.labels.get(path)
            label_evs = [label.evidence] if label and label.evidence else []
            if label is not None and label.weight is not None and (weight is None or self.cols.weight is None):
                weight = label.weight  # rows carry no 分值 (older layouts): the printed one is the weight
            elif label is not None and label.weight is not None and label.weight != weight:
                lines.append(ScoreLine(level=path, weight=label.weight, score=None, evidence=label_evs))
            lines.append(ScoreLine(level=path, weight=weight, score=score, evidence=label_evs + self._row_evs(path)))
        for sub in self.subtotals:
            lines.append(sub)
        return lines

    def _row_evs(self, path: str) -> list[Evidence]:
        """Evidence for a level sum: the weight/score cells of its rows (names are in the indicator)."""
        out: list[Evidence] = []
        for ind in self.indicators:
            if ind.level == path or ind.level.startswith(path + "/"):
                out.extend(ev for ev in ind.evidence[-2:] if values.plain_decimal(ev.text) is not None)
        return out


def _add(total: Decimal | None, part: Decimal | None) -> Decimal | None:
    if part is None:
        return total
    return part if total is None else total + part
