"""An analysis paragraph opened by its level's label that states each goal with its target word,
'1、数量指标：X的年度指标值为不少于120场，全年实际完成值为132场；Y年初指标值为…', or with its name set apart by commas
('一是,X,年初指标值为不低于95%,全年实际完成值96%'): each named goal is read with its target and result (before, the
level label left the whole paragraph to the result reader, which read no name set apart so). Made-up reports in
three wordings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.pipeline import check

_FIRST = """2022年度青溪县乡村学校少年宫项目绩效自评报告
一、项目概况
项目年初预算45万元，全年支出44.2万元。
二、绩效目标实现情况
1、数量指标：开展活动场次的年度指标值为不少于120场，全年实际完成值为132场；受益学生人次年初指标值为不低于3000人次，全年实际完成值3260人次。
2、效益指标：学生参与率的年度指标值为≥85%，全年实际完成值为88%。
"""
_SECOND = """白沙镇2023年度人居环境整治项目支出绩效自评报告
一、基本情况：项目预算资金80万元，实际支出78.5万元。
二、绩效指标完成情况
（1）产出数量指标：一是清理垃圾吨数年度目标值为≥500吨，全年实际完成值为536吨。二是改造户厕户数年度指标值为120户，全年实际完成120户。
（2）满意度指标：村民满意度的年初目标值为不低于90%，全年实际完成值为94%。
"""

_THIRD = """2023年度河道巡查保洁经费绩效自评报告
一、项目基本情况。项目年初预算40万元，全年执行39.2万元。
二、绩效指标完成情况
1、产出数量指标:一是,巡查河段长度,年初指标值为不少于45公里,全年实际完成值46公里。二是,清理漂浮物吨数,年初指标值为不低于300吨,全年实际完成值312吨。
2、成本指标:每公里保洁成本,年初指标值为0.9万元,实际完成值为0.85万元。
（3）满意度指标：其一，沿岸群众满意度，年度指标值为≥90%，全年实际完成值为93%。
"""


@pytest.mark.parametrize(("text", "expected"), [
    (_FIRST, {"开展活动场次": ("132", "场"), "受益学生人次": ("3260", "人次"), "学生参与率": ("88", "%")}),
    (_SECOND, {"清理垃圾吨数": ("536", "吨"), "改造户厕户数": ("120", "户"), "村民满意度": ("94", "%")}),
    (_THIRD, {"巡查河段长度": ("46", "公里"), "清理漂浮物吨数": ("312", "吨"), "每公里保洁成本": ("8500", "元"),
              "沿岸群众满意度": ("93", "%")}),
])
def test_each_goal_of_a_labelled_paragraph(tmp_path: Path, text: str, expected: dict[str, tuple[str, str]]) -> None:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.report is not None
    read = {i.name.removeprefix("一是").removeprefix("二是"): i for p in result.report.projects for i in p.indicators}
    for name, (value, unit) in expected.items():
        indicator = next(i for n, i in read.items() if n.endswith(name))
        assert indicator.target is not None and indicator.target.value is not None
        assert [(str(a.value), a.unit) for a in indicator.actuals][:1] == [(value, unit)]


@pytest.mark.parametrize("lines", [
    ["巡查次数:指标值为“12次”,全年实际完成值为12次。", "问题整改率:指标值为“≥90%”,全年实际完成值为“93%”。"],
    ["巡查次数：指标值为12次，全年实际完成值为12次。", "问题整改率：指标值为≥90%，全年实际完成值为93%。"],
])
def test_a_name_before_its_colon_and_a_quoted_target(tmp_path: Path, lines: list[str]) -> None:
    text = "2023年度河道巡查保洁经费绩效自评报告\n一、项目基本情况。项目预算40万元。\n二、绩效指标完成情况\n"
    path = tmp_path / "report.txt"
    path.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")
    result = check(path)
    assert result.report is not None
    read = {i.name: i for p in result.report.projects for i in p.indicators}
    assert set(read) >= {"巡查次数", "问题整改率"}
    assert read["问题整改率"].target is not None and read["问题整改率"].target.comparator == ">="
    assert [str(a.value) for a in read["问题整改率"].actuals] == ["93"]


def test_a_level_label_before_its_colon_names_no_goal(tmp_path: Path) -> None:
    text = ("2023年度河道巡查保洁经费绩效自评报告\n一、项目基本情况。项目预算40万元。\n二、绩效指标完成情况\n"
            "3、成本指标：指标值为≤5万元，实际完成值为4.8万元。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.report is not None
    assert not any(i.name.endswith("成本指标") for p in result.report.projects for i in p.indicators)


@pytest.mark.parametrize(("line", "value"), [
    ("覆盖乡镇数:指标值为“覆盖12个乡镇”,全年实际完成覆盖12个乡镇。", "12"),
    ("宣传次数：指标值为“全年4次”，全年实际完成为4次。", "4"),
])
def test_a_quoted_aim_with_a_word_before_its_figure(tmp_path: Path, line: str, value: str) -> None:
    text = f"2023年度河道巡查保洁经费绩效自评报告\n一、项目基本情况。项目预算40万元。\n二、绩效指标完成情况\n{line}\n"
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.report is not None
    (indicator,) = [i for p in result.report.projects for i in p.indicators]
    assert indicator.target is not None and str(indicator.target.value) == value
