"""Labels of a flattened form that its layout broke over lines, put back together before the form's rows
are rebuilt (parse/form/text): a level label printed down its merged cell one character a line, a level
label spaced out to its cell's width ('产 出 指 标'), a 二级 label whose 指标 wrapped onto the next row's line,
and the 项目资金 header's last labels wrapped under it."""

from __future__ import annotations

from reportparse.han import is_han, is_han_line
from reportparse.lazypattern import lazy_compile
from reportparse.model import Line
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.labels import matches, roles
from reportparse.parse.form.levellabels import is_total_label, label_kind

_TOKEN = lazy_compile(r"[^\s\u3000]+")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


#: What a level label's wrapped end leaves on the next line ('经济效益' over '指标 全年观影人数 …').
_LABEL_SUFFIXES = ("指标", "目标", "指标等")


def join_split_labels(lines: list[Line]) -> list[Line]:
    """Level labels the layout broke over lines, put back on the row they open.

    - A label printed down its merged cell one character a line, its last character on the row's line
      ('产' / '出' / '指' / '标 数量指标 购置设备 …') or the row on the line under it ('… / '标' / '数量指标
      购置设备 …') → '产出指标 数量指标 购置设备 …'.
    - A 二级 label whose 指标 wrapped onto the next row's line ('… 社会效益' / '指标 受益人数 …') → the
      suffix joined to the label ('… 社会效益指标' / '受益人数 …').
    Lines stay as they are where the joined word is no level label."""
    out: list[Line] = []
    at = 0
    while at < len(lines):
        end = at
        while end < len(lines) and is_han_line(lines[end].text.strip(), 1, 1):
            end += 1
        if end > at and end < len(lines):
            tokens = _tokens(lines[end].text)
            run = "".join(line.text.strip() for line in lines[at:end])
            if len(tokens) > 1 and len(tokens[0]) == 1 and label_kind(to_simplified(run + tokens[0])):
                # (its last character printed on the row's line: '标 数量指标 …')
                out.append(lines[end].model_copy(update={"text": " ".join([run + tokens[0], *tokens[1:]])}))
                at = end + 1
                continue
            if tokens and end - at > 1 and label_kind(to_simplified(run)):
                # (the whole label down the cell, the row it opens on the line under it)
                out.append(lines[end].model_copy(update={"text": " ".join([run, *tokens])}))
                at = end + 1
                continue
        line = lines[at]
        tokens = _tokens(line.text)
        spaced = _spaced_label(tokens)
        if spaced is not None:
            tokens = spaced
            line = line.model_copy(update={"text": " ".join(tokens)})
        fields = spaced_labels(spaced_fields(tokens))
        if fields != tokens:
            tokens = fields
            line = line.model_copy(update={"text": " ".join(tokens)})
        if out and tokens and tokens[0] in _LABEL_SUFFIXES and len(tokens) > 1:
            above = _tokens(out[-1].text)
            if above and label_kind(to_simplified(above[-1] + tokens[0])) == 2 and not above[-1].endswith("指标"):
                out[-1] = out[-1].model_copy(update={"text": " ".join([*above[:-1], above[-1] + tokens[0]])})
                line = line.model_copy(update={"text": " ".join(tokens[1:])})
        out.append(line)
        at += 1
    return out


def _spaced_label(tokens: list[str]) -> list[str] | None:
    """The line's tokens with the level label that opens it spaced out to its cell's width joined back
    ('产 出 指 标 数量指标 …' → '产出指标 数量指标 …'): the longest run of one-character Han tokens at the front that
    reads as a level label. None when the line opens with no such label."""
    singles = 0
    while singles < len(tokens) and len(tokens[singles]) == 1 and is_han(tokens[singles]):
        singles += 1
    for n in range(singles, 1, -1):
        if label_kind(to_simplified("".join(tokens[:n]))):
            return ["".join(tokens[:n]), *tokens[n:]]
    return None


def _singles_end(tokens: list[str], at: int) -> int:
    """Where the run of one-character Han tokens from `at` ends (a spaced-out label's characters)."""
    end = at
    while end < len(tokens) and len(tokens[end]) == 1 and is_han(tokens[end]):
        end += 1
    return end


def spaced_fields(tokens: list[str]) -> list[str]:
    """The line's tokens with each header field label a PDF's text spaced out one character a token joined back
    ('项 目 名 称 X', '主 管 部 门 Y 实 施 单 位 Z' → '项目名称 X', '主管部门 Y 实施单位 Z'): the longest run of
    one-character Han tokens from a place that reads as a 项目名称, 主管部门 or 实施单位 label."""
    out: list[str] = []
    at = 0
    while at < len(tokens):
        singles = _singles_end(tokens, at)
        joined = next((n for n in range(singles - at, 2, -1) if _header_label(to_simplified("".join(
            tokens[at:at + n])))), None)
        if joined is None and singles > at + 2 and singles < len(tokens) and _VALUED_END.match(tokens[singles]):
            # (the label's last character carries its colon and value: '项 目 名 称：X')
            label = "".join(tokens[at:singles]) + tokens[singles][0]
            if _header_label(to_simplified(label)):
                out.append(label + tokens[singles][1:])
                at = singles + 1
                continue
        if joined is None:
            out.append(tokens[at])
            at += 1
            continue
        out.append("".join(tokens[at:at + joined]))
        at += joined
    return out


def spaced_labels(tokens: list[str]) -> list[str]:
    """The line's tokens with each level or column label a PDF's text spaced out one character a token joined back
    ('一 级 指 标 二 级 指 标 年 度 指 标 值', '产 出 指 标 数 量 指 标 X' → '一级指标 二级指标 年度指标值', '产出指标
    数量指标 X'): from each place, the longest run of one-character Han tokens that reads as such a label."""
    out: list[str] = []
    at = 0
    while at < len(tokens):
        singles = _singles_end(tokens, at)
        # (a column label alone on its line, '绩 效 指 标' merged down the block's rows, stays as printed: a header
        # line holds its other labels)
        joined = next((n for n in range(singles - at, 1, -1) if _spaced_word(
            to_simplified("".join(tokens[at:at + n])), alone=n == len(tokens))), None)
        if joined is None:
            out.append(tokens[at])
            at += 1
        else:
            out.append("".join(tokens[at:at + joined]))
            at += joined
    return out


def _spaced_word(key: str, alone: bool) -> bool:
    """A level label, or a column label whose pattern reads the whole of it (a run of several labels is none)."""
    from reportparse.parse.form.celldump import COLUMN_ROLES

    if label_kind(key) or is_total_label(key):
        return True
    # (nor the block's own label, '绩 效 指 标' printed down the rows' first column: joined, a row would take it
    # for its indicator's name)
    if alone or matches("indicator.goal_name", key):
        return False
    for role in COLUMN_ROLES:
        found = roles()[role].matches(key) if role in roles() else None
        if found is not None and found.start() == 0 and found.end() == len(key):
            return True
    return False


#: A token that is a label's last character with its colon and value ('称：X').
_VALUED_END = lazy_compile(r"[\u4e00-\u9fff][:：]")


def _header_label(key: str) -> bool:
    return any(matches(f"header.{field}", key) for field in ("name", "department", "unit"))


def rows_open_with_levels(lines: list[Line]) -> bool:
    """Do the lines below a header open with a 一级 label followed by a 二级 one ('产出指标 数量指标 …')?"""
    for line in lines:
        tokens = _tokens(line.text)
        if len(tokens) > 2 and label_kind(to_simplified(tokens[0])) == 1 and label_kind(to_simplified(tokens[1])) == 2:
            return True
    return False


#: What a wrapped header label leaves on the next line besides labels: the rest of a bracketed formula
#: or column mark ('( B/A×100%)', '(C)'), never an amount of its own.
_FORMULA_PIECE = lazy_compile(r"^[(（]?[A-Za-z]?[/／×*xX]?[A-Za-z]?(?:[×*xX]?100[%％])?[)）]?$")


def fund_header_rest(tokens: list[str]) -> list[str]:
    """The 项目资金 header's last column labels, wrapped onto the line under it ('… 分值 预算执行率' over
    '( B/A×100%) 得分'): the line's labels (得分, 分值, 执行率), when it holds nothing else than them and
    the pieces of a bracketed formula. Empty when the line is anything else (a fund row, a note)."""
    labels = [t for t in tokens if not _FORMULA_PIECE.match(t)]
    roles = ("budget.score", "budget.weight", "budget.rate")
    if not labels or any(not any(matches(r, to_simplified(t)) for r in roles) for t in labels):
        return []
    return labels
