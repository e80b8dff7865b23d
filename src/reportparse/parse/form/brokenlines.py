"""Rows of a form flattened into text lines (cells split by spaces) that the layout broke over lines, put back on
one line before the rows are rebuilt (parse/form/text).

A PDF or OCR dump of a form with narrow columns wraps what its cells hold:

    一级指标 二级指标 三级指标               (a header wrapped: lines of nothing but column labels)
    年度指标值 实际完成值 分值 得分
    产出指标 数量指标 保洁河道长度           (a row's labels and name on one line, its values on the next)
    ≥86公里 86公里 20 20
    上游来水水质波动                         (a reason on a line of its own under its row)
    产出 数量指标 造林面积 1200亩 …          (a 一级 label broken down its merged cell: its pieces open the
    指标 质量指标 苗木成活率 ≥85% …            next rows, '指标', '(50分)', before their 二级 labels)
    (30分) 指标                              (a line of nothing but label pieces: the ends of the labels
                                              opening the row above)
    人数                                     (a long name's last word under its row: `form.name_tail` words)

Each is joined back: the header's lines into one, the values onto their labels' line, the reason onto its row,
the label pieces onto the labels they finish (a piece that finishes none, '指标' or a weight, is dropped: the
label above is whole without it). Lines stay as they are where no rule holds.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Line
from reportparse.parse.form.blocks import is_header_label
from reportparse.parse.form.celldump import is_column_word
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.labels import matches
from reportparse.parse.form.levellabels import PRINTED_WEIGHT_CELL, is_total_label, label_kind
from reportparse.parse.form.oneline import opens_footer
from reportparse.parse.form.values import plain_decimal

_TOKEN = lazy_compile(r"[^\s\u3000]+")
#: A token that begins with a figure or a comparator: a value, not a label or a name.
_FIGURE_START = lazy_compile(r"^[≥≤≧≦<>=＝]?\d")
#: What a broken 一级 label leaves at the front of the rows under it: its 指标, its printed weight.
_LABEL_TAILS = ("指标", "指标等")
#: Most tokens of a row's values wrapped onto a line of their own (target, actual, 分值, 得分, a reason).
_MAX_VALUE_TOKENS = 5
#: Most tokens of a row's labels and name left on the line above its values (一级, 二级, name).
_MAX_LABEL_TOKENS = 3
#: The column roles of the 项目资金 block's header and of the indicator table's.
_BUDGET_ROLES = ("budget.initial", "budget.planned", "budget.executed", "budget.rate")
_INDICATOR_ROLES = ("indicator.level1", "indicator.level2", "indicator.name", "indicator.target",
                    "indicator.actual", "indicator.reason")
#: A reason's text: words (two Han characters at least), no longer than a cell's few lines.
#: (a run-together row ends in its figures, '管护面积万亩2810810'; a reason in words)
_REASON = lazy_compile(r"^(?=(?:.*[\u4e00-\u9fff]){2})(?!.*\d{4}).{1,29}[^\d%％]$")
#: A labelled note of the template under the rows ('备注：无', '说明：…'), never a row's reason.
_LABELLED = lazy_compile(r"^[\u4e00-\u9fff]{1,6}\s*[:：]")
#: The template's numbered name ('指标2:'), a row of its own even when nothing follows it.
_NUMBERED_NAME = lazy_compile(r"^指标\d{1,3}[:：.．、]")
#: Longest column label of a header line ('偏差原因分析及改进措施'); a longer token is text.
_LABEL_MAX = 16
#: A row's number under a 序号 column ('1', '12').
_SERIAL_NUMBER = lazy_compile(r"^\d{1,3}[.、]?$")
_POINT_ROLES = ("indicator.weight", "indicator.score")
#: The most points one indicator row's 分值 holds.
_MAX_ROW_POINTS = 100


def _tokens(text: str) -> list[str]:
    return [to_simplified(t) for t in _TOKEN.findall(text)]


def _with(line: Line, tokens: list[str]) -> Line:
    return line.model_copy(update={"text": " ".join(tokens)})


def _is_header_line(tokens: list[str]) -> bool:
    """A line of nothing but column labels ('年度指标值 实际完成值 分值 得分')."""
    return bool(tokens) and all(len(t) <= _LABEL_MAX and is_column_word(t) for t in tokens)


def _block_of(token: str) -> str:
    budget = any(matches(role, token) for role in _BUDGET_ROLES)
    indicator = any(matches(role, token) for role in _INDICATOR_ROLES)
    return "budget" if budget and not indicator else "indicator" if indicator and not budget else ""


def _same_block(above: list[str], tokens: list[str]) -> bool:
    """Two header lines of one block, the second adding columns: no label of the 项目资金 block's on one and the
    indicator table's on the other (a fund header with no fund row under it stays apart from the indicator header
    that follows), and no column of the first line's again on the second (there the second holds the wrapped ends
    of the first line's labels, '偏差原因分析' over '及改进措施', which the header reader puts under their columns)."""
    blocks = {_block_of(t) for t in [*above, *tokens]} - {""}
    return len(blocks) <= 1 and not (_roles(above) & _roles(tokens))


def _roles(tokens: list[str]) -> set[str]:
    return {role for t in tokens for role in _INDICATOR_ROLES + _BUDGET_ROLES + _POINT_ROLES if matches(role, t)}


def _opens_indicator_block(tokens: list[str]) -> bool:
    """The indicator table's header line: three column labels or more, one of them a level's or the name's."""
    labels = [t for t in tokens if is_column_word(t)]
    return len(labels) >= 3 and any(matches(role, t) for t in labels
                                    for role in ("indicator.level1", "indicator.level2", "indicator.name"))


def _points_end(tokens: list[str]) -> int | None:
    """Where the row's 分值 and 得分 end when the tokens end in them (two bare points, the 得分 no more than the
    分值), a reason after them or not; else None."""
    for end in (len(tokens), len(tokens) - 1):
        if end >= 2:
            weight, score = plain_decimal(tokens[end - 2]), plain_decimal(tokens[end - 1])
            if weight is not None and score is not None and 0 <= score <= weight <= _MAX_ROW_POINTS:
                return end
    return None


def _ends_in_points(tokens: list[str]) -> bool:
    return _points_end(tokens) is not None


def _is_values_line(tokens: list[str]) -> bool:
    """A row's values wrapped onto a line of their own: a few tokens, no label, ending in the row's points."""
    end = _points_end(tokens)
    # (a target and a result before the points: a third token there is a name, the row whole on its line)
    return (3 <= len(tokens) <= _MAX_VALUE_TOKENS and end is not None and end - 2 <= 2 and not any(
        label_kind(t) or is_header_label(t) or is_total_label(t) or _NUMBERED_NAME.match(t) for t in tokens))


def _is_labels_line(tokens: list[str]) -> bool:
    """A row's labels and name without its values: a few tokens, no figure, no points, no header word."""
    return (0 < len(tokens) <= _MAX_LABEL_TOKENS and not any(_FIGURE_START.match(t) for t in tokens)
            and not any(is_header_label(t) or is_total_label(t) or is_column_word(t) for t in tokens)
            and any(not label_kind(t) and not _is_piece(t) for t in tokens))


def _name_at(tokens: list[str]) -> int | None:
    """Where a row line's name stands: its first token after the level labels, when a word (no figure)."""
    at = next((i for i, token in enumerate(tokens) if not label_kind(token)), None)
    if at is None or _FIGURE_START.match(tokens[at]) or is_total_label(tokens[at]) or is_header_label(tokens[at]):
        return None
    return at


def _is_reason(token: str) -> bool:
    """A row's 偏差原因 on a line of its own: a short text of words, no label, no template placeholder ('……',
    '指标2:' with nothing after it)."""
    return (_REASON.match(token) is not None and not _NUMBERED_NAME.match(token) and not label_kind(token)
            and not _LABELLED.match(token) and not opens_footer([token])
            and not is_header_label(token) and not is_total_label(token) and not is_column_word(token))


def _is_piece(token: str) -> bool:
    return token in _LABEL_TAILS or bool(PRINTED_WEIGHT_CELL.match(token))


def _finish_labels(above: list[str], pieces: list[str]) -> list[str] | None:
    """The row above with its opening labels finished by a line of label pieces ('满意度 服务对象 …' under
    '指标 满意度指标' → '满意度指标 服务对象满意度指标 …'); None when a piece finishes no label and is no
    droppable tail or weight."""
    out = list(above)
    at = 0
    if all(PRINTED_WEIGHT_CELL.match(piece) for piece in pieces):
        return None  # a weight alone: the level's, which the label reader gives to the label next to it
    for piece in pieces:
        if PRINTED_WEIGHT_CELL.match(piece):
            continue  # the 一级 label's printed weight: the label is whole without it
        slot = next((j for j in range(at, min(len(out), _MAX_LABEL_TOKENS))
                     if not _FIGURE_START.match(out[j]) and label_kind(out[j] + piece)
                     and (not label_kind(out[j]) or label_kind(out[j] + piece) == label_kind(out[j]))
                     and not out[j].endswith("指标")), None)
        if slot is not None:
            out[slot] += piece
            at = slot + 1
        elif not _is_piece(piece):
            return None
    return out


def mend_broken_rows(lines: list[Line]) -> list[Line]:
    """The form's lines with the rows, header and labels the layout broke over lines joined back."""
    out: list[Line] = []
    in_table = serial = False
    for index, line in enumerate(lines):
        tokens = _tokens(line.text)
        below = _tokens(lines[index + 1].text) if index + 1 < len(lines) else []
        above = _tokens(out[-1].text) if out else []
        if not tokens:
            out.append(line)
            continue
        if (len(above) > 1 and _is_header_line(tokens) and _is_header_line(above) and _same_block(above, tokens)
                and _opens_indicator_block([*above, *tokens])):
            # the indicator header's labels wrapped onto the next line (a line of one label is a cell dump's)
            out[-1] = _with(out[-1], [*above, *tokens])
            in_table = True
            continue
        if _opens_indicator_block(tokens):
            in_table = True
            serial = bool(matches("indicator.serial", tokens[0]))
            out.append(_with(line, tokens[1:]) if serial else line)  # (the 序号 column: no column of the rows')
            continue
        if not in_table:
            out.append(line)
            continue
        if is_total_label(tokens[0]):
            in_table = serial = False
            out.append(line)
            continue
        if serial and len(tokens) > 2 and _SERIAL_NUMBER.match(tokens[0]) and not _FIGURE_START.match(tokens[1]):
            tokens = tokens[1:]  # the row's number under 序号
        if _is_values_line(tokens) and above and _is_labels_line(above):
            out[-1] = _with(out[-1], [*above, *tokens])  # the row's values wrapped under its labels and name
            continue
        if (all(_is_piece(t) or label_kind(t) for t in tokens) and any(not label_kind(t) for t in tokens)
                and _ends_in_points(above)):
            finished = _finish_labels(above, tokens)
            if finished is not None:
                out[-1] = _with(out[-1], finished)  # the ends of the labels opening the row above
                continue
        while len(tokens) > 2 and _is_piece(tokens[0]) and label_kind(tokens[1]):
            tokens = tokens[1:]  # a broken 一级 label's tail before the next row's 二级 label
        name_at = _name_at(above)
        if (len(tokens) == 1 and name_at is not None and _ends_in_points(above) and not _is_values_line(below)
                and matches("form.name_tail", tokens[0])):
            # a long name's last word the name column wrapped under the row ('… 参保 ≥28万人 … 20 20' / '人数')
            out[-1] = _with(out[-1], [*above[:name_at], above[name_at] + tokens[0], *above[name_at + 1:]])
            continue
        if len(tokens) == 1 and len(above) > _MAX_LABEL_TOKENS and _ends_in_points(above) and _is_reason(tokens[0]) \
                and not _is_values_line(below):
            out[-1] = _with(out[-1], [*above, *tokens])  # the row's reason on a line of its own
            continue
        out.append(_with(line, tokens) if tokens != _tokens(line.text) else line)
    return out
