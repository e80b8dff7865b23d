"""The XLSX writer of the format harness (fileshapes.py): a form on a sheet in a `SheetStyle`.

The style adds a 填表说明 sheet before the form's, an empty first column and a hidden empty column inside the table,
numbers typed as a clerk types them (percentages as fractions in a percent format, amounts with thousands
separators), or totals and execution rates as formulas with the cached values Excel stores.
"""

from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from siblings import sibling  # (corpora/ is no package: siblings.py loads the scripts by path)

layout = sibling("layout")
formrewrites = sibling("formrewrites")
Table = layout.Table
Document = layout.Document


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
    grid = formrewrites.visible(table)
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
        blocks = [formrewrites.insert_column(b, hidden_at) if b is widest else b for b in blocks]
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

