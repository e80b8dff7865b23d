"""A scanned form's 项目资金 block as its reading gives it (no images: the lines are made here): the block's label
run onto its first column label, and a row's 执行数 run onto its 执行率, taken apart where the row's own
amounts say so; and a total not recomputed over a scored row whose points the reading lost. Made-up forms."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.checks.scores import recomputed_total
from reportparse.model import Evidence
from reportparse.parse.form.fundrun import cut_block_label, cut_weight_rate
from reportparse.scoring import get_profile
from tests._builders import indicator, project, target
from tests._textforms import amount, only_project, run

_ROWS = ["一级指标 二级指标 三级指标 年初目标值(A) 实际完成值(B) 分值 得分",
         "产出指标 数量指标 培训企业人员人次 ≥600人次 640人次 40 40",
         "满意度指标 服务对象满意度指标 参训人员满意度 ≥85% 90% 40 40", "总分 100 99"]


@pytest.mark.parametrize(("block", "planned", "executed"), [
    (["预算执行情况（20分预算数(A) 执行数(B) 执行率(B/A) 得分(20分*执行率)", "（万元） 40 3895% 19"], 40, 38),
    (["资金情况（万元） 全年预算数 全年执行数 执行率 分值 得分", "年度资金总额 64 60.895% 20 19"], 64, Decimal("60.8")),
])
def test_an_amount_run_onto_its_rate_is_cut_where_the_rate_says(tmp_path: Path, block: list[str], planned: int,
                                                               executed: Decimal) -> None:
    text = "\n".join(["项目支出绩效自评表", "项目名称 商贸企业培训补助 项目单位 某区商务局", *block, *_ROWS]) + "\n"
    found = only_project(run(tmp_path, text))
    assert amount(found.budget.planned) == planned * 10000
    assert amount(found.budget.executed) == executed * 10000


def test_cuts_hold_only_where_the_form_says_so() -> None:
    header = ["资金情况（万元）", "全年预算数", "全年执行数", "执行率", "分值", "得分"]
    assert cut_weight_rate(["年度资金总额", "64", "60.870%", "20", "19"], header) == [
        "年度资金总额", "64", "60.870%", "20", "19"]  # 60.8 / 64 is no 70%: no cut
    assert cut_weight_rate(["年度资金总额", "64", "60.895%", "20", "19"], header)[2:4] == ["60.8", "95%"]
    assert cut_block_label(["预算执行情况（20分）预算数(A)", "执行数(B)"])[:2] == ["预算执行情况（20分）", "预算数(A)"]
    assert cut_block_label(["预算执行情况（20分）", "预算数(A)"]) == ["预算执行情况（20分）", "预算数(A)"]


def _with_one_row_unread(confidence: float | None):  # type: ignore[no-untyped-def]
    rows = [indicator("培训人次", tgt=target("≥600人次", ">=", 600, "人次"), weight=40, score=40),
            indicator("参训人员满意度", "满意度", target("≥85%", ">=", 85, "%"), weight=40, score=40),
            indicator("培训完成时间", "产出/时效", target("11月底前", "qualitative"))]
    rows[2].evidence = [Evidence(page=1, text="培训完成时间 11月底前", confidence=confidence)]
    return project(planned=400000, executed=380000, indicators=rows, budget_weight=20, budget_score=20)


def test_no_total_is_recomputed_over_a_scanned_row_whose_points_were_lost() -> None:
    assert recomputed_total(_with_one_row_unread(0.6), get_profile(None)) is None
    # a text layer's row without points is a row the form left blank: the total is recomputed without it
    assert recomputed_total(_with_one_row_unread(None), get_profile(None)) is not None
