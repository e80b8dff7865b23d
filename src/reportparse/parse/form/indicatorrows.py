"""What one row of a 自评表's indicator table is, before it is read: a row only an indicator table has, its name
without the template's number, a cell merged down from the row above, a lone value or rule that names nothing, a
一级 label standing in the name column."""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.grid import GridRow, tidy_name
from reportparse.parse.form.levellabels import is_total_label, label_kind

#: (a point before a digit is a decimal point: '1290.3平方米冷库…' begins with a figure, not a row number)
_NAME_PREFIX = lazy_compile(
    r"^(?:指标\s*[0-9０-９一二三四五六七八九十]+|[0-9０-９]+)\s*(?:[:：、)）]|[.．](?![0-9０-９]))\s*")


def merged_from_above(row: GridRow, col: int | None) -> bool:
    """Is the cell at `col` the lower part of a cell merged down from the row above? A 分值 or 得分
    printed once for a 二级指标 and merged over its rows is repeated in every grid row it covers; it
    was counted on the group's first row and must not be counted again on the others."""
    cell = row.cell(col)
    if cell is None or not cell.merged or row.index == 0 or col is None:
        return False
    if cell.confidence is not None:
        # an OCR'd grid: a scan loses rules under seals and noise, and a cell that runs over two rows
        # there is as often a lost line as a merge; each row keeps the value it shows
        return False
    left = row.cell(col - 1)
    if left is not None and left.text == cell.text:
        return False  # merged across from the left cell (a 分值 and 得分 written once), not down
    above = row.table.rows[row.index - 1]
    at = col - row.shift
    return 0 <= at < len(above) and above[at].text == cell.text


def looks_like_indicator_row(row: GridRow) -> bool:
    """A row that can only be part of an indicator table: a level label, an 指标N： name or a 总分."""
    keys = [k for k in row.row_keys() if k]
    return bool(keys) and (
        any(label_kind(k) for k in keys) or bool(_NAME_PREFIX.match(keys[0])) or is_total_label(keys[0])
    )


def clean_name(text: str) -> str:
    """'指标1：完成中型灌区节水改造项目数量' → '完成中型灌区节水改造项目数量'."""
    return _NAME_PREFIX.sub("", tidy_name(text)).strip()


#: A lone cell that names no indicator: a value (its comparator, figure and measure word) or a numbered rule's
#: sentence of a 评价标准 column ('1、提供三级指标完成程度的佐证资料；').
_STRAY_CELL = lazy_compile(r"[≥≤≧≦<>=＝]?\d[\d.,，]*(?:%|％|‰|[^\d\s]{1,3})?|\d{1,2}[、.．].{4,}[；;。]")


def is_stray_cell(key: str) -> bool:
    """A lone cell that names no indicator: a value or a numbered rule's sentence (`_STRAY_CELL`)."""
    return _STRAY_CELL.fullmatch(key) is not None


#: A figure anywhere in a cell: a target or a result that is one, not words.
_FIGURE = lazy_compile(r"\d")


def names_a_group(name: str, texts: list[str]) -> bool:
    """A 一级 label standing in the name column of a row that gives no figure ('效益指标 | 意指斥满度打', a form
    whose dump lost its 一级 column): the label of a group, no indicator of it. A name that is a bare level
    word ('满意度') may still be a row's indicator: only a label the template closes with 指标 is taken."""
    key = re.sub(r"\s+", "", name)
    return key.endswith("指标") and label_kind(key) == 1 and not any(_FIGURE.search(text) for text in texts)
