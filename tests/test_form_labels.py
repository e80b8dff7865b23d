"""The label-synonym table gives each form column its role, whatever the province calls it."""

from __future__ import annotations

import pytest

from reportparse.parse.form.labels import find_role, matches, roles


def test_every_role_compiles_and_has_patterns() -> None:
    table = roles()
    assert {"header.name", "budget.planned", "indicator.actual", "indicator.score"} <= set(table)
    assert all(role.patterns for role in table.values())
    # each pattern is compiled on its first use; every one of them compiles
    assert all(pattern.compiled for role in table.values() for pattern in role.patterns + role.exclude)


@pytest.mark.parametrize(("role", "label"), [
    ("header.name", "项目名称"), ("header.name", "专项资金名称"), ("header.name", "项目(资金)名称"),
    ("header.name", "项目（资金）名称："),
    ("indicator.target", "年度指标值"), ("indicator.target", "指标值"),
    ("indicator.actual", "实际完成值"), ("indicator.actual", "全年完成值"), ("indicator.actual", "实际完成情况"),
    ("indicator.weight", "分值"), ("indicator.weight", "权重"),
    ("indicator.score", "得分"), ("indicator.score", "自评得分"),
    ("indicator.reason", "偏差原因分析及改进措施"), ("indicator.reason", "未完成原因和改进措施"),
    ("budget.planned", "全年预算数（A）"), ("budget.executed", "全年执行数（B）"),
])
def test_synonyms_take_their_role(role: str, label: str) -> None:
    assert matches(role, label)


@pytest.mark.parametrize(("role", "label"), [
    ("indicator.target", "实际完成值"), ("indicator.score", "评分标准"), ("budget.planned", "年初预算数"),
    ("header.name", "项目名称说明文字很长的一句话"),
])
def test_labels_that_never_take_a_role(role: str, label: str) -> None:
    assert not matches(role, label)


def test_priority_order_beats_column_order() -> None:
    # 预算数 printed before 全年预算数: the more specific label wins the role
    assert find_role(["年初预算数", "预算数", "全年预算数"], "budget.planned") == 2
    assert find_role(["三级指标", "年度指标值", "全年完成值"], "indicator.actual") == 2
