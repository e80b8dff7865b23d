"""A goal table dumped one '|'-closed cell a line with nothing between rows, its level labels printed on their
first row only: each row is its printed labels, its name and one cell for each value column of the header, read
from the first row on; the table ends at its 总分 row or the next table's header, and a stream that does not read so
to its end (a value left out) is left to the other readers; so are goal tables under a block label
('年度绩效目标2(40分)'), a column of the Word copy's grid these rows would not carry. Built inputs in two
wordings, not a corpus page's text."""

from __future__ import annotations

import pytest

from tests.test_parse_summary_tables import _tables, _text

CULTURE = [
    ["一级指标", "二级指标", "指标名称", "目标值", "完成值"],
    ["产出指标", "数量指标", "建成村级文化广场", "6个", "6个"],
    ["", "", "举办农民培训班", "12期", "11期"],
    ["", "质量指标", "广场验收合格率", "100%", "100%"],
    ["效益指标", "社会效益指标", "群众文化活动场次", "≥30场", "36场"],
    ["满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "93%"],
]

ROADS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "养护农村公路里程", "≥120公里", "126公里", "20", "20"],
    ["", "时效指标", "汛前完成水毁修复", "5月底前", "5月20日", "10", "10"],
    ["", "成本指标", "每公里养护成本", "≤1.2万元", "1.1万元", "10", "10"],
    ["效益指标", "社会效益指标", "群众出行满意度", "≥90%", "92%", "20", "18"],
]


def _cells(rows: list[list[str]], tail: str = "") -> str:
    return "".join(f"{cell}|\n" for row in rows for cell in row if cell) + tail


@pytest.mark.parametrize("rows", [CULTURE, ROADS])
def test_rows_are_read_by_the_headers_columns(rows: list[list[str]]) -> None:
    tables = _tables(_text(_cells(rows, "总分|\n100|\n")))
    assert len(tables) == 1, tables
    grid = tables[0]
    assert grid[0] == rows[0]
    for got, want in zip(grid[1:len(rows)], rows[1:], strict=True):
        assert got[2:] == want[2:]
    # (the 总分 row closes the table: its label first, its figure under the last column)
    assert grid[len(rows)] == ["总分", *[""] * (len(rows[0]) - 2), "100"]
    assert grid[2][:2] == [rows[1][0], rows[2][1] or rows[1][1]]  # the merged labels filled down


def test_a_value_left_out_leaves_the_cells_to_the_other_readers() -> None:
    """'举办农民培训班' printed without its 完成值: counting cells would shift every row after it."""
    rows = [row[:] for row in CULTURE]
    rows[2][4] = ""
    assert not any(t[0][:2] == ["一级指标", "二级指标"] and len(t) == len(rows) for t in _tables(_text(_cells(rows))))


def test_a_goal_table_under_its_block_label_is_left_to_the_other_readers() -> None:
    text = "年度绩效目标1(60分)|\n" + _cells(ROADS)
    tables = _tables(_text(text))
    assert not any(t[0][:3] == ["一级指标", "二级指标", "三级指标"] and len(t) == len(ROADS) for t in tables)
