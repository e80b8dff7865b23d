"""The year a money sentence says its amount is of ('2022年县财政下达…', '自2018年实施以来累计发放…').

A report on one year's money often recalls other years: last year's allotment, the money a project got since it
began. Such an amount is not the year's budget or spending where the report states the money of its own year by
that year's name; `funds` keeps it only where it does not (a works funded one year and paid for the next names
no year twice). The year is the last one the sentence names before the amount, outside a project's name, a cited
title or a document number; a date within a year ('2023年3月'), a cut-off ('截至2023年底') and a span's ends
('2021-2023年') say nothing of whose money it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportparse.lazypattern import lazy_compile
from reportparse.model import Project, Quantity
from reportparse.parse.budgetfields import Kept
from reportparse.parse.projectmentions import find_mentions

#: a year named as the money's own: not a date's ('2023年3月'), a cut-off's ('截至2023年底', '至2023年') or a span's
_YEAR = lazy_compile(r"(?<![\d\-—~～至到])(?<!截至)(?<!截止)((?:19|20)\d\d)\s*年(?:度)?(?!\s*\d{1,2}\s*月|底|末|初|前)")
#: a year named by its relation to the report's: the year before ('上年度', '去年'), the report's own ('本年度');
#: a comparison with the year before ('较上年', '比去年') says nothing of whose money the amount is
_RELATIVE_YEAR = lazy_compile(r"(?<![较比])(?:(?P<last>上一?年度?|去年|前一年)|本年度?|当年度?|今年)(?!结转|结余|同期)")
_CLAUSE_END = lazy_compile(r"[，,；;。]")
#: what names a year without being said of the money: a cited title, a document number, a bracket's aside
_CITED = lazy_compile(r"《[^》]*》|〔[^〕]*〕|\[[^\]]*\]|[(（][^()（）]*[)）]")


def money_year(text: str, at: int, names: list[tuple[str, list[str]]] | None = None,
               year: int | None = None) -> int | None:
    """The year the sentence `text` names as the year of the amount at `at` (None if it names none); a year named
    by its relation to the report's `year` ('上年度', '今年') counts from it."""
    chars = list(text[:at])
    for start, end, _ in find_mentions(text[:at], names or []):
        chars[start:end] = "□" * (end - start)  # (a project's name may hold a year: '2022年X项目')
    before = _CITED.sub("", "".join(chars))
    found = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(before)]
    if year is not None:
        # (当年 after a year the sentence names is that year's: '项目于2022年启动，当年投入120万元')
        found += [(m.start(), year - 1 if m.group("last") else _same_year(m.group(), found, m.start()) or year)
                  for m in _RELATIVE_YEAR.finditer(before)]
    # (a year governs its own clause, and from the sentence's opening clause the whole sentence: '2023年度省级拨付
    # 62万元，…，加上上年度结余资金6.47万元，合计84.47万元' is the year's whole, the year before's only its balance)
    clauses = [m.end() for m in _CLAUSE_END.finditer(before)]
    own_clause = [found_year for at, found_year in found if not clauses or at >= clauses[-1]]
    opening = [found_year for at, found_year in sorted(found) if clauses and at < clauses[0]]
    said = own_clause or opening
    return said[-1] if said else None


def _same_year(word: str, named: list[tuple[int, int]], at: int) -> int | None:
    """The year a 当年 refers back to: the last one named before it; None for another word or no year named."""
    if not word.startswith("当年"):
        return None
    earlier = [year for start, year in named if start < at]
    return earlier[-1] if earlier else None


@dataclass
class YearsSaid:
    """Which of a project's kept figures were said of another year than the report's `year`, and which kinds of its
    money the report names by its own year: a figure of the report's own year replaces one of another year, and
    money of another year no longer counts once the report named that kind by its own year. With no year named,
    the figures stand as `set_budget` keeps them."""

    year: int | None
    own: dict[str, set[str]] = field(default_factory=dict)
    other: set[tuple[str, str]] = field(default_factory=set)

    def admits(self, project: Project, kind: str, said: int | None, kept: Kept) -> bool:
        """May an amount of `kind` said of year `said` fill the project's budget? (A figure of another year kept so
        far is cleared for one of the report's year.)"""
        if self.year is None or said is None:
            return True
        if said != self.year:
            return kind not in self.own.get(project.name, set())
        self.own.setdefault(project.name, set()).add(kind)
        if (project.name, kind) in self.other:
            _clear(project, kind, kept)
            self.other.discard((project.name, kind))
        return True

    def kept(self, project: Project, kind: str, said: int | None, before: Quantity | None) -> None:
        """Remember whether the figure of `kind` the project now keeps (`before`: the one it had) is of another
        year."""
        if getattr(project.budget, kind) is before:
            return
        if self.year is not None and said is not None and said != self.year:
            self.other.add((project.name, kind))
        else:
            self.other.discard((project.name, kind))


def _clear(project: Project, kind: str, kept: Kept) -> None:
    """Forget the project's figure of `kind` and what `set_budget` remembered of it."""
    setattr(project.budget, kind, None)
    name = project.name
    if kind == "planned":
        kept.ranks.pop(name, None)
        kept.investment.discard(name)
    else:
        kept.year_spending.discard(name)
        kept.spent_beside_budget.discard(name)
        kept.spent_in_overview.discard(name)
