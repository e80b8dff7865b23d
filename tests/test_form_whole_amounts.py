"""A form's money cells that state the whole amount in words, then its parts ('总额520万元，其中：省级300万元；
县级220万元', 'X项目60万元（中央资金50万元，县级资金10万元）'), and the labels of a one-field budget (项目金额 | X,
资金总额及构成 | X).
The forms are built here, in a Word table and as text, with made-up names and figures."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from reportparse.model import Project, Result
from reportparse.parse.form.labels import matches
from reportparse.parse.form.wholeamount import label_of_amount, whole_amount_text
from reportparse.pipeline import check
from tests._textforms import amount, only_project, run


@pytest.mark.parametrize(("text", "whole"), [
    ("总额520万元，其中：省级300万元；县级220万元；其他万元。", "520万元"),
    ("合计 86.4 万元(含上年结转6.4万元)", "86.4万元"),
    ("2023年某镇污水管网维护项目60万元（中央资金50万元，县级资金10万元）", "60万元"),
    ("一般债券资金1,250,000元", "1,250,000元"),
    ("總額75萬元，其中：中央50萬元", "75万元"),  # a form printed in traditional characters
    ("120万元。", "120万元"),
])
def test_the_whole_amount_a_cell_states_before_its_parts(text: str, whole: str) -> None:
    assert whole_amount_text(text) == whole


@pytest.mark.parametrize("text", [
    "预算50万元，执行48万元",  # two figures of the row, no parts
    "惠及农户3200户，共投入95万元",  # a count before the money
    "其中中央资金40万元",  # a part, not the whole
    "结余资金3.2万元",  # a leftover
    "1.完成乡村道路养护里程300公里",  # no money
    "95",  # a bare figure is `values.money`'s, in the block's unit
    "全年预算资金50万元已全部拨付到位",  # a sentence after the amount
])
def test_cells_that_state_no_single_whole_amount(text: str) -> None:
    assert whole_amount_text(text) is None


@pytest.mark.parametrize(("key", "label"), [
    ("年度资金总额:38.75万元", "年度资金总额"), ("资金合计：120万元", "资金合计"),
    ("其中：财政拨款45万元", "其中：财政拨款"), ("年度资金总额", "年度资金总额"),
    ("发放对象3875人", "发放对象3875人"),  # no fund's label: left as it is
])
def test_a_fund_rows_label_without_its_written_amount(key: str, label: str) -> None:
    assert label_of_amount(key) == label


@pytest.mark.parametrize("label", ["项目金额", "项目总金额(万元)", "资金总额及构成", "项目资金总额及来源：",
                                   "資金總額及構成"])
def test_one_field_budget_labels(label: str) -> None:
    from reportparse.parse.form.grid import squash

    assert matches("budget.field_planned", squash(label))


@pytest.mark.parametrize("label", ["项目金额说明", "项目金额占比", "资金总额构成比例"])
def test_labels_that_are_no_budget_field(label: str) -> None:
    assert not matches("budget.field_planned", label)


def _word_form(tmp_path: Path, rows: Sequence[Sequence[str]], merges: Sequence[tuple[int, int, int, int]] = (),
               title: str | None = None) -> Result:
    """`rows` as one Word table (merges as row, col, rowspan, colspan; a merged cell's text in its first cell)."""
    document = docx.Document()
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for row, col, rowspan, colspan in merges:
        table.cell(row, col).merge(table.cell(row + rowspan - 1, col + colspan - 1))
    path = tmp_path / "form.docx"
    document.save(path)
    return check(path)


def _one(result: Result) -> Project:
    assert result.report is not None
    assert len(result.report.projects) == 1, [p.name for p in result.report.projects]
    return result.report.projects[0]


_INDICATORS = [
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
    ["", "产出指标", "数量指标", "维护管网长度", "≥12公里", "12.5公里"],
    ["", "效益指标", "社会效益指标", "群众满意度", "≥90%", "93%"],
]


def test_word_basic_information_with_a_total_and_its_sources(tmp_path: Path) -> None:
    """A 基本情况 section label merged down the left column; the money as '总额…，其中：…' beside its label."""
    rows = [
        ["基本情况", "项目名称", "某县乡镇卫生院设备更新"],
        ["", "主管部门", "某县卫生健康局"],
        ["", "资金总额及来源", "总额520万元，其中：省级300万元；县级220万元；其他万元。"],
        ["", "项目起止时间", "2022年1月至2022年12月"],
    ]
    project = _one(_word_form(tmp_path, rows, merges=[(0, 0, 4, 1)], title="2022年项目绩效自评报告表"))
    assert project.name == "某县乡镇卫生院设备更新"
    assert amount(project.budget.planned) == Decimal("5200000")
    assert project.budget.executed is None


def test_word_summary_with_a_project_amount_field(tmp_path: Path) -> None:
    rows = [
        ["项目名称", "某市2023年垃圾转运服务项目"],
        ["项目金额", "3,480.2万元"],
        ["主管部门", "某市城市管理局"],
        ["评价单位", "某会计师事务所"],
    ]
    project = _one(_word_form(tmp_path, rows, title="某市2023年垃圾转运服务项目绩效评价报告"))
    assert amount(project.budget.planned) == Decimal("34802000")


def test_word_fund_block_whose_cells_write_the_project_line(tmp_path: Path) -> None:
    """The 项目资金 block's cells hold the project's line with its amount and its sources in brackets, the total's
    label its amount after a colon: the amounts are the columns' figures, the bracketed ones a split."""
    line = "2023年某镇污水管网维护项目60万元（中央资金50万元，县级资金10万元）"
    rows = [
        ["项目名称", "2023年某镇污水管网维护项目", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年执行数", "执行率"],
        ["", "年度资金总额：60万元", line, line, ""],
        ["", "其中：财政拨款", "中央资金50万元", "中央资金50万元", ""],
        ["", "其他资金", "县级资金10万元", "县级资金10万元", ""],
        *[[*row[:1], *row[1:5]] for row in _INDICATORS],
    ]
    result = _word_form(tmp_path, rows, merges=[(0, 1, 1, 4), (1, 0, 4, 1)], title="项目支出绩效自评表（2023年度）")
    project = _one(result)
    assert amount(project.budget.initial) == Decimal("600000")
    assert amount(project.budget.planned) == Decimal("600000")
    assert amount(project.budget.executed) == Decimal("600000")
    assert not [f.code for f in result.findings if f.severity == "error"]


def test_word_sentence_merged_over_both_money_columns_gives_neither(tmp_path: Path) -> None:
    rows = [
        ["项目名称", "某县河道清淤项目", "", ""],
        ["项目资金（万元）", "", "全年预算数", "全年执行数"],
        ["", "年度资金总额", "全年预算资金50万元", ""],
        *[[row[0], row[1], row[3], row[4]] for row in _INDICATORS],
    ]
    project = _one(_word_form(tmp_path, rows, merges=[(0, 1, 1, 3), (1, 0, 2, 1), (2, 2, 1, 2)]))
    assert project.budget.executed is None


def test_text_fund_block_whose_cells_write_the_project_line(tmp_path: Path) -> None:
    """The same block as a tab dump: a 绩效目标申报表 copied from a web page."""
    line = "某乡2023年文化广场建设项目45万元（省级资金30万元，县级资金15万元）"
    text = (
        "项目支出绩效自评表(2023年度)\n"
        "项目名称\t某乡2023年文化广场建设项目\n"
        "项目资金(万元)\t\t年初预算数\t全年执行数\n"
        f"\t年度资金总额:45万元\t{line}\t{line}\n"
        "\t其中:财政拨款\t省级资金30万元\t省级资金30万元\n"
        "\t其他资金\t县级资金15万元\t县级资金15万元\n"
        "一级指标\t二级指标\t三级指标\t指标值\t实际完成值\n"
        "产出指标\t数量指标\t新建广场面积\t≥2000平方米\t2100平方米\n"
        "效益指标\t社会效益指标\t群众满意度\t≥90%\t95%\n"
    )
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal("450000")
    assert amount(project.budget.executed) == Decimal("450000")


def test_text_basic_information_with_a_total_and_its_sources(tmp_path: Path) -> None:
    text = (
        "2022年项目绩效自评报告表\n"
        "项目名称 | 某区农村公路养护补助 |\n"
        "主管部门 | 某区交通运输局 |\n"
        "资金总额及构成 | 合计86.4万元(含上年结转6.4万元) |\n"
        "项目起止时间 | 2022年1月至12月 |\n"
    )
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal("864000")


@pytest.mark.parametrize(("text", "whole"), [
    ("项目支出:2985.5万元", None),  # a split by nature printed under 全年执行数: a field with its own label
    ("其他资金：12万元", None),
    ("县级资金15万元", "15万元"),
])
def test_a_labelled_field_under_a_money_column_is_no_column_amount(text: str, whole: str | None) -> None:
    from reportparse.parse.form.wholeamount import column_amount_text

    assert column_amount_text(text) == whole


def test_word_department_form_splits_by_nature_beside_the_total(tmp_path: Path) -> None:
    """'按支出性质分: | 其中:基本支出:60万元 | 项目支出:40万元' under the 全年执行数 column: a split of the year's
    money, no fund row's execution, so the total's figures stand and no part-sum mismatch is raised."""
    rows = [
        ["部门名称", "某县档案馆", "", "", ""],
        ["年度预算申请(万元)", "年初预算数", "全年预算数", "全年执行数", "执行率"],
        ["年度资金总额", "120万元", "120万元", "100万元", "83.33%"],
        ["按收入性质分:", "", "", "按支出性质分:", ""],
        ["其中:一般公共预算:120万元", "", "", "其中:基本支出:60万元", ""],
        ["其他资金:", "", "", "项目支出:40万元", ""],
    ]
    result = _word_form(tmp_path, rows, merges=[(0, 1, 1, 4)], title="部门整体支出绩效自评表")
    assert "fund-sum-mismatch" not in [f.code for f in result.findings]


@pytest.mark.parametrize("text", [
    "完成村级活动场所建设，总投资50万元",  # a sentence: its clause ends before the amount
    "本年度追加资金20万元",  # a change to the money, not its whole
    "调减预算5万元（其中中央资金5万元）",
])
def test_sentences_and_changes_state_no_whole_amount(text: str) -> None:
    assert whole_amount_text(text) is None
