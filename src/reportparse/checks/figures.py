"""One figure, two statements: a budget amount, an execution rate or a section score that the report
gives differently in two places — typically a narrative report and the form appended to it
(scoring-rules P17: 文字与表格不符)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from reportparse.checks import CheckContext, new_finding, pages_known, register, where_said
from reportparse.checks.common import evidence_of, fmt, fmt_money, unit_family
from reportparse.checks.moneyscope import counts_other_money, wider_area
from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Budget, Evidence, Finding, Paragraph, Quantity, ScoreLine

FIGURE_NAMES = {"initial": "年初预算数", "planned": "全年预算数", "executed": "全年执行数",
                "returned": "交回数", "printed_rate": "预算执行率"}


SCORE_TOLERANCE = Decimal("0.05")
_WRITTEN_NUMBER = lazy_compile(r"\d[\d,]*(?:\.(\d+))?\s*(万|亿|千)?")
_SCALE_PLACES = {"万": 4, "亿": 8, "千": 3}


def _precision(value: Decimal) -> int:
    """The place of the last digit of a number (-2 for 95.47, 0 for 10: whole units)."""
    exponent = value.normalize().as_tuple().exponent
    return min(exponent, 0) if isinstance(exponent, int) else 0


#: a writer's truncation of a rate's last digit (32.24 for 32.248%) on top of its rounding
TRUNCATION_SLACK = Decimal("0.01")
_HUNDRED = Decimal(100)


def half_last_digit(printed: str) -> Decimal:
    """Half the last printed digit of a figure, in its own unit ('5.21万元' → 0.005, '80%' → 0.5, '14' → 0.5)."""
    number = "".join(c for c in printed if c.isdigit() or c == ".")
    return Decimal(5).scaleb(-len(number.partition(".")[2]) - 1)


def percent_bounds(part: Decimal, part_half: Decimal, whole: Decimal, whole_half: Decimal) -> tuple[Decimal, Decimal]:
    """The percentages part ÷ whole can be, each figure anywhere within its rounding (`*_half`)."""
    low_whole, high_whole = whole - whole_half, whole + whole_half
    if low_whole <= 0:
        return Decimal(0), Decimal("Infinity")
    return (part - part_half) / high_whole * _HUNDRED, (part + part_half) / low_whole * _HUNDRED


def written_precision(quantity: Quantity | Actual) -> int | None:
    """The place of the last digit as written: 2 for '1268.72万元' (hundreds of yuan), -1 for '95.5%'."""
    match = _WRITTEN_NUMBER.search(quantity.raw or "")
    if match is None:
        return None
    return _SCALE_PLACES.get(match.group(2) or "", 0) - len(match.group(1) or "")


def disagree(a: Decimal, b: Decimal, place_a: int | None = None, place_b: int | None = None) -> bool:
    """True when two statements of one figure differ beyond the rounding of the coarser one:
    95.47 and 95.5 agree; 98 and 95.5 do not; 1268.72万 and 1268.7万 agree (`place_*`: the place of
    the last written digit, when the text shows it)."""
    coarse = max(_precision(a) if place_a is None else place_a, _precision(b) if place_b is None else place_b)
    step = Decimal(1).scaleb(coarse)
    return a.quantize(step, ROUND_HALF_UP) != b.quantize(step, ROUND_HALF_UP)


def _rate_in_percent(value: Decimal, other: Decimal) -> Decimal:
    """A rate printed as a fraction (0.955) beside one printed in percent (95.5)."""
    return value * 100 if value <= 1 < other else value


@register("conflicting-figures")
def budget_figures_disagree(ctx: CheckContext) -> Iterator[Finding]:
    """A budget amount or rate stated in two places with different values."""
    paged = pages_known(ctx)
    for project in ctx.report.projects:
        budget = project.budget
        for restated in budget.restatements:
            first: Quantity | None = getattr(budget, restated.figure)
            second = restated.quantity
            if first is None or first.value is None or second.value is None or first.approx or second.approx:
                continue
            a, b = first.value, second.value
            if restated.figure == "printed_rate" and _rate_of_other_money(budget, second):
                continue
            if restated.figure != "printed_rate" and _one_fund_rows_figure(budget, restated.figure, a, b):
                continue  # ('下达项目资金100万元' is the form's 当年财政拨款 row, its total 120万元 holds 上年结转 too)
            if restated.figure == "printed_rate":
                a, b = _rate_in_percent(a, b), _rate_in_percent(b, a)
            places = (None, None) if restated.figure == "printed_rate" else (
                written_precision(first), written_precision(second))
            if not disagree(a, b, *places):
                continue
            name = FIGURE_NAMES[restated.figure]
            shown = (f"{fmt(a)}%", f"{fmt(b)}%") if restated.figure == "printed_rate" else (fmt_money(a), fmt_money(b))
            yield new_finding(
                "conflicting-figures",
                f"{name}在报告不同位置不一致：{shown[0]}（“{first.raw}”{where_said(first.evidence[:1], paged)}）"
                f"；{shown[1]}（“{second.raw}”{where_said(second.evidence[:1], paged)}）",
                project=project.name, indicator=name, expected=a, actual=b,
                evidence=evidence_of(first.evidence, second.evidence),
            )


def _rate_of_other_money(budget: Budget, rate: Quantity) -> bool:
    """Is a second 执行率 said of other money than the project's own: of a wider area or a class of projects
    ('全市该类项目…执行率92.5%'), or beside amounts none of which is the project's final budget or spending (the
    reader may have held one of them for the budget while it read the sentence, before it chose another)?"""
    from reportparse.parse.quantities import money

    if not rate.evidence or rate.evidence[0].table is not None:
        return False
    sentence = rate.evidence[0].text
    before = sentence[:max(sentence.find(rate.raw), 0)]
    if wider_area(before):
        return True
    own = {q.value for q in (budget.initial, budget.planned, budget.executed) if q is not None and q.value is not None}
    amounts = {m.value for m in money(before) if m.value is not None}
    return bool(amounts) and not own & amounts


def _one_fund_rows_figure(budget: Budget, figure: str, a: Decimal, b: Decimal) -> bool:
    """Is one of the two statements the figure of one of the fund block's 其中 rows (当年财政拨款, 上年结转 …) in the
    same column? Then it is said of that part of the money, not of the whole the other states."""
    rows = [getattr(row, figure, None) for row in budget.sub_rows]
    values = {q.value for q in rows if q is not None and q.value is not None}
    return len(budget.sub_rows) > 1 and bool(values & {a, b}) and not {a, b} <= values


@register("conflicting-figures")
def section_scores_disagree(ctx: CheckContext) -> Iterator[Finding]:
    """A section's 得分 claimed again by an appended form with another value than the narrative's.

    Restatements of one level with the same other value are one disagreement, said once with all
    their places (a form that repeats a score on two rows is not two findings)."""
    paged = pages_known(ctx)
    for project in ctx.report.projects:
        groups: dict[tuple[str, Decimal], tuple[ScoreLine, list[ScoreLine]]] = {}
        for restated in project.restated_scores:
            first = next((line for line in project.scores if line.level == restated.level
                          and line.score is not None and line is not restated), None)
            if first is None or first.score is None or restated.score is None:
                continue
            # scores are not rounded when restated: any gap beyond float noise is a disagreement
            if abs(first.score - restated.score) <= SCORE_TOLERANCE:
                continue
            groups.setdefault((restated.level, restated.score), (first, []))[1].append(restated)
        for (level, score), (first, lines) in groups.items():
            assert first.score is not None
            places = where_said([ev for line in lines for ev in line.evidence[:1]], paged)
            yield new_finding(
                "conflicting-figures",
                f"{level}的得分在报告不同位置不一致：{fmt(first.score)}分{where_said(first.evidence[:1], paged)}；"
                f"{fmt(score)}分{places}",
                project=project.name, indicator=f"{level}得分", expected=first.score, actual=score,
                evidence=evidence_of(first.evidence, *(line.evidence for line in lines)),
            )


#: What a cost row may total beyond one year's money: a multi-year investment, a running total.
_BEYOND_THE_YEAR = lazy_compile(r"总投资|概算|累计|合同")


def printed_place(quantity: Quantity | Actual) -> int | None:
    """The place of the last printed digit, in yuan, also where the unit was not printed beside the figure
    ('90' under a 万元 target, read as 900000 元: its last digit is the 万)."""
    match = _WRITTEN_NUMBER.search(quantity.raw or "")
    if match is None or quantity.value is None:
        return written_precision(quantity)
    printed = Decimal(match.group(0).rstrip("万亿千 ").replace(",", ""))
    if match.group(2) or not printed:
        return written_precision(quantity)
    scale = (quantity.value / printed).normalize()
    exponent = scale.as_tuple().exponent
    if scale.as_tuple().digits != (1,) or not isinstance(exponent, int):
        return written_precision(quantity)
    return exponent - len(match.group(1) or "")


@register("conflicting-figures")
def cost_row_beyond_the_spending(ctx: CheckContext) -> Iterator[Finding]:
    """A 成本指标 row whose 实际完成值 is an amount of money (a total, not a cost per unit) greater than what the
    project's own fund block says it spent: the project's cost stated twice, with two figures (713万元 of
    road facilities against 372.29万元 executed). A cost below the spending may be one part of it; a total
    beyond it is money no printed line covers."""
    paged = pages_known(ctx)
    for project in ctx.report.projects:
        spent = project.budget.executed
        if spent is None or spent.value is None or spent.value <= 0 or spent.approx:
            continue
        for indicator in project.indicators:
            if "成本" not in indicator.level or _BEYOND_THE_YEAR.search(indicator.name) \
                    or counts_other_money(indicator.name):
                continue  # (a multi-year total, or one that counts money besides the fiscal funds: 含群众自筹)
            for actual in indicator.actuals:
                if (actual.value is None or actual.approx or unit_family(actual.unit) != "money"
                        or _BEYOND_THE_YEAR.search(actual.raw or "") or counts_other_money(actual.raw or "")):
                    continue
                if actual.value <= spent.value or not disagree(
                        actual.value, spent.value, printed_place(actual), printed_place(spent)):
                    continue
                yield new_finding(
                    "conflicting-figures",
                    f"成本指标“{indicator.name}”的实际完成值为 {fmt_money(actual.value)}（“{actual.raw}”"
                    f"{where_said(actual.evidence[:1], paged)}），多于项目资金的全年执行数 {fmt_money(spent.value)}"
                    f"（“{spent.raw}”{where_said(spent.evidence[:1], paged)}）",
                    project=project.name, indicator=indicator.name, expected=spent.value, actual=actual.value,
                    evidence=evidence_of(actual.evidence, spent.evidence),
                )
                break


# ------------------------------------------------------------------------------------------
# a department form's spending by nature against its 全年执行数
# ------------------------------------------------------------------------------------------

_NUMBER = r"[ \t]*[:：]?[ \t]*(\d+(?:\.\d+)?)[ \t]*(?:万元)?"
_BY_NATURE = lazy_compile(r"按支出性质分(?:" + _NUMBER + ")?")
_BASIC = lazy_compile(r"基本支出" + _NUMBER)
_PROJECTS = lazy_compile(r"项目支出" + _NUMBER)
_WAN = Decimal(10000)
#: 0.01 万元, the last printed digit of a form's amounts
_WAN_TOLERANCE = Decimal("0.01")


@register("conflicting-figures")
def spending_by_nature_differs(ctx: CheckContext) -> Iterator[Finding]:
    """A 部门整体支出 form splits its money 按收入性质分 and 按支出性质分 (基本支出 + 项目支出): what was spent
    by nature is the 全年执行数. A form whose 执行数 repeats the income total while its own spending
    split says less (2030.12 against 900.47 + 1025.20 = 1925.67 万元) states the spending twice."""
    from reportparse.checks.budget import budget_misread

    if ctx.document is None or len(ctx.report.projects) != 1:
        return
    project = ctx.report.projects[0]
    executed = project.budget.executed
    if executed is None or executed.value is None or budget_misread(project):
        return
    lines = _form_lines(ctx)
    text = "\n".join(t for t, _ in lines)
    head = _BY_NATURE.search(text)
    if head is None:
        return
    basic, projects = _BASIC.search(text, head.start()), _PROJECTS.search(text, head.start())
    if head.group(1) is not None:
        spent, how = Decimal(head.group(1)), f"按支出性质分 {head.group(1)}万元"
    elif basic is not None and projects is not None:
        spent = Decimal(basic.group(1)) + Decimal(projects.group(1))
        how = f"基本支出 {basic.group(1)} + 项目支出 {projects.group(1)} = {fmt(spent)}万元"
    else:
        return
    stated = executed.value / _WAN
    if abs(stated - spent) <= _WAN_TOLERANCE:
        return
    quotes = [ev for t, ev in lines if any(m is not None and m.group(0).strip() in t for m in (head, basic, projects))]
    yield new_finding(
        "conflicting-figures",
        f"全年执行数 {fmt_money(executed.value)} 与同一表中按支出性质分的支出（{how}）不一致",
        project=project.name, indicator=FIGURE_NAMES["executed"], expected=spent * _WAN, actual=executed.value,
        evidence=evidence_of(executed.evidence, quotes[:3]),
    )


def _form_lines(ctx: CheckContext) -> list[tuple[str, Evidence]]:
    """Every line of the document's paragraphs and every table cell, with the quote that locates it."""
    from reportparse.model import Paragraph, Table

    out: list[tuple[str, Evidence]] = []
    assert ctx.document is not None
    for element in ctx.document.elements:
        if isinstance(element, Paragraph):
            out += [(ln.text, Evidence(page=ln.page, text=ln.text.strip(), line=ln.line, bbox=ln.bbox))
                    for ln in element.lines]
        elif isinstance(element, Table):
            out += [(c.text, Evidence(page=c.page, text=c.text.strip(), line=c.line, table=element.index,
                                      row=c.row, col=c.col, sheet=element.sheet, cell=c.ref))
                    for row in element.rows for c in row if c.text.strip()]
    return out


# ------------------------------------------------------------------------------------------
# one allocation document (文号) cited twice with two amounts
# ------------------------------------------------------------------------------------------

#: a document number as reports cite the notice that allocated the money: the issuer's abbreviation, the
#: year in any of the brackets prints use, the number ('呼财农指【2023】41号', '财社〔2022〕15号'). The key is the
#: abbreviation's last four characters, the year and the number: a citation may name the issuing body before it
_DOCUMENT_NUMBER = lazy_compile(r"([\u4e00-\u9fff]{1,12})\s*[〔【\[(（［]\s*((?:19|20)\d\d)\s*[〕】\])）］]"
                                r"\s*第?(\d{1,4})\s*号")
_ABBREVIATION_KEPT = 4
#: the verb that says a sentence gives the document's allocation, before its amount
_ALLOCATES = lazy_compile(r"下达|下拨|拨付|拨入|安排|分配|批复")
_CLAUSES_END = lazy_compile(r"[。；;！!\n]")


@register("conflicting-figures")
def allocation_cited_with_two_amounts(ctx: CheckContext) -> Iterator[Finding]:
    """A report that names the notice its money came from ('…呼财农指【2023】41号文件…下达资金5万元') in two
    places, each time as the one amount that notice allocated, with two different amounts.

    Only sentences that cite one document and give one amount after an allocation verb count (a sentence
    with several amounts is a breakdown, a part of which is no restatement of the whole), and only in a
    report of one project: a report of several may cite one notice for each project's share."""
    from reportparse.parse.quantities import money

    if ctx.document is None or len(ctx.report.projects) > 1:
        return
    cited: dict[tuple[str, str, str], list[tuple[Decimal, Quantity, Evidence]]] = {}
    for element in ctx.document.elements:
        if not isinstance(element, Paragraph):
            continue
        for sentence, quote in _sentences(element):
            numbers = {(m.group(1)[-_ABBREVIATION_KEPT:], m.group(2), m.group(3))
                       for m in _DOCUMENT_NUMBER.finditer(sentence)}
            amounts = money(sentence)
            if len(numbers) != 1 or len(amounts) != 1 or amounts[0].value is None or amounts[0].approx:
                continue
            verb = _ALLOCATES.search(sentence)
            if verb is None or verb.start() > amounts[0].start:
                continue
            amount = amounts[0]
            assert amount.value is not None
            cited.setdefault(numbers.pop(), []).append((amount.value, amount.quantity(), quote))
    owner = ctx.report.projects[0].name if ctx.report.projects else None
    for (abbreviation, year, number), citations in cited.items():
        first_value, first, first_quote = citations[0]
        other = next(((v, q, e) for v, q, e in citations[1:]
                      if disagree(first_value, v, written_precision(first), written_precision(q))), None)
        if other is None:
            continue
        value, quantity, quote = other
        label = f"{abbreviation}〔{year}〕{number}号"
        yield new_finding(
            "conflicting-figures",
            f"同一文件（{label}）下达的资金在报告不同位置不一致：{fmt_money(first_value)}（“{first.raw}”）；"
            f"{fmt_money(value)}（“{quantity.raw}”）",
            project=owner, indicator=f"{label}下达资金", expected=first_value, actual=value,
            evidence=[first_quote, quote],
        )


def _sentences(paragraph: Paragraph) -> Iterator[tuple[str, Evidence]]:
    """The sentences of a paragraph that cite a document number, each with the quote that locates it."""
    start = 0
    for part in _CLAUSES_END.split(paragraph.text):
        offset = paragraph.text.find(part, start)
        start = offset + len(part)
        if "号" not in part or not part.strip():
            continue
        line = next((ln for ln, (a, b) in zip(paragraph.lines, paragraph.spans, strict=False) if a <= offset < b),
                    None)
        yield part, Evidence(page=line.page if line else paragraph.page, text=part.strip(),
                             line=line.line if line else None, bbox=line.bbox if line else None)
