"""Headings, sections and level words of a narrative report.

Report writers number their headings in a handful of ways (一、 / （一） / 1、 / (1) / 第三部分) or
just put a short line without punctuation. A heading's words say which part of the report
follows (overview, goals, funds, conclusion, analysis, problems); inside the analysis, short
headings name a project or a level (预算执行, 产出, 效益, 满意度).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportparse.lazypattern import lazy_compile
from reportparse.model import Paragraph

#: the marks that open a list's items without a number of their own: circled and bracketed numbers and numerals
#: (①, ⑴, ⒈, ㈠, ㊀) and bullets (●, •, ◆)
LIST_MARK = "[①-⑳⑴-⒇⒈-⒛㈠-㈩㊀-㊉●•◆◇■▪►▶★☆]"

_NUMBERING = [
    (1, lazy_compile(r"^\s*第[一二三四五六七八九十百\d]+(?:部分|章|节|篇)\s*[、.．:：]?\s*")),
    (1, lazy_compile(r"^\s*[一二三四五六七八九十]+\s*[、.．:：]\s*")),
    (2, lazy_compile(r"^\s*[（(]\s*[一二三四五六七八九十]+\s*[)）]\s*[、.．]?\s*")),
    (2, lazy_compile(r"^\s*\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?!\d)\s*[、.．]?\s*")),  # 3.2 绩效分析
    (3, lazy_compile(r"^\s*\d{1,2}\s*[、.．](?!\d)\s*")),
    (4, lazy_compile(r"^\s*[（(]\s*\d{1,2}\s*[)）]\s*[、.．]?\s*")),
    (4, lazy_compile(rf"^\s*{LIST_MARK}\s*")),
]
#: an optional list-item number before a label or a name: 1、 / 2. / （3） / 四、 / ① / ⒈
ITEM_NUMBER = rf"(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*|{LIST_MARK}\s*)?"
_PROJECT_LINE = lazy_compile(r"^项目(?:名称|[一二三四五六七八九十\d]+)\s*[:：]\s*[^，。；;,]{2,40}$")
_SENTENCE_PUNCT = lazy_compile(r"[。；;！？!?]")
#: the longest a numbered title closed by a full stop is ('(二)项目绩效目标。')
_CLOSED_TITLE = 16
#: what a part's title ends in ('项目绩效目标', '绩效评价工作情况', '存在的问题及原因', '下一步改进措施'), where an
#: item's words end in a verb's object ('加强资金管理')
PART_TOPIC = lazy_compile(r"(?:情况|概况|目标|分析|结论|结果|问题|原因|建议|措施|对策|意见|简介|背景|步骤|过程)$")
#: a bracket closing a line, with what it holds
_CLOSING_BRACKET = lazy_compile(r"[（(][^()（）]*[)）]\s*$")

#: (section kind, heading words), first match wins
_SECTION_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("problems", ("问题", "不足", "改进", "建议", "下一步", "打算", "整改")),
    ("conclusion", ("自评结论", "评价结论", "总体评价", "总体结论", "综合评价", "自评得分", "自评结果",
                    "评价结果")),
    ("analysis", ("完成情况", "实现情况", "绩效分析", "指标分析", "目标完成")),  # 绩效目标完成情况分析
    ("goals", ("绩效目标", "目标任务", "年度目标")),  # (民生工程 reports: 一、目标任务)
    ("analysis", ("绩效分析", "指标完成", "目标完成", "目标实现", "指标分析", "绩效情况", "完成情况",
                  "实现情况", "绩效评价", "评价情况", "具体分析", "分析")),
    ("funds", ("资金使用", "资金管理", "资金情况", "资金安排", "资金投入", "资金到位", "资金执行", "经费使用",
               "经费管理", "预算执行", "预算安排", "财务管理")),
    ("overview", ("概况", "基本情况", "项目简介", "基本性质", "项目情况", "项目背景")),
]

#: level words → level path, longest first (used by headings, labels and score sentences)
LEVEL_WORDS: list[tuple[str, str]] = [
    ("预算执行情况", "预算执行"), ("预算执行率", "预算执行"), ("预算执行", "预算执行"),
    ("资金执行", "预算执行"),
    ("服务对象满意度", "满意度"), ("群众满意度", "满意度"), ("满意度", "满意度"),
    ("社会效益", "效益/社会效益"), ("经济效益", "效益/经济效益"), ("生态效益", "效益/生态效益"),
    ("可持续影响力", "效益/可持续影响"), ("可持续影响", "效益/可持续影响"), ("可持续效益", "效益/可持续影响"),
    ("可持续发展", "效益/可持续影响"),
    ("数量", "产出/数量"), ("质量", "产出/质量"), ("时效", "产出/时效"), ("进度", "产出/时效"),
    ("成本", "产出/成本"),
    ("产出", "产出"), ("效益", "效益"), ("效果", "效益"), ("成效", "效益"),
]


def numbering(text: str) -> tuple[int, str]:
    """The heading level of a numbering prefix (0 when none) and the text without it."""
    for level, pattern in _NUMBERING:
        m = pattern.match(text)
        if m:
            return level, text[m.end():].strip()
    return 0, text.strip()


_SENTENCE_MARK = lazy_compile(r"[。，,；;：:]")


#: a label, a colon and only a figure after it: '政府采购执行率：96.4%', '项目资金：50万元'
_LABELLED_FIGURE = lazy_compile(r"[:：]\s*[≥≤>＞<＜=]?\s*\d+(?:\.\d+)?\s*(?:%|％|万元|元|亿元)\s*$")


def heading_level(para: Paragraph) -> int:
    """0 when the paragraph is body text; else 1–4 (numbered) or 5 (a short unpunctuated line)."""
    text = para.text.strip()
    if not text or len(text) > 45:
        return 0
    level, rest = numbering(text)
    if _PROJECT_LINE.match(rest):
        return level or 2  # 项目名称：X / 项目一：X opens that project's part
    # (a bracket that closes the line may hold commas of its own: '(一)项目立项(分值10分,自评得10分)' is a heading)
    bare = _CLOSING_BRACKET.sub("", rest) if level else rest
    # (a numbered title that a writer closed with a full stop, '(二)项目绩效目标。', '1.绩效评价工作情况。': a heading
    # when its words name a part of the report; a short item, '1.加强管理。', names none and stays a sentence)
    closed = bare[:-1] if level and bare.endswith("。") and len(bare) <= _CLOSED_TITLE else bare
    if closed != bare and (section_kind(closed) is None or heading_level_path(closed) is not None
                           or not PART_TOPIC.search(closed)):
        closed = bare
    bare = closed
    if _SENTENCE_PUNCT.search(bare) or "，" in bare or "," in bare:
        return 0  # a numbered sentence ('1.预算执行情况：分值10分，得分9.8分。'), not a heading
    if _LABELLED_FIGURE.search(bare):
        return 0  # a labelled value ('1.政府采购执行率：96.4%'), a line of a list, not a heading
    if level:
        return level
    if para.style == "heading":
        return 2
    if len(text) <= 30 and not _SENTENCE_MARK.search(text):
        return 5
    return 0


@lru_cache(maxsize=2048)
def section_kind(title: str) -> str | None:
    """The section a heading opens, from its words; None when the words say nothing. A self-score the heading
    carries in brackets ('二、预算执行情况(自评得分10分)') is the part's score, not its kind."""
    title = _SCORE_BRACKET.sub("", title) or title
    for kind, words in _SECTION_WORDS:
        if any(w in title for w in words):
            return kind
    return None


#: a heading's own score in brackets at its end: '(自评得分10分)', '（得分：18.5分）', '(20分)', with its grade or
#: without its 分, '(自评得分90分，等级优)', '（自评得分：18.5）'
_SCORE_BRACKET = lazy_compile(r"[（(][^()（）]{0,12}?(?:\d+(?:\.\d+)?\s*分|(?:得分|评分|分值)\s*[:：为]?\s*\d)"
                              r"[^()（）]{0,12}[)）]\s*$")


@lru_cache(maxsize=2048)
def level_of(text: str) -> str | None:
    """The level path named by a heading, label or table cell (产出/数量 ...); None if none."""
    t = re.sub(r"\s+", "", text)
    for word, path in LEVEL_WORDS:
        if word in t:
            return path
    return None


@lru_cache(maxsize=2048)
def heading_level_path(title: str) -> str | None:
    """The level a short analysis heading names (2、产出（50 分）→ 产出), when it is only that."""
    core = re.sub(r"[（(][^）)]*[)）]", "", title)
    core = re.sub(r"(指标|情况|目标|分析|完成|及|和|的|\s|[：:])", "", core)
    # ('(3)实效指标': writers often type 时效 as its homophone 实效; only a heading that is the level word alone
    # is read so, never a sentence's '取得实效')
    core = re.sub(r"^实效$", "时效", core)
    path = level_of(core)
    if path is None:
        return None
    # the heading must be little more than the level word itself
    word = next(w for w, p in LEVEL_WORDS if w in core and p == path)
    return path if len(core) <= len(word) + 3 else None


def heading_weight(title: str) -> str | None:
    """The weight written in a heading, 产出（50 分） → '50'."""
    m = re.search(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]", title)
    return m.group(1) if m else None
