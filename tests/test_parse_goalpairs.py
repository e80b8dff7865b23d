"""A plan clause and its result clause read as one indicator (parse/goalpairs.py), and a lone
satisfaction rate stated as a goal (parse/goallists.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Paragraph, Project
from reportparse.parse.goalpairs import plan_result_pairs
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc, _indicator


def _report(*analysis: str, goals: tuple[str, ...] = ()) -> Project:
    doc = _doc(
        "某县2023年度农村危房改造补助资金绩效自评报告",
        "一、绩效目标分解下达情况",
        "2023年下达农村危房改造补助资金50万元，用于农村危房改造项目。",
        *goals,
        "二、绩效目标完成情况分析",
        *analysis,
    )
    projects = parse_narrative(doc).projects
    assert len(projects) == 1, [p.name for p in projects]
    return projects[0]


@pytest.mark.parametrize(("sentence", "name", "target", "actual", "unit"), [
    ("计划完成危房改造20户，实际完成18户。", "危房改造", "20", "18", "户"),
    ("项目计划改造危房20户，实际改造18户，完成率90%。", "改造危房", "20", "18", "户"),
    ("按政策应资助学生9人，实际资助学生9人。", "资助学生", "9", "9", "人"),
    ("年初计划培训农民120人次，截至年底实际培训132人次。", "培训农民", "120", "132", "人次"),
    # (a lone verb after the plan word: what it gives out or builds stands before the plan word)
    ("2021年临时救助金计划发放150人，实际发放162人。", "临时救助金发放", "150", "162", "人"),
    ("本年度农村户厕计划改造80户,实际改造85户,超额5户。", "农村户厕改造", "80", "85", "户"),
    # (the body that plans before the object: no word of the name)
    ("我镇临时救助金计划发放150人，实际发放162人。", "临时救助金发放", "150", "162", "人"),
    ("2021年度我街道農村戶廁計劃改造80戶，實際改造85戶。", "农村户厕改造", "80", "85", "户"),
    ("本单位技能培训年初计划举办40期，实际举办42期。", "技能培训举办", "40", "42", "期"),
    # (or of the plan word's own verb: 开展, 实施; 完成 says nothing of the work)
    ("本单位技能培训年初计划开展40期，实际开展42期。", "技能培训开展", "40", "42", "期"),
    ("农村公路养护计划完成50公里，实际完成52公里。", "农村公路养护", "50", "52", "公里"),
])
def test_plan_clause_and_result_clause(sentence: str, name: str, target: str, actual: str, unit: str) -> None:
    indicator = _indicator(_report(sentence), name)
    assert indicator.target is not None and indicator.target.value == Decimal(target)
    assert indicator.target.unit == unit
    assert [a.value for a in indicator.actuals if a.kind == "measured"] == [Decimal(actual)]


@pytest.mark.parametrize(("sentences", "name"), [
    (("完成2023年度53户计划任务。共完成农村危房改造129户，完工率243%。",), "农村危房改造"),
    (("完成全年53户目标任务，累计完成农村危房改造129户。",), "农村危房改造"),
])
def test_task_named_by_its_result_clause(sentences: tuple[str, ...], name: str) -> None:
    indicator = _indicator(_report(*sentences), name)
    assert indicator.target is not None and indicator.target.value == Decimal("53")
    assert [a.value for a in indicator.actuals] == [Decimal("129")]


@pytest.mark.parametrize("sentence", [
    "项目计划投资50万元，实现新建村内道路2.5公里。已完成建设工程2.4公里，质量鉴定为合格。",
    "项目计划总投资50万元，新建村内道路2.5公里，实际建成2.4公里。",
])
def test_plan_word_on_the_money_clause_before(sentence: str) -> None:
    indicator = _indicator(_report(sentence), "新建村内道路")
    assert indicator.target is not None and indicator.target.value == Decimal("2.5")
    assert indicator.target.unit == "公里"
    assert Decimal("2.4") in [a.value for a in indicator.actuals]


@pytest.mark.parametrize("sentence", [
    "计划投资50万元，实际完成投资48万元。",  # money: the funds' readers' business
    "计划于2023年6月开工，实际于2023年5月开工。",  # dates, no measure
    "计划完成危房改造20户，实际完成18栋。",  # the units differ: not the same measure
])
def test_no_pair_without_one_measure_and_a_plan_word(sentence: str) -> None:
    project = _report(sentence)
    assert not any(i.actuals and i.target is not None and i.target.unit in ("户", "件") and
                   any(a.value == Decimal("18") or a.value == Decimal("120") for a in i.actuals)
                   for i in project.indicators), [(i.name, i.target, i.actuals) for i in project.indicators]
    assert not any("投资" in i.name or "开工" in i.name for i in project.indicators)


def test_no_plan_word_in_a_word_that_opens_with_it() -> None:
    # (应急 is a word, not the plan word 应: no plan; parse/goalstated.py reads the sentence as a target then result)
    para = _doc("应急物资储备100件，实际储备120件。").elements[0]
    assert isinstance(para, Paragraph) and plan_result_pairs(para, analysis=True) == []


def test_pair_in_the_analysis_is_no_goal_row() -> None:
    indicator = _indicator(_report("计划完成危房改造20户，实际完成18户。"), "危房改造")
    assert not indicator.in_goal_table
    goal = _indicator(_report("项目已完工。", goals=("计划完成危房改造20户，实际完成18户。",)), "危房改造")
    assert goal.in_goal_table


@pytest.mark.parametrize(("sentence", "name", "value"), [
    ("项目建成后，老年人日间照料中心群众满意度达90%以上。", "老年人日间照料中心群众满意度", "90"),
    ("预期受益群众满意度不低于95%。", "受益群众满意度", "95"),
])
def test_lone_satisfaction_goal(sentence: str, name: str, value: str) -> None:
    indicator = _indicator(_report("项目已完工。", goals=(sentence,)), name)
    assert indicator.level == "满意度"
    assert indicator.target is not None and indicator.target.value == Decimal(value)
    assert indicator.target.comparator == ">="


def test_lone_rate_that_is_no_satisfaction_stays_unread() -> None:
    project = _report("项目已完工。", goals=("项目资金拨付率100%。",))
    assert not any(i.name.endswith("拨付率") for i in project.indicators)


@pytest.mark.parametrize(("goal", "result"), [
    ("项目计划投资50万元，实现新建村内道路2.5公里。", "已完成建设工程2.5公里，质量鉴定为合格。"),
    ("年度计划硬化村组道路2.5公里。", "截至年底，实际完成道路硬化工程2.5公里。"),
])
def test_result_in_the_goals_measure_without_its_name(goal: str, result: str) -> None:
    project = _report(result, goals=(goal,))
    roads = [i for i in project.indicators if i.target is not None and i.target.unit == "公里"]
    assert len(roads) == 1 and [a.value for a in roads[0].actuals] == [Decimal("2.5")]


def test_result_in_a_measure_two_goals_share_stays_unlinked() -> None:
    project = _report("已完成建设工程3公里。", goals=("计划新建村内道路2.5公里。", "计划新建连通道路1.5公里。"))
    assert all(not i.actuals for i in project.indicators if i.target is not None and i.target.unit == "公里")


@pytest.mark.parametrize("sentence", [
    "质量指标：实际完成飞行小时数/计划小时数≥80%，实际完成100%。",  # a share of the plan: one measure
    "自筹资金支出300万元，比计划安排资金超出9%，占结题项目的20%。",  # a comparison with the plan
])
def test_share_or_comparison_of_the_plan_is_no_plan(sentence: str) -> None:
    project = _report(sentence)
    assert not any(i.name in ("小时数", "安排资金超出") for i in project.indicators), [
        i.name for i in project.indicators]


@pytest.mark.parametrize(("written", "value", "unit"), [
    ("人均补助标准为0.60万元/生.年", "6000", "元/生·年"),
    ("生均公用经费1000元/生·年", "1000", "元/生·年"),
    ("资助标准6000元/学生", "6000", "元/学生"),
])
def test_per_student_rate_is_one_unit(written: str, value: str, unit: str) -> None:
    from reportparse.parse.quantities import find_mentions
    mentions = find_mentions(written)
    assert [(m.value, m.unit) for m in mentions] == [(Decimal(value), unit)]


def test_student_alone_is_no_measure_word() -> None:
    from reportparse.parse.quantities import find_mentions
    assert not any(m.unit and "生" in m.unit for m in find_mentions("全校共有学生500生源地"))


@pytest.mark.parametrize("sentence", [
    "③成本指标：人均补助标准为0.60万元/生.年，实际补助标准为0.60万元/生.年。",
    "成本指标：生均补助标准为1000元/生·年，实际补助标准为1000元/生·年。",
])
def test_per_student_standard_and_its_result(sentence: str) -> None:
    project = _report(sentence)
    standard = [i for i in project.indicators if i.name.endswith("补助标准")]
    assert standard and standard[0].target is not None and standard[0].target.unit == "元/生·年"
    assert standard[0].actuals and standard[0].actuals[0].unit == "元/生·年"


@pytest.mark.parametrize(("line", "expected"), [
    ("1.数量指标：敬老院提升改造项目3个、救助站改造项目1个、护理员参赛人数15人。",
     {"敬老院提升改造项目": ("3", "个"), "救助站改造项目": ("1", "个"), "护理员参赛人数": ("15", "人")}),
    ("（1）数量指标：培训村医120人次、发放宣传册800册、开展义诊6场。",
     {"培训村医": ("120", "人次"), "发放宣传册": ("800", "册"), "开展义诊": ("6", "场")}),
])
def test_labelled_analysis_list_gives_each_item(line: str, expected: dict[str, tuple[str, str]]) -> None:
    project = _report(line)
    found = {i.name: (i.actuals[0].value, i.actuals[0].unit) for i in project.indicators if i.actuals}
    for name, (value, unit) in expected.items():
        assert found.get(name) == (Decimal(value), unit), found


@pytest.mark.parametrize("breakdown", [
    "根据文件，下达给我单位资金30万元，其中：森林生态效益补偿资金到位8万元，商品林管护补助7.36万元，"
    "造林补助2.35万元，有害生物防治费9.03万元。",
    "根据文件，下达我局资金30万元，其中森林生态效益补偿资金8万元，商品林管护补助7.36万元，"
    "造林补助2.35万元，有害生物防治费9.03万元。",
])
def test_every_item_of_a_breakdown_is_a_part_not_a_project(breakdown: str) -> None:
    doc = _doc(
        "某市林业和草原局2021年度中央对地方转移支付预算执行情况绩效自评报告",
        "林业改革发展资金绩效自评",
        "一、绩效目标分解下达情况",
        breakdown,
        "二、绩效目标完成情况分析",
        "资金已全部拨付使用，预算执行率100%。",
    )
    names = [p.name for p in parse_narrative(doc).projects]
    assert not any(n in ("造林补助", "有害生物防治费", "商品林管护补助") for n in names), names


@pytest.mark.parametrize("written", ["1-12月", "1月-12月", "3至6月"])
def test_months_of_the_year_are_a_period(written: str) -> None:
    from reportparse.normalise import parse_target
    target = parse_target(written, level="产出/时效", name="项目实施时间")
    assert target.comparator == "qualitative" and target.value is None


@pytest.mark.parametrize(("written", "comparator", "value"), [("3-6个月", "=", "3"), ("≤3个月", "<=", "3"),
                                                              ("12月", "=", "12")])
def test_a_number_of_months_stays_a_measure(written: str, comparator: str, value: str) -> None:
    from reportparse.normalise import parse_target
    target = parse_target(written, level="产出/时效", name="完成时限")
    assert target.comparator == comparator and target.value == Decimal(value) and target.unit == "月"


@pytest.mark.parametrize("sentence", [
    "全年应执行数为7.79万元，实际执行率为100%。",  # the money plan, then the rate of its spending
    "年初计划安排资金50万元，实际支出率为96%。",
    "按计划应拨付资金30万元，资金到位率为100%。",
])
def test_rate_of_the_money_planned_is_no_goal(sentence: str) -> None:
    project = _report(sentence)
    assert not any("率" in i.name for i in project.indicators), [(i.name, i.target) for i in project.indicators]


@pytest.mark.parametrize("sentence", ["本项目计划实施8个，实际实施8个。", "今年计划开展40期，实际开展42期。"])
def test_a_plan_words_own_verb_with_no_object_before_it_names_nothing(sentence: str) -> None:
    # (the lead names the project or the year only: no object to name the aim by, and a verb alone is no name)
    assert not any(i.name in ("实施", "开展") for i in _report(sentence).indicators)
