"""Two ways a text dump spoils a form's 项目名称 field, and the project's name read all the same:

- OCR text misspells the form's labels ('项目名祢', '一级指林', '项目资金(万兀)': `label_misreads` of
  lexicon/ocr_confusions.json): spelt right before any reader looks for them, the form names its project;
- a long name wrapped in its cell, its end on a line of its own between the name's line and the next field
  ('项目名称 2023年X村供水' / '管网改造工程' / '主管部门 …'): the end is the name's.

Made-up forms, each in several layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse.reading import label_words
from tests._textforms import only_project, run

REST = [["主管部门", "某县水利局", "实施单位", "某镇人民政府"],
        ["项目资金(万兀)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "64", "64", "60.8", "10", "95%", "9.5"],
        ["一级指林", "二级指林", "三级指林", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "铺设供水管网长度", "≥8公里", "8.2公里", "30", "30"],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "96%", "20", "20"]]


def _text(lines: list[list[str]], layout: str) -> str:
    if layout == "one cell a line":
        return "\n".join(cell for cells in lines for cell in cells) + "\n"
    if layout == "pipes":
        return "\n".join("| " + " | ".join(cells) + " |" for cells in lines) + "\n"
    return "\n".join((" " if layout == "spaces" else "\t").join(cells) for cells in lines) + "\n"


@pytest.mark.parametrize("layout", ["one cell a line", "pipes", "spaces"])
def test_a_misread_name_label_still_names_the_project(tmp_path: Path, layout: str) -> None:
    lines = [["项目支出绩效自评表"], ["项目名祢", "2023年农村供水保障工程维修养护"], *REST]
    project = only_project(run(tmp_path, _text(lines, layout)))
    assert project.name == "2023年农村供水保障工程维修养护"
    assert project.budget.executed is not None and project.budget.executed.raw.startswith("60.8")
    assert {i.name for i in project.indicators} == {"铺设供水管网长度", "受益群众满意度"}


def test_only_whole_misread_labels_are_spelt_again() -> None:
    assert label_words("项目名祢：X 一级指林 100万兀") == "项目名称：X 一级指标 100万元"
    assert label_words("林地面积 名称 万元") == "林地面积 名称 万元"


@pytest.mark.parametrize("layout", ["one cell a line", "spaces", "tabs"])
def test_a_wrapped_names_end_is_the_names(tmp_path: Path, layout: str) -> None:
    lines = [["项目支出绩效自评表"], ["项目名称", "2023年某镇东风村饮水安全"], ["巩固提升工程"],
             *(["项目资金(万元)", *cells[1:]] if cells[0].startswith("项目资金") else cells for cells in REST)]
    project = only_project(run(tmp_path, _text(lines, layout)))
    assert project.name == "2023年某镇东风村饮水安全巩固提升工程"


@pytest.mark.parametrize("layout", ["spaces", "tabs"])
def test_a_field_line_after_the_name_is_no_part_of_it(tmp_path: Path, layout: str) -> None:
    """A line of one short cell that the header's next field does not follow (a year, a title) stays apart."""
    lines = [["项目支出绩效自评表"], ["项目名称", "2023年某镇东风村饮水安全巩固提升工程"], ["绩效自评表"], *REST]
    project = only_project(run(tmp_path, _text(lines, layout)))
    assert project.name == "2023年某镇东风村饮水安全巩固提升工程"
