"""Goals written as labelled lines instead of a table.

Many reports list their indicators in the 绩效目标 section as prose lines, one per level:
'数量指标：培训人次≥500人次，实际完成520人次。', '1.质量指标：合格率100%。',
'数量指标：演出场次≥150场；乡镇覆盖数≥20个'. The level word before the colon gives the level;
each item (split at ；) is an indicator name followed by its target, which starts at the first
comparator or number; an optional '实际（完成/为）X' clause is the result the line reports.
Items whose target has no number are left alone (a qualitative aim is not a measurable goal row).
A per-period rate followed by the year's total ('每季度不少于1次，合计不少于4次') targets the total.
A label may stand alone on its line, its colon closing it, with its items on the next line ('数量指标：' then
'新建蓄水池2座；改造泵站1处。'), as a page that set each label apart prints it; and the group's label may run
into the level's ('1、产出指标数量指标：…'), where the level's word after it gives the level.

Wherever it stands but in the problems, a labelled line may also be a goal table's row written out with its outcome
in words: '质量指标：确保天桥质量，已完成；', '数量指标：道路建设491米，已完成'. The aim is one clause after the label,
the outcome one done word (`done_words` of lexicon/stated_goals.json): the aim is the indicator (named by its words,
or by those before its one figure, which is its target) and the done word its result in words.
"""

from __future__ import annotations

import re
from functools import cache

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Actual, Indicator, Paragraph, Project
from reportparse.normalise import find_quantities, parse_target
from reportparse.parse.evidence import span_evidence
from reportparse.parse.form.labels import is_column_label
from reportparse.parse.goalwords import clean_name, figures
from reportparse.parse.layout import Layout
from reportparse.parse.sections import ITEM_NUMBER, LEVEL_WORDS, level_of

_LEVEL_ALT = "|".join(re.escape(w) for w, _ in sorted(LEVEL_WORDS, key=lambda x: len(x[0]), reverse=True))
#: the group labels (产出, 效益, 满意度 …), whose label may run into the level's: '产出指标数量指标：'
_GROUP_ALT = "|".join(re.escape(w) for w, path in sorted(LEVEL_WORDS, key=lambda x: len(x[0]), reverse=True)
                      if "/" not in path and path != "预算执行")
#: ('1.数量指标6个：A 6个、B 1659吨/年': the count of the level's indicators may stand before the colon)
_LABEL = lazy_compile(rf"\s*{ITEM_NUMBER}(?:(?:{_GROUP_ALT})(?:类)?(?:指标|目标))?"
                      rf"(?P<word>(?:{_LEVEL_ALT})(?:类)?(?:指标|目标)?)"
                      r"(?:\s*\d{1,3}\s*[个项条])?\s*[:：]\s*")
_TARGET_START = lazy_compile(r"[≥≤＞＜><=＝]|不低于|不少于|不高于|不超过|不大于|不小于|控制在|达到|\d")
_ACTUAL = lazy_compile(r"[，,]\s*(?:全年|年度)?实际(?:完成(?:值)?|达到|为|值)?\s*(?:为|是|[:：])?\s*")
_ITEM_SPLIT = lazy_compile(r"[；;]")
#: '宣传次数每季度不少于1次，合计不少于4次': a per-period rate and the year's total; the total is the target
_PER_PERIOD = lazy_compile(r"每(?:个)?(?:季度|月|年|周|半年|学期|天|日)$")
#: '…比例3项指标均达到年度目标': a count of the indicators the names before it are, no target of theirs
_INDICATOR_COUNT = lazy_compile(r"\d{1,2}\s*[项个]\s*指标")
_TOTAL = lazy_compile(r"[，,]\s*(?:合计|共计|累计|总计|全年|年度)\s*")


def apply_goal_lines(layout: Layout, projects: dict[str, Project]) -> None:
    """Add the indicators that goal lines of the 绩效目标 section state to their project."""
    only = next(iter(projects)) if len(projects) == 1 else None
    alone: str | None = None  # a level label the paragraph before held alone ('数量指标：')
    for info in layout.paras:
        label_before, alone = alone, _label_alone(info.para.text) if info.section == "goals" else None
        # (a short line under a label alone is its item, not a title: '补助资金拨付及时率≥95%')
        under_label = label_before is not None and alone is None and info.heading == _UNNUMBERED_TITLE
        if info.section != "goals" or (info.heading and not under_label):
            continue
        owner = info.project or only
        if owner is None or owner not in projects:
            continue
        project = projects[owner]
        lines = _lines(info.para)
        if label_before is not None and alone is None:
            lines = [*_under_label(info.para, label_before, lines), *lines]
        for line_start, line in lines:
            for indicator in _line_indicators(info.para, line, line_start):
                if not any(i.name == indicator.name for i in project.indicators):
                    project.indicators.append(indicator)


#: the heading level of a short line with no numbering (parse/sections.heading_level)
_UNNUMBERED_TITLE = 5


def _label_alone(text: str) -> str | None:
    """The level label a paragraph holds and nothing else ('数量指标：', '（一）产出指标数量指标:'), its colon
    closing it; None for any other paragraph, and for the budget's label (its figures are the funds readers')."""
    label = _LABEL.fullmatch(text.strip())
    if label is None or level_of(label.group("word")) in (None, "预算执行"):
        return None
    return label.group(0).strip()


def _under_label(para: Paragraph, label: str, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The goal line a label standing alone above opens: the label and this paragraph's first sentence, up to
    where a label of its own starts a line; its offset is where the items start in this paragraph less the
    label's length, so each item's evidence is its own span here."""
    end = lines[0][0] if lines else len(para.text)
    body = para.text[:end].split("。")[0].replace("\n", "").strip()
    if not body:
        return []
    line = label + body
    opened = _LABEL.match(line)
    if opened is None or opened.end() != len(label):
        return []
    return [(len(para.text[:end]) - len(para.text[:end].lstrip()) - len(label), line)]


def _lines(para: Paragraph) -> list[tuple[int, str]]:
    """(offset, text) of each goal line of a paragraph. A goal line starts with its level label at the
    start of a physical line or after 。 and runs to the next such start (a text dump may have joined
    several unpunctuated lines into one paragraph, or wrapped one line onto the next)."""
    text = para.text
    breaks = {0, *(start for start, _ in para.spans), *(m.end() for m in re.finditer("。", text))}
    starts = sorted(b for b in breaks if b < len(text) and _LABEL.match(text, b))
    out: list[tuple[int, str]] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        line = text[start:end].split("。")[0]
        out.append((start, line.replace("\n", "")))
    return out


def _line_indicators(para: Paragraph, line: str, offset: int) -> list[Indicator]:
    """The indicators one labelled goal line states."""
    label = _LABEL.match(line)
    if label is None:
        return []
    level = level_of(label.group("word"))
    if level is None or level == "预算执行":
        return []
    out: list[Indicator] = []
    worded: list[Indicator] = []
    pos = label.end()
    body = line[pos:].rstrip("。．. ")
    for item, sep_len in _items(body):
        item_start = offset + pos
        pos += len(item) + sep_len
        indicator = _item_indicator(para, item, item_start, level)
        if indicator is not None:
            out.append(indicator)
        elif _WORDED_ITEM.fullmatch(item.strip()):
            evidence = span_evidence(para, item_start, item_start + len(item))
            worded.append(Indicator(level=level, name=item.strip(), evidence=[evidence]))
    # (an item in words among measured ones, '雨水资源化利用125万吨/年；推进立法或长效机制建设；…', is a goal row whose
    # aim is its own words: no target is made up for it)
    return [*out, *worded] if out else out


#: a goal line's item in words alone: a short phrase, no figure, no clause break ('推进立法或长效机制建设')
_WORDED_ITEM = lazy_compile(r"[\u4e00-\u9fff“”、]{4,20}")


#: what opens a clause that continues an item rather than starting the next: its result, a total or a
#: comment on it ('，实际完成…', '，合计…', '，指标完成率…')
_CONTINUES = lazy_compile(r"\s*(?:实际|合计|共计|累计|总计|全年|年度|完成|其中|指标完成|目标完成|均|分别)")


def _items(body: str) -> list[tuple[str, int]]:
    """The items of a goal line and the length of the separator after each: split at ；, and at a 、 or ，
    right after a figure where the words after it name an item of their own with a figure
    ('水源地整治数量6个、新增湿地恢复面积30.4平方公里', '项目开工率100%，项目完工率≥25%')."""
    out: list[tuple[str, int]] = []
    for piece in _ITEM_SPLIT.split(body):
        start = 0
        for q in find_quantities(piece):
            cut = q.end
            if cut >= len(piece) or piece[cut] not in "、，," or cut < start or _CONTINUES.match(piece, cut + 1):
                continue
            target_at = _TARGET_START.search(piece, cut + 1)
            if target_at is None or target_at.start() < cut + 3:
                continue  # (no name of two characters or more before the next figure)
            out.append((piece[start:cut], 1))
            start = cut + 1
        out.append((piece[start:], 1))
    return out


def _item_indicator(para: Paragraph, item: str, start: int, level: str) -> Indicator | None:
    """'培训人次≥500人次，实际完成520人次' → an Indicator with its target and measured actual."""
    actual_match = _ACTUAL.search(item)
    goal = item[:actual_match.start()] if actual_match else item
    target_at = _TARGET_START.search(goal)
    if target_at is None or target_at.start() < 2:
        return None
    name = re.sub(r"(?:达到|达|为|是)$", "", goal[:target_at.start()].strip(" ，,：:"))  # ('覆盖率达≥90%')
    target_text = goal[target_at.start():].strip(" ，,")
    total = _TOTAL.search(target_text)
    if _PER_PERIOD.search(name) and total is not None and find_quantities(target_text[total.end():]):
        name = _PER_PERIOD.sub("", name)
        target_text = target_text[total.end():]
    first = find_quantities(target_text)
    if not name or re.search(r"[，,。]", name) or not first or name.count("(") > name.count(")") \
            or is_column_label(name) \
            or "、" in target_text[:first[0].start] or _INDICATOR_COUNT.match(target_text):
        # (several names sharing one aim: '…优良(达到或优于Ⅲ类)比例、…比例4项指标达到…目标值' is no figure of one;
        # a column's word, '年初目标值300万', is the target of the item before it, no name)
        return None
    evidence = span_evidence(para, start, start + len(item))
    indicator = Indicator(level=level, name=name, target=parse_target(target_text, level=level, name=name),
                          evidence=[evidence])
    if actual_match is not None:
        raw = item[actual_match.end():].strip()
        found = find_quantities(raw)
        if found:
            q = found[0].quantity
            indicator.actuals.append(Actual(raw=raw, value=q.value, unit=q.unit, approx=q.approx, upper=q.upper,
                                            comparator=found[0].comparator, kind="measured", origin="table",
                                            evidence=[evidence]))
        elif raw:
            indicator.actuals.append(Actual(raw=raw, comparator="qualitative", kind="qualitative",
                                            origin="table", evidence=[evidence]))
    return indicator


@cache
def _done_line() -> re.Pattern[str]:
    """'<aim>，<done word>' to the line's end: the aim one clause, the outcome a word that says it was done."""
    words = alternation(lexicon("stated_goals.json")["done_words"])
    return re.compile(rf"(?P<aim>[^，,；;。：:]{{2,30}})[，,]\s*(?P<done>(?:{words}))\s*[；;。．.]?\s*$")


def apply_done_lines(layout: Layout, projects: dict[str, Project]) -> None:
    """Add the indicators that labelled lines with a worded outcome state ('质量指标：确保天桥质量，已完成')."""
    only = next(iter(projects)) if len(projects) == 1 else None
    for info in layout.paras:
        owner = info.project or only
        if info.heading or info.section in ("problems", "funds") or owner not in projects or owner is None:
            continue
        project = projects[owner]
        for line_start, line in _lines(info.para):
            items = _labelled_items(line, line_start)
            said = [_done_item(info.para, item, item_start, line) for item, item_start in items]
            for indicator in [*said, *_trend_items(info.para, items, line)]:
                if indicator is not None and not any(indicator.name in i.name or i.name in indicator.name
                                                     for i in project.indicators):
                    project.indicators.append(indicator)


def _labelled_items(line: str, offset: int) -> list[tuple[str, int]]:
    """The ；-separated items after a line's level label, with where each starts."""
    label = _LABEL.match(line)
    if label is None or level_of(label.group("word")) in (None, "预算执行"):
        return []
    out: list[tuple[str, int]] = []
    pos = label.end()
    for piece in _ITEM_SPLIT.split(line[label.end():]):
        out.append((piece, offset + pos))
        pos += len(piece) + 1
    return out


def _done_item(para: Paragraph, item: str, start: int, line: str) -> Indicator | None:
    label = _LABEL.match(line)
    done = _done_line().fullmatch(item.strip())
    if label is None or done is None:
        return None
    level = level_of(label.group("word")) or ""
    aim = done.group("aim").strip()
    found = figures(aim)
    if len(found) > 1 or (found and (found[0].unit in (None, "元") or aim[found[0].end:].strip())):
        return None  # (one figure closing the aim, no money: '道路建设491米')
    name = clean_name(aim[:found[0].cmp_start]) if found else (aim if not re.search(r"\d", aim) else None)
    if name is None or len(name) < 2:
        return None
    target_text = aim[found[0].cmp_start:] if found else aim
    evidence = span_evidence(para, start, start + len(item))
    indicator = Indicator(level=level, name=name, target=parse_target(target_text, level=level, name=name),
                          in_goal_table=True, evidence=[evidence])
    indicator.actuals.append(Actual(raw=done.group("done"), comparator="qualitative", kind="qualitative",
                                    origin="analysis", evidence=[evidence]))
    return indicator


@cache
def _trend_item() -> re.Pattern[str]:
    """'<name><trend>' to the item's end: a measure in words, then how it moved, an adverb always before the verb
    ('残疾人康复服务水平有所提高'; a bare '提高' may open a verb phrase, '提高群众满意度')."""
    data = lexicon("stated_goals.json")
    adverbs, verbs = alternation(data["trend_adverbs"]), alternation(data["trend_verbs"])
    return re.compile(rf"(?P<name>[^，,；;。：:\d]{{4,24}}?)(?P<trend>(?:得到|获得)?(?:{adverbs})+(?:{verbs}))"
                      r"\s*[；;。．.]?\s*$")


def _trend_items(para: Paragraph, items: list[tuple[str, int]], line: str) -> list[Indicator]:
    """'4、社会效益指标：A有所提高；B有所提高；C有所改善。' — a benefit or satisfaction label's items, two or more and
    every one a measure in words and how it moved, are its indicators reported in words: each named by its measure, the
    movement its outcome. No aim is printed (the movement is what was seen, not a standard set), and none is made up:
    no target, and no goal of the report's table. (One item, or an item of any other shape, is a sentence of prose.)"""
    label = _LABEL.match(line)
    level = level_of(label.group("word")) if label else None
    if level is None or not level.startswith(("效益", "满意度")) or len(items) < 2:
        return []
    found = [(_trend_item().fullmatch(item.strip()), start + len(item) - len(item.lstrip()), item)
             for item, start in items if item.strip(" 。．.")]
    if len(found) < 2 or any(match is None for match, _, _ in found):
        return []
    out: list[Indicator] = []
    for match, start, item in found:
        assert match is not None
        name, trend = match.group("name").strip(), match.group("trend")
        evidence = span_evidence(para, start, start + len(item.strip()))
        indicator = Indicator(level=level, name=name, in_goal_table=False, evidence=[evidence])
        indicator.actuals.append(Actual(raw=trend, comparator="qualitative", kind="qualitative", origin="analysis",
                                        evidence=[evidence]))
        out.append(indicator)
    return out
