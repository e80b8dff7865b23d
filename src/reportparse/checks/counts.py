"""Counts that do not add up: the arithmetic a reviewer does by hand on the report's own sentences.

Two shapes, each within one paragraph of the prose:
- a stated total and its two halves: '共实施项目15个 … 年初批复预算8个项目 … 年中增加8个项目' (8 + 8 ≠ 15);
- a counted list: '直属事业单位10个：A、B、…、I。' naming 9 (scoring-rules P17: 文字前后不符).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import only_project_name
from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Finding
from reportparse.normalise.numbers import chinese_to_decimal

if TYPE_CHECKING:
    import regex

_NUMBER = r"(\d{1,4}|[一二两三四五六七八九十]{1,3})"
#: nouns that a count of things in a self-evaluation counts (项目, 单位, 股室 …), written after 个 or before the number
_NOUN = r"(项目|单位|子项目|事业单位|乡镇|村|学校|股室|科室|网点|站点|场所)"
#: (the patterns of `re` below are bounded alternations and single classes: linear in the paragraph, no timeout)
_COUNT = lazy_compile(rf"(?:{_NOUN}(?:有|共|计)?)?{_NUMBER}个{_NOUN}?")
#: a safety net: a pattern that runs longer than this on one paragraph is a check failure (a noted problem)
PATTERN_TIMEOUT = 2.0
_CLAUSE_END = lazy_compile(r"[，,。；;：:（）()]")
_SENTENCE_END = lazy_compile(r"[，,。；;]")
_LOOK_BACK = 40
_TOTAL_WORD = lazy_compile(r"(?:共|共计|合计|总计|总共)(?:实施|有|计|安排|涉及|纳入)?[^，,。；;]{0,16}$")
_INITIAL_WORD = lazy_compile(r"年初")
_ADDED_WORD = lazy_compile(r"(?:增加|新增|追加|调增|补充)")
_LIST_SPLIT = lazy_compile(r"、|和|及")
_COMMA_SPLIT = lazy_compile(r"、|和|及|[，,]")
#: the longest a named item of a counted list is, when a comma may separate it from the one before
_SHORT_NAME = 12
#: what a paragraph holds when `_counted_list` can match in it: 个, and a colon or 分别/包括/即 after it
_LIST_MARKS = ("：", ":", "分别", "包括", "即")


@cache
def _counted_list() -> regex.Pattern[str]:
    """'直属事业单位10个：A、B…': the counted list, a pattern of the `regex` package (`\\p{Han}`, and a
    timeout for its lazy Han run before an unbounded list). The package (8 ms to import, its compile
    slower than `re`'s) is imported when a paragraph first can match, not by every check."""
    import regex

    return regex.compile(
        rf"(?P<noun>\p{{Han}}{{2,8}}?)(?:有|共|计)?(?P<n>{_NUMBER})个(?P<after>\p{{Han}}{{0,6}})\s*"
        r"(?:[:：]\s*(?:分别(?:为|是)|包括|即)?|[，,]?\s*(?:分别(?:为|是)|包括|即)\s*[:：]?)\s*(?P<list>[^。；;:：]+)")


@dataclass(frozen=True)
class Count:
    """'N个<noun>' in a paragraph: the count, its noun, where it stands and the role its clause gives it."""

    value: Decimal
    noun: str
    start: int
    end: int
    role: str  # total | initial | added | other


def _value(text: str) -> Decimal | None:
    return Decimal(text) if text.isdigit() else chinese_to_decimal(text)


def _open_bracket_at(text: str) -> list[bool]:
    """For every offset, whether a bracket opened before it is still open ('(含…5个)'): one pass."""
    inside, depth = [], 0
    for char in text:
        inside.append(depth > 0)
        if char in "（(":
            depth += 1
        elif char in "）)" and depth:
            depth -= 1
    return inside


def _counts(text: str) -> list[Count]:
    """Every 'N个<noun>' / '<noun>N个' in a paragraph, with the role its clause gives it (linear in the text)."""
    found: list[Count] = []
    if "个" not in text:
        return found  # every count is 'N个'
    clause_ends = [m.end() for m in _CLAUSE_END.finditer(text)]
    in_brackets = _open_bracket_at(text)
    for match in _COUNT.finditer(text):
        noun = match.group(1) or match.group(3)
        value = _value(match.group(2))
        if not noun or value is None:
            continue
        index = bisect_left(clause_ends, match.start() + 1) - 1
        # the words that give a count its role sit in its clause, close before it: a bounded look back
        clause_start = max(clause_ends[index] if index >= 0 else 0, match.start() - _LOOK_BACK)
        before = text[clause_start:match.start() + (len(match.group(1) or ""))]
        if in_brackets[match.start()]:
            role = "other"  # '(含2023年转列项目5个)': a part named inside a bracket, not a half
        elif _TOTAL_WORD.search(text[clause_start:match.start(2)]):
            role = "total"
        elif _ADDED_WORD.search(before):
            role = "added"
        elif _INITIAL_WORD.search(before):
            role = "initial"
        else:
            role = "other"
        found.append(Count(value, noun, match.start(), match.end(), role))
    return found


def _quote(evidence: Evidence, text: str, start: int, end: int) -> Evidence:
    """The paragraph's evidence narrowed to the clause that states one count."""
    clause_start = max(text.rfind(mark, 0, start) for mark in "，,。；;") + 1
    after = _SENTENCE_END.search(text, end)
    return evidence.model_copy(update={"text": text[clause_start:after.start() if after else len(text)].strip()})


@register("count-sum-mismatch")
def halves_do_not_add_up(ctx: CheckContext) -> Iterator[Finding]:
    """A stated total count against the counts at the start of the year and added during it."""
    for paragraph in ctx.report.narrative_text:
        text = paragraph.text
        counts = _counts(text)
        for noun in {c.noun for c in counts}:
            roles: dict[str, list[Count]] = {}
            for count in counts:
                if count.noun == noun:
                    roles.setdefault(count.role, []).append(count)
            if any(len(roles.get(role, [])) != 1 for role in ("total", "initial", "added")):
                continue  # only an unambiguous total, start-of-year and added count are a sum
            total, initial, added = roles["total"][0], roles["initial"][0], roles["added"][0]
            if initial.value + added.value == total.value:
                continue
            yield new_finding(
                "count-sum-mismatch",
                f"{noun}数量前后不符：年初 {initial.value} 个 + 年中增加 {added.value} 个 = "
                f"{initial.value + added.value} 个，而报告称共 {total.value} 个",
                indicator=f"{noun}数量", expected=initial.value + added.value, actual=total.value,
                evidence=[_quote(paragraph, text, c.start, c.end) for c in (total, initial, added)],
            )


@register("count-sum-mismatch")
def list_shorter_than_its_count(ctx: CheckContext) -> Iterator[Finding]:
    """'直属事业单位10个：A、B、…' naming another number of items than it counts."""
    for paragraph in ctx.report.narrative_text:
        text = paragraph.text
        if "个" not in text or not any(mark in text for mark in _LIST_MARKS):
            continue  # no counted list can be here
        for listed in _counted_list().finditer(text, timeout=PATTERN_TIMEOUT):
            value = _value(listed.group("n"))
            body = listed.group("list").strip()
            if value is None or value < 2:
                continue
            if body.endswith("等") or re.search(r"等\d*个?$", body) or re.search(r"\d", body):
                continue  # '…等' is an open list; figures mean prose, not a list of names
            items = [item.strip() for item in _LIST_SPLIT.split(body) if item.strip()]
            if len(items) < 2 or len(items) == value or any(len(item) > 30 for item in items):
                continue
            # a comma standing for 、 between two of the names ('…、综合科,垃圾填埋场'): the list, counted with
            # it, has as many short names as the count says
            with_commas = [item.strip() for item in _COMMA_SPLIT.split(body) if item.strip()]
            if len(with_commas) == value and all(len(item) <= _SHORT_NAME for item in with_commas):
                continue
            if len(_semicolon_items(text, listed.start("list"))) == value:
                continue  # ('三个目标：A、B；C、D；E': items set off by ；, each a pair of aims joined by 、)
            noun = listed.group("after") or listed.group("noun")
            yield new_finding(
                "count-sum-mismatch",
                f"报告称{noun} {value} 个，其后列出的名称为 {len(items)} 个",
                indicator=f"{noun}数量", expected=Decimal(len(items)), actual=value,
                evidence=[_quote(paragraph, text, listed.start(), listed.end())],
            )


def _semicolon_items(text: str, start: int) -> list[str]:
    """The items of a list from `start` to the sentence's end, set off by ；: [] when it holds no ；."""
    end = text.find("。", start)
    body = text[start:end if end >= 0 else len(text)]
    if not re.search(r"[；;]", body):
        return []
    return [item for item in re.split(r"[；;]", body) if item.strip()]


# ------------------------------------------------------------------------------------------
# '共建设和安装设备共16954套(台、块、项)，其中：总平台558套；…；前端设备14666台(套)；…'
# ------------------------------------------------------------------------------------------

#: the measure words a count of things is written with ('台次' before '台': uses are not things). Not people
#: nor households (人, 名, 户): their parts are often kinds that overlap ('培训820人，其中妇女300人，党员200人…'),
#: where parts of things (by platform, by township, by type) are disjoint
_MEASURE = r"台次|个|套|台|件|块|项|处|座|所|家|辆|艘|架|只|条|张|册|本|场|批|间|栋|盏|根|棵|株|口|眼|部|宗"
_MEASURED = lazy_compile(rf"(?<![\d.])(\d{{1,9}})\s*({_MEASURE})(?!次)")
_COUNT_TOTAL = lazy_compile(r"(?:共|共计|合计|总计|总共)[^，,。；;：:]{0,20}$")
#: what may stand between a stated total and the 其中 that opens its parts: a bracket of other measure
#: words ('16954套(台、块、项)，其中：') and punctuation
_TO_PARTS = lazy_compile(r"(?:[(（][^()（）]{0,12}[)）])?\s*[，,。；;]?\s*其中\s*[:：，,]?")
_PARTS_STOP = lazy_compile(r"。|其中|此外|另外|另有")
_IN_BRACKETS = lazy_compile(r"[(（][^()（）]*[)）]")
_GROUP_MARK = lazy_compile(r"[、/]")


def _measure_group(measure: str, bracket: str) -> set[str]:
    """The measure words one count is written in: its own and those its bracket adds ('套(台、块、项)')."""
    inside = bracket.strip("()（） ")
    return {measure, *(word for word in _GROUP_MARK.split(inside) if word and len(word) <= 2)}


@register("count-sum-mismatch")
def parts_exceed_their_total(ctx: CheckContext) -> Iterator[Finding]:
    """A stated total count ('共…16954套') whose 其中 parts, counted in the same measure words, add up to
    more than it. Parts can list only some of a total, so only an excess is a finding; parts that make
    the total exactly and go on after a clause break are a second breakdown of the same things."""
    owner = only_project_name(ctx.report)
    for paragraph in ctx.report.narrative_text:
        text = paragraph.text
        if "其中" not in text:
            continue
        for total in _MEASURED.finditer(text):
            clause_start = max(text.rfind(mark, 0, total.start()) for mark in "，,。；;：:") + 1
            if not _COUNT_TOTAL.search(text[clause_start:total.start()]):
                continue
            opened = _TO_PARTS.match(text, total.end())
            if opened is None:
                continue
            stop = _PARTS_STOP.search(text, opened.end())
            if stop is None or text[stop.start()] != "。":
                continue  # an unfinished list, or one a nested 其中 interrupts
            bracket = text[total.end():opened.start() + opened.group(0).find("其中")]
            group = _measure_group(total.group(2), bracket)
            region = text[opened.end():stop.start()]
            bracketed = [m.span() for m in _IN_BRACKETS.finditer(region)]
            parts = [m for m in _MEASURED.finditer(region) if not any(a <= m.start() < b for a, b in bracketed)]
            same = [m for m in parts if m.group(2) in group]
            stated = Decimal(total.group(1))
            values = [Decimal(m.group(1)) for m in same]
            if len(same) < 2 or len(same) != len(parts) or any(v >= stated for v in values):
                continue
            if _exact_then_more(stated, values, region, same):
                continue
            summed = sum(values, Decimal(0))
            if summed <= stated:
                continue
            yield new_finding(
                "count-sum-mismatch",
                f"报告称共 {stated}{total.group(2)}，其中各项 {' + '.join(str(v) for v in values)} = {summed}，"
                f"多于所称合计",
                project=owner, indicator=f"{total.group(2)}数", expected=summed, actual=stated,
                evidence=[paragraph.model_copy(update={"text": text[clause_start:stop.start() + 1].strip()})],
            )


def _exact_then_more(stated: Decimal, values: list[Decimal], region: str, parts: list[re.Match[str]]) -> bool:
    """The first parts make the total exactly and a clause break opens a second breakdown of it."""
    running = Decimal(0)
    for cut in range(1, len(values)):
        running += values[cut - 1]
        if running == stated:
            return bool(re.search(r"[；;]", region[parts[cut - 1].end():parts[cut].start()]))
    return False
