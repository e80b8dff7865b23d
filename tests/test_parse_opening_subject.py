"""The one project of an excerpt that begins in the middle of a report, named only by its opening sentence: the
body telling what it carried out ('我局2023年实施的X项目…', '2021年，我县实施了X工程'), or a fund opening with its
allotment ('X资金共下达我县…'); and titles or openings that name the subject with words around it ('关于“X”项目…',
'现将X补助资金使用和管理自评报告公示如下'). A phrase that gathers several, or a clause, names no subject.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse import UNNAMED_PROJECT
from reportparse.parse.openingsubject import introduced_subject
from reportparse.parse.subject import stated_subject
from tests._textforms import amount, only_project, run


@pytest.mark.parametrize(("opening", "name"), [
    ("我局2022年实施的乡镇污水管网延伸项目，新建管网9.4公里。", "乡镇污水管网延伸项目"),
    ("2020年，我县实施了中心城区雨污分流改造工程，改造管道12公里。", "中心城区雨污分流改造工程"),
    ("本单位组织实施老旧供热管网更新项目，总投资860万元。", "老旧供热管网更新项目"),
    ("我镇2023年建设的桃花村冷链仓储项目位于村委会东侧。", "桃花村冷链仓储项目"),
    ("2021年省级林业改革发展资金共下达我区620万元，用于森林抚育。", "省级林业改革发展资金"),
    ("中央财政下达我县农村综合改革转移支付资金共计300万元。", "农村综合改革转移支付资金"),
    ("社区卫生服务中心建设补助经费累计拨付95万元，已全部到位。", "社区卫生服务中心建设补助经费"),
])
def test_the_opening_sentence_introduces_the_subject(opening: str, name: str) -> None:
    assert introduced_subject(["(二)项目实施情况", opening]) == name


@pytest.mark.parametrize("opening", [
    "我县实施了各类民生项目，群众满意度较高。",  # (a class of projects)
    "我局实施的上述项目均已完工。",
    "我镇2023年实施两个村道路项目，总投资80万元。",  # (a count of several)
    "全县共下达资金3500万元，安排项目26个。",  # (money in general, no fund's name)
    "项目资金使用规范，未发现挤占挪用。",
])
def test_no_subject_from_a_class_or_a_clause(opening: str) -> None:
    assert introduced_subject([opening]) is None


@pytest.mark.parametrize(("body", "name", "planned", "executed"), [
    ("三、项目实施情况\n我局2022年实施的乡镇污水管网延伸项目，新建管网9.4公里。\n"
     "四、资金使用情况\n该项目年初预算资金410万元，实际支出398万元，执行率97.1%。\n"
     "五、存在问题\n个别路段施工受阻。\n",
     "乡镇污水管网延伸项目", Decimal("4100000"), Decimal("3980000")),
    ("2021年省级林业改革发展资金共下达我区620万元，主要用于森林抚育和林业有害生物防治。\n"
     "截至年底资金支出600万元，支出进度96.8%。\n一、绩效目标完成情况\n完成森林抚育2万亩。\n",
     "省级林业改革发展资金", Decimal("6200000"), Decimal("6000000")),
])
def test_an_excerpt_names_its_project_by_the_opening(tmp_path: Path, body: str, name: str, planned: Decimal,
                                                      executed: Decimal) -> None:
    project = only_project(run(tmp_path, body))
    assert project.name == name
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (planned, executed)


def test_an_excerpt_with_no_introduced_subject_stays_unnamed(tmp_path: Path) -> None:
    body = ("三、资金使用情况\n项目年初预算资金410万元，实际支出398万元，执行率97.1%。\n"
            "四、绩效目标完成情况\n新建管网9.4公里，群众满意度96%。\n")
    assert only_project(run(tmp_path, body)).name == UNNAMED_PROJECT


@pytest.mark.parametrize(("title", "name"), [
    ("关于“农村留守儿童关爱服务”项目绩效自评报告", "农村留守儿童关爱服务项目"),
    ("关于“智慧社区平台建设项目”的绩效自评报告", "智慧社区平台建设项目"),
])
def test_a_quoted_name_about_which_a_title_reports(title: str, name: str) -> None:
    assert stated_subject([], title) == name


@pytest.mark.parametrize(("opening", "name"), [
    ("现将黄河湿地保护补助资金使用和管理自评报告公示如下。", "黄河湿地保护补助资金"),
    ("现将我局2022年农机购置补贴资金使用情况自评报告如下。", "2022年农机购置补贴资金"),
])
def test_an_opening_names_the_fund_whose_use_it_evaluates(opening: str, name: str) -> None:
    assert stated_subject([opening], None) == name


@pytest.mark.parametrize(("opening", "name"), [
    ("2021年，县卫健委组织实施了基层医务人员能力提升培训项目，培训420人。", "基层医务人员能力提升培训项目"),
    ("本次评价对象为城区公共停车场建设项目，评价范围为2022年度资金。", "城区公共停车场建设项目"),
    ("绩效评价对象：2023年度农村危房改造补助资金。", "农村危房改造补助资金"),
    ("西湖村污水处理设施提标工程是我镇2022年重点民生实事。", "西湖村污水处理设施提标工程"),
])
def test_the_opening_names_the_project_carried_out_evaluated_or_described(opening: str, name: str) -> None:
    assert introduced_subject([opening]) == name


@pytest.mark.parametrize("opening", [
    "政府投资项目是指使用财政资金的固定资产投资项目。",  # (a term defined)
    "本项目系新建项目，无上年结转。",
    "2022年，各乡镇实施了道路项目。",
    "评价对象为项目资金。",
])
def test_no_subject_from_a_definition_or_a_pointer(opening: str) -> None:
    assert introduced_subject([opening]) is None


def test_an_excerpts_costs_are_the_introduced_projects_not_projects(tmp_path: Path) -> None:
    # (with no title, the cost lines of the money sentence were read as three projects and the money lost)
    body = ("（一）项目基本情况\n我局2021年实施的乡镇集中供水点消毒设备更新项目，更新消毒设备46台。\n"
            "（二）资金使用情况\n项目全年预算资金72万元，实际支出70.2万元。消毒设备采购费用61万元，"
            "设备安装调试费用5.2万元，水质检测费用4万元。\n（三）绩效目标完成情况\n出厂水消毒达标率100%。\n")
    project = only_project(run(tmp_path, body))
    assert project.name == "乡镇集中供水点消毒设备更新项目"
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal("720000"), Decimal("702000"))


def test_an_excerpts_fund_keeps_its_money_beside_the_projects_it_lists(tmp_path: Path) -> None:
    body = ("2022年省级林下经济发展资金共下达我县800万元，主要用于林下种养基地建设。\n一、资金使用情况\n"
            "截至2022年底，已支出760万元，支出进度95%。其中：林下中药材种植基地项目420万元，林下养蜂示范基地项目340万元。\n"
            "二、绩效目标完成情况\n新建林下种植基地2500亩。\n")
    result = run(tmp_path, body)
    assert result.report is not None
    fund = next(p for p in result.report.projects if p.name.endswith("林下经济发展资金"))
    assert (amount(fund.budget.planned), amount(fund.budget.executed)) == (Decimal("8000000"), Decimal("7600000"))
