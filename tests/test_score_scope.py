"""A total score the report states of another evaluation (the 财政 department's, a third party's, the year before)
is not the self-evaluation's 总分 (parse/scores.py, lexicon/score_scope.json): no second statement to conflict
with it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ._textforms import only_project, run

_HEAD = "乡村道路养护项目2023年度绩效自评报告\n一、项目概况\n项目预算100万元，支出100万元。\n二、自评结论\n"


@pytest.mark.parametrize("said", [
    "经财政部门重点评价，该项目得分91分，评价等级为优。单位自评得分97分。",
    "上年该项目评价得分88分。本年度项目自评得分97分，等级为优。",
    "委托第三方机构评价，该项目综合得分90分；本单位自评总分97分。",
    # the year before's score in a paragraph of its own
    "去年该项目绩效评价得分88分。\n三、本年度评价结果\n本年度项目自评得分97分，等级为优。",
])
def test_another_evaluations_score_is_not_the_total(tmp_path: Path, said: str) -> None:
    result = run(tmp_path, _HEAD + said + "\n")
    assert only_project(result).total_score == Decimal(97)
    assert [f for f in result.findings if f.code == "conflicting-figures"] == []


def test_an_evaluation_reports_own_total_is_its_evaluators(tmp_path: Path) -> None:
    result = run(tmp_path, _HEAD + "经第三方机构评价，该项目综合得分92.5分，评价等级为优。\n")
    assert only_project(result).total_score == Decimal("92.5")


def test_the_self_evaluations_own_total_is_read(tmp_path: Path) -> None:
    result = run(tmp_path, _HEAD + "经评价，该项目得分为95分，评价等级为优。\n")
    assert only_project(result).total_score == Decimal(95)
