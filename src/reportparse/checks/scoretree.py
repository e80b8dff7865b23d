"""The claimed score structure of a project, as a tree the score checks judge.

A claimed structure is a tree: 总分 → first levels (预算执行, 产出, 效益, 满意度) → second levels
(产出/数量 ...) → indicator rows. Narrative reports give only the upper part as score lines; forms
give rows and sometimes the level lines. A sum is judged only when its children are known to be
complete, and each sum is the other's witness: when the weights add up, every child is there, so a
score gap is real; when the scores add up, a weight gap is real. A sum above its parent is real
either way, since missing children can only make it smaller.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from reportparse.checks.common import (
    EPSILON,
    ZERO,
    evidence_of,
    first_level,
    level_line,
    reliable_lines,
    score_lines,
    segments,
)
from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Evidence, Indicator, Line, Project, Table

TOTAL = "总分"
BUDGET = "预算执行"
SATISFACTION = "满意度"


@dataclass
class Node:
    """One claimed weight/score pair of the structure, with the quotes that state it."""

    level: str
    weight: Decimal | None
    score: Decimal | None
    evidence: list[Evidence] = field(default_factory=list)
    label: str = ""

    @property
    def name(self) -> str:
        return self.label or self.level


def row_node(indicator: Indicator) -> Node:
    return Node(indicator.level, indicator.weight, indicator.score, list(indicator.evidence), indicator.name)


def scored_rows(project: Project) -> list[Indicator]:
    """Indicator rows that carry a weight or a score (template rows with neither are not scored)."""
    return [ind for ind in project.indicators if ind.weight is not None or ind.score is not None]


def budget_node(project: Project) -> Node | None:
    """The budget block as a node: its score line, else the Budget's own weight/score."""
    line = level_line(project, BUDGET)
    if line is not None:
        return Node(BUDGET, line.weight, line.score, list(line.evidence))
    budget = project.budget
    if budget.weight is None and budget.score is None:
        return None
    quotes = evidence_of(*(q.evidence for q in (budget.planned, budget.executed) if q is not None))
    return Node(BUDGET, budget.weight, budget.score, quotes)


def _sum_of(level: str, nodes: list[Node]) -> Node:
    """A node standing for the sum of several nodes (None where any part is missing)."""
    weights = [n.weight for n in nodes]
    scores = [n.score for n in nodes]
    weight = sum((w for w in weights if w is not None), ZERO) if None not in weights else None
    score = sum((s for s in scores if s is not None), ZERO) if None not in scores else None
    return Node(level, weight, score, evidence_of(*(n.evidence for n in nodes)))


def sum_pairs(project: Project) -> Iterator[tuple[Node, list[Node]]]:
    """Every (parent, children) pair of the project's claimed structure that can be summed."""
    lines = reliable_lines(project)
    every_line = score_lines(project)
    done: set[str] = set()
    for level, line in lines.items():
        if level == TOTAL:
            continue
        children = [child for path, child in lines.items() if path.rpartition("/")[0] == level]
        if any(path.rpartition("/")[0] == level and path not in lines for path in every_line):
            continue  # a child line is unsure, so its sum is too
        if children:
            yield Node(level, line.weight, line.score, list(line.evidence)), [
                Node(c.level, c.weight, c.score, list(c.evidence)) for c in children
            ]
    rows = scored_rows(project)
    for level in dict.fromkeys(row.level for row in rows):
        own = level_line(project, level)
        if own is None:
            continue
        group = [row for row in rows if row.level == level or level_line(project, row.level) is own]
        if own.level not in done:
            done.add(own.level)
            yield Node(own.level, own.weight, own.score, list(own.evidence)), [row_node(r) for r in group]
    for top in dict.fromkeys(first_level(row.level) for row in rows):
        top_line = lines.get(top)
        has_children = any(path.startswith(top + "/") for path in lines)
        if top_line is None or has_children or top in done:
            continue
        done.add(top)
        group = [row for row in rows if first_level(row.level) == top]
        yield Node(top, top_line.weight, top_line.score, list(top_line.evidence)), [row_node(r) for r in group]
    top_nodes = top_level_nodes(project)
    total = lines.get(TOTAL)
    if total is not None and top_nodes and not _below_a_part(total.score, top_nodes):
        # "综合得分 95 分" states no weight: a total is out of 100 (scoring-rules R1)
        weight = total.weight if total.weight is not None else Decimal(100)
        yield Node(TOTAL, weight, total.score, list(total.evidence)), top_nodes


#: At most this many characters may follow a form's last indicator for the document to count as cut
#: there: the start of one more row ('生态', '……'), no 总分 line or prose.
_MAX_CUT_TAIL = 12
#: ... or at most this many characters with no figure among them: the rest of the last row's text cells
#: (its 评价标准, its 评分规则) and the first characters of a row that stops there. No weight or score
#: can be printed in a tail without a digit, so the level's missing points are past the cut.
_MAX_TEXT_TAIL = 100
_DIGIT = lazy_compile(r"[0-9０-９]")


def cut_after(project: Project, level: str, document: Document | None) -> bool:
    """The document stops inside `level`'s rows: the project's last indicator is under it, the
    form states no 总分, and no more than the start of a row follows that indicator."""
    if document is None or not project.indicators:
        return False
    last = project.indicators[-1]
    label_only = (last.weight is None and last.score is None and not last.actuals
                  and not (last.target and last.target.raw.strip()))
    if project.total_score is not None and not label_only:
        return False  # (a last row printed as its label alone is cut, whatever total the prose states)
    if not (last.level == level or last.level.startswith(level + "/")) or not last.evidence:
        return False
    tail = _text_after(last.evidence[-1], document)
    return len(tail) <= _MAX_CUT_TAIL or (len(tail) <= _MAX_TEXT_TAIL and not _DIGIT.search(tail))


def _text_after(ev: Evidence, document: Document) -> str:
    """The document's text after the quote's table row or line: spaces, placeholders (……) and a merged
    cell's copies of the cell above left out."""
    parts: list[str] = []
    seen = False
    for element in document.elements:
        if isinstance(element, Table):
            above: dict[int, str] = {}
            for row in element.rows:
                if not seen and ev.table == element.index and ev.row is not None and row and row[0].row > ev.row:
                    seen = True
                if seen:
                    parts.extend(cell.text for cell in row if cell.text != above.get(cell.col))
                above = {cell.col: cell.text for cell in row}
        else:
            lines = element.lines or [Line(text=element.text, page=element.page)]
            for line in lines:
                if seen:
                    parts.append(line.text)
                elif ev.table is None and ev.line is not None and line.line is not None and line.line > ev.line:
                    seen = True
                    parts.append(line.text)
    return "".join("".join(parts).replace("…", "").split()) if seen else ""


def _below_a_part(total: Decimal | None, parts: list[Node]) -> bool:
    """A total below one of its own parts is a misread sentence (a section's 得分), not a total."""
    return total is not None and any(p.score is not None and p.score > total + EPSILON for p in parts)


def complete_by_name(parent: Node, children: list[Node], first_levels: Iterable[str]) -> bool:
    """A total whose parts are, one each, every first level of the scoring structure (预算执行, 产出, 效益,
    满意度): no part can be missing, whatever weights the report leaves out."""
    levels = [c.level for c in children]
    return parent.level == TOTAL and len(levels) == len(set(levels)) and set(levels) == set(first_levels)


def top_level_nodes(project: Project) -> list[Node]:
    """The first-level components of the total: budget block, then each first level's line or row sum."""
    lines = reliable_lines(project)
    nodes: list[Node] = []
    budget = budget_node(project)
    if budget is not None:
        nodes.append(budget)
    tops = [segments(path)[0] for path in lines if segments(path) and segments(path)[0] not in (TOTAL, BUDGET)]
    rows = scored_rows(project)
    if any(row.level for row in rows):
        # a row without a level beside rows with levels cannot be placed in the structure (a second
        # table read into the project, a row the dump cut from its labels): it is no part of its own
        rows = [row for row in rows if row.level]
    for row in rows:
        top = first_level(row.level)
        nested = level_line(project, top)
        own = level_line(project, row.level)
        if own is not None and own.level == BUDGET and budget is not None:
            continue  # a department measure filed under 过程/预算执行: part of the budget block, no level of its own
        if top not in tops and (nested is None or nested.level == top):
            tops.append(top)  # a first level given only by its rows (forms without level lines)
    every_line = score_lines(project)
    for top in dict.fromkeys(tops):
        if top in every_line and top not in lines:
            nodes.append(Node(top, None, None, list(every_line[top].evidence)))  # its line is unsure
            continue
        group = [r for r in rows if first_level(r.level) == top]
        # a first level without its own line is known only from its rows: child lines may be incomplete
        summed = _sum_of(top, [row_node(r) for r in group]) if group else None
        if top in lines:
            line = lines[top]
            # a header such as 产出指标（50分） gives the weight only: its rows give the score
            weight = line.weight if line.weight is not None or summed is None else summed.weight
            score = line.score if line.score is not None or summed is None else summed.score
            nodes.append(Node(top, weight, score, list(line.evidence)))
        elif summed is not None:
            nodes.append(summed)
        else:
            nodes.append(Node(top, None, None))
    return nodes


@dataclass(frozen=True)
class SumVerdict:
    """Whether a parent's weight and score disagree with its children's sums, and the sums."""

    weight_wrong: bool
    score_wrong: bool
    weight_sum: Decimal | None
    score_sum: Decimal | None


def judge(parent: Node, children: list[Node], tolerance: Decimal, complete: bool = False) -> SumVerdict:
    """Compare a parent with the sum of its children, each sum witnessing the other's completeness (or the
    caller knowing the children complete by what they are, `complete`: a score sum below the parent is then
    wrong without weights to witness it)."""
    child_weights = [c.weight for c in children]
    child_scores = [c.score for c in children]
    weight_sum = sum((w for w in child_weights if w is not None), ZERO) if None not in child_weights else None
    score_sum = sum((s for s in child_scores if s is not None), ZERO) if None not in child_scores else None
    weights_ok = weight_sum is not None and parent.weight is not None and abs(weight_sum - parent.weight) <= tolerance
    scores_ok = score_sum is not None and parent.score is not None and abs(score_sum - parent.score) <= tolerance
    weight_wrong = (
        weight_sum is not None and parent.weight is not None and not weights_ok
        and (weight_sum > parent.weight or scores_ok)
    )
    score_wrong = (
        score_sum is not None and parent.score is not None and not scores_ok
        and (score_sum > parent.score or weights_ok or complete)
    )
    return SumVerdict(weight_wrong, score_wrong, weight_sum, score_sum)
