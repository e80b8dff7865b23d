"""A score summary table whose cells a text dump ran together, in the prose of a narrative report.

A document-sharing site's preview, or a PDF copied as text, prints an evaluator's summary of the claimed scores
with no separator between its cells: '指标项目权重得分率得分项目决策指标1090%9项目管理指标2495.83%23…总计10091.80'.
The header names the columns (权重/分值 and 得分, maybe 得分率 between them); each row is a level's label and its
figures glued into one run. A run is taken apart only as the table itself says: every part a number without a
leading zero, the 得分 no more than its 权重 (at most 100), a printed 得分率 equal to 得分 ÷ 权重, and where the
table closes with its 合计/总计 row, the rows' 权重 and 得分 adding up to that row's. A run that still allows more than
one reading leaves the table unread: a guess would make up a score.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Project, ScoreLine
from reportparse.parse.evidence import span_evidence
from reportparse.parse.form.gluedcuts import cuts
from reportparse.parse.layout import Layout
from reportparse.parse.scores import merge_score
from reportparse.parse.scoretables import row_level

#: the header run together: '指标项目权重得分率得分', '一级指标分值得分', '评价指标满分得分'
_HEADER = lazy_compile(r"(?:一级指标|评价指标|指标(?:项目|名称|类别)?)"
                       r"(?P<columns>(?:权重|分值|满分|标准分|得分率|得分){2,3})(?=[\u4e00-\u9fff])")
_COLUMN = lazy_compile(r"得分率|权重|分值|满分|标准分|得分")
_ROLE = {"权重": "weight", "分值": "weight", "满分": "weight", "标准分": "weight", "得分率": "rate", "得分": "score"}
#: one row: a level's label, then its figures glued ('项目决策指标1090%9', '总计10091.80')
_ROW = lazy_compile(r"(?P<label>[\u4e00-\u9fff]{2,12}?)(?P<run>\d[\d.]*(?:[%％][\d.]*)?)")
_TOTAL_LEVEL = "总分"
#: the most readings of a table's rows tried together against its total row
_MAX_COMBINATIONS = 512
_CENT = Decimal("0.01")


@dataclass
class _Row:
    level: str
    start: int
    end: int
    readings: list[tuple[Decimal, Decimal]]  # (权重, 得分) each reading the run allows


def apply_score_runs(layout: Layout, projects: dict[str, Project]) -> None:
    """Add the lines of every run-together score summary to the paragraph's project (or the only project)."""
    only = next(iter(projects)) if len(projects) == 1 else None
    for info in layout.paras:
        owner = info.project or only
        if owner is None or owner not in projects:
            continue
        text = info.para.text
        for header in _HEADER.finditer(text):
            roles = [_ROLE[word] for word in _COLUMN.findall(header.group("columns"))]
            if roles.count("weight") != 1 or roles.count("score") != 1 or roles.index("weight") > roles.index("score"):
                continue
            for row, (weight, score) in _read_rows(text, header.end(), roles):
                merge_score(projects[owner], ScoreLine(level=row.level, weight=weight, score=score,
                                                       evidence=[span_evidence(info.para, row.start, row.end)]))


def _read_rows(text: str, start: int, roles: list[str]) -> list[tuple[_Row, tuple[Decimal, Decimal]]]:
    """The rows after the header, each with the one reading the table allows; none when any row is unsure."""
    rows: list[_Row] = []
    total: _Row | None = None
    pos = start
    while (m := _ROW.match(text, pos)) is not None:
        level = row_level([m.group("label")])
        if level is None:
            break
        is_total = level == _TOTAL_LEVEL
        row = _Row(level, m.start(), m.end(), _readings(m.group("run"), roles, is_total))
        if not row.readings:
            return []
        pos = m.end()
        if is_total:
            total = row
            break
        rows.append(row)
    if len(rows) < 2:
        return []
    combinations = list(itertools.islice(itertools.product(*(row.readings for row in rows)), _MAX_COMBINATIONS + 1))
    if len(combinations) > _MAX_COMBINATIONS:
        return []
    if total is not None:
        fitting = [(chosen, whole) for chosen in combinations for whole in total.readings
                   if abs(sum(w for w, _ in chosen) - whole[0]) <= _CENT
                   and abs(sum(s for _, s in chosen) - whole[1]) <= _CENT]
        if len(fitting) != 1:
            return []
        chosen, whole = fitting[0]
        return [*zip(rows, chosen, strict=True), (total, whole)]
    if len(combinations) != 1:
        return []
    return list(zip(rows, combinations[0], strict=True))


def _readings(run: str, roles: list[str], is_total: bool) -> list[tuple[Decimal, Decimal]]:
    """Every (权重, 得分) the run allows under the header's columns (a total row may leave its 得分率 empty)."""
    cut_at = run.replace("％", "%").find("%")
    if cut_at < 0:
        columns = [r for r in roles if r != "rate"]
        pieces = [dict(zip(columns, parts, strict=True)) for parts in cuts(run, len(columns))]
    elif "rate" in roles:
        rate_at = roles.index("rate")
        before, after = run[:cut_at], run[cut_at + 1:]
        pieces = [dict(zip(roles, [*head, *tail], strict=True))
                  for head in cuts(before, rate_at + 1) for tail in (cuts(after, len(roles) - rate_at - 1)
                                                                      if after else [[]])]
    else:
        return []
    out = []
    for piece in pieces:
        weight, score = Decimal(piece["weight"]), Decimal(piece["score"])
        rate = Decimal(piece["rate"]) if "rate" in piece else None
        if not 0 < weight <= (1000 if is_total else 100) or score > weight:
            continue
        if rate is not None and (rate > 100 or abs(weight * rate / 100 - score) > weight / 200 + _CENT):
            continue  # (a printed 得分率 is 得分 ÷ 权重, to its printed precision)
        out.append((weight, score))
    return out
