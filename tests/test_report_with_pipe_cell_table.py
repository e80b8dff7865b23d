"""A short report followed by its scoring table dumped one cell a line, each cell ended by '|' (附表1: …指标表 |):
the report's prose above the table is no cell of it, so the report's own claims (自评得分99.5分) stay the
report's; a 民生工程 report's '目标任务' part states its goals. Built inputs in two wordings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.sections import section_kind
from tests._textforms import only_project, run

TABLE = (
    "某市农村改厕民生工程绩效评价指标表 |\n"
    "||||||||\n"
    "序号 |\n一级指标 |\n二级指标 |\n三级指标 |\n指标分值 |\n指标解释说明 |\n评分标准 |\n备注 |\n自评 |\n"
    "1 |\n投入 |\n项目立项(10分) |\n项目立项依据 |\n2 |\n考核项目立项是否符合政策要求。 |\n符合规定得2分; |\n|\n2 |\n"
)


@pytest.mark.parametrize(("prose", "total"), [
    ("一、目标任务\n全年完成农村户厕改造3000户。\n二、完成情况\n全年改造户厕3120户,完成任务的104%。\n自评得分96.5分。\n附表1:\n",
     Decimal("96.5")),
    ("一、年度目标\n新建公厕20座。\n二、实施情况\n新建公厕21座，均已验收。\n综合自评得分为92分。\n附件:\n",
     Decimal(92)),
])
def test_the_reports_prose_above_a_pipe_cell_table_stays_the_reports(tmp_path: Path, prose: str,
                                                                     total: Decimal) -> None:
    project = only_project(run(tmp_path, "某市2021年农村改厕民生工程绩效自评报告\n" + prose + TABLE))
    assert project.total_score == total


def test_a_reports_target_task_part_states_its_goals() -> None:
    assert section_kind("一、目标任务") == "goals"
    assert section_kind("年度目标") == "goals"
    assert section_kind("年度目标任务完成情况") == "analysis"
