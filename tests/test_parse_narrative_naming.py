"""Project naming in prose that other hands wrote: what is not a project name, and the title a
portal wraps in its record fields.

Built inputs in the shapes a sweep of published self-evaluation texts met: an evaluation's own
headings ('(一)评价目的'), clauses that open with their verb or point back ('已兑现…资金', '此款资金'),
a category heading ('1.儿童福利类'), a form label with its level ('区级主管部门'), an office's line
('××分所'), a contact label glued to the name before it, and a title between '名称:' and '文号:'.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.model import Report
from reportparse.parse.names import valid_candidate
from reportparse.parse.narrative import parse_narrative
from reportparse.pipeline import check
from tests.test_parse_narrative import _doc


def _names(report: Report) -> list[str]:
    return [p.name for p in report.projects]


@pytest.mark.parametrize("fragment", [
    "评价目的",                                  # an evaluation's own headings name a topic
    "评价过程",
    "评价的范围和目的",
    "存在的问题",
    "此款资金",                                  # a clause pointing back to money named before
    "这笔资金",
    "已兑现困难群众基本生活救助资金",             # a clause opened by its verb
    "对个人和单位的补贴资金",                     # … or by its preposition
    "老年人福利类",                              # a category the money is grouped under
    "区级主管部门",                              # a form label with its level
    "东山县2022年高标准农田建设项目项目负责人及电话",  # a contact label glued to the name
    "华东分所",                                  # the office that wrote the report
    "财政支出项目",                              # the genre's words alone
    "市级财政项目",
    "福彩中心绩效项目",                          # a title's words before its genre
])
def test_fragments_are_no_project_names(fragment: str) -> None:
    assert not valid_candidate(fragment)


@pytest.mark.parametrize("name", [
    "对口支援万州移民安置经费",                  # 对口 is a word, not a preposition
    "依法行政经费",
    "那坡县饮水安全工程",
    "残疾人福利项目",
    "社会福利事业资金(第一批)",                  # a tranche's qualifier after the fund
    "乡村生产道路改造提升工程(华侨片区)",
])
def test_names_still_valid(name: str) -> None:
    assert valid_candidate(name)


def test_evaluation_headings_leave_the_one_fund_and_its_money() -> None:
    report = parse_narrative(_doc(
        "某县动物防疫专项经费绩效评价报告",
        "2021年度中央和省级财政共下达我县动物防疫专项补助经费725.63万元。我们对某县动物疫病预防控制中心"
        "动物防疫专项经费进行了绩效评价,现将评价结果报告如下:",
        "一、项目绩效评价工作情况",
        "(一)评价目的",
        "通过对资金支出过程和结果的跟踪问效,了解项目的实施进展情况,分析存在的主要问题。",
        "(二)评价过程",
        "县财政局组成了绩效评价工作组,对项目实施单位进行了实地抽查与核实。",
    ))
    names = _names(report)
    assert not any(n.startswith("评价") for n in names)
    assert len(names) == 1
    assert report.projects[0].budget.planned is not None
    assert report.projects[0].budget.planned.value == 7256300


def test_a_pointing_clause_is_no_second_project() -> None:
    report = parse_narrative(_doc(
        "某市民政局关于2021年度困难群众救助补助资金绩效自评报告",
        "一、绩效目标分解下达情况",
        "2021年我局共收到中央下达困难群众救助补助资金9056万元。此款资金主要用于城乡低保、特困供养和临时救助支出。",
    ))
    assert "此款资金" not in _names(report)
    assert len(report.projects) == 1


def test_a_category_heading_is_no_project() -> None:
    report = parse_narrative(_doc(
        "某区社会福利事业资金2024年度绩效自评报告",
        "一、绩效情况分析",
        "某区2024年度支持社会福利事业项目全年预算数为13.064万元,全年执行数为10.824万元,预算执行率为82.85%。",
        "1.儿童福利类",
        "某区2024年度儿童福利类资金0.7万元,全部发放。",
    ))
    assert not any(n.endswith("类") for n in _names(report))


def test_a_title_between_record_fields_names_the_fund() -> None:
    report = parse_narrative(_doc(
        "名称: 某风景区中央集中彩票公益金支持社会福利事业资金(第一批)2024年度绩效自评报告 文号:",
        "发布日期: 2025-05-21 11:07",
        "一、绩效情况分析",
        "某风景区2024年度支持社会福利事业项目全年预算数为13.064万元,全年执行数为10.824万元,预算执行率为82.85%。",
    ))
    assert report.title == "某风景区中央集中彩票公益金支持社会福利事业资金(第一批)2024年度绩效自评报告"
    assert _names(report) == ["某风景区中央集中彩票公益金支持社会福利事业资金(第一批)"]
    assert report.projects[0].budget.planned is not None
    assert report.projects[0].budget.planned.value == 130640


def test_a_form_titled_as_a_self_evaluation_table_is_a_report(tmp_path: Path) -> None:
    # an OCR'd form whose only genre word is its title's 自评表 (no 绩效自评, no 自评报告)
    path = tmp_path / "form.txt"
    path.write_text(
        "2023年某中心项目支出自评表\n"
        "项目资金 (万元)全年预算数全年执行数执行率\n"
        "年度资金总额50万元47.6895.00%\n"
        "绩效指标一级指标二级指标三级指标年度指标值全年完成值\n"
        "产出指标数量指标系统改版升级100%100%\n", encoding="utf-8")
    result = check(path)
    assert result.status.value != "failed"


# --- false alarms met in the sweep ---------------------------------------------------------------
def test_an_indicator_items_score_is_not_the_total() -> None:
    # '…，实际完成值≥90%，自评得分20分' closes one numbered indicator; the total comes after
    report = parse_narrative(_doc(
        "2021年某补助经费项目支出绩效自评报告",
        "一、自评结论",
        "在全乡范围内实施2021年某补助经费9.55万元。因此评价分100分,自评等级为优秀。",
        "1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥90%,自评得分20分;",
        "2.补助对象对项目满意率,年初目标值≥90%,实际完成值≥90%,自评得分20分;",
    ))
    totals = [s for p in report.projects for s in p.scores if s.level == "总分"]
    assert [t.score for t in totals] == [100]


def test_background_plans_and_uses_are_no_results() -> None:
    # a project's overview: the plan ('…20个左右的目标') and what the money is for ('用于…17个…') are
    # no results of the output indicator the goals paragraph sets
    report = parse_narrative(_doc(
        "2019年某市发展项目绩效自评价报告",
        "一、某市特色小镇建设项目",
        "(一)项目概况",
        "1、项目基本情况。实施意见提出全市用3-5年时间建成市级特色小镇20个左右的目标。市政府分两批公布了24个"
        "市级特色小镇创建单位名单。2019年12月,市财政投入2000万元,主要用于考评合格的17个特色小镇的专项规划编制。",
        "2、项目年度绩效目标。产出目标:完成特色小镇创建专项规划24个,建成小镇客厅20个。",
    ))
    actuals = {a.raw for p in report.projects for i in p.indicators for a in i.actuals}
    assert "20个" not in actuals and "17个" not in actuals


# --- several projects' money in one sentence -----------------------------------------------------
def test_shares_listed_after_an_allocating_colon_are_each_projects_budget() -> None:
    report = parse_narrative(_doc(
        "某区2024年中央专项彩票公益金项目资金绩效自评报告",
        "一、绩效情况分析",
        "(一)资金投入情况分析",
        "某区2024年中央专项彩票公益金项目资金440万元已经全部分配到各项目建设单位:甲村文化公园及周边配套工程"
        "项目资金140万元、乙乡生产道路改造提升工程(华侨片区)项目资金140万元、丙村试点村建设工程项目资金160万元。",
    ))
    budgets = {p.name: p.budget.planned.value if p.budget.planned else None for p in report.projects}
    assert budgets["甲村文化公园及周边配套工程项目资金"] == 1400000
    assert budgets["乙乡生产道路改造提升工程(华侨片区)项目资金"] == 1400000
    assert budgets["丙村试点村建设工程项目资金"] == 1600000


# --- indicators stated in prose with their target (and result) -----------------------------------
def test_numbered_items_with_target_and_result_values() -> None:
    report = parse_narrative(_doc(
        "2021年某补助经费项目支出绩效自评报告",
        "(二)绩效目标完成情况",
        "1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥90%,自评得分20分;",
        "2.大规模随意抛弃病死猪事件,年初目标值=0件,实际完成值=0件,自评得分20分;",
    ))
    by_name = {i.name: i for p in report.projects for i in p.indicators}
    density = by_name["重大动物强制免疫病种群体免疫密度"]
    assert density.target is not None and density.target.value == 90 and density.target.comparator == ">="
    assert [a.value for a in density.actuals] == [90]
    dumped = by_name["大规模随意抛弃病死猪事件"]
    assert dumped.target is not None and dumped.target.value == 0 and dumped.target.unit == "件"


def test_a_standard_with_its_value_and_result_after_a_label() -> None:
    report = parse_narrative(_doc(
        "某校2023年度项目支出绩效自评报告",
        "四是成本指标:小学寄宿学生人均补助标准指标值1000元/生.年,全年实际完成值1000元/生.年;初中寄宿学生人均补助"
        "标准指标值1250元/生.年,全年实际完成值1250元/生.年。",
    ))
    by_name = {i.name: i for p in report.projects for i in p.indicators}
    assert by_name["小学寄宿学生人均补助标准"].target.value == 1000
    assert [a.value for a in by_name["初中寄宿学生人均补助标准"].actuals] == [1250]


def test_aims_written_as_work_to_be_done() -> None:
    report = parse_narrative(_doc(
        "某区社会福利事业资金2024年度绩效自评报告",
        "一、绩效目标分解下达情况",
        "某区安排项目2个,资金10.7万元。一是2个产出指标:(1)完成规范精康服务人次数目标完成≥350人次;"
        "(2)精神障碍社区康复服务人员培训人次数目标完成≥20人次。",
    ))
    by_name = {i.name: i for p in report.projects for i in p.indicators}
    trained = by_name["精神障碍社区康复服务人员培训人次数"]
    assert trained.target is not None and trained.target.value == 20 and trained.target.unit == "人次"
    assert any(n.endswith("规范精康服务人次数") for n in by_name)


# --- a counted list of projects, the count first -------------------------------------------------
def test_count_before_a_qualified_project_word_lists_the_projects() -> None:
    report = parse_narrative(_doc(
        "2019年市直发展项目绩效自评价报告",
        "2019年我单位有4个市直发展项目,分别是市级特色小镇建设奖补专项资金、市级现代服务业发展专项资金、"
        "市级储备粮油财政补贴专项资金和省预算内统筹基建投资专项资金。现将各项目的绩效自评价报告公开。",
        "一、市级特色小镇建设项目",
        "2019年12月,市财政投入2000万元,主要用于特色小镇专项规划编制。",
    ))
    names = _names(report)
    for expected in ("市级现代服务业发展专项资金", "市级储备粮油财政补贴专项资金", "省预算内统筹基建投资专项资金"):
        assert any(expected in n for n in names), names


def test_an_opening_names_a_fund_that_ends_in_zhuanxiang() -> None:
    report = parse_narrative(_doc(
        "专项资金绩效评价报告",
        "为提高这一专项资金的使用绩效,我委按文件要求,对2017年度区域协作经费专项做了绩效评价。",
        "一、工作情况及成效",
        "这笔资金没有单独立项,主要用于组织、协调和服务对外合作与交流。",
    ))
    assert any("区域协作经费专项" in n for n in _names(report))


# --- the subject a title or an opening names -------------------------------------------------------
def test_a_title_names_its_subject_in_brackets_after_the_report_words() -> None:
    report = parse_narrative(_doc(
        "某镇2021年度部门预算项目支出绩效自评报告 (2021年城乡临时救助备用金)",
        "来源:某镇人民政府 发布时间:2022-05-19",
        "一、项目概况",
        "覆盖全镇所有因突发性急难情况造成基本生活困难的群众,每人每年不超过500元。",
    ))
    assert _names(report) == ["2021年城乡临时救助备用金"]


def test_an_opening_clause_ends_at_a_half_width_comma() -> None:
    report = parse_narrative(_doc(
        "学前教育发展资金绩效自评情况",
        "根据有关通知,2021年3—4月,在对各地报送的年度绩效自评材料进行审核评价基础上,对2020年度支持学前教育发展"
        "资金项目进行了绩效自评。现将有关情况报告如下:",
        "一、基本情况",
    ))
    assert any("支持学前教育发展资金" in n for n in _names(report))


def test_a_part_after_a_bracketed_document_number_is_no_project() -> None:
    report = parse_narrative(_doc(
        "某区民政局关于转移支付资金管理使用情况",
        "根据相关文件规定,现将上级转移支付资金使用情况报告如下:",
        "一、资金基本情况",
        "2021年中央财政困难群众救助补助资金下达我区111万元(福财直〔2020〕67号),其中低保、特困和临时救助资金100万元,"
        "孤儿基本生活保障金11万元。",
    ))
    assert not any("临时救助资金" in n for n in _names(report))


def test_a_clause_after_a_half_width_comma_is_no_name() -> None:
    assert not valid_candidate("预算绩效自评工作的通知要求,涉及我局主要是农村危房改造项目")


# --- a goal form dumped one cell a line ------------------------------------------------------------
def test_the_parts_in_brackets_after_a_total_and_a_glued_label() -> None:
    report = parse_narrative(_doc(
        "绩效目标申报表(基础设施建设类)",
        "项目名称",
        "某县2022年高标准农田建设项目项目负责人及电话",
        "张三",
        "资金情况 (万元)",
        "年度资金总额:",
        "854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)",
    ))
    assert _names(report) == ["某县2022年高标准农田建设项目"]


def test_a_quoted_age_group_stays_in_an_indicators_name() -> None:
    report = parse_narrative(_doc(
        "某县残联2022年度残疾人康复项目支出绩效自评报告",
        "(二)项目绩效目标。2022年县残联实施的残疾人康复项目目标:资助精神病患者服药230人,“0-6”残疾儿童康复救助"
        "39人,辅具适配200人。实际完成:资助精神病患者服药230人,“0-6”残疾儿童康复救助52人,辅具适配230人。",
    ))
    by_name = {i.name: i for p in report.projects for i in p.indicators}
    rescued = by_name["“0-6”残疾儿童康复救助"]
    assert rescued.target is not None and rescued.target.value == 39


def test_parts_listed_after_juti_wei_are_no_projects() -> None:
    report = parse_narrative(_doc(
        "(二)项目支出绩效自评结果。",
        "自评发现的主要问题及原因:一是2024年部门年初预算1022.89万元,年中调整预算为1781.86万元。2.2024年,市财政将原"
        "拨款至专户的预留资金346.87万元统一计入我中心财政拨款收入,具体为建国初期退休人员医疗补助收入11.60万元、"
        "2023年公务员医疗补助335.27万元,不列入年初预算。",
    ))
    names = _names(report)
    assert not any("医疗补助" in n or n.startswith("将") for n in names), names
