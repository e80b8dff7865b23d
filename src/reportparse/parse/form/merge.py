"""Merging a form's Project into a Report that may already hold the same project.

A report with a form appended describes one project twice: in prose and in the form. The form's
Project is merged into the narrative one when their names match (ignoring spaces, quotes and a
trailing 项目): missing budget fields are filled, the form's indicators join the same-named goal
indicators — both sets of actuals kept on one Indicator, so values that disagree surface as
conflicting-actuals — and the form's ScoreLines are added unless an identical claim is there.
"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import BudgetFigure, Indicator, Project, Report

_NAME_NOISE = lazy_compile(r"[\s“”\"'‘’「」《》<>（）()【】]")


def name_key(name: str) -> str:
    """A project/indicator name reduced for matching: no spaces, quotes, brackets or 项目."""
    return _NAME_NOISE.sub("", name or "").replace("项目", "")


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name (one contains the other once reduced)."""
    ka, kb = name_key(a), name_key(b)
    return bool(ka and kb) and (ka == kb or ka in kb or kb in ka)


def merge_project(report: Report, project: Project) -> Project:
    """Add `project` to `report`, merging into an existing project of the same name; return where it went."""
    existing: Project | None = None
    if not project.name:
        if len(report.projects) == 1:
            existing = report.projects[0]  # an unnamed form appended to a one-project report
        elif not report.projects:
            # the document's one project, which nothing names (an excerpt cut below the form's 项目名称): no
            # name is made up for it, as the narrative reader names such a project
            from reportparse.parse import UNNAMED_PROJECT

            project.name = UNNAMED_PROJECT
        else:
            project.name = f"自评表{len(report.projects) + 1}"
    if existing is None:
        existing = next(
            (p for p in report.projects if any(same_name(project.name, n) for n in [p.name, *p.aliases])), None
        )
    if existing is None:
        report.projects.append(project)
        return project
    if project.name and project.name != existing.name and project.name not in existing.aliases:
        existing.aliases.append(project.name)
    _merge_budget(existing, project)
    earlier = list(existing.indicators)  # two rows of one form are two indicators, however alike their names
    for indicator in project.indicators:
        _merge_indicator(existing, indicator, earlier)
    for line in project.scores:
        if any(s.level == line.level and s.score is not None for s in existing.scores) and line.score is not None:
            existing.restated_scores.append(line)  # the form claims a section the narrative already scored
        if not any(
            s.level == line.level and s.weight == line.weight and s.score == line.score for s in existing.scores
        ):
            existing.scores.append(line)
    existing.evaluated = existing.evaluated or project.evaluated
    if existing.total_score is None:
        existing.total_score = project.total_score
    if existing.grade is None:
        existing.grade = project.grade
    existing.evidence.extend(project.evidence)
    return existing


def _merge_budget(existing: Project, project: Project) -> None:
    mine, theirs = existing.budget, project.budget
    if mine.planned is not None and mine.planned == mine.initial and theirs.planned is not None:
        # the prose gave only its 年初 figure ('年初安排资金210万元'), which stood in for the year's budget:
        # the form's 全年预算数 is the year's budget, and no second statement of a figure the prose never gave
        mine.planned = theirs.planned
        theirs = theirs.model_copy(update={"planned": None})
    elif theirs.planned is not None and theirs.planned == theirs.initial and mine.planned is not None:
        # the same the other way round: the prose read after the form gave only its 年初 figure ('下达264万元
        # (不含上年结转)'), which stood in for its budget; it restates the form's 年初预算数, not its 全年预算数
        theirs = theirs.model_copy(update={"planned": None})
    for field_name in ("initial", "planned", "executed", "returned", "printed_rate", "weight", "score"):
        if getattr(mine, field_name) is None and getattr(theirs, field_name) is not None:
            setattr(mine, field_name, getattr(theirs, field_name))
        elif field_name not in ("weight", "score") and getattr(theirs, field_name) is not None:
            # both parts give the figure: keep the second statement, so a disagreement can be shown
            mine.restatements.append(BudgetFigure(figure=field_name, quantity=getattr(theirs, field_name)))
    if not mine.sub_rows:
        mine.sub_rows = theirs.sub_rows
    mine.balance_explained = mine.balance_explained or theirs.balance_explained


def _merge_indicator(existing: Project, indicator: Indicator, earlier: list[Indicator]) -> None:
    """Join a form row to the same-named indicator the project had before this form, or add it."""
    last = indicator.level.split("/")[-1]
    match = next(
        (
            ind for ind in earlier
            if same_name(ind.name, indicator.name)
            # (a flat form prints no levels: its row is the prose's indicator of that name wherever the
            # prose filed it, as a department measure under 过程/预算执行)
            and (ind.level == indicator.level or ind.level.split("/")[-1] == last or not indicator.level)
        ),
        None,
    )
    if match is None:
        existing.indicators.append(indicator)
        return
    match.actuals.extend(indicator.actuals)
    if match.target is None:
        match.target = indicator.target
    if match.weight is None:
        match.weight = indicator.weight
    if match.score is None:
        match.score = indicator.score
    if match.deviation_reason is None:
        match.deviation_reason = indicator.deviation_reason
    match.in_goal_table = match.in_goal_table or indicator.in_goal_table
    match.evidence.extend(indicator.evidence)
