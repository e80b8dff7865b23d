"""XLSX reader: merged cells, typed numbers, formulas' cached values, hidden rows/sheets, bad input."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook

from reportparse.errors import CorruptFile, EmptyFile, EncryptedFile, ZipBomb
from reportparse.model import Document, Table
from reportparse.readers.xlsx import format_number

from ._workbooks import padded_workbook, read_xlsx_bytes
from ._workbooks import workbook_bytes as _save


def _read(data: bytes, name: str = "t.xlsx") -> Document:
    return read_xlsx_bytes(data, name)


def _table(doc: Document, index: int = 0) -> Table:
    table = doc.elements[index]
    assert isinstance(table, Table)
    return table


def _with_cached_value(data: bytes, ref: str, cached: str) -> bytes:
    """openpyxl writes formulas without a cached result; add one the way Excel would."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet1"):
                text = body.decode("utf-8")
                text = re.sub(
                    rf'(<c r="{ref}"[^>]*>\s*<f>[^<]*</f>)\s*(<v\s*/>|<v>\s*</v>)?',
                    rf"\1<v>{cached}</v>",
                    text,
                )
                body = text.encode("utf-8")
            dst.writestr(info, body)
    return out.getvalue()


def test_merged_cells_are_repeated_and_marked() -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "项目名称"
    ws["B1"] = "某某项目"
    ws.merge_cells("B1:D1")
    ws["A2"] = "一级指标"
    ws.merge_cells("A2:A3")
    ws["B2"] = 1
    ws["B3"] = 2
    table = _table(_read(_save(wb)))
    assert [c.text for c in table.rows[0]] == ["项目名称", "某某项目", "某某项目", "某某项目"]
    assert [c.merged for c in table.rows[0]] == [False, False, True, True]
    assert table.rows[2][0].text == "一级指标" and table.rows[2][0].merged
    assert table.rows[2][0].ref == "A3"
    assert table.sheet == ws.title and table.page == 1


@pytest.mark.parametrize(
    ("value", "number_format", "text", "number"),
    [
        (90, "General", "90", Decimal(90)),
        (89.974, "0.000", "89.974", Decimal("89.974")),
        (89.974, "0.00", "89.97", Decimal("89.974")),
        (0.1 + 0.2, "General", "0.3", Decimal("0.3")),
        (89.97399999999999, "General", "89.974", Decimal("89.974")),
        (0.95, "0%", "95%", Decimal("0.95")),
        (1234.5, "#,##0.00", "1,234.50", Decimal("1234.5")),
    ],
)
def test_numbers_keep_typed_value_and_displayed_text(
    value: float, number_format: str, text: str, number: Decimal
) -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = value
    ws["A1"].number_format = number_format
    cell = _table(_read(_save(wb))).rows[0][0]
    assert cell.text == text
    assert cell.number == number


def test_formula_cell_gives_its_cached_value() -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = 30
    ws["A2"] = 59.974
    ws["A3"] = "=SUM(A1:A2)"
    data = _with_cached_value(_save(wb), "A3", "89.974000000000004")
    cell = _table(_read(data)).rows[2][0]
    assert cell.number == Decimal("89.974")
    assert cell.text == "89.974"


def test_hidden_rows_and_sheets_are_kept_and_noted() -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "表一"
    for row in range(1, 5):
        ws.cell(row=row, column=1, value=f"行{row}")
    ws.row_dimensions[3].hidden = True
    hidden = wb.create_sheet("旧表")
    hidden["A1"] = "旧数据"
    hidden.sheet_state = "hidden"
    doc = _read(_save(wb))
    assert doc.source.pages == 2
    first, second = _table(doc, 0), _table(doc, 1)
    assert first.hidden_rows == [2]
    assert [r[0].text for r in first.rows] == ["行1", "行2", "行3", "行4"]
    assert second.sheet == "旧表" and second.page == 2
    assert any("旧表" in note and "hidden" in note for note in doc.notes)
    assert any("hidden rows 3" in note for note in doc.notes)


def test_used_range_starts_at_first_value() -> None:
    wb = Workbook()
    ws = wb.active
    ws["C5"] = "标题"
    ws["D7"] = 5
    table = _table(_read(_save(wb)))
    assert len(table.rows) == 3 and len(table.rows[0]) == 2
    assert table.rows[0][0].ref == "C5" and table.rows[2][1].ref == "D7"
    assert table.rows[2][1].row == 2 and table.rows[2][1].col == 1


def test_empty_workbook_is_refused() -> None:
    with pytest.raises(EmptyFile):
        _read(_save(Workbook()))


def test_not_a_zip_is_corrupt() -> None:
    with pytest.raises(CorruptFile):
        _read(b"this is plain text, not a workbook")


def test_encrypted_workbook_is_refused() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 100
    with pytest.raises(EncryptedFile):
        _read(ole)


def test_zip_bomb_is_refused_before_openpyxl() -> None:
    with pytest.raises(ZipBomb):
        _read(padded_workbook(12 * 1024 * 1024))


def test_truncated_workbook_is_corrupt() -> None:
    data = _save(Workbook())
    with pytest.raises(CorruptFile):
        _read(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("number", "fmt", "text"),
    [(Decimal("5"), "0.00", "5.00"), (Decimal("0.125"), "0.0%", "12.5%"), (Decimal("1E+3"), "General", "1000")],
)
def test_format_number(number: Decimal, fmt: str, text: str) -> None:
    assert format_number(number, fmt) == text


def test_far_away_styled_cell_and_huge_merge_do_not_blow_up_the_grid() -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "标题"
    ws["B2"] = 3
    ws.merge_cells("A1:A5000")  # a whole column merged under its label
    ws["Z60000"].number_format = "0.00"  # styled, no value
    table = _table(_read(_save(wb)))
    assert len(table.rows) == 2 and len(table.rows[0]) == 2
    assert table.rows[1][0].text == "标题" and table.rows[1][0].merged


def test_formula_without_cached_value_shows_its_formula() -> None:
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "年度指标值"
    ws["A2"] = "=100％"  # a program wrote this; Excel never computed it
    doc = _read(_save(wb))
    assert _table(doc).rows[1][0].text == "=100％"
    assert any("A2" in note and "cached" in note for note in doc.notes)
