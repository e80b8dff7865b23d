"""Where a text names a report's projects: every spelling's mentions, and the project a row or heading refers to.

`find_mentions` finds each project's spellings (as written, without quotes, a 全市/市 prefix, a leading year or
the county) in a sentence; `best_project_for` gives a goal-table row name or heading to the project whose name
it shares the longest part of. Both compare spellings as `parse/names` does.
"""

from __future__ import annotations

from functools import lru_cache

from reportparse.lazypattern import lazy_compile
from reportparse.parse.names import NAME_YEAR, PREFIX, QUOTES, common_substring, core, is_subsequence

#: the county a name opens with ('渠县', '宣汉县'): an allotment names the county it goes to, the report then not
_COUNTY = lazy_compile(r"^[\u4e00-\u9fff]{1,3}县(?![级城域乡镇])")


def find_mentions(text: str, projects: list[tuple[str, list[str]]]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, canonical name) for every spelling of a project found in text."""
    return list(_find_mentions(text, tuple((name, tuple(aliases)) for name, aliases in projects)))


@lru_cache(maxsize=256)
def _variants(projects: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, str], ...]:
    """Every spelling to look for (as written, without quotes, without 全市/市 prefix or a leading year),
    longest first."""
    variants: list[tuple[str, str]] = []
    placeless_owners: dict[str, set[str]] = {}  # a name without its county → the projects it shortens
    for name, aliases in projects:
        for s in {name, *aliases}:
            variants.append((s, name))
            bare = QUOTES.sub("", s)
            if bare != s:
                variants.append((bare, name))
            pre = PREFIX.sub("", bare)
            if pre != bare and len(core(pre)) >= 3:
                variants.append((pre, name))
            undated = NAME_YEAR.sub("", bare, count=1) if NAME_YEAR.match(bare) else bare
            if undated != bare and len(core(undated)) >= 4:
                variants.append((undated, name))  # ('2023年X资金' written '…年度获得X资金')
            placeless = _COUNTY.sub("", bare, count=1)
            if placeless != bare and len(core(placeless)) >= 6:
                placeless_owners.setdefault(placeless, set()).add(name)
    # ('渠县X补助-竹编' allotted, then written 'X补助-竹编'; not where two counties' projects share the rest)
    spelled = {v for v, _ in variants}
    variants.extend((short, next(iter(owners))) for short, owners in placeless_owners.items()
                    if len(owners) == 1 and short not in spelled)
    variants.sort(key=lambda v: len(v[0]), reverse=True)
    return tuple(v for v in variants if v[0])


@lru_cache(maxsize=4096)
def _find_mentions(text: str, projects: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[int, int, str], ...]:
    variants = _variants(projects)
    taken = [False] * len(text)
    out: list[tuple[int, int, str]] = []
    for spelling, name in variants:
        start = text.find(spelling)
        while start >= 0:
            end = start + len(spelling)
            if not any(taken[start:end]):
                for i in range(start, end):
                    taken[i] = True
                out.append((start, end, name))
            start = text.find(spelling, end)
    out.sort()
    return tuple(out)


def best_project_for(label: str, projects: list[tuple[str, list[str]]]) -> str | None:
    """The project a goal-table row name or heading refers to (see `_best_project_for`)."""
    return _best_project_for(label, tuple((name, tuple(aliases)) for name, aliases in projects))


@lru_cache(maxsize=2048)
def _best_project_for(label: str, projects: tuple[tuple[str, tuple[str, ...]], ...]) -> str | None:
    """The project a goal-table row name or heading refers to, by the longest shared name part.

    A row like 'X平台维护完成率' names project 'X平台维护费'. The shared part must be long relative
    to the project's core (half of it) and at least 3 characters, and must beat every other
    project clearly, so rows such as '党员干部满意度' do not stick to a project merely sharing 党员干部.
    """
    text = QUOTES.sub("", label)
    scores: list[tuple[float, str]] = []
    for name, aliases in projects:
        best = 0.0
        for s in {name, *aliases}:
            c = core(s)
            if len(c) < 2:
                continue
            n = common_substring(c, text)
            if n >= 3 and n >= 0.5 * len(c):
                best = max(best, n / len(c) + n / 100)
            elif is_subsequence(c, text) and len(c) >= 3:
                best = max(best, 0.9)
        if best:
            scores.append((best, name))
    if not scores:
        return None
    scores.sort(reverse=True)
    if len(scores) > 1 and scores[1][0] > scores[0][0] - 0.05:
        return _tie_break(text, [(name, aliases) for score, name in scores if score > scores[0][0] - 0.05
                                 for n, aliases in projects if n == name])
    return scores[0][1]


def _tie_break(text: str, tied: list[tuple[str, tuple[str, ...]]]) -> str | None:
    """Of projects sharing equally long name parts with a label, the one sharing most *words* with it.

    '校园安全培训人次' shares 校园安全 with both 校园安全监控维护费 and 校园安全教育培训费; only the
    second also has 培训. Each project is compared by its best spelling. Only this rare path loads jieba.
    """
    from reportparse.parse.tokens import word_overlap

    best_per_project = [max(word_overlap(text, core(s)) for s in {name, *aliases}) for name, aliases in tied]
    top = max(best_per_project)
    if top <= 0 or best_per_project.count(top) > 1:
        return None
    return tied[best_per_project.index(top)][0]
