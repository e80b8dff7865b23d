"""Budgets, project names and indicators that narrative reports state in prose, phrased the ways
other writers phrase them.

Built inputs in the shapes a sweep of published 项目支出绩效自评报告 (2024-2026 pages: county and
city bodies of 安徽, 内蒙古, 贵州, 陕西, 湖南 and others) met, each written here in several wordings so
that a rule which holds for one writer's sentence only fails: the year's budget, its change and its
spending (年初预算/追加/调增…后为/全年预算/支出/完成投资/支出进度), one spending verb over a list of items,
a fund the title says is evaluated, form labels and report parts that are no project names, and an
indicator's target and result written in one sentence.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Project
from reportparse.parse.names import evaluated_fund_name, is_fund_source, valid_candidate
from reportparse.parse.narrative import parse_narrative
from reportparse.pipeline import check
from tests.test_parse_narrative import _doc


def _one(*paragraphs: str) -> Project:
    report = parse_narrative(_doc(*paragraphs))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


def _road(money: str) -> Project:
    return _one("某县交通运输局2023年度农村公路养护项目绩效自评报告", "一、项目基本情况",
                "农村公路养护项目由县财政全额拨款,用于全县农村公路日常养护。", "二、资金投入和使用情况", money,
                "三、绩效目标完成情况", "项目完成年度目标。")


def _value(q: object) -> Decimal | None:
    return getattr(q, "value", None)


@pytest.mark.parametrize(("money", "initial", "planned", "executed", "rate"), [
    ("该项目年初预算安排120万元,年中追加30万元,调整后预算150万元,全年实际支出142.5万元,预算执行率95%。",
     1200000, 1500000, 1425000, 95),
    ("年初预算120万元,调增30万元后为150万元,年度决算数142.5万元,执行率95%。", 1200000, 1500000, 1425000, 95),
    ("项目资金150万元,全年完成支出142.5万元,资金执行率95.00%。", None, 1500000, 1425000, 95),
    ("项目总预算150万元,到位150万元,到位率100%;实际支出142.5万元,支出进度95%。", None, 1500000, 1425000, 95),
    ("项目计划投资150万元,实际完成投资142.5万元,投资完成率95%。", None, 1500000, 1425000, None),
    ("电子政务运行维护经费150万元经年初预算审核通过后,3月到账70万元,6月到账80万元,全年实际支出142.5万元。",
     None, 1500000, 1425000, None),
    ("2023年度该项目预算为1,500,000元,实际支出1,425,000元,执行率95%。", None, 1500000, 1425000, 95),
])
def test_the_years_budget_change_and_spending(money: str, initial: int | None, planned: int, executed: int,
                                              rate: int | None) -> None:
    budget = _road(money).budget
    assert _value(budget.initial) == (Decimal(initial) if initial else None)
    assert _value(budget.planned) == Decimal(planned)
    assert _value(budget.executed) == Decimal(executed)
    assert _value(budget.printed_rate) == (Decimal(rate) if rate else None)


@pytest.mark.parametrize("money", [
    "项目资金48万元已全部到位。累计支出防火物资采购9.50万元,防火宣传资料印刷7.75万元,扑火队员开支30.75万元。",
    "项目资金48万元已全部到位。全年支付设备购置款9.5万元、宣传费7.75万元、劳务费30.75万元。",
])
def test_one_spending_verb_over_a_list_of_items_spends_their_sum(money: str) -> None:
    budget = _road(money).budget
    assert _value(budget.executed) == Decimal("480000")


@pytest.mark.parametrize(("money", "executed"), [
    ("项目预算48万元,支出防火物资采购9.50万元,其中中央资金5万元。", "95000"),  # a part of the item, not a second item
    # each amount its own verb (and its own year: the report's 2023, never the sum)
    ("项目预算48万元,2022年支出9.50万元,2023年支出7.75万元。", "77500"),
])
def test_amounts_that_are_no_list_of_items(money: str, executed: str) -> None:
    budget = _road(money).budget
    assert _value(budget.executed) == Decimal(executed)


@pytest.mark.parametrize("money", ["本年度资金40.83万元,均为本年度财政拨款,执行率100%。",
                                   "1、年度资金40.83万元,本年度财政拨款40.83万元。"])
def test_the_years_money_named_without_a_verb_is_the_budget(money: str) -> None:
    project = _one("财政专项扶贫资金绩效自评报告", "一、绩效目标分解下达情况", money)
    assert project.name == "财政专项扶贫资金"  # the fund the title evaluates, no heading fragment
    assert _value(project.budget.planned) == Decimal("408300")


@pytest.mark.parametrize("fragment", [
    "省级财政部门", "中央主管部门", "承担单位", "资金使用单位", "专项名称", "填报类型",  # form labels
    "绩效评价报告摘要", "中央支付地方发展项目绩效目标",                          # a report's own parts
    "资金主要", "经费全部",                                                       # clauses cut after an adverb
    "年度资金", "本年度资金", "全年经费",                                         # the year's money, no name
])
def test_fragments_that_are_no_project_names(fragment: str) -> None:
    assert not valid_candidate(fragment)


@pytest.mark.parametrize("source", ["自治区专项资金", "兵团财政资金", "省级配套", "市级配套资金"])
def test_a_levels_share_is_a_source_of_money(source: str) -> None:
    assert is_fund_source(source) and not valid_candidate(source)


@pytest.mark.parametrize(("name", "fund"), [("财政专项扶贫资金", True), ("中央财政衔接推进乡村振兴补助资金", True),
                                            ("专项资金", False), ("资金", False), ("森林防火专项资金", False)])
def test_a_fund_the_report_evaluates(name: str, fund: bool) -> None:
    assert evaluated_fund_name(name) is fund


def test_projects_opened_by_their_names_in_the_overview() -> None:
    report = parse_narrative(_doc(
        "某乡中心学校2022年项目支出绩效自评报告", "二、项目概况",
        "(一)义务教育生均公用经费:按生均定额补助,保障学校正常运转。",
        "(二)农村义务教育学生营养改善计划:为改善农村学生营养状况,补助资金全部用于学生膳食补助。",
        "(三)家庭经济困难学生生活补助:对家庭经济困难的寄宿学生补助生活费。",
        "三、项目绩效目标"))
    assert {p.name for p in report.projects} == {
        "义务教育生均公用经费", "农村义务教育学生营养改善计划", "家庭经济困难学生生活补助"}


def test_a_transfer_payments_name_label(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text("\n".join((
        "某区民政局2020年度彩票公益金项目绩效评价公告",
        "转移支付(项目)名称 | 社会办养老机构运营补贴 | 联系人及电话 | 52218152 |",
        "中央主管部门 | 民政部 |",
        "资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) |",
        "年度资金总额: | 350 | 342.07 | 97.73% |",
        "其中:中央财政资金 | 350 | 342.07 | 97.73% |")), encoding="utf-8")
    result = check(path)
    assert result.report is not None
    assert [p.name for p in result.report.projects] == ["社会办养老机构运营补贴"]


def _筛查(statement: str) -> Project:
    return _one("某县卫生健康局2023年度农村妇女两癌筛查项目绩效自评报告", "一、项目基本情况",
                "农村妇女两癌筛查项目由县财政安排资金50万元,用于农村适龄妇女两癌筛查。", "二、绩效目标完成情况",
                statement)


@pytest.mark.parametrize(("statement", "name", "cmp", "target", "actual"), [
    ("数量指标:年度目标筛查农村妇女5000人,实际完成5230人,完成率104.6%。", "筛查农村妇女", "=", 5000, 5230),
    ("1.数量指标。计划完成宫颈癌筛查5000人,实际筛查4800人,未完成原因是外出务工。", "宫颈癌筛查", "=", 5000, 4800),
    ("满意度指标:服务对象满意度目标≥90%,实际调查满意度为98%。", "服务对象满意度", ">=", 90, 98),
    ("社会效益指标:农村妇女两癌早诊率达到80%以上,实际达到85%。", "农村妇女两癌早诊率", ">=", 80, 85),
    ("成本指标:人均筛查成本不超过100元,实际人均筛查成本96元。", "人均筛查成本", "<=", 100, 96),
    ("产出指标完成情况:筛查人数指标值为5000人,完成值为5230人。", "筛查人数", "=", 5000, 5230),
])
def test_an_indicators_target_and_result_in_one_sentence(statement: str, name: str, cmp: str, target: int,
                                                        actual: int) -> None:
    indicators = {i.name: i for i in _筛查(statement).indicators}
    assert name in indicators, list(indicators)
    indicator = indicators[name]
    assert indicator.target is not None and indicator.target.comparator == cmp
    assert indicator.target.value == Decimal(target)
    assert [a.value for a in indicator.actuals] == [Decimal(actual)]


def test_a_budget_under_a_cost_label_is_no_indicator() -> None:
    project = _筛查("成本指标:项目全年预算50万元,全年执行数为50万元。")
    assert not [i for i in project.indicators if i.target is not None and i.target.unit == "元"]


_FORM = ("项目支出绩效自评表",
         "项目名称 | 公共文化服务体系经费 |",
         "主管部门 | 某县文化和旅游局 | 实施单位 | 某县文化馆 |",
         "项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |",
         "年度资金总额 | 200 | 200 | 179.43 | 10 | 89.7% | 9 |",
         "其中:当年财政拨款 | 200 | 200 | 179.43 | | | |")


def _with_form(tmp_path: Path, money: str) -> list[tuple[str, str]]:
    path = tmp_path / "report.txt"
    path.write_text("\n".join(("某县文化馆2023年度公共文化服务体系经费项目绩效自评报告", "一、项目基本情况",
                               "公共文化服务体系经费项目由县财政安排,用于全县群众文化活动。", "二、资金使用情况", money,
                               "三、绩效目标完成情况", "项目完成年度目标,自评得分95分。", *_FORM)), encoding="utf-8")
    result = check(path)
    return [(f.code, f.indicator or "") for f in result.findings if f.code == "conflicting-figures"]


@pytest.mark.parametrize(("money", "conflicts"), [
    ("项目全年预算数200万元,全年执行数180万元。", [("conflicting-figures", "全年执行数")]),  # the form says 179.43
    ("2023年度该项目预算资金200万元,已支付179.43万元。", []),                          # both agree
    # the prose gives only its 年初 figure: it disagrees with the form's 年初预算数, not with its 全年预算数
    ("该项目年初安排资金210万元,截至年底实际支出179.43万元。", [("conflicting-figures", "年初预算数")]),
])
def test_the_narrative_and_its_form_compared(tmp_path: Path, money: str, conflicts: list[tuple[str, str]]) -> None:
    assert _with_form(tmp_path, money) == conflicts


@pytest.mark.parametrize("money", [
    "1.预算数:2023年,包含补助重点项目资金77.4万元、补助传承人记录工作资金24万元、补助培训资金14万元。",
    "项目资金情况:包括设备购置费77.4万元、宣传费24万元和培训费14万元。",
])
def test_the_parts_a_clause_lists_are_no_budget(money: str) -> None:
    assert _road(money).budget.planned is None


@pytest.mark.parametrize("label", ["专项名称", "专项资金名称:", "转移支付(项目)名称"])
def test_a_name_label_alone_on_its_line(label: str) -> None:
    report = parse_narrative(_doc("食品监管补助资金区域绩效目标自评表", label, "食品监管补助资金", "中央主管部门",
                                  "市场监管总局", "预算执行情况", "年度目标完成情况"))
    assert [p.name for p in report.projects] == ["食品监管补助资金"]
