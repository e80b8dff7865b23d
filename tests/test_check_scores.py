"""Score-structure checks: sums, scores above weights, grades and the first-level weight structure."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import ScoreLine

from ._builders import indicator, line, project, report, run, target
from ._textforms import run as run_text

OUTPUT_OK = [line("产出", 50, 50), line("产出/数量", 15, 15), line("产出/质量", 15, 15), line("产出/时效", 10, 10),
             line("产出/成本", 10, 10)]


def _lines(*triples: tuple[str, int | float | None, int | float | None]) -> list[ScoreLine]:
    return [line(level, weight, score) for level, weight, score in triples]


@pytest.mark.parametrize(
    ("lines", "code", "expected", "actual"),
    [
        # weights add up (so every child is there) but the scores do not
        (_lines(("产出", 50, 50), ("产出/数量", 20, 20), ("产出/质量", 20, 15), ("产出/成本", 10, 10)),
         "score-sum-mismatch", 45, 50),
        # scores add up (so every child is there) but the weights do not
        (_lines(("效益", 40, 40), ("效益/社会效益", 20, 20), ("效益/满意度", 15, 20)), "weight-sum-mismatch", 35, 40),
        # a sum above its parent is wrong even when a child might be missing
        (_lines(("产出", 50, 50), ("产出/数量", 30, 30), ("产出/质量", 30, 30)), "weight-sum-mismatch", 60, 50),
        (_lines(("总分", 100, 95), ("预算执行", 10, 10), ("产出", 50, 50), ("效益", 30, 30), ("满意度", 10, 10)),
         "score-sum-mismatch", 100, 95),
    ],
)
def test_sum_mismatch_fires(lines: list[ScoreLine], code: str, expected: int, actual: int) -> None:
    (finding,) = run(report(project(scores=lines)), code)
    assert finding.expected == expected and finding.actual == actual
    assert len(finding.evidence) == len({ev.text for sl in lines for ev in sl.evidence})


@pytest.mark.parametrize(
    "lines",
    [
        OUTPUT_OK,
        # one child line missing: both sums fall short by the same amount, so stay silent
        _lines(("产出", 50, 50), ("产出/数量", 20, 20), ("产出/质量", 20, 20)),
        # the seed's 满意度 nested under 效益
        _lines(("效益", 40, 40), ("效益/社会效益", 20, 20), ("效益/满意度", 20, 20)),
        _lines(("预算执行", 10, 10), ("产出", 50, 50), ("效益", 40, 40)),
    ],
)
def test_sums_that_add_up_or_are_incomplete_stay_silent(lines: list[ScoreLine]) -> None:
    found = run(report(project(scores=lines)))
    assert not [f for f in found if f.code in ("score-sum-mismatch", "weight-sum-mismatch")]


def _form_rows(scores: list[int]) -> list:
    return [indicator(f"指标{i}", "产出/数量", target("≥1个", ">=", 1, "个"), weight=10, score=s)
            for i, s in enumerate(scores)]


def test_rows_against_their_level_line() -> None:
    rep = report(project(scores=[line("产出", 50, 50)], indicators=_form_rows([10, 10, 10, 10, 5])))
    (finding,) = run(rep, "score-sum-mismatch")
    assert finding.expected == 45 and finding.actual == 50 and finding.indicator == "产出"


def test_form_with_header_weights_and_total() -> None:
    """A form: header lines carry only weights, rows carry scores, 总分 100/100 (天长 layout)."""
    rows = [indicator(f"产出{i}", "产出/数量", target("1", "=", 1), weight=10, score=10) for i in range(5)]
    rows += [indicator(f"效益{i}", "效益/社会效益", weight=10, score=10) for i in range(3)]
    rows += [indicator("服务对象满意度", "满意度", target("90%", "=", 90, "%"), weight=10, score=10)]
    lines = [line("产出", 50, None), line("效益", 30, None), line("满意度", 10, None), line("总分", 100, 100)]
    rep = report(project(scores=lines, indicators=rows, budget_weight=10, budget_score=10,
                         planned=8800000, executed=8800000))
    found = run(rep)
    assert not [f for f in found if f.code in ("score-sum-mismatch", "weight-sum-mismatch", "score-exceeds-weight")]
    rows[0].score = Decimal(5)
    assert {f.indicator for f in run(rep, "score-sum-mismatch")} == {"总分"}


def test_weights_not_hundred_on_a_complete_structure() -> None:
    lines = _lines(("预算执行", 10, 10), ("产出", 50, 50), ("效益", 30, 30), ("满意度", 20, 20))
    (finding,) = run(report(project(scores=lines)), "weight-sum-mismatch")
    assert finding.expected == 100 and finding.actual == 110 and len(finding.evidence) == 4


def test_weights_short_of_hundred_without_satisfaction_stay_silent() -> None:
    lines = _lines(("预算执行", 10, 0), ("产出", 50, 50), ("效益", 30, 30))  # a truncated form
    assert run(report(project(scores=lines)), "weight-sum-mismatch") == []


@pytest.mark.parametrize(
    ("proj", "fires"),
    [
        (project(scores=[line("产出/数量", 15, 16)]), True),
        (project(indicators=[indicator("拍摄数量", weight=8, score=9)]), True),
        (project(budget_weight=10, budget_score=12), True),
        (project(total_score=101), True),
        (project(scores=OUTPUT_OK, indicators=[indicator("拍摄数量", weight=8, score=8)]), False),
    ],
)
def test_score_exceeds_weight(proj, fires: bool) -> None:  # type: ignore[no-untyped-def]
    found = run(report(proj), "score-exceeds-weight")
    assert bool(found) == fires
    if fires:
        assert found[0].actual > found[0].expected and found[0].evidence is not None


@pytest.mark.parametrize(
    ("grade", "total", "fires"),
    [("优", 95, False), ("优", 89.5, True), ("良", 89.5, False), ("评价等级：良", 92, True), ("中", 60, False),
     ("差", 60, True)],
)
def test_grade_against_stated_total(grade: str, total: float, fires: bool) -> None:
    rep = report(project(grade=grade, scores=[line("总分", 100, total)]))
    found = run(rep, "grade-mismatch")
    assert bool(found) == fires
    if fires:
        assert found[0].profile == "national-2020" and len(found[0].evidence) == 1


def test_grade_against_recomputed_total() -> None:
    """Stated total 90 (优) but one row's claimed 10 is really 1/5 × 10 = 2: recomputed 82 → 良."""
    rows = [indicator("完成数量", tgt=target("≥5个", ">=", 5, "个"), weight=10, score=10,
                      actuals=[_measured("1个", 1, "个")]),
            indicator("其他", "效益/社会效益", weight=80, score=80)]
    rep = report(project(grade="优", total_score=90, indicators=rows))
    (finding,) = run(rep, "grade-mismatch")
    assert finding.expected == "良" and finding.actual == "优"


def _measured(raw: str, value: int, unit: str):  # type: ignore[no-untyped-def]
    from ._builders import actual

    return actual(raw, value, unit, origin="table")


@pytest.mark.parametrize(
    ("lines", "fires", "named"),
    [
        (_lines(("预算执行", 10, 10), ("产出", 50, 50), ("效益", 30, 30), ("满意度", 10, 10)), False, None),
        (_lines(("预算执行", 10, 10), ("产出", 50, 50), ("效益", 40, 40)), False, None),  # no 满意度: 效益 40
        (_lines(("预算执行", 10, 10), ("产出", 60, 60), ("效益", 20, 20), ("满意度", 10, 10)), True, "产出、效益"),
        (_lines(("预算执行", 10, 10), ("产出", 50, 50), ("效益", 40, 40), ("效益/满意度", 20, 20)), True, "满意度"),
        (_lines(("产出", 50, 50)), False, None),  # too little structure to judge
    ],
)
def test_weight_structure(lines: list[ScoreLine], fires: bool, named: str | None) -> None:
    found = run(report(project(scores=lines)), "weight-structure")
    assert bool(found) == fires
    if fires:
        assert found[0].indicator == named and found[0].severity == "info"


def test_a_level_given_by_a_header_and_a_score_line_is_one_node() -> None:
    """Form: 效益指标（30分） header, then a 效益 line scoring 25, rows adding up to 25/25."""
    rows = [indicator("受益人口", "效益/社会效益", weight=10, score=10),
            indicator("持续发挥作用", "效益/可持续影响", weight=15, score=15)]
    lines = [line("效益", 30, None, "效益指标（30分）"), line("效益", 25, 25, "效益 25 25")]
    (finding,) = run(report(project(scores=lines, indicators=rows)), "weight-sum-mismatch")
    assert finding.expected == 25 and finding.actual == 30 and finding.indicator == "效益"


def test_total_without_printed_weight_is_out_of_hundred() -> None:
    lines = _lines(("预算执行", 10, 10), ("产出", 50, 48), ("效益", 30, 30), ("满意度", 10, 10))
    lines.append(line("总分", None, 100, "经自评，综合得分 100 分"))
    (finding,) = run(report(project(scores=lines)), "score-sum-mismatch")
    assert finding.indicator == "总分" and finding.expected == 98 and finding.actual == 100


def test_a_total_below_one_of_its_parts_is_a_misread_sentence() -> None:
    lines = _lines(("预算执行", 10, 10), ("产出", 50, 50), ("效益", 30, 30), ("满意度", 10, 10))
    lines.append(line("总分", None, 10, "自评得分 10 分"))
    assert run(report(project(scores=lines)), "score-sum-mismatch") == []


def test_lines_merged_from_several_projects_are_not_judged() -> None:
    """One 效益/满意度 line quoting 15 here and 20 in another project's section: unsure, so silent."""
    merged = line("效益/满意度", 15, 15, "满意度指标分值 15 分，得分 15 分。")
    merged.evidence.append(merged.evidence[0].model_copy(update={"text": "满意度指标满分 20 分，自评得分 20 分。"}))
    lines = [line("效益", 40, 40), line("效益/社会效益", 25, 25), merged, line("效益/生态效益", 20, 20)]
    found = run(report(project(scores=lines)))
    assert not [f for f in found if f.code in ("score-sum-mismatch", "weight-sum-mismatch")]


def test_a_line_without_a_level_is_ignored() -> None:
    lines = _lines(("预算执行", 10, 10), ("产出", 50, 50), ("", None, 10), ("效益", 30, 30), ("满意度", 10, 10),
                   ("总分", 100, 100))
    found = run(report(project(scores=lines)))
    assert not [f for f in found if f.code in ("score-sum-mismatch", "weight-sum-mismatch")]


def test_a_total_above_what_the_weights_allow() -> None:
    """总分 98 where 预算执行 10 + 产出 50 + 效益 24 + 满意度 10 = 94: no score can reach 98."""
    parts = [line("预算执行", 10, 10), line("产出", 50, 50), line("效益", 24, 24), line("满意度", 10, 10)]
    rep = report(project("x", scores=[*parts, line("总分", None, 98)]))
    found = [f for f in run(rep, "score-exceeds-weight") if f.indicator == "总分"]
    assert [(f.expected, f.actual) for f in found] == [(Decimal(94), Decimal(98))]
    fine = report(project("x", scores=[*parts, line("总分", None, 94)]))
    assert [f for f in run(fine, "score-exceeds-weight") if f.indicator == "总分"] == []


def test_a_part_weighing_more_than_the_whole_form_is_a_misread_amount() -> None:
    """'880 880 880 10 10' read with 880 as the budget's 分值: no sum with it is judged."""
    lines = _lines(("总分", 100, 100), ("预算执行", 880, 10), ("产出", 50, 50), ("效益", 30, 30), ("满意度", 10, 10))
    found = run(report(project(scores=lines)), "weight-sum-mismatch")
    assert found == []
    lines = _lines(("预算执行", 880, 10), ("产出", 50, 50), ("效益", 30, 30), ("满意度", 10, 10))
    assert run(report(project(scores=lines)), "weight-sum-mismatch") == []
    lines = _lines(("总分", 100, 100), ("预算执行", 20, 10), ("产出", 50, 50), ("效益", 30, 30), ("满意度", 10, 10))
    assert run(report(project(scores=lines)), "weight-sum-mismatch")  # 110 of a possible 100 still fires


@pytest.mark.parametrize(
    ("name", "level", "fires"),
    [
        ("服务对象满意度", "产出/成本", False),  # a 满意度 a broken dump filed under 成本: still more is better
        ("项目验收合格率", "产出/成本", False),
        ("项目管理费用", "产出/成本", True),  # a cost: 100 against a bare 90 is over its ceiling
    ],
)
def test_a_positive_name_under_cost_is_no_ceiling(name: str, level: str, fires: bool) -> None:
    from reportparse.model import Actual
    from reportparse.normalise import parse_target

    tgt = parse_target("90", level=level, name=name, unit_hint="%" if "率" in name or "度" in name else "万元")
    value = Decimal(100) if tgt.unit == "%" else Decimal(1000000)  # 100% or 100万元 against a bare 90
    row = indicator(name, level, tgt, [Actual(raw="100", value=value, unit=tgt.unit, kind="measured")],
                    weight=10, score=10)
    assert bool(run(report(project(indicators=[row])), "target-missed-full-score")) == fires


@pytest.mark.parametrize(
    ("name", "level", "actual_wan", "met"),
    [
        ("木材销售收入", "效益/经济效益", 1093, False),  # income: 1093 of 1100 万元 misses the target
        ("木材销售收入", "效益/经济效益", 1200, True),
        ("项目总成本", "产出/成本", 1093, True),  # a cost: 1093 under a ceiling of 1100 万元 is met
    ],
)
def test_money_earned_is_a_floor_money_spent_a_ceiling(name: str, level: str, actual_wan: int, met: bool) -> None:
    from reportparse.checks.common import meets
    from reportparse.model import Actual
    from reportparse.normalise import parse_target

    tgt = parse_target("1100万元", level=level, name=name)
    value = Decimal(actual_wan * 10000)
    row = indicator(name, level, tgt, [Actual(raw=f"{actual_wan}万元", value=value, unit="元", kind="measured")],
                    weight=6, score=5)
    assert meets(row, row.actuals[0], value) is met
    deducted_without_miss = run(report(project(indicators=[row])), "met-but-deducted")
    assert bool(deducted_without_miss) == met


def test_a_row_without_a_level_beside_levelled_rows_is_no_part_of_the_total() -> None:
    """25 + 30 + 45 = 100 from three levels' rows; a row that came with no level (a second table read
    into the project) is not a fourth part that makes it 105."""
    rows = [indicator("相关性", "部门决策/目标任务", weight=25, score=25),
            indicator("资金分配", "综合管理/资金管理", weight=30, score=30),
            indicator("履职成效", "部门绩效情况/履职成效", weight=45, score=45),
            indicator("必要性", "", weight=5, score=5)]
    assert run(report(project(indicators=rows)), "weight-sum-mismatch") == []
    rows[0].weight = Decimal(35)  # 35 + 30 + 45 = 110: still judged on the levelled rows
    assert [f.actual for f in run(report(project(indicators=rows)), "weight-sum-mismatch")] == [110]


@pytest.mark.parametrize(
    ("heading", "fires"),
    [
        ("项目决策", False),  # a first level's heading read as a row under 决策程序: the tree is misread
        ("项 目 决 策 (15分)", False),
        ("产出指标", False),
        ("决策依据", True),  # a real row of the level: 15 + 4 against 4 is a real sum error
    ],
)
def test_a_first_levels_heading_read_as_a_row_is_no_part_of_the_sum(heading: str, fires: bool) -> None:
    rows = [indicator(heading, "决策程序", weight=15), indicator("申报程序", "决策程序", weight=4, score=4)]
    rep = report(project(scores=[line("决策程序", 4, None)], indicators=rows))
    assert bool(run(rep, "weight-sum-mismatch")) == fires


@pytest.mark.parametrize(
    ("children", "fires"),
    [
        # the next first level nested under this one by the reader: a heading heavier than its parent
        ((("规划/基础信息", 3, 3), ("规划/工作计划", 6, 6), ("规划/绩效目标", 6, 6), ("规划/执行", 35, None)), False),
        ((("产出/数量", 20, 20), ("产出/效益", 30, 28)), False),
        # headings that each fit their parent but add up beyond it: a real sum error still
        ((("规划/基础信息", 3, 3), ("规划/工作计划", 6, 6), ("规划/绩效目标", 8, 8)), True),
        ((("产出/数量", 15, 15), ("产出/质量", 12, 12)), True),  # 27 of a possible 25
    ],
)
def test_a_heading_heavier_than_its_parent_is_no_part_of_it(children: tuple[tuple[str, int, int | None], ...],
                                                            fires: bool) -> None:
    parent = "规划" if children[0][0].startswith("规划") else "产出"
    weight = 15 if parent == "规划" else (25 if fires else 20)
    lines = [line(parent, weight, None), *(line(level, w, s) for level, w, s in children)]
    assert bool(run(report(project(scores=lines)), "weight-sum-mismatch")) == fires


@pytest.mark.parametrize(
    ("lines", "fires"),
    [
        # every first level of the structure scored, no weights printed: they are the whole total, short of it
        (_lines(("总分", None, 92), ("预算执行", None, 9), ("产出", None, 45), ("效益", None, 26),
                ("满意度", None, 9)), True),
        # the same four adding up
        (_lines(("总分", None, 89), ("预算执行", None, 9), ("产出", None, 45), ("效益", None, 26),
                ("满意度", None, 9)), False),
        # 满意度 missing: the parts may be incomplete, a shortfall proves nothing
        (_lines(("总分", None, 92), ("预算执行", None, 9), ("产出", None, 45), ("效益", None, 26)), False),
    ],
)
def test_the_first_levels_named_in_full_are_the_whole_total(lines: list[ScoreLine], fires: bool) -> None:
    found = run(report(project(scores=lines)), "score-sum-mismatch")
    assert bool(found) == fires


@pytest.mark.parametrize(
    ("body", "fires"),
    [
        # the total first, then its four parts (9 + 44 + 27 + 9 = 89)
        ("经综合评价，该项目自评总得分93分，其中预算执行率得9分，产出指标得44分，效益指标得27分，"
         "满意度指标得9分，评价等级为优。", True),
        # the parts first, the total after them, in separate sentences (10 + 46 + 25 + 8 = 89)
        ("预算执行情况得分10分。产出指标得分46分。效益指标得分25分。满意度指标得分8分。综合得分91分。", True),
        # adds up
        ("预算执行情况得分10分。产出指标得分46分。效益指标得分25分。满意度指标得分8分。综合得分89分。", False),
    ],
)
def test_first_level_scores_in_prose_against_the_total(tmp_path: Path, body: str, fires: bool) -> None:
    result = run_text(tmp_path, f"某县2023年度村级道路维护项目支出绩效自评报告\n四、自评结论\n{body}\n")
    assert any(f.code == "score-sum-mismatch" for f in result.findings) == fires


@pytest.mark.parametrize(
    ("level", "rows", "flagged"),
    [
        # 项目管理 11 points scored 12 only because its 工作部署 row scored 2 of 1: one finding, on the row
        ("过程/项目管理", [("工作部署", 1, 2), ("制度建设", 5, 5), ("档案管理", 5, 5)], {"工作部署"}),
        # the same in other words, two rows over: the level's excess (2) is theirs (1 + 1)
        ("产出/数量", [("培训人次", 5, 6), ("发放册数", 5, 6), ("覆盖村数", 10, 10)], {"培训人次", "发放册数"}),
        # a level above its weight by more than its rows are above theirs says something of its own
        ("产出/质量", [("验收合格率", 5, 6), ("返工率", 5, 5)], {"验收合格率", "产出/质量"}),
    ],
)
def test_a_level_above_its_weight_only_by_its_rows_excess_is_not_said_again(
        level: str, rows: list[tuple[str, int, int]], flagged: set[str]) -> None:
    weight = sum(w for _, w, _ in rows)
    score = sum(s for _, _, s in rows) + (1 if level == "产出/质量" else 0)
    indicators = [indicator(name, level, weight=w, score=s) for name, w, s in rows]
    found = run(report(project(scores=[line(level, weight, score)], indicators=indicators)), "score-exceeds-weight")
    assert {f.indicator for f in found} == flagged


@pytest.mark.parametrize(
    ("levels", "rows", "flagged"),
    [
        # the level's sum is over its weight only by the one row's bonus point: told once, at the row
        ([line("管理/组织", 6, 7)], [("人员配备", "管理/组织", 2, 3), ("制度执行", "管理/组织", 4, 4)], {"人员配备"}),
        # two levels deep, the excess of two rows carried up to both levels
        ([line("产出", 20, 22), line("产出/数量", 20, 22)],
         [("培训人次", "产出/数量", 10, 11), ("发放册数", "产出/数量", 10, 11)], {"培训人次", "发放册数"}),
        # a level over its weight by more than its rows are: the level is over by its own
        ([line("管理/组织", 6, 9)], [("人员配备", "管理/组织", 2, 3), ("制度执行", "管理/组织", 4, 4)],
         {"人员配备", "管理/组织"}),
        # a level over its weight though every row keeps within its own
        ([line("效益", 18, 20)], [("带动就业", "效益", 10, 10), ("群众增收", "效益", 8, 8)], {"效益"}),
    ],
)
def test_level_over_weight_only_by_its_rows_is_told_at_the_row(levels, rows, flagged) -> None:  # type: ignore[no-untyped-def]
    inds = [indicator(name, level=level, weight=weight, score=score) for name, level, weight, score in rows]
    found = run(report(project(scores=levels, indicators=inds)), "score-exceeds-weight")
    assert {f.indicator for f in found} == flagged


def test_bonus_row_in_a_scoring_table_flags_the_row_not_its_level(tmp_path: Path) -> None:
    form = "\n".join([
        "2022年度村级文化活动补助项目绩效评价评分表",
        "| 一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 自评得分 |",
        "| 管理(20) | 组织保障 | 机构设置 | 成立领导小组的得1分；主要领导批示的每次加1分 | 1 | 3 |",
        "| | | 人员经费 | 落实专人和经费的得2分 | 2 | 2 |",
        "| | 制度建设 | 管理办法 | 制定资金管理办法的得3分 | 3 | 3 |",
        "| | | 档案管理 | 档案齐全的得4分 | 4 | 4 |",
    ]) + "\n"
    result = run_text(tmp_path, form)
    over = [f for f in result.findings if f.code == "score-exceeds-weight"]
    assert [f.indicator for f in over] == ["机构设置"]
