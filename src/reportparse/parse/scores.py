"""Claimed section scores written in prose: 分值/得分 sentences and weighted headings.

A paragraph is cut at every level word that is followed by score wording (产出指标分值…,
数量指标（15 分）…, 满意度得分…); each piece gives that level's weight (分值/权重/满分/（N 分）)
and score (得分, or the weight minus 扣 N 分). A level word of the second rank (数量, 满意度 …)
belongs to the first-rank level the paragraph opened before 其中, or to the level heading it
sits under. Pieces merge by level into one ScoreLine per project and level.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import cache
from itertools import pairwise

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Evidence, Project, ScoreLine
from reportparse.normalise import fold_width
from reportparse.parse.evidence import span_evidence, split_sentences, sub_paragraph
from reportparse.parse.layout import Layout, ParaInfo
from reportparse.parse.projectmentions import find_mentions
from reportparse.parse.sections import ITEM_NUMBER, LEVEL_WORDS
from reportparse.scoring import FRAMEWORK_FIRST_LEVELS, canonical_grade

_N = r"(\d+(?:\.\d+)?)"
#: the first-level indicators of an evaluation's own framework (财预〔2020〕10号: 决策, 过程, 产出, 效益; a
#: department's 投入, 过程, 产出, 效果; some provinces' 项目决策, 项目管理, 项目绩效), scored in prose
#: ('项目决策得8分', '投入 14分，过程 18分'): each keeps the report's own word, but 项目产出/项目效益 are 产出/效益.
#: (项目绩效 holds 产出 and 效益 and is left out: its children would be counted twice among the levels.)
_FRAMEWORK_LEVELS: list[tuple[str, str]] = [
    ("项目决策", "项目决策"), ("部门决策", "部门决策"), ("决策", "决策"),
    ("项目过程", "项目过程"), ("过程", "过程"), ("项目管理", "项目管理"), ("投入", "投入"),
    ("项目产出", "产出"), ("项目效益", "效益"),
]
_SCORE_LEVELS = [*_FRAMEWORK_LEVELS, *LEVEL_WORDS]


def _alternation(words: list[tuple[str, str]]) -> str:
    return "|".join(re.escape(w) for w, _ in sorted(words, key=lambda x: len(x[0]), reverse=True))


_LEVEL_SUFFIX = r"(?:类)?(?:指标|目标)?(?:完成)?(?:情况)?(?:分析)?[”\"」]?"
#: score wording right after a level word: 分值/得分/得 N 分/（N 分）…
_EXPLICIT_SCORE = (rf"\s*[:：]?\s*(?:的)?(?:分值|权重|满分|总分|自评得分|得分|评分|得\s*{_N}\s*分(?!钟)"
                   rf"|[（(]\s*{_N}\s*分|[（(]\s*(?:分值|权重|满分))")
_BARE_SCORE = rf"\s*[:：为]?\s*{_N}\s*分(?!钟)"
_ANCHOR = lazy_compile(
    rf"(?P<word>{_alternation(LEVEL_WORDS)}){_LEVEL_SUFFIX}(?={_EXPLICIT_SCORE}|{_BARE_SCORE})"
    # (a framework word with a bare 'N 分' only where a clause ends after it, '投入 14分，过程 18分': in a form's
    # text run together, '项目决策 2 分 决策依据 2 2', the figure is a column's, weight or score)
    rf"|(?P<frame>{_alternation(_FRAMEWORK_LEVELS)}){_LEVEL_SUFFIX}"
    rf"(?={_EXPLICIT_SCORE}|{_BARE_SCORE}\s*(?:[，,；;。、]|$))"
)


def _anchor_word(m: re.Match[str]) -> str:
    return m.group("word") or m.group("frame")
_TOTAL = lazy_compile(
    # ('…开展了绩效自评，得分为 90 分': the evaluation's score, written after a comma)
    # (not '指标评价得分 7 分' / '指标自评得分': one indicator's or one item's score, not the evaluation's)
    rf"(?:自评)?(?:总得分|自评总分|综合得分|综合评分|(?<!指标)自评得分|最终得分|(?<!指标)评价得分"
    rf"|(?:自评|评价)[，,]\s*(?:综合)?得分"
    # ('经评价，该项目得分为91分', '本项目最终得分95分': the project's own score)
    rf"|(?:本|该)项目(?:的)?(?:绩效)?(?:评价|考核)?(?:最终|综合|总)?得分"
    # ('本项目综合绩效得分为91.80分', '综合绩效评价得分': the evaluation's whole, the 综合 before 绩效)
    rf"|(?<!指标)综合绩效(?:评价)?(?:得分|评分)"
    # (other writers' words for the whole score: '最终评分为92分', '总体评分', '自评分数', '考核得分' (not an
    # indicator's), '绩效评价结果：得分92分', '总分100分，得分96分')
    rf"|最终评分|总体(?:得分|评分)|总评分|评价总分|自评分数|(?<!指标)考核得分"
    rf"|(?:评价|自评|考核)结果\s*[:：为]?\s*(?:综合)?得分|总分(?:为)?\s*100\s*分\s*[，,；;]\s*(?:实际|自评)?得分"
    rf"|(?<![指目])(?:自评|评价)分)"  # ('因此评价分100分', '绩效自评分为85分'; not '…指标评价分')
    # (the full marks may stand in brackets before the figure: '自评得分（满分100分）为95分')
    rf"\s*(?:[（(]\s*(?:满分|总分|百分制)[^（()）]{{0,10}}[)）])?"
    rf"\s*(?:为|是|:|：)?\s*{_N}\s*分(?!钟)"
)
#: a total printed without its unit at the end of a listing ('…服务对象满意度15分，总得分90，') or as a form's
#: header field with the unit in its label ('自评总分（分）97.6'): only the unambiguous total words, and never a
#: percentage or a longer number
_TOTAL_NO_UNIT = lazy_compile(rf"(?:自评)?(?:总得分|自评总分|综合得分)\s*(?:[（(]分[)）])?\s*(?:为|是|:|：)?\s*{_N}"
                              rf"(?![\d.%％分])")
#: the whole evaluation's score after a list of levels ('…满意度15分，总得分90'); not 自评得分/评价得分, which
#: also give a level's own score ('产出指标满分 50 分，自评得分 48 分')
_OVERALL = lazy_compile(rf"(?:总得分|自评总分|综合得分|综合评分|最终得分|最终评分|总体得分|总体评分|总评分)"
                        rf"\s*(?:为|是|:|：)?\s*{_N}(?![\d.%％])")
#: a listed total: '…满意度指标 10 分，合计 98 分' (not '分值合计 100 分', a sum of weights)
_SUM_TOTAL = lazy_compile(rf"(?<!分值)(?<!权重)(?<!满分)(?:合计|总计|共计)(?:得分)?\s*(?:为|:|：)?\s*{_N}\s*分(?!钟)")
_WEIGHT = lazy_compile(rf"(?:分值|权重|满分|总分值)\s*(?:为|是|:|：)?\s*{_N}|[（(]\s*{_N}\s*分\s*[)），,]")
_SCORE = lazy_compile(rf"(?:得分|评分)\s*(?:为|是|:|：)?\s*{_N}\s*分?|得\s*{_N}\s*分")
_FULL_MARKS = lazy_compile(r"(?:总分|满分|总分值)\s*(?:为|是|:|：)?\s*(100(?:\.0+)?)\s*分")
_BARE_WEIGHT = lazy_compile(rf"\s*[:：为]?\s*{_N}\s*分(?!钟)")
_BRACKETED_WEIGHT = lazy_compile(rf"\s*[（(]\s*(?:分值|满分|权重|总分值)\s*(?:为|:|：)?\s*{_N}\s*分\s*[)）]")
_DEDUCT = lazy_compile(rf"扣(?:除|减)?\s*{_N}\s*分")
#: ('绩效等级为(良)': a grade may stand in brackets as in quotation marks)
_GRADE_WORD = r"[“\"「（(]?(优秀|优|良好|良|中等|中|合格|及格|差|不合格|较差)[”\"」）)]?"
#: what may follow a stated grade: the end of its clause, or 等级/等次 after it ('评定为优秀等次。'); not
#: '的 5 个' (a count of graded projects, '等次为“优秀”的5个') nor a longer word ('评定为“合格工程”')
_GRADE_END = r"(?=\s*(?:等级|等次|档次|级)?\s*(?:[，,。；;、：:（()）\s]|$))"
_GRADE = lazy_compile(
    r"(?:评价|自评|绩效)?(?:等级|等次|级别)\s*(?:为|评定为|:|：|是)?\s*" + _GRADE_WORD + _GRADE_END
    # (the result of the evaluation named as such: '自评结果为“优秀”', '评价结果为优', '评定为优秀等次')
    + r"|(?:(?:自评|评价|考核|绩效评价|综合评价)(?:结果|结论)|(?:绩效)?评级|(?<!验收)(?<!复核)评定)\s*(?:为|是|:|：)\s*"
    + _GRADE_WORD + _GRADE_END
    # ('自评得分93分，为“优”等次': the grade word before its 等次)
    + r"|(?:为|属于|达到|评为)\s*[“\"「]?(优秀|优|良好|良|中等|中|差|较差)[”\"」]?\s*(?=等次|等级|档次)"
)
_PATHS = dict(_SCORE_LEVELS)
#: a labelled statement: '（1）数量指标（15 分）：…'
_LABEL = lazy_compile(
    rf"^\s*{ITEM_NUMBER}(?P<word>{_alternation(_SCORE_LEVELS)})(?:指标|目标)?"
    rf"(?:完成情况)?\s*(?:[（(]\s*(?:分值|权重|满分)?\s*{_N}\s*分\s*[)）])?\s*[:：]"
)
_TRAILING_SCORE = lazy_compile(
    rf"(?:得分|得|评分)\s*(?:为|:|：)?\s*{_N}\s*分\s*[。；;]?\s*$|扣(?:除|减)?\s*{_N}\s*分\s*[。；;]?\s*$"
)
#: the weight said in the clause right before a closing score ('…，该指标分值10分，得分10分。', '满分 5 分，得 4 分')
_WEIGHT_BEFORE_TRAILING = lazy_compile(rf"(?:分值|权重|满分)\s*(?:为|是|:|：)?\s*{_N}\s*分\s*[，,；;]?\s*$")
#: the paragraph lists claimed scores before this point: '自评得分 95 分。其中：…' / '各项得分为：'
_LISTING = lazy_compile(
    r"得分.{0,40}?其中|得分(?:情况)?(?:如下|为|分别为)?[:：]"
)
_TOP = {"产出", "效益", "预算执行", "满意度"}
#: a numbered item that states one indicator's target and result before its score
_INDICATOR_ITEM = lazy_compile(rf"^\s*{ITEM_NUMBER}[^。]*?(?:目标值|指标值)[^。]*?(?:完成值|实际值|完成情况)")


#: a heading that names the total and nothing else ('（一）自评得分', '1.综合评分：'): its figure is the
#: next paragraph's ('100分。')
_TOTAL_HEADING = lazy_compile(
    rf"^\s*{ITEM_NUMBER}(?:项目)?(?:绩效)?(?:自评得分|自评总分|综合得分|综合评分|自评分数|总得分)(?:情况)?\s*[:：]?\s*$"
)
_HEADED_TOTAL = lazy_compile(rf"^\s*(?:为|是|:|：)?\s*{_N}\s*分(?![钟制值])")  # (not '100分制…', the scale)


def extract_scores(layout: Layout, projects: dict[str, Project]) -> None:
    """Find every claimed score in the paragraphs and add it to its project's ScoreLines."""
    only = next(iter(projects)) if len(projects) == 1 else None
    names = [(p.name, p.aliases) for p in projects.values()]
    headed = False  # the paragraph before was a heading naming the total only
    for info in layout.paras:
        for part, project_name in _parts_by_project(info, only, names):
            project = projects[project_name]
            for line in paragraph_scores(part):
                merge_score(project, line)
            _total_and_grade(part, project)
            if headed:
                _headed_total(part, project)
        headed = _TOTAL_HEADING.match(fold_width(info.para.text)) is not None
    for project in projects.values():
        _satisfaction_under_benefit(project)
        _total_on_the_scale(project)




def _total_on_the_scale(project: Project) -> None:
    """A total claimed in prose without its full marks ('最终绩效评价总得分91.8分') is out of the framework's 100
    (scoring rules: 总分一般设置为100分), as every evaluation states it; a total above 100 is on no such scale."""
    for line in project.scores:
        if line.level == "总分" and line.weight is None and line.score is not None and line.score <= 100:
            line.weight = Decimal(100)


def _satisfaction_under_benefit(project: Project) -> None:
    """In the 决策/过程/产出/效益 framework 满意度 is a second level of 效益 (财预〔2020〕10号 共性指标框架;
    the older 投入/过程/产出/效果 likewise): a 满意度 scored beside such levels is part of 效益's score, not a
    first level of its own (项目决策 10 + 项目管理 25 + 产出 30 + 效益 35 = 100, with 满意度 10 inside 效益)."""
    levels = {line.level for line in project.scores}
    if not levels & FRAMEWORK_FIRST_LEVELS or "效益" not in levels:
        return
    moved = [line for line in project.scores if line.level == "满意度" or line.level.startswith("满意度/")]
    for line in moved:
        project.scores.remove(line)
        merge_score(project, line.model_copy(update={"level": f"效益/{line.level}"}))


def _headed_total(info: ParaInfo, project: Project) -> None:
    """'（一）自评得分' then '100分。': the paragraph under a total's heading opens with its figure."""
    text = fold_width(info.para.text)
    m = _HEADED_TOTAL.match(text)
    if m:
        merge_score(project, ScoreLine(level="总分", weight=None, score=Decimal(m.group(1)),
                                  evidence=[_evidence(info, m.start(1), m.end())]))


def _parts_by_project(info: ParaInfo, only: str | None,
                      names: list[tuple[str, list[str]]]) -> list[tuple[ParaInfo, str]]:
    """The paragraph with its project; or, outside any project's part, each sentence naming one project
    ('A项目自评得分 95 分；B项目自评得分 98 分')."""
    if info.project or only:
        return [(info, info.project or only or "")]
    found = {n for _, _, n in find_mentions(info.para.text, names)}
    if len(found) == 1:
        return [(info, found.pop())]
    out: list[tuple[ParaInfo, str]] = []
    for start, end in split_sentences(info.para):
        named = {n for _, _, n in find_mentions(info.para.text[start:end], names)}
        if len(named) == 1:
            part = sub_paragraph(info.para, start, end)
            out.append((replace(info, para=part), named.pop()))
        elif named:
            # ('A项目自评得分96分，B工程自评得分91分。': one sentence, a clause run for each project it names)
            for run_start, run_end, name in _clause_runs(info.para.text, start, end, names):
                out.append((replace(info, para=sub_paragraph(info.para, run_start, run_end)), name))
    return out


_CLAUSE_BREAK = lazy_compile(r"[，,]")


def _clause_runs(text: str, start: int, end: int, names: list[tuple[str, list[str]]]) -> list[tuple[int, int, str]]:
    """The runs of a sentence's clauses that each name one project: a run opens at a clause naming a project and
    goes on through the clauses after it that name none; a clause naming two ('A项目和B项目均得95分') is no one's."""
    cuts = [start, *(m.end() for m in _CLAUSE_BREAK.finditer(text, start, end)), end]
    runs: list[tuple[int, int, str]] = []
    for clause_start, clause_end in pairwise(cuts):
        named = {n for _, _, n in find_mentions(text[clause_start:clause_end], names)}
        if len(named) == 1:
            runs.append((clause_start, clause_end, named.pop()))
        elif named:
            runs.append((clause_start, clause_end, ""))  # (a clause of two projects closes the run before it)
        elif runs and runs[-1][2]:
            runs[-1] = (runs[-1][0], clause_end, runs[-1][2])
    return [run for run in runs if run[2]]


def paragraph_scores(info: ParaInfo) -> list[ScoreLine]:
    """The ScoreLines one paragraph claims, with level paths and evidence."""
    text = fold_width(info.para.text)
    anchors = [(m.start(), m.end(), _path(_anchor_word(m))) for m in _ANCHOR.finditer(text)]
    out: list[ScoreLine] = []
    first = anchors[0][0] if anchors else len(text)
    if info.level and (_WEIGHT.search(text[:first]) or _SCORE.search(text[:first])) and "满分" in text[:first]:
        anchors.insert(0, (0, 0, info.level))  # 满分 10 分，得分 9.5 分 under a level heading
    label = _LABEL.match(text)
    if not anchors and label and _TRAILING_SCORE.search(text):
        anchors.append((label.start("word"), label.start("word"), _path(label.group("word"))))
        return [line for line in _labelled_score(info, text, label, anchors[0][2])]
    parent: str | None = None
    for i, (start, end, path) in enumerate(anchors):
        stop = anchors[i + 1][0] if i + 1 < len(anchors) else len(text)
        # '…满意度15分，总得分90': the total closes the list; its figure is the report's, not the level's
        total = _OVERALL.search(text, end, stop)
        piece = text[end:total.start() if total else stop]
        # a run of bare '<level> N 分' items summed up by a total after them lists scores, not weights
        summed = len(anchors) >= 3 and _OVERALL.search(text, end) is not None
        weight, score, used = _weight_score(piece, scores_listed=summed or _LISTING.search(text[:start]) is not None)
        trailing = _TRAILING_SCORE.search(text) if len(anchors) == 1 and score is None else None
        if trailing and trailing.start() >= end + used:
            # '数量指标（15 分）：建成 1.25 万亩，得 15 分。': the statement closes with its score
            value = Decimal(trailing.group(1) or trailing.group(2))
            said = _WEIGHT_BEFORE_TRAILING.search(text, end + used, trailing.start())
            if weight is None and said:
                weight = Decimal(said.group(1))
            if not trailing.group(0).startswith("扣"):
                score = value
            elif weight is not None:
                score = weight - value
            used = trailing.end() - end
        if weight is None and score is None:
            continue
        full = _full_path(path, parent, info.level, "其中" in text[:start] or "其中" in text[:end])
        if path in _TOP and parent is None:
            parent = path
        out.append(ScoreLine(level=full, weight=weight, score=score,
                             evidence=[_evidence(info, start, end + used)]))
    return out


def _labelled_score(info: ParaInfo, text: str, label: re.Match[str], path: str) -> list[ScoreLine]:
    """'（1）数量指标（15 分）：建成 1.25 万亩，得 15 分。' — the statement ends with its level's score."""
    m = _TRAILING_SCORE.search(text)
    if m is None:
        return []
    weight_match = _WEIGHT.search(label.group(0))
    weight = Decimal(weight_match.group(1) or weight_match.group(2)) if weight_match else None
    said = _WEIGHT_BEFORE_TRAILING.search(text, label.end(), m.start())
    if weight is None and said:
        weight = Decimal(said.group(1))  # '（1）培训人数：…，分值10分，得分10分。'
    score = Decimal(m.group(1) or m.group(2))
    if m.group(0).startswith("扣"):
        if weight is None:
            return []
        score = weight - score
    full = _full_path(path, None, info.level, False)
    return [ScoreLine(level=full, weight=weight, score=score, evidence=[_evidence(info, 0, m.end())])]


def _path(word: str) -> str:
    return _PATHS[word]


_LEVEL_TITLE = lazy_compile(rf"^(?P<word>{_alternation(_SCORE_LEVELS)})(?:类)?(?:指标|目标)?$")


def level_path(title: str) -> str | None:
    """The level path of a heading's title that is only a level's name ('投入', '产出指标', '项目管理'), else None."""
    m = _LEVEL_TITLE.match(re.sub(r"\s+", "", title))
    return _path(m.group("word")) if m else None


def _full_path(path: str, parent: str | None, heading: str | None, after_qizhong: bool) -> str:
    """Nest 满意度 under 效益 when the report does (其中 after 效益, or a 效益 heading)."""
    if path != "满意度":
        return path
    if (parent == "效益" and after_qizhong) or (heading or "").startswith("效益"):
        return "效益/满意度"
    return path


def _weight_score(piece: str, scores_listed: bool = False) -> tuple[Decimal | None, Decimal | None, int]:
    """Weight and score in the text after a level word; and how far into it they reach.

    A bare 'N 分' is the weight when a score follows ('产出指标 50 分，得 48 分'), but the score when
    the paragraph is listing scores ('自评得分 95 分，其中产出指标 48 分').
    """
    weight = score = None
    used = 0
    w = _WEIGHT.search(piece)
    bare = _BARE_WEIGHT.match(piece)
    first_score = _SCORE.search(piece)
    bracket = _BRACKETED_WEIGHT.match(piece, bare.end()) if bare else None
    if bare and bracket:
        # 产出指标 40 分（分值 50 分）: the bare figure is the score, the bracket gives the weight
        weight, score = Decimal(bracket.group(1)), Decimal(bare.group(1))
        return weight, score, bracket.end()
    if not bare and first_score and first_score.start() <= 8 and (w is None or first_score.start() < w.start()):
        pass  # 产出指标得分 48 分（满分 50 分）: the score comes first
    elif w and w.start() <= 8:
        weight = Decimal(w.group(1) or w.group(2))
        used = w.end()
    elif bare:
        weight = Decimal(bare.group(1))  # 产出指标 50 分，得分 48 分
        used = bare.end()
    s = _SCORE.search(piece, used)
    if s and s.start() - used <= 12 and not piece[s.start():s.start() + 3].startswith("得分率"):
        score = Decimal(s.group(1) or s.group(2))
        used = s.end()
        late = _WEIGHT.match(piece[used:].lstrip("，,（( "))
        bracket = _BRACKETED_WEIGHT.match(piece, used)
        if weight is None and bracket:
            weight = Decimal(bracket.group(1))  # 得分 48 分（分值 50 分）
            used = bracket.end()
        elif weight is None and late and "满分" in late.group(0):
            weight = Decimal(late.group(1))  # 得分 48 分（满分 50 分）
            used = len(piece) - len(piece[used:].lstrip("，,（( ")) + late.end()
    if bare and weight is not None and score is None and scores_listed and used == bare.end():
        weight, score = None, weight
    d = _DEDUCT.search(piece, used)
    if score is None and weight is not None and d and d.start() - used <= 20:
        score = weight - Decimal(d.group(1))
        used = d.end()
    while used and used < len(piece) and piece[used] in "分）)。；;，,":
        used += 1
    return weight, score, used


def _evidence(info: ParaInfo, start: int, end: int) -> Evidence:
    """Evidence for a score span, without trailing separators."""
    text = info.para.text
    while end > start and text[end - 1] in "，,；; ":
        end -= 1
    return span_evidence(info.para, start, end)


#: quotes kept for one score line (a real report states a line in a handful of places)
MAX_LINE_EVIDENCE = 32


def merge_score(project: Project, line: ScoreLine) -> None:
    """Add a ScoreLine to a project, merging with an existing line of the same level."""
    for existing in project.scores:
        if existing.level == line.level:
            if existing.weight is None:
                existing.weight = line.weight
            if existing.score is None:
                existing.score = line.score
            for e in line.evidence:
                # a line quoted more often than this is a pasted-over report: the first quotes say it all,
                # and comparing each new quote with every kept one would grow with the square of the text
                if len(existing.evidence) < MAX_LINE_EVIDENCE and e not in existing.evidence:
                    existing.evidence.append(e)
            return
    project.scores.append(line)


@cache
def _scope_words(kind: str) -> re.Pattern[str]:
    return re.compile(alternation(lexicon("score_scope.json")[kind]))


def _said_of(text: str, at: int, kind: str) -> bool:
    """Does the sentence before a total name another evaluation (`kind` other_evaluator: 财政重点评价, 第三方) or
    another year (other_year: 上年) than the unit's own self-evaluation of this year?"""
    sentence = re.split(r"[。；;！!]", text[:at])[-1]
    return bool(_scope_words(kind).search(sentence))


def _total_and_grade(info: ParaInfo, project: Project) -> None:
    """The 总分 (自评得分/综合得分 …) and stated grade a paragraph gives."""
    text = fold_width(info.para.text)
    # (a total said of another evaluation, '经财政部门重点评价，该项目得分91分', is not the self-evaluation's where
    # the paragraph gives that one too; in an evaluation report, '第三方机构最终绩效评价总得分91.8分' is its total)
    totals = [t for t in _TOTAL.finditer(text) if not _said_of(text, t.start(), "other_year")]
    m = next((t for t in totals if not _said_of(text, t.start(), "other_evaluator")), totals[0] if totals else None) \
        or _TOTAL_NO_UNIT.search(text)
    if m is None and re.search(r"得分|评分", text):
        m = _SUM_TOTAL.search(text)  # '自评得分：预算执行 10 分、产出指标 48 分…，合计 98 分'
    if m and _INDICATOR_ITEM.search(text[:m.start()]):
        m = None  # '3.X发放率，年初目标值=100%，实际完成值=100%，自评得分20分': one indicator's score
    # (a level word right before the total makes it that level's score, '满意度得分 9 分'; one in the clause
    # before the comma does not, '…满意度15分，总得分90')
    window = re.split(r"[，,；;。]", text[max(0, m.start() - 8):m.start()])[-1] + text[m.start():m.end()] if m else ""
    if m and not _ANCHOR.search(window):
        full = _FULL_MARKS.search(text)
        weight = Decimal(full.group(1)) if full else None
        merge_score(project, ScoreLine(level="总分", weight=weight, score=Decimal(m.group(1)),
                                  evidence=[_evidence(info, m.start(), m.end())]))
    g = _GRADE.search(text)
    if g and project.grade is None:
        project.grade = canonical_grade(next(word for word in g.groups() if word))
