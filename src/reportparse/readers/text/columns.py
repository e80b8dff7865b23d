"""Plain-text input: reading one line of a flattened goal table as `name value...`.

A goal-table header fixes the columns (`signals` roles such as 指标值, 指标性质, 度量单位,
备注). `ColumnLayout` knows which columns follow the indicator name and reads a line, or
the start of a line, as the name followed by values that fit those columns; `flattened`
uses these readings to decide where a row starts and which cell a fragment continues.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportparse.lazypattern import lazy_compile
from reportparse.readers.text.fragments import CLOSE_PUNCT, continues_cell, glue_tokens
from reportparse.readers.text.headers import Frag, Header
from reportparse.readers.text.signals import (
    ACTUAL,
    CMP_RE,
    L1,
    L2,
    NAME,
    NATURE,
    OTHER,
    REASON,
    REMARK,
    SCORE,
    TARGET,
    UNIT,
    WEIGHT,
    has_digit,
    is_comparator_only,
    is_open_end,
    is_plain_number,
    is_quantity,
    is_target,
)

_TOKEN_RE = lazy_compile(r"\S+")

#: `≥98%`: a comparator glued to its number, under a 指标性质 column.
_GLUED_COMPARATOR_RE = lazy_compile(r"^([≥≤=＝><≧≦]=?)(\d.*)$")

#: A unit written in a 度量单位 column is at most this many characters (%, 万元, 人次, 平方公里);
#: a longer digit-free token there is the next column's text.
_MAX_UNIT_CHARS = 4

#: `98%`, `40台`: a number glued to its unit, under 指标值 + 度量单位 columns.
_GLUED_UNIT_RE = lazy_compile(rf"^(\d+(?:\.\d+)?)([^\d.][^\d]{{0,{_MAX_UNIT_CHARS - 1}}})$")


#: A short digit-free word after a name (是, 及时, 良好, 有效) can be a target up to this length;
#: longer, it is more likely a remark or the rest of a cut name.
_MAX_SHORT_VALUE_CHARS = 4


#: An indicator name is at least this many characters: a single character at a line's start is
#: the scrap of a cell cut at its column edge (`…水` / `平`), never a name of its own.
_MIN_NAME_CHARS = 2


@dataclass(slots=True)
class Split:
    """A line read as one row: the indicator name, then values for the columns after it."""

    name: Frag
    values: list[tuple[str, Frag]]
    """(column key, fragment) in column order"""


def column_base(key: str) -> str:
    """The role of a column key (`other#5` → `other`)."""
    return key.split("#", 1)[0]


class ColumnLayout:
    """The columns of a goal table and how a body line reads as `name value...` under them."""

    def __init__(self, header: Header) -> None:
        """Derive the column keys and the value columns after the name from `header`."""
        # one key per column: its role, made unique (`other#5`) when two columns share a role
        self.keys = [role if role not in header.roles[:k] else f"{role}#{k}" for k, role in enumerate(header.roles)]
        after_name = self.keys[self.keys.index(NAME) + 1 :] if NAME in self.keys else self.keys
        self.value_roles = [r for r in after_name if column_base(r) not in (L1, L2, NAME)] or [TARGET]
        self.first_value = next((r for r in self.value_roles if column_base(r) == TARGET), self.value_roles[0])
        text_roles = [r for r in self.value_roles if column_base(r) in (REMARK, REASON)]
        self.tail_role = text_roles[0] if text_roles else self.value_roles[-1]
        self.natured = any(column_base(r) in (NATURE, UNIT) for r in self.value_roles)

    def split(self, frag: Frag) -> Split | None:
        """Read `frag` as `name value...` (e.g. `运维及时性 及时`, `维护费 19.96 万元`), or None."""
        if self.natured:
            return self._split_natured(frag)
        spans = glue_tokens(frag.text)
        if len(spans) - 1 > len(self.value_roles) and column_base(self.value_roles[-1]) in (REMARK, REASON, OTHER):
            # the last column is free text: everything after the other values belongs to it
            keep = len(self.value_roles)
            spans = [*spans[:keep], (spans[keep][0], spans[-1][1])]
        if len(spans) < 2 or len(spans) - 1 > len(self.value_roles):
            return None
        name = frag.text[spans[0][0] : spans[0][1]]
        if not _name_token(name):
            return None
        values = [Frag(frag.text[a:b], frag.line) for a, b in spans[1:]]
        for role, value in zip(self.value_roles, values, strict=False):
            if not _fits(column_base(role), value.text):
                return None
        numeric = any(column_base(r) in (ACTUAL, WEIGHT, SCORE) for r in self.value_roles)
        if not numeric and len(values) > 1 and is_plain_number(values[0].text) and not values[1].text[0].isdigit():
            return None  # `包括主河道 30 公里和支`: a bare number and its unit, inside a remark
        return Split(Frag(name, frag.line), list(zip(self.value_roles, values, strict=False)))

    def _split_natured(self, frag: Frag) -> Split | None:
        """`name ≥ 98 %` under 指标性质/指标值/度量单位 columns: comparator, number and unit apart.

        A comparator glued to its number (`≥98%`) is cut apart; 定性 (qualitative) rows have no
        unit; whatever is left goes to the columns after (实际完成值, 分值, 得分 ...).
        """
        tokens = [Frag(m.group(), frag.line) for m in _TOKEN_RE.finditer(frag.text)]
        if len(tokens) < 2 or not _name_token(tokens[0].text):
            return None
        values: list[tuple[str, Frag]] = []
        pending = tokens[1:]
        qualitative = False
        for key in self.value_roles:
            if not pending:
                break
            role, text = column_base(key), pending[0].text
            if role == NATURE:
                if text in ("定性", "定量") or is_comparator_only(text):
                    qualitative = text == "定性"
                    values.append((key, pending.pop(0)))
                elif (m := _GLUED_COMPARATOR_RE.match(text)) is not None:
                    values.append((key, Frag(m.group(1), frag.line)))
                    pending[0] = Frag(m.group(2), frag.line)
                continue
            if role == UNIT:
                if not qualitative and not has_digit(text) and len(text) <= _MAX_UNIT_CHARS:
                    values.append((key, pending.pop(0)))
                continue
            if role == TARGET and (m := _GLUED_UNIT_RE.match(text)) is not None and not qualitative:
                values.append((key, Frag(m.group(1), frag.line)))
                pending[0] = Frag(m.group(2), frag.line)
                continue
            values.append((key, pending.pop(0)))
        if pending or not values:
            return None
        return Split(tokens[0], values)

    def loose_split(self, frag: Frag) -> Split | None:
        """`name target-start` at the start of a row: two tokens, the first a digit-free name."""
        spans = glue_tokens(frag.text)
        if len(spans) != 2:
            return None
        name = frag.text[spans[0][0] : spans[0][1]]
        value = frag.text[spans[1][0] : spans[1][1]]
        if not _name_token(name) or continues_cell(value):
            return None
        return Split(Frag(name, frag.line), [(self.first_value, Frag(value, frag.line))])


def leading_value(frag: Frag) -> tuple[Frag, Frag] | None:
    """Split `100% 服务器带宽 不…` into the leading quantity and the rest, or None."""
    spans = glue_tokens(frag.text)
    if len(spans) < 2 or not is_quantity(frag.text[spans[0][0] : spans[0][1]]):
        return None
    head = frag.text[spans[0][0] : spans[0][1]]
    tail = frag.text[spans[1][0] :]
    return Frag(head, frag.line), Frag(tail, frag.line)


def _name_token(name: str) -> bool:
    """Whether a line's first token can be an indicator name (no number, comparator, cut-off end)."""
    return not (
        len(name) < _MIN_NAME_CHARS
        or has_digit(name)
        or CMP_RE.search(name)
        or is_open_end(name)
        or continues_cell(name)
    )


def _fits(role: str, text: str) -> bool:
    """Whether `text`, found after a name on the same line, can fill a column of `role`."""
    if role in (WEIGHT, SCORE):
        return is_plain_number(text)
    if role in (REMARK, REASON, OTHER):
        return True
    if is_target(text) or is_plain_number(text):
        return True
    return len(text) <= _MAX_SHORT_VALUE_CHARS and not has_digit(text) and not any(ch in text for ch in CLOSE_PUNCT)
