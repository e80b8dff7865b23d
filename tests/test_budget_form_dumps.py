"""A form's money fields dumped as text keep their unit and their columns (parse/form/blocks.py,
parse/fundtables.py, parse/coverfields.py): a row's unit written in its block label counts for the fields after
it, and a header of columns dumped one cell a line, then its row, pairs each figure with its column in order."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.model import Paragraph
from reportparse.parse.amounts import sentence_amounts
from reportparse.parse.evidence import Sentence

from ._textforms import in_wan as _wan
from ._textforms import parsed_project as _project


@pytest.mark.parametrize("row", [
    "项目资金（元）：年初预算数 1,200,000.00 全年预算数 1,200,000.00 全年执行数 1,176,500.00 执行率 98.04%",
    "项目资金(单位：元) 全年预算数 1200000 全年执行数 1176500 执行率 98.04%",
])
def test_a_fund_rows_unit_in_its_block_label(tmp_path: Path, row: str) -> None:
    text = ("2023年度项目支出绩效自评表\n项目名称：城市公园管护项目\n主管部门：市园林局    实施单位：市公园管理处\n"
            + row + "\n年度总体目标：保障全市8个公园正常运行。\n")
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == 120
    assert _wan(budget.executed) == 117.65


@pytest.mark.parametrize(("block", "planned", "executed"), [
    ("资金投入情况（万元）\n预算安排数\n实际到位数\n实际支出数\n300\n300\n291.5\n", 300, 291.5),
    ("项目资金情况\n预算数（万元）\n执行数（万元）\n86.4\n80.2\n", 86.4, 80.2),
])
def test_a_header_of_columns_one_cell_a_line_then_its_row(tmp_path: Path, block: str, planned: float,
                                                          executed: float) -> None:
    text = "2022年项目支出绩效自评表\n项目名称：示范村建设项目\n" + block + "年度总体目标：完成示范村建设。\n"
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == executed


def test_columns_with_no_unit_written_are_read_as_nothing(tmp_path: Path) -> None:
    text = ("2022年项目支出绩效自评表\n项目名称：示范村建设项目\n资金投入情况\n预算安排数\n实际到位数\n实际支出数\n"
            "300\n300\n291.5\n年度总体目标：完成示范村建设。\n")
    budget = _project(tmp_path, text).budget
    assert budget.planned is None and budget.executed is None


@pytest.mark.parametrize(("header", "planned", "executed"), [
    ("项目资金(万元)年度资金总额年初预算数调整预算数,A、全年执行数(B)执行率(B/A)38.538.537.597.4%", 38.5, 37.5),
    ("项目资金（万元） 全年预算数(A) 全年执行数(B) 执行率 120.5120.5100%", 120.5, 120.5),
])
def test_a_fund_row_glued_to_its_rate_after_the_header(tmp_path: Path, header: str, planned: float,
                                                       executed: float) -> None:
    text = ("某市本级部门项目支出绩效自评表(2021年)项目名称学校安保经费主管部门市教育局 " + header
            + "年度总体目标保障学校安全运行\n")
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == executed


@pytest.mark.parametrize(("text", "planned", "executed"), [
    ("关于2023年度残疾人事业发展补助资金绩效自评情况的报告。我县收到补助资金后及时分配到各乡镇,主要用于残疾人康复和托养"
     "服务。附表:资金投入情况（万元）全年预算数（A）全年执行数（B）执行率（B/A）资金总额：30028896%其中：省级补助30028896%"
     "总体目标完成情况较好。\n", 300, 288),
    ("某镇2022年农村公路养护经费使用情况的自评报告\n经费由镇财政所统一拨付,用于村道日常养护。资金安排情况(万元)预算数(A)"
     "执行数(B)执行率(B/A)年度资金合计150148.699.07%其中:县级补助150148.699.07%养护里程达到计划。\n", 150, 148.6),
])
def test_a_fund_row_glued_to_its_rate_after_the_total_label(tmp_path: Path, text: str, planned: float,
                                                            executed: float) -> None:
    # (a transfer-payment form prints the total's label, 年度资金总额, between the header and its glued figures)
    budget = _project(tmp_path, text).budget
    assert _wan(budget.planned) == planned
    assert _wan(budget.executed) == executed


def test_a_glued_fund_row_with_no_unit_is_read_as_nothing(tmp_path: Path) -> None:
    text = ("某市本级部门项目支出绩效自评表(2021年)项目名称学校安保经费主管部门市教育局 "
            "项目资金 全年预算数(A) 全年执行数(B) 执行率 120.5120.5100%年度总体目标保障学校安全运行\n")
    budget = _project(tmp_path, text).budget
    assert budget.planned is None and budget.executed is None


@pytest.mark.parametrize("dump", [
    "资金情况(万元)年度资金总额全年预算数(A)300全年执行数(B)执行率(B/A)其中中央补助自治区补助300万元",
    "资金情况（万元） 全年预算数（A） 全年执行数（B） 执行率（B/A） 其中：省级补助 120万元",
])
def test_a_column_title_with_its_letter_is_no_verb(dump: str) -> None:
    para = Paragraph(kind="paragraph", text=dump, lines=[], spans=[(0, len(dump))], page=1)
    amounts = sentence_amounts(Sentence(para=para, start=0, end=len(dump)), [])
    assert [a.kind for a in amounts] == [None]
