"""A PDF's text that spaces a header field's label out one character a token ('项 目 名 称 X', '主 管 部 门 Y
实 施 单 位 Z') with cells apart by single spaces: the labels are joined back, so the form opens at its name,
names its project, and its title and field lines are no indicator rows (nor its 分值 a budget). Made-up form in
two layouts (one row a line; the whole form on one line)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project, run

LINES = ["项目支出绩效自评表", "（ 2024 年度）", "项 目 名 称 乡村学校校车运营补助",
         "主 管 部 门 某县教育局 实 施 单 位 某县学生资助管理中心",
         "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
         "年度资金总额 64 64 61.4 10 95.9% 9.6",
         "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
         "产出指标 数量指标 校车服务学生人数 ≥1800人 1860人 30 30",
         "满意度指标 服务对象满意度指标 学生家长满意度 ≥90% 95% 20 20"]


@pytest.mark.parametrize("row_break", ["\n", " "], ids=["rows", "one line"])
def test_spaced_field_labels_open_and_name_the_form(tmp_path: Path, row_break: str) -> None:
    project = only_project(run(tmp_path, row_break.join(LINES) + "\n"))
    assert project.name == "乡村学校校车运营补助"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal("640000")
    assert {i.name for i in project.indicators} == {"校车服务学生人数", "学生家长满意度"}


@pytest.mark.parametrize("row_break", ["\n", " "], ids=["rows", "one line"])
def test_a_spaced_label_whose_last_character_carries_the_value(tmp_path: Path, row_break: str) -> None:
    """'项 目 名 称：X': the colon and the name glued to the label's last character."""
    lines = [LINES[0], "项 目 名 称：乡村学校校车运营补助", "主 管 部 门：某县教育局 实 施 单 位：某县学生资助管理中心",
             *LINES[4:]]
    project = only_project(run(tmp_path, row_break.join(lines) + "\n"))
    assert project.name == "乡村学校校车运营补助"
