"""met-but-deducted on a narrative level statement that scores its indicators together ('数量指标：计划…，实际…，
分值10分，得分9分。'): every indicator it tells met, points lost, and the statement gives no reason. Guards: a reason
in the statement, a target missed, full marks. Made-up texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ._textforms import run

_HEAD = "某镇2023年度村庄保洁项目支出绩效自评报告\n二、绩效指标完成情况\n"


def _deducted(tmp_path: Path, body: str) -> list[tuple[object, object]]:
    result = run(tmp_path, _HEAD + body)
    return [(f.expected, f.actual) for f in result.findings if f.code == "met-but-deducted"]


@pytest.mark.parametrize(("body", "weight", "score"), [
    ("1.数量指标：计划配备保洁员不少于30人，实际配备保洁员34人，本项分值20分，得分18分。\n", 20, 18),
    ("（二）时效指标：垃圾清运及时率年初目标为≥90%，全年实际完成96%，满分10分，得8分。\n", 10, 8),
])
def test_a_level_statement_met_yet_deducted(tmp_path: Path, body: str, weight: int, score: int) -> None:
    assert (weight, score) in _deducted(tmp_path, body)


@pytest.mark.parametrize("body", [
    # the statement says why points were lost
    "1.数量指标：计划配备保洁员不少于30人，实际配备保洁员34人，因人员流动较大扣2分，本项分值20分，得分18分。\n",
    # the target is missed: the lost points are the formula's
    "1.数量指标：计划配备保洁员不少于30人，实际配备保洁员27人，本项分值20分，得分18分。\n",
    # full marks
    "1.数量指标：计划配备保洁员不少于30人，实际配备保洁员34人，本项分值20分，得分20分。\n",
])
def test_level_statements_that_are_not_unexplained_deductions(tmp_path: Path, body: str) -> None:
    assert _deducted(tmp_path, body) == []
