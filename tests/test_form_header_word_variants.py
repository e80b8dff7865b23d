"""Indicator headers whose column words some templates word their own way: 年初设定值 (the target), 实际达到值 (the
result), 标准分 / 标准分值 (the row's 分值). Each is the column it names, so the rows' targets, results and
weights are read, not left out or run into the next column. Made-up forms, each header in two layouts (one row a
line, one cell a line)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project, run

HEAD = ["项目支出绩效自评表", "项目名称 乡镇敬老院运营补助", "主管部门 某县民政局 实施单位 某镇敬老院",
        "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额 42 42 40.6 10 96.7% 9.7"]
ROWS = ["产出指标 数量指标 集中供养老人数 ≥35人 38人 40 40",
        "效益指标 社会效益指标 供养老人生活保障率 100% 100% 30 30",
        "满意度指标 服务对象满意度指标 入住老人满意度 ≥90% 88% 20 18"]
HEADERS = ["一级指标 二级指标 三级指标 年初设定值 实际完成值 分值 得分",
           "一级指标 二级指标 三级指标 年度指标值 实际达到值 分值 得分",
           "一级指标 二级指标 三级指标 目标值 完成值 标准分 评价得分",
           "一级指标 二级指标 三级指标 年度指标值 实际完成值 标准分值 得分"]


def _text(header: str, one_cell_a_line: bool) -> str:
    lines = [*HEAD, header, *ROWS]
    if one_cell_a_line:
        return "\n".join(cell for line in lines for cell in line.split(" ")) + "\n"
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("one_cell_a_line", [False, True])
@pytest.mark.parametrize("header", HEADERS)
def test_each_column_word_names_its_column(tmp_path: Path, header: str, one_cell_a_line: bool) -> None:
    project = only_project(run(tmp_path, _text(header, one_cell_a_line)))
    rows = {i.name: i for i in project.indicators}
    assert set(rows) == {"集中供养老人数", "供养老人生活保障率", "入住老人满意度"}
    row = rows["入住老人满意度"]
    assert row.target is not None and row.target.raw == "≥90%"
    assert [a.raw for a in row.actuals] == ["88%"]
    assert row.weight == Decimal("20") and row.score == Decimal("18")
