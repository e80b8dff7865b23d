"""A form's name field labelled by its kind alone: '项目 | X经费', '资金 | X补助资金', '基本信息 | 项目 | X补助'.

The label says 名称 nowhere, so it is read as the name's only where nothing else can be meant: a header row of the
label (maybe after one block label), the name, and nothing after it but other header fields ('项目编码 | 5326…').
A fund table's '项目 | 年初预算数 | …' is a column header, its cells labels: no name.
"""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.grid import GridRow, squash
from reportparse.parse.form.labels import matches, other_header_words, roles

#: the roles of a form's field and column labels (not the fund-row words a fund's own name holds: 'X经费' is a name)
_LABEL_ROLES = ("header.", "indicator.", "goal.", "budget.header_", "budget.initial", "budget.planned",
                "budget.executed", "budget.weight", "budget.rate", "budget.score")
#: a block label before the field's ('基本信息', '一、项目基本情况'): short, no figure
_BLOCK_LABEL = lazy_compile(r"^(?:[一二三四五六七八九十]+、)?[\u4e00-\u9fff]{2,8}$")


def bare_name_field(row: GridRow) -> tuple[int, str] | None:
    """(column, text) of the name a row labels by its kind alone, None where the row is no such field."""
    cells = [(col, text) for col, cell in row.distinct() if (text := cell.text.strip(" \t|｜"))]
    at = next((i for i, (_, text) in enumerate(cells[:2]) if matches("header.bare_name", squash(text))), None)
    if at is None or at + 1 >= len(cells) or not all(_BLOCK_LABEL.match(squash(t)) for _, t in cells[:at]):
        return None
    col, name = cells[at + 1]
    rest = [squash(text) for _, text in cells[at + 2:]]
    if rest and not (_is_label(rest[0]) or rest[0].rstrip(":：") in other_header_words()):
        return None  # (a row of several cells, '项目 | A | B': a list's columns, no field)
    return (col, name) if holds_a_name(name) else None


def _is_label(key: str) -> bool:
    return any(r.matches(key) for name, r in roles().items() if name.startswith(_LABEL_ROLES))


def holds_a_name(text: str) -> bool:
    """Does the cell hold a name: no label of any role, no figure, a name by its words?"""
    from reportparse.parse.names import evaluated_fund_name, valid_candidate

    key = squash(text)
    if not key or re.search(r"\d", key) or _is_label(key):
        return False
    return valid_candidate(key) or evaluated_fund_name(key)
