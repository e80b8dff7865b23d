"""A narrative report on several projects that names each in its prose, with its own money (parse/itemnames,
parse/narrativenames): items opened by 一是/二是 inside a sentence, numbered items whose heading runs into their
paragraph, names ending in 资金/专项/经费 as well as 项目/工程. Made-up reports in the shapes county bodies write
them, never a copy of one page; and the one-project reports whose parts, sources and activities are no projects."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse.itemnames import own_money_items
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def _money(report: Report) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


def _w(amount: str) -> Decimal:
    return Decimal(amount) * 10000


# --- items opened by an enumerating word after a colon, inside the sentence that introduces them ---------------
def test_an_item_opened_after_the_colon_of_its_introduction_is_read() -> None:
    text = "全年共实施两类项目：一是村级道路硬化项目，下达资金80万元，已支付76万元；"
    assert own_money_items(text) == ["村级道路硬化项目"]
    other = "本年度重点工作如下，一是小型农田水利工程，安排资金30万元，实际支出30万元。"
    assert own_money_items(other) == ["小型农田水利工程"]


def test_enumerated_projects_after_an_introducing_clause_each_keep_their_money() -> None:
    report = parse_narrative(_doc(
        "某镇2023年度衔接资金项目绩效自评报告",
        "一、项目基本情况",
        "2023年共下达我镇衔接资金500万元，主要实施了两个项目：一是村级道路硬化项目，下达资金320万元，已支付300万元，"
        "硬化道路6公里；二是蔬菜大棚建设项目，下达资金180万元，已支付180万元，新建大棚40座。",
    ))
    money = _money(report)
    assert money["村级道路硬化项目"] == (_w("320"), _w("300"))
    assert money["蔬菜大棚建设项目"] == (_w("180"), _w("180"))


# --- numbered items whose heading runs into their paragraph, names ending in 项目/工程/资金/专项/经费 ----------------
def test_numbered_items_run_into_their_paragraphs_each_name_a_project_or_fund() -> None:
    report = parse_narrative(_doc(
        "三、资金使用情况",
        "（一）乡村公路安保工程。该工程年初预算60万元，实际支出57万元，完成安防设施改造18公里。",
        "（二）渡口渡船改造补助资金。上级下达资金24万元，全年已支出24万元，改造渡船3艘。",
        "（三）农村客运站点维护项目。年初安排资金15万元，实际使用资金12.5万元，剩余资金已交回县财政。",
        "四、绩效目标完成情况",
        "各项工程均已验收合格。",
    ))
    assert _money(report) == {"乡村公路安保工程": (_w("60"), _w("57")), "渡口渡船改造补助资金": (_w("24"), _w("24")),
                              "农村客运站点维护项目": (_w("15"), _w("12.5"))}


def test_numbered_items_in_another_wording_colons_and_a_special_fund() -> None:
    report = parse_narrative(_doc(
        "村民满意度较高。",
        "1.困难群众临时救助专项：年初预算资金90万元，全年实际支出86.4万元，救助困难群众1530人次。",
        "2.高龄老人津贴资金：年初预算52万元，全年执行52万元，按月发放到人。",
    ))
    assert _money(report) == {"困难群众临时救助专项": (_w("90"), _w("86.4")), "高龄老人津贴资金": (_w("52"), _w("52"))}


def test_a_paragraph_opened_by_a_projects_name_explains_that_projects_balance() -> None:
    report = parse_narrative(_doc(
        "二、项目资金情况",
        "1.社区卫生服务站建设工程：年初预算80万元，实际支出72万元，执行率90%。因一处站点选址调整，部分资金结转下年使用。",
        "2.家庭医生签约服务补助资金：年初预算30万元，实际支出27万元，执行率90%。",
    ))
    explained = {p.name: p.budget.balance_explained for p in report.projects}
    assert explained == {"社区卫生服务站建设工程": True, "家庭医生签约服务补助资金": False}


# --- precision: the sources of one project's money, and a single item, are no projects of their own ------------
def test_the_sources_of_one_projects_money_are_no_projects() -> None:
    report = parse_narrative(_doc(
        "2023年度某县农村公路养护项目绩效自评报告",
        "一、项目资金情况",
        "（一）中央资金。下达资金200万元，实际支出196万元。",
        "（二）县级配套资金。年初预算100万元，实际支出100万元。",
    ))
    assert len(report.projects) == 1
    assert "中央资金" not in {p.name for p in report.projects}


def test_sources_in_another_wording_in_an_excerpt_with_no_title() -> None:
    report = parse_narrative(_doc(
        "二、资金使用情况",
        "1.上级补助资金：年初预算45万元，全年支出45万元；",
        "2.本级财政资金：年初预算15万元，全年支出13万元。",
        "本项目资金均按进度拨付。",
    ))
    assert not {p.name for p in report.projects} & {"上级补助资金", "本级财政资金"}


def test_one_numbered_fund_item_alone_is_no_list_of_projects() -> None:
    from reportparse.parse.itemnames import numbered_accounts

    assert numbered_accounts(["（一）设备购置经费。年初预算20万元，实际支出19万元。", "项目总体进展顺利。"]) == []
    assert numbered_accounts(["1.人员经费：年初预算210万元，实际支出208万元。",
                              "2.公用经费：年初预算45万元，实际支出40万元。"]) == []


def test_a_paragraph_opened_by_a_projects_name_in_another_wording_money_not_yet_paid() -> None:
    report = parse_narrative(_doc(
        "（一）城区排涝泵站改造项目。年初预算150万元，截至12月31日已支出120万元。剩余资金因工程尚未竣工结算暂未拨付。",
        "（二）防汛物资储备经费。年初预算20万元，实际支出16万元。",
    ))
    explained = {p.name: p.budget.balance_explained for p in report.projects}
    assert explained == {"城区排涝泵站改造项目": True, "防汛物资储备经费": False}


# --- names in the prose, mid-sentence -----------------------------------------------------------------------------
def test_two_projects_the_opening_joins_are_two_not_one_subject() -> None:
    report = parse_narrative(_doc(
        "2023年，我局实施了集镇供水管网延伸项目和河道生态护岸工程，资金均由县级财政安排。其中集镇供水管网延伸项目"
        "预算资金210万元，实际支出200万元；河道生态护岸工程预算资金90万元，实际支出90万元。",
    ))
    assert _money(report) == {"集镇供水管网延伸项目": (_w("210"), _w("200")), "河道生态护岸工程": (_w("90"), _w("90"))}


def test_two_projects_joined_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "本单位2022年组织实施了森林抚育项目及林区防火道路工程，现将自评情况报告如下。",
        "森林抚育项目年初预算48万元，实际支出46万元；林区防火道路工程年初预算75万元，实际支出75万元。",
    ))
    assert set(_money(report)) == {"森林抚育项目", "林区防火道路工程"}


def test_a_joining_word_after_an_amount_is_no_part_of_the_next_name() -> None:
    from reportparse.parse.fundnames import name_fragments

    assert name_fragments("和学前教育发展专项资金", after_amount=True) == ["学前教育发展专项资金"]
    assert name_fragments("以及残疾儿童康复救助经费", after_amount=True) == ["残疾儿童康复救助经费"]
    # (at a sentence's start the words are the name's own: '和平村…')
    assert name_fragments("和平村道路硬化项目") == ["和平村道路硬化项目"]


def test_funds_listed_with_their_amounts_joined_by_he_keep_clean_names() -> None:
    report = parse_narrative(_doc(
        "本年度纳入自评的资金共2项，分别是义务教育营养改善补助资金120万元和普通高中困难学生补助60万元。"
        "截至年底，义务教育营养改善补助资金支出118万元，普通高中困难学生补助支出60万元。",
    ))
    assert {p.name for p in report.projects} == {"义务教育营养改善补助资金", "普通高中困难学生补助"}


def test_a_level_treasury_before_the_funds_it_arranges_is_no_part_of_their_names() -> None:
    report = parse_narrative(_doc(
        "县级财政年初安排农村文化活动专项资金40万元，用于送戏下乡；安排文物巡查经费12万元，用于聘请文物巡查员。"
        "截至年底，农村文化活动专项资金实际支出38万元，文物巡查经费实际支出12万元。",
    ))
    assert _money(report) == {"农村文化活动专项资金": (_w("40"), _w("38")), "文物巡查经费": (_w("12"), _w("12"))}


def test_a_level_treasury_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "2022年市级财政安排环境监测能力建设资金65万元，实际支出63万元；安排大气污染防治专项经费30万元，实际支出30万元。",
    ))
    assert _money(report) == {"环境监测能力建设资金": (_w("65"), _w("63")),
                              "大气污染防治专项经费": (_w("30"), _w("30"))}


def test_numbered_items_whose_names_open_with_their_year() -> None:
    report = parse_narrative(_doc(
        "（二）项目资金管理情况",
        "1、2023年农村公路灾毁修复资金。年初预算36万元，实际支出36万元，修复灾毁路段5处。",
        "2、2023年山洪灾害防治非工程措施项目。年初预算35万元，实际支出33.2万元，剩余资金已交回财政。",
    ))
    money = _money(report)
    assert money["2023年农村公路灾毁修复资金"] == (_w("36"), _w("36"))
    assert money["2023年山洪灾害防治非工程措施项目"] == (_w("35"), _w("33.2"))


def test_numbered_items_with_a_year_in_another_wording() -> None:
    assert own_money_items("（一）2022年度耕地地力保护补贴，下达资金860万元，已兑付860万元；", unit_lines=True) == [
        "2022年度耕地地力保护补贴"]
    assert own_money_items("二是2021年水土保持工程，安排资金40万元，实际支出38万元。") == ["2021年水土保持工程"]


# --- precision: the parts of one project's works, each a run-in heading with its own money ----------------------
def test_run_in_parts_of_one_project_do_not_give_it_their_money() -> None:
    report = parse_narrative(_doc(
        "某县2023年度公共卫生间改造项目绩效自评报告",
        "本项目年初预算资金160万元，全年实际支出152万元，预算执行率95%。",
        "（一）土建工程。预算资金110万元，实际支出106万元，完成改造14座。",
        "（二）设备购置。预算资金50万元，实际支出46万元，购置设备14套。",
    ))
    project = next(p for p in report.projects if "公共卫生间" in p.name)
    assert (project.budget.planned.value, project.budget.executed.value) == (_w("160"), _w("152"))


def test_run_in_parts_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "2022年某镇污水管网建设项目绩效自评报告",
        "该项目总预算300万元，全年实际支出288万元。",
        "1.主管网铺设。安排资金200万元，支付资金195万元。",
        "2.入户支管改造。安排资金100万元，支付资金93万元。",
        "（三）预算执行率。全年执行率96%。",
    ))
    project = next(p for p in report.projects if "污水管网" in p.name)
    assert (project.budget.planned.value, project.budget.executed.value) == (_w("300"), _w("288"))


# --- each project's score in one sentence ---------------------------------------------------------------------
def test_one_sentence_giving_each_project_its_score() -> None:
    report = parse_narrative(_doc(
        "一、项目概况",
        "路灯维护项目年初预算40万元，实际支出40万元；公园绿化养护项目年初预算60万元，实际支出58万元。",
        "二、自评结果",
        "经自评，路灯维护项目自评得分96分，公园绿化养护项目自评得分89分，等级均为良好以上。",
    ))
    assert {p.name: p.total_score for p in report.projects} == {"路灯维护项目": 96, "公园绿化养护项目": 89}


def test_scores_in_one_sentence_in_another_wording_and_a_shared_clause() -> None:
    report = parse_narrative(_doc(
        "学生资助经费年初预算30万元，全年支出30万元；校舍维修工程年初预算80万元，全年支出76万元。",
        "经综合评价，学生资助经费综合得分95分，校舍维修工程综合得分90分。",
        "学生资助经费和校舍维修工程的满意度均为95%。",
    ))
    assert {p.name: p.total_score for p in report.projects} == {"学生资助经费": 95, "校舍维修工程": 90}


# --- a list's whole after its bracketed items is no item's ----------------------------------------------------
def test_the_whole_after_a_bracketed_list_is_not_the_last_items() -> None:
    report = parse_narrative(_doc(
        "2023年，我局共实施项目2个，分别为城区绿化养护项目（预算60万元）、街头游园改造工程（预算40万元），全年实际支出"
        "97.5万元。",
    ))
    assert _money(report)["街头游园改造工程"] == (_w("40"), None)


def test_the_whole_after_a_bracketed_list_in_another_wording() -> None:
    report = parse_narrative(_doc(
        "本年度实施了2个项目：村级党群服务中心建设项目（安排资金80万元）和村史馆布展项目（安排资金20万元），"
        "合计支付资金96万元。村级党群服务中心建设项目支付78万元，村史馆布展项目支付18万元。",
    ))
    money = _money(report)
    assert money["村史馆布展项目"] == (_w("20"), _w("18"))
    assert money["村级党群服务中心建设项目"] == (_w("80"), _w("78"))
