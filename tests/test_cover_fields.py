"""A cover table's money fields dumped as text: label, unit and amount run together in a line, or the label
ending one line and its unit and amount opening the next (parse/fundtables.apply_run_pairs, apply_label_lines,
applied after a form rebuilt from the text took those lines as its rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.model import Report
from reportparse.parse import parse_report
from reportparse.readers import extract_document


def _parse(tmp_path: Path, text: str) -> Report:
    path = tmp_path / "cover.txt"
    path.write_text(text, encoding="utf-8")
    return parse_report(extract_document(path))


@pytest.mark.parametrize(("text", "planned", "executed"), [
    # the fields run together in one line, as a document site prints a table's cells
    ("城市道路照明维护项目财政支出绩效评价报告\n项目名称:城市道路照明维护项目\n主管部门:某区城市管理局\n"
     "一、项目基本情况 项目实施单位某区路灯所 项目类型经常性项目(√)一次性项目()计划投资额(万元)56.40"
     "实际到位资金(万元)56.40实际使用情况(万元)52.18其中:中央财政 省财政 市县财政\n"
     "二、绩效评价指标评分\n", 564000, 521800),
    # the label ends one line, its unit and amount open the next (the dump joined the label to the cell before)
    ("农村饮水安全巩固提升项目财政支出绩效评价报告\n项目名称:农村饮水安全巩固提升项目\n"
     "项目单位:某县水利局\n评价时间:2022年4月10日\n项目基本信息\n\n项目类型经常性项目()一次性项目(√)计划投资额\n\n"
     "(万元)230\n\n实际到位资金\n\n(万元)\n\n230\n\n实际使用情况\n\n(万元)\n\n219.5\n\n二、绩效评价指标评分\n",
     2300000, 2195000),
])
def test_cover_money_fields_of_a_dumped_table_are_read(tmp_path: Path, text: str, planned: int,
                                                       executed: int) -> None:
    report = _parse(tmp_path, text)
    assert len(report.projects) == 1, [p.name for p in report.projects]
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == planned
    assert budget.executed is not None and budget.executed.value == executed


def test_a_figure_run_together_after_a_sentence_is_no_field(tmp_path: Path) -> None:
    # a unit in brackets inside a sentence ('资金(万元)20用于…') is read as the same sentence written with 万元
    # after its figures: the cover-field reader adds nothing of its own to prose (no executed amount, no other
    # budget)
    def budget_of(text: str) -> tuple[object, object]:
        folder = tmp_path / str(len(list(tmp_path.iterdir())))
        folder.mkdir()
        budget = _parse(folder, text).projects[0].budget
        return (budget.planned.value if budget.planned else None, budget.executed.value if budget.executed else None)

    for bracketed, plain in (
            ("本年度中央补助资金(万元)20用于文化站开放，县级配套资金(万元)5。",
             "本年度中央补助资金20万元用于文化站开放，县级配套资金5万元。"),
            ("全年安排专项经费（万元）12，主要用于设备购置。", "全年安排专项经费12万元，主要用于设备购置。")):
        title = "乡镇文化站免费开放经费绩效自评报告\n"
        tail = "绩效目标全部完成，自评得分95分。\n"
        assert budget_of(title + bracketed + tail) == budget_of(title + plain + tail), bracketed
        assert budget_of(title + bracketed + tail)[1] is None


def test_a_cover_and_goal_table_run_together_read_name_and_money(tmp_path: Path) -> None:
    text = ("1、2019年农村公路危桥改造市级补助项目财政支出绩效评价报告评价类型:□实施过程评价☑完成结果评价项目名称:"
            "2019年农村公路危桥改造市级补助项目项目单位:某市交通运输局主管部门:某市人民政府-12-项目绩效目标表项目名称:"
            "2019年度农村公路危桥改造市级补助项目项目指标类型绩效指标绩效目标绩效标准优良中差产出指标改造危桥数量8座\n"
            "2、项目基本信息一、项目基本情况项目实施单位某市交通运输局项目类型经常性项目()一次性项目(√)"
            "计划投资额(万元)320.00实际到位资金(万元)320.00实际使用情况(万元)305.60其中:中央财政其中:中央财政\n")
    report = _parse(tmp_path, text)
    assert [p.name for p in report.projects] == ["2019年农村公路危桥改造市级补助项目"]
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == 3200000
    assert budget.executed is not None and budget.executed.value == 3056000


@pytest.mark.parametrize(("cell", "name"), [
    (":2018年度城区雨污分流改造项目项目指标类型", "2018年度城区雨污分流改造项目"),
    ("：乡镇卫生院设备购置补助资金绩效指标", "乡镇卫生院设备购置补助资金"),
    ("公共实训基地指标类型研究经费", "公共实训基地指标类型研究经费"),  # (the words inside a name stay)
])
def test_a_name_field_loses_the_labels_a_dump_glued_to_it(cell: str, name: str) -> None:
    from reportparse.parse.form.forms import _without_glued_column
    from reportparse.parse.form.grid import tidy_name

    assert _without_glued_column(tidy_name(cell)) == name


@pytest.mark.parametrize(("text", "planned", "executed"), [
    ("2023年度农村危房改造补助资金绩效目标自评表.xlsx\n附件1 农村危房改造补助资金绩效目标自评表 (2023年度) "
     "转移支付(项目)名称 农村危房改造补助资金 中央主管部门 住房城乡建设部 全年预算数(A) 全年执行数(B) 1268.5 1190.25 "
     "其中:中央财政资金 900.00 900.00 地方财政资金 368.50 290.25 年度资金总额 资金投入情况 (万元) "
     "总体目标 全年实际完成情况\n",
     12685000, 11902500),
    ("文化惠民工程经费绩效自评表\n项目名称 文化惠民工程经费 主管部门 某县文化和旅游局 资金情况(元) 预算数(A) 执行数(B) "
     "86000 84500 执行率 98.26% 年度总体目标 送戏下乡60场\n", 86000, 84500),
])
def test_a_fund_header_run_into_its_first_row_is_read(tmp_path: Path, text: str, planned: int, executed: int) -> None:
    report = _parse(tmp_path, text)
    assert len(report.projects) == 1, [p.name for p in report.projects]
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == planned
    assert budget.executed is not None and budget.executed.value == executed
