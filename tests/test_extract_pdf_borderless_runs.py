"""PDF reader, tables without a full grid: where a table begins and ends (a title above it, a paragraph
between two tables ruled only between their rows), a cell merged over two ruled rows, and a row label a
narrow column wraps onto two lines that fall beside two different rows."""

from __future__ import annotations

import pytest

from reportparse.model import Table
from tests._pdfpages import FONT, LEADING, SIZE, Line, Row, page_pdf, read_page


def _tables(data: bytes) -> list[list[list[str]]]:
    document = read_page(data)
    return [[[cell.text for cell in row] for row in e.rows] for e in document.elements if isinstance(e, Table)]


def _texts(data: bytes) -> list[str]:
    return [e.text for e in read_page(data).paragraphs]


def _ruled(tops: list[float], x0: float, x1: float) -> list[tuple[float, float, float]]:
    return [(y, x0, x1) for y in tops]


FUND_COLS = [40.0, 150.0, 230.0, 310.0, 390.0, 470.0]
GOAL_COLS = [40.0, 110.0, 190.0, 330.0, 420.0, 490.0]


def test_paragraph_between_two_tables_ruled_between_rows_parts_them() -> None:
    """An indented note between a fund table and an indicator table lies between the last rule of the one
    and the first rule of the other: it is no row, and the two tables are read apart."""
    rows: list[Row] = [
        (100, ["单位名称", "全年预算数", "全年执行数", "执行率", "分值", "得分"], FUND_COLS),
        (118, ["东城区水务站", "52.00", "49.40", "95%", "10", "9.5"], FUND_COLS),
        (190, ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值"], GOAL_COLS),
        (208, ["产出指标", "数量指标", "疏浚河道长度", "≥12公里", "12.5公里", "20"], GOAL_COLS),
        (226, ["效益指标", "社会效益指标", "汛期积水点减少", "≥5处", "6处", "20"], GOAL_COLS),
    ]
    lines: list[Line] = [(145, "附件二", 66, SIZE),
                         (157, "河道疏浚项目绩效目标完成情况表(本表据区财政局下发样式填写)", 66, SIZE),
                         (169, "(单位:万元)", 66, SIZE)]
    rules = _ruled([90, 108, 126], 38, 555) + _ruled([180, 198, 216, 234], 38, 555)
    tables = _tables(page_pdf(rows, lines, rules))
    assert len(tables) == 2
    assert tables[0][-1][:3] == ["东城区水务站", "52.00", "49.40"]
    assert tables[1][1][:3] == ["产出指标", "数量指标", "疏浚河道长度"]
    assert not any("附件二" in cell for table in tables for row in table for cell in row)


def test_paragraph_between_ruled_tables_in_another_layout() -> None:
    """The same with a two-line remark written flush with the tables' first column text and narrower rules."""
    cols = [50.0, 140.0, 250.0, 330.0, 410.0, 480.0]
    rows: list[Row] = [
        (110, ["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率", "得分"], cols),
        (128, ["财政拨款", "8.00", "8.00", "7.60", "95%", "9.5"], cols),
        (146, ["其他资金", "1.00", "1.00", "1.00", "100%", "10"], cols),
        (215, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"], cols),
        (233, ["满意度指标", "服务对象满意度指标", "读者满意率", "≥90%", "94%", "10"], cols),
        (251, ["产出指标", "时效指标", "按期开馆率", "100%", "100%", "10"], cols),
    ]
    lines: list[Line] = [(175, "说明:上表为图书馆免费开放补助资金的执行情况,下表为其绩效目标的完成情况,", 28, SIZE),
                         (187, "两表的数据均取自本馆年度决算报表及各季度的运行监控记录。", 28, SIZE)]
    rules = _ruled([100, 118, 136, 154], 48, 540) + _ruled([205, 223, 241, 259], 48, 540)
    tables = _tables(page_pdf(rows, lines, rules))
    assert len(tables) == 2
    assert tables[0][-1][:2] == ["其他资金", "1.00"]
    assert tables[1][0][:2] == ["一级指标", "二级指标"]


def test_cell_merged_over_two_ruled_rows_stays_whole() -> None:
    """A header title wrapped over a cell merged down two ruled rows: the rule between them runs only under
    the grouped titles, so its two lines stay one title, repeated in both rows."""
    cols = [40.0, 120.0, 200.0, 280.0, 360.0, 440.0]
    rows: list[Row] = [
        (100, [["单", "位"], ["全年预", "算数"], "全年执行数", None, "执行情况评价", None], cols),
        (118, [None, None, "中央资金", "地方资金", "分值", "得分"], cols),
        (140, ["第一中学", "120.00", "80.00", "30.00", "40.00", "10.00"], cols),
        (158, ["第二中学", "95.00", "60.00", "20.00", "35.00", "5.00"], cols),
    ]
    rules = [(90, 38, 520), (109, 198, 520), (128, 38, 520), (148, 38, 520), (166, 38, 520)]
    tables = _tables(page_pdf(rows, rules=rules))
    assert len(tables) == 1
    grid = tables[0]
    assert [row[1] for row in grid[:2]] == ["全年预算数", "全年预算数"]
    assert grid[2][:2] == ["第一中学", "120.00"]


GOAL_NARROW = [40.0, 82.0, 160.0, 300.0, 380.0, 450.0, 500.0]


def _labelled_rows(label: list[str], names: list[tuple[str, str, str, str, str]], top: float) -> list[Row]:
    """Indicator rows under a header, a 一级 label centred beside them in two lines (a narrow column)."""
    step = 20.0
    rows: list[Row] = [(top, ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"], GOAL_NARROW)]
    for k, (level2, name, target, actual, weight) in enumerate(names):
        rows.append((top + step * (k + 1), [None, level2, name, target, actual, weight, weight], GOAL_NARROW))
    middle = top + step * (len(names) + 1) / 2
    rows.append((middle - LEADING / 2 + 3, [label, None, None, None, None, None, None], GOAL_NARROW))
    return rows


def test_row_label_wrapped_in_a_narrow_column_is_joined() -> None:
    """项目产出指 / 标 centred beside three rows: the two lines fall beside two rows; every row gets the label."""
    rows = _labelled_rows(["项目产出指", "标"], [("数量指标", "新建泵站座数", "3座", "3座", "20"),
                                               ("质量指标", "工程验收合格率", "100%", "100%", "20"),
                                               ("时效指标", "按期完工率", "100%", "100%", "10")], 100)
    tables = _tables(page_pdf(rows))
    assert len(tables) == 1
    labels = [row[0] for row in tables[0][1:]]
    assert labels == ["项目产出指标"] * 3
    assert all(cell != "标" for row in tables[0] for cell in row)


def test_row_label_wrapped_in_another_wording() -> None:
    """效益目 / 标 beside two rows, the lines set a little apart: the same join, nothing glued to a name."""
    names = [("社会效益指标", "受益农户数", "≥300户", "326户", "15"),
             ("生态效益指标", "水土流失治理面积", "≥2平方公里", "2.3平方公里", "15")]
    rows = _labelled_rows(["效益目", "标"], names, 200)
    tables = _tables(page_pdf(rows))
    assert len(tables) == 1
    assert [row[0] for row in tables[0][1:]] == ["效益目标", "效益目标"]
    assert [row[2] for row in tables[0][1:]] == ["受益农户数", "水土流失治理面积"]


def test_title_with_a_gap_above_a_borderless_table_is_no_row() -> None:
    """A title set larger than the table, with a gap inside that puts its halves over two columns, stays prose."""
    rows: list[Row] = [
        (110, ["项目名称", "乡村公路养护"], FUND_COLS),
        (128, ["主管部门", "县交通运输局", None, "实施单位", "县公路中心"], FUND_COLS),
        (146, ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值"], GOAL_COLS),
        (164, ["产出指标", "数量指标", "养护里程", "≥80公里", "82公里", "30"], GOAL_COLS),
        (182, ["效益指标", "社会效益指标", "通行条件改善", "明显改善", "已改善", "30"], GOAL_COLS),
    ]
    lines: list[Line] = [(70, "项目支出绩效自评表", 60, 15), (70, "乡村公路养护(2022年度)", 330, 15)]
    tables = _tables(page_pdf(rows, lines))
    assert len(tables) == 1
    assert tables[0][0][:2] == ["项目名称", "乡村公路养护"]
    assert any("项目支出绩效自评表" in text for text in _texts(page_pdf(rows, lines)))


def test_title_with_a_gap_in_another_layout() -> None:
    """The same with the title's halves further apart and the table starting at its header."""
    cols = [45.0, 120.0, 200.0, 300.0, 380.0, 450.0]
    rows: list[Row] = [
        (120, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"], cols),
        (138, ["产出指标", "质量指标", "设备完好率", "≥95%", "97%", "20"], cols),
        (156, ["满意度指标", "服务对象满意度指标", "患者满意度", "≥90%", "92%", "10"], cols),
    ]
    lines: list[Line] = [(80, "卫生院设备购置补助", 50, 16), (80, "绩效目标自评表", 380, 16)]
    tables = _tables(page_pdf(rows, lines))
    assert len(tables) == 1
    assert tables[0][0][0] == "一级指标"


SUMMARY_COLS = [40.0, 70.0, 230.0, 320.0, 420.0, 480.0, 530.0]


def test_space_inside_a_header_title_opens_no_column() -> None:
    """'主管部门 (业主单位)' is one column's title typed with a space: its note opens no column of its own."""
    rows: list[Row] = [
        (100, ["序号", "项目名称", "主管部门 (业主单位)", "实施单位 (代建)", "预算数", "执行数", "得分"], SUMMARY_COLS),
        (118, ["1", "老旧小区雨污分流改造", "区住建委", "区市政中心", "860", "812.5", "88"], SUMMARY_COLS),
        (136, ["2", "社区养老服务站运营补助", "区民政局", "街道办事处", "120", "120", "92"], SUMMARY_COLS),
        (154, ["3", "中小学课后服务经费", "区教委", "各中小学", "300", "287", "90"], SUMMARY_COLS),
    ]
    tables = _tables(page_pdf(rows))
    assert len(tables) == 1
    assert len(tables[0][0]) == 7
    assert tables[0][1][2:5] == ["区住建委", "区市政中心", "860"]


def test_space_inside_label_cells_opens_no_column() -> None:
    """Scoring rows whose label cells are typed with spaces ('决策 过程 (8分)') keep one column each."""
    cols = [40.0, 110.0, 190.0, 280.0, 330.0, 480.0]
    rows: list[Row] = [
        (100, ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分"], cols),
        (118, ["项目 决策 (20分)", "决策 过程 (10分)", "决策 依据 (5分)", "5", "依据充分得5分", "5"], cols),
        (136, ["项目 决策 (20分)", "决策 过程 (10分)", "决策 程序 (5分)", "5", "程序规范得5分", "4"], cols),
        (154, ["项目 管理 (30分)", "资金 管理 (15分)", "资金 使用 (10分)", "10", "使用合规得10分", "9"], cols),
    ]
    tables = _tables(page_pdf(rows))
    assert len(tables) == 1
    assert len(tables[0][0]) == 6
    assert tables[0][2][:4] == ["项目 决策 (20分)", "决策 过程 (10分)", "决策 程序 (5分)", "5"]


@pytest.mark.parametrize(("first", "second"), [("完成乡镇卫生院改造任务12个。", "已改造12个。"),
                                              ("全年预算数(A)", "全年执行数(B)")])
def test_two_cells_set_close_stay_two_columns(first: str, second: str) -> None:
    """Two cells whose texts nearly touch (a full cell beside the next) are two cells: the space the text
    layer makes up between them is no space typed inside one cell."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    page_pdf([])  # registers the font
    second_at = 190.0 + 2 + stringWidth(first, FONT, SIZE) + 2.5 - 2  # its text starts 2.5 points after
    cols = [40.0, 110.0, 190.0, second_at, second_at + 110, second_at + 160]
    rows: list[Row] = [
        (100, ["一级指标", "二级指标", "年度指标值", "实际完成值", "分值", "得分"], cols),
        (118, ["产出指标", "数量指标", first, second, "20", "20"], cols),
        (136, ["产出指标", "质量指标", "验收合格率100%", "100%", "20", "19"], cols),
        (154, ["效益指标", "社会效益指标", "就诊环境改善", "明显改善", "10", "10"], cols),
    ]
    tables = _tables(page_pdf(rows))
    assert len(tables) == 1
    assert tables[0][1][2:4] == [first, second]
