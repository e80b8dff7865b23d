"""A whole 自评表 flattened onto one line: cut it back into one line per table row.

Some publishing systems serve an attachment as one line of text, every cell of the form separated
by a single space:

    附件: 项目支出绩效自评表 (2022年度) 项目名称 委托业务项目 主管部门 … 项目资金 (万元) 年初预算数 …
    年度资金总额: 0 0 0 10 0 0 其中:本年财政拨款 90 89.974 89.974 … 绩效指标 一级指标 二级指标 …
    产出指标(50分) 数量指标 基建工程委托业务项目数量 ≥50个 50 8 8 质量指标 委托业务报告合格率 …

The row boundaries are read off the form's own structure, block by block: the header labels
(项目名称, 主管部门, 实施单位) and the 项目资金, 年度总体目标 and 绩效指标 labels open blocks; inside
the 项目资金 block each fund-row label (年度资金总额, 其中…, 上年结转, 其他资金) opens a row; inside
the indicator block a 一级 label, a 二级 label not right after a 一级 one, a 总分/合计 label, or
a name after the 分值/得分 pair of the row before opens a row. The goal block's texts stay whole.
The cut lines go to the flattened-form reader (`text`) like any form printed one row a line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from reportparse import patterncache
from reportparse.lazypattern import lazy_compile
from reportparse.model import Line
from reportparse.notewords import labelled_note, note_opening
from reportparse.parse.form import values
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.labels import column_words, is_column_label, matches, name_field, row_verdicts
from reportparse.parse.form.levellabels import PRINTED_WEIGHT_CELL, is_total_label, label_kind, row_label_kind
from reportparse.parse.form.splitlabels import spaced_fields
from reportparse.summarycolumns import GRADE

_TOKEN = lazy_compile(r"[^\s\u3000]+")
#: Labels that open the header block's fields.
_HEADER_FIELD = lazy_compile(r"^(主管部门|主管单位|实施单位|项目实施单位)")
_HEADER_ROLES = ("header.name", "header.department", "header.unit")
#: The 年度总体目标 block's label.
_GOAL_BLOCK = lazy_compile(r"^(年度总体目标|总体目标)")
#: The indicator block's label ('绩效指标' before 一级指标 …).
_INDICATOR_BLOCK = lazy_compile(r"^(绩效指标|年度绩效指标|年度绩效目标)")
#: The indicator header's own column labels: one of them after the budget or goal block opens the
#: indicator block when the block label before it is missing or garbled.
_INDICATOR_HEADER = lazy_compile(r"^(一级指标|二级指标|三级指标)$")
#: The rows under the indicators that are none, beside the template's notes (notewords): the conclusion, the
#: signatures.
_FOOTER_WORDS = "其他需要说明(的)?事项|其他说明|评价结论|存在问题|改进措施|项目负责人|财务负责人|填报人"
_FOOTER_LABEL = lazy_compile(rf"(?:{_FOOTER_WORDS})[:：]?")
#: A unit in brackets printed as a cell of its own after a label ('项目资金 (万元)').
_BRACKETED_UNIT = lazy_compile(r"^[(（](万元|元|万|分)[)）]$")
#: A cell that ends in a run of figures glued to its text beyond reading ('…面积万亩2810810'): a
#: whole row whose figures a run-together dump did not give apart; the next text opens the next row.
_GLUED_ROW = lazy_compile(r"[\u4e00-\u9fff%％‰][\d.]{4,}$")
_FIGURE = lazy_compile(r"^[≥≤<>=＝]?\d")
#: The template's numbered name of a row left empty ('指标2:'): a row of its own, never a reason.
_EMPTY_ROW_NAME = lazy_compile(r"^(?:指标|任务)\d+[:：]?$|^[.…]+$")
#: A row's name opened by its number ('任务2:健康档案更新率'): the next row, wherever it stands.
_NUMBERED_ROW = lazy_compile(r"^(?:指标|任务)\d+[:：]")
#: Fewest form labels for a line to be a whole form rather than one row of one.
_MIN_BLOCK_LABELS = 3


def unflatten(line: Line) -> list[Line]:
    """The rows of a form flattened onto `line`, one Line each; [line] when it is not a whole form."""
    tokens = _tokens(line.text)
    if not _is_whole_form(tokens):
        return [line]
    rows = _cut(tokens)
    return [Line(text=" ".join(row), page=line.page, line=line.line, bbox=line.bbox) for row in rows if row]


def is_whole_form(cells: list[str]) -> bool:
    """Do these cells, in reading order, hold a whole form (several of its blocks), not one row of one?"""
    return _is_whole_form([token for cell in cells for token in _tokens(cell)])


def cut_lines(cells: list[str], page: int, line: int | None) -> list[Line]:
    """The rows of a form given as its cells in reading order (no cell holds a space)."""
    return [Line(text=" ".join(row), page=page, line=line) for row in _cut(_tokens(" ".join(cells))) if row]


def cut_cells(cells: list[str]) -> list[tuple[int, list[str]]]:
    """The rows of a form given as its cells in reading order, each with the index of its first
    cell (a cell may hold spaces; none is joined to its neighbour)."""
    rows = _cut(cells)
    out: list[tuple[int, list[str]]] = []
    at = 0
    for row in rows:
        if row:
            out.append((at, row))
        at += len(row)
    return out


@cache
def _footer() -> re.Pattern[str]:
    """A note (notewords) or one of the footer's other words, at the start of a text."""
    return patterncache.compile(rf"^(?:{note_opening()}|{_FOOTER_WORDS})")


def is_footer_label(key: str) -> bool:
    """Is this cell the label of a field under the indicator table (其他需要说明事项, 评价结论 …), alone?"""
    return bool(_FOOTER_LABEL.fullmatch(_key(re.sub(r"\s+", "", key))))


def opens_footer(cells: Sequence[str]) -> bool:
    """A row that opens with these cells is no indicator: a note of the template, the conclusion, the
    signatures. The first two cells are read as one: a dump may have cut a note at its space ('注1 ：…')."""
    if len(cells) >= 2 and labelled_note(_key(cells[0]), _key(cells[1])):
        return True  # the template's 说明 row, its label a cell of its own before the note ('说明 | 注:1.…')
    return bool(_footer().match(_key(" ".join(cells[:2]))))


def block_of(key: str) -> str:
    """Which block a cell's label opens: 'header', 'budget' (the 项目资金 label or a fund row),
    'goal', 'indicator', 'level', or '' for any other cell."""
    if _is_header_field(key):
        return "header"
    if _is_budget_block(key) or _is_fund_row(key):
        return "budget"
    if _GOAL_BLOCK.match(key):
        return "goal"
    if _INDICATOR_BLOCK.match(key):
        return "indicator"
    return "level" if label_kind(key) else ""


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for token in spaced_fields(_TOKEN.findall(text)):  # ('项 目 名 称 X': a PDF's spaced-out label, one token)
        if tokens and (_BRACKETED_UNIT.match(token) or PRINTED_WEIGHT_CELL.match(token) or _open_bracket(tokens[-1])):
            tokens[-1] += token  # (a label wrapped inside its brackets: '执行率(全年 执行数/全年 预算数)')
        else:
            tokens.append(token)
    return tokens


#: Longest label whose bracket a wrap left open ('执行率(全年'): a longer text is a goal's sentence.
_MAX_OPEN_LABEL = 12


def _open_bracket(token: str) -> bool:
    """A short label whose bracket opens and does not close: the cell goes on after the space."""
    opened = max(token.rfind("("), token.rfind("（"))
    return opened > 0 and len(token) <= _MAX_OPEN_LABEL and not any(c in token[opened:] for c in ")）") \
        and not _FIGURE.match(token)


def _key(token: str) -> str:
    return to_simplified(token)


def _is_whole_form(tokens: list[str]) -> bool:
    """A line holding a header field, the 项目资金 or 绩效指标 block and level labels: several rows. (A
    form cut before its indicators, a page's excerpt, has no level label: its fund rows' labels show it
    is one all the same.)"""
    keys = [_key(t) for t in tokens]
    header, budget = any(_is_header_field(k) for k in keys), any(_is_budget_block(k) for k in keys)
    blocks = sum(
        any(pattern.match(k) for k in keys)
        for pattern in (_GOAL_BLOCK, _INDICATOR_BLOCK)
    ) + budget + header
    levels = sum(label_kind(k) > 0 for k in keys)
    fund_rows = any(_is_fund_row(k) for k in keys)
    if header and budget and fund_rows and _budget_columns_after_block(keys):
        return True  # an excerpt cut after the 项目资金 block: its header, block and fund rows make the form
    if keys and _INDICATOR_BLOCK.match(keys[0]) and not header and not budget \
            and sum(bool(_INDICATOR_HEADER.match(k)) for k in keys) >= 2 and levels >= _MIN_BLOCK_LABELS:
        # the indicator table alone on its line, opened by its block label (the header and fund rows on lines of
        # their own); a line opened by the column labels alone may be a cut form's rows, read by `headless`
        return True
    return blocks >= _MIN_BLOCK_LABELS and (levels >= 1 or fund_rows)


#: Most cells between the 项目资金 label and its column titles: a header field with its value, which a
#: sheet's text layer prints there when the label is merged down beside the header's last row
#: ('项目资金(万元) 实施单位 上饶市司法局 年初预算数 全年预算数 …').
_FIELD_BETWEEN = 2


def _budget_columns_after_block(keys: list[str]) -> bool:
    """The 项目资金 label followed by the block's column titles (年初预算数 全年预算数 …), right away or
    after one header field: a budget block in the form's own order, not the words of a sentence nor a
    drawing-order dump's scattered labels (those are `numberedrows`' to read)."""
    def column(k: str) -> bool:
        return matches("budget.header_budget", k) or matches("budget.header_executed", k)

    for i, key in enumerate(keys):
        if not _is_budget_block(key):
            continue
        between = keys[i + 1:i + 1 + _FIELD_BETWEEN]
        for skip in (0, _FIELD_BETWEEN):
            following = keys[i + 1 + skip:i + 3 + skip]
            if skip and not (len(between) == skip and _is_header_field(between[0])):
                continue
            if len(following) == 2 and all(column(k) for k in following):
                return True
    return False


def _cut(tokens: list[str]) -> list[list[str]]:
    rows: list[list[str]] = [[]]
    after_scores: set[int] = set()  # rows opened by a text after the row before's 分值 and 得分
    block = "head"
    scores = 2  # plain numbers that end an indicator row: its 分值 and 得分, or a 得分 alone
    for at, token in enumerate(tokens):
        key = _key(token)
        opens = False
        was = block
        if block == "indicator-header" and matches("indicator.score", key):
            # the header's 得分: is there a 分值 before it, and does it come before the target?
            scores = (_WEIGHT_FIRST if _weight_before_target(rows[-1]) else 2) if _header_has_weight(rows[-1]) else 1
        if _is_header_field(key) and block in ("head", "header"):
            block, opens = "header", True
        elif name_field().fullmatch(key) and block in ("indicator", "footer"):  # the next form's name label
            block, opens = "header", True  # the next form's 项目名称 after this one's indicators
        elif _is_budget_block(key) and block in ("head", "header"):
            block, opens = "budget", True
        elif block == "budget" and (_is_fund_row(key) or matches("form.fund_row_named", key)
                                    or _fund_after_figures(rows[-1], key)):
            opens = True
        elif _GOAL_BLOCK.match(key) and block in ("header", "budget"):
            block, opens = "goal", True
        elif block == "goal" and _is_goal_label(rows[-1][-1]) and not _is_goal_label(token):
            opens = True  # the texts under 预期目标 / 实际完成情况 make the block's second row
        elif (_INDICATOR_BLOCK.match(key) or _INDICATOR_HEADER.match(key)) and block in ("header", "budget", "goal"):
            block, opens = "indicator-header", True
        elif block == "head" and _opens_indicator_header(key):
            block, opens = "indicator-header", True  # a form without a 项目名称 block (a 部门整体 form)
        elif block == "indicator" and _grade_of_total(rows[-1], key):
            pass  # '总分 100 自评等级 优': the stated grade stays on the total's row
        elif block in ("indicator-header", "indicator"):
            kind = row_label_kind(key, tokens[at + 1] if at + 1 < len(tokens) else "")
            previous = rows[-1]
            if is_total_label(key) or (kind == 1 and not _only_level1(previous)):
                block, opens = "indicator", True
            elif block == "indicator-header" and not kind and _header_done(previous, key):
                block, opens = "indicator", True  # a header without level columns: its first row's name
            elif _footer_at(tokens, at, previous):
                block, opens = "footer", True
            elif kind == 2:
                block = "indicator"
                opens = not (previous and label_kind(_key(previous[-1])) == 1)
            elif block == "indicator" and (_INDICATOR_BLOCK.match(key) or key == "一级指标"):
                block, opens = "indicator-header", True  # a second indicator table (年度绩效目标2) on the line
            elif block == "indicator" and _after_scores(previous, scores) and values.plain_decimal(key) is None:
                opens = True
                after_scores.add(len(rows))
            elif block == "indicator" and _NUMBERED_ROW.match(key) and len(rows) - 1 in after_scores \
                    and previous and len(previous) == 1:
                opens = True  # a row's numbered name after the lone text the row before ended in (its reason)
            elif block == "indicator" and previous and _GLUED_ROW.search(previous[-1]) and not _FIGURE.match(key):
                opens = True  # the row before ends in figures glued beyond reading ('…万亩2810810')
            elif block == "indicator" and previous and _key(previous[-1]) in row_verdicts() and not kind \
                    and not _FIGURE.match(key):
                # the row before closed with its verdict in its last column ('… 100% 1000件 达成预期指标'), a text
                # follows: the next row's name (a verdict the row's 分值 and 得分 follow is its result)
                opens = True
        elif block == "footer" and is_total_label(key):
            opens = True
        if was == "indicator-header" and block == "indicator" and not _header_has_score(rows[-1]):
            scores = _NO_SCORES  # a header without 得分 ('三级指标 年度指标值 全年完成值 未完成原因')
        if block == "budget" and not opens and _late_column_title(rows, key):
            next(row for row in reversed(rows) if _is_budget_block(_key(row[0]))).append(token)
            continue
        if block == "budget" and not opens and _label_wrapped(rows[-1], key):
            rows[-1][-1] += token  # a fund row's label wrapped at a space ('其中:当年财政 拨款')
            continue
        if opens and rows[-1]:
            rows.append([])
        rows[-1].append(token)
    return _reasons_back(_field_out_of_block(rows), after_scores)


#: The rest of a fund row's label wrapped after a space: a few Han characters ('拨款', '资金').
_LABEL_REST = lazy_compile(r"^[\u4e00-\u9fff]{1,4}$")


def _label_wrapped(row: list[str], key: str) -> bool:
    """`key` finishes the fund row's label, the row's only cell so far ('其中:当年财政' + '拨款')."""
    return len(row) == 1 and _is_fund_row(_key(row[0])) and bool(_LABEL_REST.match(key)) and not _is_fund_row(key) \
        and _is_fund_row(_key(row[0]) + key)


#: A fund's name among the block's rows: Chinese words only (上级补助, 县级配套), no unit, a label's length at most.
_FUND_NAME = lazy_compile(r"^[\u4e00-\u9fff]{2,12}[:：]?$")
#: A fund row's last cell: an amount, its rate, or the dash of an empty cell (never a numbered item, '2、新增性项目').
_FUND_FIGURE = lazy_compile(r"[-—－/]+|\d[\d.,]*(?:[%％]|万元|万|元)?")


def _fund_after_figures(row: list[str], key: str) -> bool:
    """A word after the figures of the fund row before it opens the next fund row ('其中：财政拨款 500 500 480 — —
    上级补助 380 380 356'), whatever the fund's name: a fund row is its name, then its figures."""
    if len(row) < 2 or not _FUND_NAME.match(key) or key.rstrip(":：") in ("万元", "元", "千元", "亿元"):
        return False
    if any(p.match(key) for p in (_GOAL_BLOCK, _INDICATOR_BLOCK, _INDICATOR_HEADER)) or re.search("目标|指标", key):
        return False  # (the next block's label: 年度绩效目标, 绩效指标)
    if any(matches(r, key) for r in ("budget.header_budget", "budget.header_executed", "budget.weight",
                                     "budget.rate", "budget.score")):
        return False  # (a column title printed late: `_late_column_title`'s)
    return bool(_FUND_FIGURE.fullmatch(_key(row[-1])))


def _late_column_title(rows: list[list[str]], key: str) -> bool:
    """A column title of the 项目资金 block (得分) printed after the block's first rows, as a sheet's text
    layer does with a title merged down two rows: it belongs to the block's header, which lacks it."""
    header = next((row for row in reversed(rows) if row and _is_budget_block(_key(row[0]))), None)
    if header is None or header is rows[-1] or not matches("budget.score", key):
        return False
    return not any(matches("budget.score", _key(t)) for t in header[1:])


def _field_out_of_block(rows: list[list[str]]) -> list[list[str]]:
    """A header field printed between the 项目资金 label and its column titles ('项目资金(万元) 实施单位
    上饶市司法局 年初预算数 …', the label merged down beside the header's last row) put on a row of its own
    before the block: among the column titles it would push them off the amounts below."""
    out: list[list[str]] = []
    for row in rows:
        keys = [_key(t) for t in row[:4]]
        if len(keys) == 4 and _is_budget_block(keys[0]) and _is_header_field(keys[1]) and not _is_column_word(
                keys[2]) and (matches("budget.header_budget", keys[3]) or matches("budget.header_executed", keys[3])):
            out.extend([row[1:3], [row[0], *row[3:]]])
        else:
            out.append(row)
    return out


def _footer_at(tokens: list[str], at: int, previous: list[str]) -> bool:
    """The footer opens at the token `at` among the indicators: a note, the conclusion or the signatures,
    unless a level label comes right after it and no 总分 row came before it: then the text is the reason that
    ends an indicator row ('… 20 16 说明：受天气影响部分培训延期 质量指标 …'). (A note after the 总分 row is the
    footer whatever it says: '注:1. 一级指标 分值 统一设置为: 产出指标(50分) …'.)"""
    if not opens_footer(tokens[at:at + 2]):
        return False
    if previous and is_total_label(_key(previous[0])):
        return True
    rest = tokens[at + 1:]
    if rest and rest[0][:1] in ":：":
        rest = rest[1:]  # the text's own colon, cut off at a space ('说明 ：…')
    return not (rest and label_kind(_key(rest[0])))


def _grade_of_total(row: list[str], key: str) -> bool:
    """Is `key` the grade (or the grade's label) printed after the figures of the 总分 row being cut?"""
    if not row or not is_total_label(_key(row[0])):
        return False
    if matches("form.grade_label", key):
        return True
    after = row[-1]
    labelled = matches("form.grade_label", _key(after))
    return bool(GRADE.match(key)) and (labelled or values.plain_decimal(after) is not None)


def _reasons_back(rows: list[list[str]], after_scores: set[int]) -> list[list[str]]:
    """A lone text after a row's 分值 and 得分 that no figure of its own follows (the next row opens at
    a label, or the form ends) is that row's 偏差原因, not an indicator: it goes back onto the row."""
    out: list[list[str]] = []
    for index, row in enumerate(rows):
        lone = index in after_scores and len(row) == 1 and index + 1 not in after_scores
        # (a note-like text here is a reason: the form's own notes, after its last row, opened the footer)
        if lone and out and not label_kind(_key(row[0])) \
                and not _EMPTY_ROW_NAME.match(_key(row[0])) and not _GLUED_ROW.search(row[0]):
            out[-1] = [*out[-1], *row]
        else:
            out.append(row)
    return out


def _header_done(row: list[str], key: str) -> bool:
    """`key` is no column label and follows a header row of indicator column labels that names the
    indicator column (指标名称 …): the header is done, `key` names the first row."""
    labels = [_key(t) for t in row if is_column_label(_key(t))]
    # (a header is done only once it has named its result column: a label the dump split in two,
    # '实际 完成值', leaves a fragment that is no label before it)
    return (len(labels) >= _MIN_BLOCK_LABELS and any(matches("indicator.header_name", k) for k in labels)
            and any(matches("indicator.actual", k) for k in labels)
            and not _is_column_word(key) and not _INDICATOR_BLOCK.match(key))


def _is_column_word(key: str) -> bool:
    """A column label, or the title of a column the reader does not use (备注, 是否完成: the label table's
    form.header_words), which a header may print after its result column."""
    return is_column_label(key) or key in column_words()


def _opens_indicator_header(key: str) -> bool:
    """The first column label of an indicator header: its 一级 column (一级指标, 分解目标) or, in a
    header without levels, its indicator column (指标名称)."""
    return (bool(_INDICATOR_HEADER.match(key)) or matches("indicator.level1", key)
            or matches("indicator.header_name", key))


def _is_header_field(key: str) -> bool:
    """A header field's label: 项目名称, 主管部门, 实施单位, or the label table's name, department and unit
    labels (预算部门, 单位名称, 一级预算单位名称 of a 部门整体 form)."""
    if _HEADER_FIELD.match(key) or name_field().match(key):
        return True
    return any(matches(role, key) for role in _HEADER_ROLES)


def _is_budget_block(key: str) -> bool:
    """The 项目资金 block's own label ('项目资金', '资金情况', '预算执行情况'; the label table's
    form.budget_block)."""
    return matches("form.budget_block", key)


def _is_fund_row(key: str) -> bool:
    """A label that opens a fund row inside the 项目资金 block (年度资金总额, 其中…, 总额, 单位资金;
    the label table's form.fund_row_open)."""
    return matches("form.fund_row_open", key)


def _is_goal_label(token: str) -> bool:
    key = _key(token)
    return bool(_GOAL_BLOCK.match(key)) or matches("goal.expected", key) or matches("goal.achieved", key)


def _only_level1(row: list[str]) -> bool:
    """The row so far is just a 一级 label: a 一级-looking word after it is its 二级 ('满意度指标')."""
    return len(row) == 1 and label_kind(_key(row[0])) == 1


#: `scores` of a header that prints 分值 right after the name, before the target ('三级指标 分值 年度指标值
#: 全年实际值 得分'): a row is name, 分值, target, result, 得分.
_WEIGHT_FIRST = 3
#: Plain numbers that end a 分值-first row whose target and result are plain numbers too.
_WEIGHT_FIRST_ALL_PLAIN = 4


def _weight_before_target(header: list[str]) -> bool:
    keys = [_key(t) for t in header]
    weight = next((i for i, k in enumerate(keys) if matches("indicator.weight", k)), None)
    target = next((i for i, k in enumerate(keys) if matches("indicator.target", k)), None)
    return weight is not None and target is not None and weight < target


#: `scores` of a header without a 得分 column: a row ends with its target and its result.
_NO_SCORES = 0
#: A figure cell: a number, maybe after a comparator and before a unit ('≥90%', '100%', '5000吨').
_FIGURE_CELL = lazy_compile(r"^(?:[≥≤≧≦><=＝]=?)?\d+(?:\.\d+)?\S{0,3}$")


def _header_has_score(row: list[str]) -> bool:
    return any(matches("indicator.score", _key(t)) for t in row)


def _after_scores(row: list[str], scores: int) -> bool:
    """The row so far ends in its 分值 and 得分 (two plain numbers after a name), or in its 得分 when
    the header has no 分值 column, or (a 分值-first header) in its 得分 after its 分值 and the
    target and result between them."""
    numbers = [values.plain_decimal(t) is not None for t in row]
    if scores == _NO_SCORES:  # a name, then its target and result
        figures = [bool(_FIGURE_CELL.match(_key(t))) for t in row]
        return len(row) >= 3 and figures[-1] and figures[-2] and not all(figures)
    if scores == _WEIGHT_FIRST:
        if len(row) == 3 and not any(numbers) and all(_FIGURE_CELL.match(_key(t)) for t in row[1:]):
            return True  # a sub-row with no 分值 or 得分 of its own ('其中桃树种植面积 1.5亩 1.5亩')
        plain = [i for i, n in enumerate(numbers) if n]
        if not numbers or not numbers[-1] or len(plain) < 2:
            return False
        texts_between = any(not numbers[i] for i in range(plain[0], plain[-1]))
        trailing = len(row) - next((i for i in range(len(row) - 1, -1, -1) if not numbers[i]), -1) - 1
        return texts_between or trailing >= _WEIGHT_FIRST_ALL_PLAIN
    if scores == 1:
        return len(row) >= 2 and numbers[-1] and not all(numbers)
    return len(row) >= 3 and numbers[-1] and numbers[-2] and not all(numbers)


def _header_has_weight(row: list[str]) -> bool:
    return any(matches("indicator.weight", _key(t)) for t in row)
