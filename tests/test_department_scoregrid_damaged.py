"""The 部门整体支出绩效评价指标表 run together by a document site's text preview, with the preview's damage: the 一
of 一级指标 lost ('…评价指标表级指标分值二级指标…'), a weight run into the 100% its rule opens with
('预算完成率5100%计满分'), and the header fields before the table run together too
('部门(单位)名称X局预算编码302001报告日期:…'). The levels'
claimed weights and scores are read as from the same table in a DOCX, and the department names the subject."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project, run

_PREVIEW = ("1、某区2022年度部门(单位)整体支出绩效评价自评报告部门(单位)名称{unit}预算编码{code}报告日期:2023年5月10日"
            "某区财政局(制)部门整体支出绩效评价指标表{header}投入13预算配置13在职人员控制率5以100%为标准。在职人员控制率"
            "≤100%,计5分;每超过一个百分点扣0.5分,扣完为止。在职人员数以部门决算编制口径为准。5“三公经费”变动率8“三公经费”"
            "变动率≤0,计8分;每超过一个百分点扣0.8分,扣完为止。{third}过程30预算执行20{rule_row}结转结余率10结转结余率≤5%,计10"
            "分;每超过一个百分点扣1分,扣完为止。年末结转结余率为3.1%。10\n")


@pytest.mark.parametrize(
    ("header", "rule_row"),
    [
        ("级指标分值二级指标分值三级指标分值评价标准指标说明得分",
         "预算完成率10100%计满分,每低于5%扣2分,扣完为止。计算本单位预算完成率97.2%。8"),
        ("一级指标分值二级指标分值三级指标分值评价标准得分",
         "预算完成率10100%得满分,每低于1个百分点扣1分,扣完为止。8"),
    ],
)
def test_the_damaged_preview_is_read_as_its_table(tmp_path: Path, header: str, rule_row: str) -> None:
    text = _PREVIEW.format(unit="某市某区发展和改革局", code="302001", header=header, third="8", rule_row=rule_row)
    project = only_project(run(tmp_path, text))
    assert project.name == "某市某区发展和改革局部门整体支出"
    claimed = {(line.level, line.weight, line.score) for line in project.scores}
    assert ("投入", 13, 13) in claimed and ("投入/预算配置", 13, 13) in claimed
    rows = {i.name: (i.level, i.weight, i.score) for i in project.indicators}
    assert rows["预算完成率"] == ("过程/预算执行", Decimal(10), Decimal(8))
    assert rows["结转结余率"] == ("过程/预算执行", Decimal(10), Decimal(10))


def test_a_percentage_in_a_rule_is_no_weight(tmp_path: Path) -> None:
    """'…完成率达到110%以上计满分': a rule's own percentage above 100 (not 1000 and more) is not cut into a weight."""
    header = "一级指标分值二级指标分值三级指标分值评价标准得分"
    text = _PREVIEW.format(unit="某县农业农村局", code="301001", header=header, third="8",
                           rule_row="预算完成率10完成率达到110%以上计满分,每低于5%扣2分,扣完为止。10")
    rows = {i.name: (i.weight, i.score) for i in only_project(run(tmp_path, text)).indicators}
    assert rows["预算完成率"] == (Decimal(10), Decimal(10))


@pytest.mark.parametrize(("sign", "target"), [("≤", "≤0%"), ("Q", "≤0%"), ("至", "≤0%"), ("W", "≤0%")])
def test_a_rule_whose_sign_the_dump_garbled_keeps_the_measures_direction(tmp_path: Path, sign: str,
                                                                        target: str) -> None:
    """'“三公经费”变动率Q0,计8分': the lost ≤ of a ceiling measure's full-marks clause is read as the measure's
    direction (the table of shared department measures), not dropped."""
    header = "一级指标分值二级指标分值三级指标分值评价标准得分"
    text = _PREVIEW.format(unit="某县审计局", code="301009", header=header, third="8",
                           rule_row="预算完成率10100%计满分,每低于5%扣2分,扣完为止。10")
    text = text.replace("变动率≤0,计8分", f"变动率{sign}0,计8分")
    rows = {i.name: i for i in only_project(run(tmp_path, text)).indicators}
    change = rows["“三公经费”变动率"]
    assert change.target is not None and change.target.raw == target and change.target.comparator == "<="


def test_an_empty_unit_field_is_no_unit(tmp_path: Path) -> None:
    """'填报单位: 单位:万元': the field is empty, what follows is the table's unit of money, no body."""
    text = ("附件3: 部门整体支出绩效评价基础数据表 填报单位: 单位:万元 财政供养人员情况 编制数 实际在职人数 控制率\n"
            "143 136 95.10%\n"
            "2018年全年预算数1200万元,全年执行数1150万元,预算执行率95.83%。\n")
    result = run(tmp_path, text)
    assert result.report is not None and result.report.unit is None
    assert only_project(result).name == "部门整体支出"
