"""Narrative excerpts (a page cut before its title or inside its analysis) in the shapes the spent set rm/rr met:
the finance bureau's class of the evaluation stated where a project's name is expected ('组织了2020年预算绩效管理
重点项目的绩效评价'), the project named with the aspects evaluated after it ('就X项目的资金投入和绩效目标完成情况
开展自评'), a budget followed by the uses it is put to ('200万元的具体用途:①A 43.96万元'), and a payment rate named
by the verb the paid amount was stated with ('已拨付66.86万元，资金拨付进度100%').
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.names import valid_candidate
from reportparse.parse.subject import stated_subject
from tests._textforms import amount, only_project, run


@pytest.mark.parametrize("fragment", [
    "2020年预算绩效管理重点项目",
    "2022年度绩效评价重点项目",
    "重点绩效评价项目",
    "预算绩效重点监控项目",
    # (named with who picked them)
    "2021年度财政重点评价项目",
    "部门重点支出项目",
])
def test_the_class_of_an_evaluation_is_no_project(fragment: str) -> None:
    assert not valid_candidate(fragment)


@pytest.mark.parametrize("name", ["重点河道治理项目", "城区重点路段亮化工程", "重点人群健康管理项目"])
def test_a_project_with_the_word_key_stays(name: str) -> None:
    assert valid_candidate(name)


@pytest.mark.parametrize(("opening", "subject"), [
    ("我局组织了2021年度绩效评价重点项目的绩效自评工作，就青山镇污水管网改造项目的产出和效益情况开展绩效自评。",
     "青山镇污水管网改造项目"),
    ("根据通知要求，我站就农村公路安防工程的资金使用、预算执行和目标完成情况进行了绩效自评。", "农村公路安防工程"),
    ("现就2022年度乡村学校营养餐补助资金的资金到位及绩效目标实现情况开展绩效自评。", "2022年度乡村学校营养餐补助资金"),
    ("我局对农村公路养护资金的分配、使用和管理情况开展了绩效评价。", "农村公路养护资金"),
    ("我局對農村公路養護資金的使用、管理情況進行了績效自評。", "农村公路养护资金"),
])
def test_the_project_named_before_the_aspects_evaluated(opening: str, subject: str) -> None:
    assert stated_subject([opening], None) == subject


def test_a_report_naming_its_project_after_the_class_of_evaluation(tmp_path: Path) -> None:
    text = ("一、绩效自评工作开展情况\n"
            "按照县财政局通知要求，本所组织开展了2021年度预算绩效管理重点项目的绩效评价，就东河堤防加固工程的"
            "资金使用和绩效目标完成情况开展了绩效自评。\n"
            "二、绩效目标完成情况\n"
            "年初预算安排资金80万元，已支付80万元，执行率100%。\n")
    project = only_project(run(tmp_path, text))
    assert "东河堤防加固" in project.name
    assert amount(project.budget.planned) == Decimal(800000)


@pytest.mark.parametrize("uses", [
    "年初预算资金150万元的具体用途:①南街管网改造尾款30万元;②北街排水沟清淤资金70万元;③路灯维修50万元。",
    "县级安排专项资金150万元,主要用于:1.南街管网改造尾款30万元,2.北街排水沟清淤70万元,3.路灯维修50万元。",
    # (other words for the uses: 分别用于, 资金用途为, 具体支出方向如下)
    "县级安排专项资金150万元，分别用于：南街管网改造尾款30万元；北街排水沟清淤70万元；路灯维修50万元。",
    "县级安排专项资金150万元，资金用途为：(1)南街管网改造尾款30万元，(2)北街排水沟清淤70万元，(3)路灯维修50万元。",
    "县级安排专项资金150万元，具体支出方向如下：①南街管网改造尾款30万元；②北街排水沟清淤70万元；③路灯维修50万元。",
])
def test_the_uses_listed_after_a_budget_are_not_the_budget(tmp_path: Path, uses: str) -> None:
    text = ("城区环境整治项目绩效自评报告\n"
            "一、项目基本情况\n"
            "为改善城区人居环境，县财政在年初预算中安排城区环境整治项目资金150万元。\n"
            "二、项目资金使用情况\n"
            f"{uses}\n"
            "截至年底已支付120万元。\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal(1500000)
    codes = {f.code for f in run(tmp_path, text).findings}
    assert "over-executed" not in codes


@pytest.mark.parametrize("sentence", [
    "这笔专项资金300万元，已按工程进度拨付120万元，资金拨付进度100%。",
    "该项资金300万元，截至12月底累计拨付资金120万元，资金拨付率为100%。",
    "该项资金300万元，截至12月底累计拨付资金120万元，拨付比例为100%。",
    "该项资金300万元，截至12月底已支付120万元，资金支付进度为100%。",
])
def test_a_payment_rate_beside_the_amount_paid_is_the_printed_rate(tmp_path: Path, sentence: str) -> None:
    text = ("村级活动场所修缮项目绩效自评报告\n"
            "一、项目基本情况\n"
            "2020年区财政安排村级活动场所修缮项目资金300万元。\n"
            "二、项目资金执行情况\n"
            f"{sentence}\n")
    result = run(tmp_path, text)
    project = only_project(result)
    assert project.budget.printed_rate is not None and project.budget.printed_rate.value == Decimal(100)
    assert "budget-rate-mismatch" in {f.code for f in result.findings}


def test_a_payment_rate_alone_is_not_the_printed_rate(tmp_path: Path) -> None:
    text = ("村级活动场所修缮项目绩效自评报告\n"
            "一、项目基本情况\n"
            "2020年区财政安排村级活动场所修缮项目资金300万元。\n"
            "二、项目资金执行情况\n"
            "全年支出资金120万元，工程款拨付率100%。\n")
    result = run(tmp_path, text)
    assert only_project(result).budget.printed_rate is None
    assert "budget-rate-mismatch" not in {f.code for f in result.findings}


@pytest.mark.parametrize("opening", [
    "东环路延伸段工程的起点位于城关镇北侧，终点接省道，路线全长4.2公里，按城市主干路标准建设。",
    "北山片区供水管网改造项目位于北山镇，涉及5个行政村，新建管网18公里。",
])
def test_an_excerpt_without_its_title_is_named_by_where_the_works_lie(tmp_path: Path, opening: str) -> None:
    text = ("一、项目基本情况\n"
            f"{opening}\n"
            "二、项目绩效自评工作开展情况\n"
            "我局按通知要求收集整理资料，开展了绩效自评。\n"
            "三、项目资金情况\n"
            "市财政局向我局下达项目前期工作经费150.00万元，实际支出150.00万元，资金执行率100.00%。\n")
    project = only_project(run(tmp_path, text))
    assert project.name.startswith(("东环路延伸段工程", "北山片区供水管网改造")), project.name
    assert amount(project.budget.planned) == Decimal(1500000)


@pytest.mark.parametrize(("title", "subject"), [
    ("青山县2021年度中央财政土壤污染防治 专项资金转移支付绩效自评报告", "中央财政土壤污染防治专项资金转移支付"),
    ("2022年度农村 公路养护补助资金绩效自评报告", "农村公路养护补助资金"),
])
def test_a_title_wrapped_by_the_page_names_its_fund_whole(title: str, subject: str) -> None:
    assert stated_subject([], title) == subject


@pytest.mark.parametrize("investment", [
    "项目总投资2400万元，其中中央财政土壤污染防治专项资金900万元。",
    "该工程计划总投资2400万元，其中：中央财政土壤污染防治专项资金900万元，县级配套1500万元。",
])
def test_the_reports_own_fund_within_a_works_investment_is_its_budget(tmp_path: Path, investment: str) -> None:
    text = ("青山县2021年度中央财政土壤污染防治专项资金转移支付绩效自评报告\n"
            "一、绩效目标分解下达情况\n"
            f"省厅下达项目计划，青山县有1个项目，为东河镇农用地土壤修复工程。{investment}\n"
            "二、绩效目标完成情况分析\n"
            "已按工程进度拨付专项资金900万元，执行率为100%。\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal(9000000)


@pytest.mark.parametrize(("paid", "all_said", "flagged"), [
    ("已按工程进度拨付专项资金600万元，专项资金执行率为75%。", "2.项目资金执行情况分析\n资金已全部拨付。", True),
    ("截至年底支付补助经费600万元，执行率75%。", "经费已全额支付完毕。", True),
    # (how it was paid said before or after 全部, or the text reposted in traditional characters)
    ("已按工程进度拨付专项资金600万元，专项资金执行率为75%。", "专项资金已按时全部拨付。", True),
    ("截至年底支付补助经费600万元，执行率75%。", "补助经费均已足额及时兑付；", True),
    ("已按工程進度撥付專項資金600萬元，專項資金執行率為75%。", "專項資金已全部撥付。", True),
    # money that arrived, or was passed on to the body that spends it, is no spending said in full
    ("已按工程进度拨付专项资金600万元，专项资金执行率为75%。", "资金已全部拨付到位。", False),
    ("已按工程进度拨付专项资金600万元，专项资金执行率为75%。", "资金已全部拨付到项目实施单位。", False),
    ("已按工程进度拨付专项资金600万元，专项资金执行率为75%。", "资金已及时全部拨付到位。", False),
])
def test_spending_said_in_full_beside_a_smaller_amount_conflicts(tmp_path: Path, paid: str, all_said: str,
                                                                 flagged: bool) -> None:
    text = ("青山县2021年度中央财政土壤污染防治专项资金转移支付绩效自评报告\n"
            "一、绩效目标分解下达情况\n"
            "2021年中央财政土壤污染防治专项资金下达800万元，用于东河镇农用地土壤修复。\n"
            "二、绩效目标完成情况分析\n"
            f"{paid}\n"
            f"{all_said}\n")
    codes = {f.code for f in run(tmp_path, text).findings}
    assert ("conflicting-figures" in codes) == flagged, codes


@pytest.mark.parametrize(("conclusion", "flagged"), [
    ("四、评价结论\n经综合评价，该项目自评得分和绩效等级为“良”。", True),
    ("四、评价结论\n项目总体实施顺利，综合评分等次为(优)。", True),
    # (a year or a date in the sentence is no score)
    ("四、评价结论\n经综合评价，2022年度该项目自评得分和绩效等级为“良”。", True),
    ("四、评价结论\n2023年3月15日，经评价小组综合评定，自评分数及等级：良。", True),
    # a grade given as the result, no score promised: the evaluation's result is the grade
    ("四、评价结论\n经综合评价，该项目绩效等级为“良”。", False),
    # the score is given
    ("四、评价结论\n经综合评价，该项目自评得分88分，绩效等级为“良”。", False),
    ("四、评价结论\n2022年度该项目评价得分为88，绩效等级为“良”。", False),
])
def test_a_grade_stated_as_a_score_with_no_score_is_no_evaluation(tmp_path: Path, conclusion: str,
                                                                   flagged: bool) -> None:
    text = ("乡镇敬老院改造项目绩效自评报告\n"
            "一、项目概况\n"
            "申报的预算资金120万元已获批复。\n"
            "二、项目绩效情况\n"
            "敬老院改造项目资金完成110万元，入住老人满意度达95%。\n"
            f"{conclusion}\n")
    result = run(tmp_path, text)
    assert ("missing-evaluation" in {f.code for f in result.findings}) == flagged


@pytest.mark.parametrize(("goal", "done"), [
    ("绩效目标:敬老院改造项目资金完成120万元。", "1.敬老院改造项目资金完成80万元。"),
    ("年度总体目标：完成敬老院改造，资金完成120万元。", "截至年底，敬老院改造项目资金完成80万元。"),
    # (the goal's lead with its year, or both 项目 and 年度)
    ("2021年度绩效目标：敬老院改造项目资金完成120万元。", "1.敬老院改造项目资金完成80万元。"),
    ("项目年度绩效目标为：完成敬老院改造，資金完成120萬元。", "截至年底，敬老院改造项目资金完成80万元。"),
])
def test_money_done_is_spending_and_a_goals_money_is_not(tmp_path: Path, goal: str, done: str) -> None:
    text = ("敬老院改造项目绩效自评报告\n"
            "一、项目概况\n"
            "申报的预算资金120万元已获批复。\n"
            f"{goal}\n"
            "二、项目绩效情况\n"
            f"{done}\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.executed) == Decimal(800000)


@pytest.mark.parametrize(("goal", "done", "name"), [
    ("绩效目标:敬老院改造项目资金完成120万元。", "1.敬老院改造项目资金完成80万元。", "敬老院改造项目资金完成"),
    ("年度目标：养老服务站建设投资完成120万元。", "截至年底，养老服务站建设投资完成80万元。", "养老服务站建设投资完成"),
])
def test_the_spending_a_goal_aims_at_is_an_output_indicator(tmp_path: Path, goal: str, done: str,
                                                             name: str) -> None:
    text = ("敬老院改造项目绩效自评报告\n"
            "一、项目概况\n"
            "申报的预算资金120万元已获批复。\n"
            f"{goal}\n"
            "二、项目绩效情况\n"
            f"{done}\n")
    project = only_project(run(tmp_path, text))
    aimed = [i for i in project.indicators if i.target is not None and i.target.value == Decimal(1200000)]
    assert len(aimed) == 1 and name in aimed[0].name, [(i.name, i.target) for i in project.indicators]
    assert aimed[0].level.startswith("产出")
    assert [a.value for a in aimed[0].actuals] == [Decimal(800000)]


def test_a_goal_restating_the_money_given_is_no_indicator(tmp_path: Path) -> None:
    text = ("敬老院改造项目绩效自评报告\n"
            "一、项目概况\n"
            "绩效目标:下达敬老院改造资金120万元。\n"
            "二、项目绩效情况\n"
            "全年支出资金80万元。\n")
    assert not only_project(run(tmp_path, text)).indicators


@pytest.mark.parametrize(("clause", "aim"), [
    # a plan word in the clause before, no money there: the design's figures are no aims
    ("拟按双向四车道高速公路标准建设,设计速度80公里/小时,路基宽度25.5米。", None),
    ("计划按二级公路标准改建，设计速度60公里/小时。", None),
    # the money planned in the clause before: what it is to achieve is an aim
    ("项目计划投资50万元，实现新建道路2.5公里。", "新建道路"),
])
def test_a_plan_word_before_makes_an_aim_only_of_the_money_it_states(clause: str, aim: str | None) -> None:
    from reportparse.model import Paragraph
    from reportparse.parse.goalpairs import plan_result_pairs

    found = [i.name for i in plan_result_pairs(Paragraph(text=clause, page=1))]
    assert found == ([aim] if aim else []), found


@pytest.mark.parametrize(("title", "intro", "spelling"), [
    ("青山县统计局2021年经济普查经费项目绩效自评报告",
     "统计业务工作经费用于保障我局普查业务工作，包括普查员劳务费、差旅费等，资金来源为县财政预算安排。",
     "统计业务工作经费"),
    ("东湖区文化馆2022年度群众文化活动补助资金项目绩效自评报告",
     "文化惠民活动经费主要用于开展送戏下乡、广场文艺演出，资金来源为区财政年初预算。",
     "文化惠民活动经费"),
])
def test_a_one_project_report_naming_its_money_another_way_is_one_project(tmp_path: Path, title: str, intro: str,
                                                                          spelling: str) -> None:
    text = (f"{title}\n"
            "一、基本情况\n"
            f"{intro}\n"
            "(二)分解下达资金预算和绩效目标情况\n"
            "根据财政局预算安排，该项目年度资金预算120万元，支出118万元，资金使用完成比率98.33%。\n")
    project = only_project(run(tmp_path, text))
    assert spelling in [project.name, *project.aliases]
    assert amount(project.budget.planned) == Decimal(1200000)
    assert amount(project.budget.executed) == Decimal(1180000)


@pytest.mark.parametrize("money_line", [
    "示范项目建设预计总投资3000万元，其中中央财政资金2400万元，县级配套600万元。市级统筹中央财政资金800万元用于项目建设，"
    "其中180万元用于县级物流配送中心改造项目。",
    "示范县建设计划总投资3000万元。中央财政资金800万元，其中180万元全部用于实施县级物流配送中心改造项目。",
    # (other words for what the part is for: 专项用于, 安排用于, 拨付给)
    "示范县建设计划总投资3000万元。中央财政资金800万元，其中180万元专项用于县级物流配送中心改造项目。",
    "示范县建设计划总投资3000万元。中央財政資金800萬元，其中180萬元安排用於縣級物流配送中心改造項目。",
    "示范县建设计划总投资3000万元，中央财政资金800万元，其中180万元拨付给县级物流配送中心改造项目。",
])
def test_the_share_of_a_works_investment_said_to_be_for_the_project_is_its_budget(tmp_path: Path,
                                                                                   money_line: str) -> None:
    text = ("2021年度项目绩效自评报告(县级物流配送中心改造项目)\n"
            "一、项目基本情况\n"
            f"{money_line}\n"
            "二、项目绩效自评工作开展情况\n"
            "我局成立了自评工作小组。\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal(1800000)
