"""Form parser on provincial layout variants found by the hand-built corpora/handforms set:
traditional-character labels, merged level cells, blank template sheets, units in names."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reportparse.model import Report
from reportparse.parse.form import find_forms, parse_forms
from reportparse.parse.form.hanzi import to_simplified
from tests._workbooks import fill, read_xlsx_bytes, workbook_bytes


def parse(wb: Workbook) -> Report:
    return parse_forms(find_forms(read_xlsx_bytes(workbook_bytes(wb), "f.xlsx")), Report())


def put(wb: Workbook, rows: list[list[Any]], title: str | None = None) -> None:
    ws = wb.active if title is None else wb.create_sheet(title)
    assert isinstance(ws, Worksheet)
    fill(ws, rows)


@pytest.mark.parametrize(("traditional", "simplified"), [
    ("年度資金總額", "年度资金总额"),
    ("三級指標", "三级指标"),
    ("實際完成值", "实际完成值"),
    ("其中：當年財政撥款", "其中：当年财政拨款"),
    ("偏差原因分析及改進措施", "偏差原因分析及改进措施"),
    ("项目名称", "项目名称"),
])
def test_traditional_labels_fold_to_simplified(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


def test_form_printed_in_traditional_characters_is_read() -> None:
    wb = Workbook()
    put(wb, [
        ["項目名稱", "某某保潔經費"],
        ["項目資金（萬元）", "年初預算數", "全年預算數", "全年執行數", "分值", "執行率", "得分"],
        ["年度資金總額", 10, 10, 9, 10, "90%", 9],
        ["一級指標", "二級指標", "三級指標", "指標性質", "指標值", "度量單位", "實際完成值", "分值", "得分"],
        ["產出指標", "數量指標", "保潔座數", "≥", 40, "座", 42, 50, 50],
        ["滿意度指標", "服務對象滿意度指標", "市民滿意度", "≥", 90, "%", 95, 10, 10],
    ])
    project, = parse(wb).projects
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(100000)
    assert [(i.level, i.name) for i in project.indicators] == [("产出/数量", "保潔座數"), ("满意度", "市民滿意度")]
    assert project.indicators[0].target is not None and project.indicators[0].target.value == Decimal(40)


def _form_rows(name: str, planned: float, actual: str, score: float | None) -> list[list[Any]]:
    return [
        ["项目名称", name],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", planned, planned, planned, 10, "100%" if planned else "", 10 if planned else 0],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "指标1：" if not planned else "培训人数", "" if not planned else "≥500人", actual,
         90 if planned else None, score],
    ]


def test_blank_template_sheet_beside_filled_forms_is_no_project() -> None:
    wb = Workbook()
    put(wb, _form_rows("培训补助", 10, "520人", 90))
    put(wb, _form_rows("XXXX项目", 0, "", None), title="模板")
    wb["模板"].sheet_state = "hidden"
    report = parse(wb)
    assert [p.name for p in report.projects] == ["培训补助"]


def test_a_blank_form_alone_is_still_read() -> None:
    wb = Workbook()
    put(wb, _form_rows("某某项目", 0, "", None))
    assert len(parse(wb).projects) == 1


def test_template_text_of_a_table_no_project_was_read_from_is_not_flagged(tmp_path: Path) -> None:
    from reportparse.pipeline import check

    wb = Workbook()
    put(wb, _form_rows("培训补助", 10, "520人", 90))
    put(wb, _form_rows("助餐补贴", 10, "530人", 90), title="二")
    put(wb, _form_rows("XXXX项目", 0, "", None), title="模板")
    path = tmp_path / "f.xlsx"
    wb.save(path)
    codes = [f.code for f in check(path).findings]
    assert "template-text-left" not in codes
    wb["二"]["C6"] = "指标2："  # a scored row still named by the template's placeholder is flagged
    wb["二"]["F6"], wb["二"]["G6"] = 10, 10
    wb.save(path)
    assert "template-text-left" in [f.code for f in check(path).findings]


def test_second_level_label_merged_over_the_first_level_column_keeps_the_row_in_place() -> None:
    wb = Workbook()
    put(wb, [
        ["项目名称", "营养改善计划"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 10, 10, 10, 10, "100%", 10],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "受益学生人数", "≥600人", "612人", 80, 80],
        ["服务对象满意度指标", None, "家长满意度", "≥90%", "96%", 10, 10],
    ])
    wb.active.merge_cells("A6:B6")
    project, = parse(wb).projects
    last = project.indicators[-1]
    assert (last.level, last.name, last.weight) == ("满意度", "家长满意度", Decimal(10))
    assert last.target is not None and last.target.value == Decimal(90)


@pytest.mark.parametrize(("name", "unit"), [
    ("维修改造校舍面积（平方米）", "平方米"),
    ("每平方米维修成本(元)", "元"),
    ("培训人数（单位：人次）", "人次"),
    ("绿化面积（试点）", None),
    ("资金拨付及时率", None),
])
def test_unit_printed_in_an_indicator_name(name: str, unit: str | None) -> None:
    from reportparse.parse.form.values import name_unit

    assert name_unit(name) == unit


def test_bare_numbers_take_the_unit_printed_in_the_name() -> None:
    wb = Workbook()
    put(wb, [
        ["项目名称", "校舍维修"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 10, 10, 10, 10, "100%", 10],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "维修面积（平方米）", 12000, 12350, 80, 80],
        ["产出指标", "成本指标", "每平方米成本（万元）", "≤0.008", 0.0075, 10, 10],
    ])
    area, cost = parse(wb).projects[0].indicators
    assert area.target is not None and (area.target.value, area.target.unit) == (Decimal(12000), "平方米")
    assert (area.actuals[0].value, area.actuals[0].unit) == (Decimal(12350), "平方米")
    assert cost.target is not None and (cost.target.value, cost.target.unit) == (Decimal(80), "元")
    assert (cost.actuals[0].value, cost.actuals[0].unit) == (Decimal(75), "元")


@pytest.mark.parametrize(("score_header", "scored"), [("得分", True), ("评分", True), ("自评评分", True),
                                                      ("评分标准", False)])
def test_score_column_spellings(score_header: str, scored: bool) -> None:
    wb = Workbook()
    put(wb, [
        ["项目名称", "培训补助"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 10, 10, 10, 10, "100%", 10],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", score_header],
        ["产出指标", "数量指标", "培训人数", "≥500人", "520人", 90, 88],
    ])
    indicator, = parse(wb).projects[0].indicators
    assert indicator.score == (Decimal(88) if scored else None)


@pytest.mark.parametrize(("nature", "comparator"), [
    ("正向指标", ">="), ("反向指标", "<="), ("大于等于", ">="), ("小于等于", "<="), ("等于", "="),
    ("≥", ">="), ("＝", "="), ("﹦", "="), ("定性", "qualitative"),
])
def test_nature_column_words_and_symbols(nature: str, comparator: str) -> None:
    wb = Workbook()
    put(wb, [
        ["项目名称", "培训补助"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 10, 10, 10, 10, "100%", 10],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训人数", nature, "按期" if comparator == "qualitative" else 500, "人", 520, 90, 90],
    ])
    indicator, = parse(wb).projects[0].indicators
    assert indicator.target is not None and indicator.target.comparator == comparator


@pytest.mark.parametrize(("weight", "number_format"), [("50%", None), (0.5, "0%"), (0.5, "0.00%"), (50, None)])
def test_weight_written_as_a_share_of_the_form(weight: object, number_format: str | None) -> None:
    wb = Workbook()
    put(wb, [
        ["项目名称", "培训补助"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 10, 10, 10, 10, "100%", 10],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分"],
        ["产出指标", "数量指标", "培训人数", "≥500人", "520人", weight, 50],
    ])
    if number_format:
        wb.active["F5"].number_format = number_format
    indicator, = parse(wb).projects[0].indicators
    assert indicator.weight == Decimal(50)


FLAT_TRADITIONAL = "\n\n".join([
    "項目支出績效自評表（2023年度）",
    "項目名稱 公廁保潔經費",
    "主管部門 某市城管局 實施單位 某市環衛處",
    "項目資金（萬元） 年初預算數 全年預算數 全年執行數 分值 執行率 得分",
    "年度資金總額 7 7 7 10 100% 10",
    "一級指標 二級指標 三級指標 指標性質 指標值 度量單位 實際完成值 分值 得分",
    "產出指標 數量指標 保潔座數 ≥ 40 座 42 80 80",
    "滿意度指標 服務對象滿意度指標 市民滿意度 ≥ 90 % 95 10 10",
    "總分 100 100",
])


def test_form_flattened_into_text_lines_in_traditional_characters(tmp_path: Path) -> None:
    from reportparse.readers import extract_document

    path = tmp_path / "flat.txt"
    path.write_text(FLAT_TRADITIONAL, encoding="utf-8")
    report = parse_forms(find_forms(extract_document(path)), Report())
    project, = report.projects
    assert project.name == "公廁保潔經費" and report.unit == "某市環衛處"
    assert [(i.level, i.name, i.score) for i in project.indicators] == [
        ("产出/数量", "保潔座數", Decimal(80)), ("满意度", "市民滿意度", Decimal(10))]


@pytest.mark.parametrize(("line", "cells"), [
    ("主管部门 市人民政府 实施单位 县林业和草原局", ["主管部门", "市人民政府", "实施单位", "县林业和草原局"]),
    ("项目名称：某某 经费", ["项目名称", "某某 经费"]),
    ("主管部門 某市局 實施單位 某處", ["主管部門", "某市局", "實施單位", "某處"]),
])
def test_flattened_header_line_cells(line: str, cells: list[str]) -> None:
    from reportparse.parse.form.text import _header_cells

    assert _header_cells(line) == cells


@pytest.mark.parametrize(("nature", "comparator"), [("﹦", "="), ("正向指标", ">="), ("大于等于", ">="), ("≥", ">=")])
def test_flattened_form_with_a_nature_column(tmp_path: Path, nature: str, comparator: str) -> None:
    from reportparse.readers import extract_document

    path = tmp_path / "flat.txt"
    path.write_text(FLAT_TRADITIONAL.replace("≥ 40", f"{nature} 40"), encoding="utf-8")
    project, = parse_forms(find_forms(extract_document(path)), Report()).projects
    first = project.indicators[0]
    assert first.target is not None and (first.target.comparator, first.target.value) == (comparator, Decimal(40))
    assert first.actuals[0].value == Decimal(42) and first.score == Decimal(80)


def test_narrative_under_a_project_name_line_is_no_flattened_form(tmp_path: Path) -> None:
    """A sentence naming 预算数 and 执行数 is prose, not the header of a form flattened into lines."""
    from reportparse.parse.form.text import text_form_tables
    from reportparse.readers import extract_document

    path = tmp_path / "prose.txt"
    path.write_text("\n\n".join([
        "项目名称：道路养护补助",
        "预算执行情况满分 10 分，得分 9 分。全年预算数为 30 万元，全年执行数为 27 万元。",
        "产出指标满分 50 分，自评得分 48 分。",
    ]), encoding="utf-8")
    assert text_form_tables(extract_document(path)) == []


def test_a_form_without_scores_reads_its_indicators_and_its_special_fund_name() -> None:
    """专项资金名称 names the project; 三级指标 | 年度指标值 | 全年完成值 | 未完成原因 with no 分值/得分."""
    wb = Workbook()
    put(wb, [
        ["县级专项资金绩效目标自评表"],
        ["专项资金名称", "县级储备粮", None, None],
        ["主管部门", "县粮食和物资储备局", "实施单位", "县粮食购销公司"],
        ["资金情况（万元）", "年初预算数", "全年预算数", "全年执行数"],
        ["年度资金总额", 120, 120, 118],
        ["一级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
        ["产出指标", "储备粮轮换数量", "≥2000吨", "2100吨", None],
        ["产出指标", "储备粮质量达标率", "100%", "98%", "部分批次水分超标，已整改"],
        ["满意度指标", "承储企业满意度", "≥90%", "95%", None],
    ])
    report = parse(wb)
    assert [p.name for p in report.projects] == ["县级储备粮"]
    indicators = report.projects[0].indicators
    assert [i.name for i in indicators] == ["储备粮轮换数量", "储备粮质量达标率", "承储企业满意度"]
    assert indicators[1].actuals[0].raw == "98%"


def test_a_narrative_goal_table_with_actuals_is_not_a_form() -> None:
    """The same unscored header outside a form (no 项目名称, no 项目资金 block) stays a goal table."""
    wb = Workbook()
    put(wb, [
        ["指标类别", "指标名称", "年度目标值", "实际完成值"],
        ["数量指标", "资助学生人数", "≥1000人", "1200人"],
    ])
    assert find_forms(read_xlsx_bytes(workbook_bytes(wb), "f.xlsx")) == []
