"""A unit's report on all its special spending ('X党校2023年度专项支出绩效评价报告', like '…项目支出…'), and a
fund's amount followed by the clause that it arrived in full ('…专项资金92.4万元，已全额拨付到位'): the amount is the
budget, received, not money spent; a clause that says it was paid out ('…，已全部支付完毕') spends it. Built inputs,
two wordings each."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Document, Line, Paragraph, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative


def _doc(*paragraphs: str) -> Document:
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n + 1)], spans=[(0, len(text))])
                for n, text in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _report(title: str, money: str):  # type: ignore[no-untyped-def]
    return parse_narrative(_doc(
        title, "一、项目基本概况", "本单位设办公室、教务科、后勤科3个内设机构，年末实有人员31人。",
        "二、绩效评价指标分析情况", "(一)项目资金情况分析", "1、项目资金到位情况分析", money,
        "2.项目资金管理情况", "本单位财务制度健全，专款专用。"))


@pytest.mark.parametrize(("title", "name"), [
    ("某县职业技术学校2022年度专项支出绩效评价报告", "某县职业技术学校2022年度专项支出"),
    ("某市图书馆2023年项目支出绩效自评报告", "某市图书馆2023年项目支出"),
])
@pytest.mark.parametrize("money", [
    "本年度专项资金36.5万元，已全额拨付到位。",
    "全年专项经费36.5万元,均已全部到位。",
])
def test_a_unit_s_special_spending_received_in_full_is_its_budget(title: str, name: str, money: str) -> None:
    report = _report(title, money)
    assert [p.name for p in report.projects] == [name]
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == Decimal("365000")
    assert budget.executed is None  # (到位: the money reached the unit; nothing says it was spent)


@pytest.mark.parametrize("money", [
    "本年度专项资金36.5万元，已全部支付完毕。",
    "全年专项经费36.5万元全额执行到位。",
])
def test_an_amount_said_to_be_paid_out_in_full_is_spent(money: str) -> None:
    report = _report("某县职业技术学校2022年度专项支出绩效评价报告", money)
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == Decimal("365000")
    assert budget.executed is not None and budget.executed.value == Decimal("365000")
