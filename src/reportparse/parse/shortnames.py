"""The shorter forms a report on several projects calls a project by once it has named it in full: named
'2023年X县农村饮水安全巩固提升工程项目', it is later '饮水安全工程' ('饮水安全工程完成管网改造35公里',
'饮水安全工程自评得分92分'), with no '以下简称' to say so.

A careful reader takes a later 'X工程' or 'X项目' for the one project whose name holds X and, after it, the same head
word, where no other project's name holds X; X is a run of words of its own (four characters at least, not only the
words most names share), and the project was named in full before. The head words are in
lexicon/fund_words.json (`short_forms`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportparse.lexicondata import alternation, lexicon
from reportparse.parse.names import GENERIC, NAME_YEAR, QUOTES
from reportparse.parse.projectmentions import find_mentions

#: the longest run of words read before a head word, and the shortest that may stand for a name
_LONGEST, _SHORTEST = 14, 4
#: what a name may hold right before its words, so that the run is no name's start: a figure, a year, a document
#: number's bracket ('2024年度专项债券项目', '〔2020〕83号文创建…项目')
#: a fund's or a project's word right after the head word: the name goes on ('…补助资金', '…工程项目')
_NAME_GOES_ON_AFTER = re.compile(r"资金|经费|项目|工程|专项")
_NAME_GOES_ON = re.compile(r"[\dA-Za-z〕】\]）)\-－—]\s*$")


@lru_cache(maxsize=1)
def _heads() -> re.Pattern[str]:
    return re.compile(alternation(lexicon("fund_words.json")["short_forms"]["heads"]))


@lru_cache(maxsize=1)
def _generic_words() -> re.Pattern[str]:
    return re.compile(alternation(GENERIC))


def shortened_names(texts: list[str], names: list[tuple[str, list[str]]]) -> dict[str, list[str]]:
    """For each project (canonical name → the short forms the texts call it by), where the report is on two projects
    or more; a short form the texts give two projects, or a project's own spelling, is none."""
    if len(names) < 2:
        return {}
    spellings = {name: {_bare(s) for s in (name, *aliases)} for name, aliases in names}
    known = {s for forms in spellings.values() for s in forms}
    text = "\n".join(texts)
    first_named = {name: min((i for s in forms if (i := text.find(s)) >= 0), default=-1)
                   for name, forms in spellings.items()}
    covered = [False] * len(text)  # (the names written in full: no short form inside one)
    for start, end, _ in find_mentions(text, names):
        covered[start:end] = [True] * (end - start)
    found: dict[str, set[str]] = {}
    for head in _heads().finditer(text):
        run = re.search(r"[\u4e00-\u9fff]+$", text[max(0, head.start() - 3 * _LONGEST):head.start()])
        if run is None or covered[head.start()]:
            continue
        words = run.group(0)[-_LONGEST:]
        if len(words) < len(run.group(0)) or _NAME_GOES_ON.search(text[:head.start() - len(words)]):
            continue  # (a longer run, or one after a number or a year, is a name of its own cut by the reading)
        if any(covered[head.start() - len(words):head.start()]):
            continue
        for i in range(len(words) - _SHORTEST + 1):
            part = words[i:]
            # (the words must be one project's alone: '义务教育经费' where two projects' names open with 义务教育 is
            # neither's short form, whatever head word each has after them)
            owners = {name for name, forms in spellings.items() if any(part in form for form in forms)}
            if not owners:
                continue  # (a shorter tail may still be a part of a name)
            short = part + head.group(0)
            owner = next(iter(owners))
            if len(owners) == 1 and short not in known and _own_words(part) \
                    and any(_holds(form, part, head.group(0)) for form in spellings[owner]) \
                    and not _NAME_GOES_ON_AFTER.match(text, head.end()) \
                    and 0 <= first_named[owner] < head.start() - len(part):
                found.setdefault(short, set()).add(owner)
            break  # (the longest part a name holds: a shorter one would be as ambiguous or less)
    out: dict[str, list[str]] = {}
    for short, owners in found.items():
        if len(owners) == 1:
            out.setdefault(next(iter(owners)), []).append(short)
    return out


def _bare(spelling: str) -> str:
    """A spelling without quotes and its leading year, as the short forms drop it."""
    bare = QUOTES.sub("", spelling)
    return NAME_YEAR.sub("", bare, count=1) if NAME_YEAR.match(bare) else bare


def _holds(form: str, part: str, head: str) -> bool:
    """Does the name hold the part and, after it, the head word (its own 工程 or 项目)?"""
    at = form.find(part)
    return at >= 0 and form.find(head, at + len(part)) >= 0


def _own_words(part: str) -> bool:
    """Is the part more than the words most names share ('建设管理', '项目建设')?"""
    return len(_generic_words().sub("", part)) >= 2 and not re.match(r"[该本此其各上]", part)
