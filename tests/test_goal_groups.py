"""A form whose indicators come in several goal tables, each headed by its printed points (Hubei's
'年度绩效目标1(40分) | 一级指标 | … | 得分'), rows printing a 得分 and no 分值: each goal is a level with its points,
and a goal whose rows all met their targets yet score less than its points is met-but-deducted. Inputs are built
in the shapes met, with made-up names and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests._builders import actual, indicator, line, project, report, run, target
from tests._textforms import only_project
from tests._textforms import run as run_text
from tests._workbooks import checked, sheet


def _goal_rows(goal1_last_score: str, goal2_label: str = "年度绩效目标2(40分)") -> list[list[object]]:
    return [
        ["项目名称", "河道保洁经费", "主管部门", "某市水利局", None, None, None],
        ["预算执行情况(万元)(20分)", None, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)", None],
        [None, "年度财政资金总额", "30", "30", "100%", "20", None],
        ["年度绩效目标1(40分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [None, "产出指标", "数量指标", "保洁河道长度", "≥25公里", "26公里", "15"],
        [None, None, "质量指标", "水面漂浮物清理率", "≥95%", "97%", "15"],
        [None, "满意度指标", "服务对象满意度指标", "沿岸群众满意度", "≥90%", "93%", goal1_last_score],
        [goal2_label, "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        [None, "产出指标", "时效指标", "汛前清淤完成时间", "≤5月31日", "5月20日", "20"],
        [None, "效益指标", "社会效益指标", "河道行洪通畅率", "100%", "100%", "20"],
        ["总分", None, None, None, None, None, None],
    ]


def test_each_goal_table_is_a_level_with_its_points(tmp_path: Path) -> None:
    rows = _goal_rows("10")
    rows[-1][6] = "100"
    result = checked(tmp_path, sheet(rows, merges=["A4:A7", "A8:A10"]))
    scores = {s.level: (s.weight, s.score) for s in only_project(result).scores}
    assert scores["年度绩效目标1"] == (Decimal(40), Decimal(40))
    assert scores["年度绩效目标2"] == (Decimal(40), Decimal(40))
    levels = {i.name: i.level for i in only_project(result).indicators}
    assert levels["保洁河道长度"] == "年度绩效目标1/产出/数量"
    assert levels["河道行洪通畅率"] == "年度绩效目标2/效益/社会效益"
    assert not {"weight-sum-mismatch", "score-sum-mismatch"} & {f.code for f in result.findings}


def test_a_goal_whose_met_rows_lose_points_is_met_but_deducted(tmp_path: Path) -> None:
    rows = _goal_rows("9.3")
    rows[-1][6] = "99.3"
    result = checked(tmp_path, sheet(rows))
    found = [f for f in result.findings if f.code == "met-but-deducted"]
    assert len(found) == 1
    assert found[0].indicator == "年度绩效目标1" and "沿岸群众满意度" in found[0].message


def test_the_same_form_in_pipe_rows_reads_the_same_goals(tmp_path: Path) -> None:
    rows = _goal_rows("9.3")
    rows[-1][6] = "99.3"
    text = "".join(" | ".join("" if c is None else str(c) for c in row) + " |\n" for row in rows)
    result = run_text(tmp_path, text)
    scores = {s.level: (s.weight, s.score) for s in only_project(result).scores}
    assert scores["年度绩效目标1"] == (Decimal(40), Decimal("39.3"))
    assert [f.indicator for f in result.findings if f.code == "met-but-deducted"] == ["年度绩效目标1"]


def test_one_indicator_table_under_a_block_label_keeps_its_levels(tmp_path: Path) -> None:
    """Only a second goal table with its own points makes the goals levels: '绩效指标(80分)' over the one table
    leaves 产出/数量 as it was."""
    rows = _goal_rows("10")[:7]
    rows[3][0] = "绩效指标(80分)"
    project_read = only_project(checked(tmp_path, sheet(rows)))
    assert {i.level for i in project_read.indicators} == {"产出/数量", "产出/质量", "满意度"}


# ---- the check on built reports ----------------------------------------------------------------------

def _row(name: str, tgt: str, value: int, got: int, score: str, level: str, reason: str | None = None):  # type: ignore[no-untyped-def]
    return indicator(name, level, target(f"≥{tgt}", ">=", value, "%"), [actual(f"{got}%", got, "%")],
                     score=Decimal(score), deviation_reason=reason)


def test_level_check_needs_every_row_met_and_no_reason() -> None:
    goal = "年度绩效目标1"
    met = [_row("完好率", "95%", 95, 97, "20", f"{goal}/产出/质量"),
           _row("满意度", "90%", 90, 92, "19", f"{goal}/满意度")]
    assert len(run(report(project(indicators=met, scores=[line(goal, 40, 39)])), "met-but-deducted")) == 1
    missed = [met[0], _row("满意度", "90%", 90, 85, "19", f"{goal}/满意度")]
    assert run(report(project(indicators=missed, scores=[line(goal, 40, 39)])), "met-but-deducted") == []
    explained = [met[0], _row("满意度", "90%", 90, 92, "19", f"{goal}/满意度", reason="问卷样本不足，酌情扣分")]
    assert run(report(project(indicators=explained, scores=[line(goal, 40, 39)])), "met-but-deducted") == []


def test_level_check_leaves_rows_with_their_own_weights_to_the_row_check() -> None:
    rows = [indicator("完好率", "产出/质量", target("≥95%", ">=", 95, "%"), [actual("97%", 97, "%")],
                      weight=20, score=20),
            indicator("覆盖率", "产出/质量", target("≥90%", ">=", 90, "%"), [actual("92%", 92, "%")],
                      weight=20, score=19)]
    found = run(report(project(indicators=rows, scores=[line("产出", 40, 39)])), "met-but-deducted")
    assert [f.indicator for f in found] == ["覆盖率"]  # the row's own finding, not a second one for its level


def test_a_goal_header_printed_again_on_the_next_page_is_the_same_goal(tmp_path: Path) -> None:
    rows = _goal_rows("10")[:7]
    rows[3][0] = "年度绩效目标(80分)"
    rows.insert(5, list(rows[3]))  # the header repeated at the top of a page
    project_read = only_project(checked(tmp_path, sheet(rows)))
    assert {i.level for i in project_read.indicators} == {"产出/数量", "产出/质量", "满意度"}
