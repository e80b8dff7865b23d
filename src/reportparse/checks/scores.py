"""Score-structure checks: sums of scores and weights, scores above weights, grades and the
first-level weight structure (scoring-rules R1, R2, R7; problem catalogue P1, P8, P14, P16).

The checks judge the claimed structure `scoretree` builds: see there how sums witness each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.budget import MAX_WEIGHT
from reportparse.checks.common import EPSILON, ZERO, evidence_of, fmt, level_line, reliable_lines, segments
from reportparse.checks.rowread import not_the_rows_own
from reportparse.checks.scoretree import (
    BUDGET,
    SATISFACTION,
    TOTAL,
    Node,
    budget_node,
    complete_by_name,
    cut_after,
    judge,
    row_node,
    scored_rows,
    sum_pairs,
    top_level_nodes,
)
from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Finding, Project
from reportparse.scoring import FRAMEWORK_FIRST_LEVELS, Profile, budget_score, grade_for, recompute_indicator


def _misread_weight(nodes: list[Node]) -> bool:
    """A part weighing more than a whole form's 100 points is an amount read as a 分值 (a budget
    row shifted by a dropped cell): a sum with it says nothing about the report's weights."""
    return any(n.weight is not None and n.weight > MAX_WEIGHT for n in nodes)


#: a first level's heading as a form prints it ('项 目 决 策 (15分)', '产出指标（50分）'): spaces, the
#: bracketed weight and a trailing 指标 left out
_HEADING_NOISE = lazy_compile(r"\s+|[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]|指标$")
_FIRST_LEVELS = FRAMEWORK_FIRST_LEVELS | {"产出", "效益", "满意度", "效果", "项目绩效", "绩效", "项目产出", "项目效益"}


def _heavier_heading(parent: Node, children: list[Node]) -> bool:
    """A level heading filed under a parent it outweighs ('执行(35分)' nested under '规划(15分)', the next first
    level of a department's 规划/执行/效果 read as a child): no part weighs more than its whole, so the
    nesting is the reader's, and a sum over it says nothing of the report's weights. (Rows are judged as
    they are: a row above its level's weight is among the sums a reviewer checks.)"""
    return parent.weight is not None and any(
        not child.label and child.weight is not None and child.weight > parent.weight for child in children)


def _heading_as_row(parent: Node, children: list[Node]) -> bool:
    """A first level's heading read as an indicator row under a lower level ('项目决策 (15分)' among the
    rows of 决策程序 (4分), a form dumped one cell a line): the tree the sum is judged on is misread, and
    the 'sum' adds a level to its own part."""
    own = {_HEADING_NOISE.sub("", part) for part in segments(parent.level)}
    for child in children:
        if not child.label:
            continue
        name = _HEADING_NOISE.sub("", child.label)
        if name in _FIRST_LEVELS and name not in own:
            return True
    return False


def _terms(values: list[Decimal | None]) -> str:
    return " + ".join(fmt(v) for v in values)


@register("score-sum-mismatch")
def score_sum_differs(ctx: CheckContext) -> Iterator[Finding]:
    """A section, subtotal or total score that differs from the sum of its parts (R1 C1.2/C1.3)."""
    yield from _sum_findings(ctx, scores=True)


@register("weight-sum-mismatch")
def weight_sum_differs(ctx: CheckContext) -> Iterator[Finding]:
    """Weights that do not add up to their parent (R1 C1.2)."""
    yield from _sum_findings(ctx, scores=False)


def _sum_findings(ctx: CheckContext, scores: bool) -> Iterator[Finding]:
    """A finding for every parent whose 得分 (`scores`) or 分值 differs from the sum of its children."""
    code, word = ("score-sum-mismatch", "得分") if scores else ("weight-sum-mismatch", "分值")
    tolerance = ctx.profile.score_tolerance
    for project in ctx.report.projects:
        for parent, children in sum_pairs(project):
            if _misread_weight(children) or _heading_as_row(parent, children) or _heavier_heading(parent, children):
                continue
            # (the profile's first levels, all scored, are the whole of the total: 预算执行 + 产出 + 效益 + 满意度)
            complete = scores and complete_by_name(parent, children, ctx.profile.default_level_weights)
            verdict = judge(parent, children, tolerance, complete)
            wrong = verdict.score_wrong if scores else verdict.weight_wrong
            total = verdict.score_sum if scores else verdict.weight_sum
            if not wrong or total is None:
                continue
            stated = parent.score if scores else parent.weight
            if stated is not None and total < stated and cut_after(project, parent.level, ctx.document):
                continue  # the excerpt stops inside this level: its last rows are not shown
            parts = [c.score if scores else c.weight for c in children]
            yield new_finding(
                code,
                f"{parent.name}{word} {fmt(stated)} 与下级{word}之和 {_terms(parts)} = {fmt(total)} 不符",
                project=project.name, indicator=parent.level, expected=total, actual=stated,
                evidence=evidence_of(parent.evidence, *(c.evidence for c in children)),
            )


@register("weight-sum-mismatch")
def weights_not_hundred(ctx: CheckContext) -> Iterator[Finding]:
    """预算执行 + first-level weights ≠ 100 when no 总分 line states the total (R1 C1.1).

    Judged only on a complete structure (budget, 产出, 效益 and 满意度 all present), or when the sum
    is above 100, which missing parts cannot explain.
    """
    hundred = Decimal(100)
    for project in ctx.report.projects:
        if TOTAL in reliable_lines(project):
            continue  # the 总分 line is the parent; sum_pairs judges it
        nodes = top_level_nodes(project)
        weights = [n.weight for n in nodes]
        if not nodes or None in weights or _misread_weight(nodes):
            continue
        total = sum((w for w in weights if w is not None), ZERO)
        names = {n.level for n in nodes}
        complete = {BUDGET, "产出", "效益"} <= names and (
            SATISFACTION in names or level_line(project, SATISFACTION) is not None
        )
        if abs(total - hundred) <= ctx.profile.score_tolerance or not (complete or total > hundred):
            continue
        terms = " + ".join(f"{n.level} {fmt(n.weight)}" for n in nodes)
        yield new_finding(
            "weight-sum-mismatch",
            f"预算执行与各一级指标分值之和 {terms} = {fmt(total)}，不等于 100",
            project=project.name, indicator=TOTAL, expected=hundred, actual=total,
            evidence=evidence_of(*(n.evidence for n in nodes)),
        )


@register("score-exceeds-weight")
def score_above_weight(ctx: CheckContext) -> Iterator[Finding]:
    """Any score above its weight: score lines, indicator rows, the budget block, a total above 100."""
    for project in ctx.report.projects:
        nodes = [Node(sl.level, sl.weight, sl.score, list(sl.evidence)) for sl in reliable_lines(project).values()]
        levels = len(nodes)
        # (not a header, label or total row read as a row, nor a row whose 分值 is its level's or another cell's)
        nodes += [row_node(row) for row in project.indicators if not not_the_rows_own(project, row)]
        budget = budget_node(project)
        if budget is not None and level_line(project, BUDGET) is None:
            nodes.append(budget)
        if project.total_score is not None and TOTAL not in reliable_lines(project):
            nodes.append(Node(TOTAL, Decimal(100), project.total_score, list(project.evidence)))
        seen: set[tuple[str, Decimal, Decimal]] = set()
        for k, node in enumerate(nodes):
            if node.weight is None or node.score is None or node.score <= node.weight + EPSILON:
                continue
            if node.name != TOTAL and node.score > MAX_WEIGHT:
                continue  # (a part's score above the whole form's 100 points is a misread figure: '110' for '10')
            key = (node.name, node.weight, node.score)
            if key in seen or (k < levels and _rows_excess(project, node.name) >= node.score - node.weight - EPSILON):
                continue  # (a level above its weight by no more than its own rows above theirs says their excess again)
            seen.add(key)
            yield new_finding(
                "score-exceeds-weight",
                f"{node.name}得分 {fmt(node.score)} 超过其分值 {fmt(node.weight)}",
                project=project.name, indicator=node.name, expected=node.weight, actual=node.score,
                evidence=node.evidence,
            )


def _rows_excess(project: Project, level: str) -> Decimal:
    """What the indicator rows under `level` score above their own weights, together."""
    under = [row for row in project.indicators if row.level == level or row.level.startswith(f"{level}/")]
    return sum((row.score - row.weight for row in under
                if row.score is not None and row.weight is not None and row.score > row.weight), ZERO)


@register("score-exceeds-weight")
def total_above_possible(ctx: CheckContext) -> Iterator[Finding]:
    """A stated total above what the weights allow: 总分 98 where 预算执行 + 一级指标 weights add up to 94.

    Judged on a complete structure only (budget, 产出, 效益 and 满意度 with every weight known), so a
    part the parser did not see cannot lower the possible total."""
    for project in ctx.report.projects:
        total, quotes = stated_total(project)
        nodes = top_level_nodes(project)
        names = {n.level for n in nodes}
        if total is None or not {BUDGET, "产出", "效益", SATISFACTION} <= names:
            continue
        if any(n.weight is None for n in nodes) or _row_without_weight(project):
            continue  # (a row read without its 分值 leaves its level's sum short: the possible total is unknown)
        possible = sum((n.weight for n in nodes if n.weight is not None), ZERO)
        if total <= possible + ctx.profile.score_tolerance:
            continue
        terms = " + ".join(f"{n.level} {fmt(n.weight)}" for n in nodes)
        yield new_finding(
            "score-exceeds-weight",
            f"总分 {fmt(total)} 超过各部分分值之和 {terms} = {fmt(possible)}",
            project=project.name, indicator=TOTAL, expected=possible, actual=total,
            evidence=evidence_of(quotes, *(n.evidence for n in nodes)),
        )


def _row_without_weight(project: Project) -> bool:
    """Does a row that states a target or a result carry no 分值 where other rows carry theirs?"""
    rows = project.indicators
    return any(row.weight is not None for row in rows) and any(
        row.weight is None and (row.target is not None or any(a.raw.strip() for a in row.actuals)) for row in rows)


# ------------------------------------------------------------------------------------------
# grades
# ------------------------------------------------------------------------------------------

_GRADES = "优良中差"


def stated_grade(project: Project) -> str | None:
    """The stated grade reduced to one of 优/良/中/差, or None."""
    if not project.grade:
        return None
    for char in project.grade:
        if char in _GRADES:
            return char
    return None


def stated_total(project: Project) -> tuple[Decimal | None, list[Evidence]]:
    """The stated total score (总分 line, else the project's total) with its quotes."""
    line = reliable_lines(project).get(TOTAL)
    if line is not None and line.score is not None:
        return line.score, list(line.evidence)
    return project.total_score, list(project.evidence)


#: The weight a form's rows carry besides its 预算执行 block (10 of 100): less, and they are a part of it.
_ROWS_WEIGHT = Decimal(90)


def recomputed_total(project: Project, profile: Profile) -> Decimal | None:
    """The stated total corrected where a formula proves a part wrong; None without scored rows.

    Budget block: weight × min(rate, 1). Rows: a claimed score no accepted formula gives is replaced
    by the closest formula score. Anything that cannot be recomputed keeps its claimed score.
    """
    rows = scored_rows(project)
    if not rows or any(row.score is None for row in rows) or _points_unread(project):
        return None
    budget = budget_node(project)
    covered = sum((row.weight or ZERO for row in rows), ZERO) + (budget.weight or ZERO if budget is not None else ZERO)
    if covered < _ROWS_WEIGHT:
        return None  # the rows are part of the form only (an appended excerpt): their sum is no total
    total = ZERO
    if budget is not None and budget.score is not None:
        planned = project.budget.planned.value if project.budget.planned else None
        executed = project.budget.executed.value if project.budget.executed else None
        expected = budget_score(planned, executed, budget.weight)
        total += expected if expected is not None else budget.score
    for row in rows:
        assert row.score is not None
        candidates = recompute_indicator(row, profile)
        if candidates and all(abs(row.score - c) > profile.score_tolerance for c in candidates):
            total += min(candidates, key=lambda c: abs(c - row.score))  # type: ignore[operator]
        else:
            total += row.score
    return total


def _points_unread(project: Project) -> bool:
    """A row read by OCR with neither its 分值 nor its 得分 among scored rows: its points were printed (the
    table scores every row) but the reading lost them, so no total can be recomputed without it."""
    from reportparse.normalise.ocrtarget import ocr_read

    return any(i.weight is None and i.score is None and ocr_read(i) for i in project.indicators)


@register("grade-mismatch")
def grade_differs(ctx: CheckContext) -> Iterator[Finding]:
    """A stated 优/良/中/差 that the total does not support (R7 C7.1/C7.2)."""
    profile = ctx.profile
    for project in ctx.report.projects:
        grade = stated_grade(project)
        if grade is None:
            continue
        total, quotes = stated_total(project)
        if total is not None and grade_for(total, profile) != grade:
            yield new_finding(
                "grade-mismatch",
                f"评价等级为“{grade}”，但总分 {fmt(total)} 对应的等级为“{grade_for(total, profile)}”",
                project=project.name, expected=grade_for(total, profile), actual=grade, profile=profile.name,
                evidence=quotes,
            )
            continue
        recomputed = recomputed_total(project, profile)
        if recomputed is None or grade_for(recomputed, profile) == grade:
            continue
        yield new_finding(
            "grade-mismatch",
            f"评价等级为“{grade}”（总分 {fmt(total)}），但按公式重算的总分 {fmt(recomputed)} 对应的等级为"
            f"“{grade_for(recomputed, profile)}”",
            project=project.name, expected=grade_for(recomputed, profile), actual=grade, profile=profile.name,
            evidence=evidence_of(quotes, *(row.evidence for row in scored_rows(project))),
        )


# ------------------------------------------------------------------------------------------
# weight structure
# ------------------------------------------------------------------------------------------


def _whole(nodes: dict[str, Node], tolerance: Decimal) -> bool:
    """First-level weights that are all known and add up to 100: only such a structure can be said
    to deviate. Parts that miss 100 are a sum error (weight-sum-mismatch) or rows read in part."""
    weights = [n.weight for n in nodes.values()]
    return None not in weights and abs(sum((w for w in weights if w is not None), ZERO) - 100) <= tolerance


@register("weight-structure")
def first_level_weights_differ(ctx: CheckContext) -> Iterator[Finding]:
    """First-level weights that differ from the profile's default 10/50/30/10 (R2; 效益 40 without 满意度)."""
    defaults = ctx.profile.default_level_weights
    for project in ctx.report.projects:
        nodes = {n.level: n for n in top_level_nodes(project)}
        if "产出" not in nodes or "效益" not in nodes or FRAMEWORK_FIRST_LEVELS & set(nodes):
            continue  # (a 决策/过程/产出/效益 structure has weights of its own, not this default's)
        satisfaction = level_line(project, SATISFACTION)
        nested = satisfaction is not None and satisfaction.level != SATISFACTION
        expected = {**defaults, BUDGET: ctx.profile.default_budget_weight}
        if SATISFACTION not in nodes and not nested:
            expected["效益"] = defaults["效益"] + defaults[SATISFACTION]
            expected.pop(SATISFACTION)
        actual = {level: n.weight for level, n in nodes.items() if level in expected}
        if nested and satisfaction is not None:
            expected["效益"] = defaults["效益"] + defaults[SATISFACTION]  # 效益 includes its 满意度
            actual[SATISFACTION] = satisfaction.weight
        differing = [
            level for level, weight in actual.items() if weight is not None and weight != expected[level]
        ]
        if not differing or not _whole(nodes, ctx.profile.score_tolerance):
            continue
        quotes = [nodes[level].evidence if level in nodes else (satisfaction.evidence if satisfaction else [])
                  for level in differing]
        yield new_finding(
            "weight-structure",
            "一级指标分值偏离默认结构（" + "、".join(f"{k} {fmt(v)}" for k, v in expected.items()) + "）：" +
            "、".join(f"{level} {fmt(actual[level])}" for level in differing),
            project=project.name, indicator="、".join(differing),
            expected="/".join(fmt(v) for v in expected.values()),
            actual="/".join(fmt(actual.get(k)) for k in expected),
            evidence=evidence_of(*quotes), profile=ctx.profile.name,
        )

