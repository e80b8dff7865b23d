"""Forms whose text layer lists a block's column labels in one run and the figures after them.

A PDF's text layer (or a spreadsheet printed to PDF) often comes out in drawing order rather than
row order: the 项目资金 block's column labels one after another, then the figures of its first row,
the row labels elsewhere on the line:

    项目名称 建档立卡个人缴费县级配套资金 主管部门 … 项目资金 年初预算数 (万元) 年度资金总额 …
    全年预算数 全年执行数 分值 执行率 得分 65.66 65.07 10 99% 9 65.66 65.07 — 99% — 上年结转资金 …

    … 预算数 (A) 执行数(B) 执行率(B/A) 得分 (20 分*执行率) 285.84 285.84 100% 20 三级指标 …

No row can be rebuilt from positions there, but a run of budget column labels (预算数 and 执行数
among them) followed right away by as many figures is the block's first row, its total, read in
the labels' order. This reader rebuilds just that: the 项目名称 field when the line gives it, the
labels as the block's header and the figures as its total row, a small table the form parser reads
like any other. It is tried last, when no other form reader found a form.
"""

from __future__ import annotations

import re

from reportparse.model import Cell, Document, Line, Paragraph, Table
from reportparse.parse.form import values
from reportparse.parse.form.blocks import is_header_label
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.labels import matches, other_header_words

_TOKEN = re.compile(r"[^\s\u3000]+")
#: The block's column roles, in the order a label is tried against them.
_ROLES = ("budget.initial", "budget.planned", "budget.executed", "budget.weight", "budget.rate", "budget.score")
#: A bracketed note inside a label ('预算数(A)', '得分(20分*执行率)'): not part of its role word.
_BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
#: A figure of a fund row: an amount, a percent, a bare number, or the dash of an empty cell.
_FIGURE = re.compile(r"^(?:[-－]?\d[\d,，]*(?:\.\d+)?[%％]?|[—–\-－/／]+)$")
#: The unit the block states in brackets ('项目资金 (万元)', '情况(万元)').
_UNIT = re.compile(r"[(（]\s*(万元|元)\s*[)）]")
#: Fewest column labels in a run (预算数 and 执行数 among them).
_MIN_LABELS = 3
#: Longest name the 项目名称 field may give.
_NAME_MAX = 40


def run_form_tables(document: Document) -> list[Table]:
    """One small table (name, block header, total row) per line that lists the 项目资金 block's labels
    and then its first row's figures; empty when no line does."""
    tables: list[Table] = []
    for element in document.elements:
        if not isinstance(element, Paragraph):
            continue
        for line in element.lines or [Line(text=element.text, page=element.page)]:
            table = _line_table(line)
            if table is not None:
                tables.append(table)
    return tables


def _line_table(line: Line) -> Table | None:
    tokens = _glued(_TOKEN.findall(line.text))
    run = _label_run(tokens)
    if run is None:
        return None
    start, end = run
    labels = tokens[start:end]
    figures = tokens[end:end + len(labels)]
    unit = next((m.group(1) for t in reversed(tokens[:start]) if (m := _UNIT.search(t))), None)
    if unit is None:
        return None  # bare figures in an unknown unit: better no budget than a wrong one
    rows: list[list[str]] = []
    name = _name(tokens[:start])
    if name:
        rows.append(["项目名称", name])
    rows.append([f"项目资金({unit})", *labels])
    rows.append([_total_label(tokens), *figures])
    width = max(len(r) for r in rows)
    grid = [[Cell(text=text, row=r, col=c, page=line.page, line=line.line)
             for c, text in enumerate(row + [""] * (width - len(row)))]
            for r, row in enumerate(rows)]
    return Table(index=-1, rows=grid, page=line.page, pages=[line.page])


def _glued(tokens: list[str]) -> list[str]:
    """Bracketed notes a dump cut off their label put back on it: '预算数' '(A)' → '预算数(A)',
    '得分' '(20' '分*执行率)' → '得分(20分*执行率)'."""
    out: list[str] = []
    for token in tokens:
        unclosed = bool(out) and out[-1].count("(") + out[-1].count("（") > out[-1].count(")") + out[-1].count("）")
        if out and (unclosed or token.startswith(("(", "（"))) and not _UNIT.fullmatch(token):
            out[-1] += token
        else:
            out.append(token)
    return out


def _role(token: str) -> str | None:
    key = _BRACKETED.sub("", to_simplified(token))
    if not key or len(key) > 8:
        return None
    return next((role for role in _ROLES if matches(role, key)), None)


def _label_run(tokens: list[str]) -> tuple[int, int] | None:
    """The first run of budget column labels with 预算数 and 执行数 among them and as many figures
    right after it; (start, end) of the labels."""
    i = 0
    while i < len(tokens):
        if _role(tokens[i]) is None:
            i += 1
            continue
        end = i
        while end < len(tokens) and _role(tokens[end]) is not None:
            end += 1
        roles = [_role(t) for t in tokens[i:end]]
        figures = tokens[end:end + (end - i)]
        if (end - i >= _MIN_LABELS and "budget.planned" in roles and "budget.executed" in roles
                and len(set(roles)) == len(roles) and len(figures) == end - i
                and all(_FIGURE.match(f) for f in figures)
                and values.plain_decimal(figures[roles.index("budget.planned")].replace(",", "")) is not None):
            return i, end
        i = end
    return None


def _name(tokens: list[str]) -> str:
    """The value of the 项目名称 field: the tokens after its label up to the next field's label."""
    for i, token in enumerate(tokens):
        key = to_simplified(token).rstrip(":：")
        if not matches("header.name", key):
            continue
        parts: list[str] = []
        for value in tokens[i + 1:]:
            if is_header_label(to_simplified(value).rstrip(":：")) or _other_field(value) or _role(value):
                break
            parts.append(value)
        name = "".join(parts)
        return name if 2 <= len(name) <= _NAME_MAX else ""
    return ""


def _other_field(token: str) -> bool:
    key = to_simplified(token)
    return any(key.startswith(word) for word in other_header_words())


def _total_label(tokens: list[str]) -> str:
    """The block's total row label as the line writes it (年度资金总额 …), else the plain word."""
    return next((t for t in tokens if matches("budget.total_row", to_simplified(t))), "资金总额")
