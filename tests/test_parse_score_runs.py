"""A score summary table whose cells a text dump ran together in a narrative report's prose (parse/scoreruns.py):
the header names the columns, each row is a level's label and its figures glued into one run, taken apart only as
the table allows (得分 ≤ 权重, the printed 得分率, the 合计 row's sums). Built inputs in layouts other than any corpus
document's: two column orders, with and without the rate column, and runs the table leaves unsure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def _scores(*paragraphs: str) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    report = parse_narrative(_doc("某区环保局2021年度大气污染防治专项经费绩效评价报告", "一、评价结论", *paragraphs))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return {s.level: (s.weight, s.score) for s in report.projects[0].scores}


@pytest.mark.parametrize(("run", "expected"), [
    # 权重 | 得分率 | 得分, the total row without a rate
    ("各项指标得分如下:指标名称权重得分率得分决策指标2085%17过程指标2595%23.75产出指标3090%27效益指标25100%25"
     "合计10092.75从评价结果看",
     {"决策": (20, 17), "过程": (25, Decimal("23.75")), "产出": (30, 27), "效益": (25, 25),
      "总分": (100, Decimal("92.75"))}),
    # 分值 | 得分 with no rate: the 合计 row's sums pick each row's cut (109 is 10 | 9, 3028 is 30 | 28)
    ("得分情况:一级指标分值得分投入109过程2018产出3028效果4035合计10090总体看",
     {"投入": (10, 9), "过程": (20, 18), "产出": (30, 28), "效益": (40, 35), "总分": (100, 90)}),
])
def test_a_run_together_score_summary_is_read_row_by_row(run: str, expected: dict[str, tuple[int, int]]) -> None:
    scores = _scores(run)
    for level, (weight, score) in expected.items():
        assert scores.get(level) == (Decimal(weight), Decimal(score)), scores


def test_a_summary_whose_runs_allow_two_readings_and_print_no_total_is_left_unread() -> None:
    # ('20.520' is 20.5 | 20 or 2 | 0.52, and no 合计 row says which)
    scores = _scores("得分情况:一级指标分值得分投入20.520过程30.530其他说明")
    assert "投入" not in scores and "过程" not in scores


def test_the_total_row_picks_between_two_readings() -> None:
    scores = _scores("得分情况:一级指标分值得分投入20.520过程30.530合计5150其他说明")
    assert scores.get("投入") == (Decimal("20.5"), Decimal(20)) and scores.get("过程") == (Decimal("30.5"), Decimal(30))


def test_a_rate_that_disagrees_with_the_figures_leaves_the_table_unread() -> None:
    # (10 | 80% | 9: 9 ÷ 10 is 90%, not 80%: the run allows no reading, the table is not guessed at)
    scores = _scores("指标项目权重得分率得分项目决策指标1080%9项目管理指标2495.83%23总计3432以上")
    assert "项目决策" not in scores and "项目管理" not in scores


_ROWS = [("一级指标", "分值", "得分"), ("投入", "15", "14"), ("过程", "25", "22.5"), ("产出", "35", "33"),
         ("效果", "25", "24"), ("合计", "100", "93.5")]
_EXPECTED = {"投入": (15, 14), "过程": (25, Decimal("22.5")), "产出": (35, 33), "效益": (25, 24),
             "总分": (100, Decimal("93.5"))}


@pytest.mark.parametrize("lines", [
    ["  ".join(row) for row in _ROWS],  # one row a line, its cells set off by spaces
    [cell for row in _ROWS for cell in row],  # one cell a line
    [" ".join(" ".join(row) for row in _ROWS)],  # the whole table on one line
])
def test_a_score_summary_printed_as_text_in_any_shape(lines: list[str]) -> None:
    scores = _scores("经评价，各项得分如下：", *lines, "综上，该项目绩效良好。")
    for level, (weight, score) in _EXPECTED.items():
        assert scores.get(level) == (Decimal(weight), Decimal(score)), scores


def test_a_row_with_a_cell_missing_is_not_guessed_at() -> None:
    # ('过程 25' has no 得分: the table is left unread rather than a figure shifted into the wrong column)
    scores = _scores("经评价，各项得分如下：", "一级指标 分值 得分", "投入 15 14", "过程 25", "合计 40 36.5", "综上。")
    assert "投入" not in scores and "过程" not in scores


@pytest.mark.parametrize("text", [
    "评价指标 分值 自评得分 决策 20分 18分 过程 20分 19分 产出 40分 37分 效益 20分 18分 合计 100分 92分",
    "评价指标分值自评得分决策20分18分过程20分19分产出40分37分效益20分18分合计100分92分",
])
def test_a_summary_whose_cells_print_their_unit(text: str) -> None:
    scores = _scores("得分情况如下：", text, "综上。")
    assert scores.get("决策") == (Decimal(20), Decimal(18)) and scores.get("产出") == (Decimal(40), Decimal(37))
    assert scores.get("总分") == (Decimal(100), Decimal(92))
