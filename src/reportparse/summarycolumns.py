"""Column roles of a summary table that lists one project a row, from `lexicon/form_labels.json`.

Departments and finance bureaus report several projects at once in a small table: 项目名称 | 预算金额(万元)
| 执行金额 | 自评得分 | 评价等级, or a bond list 序号 | 主管部门 | 项目名称 | 发行金额(亿元) | 评价得分 | 评价结果 |
备注. Its columns are known by their titles, whatever their order: the table `summary.columns` of the
label file gives each title its role (name, planned, executed, initial, returned, rate, score, grade, or
`other` for a column the table also has, such as 序号 or 债券性质). The text reader uses it to rebuild a
table dumped one cell a line, the narrative parser to read the rows; a new title is a line of data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import Cell
from reportparse.t2s import converted

#: the roles whose cells hold figures (money, a rate or a score); 序号 is a figure too but names nothing
FIGURE_ROLES = frozenset({"planned", "executed", "initial", "returned", "rate", "score"})
#: the roles that make a header row a summary table's, beside its name column
RESULT_ROLES = frozenset({"planned", "executed", "score", "grade"})
#: a unit in brackets after a column title: 发行金额(亿元), 预算数（万元）, 执行率(%)
_UNIT_SUFFIX = lazy_compile(r"[(（]\s*(?P<unit>万元|千元|亿元|元|%|％|分)\s*[)）]$")
#: a cell that is one figure: 0.49, 1,200, 96.5, 97.6%
FIGURE = lazy_compile(r"^[-+]?\d[\d,，]*(?:\.\d+)?\s*[%％]?$")
#: a grade as a summary table writes it, in simplified or traditional characters (優秀, 較差, A級)
GRADE = lazy_compile(r"^(?:[优優]秀?|良好?|中等?|差|合格|不合格|[较較]差|一般|中[(（]一般[)）]|[ABCD][级級]?)$")


@cache
def _roles() -> tuple[tuple[str, tuple[LazyPattern, ...]], ...]:
    table = lexicon("form_labels.json")
    roles = table["summary.columns"]["roles"]
    return tuple((name, tuple(lazy_compile(p) for p in patterns)) for name, patterns in roles.items())


def title_key(text: str) -> tuple[str, str | None]:
    """A header cell's key (no spaces, simplified, its unit cut off) and the unit it states."""
    key = re.sub(r"\s+", "", text or "")
    key = converted(key) if key else key  # (OpenCC is loaded only for a key t2s changes)
    unit = _UNIT_SUFFIX.search(key)
    if unit:
        return key[:unit.start()], unit.group("unit")
    return key, None


@lru_cache(maxsize=4096)
def column_role(text: str) -> str | None:
    """The role of a summary-table column titled `text`, or None when it is no known title."""
    key, _ = title_key(text)
    if not key or len(key) > 16:
        return None
    if key in ("序号", "编号"):
        return "serial"
    for candidate in (key, re.sub(r"[(（][^()（）]*[)）]$", "", key)):  # ('备注(项目类别)': a title's own gloss)
        for name, patterns in _roles():
            if candidate and any(p.search(candidate) for p in patterns):
                return name
    return None


def summary_header(titles: list[str]) -> dict[str, int] | None:
    """The column of each role when `titles` (a row's cells, empty ones included) is the header row of
    a summary table: one name column, a money, score or grade column, and nothing but known titles;
    else None. A table with 分值/权重 columns scores a form's levels and is no list of projects."""
    columns: dict[str, int] = {}
    seen = 0
    for col, text in enumerate(titles):
        if not (text or "").strip():
            continue
        seen += 1
        role = column_role(text)
        if role is None:
            return None
        if role not in ("other", "serial") and role not in columns:
            columns[role] = col
    if seen < 3 or "name" not in columns or not RESULT_ROLES & columns.keys():
        return None
    return columns


def header_unit(titles: list[str]) -> str | None:
    """The money unit a header's money columns state ('发行金额(亿元)' → 亿元), if any."""
    for text in titles:
        role = column_role(text)
        _, unit = title_key(text)
        if role in ("planned", "executed", "initial", "returned") and unit in ("万元", "千元", "亿元", "元"):
            return unit
    return None


def fits(role: str | None, text: str) -> bool:
    """May a cell holding `text` stand in a column of `role`? (figures under figure columns and 序号,
    a grade under a grade column, words elsewhere)."""
    text = text.strip()
    if role in FIGURE_ROLES or role == "serial":
        return bool(FIGURE.match(text))
    if role == "grade":
        return bool(GRADE.match(re.sub(r"\s+", "", text)))
    return not FIGURE.match(text)


def whole_rows(rows: list[list[Cell]], columns: Iterable[int], name: int) -> list[list[Cell]]:
    """A summary table's data rows without a last row its page cut off inside the name: the name column's
    cell is the row's last written one, and none of the figures (`columns`: money, score, grade) that every
    row above gives follows ('9 | X局 | Y项' at a page's end: 'Y项' is the start of a name, no project). A
    last row cut after its name ('8 | X工程专项资金项目 | Y公司 | 重') still names its project."""
    wanted = list(columns)

    def given(row: list[Cell]) -> bool:
        return any(col < len(row) and row[col].text.strip() for col in wanted)

    def cut_in_name(row: list[Cell]) -> bool:
        written = [col for col, cell in enumerate(row) if cell.text.strip()]
        return bool(written) and written[-1] == name and not given(row)

    if len(rows) >= 2 and wanted and cut_in_name(rows[-1]) and all(given(row) for row in rows[:-1]):
        return rows[:-1]
    return rows
