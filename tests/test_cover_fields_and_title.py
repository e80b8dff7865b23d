"""A report's cover as other hands print it: the name on a fill-in blank's underline ('项目名称 _X_项目单位 _Y_',
'项目名称＿＿X＿＿'), and the report's own title, its first heading, which heads the whole text and opens no part of
it (a title '…项目绩效评价报告' is no '绩效评价' section, under which a cover's short lines, '评价类型 事中评价', would
read as the titles of projects). Built inputs in the shapes met."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reportparse.model import Document, Paragraph, Source, SourceFormat
from reportparse.parse.layout import analysis_heading_names, walk
from reportparse.pipeline import analyse
from tests._textforms import only_project, run

UNDERLINED_COVER = (
    "某市财政支出项目绩效评价报告\n"
    "项目名称 _城区公厕改造补助经费_项目单位 _某市环境卫生管理处_\n"
    "主管部门 _某市城市管理局_\n"
    "一、项目基本情况\n"
    "城区公厕改造补助经费年初预算120万元，全年执行118万元，主要用于改造城区公厕12座。\n"
    "二、项目绩效情况\n"
    "项目完成公厕改造12座，群众满意度达到95%。\n"
)

FULLWIDTH_UNDERLINE = (
    "某县2020年度项目绩效自评报告\n"
    "项目名称：＿＿农村饮水工程维修养护资金＿＿\n"
    "一、项目概况\n"
    "农村饮水工程维修养护资金预算50万元，全部用于全县饮水工程的维修养护。\n"
    "二、绩效目标完成情况\n"
    "全年维修供水设施30处，受益人口2.1万人。\n"
)


def test_a_name_on_a_fill_in_blank_is_the_name_without_the_underline(tmp_path: Path) -> None:
    assert only_project(run(tmp_path, UNDERLINED_COVER)).name == "城区公厕改造补助经费"
    assert only_project(run(tmp_path, FULLWIDTH_UNDERLINE)).name == "农村饮水工程维修养护资金"


def _document(*paragraphs: tuple[str, str | None]) -> Document:
    data = "".join(text for text, _ in paragraphs).encode("utf-8")
    source = Source(path="report.pdf", format=SourceFormat.PDF, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return Document(source=source, elements=[Paragraph(text=text, page=1, style=style) for text, style in paragraphs])


def test_the_reports_own_title_opens_no_section() -> None:
    document = _document(
        ("某区财政支出项目绩效评价报告", "heading"),
        ("项目名称 _社区养老服务站运营补助_", None),
        ("评价类型 事中评价 事后评价R", None),
        ("评价方式:部门(单位)绩效自评R", None),
    )
    layout = walk(document, set())
    assert [info.section for info in layout.paras] == ["other"] * 4
    assert analysis_heading_names(layout) == []
    result = analyse(document)
    assert result.report is not None
    assert [p.name for p in result.report.projects] == ["社区养老服务站运营补助"]


def test_a_section_heading_after_the_title_still_opens_its_section() -> None:
    layout = walk(_document(("某县2021年度道路养护项目绩效评价报告", "heading"), ("三、绩效评价情况", "heading"),
                            ("道路养护里程达到120公里。", None)), set())
    assert [info.section for info in layout.paras] == ["other", "analysis", "analysis"]


# --- money labels that give their unit in brackets ---------------------------------------------------------


def test_a_money_label_with_its_unit_in_brackets_gives_the_figure_after_it_in_that_unit() -> None:
    from decimal import Decimal

    from reportparse.parse.quantities import money

    run_together = "计划安排资金(万元)285.5实际到位资金(万元)285.5实际支出(万元)280.25"
    assert [m.value for m in money(run_together)] == [Decimal("2855000"), Decimal("2855000"), Decimal("2802500")]
    with_colons = "项目预算（元）：36800，实际支出（元）：35120。"
    assert [m.value for m in money(with_colons)] == [Decimal("36800"), Decimal("35120")]
    # (a form's column number after the label is no amount, nor a year, nor a figure with a unit of its own)
    assert [m.value for m in money("年度资金总额(万元): 1 52.8")] == []
    assert money("资金(万元)2023年") == []


def test_a_cover_of_run_together_cells_gives_the_budget_and_the_spending(tmp_path: Path) -> None:
    from decimal import Decimal

    from tests._textforms import amount

    text = (
        "某县财政支出项目绩效评价报告\n"
        "项目名称 _乡镇卫生院设备购置补助_项目单位 _某县卫生健康局_\n"
        "一、项目基本概况项目负责人张三计划安排资金(万元)64.5实际到位资金(万元)64.5实际支出(万元)60.2\n"
        "二、项目绩效情况\n"
        "购置设备12台，全部投入使用。\n"
    )
    project = only_project(run(tmp_path, text))
    assert project.name == "乡镇卫生院设备购置补助"
    assert amount(project.budget.planned) == Decimal("645000")
    assert amount(project.budget.executed) == Decimal("602000")
