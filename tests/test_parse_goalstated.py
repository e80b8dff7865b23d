"""A goal stated as a target clause and the result clause after it, in running prose (parse/goalstated.py)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Project
from reportparse.parse.narrative import parse_narrative
from reportparse.pipeline import check
from tests.test_parse_narrative import _doc, _indicator


def _report(*analysis: str) -> Project:
    doc = _doc(
        "某镇2023年度农村人居环境整治项目绩效自评报告",
        "一、项目基本情况",
        "项目年初预算安排资金40万元，全年实际支出40万元。",
        "二、绩效目标完成情况",
        *analysis,
    )
    projects = parse_narrative(doc).projects
    assert len(projects) == 1, [p.name for p in projects]
    return projects[0]


@pytest.mark.parametrize(("sentence", "name", "comparator", "target", "actual", "unit"), [
    # (a target word and comparator after the name, a bare 实际 before the result)
    ("公厕保洁覆盖率目标≥95%，实际97%；垃圾清运及时率≥90%，实际93%。", "公厕保洁覆盖率", ">=", "95", "97", "%"),
    ("公厕保洁覆盖率目标≥95%，实际97%；垃圾清运及时率≥90%，实际93%。", "垃圾清运及时率", ">=", "90", "93", "%"),
    # (the name and its figure, then a bare 完成 in the same unit)
    ("整治村庄沟渠6条，完成6条；清理河道4.5公里，完成4.5公里。", "整治村庄沟渠", "=", "6", "6", "条"),
    ("整治村庄沟渠6条，完成6条；清理河道4.5公里，完成4.5公里。", "清理河道", "=", "4.5", "4.5", "公里"),
    # (a bound after the figure, the result after 实际达到)
    ("村民满意度85%以上，实际达到92%。", "村民满意度", ">=", "85", "92", "%"),
    # (the aim's words before the name: 年初设定; a comparator word)
    ("年初设定农户知晓率不低于80%，实际完成86%。", "农户知晓率", ">=", "80", "86", "%"),
    ("巡查发现问题整改率目标为100%，实际完成100%。", "巡查发现问题整改率", "=", "100", "100", "%"),
    # (a ceiling: 控制在…以内)
    ("单次清运时长控制在4小时以内，实际为3.5小时。", "单次清运时长", "<=", "4", "3.5", "h"),
    # (the name before a colon, the target word after it)
    ("1.垃圾分类宣传覆盖户数：目标值1500户，完成值1620户。", "垃圾分类宣传覆盖户数", "=", "1500", "1620", "户"),
    # (a level label before the colon opens the clause: the name is after it)
    ("（2）质量指标：改厕验收合格率98%，实际达到99%。", "改厕验收合格率", "=", "98", "99", "%"),
    # (the result clause restates the name's tail)
    ("道路保洁达标率要求达到90%以上，达标率为95%。", "道路保洁达标率", ">=", "90", "95", "%"),
    # (the result clause restates words of the name before its figure)
    ("（4）满意度指标：保洁员满意度≥90%，实际满意度为94%。", "保洁员满意度", ">=", "90", "94", "%"),
    ("配置分类垃圾桶200个，实际配置200个。", "配置分类垃圾桶", "=", "200", "200", "个"),
    ("应急物资储备100件，实际储备120件。", "应急物资储备", "=", "100", "120", "件"),
    # (the check that measured the result opens its clause)
    ("公厕水质达标率不低于90%，经抽检实际为94%。", "公厕水质达标率", ">=", "90", "94", "%"),
    # (the aim wrapped in 按照…的目标, the result restating its verb and the name's noun)
    ("按照年初设定的新建垃圾收集点15个的目标，实际建成收集点15个。", "新建垃圾收集点", "=", "15", "15", "个"),
    ("根据年初确定的改造污水管网2公里的目标，实际完成污水管网2.2公里。", "改造污水管网", "=", "2", "2.2", "公里"),
    # (a clause that only says how the result was found stands between)
    ("公厕改造验收合格率要求达到95%以上，经验收，合格率为99%。", "公厕改造验收合格率", ">=", "95", "99", "%"),
    ("清运车辆完好率不低于90%，经第三方核查，实际为93%。", "清运车辆完好率", ">=", "90", "93", "%"),
    ("村民环境满意度目标≥85%，经第三方测评实际为91%。", "村民环境满意度", ">=", "85", "91", "%"),
    ("生活垃圾收运率保持在95%以上，实际达到98%。", "生活垃圾收运率", ">=", "95", "98", "%"),
    # (the result said by the rule it was paid by: '实际按300元执行')
    ("每户保洁补助标准不低于300元，实际按300元执行。", "每户保洁补助标准", ">=", "300", "300", "元"),
    # (a rate of something executed that is not the budget)
    ("垃圾分类政策执行率目标为100%，实际完成100%。", "垃圾分类政策执行率", "=", "100", "100", "%"),
    # (the plan's and the result's counts labelled 计划数 / 完成数; a name that announces its result figure)
    ("保洁员培训计划数4期，完成数4期。", "保洁员培训", "=", "4", "4", "期"),
    ("公厕管护覆盖率完成值为96%，目标值为90%。", "公厕管护覆盖率", "=", "90", "96", "%"),
    # (a duration is a quantity)
    ("改厕工程完工时限为4个月，实际3个月。", "改厕工程完工时限", "=", "4", "3", "月"),
    # (a standard of one unit in money is an aim)
    ("每户保洁补助标准不低于300元，实际完成300元。", "每户保洁补助标准", ">=", "300", "300", "元"),
])
def test_target_clause_then_result_clause(sentence: str, name: str, comparator: str, target: str, actual: str,
                                          unit: str) -> None:
    indicator = _indicator(_report(sentence), name)
    assert indicator.target is not None and indicator.target.value == Decimal(target)
    assert indicator.target.comparator == comparator and indicator.target.unit == unit
    assert [a.value for a in indicator.actuals if a.kind == "measured"] == [Decimal(actual)]


def test_levels_from_label_paragraphs() -> None:
    project = _report("产出指标：", "1.清运垃圾量：目标值≥1200吨，完成值1260吨。",
                      "效益指标：", "1.村庄卫生达标率：目标值≥80%，完成值88%。",
                      "满意度指标：", "1.群众满意度：目标值≥90%，完成值95%。")
    levels = {i.name: i.level for i in project.indicators}
    assert levels["清运垃圾量"].startswith("产出")
    assert levels["村庄卫生达标率"].startswith("效益")
    assert levels["群众满意度"] == "满意度"


@pytest.mark.parametrize("sentence", [
    # (money of the budget, whatever follows it)
    "项目预算安排资金40万元，实际支出38万元。",
    "下达补助资金12万元，完成12万元。",
    # (a rate of the budget is the funds' business)
    "预算执行率目标100%，实际98%。",
    "项目资金拨付率目标100%，实际100%。",
    # (background: a count of what exists, a change on last year)
    "全镇共有农户3200户，完成3000户。",
    "垃圾清运量较上年增长15%，实际达到16%。",
    # (a result clause that names another thing than the aim's)
    "计划清理河道4.5公里，实际清理沟渠3条。",
    # (a date of the calendar is no quantity; a time alone names nothing)
    "垃圾清运车辆采购时间为3月，实际为5月。",
    "上年度村民满意度为91%，今年达到94%。",
    # (a clause opening as a result is no target)
    "实际完成改厕120户，完成120户。",
])
def test_no_goal_from_background_or_money(sentence: str) -> None:
    assert _report(sentence).indicators == []


def test_findings_only_on_the_goal_missed(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("\n".join([
        "某镇2023年度农村人居环境整治项目绩效自评报告", "一、项目基本情况",
        "项目年初预算安排资金40万元，全年实际支出40万元。", "二、绩效目标完成情况",
        "改厕验收合格率目标≥95%，实际97%；新建污水管网目标3公里，实际完成2.4公里，主要原因是部分路段征地未完成。",
        "三、自评结论", "项目自评得分92分。"]), encoding="utf-8")
    findings = check(path).findings
    # (a goal stated with its target is a goal: the met one is no indicator outside the goals, the short one missed)
    assert [(f.code, f.indicator) for f in findings if f.indicator] == [("target-missed", "新建污水管网")]


@pytest.mark.parametrize(("sentence", "name", "target", "actual"), [
    ("垃圾无害化处理率达到96%，高于年初设定的90%目标。", "垃圾无害化处理率", "90", "96"),
    ("农户厕所粪污资源化利用率为82%，超过目标值80%。", "农户厕所粪污资源化利用率", "80", "82"),
])
def test_result_then_the_target_it_is_compared_with(sentence: str, name: str, target: str, actual: str) -> None:
    indicator = _indicator(_report(sentence, "村庄保洁覆盖率为100%，保洁员在岗率98%。"), name)
    assert indicator.target is not None and indicator.target.value == Decimal(target)
    assert [a.value for a in indicator.actuals] == [Decimal(actual)]


def test_an_age_in_a_name_stays() -> None:
    project = _report("0-6岁儿童健康管理率：目标值≥85%，完成值90%；",
                      "65岁及以上老年人体检人数：目标值800人，完成值812人。")
    assert _indicator(project, "0-6岁儿童健康管理率").target is not None
    assert [a.value for a in _indicator(project, "65岁及以上老年人体检人数").actuals] == [Decimal("812")]


@pytest.mark.parametrize("heading", ["（二）绩效目标", "2.年度绩效目标"])
def test_numbered_goals_under_a_goal_heading(heading: str) -> None:
    doc = _doc("某县2022年度残疾人康复救助项目绩效自评报告", "一、项目基本情况", "项目资金30万元，已全部支出。",
               heading,
               "1.为残疾儿童提供康复训练120人；", "2.辅具适配服务满意度90%以上。",
               "二、绩效目标完成情况", "全年为残疾儿童提供康复训练126人，辅具适配服务满意度达到96%。")
    (project,) = parse_narrative(doc).projects
    satisfaction = _indicator(project, "辅具适配服务满意度")
    assert satisfaction.target is not None and satisfaction.target.value == Decimal("90")
    assert satisfaction.target.comparator == ">="


@pytest.mark.parametrize("sentence", [
    "全年计划开展入户走访300次，实际开展320次；服务对象满意度目标为90%，测评结果为95%。",
    "计划举办培训班8期，实际举办8期；学员满意度目标95%，调查结果为97%。",
])
def test_no_goal_outside_the_goals_in_a_paragraph_of_pairs(tmp_path: Path, sentence: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text("\n".join(["某街道2024年度社区服务项目绩效自评报告", "一、基本情况", "项目资金12万元，已全部支出。",
                               "二、绩效指标完成情况", sentence]), encoding="utf-8")
    result = check(path)
    assert not [f.code for f in result.findings if f.indicator]
    assert result.report is not None
    names = {i.name for p in result.report.projects for i in p.indicators}
    assert not any("结果" in name for name in names)  # (the result clause is no further target)


@pytest.mark.parametrize("sentence", [
    "保洁车辆配备：年初目标6辆，全年完成6辆，得分10分。",
    "保洁车辆配备目标6辆，实际配备6辆，自评得分为10分。",
])
def test_the_score_claimed_after_the_result(sentence: str) -> None:
    indicator = _indicator(_report(sentence), "保洁车辆配备")
    assert indicator.score == Decimal("10")


@pytest.mark.parametrize(("plan", "stated"), [
    ("计划改造农村户厕120户。截至年底，实际完成改造120户，完成率100%。", "改厕验收合格率目标≥95%，实际97%。"),
    ("全年计划清运垃圾2400吨，实际清运2510吨。", "村民满意度90%以上，实际达到94%。"),
])
def test_no_goal_outside_the_goals_across_paragraphs(tmp_path: Path, plan: str, stated: str) -> None:
    path = tmp_path / "report.txt"
    lines = ["某乡2022年度农村人居环境整治项目绩效自评报告", "一、基本情况", "项目资金60万元，已全部支出。",
             "二、绩效指标完成情况", plan, stated]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert not [f.code for f in check(path).findings if f.indicator]


@pytest.mark.parametrize("sentence", [
    "抽查服务记录200份，其中优秀60份，占比30%；合格130份，占比65%；不合格10份，占比5%。",
    "中央补助资金90万元，所占比例75%；县级配套30万元，所占比例25%。",
])
def test_a_share_of_the_item_before_is_no_goal(sentence: str) -> None:
    assert not [i.name for i in _report(sentence).indicators if "比" in i.name]


def _goals_then_results(goals: str, results: str) -> Project:
    doc = _doc("某县2022年度学生资助项目绩效自评报告", "一、项目概况", "项目资金80万元，已全部发放。",
               "二、绩效目标", goals, "三、绩效目标完成情况", results)
    (project,) = parse_narrative(doc).projects
    return project


@pytest.mark.parametrize(("goals", "results"), [
    ("年度目标有三项：一是资助政策知晓率保持在90%以上；二是建档立卡学生资助覆盖率达到100%；三是组织资助政策宣传不少于6次。",
     "资助政策知晓率为94%，建档立卡学生资助覆盖率为100%，全年组织资助政策宣传8次。"),
    ("全年资助政策知晓率不低于90%，建档立卡学生资助覆盖率100%以上，组织资助政策宣传≥6次。",
     "经问卷调查，资助政策知晓率达94%。建档立卡学生资助覆盖率为100%。全年组织资助政策宣传8次。"),
])
def test_bounded_aims_listed_in_the_goal_part(goals: str, results: str) -> None:
    project = _goals_then_results(goals, results)
    known = _indicator(project, "资助政策知晓率")
    assert known.target is not None and known.target.value == Decimal("90") and known.target.comparator == ">="
    assert [a.value for a in known.actuals] == [Decimal("94")]
    talks = _indicator(project, "组织资助政策宣传")
    assert talks.target is not None and talks.target.value == Decimal("6") and talks.target.comparator == ">="


def test_no_aim_from_an_unbounded_or_money_clause_in_the_goal_part() -> None:
    project = _goals_then_results("项目覆盖全县18所学校，资助资金不低于80万元，受助学生约1200人。",
                                  "资助工作顺利完成。")
    assert [i.name for i in project.indicators] == []


def test_result_under_a_shorter_name_of_the_goal() -> None:
    project = _goals_then_results("一是全县义务教育阶段控辍保学巩固率达到95%以上；二是受助学生家长满意度不低于90%。",
                                  "全县控辍保学巩固率为97%，受助学生家长满意度为96%，学生满意度为95%。")
    goal = _indicator(project, "全县义务教育阶段控辍保学巩固率")
    assert [a.value for a in goal.actuals] == [Decimal("97")]
    assert not any(i.name == "全县控辍保学巩固率" for i in project.indicators)


@pytest.mark.parametrize(("sentence", "expected"), [
    ("全年计划完成道路硬化3公里、新建桥梁2座，实际分别完成3公里、2座。",
     {"道路硬化": ("3", "3"), "新建桥梁": ("2", "2")}),
    ("年度计划清理沟渠12条、拆除旱厕30座、新增绿化面积5000平方米，实际分别为12条、28座、5200平方米。",
     {"清理沟渠": ("12", "12"), "拆除旱厕": ("30", "28"), "绿化面积": ("5000", "5200")}),
])
def test_aims_listed_with_their_results_in_order(sentence: str, expected: dict[str, tuple[str, str]]) -> None:
    project = _report(sentence)
    for name, (target, actual) in expected.items():
        indicator = _indicator(project, name)
        assert indicator.target is not None and indicator.target.value == Decimal(target)
        assert [a.value for a in indicator.actuals] == [Decimal(actual)]


def test_no_respective_pairs_when_the_counts_differ() -> None:
    project = _report("全年计划完成道路硬化3公里、新建桥梁2座，实际分别完成3公里。")
    assert not any(i.name == "新建桥梁" and i.actuals for i in project.indicators)


@pytest.mark.parametrize(("sentence", "name", "comparator", "target", "actual", "unit"), [
    # (the target's time and label before its figure, the result's time and word after '；')
    ("公厕保洁覆盖率年初指标：≥92%；年终完成：96%。", "公厕保洁覆盖率", ">=", "92", "96", "%"),
    ("垃圾中转站改造年度指标值：6座；年末完成值：6座。", "垃圾中转站改造", "=", "6", "6", "座"),
    ("清理沟渠长度年初目标：8公里；年底实际：8.5公里。", "清理沟渠长度", "=", "8", "8.5", "公里"),
    ("农户参与率年初设定：≥70%；年终测评：75%。", "农户参与率", ">=", "70", "75", "%"),
    # (绩效目标 as the target word after the name's colon, the result after '；')
    ("村庄保洁覆盖率：绩效目标≥95%；实际完成98%。", "村庄保洁覆盖率", ">=", "95", "98", "%"),
    ("河塘清淤面积：绩效目标3000平方米；实际完成3100平方米。", "河塘清淤面积", "=", "3000", "3100", "平方米"),
    # (the name as the sentence's first clause, the clause after it only the target's label and figure)
    ("保洁员培训人数，计划指标：60人；实际完成：64人。", "保洁员培训人数", "=", "60", "64", "人"),
    ("村民环境满意度，年度目标：≥85%；年度完成：90%。", "村民环境满意度", ">=", "85", "90", "%"),
])
def test_labelled_target_then_result_across_a_semicolon(sentence: str, name: str, comparator: str, target: str,
                                                        actual: str, unit: str) -> None:
    project = _report(sentence)
    indicator = _indicator(project, name)
    assert indicator.target is not None and indicator.target.value == Decimal(target)
    assert indicator.target.comparator == comparator and indicator.target.unit == unit
    # (the target's own clause is no result: no restated nor worded actual from it)
    assert [a.value for a in indicator.actuals] == [Decimal(actual)]
    assert [i.name for i in project.indicators] == [name]


@pytest.mark.parametrize("sentence", [
    # (labels of a figure's place only: no measure named, no indicator made of them)
    "上年完成：88%；本年完成：94%，群众参与面进一步扩大。",
    "年初目标：≥90%；年终完成：95%。",
    "项目实施后，年度目标：≥90%；年度完成：95%。",
])
def test_no_indicator_named_by_a_time_or_result_word(sentence: str) -> None:
    assert _report(sentence).indicators == []


@pytest.mark.parametrize("lines", [
    ("1.数量指标。清运垃圾量年初计划：900吨；年末完成：950吨。",),
    ("2.质量指标。", "公厕达标率年初指标：100%；年终完成：100%。"),
])
def test_target_sentence_under_a_label_reports_nothing(lines: tuple[str, ...]) -> None:
    # (a level label over the statement: the target's clause, a sentence of its own after the split at '；', is
    # neither a result in words nor an indicator)
    project = _report(*lines)
    assert len(project.indicators) == 1
    assert [a.kind for a in project.indicators[0].actuals] == ["measured"]


@pytest.mark.parametrize(("sentence", "name", "target", "actual"), [
    # (the check that measured the result before the name's noun in the result clause)
    ("（三）满意度指标。保洁服务满意度目标≥88%，实际调查满意度93%。", "保洁服务满意度", "88", "93"),
    ("公厕水质达标率不低于90%，实际抽检达标率为96%。", "公厕水质达标率", "90", "96"),
])
def test_result_clause_names_its_check(sentence: str, name: str, target: str, actual: str) -> None:
    project = _report(sentence)
    indicator = _indicator(project, name)
    assert indicator.in_goal_table and indicator.target is not None and indicator.target.value == Decimal(target)
    assert [a.value for a in indicator.actuals] == [Decimal(actual)]
    assert [i.name for i in project.indicators] == [name]


@pytest.mark.parametrize(("paragraph", "name", "actual"), [
    # (the result clause names the measure otherwise than the goal: no second goal of the result's figure)
    ("清运车辆完好率不低于90%，实际92%。保洁员满意度目标85%以上，年底测评满意度为93%。", "保洁员满意度", "93"),
    ("改厕验收合格率≥95%，实际98%。村民满意度目标不低于90%，年终调查满意度为94%。", "村民满意度", "94"),
])
def test_result_clause_read_as_a_goal_goes(paragraph: str, name: str, actual: str) -> None:
    project = _report(paragraph)
    assert [a.value for a in _indicator(project, name).actuals] == [Decimal(actual)]
    assert len(project.indicators) == 2, [i.name for i in project.indicators]


@pytest.mark.parametrize(("paragraph", "name", "target", "actual"), [
    # (a one-clause target sentence, and the next sentence only its result: a result word and the figure)
    ("清运及时率年度目标：≥95%。年终完成：98%。", "清运及时率", "95", "98"),
    ("村道保洁里程目标为20公里。实际完成22公里。", "村道保洁里程", "20", "22"),
])
def test_result_in_the_next_sentence(paragraph: str, name: str, target: str, actual: str) -> None:
    indicator = _indicator(_report(paragraph), name)
    assert indicator.target is not None and indicator.target.value == Decimal(target)
    assert [a.value for a in indicator.actuals] == [Decimal(actual)]


@pytest.mark.parametrize("paragraph", [
    # (background and money across a sentence end stay none; a result sentence that goes on is no bare result)
    "全镇共有农户3200户。完成3000户。",
    "项目预算安排资金40万元。实际支出38万元。",
    "道路保洁工作全面推进，清运车辆完好率不低于90%。实际达到93%。",
])
def test_no_goal_across_a_sentence_end_without_a_bare_result(paragraph: str) -> None:
    assert [i for i in _report(paragraph).indicators if i.in_goal_table and i.actuals] == []
