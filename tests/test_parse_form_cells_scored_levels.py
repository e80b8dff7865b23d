"""A 项目绩效自评表 of the 综合评价 kind dumped one cell a line: a basic-information block whose money
labels wrap their unit onto a line of their own ('计划投资额' / '(万元)' / '570'), and a score table
whose every level column has its own 分值 column (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 |
得分), the merged level cells written once on their group's first row. Built inputs in two wordings
and layouts (blank lines between the cells or none, other labels and figures, a page cut inside the
last row), checked end to end through `pipeline.check`: the budget is read, and the level sums are
the form's."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project, run

HEAD = ["{title}", "一、项目基本情况", "项目实施单位", "{unit}", "主管部门", "{department}", "项目负责人", "王五",
        "项目类型", "经常性项目(√)一次性项目()", "{planned_label}", "(万元)", "{planned}", "实际到位资金", "(万元)",
        "{arrived}", "{executed_label}", "{executed}", "二、绩效评价指标评分"]
SCORES = ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分",
          "项目决策", "20", "项目目标", "5", "目标内容", "5", "5",
          "决策过程", "15", "决策依据", "7", "7", "决策程序", "8", "6",
          "项目管理", "30", "资金管理", "18", "资金到位率", "10", "10", "资金使用", "8", "8",
          "组织实施", "12", "管理制度", "12", "11",
          "项目绩效", "50", "项目产出", "30", "产出数量", "30", "28", "项目效益", "20", "社会效益", "20", "20"]


def dump(lines: list[str], blank: bool, **fields: str) -> str:
    return ("\n\n" if blank else "\n").join(line.format(**fields) for line in lines) + "\n"


@pytest.mark.parametrize(("blank", "fields"), [
    (True, {"title": "外贸发展专项资金绩效自评表", "unit": "省商务厅对外贸易处", "department": "省商务厅",
            "planned_label": "计划投资额", "planned": "480", "arrived": "450", "executed_label": "实际使用情况(万元)",
            "executed": "446.5"}),
    (False, {"title": "农村公路养护资金项目绩效自评表", "unit": "县公路事务中心", "department": "县交通运输局",
             "planned_label": "项目总投资", "planned": "1260.8", "arrived": "1200", "executed_label": "实际使用金额",
             "executed": "1188.26"}),
])
def test_a_score_table_with_a_weight_column_per_level(tmp_path: Path, blank: bool, fields: dict[str, str]) -> None:
    result = run(tmp_path, dump(HEAD + SCORES, blank, **fields))
    project = only_project(result)
    assert amount(project.budget.planned) == Decimal(fields["planned"]) * 10000
    assert amount(project.budget.executed) == Decimal(fields["executed"]) * 10000
    sums = {line.level: (line.weight, line.score) for line in project.scores}
    assert sums["项目决策"] == (20, 18)
    assert sums["项目决策/决策过程"] == (15, 13)
    assert sums["项目管理/资金管理"] == (18, 18) and sums["项目管理/组织实施"] == (12, 11)
    assert sums["项目绩效"] == (50, 48)
    rows = {i.name: i for i in project.indicators}
    assert set(rows) == {"目标内容", "决策依据", "决策程序", "资金到位率", "资金使用", "管理制度", "产出数量",
                         "社会效益"}
    assert rows["决策程序"].level == "项目决策/决策过程" and (rows["决策程序"].weight, rows["决策程序"].score) == (8, 6)
    assert rows["社会效益"].level == "项目绩效/项目效益"
    assert not {f.code for f in result.findings} & {"weight-sum-mismatch", "score-sum-mismatch", "score-mismatch"}


def test_a_row_the_page_cut_after_its_label_makes_no_made_up_rows(tmp_path: Path) -> None:
    fields = {"title": "会展服务项目绩效自评表", "unit": "市贸促会", "department": "市商务局",
              "planned_label": "计划投资额", "planned": "90", "arrived": "90",
              "executed_label": "实际使用情况(万元)", "executed": "88"}
    lines = HEAD + SCORES[:-5] + ["项目效益", "20", "经济"]  # the page ends inside the last row
    project = only_project(run(tmp_path, dump(lines, True, **fields)))
    names = [i.name for i in project.indicators]
    assert "20" not in names and "项目效益" not in names
    assert ("项目绩效/项目效益", Decimal(20)) in {(line.level, line.weight) for line in project.scores}


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_the_score_table_as_rows_without_their_merged_cells(tmp_path: Path, separator: str) -> None:
    # one row a line, the level cells merged down written on their group's first row only: a row of k
    # labels fills the last k level columns, whatever its first label's words
    head = ["项目名称" + separator + "社区卫生服务补助", "计划投资额(万元)" + separator + "300" + separator
            + "实际使用情况(万元)" + separator + "296"]
    rows, row = [separator.join(SCORES[:7])], []
    for cell in SCORES[7:]:
        row.append(cell)
        if len(row) >= 3 and row[-1].replace(".", "").isdigit() and row[-2].replace(".", "").isdigit():
            rows.append(separator.join(row))
            row = []
    project = only_project(run(tmp_path, "\n".join(head + rows) + "\n"))
    sums = {line.level: (line.weight, line.score) for line in project.scores}
    assert sums["项目决策"] == (20, 18) and sums["项目决策/决策过程"] == (15, 13)
    assert sums["项目管理"] == (30, 29) and sums["项目绩效/项目效益"] == (20, 20)
    assert {f.code for f in run(tmp_path, "\n".join(head + rows) + "\n").findings}.isdisjoint(
        {"weight-sum-mismatch", "score-sum-mismatch", "score-exceeds-weight"})
