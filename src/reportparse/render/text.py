"""Terminal renderer: findings for people, grouped by project, with page, quote and a summary line.

The renderer lays out lines of styled pieces (`Line`) and project rules (`Rule`); rich prints them,
so the same code gives coloured output on a terminal and plain, readable text when colour is off
(NO_COLOR, a pipe, a file). It is laid out for the width it is given (the CLI passes the terminal's,
or 100 columns when the output is piped), says everything for people in Chinese (codes stay as they
are), and trims quotes around the figures and the indicator the finding is about, so a project's
findings fit on one screen. Several files end with a table of one row per file.

Without colour, when every line already fits the width as it is (the renderer folds its own lines,
so nearly always), rich would print each line unchanged: the text is then joined here and rich is
not imported at all, which is most of the start-up of `reportparse check FILE | less`. A line rich
would change (one too wide, a tab, a newline) or the files table sends the whole output through rich.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportparse.lazypattern import lazy_compile
from reportparse.model import Evidence, Finding, Result, Severity, Status
from reportparse.render.chinese import STATUS_ZH, failure_zh, note_zh
from reportparse.render.common import (
    SEVERITY_LABEL,
    SEVERITY_ORDER,
    ProjectGroup,
    budget_summary,
    cell_width,
    evidence_location,
    group_findings,
    numbers_in,
    one_line,
    split_numbers,
    summary_counts,
    terminal_safe,
    trim_quote,
    wrap_cells,
)

if TYPE_CHECKING:  # rich is imported only when it prints (colour, a line it must fold, the files table)
    from rich.table import Table
    from rich.text import Text

WIDTH = 100  # when the output is not a terminal (a pipe, a file)
MIN_WIDTH = 50  # narrower terminals still get this: a line must hold a code and a short quote
MAX_QUOTE = 72  # columns of one quote, however wide the terminal: the evidence, not the whole paragraph
MAX_EVIDENCE = 3  # quotes shown per finding; the rest are counted
INDENT = 6
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "cyan"}
_STATUS_STYLE = {Status.OK: "green", Status.PARTIAL: "yellow", Status.FAILED: "bold red"}


class Line:
    """One printed line: pieces of text, each with a rich style ("" for none), over a style for the
    whole line. What rich's Text is used for here, without importing rich to build it."""

    __slots__ = ("pieces", "style")

    def __init__(self, text: str = "", style: str = "") -> None:
        self.style = style
        self.pieces: list[tuple[str, str]] = [(text, "")] if text else []

    def append(self, text: str, style: str = "") -> Line:
        self.pieces.append((text, style))
        return self

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.pieces)

    def rich(self) -> Text:
        from rich.text import Text

        text = Text(style=self.style)
        for piece, style in self.pieces:
            text.append(piece, style or None)
        return text


class Rule:
    """A project's heading: its title, then a line of `─` to the right edge (rich's left-aligned rule)."""

    __slots__ = ("style", "title")

    def __init__(self, title: Line, style: str) -> None:
        self.title, self.style = title, style


class _Page:
    """The output in order, for `width` columns: lines, rules, blank lines (None) and rich tables."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.rows: list[Line | Rule | Table | None] = []

    def print(self, row: Line | Table | None = None) -> None:
        self.rows.append(row)

    def rule(self, title: Line, style: str) -> None:
        self.rows.append(Rule(title, style))


def render_text(results: Sequence[Result], color: bool = False, width: int = WIDTH) -> str:
    """Findings for people: per file a header, per project a budget line and its findings, a summary."""
    page = _Page(max(width, MIN_WIDTH))
    safe = [_terminal_safe_result(result) for result in results]
    for index, result in enumerate(safe):
        if index:
            page.print()
        _print_result(page, result)
    if len(safe) > 1:
        page.print()
        page.print(_files_table(safe))
        page.print(_summary_line(safe, f"共 {len(safe)} 个文件"))
    plain = None if color else _plain_lines(page)
    text = "".join(f"{line}\n" for line in plain) if plain is not None else _rich_export(page, color)
    # rich pads some lines to the full width; trailing blanks only get in the way of copy and diff
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def _rich_export(page: _Page, color: bool) -> str:
    """The page printed by rich (wrapping what is too wide, colouring when asked) and exported as text."""
    from rich.console import Console

    console = Console(record=True, width=page.width, file=io.StringIO(), force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    for row in page.rows:
        if row is None:
            console.print()
        elif isinstance(row, Rule):
            console.rule(row.title.rich(), align="left", characters="─", style=row.style)
        elif isinstance(row, Line):
            console.print(row.rich())
        else:
            console.print(row)
    return console.export_text(styles=color)


#: what rich changes in a line before printing it: it splits at newlines, expands tabs and drops these
_RICH_CHANGES = frozenset("\n\t\a\b\v\f\r")


def _plain_lines(page: _Page) -> list[str] | None:
    """The page's lines as rich would print them without colour, when rich would print every line as
    it is: each fits the width and holds nothing rich changes. None when one does not, or for a table."""
    from rich.cells import cell_len

    def as_is(text: str, width: int) -> bool:
        return not _RICH_CHANGES.intersection(text) and cell_len(text) <= width

    lines: list[str] = []
    for row in page.rows:
        if row is None:
            lines.append("")
        elif isinstance(row, Rule):
            title = row.title.plain + " "
            rule = title + "─" * (page.width - cell_len(title))
            if not as_is(row.title.plain, page.width - 2) or cell_len(rule) != page.width:
                return None  # a title rich would shorten with an ellipsis
            lines.append(rule)
        elif isinstance(row, Line) and as_is(text := row.plain, page.width):
            lines.append(text)
        else:
            return None
    return lines


#: what the JSON of a result holds where one of its strings holds something `terminal_safe` drops: a control
#: character (JSON writes those of C0 as \u00XX, \b, \f, \r), DEL or one of C1, a bidirectional override
#: (or an escaped backslash before b, f or r, which is harmless: the strings are then looked at one by one)
_MAYBE_UNSAFE = lazy_compile(r"\\u00|\\[bfr]|[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _terminal_safe_result(result: Result) -> Result:
    """The result with every string stripped of terminal escape sequences and controls: a document
    (or a file name) could otherwise recolour, move the cursor or retitle the reader's terminal."""
    if not _MAYBE_UNSAFE.search(result.model_dump_json()):
        return result  # (the usual case, told from the serialised result at a third of the walk below)

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return terminal_safe(value)
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return value

    data = result.model_dump()
    cleaned = clean(data)
    # nearly every result is clean already: validating a copy of the whole report again would be wasted
    return result if cleaned == data else Result.model_validate(cleaned)


def _print_result(page: _Page, result: Result) -> None:
    """One file: header, then each project with findings or a budget, then the file's summary."""
    source = result.source
    pages = f" {source.pages} 页" if source.pages and source.pages_known else ""
    tail = f"  {source.format.value.upper()}{pages}  规则 {result.profile}"
    status = STATUS_ZH[result.status] if result.status is not Status.FAILED else ""  # a failure: next line
    room = page.width - 1 - cell_width(tail + (f"  {status}" if status else ""))
    path = source.path
    while cell_width(path) > room and len(path) > 1:  # keep the file name, drop leading folders
        path = "…" + path[2:]
    header = Line(path, style="bold").append(tail)
    if status:
        header.append("  ").append(status, style=_STATUS_STYLE[result.status])
    page.print(header)
    if result.status is Status.FAILED:
        _print_folded(page, f"无法处理（{result.reason or 'failed'}）：{failure_zh(result, with_name=False)}",
                      "red")
        return
    if result.message:
        _print_folded(page, result.message, "yellow")
    for group in group_findings(result):
        _print_group(page, group)  # every project, so a clean one visibly has 无问题
    for problem in result.problems:
        _print_folded(page, f"未能读取：{note_zh(problem)}", "yellow")
    for note in result.notes[:5]:
        _print_folded(page, f"注意：{note_zh(note)}", "dim")
    if len(result.notes) > 5:
        page.print(Line(f"  注意：另有 {len(result.notes) - 5} 条", style="dim"))
    page.print(_summary_line([result], "合计", with_status=False))  # the header gave the status


def _print_folded(page: _Page, text: str, style: str) -> None:
    """A line of the file's section, folded within the width with its continuation indented under it."""
    for index, line in enumerate(wrap_cells(text, page.width - 5)):
        page.print(Line(("  " if index == 0 else "    ") + line, style=style))


def _print_group(page: _Page, group: ProjectGroup) -> None:
    """A project heading, its budget line, and its findings most severe first."""
    page.print()
    title = group.name or "（未归属项目）"
    page.rule(Line(title, style="bold"), style="dim")
    if group.project is not None:
        pairs = [f"{label} {value}" for label, value in budget_summary(group.project)]
        for line in _fold_pairs(pairs, page.width - 1):
            page.print(Line(line, style="dim" if not group.findings else ""))
    if not group.findings:
        page.print(Line("  无问题", style="green"))
    for finding in group.findings:
        _print_finding(page, finding)


def _fold_pairs(pairs: list[str], width: int) -> list[str]:
    """`预算 …  执行 …  执行率 …  得分 10/10` over as many lines as the width needs, never inside a pair."""
    lines: list[str] = []
    current = ""
    for pair in pairs:
        candidate = f"{current}  {pair}" if current else f"  {pair}"
        if current and cell_width(candidate) > width:
            lines.append(current)
            candidate = f"  {pair}"
        current = candidate
    return [*lines, current] if current else lines



#: What a finding's note tells the reader, in the words the text output prints after it.
_NOTE_MEANING = {
    "ocr-uncertain": "OCR 识别置信度低，请核对原件",
    "ambiguous-cut": "数字粘连，拆分不唯一，请核对原表",
}

def _print_finding(page: _Page, finding: Finding) -> None:
    """Severity, code and indicator on one line; the message; then up to MAX_EVIDENCE quotes."""
    width = page.width
    head = Line("  ")
    head.append(f"{SEVERITY_LABEL[finding.severity]}", style=_SEVERITY_STYLE[finding.severity])
    head.append(f"  {finding.code}", style="bold")
    if finding.indicator:
        room = width - 1 - cell_width(head.plain) - 6
        head.append(f"  「{trim_quote(finding.indicator, room)}」")
    page.print(head)
    for line in wrap_cells(finding.message, width - INDENT - 1):
        page.print(Line(" " * INDENT + line))
    if finding.notes:
        why = "；".join(dict.fromkeys(_NOTE_MEANING.get(n, "请核对原件") for n in finding.notes))
        note = f"注意：{'，'.join(finding.notes)}（{why}）"
        page.print(Line(" " * INDENT + note, style="yellow"))
    focus = numbers_in(finding.message, finding.expected, finding.actual)
    quotes = _merge_row_cells(finding.evidence)
    for where, quote in quotes[:MAX_EVIDENCE]:
        page.print(_evidence_line(where, quote, focus, finding.indicator, width))
    hidden = len(quotes) - MAX_EVIDENCE
    if hidden > 0:
        page.print(Line(" " * INDENT + f"（另有 {hidden} 处引文）", style="dim"))


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
        pairs.append((evidence_location(ev, with_col=row is None or ev.sheet is not None), one_line(ev.text)))
        last_row = row
    return pairs


def _evidence_line(where: str, quote: str, focus: set[str], anchor: str | None, width: int) -> Line:
    """`p.3 第12行  “…专题片 4 部…”` on one line, trimmed around the finding's numbers, numbers highlighted."""
    line = Line(" " * INDENT)
    if where:
        line.append(where, style="dim")
        line.append("  ")
    line.append("“")
    room = min(width - 1 - cell_width(line.plain) - 1, MAX_QUOTE)
    for piece, is_number in split_numbers(trim_quote(quote, room, focus, anchor)):
        line.append(piece, style="bold magenta" if is_number else "")
    line.append("”")
    return line


def _summary_line(results: Sequence[Result], label: str, with_status: bool = True) -> Line:
    """`合计：2 错误，3 警告，1 提示  状态 完成`."""
    counts = summary_counts(results)
    text = Line(f"{label}：")
    for index, severity in enumerate(SEVERITY_ORDER):
        if index:
            text.append("，")
        text.append(f"{counts[severity]} {SEVERITY_LABEL[severity]}",
                    style=_SEVERITY_STYLE[severity] if counts[severity] else "")
    if not with_status:
        return text
    statuses = sorted({r.status for r in results}, key=list(Status).index)
    text.append("  状态 ")
    for index, status in enumerate(statuses):
        if index:
            text.append("/")
        text.append(STATUS_ZH[status], style=_STATUS_STYLE[status])
    return text


def _files_table(results: Sequence[Result]) -> Table:
    """One row per file: its status, projects and finding counts; the file name folds, the numbers never do."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False, title_justify="left")
    table.add_column("文件", overflow="fold", ratio=1)
    table.add_column("格式", no_wrap=True)
    table.add_column("状态", no_wrap=True)
    table.add_column("项目", justify="right", no_wrap=True)
    for severity in SEVERITY_ORDER:
        table.add_column(SEVERITY_LABEL[severity], justify="right", no_wrap=True)
    names = [Path(r.source.path).name for r in results]
    short = len(set(names)) == len(names)  # file names alone when they tell the files apart
    for result, name in zip(results, names, strict=True):
        counts = summary_counts([result])
        projects = str(len(result.report.projects)) if result.report is not None else "—"
        cells = [Text(f"{counts[s]}", style=_SEVERITY_STYLE[s] if counts[s] else "") for s in SEVERITY_ORDER]
        if result.status is Status.FAILED:
            cells = [Text("—") for _ in SEVERITY_ORDER]
        status = STATUS_ZH[result.status]  # the reason is given in the file's own section above
        table.add_row(name if short else result.source.path, result.source.format.value.upper(),
                      Text(status, style=_STATUS_STYLE[result.status]), projects, *cells)
    return table
