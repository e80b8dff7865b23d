"""A notice handing a fund down: its allocation table (资金安排表, one row per recipient under the whole allotment and
its 其中 parts) and the fund's target form, whose 资金情况 block is left blank. The allotment is the fund's budget: the
table's 合计 row or its one recipient's row, in the unit the table states. Built here, in Word and as text, with
made-up names and figures."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from reportparse.model import Project, Result
from reportparse.parse.form.labels import matches
from reportparse.pipeline import check

_FORM = [
    ["项目名称", "某县学前教育幼儿资助资金", "", "", "", ""],
    ["资金情况（万元）", "年度金额", "", "", "", ""],
    ["", "其中：中央资金", "", "", "", ""],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
    ["", "产出指标", "数量指标", "资助幼儿人数", "≥300人", "320人"],
    ["", "效益指标", "社会效益指标", "家庭经济困难幼儿资助覆盖率", "100%", "100%"],
]


def _word(tmp_path: Path, unit_line: str, allotment: Sequence[Sequence[str]],
          form: Sequence[Sequence[str]] = _FORM) -> Result:
    document = docx.Document()
    document.add_paragraph("附件1")
    document.add_paragraph("2023年学前教育幼儿资助资金分配表")
    if unit_line:
        document.add_paragraph(unit_line)
    for rows in (allotment, None, form):
        if rows is None:
            document.add_paragraph("附件2")
            document.add_paragraph("学前教育幼儿资助资金绩效目标表")
            continue
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text:
                    table.cell(r, c).text = text
    path = tmp_path / "notice.docx"
    document.save(path)
    return check(path)


def _one(result: Result) -> Project:
    assert result.report is not None
    assert len(result.report.projects) == 1, [p.name for p in result.report.projects]
    return result.report.projects[0]


def _planned(project: Project) -> Decimal | None:
    return project.budget.planned.value if project.budget.planned is not None else None


_HEADER = ["县(市、区)", "下达资金合计", "其中：保教费减免", "其中：生活补助"]


def test_word_one_recipients_row_in_yuan(tmp_path: Path) -> None:
    rows = [_HEADER, ["某县教育局", "1,236,500", "900,000", "336,500"]]
    assert _planned(_one(_word(tmp_path, "单位：元", rows))) == Decimal("1236500")


def test_word_a_total_row_over_the_recipients_in_wan(tmp_path: Path) -> None:
    rows = [["单位", "全年省级补助资金", "其中：提前下达", "其中：本次下达"],
            ["某县第一幼儿园", "40", "30", "10"], ["某县第二幼儿园", "25.5", "20", "5.5"],
            ["合计", "65.5", "50", "15.5"]]
    assert _planned(_one(_word(tmp_path, "单位：万元", rows))) == Decimal("655000")


def test_word_several_recipients_and_no_total_give_nothing(tmp_path: Path) -> None:
    rows = [_HEADER, ["甲镇", "120,000", "100,000", "20,000"], ["乙镇", "80,000", "60,000", "20,000"]]
    assert _one(_word(tmp_path, "单位：元", rows)).budget.planned is None


def test_word_a_figure_without_any_unit_gives_nothing(tmp_path: Path) -> None:
    rows = [_HEADER, ["某县教育局", "123.65", "90", "33.65"]]
    assert _one(_word(tmp_path, "", rows)).budget.planned is None


def test_word_a_form_that_states_its_money_keeps_it(tmp_path: Path) -> None:
    form = [list(row) for row in _FORM]
    form[1][1], form[1][2] = "年度金额", "80"
    rows = [_HEADER, ["某县教育局", "1,236,500", "900,000", "336,500"]]
    project = _one(_word(tmp_path, "单位：元", rows, form))
    assert _planned(project) == Decimal("800000")  # (年度金额 | 80 in the form's 资金情况（万元）)


def test_text_allocation_table_then_its_target_form(tmp_path: Path) -> None:
    text = "\n".join([
        "附件1", "2023年农村义务教育营养改善计划补助资金安排表", "单位:万元",
        "单位\t全年中央补助资金\t其中:提前下达\t其中:本次下达",
        "某县教育局\t312.4\t250\t62.4",
        "附件2", "农村义务教育营养改善计划补助资金绩效目标表",
        "项目名称\t某县农村义务教育营养改善计划补助资金",
        "一级指标\t二级指标\t三级指标\t指标值\t实际完成值",
        "产出指标\t数量指标\t受益学生人数\t≥5000人\t5120人",
        "效益指标\t社会效益指标\t学生营养状况改善\t有所改善\t明显改善",
    ]) + "\n"
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    assert _planned(_one(check(path))) == Decimal("3124000")


@pytest.mark.parametrize(("label", "role", "taken"), [
    ("全年中央补助资金", "budget.allotment_whole", True), ("下达资金合计(元)", "budget.allotment_whole", True),
    ("分配金额", "budget.allotment_whole", True), ("合计（万元）", "budget.allotment_whole", True),
    ("资金用途", "budget.allotment_whole", False), ("其中：免学费补助", "budget.allotment_whole", False),
    ("单位", "budget.allotment_recipient", True), ("县(市、区)", "budget.allotment_recipient", True),
    ("项目名称", "budget.allotment_recipient", False),
])
def test_allocation_table_labels(label: str, role: str, taken: bool) -> None:
    assert matches(role, label) == taken


def test_word_recipients_label_parted_over_two_cells(tmp_path: Path) -> None:
    """A borderless print parts a spaced label ('单 位') into a cell per character: still the recipients' column."""
    rows = [["地", "区", "分配金额", "其中：省级", "其中：县级"], ["某县", "某县", "58.3", "40", "18.3"]]
    assert _planned(_one(_word(tmp_path, "（单位：万元）", rows))) == Decimal("583000")


def test_pipe_dump_whose_blank_fund_block_label_stands_on_its_own_line(tmp_path: Path) -> None:
    """A web page's '|' dump: the allocation table, then the target form whose 资金情况 label a line of its own
    parts from the form's name rows above and its empty fund rows and indicators below: one form all the same."""
    text = "\n".join([
        "附件1 | |||",
        "2022年城乡居民医疗救助补助资金分配表 | |||",
        "单位:元 | |||",
        "地区 | 下达资金合计 | 其中:中央资金 | 其中:省级资金 |",
        "某县 | 2,450,000 | 2,000,000 | 450,000 |",
        "附件2 | ||||",
        "城乡居民医疗救助补助资金绩效目标表 | ||||",
        "专项名称 | 某县城乡居民医疗救助补助资金 | ||||",
        "省级主管部门 | 某省医疗保障局 | 县级主管部门 | 某县医疗保障局 | ||",
        "资金情况(万元) |",
        "年度金额 | |||||",
        "其中:中央资金 | |||||",
        "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 |",
        " | 产出指标 | 数量指标 | 救助困难群众人次 | ≥1200人次 | 1350人次 |",
        " | 效益指标 | 社会效益指标 | 困难群众就医负担减轻 | 有效减轻 | 有效减轻 |",
    ]) + "\n"
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    project = _one(check(path))
    # (the 专项名称 cell's name, or the form caption's with the cell's as its alias: since the '|' reader sets a
    # one-cell caption row apart as a paragraph, the caption names the project; one project either way)
    assert "某县城乡居民医疗救助补助资金" in (project.name, *project.aliases)
    assert _planned(project) == Decimal("2450000")
    assert [i.name for i in project.indicators] == ["救助困难群众人次", "困难群众就医负担减轻"]


def test_tab_dump_whose_form_breaks_at_its_one_cell_lines(tmp_path: Path) -> None:
    """A tab dump of the notice: the form's rows of one cell ('其中:中央资金') break its table, the fund is named by
    the form's title; the allocation table still gives the one fund its allotment."""
    text = "\n".join([
        "附件1", "2021年残疾人康复救助资金安排表", "单位:元",
        "单位\t全年补助资金\t其中:提前下达\t其中:本次下达",
        "小计\t康复训练\t辅具适配\t小计\t康复训练\t辅具适配",
        "某县残疾人联合会\t684,000\t500,000\t300,000\t200,000\t184,000\t100,000\t84,000",
        "附件2", "残疾人康复救助资金绩效目标表", "(2021年度)",
        "专项名称\t残疾人康复救助资金",
        "省级主管部门\t某省残疾人联合会\t县级主管部门\t某县残疾人联合会",
        "资金情况(万元)\t年度金额",
        "其中:中央资金",
        "地方资金\t市:\t县:",
        "绩效指标\t一级目标\t二级指标\t三级指标\t指标值\t实际完成值",
        "\t产出指标\t数量指标\t救助残疾儿童人数\t≥60人\t64人",
    ]) + "\n"
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    assert _planned(_one(check(path))) == Decimal("684000")
