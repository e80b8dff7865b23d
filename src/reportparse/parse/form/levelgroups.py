"""Which 一级/二级 group each row of an indicator table belongs to when a dump printed the merged level
cells mid-group.

A level cell merged over several rows is printed once. A DOCX/XLSX grid repeats it in every row, and
most text dumps print it on the group's first row, so a label holds for the rows below it until the
next one. A PDF centres the text vertically in the merged cell, and its text layer puts the label on
a middle row: the rows above the label belong to it too, and the rows above the table's first label
would get no level at all.

The dump shows that: a scored row printed before the first label of its level (a form's every
indicator row has a 一级, and, under a 一级 that has 二级 labels, a 二级). Then each label owns a
contiguous run of rows around it, the runs cut the rows between two labels somewhere, and the cut is
settled by what the form itself says, in this order:

1. a 二级 label whose words name its 一级 (数量/质量/时效/成本 are 产出's, 经济/社会/生态效益 and
   可持续影响 效益's) sits in that 一级's run;
2. a 一级 label's printed weight (产出指标(50分)) is the sum of the 分值 of its run's rows, where every
   row shows its 分值;
3. a label sits in the middle of its run (a vertically centred cell: as many rows above it as below,
   one more on either side);
4. one dump prints every merged cell by the same rule: where a run the form settles has its label on
   the upper (lower) of its two middle rows, no run has it on the lower (upper) one.

A 二级 label that no cut puts under its 一级 means the dump lost a 一级 label (a garbled row): then
no row's group is settled. Rules 2 to 4 are passed over where no cut fits them (a form whose
weights do not add up is a finding for the checks, not a reason to read no levels). A row that the
remaining cuts give to different labels keeps its level uncertain (`UNSURE`): the sums of the levels
it may belong to are then unknown, never a guess. A row the cuts give to one of two labels of the
same words (two 效益指标 cells one under the other) has that level whichever cut is right.

The middle is counted in rows, with one row of play: a PDF's rows differ in height (a wrapped cell),
and a label centred between two rows lands on either. So a centred label alone seldom settles a cut
between two 二级 groups of several rows without rule 4; the weights and the words settle most 一级 cuts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

#: The level of a row whose group the form does not settle.
UNSURE = "?"
#: The owner of a row that no label's run can hold.
_NOWHERE = -1
#: More cuts than this between a table's labels: the rows are left as read, top-down (no form has that
#: many labels).
_MAX_CUTS = 4096


@dataclass(frozen=True)
class LevelRow:
    """One row of an indicator table as printed: the labels printed on the row itself."""

    level1: str | None = None  # the 一级 label's level ('产出'), None when the row's 一级 cell is empty
    level2: str | None = None  # the 二级 label's text as printed, None when empty
    parent: str | None = None  # the 一级 a printed 二级 label belongs to by its words (None: any)
    weight: Decimal | None = None  # the row's 分值 (None: not shown, or no indicator on the row)
    indicator: bool = False  # the row holds an indicator (not only a label)
    scored: bool = False  # the indicator shows its 分值 or 得分 (a stray header cell read as a row shows neither)


def printed_mid_group(rows: Sequence[LevelRow]) -> bool:
    """Does the dump print level labels below their group's first row? An indicator row with its
    分值 or 得分 comes before its table's first 一级 label, or before the first 二级 label under its 一级
    label."""
    first1 = next((i for i, row in enumerate(rows) if row.level1), None)
    if first1 is None:
        return False
    if any(row.scored for row in rows[:first1]):
        return True
    marks = [i for i, row in enumerate(rows) if row.level1] + [len(rows)]
    for start, end in pairwise(marks):
        run = rows[start:end]
        first2 = next((i for i, row in enumerate(run) if row.level2), None)
        if first2 is not None and any(row.scored for row in run[:first2]):
            return True
    return False


@dataclass(frozen=True)
class Settled:
    """A row's 一级 and 二级 (`UNSURE` when the form does not settle it) and the labels it may have."""

    level1: str | None
    level2: str | None
    maybe1: frozenset[str] = frozenset()  # the 一级 levels an unsettled row may belong to
    maybe2: frozenset[str] = frozenset()  # the 二级 labels an unsettled row may belong to


def settle(rows: Sequence[LevelRow], weights: dict[str, Decimal]) -> list[Settled]:
    """Each row's 一级 and 二级 under labels printed mid-group. `weights`: the 一级 labels' printed
    weights by level."""
    marks1 = [i for i, row in enumerate(rows) if row.level1]
    rules1 = _level1_rules(rows, weights)
    owners1 = _owners(rows, marks1, rules1, True)
    lean = _lean([(owners1, marks1)] + [(_owners(run, marks, [_centred]), marks)
                                        for _, run, marks in _level1_runs(rows, owners1)])
    if lean:
        owners1 = _owners(rows, marks1, [*rules1, _leaning(lean)], True)
    out: list[Settled] = []
    for level1, run, marks2 in _level1_runs(rows, owners1):
        if len(level1) > 1:
            out.extend(Settled(UNSURE, UNSURE, maybe1=level1) for _ in run)
            continue
        top = min(level1) if level1 else None
        for owner in _owners(run, marks2, [_centred, _leaning(lean)] if lean else [_centred]):
            labels = frozenset(run[m].level2 or "" for m in owner)
            if len(labels) > 1:
                out.append(Settled(top, UNSURE, maybe2=labels))
            else:
                out.append(Settled(top, min(labels) if labels else None))
    return out


def _level1_runs(rows: Sequence[LevelRow], owners1: list[frozenset[int]]
                 ) -> Iterator[tuple[frozenset[str], Sequence[LevelRow], list[int]]]:
    """The runs of rows with the same 一级 (or the same 一级 candidates): the 一级 levels, the rows and
    the 二级 label rows among them."""
    level1 = [frozenset(rows[m].level1 or "" if m != _NOWHERE else UNSURE for m in owners) for owners in owners1]
    start = 0
    while start < len(rows):
        end = start
        while end + 1 < len(rows) and level1[end + 1] == level1[start]:
            end += 1
        run = rows[start:end + 1]
        yield level1[start], run, [i for i, row in enumerate(run) if row.level2]
        start = end + 1


def _lean(solved: list[tuple[list[frozenset[int]], list[int]]]) -> int:
    """Which way the dump puts a label centred between two rows (a group of an even number of rows):
    -1 on the upper of the middle rows, 1 on the lower, 0 when no settled run says, or runs disagree.
    One dump prints every merged cell by the same rule, so a run the form settles (by its weights,
    its words, or an odd number of rows) tells where the others' labels sit."""
    signs: set[int] = set()
    for owners, marks in solved:
        for mark in marks:
            own = [row for row, owner in enumerate(owners) if owner == {mark}]
            if not own or own != list(range(own[0], own[-1] + 1)):
                continue
            first, last = own[0], own[-1]
            closed_above = first == 0 or (len(owners[first - 1]) == 1 and mark not in owners[first - 1])
            closed_below = last == len(owners) - 1 or (len(owners[last + 1]) == 1 and mark not in owners[last + 1])
            if closed_above and closed_below and (mark - first) != (last - mark):
                signs.add(1 if (mark - first) > (last - mark) else -1)
    return signs.pop() if len(signs) == 1 else 0


def _leaning(lean: int) -> Rule:
    def rule(rows: Sequence[LevelRow], first: int, last: int, mark: int) -> bool:
        return (mark - first) - (last - mark) in (0, lean)

    return rule


#: A rule over one candidate run: (rows, first row, last row, the label's row) → does it fit?
Rule = Callable[[Sequence[LevelRow], int, int, int], bool]


def _level1_rules(rows: Sequence[LevelRow], weights: dict[str, Decimal]) -> list[Rule]:
    def words(rows: Sequence[LevelRow], first: int, last: int, mark: int) -> bool:
        own = rows[mark].level1
        return all(row.parent in (None, own) for row in rows[first:last + 1])

    def weight(rows: Sequence[LevelRow], first: int, last: int, mark: int) -> bool:
        printed = weights.get(rows[mark].level1 or "")
        run = [row for row in rows[first:last + 1] if row.indicator]
        if printed is None or any(row.weight is None for row in run):
            return True
        return sum((row.weight for row in run if row.weight is not None), Decimal(0)) == printed

    return [words, weight, _centred]


def _centred(rows: Sequence[LevelRow], first: int, last: int, mark: int) -> bool:
    return abs((mark - first) - (last - mark)) <= 1


def _owners(rows: Sequence[LevelRow], marks: list[int], rules: list[Rule],
            hard_first: bool = False) -> list[frozenset[int]]:
    """For each row, the label rows that may own it under the cuts that fit the rules: one when the
    form settles it, none when the rows have no label."""
    if not marks:
        return [frozenset()] * len(rows)
    cuts = _cuts(len(rows), marks)
    if cuts is None:  # read as printed: a label holds from its row down
        return [frozenset({max([m for m in marks if m <= i] or [marks[0]])}) for i in range(len(rows))]
    for position, rule in enumerate(rules):
        fitting = [cut for cut in cuts if all(rule(rows, first, last, mark)
                                              for first, last, mark in _runs(cut, marks, len(rows)))]
        if not fitting and position == 0 and hard_first:
            return [frozenset({_NOWHERE, *marks})] * len(rows)  # a label the dump lost: nothing is settled
        cuts = fitting or cuts  # a rule no cut fits says the form is inconsistent, not where its runs end
    return [frozenset(_owner(cut, marks, row) for cut in cuts) for row in range(len(rows))]


def _cuts(count: int, marks: list[int]) -> list[tuple[int, ...]] | None:
    """Every way to cut rows 0..count-1 into one run per label: the first row of each run after the
    first (a run starts after the label above and at or before its own label)."""
    cuts: list[tuple[int, ...]] = [()]
    for above, below in pairwise(marks):
        cuts = [(*cut, start) for cut in cuts for start in range(above + 1, below + 1)]
        if len(cuts) > _MAX_CUTS:
            return None
    return cuts


def _runs(cut: tuple[int, ...], marks: list[int], count: int) -> list[tuple[int, int, int]]:
    starts = [0, *cut]
    ends = [s - 1 for s in cut] + [count - 1]
    return list(zip(starts, ends, marks, strict=True))


def _owner(cut: tuple[int, ...], marks: list[int], row: int) -> int:
    index = sum(start <= row for start in cut)
    return marks[index]
