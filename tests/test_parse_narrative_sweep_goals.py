"""Goal indicators and claimed scores as narrative self-evaluations write them in prose.

Built inputs in the shapes a sweep of published 绩效自评报告 met (county and city pages of 广东, 陕西, 云南,
广西, 四川, 内蒙古, 湖南 and others), each in two or more wordings: the level analysis filed under a
评价结果 part, the items of a labelled statement set off by ；, a name ending in 知晓度, an item's
指标完成率 that is no indicator, a goal line with the count of its indicators before the colon and its
items split at 、 and ，, the score one indicator's statement claims, results that are no targets
(已带动…, the works done), the 任务数 word off a name, and a grade in brackets.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Indicator, Project
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc

_TITLE = "某县民政局2023年度困难群众救助补助资金绩效自评报告"


def _project(*paragraphs: str) -> Project:
    report = parse_narrative(_doc(_TITLE, *paragraphs))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


def _named(project: Project, name: str) -> Indicator:
    found = [i for i in project.indicators if i.name == name]
    assert len(found) == 1, [(i.name, i.target and i.target.raw) for i in project.indicators]
    return found[0]


def _actual_values(indicator: Indicator) -> list[Decimal | None]:
    return [a.value for a in indicator.actuals]


@pytest.mark.parametrize(("part", "analysis", "level", "sentence", "name", "value"), [
    ("四、资金绩效评价结果", "1.产出指标完成情况分析", "（2）质量指标", "救助资金发放准确率100%。",
     "救助资金发放准确率", 100),
    ("三、绩效评价结果", "（一）产出指标完成情况", "3.时效指标", "补助资金拨付及时率98%,按规定时限拨付。",
     "补助资金拨付及时率", 98),
])
def test_a_level_analysis_filed_under_the_evaluation_result_part_reports_its_indicators(
        part: str, analysis: str, level: str, sentence: str, name: str, value: int) -> None:
    project = _project("一、资金基本情况", "下达资金100万元,已全额拨付。", part, analysis, level, sentence)
    indicator = _named(project, name)
    assert _actual_values(indicator) == [Decimal(value)]
    assert indicator.level.endswith(level[-4:-2])


@pytest.mark.parametrize(("statement", "names", "values"), [
    ("数量指标:全年免费开放服务360天,指标完成率100%;全年服务读者25万人次,指标完成率100%。",
     ("免费开放服务", "服务读者"), ("360天", "25万人次")),
    ("数量指标:开展业务培训12期,完成率100%;补充数字资源50000册,完成率100%。",
     ("开展业务培训", "补充数字资源"), ("12期", "50000册")),
])
def test_the_items_of_a_labelled_statement_set_off_by_semicolons_are_indicators_and_their_share_is_not(
        statement: str, names: tuple[str, str], values: tuple[str, str]) -> None:
    project = _project("二、绩效目标完成情况", "1.产出指标完成情况", statement)
    for name, value in zip(names, values, strict=True):
        assert [a.raw for a in _named(project, name).actuals] == [value]
    assert not [i for i in project.indicators if "完成率" in i.name]


@pytest.mark.parametrize(("statement", "name", "value"), [
    ("②社会效益:2023年补助政策知晓度为96%,实现了应助尽助。", "补助政策知晓度", 96),
    ("社会效益指标:群众对救助政策的认可度达92%,社会反响良好。", "群众对救助政策的认可度", 92),
])
def test_a_labelled_measure_named_by_its_degree_is_an_indicator(statement: str, name: str, value: int) -> None:
    project = _project("二、绩效目标完成情况", "（二）效益指标", statement)
    assert _actual_values(_named(project, name)) == [Decimal(value)]


@pytest.mark.parametrize(("line", "expected"), [
    ("1.数量指标3个:水源地整治数量6个、新增湿地恢复面积30.4平方公里、新建监测站2座。",
     {"水源地整治数量": "6个", "新增湿地恢复面积": "30.4平方公里", "新建监测站": "2座"}),
    ("3.时效指标2个:项目开工率100%,项目完工率≥25%。", {"项目开工率": "100%", "项目完工率": "≥25%"}),
    ("数量指标2项:培训人数500人、发放宣传手册2000册。", {"培训人数": "500人", "发放宣传手册": "2000册"}),
])
def test_a_goal_line_with_its_count_before_the_colon_lists_one_target_per_item(
        line: str, expected: dict[str, str]) -> None:
    project = _project("一、绩效目标分解下达情况", line)
    targets = {i.name: i.target.raw for i in project.indicators if i.target is not None}
    assert targets == expected


@pytest.mark.parametrize("line", [
    "4.生态效益指标2个:地表水优良(达到或优于Ⅲ类)比例、地下水Ⅴ类水比例2项指标达到国家下达的年度目标值。",
    "生态效益指标3个:水质优良比例、劣Ⅴ类水体比例、饮用水水源达标比例3项指标均达到年度目标。",
])
def test_names_that_share_one_aim_are_no_indicator_of_the_count(line: str) -> None:
    report = parse_narrative(_doc(_TITLE, "一、绩效目标分解下达情况", line))
    assert not [i for p in report.projects for i in p.indicators]


@pytest.mark.parametrize(("sentence", "name", "score"), [
    ("1.重大动物强制免疫密度,年初目标值≥90%,实际完成值≥92%,自评得分20分;", "重大动物强制免疫密度", 20),
    ("2.补助经费发放率,年度目标值=100%,实际完成值=100%,得分为9.5分。", "补助经费发放率", Decimal("9.5")),
])
def test_an_indicators_own_statement_claims_its_score(sentence: str, name: str, score: int) -> None:
    project = _project("（二）绩效目标完成情况", sentence)
    indicator = _named(project, name)
    assert indicator.score == Decimal(score)
    assert indicator.actuals and indicator.target is not None


@pytest.mark.parametrize("sentence", [
    "1.补助对象对项目满意率,初目标值≥90%,实际完成值≥95%,自评得分10分。",
    "1.补助对象对项目满意率,年初目标值≥90%,实际完成值≥95%,自评得分10分。",
])
def test_a_target_word_that_lost_its_year_still_follows_the_name(sentence: str) -> None:
    indicator = _named(_project("（二）绩效目标完成情况", sentence), "补助对象对项目满意率")
    assert indicator.target is not None and indicator.target.raw == "≥90%"
    assert indicator.score == Decimal(10)


@pytest.mark.parametrize(("part", "sentence"), [
    ("一、绩效目标分解下达情况", "年度资金40万元,改建后已带动14户贫困户分红,户均增收700元。"),
    ("一、绩效目标分解下达情况", "项目资金30万元,新建厂房后已惠及农户30户。"),
    ("（二）项目绩效指标完成情况分析", "完成年度建设项目1个,主要建设内容为新建100米深机井1座,潜水泵2台。"),
    ("（二）项目绩效指标完成情况分析", "已完成全部工程,主要建设内容为铺设管道1100m,新建水塔1座。"),
])
def test_what_was_done_is_no_target(part: str, sentence: str) -> None:
    report = parse_narrative(_doc(_TITLE, part, sentence))
    assert not [i.name for p in report.projects for i in p.indicators if i.target is not None]


@pytest.mark.parametrize(("sentence", "name", "target", "actual"), [
    ("数量指标:养老金领取人数年初任务数1000人,全年完成值1030人。", "养老金领取人数", 1000, 1030),
    ("数量指标:参保缴费人数目标任务数2000人,全年完成值1900人。", "参保缴费人数", 2000, 1900),
])
def test_the_task_word_is_no_part_of_the_name(sentence: str, name: str, target: int, actual: int) -> None:
    indicator = _named(_project("二、绩效情况分析", "（四）绩效指标完成情况分析", sentence), name)
    assert indicator.target is not None and indicator.target.value == Decimal(target)
    assert _actual_values(indicator) == [Decimal(actual)]


@pytest.mark.parametrize(("sentence", "grade"), [
    ("项目实施效果良好,评价得分及绩效等级为(良)。", "良"),
    ("经自评,绩效等级为（优）。", "优"),
])
def test_a_grade_in_brackets(sentence: str, grade: str) -> None:
    assert _project("四、评价结论", sentence).grade == grade


@pytest.mark.parametrize("tail", [
    "按照相关规定,救助资金发放准确及时;临时救助按困难程度给予2-12个月最低生活保障标准一次性发放。",
    "发放程序规范;特困供养按规定给予12个月基本生活补助。",
])
def test_under_a_level_heading_only_the_figure_a_statement_opens_with_is_an_indicator(tail: str) -> None:
    project = _project("四、资金绩效评价结果", "1.产出指标完成情况分析", "（2）质量指标",
                       "救助资金发放准确率100%。", tail)
    assert [i.name for i in project.indicators] == ["救助资金发放准确率"]


@pytest.mark.parametrize("plan", [
    "年初农村危房改造资金预算安排300万元,用于农村低收入群体房屋安全,计划补助115户。",
    "根据年初计划,拟对115户农户实施危房改造。",
])
def test_a_plan_sentence_under_a_level_heading_is_no_result_in_words(plan: str) -> None:
    project = _project("一、绩效目标情况", "我县农村危房改造任务数为115户,实际完成农村危房改造264户。",
                       "二、绩效指标完成情况", "1、数量指标", plan)
    assert not [a.raw for i in project.indicators for a in i.actuals if a.kind == "qualitative"]


@pytest.mark.parametrize(("goal", "part", "again", "name"), [
    ("我县2022年农村危房改造任务数为115户,实际完成农村危房改造264户。", "（一）数量指标",
     "计划补助115户,实际补助264户。", "农村危房改造"),
    ("1.重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值≥92%,自评得分20分。", "三、项目概况",
     "项目建设目标:通过项目的实施,重大动物群体免疫密度达90%以上。", "重大动物强制免疫病种群体免疫密度"),
])
def test_an_aim_restated_in_other_words_is_the_same_indicator(goal: str, part: str, again: str, name: str) -> None:
    project = _project("一、绩效目标完成情况", goal, "二、绩效指标完成情况", part, again)
    assert [i.name for i in project.indicators] == [name]


# --- paired statements (年初目标值 … 实际完成值) one a line under level headings ------------------------------


@pytest.mark.parametrize(("lines", "expected"), [
    (["A产出指标", "(1)时效指标", "资金拨付及时率,年初目标值100%,实际完成值100%。",
      "(2)质量指标", "资金发放准确率,年初目标值100%,实际完成值100%。"],
     {"资金拨付及时率": "产出/时效", "资金发放准确率": "产出/质量"}),
    (["C满意度指标", "低保对象对救助工作的满意度,年初目标值≥90%,实际完成值93%。",
      "特困人员对救助工作的满意度,年初目标值≥90%,实际完成值88.5%。"],
     {"低保对象对救助工作的满意度": "满意度", "特困人员对救助工作的满意度": "满意度"}),
])
def test_paired_statements_sharing_words_and_figures_are_each_their_own_indicator_of_their_heading(
        lines: list[str], expected: dict[str, str]) -> None:
    project = _project("一、资金基本情况", "下达资金100万元,已全额拨付。", "二、绩效目标完成情况", *lines)
    assert {i.name: i.level for i in project.indicators if i.name in expected} == expected


def test_a_looser_wording_of_a_known_aim_is_still_that_aim() -> None:
    # (the aim restated with words left out is the same aim, not a second one)
    project = _project("一、绩效目标", "重大动物强制免疫病种群体免疫密度,年初目标值≥90%,实际完成值95%。",
                       "二、绩效目标完成情况", "重大动物群体免疫密度,年初目标值≥90%,实际完成值95%。")
    assert [i.name for i in project.indicators] == ["重大动物强制免疫病种群体免疫密度"]


def test_a_parts_heading_carrying_its_self_score_is_still_the_part_its_words_name() -> None:
    from reportparse.parse.sections import section_kind

    assert section_kind("绩效目标及指标完成情况(自评得分90分)") == "analysis"
    assert section_kind("项目基本情况（得分：18.5分）") == "overview"
    assert section_kind("资金使用管理情况(20分)") == "funds"
    # (the score with its grade beside it, or without its 分)
    assert section_kind("绩效目标及指标完成情况(自评得分90分，等级优)") == "analysis"
    assert section_kind("绩效目标及指标完成情况（自评得分：18.5）") == "analysis"
    assert section_kind("评价结论（90分，优）") == "conclusion"
    assert section_kind("自评结论") == "conclusion"  # (its words, not a bracket, make a conclusion)


@pytest.mark.parametrize(("heading", "lines", "expected"), [
    ("三、绩效目标及指标完成情况(自评得分85分)",
     ["1.数量指标(自评得分20分):完成改造农村危房120户。", "2.质量指标(自评得分15分):竣工验收合格率为98%。"],
     {"产出/数量": Decimal(120), "产出/质量": Decimal(98)}),
    ("四、项目绩效目标实现情况（自评得分88分）",
     ["（1）时效指标（自评得分10分）：资金拨付及时率达到100%。",
      "（2）满意度指标（自评得分9分）：受益群众满意度为96%。"],
     {"产出/时效": Decimal(100), "满意度": Decimal(96)}),
    # (a colon inside the score's bracket, or its weight beside it)
    ("三、绩效目标及指标完成情况",
     ["1.数量指标(得分：20分):完成改造农村危房120户。", "2.质量指标（权重15分，得分15分）：竣工验收合格率为98%。"],
     {"产出/数量": Decimal(120), "产出/质量": Decimal(98)}),
])
def test_level_labels_carrying_their_score_report_their_indicators(
        heading: str, lines: list[str], expected: dict[str, Decimal]) -> None:
    project = _project("一、项目基本情况(自评得分100分)", "下达资金100万元,已全额拨付。", heading, *lines)
    found = {i.level: [a.value for a in i.actuals] for i in project.indicators}
    assert {level: found.get(level) for level in expected} == {level: [v] for level, v in expected.items()}, found


@pytest.mark.parametrize(("line", "name", "target", "actual"), [
    ("新建村级文化广场12个,年初目标值12个,实际完成值12个。", "新建村级文化广场", Decimal(12), Decimal(12)),
    ("培训农村实用人才500人次，年度目标值500人次，实际完成值520人次。", "培训农村实用人才", Decimal(500), Decimal(520)),
])
def test_a_name_that_restates_its_aims_figure_before_the_target_word_is_the_name(
        line: str, name: str, target: Decimal, actual: Decimal) -> None:
    project = _project("一、资金基本情况", "下达资金100万元,已全额拨付。", "二、绩效目标完成情况", "(1)数量指标", line)
    indicator = _named(project, name)
    assert indicator.target is not None and indicator.target.value == target
    assert _actual_values(indicator) == [actual]
    # (a figure of its own in the name clause, not the aim's, leaves the statement unread as before)
    other = _project("一、资金基本情况", "下达资金100万元,已全额拨付。", "二、绩效目标完成情况", "(1)数量指标",
                     "覆盖行政村30个,年初目标值12个,实际完成值12个。")
    assert not any(i.name.startswith("覆盖行政村30") for i in other.indicators)


@pytest.mark.parametrize(("heading", "line", "name", "result"), [
    ("社会效益", "年初目标值改善农村人居环境与上年相比明显改善,实际完成值明显改善。", "改善农村人居环境", "明显改善"),
    ("(1)可持续影响", "年度目标值群众饮水安全保障水平持续提升，实际完成值达到预期。",
     "群众饮水安全保障水平", "达到预期"),
    # (the target word without its period, a colon after each word)
    ("(2)社会效益", "目标值：办学条件与上年相比明显改善，实际完成值：基本达成。", "办学条件", "基本达成"),
    ("生态效益", "1.指标值:村容村貌持續改善;實際完成值:明顯改善。", "村容村貌", "明显改善"),
    # (the trend said with other adverbs: 不断, 逐年, 得到有效)
    ("(2)社会效益", "年度目标值群众生活水平不断提高，实际完成值达到预期。", "群众生活水平", "达到预期"),
    ("社会效益", "年初目标值办学条件得到有效改善,实际完成值明显改善。", "办学条件", "明显改善"),
])
def test_a_worded_aim_and_result_under_a_level_heading_is_that_levels_indicator(
        heading: str, line: str, name: str, result: str) -> None:
    project = _project("一、资金基本情况", "下达资金100万元,已全额拨付。", "二、绩效目标完成情况", "B效益指标",
                       heading, line)
    indicator = _named(project, name)
    assert indicator.level.startswith("效益/")
    assert indicator.target is not None and indicator.target.comparator == "qualitative"
    assert [a.raw for a in indicator.actuals] == [result]
    # (the same words with no level heading above them name no indicator: nothing says what they measure)
    bare = _project("一、资金基本情况", "下达资金100万元,已全额拨付。", "二、其他说明", line)
    assert not any(i.name == name for i in bare.indicators)


@pytest.mark.parametrize(("line", "name", "value", "actual"), [
    ("2023年农村道路养护资金80万,年初目标值80万,实际完成值78.5万。", "农村道路养护资金",
     Decimal(800000), Decimal(785000)),
    ("2021年度学生营养餐补助经费1.2亿，年度目标值1.2亿，实际完成值1.2亿。", "学生营养餐补助经费",
     Decimal(120000000), Decimal(120000000)),
])
def test_a_money_aim_whose_yuan_the_writer_left_off_is_read_in_yuan(
        line: str, name: str, value: Decimal, actual: Decimal) -> None:
    project = _project("一、资金基本情况", "下达资金100万元,已全额拨付。", "二、绩效目标完成情况", "(1)数量指标", line)
    indicator = _named(project, name)
    assert indicator.target is not None and (indicator.target.value, indicator.target.unit) == (value, "元")
    assert _actual_values(indicator) == [actual]
    # (a bare 万 after words that name no money is no amount: '培训农民1.5万,年初目标值1.5万' stays unread)
    other = _project("一、资金基本情况", "下达资金100万元,已全额拨付。", "二、绩效目标完成情况", "(1)数量指标",
                     "培训农民1.5万,年初目标值1.5万,实际完成值1.6万。")
    assert not any(i.target is not None and i.target.unit == "元" for i in other.indicators)
