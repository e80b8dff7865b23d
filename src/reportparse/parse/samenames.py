"""One project under two names in a narrative report's registry of names.

A report may name a project once by the words of its heading and again, in the part's first sentence, by its
official name ('（一）馆藏档案全文数字化转化经费项目' / '市档案馆馆藏档案全文数字化加工项目于2010年6月经市人民政府批准
立项'), or name its fund in the title by other words of its source than the prose does ('2022年中央支持地方公共
文化服务体系建设补助资金' / '2022年中央补助地方公共文化服务体系建设专项资金'). The two names share a long run of their
core words; read apart, one of them would be a second project that holds nothing, or that takes the other's score.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from itertools import pairwise

from reportparse.lazypattern import lazy_compile
from reportparse.parse.layout import Layout
from reportparse.parse.names import ProjectName, Registry, strip_name, valid_candidate

#: the fewest characters a heading's name and the part's restatement share in a row (a place or a fund word
#: alone is no core)
_SHARED_CORE = 6
#: … and a title's fund and the prose's one project
_SHARED_FUND_CORE = 10


def restated_under_heading(layout: Layout, registry: Registry, is_project_heading: Callable[[str], object]) -> None:
    """A project part's first sentence that names the heading's project again by another name (the two sharing
    their core words) adds a spelling of that project rather than a project of its own. (`is_project_heading`: does
    a heading's title name a project, as the narrative reader tells.)"""
    headed = {id(p) for info in layout.paras if info.heading and (p := registry.find(info.title)) is not None}
    for heading, first in pairwise(layout.paras):
        if not heading.heading or first.heading or not is_project_heading(heading.title):
            continue
        owner = registry.find(heading.title)
        opened = next((p for p in registry.projects if p is not owner and id(p) not in headed
                       and any(first.para.text.startswith(s) for s in p.spellings)), None)
        if owner is None or opened is None or _shared(heading.title, opened.canonical()) < _SHARED_CORE:
            continue
        for spelling, weight in opened.spellings.items():
            owner.add(spelling, weight)
        registry.projects.remove(opened)


def same_fund(registry: Registry, stated: str) -> ProjectName | None:
    """The one project the prose names that is the title's fund under other words of its source or kind."""
    if len(registry.projects) != 1:
        return None
    only = registry.projects[0]
    return only if _shared(stated, only.canonical()) >= _SHARED_FUND_CORE else None


def _shared(first: str, second: str) -> int:
    """The longest run of characters two names share (without their 项目)."""
    a, b = strip_name(first), strip_name(second)
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


#: short names given to several projects at once, in the order the names were written: '“A”和“B”两个项目（以下分别
#: 简称“a”和“b”）'
_RESPECTIVE_SHORTS = lazy_compile(
    r"[(（](?:以下|下文)?分别简称(?:为)?[:：]?\s*(?P<shorts>“[^“”]{2,20}”(?:\s*(?:和|、|及|与|，|,)\s*“[^“”]{2,20}”)+)")


def respective_abbreviations(texts: list[str], registry: Registry) -> None:
    """Each short name a sentence gives its projects at once ('A和B（以下分别简称“a”和“b”）') is a spelling of the
    project named in the same place before it, the first short of the first name."""
    for text in texts:
        for found in _RESPECTIVE_SHORTS.finditer(text):
            shorts = re.findall(r"“([^“”]+)”", found.group("shorts"))
            before = text[:found.start()].rsplit("。", 1)[-1]
            fulls = [p for name in re.findall(r"“([^“”]+)”", before) if (p := registry.find(name)) is not None]
            if len(fulls) < len(shorts):
                continue
            for project, short in zip(fulls[-len(shorts):], shorts, strict=True):
                held = registry.find(short)
                if held is not None and held is not project and held in registry.projects:
                    for spelling, count in held.spellings.items():
                        project.add(spelling, count)
                    registry.projects.remove(held)
                if valid_candidate(short):
                    project.add(short)
                # (the full name stays the project's name, however often the report then writes the short one)
                full = max(project.spellings, key=len)
                project.add(full, max(project.spellings.values()))
