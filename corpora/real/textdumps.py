"""The text-dump shapes of the layout harness (shapes.py): one printer per way a public page prints a form as text.

A printer takes a document's blocks (blockfiles.py) and returns the whole dump: the form on one line, one cell a line,
tab- or space-separated rows, a layout dump padded to the columns' widths, cells run together, a PDF's text order,
labels broken or spaced out, traditional characters, full-width digits, 万元 amounts in 元, a wrapped header, a page
break, narrow wrapped columns. `PRINTERS` names them; shapes.py adds the excerpt cuts and runs them.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from siblings import sibling  # (corpora/ is no package: siblings.py loads the scripts by path)

blockfiles = sibling("blockfiles")
Grid = blockfiles.Grid
Block = blockfiles.Block
visible_cells = blockfiles.visible_cells


# ---------------------------------------------------------------------------------------------
# cell rewrites (what a shape does to one cell's text)
# ---------------------------------------------------------------------------------------------

#: the labels of a form's levels and columns that a narrow cell wraps before 指标 or its weight
LEVEL_LABEL = re.compile(r"^(.{2,8}?)(指标)?\s*([(（]\s*\d+(?:\.\d+)?\s*分?\s*[)）])$"
                         r"|^([一二三]级|产出|效益|数量|质量|时效|成本|\w{2,4}效益|\w{0,4}满意度|可持续影响)(指标)$")
# a form's own labels (not the names and values it holds) end in one of these words
SPACED_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,4}"
                          r"(?:名称|部门|单位|指标|分值|得分|指标值|完成值|预算数|执行数|执行率|类别|属性|类型)$")
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def broken_label(cell: str) -> list[str]:
    """A level label wrapped in its narrow cell: '经济效益指标' → '经济效益', '指标';
    '产出指标(40分)' → '产出指标', '(40分)'."""
    match = LEVEL_LABEL.match(cell)
    if not match:
        return [cell]
    if match.group(4):
        return [match.group(4), match.group(5)]
    head = match.group(1) + (match.group(2) or "")
    return [head, match.group(3)]


def spaced_label(cell: str, names: set[str]) -> str:
    """A form label spread over its cell's width ('项 目 名 称'); indicator names are left alone."""
    if SPACED_LABEL.match(cell) and cell not in names:
        return " ".join(cell)
    return cell


def traditional(text: str) -> str:
    import opencc  # a dependency of reportparse (parse/reading.py)

    return str(opencc.OpenCC("s2t").convert(text))


# ---------------------------------------------------------------------------------------------
# the shapes: blocks → text
# ---------------------------------------------------------------------------------------------

Context = dict[str, object]


def per_table(blocks: list[Block], table_lines: Callable[[Grid], list[str]]) -> str:
    """The dump: each paragraph on its own line, each table as the lines `table_lines` prints for it."""
    lines: list[str] = []
    for block in blocks:
        lines += [block] if isinstance(block, str) else table_lines(block)
    return "\n".join(lines) + "\n"


def rows_joined(blocks: list[Block], sep: str, keep_empty: bool = True,
                cell: Callable[[str], str] = lambda c: c) -> str:
    return per_table(blocks, lambda table: [sep.join(cell(c) for c in row if keep_empty or c).rstrip()
                                            for row in table.printed()])


def cells_of(blocks: list[Block]) -> Iterator[tuple[bool, str]]:
    """(is_paragraph, text) for every paragraph and non-empty printed cell, in reading order."""
    for block in blocks:
        if isinstance(block, str):
            yield True, block
            continue
        for row in block.printed():
            for cell in row:
                if cell:
                    yield False, cell


def shape_tab(blocks: list[Block], ctx: Context) -> str:
    return rows_joined(blocks, "\t")


def shape_spaces(blocks: list[Block], ctx: Context) -> str:
    return rows_joined(blocks, "    ", keep_empty=False)


def display_width(text: str) -> int:
    """Columns a text takes in a monospaced dump: a Han character or full-width form two, others one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def padded(cells: list[str], widths: list[int]) -> str:
    """One line of a layout dump: each cell padded to its column's width and two spaces more."""
    return "".join(cell + " " * (widths[c] - display_width(cell) + 2) for c, cell in enumerate(cells)).rstrip()


def shape_aligned(blocks: list[Block], ctx: Context) -> str:
    """A layout dump (pdftotext -layout): every row on one line, each column padded to its widest
    cell, so an empty or merged-over cell is a wider run of spaces."""
    def table_lines(table: Grid) -> list[str]:
        grid = visible_cells(table)
        widths = [max(display_width(row[c]) for row in grid) for c in range(len(grid[0]))]
        return [padded(row, widths) for row in grid]

    return per_table(blocks, table_lines)


def shape_pipe(blocks: list[Block], ctx: Context) -> str:
    """Every cell followed by '|' (a page whose table cells end in a rule)."""
    return per_table(blocks, lambda table: ["".join(c + "|" for c in row) for row in table.printed()])


def shape_oneline(blocks: list[Block], ctx: Context) -> str:
    """Paragraphs on their lines, each table flattened onto one line (cells joined by a space)."""
    return per_table(blocks, lambda table: [" ".join(c for row in table.printed() for c in row if c)])


def shape_cells(blocks: list[Block], ctx: Context) -> str:
    return "\n".join(text for _, text in cells_of(blocks)) + "\n"


def shape_cells_blank(blocks: list[Block], ctx: Context) -> str:
    return "\n\n".join(text for _, text in cells_of(blocks)) + "\n"


def shape_cells_pipe(blocks: list[Block], ctx: Context) -> str:
    """One printed cell a line, each closed by the '|' of its rule (a page's table copied cell by cell)."""
    return per_table(blocks, lambda table: [cell + "|" for row in table.printed() for cell in row if cell])


def shape_cells_pipe_empty(blocks: list[Block], ctx: Context) -> str:
    """As cells_pipe, an empty cell kept as a lone '|' (a blank header cell, an unfilled value)."""
    return per_table(blocks, lambda table: [cell + "|" for row in table.printed() for cell in row])


def shape_broken_labels(blocks: list[Block], ctx: Context) -> str:
    """One cell a line, level labels wrapped over two lines ('经济效益' / '指标', '产出指标' / '(40分)')."""
    lines: list[str] = []
    for paragraph, text in cells_of(blocks):
        lines += [text] if paragraph else broken_label(text)
    return "\n".join(lines) + "\n"


def shape_runtogether(blocks: list[Block], ctx: Context) -> str:
    """Each row's cells run together with no separator (an OCR reading of a ruled table)."""
    return rows_joined(blocks, "", keep_empty=False)


def shape_pdf_middle(blocks: list[Block], ctx: Context) -> str:
    """A PDF's text order: row by row, a cell merged over several rows printed once, on its middle
    row (where the PDF centres it vertically); cells separated by a space."""
    def table_lines(table: Grid) -> list[str]:
        hidden = table.covered()
        moved: dict[tuple[int, int], tuple[int, str]] = {}
        for r0, c0, rs, _ in table.merges:
            if rs > 1:
                moved[(r0, c0)] = (r0 + (rs - 1) // 2, table.rows[r0][c0])
        placed: dict[int, list[tuple[int, str]]] = {}
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                if (r, c) in hidden:
                    continue
                row_at, text = moved.get((r, c), (r, cell))
                placed.setdefault(row_at, []).append((c, text))
        return [" ".join(t.strip() for _, t in sorted(placed.get(r, [])) if t.strip()) for r in range(len(table.rows))]

    return per_table(blocks, table_lines)


def shape_spaced_labels(blocks: list[Block], ctx: Context) -> str:
    names = ctx["names"]
    assert isinstance(names, set)
    return rows_joined(blocks, "\t", cell=lambda c: spaced_label(c, names))


def shape_traditional(blocks: list[Block], ctx: Context) -> str:
    return traditional(rows_joined(blocks, "\t"))


def shape_fullwidth(blocks: list[Block], ctx: Context) -> str:
    """Tab rows with ASCII digits, '.' and '%' printed full-width (ａ web page set in a CJK font)."""
    return rows_joined(blocks, "\t", cell=lambda c: c.translate(FULL_WIDTH))


#: A column label as a header cell prints it: the form's own words, never an indicator's name.
HEADER_LABEL = re.compile(r"^[\u4e00-\u9fff（）()A-Z/]{4,}$")
HEADER_WORDS = ("指标", "分值", "得分", "完成", "原因", "预算", "执行")


def wrapped_header_cell(cell: str) -> str:
    """A header label a web page set on two lines in its cell ('年度<br>指标值'): copied out, the
    line break splits the row ('年度' then '指标值' opens the next line)."""
    key = cell.replace(" ", "")
    if not HEADER_LABEL.match(key) or not any(w in key for w in HEADER_WORDS):
        return cell
    cut = len(key) // 2
    return key[:cut] + "\n" + key[cut:]


def is_indicator_header(row: list[str]) -> bool:
    return sum(bool(re.search(r"[一二三]级指标|指标值|完成值|分值|得分|权重", c)) for c in row) >= 3


def shape_header_wrapped(blocks: list[Block], ctx: Context) -> str:
    """Tab rows whose header rows (the 项目资金 columns, the indicator columns) have their long labels
    set on two lines in their cells: a copy of the page breaks those rows at each label's break."""
    return per_table(blocks, lambda table: [
        "\t".join([wrapped_header_cell(c) for c in row] if is_indicator_header(row) else row).rstrip()
        for row in table.printed()])


def shape_two_pages(blocks: list[Block], ctx: Context) -> str:
    """Tab rows of a form printed over two pages: the indicator rows break halfway, a page footer
    and a form feed follow, and the next page repeats the indicator header row (a table whose header
    row is set to repeat on every page) before the remaining rows."""
    def table_lines(table: Grid) -> list[str]:
        rows = table.printed()
        header = next((r for r, row in enumerate(rows) if is_indicator_header(row)), None)
        lines: list[str] = []
        for r, row in enumerate(rows):
            lines.append("\t".join(row).rstrip())
            if header is not None and r == header + max(1, (len(rows) - header) // 2):
                lines += ["第 1 页", "\f" + "\t".join(rows[header]).rstrip()]
        return lines

    return per_table(blocks, table_lines)


#: Widest a column of a PDF form prints (in monospaced columns): a longer cell wraps in its column.
WRAP_WIDTH = 16


def wrap_cell(text: str, width: int) -> list[str]:
    out, line = [], ""
    for ch in text:
        if display_width(line + ch) > width:
            out.append(line)
            line = ""
        line += ch
    return [*out, line] if line or not out else out


def shape_aligned_wrapped(blocks: list[Block], ctx: Context) -> str:
    """A layout dump of a PDF form with narrow columns: each column at most WRAP_WIDTH wide, a longer
    cell wrapped onto the lines below at its column's position (pdftotext -layout of a real form)."""
    def table_lines(table: Grid) -> list[str]:
        grid = [[wrap_cell(cell, WRAP_WIDTH) for cell in row] for row in visible_cells(table)]
        widths = [max(display_width(part) for row in grid for part in row[c]) for c in range(len(grid[0]))]
        return [padded([parts[k] if k < len(parts) else "" for parts in row], widths)
                for row in grid for k in range(max(len(parts) for parts in row))]

    return per_table(blocks, table_lines)


MONEY_HEADER = re.compile(r"预算|执行数|资金|金额|支出|(?<!执行)数[(（]?[A-Z]?[)）]?$")
NOT_MONEY = re.compile(r"率|分|比")
AMOUNT = re.compile(r"^\d+(?:\.\d+)?$")
#: The label of a template's row of column numbers.
NUMBERING = re.compile(r"^(?:列次|栏次)[:：]?$")
#: An amount written with its unit ('4753.66万元', '2279.048 万元'): the same money in 元 is ×10000.
AMOUNT_IN_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*万元")


def in_yuan(value: str) -> str:
    from decimal import Decimal

    amount = Decimal(value) * 10000
    return format(amount.normalize(), "f")


def yuan_text(text: str) -> str:
    """'4753.66万元' → '47536600元', and a bare '万元' (a header's unit) → '元': the same money in 元."""
    return AMOUNT_IN_WAN.sub(lambda m: in_yuan(m.group(1)) + "元", text).replace("万元", "元")


#: an amount after its label's colon in a fund row ('按收入性质分:2030.12')
LABELLED_AMOUNT = re.compile(r"([:：]\s*)(\d+(?:\.\d+)?)$")


def yuan_rows(table_rows: list[list[str]]) -> list[list[str]]:
    """A table's rows with the fund block's 万元 written as 元 and its amounts multiplied out: from a
    row whose labels say 万元 (its unit, no amount) to the first indicator or goal row, the amounts
    in the money columns (a header that says 万元 or names a budget, not a rate), the figure right of
    a '…(万元)' label, an amount after its label's colon, and any 'N万元' written in 元."""
    rows = [list(r) for r in table_rows]
    money_cols: set[int] = set()
    in_funds = False
    for r, row in enumerate(rows):
        joined = "".join(row)
        if row and NUMBERING.match(row[0].strip()):
            continue  # the template's column numbers ('列次 | 1 | 2 | 3'): no money, in 元 as in 万元
        # (a fund row whose label names its unit, '年度资金总额(万元): | 1 | 52.8 | …', is no new header: it prints
        # amounts in the block's money columns, or no column right of its label names money)
        fund_row = in_funds and bool(money_cols) and (
            any(c < len(row) and AMOUNT.match(row[c]) for c in money_cols)
            or not any(MONEY_HEADER.search(cell) for cell in row[1:]))
        if "万元" in AMOUNT_IN_WAN.sub("", joined) and not fund_row:  # the block's header: its unit, no amount
            in_funds = True
            money_cols = {c for c, cell in enumerate(row) if (MONEY_HEADER.search(cell) or "万元" in cell)
                          and not NOT_MONEY.search(cell)}
            money_cols |= {c + 1 for c, cell in enumerate(row[:-1]) if "万元" in cell and AMOUNT.match(row[c + 1])}
            rows[r] = [in_yuan(cell) if c in money_cols and AMOUNT.match(cell) else yuan_text(cell)
                       for c, cell in enumerate(row)]
            continue
        if in_funds and ("指标" in joined or "目标" in joined):
            in_funds = False
        if in_funds:
            rows[r] = [in_yuan(cell) if c in money_cols and AMOUNT.match(cell)
                       else yuan_text(LABELLED_AMOUNT.sub(lambda m: m.group(1) + in_yuan(m.group(2)), cell))
                       for c, cell in enumerate(row)]
    return rows


def shape_yuan(blocks: list[Block], ctx: Context) -> str:
    """The fund block's 万元 header written as 元 and its amounts multiplied out, and every amount the
    prose gives in 万元 written in 元 (a page that prints yuan: the same money, never a new figure)."""
    out: list[Block] = [yuan_text(block) if isinstance(block, str) else Grid(yuan_rows(block.rows), block.merges)
                        for block in blocks]
    return rows_joined(out, "\t")


def shape_traditional_oneline(blocks: list[Block], ctx: Context) -> str:
    """A traditional-character mirror of a page that also flattened each table onto one line."""
    return traditional(shape_oneline(blocks, ctx))


Printer = Callable[[list[Block], Context], str]
#: The dump shapes by name, each a printer of the whole document.
PRINTERS: dict[str, Printer] = {
    "tab": shape_tab,
    "spaces": shape_spaces,
    "aligned": shape_aligned,
    "pipe": shape_pipe,
    "oneline": shape_oneline,
    "cells": shape_cells,
    "cells_blank": shape_cells_blank,
    "cells_pipe": shape_cells_pipe,
    "cells_pipe_empty": shape_cells_pipe_empty,
    "broken_labels": shape_broken_labels,
    "runtogether": shape_runtogether,
    "pdf_middle": shape_pdf_middle,
    "spaced_labels": shape_spaced_labels,
    "traditional": shape_traditional,
    "fullwidth": shape_fullwidth,
    "yuan": shape_yuan,
    "header_wrapped": shape_header_wrapped,
    "two_pages": shape_two_pages,
    "aligned_wrapped": shape_aligned_wrapped,
    "traditional_oneline": shape_traditional_oneline,
}
