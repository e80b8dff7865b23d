"""Is a text a budget-performance self-evaluation, or a part of one? The test before the not-a-report refusal.

A whole report names its genre (绩效自评, 评价报告, 整体支出 …). A part of one cut from its page often does not,
and is still what a reviewer checks:

- the completion section of a report: '1.产出指标：完成校舍维修1200平方米' and '2.满意度指标：师生满意度98%';
- its conclusion: '综合得分87.5分，评价等级为良', or its scores by level ending '合计93分';
- its money paragraph: '下达资金120万元，已支付118万元，支付率98.3%';
- the goal block of a form: 年度总体目标 | 预期目标 | 实际完成情况;
- any page of it, by the template's own section headings: '五、评价结论及建议', '（二）项目效益情况'.

Each kind is evidence on its own; their words are the data of `lexicon/genre_words.json`. What has none is
refused: a recipe, a novel, an indicator library (levels with no figure), a news item (the labels inside its
sentences), a 决算 explanation (money with no measure of it against a budget, or a text whose first lines say
it is the accounts), a regulation that speaks of 绩效评价 in general and from which nothing is read.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.parse.reading import reading_copy

#: a list number before a line's label: '1.', '（2）', '三、', '①'
_LIST_NUMBER = lazy_compile(r"^(?:[(（]?[一二三四五六七八九十\d]{1,2}[)）.、．]|[①-⑳])\s*")
#: lines read at the head of a text for what it says it is (its title, a cover line)
_HEAD_LINES = 3


@cache
def _lexicon() -> dict[str, Any]:
    data: dict[str, Any] = lexicon("genre_words.json")
    return data


@cache
def _pattern(kind: str, key: str) -> LazyPattern:
    value = _lexicon()[kind][key]
    return lazy_compile("|".join(f"(?:{p})" for p in value) if isinstance(value, list) else value)


def _folded(text: str) -> str:
    """The reading copy without spaces (a PDF dump may space every character: 绩 效 自 评)."""
    return re.sub(r"\s+", "", reading_copy(text))


def names_the_genre(texts: list[str]) -> bool:
    """Does the text use the genre's own words (绩效自评, 绩效评价, 自评报告, 整体支出 …)?"""
    pattern = _pattern("genre", "patterns")
    return any(pattern.search(_folded(t)) for t in texts)


def reads_as_performance_text(lines: list[str]) -> bool:
    """Is this text (its lines: a paragraph's lines, a table's cells) a self-evaluation or a part of one?"""
    folded = [_folded(line) for line in lines if line and line.strip()]
    return (names_the_genre(folded) or _prints_form_labels(folded) or _reports_goal_levels(folded)
            or _states_scores(folded) or _measures_spending(folded) or _has_report_headings(folded))


def _prints_form_labels(lines: list[str]) -> bool:
    """Two different labels only a 自评表 prints (年度总体目标 and 实际完成情况; 全年预算数 and 全年执行数)."""
    pattern = _pattern("form_labels", "patterns")
    found = {m.group(0) for line in lines for m in pattern.finditer(line)}
    return len(found) >= int(_lexicon()["form_labels"]["min"])


def _reports_goal_levels(lines: list[str]) -> bool:
    """Two different level labels used as a line's label, one of them with a figure on its line."""
    label, figure = _pattern("goal_levels", "label"), _pattern("goal_levels", "figure")
    labels: set[str] = set()
    figured = False
    for line in lines:
        text = _LIST_NUMBER.sub("", line)
        # (at the line's start; after a clause's end, '…达到100%；可持续影响指标…'; or before a colon mid-line,
        # '（二）效益指标：…' after a heading's words)
        named = [m for m in label.finditer(text) if m.start() == 0 or text[m.start() - 1] in "；;。"
                 or text[m.end():m.end() + 1] in (":", "：")]
        labels.update(m.group(0) for m in named)
        figured = figured or any(figure.search(text, m.end()) for m in named)
    return figured and len(labels) >= int(_lexicon()["goal_levels"]["min"])


def _states_scores(lines: list[str]) -> bool:
    """A score stated with the evaluation's words on its line, or a stated grade (评价等级为良)."""
    score, context = _pattern("scores", "score"), _pattern("scores", "context")
    grade = _pattern("scores", "grade")
    return any((score.search(line) and context.search(line)) or grade.search(line) for line in lines)


def _measures_spending(lines: list[str]) -> bool:
    """A budget amount, a spent amount and a measure of them on one line, in a text that is no 决算."""
    accounts = _pattern("measured_spending", "accounts")
    if any(accounts.search(line) for line in lines[:_HEAD_LINES]):
        return False
    budget, spent = _pattern("measured_spending", "budget"), _pattern("measured_spending", "spent")
    measure = _pattern("measured_spending", "measure")
    return any(budget.search(line) and spent.search(line) and measure.search(line) for line in lines)


def _has_report_headings(lines: list[str]) -> bool:
    """Two different section headings of the report template (五、评价结论及建议; （二）项目效益情况)."""
    number, pattern = _pattern("headings", "number"), _pattern("headings", "patterns")
    found = {m.group(0) for line in lines if len(line) <= _HEADING_LENGTH and number.match(line)
             for m in pattern.finditer(line)}
    return len(found) >= int(_lexicon()["headings"]["min"])


#: longest line read as a section heading (its number and title, no sentence after it)
_HEADING_LENGTH = 30


def reads_as_rules(lines: list[str]) -> bool:
    """Is the text a regulation (a 管理办法, 实施细则): lines opened by its articles and chapters (第一条, 第二章)?"""
    article = _pattern("rules", "article")
    return sum(1 for line in lines if article.match(_folded(line))) >= int(_lexicon()["rules"]["min"])


def reads_as_blank_template(lines: list[str]) -> bool:
    """Is the text a blank template or writing outline of the genre (a 范本, a 编写提纲, an empty 项目名称 field,
    XX where a body is named)? Two different kinds of marker, one of them strong: a filled report's cover
    prints '年 月 日' and '(盖章)' too, and names its project."""
    kinds = _lexicon()["blank_template"]
    folded = [_folded(line) for line in lines if line and line.strip()]
    found: set[tuple[str, int]] = set()
    for strength in ("strong", "weak"):
        for index, pattern in enumerate(kinds[strength]):
            compiled = re.compile(pattern)
            if any(compiled.search(line) for line in folded):
                found.add((strength, index))
    return len(found) >= int(kinds["min"]) and any(strength == "strong" for strength, _ in found)
