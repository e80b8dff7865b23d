"""Checks on indicator rows with their own 分值/得分 (forms) and on how targets are written:
formula scores, qualitative bands, deviation reasons, cost directions, vague targets, empty cells
and template text left in place (scoring-rules R4, R5, §1; problem catalogue P5, P9, P11, P13,
P18, P19)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import (
    bound,
    direction,
    ends_document,
    evidence_of,
    fmt,
    fmt_target,
    gives_reason,
    last_level,
    money_ceiling,
    only_project_name,
    unit_family,
)
from reportparse.checks.indicators import verdicts
from reportparse.checks.rounding import score_slack
from reportparse.checks.rowread import (
    calendar_point,
    misread_row_name,
    name_holds_its_target,
    not_the_rows_own,
    scored_in_a_group,
    shifted_left,
)
from reportparse.checks.rowreason import reason_said_elsewhere
from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, Evidence, Finding, Indicator, Paragraph, Project, Report, Table
from reportparse.scoring import in_band, qualitative_band, qualitative_tier_detail, recompute_indicator


def _accepted_scores(indicator: Indicator, ctx: CheckContext) -> list[Decimal]:
    """Every score the profile's formulas give for the row (the score stage's pick included)."""
    candidates = recompute_indicator(indicator, ctx.profile)
    if indicator.recomputed_score is not None and indicator.recomputed_score not in candidates:
        candidates.append(indicator.recomputed_score)
    return candidates


@register("score-mismatch")
def score_differs_from_formula(ctx: CheckContext) -> Iterator[Finding]:
    """A row's claimed score that no accepted formula gives (R4a–R4c; either reverse formula passes)."""
    tolerance = ctx.profile.score_tolerance
    for project in ctx.report.projects:
        for indicator in project.indicators:
            score, weight = indicator.score, indicator.weight
            if score is None or weight is None or indicator.target is None or not_the_rows_own(project, indicator):
                continue  # (a header or label row, or a 分值 printed once for a group: not this row's to judge)
            candidates = _accepted_scores(indicator, ctx)
            slack = score_slack(project, score, weight, tolerance)
            if not candidates or any(abs(score - c) <= slack for c in candidates):
                continue
            expected = min(candidates, key=lambda c: abs(c - score))
            shown = " 或 ".join(fmt(c) for c in candidates)
            judged = verdicts(indicator)
            actual_text = "、".join(f"“{a.raw}”" for a, _, _ in judged[:2]) or "实际值"
            yield new_finding(
                "score-mismatch",
                f"{indicator.name}：目标 {fmt_target(indicator.target)}，实际 {actual_text}，分值 {fmt(weight)}，"
                f"按公式应得 {shown} 分，报告得分 {fmt(score)} 分",
                project=project.name, indicator=indicator.name, expected=expected, actual=score,
                evidence=evidence_of(indicator.evidence, *(a.evidence for a, _, _ in judged)),
                profile=ctx.profile.name,
            )


def _qualitative(indicator: Indicator) -> bool:
    target = indicator.target
    return target is None or target.comparator == "qualitative" or target.value is None


@register("qualitative-band-mismatch")
def score_outside_band(ctx: CheckContext) -> Iterator[Finding]:
    """A qualitative row whose score lies outside the band of the tier its actual states (R5 C5.1)."""
    for project in ctx.report.projects:
        for indicator in project.indicators:
            score, weight = indicator.score, indicator.weight
            if score is None or weight is None or weight <= 0 or not _qualitative(indicator):
                continue
            stated = [a for a in indicator.actuals if a.kind not in ("empty", "restated") and a.raw.strip()]
            tiers = {qualitative_tier_detail(a.raw) for a in stated}
            if len(tiers) != 1:
                continue  # no tier, or places that disagree: the band is unknown
            tier, ambiguous = next(iter(tiers))
            if tier is None or ambiguous or in_band(score, tier, weight, ctx.profile):
                continue
            low, high, inclusive = qualitative_band(tier, weight, ctx.profile)
            band = f"[{fmt(low)}, {fmt(high)}{']' if inclusive else ')'}"
            yield new_finding(
                "qualitative-band-mismatch",
                f"{indicator.name}的完成情况为“{stated[0].raw}”（{tier}），得分应在 {band} 之间，"
                f"报告得分 {fmt(score)}/{fmt(weight)}",
                project=project.name, indicator=indicator.name, expected=band, actual=score,
                evidence=evidence_of(indicator.evidence, *(a.evidence for a in stated)),
                profile=ctx.profile.name,
            )


def _far_above(indicator: Indicator, ratio: Decimal) -> bool:
    """Some actual ≥ ratio × a positive target, or ≤ (2 − ratio) × a reverse one — but not money spent
    well under a cost ceiling: a saving is no 大幅超额 whose reason the 偏差原因 cell owes (P9)."""
    target = indicator.target
    if target is None or target.value is None or target.value <= 0 or money_ceiling(indicator) \
            or calendar_point(indicator):
        return False
    way = direction(indicator)
    for actual, value, _ in verdicts(indicator):
        if way == "up" and bound(actual) != "upper" and value >= ratio * target.value:
            return True
        if way == "down" and bound(actual) != "lower" and 0 < value <= (2 - ratio) * target.value:
            return True
    return False


@register("deviation-reason-missing")
def reason_cell_empty(ctx: CheckContext) -> Iterator[Finding]:
    """On a form with a 偏差原因 column: points deducted, or the target far exceeded, and the cell empty (P9).

    The parser sets `deviation_reason` to "" for an empty cell and leaves it None when the document
    has no such column, so only forms that ask for a reason are judged.
    """
    for project in ctx.report.projects:
        for indicator in project.indicators:
            if indicator.deviation_reason is None or gives_reason(indicator.deviation_reason):
                continue
            score, weight = indicator.score, indicator.weight
            deducted = score is not None and weight is not None and score < weight - ctx.profile.score_tolerance
            far = _far_above(indicator, ctx.profile.overshoot_ratio)
            if not deducted and not far:
                continue
            if misread_row_name(indicator.name) or shifted_left(indicator) \
                    or (deducted and not far and not_the_rows_own(project, indicator)) \
                    or reason_said_elsewhere(indicator, ctx.document):
                continue  # (no row of its own, or a group's 分值 printed once; or the report says why elsewhere)
            why = (f"得分 {fmt(score)} 低于分值 {fmt(weight)}" if deducted
                   else f"实际值超过目标的 {fmt(ctx.profile.overshoot_ratio * 100)}%")
            yield new_finding(
                "deviation-reason-missing",
                f"{indicator.name}{why}，但“偏差原因分析及改进措施”为空",
                project=project.name, indicator=indicator.name, expected=weight, actual=score,
                evidence=evidence_of(indicator.evidence, *(a.evidence for a in indicator.actuals)),
                profile=ctx.profile.name,
            )


@register("cost-indicator-direction")
def cost_written_as_minimum(ctx: CheckContext) -> Iterator[Finding]:
    """A 成本 indicator whose target is written as ≥ or > (a cost should be capped, P19)."""
    for project in ctx.report.projects:
        for indicator in project.indicators:
            target = indicator.target
            if target is None or target.bare_number or target.comparator not in (">=", ">"):
                continue
            if "成本" not in last_level(indicator.level) or not _amount_or_price(target.unit):
                continue  # 成本控制率 ≥95% or 节约率 ≥5% under 成本指标 rightly read "more is better"
            yield new_finding(
                "cost-indicator-direction",
                f"成本指标“{indicator.name}”的目标写成了“{target.raw}”（{target.comparator}），成本指标应为 ≤",
                project=project.name, indicator=indicator.name, expected="<=", actual=target.comparator,
                evidence=indicator.evidence,
            )


def _amount_or_price(unit: str | None) -> bool:
    family = unit_family(unit)
    return family is None or family == "money" or family.startswith("money/")


@register("vague-target")
def target_not_measurable(ctx: CheckContext) -> Iterator[Finding]:
    """A target with no measurable standard (有所提升, 进一步完善; P18)."""
    for project in ctx.report.projects:
        for indicator in project.indicators:
            if indicator.target is None or not indicator.target.vague:
                continue
            yield new_finding(
                "vague-target",
                f"指标“{indicator.name}”的目标“{indicator.target.raw}”没有可衡量的标准",
                project=project.name, indicator=indicator.name, actual=indicator.target.raw,
                evidence=indicator.evidence,
            )


@register("missing-values")
def scored_rows_left_empty(ctx: CheckContext) -> Iterator[Finding]:
    """Rows that carry a weight but leave 实际完成值 or 得分 empty: one finding per project (P13). In a form
    whose 分值 cells are blank as well, the rows that give nothing but their name, when they are most of it.

    Not the last row of a form whose 总分 is nowhere: the document stops inside the form (a page that
    gives an excerpt), so that row's missing cells are the cut, not the unit's omission.
    """
    for project in ctx.report.projects:
        empty = []
        cut = _form_cut_short(project, ctx.document)
        grouped = scored_in_a_group(project)
        for indicator in project.indicators:
            if (indicator.weight is None or indicator is cut or misread_row_name(indicator.name)
                    or id(indicator) in grouped or shifted_left(indicator) or name_holds_its_target(indicator)):
                continue  # (a header, label or total row read as a row, a 得分 printed once for its group, a row
                # read one column off: its empty cells are no omission)
            if not indicator.actuals and indicator.score is None:
                continue  # a form without 实际完成值 and 得分 columns (targets and weights only) left nothing empty
            # a form without a 实际完成值 column (the 部门整体 scoring table: 分值 | 评价标准 | 指标说明 |
            # 得分) has no result cell to leave empty: only its 得分 can be missing
            has_actual_column = bool(indicator.actuals)
            no_actual = has_actual_column and not any(a.kind != "empty" and a.raw.strip() for a in indicator.actuals)
            no_target = has_actual_column and (indicator.target is None or not indicator.target.raw.strip())
            if no_actual or indicator.score is None:
                cells = [name for name, gone in (("年度指标值", no_target), ("实际完成值", no_actual),
                                                  ("得分", indicator.score is None)) if gone]
                empty.append((indicator, cells))
        weighted = any(indicator.weight is not None for indicator in project.indicators)
        if not weighted:
            empty = _unfilled_rows(project, ctx.document)
        if not empty:
            continue
        listed = "；".join(f"{ind.name}（{'、'.join(cells)}为空）" for ind, cells in empty)
        rows = "有分值的指标行留空" if weighted else "指标行留空（分值也未填）"
        yield new_finding(
            "missing-values", f"{len(empty)} 个{rows}：{listed}",
            project=project.name, actual=Decimal(len(empty)),
            evidence=evidence_of(*(ind.evidence[:1] for ind, _ in empty)),
        )


def _unfilled_rows(project: Project, document: Document | None = None) -> list[tuple[Indicator, list[str]]]:
    """A self-evaluation form whose 分值 cells are all blank too ('效益指标(分)'), left unfilled: most of its
    rows (two at least) give nothing but their name. It is no less unfilled than one that printed its
    weights. (One such row among filled ones is more often a name wrapped onto a row of its own — unless
    the template's own row number opens it, '指标4.不合格产品处置率' between '指标3.…' and '指标5.…': a row of
    its own, left blank, bar the row where the document stops.)"""
    unfilled = [indicator for indicator in project.indicators if _unfilled_row(indicator)]
    if len(unfilled) < 2 or 2 * len(unfilled) < len(project.indicators):
        unfilled = [indicator for indicator in unfilled
                    if _numbered_row(indicator) and not ends_document(indicator, document)]
    return [(indicator, ["年度指标值", "实际完成值", "得分"]) for indicator in unfilled]


#: a template's row number before an indicator's name ('指标4.', '指标2：'): the row is one of its own
_ROW_NUMBER = lazy_compile(r"^\s*指标\s*[0-9０-９一二三四五六七八九十]+\s*[.．:：、]\s*\S")


def _numbered_row(indicator: Indicator) -> bool:
    """The row's name cell opens with the template's row number and goes on to a name."""
    return any(_ROW_NUMBER.match(ev.text) for ev in indicator.evidence[:1])


def _unfilled_row(indicator: Indicator) -> bool:
    """A row of a self-evaluation form (it has a 实际完成值 column: the row's cell there was read, empty)
    that the unit left blank but for its name: no target, no result, no score."""
    if indicator.score is not None or not indicator.actuals:
        return False
    no_actual = all(a.kind == "empty" and not a.raw.strip() for a in indicator.actuals)
    no_target = indicator.target is None or not indicator.target.raw.strip()
    return no_actual and no_target


def _form_cut_short(project: Project, document: Document | None) -> Indicator | None:
    """The last scored row of a form that shows no 总分 (neither a 总分 line nor a total score), when
    that row is where the document ends."""
    if document is None:
        return None
    if project.total_score is not None or any(line.level == "总分" for line in project.scores):
        return None
    scored = [ind for ind in project.indicators if ind.weight is not None]
    if not scored:
        return None
    return scored[-1] if ends_document(scored[-1], document) else None


# ------------------------------------------------------------------------------------------
# template text
# ------------------------------------------------------------------------------------------

#: a template's placeholder row label: an unfilled 指标1：, or a bare …… row. Left in a row that holds
#: no answer it is an unused spare row of the template (the template prints them to be deleted or
#: filled); only a placeholder that was scored or answered is template text left in the answers
_PLACEHOLDER = lazy_compile(
    r"^\s*指标\s*[0-9０-９一二三四五六七八九十]+\s*[:：]?\s*[…\.。·]*\s*$"
    r"|^\s*[…\.。·]{2,}\s*$"
)
_TEMPLATE = lazy_compile(r"请填写|请在此|此处填写|请输入|××")
# a form's footnote may rightly keep its 填表说明; inside a row of answers it is a leftover
_INSTRUCTION_TITLE = lazy_compile(r"填写说明|填表说明")
#: the template's length limit written after its instruction: '说明…完成情况(100字以内)'
_WORD_LIMIT = lazy_compile(r"[（(]\s*\d+\s*字(?:以内|以下|左右)\s*[)）]?\s*$")
_SHORT_CELL = 12


def is_template_text(text: str, answer: bool = True) -> bool:
    """True for a cell that still holds the template's placeholder or instructions.

    `answer` says the cell sits among a row's answers; a row of its own (a footnote spanning the
    table) keeps its 填表说明 unless that is all it says.
    """
    stripped = text.strip()
    if not stripped:
        return False
    if _TEMPLATE.search(stripped):
        return True
    if _PLACEHOLDER.search(stripped):
        return answer
    instruction = _INSTRUCTION_TITLE.search(stripped) or _WORD_LIMIT.search(stripped)
    return bool(instruction) and (answer or len(stripped) <= _SHORT_CELL)


@register("template-text-left")
def template_placeholders(ctx: CheckContext) -> Iterator[Finding]:
    """Template placeholders (指标2：, ……, 请填写, 填表说明) left in a form's cells (§1)."""
    places: dict[str | None, list[Evidence]] = {}
    owners = _table_owners(ctx.report)
    for project in ctx.report.projects:
        for indicator in project.indicators:
            texts = [indicator.name, *(a.raw for a in indicator.actuals), indicator.deviation_reason or ""]
            if indicator.target is not None:
                texts.append(indicator.target.raw)
            answered = _answered(indicator)
            for text in texts:
                if is_template_text(text, answered):
                    quote = indicator.evidence[:1] or [Evidence(page=1, text=text)]
                    places.setdefault(project.name, []).extend(quote)
    if ctx.document is not None:
        prompts = _prompt_lines(ctx.document)
        if prompts:
            places.setdefault(only_project_name(ctx.report), []).extend(prompts)
        for element in ctx.document.elements:
            if isinstance(element, Table) and _is_indicator_table(element):
                if owners and element.index not in owners:
                    continue  # no project was read from it: a blank template copy, not answer cells
                owner = owners.get(element.index, only_project_name(ctx.report))
                places.setdefault(owner, []).extend(_template_cells(element))
    for owner, quotes in places.items():
        if not quotes:
            continue
        texts = list(dict.fromkeys(ev.text.strip() for ev in quotes))
        cells = {(ev.page, ev.table, ev.row, ev.col, ev.text) for ev in quotes}
        yield new_finding(
            "template-text-left",
            f"表格中留有模板文字：{'、'.join(f'“{t}”' for t in texts[:6])}，共 {len(cells)} 处",
            project=owner, actual=Decimal(len(cells)), evidence=quotes,
        )


def _answered(indicator: Indicator) -> bool:
    """Whether a parsed row holds any answer: a target, an actual, a weight or a score."""
    target = indicator.target
    return (indicator.weight is not None or indicator.score is not None
            or any(a.raw.strip() and not _PLACEHOLDER.search(a.raw) for a in indicator.actuals)
            or (target is not None and bool(target.raw.strip()) and not _PLACEHOLDER.search(target.raw)))


#: the template's prompt for an answer cell: '对照年度目标，说明…完成情况（100字以内）', '结合自评情况，分析…'
_PROMPT = lazy_compile(r"^(?:对照|结合|针对|根据|按照|请|简要)[^|｜]{4,}$")


def _prompt_lines(document: Document) -> list[Evidence]:
    """A form dumped as text (one cell per line, cells ending in '|') keeps no table: its answer
    cells that still hold the template's prompt with its length limit are found line by line."""
    out: list[Evidence] = []
    for element in document.elements:
        if not isinstance(element, Paragraph):
            continue
        for line in element.lines:
            for cell in re.split(r"[|｜]", line.text):
                text = cell.strip()
                if _PROMPT.match(text) and _WORD_LIMIT.search(text):
                    out.append(Evidence(page=line.page, text=text, line=line.line, bbox=line.bbox,
                                        confidence=line.confidence))
    return out


def _table_owners(report: Report) -> dict[int, str]:
    """Which project each table's rows were attributed to (by the indicators' evidence)."""
    owners: dict[int, str] = {}
    for project in report.projects:
        for indicator in project.indicators:
            for ev in indicator.evidence:
                if ev.table is not None:
                    owners.setdefault(ev.table, project.name)
    return owners


def _is_indicator_table(table: Table) -> bool:
    return any("指标" in cell.text for row in table.rows for cell in row)


#: a level label a placeholder row may share its line with: 质量指标, 产出指标（50分）, 服务对象满意度指标
_LEVEL_LABEL = lazy_compile(r"^\S{0,12}指标[（(]?(?:\d+(?:\.\d+)?分?)?[)）]?$|^[（(]?\d+分[)）]?$")


def _answer_beside(row: list[Cell], cell: Cell) -> bool:
    """Whether a placeholder's row holds an answer: any other cell that is no level label or placeholder.

    A merged cell only repeats the text of the span it continues (a block heading such as
    '年度绩效指标完成情况' running down the rows): that text was written in another row, not here."""
    others = [re.sub(r"\s+", "", c.text) for c in row if c is not cell and c.text.strip() and not c.merged]
    return any(not _PLACEHOLDER.search(t) and not _LEVEL_LABEL.match(t) and t not in ("/", "-", "—") for t in others)


def _heads_notes(table: Table, r: int, cell: Cell) -> bool:
    """A 填表说明 heading on a row of its own with the notes themselves on the row below (a
    workbook's instructions sheet, a form's footnotes): the template's notes, kept on purpose, not a
    placeholder left in the answers."""
    if not _INSTRUCTION_TITLE.fullmatch(re.sub(r"[\s:：]", "", cell.text)) or r + 1 >= len(table.rows):
        return False
    below = table.rows[r + 1]
    return any(len(c.text.strip()) > _SHORT_CELL for c in below)


def _template_cells(table: Table) -> list[Evidence]:
    out = []
    for r, row in enumerate(table.rows):
        answers = len({cell.text.strip() for cell in row if cell.text.strip()}) > 1
        for cell in row:
            answer = _answer_beside(row, cell) if _PLACEHOLDER.search(cell.text) else answers
            if not answer and _heads_notes(table, r, cell):
                continue
            if not cell.merged and is_template_text(cell.text, answer):
                out.append(Evidence(page=cell.page, text=cell.text, line=cell.line, bbox=cell.bbox,
                                    table=table.index, row=cell.row, col=cell.col, sheet=table.sheet,
                                    cell=cell.ref, confidence=cell.confidence))
    return out
