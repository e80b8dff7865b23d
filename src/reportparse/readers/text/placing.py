"""Plain-text input: the rows of a delimited table put back under their header.

A table copied out of a web page or a PDF prints every row's cells left to right, without the cells
a merge covers: the 一级/二级 labels merged down over several rows are printed on their first row
only, a 年度指标值 spread over 指标性质 | 指标值 | 度量单位 once, above its sub-header row. These
functions put the cells back in their columns, by what the cells are, so that the form reader finds
each under its header: the sub-header spread under its span, each indicator row moved right to
where its first cell belongs, and the level labels filled down as the merged cells would cover them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.levelcells import spread_level_row
from reportparse.model import Cell
from reportparse.notewords import labelled_note, note_start
from reportparse.readers.text.signals import (
    L1,
    L2,
    MIN_COLUMN_WORDS,
    NAME,
    NATURE,
    OTHER,
    SCORE,
    TARGET,
    TEMPLATE_PLACEHOLDER_RE,
    TOTAL_RE,
    UNIT,
    WEIGHT,
    column_role,
    column_words,
    has_digit,
    level_of,
)
from reportparse.summarycolumns import column_role as summary_role

#: The roles of a sub-header's cells under a 年度指标值 span.
_SUB_ROLES = (NATURE, TARGET, UNIT)
#: The roles of a sub-header's cells under a scoring group ('自评情况' or '评分' over 分值 | 得分).
_SCORE_ROLES = (WEIGHT, SCORE)


def place_rows(rows: list[list[Cell]], packed: bool = True) -> None:
    """Put the rows of a text table under its indicator header (in place); rows not `packed` (printed with a
    cell for every column) are in their columns already."""
    _spread_sub_header(rows)
    if packed:
        _place_packed_rows(rows)
    _fill_down_levels(rows)


def _spread_sub_header(rows: list[list[Cell]]) -> None:
    """A sub-header printed left-aligned under its header ('指标性质 | 指标值 | 度量单位' under
    '… 三级指标 | 年度指标值 | 实际完成值 …', '分值 | 得分' under '… 实际完成值 | 自评情况 | 偏差原因'): the
    header cell it splits spans as many columns as the sub-header has cells, and the sub-header goes under
    it. Every row is widened to the new width."""
    start = _indicator_header(rows)
    if start is None or start + 1 >= len(rows):
        return
    header, sub = rows[start], rows[start + 1]
    cells = [cell for cell in sub if cell.text.strip()]
    if len(cells) < 2 or sub[0].text.strip() == "":
        return
    span = _spanned_cell(header, cells, rows[start + 2:])
    if span is None:
        return
    extra = len(cells) - 1
    width = len(header) + extra
    rows[start] = _renumbered(header[:span + 1] + [header[span]] * extra + header[span + 1:])
    rows[start + 1] = _renumbered([_blank(sub[0])] * span + cells + [_blank(sub[0])] * (width - span - len(cells)))
    for r, row in enumerate(rows):
        if r not in (start, start + 1):
            rows[r] = _renumbered(row + [_blank(row[0])] * extra)


def _spanned_cell(header: list[Cell], cells: list[Cell], body: list[list[Cell]]) -> int | None:
    """The header cell that the sub-header `cells` split: the target column over 指标性质 | 指标值 | 度量单位;
    over a weight and a score (分值 | 得分, 权重 | 自评分) the one cell right of the indicator's name that
    names no column ('自评情况', '评分'), or else the one score column ('自评得分' over 分值 | 得分), when the
    first whole row below has a figure in every column the split makes."""
    roles = [column_role(cell.text) if column_words(cell.text) else OTHER for cell in cells]
    if all(role in _SUB_ROLES for role in roles):
        return next((c for c, cell in enumerate(header)
                     if column_words(cell.text) and column_role(cell.text) == TARGET), None)
    if not any(role in _SCORE_ROLES for role in roles) or not all(
            role in _SCORE_ROLES or _short_label(cell.text) for role, cell in zip(roles, cells, strict=True)):
        return None
    header_roles = [column_role(cell.text) if column_words(cell.text) else OTHER for cell in header]
    if NAME not in header_roles:
        return None
    after = header_roles.index(NAME) + 1
    groups = [c for c in range(after, _used(header)) if header_roles[c] == OTHER]
    if not groups:
        groups = [c for c in range(after, len(header)) if header_roles[c] == SCORE]
    if len(groups) != 1:
        return None
    first = next((row for row in body if _used(row) >= _used(header)), None)
    split = first[groups[0]:groups[0] + len(cells)] if first is not None else []
    return groups[0] if len(split) == len(cells) and all(has_digit(cell.text) for cell in split) else None


def _sub_header_row(row: list[Cell]) -> bool:
    """A row of two or more column titles and nothing else."""
    cells = [cell.text for cell in row if cell.text.strip()]
    return len(cells) >= 2 and all(column_words(text) or _short_label(text) for text in cells)


def _short_label(text: str) -> bool:
    """A column title of a few characters and no figure ('自评分'): a sub-header cell no column word names."""
    text = text.strip()
    return 2 <= len(text) <= 6 and not has_digit(text) and all(is_han(ch) for ch in text)


def _blank(like: Cell) -> Cell:
    return like.model_copy(update={"text": "", "merged": False})


def _renumbered(row: list[Cell]) -> list[Cell]:
    return [cell.model_copy(update={"col": c}) for c, cell in enumerate(row)]


def _indicator_header(rows: list[list[Cell]]) -> int | None:
    """The indicator header row: the first with three or more column words (in a form dump not
    the table's first row)."""
    return next((r for r, row in enumerate(rows) if _is_header_row(row)), None)


def _is_header_row(row: list[Cell]) -> bool:
    return len(column_words(" ".join(c.text for c in row))) >= MIN_COLUMN_WORDS


@dataclass(frozen=True)
class _PackedHeader:
    """What an indicator header row says of the columns the rows below it go under."""

    roles: list[str]
    level1: int | None
    level2: int | None
    name: int | None
    width: int
    serial: bool
    weighted: list[int]

    @staticmethod
    def of(row: list[Cell]) -> _PackedHeader | None:
        """The header's columns; None when it does not open its row with a level or name column."""
        roles = [column_role(cell.text) if column_words(cell.text) else OTHER for cell in row]
        level1 = roles.index(L1) if L1 in roles else None
        level2 = roles.index(L2) if L2 in roles else None
        after = max((c for c in (level1, level2) if c is not None), default=-1)
        name = next((c for c, role in enumerate(roles) if role == NAME and c > after), None)
        first_column = min((c for c in (level1, level2, name) if c is not None), default=None)
        if first_column is None or first_column > 1:
            return None
        serial = first_column == 1 and summary_role(row[0].text) == "serial"
        weighted = _weighted_levels(roles, [c for c in (level1, level2, name) if c is not None])
        return _PackedHeader(roles, level1, level2, name, _used(row), serial, weighted)


def _place_packed_rows(rows: list[list[Cell]]) -> None:
    """Put an indicator row that a web page printed without the cells merged down from above
    ('质量指标 | 种植作物成活率 | 5 | 95%' under 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 分值 …)
    back under its header: its first non-empty cell says where it starts — a 一级 label under 一级指标,
    a 二级 label under 二级指标, anything else under the indicator's name — and its cells keep their
    order (a row is only moved right: one in place or further right is left where it is; a row's
    number under a 序号 column stays in it, the cells after it move). The
    fill-down then covers the cells the shift opened. The indicator rows end at the 总分 row, or at the first
    row that neither opens with a level label nor holds a figure (a 评价结论, a next form's title), or at a note."""
    start = _indicator_header(rows)
    if start is None:
        return
    header = _PackedHeader.of(rows[start])
    if header is None:
        return  # the header does not open its row (a dump's cells in one long row): no column to go by
    for r in range(start + 1, len(rows)):
        row = rows[r]
        if not _used(row):
            continue
        if _is_header_row(row):
            # the header again (a page's repeated header row), or the header of the next table: a
            # bond form's 债券资金 row has its own columns above the indicator table's (分值 | 得分 one
            # column further right), and the rows below go by the header just above them
            header = _PackedHeader.of(row) or header
            continue
        roles, level1, level2, name = header.roles, header.level1, header.level2, header.name
        width, serial, weighted = header.width, header.serial, header.weighted
        if weighted:
            if not _place_weighted_row(rows, r, weighted, last=not any(_used(x) for x in rows[r + 1:])):
                return
            continue
        # a 序号 column keeps the row's number where it is: the cells after it are the ones packed
        lead = 1 if serial and row[0].text.strip().isdigit() else 0
        at = next((c for c in range(lead, len(row)) if row[c].text.strip()), None)
        if at is None:
            continue
        first = re.sub(r"\s+", "", row[at].text)  # '社会效益 指标': a label wrapped in its cell
        if note_start().match(first):
            return  # the template's note under the table ('注1：…', whose number is no figure of a row)
        following = next((re.sub(r"\s+", "", c.text) for c in row[at + 1:] if c.text.strip()), "")
        if labelled_note(first, following):
            return  # the same note after its label cell ('说明 | 注:1.…')
        if _used(row) == at + 1 and TEMPLATE_PLACEHOLDER_RE.match(first):
            continue  # the template's empty row left as printed ('指标2:', '……'): the rows go on under it
        kind = level_of(first) or _weighted_level(row, at)
        if not kind and r == start + 1 and _sub_header_row(row):
            continue  # the header's second row (指标性质 | 指标值 | 度量单位, 分值 | 得分): the rows follow it
        if not kind and not any(has_digit(cell.text) for cell in row):
            return
        if any(TOTAL_RE.match(cell.text.strip()) for cell in row):
            return  # the 总分 row ('其他需要说明事项 | 无 | 总分 | 100 | 96') closes the indicator rows
        if column_words(first):
            continue
        home = level1 if kind == 1 else level2 if kind == 2 else name
        shift = (home or 0) - at
        if shift <= 0 or _used(row) + shift > width:
            _scores_home(rows, r, roles)
            continue
        texts = [c.text for c in row[:lead]] + [""] * shift + [c.text for c in row[lead:len(row) - shift]]
        rows[r] = [cell.model_copy(update={"text": text, "col": c})
                   for c, (cell, text) in enumerate(zip(row, texts, strict=True))]
        _scores_home(rows, r, roles)


#: A plain figure: a 分值 or a 得分 ('9.3', '10').
_PLAIN = lazy_compile(r"^\d{1,3}(?:\.\d{1,2})?$")


def _scores_home(rows: list[list[Cell]], r: int, roles: list[str]) -> None:
    """A row whose dump collapsed an empty value cell ('配套电力设施… | 3 | 9.3 | 9.3', a 实际完成值 left
    blank) ends short of the header's 分值 | 得分 pair: its last two cells, plain figures, are that pair
    (the template ends every row with them) and go under it; the gap stays among the values."""
    if WEIGHT not in roles or SCORE not in roles:
        return
    weight, score = roles.index(WEIGHT), roles.index(SCORE)
    row = rows[r]
    used = _used(row)
    if score != weight + 1 or used > score or used < 3:
        return
    last, before = row[used - 1].text.strip(), row[used - 2].text.strip()
    if not (_PLAIN.match(last) and _PLAIN.match(before)) or float(last) > float(before):
        return  # (a 得分 above its 分值: the figures are something else)
    texts = [c.text for c in row]
    texts[used - 2] = texts[used - 1] = ""
    texts[weight], texts[score] = before, last
    rows[r] = [cell.model_copy(update={"text": text, "col": c})
               for c, (cell, text) in enumerate(zip(row, texts, strict=True))]


def _weighted_levels(roles: list[str], labels: list[int]) -> list[int]:
    """The level columns of a header that gives each level its own 分值 column right after it and the
    得分 after the last ('一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分', a 综合评价 score
    table); [] for any other header."""
    if len(labels) < 2 or labels[-1] + 2 >= len(roles):
        return []
    weights = all(roles[col + 1] == WEIGHT for col in labels)
    return labels if weights and roles[labels[-1] + 2] == SCORE else []


def _place_weighted_row(rows: list[list[Cell]], r: int, labels: list[int], last: bool) -> bool:
    """Put a row of such a table under its columns: it prints k labels, each with its 分值, the last also
    with its 得分 (a level merged down from above is not printed again), so it fills the last k level
    columns; the table's last row may be cut after a label. False where the row is no such row."""
    row = rows[r]
    texts = [c.text.strip() for c in row if c.text.strip()]
    count, at = 0, 0
    while count < len(labels) and at + 1 < len(texts) and not _PLAIN.match(texts[at]) and _PLAIN.match(texts[at + 1]):
        count, at = count + 1, at + 2
        if at < len(texts) and _PLAIN.match(texts[at]):
            break
    scored = at == len(texts) - 1 and count and _PLAIN.match(texts[at])
    cut = last and at == len(texts) - 1 and count < len(labels) and not _PLAIN.match(texts[at])
    if not (scored or cut) or (cut and count + 1 > len(labels)):
        return False
    count += 1 if cut else 0
    width = max(len(row), labels[-1] + 3)
    placed = spread_level_row(texts, labels, count, bool(scored), [""] * width)
    rows[r] = [row[min(c, len(row) - 1)].model_copy(update={"text": text, "col": c}) for c, text in enumerate(placed)]
    return True


#: A level label of its own words carrying its weight ('工作计划(6分)', '规划（15分）'): a 部门整体 form's
#: levels are not the template's 产出/效益 words, but their printed weight shows them.
_WEIGHTED_LABEL = lazy_compile(r"^[\u4e00-\u9fff]{2,10}[(（]\d+(?:\.\d+)?分?[)）]$")


#: a label's weight in brackets at its end, '(50)', '（15分）'
_BRACKET_WEIGHT = lazy_compile(r"[(（]\d+(?:\.\d+)?分?[)）]$")


def _weighted_level(row: list[Cell], at: int) -> int:
    """1 or 2 for a row opening with a weighted label at `at`: two in a row are the 一级 and its first
    二级 (they begin on the same row); one alone is a 二级 under the 一级 merged down from above.

    A scoring sheet prints the indicator's weight in its label too ('项目决策(15分) | 决策过程(8分) | 决策依据
    (4分) | 4'; '决策程序(4分) | 4' under levels merged from above): where a figure follows the labels, the last
    of them is the indicator's name, so three open at the 一级, two at the 二级 and one is the name (3)."""
    texts = [re.sub(r"\s+", "", c.text) for c in row[at:] if c.text.strip()]
    # (the template's own level words with a weight in brackets, '产出指标(50)', are levels by their words)
    known = level_of(_BRACKET_WEIGHT.sub("", texts[0])) if texts else 0
    if known:
        return known
    if len(texts) >= 2 and _BRACKET_WEIGHT.fullmatch(texts[0]) and level_of(texts[1]) == 2:
        return 1  # '(50分) | 数量指标 | …': the 一级 label's weight, its words printed on the line above

    count = 0
    while count < len(texts) and _WEIGHTED_LABEL.match(texts[count]):
        count += 1
    if not count:
        return 0
    if count < len(texts) and _PLAIN.match(texts[count]):
        return {3: 1, 2: 2}.get(count, 3)
    return 1 if count >= 2 else 2


def _used(row: list[Cell]) -> int:
    """The row's cells up to its last non-empty one."""
    return len(row) - next((i for i, c in enumerate(reversed(row)) if c.text.strip()), len(row))


def _fill_down_levels(rows: list[list[Cell]]) -> None:
    """Copy 一级/二级 labels into the empty cells below them, as a merged cell would cover them.

    The level columns are found from the indicator header row (the first row with three or more
    column words), which in a form dump need not be the table's first row.
    """
    start = _indicator_header(rows)
    if start is None:
        return
    roles = [column_role(cell.text) if column_words(cell.text) else OTHER for cell in rows[start]]
    level1 = roles.index(L1) if L1 in roles else None
    repeated = {r for r in range(start + 1, len(rows)) if _is_header_row(rows[r])}
    # a new 一级 label closes the 二级 label above it
    new_level1 = {r for r, row in enumerate(rows) if level1 is not None and level1 < len(row) and row[level1].text}
    for col, role in enumerate(roles):
        if role not in (L1, L2):
            continue
        above: Cell | None = None
        for r in range(start + 1, len(rows)):
            row = rows[r]
            cell = row[col]
            if r in repeated:
                continue  # the header again on a next page: the label above goes on under it
            if cell.text:
                above = cell
            elif role == L2 and r in new_level1:
                above = None
            elif above is not None and any(c.text for c in row[col + 1 :]):
                row[col] = cell.model_copy(update={"text": above.text, "merged": True, "line": above.line})
                above.merged = True
