"""A run-together 自评表 printing each row's 分值 before its target (三级指标 | 分值 | 年度指标值 | 全年实际值 |
得分), the 分值 glued to a target in a measure word the figure pattern does not know ('5120盏120盏5': 5 | 120盏 |
120盏 | 5), is cut where the result repeats the target, as for a known word ('1020万元20万元'). Built inputs, figures
invented."""

from __future__ import annotations

from reportparse.parse.form.runtogether import split_cells

HEADER = "一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及改进措施"


def test_the_weight_comes_off_a_target_the_result_repeats_in_an_unknown_word() -> None:
    cells = split_cells(HEADER + "产出指标(50分)数量指标指标1新装太阳能路灯5120盏120盏5"
                        "指标2发放脱毒种苗6300万粒300万粒6")
    assert cells[10:15] == ["指标1新装太阳能路灯", "5", "120盏", "120盏", "5"]
    assert cells[15:20] == ["指标2发放脱毒种苗", "6", "300万粒", "300万粒", "6"]


def test_a_result_that_differs_leaves_the_glued_figure_alone() -> None:
    cells = split_cells(HEADER + "产出指标(50分)数量指标指标1新装太阳能路灯5120盏118盏4")
    assert "5" not in cells[10:]  # (5 | 120盏 or 51 | 20盏: no result repeats the target to tell)
