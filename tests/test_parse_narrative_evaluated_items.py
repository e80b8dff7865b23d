"""A department's notice of its projects' self-evaluations: each project an item of the results section
('(二)X经费绩效自评综述：项目年预算批复金额900万元，实际执行资金总额977万元…'), each followed by its attached
form ('附件2：《X项目绩效自评表》.docx'), the department's own form attached too."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Document, Line, Paragraph, Report, Source, SourceFormat
from reportparse.parse.amounts import money_kind
from reportparse.parse.narrative import parse_narrative


def _report(*paragraphs: str) -> Report:
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n + 1)], spans=[(0, len(text))])
                for n, text in enumerate(paragraphs)]
    return parse_narrative(Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                                    elements=elements))


def _money(report: Report) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


@pytest.mark.parametrize(("first", "second"), [
    ("（一）城乡义务教育保障经费绩效自评综述：项目全年预算数300万元，执行数280万元，资金执行率93.33%。",
     "（二）农村学校营养改善补助绩效自评情况：项目年预算批复金额120万元，实际执行资金总额120万元，资金执行率100%。"),
    ("1.城乡义务教育保障经费绩效评价结果：全年预算数300万元，执行数280万元。",
     "2.农村学校营养改善补助自评结果：年初预算批复120万元，全年执行总额120万元。"),
])
def test_items_of_the_results_section_that_open_with_their_project_s_evaluation(first: str, second: str) -> None:
    report = _report(
        "某县教育局2023年度项目支出绩效自评开展情况",
        "一、预算绩效管理工作开展情况",
        "本单位对2023年度全部项目支出开展了绩效自评，共涉及项目2个，资金420万元。",
        "附件1：《2023年度某县教育局部门整体绩效自评表》.docx",
        "二、部门决算中项目绩效自评结果",
        first,
        "附件2：《2023年度“城乡义务教育保障经费”项目绩效自评表》.docx",
        second,
        "附件3：《2023年度“农村学校营养改善补助”项目绩效自评表》.pdf",
    )
    money = _money(report)
    assert sorted(money.values()) == [(Decimal(1200000), Decimal(1200000)), (Decimal(3000000), Decimal(2800000))]
    # (the department's own form is attached beside its projects': the report gives it no money)
    assert not [name for name in money if "部门整体" in name]


def test_the_total_of_what_was_spent_is_spending() -> None:
    assert money_kind("实际执行资金总额") == "executed"
    assert money_kind("全年执行总数") == "executed"
    assert money_kind("项目支出资金总额") == "executed"
    assert money_kind("年度资金总额") == "planned"  # (a form's 年度资金总额 is the budget)
