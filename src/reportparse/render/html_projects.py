"""The per-project part of the HTML review page: budget, claimed section scores and the indicators table.

Claimed and recomputed values are shown side by side; a difference beyond the scoring tolerance
marks the row. Section scores are compared with the sum of their sub-levels' scores.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from urllib.parse import quote

from reportparse.model import Actual, Indicator, Project, Result, ScoreLine
from reportparse.render.common import budget_summary, format_decimal, group_findings, one_line, places

#: the tolerance of score comparisons (scoring-rules: 0.05 point)
TOLERANCE = Decimal("0.05")
_ORIGIN = {"table": "表格", "analysis": "分析", "conclusion": "结论", "narrative": "正文"}
_KIND = {"qualitative": "文字", "restated": "重述目标", "empty": "空"}


def render_projects(result: Result) -> str:
    """A block per project of the result's report."""
    assert result.report is not None
    counts = {g.name: len(g.findings) for g in group_findings(result) if g.name}
    return "\n".join(_project(p, counts.get(p.name, 0)) for p in result.report.projects)


def _project(project: Project, findings: int) -> str:
    link = (f" <a class=\"muted\" href=\"#project={quote(project.name)}\">{findings} 条问题</a>" if findings
            else " <span class=\"muted\">无问题</span>")
    aliases = (f"<div class=\"aliases\">又作：{escape('、'.join(project.aliases))}</div>" if project.aliases else "")
    parts = [f"<h3>{escape(project.name)}{link}</h3>{aliases}", _budget(project)]
    if project.status_note:
        parts.append(f"<p class=\"muted\">{escape(one_line(project.status_note))}</p>")
    if project.scores:
        parts.append(_scores(project.scores))
    if project.indicators:
        parts.append(_indicators(project.indicators))
    if not project.scores and not project.indicators:
        parts.append("<p class=\"muted\">没有得分或指标。</p>")
    return f"<div class=\"project\">{''.join(parts)}</div>"


def _budget(project: Project) -> str:
    """Planned, executed, returned, rate and the budget score with its recomputation."""
    spans = [f"<span>{escape(label)} <b>{escape(value)}</b></span>" for label, value in budget_summary(project)]
    budget = project.budget
    if budget.weight is not None and budget.rate is not None:
        recomputed = budget.weight * min(budget.rate, Decimal(100)) / Decimal(100)
        bad = budget.score is not None and abs(budget.score - recomputed) > TOLERANCE
        spans.append(f"<span class=\"{'bad' if bad else 'good'}\">重算得分 {format_decimal(recomputed)}"
                     f"{' ✗' if bad else ''}</span>")
    return f"<div class=\"budget\">{''.join(spans)}</div>"


def _scores(lines: list[ScoreLine]) -> str:
    """Claimed section scores, each beside the sum of its direct sub-levels' scores when it has some.

    A difference is marked only when the sub-levels look complete (their weights add up to the
    section's weight): a sub-level the parser did not find must not look like an arithmetic error.
    """
    rows = []
    for line in lines:
        children = [c for c in lines if _is_child(line.level, c.level) and c.score is not None]
        total = sum((c.score for c in children if c.score is not None), Decimal(0)) if children else None
        weights = sum((c.weight for c in children if c.weight is not None), Decimal(0))
        complete = line.weight is not None and abs(weights - line.weight) <= TOLERANCE
        bad = complete and total is not None and line.score is not None and abs(total - line.score) > TOLERANCE
        over = line.score is not None and line.weight is not None and line.score > line.weight
        mark = "✗ 超过分值" if over else "✗ 与下级之和不符" if bad else "✓" if complete and total is not None else "—"
        rows.append(f"<tr class=\"{'mismatch' if bad or over else ''}\"><td>{escape(line.level)}</td>"
                    f"<td class=\"num\">{_n(line.weight)}</td><td class=\"num\">{_n(line.score)}</td>"
                    f"<td class=\"num\">{_n(total)}</td><td class=\"{'bad' if bad or over else 'muted'}\">{mark}</td>"
                    f"<td class=\"num\">{escape(places(line.evidence))}</td></tr>")
    head = ("<tr><th>级别</th><th class=\"num\">分值</th><th class=\"num\">自评得分</th>"
            "<th class=\"num\">下级得分之和</th><th>核对</th><th>页/位置</th></tr>")
    return f"<table class=\"scores\"><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _is_child(parent: str, level: str) -> bool:
    """A direct sub-level: 产出/数量 under 产出; every first level under 总分."""
    if parent == "总分":
        return "/" not in level and level != "总分"
    return level.startswith(parent + "/") and "/" not in level[len(parent) + 1 :]


def _indicators(indicators: list[Indicator]) -> str:
    """Level, name, target, actuals, weight, claimed and recomputed score; mismatches marked.

    Narrative reports score levels, not indicators: the score columns are left out when no
    indicator has any (the level scores table above shows them).
    """
    scored = any(i.weight is not None or i.score is not None or i.recomputed_score is not None for i in indicators)
    rows = []
    for ind in indicators:
        bad = (ind.score is not None and ind.recomputed_score is not None
               and abs(ind.score - ind.recomputed_score) > TOLERANCE)
        flags = []
        if not ind.in_goal_table:
            flags.append("不在目标表")
        if ind.shared_with:
            flags.append("与" + "、".join(ind.shared_with) + "共用")
        name = escape(ind.name) + (f" <span class=\"muted\">（{escape('；'.join(flags))}）</span>" if flags else "")
        score_cells = (f"<td class=\"num\">{_n(ind.weight)}</td><td class=\"num\">{_n(ind.score)}</td>"
                       f"<td class=\"num\">{_n(ind.recomputed_score)}</td>"
                       f"<td class=\"{'bad' if bad else 'muted'}\">{_agreement(ind, bad)}</td>") if scored else ""
        rows.append(f"<tr class=\"{'mismatch' if bad else ''}\"><td class=\"level\">{escape(ind.level)}</td>"
                    f"<td>{name}</td><td>{escape(ind.target.raw if ind.target else '')}</td>"
                    f"<td>{_actuals(ind.actuals)}</td>{score_cells}</tr>")
    head = ("<tr><th>级别</th><th>指标</th><th>目标</th><th>实际值</th>"
            + ("<th class=\"num\">分值</th><th class=\"num\">自评得分</th><th class=\"num\">重算得分</th><th>核对</th>"
               if scored else "") + "</tr>")
    return f"<table class=\"indicators\"><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"


def _agreement(indicator: Indicator, bad: bool) -> str:
    """The check column: the claimed score against the recomputed one, when both are there."""
    if bad:
        return "✗ 得分不符"
    return "✓" if indicator.score is not None and indicator.recomputed_score is not None else "—"


def _actuals(actuals: list[Actual]) -> str:
    """Each reported actual with where it was stated: `7 部（分析 p.5）`."""
    items = []
    for actual in actuals:
        notes = [_ORIGIN.get(actual.origin or "", actual.origin or "")]
        if actual.kind in _KIND:
            notes.append(_KIND[actual.kind])
        where = places(actual.evidence)
        if where:
            notes.append(("p." if where[0].isdigit() else "") + where)
        note = " ".join(n for n in notes if n)
        items.append(escape(one_line(actual.raw) or "（空）") + (f" <span class=\"muted\">（{escape(note)}）</span>"
                                                                 if note else ""))
    return "<br>".join(items)


def _n(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value)
