"""A 自评表 whose dump ran every cell together, in the 分值-first layout (三级指标 | 分值 | 年度指标值 |
全年实际值 | 得分, as the Sichuan 衔接资金 template prints it), with the template's footnote after it
('注:1.一级指标分值统一设置为…确定三级指标的分值,得分最高不能超过…'). Built inputs in two wordings
(the column words, the notice around the form, the footnote and the figures vary), checked end to end
through `pipeline.check`: the footnote names column words but is neither a garbled header nor a sign
that the rows end in a 分值 and a 得分; a row's 分值 glued to its target, or standing between its name
and a target in words, is taken apart; a target and result in words written one after the other are
two cells; lengths in 厘米 keep their unit."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.form.runtogether import split_cells
from tests._textforms import amount, only_project, run

SICHUAN = (
    "现已完成某县{year}年衔接资金实施项目绩效目标自评,意见收集人:张三联系电话:0838-1234567附件:{year}年财政"
    "衔接资金实施项目绩效自评表某县交通运输局{year}年12月28日绩效目标自评表({year}年度)项目名称{name}项目负责人及电话"
    "李四13800000000(办公)主管部门某县交通运输局实施单位某县公路养护中心资金情况(万元)全年预算数(A)全年执行数(B)"
    "分值执行率(B/A)得分年度资金总额:{a}{a}10100.00%10其中:本年财政拨款{a}{a}其他资金年度总体目标年初设定目标"
    "年度总体目标完成情况综述完成道路护栏安装,改善群众出行条件,已完成。绩效指标一级指标二级指标三级指标{weight_word}"
    "年度指标值全年实际值得分未完成原因及拟采取的改进措施产出指标(60分)数量指标安装波形护栏20≥{length}米≥{length}米20"
    "标线宽度10≥{width}厘米≥{width}厘米10质量指标项目(工程)验收合格率10100%100%10成本指标项目计划总投资10{a}万元{a}万元10"
    "效益指标(30分)社会效益指标群众出行条件改善状况30{better}{better}30满意度指标(10分)服务对象满意度指标"
    "受益群众满意度10≥95%≥95%10总分100100注:1.一级指标{weight_word}统一设置为:产出指标50分、效益指标30分、"
    "满意度指标10分,各部门根据各项指标重要程度确定三级指标的{weight_word},得分最高不能超过该指标{weight_word}上限,"
    "2.定量指标若为正向"
)


@pytest.mark.parametrize(("weight_word", "a", "length", "width", "better"), [
    ("分值", "35", "1200", "15", "明显改善"),
    ("权重", "48.60", "860", "20", "显著提升"),
])
def test_a_weight_first_form_run_together_before_its_footnote(
        tmp_path: Path, weight_word: str, a: str, length: str, width: str, better: str) -> None:
    text = SICHUAN.format(year=2023, name="某县乡村道路安全防护工程", weight_word=weight_word, a=a,
                          length=length, width=width, better=better)
    result = run(tmp_path, text)
    project = only_project(result)
    assert project.name == "某县乡村道路安全防护工程"
    assert amount(project.budget.planned) == amount(project.budget.executed) == Decimal(a) * 10000
    rows = {i.name: i for i in project.indicators}
    assert {name: (row.weight, row.score) for name, row in rows.items()} == {
        "安装波形护栏": (20, 20), "标线宽度": (10, 10), "项目(工程)验收合格率": (10, 10),
        "项目计划总投资": (10, 10), "群众出行条件改善状况": (30, 30), "受益群众满意度": (10, 10)}
    cost = rows["项目计划总投资"].target
    assert cost is not None and cost.raw == f"{a}万元"  # the 分值 10 cut off the target it was glued to
    width_target = rows["标线宽度"].target
    assert width_target is not None and width_target.raw == f"≥{width}厘米"
    assert width_target.unit == "公里" and width_target.value == Decimal(width) / 100000
    worded = rows["群众出行条件改善状况"]
    assert worded.target is not None and worded.target.raw == better
    assert [a.raw for a in worded.actuals] == [better]
    codes = {f.code for f in result.findings}
    assert not codes & {"score-mismatch", "met-but-deducted", "deviation-reason-missing"}


def test_a_footnote_naming_the_columns_makes_no_paired_rows() -> None:
    # the rows end in a 得分 alone: the footnote's '三级指标的分值,得分' must not make '10' a 分值 1 and 得分 0
    cells = split_cells("三级指标分值年度指标值全年实际值得分培训人次10≥200人次≥200人次10"
                        "总分1010注:1.根据指标重要程度确定三级指标的分值,得分最高不能超过该指标分值上限")
    assert cells[5:10] == ["培训人次", "10", "≥200人次", "≥200人次", "10"]


def test_a_number_inside_a_name_of_a_paired_form_is_no_weight() -> None:
    # the 分值 comes after the result here: '3座' in the name and the name's own number stay the name's
    cells = split_cells("三级指标年度指标值实际完成值分值得分新建3座公厕≥3座3座2020")
    assert cells[5:] == ["新建3座公厕", "≥3座", "3座", "20", "20"]
