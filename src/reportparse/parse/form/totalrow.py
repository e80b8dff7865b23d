"""The 总分 row of a 自评表 and the grade a form states (自评等级 | 优; '评价等级：良' in a sentence; a bare grade after
the total's 得分). Split out of `forms`, which reads every other row of a form."""

from __future__ import annotations

import re
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Project, ScoreLine
from reportparse.parse.form import values
from reportparse.parse.form.grid import GridRow, evidence, value_after
from reportparse.parse.form.indicators import IndicatorTable
from reportparse.parse.form.labels import matches
from reportparse.scoring import canonical_grade
from reportparse.summarycolumns import GRADE

_GRADE_INLINE = lazy_compile(r"(?:自评|评价|绩效)(?:等级|等次|结果)[:：为]\s*(优秀|优|良好|良|中等|中|合格|差|不合格)")

#: the full marks of a self-evaluation (总分一般设置为100分)
_FULL_MARKS = Decimal(100)


def read_total(project: Project, row: GridRow, table: IndicatorTable | None) -> None:
    """The 总分 row → ScoreLine 总分 and Project.total_score."""
    weight_col = table.cols.weight if table is not None else None
    score_col = table.cols.score if table is not None else None
    weight = values.weight_value(row.cell(weight_col))
    score = values.score_value(row.cell(score_col))
    if weight is None and score is None:
        numbers = [c.number or values.plain_decimal(c.text) for _, c in row.distinct()]
        found = [n for n in numbers if n is not None]
        if len(found) >= 2:
            weight, score = found[-2], found[-1]
        elif found:
            score = found[-1]
    if weight is None and score is None:
        return
    if weight is None and score is not None and score <= _FULL_MARKS:
        weight = _FULL_MARKS  # (a 总分 row printing only the score: the framework's total is 100, 财预〔2020〕10号)
    evs = [ev for ev in (evidence(row, 0), evidence(row, weight_col), evidence(row, score_col)) if ev]
    project.scores.append(ScoreLine(level="总分", weight=weight, score=score, evidence=evs))
    project.total_score = score
    if not read_grade(project, row):
        _bare_grade(project, row, score_col)


def _bare_grade(project: Project, row: GridRow, score_col: int | None) -> None:
    """A grade printed after the total's 得分 with no label of its own ('总分 | 100 | 96 | 优'): the
    template's last cell of the 总分 row is the 自评等级."""
    after = score_col if score_col is not None else -1
    for col, cell in row.distinct():
        key = re.sub(r"\s+", "", cell.text)
        if col > after and GRADE.match(key):
            project.grade = canonical_grade(key)
            ev = evidence(row, col)
            if ev is not None:
                project.evidence.append(ev)
            return


def read_grade(project: Project, row: GridRow) -> bool:
    """评价等级 / 自评等级: a label cell followed by the grade, or a sentence naming it."""
    for col, cell in row.distinct():
        key = re.sub(r"\s+", "", cell.text)
        if matches("form.grade_label", key):
            hit = value_after(row, col)
            if hit is not None:
                word = re.sub(r"\s+", "", hit[1])
                project.grade = canonical_grade(word)
                project.evidence.append(evidence(row, hit[0]) or evidence(row, col))  # type: ignore[arg-type]
                return True
        inline = _GRADE_INLINE.search(key)
        if inline:
            project.grade = canonical_grade(inline.group(1))
            ev = evidence(row, col)
            if ev is not None:
                project.evidence.append(ev)
            return False
    return False
