"""A sentence that lists what the money paid for ('支付X服务费86万元，支付Y劳务费12万元，Z费用3万元') names the costs
of the one project, not projects: an item without its own 支付 ('档案整理及印刷费用') is a cost line as much as its
siblings are. A made-up project named after a cost line is worse than the unnamed project. Items that call themselves
projects, in a list that pays nobody, stay projects.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse import UNNAMED_PROJECT
from tests._textforms import amount, only_project, run


@pytest.mark.parametrize("body", [
    ("一、项目概况\n承担全市2021年度政府投资项目结算审核工作，委托第三方机构开展审核。\n"
     "二、资金使用情况\n全年向审核机构支付审核服务费52.8万元，支付外聘专家咨询费6.4万元，资料复印装订费用1.3万元。\n"
     "三、绩效自评情况\n全年审核项目84个，审减率7.9%，自评得分92分。\n"),
    ("一、基本情况\n本单位负责城区公园绿地日常管护。\n二、资金使用情况\n"
     "年内拨付绿化养护公司养护费140万元，支付临聘管护人员工资36万元，园林机械燃油及维修费用8.2万元。\n"
     "三、绩效自评结论\n管护绿地面积96万平方米，自评得分90分。\n"),
])
def test_a_cost_line_of_a_payment_list_names_no_project(tmp_path: Path, body: str) -> None:
    result = run(tmp_path, body)
    assert result.report is not None
    assert [p.name for p in result.report.projects] == [UNNAMED_PROJECT]


def test_the_titled_project_keeps_its_name_beside_its_payments(tmp_path: Path) -> None:
    body = ("2022年度乡村保洁服务项目绩效自评报告\n一、资金使用情况\n"
            "项目预算90万元，全年支付保洁公司服务费78万元，支付保洁员意外保险费2.4万元，垃圾桶购置费用6万元。\n"
            "二、绩效目标完成情况\n保洁覆盖行政村21个，村民满意度95%。\n")
    result = run(tmp_path, body)
    assert result.report is not None
    assert [p.name for p in result.report.projects] == ["乡村保洁服务项目"]


def test_projects_listed_with_their_money_stay_projects(tmp_path: Path) -> None:
    body = ("2023年度衔接资金项目绩效自评报告\n一、资金安排情况\n"
            "衔接资金主要用于东坡村蔬菜大棚建设项目45万元、西岭村道路硬化项目38万元。\n"
            "二、绩效目标完成情况\n建成大棚20座，硬化道路2.1公里。\n")
    result = run(tmp_path, body)
    assert result.report is not None
    names = [p.name for p in result.report.projects]
    assert any("东坡村蔬菜大棚建设" in n for n in names) and any("西岭村道路硬化" in n for n in names), names


@pytest.mark.parametrize(("body", "executed"), [
    ("2022年度城区绿道养护项目绩效自评报告\n一、资金使用情况\n项目预算80万元，全年支付养护公司服务费64万元，"
     "支付临时用工报酬7.5万元，苗木补植费用6万元，合计77.5万元。\n二、绩效目标完成情况\n养护绿道26公里。\n",
     Decimal("775000")),
    ("2023年度乡镇综合文化站免费开放经费绩效自评报告\n一、资金使用情况\n年初预算45万元。年内拨付演出团队演出费18万元，"
     "支付文化管理员补贴12万元，活动器材购置费用9.6万元，共计39.6万元，执行率88%。\n二、绩效目标完成情况\n"
     "开展文化活动30场。\n", Decimal("396000")),
])
def test_the_total_of_a_payment_list_is_the_money_spent(tmp_path: Path, body: str, executed: Decimal) -> None:
    project = only_project(run(tmp_path, body))
    assert amount(project.budget.executed) == executed


def test_a_payment_list_with_no_total_gives_no_spending_figure(tmp_path: Path) -> None:
    # (the first payment is a part of the spending, not the spending: no figure is better than a wrong one)
    body = ("2021年度社区矫正工作经费绩效自评报告\n一、资金使用情况\n年初预算30万元，全年支付社工服务机构服务费21万元，"
            "支付心理咨询师劳务费3万元，教育培训资料印刷费用1.2万元。\n二、绩效目标完成情况\n社区矫正对象再犯罪率为0。\n")
    project = only_project(run(tmp_path, body))
    assert amount(project.budget.planned) == Decimal("300000")
    assert amount(project.budget.executed) is None


@pytest.mark.parametrize("share", ["省级补助30万元已全部到位。", "市级配套资金30万元，已全额到位。"])
def test_a_levels_share_received_in_full_is_no_second_budget(tmp_path: Path, share: str) -> None:
    # (the budget stated before stays the budget: the share read as one made 57.1万元 spent 'over' 30万元)
    body = ("2022年度城乡环卫一体化项目绩效自评报告\n一、项目概况\n（一）项目资金：年初预算58万元，全年执行57.1万元。\n"
            f"（二）上级资金：{share}\n二、绩效目标完成情况\n清扫保洁面积120万平方米。\n")
    result = run(tmp_path, body)
    project = only_project(result)
    assert amount(project.budget.planned) == Decimal("580000")
    assert "over-executed" not in [f.code for f in result.findings]


def test_a_levels_share_that_is_the_only_budget_is_the_budget(tmp_path: Path) -> None:
    body = ("2022年度农村户厕改造项目绩效自评报告\n一、资金情况\n"
            "省级补助资金58万元，已全额拨付到位，实际支出57.1万元。\n二、绩效目标完成情况\n改造户厕260座。\n")
    project = only_project(run(tmp_path, body))
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (Decimal("580000"), Decimal("571000"))
