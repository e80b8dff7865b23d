"""Terminal renderer: findings for people, grouped by project, with page, quote and a summary line.

Built with rich and exported as text, so the same code gives coloured output on a terminal and
plain, readable text when colour is off (NO_COLOR, a pipe, a file). Quotes are trimmed around
their numbers so a project's findings fit on one screen.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.text import Text

from reportparse.model import Evidence, Finding, Result, Severity, Status
from reportparse.render.common import (
    SEVERITY_LABEL,
    SEVERITY_ORDER,
    ProjectGroup,
    budget_summary,
    cell_width,
    group_findings,
    location,
    numbers_in,
    one_line,
    split_numbers,
    summary_counts,
    terminal_safe,
    trim_quote,
    wrap_cells,
)

WIDTH = 100
MAX_EVIDENCE = 3  # quotes shown per finding; the rest are counted
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}
_STATUS_STYLE = {Status.OK: "green", Status.PARTIAL: "yellow", Status.FAILED: "bold red"}


def render_text(results: Sequence[Result], color: bool = False) -> str:
    """Findings for people: per file a header, per project a budget line and its findings, a summary."""
    console = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    for index, result in enumerate(results):
        if index:
            console.print()
        _print_result(console, _terminal_safe_result(result))
    if len(results) > 1:
        console.print()
        console.print(_summary_line(results, f"共 {len(results)} 个文件"))
    # rich pads some lines to the full width; trailing blanks only get in the way of copy and diff
    return "\n".join(line.rstrip() for line in console.export_text(styles=color).splitlines()) + "\n"


def _terminal_safe_result(result: Result) -> Result:
    """The result with every string stripped of terminal escape sequences and controls: a document
    (or a file name) could otherwise recolour, move the cursor or retitle the reader's terminal."""

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return terminal_safe(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    return Result.model_validate(clean(result.model_dump()))


def _print_result(console: Console, result: Result) -> None:
    """One file: header, then each project with findings or a budget, then the file's summary."""
    source = result.source
    tail = Text(f"  {source.format.value.upper()}" + (f" {source.pages} 页" if source.pages else "")
                + f"  规则 {result.profile}  ")
    tail.append(f"[{result.status.value}]", style=_STATUS_STYLE[result.status])
    room = WIDTH - 1 - cell_width(tail.plain)
    path = source.path
    while cell_width(path) > room and len(path) > 1:  # keep the file name, drop leading folders
        path = "…" + path[2:]
    header = Text(path, style="bold")
    header.append_text(tail)
    console.print(header)
    if result.status is Status.FAILED:
        console.print(Text(f"  无法处理（{result.reason or 'failed'}）：{result.message or ''}", style="red"))
        return
    if result.message:
        console.print(Text(f"  {result.message}", style="yellow"))
    for group in group_findings(result):
        _print_group(console, group)  # every project, so a clean one visibly has 无问题
    for problem in result.problems:
        console.print(Text(f"  未能读取：{one_line(problem)}", style="yellow"))
    for note in result.notes[:5]:
        console.print(Text(f"  注意：{one_line(note)}", style="dim"))
    if len(result.notes) > 5:
        console.print(Text(f"  注意：另有 {len(result.notes) - 5} 条", style="dim"))
    console.print(_summary_line([result], "合计"))


def _print_group(console: Console, group: ProjectGroup) -> None:
    """A project heading, its budget line, and its findings most severe first."""
    console.print()
    title = group.name or "（未归属项目）"
    console.rule(Text(title, style="bold"), align="left", characters="─", style="dim")
    if group.project is not None:
        budget = "  ".join(f"{label} {value}" for label, value in budget_summary(group.project))
        console.print(Text(f"  {budget}", style="dim" if not group.findings else ""))
    if not group.findings:
        console.print(Text("  无问题", style="green"))
    for finding in group.findings:
        _print_finding(console, finding)


def _print_finding(console: Console, finding: Finding) -> None:
    """Severity, code and indicator on one line; the message; then up to MAX_EVIDENCE quotes."""
    head = Text("  ")
    label = f"{SEVERITY_LABEL[finding.severity]} {finding.severity.value:<8}"
    head.append(label, style=_SEVERITY_STYLE[finding.severity])
    head.append(f" {finding.code}", style="bold")
    if finding.indicator:
        room = WIDTH - 1 - cell_width(head.plain) - 6
        head.append(f"  「{trim_quote(finding.indicator, room)}」")
    console.print(head)
    for line in wrap_cells(finding.message, WIDTH - 7):
        console.print(Text(f"      {line}"))
    if finding.notes:
        console.print(Text(f"      注意：{'，'.join(finding.notes)}（OCR 识别置信度低，请核对原件）", style="yellow"))
    focus = numbers_in(finding.message, finding.expected, finding.actual)
    quotes = _merge_row_cells(finding.evidence)
    for where, quote in quotes[:MAX_EVIDENCE]:
        console.print(_evidence_line(where, quote, focus))
    hidden = len(quotes) - MAX_EVIDENCE
    if hidden > 0:
        console.print(Text(f"      （另有 {hidden} 处引文）", style="dim"))


def _merge_row_cells(evidence: list[Evidence]) -> list[tuple[str, str]]:
    """(where, quote) pairs; quotes from cells of the same table row are joined into one, `a │ b`.

    A finding on a goal-table row usually quotes the row's name cell and its target cell: one
    line for the row says the same in half the space.
    """
    pairs: list[tuple[str, str]] = []
    last_row: tuple[object, ...] | None = None
    for ev in evidence:
        row = (ev.page, ev.table, ev.row, ev.sheet) if ev.table is not None and ev.row is not None else None
        if row is not None and row == last_row:
            where, quote = pairs[-1]
            pairs[-1] = (where, f"{quote} │ {one_line(ev.text)}")
            continue
        cell_col = None if row is not None and ev.sheet is None else ev.col
        pairs.append((location(ev.page, ev.line, ev.table, ev.row, cell_col, ev.sheet, ev.cell), one_line(ev.text)))
        last_row = row
    return pairs


def _evidence_line(where: str, quote: str, focus: set[str]) -> Text:
    """`p.3 第12行  “…专题片 4 部…”` on one line, trimmed around the finding's numbers, numbers highlighted."""
    line = Text("      ")
    line.append(where, style="dim")
    line.append("  “")
    room = WIDTH - 1 - cell_width(line.plain) - 1
    for piece, is_number in split_numbers(trim_quote(quote, room, focus)):
        line.append(piece, style="bold magenta" if is_number else "")
    line.append("”")
    return line


def _summary_line(results: Sequence[Result], label: str) -> Text:
    """`合计: 2 错误 (error), 3 警告 (warning), 1 提示 (info) · 状态 ok`."""
    counts = summary_counts(results)
    text = Text(f"{label}：")
    for index, severity in enumerate(SEVERITY_ORDER):
        if index:
            text.append("，")
        text.append(f"{counts[severity]} {SEVERITY_LABEL[severity]} ({severity.value})",
                    style=_SEVERITY_STYLE[severity] if counts[severity] else "")
    statuses = sorted({r.status for r in results}, key=list(Status).index)
    text.append("  状态 ")
    for index, status in enumerate(statuses):
        if index:
            text.append("/")
        text.append(status.value, style=_STATUS_STYLE[status])
    return text
