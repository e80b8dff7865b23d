"""Narrative project lists and their money, found sweeping self-evaluation pages of provinces the corpus
had little of (round three): a made-up report in each shape met, never a copy of one page."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Report
from reportparse.parse.names import valid_candidate
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.reading import reading_copy
from tests.test_parse_narrative import _doc


def _money(report: Report) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


# --- the reading copy --------------------------------------------------------------------------
@pytest.mark.parametrize(("printed", "read"), [
    ("预算35. 3万元", "预算35.3万元"),           # a dump broke the number after its point
    ("执行率99. 5%", "执行率99.5%"),
    ("1. 3万元用于设备购置", "1. 3万元用于设备购置"),  # a list number at the start stays as written
    ("第2. 5条", "第2. 5条"),                  # no amount after it
])
def test_a_decimal_broken_after_its_point_is_closed(printed: str, read: str) -> None:
    assert reading_copy(printed) == read


# --- numbered items: 'N、X项目：预算…' -------------------------------------------------------------
def test_numbered_projects_with_colon_and_money() -> None:
    report = parse_narrative(_doc(
        "某纪念馆2022年度项目支出绩效自评总报告",
        "一、项目绩效目标情况(一)本馆2022年度共有3个项目1、展陈设施维修项目:预算42. 6万元,全年实际支付42. 6万元,"
        "使用率100%。2、预算外资金政府集中款项目:预算15万元,全年实际支付15万元,使用率100%。"
        "3、馆区改造工程(一期)项目:预算980万元,全年实际支付960万元,使用率98%。",
    ))
    assert _money(report) == {
        "展陈设施维修项目": (Decimal("426000"), Decimal("426000")),
        "预算外资金政府集中款项目": (Decimal("150000"), Decimal("150000")),  # (预算外 is part of the name)
        "馆区改造工程(一期)项目": (Decimal("9800000"), Decimal("9600000")),
    }


def test_ordinal_parts_name_their_projects_without_the_document_number() -> None:
    report = parse_narrative(_doc(
        "某镇人民政府开展了中央对地方转移支付绩效自评,涉及项目2个,自评结果如下:",
        "项目一:某财农〔2023〕41号东村集体经济项目,项目全年预算数*元,执行数*元,完成预算的100%。",
        "项目二:某财预〔2023〕77号边民补助,项目全年预算数*元,执行数*元,完成预算的100%。",
    ))
    assert [p.name for p in report.projects] == ["东村集体经济项目", "边民补助"]


def test_the_one_project_named_after_its_count() -> None:
    report = parse_narrative(_doc(
        "某中学专项资金绩效自评价报告一、基本情况(一)项目基本概况我校2022年只有一个项目:生均公用经费项目"
        "(二)资金及项目绩效目标共计120万元三、预算支出组织实施情况我校2022年财政安排支出共计80万元,余款安排下年支出",
    ))
    assert [p.name for p in report.projects] == ["生均公用经费项目"]
    assert report.projects[0].budget.balance_explained  # ('余款安排下年支出')


# --- a fund's allotments to its projects ------------------------------------------------------
def test_a_fund_allotted_to_projects_in_two_batches() -> None:
    report = parse_narrative(_doc(
        "某市中央土壤污染防治转移支付资金2023年度绩效自评报告",
        "一、绩效目标分解下达情况",
        "我市2023年度获得中央土壤污染防治资金900万元。第一批资金500万元,分别用于甲地块调查项目300万元、"
        "乙园区修复项目200万元;第二批资金400万元,分别用于甲地块调查项目100万元、丙耕地安全利用项目(二期工程)300万元。",
    ))
    money = _money(report)
    assert money["甲地块调查项目"] == (Decimal("4000000"), None)  # 300 + 100 from the two batches
    assert money["乙园区修复项目"] == (Decimal("2000000"), None)
    assert money["丙耕地安全利用项目(二期工程)"] == (Decimal("3000000"), None)
    assert money["中央土壤污染防治资金"] == (Decimal("9000000"), None)  # (the fund the title names)


def test_a_fund_total_in_batches_is_not_added_again() -> None:
    report = parse_narrative(_doc(
        "某省水污染防治资金绩效自评报告",
        "一、绩效目标分解下达情况",
        "下达某省水污染防治资金共41470万元,其中第一批资金31374万元,第二批资金7096万元,第三批资金3000万元。",
    ))
    assert _money(report) == {"某省水污染防治资金": (Decimal("414700000"), None)}


def test_quoted_names_before_bracketed_amounts() -> None:
    report = parse_narrative(_doc(
        "某市生态环境局2023年度中央专项资金转移支付绩效自评报告",
        "一、绩效目标分解下达情况",
        "我市以文件将资金下拨到甲旗,用于“甲厂地块土壤污染状况初步调查项目”(723万元)和"
        "“乙旗污染地块土壤污染状况详细调查”(272万元)。",
    ))
    money = _money(report)
    assert money["甲厂地块土壤污染状况初步调查项目"] == (Decimal("7230000"), None)
    assert money["乙旗污染地块土壤污染状况详细调查"] == (Decimal("2720000"), None)


# --- 转移支付 is a fund, not a payment ----------------------------------------------------------
def test_a_transfer_payment_is_not_spending() -> None:
    report = parse_narrative(_doc(
        "天河市平安工程转移支付2020年度绩效自评报告",
        "一、绩效目标分解下达情况",
        "2020年中央下达我市的天河市公共视频监控建设项目(平安工程)转移支付预算1500万元。",
        "二、绩效目标完成情况分析",
        "2020年度该项目转移支付资金1500万元已全部及时拨付到位。2020年度该项目资金1500万元,已执行支付1200万元。",
    ))
    assert _money(report) == {"天河市平安工程转移支付": (Decimal("15000000"), Decimal("12000000"))}


def test_the_years_own_spending_replaces_another_periods() -> None:
    report = parse_narrative(_doc(
        "一、绩效目标分解下达情况",
        "2023年中央下达育秧设施建设项目预算资金1465万元,2023年完成支付784.685万元。",
        "2024年结转育秧设施建设项目资金合计680.315万元,全年预算执行数合计233.64万元,预算执行率34.3%。",
    ))
    assert _money(report)["育秧设施建设项目"][1] == Decimal("2336400")


# --- tables of projects -----------------------------------------------------------------------
def test_a_header_row_dumped_a_cell_a_line_names_no_project() -> None:
    report = parse_narrative(_doc(
        "2023年度新增地方政府专项债券项目绩效评价情况",
        "我单位2023年新增地方政府专项债券项目2个,争取到债券资金1.5亿元。",
        "单位:亿元", "项目名称", "债券性质", "截至2023年底已发债券规模", "自评分数", "自评等级",
        "甲医院建设工程", "其他项目收益专项债券", "1.0", "95", "乙医院重建项目", "其他项目收益专项债券", "0.5", "92",
    ))
    names = [p.name for p in report.projects]
    assert "债券性质" not in names
    assert {"甲医院建设工程", "乙医院重建项目"} <= set(names)  # (the rows' first cells)


# --- fragments that are no project name --------------------------------------------------------
@pytest.mark.parametrize("fragment", [
    "部门预算项目支出",        # the budget's categories
    "专项预算",
    "亩均投入财政资金",        # a rate per unit
    "每村每年补助",
    "全区共完成发放补助资金",  # a verb and its money
    "批复我局项目",            # who gave the money to whom
    "2020年中央下达我市",
    "车辆购置税补助资金的年度绩效目标是",  # a clause whose verb comes last
    "预拨资金",                # a source of money
    "争取到债券资金",
])
def test_fragments_are_no_names(fragment: str) -> None:
    assert not valid_candidate(fragment)


@pytest.mark.parametrize("name", ["生均公用经费项目", "人均住房改善项目", "南桃花河生态修复项目(一期工程)"])
def test_names_still_valid(name: str) -> None:
    assert valid_candidate(name)


def test_a_counted_pair_ended_by_a_comma() -> None:
    report = parse_narrative(_doc(
        "某县工业商务和信息化局关于《2020-2021年专项债券项目资金绩效评价》的报告",
        "本局2020-2021年新增的专项债项目共两项,即甲园区孵化基地建设项目和甲园区水处理厂工程项目,两个项目的报告如下:",
        "项目一:甲园区孵化基地建设项目支出绩效自评报告",
    ))
    assert [p.name for p in report.projects] == ["甲园区孵化基地建设项目", "甲园区水处理厂工程项目"]


def test_wan_without_yuan_after_a_spending_label() -> None:
    report = parse_narrative(_doc(
        "某区残联中央转移支付2023年度绩效自评报告(残疾人事业发展补助资金)",
        "一、绩效目标分解下达情况",
        "2023年下达某区中央转移支付资金(残疾人事业发展补助资金)29.6万元,用于残疾人基本康复。",
        "二、绩效情况分析",
        "投入中央直达资金29.6万,执行数29.6万,执行率100%。",
    ))
    [(planned, executed)] = _money(report).values()
    assert (planned, executed) == (Decimal("296000"), Decimal("296000"))


def test_a_project_inside_its_units_category_total() -> None:
    report = parse_narrative(_doc(
        "一、项目基本情况",
        "补助甲村2万元、乙村4万元用于开展实施农村环境综合整治示范工作。",
        "三、项目绩效实现情况",
        "根据预算批复,批复我局项目支出160万元,其中包含农村环境综合整治项目经费10万元。",
    ))
    assert _money(report) == {"农村环境综合整治项目经费": (Decimal("100000"), None)}


def test_a_project_list_table_with_its_bond_money_and_self_scores() -> None:
    report = parse_narrative(_doc(
        "2023年度新增地方政府专项债券项目绩效评价情况",
        "我单位2023年新增地方政府专项债券项目2个,争取债券资金1.5亿元,绩效自评结果如下:",
        "单位:亿元",
        [["项目名称", "债券性质", "截至2023年底已发债券规模", "自评分数", "自评等级"],
         ["甲医院建设工程", "其他项目收益专项债券", "1.0", "95", ""],
         ["乙医院重建项目", "其他项目收益专项债券", "0.5", "92", ""]],
    ))
    assert _money(report) == {"甲医院建设工程": (Decimal("100000000"), None),
                              "乙医院重建项目": (Decimal("50000000"), None)}
    assert [(s.level, s.weight, s.score) for s in report.projects[0].scores] == [("总分", Decimal(100), Decimal(95))]


def test_a_counted_list_whose_items_are_numbered_paragraphs() -> None:
    report = parse_narrative(_doc(
        "某县就业服务中心2023年项目支出绩效自评报告",
        "一、项目基本情况",
        "本中心2023年参与绩效评价的项目共3个,项目支出110万元。具体如下:",
        "1、档案整理费5万元,主要用于档案整理方面;",
        "2、失业保险政策宣传5万元,主要用于失业保险政策宣传方面;",
        "3、就业专项资金100万元,主要用于专项培训相关费用方面。",
        "二、绩效目标完成情况",
    ))
    names = [p.name for p in report.projects]
    assert {"档案整理费", "失业保险政策宣传", "就业专项资金"} <= set(names)
    assert {n: e for n, (_, e) in _money(report).items() if n in ("档案整理费", "就业专项资金")} == {
        "档案整理费": Decimal("50000"), "就业专项资金": Decimal("1000000")}


def test_last_years_carry_over_is_not_the_budget() -> None:
    report = parse_narrative(_doc(
        "某县2021年中央食品监管专项转移支付绩效自评报告",
        "一、绩效目标分解下达情况(一)中央下达预算和绩效目标情况,2021年度我局食品监管资金上年结转结余资金2万元,"
        "2021年中央下达中央食品监管专项转移支付预算资金3万元。",
    ))
    [(planned, _)] = _money(report).values()
    assert planned == Decimal("30000")


def test_a_stated_cause_of_the_unspent_money_explains_the_balance() -> None:
    report = parse_narrative(_doc(
        "2021年度奖助学金项目自评结果",
        "一、自评结论",
        "2021年奖助学金项目实际下达预算2596万元,全年度实际总支出2595.62万元。项目预算资金未执行完的主要原因是剩余的"
        "0.38万元为应征入伍学生资助经费,将作为我校2022年应征入伍学生资助经费使用。",
    ))
    assert report.projects[0].budget.balance_explained
