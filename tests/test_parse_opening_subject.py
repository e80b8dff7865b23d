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
    # (two funds allotted side by side: the opening introduces several, the report has no one subject)
    "县级财政年初安排农村文化活动专项资金40万元，用于送戏下乡；安排文物巡查经费12万元，用于聘请文物巡查员。",
    "2022年市财政下达我局河道保洁经费30万元；下达水质监测补助资金18万元。",
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


@pytest.mark.parametrize(("opening", "name"), [
    # (a purpose or a basis stated before the body and its verb)
    ("为改善灌区农业生产条件，提高灌溉保证率，2022年我局实施了东干渠节水改造项目，衬砌渠道8公里。",
     "东干渠节水改造项目"),
    ("根据县政府工作安排，我镇于2021年组织实施了集镇供水管网延伸工程，新铺管网5公里。", "集镇供水管网延伸工程"),
    # (a body's own fund: the one it carries, or the money it set aside, its amount after the name)
    ("我中心承担的全民健身设施维护专项资金，年初预算安排40万元。", "全民健身设施维护专项资金"),
    ("我委2022年共安排流动人口服务管理工作经费36万元，主要用于信息采集。", "流动人口服务管理工作经费"),
    # (a body as the giver of the fund's allotment)
    ("2021年，市财政局下达我区城市社区建设补助资金90万元，用于社区服务用房改造。", "城市社区建设补助资金"),
    # (a paragraph opened by the project, who pays for it or where it lies after a comma)
    ("城北小学运动场改造项目，由区级财政全额安排，改造塑胶跑道400米。", "城北小学运动场改造项目"),
    ("南湖片区雨污分流工程，总投资680万元，于2022年3月开工。", "南湖片区雨污分流工程"),
])
def test_the_opening_introduces_its_subject_after_a_purpose_or_as_a_bodys_money(opening: str, name: str) -> None:
    assert introduced_subject(["一、项目基本情况", opening]) == name


@pytest.mark.parametrize("opening", [
    "为加强资金管理，我局实施了各类项目，成效明显。",  # (a class)
    "我局共安排项目资金80万元，用于日常运转。",  # (money in general)
    "我县共获得上级补助资金1200万元。",  # (a source's words, no fund's name)
    "根据工作安排，我局对2022年度项目开展了自评。",
])
def test_no_subject_from_a_purpose_before_a_class_or_a_source(opening: str) -> None:
    assert introduced_subject([opening]) is None


@pytest.mark.parametrize(("text", "name", "planned"), [
    ("石桥县农业农村局2022年度项目支出绩效自评报告\n一、基本情况\n为稳定生猪生产，2022年我局实施了生猪良种补贴项目，"
     "补贴能繁母猪2600头。\n二、资金使用情况\n项目全年预算52万元，实际支出51万元，执行率98.1%。\n"
     "三、自评结论\n自评得分95分。\n", "生猪良种补贴项目", Decimal("520000")),
    ("东河区市场监督管理局\n2023年度项目支出绩效评价自评报告\n一、项目概况\n我局承担的食品安全抽检专项经费，"
     "2023年预算安排64万元，用于完成食品抽检1500批次。\n二、资金使用情况\n全年预算64万元，实际支出63万元。\n",
     "食品安全抽检专项经费", Decimal("640000")),
])
def test_a_title_on_the_units_project_spending_over_one_project_names_that_project(
        tmp_path: Path, text: str, name: str, planned: Decimal) -> None:
    project = only_project(run(tmp_path, text))
    assert project.name == name
    assert amount(project.budget.planned) == planned


def test_a_title_on_the_units_project_spending_that_counts_its_projects_keeps_the_whole(tmp_path: Path) -> None:
    text = ("石桥县农业农村局2022年度项目支出绩效自评报告\n一、基本情况\n2022年我局实施项目共6个，年初预算资金520万元，"
            "实际支出501万元。\n二、自评结论\n自评得分93分。\n")
    assert only_project(run(tmp_path, text)).name == "石桥县农业农村局2022年度项目支出"


@pytest.mark.parametrize(("text", "name"), [
    # (a title naming the body's spending only, the year before the body: no project, the opening's is)
    ("2022年度青石镇人民政府项目支出绩效自评报告\n一、项目概况\n我镇2022年实施的青石镇农贸市场提升改造项目，改造摊位120个。\n"
     "二、资金情况\n项目预算150万元，实际支出146万元。\n", "青石镇农贸市场提升改造项目"),
    ("2023年度县司法局专项资金绩效自评报告\n一、基本情况\n我局承担的法律援助办案补贴经费，2023年预算安排30万元。\n"
     "二、资金情况\n全年预算30万元，实际支出29万元。\n", "法律援助办案补贴经费"),
    # (the body's project named after 为: '我局承担的主要项目为X项目')
    ("关于北川县卫生健康局2023年度绩效自评工作情况的报告\n一、项目基本情况\n2023年我局承担的主要项目为乡村医生能力提升培训项目，"
     "培训村医300人。\n二、资金情况\n全年预算45万元，实际支出44万元。\n", "乡村医生能力提升培训项目"),
])
def test_a_title_naming_only_the_body_gives_way_to_the_opening(tmp_path: Path, text: str, name: str) -> None:
    assert only_project(run(tmp_path, text)).name == name


def test_a_title_naming_only_the_body_names_no_project(tmp_path: Path) -> None:
    text = ("2022年度青石镇人民政府项目支出绩效自评报告\n一、资金情况\n项目预算150万元，实际支出146万元。\n"
            "二、自评结论\n自评得分92分。\n")
    assert only_project(run(tmp_path, text)).name == UNNAMED_PROJECT


@pytest.mark.parametrize("opening", [
    "2023年我局承担的主要项目为城东道路改造项目和城西桥梁维修项目，总投资900万元。",  # (two works)
    "我局实施的项目是指列入年初预算的项目。",
])
def test_no_subject_from_two_works_or_a_definition(opening: str) -> None:
    assert introduced_subject([opening]) is None


@pytest.mark.parametrize(("text", "name"), [
    ("2022年度预算项目绩效自评报告\n一、项目基本情况\n本单位2022年预算项目1个，即老旧路灯节能改造项目，改造路灯900盏。\n"
     "二、资金情况\n全年预算75万元，实际支出73万元。\n", "老旧路灯节能改造项目"),
    ("2022年度项目支出绩效自评报告\n一、基本情况\n我所承担项目共一项，为地下水监测井维护经费，维护监测井40眼。\n"
     "二、资金情况\n全年预算12万元，实际支出12万元。\n", "地下水监测井维护经费"),
])
def test_a_report_naming_its_one_counted_project_names_it(tmp_path: Path, text: str, name: str) -> None:
    assert only_project(run(tmp_path, text)).name == name


@pytest.mark.parametrize(("opening", "name"), [
    ("我镇对2023年实施的南坪村人居环境整治项目开展了绩效自评。", "南坪村人居环境整治项目"),
    ("现将2022年度开展的重点人群健康体检项目绩效自评情况报告如下。", "重点人群健康体检项目"),
])
def test_the_years_clause_before_a_stated_name_is_no_part_of_it(opening: str, name: str) -> None:
    assert stated_subject([opening], None) == name


@pytest.mark.parametrize("title", [
    "白河县水利局2022年度一般公共预算项目绩效自评报告",  # (a kind of budget)
    "白河县2022年度民生实事项目绩效自评报告",  # (a class of the year's projects)
])
def test_a_title_naming_a_class_of_spending_gives_way_to_the_opening(tmp_path: Path, title: str) -> None:
    text = (f"{title}\n一、项目基本情况\n2022年，我局实施了白河县山洪沟治理项目，治理山洪沟6条。\n"
            "二、资金情况\n全年预算210万元，实际支出205万元。\n")
    assert only_project(run(tmp_path, text)).name == "白河县山洪沟治理项目"


@pytest.mark.parametrize(("opening", "name"), [
    ("东湖片区供水管网改造项目（以下简称“该项目”）于2022年5月开工建设，总投资860万元。", "东湖片区供水管网改造项目"),
    ("根据市财政局《关于下达2022年中央林业改革发展资金的通知》，下达我县林业改革发展资金420万元。", "林业改革发展资金"),
    ("为改善农村人居环境，我镇于2022年投资150万元实施了北山村污水治理项目。", "北山村污水治理项目"),
    ("我局2022年度承担了城区行道树补植项目，补植行道树1200株。", "城区行道树补植项目"),
    ("2022年度，县财政安排我局人民调解工作专项经费25万元，用于调解员补贴。", "人民调解工作专项经费"),
])
def test_the_opening_introduces_its_subject_in_more_wordings(opening: str, name: str) -> None:
    assert introduced_subject([opening]) == name


@pytest.mark.parametrize("opening", ["拨付项目资金80万元，已全部到位。", "根据文件要求，下达资金共计300万元。"])
def test_no_subject_from_money_in_general_after_a_verb(opening: str) -> None:
    assert introduced_subject([opening]) is None


@pytest.mark.parametrize("dash", ["——", "—", "－－"])
def test_a_subtitles_dash_is_no_part_of_the_name_it_gives(tmp_path: Path, dash: str) -> None:
    text = (f"2022年度绩效自评报告\n{dash}城关中学学生宿舍改造项目\n一、项目基本情况\n该项目预算资金180万元。\n"
            "二、资金情况\n全年预算180万元，实际支出176万元。\n")
    assert only_project(run(tmp_path, text)).name == "城关中学学生宿舍改造项目"
