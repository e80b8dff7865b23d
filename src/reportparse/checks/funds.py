"""Fund sums: a stated total (共计, 合计, 年度资金总额) against the sum of its parts (scoring-rules R3
C3.4, problem catalogue P4).

Three sources of totals: the parser's FundTotals, a form's fund block (年度资金总额 vs its 其中
rows, column by column), and sentences such as "以上两个项目共计安排预算 104.72 万元" that total
every project of the report, compared with the projects' own amounts.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from reportparse.checks import CheckContext, fundparts, new_finding, register
from reportparse.checks.budget import FUND_TOLERANCE, IMPLAUSIBLE_OVERSPEND, _value, _variant_of_another
from reportparse.checks.common import ZERO, evidence_of, fmt_money, only_project_name
from reportparse.checks.fundnesting import (
    bracket_close,
    dated_otherwise,
    more_money_follows,
    nested_reading_adds_up,
    other_year_of,
    without_nested,
)
from reportparse.checks.moneyscope import within_its_last_digit
from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, Evidence, Finding, FundRow, Paragraph, Project, Quantity, Table

if TYPE_CHECKING:
    from reportparse.parse.quantities import Mention

_COLUMNS = (("initial", "年初预算数"), ("planned", "全年预算数"), ("executed", "全年执行数"))
# the 其中 rows of a fund block name a source of money; anything else is not a fund row
_FUND_ROW = lazy_compile(r"拨款|结转|结余|其他资金|自筹|资金|财政")


@register("fund-sum-mismatch")
def fund_total_differs(ctx: CheckContext) -> Iterator[Finding]:
    """A stated total (共计/合计/年度资金总额) that is not the sum of its parts (±0.01 万元)."""
    seen: set[Decimal] = set()
    for total in ctx.report.fund_totals:
        stated = total.total.value
        if stated is not None:
            seen.add(stated)
        parts = [part.value for part in total.parts]
        if stated is None or not parts or any(value is None for value in parts):
            continue
        summed = sum((value for value in parts if value is not None), ZERO)
        known = [value for value in parts if value is not None]
        if abs(summed - stated) <= FUND_TOLERANCE or nested_reading_adds_up(known, stated) \
                or within_its_last_digit(total.total, summed):
            continue
        owner = total.projects[0] if len(total.projects) == 1 else None
        terms = " + ".join(fmt_money(value) for value in parts)
        yield new_finding(
            "fund-sum-mismatch",
            f"“{total.label}” {fmt_money(stated)} 与各分项之和 {terms} = {fmt_money(summed)} 不符",
            project=owner, expected=summed, actual=stated,
            evidence=evidence_of(total.evidence, total.total.evidence, *(part.evidence for part in total.parts)),
        )
    for project in ctx.report.projects:
        for finding in _sub_rows_differ(project):
            if finding.actual not in seen:
                yield finding
    for finding in _all_projects_totals(ctx):
        if finding.actual not in seen:
            yield finding
    for finding in _breakdowns(ctx):
        if finding.actual not in seen:
            if isinstance(finding.actual, Decimal):
                seen.add(finding.actual)  # a total its 其中 list already judged is not judged again
            yield finding
    for finding in _sources_listed_after(ctx):
        if finding.actual not in seen:
            if isinstance(finding.actual, Decimal):
                seen.add(finding.actual)
            yield finding
    # parts that are the whole of their total by definition (人员经费 + 公用经费 = 基本支出; shares adding up to 100%),
    # and a fund's stages said of the whole and of its 基本支出 and 项目支出 in sentences of their own
    for finding in (*fundparts.partition_totals(ctx), *fundparts.stage_totals(ctx)):
        if finding.actual not in seen:
            yield finding


def _sub_rows_differ(project: Project) -> Iterator[Finding]:
    """Per column of a form's fund block: 年度资金总额 vs Σ 其中 rows, where the 其中 rows have values."""
    budget = project.budget
    if not budget.sub_rows:
        return
    for attribute, label in _COLUMNS:
        # 其中 rows come from a form; where a narrative gave the figure first, the form's own figure is a
        # restatement, and the rows add up to that one (a disagreement between the two is conflicting-figures)
        total: Quantity | None = next((r.quantity for r in budget.restatements if r.figure == attribute),
                                      getattr(budget, attribute))
        values = [(row, getattr(row, attribute)) for row in budget.sub_rows if _FUND_ROW.search(row.label)]
        filled: list[tuple[FundRow, Quantity]] = [
            (row, q) for row, q in values if q is not None and q.value is not None
        ]
        if total is None or total.value is None or not filled:
            continue
        summed = sum((q.value for _, q in filled if q.value is not None), ZERO)
        known = [q.value for _, q in filled if q.value is not None]
        if abs(summed - total.value) <= FUND_TOLERANCE or nested_reading_adds_up(known, total.value) \
                or within_its_last_digit(total, summed):
            continue
        terms = " + ".join(f"{row.label} {fmt_money(q.value)}" for row, q in filled)
        yield new_finding(
            "fund-sum-mismatch",
            f"年度资金总额的{label} {fmt_money(total.value)} 与其中各行之和 {terms} = {fmt_money(summed)} 不符",
            project=project.name, indicator=label, expected=summed, actual=total.value,
            evidence=evidence_of(total.evidence, *(q.evidence for _, q in filled)),
        )


# ------------------------------------------------------------------------------------------
# "以上两个项目共计安排预算 104.72 万元"
# ------------------------------------------------------------------------------------------

_TOTAL_WORD = lazy_compile(r"共计|合计|总计")
#: the count starts where a run of numerals starts (the lookbehind): tried from inside a long run
#: of digits, `[…]+个` would rescan the run from every position, quadratic in its length
_ALL_PROJECTS = lazy_compile(
    r"(?:以上|上述|前述|全部|所有)(?:([两二三四五六七八九十\d]+)个|各)?项目"
    r"|(?<![两二三四五六七八九十\d])([两二三四五六七八九十\d]+)个项目"
)
_KINDS = {
    "planned": lazy_compile(r"安排|预算|下达|批复"),
    "executed": lazy_compile(r"列支|支出|执行|使用|拨付"),
    "returned": lazy_compile(r"交回|退回|收回|上缴"),
}
_CN_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _all_projects_totals(ctx: CheckContext) -> Iterator[Finding]:
    """Sentences that total the amounts of every project, against the projects' own amounts."""
    from reportparse.normalise.quantities import find_quantities

    projects = [p for p in ctx.report.projects if not _variant_of_another(ctx, p)]
    if any(_implausible(p) for p in projects):
        return  # amounts read into the wrong project would make any comparison meaningless
    for sentence, quote in _quoted_sentences(ctx):
        words = _ALL_PROJECTS.search(sentence)
        said = _TOTAL_WORD.search(sentence)
        if words is None or said is None:
            continue
        kinds = [kind for kind, pattern in _KINDS.items() if pattern.search(sentence)]
        if len(kinds) != 1:
            continue
        count = words.group(1) or words.group(2)
        if count and _count(count) != len(projects):
            continue
        amounts = [m.quantity.value for m in find_quantities(sentence[said.end():]) if m.quantity.unit == "元"]
        parts = [_value(getattr(p.budget, kinds[0])) for p in projects]
        if not amounts or amounts[0] is None or len(projects) < 2 or None in parts:
            continue
        stated = amounts[0]
        summed = sum((v for v in parts if v is not None), ZERO)
        if abs(summed - stated) <= FUND_TOLERANCE:
            continue
        terms = " + ".join(f"{p.name} {fmt_money(v)}" for p, v in zip(projects, parts, strict=True))
        quantities = [getattr(p.budget, kinds[0]) for p in projects]
        yield new_finding(
            "fund-sum-mismatch",
            f"“{sentence.strip()}”：合计 {fmt_money(stated)}，而 {terms} = {fmt_money(summed)}",
            expected=summed, actual=stated,
            evidence=evidence_of([quote], *(q.evidence for q in quantities if q is not None)),
        )


def _implausible(project: Project) -> bool:
    """Executed more than twice the budget: far likelier a misread amount than a real overspend."""
    planned, executed = _value(project.budget.planned), _value(project.budget.executed)
    return planned is not None and executed is not None and executed > IMPLAUSIBLE_OVERSPEND * planned


def _count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _CN_COUNT.get(text)


_SENTENCE_END = lazy_compile(r"[。；;！!]")


def _quoted_sentences(ctx: CheckContext) -> Iterator[tuple[str, Evidence]]:
    """Every sentence of the prose with the quote that locates it (page, line, box)."""
    if ctx.document is not None:
        for element in ctx.document.elements:
            if isinstance(element, Paragraph):
                yield from _split(element)
        return
    for ev in ctx.report.narrative_text:
        for part in _SENTENCE_END.split(ev.text):
            if part.strip():
                yield part, ev.model_copy(update={"text": part.strip()})


def _split(paragraph: Paragraph) -> Iterator[tuple[str, Evidence]]:
    start = 0
    for part in _SENTENCE_END.split(paragraph.text):
        offset = paragraph.text.find(part, start)
        start = offset + len(part)
        if not part.strip() or not _TOTAL_WORD.search(part):
            continue
        line = next((ln for ln, (a, b) in zip(paragraph.lines, paragraph.spans, strict=False) if a <= offset < b),
                    None)
        yield part, Evidence(page=line.page if line else paragraph.page, text=part.strip(),
                             line=line.line if line else None, bbox=line.bbox if line else None,
                             confidence=line.confidence if line else None)


# ------------------------------------------------------------------------------------------
# "共完成预算资金89.97万元。其中:30万元用于…;30万元用于…;29.99万元用于…"
# ------------------------------------------------------------------------------------------

_PARTS_OPEN = lazy_compile(r"其中\s*[:：，,]?|具体(?:为|是|包括)\s*[:：，,]?|分别(?:为|是)\s*[:：，,]?")
#: an opening that announces the whole breakdown ('9378万元，具体为：A 3005万元；B 1235万元…', '873万元，分别是：
#: A 545万元、B 105万元…' — 分别 names each part in turn), not some of its parts as 其中 may: parts that add up
#: to less than the total then miss money too
_WHOLE_LISTED = lazy_compile(r"^(?:具体|分别)")
#: the parts of one breakdown end at the sentence; a second 其中 opens a breakdown of a part
_PARTS_END = lazy_compile(r"。|其中|此外|另外|另有")
#: a paragraph that ends on a colon ('…差的项目20个，财政资金218.07万元，分别是：') is finished: its last part
#: opens a list of its own in the paragraphs below, which is no cut. Those may hold more of the total, so
#: parts above it that add up to less than the total prove nothing; parts that add up to more still do
_LIST_FOLLOWS = lazy_compile(r"[:：]\s*$")
#: money of another kind than the total inside the parts: a list of spending after a budget, of a
#: budget after spending — the amounts then answer different questions and do not add up
#: ('转移支付' is the name of a grant, not a payment: '下达转移支付755.19万元，其中中央级资金转移支付…';
#: '项目总投资120万元，其中财政资金100万元，群众自筹20万元，已完成投资115万元': the last is spending)
_KIND_WORDS = {
    "planned": lazy_compile(r"支出|(?<!转移)支付|执行|使用了|列支|拨付|结余|结转|交回|到位"
                            r"|完成投资|投资完成|已完成|实际完成"),
    "executed": lazy_compile(r"安排|下达|批复|结余|结转|交回|未支付|未使用|计划投资|总投资"),
}
#: a part named as a source of money: such a breakdown is the whole of the total
_BRACKET = lazy_compile(r"[(（][^()（）]*[)）]")
_SOURCE = lazy_compile(r"(?:中央|省|市|县|区|自治区|州|本级|财政|自筹|衔接|专项|配套|地方|社会|银行)[^，,；;、]{0,8}$")


def _breakdowns(ctx: CheckContext) -> Iterator[Finding]:
    """A total followed by '其中' (or '具体为') and its parts, in prose: parts that add up to more than the
    total (a breakdown can never exceed it), or sources of money (中央/省/县 …资金) or a breakdown announced
    as the whole ('具体为：A…；B…') that add up to less."""
    from reportparse.parse.amounts import money_kind
    from reportparse.parse.quantities import money

    if ctx.document is None:
        return
    owner = only_project_name(ctx.report)
    for element, text in _prose_texts(ctx.document):
        for opened in _PARTS_OPEN.finditer(text):
            before = [m for m in money(text[:opened.start()]) if opened.start() - m.end <= 6]
            if not before or before[-1].value is None:
                continue
            total = before[-1]
            stated: Decimal = before[-1].value
            sentence_start = max(text.rfind(mark, 0, total.start) for mark in "。；;") + 1
            kind = money_kind(text[sentence_start:total.start])
            end = _PARTS_END.search(text, opened.end())
            region_end = end.start() if end else len(text)
            # (a text that stops without its full stop — a form's cell, a page the site cut — may have more
            # parts to come: like a list below it, it can prove an excess, never a shortfall)
            # (a sentence that goes on with more money, '…地方资金80万元。另有社会捐赠20万元', may hold the rest)
            listed_below = end is None or more_money_follows(text, end.start())
            if end is None:
                region_end = len(text.rstrip().rstrip(":："))
            elif text[end.start()] != "。":
                continue  # a list a nested 其中 interrupts
            closing = bracket_close(text, opened.start())
            if closing is not None and closing < region_end:
                # ('中央资金300万元（其中：设备120万元，培训80万元），省级资金200万元': a 其中 inside a bracket lists
                # the parts of the amount before the bracket, and ends with it)
                region_end, listed_below = closing, False
            region = text[opened.end():region_end]
            # a bracket after a part breaks that part down further ('中央资金776.84万元(一般公共预算323.97万元;
            # 彩票公益金452.87万元)', '(含待付进度款1436.8万元)'): its amounts are no parts of the total
            bracketed = [m.span() for m in _BRACKET.finditer(region)]
            # (nor is a rise or fall on the year before: '其中本年支出116.12万元，较上年增加19.68万元')
            # (nor an amount its clause dates to another year than the total's: '基本支出500万元，其中：…；2022年
            # 人员经费400万元')
            year = other_year_of(text[sentence_start:total.start])
            parts = [p for p in money(region) if not any(a <= p.start < b for a, b in bracketed)
                     and not fundparts.is_change(region, p) and not dated_otherwise(region, p.start, year)]
            if len(parts) < 2 or any(p.value is None for p in parts):
                continue
            parts = without_nested(region, parts)
            summed = sum((p.value for p in parts if p.value is not None), ZERO)
            slip = summed == stated * 10000  # the total's 万 left out ('补助471.23元，其中…189.63万元、281.6万元')
            if any(p.value is not None and p.value >= stated for p in parts) and not slip:
                continue
            if kind in _KIND_WORDS and _KIND_WORDS[kind].search(region):
                continue
            if _second_breakdown(stated, region, parts):
                continue
            new_sentence = any(mark in text[total.end:opened.start()] for mark in "。；;")
            if new_sentence and gap_names_other_whole(text[:total.start], summed):
                continue
            gap = summed - stated
            sources = all(_SOURCE.search(region[:p.start]) for p in parts)
            whole = sources or _WHOLE_LISTED.match(opened.group(0)) is not None
            if gap <= FUND_TOLERANCE and not (whole and -gap > FUND_TOLERANCE and not listed_below):
                continue
            terms = " + ".join(fmt_money(p.value) for p in parts)
            quote = text[sentence_start:region_end + 1].strip()
            unit = f"，恰为“{total.raw}”的一万倍（总数漏写了“万”字）" if slip else ""
            yield new_finding(
                "fund-sum-mismatch",
                f"“{total.raw}”与{'所列' if _WHOLE_LISTED.match(opened.group(0)) else '其中'}各项之和 {terms} = "
                f"{fmt_money(summed)} 不符{unit}",
                project=owner, expected=summed, actual=stated,
                evidence=[_quote(element, sentence_start, quote)],
            )


def gap_names_other_whole(before: str, summed: Decimal) -> bool:
    """Whether parts that miss the amount right before their 其中 add up to a whole the text states earlier
    ('总投资157万元，其中：县级资金39.3万元，其他资金117.7万元。其中A项目87万元，B项目70万元'): where the 其中 opens
    a sentence of its own, a second breakdown of that whole, not a slip in the amount the full stop follows."""
    from reportparse.parse.quantities import money

    # (to the yuan: parts that come within the tolerance of another amount still miss the one before them,
    # '申请90万元…。共完成89.97万元。其中30万元…29.99万元' is a slip in the 89.97)
    return any(m.value is not None and abs(m.value - summed) < 1 for m in money(before))


#: a table cell long enough to hold a sentence with its 其中 list (a form's 年度总体目标 完成情况 cell)
_MIN_PROSE_CELL = 20


def _prose_texts(document: Document) -> Iterator[tuple[Paragraph | tuple[Table, Cell], str]]:
    """The paragraphs of the document, and the cells of its tables that hold prose with a 其中 list (a
    form's 实际完成情况 cell in a DOCX, PDF or sheet), each once however many columns it was merged over."""
    for element in document.elements:
        if isinstance(element, Paragraph):
            yield element, element.text
            continue
        seen: set[str] = set()
        for row in element.rows:
            for cell in row:
                text = cell.text
                if len(text) >= _MIN_PROSE_CELL and "其中" in text and text not in seen:
                    seen.add(text)
                    yield (element, cell), text


#: what opens a second breakdown of the same total: a clause break, or the words of another viewpoint
#: (by source, then by use: '…省级资金519万元；用于直发直补…', '…，按用途分：…')
_SECOND_VIEW = lazy_compile(r"[；;]|用于|按[^，,；;]{0,6}分|从[^，,；;]{0,6}看")


def _second_breakdown(stated: Decimal, region: str, parts: list[Mention]) -> bool:
    """True when the parts are the whole total once and then, after a clause break, a second
    breakdown of it.

    '共下达2272万元，其中：中央资金1753万元，省级资金519万元；用于直发直补609.22万元、项目扶持138.78万元、
    切块1524万元': by source, then by use. The first parts add up to the total exactly; the rest
    is the same money again, so it may add up to the total (or to less, listing only some uses),
    never to more. Without the break ('其中 A 60、B 40、C 10' of 100) the extra part is a real excess.
    """
    running = ZERO
    for cut in range(1, len(parts)):
        running += parts[cut - 1].value or ZERO
        if abs(running - stated) > FUND_TOLERANCE:
            continue
        rest = sum((p.value or ZERO for p in parts[cut:]), ZERO)
        between = region[parts[cut - 1].end:parts[cut].start]
        return rest <= stated + FUND_TOLERANCE and bool(_SECOND_VIEW.search(between))
    return False


def _quote(paragraph: Paragraph | tuple[Table, Cell], offset: int, text: str) -> Evidence:
    if isinstance(paragraph, tuple):
        table, cell = paragraph
        return Evidence(page=cell.page, text=text, line=cell.line, bbox=cell.bbox, table=table.index, row=cell.row,
                        col=cell.col, sheet=table.sheet, cell=cell.ref, confidence=cell.confidence)
    line = next((ln for ln, (a, b) in zip(paragraph.lines, paragraph.spans, strict=False) if a <= offset < b), None)
    return Evidence(page=line.page if line else paragraph.page, text=text, line=line.line if line else None,
                    bbox=line.bbox if line else None, confidence=line.confidence if line else None)


# ------------------------------------------------------------------------------------------
# "实际利用的资金共计27652.4万元，…；政府拨款支出1953.2万元，…；自筹资金支出29605.6万元"
# ------------------------------------------------------------------------------------------

_CLAUSE_MARK = lazy_compile(r"[，,；;]")
#: a clause that opens with a source of money and gives its amount soon after ('政府拨款支出1953.2万元',
#: '县级配套资金40万元'): one part of a total the sentence stated before, without 其中
_SOURCE_CLAUSE = lazy_compile(r"^\s*(?:中央|省级?|市级?|县级?|区级?|自治区|州级?|本级|财政|政府|自筹|配套|地方|社会"
                              r"|银行|单位|上级)[^，,；;、]{0,8}$")
#: words that put an amount in another span of time than the total's (累计 over the years, 上年): no part of it
_OTHER_SPAN = lazy_compile(r"累计|历年|以来|上年|去年|同期|往年")


def _sources_listed_after(ctx: CheckContext) -> Iterator[Finding]:
    """A total (共计/合计/总计) whose sources of money the next clauses of its sentence list without 其中,
    every other amount of the sentence one of them: sources that add up to more than the total. (Less
    proves nothing: such a list may name only the main sources.)"""
    from reportparse.parse.amounts import money_kind
    from reportparse.parse.quantities import money

    if ctx.document is None:
        return
    owner = only_project_name(ctx.report)
    for element in ctx.document.paragraphs:
        text = element.text
        for sentence_start, sentence in _finished_sentences(text):
            amounts = [m for m in money(sentence) if m.value is not None]
            said = _TOTAL_WORD.search(sentence)
            if said is None or len(amounts) < 3:
                continue
            total, parts = amounts[0], amounts[1:]
            clause_start = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, total.start)), default=0)
            if not said.start() >= clause_start or said.end() > total.start or "其中" in sentence:
                continue  # the total word belongs to the first amount's clause; a 其中 list is _breakdowns'
            kind = money_kind(sentence[clause_start:total.start])
            clauses = [sentence[max((m.end() for m in _CLAUSE_MARK.finditer(sentence, 0, p.start)), default=0):p.start]
                       for p in parts]
            if not all(_SOURCE_CLAUSE.match(clause) and not _OTHER_SPAN.search(clause) for clause in clauses):
                continue
            if kind in _KIND_WORDS and any(_KIND_WORDS[kind].search(clause) for clause in clauses):
                continue
            # every amount a source of the total, in the same span: one source above the total is as wrong
            # as sources that add up to more
            stated = total.value
            assert stated is not None
            summed = sum((p.value for p in parts if p.value is not None), ZERO)
            if summed - stated <= FUND_TOLERANCE or _second_breakdown(stated, sentence, parts):
                continue
            terms = " + ".join(fmt_money(p.value) for p in parts)
            yield new_finding(
                "fund-sum-mismatch",
                f"“{total.raw}”与其后所列各来源之和 {terms} = {fmt_money(summed)} 不符",
                project=owner, expected=summed, actual=stated,
                evidence=[_quote(element, sentence_start, sentence.strip())],
            )


def _finished_sentences(text: str) -> Iterator[tuple[int, str]]:
    """The sentences of a paragraph that end (with 。, or with a colon that hands the list below the last
    word), each with its offset: not a last one the page cut."""
    start = 0
    for stop in _FULL_STOP.finditer(text):
        yield start, text[start:stop.start()]
        start = stop.end()
    rest = text[start:]
    if rest.strip() and _LIST_FOLLOWS.search(rest):
        yield start, rest.rstrip().rstrip(":：")


_FULL_STOP = lazy_compile(r"[。！!]")
