"""A project found by name keeps the money its prose states in plain words (parse/amounts.py, parse/funds.py):
money paid out by a verb right before its amount ('全年发放…', '共使用补助资金…', '兑现奖补资金…') is its
spending, and the money it received (到位/收到) is its budget where the report states no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse import parse_report
from reportparse.readers import extract_document

from ._textforms import in_wan as _wan
from ._textforms import parsed_project as _project


@pytest.mark.parametrize(("money", "planned", "executed"), [
    ("2023年市财政下达高龄津贴资金84万元，全年发放83.2万元，执行率99.05%。", 84, 83.2),
    ("县财政安排高龄津贴资金52.6万元。截至年底，各乡镇共使用津贴资金50.1万元。", 52.6, 50.1),
    ("上级下达高龄津贴奖补资金40万元，已兑现奖补资金38万元，其余2万元结转下年。", 40, 38),
    ("年初预算高龄津贴经费30万元，实际发放到户资金29.4万元。", 30, 29.4),
])
def test_money_paid_out_right_before_its_amount_is_spending(tmp_path: Path, money: str, planned: float,
                                                           executed: float) -> None:
    text = "某县2023年度高龄津贴项目绩效自评报告\n一、项目资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == executed


@pytest.mark.parametrize("money", [
    "县财政安排高龄津贴资金52.6万元，计划发放到户资金50万元。",
    "县财政安排高龄津贴资金52.6万元，其中用于发放津贴资金50万元，其余用于慰问。",
    "县财政安排高龄津贴资金52.6万元，年底前待兑现资金50万元。",
])
def test_money_to_be_paid_out_is_no_spending(tmp_path: Path, money: str) -> None:
    text = "某县2023年度高龄津贴项目绩效自评报告\n一、项目资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == 52.6
    assert budget.executed is None


@pytest.mark.parametrize(("money", "planned", "executed"), [
    ("2022年本中心共收到上级拨付的设备维护经费18.5万元，全年支出18.2万元。", 18.5, 18.2),
    ("该项目市级财政实际到位资金26万元，截至年底已支付24.7万元。", 26, 24.7),
])
def test_money_received_is_the_budget_where_none_is_stated(tmp_path: Path, money: str, planned: float,
                                                          executed: float) -> None:
    text = "某市2022年度设备维护项目绩效自评报告\n一、项目资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == executed


@pytest.mark.parametrize("money", [
    "年初预算安排设备维护经费30万元。实际到位资金26万元，已支付24.7万元。",
    "3月到账设备维护经费10万元，9月到账16万元，已支付24.7万元。",
])
def test_money_received_leaves_a_stated_budget_and_instalments_alone(tmp_path: Path, money: str) -> None:
    text = "某市2022年度设备维护项目绩效自评报告\n一、项目资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == (30 if "年初" in money else None)


@pytest.mark.parametrize(("money", "executed"), [
    ("省财政下达补贴资金3000万元。全年拨付到户补贴资金2985.6万元，补贴标准为每亩95.5元。", 2985.6),
    ("省财政下达补贴资金3000万元。全年发放补贴资金2985.6万元，按每户1200元标准发放。", 2985.6),
    ("省财政下达补贴资金3000万元。全年发放补贴2985.6万元、200元/人的交通补助。", 2985.6),
])
def test_a_rate_per_head_or_acre_is_no_part_of_the_spending(tmp_path: Path, money: str, executed: float) -> None:
    text = "某县2021年耕地地力保护补贴项目绩效自评报告\n一、资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == 3000
    assert _wan(budget.executed) == executed


@pytest.mark.parametrize(("money", "planned", "executed"), [
    ("2022年县财政下达津贴资金210万元。2023年县财政下达津贴资金230万元，全年发放226万元。", 230, 226),
    ("自2018年实施以来，累计发放津贴1260万元。2023年度安排津贴资金230万元，当年发放226万元。", 230, 226),
    ("上年即2022年度预算津贴资金215万元，支出214万元；2023年度预算津贴资金230万元，支出226万元。", 230, 226),
])
def test_money_of_another_year_is_not_the_years_budget(tmp_path: Path, money: str, planned: float,
                                                       executed: float) -> None:
    text = "某县2023年度高龄津贴项目绩效自评报告\n一、资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == executed


@pytest.mark.parametrize(("money", "planned", "executed"), [
    # (a works approved one year and paid for the next: the report names no money by its own year)
    ("项目于2022年批复预算资金300万元，截至2023年12月31日，已支付工程款288万元。", 300, 288),
    ("2022年下达资金300万元，2023年3月完成验收，2023年支付工程款288万元。", 300, 288),
])
def test_money_of_another_year_stands_where_the_report_names_none_of_its_own(
        tmp_path: Path, money: str, planned: float, executed: float) -> None:
    text = "某镇2023年度村道硬化项目绩效自评报告\n一、资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == executed


@pytest.mark.parametrize(("money", "planned", "executed"), [
    ("该项目总投资1500万元，分三年建设。2023年度下达项目资金520万元，当年完成投资498万元。", 520, 498),
    ("项目计划总投资1500万元。县财政2023年安排建设资金520万元，全年支付工程款498万元。", 520, 498),
])
def test_the_years_allotment_named_by_its_year_is_the_budget_of_a_works(tmp_path: Path, money: str, planned: float,
                                                                        executed: float) -> None:
    text = "某县2023年度污水管网建设项目绩效自评报告\n一、项目概况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == executed


@pytest.mark.parametrize(("money", "executed"), [
    ("资金支出情况：疫苗采购支出88.5万元，免疫劳务补助支出20万元，合计支出108.5万元。", 108.5),
    ("全年支出情况为：购置设备支出60万元，培训支出28.5万元，宣传支出20万元，共计支出108.5万元。", 108.5),
])
def test_the_total_of_listed_spending_items_is_the_spending(tmp_path: Path, money: str, executed: float) -> None:
    text = ("某县2022年动物防疫补助资金绩效自评报告\n一、项目资金情况\n县财政共计下达防疫补助资金110万元。\n"
            + money + "\n")
    result = _project(tmp_path, text)
    assert _wan(result.budget.planned) == 110
    assert _wan(result.budget.executed) == executed


@pytest.mark.parametrize("items", [
    "1、东岭村垃圾收集点建设项目，下达资金30万元，已支付28万元；\n2、西岭村污水处理设施维修项目，下达资金12万元，已支付12万元。",
    "（1）南街口袋公园改造工程，安排资金30万元，完成支付28万元。\n（2）北街路灯更换工程，安排资金12万元，完成支付12万元。",
])
def test_money_of_items_listed_one_a_paragraph_is_not_the_funds(tmp_path: Path, items: str) -> None:
    text = ("2022年度农村人居环境整治专项资金绩效自评报告\n一、资金下达情况\n2022年县财政下达农村人居环境整治专项资金"
            "42万元，实施项目2个：\n" + items + "\n二、项目绩效\n新建垃圾收集点15个。\n")
    path = tmp_path / "money.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_report(extract_document(path))
    fund = next(p for p in report.projects if "人居环境整治" in p.name)
    assert _wan(fund.budget.planned) == 42
    assert fund.budget.executed is None or _wan(fund.budget.executed) == 40


@pytest.mark.parametrize(("money", "executed"), [
    ("2021年共筹集帮扶资金128万元。全年共计发放帮扶资金125.6万元，帮扶困难职工1256人次。", 125.6),
    ("2021年共筹集帮扶资金128万元。全年向困难职工发放生活救助资金125.6万元。", 125.6),
])
def test_money_paid_out_with_its_own_name_between_is_spending(tmp_path: Path, money: str, executed: float) -> None:
    text = "某市2021年度困难职工帮扶资金绩效自评报告\n一、资金概况\n" + money + "\n"
    assert _wan(_project(tmp_path, text).budget.executed) == executed


@pytest.mark.parametrize("money", [
    "该项目资金由中央、省、县三级财政共同承担，2023年度共计36万元，其中中央补助24万元，省级补助8万元，县级配套4万元。",
    "资金来源：本年度合计36万元，其中：中央补助24万元、县级配套12万元。",
])
def test_a_total_then_its_sources_is_the_budget(tmp_path: Path, money: str) -> None:
    text = "某县2023年度乡镇文化站免费开放项目绩效自评报告\n一、项目资金情况\n" + money + "\n全年共计支出36万元。\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == 36
    assert _wan(budget.executed) == 36


@pytest.mark.parametrize("money", [
    "食品安全抽检项目年初预算68万元，全年支出66.5万元；特种设备安全监管项目预算25万元，执行24万元。",
    "农产品检测工程预算资金40万元，实际支出39万元。",
])
def test_a_sentence_opened_by_another_projects_name_is_not_the_departments_money(tmp_path: Path,
                                                                                 money: str) -> None:
    text = ("区市场监督管理局2023年度部门整体支出绩效自评报告\n一、部门预算执行情况\n"
            "2023年部门全年预算数3265.4万元，全年执行数3198.7万元，预算执行率97.96%。\n二、重点项目情况\n"
            + money + "\n")
    path = tmp_path / "money.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_report(extract_document(path))
    department = next(p for p in report.projects if "整体" in p.name)
    assert _wan(department.budget.planned) == 3265.4
    assert _wan(department.budget.executed) == 3198.7
    assert department.budget.initial is None


@pytest.mark.parametrize("fields", [
    "一、项目资金情况（单位：万元）\n年初预算：80；调整预算：76；实际支出：75.6；执行率：99.47%。\n",
    "一、项目资金情况\n金额单位：万元。预算数：76，实际支出：75.6。\n",
])
def test_bare_figures_of_labelled_fields_take_the_unit_a_note_states(tmp_path: Path, fields: str) -> None:
    text = "2022年度视频监控运维项目自评报告\n" + fields + "二、绩效情况\n视频监控点位在线率98%。\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == 76
    assert _wan(budget.executed) == 75.6


def test_bare_figures_with_no_unit_note_are_read_as_nothing(tmp_path: Path) -> None:
    text = ("2022年度视频监控运维项目自评报告\n一、项目资金情况\n年初预算：80；调整预算：76；实际支出：75.6。\n"
            "二、绩效情况\n视频监控点位在线率98%。\n")
    budget = _project(tmp_path, text).budget
    assert budget.planned is None and budget.executed is None


@pytest.mark.parametrize(("money", "planned"), [
    ("该项目中央财政补助资金68万元于2023年5月下达到位。资金支出共计65.8万元。", 68),
    ("省级农技推广补助资金68万元已于6月全额下达。全年支出65.8万元。", 68),
])
def test_an_allotment_said_after_its_amount(tmp_path: Path, money: str, planned: float) -> None:
    text = "某县2023年基层农技推广补助项目绩效自评报告\n一、项目资金\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == 65.8


@pytest.mark.parametrize("money", [
    "2022年我局主要用于：安排资金860万元实施东干渠除险加固工程；安排资金320万元实施小型水库维修养护项目。",
    "2022年，县财政下达860万元专项实施东干渠除险加固工程；下达320万元建设小型水库维修养护项目。",
])
def test_money_said_before_the_project_it_carries_out(tmp_path: Path, money: str) -> None:
    text = "县水利局2022年度部门整体支出绩效自评报告\n一、项目支出情况\n" + money + "\n二、存在问题\n进度滞后。\n"
    path = tmp_path / "money.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_report(extract_document(path))
    by_name = {p.name: p for p in report.projects}
    for name, planned in (("东干渠除险加固工程", 860), ("小型水库维修养护项目", 320)):
        if name in by_name:  # (where the name is read as a project's: its money)
            assert _wan(by_name[name].budget.planned) == planned
    for project in report.projects:
        if "整体" in project.name:  # (never the department's own)
            assert project.budget.planned is None
    assert by_name or report.projects


@pytest.mark.parametrize(("money", "planned", "executed"), [
    ("上年度县财政安排运转经费50万元。本年度县财政安排运转经费60万元，全年支出58.5万元。", 60, 58.5),
    ("去年下达运转经费50万元，今年下达运转经费60万元。截至年底支出58.5万元。", 60, 58.5),
    # (the year before's balance is a part of the year's whole, not the year of the whole)
    ("2023年度省级下达运转经费55万元，加上上年度结余资金5万元，合计60万元。全年支出58.5万元。", 60, 58.5),
])
def test_a_year_named_by_its_relation_to_the_reports(tmp_path: Path, money: str, planned: float,
                                                     executed: float) -> None:
    text = "某县2023年度敬老院运转经费项目绩效自评报告\n一、资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == executed


@pytest.mark.parametrize("money", [
    "2024年，我局共争取上级中小企业发展专项资金650万元，按照因素法分配给38家企业。",
    "今年争取省级中小企业发展专项资金650万元，用于支持企业技术改造。",
])
def test_money_won_from_a_higher_level_is_the_budget(tmp_path: Path, money: str) -> None:
    text = "某县2024年度中小企业发展专项资金绩效自评报告\n一、资金分配情况\n" + money + "\n"
    assert _wan(_project(tmp_path, text).budget.planned) == 650


@pytest.mark.parametrize("money", [
    "截至2023年12月31日，项目到位资金20万元，资金到位率66.7%，已支出20万元。",
    "项目实际到位资金20万元，到位率为80%，已支出20万元。",
])
def test_money_received_in_part_is_not_the_budget(tmp_path: Path, money: str) -> None:
    text = "某县2023年度少年宫运转项目绩效自评报告\n一、资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert budget.planned is None
    assert _wan(budget.executed) == 20


@pytest.mark.parametrize("money", [
    "省级下达专项资金36万元，县级配套资金12万元，资金已全部到位，全年共使用资金46.8万元，执行率97.5%。",
    "市财政安排专项资金36万元；县级配套资金12万元。全年支出46.8万元，预算执行率97.5%。",
])
def test_sources_listed_after_an_allotment_add_up_where_the_printed_rate_says_so(tmp_path: Path,
                                                                                money: str) -> None:
    text = "某县2022年度妇女两癌检查项目绩效自评报告\n一、资金情况\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == 48
    assert _wan(budget.executed) == 46.8


def test_sources_do_not_add_up_where_the_printed_rate_is_over_the_allotment(tmp_path: Path) -> None:
    text = ("某县2022年度妇女两癌检查项目绩效自评报告\n一、资金情况\n省级下达专项资金36万元，县级配套资金12万元。"
            "全年共使用资金35.1万元，执行率97.5%。\n")
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == 36


@pytest.mark.parametrize("money", [
    "本年度共安排3个项目：以42万元实施了东村示范村建设项目，以18万元实施了西村村寨保护项目。",
    "本年度安排：投入42万元建设东村示范村建设项目，投入18万元建设西村村寨保护项目。",
])
def test_money_before_each_name_of_a_list_is_that_names(tmp_path: Path, money: str) -> None:
    text = "某县2023年度民族发展资金项目绩效自评报告\n一、资金安排\n" + money + "\n"
    path = tmp_path / "money.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_report(extract_document(path))
    by_core = {p.name.lstrip("了"): p for p in report.projects}
    for name, planned in (("东村示范村建设项目", 42), ("西村村寨保护项目", 18)):
        if name in by_core:  # (where the name is read as a project's: its own money)
            assert _wan(by_core[name].budget.planned) == planned
    for project in report.projects:
        if "民族发展资金" in project.name:  # (never the fund's whole)
            assert _wan(project.budget.planned) not in (42, 18)


@pytest.mark.parametrize("money", [
    "县委组织部投入中央扶持资金150万元。150万元已全部拨付至村集体，用于购置厂房出租。",
    "县委组织部投入中央扶持资金150万元。扶持资金150万元已发放给各村，用于发展产业。",
])
def test_a_payment_said_after_its_amount_to_whom(tmp_path: Path, money: str) -> None:
    text = "某县2022年度扶持村级集体经济发展项目绩效自评报告\n一、项目资金\n" + money + "\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == 150
    assert _wan(budget.executed) == 150
