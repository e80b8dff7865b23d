"""Goals a short narrative states in running prose, with no goal table and often no heading of its own
(parse/goalbrackets.py; parse/goalstated.py; parse/goallists.py; parse/goalprose.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Project
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc, _indicator


def _report(*body: str) -> Project:
    doc = _doc("某县2023年度乡村卫生健康服务项目绩效自评报告", *body)
    projects = parse_narrative(doc).projects
    assert len(projects) == 1, [p.name for p in projects]
    return projects[0]


def _read(indicator) -> tuple[str | None, Decimal | None, str | None, list[Decimal | None]]:  # type: ignore[no-untyped-def]
    target = indicator.target
    assert target is not None
    return target.comparator, target.value, target.unit, [a.value for a in indicator.actuals]


@pytest.mark.parametrize(("paragraph", "name", "comparator", "target", "unit", "actual"), [
    # (the result, then its target in brackets)
    ("产出指标完成情况：全年共开展送医下乡活动15次（目标12次），发放宣传折页2000份（目标2000份）。",
     "开展送医下乡活动", "=", "12", "次", "15"),
    ("产出指标完成情况：全年共开展送医下乡活动15次（目标12次），发放宣传折页2000份（目标2000份）。",
     "发放宣传折页", "=", "2000", "份", "2000"),
    ("项目如期完工，新建村级卫生室6个（年度目标不少于5个），就诊群众满意度96%（年度目标≥90%）。",
     "新建村级卫生室", ">=", "5", "个", "6"),
    ("项目如期完工，新建村级卫生室6个（年度目标不少于5个），就诊群众满意度96%（年度目标≥90%）。",
     "就诊群众满意度", ">=", "90", "%", "96"),
    ("满意度指标：签约居民满意度93%(计划值:90%)。", "签约居民满意度", "=", "90", "%", "93"),
    # (the target, then its result in brackets)
    ("培训乡村医生目标300人次（实际完成326人次），慢病随访率目标85%（完成值88%）。",
     "培训乡村医生", "=", "300", "人次", "326"),
    ("培训乡村医生目标300人次（实际完成326人次），慢病随访率目标85%（完成值88%）。",
     "慢病随访率", "=", "85", "%", "88"),
])
def test_result_and_target_in_brackets(paragraph: str, name: str, comparator: str, target: str, unit: str,
                                       actual: str) -> None:
    assert _read(_indicator(_report(paragraph), name)) == (comparator, Decimal(target), unit, [Decimal(actual)])


@pytest.mark.parametrize("paragraph", [
    # (a bracket that is a note, a date, a part of the money, or a unit: no target)
    "项目资金120万元（其中中央资金80万元），全年完成道路硬化3公里（2023年10月完工）。",
    "全年共实施项目5个（涉及8个行政村），支出资金36万元（万元）。",
    # (a rate of the budget, or the share of the target reached, is no goal whatever its bracket says)
    "资金支出率100%（目标100%），指标完成率100%（目标100%）。",
    "预算执行率98%（目标100%）。",
    # (the money given is no goal)
    "拨付补助资金45万元（计划45万元）。",
])
def test_no_goal_from_other_brackets(paragraph: str) -> None:
    assert _report(paragraph).indicators == []


@pytest.mark.parametrize(("paragraph", "name", "comparator", "target", "unit", "actual"), [
    # (the name as a clause of its own, first after the colon that opens the list)
    ("项目主要指标完成如下：一是家庭医生签约人数，目标2000人，实际完成2150人；二是签约履约率，目标不低于80%，实际达到86%。",
     "家庭医生签约人数", "=", "2000", "人", "2150"),
    ("对照年度目标，完成情况为：（1）健康体检人次，计划4000人次，实际完成4120人次。",
     "健康体检人次", "=", "4000", "人次", "4120"),
    # (a measure called an indicator before the target words)
    ("孕产妇系统管理率指标年初设定为90%，实际达到93.2%；新生儿访视人数指标年初设定为560人，实际访视577人。",
     "孕产妇系统管理率", "=", "90", "%", "93.2"),
    ("孕产妇系统管理率指标年初设定为90%，实际达到93.2%；新生儿访视人数指标年初设定为560人，实际访视577人。",
     "新生儿访视人数", "=", "560", "人", "577"),
    # (目标任务 before the name or after it; a result said by 已 and the name's verb)
    ("数量指标：目标任务清运河道垃圾80吨，已完成清运83吨；改造村卫生室目标任务12个，已改造12个。",
     "清运河道垃圾", "=", "80", "吨", "83"),
    ("数量指标：目标任务清运河道垃圾80吨，已完成清运83吨；改造村卫生室目标任务12个，已改造12个。",
     "改造村卫生室", "=", "12", "个", "12"),
    # (the result compared with the year's target after it)
    ("群众满意度达到95%，高于90%的年度目标。", "群众满意度", "=", "90", "%", "95"),
    ("疫苗接种率为97%，超过上级下达的目标值95%。", "疫苗接种率", "=", "95", "%", "97"),
])
def test_goals_run_into_prose(paragraph: str, name: str, comparator: str, target: str, unit: str,
                              actual: str) -> None:
    assert _read(_indicator(_report(paragraph), name)) == (comparator, Decimal(target), unit, [Decimal(actual)])


def test_control_figure_after_lower_is_not_read_as_the_ceiling() -> None:
    # ('低于控制指标82起' is as often the margin below the ceiling as the ceiling itself: no target is read)
    project = _report("全市共发生森林火灾3起，低于控制指标82起；受害面积12公顷，低于下达的控制指标300公顷。")
    assert all(i.target is None or i.target.value is None for i in project.indicators)


@pytest.mark.parametrize(("paragraph", "name", "target", "actual"), [
    # (a numbered list of 目标值 clauses after '指标完成情况：': the aimed figure is no result)
    ("二、绩效指标完成情况：（1）新修机耕道目标值4.5公里，完成4.8公里；（2）新建提灌站目标值3座，完成3座。",
     "新修机耕道", "4.5", "4.8"),
    ("绩效指标完成情况：1.更换供水管道指标值2.6公里，完成2.9公里；2.新建蓄水池指标值8座，完成8座。",
     "更换供水管道", "2.6", "2.9"),
])
def test_listed_aim_named_as_target_takes_the_result_after_it(paragraph: str, name: str, target: str,
                                                                actual: str) -> None:
    indicator = _indicator(_report(paragraph), name)
    assert indicator.target is not None and indicator.target.value == Decimal(target)
    assert [a.value for a in indicator.actuals] == [Decimal(actual)]


@pytest.mark.parametrize("paragraph", [
    "年度目标为：儿童健康管理率不低于90%，老年人体检率不低于70%。从实施情况看，儿童健康管理率为94%，老年人体检率为73%。",
    "本年度目标：儿童健康管理率不低于90%，老年人体检率不低于70%；实际执行中儿童健康管理率为94%，老年人体检率为73%。",
])
def test_aim_and_its_result_in_later_sentence_are_one_goal(paragraph: str) -> None:
    project = _report(paragraph)
    managed = [i for i in project.indicators if i.name == "儿童健康管理率"]
    assert len(managed) == 1
    assert _read(managed[0]) == (">=", Decimal("90"), "%", [Decimal("94")])


@pytest.mark.parametrize(("paragraph", "name", "comparator", "target", "actual"), [
    # (how long the level is kept stands between the target word and 保持在)
    ("各项指标完成情况：儿童免疫规划疫苗接种率要求常年保持在95%以上，全年实际接种率达到98.1%。",
     "儿童免疫规划疫苗接种率", ">=", "95", "98.1"),
    ("指标完成情况：饮用水水质合格率始终稳定在90%以上，实际为96%。", "饮用水水质合格率", ">=", "90", "96"),
    # (a long check clause between the target and its result)
    ("乳制品抽检合格率要求不低于98%，经市场监督管理局委托第三方检测机构抽检，抽检合格率为99.2%。",
     "乳制品抽检合格率", ">=", "98", "99.2"),
    # (the figure called the aim met, the result after it)
    ("参保群众满意度达90%以上的目标已实现，年终测评满意度为94%。", "参保群众满意度", ">=", "90", "94"),
    ("病媒生物密度控制达标率达到85%的年度目标已完成，经检测达标率为88%。", "病媒生物密度控制达标率", "=", "85", "88"),
])
def test_goal_words_around_the_target(paragraph: str, name: str, comparator: str, target: str, actual: str) -> None:
    assert _read(_indicator(_report(paragraph), name)) == (comparator, Decimal(target), "%", [Decimal(actual)])


@pytest.mark.parametrize("paragraph", [
    "绩效指标完成情况：产前筛查率目标为80%，实际达到86.4%；新生儿疾病筛查率目标为95%，实际为97%。",
    "全年孕产妇健康管理率年度目标90%，实际完成93%；0-6岁儿童健康管理率年度目标85%，实际完成89%。",
])
def test_rate_called_the_aim_is_no_result(paragraph: str) -> None:
    for indicator in _report(paragraph).indicators:
        assert indicator.target is not None
        assert all(a.value != indicator.target.value for a in indicator.actuals), indicator


@pytest.mark.parametrize(("goals", "results", "expected"), [
    ("年度绩效目标：城市特困供养人数不少于120人，农村特困供养人数不少于860人。",
     "全年累计供养城市特困供养人数126人、农村特困供养人数873人，均完成目标。",
     {"城市特困供养人数": Decimal("126"), "农村特困供养人数": Decimal("873")}),
    ("年度绩效目标：新建村级文化广场不少于6个，新建农家书屋不少于9个。",
     "截至年底，共建成村级文化广场7个、农家书屋9个。",
     {"新建村级文化广场": Decimal("7"), "新建农家书屋": Decimal("9")}),
])
def test_results_listed_with_commas_go_to_their_own_goals(goals: str, results: str,
                                                          expected: dict[str, Decimal]) -> None:
    doc = _doc("某县2023年度乡村卫生健康服务项目绩效自评报告", "一、绩效目标", goals, "二、绩效目标完成情况", results)
    project = parse_narrative(doc).projects[0]
    for name, actual in expected.items():
        assert [a.value for a in _indicator(project, name).actuals] == [actual]


@pytest.mark.parametrize(("goals", "expected"), [
    ("维护自动气象站36处、土壤墒情监测点18处，气象设备完好率不低于95%。",
     {"维护自动气象站": ("36", "处"), "土壤墒情监测点": ("18", "处")}),
    ("养护乡村公路85公里、桥梁6座，养护路段优良率达到80%以上。",
     {"养护乡村公路": ("85", "公里"), "桥梁": ("6", "座")}),
])
def test_works_listed_with_commas_are_targets_each(goals: str, expected: dict[str, tuple[str, str]]) -> None:
    doc = _doc("某县2023年度乡村卫生健康服务项目绩效自评报告", "一、绩效目标", goals)
    project = parse_narrative(doc).projects[0]
    for name, (value, unit) in expected.items():
        target = _indicator(project, name).target
        assert target is not None and (target.value, target.unit) == (Decimal(value), unit)


def test_works_money_is_no_target() -> None:
    doc = _doc("某县2023年度乡村卫生健康服务项目绩效自评报告", "一、绩效目标",
               "维护经费12万元、养护资金8万元，确保设施正常运行。")
    assert parse_narrative(doc).projects[0].indicators == []


@pytest.mark.parametrize("paragraph", [
    "效益指标完成情况：辖区居民健康素养水平由上年的22%提高到25%，居民健康意识明显增强。",
    "效益指标完成情况：农村卫生厕所普及率从2022年的61%提升至68%。",
])
def test_the_value_a_change_started_from_is_no_result(paragraph: str) -> None:
    project = _report("二、绩效目标完成情况", paragraph)
    assert all(a.value not in (Decimal("22"), Decimal("61")) for i in project.indicators for a in i.actuals)


@pytest.mark.parametrize(("paragraph", "name"), [
    ("可疑病例随访率目标95%，实际随访率97.2%。", "可疑病例随访率"),
    ("能源消耗降低率目标为5%，实际为6.1%。", "能源消耗降低率"),
    ("收入增长率目标8%，实际完成9.5%。", "收入增长率"),
])
def test_a_name_opening_with_a_lead_character_keeps_it(paragraph: str, name: str) -> None:
    assert _indicator(_report(paragraph), name).actuals


@pytest.mark.parametrize(("goals", "results", "name"), [
    ("年度绩效目标：工程质量验收合格率达到100%。", "完成情况：工程经县水利局验收合格率为100%。", "工程质量验收合格率"),
    ("年度绩效目标：供水水质检测合格率不低于95%。", "完成情况：供水水质经市疾控中心检测合格率为98%。",
     "供水水质检测合格率"),
])
def test_the_checker_inside_a_result_name_makes_no_second_indicator(goals: str, results: str, name: str) -> None:
    doc = _doc("某县2023年度乡村卫生健康服务项目绩效自评报告", "一、绩效目标", goals, "二、绩效目标完成情况", results)
    project = parse_narrative(doc).projects[0]
    assert [i.name for i in project.indicators] == [name]
    assert _indicator(project, name).actuals


def _analysed(*lines: str) -> Project:
    doc = _doc("某县2023年度乡村卫生健康服务项目绩效自评报告", "一、项目基本情况",
               "项目预算安排资金30万元，全年支出30万元。", "二、绩效指标完成情况分析", *lines)
    return parse_narrative(doc).projects[0]


@pytest.mark.parametrize(("line", "name", "level", "value", "unit"), [
    ("数量指标：新建村卫生室3个，已完成；", "新建村卫生室", "产出/数量", "3", "个"),
    ("质量指标：确保卫生室建设质量，已完成。", "确保卫生室建设质量", "产出/质量", None, None),
    ("社会效益指标：方便群众就近就医，已达到预期。", "方便群众就近就医", "效益/社会效益", None, None),
    ("满意度指标：提高就诊群众满意度，已实现。", "提高就诊群众满意度", "满意度", None, None),
])
def test_labelled_line_with_its_outcome_in_words(line: str, name: str, level: str, value: str | None,
                                                  unit: str | None) -> None:
    indicator = _indicator(_analysed(line), name)
    assert indicator.level == level and indicator.target is not None
    assert (indicator.target.value, indicator.target.unit) == ((Decimal(value), unit) if value else (None, None))
    assert indicator.target.comparator == ("=" if value else "qualitative")
    assert any(a.kind == "qualitative" for a in indicator.actuals)


@pytest.mark.parametrize("line", [
    # (money, several figures, a sentence of its own: no goal row)
    "成本指标：项目支出30万元，已完成。",
    "数量指标：新建卫生室3个、改造5个，已完成。",
    "社会效益指标：项目实施后，群众就医更加方便，满意度明显提升。",
])
def test_no_row_from_other_labelled_lines(line: str) -> None:
    rows = [i for i in _analysed(line).indicators
            if (i.target is not None and i.target.comparator == "qualitative")
            or any(a.kind == "qualitative" for a in i.actuals)]
    assert not rows


@pytest.mark.parametrize("paragraph", [
    "覆盖学校52所，实现全覆盖（目标：全县学校全覆盖）；参与课后服务学生2.1万人，参与率86%（目标≥80%）。",
    "建成村级服务站18个（目标为：每个行政村建成1个）；服务群众4.6万人次，群众满意度95%（目标≥90%）。",
])
def test_an_aim_in_brackets_opens_no_list_of_targets(paragraph: str) -> None:
    names = [i.name for i in _report(paragraph).indicators]
    assert not [n for n in names if "学生" in n or "服务群众" in n], names


@pytest.mark.parametrize(("paragraph", "name"), [
    ("指标完成情况如下：1.贫困学生资助人数，计划120人，实际资助126人；2.资助资金发放及时率，目标100%，实际100%。",
     "贫困学生资助人数"),
    ("主要指标：一是农民技能培训人次，计划300人次，实际培训320人次；二是培训合格率，目标≥90%，实际93%。",
     "农民技能培训人次"),
])
def test_a_plan_named_by_its_result_verb_takes_the_stated_name(paragraph: str, name: str) -> None:
    project = _report(paragraph)
    assert _indicator(project, name).actuals
    assert all(len(i.name) > 2 for i in project.indicators)


@pytest.mark.parametrize(("paragraph", "name"), [
    ("一、绩效目标设定情况：年度绩效目标包括开展送医下乡不少于20场，义诊群众满意度不低于90%。", "开展送医下乡"),
    ("绩效目标下达情况：总体目标为新建村级卫生室4个，卫生室验收合格率100%。", "新建村级卫生室"),
])
def test_the_goal_lead_is_no_part_of_the_first_name(paragraph: str, name: str) -> None:
    names = [i.name for i in _report(paragraph).indicators]
    assert name in names and not [n for n in names if "目标" in n], names


@pytest.mark.parametrize(("paragraph", "name", "comparator", "target", "unit", "actual"), [
    ("3.每公里养护成本（目标值≤1.2万元/公里，实际1.1万元/公里）；4.群众满意度（目标值≥90%，实际完成95%）。",
     "每公里养护成本", "<=", "12000", "元/公里", "11000"),
    ("（2）单位面积绿化成本，年度指标值≤35元/平方米，实际32元/平方米。",
     "单位面积绿化成本", "<=", "35", "元/平方米", "32"),
])
def test_a_bare_result_word_after_the_target_value(paragraph: str, name: str, comparator: str, target: str,
                                                   unit: str, actual: str) -> None:
    assert _read(_indicator(_report(paragraph), name)) == (comparator, Decimal(target), unit, [Decimal(actual)])


@pytest.mark.parametrize(("paragraph", "name", "target", "unit", "actual"), [
    ("全年共完成乡村医生培训1200人次，比计划的1000人次多200人次；群众满意度95%。",
     "乡村医生培训", "1000", "人次", "1200"),
    ("项目累计新建村级卫生室15个，较年初目标12个增加3个。", "新建村级卫生室", "12", "个", "15"),
])
def test_result_compared_with_its_plan(paragraph: str, name: str, target: str, unit: str, actual: str) -> None:
    assert _read(_indicator(_report(paragraph), name)) == ("=", Decimal(target), unit, [Decimal(actual)])


@pytest.mark.parametrize("paragraph", [
    # (a difference in points or a share is no plan's figure)
    "主推技术到位率达到96%，比目标高6个百分点。",
    "完成培训1200人次，比上年多200人次。",
])
def test_no_plan_from_a_difference(paragraph: str) -> None:
    assert all(i.target is None or i.target.value not in (Decimal("6"), Decimal("200"))
               for i in _report(paragraph).indicators)


@pytest.mark.parametrize("lines", [
    # (the rates the analysis reports as bounds reached, two to a sentence)
    ("（四）项目效益分析", "服务站点运行良好，受益群众满意度在90%以上，服务对象满意度在95%以上。"),
    ("3.满意度分析", "项目实施后，参训学员满意度达到92%以上；用人单位满意率不低于90%。"),
])
def test_rates_the_analysis_reports_as_bounds_are_no_goals(lines: tuple[str, ...]) -> None:
    doc = _doc("某县2023年度乡村卫生健康服务项目绩效自评报告", "一、项目基本情况",
               "(一)绩效目标情况", "目标是在全县建成6个村级卫生服务站。",
               "二、绩效目标完成情况分析", *lines)
    project = parse_narrative(doc).projects[0]
    rates = [i for i in project.indicators if "满意" in i.name]
    assert rates, [i.name for i in project.indicators]
    # (a result of the analysis: never a goal the report set whose result is missing)
    assert all(not i.in_goal_table and i.actuals for i in rates)


def test_rates_the_analysis_calls_the_aim_stay_goals() -> None:
    doc = _doc("某县2023年度乡村卫生健康服务项目绩效自评报告", "一、项目基本情况",
               "二、绩效目标完成情况分析",
               "群众满意度目标为90%以上，服务对象满意度目标不低于95%。")
    project = parse_narrative(doc).projects[0]
    assert {i.name for i in project.indicators if i.in_goal_table} >= {"群众满意度", "服务对象满意度"}


@pytest.mark.parametrize("paragraph", [
    "每户补助名单在村务公开栏公示，时间不少于7天，最终确定改造农房40户。",
    "资金拨付前须经镇村两级审核，期限不超过15个工作日，全年拨付补助资金120万元。",
])
def test_a_bare_word_of_the_figures_kind_names_no_indicator(paragraph: str) -> None:
    project = _analysed("1、数量指标", paragraph)
    assert not any(i.name in ("时间", "期限") for i in project.indicators), [i.name for i in project.indicators]
