"""A cost target written in 万 (or 亿) with 元 left off ('≤38万', '1.5亿') is money; the same figure on a row
that is no cost, or with a unit word after 万, is not. Made-up rows, read alone and through a form."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.normalise import parse_target
from tests._textforms import only_project, run


@pytest.mark.parametrize(("text", "level", "name", "value"), [
    ("≤38万", "产出/成本", "设备采购成本", Decimal("380000")),
    ("1.5亿", "产出/数量", "项目建设费用", Decimal("150000000")),  # a cost by its name
    ("不超过12.6万", "成本/经济成本", "单位运维成本", Decimal("126000")),
])
def test_a_cost_in_wan_is_money(text: str, level: str, name: str, value: Decimal) -> None:
    target = parse_target(text, level=level, name=name)
    assert (target.comparator, target.value, target.unit) == ("<=", value, "元")


@pytest.mark.parametrize(("text", "level", "name", "unit"), [
    ("5万", "产出/数量", "发放宣传资料", None),  # no cost: the count's unit is not guessed
    ("≤3万人次", "产出/成本", "培训成本人次", "人次"),  # a unit word after 万 is the unit
    ("≤38", "产出/成本", "设备采购成本", None),  # no 万: nothing says money
])
def test_other_figures_keep_their_unit(text: str, level: str, name: str, unit: str | None) -> None:
    assert parse_target(text, level=level, name=name).unit == unit


def test_a_form_row_reads_target_and_result_in_the_same_money(tmp_path: Path) -> None:
    text = "\n".join([
        "项目支出绩效自评表",
        "项目名称 | 某街道老年食堂运营补助 |",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
        "产出指标 | 数量指标 | 供餐人次 | ≥2万人次 | 2.3万人次 | 20 | 20 |",
        "产出指标 | 成本指标 | 食堂运营成本 | 36万 | 34.5万 | 20 | 20 |",
        "总分 | | | | | 40 | 40 |",
    ]) + "\n"
    project = only_project(run(tmp_path, text))
    row = next(i for i in project.indicators if i.name == "食堂运营成本")
    assert row.target is not None and (row.target.value, row.target.unit) == (Decimal("360000"), "元")
    assert [(a.value, a.unit) for a in row.actuals] == [(Decimal("345000"), "元")]
