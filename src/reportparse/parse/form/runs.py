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
from decimal import Decimal
from functools import cache
from itertools import pairwise

from reportparse.han import is_han
from reportparse.lazypattern import lazy_compile
from reportparse.model import Cell, Document, Line, Paragraph, Table
from reportparse.parse.form import values
from reportparse.parse.form.blocks import is_header_label
from reportparse.parse.form.grid import squash
from reportparse.parse.form.hanzi import to_simplified
from reportparse.parse.form.labels import matches, name_label_pattern, name_within, other_header_words
from reportparse.parse.form.numberedrows import numbered_rows_table

_TOKEN = lazy_compile(r"[^\s\u3000]+")
#: The block's column roles, in the order a label is tried against them.
_ROLES = ("budget.initial", "budget.planned", "budget.executed", "budget.weight", "budget.rate", "budget.score")
#: A bracketed note inside a label ('预算数(A)', '得分(20分*执行率)'): not part of its role word.
_BRACKETED = lazy_compile(r"[(（][^()（）]*[)）]")
#: A figure of a fund row: an amount, a percent, a bare number, or the dash of an empty cell.
_FIGURE = lazy_compile(r"^(?:[-－]?\d[\d,，]*(?:\.\d+)?[%％]?|[—–\-－/／]+)$")
#: The unit the block states in brackets ('项目资金 (万元)', '情况(万元)').
_UNIT = lazy_compile(r"[(（]\s*(万元|元)\s*[)）]")
#: Fewest column labels in a run (预算数 and 执行数 among them).
_MIN_LABELS = 3
#: Longest name the 项目名称 field may give.
_NAME_MAX = 40


def run_form_tables(document: Document) -> list[Table]:
    """One small table (name, block header, total row) per line that lists the 项目资金 block's labels
    and then its first row's figures; empty when no line does."""
    tables: list[Table] = []
    read = ""  # the text before the line: a name or a '金额单位' note stated above it
    for element in document.elements:
        if not isinstance(element, Paragraph):
            continue
        for line in element.lines or [Line(text=element.text, page=element.page)]:
            found = _line_tables(line)
            if not found and (together := _run_together_table(line)) is not None:
                found = [together]
            if not found and (pairs := _pair_table(line, read)) is not None:
                found = [pairs]
            tables.extend(found)
            read += " " + line.text
    return tables


#: The unit a note states for the amounts below it ('金额单位: 万元'), where no Han character follows it
#: (see `_declared_units`).
_DECLARED_UNIT = lazy_compile(r"单位\s*[:：]\s*(万元|元)")


def _declared_units(text: str) -> list[str]:
    """The units `text` declares: `_DECLARED_UNIT.findall` with the lookahead `(?![\\u4e00-\\u9fff])` the
    pattern had tested on each match's end (a match starts with 单位, which none holds inside it, so the
    matches are the same)."""
    return [m.group(1) for m in _DECLARED_UNIT.finditer(text) if m.end() == len(text) or not is_han(text[m.end()])]


def _pair_table(line: Line, above: str) -> Table | None:
    """A line of label | amount pairs, '预算数 6.84 到位数 6.84 执行数 6.84 100.00', under a note that
    states their unit: the planned and executed amounts as a fields row, with the name the text
    above gives ('项目名称: X …')."""
    tokens = _TOKEN.findall(line.text)
    pairs: dict[str, str] = {}
    for label, value in pairwise(tokens):
        key = to_simplified(label)
        for role in ("budget.field_planned", "budget.field_executed"):
            if role not in pairs and matches(role, key) and _FIGURE.match(value) and not _FIGURE.match(label):
                pairs[role] = value
    units = _declared_units(above)
    if len(pairs) < 2 or not units:
        return None
    names = name_within().findall(above)
    rows = [["项目名称", names[-1]]] if names else []
    rows.append([f"预算数({units[-1]})", pairs["budget.field_planned"],
                 f"执行数({units[-1]})", pairs["budget.field_executed"]])
    return _table(rows, line)


def _table(rows: list[list[str]], line: Line) -> Table:
    width = max(len(r) for r in rows)
    grid = [[Cell(text=text, row=r, col=c, page=line.page, line=line.line, confidence=line.confidence)
             for c, text in enumerate(row + [""] * (width - len(row)))]
            for r, row in enumerate(rows)]
    return Table(index=-1, rows=grid, page=line.page, pages=[line.page])


def _line_tables(line: Line) -> list[Table]:
    """A table per label run of the line: several forms printed one after another give several,
    each with the name and unit written since the run before it."""
    tokens = _glued(_TOKEN.findall(line.text))
    tables: list[Table] = []
    since = 0
    while (run := _label_run(tokens, since)) is not None:
        start, end = run
        labels = tokens[start:end]
        figures = tokens[end:end + len(labels)]
        before = tokens[since:start]
        since = end + len(labels)
        unit = next((m.group(1) for t in reversed(before) if (m := _UNIT.search(t))), None)
        if unit is None:
            continue  # bare figures in an unknown unit: better no budget than a wrong one
        rows: list[list[str]] = []
        name = _name(before)
        if name:
            rows.append(["项目名称", name])
        rows.append([f"项目资金({unit})", *labels])
        rows.append([_total_label(tokens[start - len(before):since]), *figures])
        tables.append(_table(rows, line))
    indicators = numbered_rows_table(tokens, line) if tables else None
    return [*tables, indicators] if indicators is not None else tables


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


def _label_run(tokens: list[str], i: int = 0) -> tuple[int, int] | None:
    """The first run of budget column labels from `i` with 预算数 and 执行数 among them and as many
    figures right after it; (start, end) of the labels."""
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


# ------------------------------------------------------------------------------------------
# OCR: the total row's figures run together ('年度财政资金总额10001000100%20')
# ------------------------------------------------------------------------------------------

#: The total row's label and the figures OCR ran together after it.
_TOTAL_FIGURES = lazy_compile(r"资金总额[:：]?(?P<figures>\d[\d.%％]*)")
#: The four columns such a row has, in the order the block's labels print them.
_COLUMN_ORDER = (("planned", "预算数"), ("executed", "执行数"), ("rate", "执行率"), ("score", "得分"))
#: Labels of columns this reading does not expect: with them the figures could belong elsewhere.
_OTHER_COLUMNS = lazy_compile(r"年初|全年预算|分值|权重")
#: The block's weight printed in its score label: '得分(20分*执行率)'.
_PRINTED_WEIGHT = lazy_compile(r"得分[(（](\d+(?:\.\d+)?)分")
#: The name run into its neighbours: '项目名称X主管部门Y'.
_NAME_ENDS = r"(?=(?:中央|地方|县级|市级|省级|项目)?主管部门|(?:项目)?主管单位|实施单位|项目实施单位)"


@cache
def _run_name() -> re.Pattern[str]:
    """The name run into its neighbours: '项目名称X主管部门Y', in any province's name label."""
    return re.compile(rf"(?:{name_label_pattern()})[:：]?(?P<name>[^:：|]{{3,40}}?){_NAME_ENDS}")
#: How far before the total row its column labels may stand.
_LABEL_WINDOW = 160
#: A figure as printed: no leading zero (but '0.98'), one decimal point.
_NUMBER = lazy_compile(r"^(?:0|[1-9]\d*)(?:\.\d+)?$")
#: Slack for a printed rate rounded to whole or tenth percents.
_RATE_SLACK = Decimal("0.6")
#: Slack for a printed score rounded to a whole point.
_SCORE_SLACK = Decimal("0.5")


def _run_together_table(line: Line) -> Table | None:
    """The name and the total row of a 项目资金 block whose labels and figures OCR ran together
    (预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额10001000100%20), its figures split
    the one way the row's own arithmetic allows: 执行数 / 预算数 is the printed 执行率, the 得分 no
    more than the block's weight."""
    written = squash(line.text)
    text = to_simplified(written)
    total = _TOTAL_FIGURES.search(text)
    if total is None:
        return None
    window = text[max(0, total.start() - _LABEL_WINDOW):total.start()]
    unit = _UNIT.search(window)
    weight = _PRINTED_WEIGHT.search(window)
    start = window.rfind(_COLUMN_ORDER[0][1])
    if unit is None or weight is None or start < 0 or _OTHER_COLUMNS.search(window[start:]):
        return None
    positions = [window.find(word, start) for _, word in _COLUMN_ORDER]
    if any(p < 0 for p in positions) or positions != sorted(positions):
        return None
    split = _split_figures(total.group("figures"), Decimal(weight.group(1)))
    if split is None:
        return None
    rows: list[list[str]] = []
    named = _run_name().search(text)
    if named:  # (as written: the simplified text only finds it)
        same = len(written) == len(text)
        rows.append(["项目名称", written[named.start("name"):named.end("name")] if same else named.group("name")])
    rows.append([f"项目资金({unit.group(1)})", "预算数", "执行数", "执行率", f"得分({weight.group(1)}分*执行率)"])
    rows.append(["资金总额", *split])
    return _table(rows, line)


def _split_figures(run: str, weight: Decimal) -> list[str] | None:
    """预算数, 执行数, 执行率 and 得分 from their figures run together: the only cut where each part is
    a number, the rate (a percent, or a fraction up to 1) is 执行数 / 预算数, and the score is at most
    the weight (of several such cuts, the one whose score is the weight times the rate); None when
    no cut, or more than one, fits."""
    fits: list[list[str]] = []
    n = len(run)
    for i in range(1, n - 2):
        for j in range(i + 1, n - 1):
            for k in range(j + 1, n):
                parts = [run[:i], run[i:j], run[j:k], run[k:]]
                if _fits(parts, weight):
                    fits.append(parts)
    if len(fits) > 1:  # several cuts fit: keep those whose score also follows from the rate
        fits = [f for f in fits if abs(Decimal(f[3]) - weight * min(Decimal(f[1]) / Decimal(f[0]), Decimal(1)))
                <= _SCORE_SLACK]
    return fits[0] if len(fits) == 1 else None


def _fits(parts: list[str], weight: Decimal) -> bool:
    planned, executed, rate, score = parts
    percent = rate.endswith(("%", "％"))
    bare = rate.rstrip("%％")
    if not all(_NUMBER.match(p) for p in (planned, executed, bare, score)):
        return False
    p, e, r, s = Decimal(planned), Decimal(executed), Decimal(bare), Decimal(score)
    if not percent:
        if r > 1:
            return False  # a rate without '%' is a fraction (Excel keeps 100% as 1)
        r *= 100
    return p > 0 and abs(e / p * 100 - r) <= _RATE_SLACK and s <= weight
