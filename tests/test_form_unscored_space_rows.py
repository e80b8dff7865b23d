"""A transfer form's unscored indicator table (三级指标 | 年度指标值 | 全年完成值 | 未完成原因, no 分值 or 得分)
flattened one row a line, its cells apart by spaces: the rows are put back under that header, figures and
all, and where the header lost its level columns while the rows still open with their 一级/二级 labels (spaced
out to the cell's width, '产 出 指 标'), the rows keep their levels. Made-up forms in two layouts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Line
from reportparse.parse.form.splitlabels import join_split_labels
from tests._textforms import only_project, run

HEAD = [
    "某县2022年度中央财政衔接资金项目绩效自评表",
    "项目名称  某村产业路硬化工程",
    "主管部门  某县乡村振兴局  实施单位  某镇人民政府",
    "项目资金(万元)  全年预算数(A)  全年执行数(B)  执行率(B/A)",
    "年度资金总额  120万元  120万元  100%",
]

LOST_LEVELS = [  # the level columns' labels broken over the line above the header, the 一级 labels spaced out
    "绩 效 指 标  一级 指标",
    "三级指标  年度指标值  全年完成值  未完成原因",
    "产 出 指 标  数量指标 指标1:硬化道路 3.2公里 3.2公里",
    "指标2:新建错车道 6个 6个",
    "成本指标 工程建设成本 ≤150万元 150万元",
    "效 益 指 标  社会效益指标 受益群众 ≥800人 860人",
]

LEVEL_COLUMN = [  # the 二级 column printed, the 一级 one lost
    "二级指标  三级指标  指标值  完成值",
    "数量指标 指标1.硬化道路 ≥3 4",
    "指标2.新建错车道 ≥5 6",
    "质量指标 指标1.验收合格率 100% 100%",
]


def test_rows_under_a_header_that_lost_its_level_columns(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, "\n".join(HEAD + LOST_LEVELS) + "\n"))
    rows = {i.name: i for i in project.indicators}
    assert rows["硬化道路"].level == "产出/数量"
    assert rows["新建错车道"].level == "产出/数量"
    assert rows["工程建设成本"].level == "产出/成本"
    assert rows["受益群众"].level == "效益/社会效益"
    assert [a.value for a in rows["受益群众"].actuals] == [Decimal("860")]


def test_a_cost_row_above_the_money_spent_is_found(tmp_path: Path) -> None:
    """The rows being read, the cost row stating more than the whole 执行数 is a conflict of figures."""
    result = run(tmp_path, "\n".join(HEAD + LOST_LEVELS) + "\n")
    codes = {f.code for f in result.findings}
    assert "conflicting-figures" in codes


def test_an_unscored_header_keeps_every_figure_for_target_and_result(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, "\n".join(HEAD + LEVEL_COLUMN) + "\n"))
    rows = {i.name: i for i in project.indicators}
    assert rows["硬化道路"].target is not None and rows["硬化道路"].target.value == Decimal("3")
    assert [a.value for a in rows["硬化道路"].actuals] == [Decimal("4")]
    assert [a.value for a in rows["新建错车道"].actuals] == [Decimal("6")]


@pytest.mark.parametrize(("text", "joined"), [
    ("产 出 指 标  数量指标 指标1:X 3个 3个", "产出指标 数量指标 指标1:X 3个 3个"),
    ("满 意 度 指 标 服务对象满意度 ≥90% 95%", "满意度指标 服务对象满意度 ≥90% 95%"),
    ("是 否 达 标 是", "是 否 达 标 是"),  # no level label: left as it is
])
def test_a_spaced_out_level_label_is_joined(text: str, joined: str) -> None:
    (line,) = join_split_labels([Line(text=text, page=1, line=1)])
    assert " ".join(line.text.split()) == joined
