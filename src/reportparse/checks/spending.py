"""The arithmetic a reviewer does on a department's “三公”经费 table (parse/spending.py).

The parts adding up to 三公经费合计 is the fund-sum check's (the table's totals are FundTotals). Here:
a 控制率 (column or the department's 三公经费控制率 indicator) against 决算数 ÷ 预算数; an 增减 / 增减率
column against 决算数 − 上年数; and the prose restating a category's figure, or its rise or fall on
the year before, otherwise than the table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import fmt_money
from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Finding, Paragraph, SpendingRow
from reportparse.parse.department import measures
from reportparse.parse.evidence import span_evidence
from reportparse.parse.spending import row_kind, whole_spending

#: a rate printed to one or two decimals, or rounded to a whole percent
RATE_TOLERANCE = Decimal("0.5")
#: money printed to 0.01 万元
MONEY_TOLERANCE = Decimal(100)
_HUNDRED = Decimal(100)
#: a category named in prose: '“三公”经费', '公务接待费', '公务用车运行维护费', '基本支出'
_CATEGORY = lazy_compile(r"[“\"]?三公[”\"]?经费|因公出国[（(]?境[)）]?(?:费用?|经费)?|公务用车[购置及和运行维护费用经]*"
                         r"|公车[购置及和运行维护费用经]+|公务接待(?:费用?|经费)?"
                         # (the department's whole spending a table of 经费控制情况 opens with)
                         r"|(?:部门|单位)?(?:整体)?支出(?:总额|合计|总计)|基本支出|项目支出")
#: what a sentence compares a category's spending with: the year before ('比上年', '与2020年度决算相比'), or the
#: year's budget ('较预算', '与2021年度预算相比'). A year is told apart by the report's year: the one before is
#: 上年; the report's own with 预算 is its budget (a bare '与2021年相比' in a 2021 report names neither)
_REFERENCE = (r"(?:(?P<budget>(?:(?P<budget_year>(?:19|20)\d\d)年度?)?(?:年初|全年|调整后)?预算(?:数|安排数?)?)"
              r"|(?P<prior>上年度?|去年|上一年度?)(?:同期)?"
              r"|(?P<prior_year>(?:19|20)\d\d)年度?(?:同期)?)"
              r"(?:决算数?|支出数?|实际支出数?)?")
#: '…比上年减少3.2万元', '较上年下降12.5%', '与2021年度预算相比减少0.1万元', '与上年相比无变化'
_CHANGE = lazy_compile(r"[^。；;]{0,30}?(?:(?P<lead>同比|比|较)(?:" + _REFERENCE + r")?"
                       r"|(?:与|和|同)" + _REFERENCE.replace("?P<", "?P<with_") + r"(?:相比|比较))"
                       r"[，,]?\s*(?:(?P<rough>基本|大体|大致|略有)?"
                       r"(?P<same>无增减|无变化|没有变化|未发生?变化|持平|不变)"
                       r"|(?P<dir>增加|增长|上升|减少|下降|降低|节约|压减|减支)了?\s*"
                       r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>万元|元|%|％))")
#: '…预算数为63.46万元', '…决算支出44.29万元'
_STATED = lazy_compile(r"(?:财政拨款)?(?:支出)?(?:全年|年度|本年)?(?P<col>预算|决算|实际支出)(?:数|金额|支出)?"
                       r"\s*(?:为|是|[:：])?\s*"
                       r"(?P<n>\d+(?:\.\d+)?)\s*(?P<u>万元|元)")
#: '…支出决算为16万元，完成预算的88.89%': 决算 ÷ 预算 restated
_COMPLETED = lazy_compile(r"[^。；;]{0,40}?完成(?:年初|全年|调整后)?预算(?:数)?的\s*(?P<n>\d+(?:\.\d+)?)\s*[%％]")
#: '…公务接待费5.21万元，占67.75%', '…决算数2.48万元，占“三公”经费支出的32.24%': a category's amount and its share
_SHARE = lazy_compile(r"[^。；;]{0,20}?(?P<amount>\d+(?:\.\d+)?)\s*(?P<u>万元|元)\s*[，,]?\s*(?:占比|占)"
                      r"(?P<base>[^，,；;。\d%％]{0,16}?)\s*(?:为|是)?\s*(?P<n>\d+(?:\.\d+)?)\s*[%％]")
#: a share's base that is no part of the category's total: a budget (a completion rate), another year
_OTHER_BASE = lazy_compile(r"预算|上年|去年|同期|比|较")
_RISE = ("增加", "增长", "上升")


@register("budget-rate-mismatch")
def control_rate_differs(ctx: CheckContext) -> Iterator[Finding]:
    """A 三公经费 控制率 (the table's column, or the department's indicator) that is not 决算数 ÷ 预算数."""
    for row in ctx.report.spending:
        if whole_spending(row.category):
            continue  # (a department's 执行率 of 基本支出/项目支出 may be on a budget column the table does not name)
        rate = row.figures.get("rate")
        computed = _rate(row)
        if rate is not None and rate.value is not None and computed is not None \
                and abs(rate.value - computed) > RATE_TOLERANCE:
            yield _rate_finding(row, rate.value, computed, rate.evidence)
    totals = [row for row in ctx.report.spending
              if row.parent is None and not whole_spending(row.category) and _rate(row) is not None]
    if len({row.table for row in totals}) != 1:
        return  # no table, or two tables that may be of two years
    total = totals[-1]
    computed = _rate(total)
    assert computed is not None
    for project in ctx.report.projects:
        for indicator in project.indicators:
            if _measure(indicator.name) != "三公经费控制率":
                continue  # (a form's row may say '“三公”经费支出控制率')
            for actual in indicator.actuals:
                if actual.value is not None and actual.unit == "%" and abs(actual.value - computed) > RATE_TOLERANCE:
                    yield _rate_finding(total, actual.value, computed, actual.evidence, project.name)


def _measure(name: str) -> str | None:
    """The shared department measure an indicator's name is written for, if any."""
    key = re.sub(r"\s+", "", name)
    return next((m.name for m in measures() if m.pattern.fullmatch(key)), None)


def _rate(row: SpendingRow) -> Decimal | None:
    budget, actual = row.figures.get("budget"), row.figures.get("actual")
    if budget is None or actual is None or not budget.value or actual.value is None:
        return None
    return (actual.value / budget.value * _HUNDRED).quantize(Decimal("0.01"))


def _rate_finding(row: SpendingRow, stated: Decimal, computed: Decimal, evidence: list[Evidence],
                  project: str | None = None) -> Finding:
    return new_finding(
        "budget-rate-mismatch",
        f"{row.category}控制率 {stated}% 与 决算数÷预算数 = {computed}% 不符",
        project=project, indicator=f"{row.category}控制率", expected=computed, actual=stated,
        evidence=[*evidence, *row.evidence])


@register("conflicting-figures")
def change_differs(ctx: CheckContext) -> Iterator[Finding]:
    """An 增减 / 增减率 column, or a sentence, that states another rise or fall than 决算数 − 上年数 (or, said
    against the budget, 决算数 − 预算数); a sentence that restates a category's 预算数 or 决算数 otherwise than
    the table. In a report of one project (the department's spending) the finding is that project's."""
    owner = ctx.report.projects[0].name if len(ctx.report.projects) == 1 else None
    for finding in _changes_said_twice(ctx):
        yield finding if finding.project or owner is None else finding.model_copy(update={"project": owner})


def _changes_said_twice(ctx: CheckContext) -> Iterator[Finding]:
    for row in ctx.report.spending:
        change = _change(row)
        if change is None:
            continue
        stated = row.figures.get("change")
        if stated is not None and stated.value is not None and abs(stated.value - change) > MONEY_TOLERANCE:
            yield new_finding("conflicting-figures",
                              f"{row.category}增减 {fmt_money(stated.value)} 与 决算数−上年数 = "
                              f"{fmt_money(change)} 不符",
                              indicator=row.category, expected=change, actual=stated.value,
                              evidence=[*stated.evidence, *row.evidence])
        stated_rate = row.figures.get("change_rate")
        computed = _change_rate(row)
        if stated_rate is not None and stated_rate.value is not None and computed is not None \
                and abs(stated_rate.value - computed) > RATE_TOLERANCE:
            yield new_finding("conflicting-figures",
                              f"{row.category}增减率 {stated_rate.value}% 与 (决算数−上年数)÷上年数 = {computed}% 不符",
                              indicator=row.category, expected=computed, actual=stated_rate.value,
                              evidence=[*stated_rate.evidence, *row.evidence])
    yield from _prose(ctx)


def _change(row: SpendingRow, reference: str = "prior") -> Decimal | None:
    """决算数 − the reference column's figure (上年数, or 预算数)."""
    actual, before = row.figures.get("actual"), row.figures.get(reference)
    if actual is None or before is None or actual.value is None or before.value is None:
        return None
    return actual.value - before.value


def _change_rate(row: SpendingRow, reference: str = "prior") -> Decimal | None:
    change, before = _change(row, reference), row.figures.get(reference)
    if change is None or before is None or not before.value:
        return None
    return (change / before.value * _HUNDRED).quantize(Decimal("0.01"))


def _prose(ctx: CheckContext) -> Iterator[Finding]:
    """Sentences about a category that the table contradicts."""
    tables = {row.table for row in ctx.report.spending}
    if len(tables) != 1 or ctx.document is None:
        return  # two tables may be of two years or two bodies: which one a sentence means is not known
    rows = {row.category: row for row in ctx.report.spending}
    # (the 三公 categories are shares of 三公经费, the whole spending's parts of 支出总额)
    totals = {whole: next((row for row in ctx.report.spending
                           if row.parent is None and whole_spending(row.category) == whole), None)
              for whole in (False, True)}
    for element in ctx.document.elements:
        if not isinstance(element, Paragraph):
            continue
        for match in _CATEGORY.finditer(element.text):
            kind = row_kind(match.group())
            row = rows.get(kind.category) if kind else None
            if row is None:
                continue
            yield from _stated_change(element, match.start(), match.end(), row, ctx.report.year)
            yield from _stated_rate(element, match.start(), match.end(), row)
            yield from _stated_figure(element, match.start(), match.end(), row)
            total = totals[whole_spending(row.category)]
            if total is not None and row is not total:
                yield from _stated_share(element, match.start(), match.end(), row, total)


_WAN = Decimal(10000)


def _scale(unit: str) -> Decimal:
    return Decimal(10000) if unit == "万元" else Decimal(1)


#: the words a sentence names its reference by, for the message
_REFERENCE_WORDS = {"prior": "上年", "budget": "预算"}


def _reference(said: re.Match[str], year: int | None) -> str | None:
    """The column a stated change is reckoned from: 'prior' (上年数), 'budget' (预算数), or None when the
    sentence names a year that is neither the one before the report's nor, with 预算, the report's own."""
    group = dict(said.groupdict())
    for name, value in said.groupdict().items():
        if name.startswith("with_") and value is not None:
            group[name[len("with_"):]] = value
    if group.get("budget"):
        stated = group.get("budget_year")
        return "budget" if stated is None or year is None or int(stated) == year else None
    if group.get("prior_year"):
        return "prior" if year is not None and int(group["prior_year"]) == year - 1 else None
    return "prior"  # '比上年', '同比', or a bare '较' after the category: the year before, as tables print it


def _tolerance(number: str, unit: str) -> Decimal:
    """What a stated amount may be off by its rounding: just under half its last printed digit ('减少10万元' may
    round 9.69万, not 9.5万 — a writer who knew 9.5 would print it), at least 0.01万元."""
    places = len(number.partition(".")[2])
    return max(MONEY_TOLERANCE, Decimal(5).scaleb(-places - 1) * _scale(unit) - MONEY_TOLERANCE)


def _stated_change(para: Paragraph, start: int, end: int, row: SpendingRow,
                   year: int | None) -> Iterator[Finding]:
    said = _CHANGE.match(para.text, end)
    if said is None or said.group("rough") or _CATEGORY.search(para.text, end, said.start("same" if said.group("same")
                                                                                       else "dir")):
        return  # (no rise or fall said, or said of the next category named: '…其中公务接待费比上年减少…')
    reference = _reference(said, year)
    change = _change(row, reference) if reference else None
    if change is None:
        return
    word = _REFERENCE_WORDS[reference or "prior"]
    evidence = [span_evidence(para, start, said.end()), *row.evidence]
    if said.group("same"):
        if abs(change) > MONEY_TOLERANCE:
            yield new_finding("conflicting-figures",
                              f"报告称{row.category}与{word}相比{said.group('same')}, 但表中决算数比{word}数"
                              f"{'增加' if change > 0 else '减少'} {fmt_money(abs(change))}",
                              indicator=row.category, expected=change, actual=said.group("same"), evidence=evidence)
        return
    if change == 0:
        return
    rise = said.group("dir") in _RISE
    number = Decimal(said.group("n"))
    if rise != (change > 0):
        yield new_finding("conflicting-figures",
                          f"报告称{row.category}比{word}{said.group('dir')}, 但表中决算数比{word}数"
                          f"{'增加' if change > 0 else '减少'} {fmt_money(abs(change))}",
                          indicator=row.category, expected=change, actual=said.group(), evidence=evidence)
        return
    if said.group("u") in ("%", "％"):
        computed = _change_rate(row, reference or "prior")
        if computed is not None and abs(number - abs(computed)) > RATE_TOLERANCE:
            yield new_finding("conflicting-figures",
                              f"报告称{row.category}比{word}{said.group('dir')} {number}%, 表中为 {abs(computed)}%",
                              indicator=row.category, expected=abs(computed), actual=number, evidence=evidence)
    elif abs(number * _scale(said.group("u")) - abs(change)) > _tolerance(said.group("n"), said.group("u")):
        yield new_finding("conflicting-figures",
                          f"报告称{row.category}比{word}{said.group('dir')} {said.group('n')}{said.group('u')}, "
                          f"表中为 {fmt_money(abs(change))}",
                          indicator=row.category, expected=abs(change), actual=number * _scale(said.group("u")),
                          evidence=evidence)


def _stated_rate(para: Paragraph, start: int, end: int, row: SpendingRow) -> Iterator[Finding]:
    said = _COMPLETED.match(para.text, end)
    computed = _rate(row)
    if said is None or computed is None or _CATEGORY.search(para.text, end, said.start("n")):
        return
    stated = Decimal(said.group("n"))
    if abs(stated - computed) > RATE_TOLERANCE:
        yield _rate_finding(row, stated, computed, [span_evidence(para, start, said.end())])


def _stated_share(para: Paragraph, start: int, end: int, row: SpendingRow, total: SpendingRow) -> Iterator[Finding]:
    """A category's amount said with its share of the 三公经费 total ('公务接待费5.21万元，占67.75%'): the share of
    the column whose figure the amount is (决算 or 预算), as the table gives both."""
    said = _SHARE.match(para.text, end)
    if said is None or _OTHER_BASE.search(said.group("base")) or _CATEGORY.search(para.text, end, said.start("amount")):
        return  # (another base, or the share of the next category named)
    amount = Decimal(said.group("amount")) * _scale(said.group("u"))
    for column in ("actual", "budget"):
        part, whole = row.figures.get(column), total.figures.get(column)
        if part is None or whole is None or part.value is None or not whole.value \
                or abs(part.value - amount) > MONEY_TOLERANCE:
            continue
        computed = (part.value / whole.value * _HUNDRED).quantize(Decimal("0.01"))
        stated = Decimal(said.group("n"))
        if abs(stated - computed) > RATE_TOLERANCE:
            yield new_finding("conflicting-figures",
                              f"报告称{row.category} {said.group('amount')}{said.group('u')} 占{total.category}的 "
                              f"{stated}%, 表中为 {fmt_money(part.value)} ÷ {fmt_money(whole.value)} = {computed}%",
                              indicator=row.category, expected=computed, actual=stated,
                              evidence=[span_evidence(para, start, said.end()), *row.evidence, *total.evidence])
        return


def _stated_figure(para: Paragraph, start: int, end: int, row: SpendingRow) -> Iterator[Finding]:
    said = _STATED.match(para.text, end)
    if said is None:
        return
    figure = row.figures.get("budget" if said.group("col") == "预算" else "actual")
    if figure is None or figure.value is None:
        return
    number = Decimal(said.group("n")) * _scale(said.group("u"))
    if _WAN in (number / figure.value if figure.value else None, figure.value / number if number else None):
        return  # (the same figure in 万元 and in 元: a table that prints no unit, read as 元)
    if abs(number - figure.value) > MONEY_TOLERANCE:
        yield new_finding("conflicting-figures",
                          f"报告称{row.category}{said.group('col')}数 {said.group('n')}{said.group('u')}, "
                          f"表中为 {fmt_money(figure.value)}",
                          indicator=row.category, expected=figure.value, actual=number,
                          evidence=[span_evidence(para, start, said.end()), *row.evidence])
