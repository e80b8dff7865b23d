"""A form whose dump ran every cell together: a target or result whose measure word a magnitude opens ('≥1.2万人',
'3.5万亩', '2亿元') is one figure, cut from the name before it and from the figure after it; and a fund row whose
amounts, rate and score ran into one 'figure' beyond reading (the rate's % lost: '50050048010096') is no amount at
all, neither a made-up budget nor a sum error, and the form still names its project. Made-up forms in two
layouts (the whole form on one line; one row a line, its cells run together)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

HEAD = [
    "项目支出绩效自评表(2023年度)",
    "项目名称高标准农田建设项目主管部门某县农业农村局实施单位某县农田建设服务中心",
    "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分",
]
FUND_READABLE = ["年度资金总额50050048010096%9.6", "其中:当年财政拨款500500480"]
FUND_GLUED = ["年度资金总额500500480100969.6", "其中:当年财政拨款500500480"]
BODY = [
    "年度总体目标预期目标实际完成情况",
    "建设高标准农田3.5万亩。已建成高标准农田3.5万亩。",
    "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
    "产出指标数量指标新建高标准农田面积≥3.5万亩3.52万亩2020",
    "质量指标工程验收合格率100%100%1515",
    "效益指标社会效益指标受益农业人口≥1.2万人1.26万人2020",
    "经济效益指标带动粮食增产≥2亿元2.1亿元1515",
    "满意度指标服务对象满意度指标受益农户满意度≥90%95%2020",
    "总分10099.6",
]


def _layout(lines: list[str], one_line: bool) -> str:
    return ("".join(lines) if one_line else "\n".join(lines)) + "\n"


@pytest.mark.parametrize("one_line", [True, False])
def test_a_figure_whose_measure_word_a_magnitude_opens_is_one_cell(tmp_path: Path, one_line: bool) -> None:
    project = only_project(run(tmp_path, _layout(HEAD + FUND_READABLE + BODY, one_line)))
    rows = {i.name: i for i in project.indicators}
    assert {"新建高标准农田面积", "受益农业人口", "带动粮食增产"} <= set(rows)
    for name, target, actual in (("新建高标准农田面积", "≥3.5万亩", "3.52万亩"),
                                 ("受益农业人口", "≥1.2万人", "1.26万人"), ("带动粮食增产", "≥2亿元", "2.1亿元")):
        row = rows[name]
        assert row.target is not None and row.target.raw == target, name
        assert [a.raw for a in row.actuals] == [actual], name
        assert row.weight is not None and row.score is not None, name


@pytest.mark.parametrize("one_line", [True, False])
def test_a_fund_run_beyond_reading_is_no_amount(tmp_path: Path, one_line: bool) -> None:
    result = run(tmp_path, _layout(HEAD + FUND_GLUED + BODY, one_line))
    project = only_project(result)
    assert project.name == "高标准农田建设项目"
    budget = project.budget
    for figure in (budget.initial, budget.planned, budget.executed):
        assert figure is None or figure.value is None or figure.value < 10 ** 10
    assert not [f for f in result.findings if f.severity == "error"]
