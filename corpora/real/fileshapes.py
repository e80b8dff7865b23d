"""Format-level layout harness: one real form, laid out as other hands lay out PDF, DOCX and XLSX files.

Usage: python3 corpora/real/fileshapes.py [--out DIR] [--shapes a,b] [--json] [--by-document] [BLOCKS.json ...]

`layout.py` lays every dev form with a transcribed table (`corpora/real/dev/*.blocks.json`) out one
way: a ruled A4 grid, one Word table, one sheet. Files made by other hands differ, and each shape
here is one such difference, applied to the same content:

- PDF: `pdf_borderless` (no ruling lines, as a sheet printed without gridlines), `pdf_hrules` (only
  horizontal rules between rows), `pdf_split` / `pdf_split_bare` (the table broken over two pages,
  the indicator header row repeated on the second page or not; a merged cell's text stays on the
  first page), `pdf_landscape`, `pdf_narrow` (equal narrow columns: long cells and labels wrap over
  several lines), `pdf_framed` (a 填报单位/金额单位 line above the table, a 填表人/说明 block below);
- DOCX: `docx_nested` (the form inside the one cell of an outer table), `docx_textbox` (the form in
  a text box, as Word writes it: a drawing with a VML fallback), `docx_split` (the budget block and
  the indicator block as two tables with a paragraph between), `docx_framed`;
- XLSX (only documents that are just a form, as layout.py decides): `xlsx_second_sheet` (a 填表说明
  sheet first), `xlsx_columns` (an empty first column and a hidden empty column inside the table),
  `xlsx_numbers` (percentages as fractions in 0% / 0.00% formats, amounts in #,##0.00),
  `xlsx_formulas` (totals as SUM formulas and execution rates as ROUND formulas, with the cached
  values Excel stores), `xlsx_merged_header` (the indicator header over two rows, 绩效指标 merged
  over the level columns), `xlsx_yuan` (the 万元 header written as 元 and the amounts multiplied out).

Each file goes to `DIR/<shape>/<stem>.<ext>` with a copy of the form's gold beside it, and the
evaluator scores every shape's folder as `shapes.py` does (projects with budgets, indicators,
claimed scores, error/warning findings the gold does not list, projects not in the gold).
`original_pdf`, `original_docx` and `original_xlsx` are layout.py's own copies, the reference.
Only the dev half is read; never point this at `corpora/real/test/`.

Run with the worktree's code: `PYTHONPATH=$PWD/src python3 corpora/real/fileshapes.py`.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
DEV = HERE / "dev"
DEFAULT_OUT = Path(tempfile.gettempdir()) / "reportparse-fileshapes"


def _sibling(name: str) -> ModuleType:
    """layout.py and shapes.py, loaded by path (corpora/ is no package)."""
    key = f"real_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


layout = _sibling("layout")
shapes = _sibling("shapes")
Table = layout.Table
Document = layout.Document

# ---------------------------------------------------------------------------------------------
# grid rewrites (the same cells, placed as another hand places them)
# ---------------------------------------------------------------------------------------------

#: the lines a filled-in form carries above and below its table (the unit is the document's own)
FRAME_ABOVE = "填报单位（盖章）：　　　　　　　　　　　　"
FRAME_BELOW = ["填表人：　　　　　　联系电话：　　　　　　填报日期：2024年3月15日",
               "说明：本表由项目实施单位填报，主管部门审核后报送财政部门。"]
STATED_UNIT = re.compile(r"(?:单位|金额)[:：]?\s*[(（]?\s*(亿元|万元|元)|[(（](亿元|万元|元)[)）]")


def visible(table: Table) -> list[list[str]]:
    return shapes.visible_cells(shapes.Grid(table.rows, table.merges))


def indicator_header(table: Table) -> int | None:
    """The row that heads the indicator columns (三级指标 | 指标值 | 完成值 | 分值 | 得分 …)."""
    return next((r for r, row in enumerate(visible(table)) if shapes.is_indicator_header(row)), None)


def clip(table: Table, start: int, stop: int) -> Table:
    """Rows start..stop-1 as a table of their own: a merge cut by the edge keeps its part inside, its
    text only where its top-left cell falls inside (a table split over pages prints it once)."""
    rows = [list(r) for r in table.rows[start:stop]]
    merges = []
    for r0, c0, rs, cs in table.merges:
        top, bottom = max(r0, start), min(r0 + rs, stop)
        if bottom <= top:
            continue
        if r0 < start:
            rows[top - start][c0] = ""
        merges.append((top - start, c0, bottom - top, cs))
    return Table(rows, merges)


def insert_column(table: Table, at: int) -> Table:
    """An empty column before column `at`; a merge that spans the gap widens over it."""
    rows = [[*r[:at], "", *r[at:]] for r in table.rows]
    merges = []
    for r0, c0, rs, cs in table.merges:
        if c0 >= at:
            merges.append((r0, c0 + 1, rs, cs))
        elif c0 + cs > at:
            merges.append((r0, c0, rs, cs + 1))
        else:
            merges.append((r0, c0, rs, cs))
    return Table(rows, merges)


LEVEL_COLUMN = re.compile(r"[一二三]级指标")


def two_row_header(table: Table) -> Table:
    """The indicator header over two rows: 绩效指标 merged above the level columns, every other
    header label merged down over both rows (a spreadsheet's grouped header)."""
    h = indicator_header(table)
    if h is None:
        return table
    rows = [list(r) for r in table.rows]
    rows.insert(h, [""] * len(rows[0]))
    merges: list[tuple[int, int, int, int]] = []
    header_merges: dict[int, int] = {}
    for r0, c0, rs, cs in table.merges:
        if r0 == h and rs == 1:
            header_merges[c0] = cs
        elif r0 == h:  # a header label already over several rows: one row taller, its text on top
            rows[h][c0], rows[h + 1][c0] = rows[h + 1][c0], ""
            merges.append((h, c0, rs + 1, cs))
        elif r0 < h < r0 + rs:
            merges.append((r0, c0, rs + 1, cs))
        elif r0 > h:
            merges.append((r0 + 1, c0, rs, cs))
        else:
            merges.append((r0, c0, rs, cs))
    spanned = {c for r0, c0, rs, cs in merges if r0 <= h < r0 + rs for c in range(c0, c0 + cs)}
    header = rows[h + 1]
    levels = [c for c, text in enumerate(header) if LEVEL_COLUMN.search(text) and c not in spanned]
    grouped = levels if len(levels) >= 2 and levels == list(range(levels[0], levels[-1] + 1)) else []
    covered = Table(table.rows, table.merges).covered()
    c = 0
    while c < len(header):
        width = header_merges.get(c, 1)
        if c in spanned or (h, c) in covered:
            c += width
            continue
        if grouped and c == grouped[0]:
            rows[h][c] = "绩效指标"
            merges.append((h, c, 1, len(grouped)))
            for level in grouped:
                if level in header_merges:
                    merges.append((h + 1, level, 1, header_merges[level]))
            c = grouped[-1] + 1
            continue
        rows[h][c], header[c] = header[c], ""
        merges.append((h, c, 2, width))
        c += width
    return Table(rows, merges)


def yuan_table(table: Table) -> Table:
    """The fund block's 万元 header written as 元 and its amounts multiplied out (shapes.py's `yuan`)."""
    return Table(shapes.yuan_rows(table.rows), table.merges)


def in_yuan(doc: Document) -> Document:
    """The document with its money in 元: the fund block's amounts and header, and every 'N万元' of
    its lines and title. A line's bare unit ('单位:万元') stays: it speaks for tables whose own
    header names no unit, and their figures (amounts beside head counts) are left as they are."""
    def amounts(text: str) -> str:
        return shapes.AMOUNT_IN_WAN.sub(lambda m: shapes.in_yuan(m.group(1)) + "元", text)

    return replace(doc, title=amounts(doc.title), blocks=[
        amounts(b) if isinstance(b, str) else yuan_table(b) for b in doc.blocks])


def tables_of(doc: Document, rewrite: Callable[[Table], Table]) -> Document:
    return replace(doc, blocks=[rewrite(b) if isinstance(b, Table) else b for b in doc.blocks])


def framed(doc: Document, complete: bool = True) -> Document:
    """The 填报单位/金额单位 line right above the first table (金额单位 only when the document states
    a unit, and then that unit), the sign-off block after the last table when the document is
    `complete` (an excerpt that a page cut inside its form has no sign-off after it: its gold counts
    the form's last rows as cut, not as left blank)."""
    tables = [i for i, b in enumerate(doc.blocks) if isinstance(b, Table)]
    if not tables:
        return doc
    texts = [b for b in doc.blocks if isinstance(b, str)] + [c for b in doc.blocks if isinstance(b, Table)
                                                             for row in b.rows for c in row]
    unit = next((m.group(1) or m.group(2) for t in texts for m in [STATED_UNIT.search(t)] if m), None)
    blocks = list(doc.blocks)
    if complete:
        blocks[tables[-1] + 1:tables[-1] + 1] = FRAME_BELOW
    blocks.insert(tables[0], FRAME_ABOVE + (f"金额单位：{unit}" if unit else ""))
    return replace(doc, blocks=blocks)


def split_at_indicators(doc: Document, between: list[str]) -> Document:
    """The first table with an indicator block cut in two at its header row (the budget block and the
    indicator block as two tables), with `between` as paragraphs between them."""
    blocks: list[str | Table] = []
    done = False
    for block in doc.blocks:
        h = indicator_header(block) if isinstance(block, Table) and not done else None
        if isinstance(block, Table) and h:
            blocks += [clip(block, 0, h), *between, clip(block, h, len(block.rows))]
            done = True
        else:
            blocks.append(block)
    return replace(doc, blocks=blocks)


# ---------------------------------------------------------------------------------------------
# PDF
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PdfStyle:
    rules: str = "grid"  # grid | none | rows
    landscape: bool = False
    equal_widths: bool = False
    split: str = ""  # "" | repeat | bare


PAGE_BREAK = "\f"


def pdf_story_split(doc: Document, repeat: bool, widths: dict[int, Table]) -> Document:
    """The first indicator table broken halfway through its indicator rows, a page break between, the
    header row printed again on the new page when `repeat`."""
    blocks: list[str | Table] = []
    done = False
    for block in doc.blocks:
        h = indicator_header(block) if isinstance(block, Table) and not done else None
        if isinstance(block, Table) and h is not None and len(block.rows) - h > 3:
            cut = h + 1 + (len(block.rows) - h - 1) // 2
            second = clip(block, cut, len(block.rows))
            if repeat:
                head = clip(block, h, h + 1)
                second = Table(head.rows + second.rows,
                               head.merges + [(r + 1, c, rs, cs) for r, c, rs, cs in second.merges])
            first = clip(block, 0, cut)
            widths[id(first)] = widths[id(second)] = block
            blocks += [first, PAGE_BREAK, second]
            done = True
        else:
            blocks.append(block)
    return replace(doc, blocks=blocks)


#: Rows a merged cell may span in a shape's PDF; past this a span that does not fit its page is unmerged.
LONGEST_SPAN = 12


def write_pdf(doc: Document, path: Path, style: PdfStyle) -> None:
    """`doc` in `style`; a merged label spanning more rows than the style's page holds (reportlab cannot
    split a span over pages) is laid out unmerged, its text in its top cell, as a sheet unmerged to print."""
    from reportlab.platypus.doctemplate import LayoutError

    try:
        _write_pdf(doc, path, style, longest_span=None)
    except LayoutError:
        _write_pdf(doc, path, style, longest_span=LONGEST_SPAN)


def _write_pdf(doc: Document, path: Path, style: PdfStyle, longest_span: int | None) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    body, title, cell = layout.pdf_styles()
    page = landscape(A4) if style.landscape else A4
    margin = 42.0
    usable = page[0] - 2 * margin
    whole: dict[int, Table] = {}
    if style.split:
        doc = pdf_story_split(doc, style.split == "repeat", whole)
    story: list[object] = []
    if doc.title:
        story.append(Paragraph(layout.markup(doc.title), title))
    for block in doc.blocks:
        if block == PAGE_BREAK:
            story.append(PageBreak())
            continue
        if isinstance(block, str):
            story.append(Paragraph(layout.markup(block), body))
            continue
        hidden = block.covered()
        rows = [[Paragraph(layout.markup(text), cell) if text and (r, c) not in hidden else ""
                 for c, text in enumerate(row)] for r, row in enumerate(block.rows)]
        commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                              ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                              ("RIGHTPADDING", (0, 0), (-1, -1), 2)]
        if style.rules == "grid":
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, "black"))
        elif style.rules == "rows":
            commands += [("LINEABOVE", (0, 0), (-1, -1), 0.5, "black"), ("LINEBELOW", (0, -1), (-1, -1), 0.5, "black")]
        for r0, c0, rs, cs in block.merges:
            if (rs > 1 or cs > 1) and (longest_span is None or rs <= longest_span):
                commands.append(("SPAN", (c0, r0), (c0 + cs - 1, r0 + rs - 1)))
        widths = ([usable / block.ncols] * block.ncols if style.equal_widths
                  else layout.column_widths(whole.get(id(block), block), usable))
        grid = LongTable(rows, colWidths=widths, splitByRow=1)
        grid.setStyle(TableStyle(commands))
        story += [grid, Spacer(1, 8)]
    template = SimpleDocTemplate(str(path), pagesize=page, leftMargin=margin, rightMargin=margin,
                                 topMargin=margin, bottomMargin=margin, invariant=1,
                                 title=doc.title, author="", creator="", producer="", subject="")
    template.build(story)


# ---------------------------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------------------------

def docx_table(container: object, block: Table) -> object:
    """`block` as a Word table added to `container` (a document or a cell), merges included."""
    table = container.add_table(rows=len(block.rows), cols=block.ncols)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    hidden = block.covered()
    grid = table._cells  # type: ignore[attr-defined]  # one pass over the grid; cell(r, c) recounts it
    for r, row in enumerate(block.rows):
        for c, text in enumerate(row):
            if text and (r, c) not in hidden:
                grid[r * block.ncols + c].text = text
    for r0, c0, rs, cs in block.merges:
        if rs > 1 or cs > 1:
            text = block.rows[r0][c0]
            # merges never overlap, so the corner cells of the next one are still the grid's own
            grid[r0 * block.ncols + c0].merge(grid[(r0 + rs - 1) * block.ncols + c0 + cs - 1]).text = text
    return table


def textbox_paragraph(tables: list[object]) -> object:
    """A paragraph anchoring a text box that holds `tables`, as Word writes it: a DrawingML shape in
    mc:Choice and the same content again in a VML mc:Fallback."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    extra = {"wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
             "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
             "v": "urn:schemas-microsoft-com:vml"}
    declared = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in extra.items())

    def content() -> str:
        from lxml import etree

        parts = "".join(etree.tostring(copy.deepcopy(t._tbl), encoding="unicode")  # type: ignore[attr-defined]
                        for t in tables)
        return f"<w:txbxContent>{parts}<w:p/></w:txbxContent>"

    xml = (f"<w:p {nsdecls('w', 'wp', 'a')} {declared}><w:r><mc:AlternateContent>"
           "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" "
           "simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
           "<wp:simplePos x=\"0\" y=\"0\"/><wp:positionH relativeFrom=\"column\"><wp:posOffset>0</wp:posOffset>"
           "</wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>0</wp:posOffset></wp:positionV>"
           "<wp:extent cx=\"5760000\" cy=\"8000000\"/><wp:wrapTopAndBottom/><wp:docPr id=\"1\" name=\"文本框 1\"/>"
           "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
           f"<wps:wsp><wps:cNvSpPr txBox=\"1\"/><wps:spPr/><wps:txbx>{content()}</wps:txbx><wps:bodyPr/></wps:wsp>"
           "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
           "<mc:Fallback><w:pict><v:shape style=\"width:453pt;height:630pt\">"
           f"<v:textbox>{content()}</v:textbox></v:shape></w:pict></mc:Fallback>"
           "</mc:AlternateContent></w:r></w:p>")
    return parse_xml(xml)


def write_docx(doc: Document, path: Path, wrap: str = "") -> None:
    """`wrap`: "" (tables in the body), "nested" (each table inside a one-cell outer table),
    "textbox" (the tables in a text box anchored where the first one stood)."""

    document = layout.titled_docx(doc)
    boxed: list[object] = []
    anchor = None
    for block in doc.blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        if wrap == "nested":
            outer = document.add_table(rows=1, cols=1)
            docx_table(outer.cell(0, 0), block)
        elif wrap == "textbox":
            boxed.append(docx_table(document, block))
            if anchor is None:
                anchor = document.add_paragraph()
        else:
            docx_table(document, block)
        document.add_paragraph("")
    if boxed and anchor is not None:
        anchor._p.addnext(textbox_paragraph(boxed))  # type: ignore[attr-defined]
        anchor._p.getparent().remove(anchor._p)  # type: ignore[attr-defined]
        for table in boxed:
            table._tbl.getparent().remove(table._tbl)  # type: ignore[attr-defined]
    props = document.core_properties
    props.created = props.modified = props.last_printed = layout.FIXED_DATE
    props.author = props.last_modified_by = ""
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(layout.normalise_zip(buffer.getvalue()))


# ---------------------------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SheetStyle:
    second_sheet: bool = False
    columns: bool = False  # an empty column A and a hidden empty column inside the table
    numbers: bool = False  # percentages as fractions (0% formats), amounts in #,##0.00
    formulas: bool = False  # totals and execution rates as formulas with cached values


PERCENT = re.compile(r"^(\d+(?:\.(\d+))?)%$")
DECIMAL = re.compile(r"^\d+\.(\d+)$")
INTEGER = re.compile(r"^[1-9]\d*$")
TOTAL_LABEL = re.compile(r"合\s*计|总\s*计|总\s*分|总额")


def typed(text: str, numbers: bool) -> tuple[object, str | None]:
    """A cell's value as a clerk types it: layout.py's numbers, and with `numbers` percentages as
    fractions shown in a percent format and amounts with thousands separators."""
    if numbers:
        percent = PERCENT.match(text)
        if percent:
            decimals = len(percent.group(2) or "")
            return float(Decimal(percent.group(1)) / 100), "0" + ("." + "0" * decimals if decimals else "") + "%"
        decimal = DECIMAL.match(text)
        if decimal:
            return float(text), "#,##0." + "0" * len(decimal.group(1))
        if INTEGER.match(text) and int(text) >= 1000:
            return int(text), "#,##0"
    value, number_format = layout.cell_value(text)
    return value, number_format


def number_of(text: str) -> Decimal | None:
    return Decimal(text) if re.fullmatch(r"\d+(?:\.\d+)?", text) else None


def formula_cells(table: Table) -> dict[tuple[int, int], tuple[str, str]]:
    """(row, col) → (formula over table coordinates as {r,c} placeholders, cached text) for the cells
    a spreadsheet computes: a 合计/总计 row's amount that is the sum of the figures right above or
    right below it in its column, and an execution rate that is 执行数 / 预算数 of its row."""
    grid = visible(table)
    out: dict[tuple[int, int], tuple[str, str]] = {}
    for r, row in enumerate(grid):
        if not any(TOTAL_LABEL.search(cell) for cell in row):
            continue
        for c, cell in enumerate(row):
            value = number_of(cell)
            if value is None:
                continue
            for step in (-1, 1):
                run, k = [], r + step
                while 0 <= k < len(grid) and (number_of(grid[k][c]) is not None or not grid[k][c]):
                    if grid[k][c]:
                        run.append(k)
                    k += step
                if len(run) >= 2 and sum(number_of(grid[k][c]) or 0 for k in run) == value:
                    lo, hi = min(run), max(run)
                    out[(r, c)] = (f"SUM({{{lo},{c}}}:{{{hi},{c}}})", cell)
                    break
    for r, row in enumerate(grid):
        rate_col = next((c for c, cell in enumerate(row) if "执行率" in cell), None)
        spent = next((c for c, cell in enumerate(row) if "执行数" in cell), None)
        budgets = [c for c, cell in enumerate(row) if "预算数" in cell and spent is not None and c < spent]
        if rate_col is None or spent is None or not budgets:
            continue
        budget = budgets[-1]
        for k in range(r + 1, len(grid)):
            rate = PERCENT.match(grid[k][rate_col])
            a, b = number_of(grid[k][budget]), number_of(grid[k][spent])
            if not rate or not a or b is None:
                continue
            decimals = len(rate.group(2) or "")
            if round(b / a * 100, decimals) == Decimal(rate.group(1)):
                out[(k, rate_col)] = (f"ROUND({{{k},{spent}}}/{{{k},{budget}}},{decimals + 2})", grid[k][rate_col])
    return out


def write_xlsx(doc: Document, path: Path, style: SheetStyle) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    border, wrap, title_font = layout.xlsx_styles()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    if style.second_sheet:
        sheet.title = "填表说明"
        for n, line in enumerate(["填表说明", "一、本表由项目实施单位填报。",
                                  "二、绩效指标按年初申报的绩效目标填列，实际完成值据实填写。"], start=1):
            sheet.cell(row=n, column=1, value=line)
        sheet = book.create_sheet("自评表")
    else:
        sheet.title = "Sheet1"
    left = 2 if style.columns else 1
    hidden_at = None
    blocks = list(doc.blocks)
    if style.columns:
        widest = max((b for b in blocks if isinstance(b, Table)), key=lambda t: t.ncols)
        hidden_at = min(2, widest.ncols - 1)
        blocks = [insert_column(b, hidden_at) if b is widest else b for b in blocks]
    width = max((b.ncols for b in blocks if isinstance(b, Table)), default=1)
    row_at = 1
    if doc.title:
        sheet.cell(row=1, column=left, value=doc.title).font = title_font
        if width > 1:
            sheet.merge_cells(start_row=1, start_column=left, end_row=1, end_column=left + width - 1)
        row_at = 2
    cached: dict[str, str] = {}
    for block in blocks:
        if isinstance(block, str):
            sheet.cell(row=row_at, column=left, value=block)
            row_at += 1
            continue
        hidden = block.covered()
        formulas = formula_cells(block) if style.formulas else {}

        def ref(match: re.Match[str], top: int = row_at) -> str:
            return f"{get_column_letter(left + int(match.group(2)))}{top + int(match.group(1))}"

        for r, row in enumerate(block.rows):
            for c, text in enumerate(row):
                cell = sheet.cell(row=row_at + r, column=left + c)
                if text and (r, c) not in hidden:
                    if (r, c) in formulas:
                        formula, shown = formulas[(r, c)]
                        cell.value = "=" + re.sub(r"\{(\d+),(\d+)\}", ref, formula)
                        value, number_format = typed(shown, True)
                        cached[cell.coordinate] = repr(value)
                        cell.number_format = number_format or "General"
                    else:
                        value, number_format = typed(text, style.numbers)
                        cell.value = value
                        if isinstance(value, str) and value.startswith("="):
                            cell.data_type = "s"
                        if number_format:
                            cell.number_format = number_format
                cell.border = border
                cell.alignment = wrap
        for r0, c0, rs, cs in block.merges:
            if rs > 1 or cs > 1:
                sheet.merge_cells(start_row=row_at + r0, start_column=left + c0,
                                  end_row=row_at + r0 + rs - 1, end_column=left + c0 + cs - 1)
        row_at += len(block.rows) + 1
    for c in range(left, left + width):
        sheet.column_dimensions[get_column_letter(c)].width = 14
    if hidden_at is not None:
        sheet.column_dimensions[get_column_letter(left + hidden_at)].hidden = True
    book.properties.created = book.properties.modified = layout.FIXED_DATE
    book.properties.creator = ""
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(layout.normalise_zip(with_cached_values(buffer.getvalue(), cached)))


def with_cached_values(data: bytes, cached: dict[str, str]) -> bytes:
    """The workbook with each formula's cached value filled in, as Excel saves it (openpyxl writes
    formulas with an empty <v/>)."""
    if not cached:
        return data
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = content.decode("utf-8")
                for coordinate, value in cached.items():
                    text = re.sub(rf'(<c r="{coordinate}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(?:</v>)?',
                                  lambda m, v=value: f"{m.group(1)}{m.group(2)}<v>{v}</v>", text)
                content = text.encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# the shapes
# ---------------------------------------------------------------------------------------------

BETWEEN_BLOCKS = ["二、绩效指标完成情况"]


def complete(target: Path) -> bool:
    """Whether the form written to `target` is whole: its source page was not an excerpt."""
    source = DEV / (target.name.rsplit(".", 1)[0] + ".source.json")
    return not (source.exists() and json.loads(source.read_text(encoding="utf-8")).get("excerpt"))
Writer = Callable[[Document, Path], None]
SHAPES: dict[str, tuple[str, Writer]] = {
    "pdf_borderless": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(rules="none"))),
    "pdf_hrules": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(rules="rows"))),
    "pdf_split": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(split="repeat"))),
    "pdf_split_bare": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(split="bare"))),
    "pdf_landscape": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(landscape=True))),
    "pdf_narrow": ("pdf", lambda d, p: write_pdf(d, p, PdfStyle(equal_widths=True))),
    "pdf_framed": ("pdf", lambda d, p: write_pdf(framed(d, complete(p)), p, PdfStyle())),
    "docx_nested": ("docx", lambda d, p: write_docx(d, p, "nested")),
    "docx_textbox": ("docx", lambda d, p: write_docx(d, p, "textbox")),
    "docx_split": ("docx", lambda d, p: write_docx(split_at_indicators(d, BETWEEN_BLOCKS), p)),
    "docx_framed": ("docx", lambda d, p: write_docx(framed(d, complete(p)), p)),
    "xlsx_second_sheet": ("xlsx", lambda d, p: write_xlsx(d, p, SheetStyle(second_sheet=True))),
    "xlsx_columns": ("xlsx", lambda d, p: write_xlsx(d, p, SheetStyle(columns=True))),
    "xlsx_numbers": ("xlsx", lambda d, p: write_xlsx(d, p, SheetStyle(numbers=True))),
    "xlsx_formulas": ("xlsx", lambda d, p: write_xlsx(d, p, SheetStyle(formulas=True))),
    "xlsx_merged_header": ("xlsx", lambda d, p: write_xlsx(tables_of(d, two_row_header), p, SheetStyle())),
    "xlsx_yuan": ("xlsx", lambda d, p: write_xlsx(in_yuan(d), p, SheetStyle())),
}
ORIGINALS = {"original_pdf": "pdf", "original_docx": "docx", "original_xlsx": "xlsx"}


def write_shapes(blocks_paths: list[Path], names: list[str], out: Path) -> None:
    """DIR/<shape>/<stem>.<ext> and its gold for every blocks file (XLSX shapes only for pure forms)."""
    if out.exists():
        shutil.rmtree(out)
    for blocks_path in blocks_paths:
        stem = shapes.stem_of(blocks_path)
        gold = json.loads((blocks_path.parent / f"{stem}.gold.json").read_text(encoding="utf-8"))
        doc = layout.load(blocks_path)
        for name in names:
            ext = ORIGINALS.get(name) or SHAPES[name][0]
            if ext == "xlsx" and not doc.xlsx:
                continue
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{stem}.{ext}"
            if name in ORIGINALS:
                shutil.copyfile(blocks_path.parent / f"{stem}.{ext}", target)
            else:
                SHAPES[name][1](doc, target)
            shapes.write_gold(gold, folder, stem)
            gold_copy = folder / f"{stem}.gold.json"
            data = json.loads(gold_copy.read_text(encoding="utf-8"))
            data["document"] = target.name
            gold_copy.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def run(blocks_paths: list[Path], names: list[str], out: Path) -> dict[str, dict[str, object]]:
    write_shapes(blocks_paths, names, out)
    return {name: shapes.tally(out / name) for name in names if (out / name).exists()}


def reference_of(shape: str) -> str:
    """The layout.py copy a shape is compared with: the original file of its format."""
    return f"original_{ORIGINALS.get(shape) or SHAPES[shape][0]}"


def main(argv: list[str]) -> int:
    return shapes.harness_main(argv, description=__doc__.split("\n\n")[0], default_out=DEFAULT_OUT,
                               names=[*ORIGINALS, *SHAPES], run=run, reference_of=reference_of)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
