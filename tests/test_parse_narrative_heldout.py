"""Narrative parser rules found on hand-written held-out reports (corpora/handwritten): layouts the
generated corpus does not use. Each case is a small made-up report, not a copy of a held-out file."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.scoretables import is_score_table
from tests.test_parse_narrative import _doc, _indicator, _project, _scores


def _only(report: Report):  # type: ignore[no-untyped-def]
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


# --- a score summary table (一级 | 二级 | 分值 | 得分) is scores, not goals -------------------------
SCORE_TABLE = _doc(
    "2022年度乡村道路养护项目绩效自评报告",
    "一、基本情况",
    "该项目年初预算安排50万元，实际支出50万元。",
    "二、自评情况",
    [["一级指标", "二级指标", "分值", "得分"],
     ["预算执行", "预算执行率", "10", "10"],
     ["产出指标", "数量指标", "30", "28"],
     ["产出指标", "质量指标", "20", "20"],
     ["效益指标", "社会效益指标", "30", "30"],
     ["满意度指标", "服务对象满意度", "10", "9"],
     ["合计", "", "100", "97"]],
)


def test_score_summary_table_gives_score_lines_not_indicators() -> None:
    project = _only(parse_narrative(SCORE_TABLE))
    assert project.indicators == []
    scores = _scores(project)
    assert scores["产出/数量"] == (Decimal(30), Decimal(28))
    assert scores["满意度"] == (Decimal(10), Decimal(9))
    assert scores["预算执行"] == (Decimal(10), Decimal(10))
    assert scores["总分"] == (Decimal(100), Decimal(97))


def test_a_goal_table_with_score_columns_is_not_a_score_table() -> None:
    goal = _doc([["一级指标", "二级指标", "三级指标", "指标值", "分值", "得分"],
                 ["产出指标", "数量指标", "养护里程", "≥20公里", "20", "20"]])
    assert not is_score_table(goal.elements[0])  # type: ignore[arg-type]


# --- goals as labelled lines in the 绩效目标 section ---------------------------------------------
GOAL_LINES = _doc(
    "2022年度乡村道路养护项目绩效自评报告",
    "一、绩效目标",
    "数量指标：养护里程≥20公里，实际完成22公里。",
    "质量指标：路面完好率≥90%；验收合格率100%",
    "社会效益指标：方便群众出行，有效改善",
    "二、自评情况",
    "该项目自评得分95分，产出指标分值50分，得分50分。",
)


def test_goal_lines_give_indicators_with_targets_and_actuals() -> None:
    project = _only(parse_narrative(GOAL_LINES))
    length = _indicator(project, "养护里程")
    assert length.level == "产出/数量"
    assert length.target is not None and (length.target.comparator, length.target.value) == (">=", 20)
    assert any(a.kind == "measured" and a.value == 22 for a in length.actuals)
    rate = _indicator(project, "路面完好率")
    assert rate.level == "产出/质量" and rate.target is not None and rate.target.unit == "%"
    assert _indicator(project, "验收合格率").target is not None
    assert not [i for i in project.indicators if "出行" in i.name]  # no number: not a measurable goal row


def test_labelled_results_outside_the_goal_section_are_not_goals() -> None:
    doc = _doc("2022年度乡村道路养护项目绩效自评报告", "一、绩效分析",
               "数量指标：养护里程≥20公里，实际完成22公里。", "产出指标分值50分，得分50分。")
    project = _only(parse_narrative(doc))
    assert all(not i.in_goal_table for i in project.indicators)


# --- '预算执行 10 分（分值 10 分）': a bare figure before a bracketed weight is the score ----------
def test_bare_score_before_bracketed_weight() -> None:
    doc = _doc("2022年度乡村道路养护项目绩效自评报告", "一、自评结论",
               "该项目自评得分88分。其中预算执行10分（分值10分），产出指标40分（分值50分），满意度指标8分（满分10分）。")
    scores = _scores(_only(parse_narrative(doc)))
    assert scores["预算执行"] == (Decimal(10), Decimal(10))
    assert scores["产出"] == (Decimal(50), Decimal(40))
    assert scores["满意度"] == (Decimal(10), Decimal(8))


# --- a title set on two lines: the name is on the line above '绩效自评报告' -----------------------
def test_two_line_title_names_the_single_project() -> None:
    doc = _doc("某县水利局2022年山塘整治项目", "绩效自评报告", "一、自评情况", "该项目自评得分90分，等级为优。",
               "产出指标分值50分，得分50分。")
    report = parse_narrative(doc)
    assert report.title == "某县水利局2022年山塘整治项目绩效自评报告"
    # (the title states the subject; the report never writes the bare name, so 项目 may stay: CONVENTIONS)
    assert _only(report).name.removesuffix("项目") == "山塘整治"


# --- '一、X项目' headings with their own '（一）资金情况 / （二）绩效目标' parts -----------------------
TWO_PARTS = _doc(
    "某市文广旅局关于2022年度项目支出绩效自评情况的报告",
    "一、乡村书屋更新项目",
    "（一）资金情况",
    "年初预算30万元，全年实际支出30万元。",
    "（二）绩效目标",
    "数量指标：更新书屋数量≥40个；配送图书册数≥8000册",
    "质量指标：图书验收合格率100%",
    "（三）自评得分",
    "产出指标分值50分，得分50分。",
    "二、广场舞展演活动项目",
    "（一）资金情况",
    "年初预算20万元，全年实际支出18万元。",
    "（二）绩效目标",
    "数量指标：展演场次≥12场",
    "（三）自评得分",
    "产出指标分值50分，得分50分。",
)


def test_project_name_headings_own_their_nested_sections() -> None:
    report = parse_narrative(TWO_PARTS)
    assert len(report.projects) == 2
    books = _project(report, "乡村书屋更新项目")
    dance = _project(report, "广场舞展演活动项目")
    assert books.budget.planned is not None and books.budget.planned.value == 300000
    assert dance.budget.executed is not None and dance.budget.executed.value == 180000
    assert [i.name for i in books.indicators] == ["更新书屋数量", "配送图书册数", "图书验收合格率"]
    assert [i.name for i in dance.indicators] == ["展演场次"]


def test_generic_headings_ending_in_xiangmu_are_not_projects() -> None:
    doc = _doc("某县2022年度项目支出绩效自评报告", "一、重点项目", "二、各项目", "三、乡村书屋更新项目",
               "年初预算30万元，全年实际支出30万元。产出指标分值50分，得分50分。")
    assert [p.name for p in parse_narrative(doc).projects] == ["乡村书屋更新项目"]  # never written bare


# --- '重点项目2个：A、B。' names the projects of a 部门整体 report ------------------------------------
def test_counted_project_list_names_the_projects() -> None:
    doc = _doc("某县民政局2023年度部门整体支出绩效自评报告", "一、部门基本情况",
               "本年度纳入自评的重点项目2个：困难群众救助补助资金、社区养老服务补贴。",
               "二、重点项目绩效自评情况", "（一）困难群众救助补助资金", "该项目全年预算80万元，实际支出80万元。",
               "产出指标分值50分，得分50分。", "（二）社区养老服务补贴", "该项目全年预算20万元，实际支出20万元。",
               "产出指标分值50分，得分48分。", "三、部门整体绩效自评结论", "部门整体支出绩效自评得分97分。")
    report = parse_narrative(doc)
    assert sorted(p.name for p in report.projects) == ["困难群众救助补助资金", "社区养老服务补贴"]
    aid = _project(report, "困难群众救助补助资金")
    assert aid.budget.planned is not None and aid.budget.planned.value == 800000
    assert "总分" not in _scores(aid)  # the department's 97 is no project's score


# --- a report whose only scores sit in an indicator table with a '预算执行率 | 10 | 9.5' row -----------
SCORED_TABLE = _doc(
    "某区住建局2023年背街小巷整治项目绩效自评报告",
    "一、资金情况",
    "项目全年预算资金1,000,000.00元，实际支出950,000.00元，结余资金结转下年使用。",
    "二、绩效目标完成情况及自评得分",
    [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
     ["产出指标", "数量指标", "整治巷道条数", "≥30条", "31条", "50", "50"],
     ["效益指标", "社会效益指标", "通行条件改善", "明显改善", "明显改善", "30", "30"],
     ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "95%", "10", "10"],
     ["预算执行率", "10", "9.5"],
     ["合计", "100", "99.5"]],
    "经综合评价，该项目自评得分99.5分，等级为优。",
)


def test_budget_row_of_an_indicator_table_is_the_budget_score() -> None:
    from reportparse.parse import parse_report

    report = parse_report(SCORED_TABLE)
    project = _only(report)
    assert project.name.startswith("背街小巷整治")
    assert project.budget.planned is not None and project.budget.planned.value == 1000000
    assert [i.name for i in project.indicators] == ["整治巷道条数", "通行条件改善", "居民满意度"]
    assert (Decimal(10), Decimal("9.5")) in {(s.weight, s.score) for s in project.scores if s.level == "预算执行"}


def test_score_before_bracketed_weight() -> None:
    doc = _doc("2022年度乡村道路养护项目绩效自评报告", "一、自评得分",
               "该项目预算执行得分9.5分（分值10分），产出指标得分48分（分值50分），自评总分97.5分。")
    scores = _scores(_only(parse_narrative(doc)))
    assert scores["预算执行"] == (Decimal(10), Decimal("9.5"))
    assert scores["产出"] == (Decimal(50), Decimal(48))


# --- a result naming a shortened goal word with a character inserted (老人 ~ 老年人) -------------------
def _helped(text: str) -> list[Decimal | None]:
    doc = _doc("2023年度助老服务项目绩效自评报告", "一、绩效目标",
               [["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
                ["产出指标", "数量指标", "受助老人数", "≥800人", "860人"],
                ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%"]],
               "二、绩效分析", text, "产出指标分值50分，得分50分。")
    project = _only(parse_narrative(doc))
    return [a.value for a in _indicator(project, "受助老人数").actuals]


def test_loosely_written_indicator_word_links_a_count() -> None:
    assert 820 in _helped("全年累计为820名老年人提供上门服务。")


def test_unrelated_count_is_not_linked_loosely() -> None:
    assert _helped("全年组织志愿者120人开展活动。") == [860]


def test_counted_figures_are_not_a_project_list() -> None:
    doc = _doc("2022年度非遗保护项目绩效自评报告", "一、绩效目标完成情况",
               "全年保护非遗项目十二个，档案完整率98%，传承人满意度达到百分之九十三。", "产出指标分值50分，得分50分。")
    projects = parse_narrative(doc).projects
    assert len(projects) == 1 and "非遗保护" in [projects[0].name, *projects[0].aliases]


# --- the title below the reporting body's name; a listed total '…，合计 98 分' ------------------------
def test_title_under_the_body_name_and_listed_total() -> None:
    doc = _doc("××县交通运输局", "2023年度农村公路养护项目绩效自评报告", "一、项目基本情况",
               "该项目年初预算安排150万元，实际支出150万元。", "二、自评情况",
               "自评得分：预算执行10分、产出指标48分、效益指标30分、满意度指标10分，合计98分，等级为优。")
    project = _only(parse_narrative(doc))
    assert "农村公路养护" in [project.name, *project.aliases]
    assert _scores(project)["总分"] == (Decimal(100), Decimal(98))  # (out of the framework's 100)
    assert _scores(project)["产出"][1] == Decimal(48)


def test_a_sum_of_weights_is_not_the_total_score() -> None:
    doc = _doc("2023年度农村公路养护项目绩效自评报告", "一、自评情况",
               "各指标分值合计100分，产出指标得分48分。")
    assert "总分" not in _scores(_only(parse_narrative(doc)))
