"""A project's name and money on the cover of a county evaluation report (评价报告 / 自评报告 of one project), as
text dumps and sheets give it: built inputs in two wordings and layouts each, checked end to end through
`pipeline.check`.

- The cover's 项目名称 set apart from its value by spaces, not a colon, in one cell of a sheet.
- The money fields dumped one cell a line with the unit broken onto a line of its own ('计划安排资金' / '(万元)' /
  '55'), after a row of cells set apart by runs of spaces ('2021年   1    月起至 …') that is no prose.
- A text layer that scrambled the money fields but kept the spending-detail table (计划支出数 | 实际支出数 …
  支出合计 21.7 21.7).
- A summary of an evaluation ('X项目重点绩效评价报告摘要'): the project its title names, not a clause of its
  prose ('区农业农村局2024年累计申请…项目预算资金495万元'), and the budget named so, not the works' 总投资.
- The eval compares a score level's name on the reading copy (a gold keeps a traditional page's '預算執行').
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.evaluate_match import scores_right
from tests._textforms import amount, only_project, run
from tests._workbooks import checked, sheet


@pytest.mark.parametrize(("label", "name", "gap"), [
    ("項目名稱", "森林防火專項", "    "), ("项目名称", "农村公路安全生命防护工程", "\u3000\u3000"),
])
def test_a_sheet_cover_line_with_spaces_for_its_colon_names_the_project(
        tmp_path: Path, label: str, name: str, gap: str) -> None:
    rows: list[list[object]] = [
        ["某县财政支出项目绩效评价自评报告"],
        ["评价类型:项目完成结果评价"],
        [f"{label}{gap}{name}"],
        ["项目单位    某县林业局"],
        ["计划安排资金 (万元)", 55, "实际到位资金 (万元)", 55, "实际支出 (万元)", 52, "结余(万元)", 3],
    ]
    project = only_project(checked(tmp_path, sheet(rows)))
    assert project.name in (name, name.replace("專項", "专项"))
    assert amount(project.budget.planned) == Decimal(550000)


COVER = """某县财政支出项目绩效评价自评报告

项目名称    {name}

项目单位    某县林业局

一、项 目 基 本 概 况

项目负责人

张三

项目起止时间

2021年   1    月起至     2021    年    12   月止

{planned_label}

({unit})

{planned}

实际到位资金

({unit})

{planned}

{executed_label}

({unit})

{executed}
"""


@pytest.mark.parametrize(("planned_label", "executed_label", "unit", "planned", "executed", "scale"), [
    ("计划安排资金", "实际支出", "万元", "55", "52.5", 10000),
    ("预算数", "执行数", "元", "480000", "476500", 1),
])
def test_cover_fields_one_cell_a_line_with_their_unit_broken_off(
        tmp_path: Path, planned_label: str, executed_label: str, unit: str, planned: str, executed: str,
        scale: int) -> None:
    text = COVER.format(name="森林防火专项", planned_label=planned_label, executed_label=executed_label, unit=unit,
                        planned=planned, executed=executed)
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal(planned) * scale
    assert amount(project.budget.executed) == Decimal(executed) * scale


SCRAMBLED = ("{title} {body}预算支出项目绩效评价报告 项目名称 {name} 项目单位 {body} 项目负责人 李四 "
             "地 城关街 12 号 址 "
             "{a} 邮编 064200 实际到位资金({unit}) {a} 其中:中央财政 省财政 市县财政 6613535 2019.1.1-2019.12.30 "
             "项目起止时间 计划安排资金({unit}) 联系电话 {a} 市县财政 其它 {b} 实际支出({unit}) 二、项目支出明细情况 "
             "支出内容 (经济科目) {header} 30399 {name} {a} {b} 支出合计 {a} {b} 三、项目考评情况")


@pytest.mark.parametrize(("header", "unit", "a", "b", "scale"), [
    ("计划支出数 实际支出数", "万元", "21.7", "21.7", 10000),
    ("计划支出数(元) 实际支出数", "元", "86400", "85200", 1),
])
def test_a_scrambled_cover_takes_its_money_from_the_detail_tables_total(
        tmp_path: Path, header: str, unit: str, a: str, b: str, scale: int) -> None:
    text = SCRAMBLED.format(title="2019年度村专职委员工作补贴项目绩效自评报告.doc", body="某市残疾人联合会",
                            name="村专职委员工作补贴", header=header, unit=unit, a=a, b=b)
    project = only_project(run(tmp_path, text + "\n"))
    assert amount(project.budget.planned) == Decimal(a) * scale
    assert amount(project.budget.executed) == Decimal(b) * scale


SUMMARY = """{place}{year}年{works}项目重点绩效评价报告摘要
一、基本情况
{body}实施{place}{year}年{works}项目，建设内容包括{content}。
依据批复，项目总投资{total}万元，其中中央、省配套资金{budget}万元，市级配套资金{city}万元，区级配套资金{county}万元。
{body}{next}年累计{verb}中央及省级项目预算资金{budget}万元。
截至{next}年12月31日，项目实际收到资金{budget}万元，共支付{spent}万元。
二、重点绩效评价结论
项目本次绩效评价得分{score}分，等级为“良”。
"""


@pytest.mark.parametrize(("place", "works", "body", "verb", "total", "budget", "city", "county", "spent"), [
    ("五华区", "高标准农田建设", "区农业农村局", "申请", "660", "495", "99", "66", "470.37"),
    ("某县", "农村饮水安全巩固提升", "县水务局", "争取", "820", "600", "120", "100", "588.2"),
])
def test_an_evaluation_summary_names_its_titled_project_and_its_budget(
        tmp_path: Path, place: str, works: str, body: str, verb: str, total: str, budget: str, city: str,
        county: str, spent: str) -> None:
    text = SUMMARY.format(place=place, year=2023, next=2024, works=works, body=body, verb=verb, total=total,
                          budget=budget, city=city, county=county, spent=spent, content="灌溉与排水工程、田间道路工程",
                          score="80.56")
    project = only_project(run(tmp_path, text))
    assert works in project.name and body not in project.name
    assert amount(project.budget.planned) == Decimal(budget) * 10000
    assert amount(project.budget.executed) == Decimal(spent) * 10000


@pytest.mark.parametrize(("gold_level", "found_level"), [("預算執行", "预算执行"), ("產出/數量", "产出/数量")])
def test_eval_reads_a_traditional_gold_level_as_the_tools_simplified_one(gold_level: str, found_level: str) -> None:
    gold = {"name": "檔案專項經費", "claimed_scores": {gold_level: [20, 18]}}
    report = {"projects": [{"name": "档案专项经费", "scores": [{"level": found_level, "weight": 20, "score": 18}]}]}
    assert scores_right(gold, report) == (1, 1)
