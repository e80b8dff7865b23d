"""PDF reader: tables printed without cell borders become grids from the word positions."""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

import pytest

from reportparse.model import Document, Paragraph, Source, SourceFormat, Table
from reportparse.readers.pdf import read_pdf

FONT = "STSong-Light"
SIZE = 9
PAGE = (842.0, 595.0)  # landscape A4
COLS = [40.0, 130.0, 230.0, 340.0, 430.0, 500.0, 560.0, 620.0, 760.0]
#: columns whose numbers are drawn right-aligned
RIGHT_ALIGNED = {5, 6}
#: gap between a right-aligned text and its column's right edge
RIGHT_PAD = 4.0
Cell = str | list[str] | None  # a list is a cell wrapped over several lines


def _read(data: bytes) -> Document:
    source = Source(path="t.pdf", format=SourceFormat.PDF, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_pdf(Path("t.pdf"), data, source)


def _draw(c, col: int, text: str, baseline: float) -> None:  # type: ignore[no-untyped-def]
    """One line of a cell at `baseline` (points from the top of the page), without any ruling."""
    y = PAGE[1] - baseline
    if col in RIGHT_ALIGNED and text[:1].isdigit():  # numbers, as a spreadsheet prints them
        c.drawRightString(COLS[col + 1] - RIGHT_PAD, y, text)
    else:
        c.drawString(COLS[col] + 2, y, text)


Rows = list[tuple[float, list[Cell], str]]


def _pdf(rows: Rows, title: str | None = "项目支出绩效自评表", *more_pages: Rows,
         placed_title: tuple[float, str] | None = None) -> bytes:
    """Pages of rows (the first with a title); each row is (baseline, cells, how wrapped cells run:
    'top' puts the extra lines below the baseline, 'centre' centres them on it as LibreOffice does);
    `placed_title` is a title drawn at a given x instead, 60 points from the top."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=PAGE)
    if title:
        c.setFont(FONT, 14)
        c.drawString(COLS[0], PAGE[1] - 50, title)
    if placed_title:
        c.setFont(FONT, 14)
        c.drawString(placed_title[0], PAGE[1] - 60, placed_title[1])
    leading = SIZE * 1.25
    for page in (rows, *more_pages):
        c.setFont(FONT, SIZE)
        for baseline, cells, how in page:
            for col, cell in enumerate(cells):
                if cell is None:
                    continue
                lines = [cell] if isinstance(cell, str) else cell
                first = baseline if how == "top" else baseline - leading * (len(lines) - 1) / 2
                for k, text in enumerate(lines):
                    _draw(c, col, text, first + k * leading)
        c.showPage()
    c.save()
    return buf.getvalue()


def _grid(document: Document) -> list[list[str]]:
    tables = [e for e in document.elements if isinstance(e, Table)]
    assert len(tables) == 1
    return [[cell.text for cell in row] for row in tables[0].rows]


HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因"]


def test_form_with_wrapped_cells_below_their_row() -> None:
    rows: list[tuple[float, list[Cell], str]] = [
        (100, HEADER, "top"),
        (125, ["产出指标", "数量指标", ["维护管网", "长度"], "≥120公里", "126公里", "15", "15"], "top"),
        (160, ["产出指标", "质量指标", "合格率", "≥95%", "90%", "10", "8", ["人手不足，", "已增配人员"]], "top"),
        (195, ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "93%", "10", "10"], "top"),
    ]
    document = _read(_pdf(rows))
    assert _grid(document) == [
        HEADER,
        ["产出指标", "数量指标", "维护管网长度", "≥120公里", "126公里", "15", "15", ""],
        ["产出指标", "质量指标", "合格率", "≥95%", "90%", "10", "8", "人手不足，已增配人员"],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "93%", "10", "10", ""],
    ]
    paragraphs = [e.text for e in document.elements if isinstance(e, Paragraph)]
    assert paragraphs == ["项目支出绩效自评表"]  # the title stays prose; no cell text leaks after the table
    table = next(e for e in document.elements if isinstance(e, Table))
    cell = table.rows[1][4]
    assert cell.page == 1 and cell.bbox is not None
    assert cell.bbox.x0 == pytest.approx(COLS[4] + 2, abs=1.5)
    assert cell.bbox.top == pytest.approx(125 - SIZE, abs=2.5)


def test_goal_table_centred_like_a_spreadsheet() -> None:
    """LibreOffice centres a one-line cell beside a wrapped one and a merged label in the rows it spans."""
    rows: list[tuple[float, list[Cell], str]] = [
        (100, HEADER, "centre"),
        (120, [None, "数量指标", "培训人次", "≥300人次", "320人次", "20", "20"], "centre"),
        (145, ["产出指标", "质量指标", ["培训合格率（按结业", "考核计）"], "≥90%", "95%", "20", "20"], "centre"),
        (170, [None, "时效指标", "完成时间", "年底前", "11月", "10", "10"], "centre"),
        (190, ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92%", "10", "9",
               ["讲师更换", "影响满意度"]], "centre"),
        (210, [None, "总分", None, None, None, "60", "59"], "centre"),
    ]
    assert _grid(_read(_pdf(rows))) == [
        HEADER,
        ["产出指标", "数量指标", "培训人次", "≥300人次", "320人次", "20", "20", ""],
        ["产出指标", "质量指标", "培训合格率（按结业考核计）", "≥90%", "95%", "20", "20", ""],
        ["产出指标", "时效指标", "完成时间", "年底前", "11月", "10", "10", ""],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92%", "10", "9", "讲师更换影响满意度"],
        ["", "总分", "", "", "", "60", "59", ""],
    ]


def test_aligned_prose_without_header_words_stays_prose() -> None:
    rows: list[tuple[float, list[Cell], str]] = [
        (100, ["姓名", "部门", "电话"], "top"),
        (120, ["张某", "财务科", "1234"], "top"),
        (140, ["李某", "办公室", "5678"], "top"),
    ]
    document = _read(_pdf(rows, title="联系人"))
    assert not [e for e in document.elements if isinstance(e, Table)]


def test_prose_between_two_tables_stays_prose() -> None:
    """A paragraph running across the columns ends a table; the table after it is a table of its own."""
    prose = "以上为项目资金情况，下表为本年度绩效指标完成情况，指标均按年初设定的目标值进行对照。"
    rows: list[tuple[float, list[Cell], str]] = [
        (100, [None, "年度资金总额", "年初预算数", "全年预算数", "全年执行数", "分值", "得分"], "top"),
        (120, [None, "财政拨款", "50", "50", "48", "10", "9.6"], "top"),
        (145, [prose], "top"),
        (170, HEADER, "top"),
        (190, ["产出指标", "数量指标", "培训人次", "≥300人次", "320人次", "20", "20"], "top"),
    ]
    document = _read(_pdf(rows))
    tables = [e for e in document.elements if isinstance(e, Table)]
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["年度资金总额", "年初预算数", "全年预算数", "全年执行数", "分值", "得分"],
        ["财政拨款", "50", "50", "48", "10", "9.6"],
    ]
    assert [c.text for c in tables[1].rows[0]] == HEADER
    assert prose in [e.text for e in document.elements if isinstance(e, Paragraph)]


def test_table_carried_on_to_the_next_page_without_its_header() -> None:
    first: Rows = [(100, HEADER, "top")]
    first += [(120 + 20 * k, ["产出指标", "数量指标", f"指标{k}", "≥10个", "12个", "5", "5"], "top") for k in range(22)]
    second: Rows = [(60, ["效益指标", "社会效益指标", "覆盖率", "≥90%", "95%", "10", "10"], "top"),
                    (80, ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", "10", "9", "讲师更换"], "top"),
                    (120, ["表后说明：以上指标由项目单位填报，经主管部门审核后报送财政部门备案存档。"], "top")]
    document = _read(_pdf(first, "项目支出绩效自评表", second))
    grid = _grid(document)
    assert len(grid) == 1 + 22 + 2
    assert grid[-2] == ["效益指标", "社会效益指标", "覆盖率", "≥90%", "95%", "10", "10", ""]
    assert grid[-1] == ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", "10", "9", "讲师更换"]
    table = next(e for e in document.elements if isinstance(e, Table))
    assert table.rows[-1][0].page == 2
    paragraphs = [e.text for e in document.elements if isinstance(e, Paragraph)]
    assert paragraphs[-1].startswith("表后说明")


def test_number_and_unit_in_neighbouring_columns_are_split(monkeypatch: pytest.MonkeyPatch) -> None:
    """A right-aligned 指标值 touches the 度量单位 printed at the start of the next column (500个)."""
    monkeypatch.setattr(sys.modules[__name__], "RIGHT_ALIGNED", {3, 5, 6})
    monkeypatch.setattr(sys.modules[__name__], "RIGHT_PAD", -1.5)  # flush against the unit: no gap at all
    header = ["一级指标", "二级指标", "三级指标", "指标值", "度量单位", "分值", "得分"]
    rows: Rows = [
        (100, header, "top"),
        (120, ["产出指标", "数量指标", "更换水表", "500", "个", "10", "9"], "top"),
        (140, ["产出指标", "质量指标", "合格率", "95", "%", "10", "10"], "top"),
    ]
    grid = _grid(_read(_pdf(rows)))
    assert [row[3:5] for row in grid] == [["指标值", "度量单位"], ["500", "个"], ["95", "%"]]


def test_merged_label_whose_span_ends_above_its_rows() -> None:
    """On a skewed scan a tall label (one read at a slant) spans the rows below it, and the next
    label in its column then sits above where the span ended: it is a label of its own row, not a
    crash (max() of no rows covered)."""
    from reportparse.readers.pdf import borderless as bl

    def word(text: str, x0: float, top: float, bottom: float) -> bl.Word:
        return bl.Word(text=text, x0=x0, top=top, x1=x0 + 10 * len(text), bottom=bottom)

    header = bl.Row([word("一级指标", 0, 0, 10), word("二级指标", 100, 0, 10), word("分值", 200, 0, 10)])
    rows = [header,
            bl.Row([word("产出指标", 0, 20, 50), word("数量", 100, 20, 30), word("10", 200, 20, 30)]),
            bl.Row([word("效益指标", 0, 35, 45), word("质量", 100, 35, 45), word("20", 200, 35, 45)]),
            bl.Row([word("时效", 100, 50, 60), word("30", 200, 50, 60)]),
            bl.Row([word("成本", 100, 65, 75), word("40", 200, 65, 75)])]
    cols = [[0, 1, 2], [0, 1, 2], [0, 1, 2], [1, 2], [1, 2]]
    part = bl._part(rows, cols, [0.0, 100.0, 200.0], 1)
    bl._fill_merged_labels(part, rows)
    assert [row[0].text for row in part.rows] == ["一级指标", "产出指标", "效益指标", "产出指标", ""]


SPACED_ROWS: list[tuple[float, list[Cell], str]] = [
    (125, ["产出指标", "数量指标", "改造户数", "≥40户", "42户", "20", "20"], "top"),
    (150, ["效益指标", "社会效益指标", "群众满意度", "≥90%", "93%", "10", "10"], "top"),
]


@pytest.mark.parametrize("spaced", [
    ["一级 指标", "二级 指标", "三级 指标", "年度 指标值", "实际 完成值", "分值", "得 分", "偏差原因"],
    ["一级  指标", "二级  指标", "三级  指标", "指标值", "实际  完成值", "分  值", "得  分", "偏差  原因"],
])
def test_letter_spaced_column_titles_name_one_column_each(spaced: list[str]) -> None:
    """A title printed with a space inside ('一级 指标', '得 分') is one column's title, not two columns."""
    header = [title.replace(" ", "") for title in spaced]
    grid = _grid(_read(_pdf([(100, spaced, "top"), *SPACED_ROWS])))
    assert grid[0] == header
    assert grid[1] == ["产出指标", "数量指标", "改造户数", "≥40户", "42户", "20", "20", ""]


@pytest.mark.parametrize(("year", "rest"), [("2020", "年项目支出绩效自评指标计分表"), ("2023", "年度项目绩效自评表")])
def test_centred_title_whose_year_ends_on_a_column_edge_stays_prose(year: str, rest: str) -> None:
    """A title above the table whose 年 happens to start on a column's edge is not cut into two cells
    (a number and its unit), so it stays a title above the table rather than becoming its first row."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _pdf([])  # registers the font
    title_at = COLS[3] + 2 - stringWidth(year, FONT, 14)  # 年 starts where column 3's texts start
    document = _read(_pdf([(100, HEADER, "top"), *SPACED_ROWS], None, placed_title=(title_at, year + rest)))
    assert _grid(document)[0] == HEADER
    assert [e.text for e in document.elements if isinstance(e, Paragraph)] == [year + rest]
