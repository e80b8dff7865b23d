"""Score tables in narrative reports: 一级指标 | 二级指标 | 分值 | 得分 (or 指标 | 分值 | 得分).

Many reports summarise the claimed scores in a small table whose label cells are level names
(产出指标, 数量指标, 满意度 …) and whose value columns are 分值 and 得分, with a 合计/总分 row.
Such a table has no target (指标值) and no third-level indicator column, so it states no goal:
it is read into ScoreLines of the project whose part it sits in (or the only project).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Project, ScoreLine, Table
from reportparse.parse.evidence import cell_evidence
from reportparse.parse.layout import Layout
from reportparse.parse.scores import level_path, merge_score
from reportparse.parse.sections import level_of

_TARGET_WORDS = ("指标值", "目标值", "预期", "三级", "指标名称", "实际", "完成值", "标准")
_TOTAL_WORDS = ("合计", "总分", "总计")


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def _header(table: Table) -> tuple[int, int, int] | None:
    """(header row, 分值 column, 得分 column) when the table is a score summary, else None."""
    for r, row in enumerate(table.rows[:2]):
        texts = [_clean(c.text) for c in row]
        weight = next((i for i, t in enumerate(texts) if t in ("分值", "权重", "满分", "标准分")), None)
        score = next((i for i, t in enumerate(texts) if t in ("得分", "自评得分", "评分")), None)
        if weight is None or score is None or weight == 0 or score == 0:
            continue
        if any(w in t for t in texts for w in _TARGET_WORDS):
            return None  # a goal or indicator table that also scores its rows
        return r, weight, score
    return None


def is_score_table(table: Table) -> bool:
    """Is this table a summary of claimed level scores (no goals in it)?"""
    return _header(table) is not None


def _number(cell: Cell | None) -> Decimal | None:
    text = _clean(cell.text if cell else "").rstrip("分")
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


#: a first level of an evaluation's own framework as a score table's row label ('项目决策指标', '过程类指标');
#: 项目绩效, which holds 产出 and 效益, is a level of its own where a table scores it in one row
_FRAMEWORK_ROW = lazy_compile(r"^(?P<word>项目绩效|绩效)(?:类)?(?:指标)?$")


def _framework_level(label: str) -> str | None:
    """The framework level a row label names ('项目决策指标' → 项目决策, '项目绩效指标' → 项目绩效), else None."""
    row = _FRAMEWORK_ROW.match(label)
    return level_path(label) or (row.group("word") if row else None)


def row_level(labels: list[str]) -> str | None:
    """The level a row names: the deepest label cell that names one; 合计/总分 → 总分."""
    if any(t in _TOTAL_WORDS or t.startswith(_TOTAL_WORDS) for t in labels if t):
        return "总分"
    paths = [level_of(t) or _framework_level(t) for t in labels if t]
    found = [p for p in paths if p is not None]
    if not found:
        return None
    deepest = max(found, key=lambda p: p.count("/"))
    return deepest if "/" in deepest or deepest == "满意度" else found[-1]


def read_score_table(table: Table) -> list[ScoreLine]:
    """The ScoreLines a score summary table claims, one per labelled row."""
    header = _header(table)
    if header is None:
        return []
    start, weight_col, score_col = header
    out: list[ScoreLine] = []
    for row in table.rows[start + 1:]:
        if len(row) <= max(weight_col, score_col):
            continue
        labels = [_clean(c.text) for c in row[:min(weight_col, score_col)]]
        level = row_level(labels)
        weight, score = _number(row[weight_col]), _number(row[score_col])
        if level is None or (weight is None and score is None):
            continue
        label_cell = next((c for c in reversed(row[:min(weight_col, score_col)]) if c.text.strip()), row[0])
        evidence = [cell_evidence(table, c) for c in (label_cell, row[weight_col], row[score_col])]
        out.append(ScoreLine(level=level, weight=weight, score=score, evidence=evidence))
    return out


def apply_score_tables(layout: Layout, projects: dict[str, Project]) -> list[ScoreLine]:
    """Add the score tables' lines to the project each table belongs to (the project of the paragraph
    before it, else the only project); return every line added."""
    only = next(iter(projects)) if len(projects) == 1 else None
    added: list[ScoreLine] = []
    for position, table in layout.tables:
        lines = read_score_table(table)
        if not lines:
            continue
        owner = next((info.project for info in layout.paras_before(position) if info.project), None) or only
        if owner is None or owner not in projects:
            continue
        for line in lines:
            merge_score(projects[owner], line)
            added.append(line)
    return added
