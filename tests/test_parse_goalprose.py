"""Goals written as sentences (parse/goalprose.py), per-period totals in goal lines, labels closed by 。."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc, _indicator


def _only(report: Report):  # type: ignore[no-untyped-def]
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


ROADS = _doc(
    "2023年某县乡村道路硬化项目绩效自评报告",
    "一、绩效目标分解下达情况",
    "2023年我县乡村道路硬化项目计划投资800万元，目标为新建村内道路和连通道路共18.5公里，实际完成17公里。",
    "本项目共设绩效目标指标10个，其中一级指标3个。",
    "二、绩效目标完成情况分析",
    "项目资金合计800万元，已支付760万元。",
    "完成危桥改造6座，年度目标为8座。",
)


def test_target_statement_names_indicator_target_and_result() -> None:
    project = _only(parse_narrative(ROADS))
    roads = _indicator(project, "新建村内道路、连通道路")  # a 和-list named with 、 as a goal table writes it
    assert roads.level == "产出/数量"
    assert roads.target is not None and roads.target.value == Decimal("18.5") and roads.target.unit == "公里"
    assert roads.target.bare_number
    assert [a.value for a in roads.actuals][:1] == [Decimal("17")]
    assert roads.in_goal_table and roads.evidence and "目标为" in roads.evidence[0].text


def test_result_clause_then_target_clause() -> None:
    project = _only(parse_narrative(ROADS))
    bridges = _indicator(project, "危桥改造")
    assert bridges.target is not None and bridges.target.value == Decimal("8") and bridges.target.unit == "座"
    assert [a.value for a in bridges.actuals] == [Decimal("6")]


def test_money_given_and_counts_of_indicators_are_no_goals() -> None:
    names = [i.name for i in _only(parse_narrative(ROADS)).indicators]
    assert not any("指标" in n or "投资" in n or "资金" in n for n in names), names


SHEEP = _doc(
    "某乡养殖基地建设项目绩效自评报告",
    "一、绩效目标分解下达情况",
    "1.项目绩效目标设定情况",
    "项目建成后预计每年可收租金3万元，带动村集体经济增收3万元；同时使1200口群众受益。",
    "县财政下达资金50万元。",
    "二、绩效目标完成情况分析",
    "项目尚未开工，资金暂未使用。",
)


def test_expected_benefits_in_goal_setting_paragraphs() -> None:
    project = _only(parse_narrative(SHEEP))
    rent = _indicator(project, "租金")
    assert rent.level == "效益/经济效益" and rent.target is not None and rent.target.value == Decimal("30000")
    income = _indicator(project, "村集体经济增收")
    assert income.target is not None and income.target.unit == "元"
    people = _indicator(project, "受益群众")
    assert people.level == "效益/社会效益" and people.target is not None
    assert people.target.value == Decimal("1200") and people.target.unit == "口"
    assert not any(i.target is not None and i.target.value == Decimal("500000") for i in project.indicators)


def test_benefits_outside_an_expectation_are_no_targets() -> None:
    report = parse_narrative(_doc(
        "某乡养殖基地建设项目绩效自评报告",
        "一、绩效目标分解下达情况",
        "去年村集体经济增收3万元，基地已有羊200只。",
    ))
    assert all(not p.indicators for p in report.projects)


def test_per_period_rate_and_total_in_a_goal_line() -> None:
    report = parse_narrative(_doc(
        "某市海绵城市建设补助资金绩效自评报告",
        "一、绩效目标",
        "数量指标：雨水资源化利用125万吨/年；拟开展的培训、宣传次数每季度不少于1次，合计不少于4次。",
    ))
    training = _indicator(_only(report), "拟开展的培训、宣传次数")
    assert training.target is not None and training.target.comparator == ">=" and training.target.value == 4


def test_level_label_closed_by_full_stop_in_analysis() -> None:
    report = parse_narrative(_doc(
        "某流域水土流失综合治理项目绩效自评报告",
        "一、绩效目标完成情况分析",
        "3.满意度指标完成情况分析。群众满意度100%。",
        "(1)数量指标。新建谷坊12座已完成。",
    ))
    project = _only(report)
    satisfaction = _indicator(project, "群众满意度")
    assert satisfaction.level == "满意度" and [a.value for a in satisfaction.actuals] == [Decimal("100")]
    assert not satisfaction.in_goal_table



def test_comparison_with_the_target_word_is_no_part_of_the_name() -> None:
    # '<X>大于年度指标值≥95%', '<X>高于年度目标值90%': the comparison words belong to the target, not the name
    from reportparse.model import Paragraph
    from reportparse.parse.goalpaired import paired_statements

    for text, name, raw, comparator in [
        ("满意度指标（服务对象满意度指标）：学校满意度大于年度指标值≥95%。", "学校满意度", "≥95%", ">="),
        ("群众满意度高于年度目标值90%，实际完成值96%。", "群众满意度", "高于90%", ">"),
        ("受益人口不少于年度指标值2000人，实际完成值2150人。", "受益人口", "不少于2000人", ">="),
    ]:
        found = paired_statements(Paragraph(text=text, page=1))
        assert [(i.name, i.target.raw if i.target else None) for i in found] == [(name, raw)]
        assert found[0].target is not None and found[0].target.comparator == comparator


def test_the_can_of_can_reach_is_the_comparator_s_not_the_name_s() -> None:
    """'年总收入可达15万元', '亩产预计达到800公斤': the figure's name ends before 可达 / 预计达到."""
    project = _only(parse_narrative(_doc(
        "2023年某村特色种植项目绩效自评报告",
        "一、项目绩效目标",
        "项目的绩效目标为预期收益：村集体种植茶叶40亩，2023年投产，年总收入可达12万元；村集体经营净收入能够达到2万元。",
    )))
    names = [i.name for i in project.indicators]
    assert "年总收入" in names and "村集体经营净收入" in names, names
    assert not any(n.endswith(("可", "能够")) for n in names), names


def test_one_measure_of_two_subjects_side_by_side_is_two_aims() -> None:
    """'茶园…年总收入可达12万元；果园…预计年总收入20万元': one name, two subjects, two figures on one line."""
    project = _only(parse_narrative(_doc(
        "2023年某村特色种植项目绩效自评报告",
        "一、项目绩效目标",
        "预期收益：村集体种植茶叶40亩，年总收入可达12万元；村集体种植果园60亩，每亩年产800公斤，预计年总收入20万元。",
        "二、绩效目标完成情况",
        "全村道路硬化目标为5公里，实际完成5公里。",
        "道路硬化目标5.2公里。",
    )))
    incomes = sorted(i.target.value for i in project.indicators if i.name == "年总收入" and i.target is not None
                     and i.target.value is not None)
    assert incomes == [Decimal(120000), Decimal(200000)]  # (万元 read in 元)
