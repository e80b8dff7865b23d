"""A row whose own words say its task was not all done, while its 实际值 cell reports the target reached and the
row takes full marks (P6: 未达到目标却得满分).

A form's name, reason or remark cell sometimes tells the row's story in figures: '…发放目标人群是3875人，目前已
发放3620人，剩余255人于12月底前发放完毕'. The 实际值 cell may still print the target ('100' against '100') and
the row score its whole 分值. A careful auditor reads the row's words with its cells: by its own count 3620 of
the 3875 planned were served (93.4%), so the target was missed and the full marks are not earned.

The row's words are read in clauses: a clause that names the aim (目标, 计划, 任务) gives the planned count, a
clause that says what is done (已, 实际) gives the count reached, in the same unit, about the same thing (the two
clauses share the words before their figures). A clause that says what is not done (未, 尚未) gives neither. The
words are in lexicon/row_shortfall.json.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from functools import cache

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import evidence_of, fmt, full_marks_claim
from reportparse.checks.indicators import verdicts
from reportparse.checks.yearmoney import CLAUSE_COMMA
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Finding, Indicator

#: a clause ends at a comma, a semicolon or a full stop (not at the thousands separator of a count, '3,875人')
_CLAUSES = lazy_compile(rf"[，；;。！!？?]|{CLAUSE_COMMA}")
#: fewest characters the words before the two figures share: they count the same thing
_SHARED_WORDS = 2
#: most characters of a count reached that names nothing of its own: a verb ('铺设', '发放')
_BARE_VERB = 2


@cache
def _words(kind: str) -> re.Pattern[str]:
    return re.compile(alternation(lexicon("row_shortfall.json")[kind]))


@dataclass(frozen=True)
class _Count:
    value: Decimal
    unit: str
    words: str  # the clause's words before the figure
    quote: str


def _counts(text: str) -> tuple[list[_Count], list[_Count]]:
    """The planned and the reached counts the text's clauses state (a clause of what is not done gives none)."""
    from reportparse.normalise.quantities import find_quantities

    planned: list[_Count] = []
    reached: list[_Count] = []
    for clause in _CLAUSES.split(text):
        if _words("not_done").search(clause):
            continue
        found = [m for m in find_quantities(clause) if m.quantity.value is not None and m.quantity.unit
                 and m.quantity.unit not in ("%", "元")]
        if len(found) != 1:
            continue  # (none, or several figures whose roles the clause does not settle)
        match = found[0]
        before = clause[:match.start]
        unit = match.quantity.unit
        assert match.quantity.value is not None and unit is not None
        count = _Count(match.quantity.value, unit, before, clause.strip())
        if _words("done").search(before):
            reached.append(count)
        elif _words("aim").search(before):
            planned.append(count)
    return planned, reached


def _same_thing(plan: _Count, done: _Count) -> bool:
    """Do the words before the two figures count the same thing: a run of at least two characters in common
    beyond the aim and done words, or a count reached that names nothing of its own (only a time and a verb:
    '目前已铺设36公里' after '任务管网长度为42公里')?"""
    a = _words("aim").sub("", plan.words)
    b = _words("when").sub("", _words("done").sub("", done.words)).strip(" ：:")
    if len(b) <= _BARE_VERB:
        return True
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size >= _SHARED_WORDS


def row_shortfall(indicator: Indicator) -> tuple[_Count, _Count] | None:
    """The planned count and the smaller count reached that the row's own words state, or None."""
    texts = [indicator.name, indicator.deviation_reason or "", indicator.remark or ""]
    for text in texts:
        planned, reached = _counts(text)
        for plan in planned:
            for done in reached:
                if done.unit == plan.unit and 0 <= done.value < plan.value and _same_thing(plan, done):
                    return plan, done
    return None


@register("target-missed-full-score")
def words_say_missed_yet_full(ctx: CheckContext) -> Iterator[Finding]:
    """The row's cells say the target was met (or say nothing comparable), its full 分值 is claimed, and its own
    words count fewer done than planned."""
    for project in ctx.report.projects:
        for indicator in project.indicators:
            if any(ok is False for _, _, ok in verdicts(indicator)):
                continue  # (the cells show the miss themselves: `target-missed` and its full-score error judge it)
            claim = full_marks_claim(project, indicator)
            if claim is None or indicator.weight is None:
                continue
            shortfall = row_shortfall(indicator)
            if shortfall is None:
                continue
            plan, done = shortfall
            share = (done.value / plan.value * 100).quantize(Decimal("0.1"))
            yield new_finding(
                "target-missed-full-score",
                f"{indicator.name}：该行自述计划 {fmt(plan.value)}{plan.unit}、已完成 {fmt(done.value)}{done.unit}"
                f"（{fmt(share)}%），未达到目标，但{claim.holder}得满分 {fmt(claim.score)}/{fmt(claim.weight)}",
                project=project.name, indicator=indicator.name, expected=plan.value, actual=done.value,
                evidence=evidence_of(indicator.evidence, claim.evidence),
            )
