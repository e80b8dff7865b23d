"""The 部门整体支出绩效评价指标表 flattened into text (parse/form/scoregrid.py): a web page or a PDF's text
runs every cell into the next and prints the merged level cells once. Built dumps in the layouts such
pages take — cells run together on a line, cells broken over lines, weights headed 得分, weights written
into the labels, an excerpt cut inside a row — are read as the same table in a DOCX is."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Indicator, Result, ScoreLine
from reportparse.parse.form.criteria import rule_target
from tests._textforms import run

#: one row a line, its cells run together; the score alone on the line after the row's text
RUN_TOGETHER = """部门整体支出绩效评价指标表
一级指标分值二级指标分值三级
指标
分值评价标准指标说明得分
投入13预算配置13在职人员控制率5以100%为标准。在职人员控制率≤100%,计5分;每超过一个百分点扣0.5分,扣完为止。本单位年末实际在职人员为48人,占编制数50人的比率为96%。
 5
“三公经费”变动率8“三公经费”变动率≤0,计8分;“三公经费”>0,每超过一个百分点扣0.8分,扣完为止。本年度“三公经费”预算数下降 8
过程20预算执行20预算完成率10 100%计满分,每低于5%扣2分,扣完为止。计算本单位预算完成率97.2%。 8
结转结余率10结转结余率≤5%,计10分;每超过一个百分点扣1分,扣完为止。年末结转结余率为3.1%。 10
"""

#: the same kind of table with its cells broken over lines, every weight column headed 得分
BROKEN = """部门整体支出绩效评价指标表
一级指标 得分 二级指标 得分 三级指标 得分 评价标准 指标说明 得分
投入

16 预算配置

16 在职人员控制率

8 以100%为标准.在职人员控制率≤100%,计8分;

每超过一个百分点扣0.5分,扣完为止. 本单位年末实际在职人员为30人,占编制数32人的比率为93.75%.

8 公用经费控制率

8 公用经费控制率≤100%,计8分;每超过一个百分点扣1分,扣完为止. 公用经费实际支出45.2万元,预算50万元,控制率为90.4%.

8 过程

20 预算执行

20 政府采购执行率

10 政府采购执行率=100%,计10分;每低于一个百分点扣1分. 本年政府采购执行率为100%.

10 预算调整率

10 预算调整率=0,计10分;0-10%(含),计6分; 本年预算追加数为86.5万元,年初预算为1200.6
"""

#: weights written into the labels, one score column
WEIGHTED_LABELS = """三、自评结果：本部门2021年整体支出自评情况详见下表。
2021 年部门整体支出绩效评价得分表 一级指 标 二级指标 三级指标 得分 部门决 策(20 分) 目标设定(10 分) 绩效目标合理性(5 分)
5 绩效目标明确性(5 分)
4 预算配置(10 分) 在职人员控制率(5 分)
5 “三公经费”变动率(5 分)
3 部门管理(10 分) 资金管理(10 分) 资金使用合规性(10 分)
10 合计 27
"""



def indicator(result: Result, name: str) -> Indicator:
    return next(i for p in result.report.projects for i in p.indicators
                if i.name.replace("“", "").replace("”", "") == name)


def line(result: Result, level: str) -> ScoreLine:
    return next(s for p in result.report.projects for s in p.scores if s.level == level)


def serious(result: Result) -> list[str]:
    return [f.code for f in result.findings if f.severity in ("error", "warning")]


def test_cells_run_together_are_read_as_the_table(tmp_path: Path) -> None:
    result = run(tmp_path, RUN_TOGETHER)
    assert [p.name for p in result.report.projects] == ["部门整体支出"]
    staff = indicator(result, "在职人员控制率")
    assert (staff.level, staff.weight, staff.score) == ("投入/预算配置", Decimal(5), Decimal(5))
    assert staff.target is not None and staff.target.comparator == "<=" and staff.target.value == Decimal(100)
    sangong = indicator(result, "三公经费变动率")
    # the target is the full-marks clause (≤0), not the deduction clause's '>0'
    assert sangong.target is not None and sangong.target.comparator == "<=" and sangong.weight == Decimal(8)
    completion = indicator(result, "预算完成率")
    assert (completion.level, completion.weight, completion.score) == ("过程/预算执行", Decimal(10), Decimal(8))
    assert [a.value for a in completion.actuals] == [Decimal("97.2")]
    balance = indicator(result, "结转结余率")
    assert (balance.weight, balance.score) == (Decimal(10), Decimal(10))
    assert (line(result, "投入").weight, line(result, "投入").score) == (Decimal(13), Decimal(5 + 8))
    assert serious(result) == []


def test_cells_broken_over_lines_under_weight_columns_headed_defen(tmp_path: Path) -> None:
    result = run(tmp_path, BROKEN)
    staff = indicator(result, "在职人员控制率")
    assert (staff.weight, staff.score) == (Decimal(8), Decimal(8))
    assert [a.value for a in staff.actuals] == [Decimal("93.75")]
    public = indicator(result, "公用经费控制率")
    assert (public.level, public.weight, public.score) == ("投入/预算配置", Decimal(8), Decimal(8))
    procurement = indicator(result, "政府采购执行率")
    assert (procurement.level, procurement.weight, procurement.score) == ("过程/预算执行", Decimal(10), Decimal(10))
    # the excerpt stops inside the last row: its label and weight are read, no score, no goal to hold it to
    cut = indicator(result, "预算调整率")
    assert (cut.weight, cut.score) == (Decimal(10), None)
    assert "goal-not-reported" not in [f.code for f in result.findings]
    assert serious(result) == []  # 过程 20 = 10 + the cut row's 10


def test_weights_written_into_the_labels(tmp_path: Path) -> None:
    result = run(tmp_path, WEIGHTED_LABELS)
    assert (line(result, "部门决策").weight, line(result, "部门决策").score) == (Decimal(20), Decimal(5 + 4 + 5 + 3))
    clear = indicator(result, "绩效目标明确性")
    assert (clear.level, clear.weight, clear.score) == ("部门决策/目标设定", Decimal(5), Decimal(4))
    money = indicator(result, "资金使用合规性")
    assert (money.level, money.weight, money.score) == ("部门管理/资金管理", Decimal(10), Decimal(10))


@pytest.mark.parametrize("prose", [
    "按照预算绩效管理要求，本部门对2021年整体支出开展了自评，自评得分92分。全年支出1200万元。",
    "单位基本情况：编制50人，实有48人。2021年度部门支出总额1200万元，其中基本支出800万元。",
])
def test_prose_with_figures_is_no_table(tmp_path: Path, prose: str) -> None:
    """Prose that names the levels and states figures is read as prose: no row is made of it."""
    result = run(tmp_path, "2021年度部门整体支出绩效自评报告\n一级指标、二级指标、三级指标及得分见附表。\n" + prose)
    assert all(not p.indicators or all(i.weight is None for i in p.indicators) for p in result.report.projects)


@pytest.mark.parametrize(("name", "rule", "target"), [
    ("三公经费变动率", "“三公经费”变动率≤0,计8分;“三公经费”>0,每超过一个百分点扣0.8分", "≤0%"),
    ("预算执行率", "预算执行率>=95%得满分；执行率<95%的，每低一个百分点扣0.5分", ">=95%"),
    ("结转结余率", "结转结余率＞5%的不得分；结转结余率≤5%，计10分", "≤5%"),
])
def test_a_deduction_clause_sets_no_target(name: str, rule: str, target: str) -> None:
    """The clause that takes points off states when they are lost; the full-marks clause is the target."""
    assert rule_target(rule, name) == target
