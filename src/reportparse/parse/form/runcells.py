"""Cells of a run-together 自评表 (`runtogether`): what a figure or a note is, where the run is (before,
in or after the indicator header: `RunHeader`), and the 分值-first layout.

The Sichuan 衔接资金 template (and others) prints an indicator row's 分值 right after its name, before
the target: 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分. Run together, such a row reads
'项目计划总投资1020万元20万元10' or '群众生产生活条件改善状况10显著提升显著提升10': the 分值 glued to a
target after it, or a bare number between the name and a worded target, and a worded target and
result written one after the other. These helpers take them apart where the row itself shows how
(the result repeating the target, a text written twice), and otherwise leave the run as it is.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from reportparse import patterncache
from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.gluedcuts import level_room, weight_and_score
from reportparse.parse.form.labels import column_words, matches, worded_result
from reportparse.parse.form.levellabels import label_kind
from reportparse.parse.form.runlines import MIN_HEADER_WORDS

#: A short bracketed note of a label: '(A)', '(B/A)', '(20分*执行率)', '(万元)'.
NOTE = lazy_compile(r"[(（][^()（）]{1,12}[)）]")
#: A figure: a comparator, the number (a decimal, a percent or per-mille) and its measure word, which a
#: magnitude may open ('1.2万人', '3.5万亩', '2亿元': the 万 alone would leave the 人 to the next cell). A word
#: that opens with a measure word's character ends no figure: 个别 ('43个别人未及时完成' is a 分值 4 and 得分 3
#: before a reason that some did not finish), 项目, 所需, 条件, 处理 …
_COMPARATOR = r"(?:不低于|不少于|不高于|不超过|不大于|不小于|大于等于|小于等于|大于|小于|高于|低于|[≥≤≧≦><=＝]=?)"
FIGURE = lazy_compile(
    _COMPARATOR + r"?"
    r"\d+(?:\.\d+)?(?:[%％‰]|(?:[万亿])?(?:元|人次|件|个(?!别)|人|次|天|年(?!度)|月|户|套|台|篇|份|项(?!目)|所(?!需)|家|辆|座|场|页|吨|亩"
    r"|公里|千米|厘米|毫米|米|平方米|立方米|㎡|公顷|只|头|株|棵|羽|起(?![草步点始码])|例|条(?!件)|处(?![理置罚])|TB|GB|G|M)|[万亿])?(?:以上|以下|以内)?")


#: A figure in a measure word the figure pattern does not know, printed again after the next figure: a
#: row's target and result in one unit ('≥6000盏6200盏', '≥50公斤55公斤', '12个月12个月'); the shortest such word.
_REPEATED_UNIT = lazy_compile(
    rf"{_COMPARATOR}?\d+(?:\.\d+)?(?P<unit>[\u4e00-\u9fff]{{1,4}}?)(?={_COMPARATOR}?\d+(?:\.\d+)?(?P=unit))")
#: A figure cell's measure word ('≥6000盏' → 盏).
_CELL_UNIT = lazy_compile(rf"{_COMPARATOR}?\d+(?:\.\d+)?(?P<unit>[\u4e00-\u9fff]{{1,4}})")
#: The bare number of a figure, its comparator before it ('≥6000').
_NUMBER = lazy_compile(rf"{_COMPARATOR}?\d+(?:\.\d+)?")
#: A 分值 and its 得分 run together, bare ('109', '2018').
_BARE_PAIR = lazy_compile(r"\d{2,4}")


def figure_at(key: str, at: int, cells: list[str], buffer: str, pair_after_result: bool) -> re.Match[str] | None:
    """The figure that opens at `at` among a form's indicator rows (None where none does): with the measure
    word the row itself shows — one printed after both the target and the result ('≥6000盏6200盏': the
    target's word repeated, the result's that of the figure cell before it) — and, where the rows print
    their 分值 and 得分 right after the result (`pair_after_result`), the bare pair right after a row's
    target and result (no text `buffer` between): the Han character after it opens the row's reason
    ('95%109个别投诉' → 10 | 9, '个别投诉'), no measure word."""
    figure = FIGURE.match(key, at)
    if figure is None:
        return None
    if pair_after_result and not buffer and figures_before(cells) == 2:
        pair = _BARE_PAIR.match(key, at)
        if pair is not None and pair.end() < figure.end() and pair.group(0) == figure.group(0)[:pair.end() - at] \
                and is_han(key[pair.end()]) and len(weight_and_score(pair.group(0))) == 2:
            return pair
    longer = [figure, _REPEATED_UNIT.match(key, at)]
    unit = _CELL_UNIT.fullmatch(cells[-1]) if cells else None
    number = _NUMBER.match(key, at)
    if unit is not None and number is not None and key.startswith(unit.group("unit"), number.end()):
        longer.append(patterncache.compile(re.escape(key[at:number.end()] + unit.group("unit"))).match(key, at))
    return max((m for m in longer if m is not None), key=lambda m: m.end())


def worded_pair(text: str) -> list[str] | None:
    """A text among rows that print a target and a result, ending in two worded ones ('养殖户防疫意识有所提升
    提升明显'): the name, the target and the result; None when it does not end so."""
    phrase = worded_result().pattern
    pair = patterncache.compile(rf"(.{{2,}}?)({phrase})({phrase})").fullmatch(text)
    if pair is None or label_kind(pair.group(1)):
        return None
    return [pair.group(1), pair.group(2), pair.group(3)]


def is_figure_cell(cell: str) -> bool:
    """A cell that is a figure: one the figure pattern reads whole, or a number in a measure word of its own."""
    return bool(FIGURE.fullmatch(cell) or _CELL_UNIT.fullmatch(cell))


def figures_before(cells: list[str]) -> int:
    """How many figure cells end the cells so far (a row's target: 1)."""
    count = 0
    for cell in reversed(cells):
        if not is_figure_cell(cell):
            break
        count += 1
    return count


def inside_name(buffer: str) -> bool:
    """The text so far is an '指标1' / '任务2' prefix whose number belongs to the name."""
    return bool(re.search(r"(指标|任务|目标)$", buffer))


#: A bare 分值 right after an indicator's name, a text (the target in words) following it.
_BARE_WEIGHT = lazy_compile(r"\d{1,2}(?:\.5)?(?=[\u4e00-\u9fff])")
#: The most a 分值 read between a name and a text may be (a bigger number is the name's own figure).
_MAX_BARE_WEIGHT = 30


def weight_after_name(key: str, at: int, cells: list[str], weight_at: set[int], labels: tuple[str, ...]) -> str | None:
    """In a form whose rows print their 分值 right after the name ('三级指标 分值 年度指标值 …'), a
    bare number at `at` between the name and a text is the row's 分值 ('群众生产生活条件改善状况10显著
    提升显著提升10'): no measure word follows it, and it fits in its level's printed weight."""
    number = _BARE_WEIGHT.match(key, at)
    if number is None or inside_name(key[:at]) or (weight_at and max(weight_at) == len(cells) - 1):
        return None  # (after the row's 分值 the text is its target, and a number after it its 得分)
    if any(key.startswith(w, number.end()) for w in labels):
        return None  # a label follows: the number ends the row (its 得分)
    figure = FIGURE.match(key, at)
    if figure is None or figure.group(0) != number.group(0):
        return None  # a measure word follows: a count in the name ('新建3座…')
    value = Decimal(number.group(0))
    room = level_room(cells, weight_at)
    if not 0 < value <= _MAX_BARE_WEIGHT or (room is not None and 0 < room < value):
        return None
    return number.group(0)


def weight_then_target(figure: str, key: str, end: int) -> list[str] | None:
    """A 分值 glued to the target after it, in a form that prints the 分值 first: taken apart where
    the result that follows repeats the target ('1020万元' before '20万元' → 10 | 20万元), a met
    row's evidence of where the target begins; None when no such cut is seen."""
    following = FIGURE.match(key, end)
    if following is None:
        return None
    result = following.group(0)
    cuts = [(figure[:size], figure[size:]) for size in (1, 2)]
    cuts = [(weight, target) for weight, target in cuts if weight.isdigit() and target[:1] in "123456789"
            and 0 < int(weight) <= _MAX_BARE_WEIGHT]
    for weight, target in cuts:
        # (the result repeats the target, its measure word too where the figure pattern knows no such word:
        # '8550万粒' before '550万粒' → 8 | 550万粒)
        repeated = bool(target) and key.startswith(target, end) and not (
            target[-1].isdigit() and key[end + len(target):][:1].isdigit())
        if target == result or repeated:
            return [weight, target]
    # a rate above 100% is no target of a rate: the 分值 glued to it ('595%' before '100%' → 5 | 95%)
    rates = [(weight, target) for weight, target in cuts if _is_rate(figure) and _is_rate(target)
             and Decimal(figure.rstrip("%％")) > _WHOLE and Decimal(target.rstrip("%％")) <= _WHOLE]
    return list(rates[0]) if len(rates) == 1 else None


_WHOLE = Decimal(100)


def _is_rate(text: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?[%％]", text))


def texts_after_weight(cells: list[str], buffer: str, after_weight: bool) -> list[str]:
    """The text before a row's 得分, after its 分值 in a form that prints the 分值 first, is its target
    and its result run together: a text written twice ('显著提升显著提升') is the two cells."""
    half = len(buffer) // 2
    if after_weight and half >= 2 and len(buffer) % 2 == 0 and buffer[:half] == buffer[half:]:
        return [*cells, buffer[:half], buffer[half:]]
    return [*cells, buffer] if buffer else cells


class RunHeader:
    """Where the run is: before the indicator table's column header, in it, or among its rows (`body`).

    The header is a run of column labels that names the indicator column (三级指标, 指标名称); the
    first text after it opens the rows, and a level-header word (一级指标) opens a next header."""

    def __init__(self) -> None:
        self.columns = 0
        self.named = False
        self.body = False
        self.roles: list[str] = []  # the column roles of the header being read, in order
        self.figures: tuple[str, ...] = ()  # the figure columns after the unit column of the rows' header
        self.weights: list[str] = []  # the 分值 of the rows whose glued figures were read
        self.paired_result = False  # the rows print a target and a result before their 分值 and 得分
        self.pair_after_result = False  # ...the 分值 and 得分 right after the result
        self.results = False  # the rows print a target and a result (whatever columns follow)
        self.weight_first = False  # the rows print their 分值 right after the name, before the target

    def saw_label(self, label: str) -> None:
        if self.body and (label in ("一级指标", "二级指标", "三级指标") or matches("header.name", label)):
            self.body = False  # a next indicator table, or a next form
        if label in column_words() and not self.body:
            self.columns += 1
            self.named = self.named or matches("indicator.name", label)
            key = NOTE.sub("", label)
            self.roles.append(next((r for r in _ROLE_ORDER if matches(f"indicator.{r}", key)), ""))

    def saw_text(self) -> None:
        # (a header ends with its 得分 column, or a note column after it: a text before 得分 is a
        # header cell the dump garbled, '考值参分')
        # (a header with no 得分 column ends with its result and the reason column after it:
        # '三级指标 年度指标值 全年完成值 未完成原因和改进措施')
        done = "score" in self.roles or ("actual" in self.roles and self.roles[-1:] == ["reason"])
        if self.named and done and self.columns >= MIN_HEADER_WORDS:
            self.body = True
            self.figures = _figure_columns(self.roles)
            self.paired_result = {"target", "actual", "weight", "score"} <= set(self.roles)
            self.pair_after_result = self.paired_result and self.roles.index("target") < self.roles.index(
                "actual") and self.roles[self.roles.index("actual") + 1:self.roles.index("actual") + 3] == [
                "weight", "score"]
            self.results = {"target", "actual"} <= set(self.roles)
            self.weight_first = {"weight", "target"} <= set(self.roles) and \
                self.roles.index("weight") < self.roles.index("target")
        self.columns, self.named, self.roles = 0, False, []


#: The roles a header column is tried for, in this order (a 指标值 is a target before anything else).
_ROLE_ORDER = ("name", "unit", "nature", "weight", "score", "actual", "target", "rate", "reason")
#: The figure columns whose figures a dump may glue into one run of digits.
_FIGURE_ROLES = ("target", "weight", "actual", "score")


def _figure_columns(roles: list[str]) -> tuple[str, ...]:
    """The run of figure columns right after the header's unit column ('计量单位 | 指标性质 | 指标值 |
    指标权重 | 全年完成值 | 指标得分' → target weight actual score); () when the header has no unit
    column or a text column interrupts the run (then the figures are not printed glued)."""
    if "unit" not in roles:
        return ()
    after = [r for r in roles[roles.index("unit") + 1:] if r != "nature"]
    run = tuple(itertools.takewhile(lambda r: r in _FIGURE_ROLES, after))
    return run if {"weight", "score"} <= set(run) and len(run) >= 3 else ()
