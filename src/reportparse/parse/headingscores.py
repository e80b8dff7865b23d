"""Scores claimed item by item under weighted headings, summed up the heading tree.

Some evaluations are written along their indicator framework, each heading carrying its weight and each
item closing with its own score, never a level's total:

    一、投入(14分)
    (一)项目立项(8分):
    (1)项目立项(2分)
    …程序完整、执行规范。自评得2分。
    (2)项目预算规范性(3分):
    …自评得3分。
    (二)资金落实(6分):
    …资金到位率100%。自评得6分。

A heading's score is then the sum of its items' scores: 项目立项 2 + 3 + 3 = 8, 投入 8 + 6 = 14. It is
claimed only where every item under it carries a score and the items' weights add up to the heading's own
(an excerpt cut inside a heading, or an item the report does not score, leaves the heading without one). An
item's score is the first one its text states (a later '自评得3分' under the same item restates it). The first
rank of headings must name a level of the framework (投入, 过程, 产出, 效益 …); the lines are given for it and
for the rank under it, as `parse/scores` names their levels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Project, ScoreLine
from reportparse.normalise import fold_width
from reportparse.parse.evidence import span_evidence
from reportparse.parse.layout import Layout
from reportparse.parse.scores import level_path, merge_score
from reportparse.parse.sections import ITEM_NUMBER, numbering

#: a heading that is a name and its weight: '(一)项目立项(8分):', '1.产出指标（50分）'; the bracket may give the
#: heading's own claimed score after its weight: '(一)项目立项(分值10分,自评得10分)', '2.过程(20分,得分19分)'
_WEIGHTED = lazy_compile(
    rf"^\s*{ITEM_NUMBER}(?P<title>[^（()）：:，,。；;\d]{{2,20}}?)\s*[（(]\s*(?:分值|权重|满分)?\s*[:：]?\s*"
    r"(?P<weight>\d+(?:\.\d+)?)\s*分\s*"
    r"(?:[,，;；、]\s*(?:自评|实际|评价)?(?:得分|得|评分)\s*(?:为|[:：])?\s*(?P<score>\d+(?:\.\d+)?)\s*分\s*)?"
    r"[)）]\s*[:：。]?\s*$"
)
#: a paragraph that opens with a numbered item of the scoring sheet, its weight and its claimed score, its account
#: following: '(一)项目立项。分值10分,自评10分。项目是…', '一、项目投入情况。分值20分(自评20分)'
_OPENING_CLAIM = lazy_compile(
    rf"^\s*{ITEM_NUMBER}(?P<title>[^（()）：:，,。；;\d]{{2,20}}?)\s*[。：:，,]\s*(?:分值|权重|满分)\s*[:：]?\s*"
    r"(?P<weight>\d+(?:\.\d+)?)\s*分\s*[,，;；、]?\s*[(（]?\s*(?:自评|评价)(?:得分|得)?\s*(?:为|[:：])?\s*"
    r"(?P<score>\d+(?:\.\d+)?)\s*分\s*[)）]?\s*(?:[。；;]|$)"
)
#: the words around a level's name in such an item's title ('项目投入情况' is 投入)
_TITLE_FRAME = lazy_compile(r"^项目(?=..)|(?:情况|方面)$")
#: an item's own score closing a sentence: '…执行规范。自评得2分。', '得分3分', '扣1分'
_ITEM_SCORE = lazy_compile(
    r"(?:自评)?(?:得分|得|评分)\s*(?:为|:|：)?\s*(?P<score>\d+(?:\.\d+)?)\s*分(?=\s*(?:[。；;]|$))"
    r"|扣(?:除|减)?\s*(?P<deduct>\d+(?:\.\d+)?)\s*分(?=\s*(?:[。；;]|$))"
)


@dataclass
class _Node:
    depth: int
    title: str
    weight: Decimal
    evidence: Evidence
    children: list[_Node] = field(default_factory=list)
    score: Decimal | None = None
    scored_by: Evidence | None = None
    #: the score the heading itself claims in its bracket: what the report says, whatever its items add up to
    stated: Decimal | None = None

    def total(self) -> Decimal | None:
        """The node's score: the one its heading claims, its own item's, or its items' sum when every item is
        scored and their weights add up."""
        if self.stated is not None:
            return self.stated
        if not self.children:
            return self.score
        scores = [child.total() for child in self.children]
        if any(s is None for s in scores) or sum(c.weight for c in self.children) != self.weight:
            return None
        return sum((s for s in scores if s is not None), Decimal(0))


def apply_heading_scores(layout: Layout, projects: dict[str, Project]) -> None:
    """Add the summed scores of a weighted heading tree to the project the headings are about."""
    only = next(iter(projects)) if len(projects) == 1 else None
    roots: list[tuple[_Node, str]] = []  # (first-rank heading, its project)
    stack: list[_Node] = []
    for info in layout.paras:
        text = fold_width(info.para.text)
        weighted = _WEIGHTED.match(text) if info.heading else None
        # (a numbered item that opens with its weight and claimed score, its account run on after them, is a heading
        # of the sheet's tree at its number's rank)
        opening = _OPENING_CLAIM.match(text) if weighted is None else None
        depth = info.heading or (numbering(text)[0] if opening is not None else 0)
        weighted = weighted or opening
        if depth:
            while stack and stack[-1].depth >= depth:
                stack.pop()
        if weighted is not None and depth:
            node = _Node(depth, weighted.group("title").strip(), Decimal(weighted.group("weight")),
                         span_evidence(info.para, 0, len(info.para.text)))
            if weighted.group("score") is not None:
                node.stated = node.score = Decimal(weighted.group("score"))
            owner = info.project or only
            if stack:
                stack[-1].children.append(node)
            elif owner is not None and _level(node.title) is not None:
                roots.append((node, owner))
            else:
                continue  # (a weighted heading of no framework level, or of no project: nothing to sum into)
            stack.append(node)
        elif not depth and stack and not stack[-1].children and stack[-1].score is None:
            item = _ITEM_SCORE.search(text)
            if item is not None:
                leaf = stack[-1]
                leaf.score = Decimal(item.group("score")) if item.group("score") else \
                    leaf.weight - Decimal(item.group("deduct"))
                leaf.scored_by = span_evidence(info.para, item.start(), item.end())
    for root, owner in roots:
        path = _level(root.title) or root.title
        _claim(projects[owner], root, path)
        for child in root.children:
            child_path = _child_path(child.title, path)
            _claim(projects[owner], child, child_path)
            for third in child.children:
                if third.stated is not None:  # (a third rank is claimed only where its own heading claims it)
                    _claim(projects[owner], third, f"{child_path}/{third.title}")


def _level(title: str) -> str | None:
    """The level a first-rank title names, alone or framed by the sheet's words ('项目投入情况' → 投入)."""
    return level_path(title) or level_path(_TITLE_FRAME.sub("", title))


#: the first levels of an evaluation framework that some frameworks also use as a second-rank item's name
#: ('二、过程(分值32分)' / '(一)项目管理(分值22分)' of the 投入/过程/产出/效果 framework)
_FIRST_RANK = frozenset({"项目决策", "部门决策", "决策", "项目过程", "过程", "项目管理", "投入"})


def _child_path(title: str, parent: str) -> str:
    """A second-rank heading's level path: its own level's where it names one of the second rank, else its title
    under its parent's (a first level's name under another first level is an item of that level)."""
    own = level_path(title)
    if own is None or (own in _FIRST_RANK and own != parent):
        return f"{parent}/{title}"
    return own


def _claim(project: Project, node: _Node, path: str) -> None:
    score = node.total()
    if score is None or (score > node.weight and node.stated is None):
        return  # (a sum above the weight is a misread item; a heading's own claim is what the report says)
    evidence = [node.evidence, *_leaf_evidence(node)]
    if "/" in path:
        # the same heading read on its own as a first level ('(一)项目管理(分值22分,…)' outside its tree): it is
        # this item of its parent, not a level of its own
        project.scores = [line for line in project.scores if not (
            line.level == path.rpartition("/")[2] and line.weight == node.weight and line.score == score
            and any((e.page, e.line) == (node.evidence.page, node.evidence.line) for e in line.evidence))]
    merge_score(project, ScoreLine(level=path, weight=node.weight, score=score, evidence=evidence))


def _leaf_evidence(node: _Node) -> list[Evidence]:
    if not node.children:
        return [node.scored_by] if node.scored_by is not None else []
    return [e for child in node.children for e in _leaf_evidence(child)]

