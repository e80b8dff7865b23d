"""A row whose own words count fewer done than planned, while its cells report the target met at full marks
(checks/rowwords.py, `target-missed-full-score`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ._builders import actual, indicator, project, report, run, target
from ._textforms import run as run_text

_CODE = "target-missed-full-score"


@pytest.mark.parametrize(("name", "reason", "score", "fires"), [
    # the count in the row's name: 1180 of 1250 households, yet 100 | 100 and full marks
    ("为全镇脱贫户发放取暖补贴，计划补贴1250户，截至年底实际补贴1180户，其余70户尚未核实", "", 15, True),
    # the count in the reason cell
    ("农村公路养护", "年度计划养护里程86公里，已完成养护79公里，余下路段因汛期顺延", 15, True),
    # the same story, points taken off: no full marks claimed
    ("农村公路养护", "年度计划养护里程86公里，已完成养护79公里，余下路段因汛期顺延", 13, False),
    # done as planned
    ("为全镇脱贫户发放取暖补贴，计划补贴1250户，实际补贴1250户", "", 15, False),
    # two counts of different things (the households planned, the villages reached)
    ("为全镇脱贫户发放取暖补贴，计划补贴1250户，已覆盖行政村12个", "", 15, False),
    # the same unit, another thing counted (the villages chosen, not the squares built)
    ("计划新建文化广场5个，已完成选址的村3个", "", 15, False),
    # a clause of what is undone gives no count reached
    ("计划培训农民200人，尚有30人未参训", "", 15, False),
])
def test_row_words_count_a_shortfall(name: str, reason: str, score: int, fires: bool) -> None:
    row = indicator(name, level="产出/数量", tgt=target("100", "=", 100), actuals=[actual("100", 100)],
                    weight=15, score=score, deviation_reason=reason)
    found = run(report(project(indicators=[row])), _CODE)
    assert bool(found) == fires
    if fires:
        assert found[0].actual < found[0].expected


def test_row_words_in_a_pipe_form(tmp_path: Path) -> None:
    form = "\n".join([
        "2023年度村级饮水安全巩固提升项目支出绩效自评表",
        "| 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 实际完成值 | 得分 | 偏差原因分析 |",
        "| 产出指标 | 数量指标 | 新建供水管网 | 20 | 100% | 100% | 20 |"
        " 任务管网长度为42公里，目前已铺设36公里，其余管段待明年春季施工 |",
        "| | 质量指标 | 工程验收合格率 | 20 | 100% | 100% | 20 | |",
        "| 满意度指标 | 服务对象满意度 | 受益群众满意度 | 10 | ≥90% | 95% | 10 | |",
    ]) + "\n"
    result = run_text(tmp_path, form)
    found = [f for f in result.findings if f.code == _CODE]
    assert [f.indicator for f in found] == ["新建供水管网"]
