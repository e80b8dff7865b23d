"""Layout-invariance harness: one real form, the text-dump shapes public pages print it in.

Usage: python3 corpora/real/shapes.py [--out DIR] [--shapes a,b] [--json] [--by-document] [BLOCKS.json ...]

For every document with a hand-transcribed table (`corpora/real/dev/*.blocks.json`, or the files
given) the script writes the same content in each dump shape met on public pages — the whole form on
one line, one cell a line with or without blank lines between, cells ending in `|`, tab- or
multi-space-separated rows (gaps collapsed, or padded to the columns' widths as a layout dump
prints them), cells run together (OCR), a PDF's text order with merged cells printed on
their middle row, excerpts cut out of the form (cuts.py; each scored against the gold of what it
keeps), level labels broken over lines, labels spaced out to the cell's width, traditional
characters, full-width digits, 万元 amounts written in 元, a header whose labels a web page's copy
broke at their line breaks, a page break with the header row repeated, a layout dump whose narrow
columns wrap long cells onto the lines below — to `DIR/<shape>/<stem>.txt` with a copy
of the document's gold beside it (so `reportparse eval DIR/<shape>` works too), then runs the
evaluator over each shape's folder and prints a tally per shape: projects (with budgets) right,
indicators right, claimed scores right, error/warning findings that match nothing in the gold, and
projects not in the gold. `original` is the document's own `.txt`, the reference every shape should
read as well as.

A shape that loses what `original` reads is a reader bug: the content is the same. Only the dev half
is read by default; never point this at `corpora/real/test/`.

Run with the worktree's code: `PYTHONPATH=$PWD/src python3 corpora/real/shapes.py`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
DEV = HERE / "dev"
DEFAULT_OUT = Path(tempfile.gettempdir()) / "reportparse-shapes"


@dataclass
class Grid:
    """One table of a blocks file: rows of cells, merged cells' text in their top-left cell."""

    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]]  # row, col, rowspan, colspan (0-based)
    #: cells an excerpt does not print (under a merge whose text was cut off above, after a row's cut)
    lost: frozenset[tuple[int, int]] = frozenset()

    def covered(self) -> set[tuple[int, int]]:
        return {(r, c) for r0, c0, rs, cs in self.merges
                for r in range(r0, r0 + rs) for c in range(c0, c0 + cs) if (r, c) != (r0, c0)} | self.lost

    def visible(self) -> list[list[str]]:
        return visible_cells(self)

    def printed(self) -> list[list[str]]:
        """Each row's cells as a web page's table prints them: cells hidden under a merge left out, a
        line break inside a cell ('年初\\n预算数') closed up (broken_labels breaks labels on purpose)."""
        hidden = self.covered()
        return [[re.sub(r"\s*\n\s*", "", cell).strip() for c, cell in enumerate(row) if (r, c) not in hidden]
                for r, row in enumerate(self.rows)]


Block = str | Grid


def load_blocks(path: Path) -> list[Block]:
    """The blocks of a transcription; its title first when the document's own text prints it and no
    block holds it (a form whose title the page prints above the table)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    blocks: list[Block] = []
    title = str(data.get("title") or "")
    texts = [str(b.get("p", "")) for b in data.get("blocks", [])] + [
        str(c) for b in data.get("blocks", []) for row in b.get("table", []) for c in row]
    original = path.parent / f"{stem_of(path)}.txt"
    printed = original.exists() and title.replace(" ", "") in re.sub(r"\s+", "", original.read_text(encoding="utf-8"))
    if title and printed and not any(title.replace(" ", "") in t.replace(" ", "") for t in texts):
        blocks.append(title)
    for block in data.get("blocks", []):
        if "p" in block:
            blocks.append(str(block["p"]))
        else:
            rows = [[str(c) for c in row] for row in block["table"]]
            width = max(len(r) for r in rows)
            blocks.append(Grid([r + [""] * (width - len(r)) for r in rows],
                               [(m[0], m[1], m[2], m[3]) for m in block.get("merges", [])]))
    return blocks


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


def visible_cells(table: Grid) -> list[list[str]]:
    """The table's rows as a layout dump sees them: a merged-over cell empty, a cell's line breaks closed."""
    hidden = table.covered()
    return [["" if (r, c) in hidden else re.sub(r"\s*\n\s*", "", cell).strip() for c, cell in enumerate(row)]
            for r, row in enumerate(table.rows)]


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


def load_cuts() -> ModuleType:
    """cuts.py beside this file (corpora/ is no package): the excerpt cuts and their golds."""
    name = "real_cuts"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, HERE / "cuts.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up by name
        spec.loader.exec_module(module)
    return sys.modules[name]


Printer = Callable[[list[Block], Context], str]
#: An excerpt: where the page store cut the form (cuts.py's cut_top, cut_bottom, cut_header) and the dump
#: shape the kept part is printed in. Scored against the gold of what the cut keeps (cuts.restricted_gold).
CUT_SHAPES: dict[str, tuple[str, Printer]] = {
    "cut_top": ("cut_top", shape_tab),
    "cut_bottom": ("cut_bottom", shape_tab),
    "cut_header": ("cut_header", shape_tab),
    "cells_cut_top": ("cut_top", shape_cells),
    "runtogether_cut_bottom": ("cut_bottom", shape_runtogether),
}


def cut_of(shape: str, blocks: list[Block]) -> object:
    where, _ = CUT_SHAPES[shape]
    return getattr(load_cuts(), where)(blocks, Grid, is_indicator_header)


def cut_shape(shape: str) -> Printer:
    def printed(blocks: list[Block], ctx: Context) -> str:
        return CUT_SHAPES[shape][1](cut_of(shape, blocks).blocks, ctx)  # type: ignore[attr-defined]

    return printed


def cut_gold(shape: str, blocks: list[Block], gold: dict[str, object]) -> dict[str, object]:
    """The gold of what the shape's cut keeps of the document."""
    cuts = load_cuts()
    return dict(cuts.restricted_gold(gold, cuts.Kept(blocks, cut_of(shape, blocks), Grid, is_indicator_header)))


SHAPES: dict[str, Callable[[list[Block], Context], str]] = {
    "tab": shape_tab,
    "spaces": shape_spaces,
    "aligned": shape_aligned,
    "pipe": shape_pipe,
    "oneline": shape_oneline,
    "cells": shape_cells,
    "cells_blank": shape_cells_blank,
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
    **{name: cut_shape(name) for name in CUT_SHAPES},
}


# ---------------------------------------------------------------------------------------------
# writing and scoring
# ---------------------------------------------------------------------------------------------

def stem_of(blocks_path: Path) -> str:
    return blocks_path.name[: -len(".blocks.json")]


def write_gold(gold: dict[str, object], folder: Path, stem: str) -> None:
    copy = {k: v for k, v in gold.items() if k != "documents"}
    copy["document"] = f"{stem}.txt"
    (folder / f"{stem}.gold.json").write_text(json.dumps(copy, ensure_ascii=False, indent=1), encoding="utf-8")


def write_shapes(blocks_paths: list[Path], shapes: list[str], out: Path) -> None:
    """Write DIR/original and DIR/<shape> for every blocks file, each text with its gold beside it."""
    if out.exists():
        shutil.rmtree(out)
    for blocks_path in blocks_paths:
        stem = stem_of(blocks_path)
        gold = json.loads((blocks_path.parent / f"{stem}.gold.json").read_text(encoding="utf-8"))
        names = {str(g.get("name")) for g in gold.get("goal_indicators") or []}
        blocks = load_blocks(blocks_path)
        for shape in ["original", *shapes]:
            folder = out / shape
            folder.mkdir(parents=True, exist_ok=True)
            shape_gold = cut_gold(shape, blocks, gold) if shape in CUT_SHAPES else gold
            if not counts_anything(shape_gold):
                continue  # (a cut that keeps none of the form's projects or indicators measures nothing)
            if shape == "original":
                text = (blocks_path.parent / f"{stem}.txt").read_text(encoding="utf-8")
            else:
                text = SHAPES[shape](blocks, {"names": names})
            (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
            write_gold(shape_gold, folder, stem)


def counts_anything(gold: dict[str, object]) -> bool:
    return bool(gold.get("projects") or gold.get("goal_indicators"))


def documents_of(blocks_paths: list[Path], shape: str) -> int:
    """How many documents the shape writes: every one, but a cut's only when it keeps a project or an
    indicator of the gold."""
    if shape not in CUT_SHAPES:
        return len(blocks_paths)
    return sum(counts_anything(cut_gold(shape, load_blocks(path), json.loads(
        (path.parent / f"{stem_of(path)}.gold.json").read_text(encoding="utf-8")))) for path in blocks_paths)


TALLY_KEYS = ("projects", "indicators", "scores")


def tally(folder: Path) -> dict[str, object]:
    """Run the evaluator over one shape's folder and total what the harness reports."""
    from reportparse.evaluate import discover, evaluate_cases

    docs = evaluate_cases(discover([folder]))
    row: dict[str, object] = {k: [sum(getattr(d, k)[0] for d in docs), sum(getattr(d, k)[1] for d in docs)]
                              for k in TALLY_KEYS}
    row["false_serious"] = sum(d.serious_wrong for d in docs)
    row["phantoms"] = sum(len(d.phantom_projects) for d in docs)
    row["failed"] = sum(d.status in ("failed", "partial") for d in docs)
    row["documents"] = {Path(d.path).stem: {
        "projects": list(d.projects), "indicators": list(d.indicators), "scores": list(d.scores),
        "false_serious": d.extra, "phantoms": d.phantom_projects, "status": d.status} for d in docs}
    return row


def run(blocks_paths: list[Path], shapes: list[str], out: Path) -> dict[str, dict[str, object]]:
    write_shapes(blocks_paths, shapes, out)
    return {shape: tally(out / shape) for shape in ["original", *shapes]}


def render(results: dict[str, dict[str, object]], by_document: bool = False,
           reference_of: Callable[[str], str] = lambda shape: "original") -> str:
    def frac(pair: object) -> str:
        assert isinstance(pair, list)
        return f"{pair[0]}/{pair[1]}"

    lines = [f"{'shape':14} {'projects':>9} {'indicators':>11} {'scores':>9} {'false e/w':>9} "
             f"{'made-up':>7} {'failed':>6}"]
    for shape, row in results.items():
        lines.append(f"{shape:14} {frac(row['projects']):>9} {frac(row['indicators']):>11} "
                     f"{frac(row['scores']):>9} {row['false_serious']!s:>9} {row['phantoms']!s:>7} "
                     f"{row['failed']!s:>6}")
    if by_document:
        for shape, row in results.items():
            reference = results.get(reference_of(shape), {}).get("documents", {})
            assert isinstance(reference, dict)
            documents = row["documents"]
            assert isinstance(documents, dict)
            for stem, doc in sorted(documents.items()):
                ref = reference.get(stem, doc)
                worse = [k for k in TALLY_KEYS if doc[k][0] < ref[k][0]]
                if worse or doc["phantoms"] or doc["false_serious"] or doc["status"] != "ok":
                    lines.append(f"  {shape:13} {stem}: " + "  ".join(
                        f"{k} {doc[k][0]}/{doc[k][1]} (orig {ref[k][0]})" for k in worse)
                        + (f"  made-up {doc['phantoms']}" if doc["phantoms"] else "")
                        + (f"  false {doc['false_serious']}" if doc["false_serious"] else "")
                        + (f"  {doc['status']}" if doc["status"] != "ok" else ""))
    return "\n".join(lines) + "\n"


Run = Callable[[list[Path], list[str], Path], dict[str, dict[str, object]]]


def harness_main(argv: list[str], *, description: str, default_out: Path, names: list[str], run: Run,
                 reference_of: Callable[[str], str] = lambda shape: "original") -> int:
    """The command line of a layout harness (this one and fileshapes.py): the blocks files (the dev half's by
    default, never the test half's), the shapes among `names` (all by default) and where their files go; prints
    the tally as a table (each shape against `reference_of` it with --by-document) or as JSON."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("blocks", nargs="*", type=Path, help="blocks files (default: corpora/real/dev/*.blocks.json)")
    parser.add_argument("--out", type=Path, default=default_out, help=f"where the files go (default {default_out})")
    parser.add_argument("--shapes", default=",".join(names), help="comma-separated shape names")
    parser.add_argument("--json", action="store_true", help="print the tally as JSON")
    parser.add_argument("--by-document", action="store_true", help="list each document a shape reads worse")
    args = parser.parse_args(argv)
    chosen = [s for s in args.shapes.split(",") if s]
    unknown = [s for s in chosen if s not in names]
    if unknown:
        parser.error(f"unknown shapes {unknown}; known: {', '.join(names)}")
    paths = args.blocks or sorted(DEV.glob("*.blocks.json"))
    if any("test" in p.resolve().parent.name for p in paths):
        parser.error("the frozen test half is not read")
    results = run(paths, chosen, args.out)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        print(render(results, args.by_document, reference_of), end="")
    return 0


def main(argv: list[str]) -> int:
    return harness_main(argv, description=__doc__.split("\n\n")[0], default_out=DEFAULT_OUT, names=list(SHAPES),
                        run=run)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
