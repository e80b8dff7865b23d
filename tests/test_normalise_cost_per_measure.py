"""A cost target that writes the measure it is counted per before its figure ('每亩300', '每人每月不超过200元') is
money per that measure (元/亩, 元/人·月); a figure per something that is no unit, or a count per measure, is not.
A rate of the money paid or guaranteed ('利息费用保障率') is no cost, though its name says 费用. Made-up rows, read
alone and through a form."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.normalise import parse_target
from tests._textforms import only_project, run


@pytest.mark.parametrize(("text", "level", "name", "value", "unit"), [
    ("每亩300", "产出/成本", "造林补助", Decimal("300"), "元/亩"),  # 元 left off under 成本
    ("每平方米≤150元", "产出/成本", "屋面维修单价", Decimal("150"), "元/平方米"),
    ("每人每月不超过200元", "产出/数量", "生活补助发放", Decimal("200"), "元/人·月"),  # money stated: any level
    ("每公里5万", "成本指标", "道路养护单价", Decimal("50000"), "元/公里"),
])
def test_a_cost_per_measure_is_a_rate(text: str, level: str, name: str, value: Decimal, unit: str) -> None:
    target = parse_target(text, level=level, name=name)
    assert (target.comparator, target.value, target.unit) == ("<=", value, unit)


@pytest.mark.parametrize(("text", "level", "name", "unit"), [
    ("每亩300", "产出/数量", "补植面积", None),  # no cost, no money: the count's unit is not guessed
    ("每户2次", "产出/成本", "入户走访成本", "次"),  # a count per household keeps its own unit
    ("每项工作300", "产出/成本", "工作经费", None),  # '项工作' is no unit
])
def test_other_figures_per_something_keep_their_unit(text: str, level: str, name: str, unit: str | None) -> None:
    assert parse_target(text, level=level, name=name).unit == unit


def test_a_form_row_reads_a_subsidy_per_mu(tmp_path: Path) -> None:
    text = "\n".join([
        "项目支出绩效自评表",
        "项目名称 | 某镇油茶低改补助 |",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "产出指标 | 数量指标 | 低改面积 | 2000亩 | 2100亩 | 20 | 20 |",
        "产出指标 | 成本指标 | 低改补助标准 | 每亩450 | 每亩450 | 20 | 20 |",
        "总分 | | | | | 40 | 40 |",
    ]) + "\n"
    project = only_project(run(tmp_path, text))
    row = next(i for i in project.indicators if i.name == "低改补助标准")
    assert row.target is not None
    assert (row.target.comparator, row.target.value, row.target.unit) == ("<=", Decimal("450"), "元/亩")


@pytest.mark.parametrize(("name", "level", "comparator"), [
    ("利息费用保障率", "效益/经济效益", "="),  # a share of the money guaranteed: more is better
    ("培训费用发放及时率", "产出/时效", "="),
    ("运维成本支付率", "产出/质量", "="),
    ("费用控制率", "效益/经济效益", "<="),  # a control rate of a cost stays a ceiling
    ("差旅费用", "产出/数量", "<="),  # an amount spent
    ("成本费用支付及时率", "产出/成本", "<="),  # under 成本 the level decides
])
def test_a_rate_of_money_paid_is_no_cost(name: str, level: str, comparator: str) -> None:
    assert parse_target("100%", level=level, name=name).comparator == comparator
