"""Budget checks: execution rate and its score, over-execution, unexplained balances, fund sums,
and projects that were never evaluated (scoring-rules R3, R8; problem catalogue P2–P4)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import pairwise

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import ZERO, evidence_of, fmt, fmt_money, has_any_score, level_line
from reportparse.checks.moneyscope import cut_at_a_separator, not_the_same_money
from reportparse.checks.rounding import score_slack
from reportparse.checks.yearmoney import carried_over, sentences, year_income
from reportparse.lazypattern import lazy_compile
from reportparse.model import Budget, Evidence, Finding, Project, Quantity, Table
from reportparse.normalise.report import execution_rate
from reportparse.parse.ratesandbalances import DEFERRED_PAYMENT
from reportparse.scoring import budget_score

#: 0.01 万元: amounts are printed to two decimals of 万元, so a smaller gap is rounding
FUND_TOLERANCE = Decimal(100)


def _value(quantity: Quantity | None) -> Decimal | None:
    return None if quantity is None else quantity.value


def _evidence(*quantities: Quantity | None) -> list[Evidence]:
    return evidence_of(*(q.evidence for q in quantities if q is not None))


def _rate(project: Project) -> Decimal | None:
    """executed / planned × 100 by the normaliser's one formula, from the amounts this check quotes.

    Not `Budget.rate`: that is what `normalise_report` stored, and a Report built by hand (an API
    user, a test) may leave it empty; computing from the amounts with the same function gives the
    stored value on a normalised report and the right one on any other.
    """
    return execution_rate(project.budget.planned, project.budget.executed)


#: no 分值 of a self-evaluation form exceeds the form's whole 100 points: a bigger one is an amount
#: the reader took from a neighbouring cell
MAX_WEIGHT = Decimal(100)
#: executed more than this many times the budget: far likelier a misread amount than a real overspend
IMPLAUSIBLE_OVERSPEND = Decimal(2)


def budget_misread(project: Project) -> bool:
    """True when the budget row's cells cannot be what their columns say, so no budget check can
    judge them: a percentage in an amount column, an amount in the 分值 column, or a bare number in
    the 执行率 column that repeats the 分值/得分/执行数 cell beside it. A text dump that drops an
    empty cell shifts every later cell one column left; a false 执行率 error is worse than none.
    """
    budget = project.budget
    amounts = (budget.initial, budget.planned, budget.executed)
    if any(q is not None and "%" in q.raw.replace("％", "%") for q in amounts):
        return True
    weight, score, _ = _budget_claim(project)
    if (weight is not None and weight > MAX_WEIGHT) or (score is not None and score > MAX_WEIGHT):
        return True  # (an amount in the 分值 column, or a score above the form's 100 points: '110' read for '10')
    rate = budget.printed_rate
    if rate is None or rate.value is None or "%" in rate.raw.replace("％", "%"):
        return False
    executed_cells = {ev.text.strip() for ev in budget.executed.evidence} if budget.executed is not None else set()
    if rate.value == 0:
        return False  # a 0 printed beside a 0 score is a form that scored nothing, not a shifted cell
    return rate.value in {weight, score} or rate.raw.strip() in executed_cells


def _budget_claim(project: Project) -> tuple[Decimal | None, Decimal | None, list[Evidence]]:
    """The budget block's weight and claimed score, from the Budget or the 预算执行 score line."""
    line = level_line(project, "预算执行")
    weight = project.budget.weight if project.budget.weight is not None else (line.weight if line else None)
    score = project.budget.score if project.budget.score is not None else (line.score if line else None)
    return weight, score, list(line.evidence) if line else []


@register("budget-rate-mismatch")
def printed_rate_differs(ctx: CheckContext) -> Iterator[Finding]:
    """A printed 执行率 that is not executed / planned (±rate_tolerance_pp; "1" read as 100%)."""
    for project in ctx.report.projects:
        budget = project.budget
        rate = _rate(project)
        printed = _value(budget.printed_rate)
        if rate is None or printed is None or budget_misread(project):
            continue
        tolerance = ctx.profile.rate_tolerance_pp
        tolerance = max(tolerance, _printed_precision_pp(budget.printed_rate))
        if abs(printed - rate) <= tolerance or (printed <= 1 and abs(printed * 100 - rate) <= tolerance):
            continue
        if _restated_pair_gives(budget, printed, tolerance):
            continue  # (the rate printed beside the form's own figures, which the prose stated of a part)
        yield new_finding(
            "budget-rate-mismatch",
            f"填报的预算执行率为 {fmt(printed)}%，而 全年执行数 {fmt_money(_value(budget.executed))} ÷ "
            f"全年预算数 {fmt_money(_value(budget.planned))} = {fmt(rate)}%",
            project=project.name, expected=rate.quantize(Decimal("0.01")), actual=printed,
            evidence=_evidence(budget.printed_rate, budget.planned, budget.executed), profile=ctx.profile.name,
        )


_PRINTED_NUMBER = lazy_compile(r"(\d+)[.．](\d+)")


def _printed_precision_pp(printed: Quantity | None) -> Decimal:
    """Half a unit of the printed rate's last decimal, in percentage points.

    "0.1" (read as 10%) for 94/650 = 0.1446 is that rate rounded to one decimal of a fraction: it
    stands for anything from 5% to 15%, so only a gap beyond 5 points contradicts it. A rate without
    decimals ("1", "97%") gets nothing beyond the profile's tolerance: "1" is "100%" written short.
    """
    if printed is None or printed.value is None:
        return ZERO
    found = _PRINTED_NUMBER.search(printed.raw)
    if found is None:
        return ZERO
    number = Decimal(f"{found.group(1)}.{found.group(2)}")
    if number == 0:
        return ZERO
    half_unit = Decimal(5) / (Decimal(10) ** (len(found.group(2)) + 1))
    return half_unit * abs(printed.value / number)


@register("budget-score-mismatch")
def budget_score_differs(ctx: CheckContext) -> Iterator[Finding]:
    """A claimed budget score that is not weight × min(rate, 1) (scoring-rules R3 C3.2/C3.3; half a point on a
    form that prints whole points, `checks/rounding`)."""
    for project in ctx.report.projects:
        rate = _rate(project)
        weight, score, score_evidence = _budget_claim(project)
        expected = budget_score(_value(project.budget.planned), _value(project.budget.executed), weight)
        if rate is None or weight is None or score is None or expected is None or budget_misread(project):
            continue
        if abs(score - expected) <= score_slack(project, score, weight, ctx.profile.score_tolerance):
            continue
        budget = project.budget
        yield new_finding(
            "budget-score-mismatch",
            f"预算执行得分应为 分值 {fmt(weight)} × 执行率 {fmt(rate)}%（{fmt_money(_value(budget.executed))} / "
            f"{fmt_money(_value(budget.planned))}）= {fmt(expected)} 分，报告得分 {fmt(score)} 分",
            project=project.name, indicator="预算执行", expected=expected, actual=score,
            evidence=score_evidence + _evidence(budget.planned, budget.executed), profile=ctx.profile.name,
        )


@register("over-executed")
def executed_above_budget(ctx: CheckContext) -> Iterator[Finding]:
    """Executed more than the (full-year) budget and, in a one-budget report, than the budget and the money
    it states was carried over from the year before.

    Not when executed is more than twice the budget or the row is misread (`budget_misread`): such
    a gap is an amount read into the wrong place (a 其中 part taken for the budget, 项目支出 of a
    whole department taken for one project's spending), not an overspend a reviewer would trust.
    """
    budgeted = [p for p in ctx.report.projects if p.budget.planned is not None]
    carried = carried_over(ctx) if len(budgeted) == 1 else ZERO
    income = year_income(ctx) if len(budgeted) == 1 else ZERO
    for project in ctx.report.projects:
        budget = project.budget
        planned, executed = _value(budget.planned), _value(budget.executed)
        if planned is None or executed is None or executed <= planned:
            continue
        if executed > IMPLAUSIBLE_OVERSPEND * planned or budget_misread(project):
            continue
        if carried and executed <= planned + carried + FUND_TOLERANCE:
            continue  # (spent within this year's money and last year's carried over: no overspend)
        if income > planned and executed <= income + carried + FUND_TOLERANCE:
            continue  # (the year brought more than the budget approved at its start, money added in the year, and
            # the spending keeps within what came in: the budget grew, nothing was overspent)
        if not_the_same_money(budget.planned, budget.executed) and not _rate_says_over(project):
            continue  # (one source's budget, several years' spending, an investment: no like-for-like pair)
        if cut_at_a_separator(budget.planned) or cut_at_a_separator(budget.executed):
            continue  # (a figure read from the tail of a larger one, '363，500元' read as 500元)
        # (a form with no 全年预算数 column takes its 年初预算数 for the budget: the message names that column)
        column = "年初预算数" if budget.initial is not None and budget.planned == budget.initial else "全年预算数"
        yield new_finding(
            "over-executed",
            f"全年执行数 {fmt_money(executed)} 超过{column} {fmt_money(planned)}"
            + (f"及上年结转资金 {fmt_money(carried)}" if carried else ""),
            project=project.name, expected=planned, actual=executed,
            evidence=_evidence(budget.planned, budget.executed),
        )


def _restated_pair_gives(budget: Budget, printed: Decimal, tolerance: Decimal) -> bool:
    """Does the printed rate come from the budget and spending the report states a second time (a form's own
    全年预算数 and 全年执行数 beside prose that gave other figures first)?"""
    planned = [r.quantity for r in budget.restatements if r.figure == "planned"]
    executed = [r.quantity for r in budget.restatements if r.figure == "executed"]
    for a in planned:
        for b in executed:
            rate = execution_rate(a, b)
            if rate is not None and abs(printed - rate) <= tolerance:
                return True
    return False


def _rate_says_over(project: Project) -> bool:
    """Does the report's own 执行率 set the same two figures against each other, over 100% ('全年支出630万元，预算执行率
    105%' of a 600万元 budget)? Then the report itself means them as one budget and its spending."""
    rate, printed = _rate(project), _value(project.budget.printed_rate)
    return rate is not None and printed is not None and printed > 100 and abs(printed - rate) <= 1


#: money carried over from the year before, named in its clause ('上年结转资金20万元', '以前年度结余资金为5万元'):
#: with this year's budget it is what the project could spend (scoring-rules R3: 预算数 包括上年结余结转)


@register("unexplained-balance")
def balance_without_explanation(ctx: CheckContext) -> Iterator[Finding]:
    """Budget − executed − returned left over, and the report never says where it went."""
    # ('以上项目结余资金11.5万元已交回': a sentence may give the balances of all listed projects at once)
    together = sum((b for b in map(_balance, ctx.report.projects) if b is not None and b > 0), ZERO)
    for project in ctx.report.projects:
        budget = project.budget
        planned, executed = _value(budget.planned), _value(budget.executed)
        if planned is None or executed is None or budget.balance_explained or budget_misread(project):
            continue
        if budget.planned is not None and budget.planned.approx:
            continue  # '总投资约22.66亿元' is an estimate (often over several years): no exact balance follows
        returned = _value(budget.returned) or ZERO
        balance = planned - executed - returned
        if balance <= 0 or _disposal_stated(ctx, balance) or (together != balance and _disposal_stated(ctx, together)):
            continue
        if _executed_so_far(budget.executed, ctx.report.year) or _all_that_arrived(ctx, planned, executed):
            continue
        returned_text = f" − 交回 {fmt_money(returned)}" if returned else ""
        yield new_finding(
            "unexplained-balance",
            f"预算 {fmt_money(planned)} − 执行 {fmt_money(executed)}{returned_text} = 结余 {fmt_money(balance)}，"
            "报告未说明结余资金的去向（结转、交回等）",
            project=project.name, expected=ZERO, actual=balance,
            evidence=_evidence(budget.planned, budget.executed, budget.returned),
        )


def _balance(project: Project) -> Decimal | None:
    """Budget − executed − returned, where the project has both amounts."""
    planned, executed = _value(project.budget.planned), _value(project.budget.executed)
    if planned is None or executed is None:
        return None
    return planned - executed - (_value(project.budget.returned) or ZERO)


# where unspent money went; "上年结转资金" (a source of this year's money) says nothing about that;
# "还需拨付325万元" says the rest is still to be paid out, which is where it goes
_DISPOSAL = lazy_compile(r"交回|退回|收回|上缴|缴回|缴还|返还|统筹|留用|结转(?:至|到|下|以后|后续|使用|用于)"
                         r"|(?:还需|尚需|仍需|待|将)(?:拨付|支付)"
                         # (kept for a later year: '留作2022年…经费继续使用', '留待下年发放')
                         r"|留作|留待|(?:资金|经费|余额|余款|结余)[^，,。；;]{0,24}?继续(?:使用|用于|发放|支付)"
                         r"|" + DEFERRED_PAYMENT)
#: an amount spent "截至 12月8日" / "截至目前": a figure of a year still running, whose rest is
#: still being paid, not a closing balance (a cut-off at 12月31日 or 年底 is the year's end)
_SO_FAR = lazy_compile(r"截[至止](?:(目前|当前|今)|(?:(\d{4})年)?(\d{1,2})月(\d{1,2}日|[底末])?)")
#: the money that reached the project (实际到位资金): what is not there was never to be spent
_ARRIVED = lazy_compile(r"到位")


def _disposal_stated(ctx: CheckContext, balance: Decimal) -> bool:
    """True when some sentence says where money went and names this balance, or the report has one budget.

    Backs up the parser's `balance_explained`: a form's 实际完成情况 cell or a sentence the parser
    did not attribute may still say "结余资金 7.42 万元已上缴财政". With several projects only a
    sentence naming the same amount counts, so one project's 交回 never explains another's balance.
    """
    from reportparse.normalise.quantities import find_quantities

    budgeted = [p for p in ctx.report.projects if p.budget.planned is not None]
    for sentence in sentences(ctx):
        if not _DISPOSAL.search(sentence):
            continue
        if len(budgeted) == 1:
            return True
        for match in find_quantities(sentence):
            value = match.quantity.value
            if match.quantity.unit == "元" and value is not None and abs(value - balance) <= FUND_TOLERANCE:
                return True
    return False


def _executed_so_far(executed: Quantity | None, year: int | None) -> bool:
    """True when the executed amount is quoted from a sentence that dates it before the year closed
    (截至12月8日, 截至目前); 截至12月31日 / 12月底 or a date of a later year is the closing figure."""
    if executed is None:
        return False
    for ev in executed.evidence:
        for found in _SO_FAR.finditer(ev.text):
            now, in_year, month, day = found.groups()
            if now:
                return True
            if in_year is not None and year is not None and int(in_year) != year:
                continue
            if int(month) < 12 or (day is not None and day.endswith("日") and day != "31日"):
                return True
    return False


def _all_that_arrived(ctx: CheckContext, planned: Decimal, executed: Decimal) -> bool:
    """True when the report names an amount that arrived (实际到位资金) equal to what was spent and
    below the budget: the gap is money that never came, not a balance that has to go somewhere."""
    from reportparse.normalise.quantities import find_quantities

    for text in _arrival_texts(ctx):
        for match in find_quantities(text):
            value, unit = match.quantity.value, match.quantity.unit
            if value is None or unit not in ("元", None):
                continue  # 到位率 100% is a share, not an amount
            amount = value if unit == "元" else value * 10000  # a bare cell of a 万元 table
            if abs(amount - executed) <= FUND_TOLERANCE and amount < planned:
                return True
    return False


def _arrival_texts(ctx: CheckContext) -> Iterator[str]:
    """Each clause about arrived money, and in a table the cell that follows a 到位 label."""
    if ctx.document is not None:
        for element in ctx.document.elements:
            if not isinstance(element, Table):
                continue
            for row in element.rows:
                for label, value in pairwise(cell.text for cell in row):
                    if _ARRIVED.search(label) and label != value:
                        yield value
    for sentence in sentences(ctx):
        for clause in _CLAUSE.split(sentence):
            arrived = _ARRIVED.search(clause)
            if arrived:
                yield clause[arrived.start():]


_CLAUSE = lazy_compile(r"[，,]")


@register("missing-evaluation")
def project_never_evaluated(ctx: CheckContext) -> Iterator[Finding]:
    """A project with a budget or goal indicators that gets no score at all (R8: 无任何得分).

    Judged on the claimed scores, not on the parser's `evaluated` flag: a sentence about the
    project (its funds were returned, it was suspended) is no self-evaluation. Only a report that
    scores some of its projects can be said to leave one out: a document that scores none (a goal
    table published alone, an excerpt that stops before the evaluation, a department's list of
    projects under its own overall score) would get one finding per project saying nothing new. A project
    given a grade with no score as a figure anywhere is flagged whatever the others get.
    """
    scored_somewhere = any(has_any_score(p) for p in ctx.report.projects)
    for project in ctx.report.projects:
        # a grade stated as a score's ('评价得分及绩效等级为(良)', no 得分 anywhere): the report says it scored the
        # project but gives no score the grade could be checked against (a summary table's 评价结果 '优' is a
        # grade given as the result, with no score promised)
        graded_only = bool(project.grade) and not _scored_in_figures(project) and _score_said_not_given(ctx, project)
        if not graded_only and (not scored_somewhere or has_any_score(project) or _variant_of_another(ctx, project)):
            continue
        planned = project.budget.planned
        if (planned is None or not planned.value) and not project.indicators:
            continue
        what = []
        if planned is not None and planned.value:
            what.append(f"预算 {fmt_money(planned.value)}")
        if project.indicators:
            what.append(f"{len(project.indicators)} 个绩效目标指标")
        note = f"（{project.status_note}）" if project.status_note else ""
        done = f"只给出等级“{project.grade}”，没有任何得分" if graded_only else "没有对其进行自评或打分"
        yield new_finding(
            "missing-evaluation",
            f"项目有{'、'.join(what)}，但报告{done}{note}",
            project=project.name,
            evidence=evidence_of(_evidence(planned), project.evidence,
                                 *(ind.evidence for ind in project.indicators[:3])),
        )


#: a score named beside the grade: '评价得分及绩效等级为(良)', '自评分数和等级：良好', '综合评分等次为优'
_SCORE_AND_GRADE = lazy_compile(r"(?:得分|评分|分数|分值)[^。；;\d]{0,12}(?:等级|等次|档次)")


#: a score given as a figure: '88分', '得分为88', '评分：92.5' (a year or a date in the sentence is none)
_SCORE_FIGURE = lazy_compile(r"\d+(?:\.\d+)?\s*分|(?:得分|评分|分数|分值)[^。；;\d]{0,6}\d")


def _score_said_not_given(ctx: CheckContext, project: Project) -> bool:
    """Does a sentence name a score beside the project's grade, with no score figure in it?"""
    return any(_SCORE_AND_GRADE.search(text) and str(project.grade) in text and not _SCORE_FIGURE.search(text)
               for text in sentences(ctx))


def _scored_in_figures(project: Project) -> bool:
    """Does the report give the project any score as a figure (a grade alone is none)?"""
    return (bool(project.scores) or project.total_score is not None or project.budget.score is not None
            or any(ind.score is not None for ind in project.indicators))


def _variant_of_another(ctx: CheckContext, project: Project) -> bool:
    """True when the project looks like another, evaluated project under a second name.

    Name variants must resolve to one project; when they did not, the stray copy (a shorter name
    inside the other's, or the same budget with no goals of its own or under a name that starts the
    same way) is no unevaluated project.
    """
    amount = _value(project.budget.planned)
    for other in ctx.report.projects:
        if other is project or not (other.evaluated or has_any_score(other)):
            continue
        names = [other.name, *other.aliases]
        if any(project.name in name or name in project.name for name in names):
            return True
        amounts = {_value(other.budget.planned), _value(other.budget.executed)} - {None}
        if amount is None or amount not in amounts:
            continue
        if not project.indicators or any(_common_prefix(project.name, name) >= 3 for name in names):
            return True
    return False


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count
