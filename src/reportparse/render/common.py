"""Helpers shared by the human-facing renderers (terminal and HTML): grouping, money, quotes.

Nothing here knows about a particular report: findings are grouped by the project names the
Result itself carries, and quotes are trimmed around whatever numbers they contain.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Finding, Project, Quantity, Result, Severity

SEVERITY_ORDER: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY_LABEL: dict[Severity, str] = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}

#: A number as written in a report: Arabic or full-width digits, decimals, thousands commas, a
#: trailing percent sign. Used to highlight numbers in quotes and to centre trimmed quotes.
NUMBER_RE = lazy_compile(r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?(?:\s?[%％‰])?")

_WAN = Decimal(10000)

#: What a document must not send to a terminal: escape sequences whole (CSI `ESC [ … final`, OSC
#: `ESC ] … BEL|ST`, other two-byte ESC forms), then any C0/C1 control left except newline and tab,
#: and the bidirectional overrides that reorder what is shown (U+202A–202E, U+2066–2069).
_TERMINAL_UNSAFE_RE = lazy_compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC (title, hyperlink ...)
    r"|\x1b[ -/]*[0-~]?"  # other ESC sequences, or a lone ESC
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def terminal_safe(text: str) -> str:
    """`text` without anything a terminal would act on instead of showing (colours, cursor moves,
    window titles, bidi reordering): what a document or file name says reaches the screen as text."""
    return _TERMINAL_UNSAFE_RE.sub("", text)


@dataclass
class ProjectGroup:
    """The findings of one project (or of no project: `project` None), most severe first."""

    name: str | None
    project: Project | None
    findings: list[Finding] = field(default_factory=list)


def group_findings(result: Result) -> list[ProjectGroup]:
    """Group a result's findings by project, in the report's project order, then any others.

    A finding names its project by canonical name, but an alias is accepted too, so that a
    finding never disappears from the output because of a spelling. Findings without a known
    project form a last group with `name` None (or named as written, when the name is unknown).
    """
    projects = result.report.projects if result.report else []
    groups: list[ProjectGroup] = [ProjectGroup(p.name, p) for p in projects]
    by_name: dict[str, ProjectGroup] = {}
    for group, project in zip(groups, projects, strict=True):
        for name in (project.name, *project.aliases):
            by_name.setdefault(name, group)
    extra: dict[str | None, ProjectGroup] = {}
    for finding in result.findings:
        known = by_name.get(finding.project or "")
        group = known or extra.setdefault(finding.project, ProjectGroup(finding.project, None))
        group.findings.append(finding)
    for group in (*groups, *extra.values()):
        group.findings.sort(key=lambda f: SEVERITY_ORDER.index(f.severity))
    unnamed = extra.pop(None, None)
    return [*groups, *extra.values(), *([unnamed] if unnamed else [])]


def format_decimal(value: Decimal, places: int = 2) -> str:
    """A decimal rounded half up (四舍五入) to at most `places` decimals, no trailing zeros: 19.9600 → 19.96."""
    quantised = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) if value.is_finite() else value
    text = format(quantised, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_money(quantity: Quantity | None) -> str:
    """Money for people: `19.96 万元（199,600 元）`; the raw text when it was not understood."""
    if quantity is None:
        return "—"
    if quantity.value is None or quantity.unit not in (None, "元"):
        return quantity.raw
    yuan = quantity.value
    prefix = "约 " if quantity.approx else ""
    yuan_text = f"{yuan:,.2f}".rstrip("0").rstrip(".")
    return f"{prefix}{format_decimal(yuan / _WAN, 4)} 万元（{yuan_text} 元）"


def budget_summary(project: Project) -> list[tuple[str, str]]:
    """The budget line of a project as (label, value) pairs: planned, executed, returned, rate, score."""
    budget = project.budget
    parts: list[tuple[str, str]] = [("预算", format_money(budget.planned)), ("执行", format_money(budget.executed))]
    if budget.returned is not None:
        parts.append(("交回", format_money(budget.returned)))
    if budget.rate is not None:
        rate = f"{format_decimal(budget.rate)}%"
        printed = budget.printed_rate.value if budget.printed_rate is not None else None
        if printed is not None and format_decimal(printed) != format_decimal(budget.rate):
            rate += f"（报告写 {format_decimal(printed)}%）"  # said only when it is another figure
        parts.append(("执行率", rate))
    if budget.weight is not None or budget.score is not None:
        parts.append(("得分", f"{_num(budget.score)}/{_num(budget.weight)}"))
    return parts


def _num(value: Decimal | None) -> str:
    return "—" if value is None else format_decimal(value)


def one_line(text: str) -> str:
    """Collapse the line breaks and runs of spaces a quote may carry from the page layout."""
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=8192)
def _char_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cell_width(text: str) -> int:
    """Terminal columns taken by `text`: East Asian wide and full-width characters take two."""
    return sum(map(_char_width, text))  # (a report uses a few thousand characters, each looked up once)


def numbers_in(*texts: object) -> set[str]:
    """The numbers written in some texts (commas dropped), e.g. to tell which numbers of a quote matter."""
    found: set[str] = set()
    for text in texts:
        if text is not None:
            found.update(_plain_number(m.group()) for m in NUMBER_RE.finditer(str(text)))
    return found


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def number_key(written: str) -> str:
    """A written number as a comparable key: ASCII digits, no spaces or commas, '%' kept (`5.29`, `90%`)."""
    return re.sub(r"[,，\s]", "", written.translate(_FULL_WIDTH))


def distinctive_numbers(*texts: object) -> set[str]:
    """Number keys in some texts that are specific enough to point at on a page: with a decimal point,
    a percent sign, or at least three digits (a bare 10 or 4 occurs everywhere in a report)."""
    keys: set[str] = set()
    for text in texts:
        if text is not None:
            keys.update(number_key(m.group()) for m in NUMBER_RE.finditer(str(text)))
    return {k for k in keys if "." in k or "%" in k or "‰" in k or sum(c.isdigit() for c in k) >= 3}


_SEPARATORS_AND_SIGNS = lazy_compile(r"[,，\s%％‰]")


def _plain_number(written: str) -> str:
    return _SEPARATORS_AND_SIGNS.sub("", written).replace("．", ".")


def trim_quote(text: str, limit: int = 60, focus: Collection[str] = (), anchor: str | None = None) -> str:
    """Shorten a quote to `limit` terminal columns around its numbers, marking cuts with '…'.

    Candidate windows start a little before each number (and before `anchor`, e.g. the indicator's
    name, when the quote holds it); the one holding the most numbers of `focus` (the numbers the
    finding talks about), then the most numbers at all, wins. A quote without numbers keeps its
    beginning, or starts near its anchor.
    """
    text = one_line(text)
    if cell_width(text) <= limit:
        return text
    matches = list(NUMBER_RE.finditer(text))
    at = text.find(anchor) if anchor else -1
    starts = sorted({0, *(max(0, m.start() - 8) for m in matches), *([max(0, at - 4)] if at >= 0 else [])})
    best, best_key = 0, (-1, False, -1, 0)
    for start in starts:
        end = _window_end(text, start, limit - 2)
        inside = [_plain_number(m.group()) for m in matches if m.start() >= start and m.end() <= end]
        anchored = at >= 0 and start <= at and at + len(anchor or "") <= end
        key = (len(set(inside) & set(focus)), anchored, len(inside), -start)
        if key > best_key:
            best, best_key = start, key
    end = _window_end(text, best, limit - (2 if best else 1))
    return ("…" if best else "") + text[best:end] + ("…" if end < len(text) else "")


_NO_LINE_END = "（(《「『【“‘"
_NO_LINE_START = "）)》」』】，。、；：！？”’…%％"


def wrap_cells(text: str, width: int) -> list[str]:
    """Fold text into lines of at most `width` columns. Chinese needs no spaces to break at, so lines
    break anywhere, except inside a short run of Latin letters or digits (a code, a number)."""
    lines: list[str] = []
    rest = one_line(text)
    while cell_width(rest) > width:
        end = _window_end(rest, 0, width)
        run = re.search(r"[A-Za-z0-9.%,_/-]+$", rest[:end])
        if run and run.start() > 0 and end < len(rest) and re.match(r"[A-Za-z0-9.%,_/-]", rest[end]):
            end = run.start()
        elif 1 < end < len(rest) and rest[end] in _NO_LINE_START:
            # 避头: closing punctuation never starts a line (nor a run of it: ”，)
            back = end - 1
            while back > 1 and rest[back] in _NO_LINE_START and end - back < 4:
                back -= 1
            end = back
        while end > 1 and rest[end - 1] in _NO_LINE_END:
            end -= 1  # 避尾: an opening bracket or quote goes down with what it opens
        lines.append(rest[:end].rstrip())
        rest = rest[end:].lstrip()
    lines.append(rest)
    return lines


def _window_end(text: str, start: int, limit: int) -> int:
    """The end of the longest slice from `start` that fits in `limit` columns."""
    used = 0
    for index in range(start, len(text)):
        used += _char_width(text[index])
        if used > limit:
            return index
    return len(text)


def split_numbers(text: str) -> Iterable[tuple[str, bool]]:
    """Split text into (piece, is_number) runs so a renderer can highlight the numbers."""
    pos = 0
    for match in NUMBER_RE.finditer(text):
        if match.start() > pos:
            yield text[pos : match.start()], False
        yield match.group(), True
        pos = match.end()
    if pos < len(text):
        yield text[pos:], False


def location(page: int | None, line: int | None = None, table: int | None = None, row: int | None = None,
             col: int | None = None, sheet: str | None = None, cell: str | None = None,
             paragraph: int | None = None) -> str:
    """Where a quote is, for people: `p.3 第12行`, `第5段`, `表2 第4行`, `Sheet1!C7` ... (1-based for people).

    A page is said only when it is known (a DOCX Word never laid out has none); a table cell then
    says its table, row and column, and a DOCX paragraph its number in the body.
    """
    if sheet and cell:
        return f"{sheet}!{cell}"  # a spreadsheet cell says it all
    parts = [sheet] if sheet else [f"p.{page}"] if page is not None else []
    if line is not None:
        parts.append(f"第{line}行")
    if table is not None:
        cell_part = f"表{table + 1}"
        if row is not None:
            cell_part += f" 第{row + 1}行"
        if col is not None:
            cell_part += f" 第{col + 1}列"
        parts.append(cell_part)
    elif paragraph is not None and line is None:
        parts.append(f"第{paragraph + 1}段")
    return " ".join(parts)


def evidence_location(ev: Evidence, with_col: bool = True) -> str:
    """`location` of one piece of evidence (the column left out when the whole row is shown)."""
    return location(ev.page, ev.line, ev.table, ev.row, ev.col if with_col else None, ev.sheet, ev.cell,
                    ev.paragraph)


def places(evidence: Sequence[Evidence], limit: int = 2) -> str:
    """A short 'where' for a list of evidence: its pages (`3, 4`) when known, else the first locations."""
    pages = sorted({ev.page for ev in evidence if ev.page is not None})
    if pages:
        return ", ".join(map(str, pages))
    found: list[str] = []
    for ev in evidence:
        where = evidence_location(ev, with_col=False)
        if where and where not in found:
            found.append(where)
    return "；".join(found[:limit]) + ("…" if len(found) > limit else "")


def summary_counts(results: Sequence[Result]) -> dict[Severity, int]:
    """Counts of findings by severity over several results (from the findings, not the summary)."""
    counts = dict.fromkeys(SEVERITY_ORDER, 0)
    for result in results:
        for finding in result.findings:
            counts[finding.severity] += 1
    return counts
