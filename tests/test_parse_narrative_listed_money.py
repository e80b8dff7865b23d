"""A narrative report on a unit's projects that lists each project with its money and no verb of its own
('1、A费5万元，主要用于…'), or names them as the parts of the unit's budget said to be project money
('其中项目资金两项：…'): each item is a project and its amount that project's budget. Made-up reports in several
wordings, never a copy of a corpus page."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def _money(report: Report) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


# --- numbered items, one a paragraph, 'N、name amount，主要用于…' ------------------------------------------
def test_numbered_items_state_each_projects_budget_and_their_sum_is_no_subject() -> None:
    report = parse_narrative(_doc(
        "某县文化馆2022年项目支出绩效自评报告",
        "一、项目基本情况",
        "2022年本馆纳入绩效自评的项目共3个,项目支出42万元。明细如下:",
        "1、非遗保护传承经费20万元,主要用于非遗项目传承人补贴;",
        "2、公共文化活动经费12万元,主要用在送戏下乡等活动上;",
        "3、图书购置费10万元,主要用于购买新书。",
        "二、绩效目标完成情况",
        "全年送戏下乡30场,完成目标30场的100%。",
    ))
    # (the 42万元 of the title's '项目支出' is only the three items' sum: no project of its own)
    assert _money(report) == {
        "非遗保护传承经费": (Decimal("200000"), None),
        "公共文化活动经费": (Decimal("120000"), None),
        "图书购置费": (Decimal("100000"), None),
    }


def test_bracket_numbered_items_after_an_announced_count() -> None:
    report = parse_narrative(_doc(
        "某区退役军人事务局2021年度项目支出绩效评价报告",
        "一、项目概况",
        "本局2021年实施项目两个:",
        "(1)优抚对象慰问金8.6万元,用于春节、八一走访慰问;",
        "(2)烈士纪念设施维护费3万元,用于烈士陵园日常维护。",
        "二、绩效情况",
        "慰问优抚对象430人次。",
    ))
    assert _money(report) == {
        "优抚对象慰问金": (Decimal("86000"), None),
        "烈士纪念设施维护费": (Decimal("30000"), None),
    }


def test_a_whole_beyond_the_listed_items_stays_a_subject() -> None:
    report = parse_narrative(_doc(
        "某市档案馆2023年度项目支出绩效自评报告",
        "一、基本情况",
        "2023年本馆共实施项目6个,项目预算合计300万元。现将其中两个重点项目情况报告如下:",
        "1、档案数字化加工经费80万元,主要用于馆藏档案扫描;",
        "2、库房设备维护费20万元,主要用于密集架维修。",
    ))
    money = _money(report)
    assert money["档案数字化加工经费"] == (Decimal("800000"), None)
    assert money["库房设备维护费"] == (Decimal("200000"), None)
    assert "某市档案馆2023年度项目支出" in money  # (300万元 is more than the two items: the whole stays)


# --- 其中 parts said to be the projects' money -------------------------------------------------------------
def test_parts_said_to_be_project_money_are_projects_spent_in_full() -> None:
    report = parse_narrative(_doc(
        "某县科学技术协会2022年度项目支出绩效评价报告",
        "一、项目基本情况",
        "本会2022年部门预算合计80万元,其中项目经费3项:科普宣传经费12万元,占部门预算的15%;"
        "青少年科技创新大赛经费6万元,占7.5%;",
        "院士专家工作站补助4万元,占5%。",
        "以上经费已全部拨付到位,并全部用于项目实施。",
        "二、项目绩效情况",
        "举办科普活动26场。",
    ))
    assert _money(report) == {
        "科普宣传经费": (Decimal("120000"), Decimal("120000")),
        "青少年科技创新大赛经费": (Decimal("60000"), Decimal("60000")),
        "院士专家工作站补助": (Decimal("40000"), Decimal("40000")),
    }


def test_project_money_parts_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "某市残疾人联合会2020年度项目支出绩效评价报告",
        "一、项目资金情况",
        "2020年单位预算总计210万元,其中项目资金两项:康复救助经费30万元,占单位预算的14.29%;"
        "就业培训经费9万元,占单位预算的4.29%。",
        "上述资金已全部拨付,并已足额投入项目。",
    ))
    assert _money(report) == {
        "康复救助经费": (Decimal("300000"), Decimal("300000")),
        "就业培训经费": (Decimal("90000"), Decimal("90000")),
    }


def test_parts_of_a_budget_by_source_stay_parts() -> None:
    report = parse_narrative(_doc(
        "某镇2021年农村公路养护资金绩效自评报告",
        "一、项目概况",
        "2021年农村公路养护资金预算120万元,其中中央资金80万元,县级配套资金40万元。",
        "资金已全部拨付到位。",
    ))
    money = _money(report)
    assert len(money) == 1
    assert next(iter(money.values()))[0] == Decimal("1200000")


# --- numbered paragraphs each run in by a fund's name, with its own allotment and goals ----------------------------
def test_run_in_fund_items_with_their_own_goals_are_the_projects() -> None:
    report = parse_narrative(_doc(
        "根据财政部有关通知要求,某省对2022年度中央农业相关转移支付资金开展了绩效自评,现将情况报告如下:",
        "(一)农机购置补贴资金。财政部下达我省2022年农机购置补贴资金5600万元。年度绩效目标为:",
        "目标1:补贴各类农机具4000台套,带动农民购机投入。",
        "(二)农机报废更新补贴资金。财政部下达我省农机报废更新补贴资金860万元。年度绩效目标为:",
        "目标1:报废老旧拖拉机和联合收割机300台。",
    ))
    assert _money(report) == {
        "农机购置补贴资金": (Decimal("56000000"), None),
        "农机报废更新补贴资金": (Decimal("8600000"), None),
    }


def test_run_in_project_items_in_another_layout() -> None:
    report = parse_narrative(_doc(
        "某市2021年度水利发展资金绩效自评报告",
        "1.小型水库除险加固项目。省级安排资金1500万元。设定绩效目标:完成12座小型水库除险加固。",
        "2.山洪灾害防治项目。省级安排资金450万元。设定绩效目标:维护监测站点80处。",
        "3.农村饮水安全维修养护项目。安排资金260万元。设定绩效目标:维修供水工程45处。",
    ))
    money = {name.removesuffix("项目"): value for name, value in _money(report).items()}
    assert money == {"小型水库除险加固": (Decimal("15000000"), None), "山洪灾害防治": (Decimal("4500000"), None),
                     "农村饮水安全维修养护": (Decimal("2600000"), None)}


def test_run_in_spending_lines_without_goals_stay_parts_of_the_one_project() -> None:
    report = parse_narrative(_doc(
        "某县2022年度乡村环境整治专项资金绩效自评报告",
        "一、资金使用情况",
        "1.保洁人员经费。全年支出120万元,按月发放。",
        "2.垃圾清运经费。全年支出80万元,按合同支付。",
        "二、绩效目标完成情况",
        "完成120个行政村环境整治。",
    ))
    assert len(report.projects) == 1


# --- a fund's amount said with no verb, then what all of it went to ------------------------------------------------
def test_a_funds_amount_all_used_for_its_work_is_budget_and_spending() -> None:
    report = parse_narrative(_doc(
        "某县统计局2022年度项目支出绩效自评报告",
        "一、项目概况",
        "为做好第五次全国经济普查准备工作,我局加强组织领导。上级补助经费36万元,全部用于普查员培训和入户登记。",
        "二、绩效情况",
        "培训普查员420人次。",
    ))
    ((budget, spent),) = _money(report).values()
    assert (budget, spent) == (Decimal("360000"), Decimal("360000"))


def test_an_allotment_all_used_for_its_work_is_spent_too() -> None:
    report = parse_narrative(_doc(
        "某区2023年度老年人助餐服务补助资金绩效自评报告",
        "一、基本情况",
        "市财政下达老年人助餐服务补助资金52万元,全部用于社区助餐点运营补贴。",
        "二、绩效目标完成情况",
        "新建助餐点6个。",
    ))
    ((budget, spent),) = _money(report).values()
    assert (budget, spent) == (Decimal("520000"), Decimal("520000"))  # (the allotment, all of it used)


# --- the works' whole investment beside the fund a report is on ----------------------------------------------------
def test_the_works_whole_investment_is_not_the_funds_budget() -> None:
    report = parse_narrative(_doc(
        "某区2021年停车场建设专项债券资金绩效自评报告",
        "一、资金投入情况",
        "2021年本项目获下达停车场建设专项债券资金1500万元,全部用于本项目建设。",
        "二、绩效目标完成情况",
        "该项目总投资额为2.6亿元,建成后新增停车位800个。",
    ))
    ((budget, _),) = _money(report).values()
    assert budget == Decimal("15000000")


def test_a_works_investment_beside_its_fund_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "某县2022年城镇污水管网改造补助资金绩效自评报告",
        "一、项目概况",
        "本项目获安排城镇污水管网改造补助资金800万元,用于老城区管网改造。",
        "本项目总投资为4500万元,分三年建设。",
    ))
    ((budget, _),) = _money(report).values()
    assert budget == Decimal("8000000")


# --- a budget in 万 with 元 left off, its uses broken down in the next sentence ------------------------------------
def test_a_budget_then_its_uses_by_category_in_the_next_sentence() -> None:
    report = parse_narrative(_doc(
        "2019年城乡居民医保宣传项目绩效评价报告",
        "一、项目资金使用及管理情况",
        "项目批复资金60万已全部到位,来源为市财政拨款。",
        "本项目资金统筹安排使用,其中人员费用21.5万元,公用支出38.5万元,无截留挪用。",
        "资金全部用于医保政策宣传和参保动员。",
    ))
    ((budget, spent),) = _money(report).values()
    assert (budget, spent) == (Decimal("600000"), Decimal("600000"))


def test_a_budget_and_its_breakdown_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "某县2020年基层农技推广补助项目绩效自评报告",
        "一、资金情况",
        "下达项目经费45万均已拨付到位。",
        "经费按计划安排使用,其中人员经费12万元,公用支出33万元。",
    ))
    ((budget, spent),) = _money(report).values()
    assert budget == Decimal("450000")
    assert spent is None  # (a breakdown of the budget by category says no spending)


# --- what a body passed on to the levels below it ------------------------------------------------------------------
def test_the_total_passed_on_below_is_not_the_allotment_received() -> None:
    report = parse_narrative(_doc(
        "某省2021年度中央林业改革发展资金绩效自评报告",
        "一、资金下达情况",
        "2021年中央下达我省林业改革发展资金预算5000万元。",
        "省财政厅按因素法将资金分配到各市县,中央和省级合计分配下达资金5600万元。",
    ))
    ((budget, _),) = _money(report).values()
    assert budget == Decimal("50000000")


def test_the_total_distributed_to_townships_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "某县2022年度农村人居环境整治补助资金绩效自评报告",
        "一、基本情况",
        "市财政下达我县农村人居环境整治补助资金800万元。",
        "县财政加上本级配套资金后,合计分配到各乡镇资金共计950万元。",
    ))
    ((budget, _),) = _money(report).values()
    assert budget == Decimal("8000000")


# --- a budget's parts, every one said paid -------------------------------------------------------------------------
def test_a_budgets_parts_all_paid_spend_the_whole() -> None:
    report = parse_narrative(_doc(
        "某区2021年老旧小区改造专项资金绩效自评报告",
        "一、资金投入情况",
        "2021年下达老旧小区改造专项资金900万元,其中工程费820万元,监理费80万元,两项均已在2021年底支付到位。",
    ))
    ((budget, spent),) = _money(report).values()
    assert (budget, spent) == (Decimal("9000000"), Decimal("9000000"))


def test_a_budgets_parts_all_paid_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "某县2022年困难群众救助补助资金绩效自评报告",
        "一、资金情况",
        "上级安排困难群众救助补助资金320万元,其中城乡低保资金260万元、临时救助资金60万元,均已拨付完毕。",
    ))
    ((budget, spent),) = _money(report).values()
    assert (budget, spent) == (Decimal("3200000"), Decimal("3200000"))


def test_allotted_money_all_used_for_the_works_without_a_comma() -> None:
    report = parse_narrative(_doc(
        "2023年某镇东湾村灌溉渠道维修项目绩效自评报告",
        "一、项目概况",
        "镇里计划维修东湾村灌溉渠道2.4公里,安排项目资金38万元。",
        "下达的38万元维修资金全部用于东湾村灌溉渠道维修。",
    ))
    ((budget, spent),) = _money(report).values()
    assert (budget, spent) == (Decimal("380000"), Decimal("380000"))
