"""PDF reader, tables without vertical rules: header titles wrapped over several lines, rows cut by
horizontal rules (with merged cells that no rule runs across), key–value rows."""

from __future__ import annotations

from collections.abc import Sequence

from reportparse.model import Table
from tests._pdfpages import Cell, Rule, page_pdf, read_page

COLS = [40.0, 110.0, 180.0, 290.0, 350.0, 410.0, 460.0, 510.0]


Rows = Sequence[tuple[float, list[Cell]] | tuple[float, list[Cell], list[float]]]


def _pdf(rows: Rows, rules: Sequence[Rule] = ()) -> bytes:
    """The form's title, then rows (top baseline, cells, the cells' left edges if not COLS) and horizontal rules
    (y, x0, x1), all measured from the top."""
    return page_pdf([(baseline, cells, grid[0] if grid else COLS) for baseline, cells, *grid in rows],
                    [(50, "项目支出绩效自评表", COLS[0], 14)], rules)


def _grid(data: bytes) -> list[list[str]]:
    tables = [e for e in read_page(data).elements if isinstance(e, Table)]
    assert len(tables) == 1
    return [[cell.text for cell in row] for row in tables[0].rows]


def test_header_titles_wrapped_over_two_lines_name_their_columns() -> None:
    """Narrow columns wrap 年初预算数 and its kin; no line alone holds three titles, the band does."""
    rows: list[tuple[float, list[Cell]]] = [
        (100, ["项目资金", None, ["年初预", "算数"], ["全年预", "算数"], ["全年执", "行数"], "分值", "得分"]),
        (130, [None, "年度资金总额", "7.29", "7.29", "7.29", "10", "10"]),
        (148, [None, "其中:财政拨款", "7.29", "7.29", "7.29"]),
        (166, [None, "上年结转资金"]),
        (184, [None, "其他资金"]),
    ]
    grid = _grid(_pdf(rows))
    assert grid[0] == ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "得分"]
    assert grid[1] == ["", "年度资金总额", "7.29", "7.29", "7.29", "10", "10"]


def test_wrapped_pieces_that_make_no_title_stay_apart() -> None:
    """Two stacked texts join only where together they name a column: a wrapped value does not."""
    rows: list[tuple[float, list[Cell]]] = [
        (100, ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]),
        (120, ["产出指标", "数量指标", ["维护管网", "长度"], "≥120公里", "126公里", "15", "15"]),
        (150, ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "93%", "10", "10"]),
    ]
    grid = _grid(_pdf(rows))
    assert grid[0] == ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]
    assert grid[1][2] == "维护管网长度"


def test_horizontal_rules_cut_rows_and_merged_cells_fill_the_rows_they_span() -> None:
    """Only horizontal rules: each band between two rules is a row, however its cells wrap; a label
    merged over two rows (no rule runs across its column there) belongs to both."""
    left, right = COLS[0], 560.0
    rows: list[tuple[float, list[Cell]]] = [
        (100, ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]),
        # a three-line name: a wrap reader without rules would give its last line to the next row
        (122, [None, "数量指标", ["开展精品示范", "村建设数量", "(个)"], "≥4", "4", "10", "10"]),
        (134, ["产出指标"]),
        (156, [None, "质量指标", "验收通过率", "≥95%", "100%", "10", "9"]),
    ]
    rules = [(88, left, right), (108, left, right), (148, COLS[1], right), (166, left, right)]
    grid = _grid(_pdf(rows, rules))
    assert grid == [
        ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "开展精品示范村建设数量(个)", "≥4", "4", "10", "10"],
        ["产出指标", "质量指标", "验收通过率", "≥95%", "100%", "10", "9"],
    ]


def test_key_value_rows_make_a_table() -> None:
    """A budget block printed as label | figure pairs, two or more known labels a row, is a table."""
    rows: list[tuple[float, list[Cell]]] = [
        (100, ["预算数", "6.84", "到位数", "6.84", "执行数", "6.84", "100.00"]),
        (118, ["其中:财政资金", "6.84", "其中:财政资金", "6.84", "其中:财政资金", "6.84"]),
    ]
    grid = _grid(_pdf(rows))
    assert grid[0][:6] == ["预算数", "6.84", "到位数", "6.84", "执行数", "6.84"]
    assert grid[1][:2] == ["其中:财政资金", "6.84"]


def test_a_label_merged_down_its_column_is_not_copied_across_the_next() -> None:
    """绩效指标 merged over the whole indicator block (no rule crosses it) fills its own column only:
    a row whose 一级指标 cell is empty keeps it empty rather than taking 绩效指标 from the left."""
    left, right = COLS[0], 560.0
    rows: list[tuple[float, list[Cell]]] = [
        (64, ["项目名称", "职工培训", None, "主管部门", "县人社局"]),
        (82, ["项目资金", "年度资金总额", "90", "89.97"]),  # figures in the 二级指标 column's place
        (100, [None, "一级指标", "二级指标", "三级指标", "指标值", "分值", "得分"]),
        (122, [None, "产出指标", "数量指标", "培训人次", "≥300人次", "20", "20"]),
        (140, ["绩效指标", None, "质量指标", "合格率", "≥90%", "20", "18"]),
        (158, [None, None, "时效指标", "完成时间", "年底前", "10", "10"]),
    ]
    rules = [(52, left, right), (70, left, right), (88, left, right), (108, left, right), (128, COLS[1], right),
             (146, COLS[1], right), (164, left, right)]
    grid = _grid(_pdf(rows, rules))
    assert [row[0] for row in grid[3:]] == ["绩效指标"] * 3
    assert [row[1] for row in grid[3:]] == ["产出指标", "", ""]


def test_a_block_headed_by_its_own_labels_gets_its_own_columns() -> None:
    """A fund block above the indicator table, in columns of its own, under a row of labels of which
    only two are known titles: its labels start columns, so its figures are not run together."""
    fund = [40.0, 110.0, 170.0, 230.0, 305.0, 378.0, 440.0, 514.0]
    rows: Rows = [
        (64, [None, "中央(万元)", "省、地(万元)", "本级(万元)", "其他(万元)", "合计(万元)", "执行数(万元)", "执行率"],
         fund),
        (73, ["项目资金来源"], fund),
        (82, [None, None, None, "309", None, "309", "309", "100%"], fund),
        (100, ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"]),
        (122, ["产出指标", "数量指标", "养护里程", "300公里", "300公里", "15", "15"]),
        (140, ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "93%", "10", "10"]),
    ]
    grid = _grid(_pdf(rows))
    labels = next(row for row in grid if "执行率" in row)
    assert [text for text in labels if text] == ["中央(万元)", "省、地(万元)", "本级(万元)", "其他(万元)", "合计(万元)",
                                               "执行数(万元)", "执行率"]
    funds = next(row for row in grid if "309" in row)
    assert [text for text in funds if text and text != "项目资金来源"] == ["309", "309", "309", "100%"]
    assert funds.index("309") == labels.index("本级(万元)") and funds.index("100%") == labels.index("执行率")
