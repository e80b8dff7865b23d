"""部门整体支出 forms in the layouts the provinces print them in: the scoring table whose every level
column is followed by its weight (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评价标准 | 指标说明 |
得分), the same table with all three weight columns headed 得分, and the Chongqing 部门整体绩效自评表
(指标权重(分) | 指标得分(分) beside a 得分系数(%) column). Built workbooks in those shapes, read end to end."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reportparse.model import Indicator, Result
from reportparse.parse.names import valid_candidate
from tests import _textforms
from tests._workbooks import checked, sheet


def run(tmp_path: Path, rows: list[list[Any]]) -> Result:
    return checked(tmp_path, sheet(rows))


def indicator(result: Result, name: str) -> Indicator:
    return next(i for p in result.report.projects for i in p.indicators if i.name == name)


def codes(result: Result, name: str | None = None) -> list[str]:
    return [f.code for f in result.findings if name is None or f.indicator == name]


def scoring_table(weight_label: str, rows: list[list[Any]]) -> list[list[Any]]:
    return [["部门整体支出绩效评价指标表"],
            ["一级指标", weight_label, "二级指标", weight_label, "三级指标", weight_label,
             "评价标准", "指标说明", "得分"],
            *rows]


_STAFF = ["以100%为标准。在职人员控制率≤100%，计5分；每超过一个百分点扣0.5分，扣完为止。",
          "本单位年末实际在职人员为136人，占编制数143人的比率为95.10%。"]
_COMPLETION = ["100%计满分，每低于5%扣2分，扣完为止。",
               "年初预算1922.76万元，追加767.86万元，计算本单位预算完成率{rate}。"]


@pytest.mark.parametrize("weight_label", ["分值", "得分"])
def test_each_level_column_carries_its_own_weight(tmp_path: Path, weight_label: str) -> None:
    rows = [["投入", 13, "预算配置", 13, "在职人员控制率", 5, *_STAFF, 5],
            [None, None, None, None, "三公经费变动率", 8, "三公经费变动率≤0，计8分；每超过一个百分点扣0.8分。",
             "(本年度预算数-上年度预算数)÷上年度预算数=(63.46-32)÷32=98.31%", 0]]
    result = run(tmp_path, scoring_table(weight_label, rows))
    staff, sangong = indicator(result, "在职人员控制率"), indicator(result, "三公经费变动率")
    assert (staff.weight, staff.score, sangong.weight, sangong.score) == (5, 5, 8, 0)
    lines = {line.level: (line.weight, line.score) for p in result.report.projects for line in p.scores}
    assert lines["投入/预算配置"] == (13, 5)
    assert "score-sum-mismatch" not in codes(result) and "weight-sum-mismatch" not in codes(result)


def test_rule_and_explanation_give_target_and_result(tmp_path: Path) -> None:
    rows = [["投入", 13, "预算配置", 13, "在职人员控制率", 5, *_STAFF, 5]]
    staff = indicator(run(tmp_path, scoring_table("分值", rows)), "在职人员控制率")
    assert staff.target is not None
    assert (staff.target.comparator, staff.target.value, staff.target.unit) == ("<=", 100, "%")
    assert [a.value for a in staff.actuals] == [Decimal("95.10")]
    assert staff.scoring_rule is not None


def test_formula_only_explanation_states_no_result(tmp_path: Path) -> None:
    rows = [["投入", 5, "预算配置", 5, "在职人员控制率", 5, _STAFF[0],
             "在职人员控制率=(在职人员数/编制数)×100%", 5]]
    result = run(tmp_path, scoring_table("分值", rows))
    assert not indicator(result, "在职人员控制率").actuals
    assert "missing-values" not in codes(result)  # the table has no result column to leave empty


@pytest.mark.parametrize(("rate", "score", "flagged"), [
    ("99.27%", 8, False),  # less than one 5% step short: full marks by the form's own rule
    ("80%", 8, True),      # four steps short: 0 by the rule, 8 claimed
    ("80%", 0, False),
])
def test_row_is_scored_by_its_printed_step_rule(tmp_path: Path, rate: str, score: int, flagged: bool) -> None:
    rows = [["过程", 8, "预算执行", 8, "预算完成率", 8, _COMPLETION[0], _COMPLETION[1].format(rate=rate), score]]
    found = codes(run(tmp_path, scoring_table("分值", rows)), "预算完成率")
    # 8 claimed where the rule gives 0 is full marks on a missed target: target-missed-full-score says it
    # (a score-mismatch on the same row would restate it)
    assert ("target-missed-full-score" in found or "score-mismatch" in found) is flagged


def _chongqing(rows: list[list[Any]]) -> list[list[Any]]:
    return [["部门整体绩效自评表"],
            ["主管部门", None, "财政处室", None, "自评总分(分)", 97.6],
            ["指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)",
             "指标权重(分)", "指标得分(分)", "是否核心指标"],
            *rows]


def test_chongqing_department_form(tmp_path: Path) -> None:
    result = run(tmp_path, _chongqing([
        ["结转结余率", "%", "定量指标", "2%", None, "0", "100%", 2, 2, "是"],
        ["公用经费控制率", "%", None, "100%", None, "97%", "100%", 2, 2, "是"],
        ["政府采购执行率", "%", None, "100%", None, "72.74%", "100%", 2, 2, "是"],
        ["播发稿件数量", "篇", None, "2200篇", None, "2859篇", "100%", 10, 10, "是"]]))
    assert [p.name for p in result.report.projects] == ["部门整体支出"]
    purchase = indicator(result, "政府采购执行率")
    assert (purchase.weight, purchase.score) == (2, 2)
    assert "target-missed-full-score" in codes(result, "政府采购执行率")
    for ceiling in ("结转结余率", "公用经费控制率"):  # a bare figure of a ceiling measure is a ceiling
        assert indicator(result, ceiling).target.comparator == "<="  # type: ignore[union-attr]
        assert not codes(result, ceiling)


@pytest.mark.parametrize("fragment", ["第二条本办法适用于", "2021年XX单位XX项目", "收入支出预决算对比", "决算公开目录"])
def test_headings_articles_and_stand_ins_are_no_names(fragment: str) -> None:
    assert not valid_candidate(fragment)


def test_a_real_name_still_is() -> None:
    assert valid_candidate("县城污水处理厂提标改造项目")


def test_weights_printed_in_the_level_and_row_names(tmp_path: Path) -> None:
    """The 部门整体支出绩效评价得分表 (一级指标 | 二级指标 | 三级指标 | 得分) prints every weight inside its
    label: '部门决策(25分)', '目标任务(15分)', '相关性(5分)'."""
    result = run(tmp_path, [
        ["部门整体支出绩效评价得分表"], ["一级指标", "二级指标", "三级指标", "得分"],
        ["部门决策(25分)", "目标任务(15分)", "相关性(5分)", 5], [None, None, "明确性(5分)", 5],
        [None, None, "合理性(5分)", 5], [None, "预算编制(10分)", "测算依据(5分)", 2],
        [None, None, "目标管理(5分)", 6]])
    basis = indicator(result, "测算依据")
    assert (basis.weight, basis.score, basis.level) == (5, 2, "部门决策/预算编制")
    lines = {line.level: (line.weight, line.score) for p in result.report.projects for line in p.scores}
    assert lines["部门决策"] == (25, 23)
    assert "score-exceeds-weight" in codes(result, "目标管理")  # 6 of 5


@pytest.mark.parametrize(("unit", "name"), [("某区融媒体中心", "某区融媒体中心部门整体支出"), (None, "部门整体支出")])
def test_chongqing_budget_block_and_subject(tmp_path: Path, unit: str | None, name: str) -> None:
    """执行率 100% scored 9 of 10 is a budget-score-mismatch; the 主管部门 names the department (an
    empty one leaves the next label, 财政处室, alone)."""
    result = run(tmp_path, [
        ["部门整体绩效自评表"], ["主管部门", unit, "财政处室", "宣传文化处", "自评总分(分)", 97],
        ["部门预算执行情况(万元)", "年初预算数", "全年(调整)预算数", "全年执行数", "执行率(%)", "执行率权重",
         "执行率得分(分)"],
        [None, 500, 600, 600, "100%", 10, 9],
        ["指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)",
         "指标权重(分)", "指标得分(分)", "是否核心指标"],
        ["播发稿件数量", "篇", "定量指标", "2200篇", None, "2859篇", "100%", 90, 90, "是"]])
    assert [p.name for p in result.report.projects] == [name]
    assert "budget-score-mismatch" in codes(result)


def test_base_data_table_gives_the_budget_and_an_empty_unit_field_names_nothing(tmp_path: Path) -> None:
    """The 部门整体支出绩效评价基础数据表 (单位:万元) prints the department's budget as set and as adjusted
    in its '部门整体支出预算调整' row; '填报单位: 单位:万元' leaves the unit field empty."""
    result = run(tmp_path, [
        ["附件3: 部门整体支出绩效评价基础数据表"], ["填报单位: 单位:万元"],
        ["经费控制情况", "2017年决算数", "2018年预算数", "2018年决算数"],
        ["三公经费", 29.08, 63.46, 44.29],
        ["部门整体支出预算调整", None, 1922.76, 2690.62],
        ["部门整体支出绩效评价指标表"],
        ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评价标准", "指标说明", "得分"],
        ["过程", 8, "预算执行", 8, "预算完成率", 8, _COMPLETION[0], _COMPLETION[1].format(rate="99.27%"), 8]])
    (project,) = result.report.projects
    assert project.name == "部门整体支出"
    assert project.budget.initial is not None and project.budget.initial.value == Decimal(19227600)
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(26906200)


def test_tab_rows_under_a_serial_column_keep_their_weighted_levels(tmp_path: Path) -> None:
    """A 部门整体 scoring table copied as tab rows: its 序号 column numbers every row, and the 一级/二级
    labels merged down are printed on their first row only ('2 | 工作计划(6分) | 年度工作计划完整性 | 3 …').
    The number stays under 序号, a lone weighted label is a 二级 (a 一级 opens with its first 二级 on one
    row), and the levels' weights add up: no weight-sum-mismatch."""
    text = (
        "2024年度部门整体支出绩效评价自评表\n"
        "序号\t一级指标\t二级指标\t三级指标\t指标分值\t指标说明及评分标准\t自评得分\n"
        "1\t决策(12分)\t基础信息(4分)\t基础信息完整性\t4\t信息完整得4分\t4\n"
        "2\t目标设定(8分)\t年度目标完整性\t5\t目标完整得5分\t5\n"
        "3\t年度目标细化度\t3\t目标细化得3分\t2\n"
        "4\t执行(20分)\t预算管理(20分)\t预算执行率\t12\t执行率100%得满分\t12\n"
        "5\t结转结余率\t8\t结转结余率为0得满分\t8\n"
    )
    result = _textforms.run(tmp_path, text)
    assert result.report is not None
    assert "weight-sum-mismatch" not in [f.code for f in result.findings]
    levels = {i.name: i.level for p in result.report.projects for i in p.indicators}
    assert levels.get("年度目标细化度", "").endswith("目标设定"), levels
    assert levels.get("结转结余率", "").endswith("预算管理"), levels
