"""Which project a goal paragraph of a report on several projects is about when it names none but an area of
work: '(1)失业保险工作方面。2023年度失业保险参保总人数21347人…' in a report whose projects are 失业保险政策宣传,
城乡就业工作经费 and 就业专项资金 (主要用于专项培训…). A careful reader gives the paragraph to the one project
whose name, or the purpose its listing line states, shares the area's own words, and to none where two
projects share them alike or the area is a part of every report (预算执行方面). Read for parse/goalprose.py:
the paragraph's goals go to that project; the linking of results (parse/actuals.py) is left as it was, so
that no figure of another paragraph is taken for these goals' results.

Words are in lexicon/goal_areas.json (area endings, purpose leads, the report's own areas).
"""

from __future__ import annotations

import re
from functools import cache

from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Project
from reportparse.parse.indicatorwords import keywords
from reportparse.parse.names import GENERIC
from reportparse.parse.sections import ITEM_NUMBER


@cache
def _area_label() -> re.Pattern[str]:
    """'(1)失业保险工作方面。' / '二是培训服务方面：' / '在城乡就业工作方面，': the area's subject in `area`."""
    data = lexicon("goal_areas.json")
    return re.compile(rf"^\s*{ITEM_NUMBER}(?:[一二三四五六七八九十]是)?\s*(?:在|从)?"
                      rf"(?P<area>[\u4e00-\u9fff“”\"]{{2,14}}?)(?:{alternation(data['area_endings'])})"
                      r"\s*(?:[。．：:，,]|$)")


@cache
def _purpose_lead() -> re.Pattern[str]:
    return re.compile(alternation(lexicon("goal_areas.json")["purpose_leads"]))


def area_label(text: str) -> tuple[str, int] | None:
    """The area a paragraph (or heading) opens by and where its label ends, if it opens by one that is no part
    of every report."""
    m = _area_label().match(text)
    if m is None:
        return None
    area = m.group("area").strip("“”\"")
    if any(area == word or area.startswith(word) for word in lexicon("goal_areas.json")["report_areas"]):
        return None
    return area, m.end()


def is_area_title(title: str) -> bool:
    """Is a heading the title of an area of work ('(一)孕产妇健康管理方面'), which no project is named by? Not one
    that ends in 工作 ('(一)禁毒宣传工作' may be a project's own title)."""
    m = _area_label().match(title)
    return m is not None and not title[m.end():].strip() and not title.rstrip("。．：:，, ").endswith("工作")


#: a body paragraph that opens a numbered item ('(2)2023年…', '2、…'): the next item after an area's label line
_ITEM_START = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[一二三四五六七八九十]是)")
#: the rank of an area's label line among headings: deeper than all, so that any heading ends its scope
_BODY_RANK = 99


class AreaOwners:
    """Which project each paragraph of a report on several projects is about by its area of work, read in the
    order of the text: a paragraph that opens by an area is about the project the area names; an area heading
    holds for what stands under it (deeper headings too, '(一)失业保险方面' then '1、数量指标'), an area's label
    line of its own ('(1)失业保险工作方面。') for the paragraphs after it up to the next item or heading."""

    def __init__(self, projects: dict[str, Project]) -> None:
        self.projects = projects
        self.carried: str | None = None
        self.rank: int | None = None  # the heading rank the carried area was given at

    def owner(self, heading: int, title: str, text: str) -> str | None:
        if heading:
            label = area_label(title)
            if label is not None:
                self.carried, self.rank = area_owner(label[0], self.projects), heading
            elif self.rank is None or heading <= self.rank:
                self.carried, self.rank = None, None  # (a sibling or higher heading ends the area's part)
            return self.carried
        label = area_label(text)
        if label is None:
            if self.rank == _BODY_RANK and _ITEM_START.match(text):
                self.carried, self.rank = None, None  # (the next item after a label line: its own subject)
            return self.carried
        owner = area_owner(label[0], self.projects)
        if not text[label[1]:].strip():
            self.carried, self.rank = owner, _BODY_RANK
        elif self.rank == _BODY_RANK:
            self.carried, self.rank = None, None
        return owner


def _purpose(project: Project) -> str:
    """What the line listing the project says its money is for ('…5万元，主要用于开展城乡就业工作；')."""
    for evidence in project.evidence[:1]:
        lead = _purpose_lead().search(evidence.text or "")
        if lead is not None:
            return re.split(r"[，,；;。]", evidence.text[lead.end():], maxsplit=1)[0]
    return ""


def area_owner(area: str, projects: dict[str, Project]) -> str | None:
    """The one project whose name or stated purpose shares the most of the area's own two-character words,
    at least twice as many as any other project shares (城乡就业: 城乡就业工作经费 shares three, 就业专项资金
    one); none where no project shares any, or two share them alike."""
    words = keywords(area)
    head = _head(area)
    if not words or head is None:
        return None
    own = {name: keywords(p.name) | keywords(_purpose(p)) for name, p in projects.items()}
    shared = sorted(((len(words & project_words), name) for name, project_words in own.items()), reverse=True)
    if not shared or shared[0][0] == 0 or head not in own[shared[0][1]]:
        return None  # (农业保险 is no area of 农业技术推广: the word an area is about, its last, must be shared)
    runner_up = shared[1][0] if len(shared) > 1 else 0
    return shared[0][1] if shared[0][0] >= 2 * runner_up and shared[0][0] > runner_up else None


def _head(area: str) -> str | None:
    """The word an area is about: its last two characters once generic words (工作, 服务, 管理) are cut off its
    end ('培训服务' → 培训, '孕产妇健康管理' → 健康)."""
    cut = True
    while cut:
        cut = False
        for word in GENERIC:
            if len(word) >= 2 and area.endswith(word) and len(area) - len(word) >= 2:
                area, cut = area[:-len(word)], True
    return area[-2:] if area[-2:] in keywords(area) else None
