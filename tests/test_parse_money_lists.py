"""Money of several projects given in one list, and the money a single project is carried out with said with no
verb of budget or spending: each figure goes to its own project, as the kind the list or the sentence states."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Document, Line, Paragraph, Project, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative


def _doc(*paragraphs: str) -> Document:
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n + 1)], spans=[(0, len(text))])
                for n, text in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _money(*paragraphs: str) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    report = parse_narrative(_doc(*paragraphs))
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


def _only(*paragraphs: str) -> Project:
    report = parse_narrative(_doc(*paragraphs))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


def _wan(value: str) -> Decimal:
    return Decimal(value) * 10000


def test_a_list_of_budgets_with_each_spending_in_brackets_keeps_the_budgets_budgets() -> None:
    read = _money(
        "某县水利局2023年度项目支出绩效自评报告",
        "一、项目资金情况",
        "2023年项目支出预算合计70万元，分别为：河道保洁项目45万元（已支出44万元）；山塘清淤项目25万元（已支出20万元）。",
    )
    assert read["河道保洁项目"] == (_wan("45"), _wan("44"))
    assert read["山塘清淤项目"] == (_wan("25"), _wan("20"))


def test_a_list_of_budgets_with_each_spending_in_brackets_another_wording() -> None:
    read = _money(
        "某区体育局2024年度项目支出绩效自评报告",
        "一、资金安排及使用",
        "全年安排项目资金36万元，具体是：全民健身赛事项目24万元（实际使用23.5万元）；社区健身器材维护项目"
        "12万元（实际使用9万元）。",
    )
    assert read["全民健身赛事项目"] == (_wan("24"), _wan("23.5"))
    assert read["社区健身器材维护项目"] == (_wan("12"), _wan("9"))


def test_a_list_of_spending_stays_spending() -> None:
    read = _money(
        "某区体育局2024年度项目支出绩效自评报告",
        "一、资金使用",
        "全年实际支出项目资金32.5万元，具体为：全民健身赛事项目23.5万元；社区健身器材维护项目9万元。",
    )
    assert read["全民健身赛事项目"] == (None, _wan("23.5"))
    assert read["社区健身器材维护项目"] == (None, _wan("9"))


def test_the_source_of_the_projects_money_is_its_budget() -> None:
    project = _only(
        "某街道2024年背街小巷整治项目绩效自评报告",
        "一、项目基本情况",
        "项目资金来源为区级财政专项资金88万元，全年实际支出80万元。",
    )
    assert project.budget.planned is not None and project.budget.planned.value == _wan("88")
    project = _only(
        "某乡2024年度村庄绿化项目绩效自评报告",
        "一、项目资金情况",
        "经费来源：县级财政衔接资金40万元。资金支出情况：全年共支出38万元。",
    )
    assert project.budget.planned is not None and project.budget.planned.value == _wan("40")


def test_a_source_label_over_several_sources_names_no_budget_by_the_first() -> None:
    project = _only(
        "某乡2024年度村庄绿化项目绩效自评报告",
        "一、项目资金情况",
        "资金来源为中央资金30万元、省级资金10万元。",
    )
    planned = project.budget.planned
    assert planned is None or planned.value != _wan("30")


def test_the_money_the_project_is_carried_out_with_is_its_budget() -> None:
    project = _only(
        "某县2023年农村道路提升项目绩效自评报告",
        "二、资金使用情况",
        "2023年使用巩固衔接补助资金150万元实施该项目，截至12月底已支付141万元。",
    )
    assert project.budget.planned is not None and project.budget.planned.value == _wan("150")
    assert project.budget.executed is not None and project.budget.executed.value == _wan("141")
    project = _only(
        "某县2022年茶园提质增效项目绩效自评报告",
        "一、项目资金情况",
        "县农业农村局整合涉农资金62万元用于实施本项目，年内实际拨付60万元。",
    )
    assert project.budget.planned is not None and project.budget.planned.value == _wan("62")
