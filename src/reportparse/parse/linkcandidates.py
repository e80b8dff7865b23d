"""Which goal indicators a figure in the prose may report on (parse/actuals.py links it to one).

A clause's candidates are the indicators of its project, of the projects it names, else of all
projects; copies of one indicator (a goal table repeated) are grouped so that a long document
costs one comparison per distinct indicator.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportparse.model import Evidence, Indicator, Project
from reportparse.parse.evidence import Sentence
from reportparse.parse.goalwords import figures
from reportparse.parse.projectmentions import find_mentions


@dataclass
class ProjectFacts:
    """What `_new_indicator` asks of a project's indicators, kept up to date as it adds some."""

    remarks: set[str]  # names of the goal rows' remark quantities (two characters or more)
    analysis_names: set[str]  # indicators outside the goal table, by name
    levels: dict[str, str]  # level segment (产出/数量 → 数量) → the level of the first indicator there


#: (project rank, position in the project, project, indicator): one candidate, in the order of the text
Candidate = tuple[int, int, Project, Indicator]


class CandidateIndex:
    """A project's goal indicators grouped by what `_choose` reads of them (level, name, target unit,
    whether the target is empty), so that a document listing the same indicator many times (a goal
    table repeated) costs one comparison per distinct indicator, not one per copy.

    Built once per document: indicators added while linking (analysis-only ones) have no target
    and are never candidates, so the index does not go stale.
    """

    def __init__(self, projects: dict[str, Project]) -> None:
        self.groups: dict[int, list[list[tuple[int, Indicator]]]] = {}
        self._levels: dict[tuple[int, str], list[list[Indicator]]] = {}
        self._facts: dict[int, ProjectFacts] = {}
        for project in projects.values():
            grouped: dict[tuple[str, str, str | None, bool], list[tuple[int, Indicator]]] = {}
            for position, ind in enumerate(project.indicators):
                if ind.target is None:
                    continue
                key = (ind.level, ind.name, ind.target.unit, not ind.target.raw.strip())
                grouped.setdefault(key, []).append((position, ind))
            self.groups[id(project)] = list(grouped.values())

    def facts(self, project: Project) -> ProjectFacts:
        if id(project) not in self._facts:
            levels: dict[str, str] = {}
            for ind in project.indicators:
                levels.setdefault(ind.level.split("/")[-1], ind.level)
            self._facts[id(project)] = ProjectFacts(
                remarks={q.name for ind in project.indicators for q in ind.remark_quantities if len(q.name) >= 2},
                analysis_names={ind.name for ind in project.indicators if not ind.in_goal_table},
                levels=levels,
            )
        return self._facts[id(project)]

    def level_groups(self, project: Project, label: str) -> list[list[Indicator]]:
        """The project's goal-table indicators of the label's level, copies of one indicator
        (same name and target) grouped together, in the order of the text."""
        key = (id(project), label.split("/")[-1])
        if key not in self._levels:
            grouped: dict[tuple[str, str | None], list[Indicator]] = {}
            for ind in project.indicators:
                if ind.in_goal_table and same_level(label, ind.level):
                    grouped.setdefault((ind.name, ind.target.raw if ind.target else None), []).append(ind)
            self._levels[key] = list(grouped.values())
        return self._levels[key]

    def candidates(self, chosen: list[Project], linked: set[int]) -> list[Candidate]:
        """Up to two unlinked copies of every distinct indicator of `chosen`, in text order.

        Two copies are as good as all of them to `_choose`: it only asks whether the best score
        is shared, and a second copy answers that.
        """
        out: list[Candidate] = []
        for rank, project in enumerate(chosen):
            for group in self.groups.get(id(project), []):
                taken = 0
                for position, ind in group:
                    if id(ind) in linked:
                        continue
                    out.append((rank, position, project, ind))
                    taken += 1
                    if taken == 2:
                        break
        out.sort(key=lambda c: (c[0], c[1]))
        return out


def clause_candidates(s: Sentence, clause: str, names: list[tuple[str, list[str]]], projects: dict[str, Project],
                index: CandidateIndex, linked: set[int], named_in_sentence: dict[str, set[str]]) -> list[Candidate]:
    """The indicators a clause may report on: its project's, the projects it names, else all.

    `named_in_sentence` caches the projects the whole sentence names (looked up once per sentence,
    not once per number: a long sentence of many numbers would cost its length squared).
    """
    if s.project:
        chosen = [projects[s.project]]
    else:
        named = {n for _, _, n in find_mentions(clause, names)}
        if not named:
            if "names" not in named_in_sentence:
                named_in_sentence["names"] = {n for _, _, n in find_mentions(s.text, names)}
            named = named_in_sentence["names"]
        chosen = [projects[n] for n in named] if named else list(projects.values())
    return index.candidates(chosen, linked)


def same_level(path: str | None, level: str) -> bool:
    """Do a label's level and an indicator's level end in the same segment (满意度 ~ 效益/满意度)?"""
    return path is not None and path.split("/")[-1] == level.split("/")[-1]


def same_statement(evidence: Evidence, s: Sentence) -> bool:
    """Is the evidence of the sentence, or the sentence a part of it? A target and its result set off by '；'
    ('X：目标值≥80%；实际值85%') are one statement the sentences split."""
    text = evidence.text or ""
    part = s.text.strip(" ，,；;。")
    return text in s.text or (evidence.paragraph == s.para.index and bool(part) and part in text)


def states_own_target(ind: Indicator, s: Sentence) -> bool:
    """Is the sentence (a part of) the indicator's own target statement, its result in the next sentence
    ('X年初计划：1200吨；' then '年末完成：1260吨。')? The aim reports no result, in words or otherwise."""
    part = s.text.strip(" ，,；;。")
    return ind.target is not None and bool(part) and any(
        e.table is None and e.text and part in e.text and same_statement(e, s) for e in ind.evidence[:1])


def listed_item_words(clause: str, start: int, end: int) -> str:
    """The words of the one item of a 、-list of figures that holds the figure at start..end ('全年保障城市低保对象
    3286人、农村低保对象8712人' → '农村低保对象8712人' for the second): from the 、 after the figure before it to the 、
    before the figure after it; the whole clause where no figure stands across a 、 (a list of names sharing one
    figure, '开工率、完成率均达100%', is one item)."""
    found = figures(clause)
    before = [m for m in found if m.end <= start]
    after = [m for m in found if m.cmp_start >= end]
    opening = clause.rfind("、", before[-1].end, start) if before else -1
    closing = clause.find("、", end, after[0].cmp_start) if after else -1
    return clause[opening + 1 if opening >= 0 else 0:closing if closing >= 0 else len(clause)]
