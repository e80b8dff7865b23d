"""The self-score, the grade and the spending a reviewer checks first, in narrative reports written by
other hands.

Built inputs in the shapes a sweep of published 项目支出绩效自评报告 met (county pages of 云南, 黑龙江,
安徽, 贵州 and others), each in two or more wordings: a total whose figure stands under its own
heading, a grade stated as the evaluation's result, counts of graded projects and acceptance verdicts
that are no grade, an item's 指标评价得分 that is no total, a subsidy paid out (发放) as the spending,
and a printed fraction rate judged to the precision it was printed with.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.checks import CheckContext
from reportparse.checks.budget import printed_rate_differs
from reportparse.model import Budget, Project, Quantity, Report
from reportparse.parse.narrative import parse_narrative
from reportparse.pipeline import check
from reportparse.scoring import get_profile
from tests.test_parse_narrative import _doc

_TITLE = ("某县文化馆2023年度免费开放补助经费项目绩效自评报告", "一、自评结论")


def _project(*paragraphs: str) -> Project:
    report = parse_narrative(_doc(*_TITLE, *paragraphs))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


@pytest.mark.parametrize(("heading", "figure", "score"), [
    ("（一）自评得分", "100分。", 100),
    ("1.自评得分：", "92.5分", Decimal("92.5")),
    ("二、综合评分", "为96分。", 96),
])
def test_a_total_under_its_own_heading(heading: str, figure: str, score: int) -> None:
    project = _project(heading, figure, "（二）绩效目标完成情况", "项目预算10万元,全年支出10万元。")
    assert project.total_score == Decimal(score)
    total = next(line for line in project.scores if line.level == "总分")
    assert total.evidence and figure.strip("为。") in total.evidence[0].text


@pytest.mark.parametrize("line", ["2023年免费开放场馆12个。", "100分制,按指标完成情况逐项打分。"])
def test_a_heading_that_only_opens_the_totals_section_reads_no_figure_from_the_next_line(line: str) -> None:
    project = _project("（一）自评得分情况", line, "项目预算10万元,全年支出10万元。")
    assert project.total_score is None


@pytest.mark.parametrize(("sentence", "grade"), [
    ("经自评,本项目自评得分98分,自评结果为“优秀”。", "优"),
    ("综合评分95分,评价结果为优。", "优"),
    ("项目综合得分86分,评定为良好等次。", "良"),
    ("自评得分72分,考核结果:中。", "中"),
])
def test_a_grade_stated_as_the_evaluations_result(sentence: str, grade: str) -> None:
    assert _project(sentence).grade == grade


@pytest.mark.parametrize("sentence", [
    "全县项目自评等次为“优秀”的5个,“良好”的3个。本项目自评得分98分。",
    "单位自评结果为“优秀”的1812个。本项目自评得分98分。",
    "工程经县交通局验收评定为“合格工程”,合格率100%。本项目自评得分98分。",
    "复核评定为优秀。本项目自评得分98分。",
])
def test_counts_of_graded_projects_and_acceptance_verdicts_are_no_grade(sentence: str) -> None:
    project = _project(sentence)
    assert project.grade is None
    assert project.total_score == Decimal(98)


@pytest.mark.parametrize("paragraphs", [
    ("（一）县级履行支出责任情况", "县本级预算安排的衔接资金为76万元,指标评价得分7分。"),
    ("1.资金到位率", "资金到位率100%,该指标自评得分10分。"),
])
def test_one_items_score_is_no_total(paragraphs: tuple[str, ...]) -> None:
    assert _project(*paragraphs).total_score is None


@pytest.mark.parametrize("sentence", [
    "下达补助资金300万元,发放补助资金为278.8万元。",
    "2023年共下达补助资金300万元,全区共完成发放补助资金278.8万元。",
    "上级下达资金300万元,累计发放278.8万元,发放率92.93%。",
])
def test_a_subsidy_paid_out_is_the_spending(sentence: str) -> None:
    budget = _project(sentence).budget
    assert budget.planned is not None and budget.planned.value == Decimal(3000000)
    assert budget.executed is not None and budget.executed.value == Decimal(2788000)


@pytest.mark.parametrize("sentence", [
    "下达补助资金300万元,用于发放补助资金。",
    "下达补助资金300万元,计划发放补贴资金300万元。",
])
def test_money_to_be_paid_out_is_no_spending(sentence: str) -> None:
    assert _project(sentence).budget.executed is None


def _rate_findings(raw: str, value: str, planned: int = 6500000, executed: int = 940000) -> int:
    budget = Budget(planned=Quantity(raw="650", value=Decimal(planned), unit="元"),
                    executed=Quantity(raw="94", value=Decimal(executed), unit="元"),
                    printed_rate=Quantity(raw=raw, value=Decimal(value), unit="%"))
    report = Report(projects=[Project(name="新型农业经营主体扶持项目", budget=budget)])
    return len(list(printed_rate_differs(CheckContext(report=report, profile=get_profile(None)))))


@pytest.mark.parametrize(("raw", "value", "wrong"), [
    ("0.1", "10", False),  # 94/650 = 14.46 %, printed as a fraction to one decimal
    ("0.14", "14", False),
    ("0.2", "20", True),  # 20 % ± 5 does not hold 14.46 %
    ("10%", "10", True),  # a percentage printed whole says 10 % ± 0.5
    ("1", "100", True),  # '1' is 100 %, not a fraction of unknown precision
])
def test_a_printed_fraction_is_judged_to_its_printed_precision(raw: str, value: str, wrong: bool) -> None:
    assert (_rate_findings(raw, value) == 1) is wrong


def _levels(project: Project) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {line.level: (line.weight, line.score) for line in project.scores}


#: (a total given without its full marks is out of the framework's 100)
@pytest.mark.parametrize(("sentence", "expected"), [
    ("项目自评得分93分,其中:项目决策得8分,项目过程得18分,项目产出得38分,项目效益得29分。",
     {"项目决策": (None, 8), "项目过程": (None, 18), "产出": (None, 38), "效益": (None, 29), "总分": (100, 93)}),
    ("综合得分92.45分。其中决策指标权重20分,得分18分;过程指标权重20分,得分19.45分;产出指标权重30分,得分28分;"
     "效益指标权重30分,得分27分。",
     {"决策": (20, 18), "过程": (20, Decimal("19.45")), "产出": (30, 28), "效益": (30, 27),
      "总分": (100, Decimal("92.45"))}),
    ("投入 14分,过程 18分,产出 37分,效果 28分,总得分97分。",
     {"投入": (None, 14), "过程": (None, 18), "产出": (None, 37), "效益": (None, 28), "总分": (100, 97)}),
    ("自评得分93分。一级指标“投入”满分20分,得分19分;“过程”满分20分,得分18分。",
     {"投入": (20, 19), "过程": (20, 18), "总分": (100, 93)}),
])
def test_the_frameworks_first_level_scores_in_prose(sentence: str,
                                                    expected: dict[str, tuple[int | None, int | None]]) -> None:
    want = {level: (None if w is None else Decimal(w), None if s is None else Decimal(s))
            for level, (w, s) in expected.items()}
    assert _levels(_project(sentence)) == want


def test_a_level_that_holds_others_is_not_scored_beside_them() -> None:
    project = _project("本项目自评总分为96分。具体得分情况为:项目决策(20分)得分20分;项目管理(20分)得分18分;"
                       "项目绩效(60分)得分58分。")
    assert "项目绩效" not in _levels(project)
    assert _levels(project)["项目管理"] == (Decimal(20), Decimal(18))


@pytest.mark.parametrize(("sentence", "score"), [
    ("经评价,该项目得分为91分,评价等级为“优”。", 91),
    ("本项目最终得分95分。", 95),
])
def test_the_projects_own_score_named_by_the_project(sentence: str, score: int) -> None:
    assert _project(sentence).total_score == Decimal(score)


@pytest.mark.parametrize("sentence", [
    "项目决策(10分)得分10分;项目管理(25分)得分24分;项目产出(30分)得分29分;项目效益(35分)得分34分,"
    "其中服务对象满意度(10分)得分9分。",
    "决策指标满分20分,得分20分;过程指标满分20分,得分19分;产出指标满分30分,得分30分;效益指标满分30分,得分28分;"
    "满意度指标满分10分,得分9分。",
])
def test_satisfaction_beside_the_frameworks_levels_is_part_of_benefit(sentence: str) -> None:
    levels = _levels(_project(sentence))
    assert "满意度" not in levels
    assert levels["效益/满意度"][1] == Decimal(9)


def test_satisfaction_of_the_budget_output_benefit_form_stays_a_first_level() -> None:
    levels = _levels(_project("产出指标满分50分,得分48分;效益指标满分30分,得分30分;满意度指标满分10分,得分9分。"))
    assert levels["满意度"] == (Decimal(10), Decimal(9))


@pytest.mark.parametrize("run", [
    "项目权重 评价内容 分值 自评分 项目决策 2 分 决策依据 2 2 复核分 评价标准及依据",
    "一级指标 项目管理 13 分 组织机构 2 2 运行监管 4 3",
])
def test_a_framework_word_in_a_forms_run_together_text_takes_no_bare_figure(run: str) -> None:
    levels = _levels(_project(run))
    assert "项目决策" not in levels and "项目管理" not in levels


def _codes(tmp_path: Path, statement: str) -> list[str]:
    path = tmp_path / "report.txt"
    path.write_text("\n".join((*_TITLE, statement, "二、项目资金", "项目预算10万元,全年支出10万元,执行率100%。")),
                    encoding="utf-8")
    result = check(path)
    return [f.code for f in result.findings]


@pytest.mark.parametrize(("statement", "codes"), [
    # the framework's own weights: no default structure to compare them with; the sums agree
    ("综合得分92分。其中决策指标权重20分,得分18分;过程指标权重20分,得分19分;产出指标权重30分,得分28分;"
     "效益指标权重30分,得分27分。", []),
    ("项目决策(10分)得分10分;项目管理(25分)得分24分;产出(30分)得分29分;效益(35分)得分34分,其中服务对象满意度"
     "(10分)得分9分。自评总分97分。", []),
    # the sections' scores add up to 92, not to the total the report states
    ("综合得分90分。其中决策指标权重20分,得分18分;过程指标权重20分,得分19分;产出指标权重30分,得分28分;"
     "效益指标权重30分,得分27分。", ["score-sum-mismatch"]),
])
def test_the_frameworks_structure_is_checked_by_its_own_sums(tmp_path: Path, statement: str,
                                                               codes: list[str]) -> None:
    assert _codes(tmp_path, statement) == codes


@pytest.mark.parametrize(("sentence", "score", "grade"), [
    ("最终评分为92分。", 92, None),
    ("总体评分为95分,评价结论为“优”。", 95, "优"),
    ("项目绩效总评分为93分。", 93, None),
    ("自评分数为95分。", 95, None),
    ("考核得分96分,绩效评级为“优”。", 96, "优"),
    ("绩效评价结果:得分92分,等级优。", 92, "优"),
    ("自评得分93分,为“良”等次。", 93, "良"),
])
def test_other_writers_words_for_the_whole_score_and_its_grade(sentence: str, score: int,
                                                               grade: str | None) -> None:
    project = _project(sentence)
    assert project.total_score == Decimal(score)
    assert project.grade == grade


@pytest.mark.parametrize("sentence", ["自评得分情况:总分100分,得分96分。", "总分为100分,实际得分96分。",
                                      "自评得分(满分100分)为96分。", "项目综合得分(满分100分):96分。"])
def test_a_total_after_the_full_marks(sentence: str) -> None:
    assert _levels(_project(sentence))["总分"] == (Decimal(100), Decimal(96))


@pytest.mark.parametrize("sentence", ["资金到位率指标考核得分5分。", "该指标考核得分5分,扣1分。"])
def test_an_indicators_assessed_score_is_no_total(sentence: str) -> None:
    assert _project(sentence).total_score is None


def _road(money: str) -> Budget:
    report = parse_narrative(_doc("某县交通运输局2023年度农村公路养护项目绩效自评报告", "一、项目基本情况",
                                  "农村公路养护项目用于全县农村公路日常养护。", "二、资金投入和使用情况", money))
    assert len(report.projects) == 1
    return report.projects[0].budget


@pytest.mark.parametrize(("money", "rate"), [
    ("下达资金150万元,已兑付142.5万元。", None),
    ("资金使用情况:预算150万元,使用142.5万元。", None),
    ("项目预算150万元,实际使用资金142.5万元,资金使用率95%。", 95),
    ("安排补贴资金150万元,累计兑付142.5万元,资金兑付率95%。", None),  # (兑付率: of the claims, not the budget)
])
def test_money_paid_out_or_used_is_the_spending_and_its_rate_the_printed_rate(money: str, rate: int | None) -> None:
    budget = _road(money)
    assert budget.planned is not None and budget.planned.value == Decimal(1500000)
    assert budget.executed is not None and budget.executed.value == Decimal(1425000)
    assert (budget.printed_rate.value if budget.printed_rate else None) == (Decimal(rate) if rate else None)


@pytest.mark.parametrize("money", [
    "项目预算150万元,计划使用142.5万元,设备使用率95%。",
    "项目预算150万元,拟兑付142.5万元,道路使用率95%。",
])
def test_money_to_be_used_and_a_facilitys_use_rate_are_no_spending(money: str) -> None:
    budget = _road(money)
    assert budget.executed is None
    assert budget.printed_rate is None


@pytest.mark.parametrize(("statement", "level", "weight", "score"), [
    # the level's points said just before the score that closes its statement
    ("2.质量指标：全年维修路灯验收合格率达到100%，该项指标分值为15分，得分15分。", "产出/质量", 15, 15),
    ("（三）时效指标：各批补助均在规定期限内发放到位，满分8分，得7分。", "产出/时效", 8, 7),
])
def test_the_points_said_before_a_closing_score_are_its_weight(
        statement: str, level: str, weight: int, score: int) -> None:
    project = _project("二、绩效指标完成情况", statement)
    line = next(sl for sl in project.scores if sl.level == level)
    assert (line.weight, line.score) == (Decimal(weight), Decimal(score))


def test_a_missed_target_scored_in_full_by_its_level_statement(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("\n".join([*_TITLE, "二、绩效指标完成情况",
                               "1.数量指标：计划新建文化广场6个，实际建成5个，该指标分值20分，得分20分。"]),
                    encoding="utf-8")
    assert any(f.code == "target-missed-full-score" for f in check(path).findings)
