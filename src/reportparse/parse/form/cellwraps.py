"""Cells of a one-cell-a-line dump that a narrow column wrapped, each piece written as a cell of its own.

A page whose table column is narrow breaks a long cell over lines, and a dump that ends every line with '|' (or
puts every line on its own) makes each piece a cell: an indicator's name ('指标1：奖补项目' | '个数'), a reason
('冬季停工，' | '完工延后'). The row's figures say where a name stopped: its 分值 and 得分 stand as many cells after
the name as the header has value columns between them, so a name piece pushes that pair one cell later. A piece
that has no figure, no label and no header word in it, followed by the row's values and its pair, is the name's
end; a text after a row's reason that opens no row is the reason's end. `cells` asks these while it lays out
the rows.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.blocks import is_header_label
from reportparse.parse.form.celltexts import PLACEHOLDER, is_number
from reportparse.parse.form.grid import squash
from reportparse.parse.form.labels import matches
from reportparse.parse.form.levellabels import is_total_label, label_kind
from reportparse.parse.form.values import plain_decimal

#: Longest piece of a wrapped name: a narrow column's line.
_PIECE_MAX = 16
#: Longest level word a name may end in ('满意度', '满意率'), never a whole level label with its 指标.
_LEVEL_WORD_MAX = 3
#: The most points one indicator row's 分值 holds.
_MAX_ROW_POINTS = 100
#: A piece with a figure or a comparator in it is a value (a target, a result), never the end of a name.
_FIGURE_MARK = lazy_compile(r"[\d≥≤≧≦<>=＝%％]")


def _points_columns(keys: list[str], name: int) -> tuple[int, int] | None:
    """The 分值 and 得分 columns of a header that prints them side by side after the name's value columns."""
    weight = next((i for i, k in enumerate(keys) if matches("indicator.weight", k)), None)
    score = next((i for i, k in enumerate(keys) if matches("indicator.score", k)), None)
    if weight is None or score is None or score != weight + 1 or weight <= name + 1:
        return None
    return weight, score


def _points_pair(texts: list[str], at: int) -> bool:
    """The cells at `at` and after it are a row's 分值 and 得分 (two bare points, the 得分 no more than the 分值)."""
    if at < 0 or at + 1 >= len(texts):
        return False
    weight, score = plain_decimal(squash(texts[at])), plain_decimal(squash(texts[at + 1]))
    return weight is not None and score is not None and 0 <= score <= weight <= _MAX_ROW_POINTS


def is_text_piece(text: str) -> bool:
    """A piece of a wrapped text cell: words with no figure, no label, no header or column word."""
    key = squash(text)
    return (bool(key) and len(key) <= _PIECE_MAX and not _FIGURE_MARK.search(key) and not PLACEHOLDER.match(key)
            and not label_kind(key) and not is_header_label(key) and not is_total_label(key)
            and not any(matches(role, key) for role in ("indicator.name", "indicator.target", "indicator.actual",
                                                            "indicator.weight", "indicator.score")))


def name_pieces(texts: list[str], at: int, keys: list[str], name: int) -> int:
    """How many cells from `at` (right after a row's name) are the name's wrapped end: one when the row's 分值 and
    得分 stand one cell later than the header puts them and that cell is a text piece, else none."""
    columns = _points_columns(keys, name)
    if columns is None:
        return 0
    expected = at + columns[0] - name - 1
    if _points_pair(texts, expected) or not _points_pair(texts, expected + 1):
        return 0
    if at + 1 >= len(texts):
        return 0
    # (a piece that reads as a level word, '满意度', ends the name when a value follows it: no level label is
    # followed by a row's value)
    piece = is_text_piece(texts[at]) or (
        label_kind(texts[at]) == 1 and len(squash(texts[at])) <= _LEVEL_WORD_MAX and _FIGURE_MARK.search(texts[at + 1]))
    return 1 if piece else 0


def opens_wrapped_row(texts: list[str], at: int, keys: list[str], name: int) -> bool:
    """The cell at `at` opens a next row whose name wrapped: a short text, then a text piece, its 分值 and 得分 one
    cell later than an unwrapped name's."""
    columns = _points_columns(keys, name)
    if columns is None or at + 1 >= len(texts) or not is_text_piece(texts[at + 1]):
        return False
    first = squash(texts[at])
    if not first or len(first) > _PIECE_MAX or is_number(first) or label_kind(first) or is_header_label(first):
        return False
    expected = at + columns[0] - name
    return not _points_pair(texts, expected) and _points_pair(texts, expected + 1)


def reason_pieces(texts: list[str], at: int, keys: list[str], name: int) -> int:
    """How many cells from `at` (right after a row's filled 偏差原因 cell) are the reason's wrapped end: text pieces
    that open no row of their own (no 分值 and 得分 where a name's would be)."""
    columns = _points_columns(keys, name)
    if columns is None:
        return 0
    count = 0
    while at + count < len(texts) and is_text_piece(texts[at + count]):
        here = at + count
        if _points_pair(texts, here + columns[0] - name) or opens_wrapped_row(texts, here, keys, name):
            break
        count += 1
    return count
