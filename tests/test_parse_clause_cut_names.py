"""Names read from a sentence's clause cut at the wrong place, and money of another works or an earlier year:
a verb's particle kept before the name ('实施了X项目'), a purpose the money was spent on read as a second project
('资金均用于X项目支出'), the investment of a works an earlier year built ('于2013年建成，总投资…'), and the
investment of another works the money's report only mentions ('投资50万元，实施了Y改造项目')."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse.fundnames import name_fragments
from reportparse.parse.names import evaluated_fund_name, valid_candidate
from reportparse.parse.subject import untitled_name
from tests._textforms import amount, only_project, run


@pytest.mark.parametrize("fragment", ["了民族团结示范村建设项目", "了乡村道路硬化工程"])
def test_particle_led_fragment_is_no_name(fragment: str) -> None:
    assert not valid_candidate(fragment)


def test_watchtower_keeps_its_word() -> None:
    assert valid_candidate("森林防火了望塔建设项目")
    assert valid_candidate("了望塔建设项目")


@pytest.mark.parametrize(("text", "names"), [
    ("2022年度民族地区发展资金绩效自评报告\n一、资金安排\n本年度共安排2个项目：以30万元实施了村级活动场所改造项目，"
     "以12万元实施了特色手工艺培训项目。\n二、资金执行\n各项目共支付资金41.5万元。\n",
     {"村级活动场所改造项目", "特色手工艺培训项目"}),
    ("2023年度农业产业发展资金自评报告\n一、基本情况\n县财政安排资金合计90万元，其中以50万元实施了蔬菜大棚建设项目，"
     "以40万元实施了冷链仓储设施项目。\n",
     {"蔬菜大棚建设项目", "冷链仓储设施项目"}),
])
def test_particle_after_the_verb_is_no_part_of_the_name(tmp_path: Path, text: str, names: set[str]) -> None:
    result = run(tmp_path, text)
    assert {p.name for p in result.report.projects} == names


@pytest.mark.parametrize("text", [
    ("县图书馆2021年公共文化场馆免费开放补助资金绩效自评报告\n一、基本情况\n2021年县图书馆收到公共文化场馆免费开放补助资金"
     "20万元，实际支出19.6万元。\n二、资金管理\n我馆严格执行资金管理办法，补助资金均用于场馆开放项目支出，无挤占挪用情况。\n"),
    ("2022年度乡镇文化站运行经费绩效自评报告\n一、项目概况\n2022年下达乡镇文化站运行经费15万元，全年支出15万元。\n"
     "二、资金使用\n该经费全部用于文化活动项目支出，未发现截留挪用。\n"),
])
def test_purpose_of_the_money_is_no_second_project(tmp_path: Path, text: str) -> None:
    project = only_project(run(tmp_path, text))
    assert "用于" not in project.name and "支出" not in project.name


@pytest.mark.parametrize("text", [
    ("2020年度体育场馆免费低收费开放补助资金自评报告\n一、基本情况\n县体育馆于2012年建成，投资总额2200万元，建筑面积5000平方米。"
     "2020年县体育馆开放300天。\n二、资金使用\n补助资金主要用于场馆日常运转。\n"),
    ("2022年度文化馆免费开放补助经费自评报告\n一、基本情况\n县文化馆于2016年竣工，总投资860万元。2022年文化馆全年免费开放。\n"
     "二、资金使用\n补助经费用于馆内公益培训。\n"),
])
def test_investment_of_a_works_built_earlier_is_no_budget(tmp_path: Path, text: str) -> None:
    assert only_project(run(tmp_path, text)).budget.planned is None


@pytest.mark.parametrize("text", [
    ("2021年度全民健身场馆开放补助资金自评报告\n一、基本情况\n2021年5月至6月，投资45万元，实施了游泳馆更衣室改造项目。"
     "场馆全年开放280天。\n"),
    ("2023年度公共图书馆免费开放补助资金自评报告\n一、基本情况\n今年3月，投资18万元，建设了少儿阅览区提升工程。图书馆全年开放。\n"),
])
def test_investment_of_another_works_is_not_the_funds_budget(tmp_path: Path, text: str) -> None:
    assert only_project(run(tmp_path, text)).budget.planned is None


def test_own_works_investment_stays(tmp_path: Path) -> None:
    text = ("2023年度东关小学运动场改造项目绩效自评报告\n一、基本情况\n"
            "2023年，投资58万元，实施了东关小学运动场改造项目，新建塑胶跑道300米。全年实际支出57.1万元。\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == 580000


@pytest.mark.parametrize(("gap", "name"), [
    ("2023年，白沙镇共争取财政衔接推进乡村振兴补助资金", "财政衔接推进乡村振兴补助资金"),  # a body, its verb
    ("全年收到义务教育公用经费", "义务教育公用经费"),                                 # a receiving verb
    ("2022年县财政安排我院孕产妇免费产前筛查项目资金", "孕产妇免费产前筛查项目资金"),     # whom the money was given
    ("市财政下达本局城市道路照明维护经费", "城市道路照明维护经费"),
    ("我校收到教育专项工作经费资金", "教育专项工作经费"),                             # the money word twice
])
def test_verb_and_body_before_a_fund_name(gap: str, name: str) -> None:
    assert name_fragments(gap) == [name]


@pytest.mark.parametrize("gap", ["2023年我镇使用财政衔接资金", "省内安排农机购置与应用补贴资金"])
def test_a_clause_about_money_stays_no_name(gap: str) -> None:
    assert not any(valid_candidate(f) for f in name_fragments(gap))


@pytest.mark.parametrize(("text", "name"), [
    ("城南小学关于2023年度义务教育公用经费使用情况的自评报告\n一、基本情况\n2023年，我校全年收到义务教育公用经费96万元，"
     "实际支出95.1万元。\n二、绩效目标完成情况\n学校正常运转，家长满意度97%。\n", "义务教育公用经费"),
    ("县疾控中心2022年度项目支出绩效自评报告\n一、项目基本情况\n2022年县财政安排我中心艾滋病免费检测项目资金30万元，"
     "全年实际使用29.4万元。\n二、绩效目标完成情况\n检测人数5200人次。\n", "艾滋病免费检测项目资金"),
])
def test_fund_received_by_the_body_names_the_project(tmp_path: Path, text: str, name: str) -> None:
    project = only_project(run(tmp_path, text))
    assert project.name == name
    assert project.budget.planned is not None


@pytest.mark.parametrize("mark", ["第三章 ", "第二部分", "第4节"])
def test_chapter_mark_is_no_name(mark: str) -> None:
    assert not valid_candidate(mark)


@pytest.mark.parametrize(("text", "name"), [
    ("第三章 项目绩效自评\n本项目为2022年度乡村卫生室标准化建设项目。\n"
     "项目总预算180万元，截至2022年12月31日累计完成支出176万元。\n",
     "乡村卫生室标准化建设项目"),
    ("第二部分 项目绩效评价\n该工程即城东片区排涝泵站改造工程，由县水利局实施。\n"
     "工程年度预算420万元，实际支出401.5万元。\n",
     "城东片区排涝泵站改造工程"),
])
def test_report_saying_what_its_project_is(tmp_path: Path, text: str, name: str) -> None:
    assert only_project(run(tmp_path, text)).name == name


@pytest.mark.parametrize("name", ["耕地建设与利用资金", "水资源保护和利用经费"])
def test_pair_of_nouns_before_the_fund_word_is_a_name(name: str) -> None:
    assert valid_candidate(name)


@pytest.mark.parametrize("fragment", ["使用资金", "全年利用资金"])
def test_verb_and_money_stay_no_name(fragment: str) -> None:
    assert not valid_candidate(fragment)


@pytest.mark.parametrize(("title", "name"), [
    ("《2023年度城区路灯维护项目》绩效自评报告", "城区路灯维护"),
    ("《2022年社区图书室运行经费》绩效自评报告", "社区图书室运行经费"),
    ("关于对2022年度“雪亮工程”建设项目开展绩效自评的报告", "“雪亮工程”建设"),
    ("关于对2021年度农村敬老院改造工程进行绩效评价的报告", "农村敬老院改造工程"),
])
def test_untitled_name_without_marks_or_verb(title: str, name: str) -> None:
    assert untitled_name(title) == name


@pytest.mark.parametrize(("text", "name"), [
    ("二、绩效目标完成情况\n通过农村小学寄宿制学校改扩建项目的实施，新建学生宿舍楼2栋。项目预算资金620万元，实际支出608.5万元。\n",
     "农村小学寄宿制学校改扩建项目"),
    ("三、项目效益\n通过城西污水处理厂扩容工程建设，日处理能力提高到3万吨。工程预算资金900万元，实际支出880万元。\n",
     "城西污水处理厂扩容工程"),
])
def test_project_done_through(tmp_path: Path, text: str, name: str) -> None:
    assert only_project(run(tmp_path, text)).name == name


@pytest.mark.parametrize("title", ["2022年度城关镇人民政府专项资金绩效自评报告",
                                   "2023年度县卫生健康局项目资金绩效自评报告"])
def test_body_and_a_kind_of_money_names_nothing(title: str) -> None:
    assert untitled_name(title) == "未命名项目"
    assert not evaluated_fund_name(title[6:-6])


@pytest.mark.parametrize(("text", "name"), [
    ("2022年度城关镇人民政府专项资金绩效自评报告\n——以集镇污水管网建设为例\n一、基本情况\n项目2022年预算资金310万元，"
     "实际支出296.4万元。\n", "集镇污水管网建设"),
    ("某街道2023年度项目资金绩效自评报告\n—以老旧小区雨污分流改造项目为例\n一、基本情况\n项目预算资金120万元，"
     "实际支出118万元。\n", "老旧小区雨污分流改造项目"),
])
def test_case_subtitle_names_the_project(tmp_path: Path, text: str, name: str) -> None:
    assert only_project(run(tmp_path, text)).name == name


@pytest.mark.parametrize("name", ["村级便民服务中心改造", "农村饮水水质检测服务"])
def test_name_under_its_label_is_read_once(tmp_path: Path, name: str) -> None:
    text = ("项目支出绩效自评表\n（2023年度）\n项目名称\n" + name + "\n主管部门 某镇人民政府 实施单位 某镇人民政府\n"
            "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 45 45 44.1 10 98% 9.8\n"
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n产出指标 数量指标 改造个数 5个 5个 20 20\n")
    assert only_project(run(tmp_path, text)).name == name
