"""Column and field roles of 自评表 forms, from the label-synonym table `lexicon/form_labels.json`.

Forms differ by province in their labels (项目名称 / 专项资金名称; 实际完成值 / 全年完成值; 分值 / 权重),
not in what the columns mean. The parser asks for a role ("indicator.actual") and never for a position
or a literal label, so supporting a new variant is a line of data, not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from reportparse import patterncache
from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.lexicondata import lexicon


@dataclass(frozen=True)
class Role:
    """The label patterns of one role, tried in order, and the labels that never take it."""

    name: str
    patterns: tuple[LazyPattern, ...]
    exclude: tuple[LazyPattern, ...] = ()

    def matches(self, key: str) -> re.Match[str] | None:
        """The first pattern's match on `key` (a squashed cell text), unless an exclusion matches."""
        if not key or any(x.search(key) for x in self.exclude):
            return None
        for pattern in self.patterns:
            match = pattern.search(key)
            if match:
                return match
        return None


@cache
def roles() -> dict[str, Role]:
    """Every role of the table; each pattern is compiled on its first use (a document tries few of them)."""
    return {
        name: Role(name, tuple(lazy_compile(p) for p in spec["patterns"]),
                   tuple(lazy_compile(p) for p in spec.get("exclude", ())))
        for name, spec in _table().items() if not name.startswith("_") and "patterns" in spec
    }


@cache
def _table() -> dict[str, Any]:
    return dict(lexicon("form_labels.json"))


@cache
def column_words() -> tuple[str, ...]:
    """The literal column words of indicator tables (form.header_words), longest first: what an OCR'd
    header line whose cells ran together is cut into."""
    return tuple(sorted(_table()["form.header_words"]["words"], key=len, reverse=True))


@cache
def stem_words() -> tuple[str, ...]:
    """Column labels printed short of their last character (form.header_stems): what a misread header label may
    be mended to, never column words themselves."""
    return tuple(_table()["form.header_stems"]["words"])


@cache
def other_header_words() -> tuple[str, ...]:
    """Labels of header fields the reader does not use (header.other), longest first: a header
    field's value ends where one of them begins."""
    return tuple(sorted(_table()["header.other"]["words"], key=len, reverse=True))


@cache
def role_words(name: str) -> tuple[str, ...]:
    """The literal word list of an entry of the table that lists words, not patterns ('budget.parts_open')."""
    return tuple(_table()[name]["words"])


@cache
def name_words() -> tuple[str, ...]:
    """The labels of a form's project-name field (form.name_words), longest first."""
    return tuple(sorted(_table()["form.name_words"]["words"], key=len, reverse=True))


@cache
def name_label_pattern() -> str:
    """A regex of the name labels, their brackets in either width ('项目[(（]资金[)）]名称'), each maybe followed
    by its alternate in brackets ('项目名称（资金名称）'), one group."""
    words = "|".join(re.escape(w).replace(r"\(", "[(（]").replace(r"\)", "[)）]") for w in name_words())
    return rf"(?:{words})(?:[(（][^()（）\s]{{1,8}}名称[)）])?"


@cache
def name_field() -> re.Pattern[str]:
    """A name label with its colon, if any ('项目名称', '转移支付(项目)名称：')."""
    return patterncache.compile(rf"(?:{name_label_pattern()})[:：]?")


@cache
def name_within() -> re.Pattern[str]:
    """'项目名称: X' written inside a longer cell among other fields, X (group 1) ended by a space; or
    '项目名称    X', a cover's label set apart from its value by a run of spaces (or a tab, a cell's end) instead
    of a colon."""
    return patterncache.compile(rf"(?:^|\s)(?:{name_label_pattern()})(?:\s*[:：]\s*|[ \t\u3000]{{2,}}|\t)"
                                rf"([^\s:：|]{{2,40}})(?=\s|$)")


@cache
def run_words() -> tuple[str, ...]:
    """Labels that are cells of their own in a form whose dump ran every cell together (form.run_words,
    and every name label)."""
    words = [*_table()["form.run_words"]["words"], *name_words()]
    # (a label's brackets printed full width as often as half: '部门（单位）名称', '项目资金（万元）')
    return tuple(dict.fromkeys([*words, *(w.replace("(", "（").replace(")", "）") for w in words)]))


@cache
def body_words() -> tuple[str, ...]:
    """Labels still cells of their own among a run-together form's indicator rows (form.body_words,
    and every name label: it opens the next form)."""
    return tuple(dict.fromkeys([*_table()["form.body_words"]["words"], *name_words()]))


@cache
def row_verdicts() -> tuple[str, ...]:
    """The verdicts a form's last column prints to close an indicator row (form.row_verdicts): '达成预期指标'."""
    return tuple(sorted(_table()["form.row_verdicts"]["words"], key=len, reverse=True))


@cache
def worded_result() -> re.Pattern[str]:
    """A target or result in words: a degree and a change in either order ('有所提升', '提升明显';
    form.worded_results)."""
    table = _table()["form.worded_results"]

    def alternatives(key: str) -> str:
        return "|".join(map(re.escape, sorted(table[key], key=len, reverse=True)))

    change, before, after = alternatives("change"), alternatives("degree_before"), alternatives("degree_after")
    return patterncache.compile(rf"(?:{before})(?:{change})|(?:{change})(?:{after})")


def role(name: str) -> Role:
    return roles()[name]


@lru_cache(maxsize=8192)
def matches(name: str, key: str) -> bool:
    """True when the squashed label `key` takes role `name` (a form's labels are asked about again and again:
    a text report's 3,500 questions are 1,000 distinct ones)."""
    return role(name).matches(key) is not None


#: The roles of an indicator table's column labels.
_COLUMN_ROLES = tuple(f"indicator.{r}" for r in ("level1", "level2", "name", "nature", "unit", "target", "actual",
                                                 "rate", "weight", "score", "reason", "standard", "explanation"))


def is_column_label(key: str) -> bool:
    """True when the squashed cell `key` is a column label of an indicator table (一级指标, 年度指标值, 得分 …)."""
    return any(matches(name, key) for name in _COLUMN_ROLES)


def find_role(keys: list[str], name: str, start: int = 0) -> int | None:
    """The column of `keys` (squashed header cells) that takes role `name`: patterns in priority order,
    so '全年预算数' wins over a later '预算数' column even when '预算数' is printed first."""
    spec = role(name)
    for pattern in spec.patterns:
        for col in range(start, len(keys)):
            key = keys[col]
            if key and pattern.search(key) and not any(x.search(key) for x in spec.exclude):
                return col
    return None
