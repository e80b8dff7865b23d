"""What a cell of a form dumped one cell a line is, and the rows of a score table whose every level
carries its own 分值 (read by `cells`).

A 综合评价 self-evaluation form scores a framework of levels, each with its 分值 beside it: 一级指标 |
分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分. Dumped one cell a line, a level cell merged down over
its rows is written once, on its group's first row:

    项目决策 / 20 / 项目目标 / 4 / 目标内容 / 4 / 4 / 决策过程 / 8 / 决策依据 / 3 / 3 / 决策程序 / 5 / 5 …

so a row is a run of labels each followed by its 分值, the last also by its 得分, and a row of k labels
sits in the last k level columns: its shape says where it goes (`level_row`). Also a row that printed only
its 分值 and 得分, put back under them (`points_put_back`).
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form import values
from reportparse.parse.form.blocks import is_header_label
from reportparse.parse.form.celldump import DumpCell
from reportparse.parse.form.grid import squash
from reportparse.parse.form.labels import matches
from reportparse.parse.sections import PART_TOPIC

#: Longer than any label cell; a longer cell is an answer or a note and never starts a row.
LABEL_MAX = 24
#: An empty cell's placeholder ('/', '—').
PLACEHOLDER = lazy_compile(r"^[/／\-—–－]+$")
#: A figure cell with its unit of money or a percent sign ('4753.66万元', '86%'): never a row's label.
_FIGURE = lazy_compile(r"^[-－]?\d[\d,，]*(?:\.\d+)?\s*(?:万元|亿元|千元|元|万|%|％)?$")


#: A report's numbered part heading ('三、自评结论', '第四部分 存在的问题'): the prose after a dumped form goes on,
#: never an indicator row.
_PART_HEADING = lazy_compile(r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)")


def is_part_heading(text: str) -> bool:
    """A report's part heading that names its topic ('三、自评结论', '四、存在的问题及改进措施')."""
    key = squash(text)
    return bool(_PART_HEADING.match(key)) and bool(PART_TOPIC.search(key)) and len(key) <= LABEL_MAX


def is_number(text: str) -> bool:
    plain = values.plain_decimal(text.replace("%", "").replace("％", "")) is not None
    return plain or bool(_FIGURE.match(squash(text)))


def starts_row(text: str) -> bool:
    """A short label that opens a row: not a number, a placeholder (/ —) or a long answer."""
    key = squash(text)
    return bool(key) and len(key) <= LABEL_MAX and not is_number(key) and not PLACEHOLDER.match(key)


def weighted_level_columns(keys: list[str], level1: int | None, level2: int | None, name: int) -> list[int] | None:
    """The level columns (一级, 二级, 三级) of a header that gives each its own 分值 column right after it
    and the 得分 after the last ('一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分'); None for
    any other header."""
    labels = [col for col in (level1, level2, name) if col is not None]
    if len(labels) < 2 or labels != sorted(labels) or labels[-1] + 2 >= len(keys):
        return None
    weights = all(col + 1 < len(keys) and matches("indicator.weight", keys[col + 1]) for col in labels)
    scored = labels[-1] + 2 < len(keys) and matches("indicator.score", keys[labels[-1] + 2])
    return labels if weights and scored else None


def level_row(texts: list[str], at: int, depth: int) -> tuple[int, int, bool] | None:
    """The shape of the row from `at` in such a table: (how many labels it prints, the index after it,
    whether it ends in its 得分). A row the page cut right after a label keeps that label without its
    figures; None where no such row starts (a heading, a note)."""
    count = 0
    end = at
    while count < depth and end + 1 < len(texts):
        label, figure = texts[end], texts[end + 1]
        if not starts_row(label) or is_header_label(squash(label)) or not is_number(figure):
            break
        count, end = count + 1, end + 2
        if end < len(texts) and is_number(texts[end]):
            return count, end + 1, True
    if count and end == len(texts) - 1 and starts_row(texts[end]) and count < depth:
        return count + 1, end + 1, False  # the page cut the row after a label: its figures are not shown
    return None


def target_group_order(keys: list[str]) -> list[int] | None:
    """The two header rows of the 2021 template read as one run of cells: '年度指标值 | 实际完成值 | 分值 |
    得分 | 偏差原因… | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位'. 年度指标值 spans the
    指标性质 | 指标值 | 度量单位 columns of the second row, under which the level columns stand first: the
    columns in the rows' order are the second row, then the first row's columns after 年度指标值 (the
    header cells' indexes in that order); None for a header that is no such run."""
    level = next((i for i, k in enumerate(keys) if matches("indicator.level1", k)), None)
    if level == 0:
        return _second_row_after(keys)
    if not level:
        return None
    if not any(matches("indicator.nature", k) or matches("indicator.unit", k) for k in keys[level:]):
        return None
    group = next((i for i, k in enumerate(keys[:level]) if matches("indicator.target", k)), None)
    if group is None:
        return None
    return [*range(level, len(keys)), *range(group + 1, level)]


def _second_row_after(keys: list[str]) -> list[int] | None:
    """The same two header rows dumped first row first: '一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |
    分值 | 得分 | 偏差原因… | 指标性质 | 指标值 | 度量单位'. The second row's cells (the run of 性质/指标值/单位 labels
    at the end) stand where 年度指标值 stands; None for a header that is no such run."""
    part = len(keys)
    while part > 0 and any(matches(role, keys[part - 1])
                           for role in ("indicator.nature", "indicator.target", "indicator.unit")):
        part -= 1
    second = range(part, len(keys))
    if len(second) < 2 or not any(matches("indicator.nature", keys[i]) or matches("indicator.unit", keys[i])
                                  for i in second):
        return None
    group = next((i for i, k in enumerate(keys[:part]) if matches("indicator.target", k)), None)
    if group is None or group + 1 >= part:
        return None  # (no column after 年度指标值 in the first row: the run is the header itself)
    return [*range(group), *second, *range(group + 1, part)]


def points_put_back(row: list[DumpCell], keys: list[str], name: int) -> list[DumpCell]:
    """A row that printed only its 分值 and 得分 ('工程质量合格 / 20 / 20', its target and result left empty and
    dropped by the dump): the two figures read into the value columns right after the name go under 分值 and
    得分. Only two bare points (the 得分 no more than the 分值) and nothing else after the name, or words in the
    target and the result only ('有效 / 有效 / 10 / 10' under 性质 | 指标值 | 单位 | 实际完成值 | 分值 | 得分, the
    empty 性质 and 单位 left out): a row that printed a figure as its value keeps its figures where they fell."""
    weight = next((i for i, k in enumerate(keys) if matches("indicator.weight", k)), None)
    score = next((i for i, k in enumerate(keys) if matches("indicator.score", k)), None)
    if weight is None or score is None or not name + 2 < weight < score:
        return row
    filled = [i for i in range(name + 1, len(row)) if squash(row[i].text)]
    texts = filled[:-2]
    if len(filled) < 2 or filled[-2:] == [weight, score] or filled != [*range(name + 1, name + 1 + len(filled))]:
        return row
    weight_points, score_points = (values.plain_decimal(squash(row[i].text)) for i in filled[-2:])
    if weight_points is None or score_points is None or not 0 <= score_points <= weight_points <= _MAX_ROW_POINTS:
        return row
    columns = _value_columns(keys, name, weight)
    if texts and (len(texts) != len(columns) or any(values.plain_decimal(squash(row[i].text)) is not None
                                                    for i in texts)):
        return row  # (a row with figures in its value columns keeps them where they fell)
    moved = list(row)
    for i in filled:
        moved[i] = DumpCell("", row[name].line)
    moved[weight], moved[score] = row[filled[-2]], row[filled[-1]]
    for column, i in zip(columns, texts, strict=False):
        moved[column] = row[i]  # (words only, '有效' | '有效': the target's and the result's, the dump left the
        # template's empty 性质 and 单位 cells out)
    return moved


def _value_columns(keys: list[str], name: int, weight: int) -> list[int]:
    """The target and the result columns between the name and 分值 (one of each)."""
    target = next((i for i in range(name + 1, weight) if matches("indicator.target", keys[i])), None)
    actual = next((i for i in range(name + 1, weight) if matches("indicator.actual", keys[i])), None)
    return [i for i in (target, actual) if i is not None]


#: The most points one indicator row's 分值 holds.
_MAX_ROW_POINTS = 100

