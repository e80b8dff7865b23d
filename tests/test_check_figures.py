"""conflicting-figures: one budget figure or section score stated twice with different values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.checks.figures import disagree, written_precision
from reportparse.model import BudgetFigure, Project, Report
from reportparse.parse.form.merge import merge_project

from ._builders import line, project, qty, report, run


@pytest.mark.parametrize(("a", "b", "differ"), [
    ("98", "95.5", True), ("95.47", "95.5", False), ("95.5", "95.5", False), ("96", "92", True),
    ("12687200", "11725500", True), ("10", "9.5", False), ("100", "100.0", False), ("100", "99", True),
])
def test_disagree_compares_at_the_coarser_precision(a: str, b: str, differ: bool) -> None:
    assert disagree(Decimal(a), Decimal(b)) is differ


def test_money_compares_at_the_precision_it_was_written_in() -> None:
    assert written_precision(qty(12687200, raw="1268.72万元")) == 2
    assert written_precision(qty(12687000, raw="1268.7 万元")) == 3
    assert not disagree(Decimal(12687200), Decimal(12687000), 2, 3)  # 1268.72 万 vs 1268.7 万: rounding
    assert disagree(Decimal(12687200), Decimal(12677000), 2, 3)


def _narrative_with_form(narrative_rate: float, form_rate: float) -> Report:
    rep = report(project("乡村道路养护经费", planned=1000000, executed=955000, printed_rate=narrative_rate))
    form = project("乡村道路养护经费项目", planned=1000000, executed=955000, printed_rate=form_rate)
    merge_project(rep, form)
    return rep


def test_a_narrative_rate_and_a_form_rate_that_differ_are_a_finding() -> None:
    findings = run(_narrative_with_form(98, 95.5), "conflicting-figures")
    assert len(findings) == 1
    found = findings[0]
    assert found.project == "乡村道路养护经费" and found.indicator == "预算执行率"
    assert (found.expected, found.actual) == (Decimal(98), Decimal("95.5"))
    assert len(found.evidence) == 2


def test_the_same_rate_in_both_parts_is_not_a_finding() -> None:
    assert run(_narrative_with_form(95.5, 95.5), "conflicting-figures") == []
    rep = _narrative_with_form(95.5, 0.955)  # the form prints the rate as a fraction
    assert run(rep, "conflicting-figures") == []


def test_an_amount_given_twice_differently() -> None:
    target = Project(name="x")
    target.budget.executed = qty(12687200, raw="1268.72万元")
    target.budget.restatements.append(BudgetFigure(figure="executed", quantity=qty(11725500, raw="1172.55万元")))
    assert [f.indicator for f in run(report(target), "conflicting-figures")] == ["全年执行数"]


def test_section_scores_claimed_again_by_an_appended_form() -> None:
    rep = report(project("x", scores=[line("预算执行", 10, 10), line("产出", 50, 50)]))
    merge_project(rep, project("x", scores=[line("预算执行", 10, 9, page=3), line("产出", 50, 50, page=3)]))
    findings = run(rep, "conflicting-figures")
    assert [(f.indicator, f.expected, f.actual) for f in findings] == [("预算执行得分", Decimal(10), Decimal(9))]


def test_a_score_restated_twice_with_the_same_value_is_one_finding_with_both_places() -> None:
    rep = report(project("x", scores=[line("产出", 50, 50)]))
    rep.projects[0].restated_scores.extend([line("产出", 50, 45, page=3), line("产出", 50, 45, page=4)])
    findings = run(rep, "conflicting-figures")
    assert len(findings) == 1
    assert findings[0].message.endswith("45分，第3、4页")


def _paragraphs(*paragraphs: str):  # type: ignore[no-untyped-def]
    from reportparse.model import Document, Line, Paragraph, Source, SourceFormat

    elements = [Paragraph(text=t, page=1, lines=[Line(text=t, page=1, line=n + 1)], spans=[(0, len(t))])
                for n, t in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                    elements=elements)  # type: ignore[arg-type]


@pytest.mark.parametrize(("paragraphs", "expected", "actual"), [
    (("根据市财政局《关于下达2022年农村公路养护资金的通知》(X财建〔2022〕56号)，县财政下达资金120万元。",
      "项目实施情况良好。",
      "X财建〔2022〕56号文件拨付农村公路养护资金135万元，已全部支出。"), 1200000, 1350000),
    (("省财政厅以Y财农[2021]7号文分配我县资金38.5万元；我局及时拨付到乡镇。",
      "依据Y财农【2021】第7号，安排我县专项资金3.85万元。"), 385000, 38500),
])
def test_one_allocation_document_cited_with_two_amounts(paragraphs: tuple[str, ...], expected: int,
                                                        actual: int) -> None:
    found = run(report(project("农村公路养护")), "conflicting-figures", document=_paragraphs(*paragraphs))
    assert [(f.expected, f.actual) for f in found] == [(Decimal(expected), Decimal(actual))]
    assert found[0].project == "农村公路养护" and len(found[0].evidence) == 2


@pytest.mark.parametrize("paragraphs", [
    # the same amount twice, in another unit
    ("X财建〔2022〕56号文件下达资金120万元。", "依据X财建〔2022〕56号，拨付资金1200000元。"),
    # a breakdown of the notice's money names a part of it, not the whole again
    ("X财建〔2022〕56号文件下达资金120万元。", "X财建〔2022〕56号下达资金中，用于桥梁维修30万元、路面修补90万元。"),
    # two notices, each with its own amount
    ("X财建〔2022〕56号文件下达资金120万元。", "X财建〔2022〕57号文件下达资金135万元。"),
    # an amount that no allocation verb introduces is not the notice's allocation
    ("X财建〔2022〕56号文件下达资金120万元。", "按X财建〔2022〕56号要求，已支出资金100万元。"),
])
def test_allocation_documents_cited_consistently_or_not_as_the_whole(paragraphs: tuple[str, ...]) -> None:
    assert run(report(project("农村公路养护")), "conflicting-figures", document=_paragraphs(*paragraphs)) == []


def test_a_report_of_several_projects_may_cite_one_notice_for_each_share() -> None:
    paragraphs = ("X财建〔2022〕56号文件下达甲项目资金120万元。", "X财建〔2022〕56号文件下达乙项目资金30万元。")
    rep = report(project("甲项目"), project("乙项目"))
    assert run(rep, "conflicting-figures", document=_paragraphs(*paragraphs)) == []


# ---- a cost row whose actual total is more than the money spent ------------------------------------

def _cost_project(actual_raw: str, actual_value: int, unit: str = "元", name: str = "道路建设成本",
                  level: str = "产出/成本") -> Project:
    from ._builders import actual, indicator, target
    row = indicator(name, level, target(actual_raw, "<=", actual_value, unit), [actual(actual_raw, actual_value, unit)])
    return project(planned=3722900, executed=3722900, indicators=[row])


def test_a_cost_total_beyond_the_executed_money_is_a_conflicting_figure() -> None:
    findings = run(report(_cost_project("713万元", 7130000)), "conflicting-figures")
    assert [f.indicator for f in findings] == ["道路建设成本"]
    assert "713万元" in findings[0].message and "372.29万元" in findings[0].message


@pytest.mark.parametrize(("raw", "value", "unit", "name", "level"), [
    ("300万元", 3000000, "元", "道路建设成本", "产出/成本"),  # a cost within the spending: one part of it
    ("372.3", 3723000, "元", "道路建设成本", "产出/成本"),  # the same money, printed to 0.1 万 without its unit
    ("2.5万元/公里", 25000, "元/公里", "每公里造价", "产出/成本"),  # a cost per unit
    ("5000万元", 50000000, "元", "项目总投资", "产出/成本"),  # a multi-year investment
    ("713万元", 7130000, "元", "带动农产品销售额", "效益/经济效益"),  # money earned, no cost
])
def test_costs_that_are_no_second_statement_of_the_spending(raw: str, value: int, unit: str, name: str,
                                                              level: str) -> None:
    assert run(report(_cost_project(raw, value, unit, name, level)), "conflicting-figures") == []
