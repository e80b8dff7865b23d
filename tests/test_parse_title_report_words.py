"""A title that calls the evaluation's account 情况, 情况说明 or 总结 rather than 报告 ('X工程绩效自评情况',
'X经费绩效评价情况说明', 'X资金绩效自评总结') names its subject as a 报告 title does: without the report words, never
with them ('…资金绩效自评总结' is no name), and never from a title whose 情况 is not the evaluation's account.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse import UNNAMED_PROJECT
from reportparse.parse.subject import stated_subject, untitled_name
from tests._textforms import amount, only_project, run

_BODY = ("一、项目概况\n项目预算资金46万元，全年实际支出45.2万元，执行率98.3%。\n"
         "二、绩效目标完成情况\n完成全部年度任务，服务对象满意度97%。\n")


@pytest.mark.parametrize(("title", "name"), [
    ("老城区燃气管网更新工程绩效自评情况", "老城区燃气管网更新工程"),
    ("基层农技推广体系建设补助资金绩效自评总结", "基层农技推广体系建设补助资金"),
    ("2022年度乡村文化振兴专项经费绩效评价情况说明", "乡村文化振兴专项经费"),
    ("临泉县2023年度耕地质量监测经费绩效自评情况的报告", "耕地质量监测经费"),
])
def test_a_title_ending_in_another_account_word_names_its_subject(tmp_path: Path, title: str, name: str) -> None:
    project = only_project(run(tmp_path, f"{title}\n{_BODY}"))
    assert project.name.endswith(name) and not any(w in project.name for w in ("自评", "评价", "情况", "总结"))
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal("460000"), Decimal("452000"))


@pytest.mark.parametrize("title", [
    "2022年度绩效自评情况",  # (the report words alone)
    "关于项目支出绩效自评工作情况的说明",
])
def test_report_words_alone_name_nothing(title: str) -> None:
    assert untitled_name(title) == UNNAMED_PROJECT
    assert stated_subject([], title) is None


def test_a_use_of_funds_title_keeps_its_own_reading() -> None:
    # ('X资金使用情况' is an account of how the fund was used: its 情况 follows no 自评/评价)
    assert untitled_name("2021年度城市低保资金使用情况") == UNNAMED_PROJECT


@pytest.mark.parametrize(("lines", "name"), [
    ("2022年度城区老旧小区\n配套基础设施改造工程\n绩效自评报告", "城区老旧小区配套基础设施改造工程"),
    ("某县农业农村局2021年度高标准\n农田建设项目\n绩效自评报告", "高标准农田建设项目"),
])
def test_a_title_set_on_three_lines_is_read_whole(tmp_path: Path, lines: str, name: str) -> None:
    assert only_project(run(tmp_path, f"{lines}\n{_BODY}")).name == name


def test_a_date_line_above_a_title_is_no_part_of_it(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, f"2023年5月12日\n城区公厕提升改造工程\n绩效自评报告\n{_BODY}"))
    assert project.name == "城区公厕提升改造工程"
