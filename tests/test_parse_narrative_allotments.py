"""Narrative reports of county bureaus on the money they received and shared out (转移支付 self-evaluations):
lists of allotments announced with '如下：' and cut at '；', budgets restated after a cut or as a whole
received in parts, goals listed one paragraph each, targets and results run together, a fund shared out
among named allotments, and scores claimed item by item under weighted headings. Built inputs, each class
in two wordings or layouts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.evaluate_match import names_match
from reportparse.model import Document, Line, Paragraph, Project, Report, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative


def _doc(*paragraphs: str) -> Document:
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n + 1)], spans=[(0, len(text))])
                for n, text in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _budgets(report: Report) -> dict[str, Decimal | None]:
    return {p.name: (p.budget.planned.value if p.budget.planned else None) for p in report.projects}


def _project(report: Report, name: str) -> Project:
    found = [p for p in report.projects if name in (p.name, *p.aliases)]
    assert len(found) == 1, (name, [p.name for p in report.projects])
    return found[0]


@pytest.mark.parametrize("same_paragraph", [True, False])
@pytest.mark.parametrize(("lead", "sep", "end"), [
    ("2024年度中央、市级向我县下达的转移支付资金如下:", ";", "。"),
    ("2023年上级财政安排我局的专项资金如下：", "；", "。"),
])
def test_an_allotment_list_announced_by_rushang_goes_on_after_each_semicolon(lead: str, sep: str, end: str,
                                                                            same_paragraph: bool) -> None:
    items = [("慈善会项目", "40"), ("城乡低保、特困供养、临时救助项目", "2.75"), ("福利彩票公益金支出项目", "276.42"),
             ("民政管理工作经费", "17"), ("基本公共卫生服务项目", "3")]
    listed = sep.join(f"{name}{amount}万元" for name, amount in items)
    total_sentence = "以上中央、市级转移支付资金合计339.17万元。"
    heading = ("某县民政局2024年度资金绩效自评报告", "一、绩效目标分解下达情况")
    body = (lead + listed + end + total_sentence,) if same_paragraph else (lead + listed + end, total_sentence)
    report = parse_narrative(_doc(*heading, *body))
    for name, amount in items:
        project = _project(report, name)
        # (a name that holds 支出 spends nothing; a name written with 、 is one project; the 合计 is no item's)
        assert project.budget.planned is not None and project.budget.planned.value == Decimal(amount) * 10000, name
        assert project.budget.executed is None, name
    total = [t for t in report.fund_totals if t.total.value == Decimal("3391700")]
    assert total and len(total[0].projects) == len(items)


@pytest.mark.parametrize(("cut", "restated"), [
    ("(2)省财政厅追减我县2021年中央公共文化服务体系建设专项资金223.57万元。",
     "我县2021年中央公共文化服务体系建设专项资金189.28万元，其中一般项目151.8万元，绩效奖励37.48万元。"),
    ("年中市财政调减该项资金223.57万元。", "调减后，全年下达公共文化服务体系建设专项资金189.28万元。"),
])
def test_the_budget_a_cut_leaves_outranks_the_first_allotment(cut: str, restated: str) -> None:
    report = parse_narrative(_doc(
        "公共文化服务体系建设专项资金绩效自评报告",
        "(1)省财政厅下达我县2021年中央公共文化服务体系建设专项资金412.85万元，其中一般项目375.65万元，绩效奖励37.2万元。",
        cut, restated, "2021年公共文化服务体系建设专项资金共支出182.564万元。"))
    assert len(report.projects) == 1
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == Decimal("1892800")
    assert budget.executed is not None and budget.executed.value == Decimal("1825640")


@pytest.mark.parametrize("received", [
    "2023年共收到财政资金2330.9万元,其中:中央资金1372.7万元,地方资金98.6万元,其他资金859.6万元。",
    "全年资金实际到位2330.9万元，其中中央资金1372.7万元、自治区资金98.6万元、地方配套859.6万元。",
])
def test_a_whole_received_in_parts_that_hold_the_budget_is_the_years_money(received: str) -> None:
    report = parse_narrative(_doc(
        "优抚对象生活补助经费转移支付2023年度绩效自评报告",
        "2023年我区收到中央下达的优抚对象生活补助资金1372.7万元,自治区下达98.6万元,地方匹配859.6万元。",
        received, "2023年支出2310.4万元。"))
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == Decimal("23309000")


def test_a_whole_received_is_not_the_budget_when_its_parts_do_not_add_up() -> None:
    report = parse_narrative(_doc(
        "优抚对象生活补助经费转移支付2023年度绩效自评报告",
        "2023年中央下达优抚对象生活补助资金1372.7万元。",
        "全年共收到资金2400万元，其中中央资金1372.7万元，地方资金98.6万元。"))
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == Decimal("13727000")


@pytest.mark.parametrize(("lead", "marks"), [
    ("2021年中央下达公共文化服务体系建设专项资金预算189.28万元，绩效目标为：", ("1.", "2.", "3.", "4.")),
    ("本年度项目主要绩效目标如下：", ("(1)", "(2)", "(3)", "(4)")),
])
def test_goals_announced_as_numbered_paragraphs_are_read_item_by_item(lead: str, marks: tuple[str, ...]) -> None:
    report = parse_narrative(_doc(
        "公共文化服务体系建设资金绩效自评报告", "一、基本情况", lead,
        f"{marks[0]}确保171个公共文化服务站点正常运行。",
        f"{marks[1]}为164个农家书屋和7个社区书屋更新图书1920册。",
        f"{marks[2]}开展重大节庆文化活动及文化下乡17场。",
        f"{marks[3]}对12个乡镇164个村的应急广播设备进行维护，保证群众正常收听广播。"))
    found = {(i.name, i.target.value if i.target else None, i.target.unit if i.target else None)
             for i in report.projects[0].indicators}
    expected = [("公共文化服务站点正常运行", 171, "个"), ("农家书屋和社区书屋更新图书", 1920, "册"),
                ("重大节庆文化活动及文化下乡", 17, "场"), ("应急广播设备维护", 164, "个")]
    for name, value, unit in expected:
        assert any(names_match(name, n) and v == value and u == unit for n, v, u in found), (name, found)
    # a goal's own clause reports nothing: the 12 towns are no result of the 164 villages
    assert all(not i.actuals for i in report.projects[0].indicators)


def test_numbered_paragraphs_not_announced_as_goals_are_no_goals() -> None:
    report = parse_narrative(_doc(
        "公共文化服务体系建设资金绩效自评报告", "2021年下达专项资金预算189.28万元，主要做法：",
        "1.确保171个公共文化服务站点正常运行。", "2.开展文化下乡17场。"))
    assert not report.projects[0].indicators


@pytest.mark.parametrize("paragraphs", [
    ("3.时效指标。优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%义务兵家庭优待金每年3月、9月份发放指标为100%"
     "实际完成值为100%", "4.成本指标国家规定标准发放指标为100%实际完成值为100%"),
    ("(三)时效指标：优抚对象生活补助金每月中旬发放目标值为100%实际值为100%义务兵家庭优待金每年3月、9月份发放目标值为100%"
     "实际值为100%", "(四)成本指标：国家规定标准发放指标值为100%实际完成值为100%"),
])
def test_targets_and_results_run_together_are_read_pair_by_pair(paragraphs: tuple[str, str]) -> None:
    report = parse_narrative(_doc(
        "优抚对象生活补助经费转移支付2023年度绩效自评报告", "二、绩效目标完成情况分析", "(四)绩效指标完成情况分析",
        *paragraphs))
    found = {i.name: ([a.value for a in i.actuals], i.target.value if i.target else None)
             for i in report.projects[0].indicators}
    for name in ("优抚对象生活补助金每月中旬发放", "义务兵家庭优待金每年3月、9月份发放", "国家规定标准发放"):
        assert found.get(name) == ([Decimal(100)], Decimal(100)), (name, found)


def test_allotments_to_named_items_and_the_fund_they_share() -> None:
    report = parse_narrative(_doc(
        "一、基本情况",
        "2021年，省财政厅向我市下达宣汉县文化馆薅草锣鼓保护补助40万元，下达渠县国家级非遗代表性传承人补助-竹编(渠县刘氏竹编)2万元。",
        "二、综合评价结论",
        "下达我市的2021年国家非物质文化遗产保护资金用于年度重点项目保护补助和传承人补助。",
        "三、绩效目标完成情况分析",
        "2021年我市国家非物质文化遗产保护资金下达42万元，资金到位率100%。截至目前，国家级非遗代表性传承人补助-竹编(渠县刘氏竹编)"
        "已及时划拨给传承人，资金使用率100%；薅草锣鼓保护补助项目资金使用334896元，资金使用率83.72%。"))
    assert _budgets(report) == {"国家非物质文化遗产保护资金": Decimal("420000"),
                                "宣汉县文化馆薅草锣鼓保护补助": Decimal("400000"),
                                "渠县国家级非遗代表性传承人补助-竹编(渠县刘氏竹编)": Decimal("20000")}
    bamboo = _project(report, "渠县国家级非遗代表性传承人补助-竹编(渠县刘氏竹编)").budget
    assert bamboo.executed is not None and bamboo.executed.value == Decimal("20000")  # (使用率100%, no amount)
    drums = _project(report, "宣汉县文化馆薅草锣鼓保护补助").budget
    assert drums.printed_rate is not None and drums.printed_rate.value == Decimal("83.72")


def test_no_fund_subject_where_no_amount_is_the_sum_of_the_allotments() -> None:
    report = parse_narrative(_doc(
        "2021年，向我市下达宣汉县文化馆薅草锣鼓保护补助40万元，下达渠县国家级非遗代表性传承人补助-竹编(渠县刘氏竹编)2万元。",
        "下达我市的2021年国家非物质文化遗产保护资金用于年度重点项目保护补助。",
        "2021年我市国家非物质文化遗产保护资金下达50万元。"))
    assert len(report.projects) == 2


@pytest.mark.parametrize("item_score", ["自评得{}分。", "该项得分{}分。"])
def test_scores_claimed_item_by_item_add_up_the_weighted_headings(item_score: str) -> None:
    report = parse_narrative(_doc(
        "一、投入(14分)", "(一)项目立项(8分):", "(1)项目立项(2分)",
        "我县学前教育项目严格按申报审批程序编报项目建议书，程序完整。" + item_score.format(2),
        "(2)项目预算规范性(3分):", "我县认真编制资金需求，明确资金来源渠道。" + item_score.format(3),
        "我县学前教育项目预算与年初申报需求相符。" + item_score.format(3),  # (the same item's score restated)
        "(3)项目绩效目标设立(3分):", "我县科学合理设立绩效目标。" + item_score.format(3),
        "(二)资金落实(6分):", "今年我县支持学前教育项目发展资金1293.5万元，资金到位率100%。" + item_score.format(6),
        "二、过程(43分)", "(一)项目管理(15分)", "(1)管理制度健全(3分)",
        "我县制定了学前教育项目管理办法。" + item_score.format(3),
        "(2)管理制度落实(3分)", "我县对学前教育项目开展定期巡查，"))
    lines = {line.level: (line.weight, line.score) for line in report.projects[0].scores}
    assert lines["投入"] == (14, 14)
    assert lines["投入/项目立项"] == (8, 8)
    assert lines["投入/资金落实"] == (6, 6)
    # the page stops inside 过程: its items do not add up to its weight, so it claims no score
    assert lines["过程"][1] is None


def test_a_deduction_under_a_weighted_item_and_a_level_without_weights_of_its_own() -> None:
    report = parse_narrative(_doc(
        "某项目绩效自评报告", "1.产出指标(50分)", "(1)数量指标(20分)", "完成培训500人次，扣1分。",
        "(2)质量指标(30分)", "培训合格率98%，自评得30分。", "2.效益指标(30分)", "群众满意。"))
    lines = {line.level: (line.weight, line.score) for line in report.projects[0].scores}
    assert lines["产出"] == (50, 49)
    assert lines.get("效益", (30, None))[1] is None


def test_a_page_cut_before_its_title_is_about_what_it_names_most_often() -> None:
    report = parse_narrative(_doc(
        "一、投入(14分)",
        "我县学前教育项目严格按基建项目申报审批程序编报项目建议书，程序完整。自评得2分。",
        "依据《安徽省财政厅关于下达2019年中小学幼儿园教师国家级培训计划专项资金预算的通知》，"
        "我县学前教育教师国家级培训计划专项资金预算为中央专项资金。",
        "设立中小学幼儿园教师国家级培训计划专项资金区域绩效目标表。",
        "今年我县支持学前教育项目发展资金1293.5万元，资金到位率100%。自评得6分。",
        "我县对学前教育项目开展定期和随机的巡查。"))
    assert [p.name for p in report.projects] == ["学前教育项目"]


@pytest.mark.parametrize(("gold", "found"), [
    ("农家书屋和社区书屋更新图书", "农家书屋、社区书屋更新图书"),
    ("重大节庆文化活动及文化下乡", "开展重大节庆文化活动、文化下乡"),
])
def test_eval_names_a_he_list_as_the_reader_writes_it(gold: str, found: str) -> None:
    assert names_match(gold, found)
    assert not names_match("和谐社区建设", "社区建设、和美乡村")


def test_a_name_without_its_county_is_that_project_only_where_no_other_county_shares_it() -> None:
    report = parse_narrative(_doc(
        "2023年，向我市下达甲县农村公路养护补助100万元，下达乙县农村公路养护补助50万元，下达丙县文化馆非遗传承补助-竹编2万元。",
        "截至年底，农村公路养护补助资金使用率90%；文化馆非遗传承补助-竹编资金使用率100%。"))
    rates = {p.name: (p.budget.printed_rate.value if p.budget.printed_rate else None) for p in report.projects}
    assert rates["丙县文化馆非遗传承补助-竹编"] == 100  # (written without its county: the one project so named)
    assert rates["甲县农村公路养护补助"] is None and rates["乙县农村公路养护补助"] is None  # (two owners: nobody's)


def test_no_fund_subject_where_the_conclusion_does_not_speak_of_the_fund() -> None:
    report = parse_narrative(_doc(
        "一、基本情况",
        "2021年，向我市下达宣汉县文化馆薅草锣鼓保护补助40万元，下达渠县国家级非遗代表性传承人补助-竹编(渠县刘氏竹编)2万元。",
        "三、绩效目标完成情况分析",
        "2021年我市国家非物质文化遗产保护资金下达42万元，资金到位率100%。",
        "国家非物质文化遗产保护资金已全部分配到项目单位。"))
    assert len(report.projects) == 2
