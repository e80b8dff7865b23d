"""A labelled analysis statement that states no number of a goal reports its level's indicator in words
('质量指标：项目验收全部合格' is a qualitative actual of the level's one indicator, or of the one its words name).
Split out of parse/actuals, which links the prose's numbers and calls this for a statement none of them reported.
"""

from __future__ import annotations

from reportparse.model import Actual, Indicator
from reportparse.parse import linkcandidates as links
from reportparse.parse.evidence import Sentence, span_evidence
from reportparse.parse.indicatorwords import keywords

#: a statement is tied to every copy of an indicator listed up to this many times in one project;
#: beyond (a goal table pasted over and over) to one copy only, so the work stays linear
MAX_COPIES = 4


def report_in_words(s: Sentence, body: str, origin: str, groups: list[list[Indicator]], linked: set[int],
                    qualified: set[tuple[int, int]], by_words_only: bool) -> None:
    """A labelled analysis statement with no linked number reports its level's indicator in words (`body`: the
    statement after its label; `origin`: the part of the report it stands in, as Actual.origin).

    When the paragraph also states numbers, the statement is tied to an indicator only by the
    indicator's own words (the numbers may be what reports the level's only indicator).
    `groups` are the level's goal indicators, copies of one indicator together.
    """
    if not body:
        return
    if any(_measured_here(ind, s.text) for group in groups for ind in group):
        return  # (the statement's figure is a goal's result already read: it reports that goal, no other in words)
    if len(groups) == 1 and len(groups[0]) == 1 and not by_words_only:
        chosen = groups
    else:
        chosen = [group for group in groups if any(g in body for g in keywords(group[0].name))]
    for group in chosen:
        copies = group if len(group) <= MAX_COPIES else _first_unqualified(group, id(s.para), linked, qualified)
        for ind in copies:
            key = (id(s.para), id(ind))
            if id(ind) in linked or key in qualified or _measured_here(ind, s.text) or links.states_own_target(ind, s):
                continue
            qualified.add(key)
            qualified.add((id(s.para), 0))
            ind.actuals.append(Actual(raw=body, comparator="qualitative", kind="qualitative", origin=origin,
                                      evidence=[span_evidence(s.para, s.start, s.end)]))


def _measured_here(ind: Indicator, sentence: str) -> bool:
    """Has an earlier reader taken the indicator's measured result from this very sentence?"""
    return any(a.kind == "measured" and any(e.text and e.text in sentence for e in a.evidence) for a in ind.actuals)


def _first_unqualified(group: list[Indicator], para: int, linked: set[int],
                       qualified: set[tuple[int, int]]) -> list[Indicator]:
    """The first copy of a many-times-listed indicator this paragraph has not yet reported on."""
    for ind in group:
        if id(ind) not in linked and (para, id(ind)) not in qualified:
            return [ind]
    return []
