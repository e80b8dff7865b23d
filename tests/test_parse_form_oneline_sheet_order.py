"""A 自评表 sheet whose text layer is one line and prints merged cells out of the grid's order: a header field
between the 项目资金 label and its column titles (the label merged down beside the header's last row), a column
title merged over two rows printed after the block's first rows ('… 10 得分 上年结转资金'), labels wrapped at a
space inside them ('执行率(全年 执行数/全年 预算数)', '其中:当年财政 拨款'). Built inputs, made-up figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests._textforms import amount, only_project, run


def test_field_inside_the_block_and_a_late_score_title(tmp_path: Path) -> None:
    text = (
        "附件1 项目支出绩效自评表 ( 2022 年度) 项目名称 乡镇文化站免费开放经费 主管部门 某县文化局 "
        "项目资金(万元) 实施单位 某县文化馆 年初预算数 全年预算数 全年执行数 分值 执行率(全年 执行数/全年 预算数) "
        "年度资金总额: 50万元 50万元 45万元 10 90% 9 其中:当年财政 拨款 50万元 50万元 45万元 得分 "
        "上年结转资金 其他资金 预期目标 实际完成情况 保障文化站全年免费开放。 全年免费开放文化站12个。\n"
    )
    project = only_project(run(tmp_path, text))
    assert project.name == "乡镇文化站免费开放经费"
    assert amount(project.budget.planned) == Decimal("500000")
    assert amount(project.budget.executed) == Decimal("450000")
    assert project.budget.weight == Decimal("10") and project.budget.score == Decimal("9")


def test_another_wording_of_the_same_order(tmp_path: Path) -> None:
    text = (
        "项目支出绩效自评表 项目名称 城区绿化养护经费 主管部门 某区城管局 资金投入情况(万元) 项目实施单位 "
        "某区园林所 年初预算数 全年预算数 全年执行数 分值 执行率(B /A) 年度资金总额 120 118 118 10 100% 10 "
        "其中:本年财政 拨款 120 118 118 得分 其他资金 预期目标 实际完成情况 完成城区绿地养护。 养护绿地80万平方米。\n"
    )
    project = only_project(run(tmp_path, text))
    assert project.name == "城区绿化养护经费"
    assert amount(project.budget.initial) == Decimal("1200000")
    assert amount(project.budget.planned) == Decimal("1180000")
    assert amount(project.budget.executed) == Decimal("1180000")
    assert project.budget.score == Decimal("10")
