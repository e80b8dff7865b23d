"""Bounded work: hostile sizes are refused with a reason, and the inputs that once took minutes give the
same answers as small ones (uncached XLSX formulas, long lines, digit runs, a report pasted many times).

No timings here (they are in benchmarks/adversarial.py): each test checks what comes out.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook

from reportparse import limits
from reportparse.errors import TooLarge, ZipBomb
from reportparse.model import Document, Result, Source, SourceFormat, Table
from reportparse.pipeline import analyse, check
from reportparse.readers import xlsxscan
from reportparse.readers.text import read_text
from reportparse.readers.text.fundlines import opens_fund_block
from reportparse.readers.xlsxformula import evaluate, lookup_in

from ._workbooks import padded_workbook, read_xlsx_bytes
from ._workbooks import workbook_bytes as _save

REPO = Path(__file__).resolve().parents[1]


def _xlsx(data: bytes, name: str = "book.xlsx") -> Document:
    return read_xlsx_bytes(data, name)


def _text(text: str, name: str = "report.txt") -> Document:
    data = text.encode("utf-8")
    source = Source(path=name, format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_text(Path(name), data, source)


def _cell_text(doc: Document, row: int, col: int) -> str:
    table = doc.elements[0]
    assert isinstance(table, Table)
    return table.rows[row][col].text


# ------------------------------------------------------------------------------------------
# formulas without a cached value
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("formula", "value"),
    [
        ("=0.93+0", Decimal("0.93")),
        ("=A1*2", Decimal(20)),
        ("=SUM(A1:A2)", Decimal("12.5")),
        ("=SUM(A1:A2, 1) / 2", Decimal("6.75")),
        ("=-(A1-A2)*3", Decimal("-22.5")),
        ("=50%", Decimal("0.5")),
        ("=$A$1+A3", Decimal(10)),  # an empty cell counts as 0
        ("=0.1+0.2", Decimal("0.3")),
    ],
)
def test_simple_formulas_are_computed(formula: str, value: Decimal) -> None:
    lookup = lookup_in({(1, 1): 10, (2, 1): 2.5}, {})
    assert evaluate(formula, lookup) == value


@pytest.mark.parametrize(
    "formula", ["=A1/0", "=ROUND(A1,0)", "=Sheet2!A1", "=B1+1", "=100％", "=A1:A2", "=1+", "=(1", "=SUM(A1:Z9999)"]
)
def test_other_formulas_are_not_guessed(formula: str) -> None:
    lookup = lookup_in({(1, 1): 10, (1, 2): "文字"}, {})
    assert evaluate(formula, lookup) is None


def test_formulas_referring_to_each_other_are_computed_and_cycles_refused() -> None:
    chained = lookup_in({(1, 1): 4}, {(1, 2): "=A1*2", (1, 3): "=B1+1"})
    assert evaluate("=C1", chained) == Decimal(9)
    cycle = lookup_in({}, {(1, 1): "=B1", (1, 2): "=A1"})
    assert evaluate("=A1", cycle) is None


def test_uncached_formula_is_read_as_its_value() -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "实际完成值"
    ws["A2"] = "=0.93+0"  # openpyxl writes no cached value: like a file a program generated
    ws["A2"].number_format = "0%"
    doc = _xlsx(_save(wb))
    assert _cell_text(doc, 1, 0) == "93%"
    assert not doc.problems
    assert any("A2" in note and "computed as 0.93" in note for note in doc.notes)


@pytest.mark.parametrize("formula", ["=100%", "=100％", "=95"])
def test_a_lone_figure_after_the_equals_sign_is_a_stated_target(formula: str) -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "指标值"
    ws["A2"] = formula  # '= 100%' typed as a target, stored as a formula without a result
    doc = _xlsx(_save(wb))
    assert _cell_text(doc, 1, 0) == formula
    assert not doc.problems


def test_uncomputable_formula_makes_the_result_partial_and_names_the_file() -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "指标值"
    ws["A2"] = "=VLOOKUP(1,B1:C2,2)"
    doc = _xlsx(_save(wb), "forms/f.xlsx")
    assert _cell_text(doc, 1, 0) == "=VLOOKUP(1,B1:C2,2)"
    assert doc.problems and doc.problems[0].startswith("forms/f.xlsx: ") and "A2" in doc.problems[0]


# ------------------------------------------------------------------------------------------
# XLSX size budget, reasons, messages, warnings
# ------------------------------------------------------------------------------------------


def _sheet_xml(rows: int) -> bytes:
    body = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, rows + 1))
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>').encode()


def _with_sheet(data: bytes, sheet: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, sheet if info.filename == "xl/worksheets/sheet1.xml" else src.read(info.filename))
    return out.getvalue()


def test_a_sheet_beyond_the_cell_budget_is_too_large_not_a_zip_bomb() -> None:
    data = _with_sheet(_save(Workbook()), _sheet_xml(xlsxscan.MAX_CELLS // 2 + 10))
    with pytest.raises(TooLarge) as caught:
        _xlsx(data, "big.xlsx")
    assert caught.value.reason == "too-large" and caught.value.message.startswith("big.xlsx: ")


def test_a_sheet_within_the_budget_is_read_whole() -> None:
    doc = _xlsx(_with_sheet(_save(Workbook()), _sheet_xml(2_000)))
    table = doc.elements[0]
    assert isinstance(table, Table) and len(table.rows) == 2_000 and table.rows[-1][0].text == "2000"


def test_a_huge_merged_area_counts_against_the_budget() -> None:
    sheet = _sheet_xml(3).replace(b"</sheetData>", b'</sheetData><mergeCells count="1">'
                                  b'<mergeCell ref="A1:A1048576"/></mergeCells>')
    with pytest.raises(TooLarge):
        _xlsx(_with_sheet(_save(Workbook()), sheet))


def test_values_far_apart_are_too_large_a_grid() -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "标题"
    ws["ZZ9000"] = 1  # 702 columns × 9000 rows of mostly nothing
    with pytest.raises(TooLarge):
        _xlsx(_save(wb))


def test_a_large_but_honest_member_is_too_large_and_a_compressed_one_a_bomb() -> None:
    # 12 MB of zeros compresses 1000:1: a bomb; the reason stays zip-bomb
    with pytest.raises(ZipBomb):
        _xlsx(padded_workbook(12 * 1024 * 1024))


# ------------------------------------------------------------------------------------------
# text: budget and the patterns that were quadratic
# ------------------------------------------------------------------------------------------


def test_text_beyond_the_character_budget_is_too_large(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(limits, "MAX_DOCUMENT_CHARS", 1_000)
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 4_000)
    path = tmp_path / "long.txt"
    path.write_text("项目资金执行情况良好。\n" * 200, encoding="utf-8")
    result = check(path)
    assert result.status == "failed" and result.reason == "too-large"
    assert result.message and result.message.startswith(str(path))


@pytest.mark.parametrize(
    ("line", "opens"),
    [
        ("项目资金（万元） 年初预算数 全年预算数 全年执行数", True),
        ("年度资金总额：100", True),
        ("全年执行数 在 项目资金 之前", False),
        ("项目资金执行情况" * 50_000, False),
        ("项目资金执行情况" * 50_000 + "全年执行数", True),
    ],
)
def test_fund_block_heading(line: str, opens: bool) -> None:
    assert opens_fund_block(line) is opens


SEEDLIKE = REPO / "corpora" / "narrative" / "n22_combo_seedlike.txt"


def test_a_long_line_and_a_digit_run_inside_a_report_still_read() -> None:
    seed = SEEDLIKE.read_text(encoding="utf-8")
    middle = len(seed) // 2
    plain = analyse(_text(seed))
    for noise in ("1" * 100_000, "项目资金执行情况" * 30_000):
        result = analyse(_text(seed[:middle] + noise + seed[middle:]))
        assert result.status in ("ok", "partial")
        assert [p.name for p in result.report.projects] == [p.name for p in plain.report.projects]


def test_a_report_pasted_many_times_finds_what_one_copy_finds() -> None:
    seed = SEEDLIKE.read_text(encoding="utf-8")
    once = analyse(_text(seed))
    many = analyse(_text(seed * 16))
    assert [p.name for p in many.report.projects] == [p.name for p in once.report.projects]
    assert {(f.code, f.project) for f in once.findings} <= {(f.code, f.project) for f in many.findings}
    # a statement reaches a bounded number of a goal row's copies: the actuals grow with the copies
    # (16 × 13 here), not with their square (16 statements × 16 copies × 13 was 3,080)
    assert _actuals(many) <= 2 * 16 * _actuals(once)


def _actuals(result: Result) -> int:
    return sum(len(i.actuals) for p in result.report.projects for i in p.indicators)


def test_a_run_of_100k_digits_with_a_unit_is_no_amount(tmp_path: Path) -> None:
    """'预算999…9万元' (100k digits): no number of that size is an amount; the JSON output stays writable."""
    from reportparse.normalise.numbers import parse_number
    from reportparse.pipeline import check as check_file

    assert parse_number("9" * 100_000) is None
    assert parse_number("预算 123456789012345 元") == 123456789012345
    report = tmp_path / "digits.txt"
    report.write_text("项目支出绩效自评报告\n预算" + "9" * 100_000 + "万元\n", encoding="utf-8")
    result = check_file(report)
    assert result.status in ("ok", "failed")
    result.model_dump_json()  # serialisable: no integer of 100k digits anywhere
