"""A form's 实际完成值 written as a bound: the same bound as its target ('≥90%' under ≥90%) only repeats the target
(actual-restates-target); a bound of another figure states what was achieved, as '85%以上' does: '≥85%' under
≥90% does not show the target met (scored in full, target-missed-full-score), '≥95%' under ≥90% does, and
'不超过25分钟' under ≤30分钟 too. Made-up names and figures, as a sheet and as a text dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.model import Result
from tests._textforms import run as run_text
from tests._workbooks import checked, sheet

_HEAD = [
    ["项目名称", "社区居家养老服务补助", "", "", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "上门服务老人数", "≥300人", "326人", "20", "20"],
]


def codes_on(result: Result, indicator: str) -> set[str]:
    return {f.code for f in result.findings if f.indicator == indicator}


@pytest.mark.parametrize(("target", "actual", "expected", "absent"), [
    ("≥90%", "≥85%", "target-missed-full-score", "target-changed"),
    ("≥90%", "≥90%", "actual-restates-target", "target-missed-full-score"),
    ("≥90%", "≥95%", None, "target-missed-full-score"),
    ("≤30分钟", "不超过25分钟", None, "target-missed-full-score"),
])
def test_a_bound_in_the_actual_column(tmp_path: Path, target: str, actual: str, expected: str | None,
                                      absent: str) -> None:
    level = "时效指标" if "分钟" in target else "质量指标"
    rows = [*_HEAD, ["产出指标", level, "服务响应指标", target, actual, "20", "20"]]
    codes = codes_on(checked(tmp_path, sheet(rows)), "服务响应指标")
    assert absent not in codes and "target-changed" not in codes
    if expected:
        assert expected in codes


def test_a_lower_bound_below_the_target_in_a_text_dump(tmp_path: Path) -> None:
    lines = ["|".join(row) for row in _HEAD] + ["满意度指标|服务对象满意度指标|老人满意度|≥95%|≥90%|10|10"]
    result = run_text(tmp_path, "\n".join(lines) + "\n")
    assert "target-missed-full-score" in codes_on(result, "老人满意度")
