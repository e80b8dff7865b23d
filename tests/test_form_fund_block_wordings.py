"""The 项目资金 block's total row and columns in the other wordings provinces print (项目总投资, 预算资金, 总计;
批复预算 / 实际支出, 预算金额 / 支出数, 全年预算数(A) / 全年执行数(B)): the total row's figures are the budget and
the spending, whatever its label. A total row labelled like a basic-information field ('项目总投资 | 880 | 880 |
836') is a fund row of the block, not a label | value pair that ends the form. Made-up forms, as a sheet, a Word
table and a '|' dump."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project, run
from tests._wordtables import checked_word_table
from tests._workbooks import checked, sheet


def form(total: str, columns: tuple[str, str, str]) -> list[list[str]]:
    return [
        ["项目名称", "河湾社区污水管网改造", "", "", "", "", "", ""],
        ["主管部门", "临川区住房和城乡建设局", "", "", "实施单位", "临川区市政管理处", "", ""],
        ["项目资金（万元）", "", *columns, "分值", "执行率", "得分"],
        ["", total, "320", "360", "342", "10", "95%", "9.5"],
        ["", "其中：财政拨款", "320", "360", "342", "—", "95%", "—"],
        ["", "其他资金", "", "", "", "—", "", "—"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "改造污水管网长度", "≥4.5公里", "4.6公里", "30", "30", ""],
        ["", "质量指标", "工程验收合格率", "100%", "100%", "20", "20", ""],
        ["效益指标", "生态效益指标", "污水收集率", "≥85%", "88%", "30", "30", ""],
        ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "94%", "10", "10", ""],
    ]


WORDINGS = [
    ("项目总投资", ("年初预算数", "全年预算数", "全年执行数")),
    ("预算资金", ("年初预算", "批复预算", "实际支出")),
    ("总计", ("年初预算数", "预算金额", "支出数")),
    ("资金合计", ("年初预算数", "全年预算数(A)", "全年执行数(B)")),
]


def pipe_text(rows: list[list[str]]) -> str:
    return "".join(" | ".join(cell for cell in row if cell) + "\n" for row in rows)


@pytest.mark.parametrize(("total", "columns"), WORDINGS)
def test_a_sheet(tmp_path: Path, total: str, columns: tuple[str, str, str]) -> None:
    project = only_project(checked(tmp_path, sheet(form(total, columns))))
    assert project.name == "河湾社区污水管网改造"
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal(3600000), Decimal(3420000))


@pytest.mark.parametrize(("total", "columns"), WORDINGS)
def test_a_word_table(tmp_path: Path, total: str, columns: tuple[str, str, str]) -> None:
    project = only_project(checked_word_table(tmp_path, form(total, columns), title="项目支出绩效自评表"))
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal(3600000), Decimal(3420000))


@pytest.mark.parametrize(("total", "columns"), WORDINGS)
def test_a_dump(tmp_path: Path, total: str, columns: tuple[str, str, str]) -> None:
    project = only_project(run(tmp_path, pipe_text(form(total, columns))))
    assert project.name == "河湾社区污水管网改造"
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal(3600000), Decimal(3420000))


def test_a_field_pair_followed_by_its_score_stays_a_field(tmp_path: Path) -> None:
    # '执行数 | 52.6 | 20': the spending's pair, its score after it, no fund row
    rows = [
        ["专项名称", "城区公厕改造补助资金", "", "", "", ""],
        ["预算执行情况", "预算数：", "52.6", "执行数：", "52.6", "20"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
        ["产出指标", "数量指标", "改造公厕数量", "≥6座", "6座", "30"],
        ["效益指标", "社会效益指标", "如厕环境改善", "明显改善", "明显改善", "30"],
    ]
    project = only_project(checked(tmp_path, sheet(rows)))
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal(526000), Decimal(526000))
