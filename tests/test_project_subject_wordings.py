"""Which project a narrative report is about, in wordings met on a sweep of public pages where the report was
read as '未命名项目' or named after a part, an abbreviation or a cut of its words: a masked place before the
fund (XX区), an undated title 'X局关于Y资金支出绩效的自评报告', an opening '对X使用情况开展了绩效评价', a
name shortened '(以下简称“Y”)', works named after '…万元实施', and a source of money's words cut at a
character. Inputs are built in the shapes met, with made-up names and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse.form.titles import name_from_title, without_form_title
from reportparse.parse.names import Registry, valid_candidate
from reportparse.parse.openingsubject import repeated_fund, repeated_names
from reportparse.parse.subject import stated_subject
from tests._textforms import amount, only_project, run

# ---- a masked place before the fund's name -------------------------------------------------------

@pytest.mark.parametrize(("title", "name"), [
    ("XX区中央农业生产救灾补助资金转移支付2019年度绩效自评报告", "中央农业生产救灾补助资金转移支付"),
    ("××县2021年度农村公路养护补助资金绩效自评报告", "农村公路养护补助资金"),
    ("**市城乡居民医疗救助补助资金2022年度绩效自评报告", "城乡居民医疗救助补助资金"),
])
def test_a_masked_place_is_no_word_of_the_name(title: str, name: str) -> None:
    assert stated_subject([], title) == name


def test_a_masked_template_report_is_named_by_its_title(tmp_path: Path) -> None:
    text = ("XX区中央林业改革发展资金转移支付2020年度绩效自评报告\n"
            "一、绩效目标分解下达情况\n"
            "2020年预算下达我区中央财政林业改革发展资金XX万元，用于森林资源管护。\n"
            "二、绩效目标完成情况分析\n"
            "资金到位率100%，管护面积达到目标。\n")
    assert only_project(run(tmp_path, text)).name == "中央林业改革发展资金转移支付"


def test_a_template_stand_in_inside_a_name_still_names_nothing() -> None:
    assert not valid_candidate(stated_subject([], "2021年XX单位XX项目绩效自评报告") or "")


# ---- an undated title 'about' its fund -----------------------------------------------------------

@pytest.mark.parametrize(("title", "name"), [
    ("某市文化和旅游局关于中央支持地方公共文化服务体系建设补助资金支出绩效的自评报告",
     "中央支持地方公共文化服务体系建设补助资金"),
    ("某县教育局关于学生资助补助经费绩效自评的报告", "学生资助补助经费"),
    ("某区水务局关于农村饮水安全维修养护项目绩效评价报告", "农村饮水安全维修养护项目"),
])
def test_an_undated_title_about_a_fund_names_it(title: str, name: str) -> None:
    assert stated_subject([], title) == name


@pytest.mark.parametrize("title", [
    "某县卫生健康局关于2022年度项目支出绩效自评的报告",  # (a body's projects as a class)
    "某中心关于部门整体支出绩效自评的报告",
])
def test_an_undated_title_about_a_class_of_spending_names_none(title: str) -> None:
    assert stated_subject([], title) is None


def test_an_undated_title_wins_over_a_part_the_report_allots(tmp_path: Path) -> None:
    text = ("某市文化和旅游局关于中央支持地方公共文化服务体系建设补助资金支出绩效的自评报告\n"
            "一、绩效目标分解下达情况\n"
            "对资金进行了分配，具体如下：\n"
            "1.分配甲县应急广播体系建设120万元补贴。\n"
            "2.给予乙县中央广播节目无线覆盖运行维护费30.5万元。\n")
    names = [p.name for p in run(tmp_path, text).report.projects]  # type: ignore[union-attr]
    assert names[0] == "中央支持地方公共文化服务体系建设补助资金"
    assert "乙县中央广播节目无线覆盖运行维护费" not in names


# ---- the opening's '对X使用情况开展了绩效评价' -----------------------------------------------------

@pytest.mark.parametrize(("opening", "name"), [
    ("为加强预算绩效管理，某市人社局对2022年度城乡居保市级补贴使用情况开展了财政绩效评价工作。",
     "2022年度城乡居保市级补贴"),
    ("我局对2023年度农机购置补贴资金执行情况进行了绩效自评。", "2023年度农机购置补贴资金"),
])
def test_the_use_of_a_fund_evaluated_names_the_fund(opening: str, name: str) -> None:
    assert stated_subject([opening], None) == name


# ---- a name shortened '(以下简称“Y”)' ------------------------------------------------------------

@pytest.mark.parametrize(("full", "short"), [
    ("公共就业服务能力提升示范项目", "示范项目"),
    ("城区老旧小区综合改造提升工程", "改造工程"),
])
def test_a_name_and_its_abbreviation_are_one_project(tmp_path: Path, full: str, short: str) -> None:
    text = (f"{full}绩效自评报告\n"
            f"我局开展了2024年度{full}(以下简称“{short}”)的绩效自评工作，现将情况报告如下。\n"
            "一、项目资金使用情况\n"
            f"截至2024年末，{short}资金已使用1,250.5万元。\n"
            f"{short}资金主要用于服务活动支出和平台建设。\n")
    project = only_project(run(tmp_path, text))
    assert project.name == full
    assert amount(project.budget.executed) == Decimal("12505000")


def test_an_abbreviation_of_no_project_merges_nothing() -> None:
    registry = Registry()
    registry.add("甲县农村道路建设项目")
    registry.add("乙县饮水工程维修项目")
    registry.merge_abbreviations(["依据《某某办法》(以下简称“办法”)实施。"])
    assert len(registry.projects) == 2


# ---- the works named after '…万元实施' ---------------------------------------------------------------

@pytest.mark.parametrize("works", ["某市城区危旧燃气设施升级改造及配套工程", "某县乡村供水管网延伸项目"])
def test_works_carried_out_with_an_amount_name_the_project(tmp_path: Path, works: str) -> None:
    text = ("一、绩效目标分解下达情况\n"
            f"根据某某文件，下达我司中央预算内投资资金1085万元实施{works},公司配套资金1089.5万元。\n"
            "二、绩效情况分析\n"
            "(一)资金投入情况分析。本项目总投资2174.5万元，项目绩效自评得分95分。\n")
    assert only_project(run(tmp_path, text)).name == works


# ---- a cut of a source of money's words -----------------------------------------------------------

@pytest.mark.parametrize("source", ["财政专项衔接资金", "中央财政补助资金"])
def test_the_tail_of_a_source_of_money_is_no_name(source: str) -> None:
    opening = [f"为进一步规范{source}绩效管理，现将我镇情况报告如下：", f"(一){source}下达预算及项目情况"]
    assert not [n for n in repeated_names(opening) if source.endswith(n)]


# ---- a form's title that names only its body, a name field that holds the form's title ----------------

@pytest.mark.parametrize("title", [
    "南县民政局2022年项目支出绩效自评指标计分表", "某县残疾人联合会2022年项目支出绩效自评表"])
def test_a_title_naming_only_its_body_names_no_project(title: str) -> None:
    assert name_from_title(title) == ""


@pytest.mark.parametrize(("title", "name"), [
    ("某县农机服务站建设项目绩效自评表", "某县农机服务站建设"),
    ("某县卫生院整体支出绩效自评表", "某县卫生院整体支出"),
])
def test_a_title_naming_a_body_and_its_works_keeps_them(title: str, name: str) -> None:
    assert name_from_title(title) == name


@pytest.mark.parametrize(("field", "name"), [
    ("2020年省级自然资源卫片执法补助经费支出绩效自评表", "2020年省级自然资源卫片执法补助经费"),
    ("某县乡村道路养护补助项目绩效自评表", "某县乡村道路养护补助"),
    ("某县乡村道路养护补助", "某县乡村道路养护补助"),
])
def test_a_name_field_holding_the_form_title_gives_the_name_before_it(field: str, name: str) -> None:
    assert without_form_title(field) == name


def test_a_form_whose_name_cell_repeats_its_title(tmp_path: Path) -> None:
    text = ("| 2020年度项目支出绩效自评表 | ||||||\n"
            "| 项目名称 | 2020年省级某某执法补助经费支出绩效自评表 | |||||\n"
            "| 主管部门 | 某市自然资源局 | 实施单位 | 某区自然资源局 | |||\n"
            "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
            "| 年度资金总额 | 7.29 | 7.29 | 7.29 | 10 | 100% | 10 |\n")
    project = only_project(run(tmp_path, text))
    assert project.name == "2020年省级某某执法补助经费"
    assert amount(project.budget.planned) == Decimal("72900")


# ---- a body's whole project spending stated before the list of its projects, in one paragraph -------------

@pytest.mark.parametrize("opening", [
    "2021年批复某州生态环境局项目3个，项目资金1270万元。分别为：",
    "2023年某县林业局实施项目共3个，调整后项目预算1270万元；具体为：",
])
def test_the_whole_before_its_list_is_only_their_total(tmp_path: Path, opening: str) -> None:
    # (a whole that is just the sum of the listed projects, 1000 + 40 + 230 = 1270万, is their total and no project
    # of its own, as the real corpus's hand golds read it (sb03); a whole above its list stays the title's spending)
    text = ("某州生态环境局2021年度项目支出绩效自评报告\n"
            "一、基本情况\n"
            f"{opening}某市重金属污染防治专项资金1000万元；某州排污许可证核发经费40万元；某州环境监测经费230万元。\n"
            "二、绩效目标完成情况\n"
            "各项目均按计划完成。\n")
    projects = {p.name: p for p in run(tmp_path, text).report.projects}  # type: ignore[union-attr]
    assert "某州生态环境局2021年度项目支出" not in projects
    assert {name: amount(p.budget.planned) for name, p in projects.items()} == {
        "某市重金属污染防治专项资金": Decimal("10000000"), "某州排污许可证核发经费": Decimal("400000"),
        "某州环境监测经费": Decimal("2300000")}


# ---- the fund an untitled report keeps naming: the fuller name, not the tail of it -------------------------

@pytest.mark.parametrize(("fund", "other"), [
    ("中央专项扶持壮大村集体经济资金", "中央财政扶持壮大村级集体经济资金"),
    ("省级农村人居环境整治奖补资金", "市级农村人居环境整治奖补资金"),
])
def test_a_repeated_fund_is_named_in_full(fund: str, other: str) -> None:
    opening = [f"20xx年县财政下达了20xx年{fund}，我乡获得20xx年{fund}50万元。",
               f"20xx年12月财政局拨付我乡20xx年{fund}50万元。",
               f"我乡将20xx年{other}50万元投入合作社。"]
    assert repeated_fund(opening, opening) == fund


# ---- a footnote's mark after a name field ---------------------------------------------------------------

@pytest.mark.parametrize("mark", ["【注 】", "[注1]"])
def test_a_footnote_mark_is_no_part_of_the_name(tmp_path: Path, mark: str) -> None:
    text = ("绩效评价报告\n"
            "会计师事务所 二0XX年七月\n"
            "一、项目关键信息\n"
            f"项目名称 某省太阳能热水系统建筑应用示范项目{mark}\n"
            "二、绩效评价结论\n"
            "项目综合绩效得分83分，评价等级为良。\n")
    assert only_project(run(tmp_path, text)).name == "某省太阳能热水系统建筑应用示范项目"


# ---- items numbered in brackets inside a page run together onto one line ----------------------------------

@pytest.mark.parametrize("joiner", ["", " "])
def test_bracketed_items_of_a_run_together_page_are_its_projects(tmp_path: Path, joiner: str) -> None:
    items = joiner.join((
        "某县某乡中心学校2022年项目支出绩效自评报告一、部门基本情况某乡中心学校是一个财政全额拨款的事业单位。",
        "二、项目概况(一)义务教育生均公用经费:为落实城乡义务教育经费保障机制补助的经费。",
        "(二)义务教育学生营养改善计划:为了改善农村学生的营养状况,补助资金全额用于学生膳食补助。",
        "(三)义务教育阶段家庭经济困难学生生活补助:根据有关规定,对家庭经济困难学生补助生活费。",
        "(四)下一步工作计划:加强资金管理。三、项目绩效目标完成情况良好,自评得分95分。",
    ))
    names = [p.name for p in run(tmp_path, items + "\n").report.projects]  # type: ignore[union-attr]
    assert names == ["义务教育生均公用经费", "义务教育学生营养改善计划", "义务教育阶段家庭经济困难学生生活补助"]


@pytest.mark.parametrize("plan", ["下一步工作计划", "资金使用计划", "年度整改计划"])
def test_a_plan_of_the_work_is_no_project(plan: str) -> None:
    assert not valid_candidate(plan)


def test_a_programme_called_a_plan_is_a_project() -> None:
    assert valid_candidate("农村义务教育学生营养改善计划")


def test_a_whole_above_its_list_stays_the_title_s_spending(tmp_path: Path) -> None:
    text = ("某州生态环境局2021年度项目支出绩效自评报告\n"
            "一、基本情况\n"
            "2021年批复某州生态环境局项目4个，项目资金1500万元。其中：某市重金属污染防治专项资金1000万元；"
            "某州排污许可证核发经费40万元；某州环境监测经费230万元。\n"
            "二、绩效目标完成情况\n"
            "各项目均按计划完成。\n")
    projects = {p.name: p for p in run(tmp_path, text).report.projects}  # type: ignore[union-attr]
    whole = projects["某州生态环境局2021年度项目支出"]
    assert amount(whole.budget.planned) == Decimal("15000000")
