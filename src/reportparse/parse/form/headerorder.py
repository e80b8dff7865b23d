"""The roles of an indicator header's words in text (一级指标 → level1, 年度指标值 → target …), and a two-row header
run into one line put back in the template's column order. Read for parse/form/text.py."""

from __future__ import annotations

from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.labels import matches

#: The columns of an indicator table in the template's order (a two-row header read as one line
#: puts 一级指标 … after 年度指标值 … : the second row's words follow the first row's).
_COLUMN_ORDER = ("level1", "level2", "name", "nature", "target", "unit", "actual", "rate", "weight", "score",
                 "reason")


def header_in_order(tokens: list[str]) -> list[str]:
    """An indicator header whose two printed rows ran into one line, put back in column order: the
    block label (绩效指标) and the group word over 指标性质|指标值|度量单位 (年度指标值) dropped."""
    roles = [column_role(token) for token in tokens]
    known = [r for r in roles if r]
    ordered = sorted(known, key=_COLUMN_ORDER.index)
    if known == ordered or ("level1" not in known and "name" not in known):
        return tokens  # a one-row header is already in order
    if _one_row_of_its_own(known):
        return tokens  # a province's own order in one row ('三级指标 分值 年度指标值 全年实际值 得分')
    targets = [t for t, r in zip(tokens, roles, strict=True) if r == "target"]
    out = []
    for role_name in _COLUMN_ORDER:
        words = [t for t, r in zip(tokens, roles, strict=True) if r == role_name]
        if role_name == "target" and len(targets) > 1:
            words = words[-1:]  # 年度指标值 spans 指标性质 | 指标值 | 度量单位: keep the sub-column
        out.extend(words[:1])
    return out


_VALUE_ROLES = ("nature", "target", "unit", "actual", "rate", "weight", "score")


def _one_row_of_its_own(known: list[str]) -> bool:
    """The header's level and name columns all come before its value columns, each column once: one
    printed row in the order its form chose, not two rows run together (where the second row's
    一级指标 … follow the first row's 年度指标值 …, or a group word stands over 指标值 and 度量单位)."""
    if len(set(known)) != len(known) or "name" not in known:
        return False
    first_value = min((known.index(r) for r in _VALUE_ROLES if r in known), default=len(known))
    return all(known.index(r) < first_value for r in ("level1", "level2", "name") if r in known)


def column_role(token: str) -> str:
    key = to_simplified(token)
    if matches("indicator.goal_name", key) and key == "绩效指标":
        return ""  # the block label merged over the header rows
    return next((r for r in _COLUMN_ORDER if matches(f"indicator.{r}", key)), "")
