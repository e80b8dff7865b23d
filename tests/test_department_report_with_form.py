"""A department-wide report in prose with a flat form appended ('附表：部门整体支出绩效自评表', 指标名称 |
年度指标值 | 实际完成值 | 分值 | 得分): the appended form belongs to the report's department, a rate the
prose gives differently from the form is a conflict, and the two-row appendix is no whole form whose
sum could be a total."""

from __future__ import annotations

from pathlib import Path

from reportparse.model import Result
from reportparse.parse.form.forms import name_from_title
from reportparse.pipeline import check

_REPORT = """某县文化广电旅游局2023年度部门整体支出绩效自评报告
一、部门基本情况
2023年度年初预算800万元，调整后预算900万元，全年执行890万元，预算执行率为98.89%。
二、部门整体绩效目标完成情况
政府采购执行率为{prose_rate}，结转结余率为0.5%。
三、自评结论
部门整体支出绩效自评得分98分，其中：预算执行（分值10分）得分10分，产出指标（分值40分）得分40分，效益指标（分值40分）得分39分，满意度指标（分值10分）得分9分。等级为优。
附表：部门整体支出绩效自评表
指标名称 | 年度指标值 | 实际完成值 | 分值 | 得分 |
政府采购执行率 | 100% | 72.74% | 5 | 5 |
"""


def run(tmp_path: Path, prose_rate: str) -> Result:
    path = tmp_path / "report.txt"
    path.write_text(_REPORT.format(prose_rate=prose_rate), encoding="utf-8")
    return check(path)


def test_the_appended_form_is_the_departments(tmp_path: Path) -> None:
    result = run(tmp_path, "72.74%")
    assert [p.name for p in result.report.projects] == ["某县文化广电旅游局部门整体支出"]


def test_a_rate_given_differently_in_prose_and_form(tmp_path: Path) -> None:
    assert "conflicting-actuals" in [f.code for f in run(tmp_path, "100%").findings]
    assert "conflicting-actuals" not in [f.code for f in run(tmp_path, "72.74%").findings]


def test_an_appended_excerpt_is_no_whole_form(tmp_path: Path) -> None:
    """The stated parts add up (10 + 40 + 39 + 9 = 98); the appendix's 5 points sit inside 预算执行 and
    are neither a fifth part of the total nor, alone, a recomputed total for the grade."""
    codes = [f.code for f in run(tmp_path, "72.74%").findings]
    for code in ("score-sum-mismatch", "weight-sum-mismatch", "grade-mismatch"):
        assert code not in codes


def test_annex_label_is_no_part_of_a_title_name() -> None:
    assert name_from_title("附表：部门整体支出绩效自评表") == ""
    assert name_from_title("附件2：城乡环境整治项目绩效自评表") == "城乡环境整治"
