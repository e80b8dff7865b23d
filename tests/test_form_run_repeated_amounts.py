"""A run-together form's fund row whose printed 执行率 disagrees with its amounts ('3555035550355501082.12%': 年初,
全年 and 执行 all 35550, 分值 10, yet 82.12%) cannot be cut where the rate agrees; the amounts repeating the same
digits say the cut, and the disagreement is then the budget-rate-mismatch the checks report. The name label
项目支出名称 opens the form's name field. Built inputs, not a corpus page's text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.form.fundrun import fund_figures
from reportparse.parse.form.labels import name_field
from tests._textforms import amount, only_project, run


@pytest.mark.parametrize(("glued", "width", "expected"), [
    ("3555035550355501082.12%", 4, ["35550", "35550", "35550", "10", "82.12%"]),
    ("4804804801091.5%", 4, ["480", "480", "480", "10", "91.5%"]),
    ("12.512.512.588%", 3, ["12.5", "12.5", "12.5", "88%"]),
])
def test_amounts_that_repeat_are_cut_so_whatever_the_rate(glued: str, width: int, expected: list[str]) -> None:
    assert fund_figures(glued, width) == expected


def test_a_repetition_two_cuts_fit_is_left_whole() -> None:
    """'480480480591.5%': 分值 5 and 91.5%, or 分值 59 and 1.5%? Both read; neither is taken."""
    assert fund_figures("480480480591.5%", 4) is None


def test_the_label_is_a_name_field() -> None:
    assert name_field().fullmatch("项目支出名称")


@pytest.mark.parametrize(("name", "figures", "rate"), [
    ("农村饮水安全巩固提升专项资金", "1260126012601090.2%", Decimal("90.2")),
    ("老旧小区改造补助资金", "88088088010100%", None),
])
def test_a_run_together_form_with_a_repeated_fund_row(tmp_path: Path, name: str, figures: str,
                                                   rate: Decimal | None) -> None:
    line = (f"附件2022年度{name}项目支出绩效自评表项目支出名称{name}主管部门某市水利局实施单位某县水务局项目资金"
            f"(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额{figures}9其中:当年财政拨款"
            "——上年结转资金——其他资金——年度总体目标预期目标实际完成情况")
    result = run(tmp_path, line + "\n")
    project = only_project(result)
    assert project.name == name
    assert amount(project.budget.planned) == Decimal(figures[:4] if rate else "880") * 10000
    codes = [f.code for f in result.findings]
    assert ("budget-rate-mismatch" in codes) == (rate is not None)
