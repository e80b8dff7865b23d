"""The words of goals written in prose: clauses, the figures in them, what a figure counts.

Shared by parse/goalprose.py (target statements, expected benefits) and parse/goallists.py (goals
listed in a sentence): a clause's measurable figures (not scores or years), the name a figure's
words give it (fillers off, a 和-list written with 、, the noun after a count), the target as written
(with its comparator and bound words) and a measured result.
"""

from __future__ import annotations

import re
from decimal import Decimal
from difflib import SequenceMatcher
from functools import cache

from reportparse.han import has_han, is_han, is_han_line
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Actual, Indicator, Paragraph, Target
from reportparse.normalise import parse_target
from reportparse.parse.evidence import span_evidence
from reportparse.parse.quantities import Mention, find_mentions
from reportparse.parse.sections import level_of

#: the score an indicator's own statement claims after its result: '，自评得分20分', '，得分为8分'
CLAIMED_SCORE = lazy_compile(r"\s*[，,]\s*(?:自评|评价)?得分\s*(?:为|是|[:：])?\s*"
                             r"(?P<score>\d{1,3}(?:\.\d{1,2})?)\s*分")
_CLAUSE_END = lazy_compile(r"[，,；;。！？!?]")
#: a result clause after a target: '实际完成30公里', '已完成32公里'
RESULT = lazy_compile(r"(?:实际|已|全年|累计|共)(?:完成|达到|实现)|完成了")
#: words before the figure that say how it relates, not what it counts
#: words after a figure's name that only announce it: '…达到', '…为', '…完成值为', and the target word of a generated
#: report's sentence, '<X>的绩效目标值为2个' (its name is X); a comparison with the target, '<X>大于年度指标值≥95%'
# ('年总收入可达15万元': the 可 of 可达 is the comparator's, not the name's)
NAME_TRAIL = lazy_compile(r"(?:共计|共|合计|累计|总计|(?:可以|能够|可|能|将|预计)?(?:达到|(?<![下送抵到])达)"
                          r"|为|是|约|计|全部|均|已|(?:常年|始终|长期|持续)?(?:保持|稳定|维持|控制)?在|有|(?:全年)?(?:实际)?完成值|实际值"
                          r"|的(?:年度)?绩效(?:目标值?|指标值)?|的?(?:年度|年初)?(?:目标值?|指标值)|要求"
                          r"|(?:大于|高于|超过|优于|不低于|不少于|小于|低于|不高于|不超过)(?:了)?"
                          r"(?:年度|年初|预期|全年)?(?:绩效)?(?:目标值|指标值)?)+$")
#: (a one-character lead is no lead where it opens a word of the name: 可疑, 可持续, 能源, 收入, 要素, 计划生育)
NAME_LEAD = lazy_compile(
    r"^(?:已|项目建成后|建成后|实施后|项目实施后|同时|并且|并|另外|此外|预计|预期|计划(?!生育)|力争|每年|年均|全年|"
    r"可以|可(?![疑靠持再回追视用行])|能够|能(?![源耗力效级])|将|要(?!素)|完成|实现|新增|收取|收到"
    r"|收(?![入益费集缴购储运治])|获得|带动|确保|(?:年度|总体)?(?:绩效)?目标(?:主要)?(?:包括|为|是)"
    r"|[一二三四五六七八九十]是|[（(]?\d{1,2}[)）.．、]|[（(][一二三四五六七八九十]{1,3}[)）])+"
)
#: the spending a goal aims at, the work done measured in money ('X资金完成173万元', '完成投资500万元'): an output
#: aimed at, though its words are the money's
SPENDING_AIM = lazy_compile(r"资金完成|完成投资|投资完成")
#: money a goal aims at: what the project brings in or saves, or the spending done (an investment of any kind
#: completed too: '完成固定资产投资20亿元', '完成社会投资3.5亿元')
MONEY_AIM = lazy_compile(r"收入|收益|增收|租金|分红|营收|产值|利润|节约|节省|资金完成|完成投资|投资完成"
                         r"|完成[^，,；;。\d]{0,6}投资")
#: the money words of a budget's figures: an amount named so is the funds', never a goal
MONEY_NAME = lazy_compile(r"预算|资金|经费|投资|拨付|下达|支出|到位|结余|结转|批复|安排")
#: money that is an aim as a standard or the cost of one unit ('每生每天补助标准不低于5元', '人均补助1200元',
#: '单价不超过50元')
MONEY_STANDARD = lazy_compile(r"标准|成本|单价|均价|[人户亩生村件]均|每")
YEAR_HEAD = lazy_compile(r"^.*?\d{4}\s*年(?:度)?")
_BOUND = lazy_compile(r"\s*(?:及以上|以上|及以下|以下|以内|之内|左右)")
#: units that measure (length, area, weight, time, share, money): no noun after them is what they count
_MEASURE_UNIT = lazy_compile(r"米|亩|公顷|吨|克|升|时|天|日|月|年|周|%|元|分|km|hm|m|t|kg")
#: a bound written right after a target's figure ('8个以上', '20人左右')
_BOUND_LEAD = lazy_compile(r"^\s*(?:及?以上|及?以下|以内|左右)")
#: the counted noun, then 的 and the work done to what it counts: '建制村的农村环境综合整治'
_COUNTED_OWNER = lazy_compile(r"(?P<counted>[\u4e00-\u9fff]{1,6})的(?P<work>[\u4e00-\u9fff]{2,16})")
#: a verb of work done that opens a target's clause before its count ('完成8个…', '实现12个…', '实施8个…',
#: '开展15个…'; not a verb that makes the thing named after 的, '新建5个村的文化广场')
_DONE_VERB = lazy_compile(r"^(?:完成|实现|实施|开展|推进)$")
#: names that end in what is measured (…人口数, …面积): the figure is their value
_MEASURE_NAME = lazy_compile(r"(?:数|量|率|度|比例|面积|长度|里程|规模|金额|人次|户数|人数)$")


def end_of_clause(text: str, start: int) -> int:
    m = _CLAUSE_END.search(text, start)
    return m.start() if m else len(text)


def start_of_clause(text: str, end: int) -> int:
    starts = [m.end() for m in _CLAUSE_END.finditer(text, 0, end)]
    return starts[-1] if starts else 0


def figures(text: str) -> list[Mention]:
    """The quantities of a clause that can be aims: not scores, years or dates."""
    return [m for m in find_mentions(text) if m.unit not in ("分", "年")]


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (start, end) of each clause between start and end."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        stop = min(end_of_clause(text, pos), end)
        spans.append((pos, stop))
        pos = stop + 1
    return spans


def named(clause: str, mention: Mention) -> str | None:
    """What a clause's one figure counts: the words before it, or — when those name nothing (a bare
    verb, a date) — the words after a count ('对169处农村饮水工程进行维修养护',
    '完成2023年度53户计划任务'): the count's own noun follows it."""
    name = clean_name(clause[:mention.cmp_start])
    # (a bound written after the count, '8个以上建制村', is the target's, not the counted noun's)
    tail = _BOUND_LEAD.sub("", clause[mention.end:]).strip().replace("进行", "")
    # the noun a count is of, written after it: '169处|农村饮水工程进行维修养护' (to the clause's end)
    counted = (mention.unit is not None and not _MEASURE_UNIT.search(mention.unit) and is_han_line(tail, 2, 16)
               and has_han(tail))
    lead = clause[:mention.cmp_start].strip(" ：:，,（(")
    owned = _COUNTED_OWNER.fullmatch(tail) if counted else None
    verb = _DONE_VERB.match(YEAR_HEAD.sub("", lead).strip())
    if owned and verb:
        # '完成8个建制村的农村环境综合整治': what is counted is the 建制村, the work is done to them; a name ends in
        # what its figure counts, '完成农村环境综合整治的建制村'
        return f"{verb.group(0)}{owned.group('work')}的{owned.group('counted')}"
    if name is not None:
        # '集中支持6类重点对象': a verb before the count, its noun after it; not '…人口数≥23人' (a measure)
        if counted and not _MEASURE_NAME.search(name) and len(tail) >= 2 and len(name) + len(tail) <= 25:
            return name + tail
        return name
    head = NAME_LEAD.sub("", YEAR_HEAD.sub("", lead)).strip()
    if not counted or len(head) > 1:
        return None
    return tail if 2 <= len(tail) <= 25 else None


#: the words a list is joined with, and what after them makes a word instead (及时 / 及格 / 和谐 are
#: words, not the 及/和 of a list)
_LIST_WORDS = {"和": "谐", "及": "时格", "与": ""}


def list_commas(name: str) -> str:
    """A 和/及/与 between two Han characters on each side is written 、: what
    `re.sub(r"(?<=[\\u4e00-\\u9fff]{2})(?:和(?!谐)|及(?![时格])|与)(?=[\\u4e00-\\u9fff]{2})", "、", name)` writes."""
    chars = list(name)
    for i in range(2, len(name) - 2):
        char = name[i]
        if (char in _LIST_WORDS and name[i + 1] not in _LIST_WORDS[char] and is_han(name[i - 2])
                and is_han(name[i - 1]) and is_han(name[i + 1]) and is_han(name[i + 2])):
            chars[i] = "、"
    return "".join(chars)


_DIGIT_OR_BREAK = lazy_compile(r"[\d，,。；;：:]")
#: a material's or a pipe's grade written into a works name: C25砼, DN110管道, M7.5浆砌石, PE100 (no figure)
_AGE = lazy_compile(r"\d{1,3}(?:\s*[-~～—至]\s*\d{1,3})?\s*周?岁(?:及?以[上下])?")
_GRADE_CODE = lazy_compile(r"(?<![A-Za-z\d])[A-Z]{1,3}\d+(?:\.\d+)?(?![\d.])")


#: '…4次，指标完成率100%': the share of the item before that was reached, no measure of its own; nor is
#: '优秀案件14宗，占比14%', the share the item before holds of a whole
ITEM_SHARE = lazy_compile(r"^(?:(?:指标|目标)?完成(?:率|比例|度)|所?占(?:比|比例|比重)|比例|比重)$")


@cache
def _checked_by() -> re.Pattern[str]:
    """Who checked a result, written inside its name before the check ('工程经县交通局验收合格率为100%' →
    工程验收合格率; not 经济, 经费, 经营 …, which are words)."""
    checks = alternation(lexicon("stated_goals.json")["check_words"])
    return re.compile(rf"(?<=[\u4e00-\u9fff])经(?:过)?(?![济营费验常销理历典纬])"
                      rf"[^，,；;。：:\d]{{1,10}}?(?:组织)?(?={checks})")


def clean_name(head: str, longest: int = 25) -> str | None:
    """What a figure counts, from the words before it: fillers off, a 和-list written with 、, the checker inside it
    off."""
    name = _checked_by().sub("", head.strip(" ：:，,（("))
    for _ in range(3):
        name = NAME_LEAD.sub("", NAME_TRAIL.sub("", name).strip()).strip(" ：:，,（(")
    name = list_commas(name)
    if ITEM_SHARE.match(name):
        return None
    # (a figure inside quotation marks is part of the name: '“0-6”残疾儿童康复救助' names an age group)
    # (and so is an age that bounds who is counted: '65岁以上老年人健康管理人数', '0-6岁儿童…')
    unquoted = _AGE.sub("", _GRADE_CODE.sub("", re.sub(r"“[^”]{1,12}”", "", name)))
    if not 2 <= len(name) <= longest or _DIGIT_OR_BREAK.search(unquoted) or not has_han(name) \
            or names_no_measure(name):
        return None
    return name


@cache
def _projected() -> re.Pattern[str]:
    data = lexicon("stated_goals.json")
    words, verbs = alternation(data["projected_words"]), alternation(data["projected_verbs"])
    return re.compile(rf"(?:{words})\s*[，,]?\s*(?:{verbs})")


#: the words before the name of the work a clause counts: '共开展职业技能培训49期' names 职业技能培训
_WORK_LEAD = lazy_compile(r"^(?:共|累计|全年|全县|全市|全区)*(?:开展|组织|举办|实施)?")


def fuller_name(text: str, clause_start: int, name: str) -> str:
    """A result's name that is a bare word of two characters the clause before closes its own name with ('共开展职业
    技能培训49期，培训2399人' → 职业技能培训): the longer name that clause gives; else the name."""
    if len(name) > 2 or clause_start < 2 or text[clause_start - 1] not in "，,":
        return name
    before = text[start_of_clause(text, clause_start - 1):clause_start - 1]
    found = figures(before)
    if len(found) != 1 or before[found[0].end:].strip():
        return name
    head = clean_name(_WORK_LEAD.sub("", YEAR_HEAD.sub("", before[:found[0].cmp_start]).strip()))
    return head if head is not None and head.endswith(name) and len(head) > len(name) else name


@cache
def _setting() -> re.Pattern[str]:
    return re.compile(alternation(lexicon("stated_goals.json")["setting_words"]))


def setting(head: str) -> bool:
    """Do the words before a figure tell the place the project works in ('全区幅员面积', '辖区总人口', 'X位于…'), not
    what it did?"""
    return _setting().search(head) is not None


def projected_from(text: str) -> int | None:
    """Where a sentence starts to describe what a work will be once built ('建成后是一座占地约20万平方米的公园'):
    the figures after that are its design, no result; None when it does not."""
    found = _projected().search(text)
    return found.end() if found else None


@cache
def _no_measure() -> re.Pattern[str]:
    words = lexicon("stated_goals.json")["no_measure_words"]
    return re.compile("(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")+")


#: a name closing on where a change started: the figure after it is the value before the change, never a result
#: or an aim ('健康素养水平由上年的22%提高到25%')
_CHANGE_FROM = lazy_compile(r"(?:(?<![理自缘事])由|(?<![服跟听顺])从)"
                            r"(?:上年|去年|上一年|年初|上年度|20\d{2}\s*年)?(?:度)?(?:末|底)?的?$")


def names_no_measure(name: str) -> bool:
    """Is a name only the words that say when a figure is or whether it is the aim or the result ('年终', '年末完成',
    '实际', '计划指标')? A label of a figure's place ('年初指标：≥90%；年终完成：95%'), it names nothing measured; nor
    does a name that closes on where a change started ('X由上年的'), nor a bare word of the figure's kind ('时间' in
    '…公示，时间不少于7天': what it measures is the clause before)."""
    stripped = name.strip(" ：:，,")
    return (_no_measure().fullmatch(stripped) is not None or _CHANGE_FROM.search(stripped) is not None
            or stripped in lexicon("stated_goals.json")["bare_dimension_words"])


def written(text: str, mention: Mention, offset: int = 0) -> str:
    """A figure as written, with the comparator words before it and a bound word after it
    ('达到95%以上', '控制在4.5%以内'): what the target parser reads the comparator from."""
    end = offset + mention.end
    bound = _BOUND.match(text, end)
    return text[offset + mention.cmp_start:bound.end() if bound else end]


def target_from(raw: str, name: str) -> Target:
    return parse_target(raw.strip(), name=name)


#: the word that says a goal's figure is to be reached, right before it: '满意度达到95%', '满意度达：98%'
_REACH = lazy_compile(r"(?:达到|达)\s*[:：]?\s*$")


def reached_target(text: str, mention: Mention, name: str, offset: int = 0) -> Target | None:
    """The target of a goal statement whose figure is to be reached ('社会满意度达：98%', '合格率达到100%'): at least
    that figure, as a target cell's '达到95%' reads; None when no such word stands before it."""
    reach = _REACH.search(text, 0, offset + mention.cmp_start)
    if reach is None or mention.comparator is not None:
        return None
    target = target_from(text[reach.start():offset + mention.end], name)
    return target.model_copy(update={"comparator": ">=", "bare_number": False}) if target.comparator == "=" else target


def level_for(name: str, mention: Mention, benefit: bool = False) -> str:
    """A sentence names no level: the name's own level word, else what the figure measures."""
    named = level_of(name)
    if named is not None and named not in ("产出", "效益", "预算执行"):
        return named
    if mention.unit == "元":
        return "产出" if SPENDING_AIM.search(name) else "效益/经济效益"
    if benefit:
        return "效益/社会效益"
    return "产出/质量" if mention.unit == "%" else "产出/数量"


def measured_actual(para: Paragraph, m: Mention, clause_start: int, clause_end: int, clause: str) -> Actual:
    return Actual(raw=clause[m.cmp_start:m.end].strip(), value=m.value, unit=m.unit, upper=m.upper,
                  approx=m.approx, comparator=m.comparator if m.comparator == ">=" else None,
                  kind="measured", origin="narrative", evidence=[span_evidence(para, clause_start, clause_end)])


def list_item_start(text: str, c_start: int, mention: Mention, previous_end: int) -> int | None:
    """Where a listed item's name starts when the figure before it closed the item before: the 、 after
    that figure ('敬老院提升改造项目3个、救助站改造项目1个'); None for a clause's first item."""
    if not c_start <= previous_end <= mention.cmp_start:
        return None
    between = text[previous_end:mention.cmp_start]
    return previous_end + 1 if between.startswith("、") else None


def restates(known: Indicator, new: Indicator) -> bool:
    """Does `new` state `known`'s target again: the same figure in the same unit, named by a bare verb
    ('计划补助115户' after '任务数为115户') or by words that share a run of four characters with the known
    name ('重大动物群体免疫密度达90%以上' for '重大动物强制免疫病种群体免疫密度，年初目标值≥90%')?"""
    if known.target is None or new.target is None or known.target.value is None \
            or (known.target.value, known.target.unit) != (new.target.value, new.target.unit):
        return False
    if len(new.name) <= 2:
        return True
    matcher = SequenceMatcher(None, known.name, new.name, autojunk=False)
    if matcher.find_longest_match(0, len(known.name), 0, len(new.name)).size < 4:
        return False
    # (one name is the other's words with some left out; two names that each say a word of their own, '学生对X的满意度'
    # and '教师对X的满意度', '项目完成及时率' and '项目完成验收合格率', are two measures that happen to share a figure)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return min(len(known.name), len(new.name)) - matched <= 1


#: a result that is a figure alone, no unit written: '40', '96.5。'
_BARE_FIGURE = lazy_compile(r"\s*(?P<figure>\d+(?:\.\d+)?)\s*[。；;，,]?\s*$")
#: a quantity's words up to its last digit: what is left is the unit as printed ('≥1.2万元' → 万元)
_FIGURE_BEFORE_UNIT = lazy_compile(r"^.*\d")


def bare_figure(result: str, target_raw: str, target_unit: str | None) -> Decimal | None:
    """The figure of a result written without a unit ('实际完成40' after '目标值大于等于85户', '完成值95' after
    '≥90%'): a figure in the target's unit, where the target prints that unit as it is held (a target in 万元, held in
    元, leaves a bare figure's scale unknown: None)."""
    bare = _BARE_FIGURE.match(result)
    if bare is None or target_unit is None or _FIGURE_BEFORE_UNIT.sub("", target_raw).strip() != target_unit:
        return None
    return Decimal(bare.group("figure"))
