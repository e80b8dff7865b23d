"""Parts that make up their whole by definition, in prose (scoring-rules R3 C3.4, problem catalogue P4).

A 其中 list may name only some parts of its total, so parts that add up to less prove nothing — unless
the parts are the whole by what they are: 人员经费 and 公用经费 are all of a 基本支出, 基本支出 and 项目支出 all
of a body's 支出, 中央 and 地方 all of a fund's money, and parts whose shares (占 X%) add up to 100% say
themselves that they are the whole. Which sets are whole is data (`lexicon/fund_parts.json`).

The same holds across sentences in a department's report: a fund's 年初结转和结余 / 本年收入 / 本年支出 /
年末结转和结余 said of the whole, then again of its 基本支出 and of its 项目支出 (the subject of a figure is
the fund and the stage it is of, not the words of its sentence): per stage, the whole is the sum of the two.

A text may also say itself which parts are the whole: '主要有A、B二类支出，总预算X万元，其中A…，B…' counts its kinds
before it breaks the total down, and a 其中 list giving exactly those kinds, each with its amount, is all of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from reportparse.checks import CheckContext, new_finding
from reportparse.checks.common import ZERO, fmt_money, only_project_name
from reportparse.checks.figures import written_precision
from reportparse.checks.fundnesting import more_money_follows
from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import Evidence, Finding, Paragraph
from reportparse.normalise.numbers import chinese_to_decimal
from reportparse.parse.evidence import span_evidence
from reportparse.parse.quantities import Mention, money

_OPEN = lazy_compile(r"其中\s*[:：，,]?")
_SENTENCE_END = lazy_compile(r"[。！!]")
CLAUSE_MARK = lazy_compile(r"[，,；;。]")
_BRACKET = lazy_compile(r"[(（][^()（）]*[)）]")
BRACKET = lazy_compile(r"[(（][^()（）]*[)）]")
#: how far a total may stand before its 其中 ('…基本支出911.7万元，其中：')
_TOTAL_GAP = 6
#: a part's label, then at most this many characters of its own words, then its amount
#: ('人员经费 809961.19 元', '中央安排直达资金全市61.02亿元')
_LABEL_REACH = 10
#: what may stand right before a part's label: the start of the list or of a clause, or a list number
_LABEL_START = r"(?:^|(?<=[:：，,；;。、\s\d.．)）]))"
#: a share said right after a part's amount ('，占27.52%', '，占基本支出预算81.25%')
_SHARE = lazy_compile(r"^\s*[，,]?\s*占[^，,；;。\d%％]{0,12}?(\d+(?:\.\d+)?)\s*[%％]")
#: shares that add up to 100 within their rounding (two decimals each)
_SHARES_WHOLE = Decimal("0.1")
_HUNDRED = Decimal(100)
#: a stage amount's own words right before it ('本年支出1448.11万元', '本年收入合计为…')
_STAGE_TAIL = r"(?:合计|总计)?\s*(?:为|是|[:：])?\s*$"
_NOT_THIS_YEAR = lazy_compile(r"上年|去年|上一年|同比|较|比")
#: an amount whose clause says it is a rise or fall on another year ('，较2022年度决算数增加19.68万元'): a change,
#: no part of the total before it
_CHANGE = lazy_compile(r"(?:较|比|同比|与)[^，,；;。]{0,24}(?:增加|减少|增长|下降|降低|上升|增支|减支)了?\s*$")


def clause_before(text: str, amount: Mention, marks: LazyPattern = CLAUSE_MARK) -> str:
    """The words of `amount`'s own clause before it: from the last clause mark (`marks`) before it."""
    return text[max((m.end() for m in marks.finditer(text, 0, amount.start)), default=0):amount.start]


def is_change(text: str, amount: Mention) -> bool:
    """True when `amount` (a mention in `text`) is said as a change on another year, not as money of its own."""
    return _CHANGE.search(clause_before(text, amount)) is not None


def own_amounts(sentence: str) -> list[Mention]:
    """The money a sentence says as its own: not a change on another year, not inside brackets (a part's detail,
    '(其中省级30万元)')."""
    brackets = [m.span() for m in _BRACKET.finditer(sentence)]
    return [m for m in money(sentence)
            if not is_change(sentence, m) and not any(a <= m.start < b for a, b in brackets)]


@dataclass(frozen=True)
class _Partition:
    of: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class _Lexicon:
    partitions: tuple[_Partition, ...]
    stages: tuple[str, ...]
    natures: tuple[str, ...]
    funds: tuple[str, ...]
    #: a count of kinds said before a breakdown: its verb, the names, their number and measure word
    announced: re.Pattern[str]
    joiners: re.Pattern[str]


@cache
def _lexicon() -> _Lexicon:
    data = lexicon("fund_parts.json")
    words = data["announced"]
    announced = re.compile(
        f"(?:{'|'.join(words['verbs'])})(?P<names>[^，,；;。:：!！]{{2,80}}?)"
        f"(?P<count>[一二两三四五六七八九十]|[2-9])(?:{'|'.join(words['measures'])})")
    return _Lexicon(
        partitions=tuple(_Partition(p["of"], tuple(p["parts"])) for p in data["partitions"]),
        stages=tuple(data["stages"]), natures=tuple(data["natures"]), funds=tuple(data["funds"]),
        announced=announced, joiners=re.compile("|".join(re.escape(j) for j in words["joiners"])))


def _slack(amounts: list[Mention]) -> Decimal:
    """What rounding alone can explain: half a unit of the finest written digit for every amount (two parts of
    0.01 万元 and their total may together be 0.015 万元 off). An amount written without decimals beside ones
    written with them ('216万元' beside '1446.02万元') is taken as exact, as the writer meant it."""
    places = [place for place in (written_precision(a.quantity()) for a in amounts) if place is not None]
    finest = min(places, default=0)
    return max(Decimal(5).scaleb(finest - 1) * len(amounts), Decimal("0.01"))


# ------------------------------------------------------------------------------------------
# a total and its parts, complete by definition, in one paragraph
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Breakdown:
    """A 其中 list in a paragraph: the total it breaks down (`total_before`), the words of the total's clause
    before it (`head`), and the text from the 其中 to the next one (`region`, starting at `region_start`)."""

    paragraph: Paragraph
    total: Mention
    head: str
    region: str
    region_start: int

    def evidence(self, end: int) -> Evidence:
        """The quote from the total's clause to `end`, an offset into the region."""
        return span_evidence(self.paragraph, max(0, self.total.start - len(self.head)), self.region_start + end)


def breakdowns(paragraphs: list[Paragraph]) -> Iterator[Breakdown]:
    """Every 其中 list of the paragraphs whose total an amount gives."""
    for element in paragraphs:
        text = element.text
        openers = list(_OPEN.finditer(text))
        for index, opened in enumerate(openers):
            total = total_before(text, opened.start())
            if total is None or total.value is None:
                continue
            region_end = openers[index + 1].start() if index + 1 < len(openers) else len(text)
            head = clause_before(text, total)
            yield Breakdown(element, total, head, text[opened.end():region_end], opened.end())


def partition_totals(ctx: CheckContext) -> Iterator[Finding]:
    """A total whose 其中 parts are the whole of it by definition or by their shares, and do not add up."""
    if ctx.document is None:
        return
    owner = only_project_name(ctx.report)
    for listed in breakdowns(ctx.document.paragraphs):
        total = listed.total
        found = (_parts_by_definition(listed.head, listed.region) or _parts_by_share(listed.region)
                 or _parts_announced(listed.paragraph.text[:total.start], listed.region))
        if found is None:
            continue
        how, parts = found
        if total.value is None or len(parts) < 2 or any(p.value is None or p.value > total.value for p in parts):
            continue
        summed = sum((p.value for p in parts if p.value is not None), ZERO)
        if summed < total.value and more_money_follows(listed.region, max(p.end for p in parts)):
            continue  # (the sentence after adds money: '…地方资金80万元。另有社会捐赠20万元')
        finding = parts_sum_mismatch(total, parts, f"所列{how}", _slack([total, *parts]), owner,
                                     listed.evidence(max(p.end for p in parts)))
        if finding is not None:
            yield finding


def parts_sum_mismatch(total: Mention, parts: list[Mention], listed_as: str, slack: Decimal, owner: str | None,
                       evidence: Evidence) -> Finding | None:
    """The fund-sum-mismatch of a total said in prose and the parts listed with it, when their sum is more than
    `slack` off the total (`listed_as` names the parts in the message: '所列各级资金', '其前所列各项')."""
    assert total.value is not None
    summed = sum((p.value for p in parts if p.value is not None), ZERO)
    if abs(summed - total.value) <= slack:
        return None
    terms = " + ".join(fmt_money(p.value) for p in parts)
    return new_finding(
        "fund-sum-mismatch",
        f"“{total.raw}”与{listed_as}之和 {terms} = {fmt_money(summed)} 不符",
        project=owner, expected=summed, actual=total.value, evidence=[evidence],
    )


def total_before(text: str, at: int) -> Mention | None:
    """The total a 其中 at `at` breaks down: the amount right before it in its clause ('…911.7万元，其中'), or
    the one amount of the sentence before when 其中 opens a sentence ('…总额75.20亿元，分配率99.5%。其中：')."""
    before = text[:at]
    # (a rise or fall on the year before is no total: '…，同比减少166271.4元，下降15.87%。其中：')
    amounts = [m for m in money(before) if not is_change(before, m)]
    if amounts and at - amounts[-1].end <= _TOTAL_GAP and not _SENTENCE_END.search(before, amounts[-1].end):
        return amounts[-1]
    stripped = before.rstrip()
    if not stripped.endswith("。"):
        return None
    start = max((m.end() for m in _SENTENCE_END.finditer(stripped, 0, len(stripped) - 1)), default=0)
    sentence = [m for m in amounts if m.start >= start]
    return sentence[0] if len(sentence) == 1 else None



def _parts_by_definition(head: str, region: str) -> tuple[str, list[Mention]] | None:
    """Every part of a partition the total's clause is of, each named at the start of a clause with its amount."""
    for partition in _lexicon().partitions:
        if partition.of not in head or any(part in head for part in partition.parts):
            continue  # (a whole is not its own part: '基本支出…其中：基本工资…' is no 基本支出/项目支出 split)
        named = [_labelled_amount(region, label) for label in partition.parts]
        parts = [p for p in named if p is not None]
        if len(parts) < len(named):
            continue
        # the list goes on to the end of the sentence of its last part named: any other amount in it is a part
        # the partition does not cover ('中央资金…，地方资金…，其他资金859.6万元'), and the list is more than it
        stop = _SENTENCE_END.search(region, max(p.end for p in parts))
        listed = [m for m in money(region[:stop.start() if stop else len(region)])
                  if not is_change(region, m) and not _in_brackets(region, m)]
        if len(listed) == len(parts):
            return "、".join(partition.parts), parts
    return None


#: how many sentences before a total may count the kinds its 其中 lists (its own, and the one before)
_ANNOUNCE_SENTENCES = 2


def _parts_announced(before: str, region: str) -> tuple[str, list[Mention]] | None:
    """The kinds the text counted shortly before the total ('主要有A、B二类支出', '由A和B两部分组成'), when the
    其中 list gives exactly those kinds, each at the start of a clause with its amount, and no other amount."""
    lexicon = _lexicon()
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    near = before[ends[-_ANNOUNCE_SENTENCES] if len(ends) >= _ANNOUNCE_SENTENCES else 0:]
    for said in lexicon.announced.finditer(near):
        names = [n.strip() for n in lexicon.joiners.split(said.group("names")) if n.strip()]
        count = chinese_to_decimal(said.group("count")) if not said.group("count").isdigit() \
            else int(said.group("count"))
        if len(names) < 2 or count != len(names) or len(set(names)) < len(names):
            continue
        named = [_labelled_amount(region, name) for name in names]
        parts = [p for p in named if p is not None]
        if len(parts) < len(names):
            continue
        # (as for a partition: the list ends with the sentence of its last part, and holds no other amount)
        stop = _SENTENCE_END.search(region, max(p.end for p in parts))
        listed = [m for m in money(region[:stop.start() if stop else len(region)])
                  if not is_change(region, m) and not _in_brackets(region, m)]
        if len(listed) == len(parts):
            return "、".join(names), parts
    return None


def _in_brackets(text: str, amount: Mention) -> bool:
    return any(a <= amount.start < b for a, b in (m.span() for m in BRACKET.finditer(text)))


def _labelled_amount(region: str, label: str) -> Mention | None:
    for named in re.finditer(_LABEL_START + re.escape(label), region):
        reach = region[named.end():named.end() + _LABEL_REACH + 12]
        amounts = money(reach)
        if not amounts or amounts[0].start > _LABEL_REACH or re.search(r"[，,；;。:：]", reach[:amounts[0].start]):
            continue
        first = amounts[0]
        return Mention(start=named.end() + first.start, end=named.end() + first.end, raw=first.raw,
                       value=first.value, unit=first.unit)
    return None


def _parts_by_share(region: str) -> tuple[str, list[Mention]] | None:
    """The amounts after 其中, each with its share, as far as their shares make 100%: such a list says itself
    that it is the whole. It may run over several sentences, one part each, and ends at an amount without a
    share; of the runs that make 100% the longest is the list ('…26.79%；…16.09%；…57.06%；其他收入2.34万元，
    占0.06%' is four parts, not three that make 99.94%). Shares that never make 100% name only some parts."""
    bracketed = [m.span() for m in BRACKET.finditer(region)]
    parts: list[Mention] = []
    whole: list[Mention] = []
    total_share = ZERO
    for amount in money(region):
        if any(a <= amount.start < b for a, b in bracketed) or is_change(region, amount):
            continue
        share = _SHARE.match(region[amount.end:])
        if share is None:
            break
        parts.append(amount)
        total_share += Decimal(share.group(1))
        if abs(total_share - _HUNDRED) <= _SHARES_WHOLE:
            whole = list(parts)
    return ("各项（占比合计100%）", whole) if len(whole) > 1 else None


# ------------------------------------------------------------------------------------------
# a fund's stages said of the whole, then of its 基本支出 and 项目支出
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _StageAmount:
    fund: str
    nature: str  # '' for the whole
    stage: str
    amount: Mention
    paragraph: Paragraph
    sentence_start: int
    sentence_end: int


def stage_totals(ctx: CheckContext) -> Iterator[Finding]:
    """Per fund and stage: the whole's amount against its 基本支出's plus its 项目支出's."""
    if ctx.document is None:
        return
    said: dict[tuple[str, str, str], list[_StageAmount]] = {}
    for paragraph in ctx.document.paragraphs:
        for stage_amount in _stage_amounts(paragraph):
            key = (stage_amount.fund, stage_amount.nature, stage_amount.stage)
            said.setdefault(key, []).append(stage_amount)
    owner = only_project_name(ctx.report)
    basic, project = _lexicon().natures
    for (fund, nature, stage), wholes in said.items():
        if nature:
            continue
        parts = [said.get((fund, basic, stage), []), said.get((fund, project, stage), [])]
        values = [{s.amount.value for s in group} for group in (wholes, *parts)]
        if any(len(v) != 1 or None in v for v in values):
            continue  # not said, or said twice with two values (two years, two bodies): no one figure to test
        whole, first, second = wholes[0], parts[0][0], parts[1][0]
        assert whole.amount.value is not None and first.amount.value is not None and second.amount.value is not None
        summed = first.amount.value + second.amount.value
        if abs(summed - whole.amount.value) <= _slack([whole.amount, first.amount, second.amount]):
            continue
        name = f"{fund}{stage}" if fund else stage
        yield new_finding(
            "fund-sum-mismatch",
            f"{name} {fmt_money(whole.amount.value)} 与其{basic} {fmt_money(first.amount.value)} + "
            f"{project} {fmt_money(second.amount.value)} = {fmt_money(summed)} 不符",
            project=owner, indicator=name, expected=summed, actual=whole.amount.value,
            evidence=[_evidence(s) for s in (whole, first, second)],
        )


def _evidence(said: _StageAmount) -> Evidence:
    return span_evidence(said.paragraph, said.sentence_start, said.sentence_end)


def _stage_amounts(paragraph: Paragraph) -> Iterator[_StageAmount]:
    """The stage amounts of each sentence, with the fund and the nature its words before the first one name."""
    lexicon = _lexicon()
    # (a line may break inside the words: '年初结转和 结余', '本年 支出')
    stage_words = "|".join(r"\s*".join(map(re.escape, stage)) for stage in lexicon.stages)
    tail = re.compile(rf"({stage_words}){_STAGE_TAIL}")
    text = paragraph.text
    start = 0
    for stop in [*_SENTENCE_END.finditer(text), None]:
        end = stop.start() if stop else len(text)
        sentence = text[start:end]
        offset, start = start, (stop.end() if stop else len(text))
        found: list[tuple[str, Mention]] = []
        for amount in money(sentence):
            clause = sentence[max((m.end() for m in CLAUSE_MARK.finditer(sentence, 0, amount.start)), default=0):
                              amount.start]
            named = tail.search(clause)
            if named is not None and not _NOT_THIS_YEAR.search(clause):
                found.append((re.sub(r"\s+", "", named.group(1)), amount))
        if not found:
            continue
        prefix = sentence[:found[0][1].start]
        natures = [n for n in lexicon.natures if n in prefix]
        if len(natures) > 1:
            continue
        fund = next((f for f in lexicon.funds if f in prefix), "")
        for stage, amount in found:
            yield _StageAmount(fund, natures[0] if natures else "", stage, amount, paragraph, offset, end)
