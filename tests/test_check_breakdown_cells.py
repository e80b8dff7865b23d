"""fund-sum-mismatch on a 其中 breakdown written in a form's 实际完成情况 cell: a cell ends without its full
stop (its parts can still prove an excess, never a shortfall), a DOCX or sheet holds it in a table cell, and a
total whose 万 was left out ('补助471.23元，其中…189.63万元、281.6万元') is set apart from its parts by exactly
ten thousand. Built inputs, made-up figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Cell, Document, Source, SourceFormat, Table
from tests._builders import project, report, run
from tests.test_check_budget import _paragraphs


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # a cell that stops without 。: parts beyond the total are wrong whatever may follow
        ("全年完成补助发放，共发放补助资金80万元，其中省级补助50万元，县级配套36.5万元", True),
        # parts short of the total in such a cell prove nothing (more may follow)
        ("全年完成补助发放，共发放补助资金100万元，其中省级补助50万元，县级配套36.5万元", False),
        # the total's 万 left out: the parts are exactly ten thousand times it
        ("完成村卫生室补助86.5元,其中中央补助50万元,地方补助36.5万元", True),
        ("年度完成培训补贴120.4元，其中中央资金80.2万元，地方资金40.2万元。", True),
        # parts larger than the total by no such factor are no breakdown of it
        ("下达补助30万元，其中甲镇50万元，乙镇20万元。", False),
    ],
)
def test_a_cell_breakdown(text: str, fires: bool) -> None:
    found = run(report(project("补助项目")), "fund-sum-mismatch", document=_paragraphs(text))
    assert bool(found) == fires


def _table_document(*cells: str) -> Document:
    rows = [[Cell(text="实际完成情况", row=r, col=0, page=1), Cell(text=t, row=r, col=1, page=1),
             Cell(text=t, row=r, col=2, page=1, merged=True)] for r, t in enumerate(cells)]
    table = Table(index=0, rows=rows, page=1, pages=[1])
    return Document(source=Source(path="t.docx", format=SourceFormat.DOCX, sha256="0", pages=1),
                    elements=[table])  # type: ignore[arg-type]


def test_a_breakdown_in_a_table_cell_is_read_once_with_its_cell() -> None:
    doc = _table_document("年度完成基层机构补助300万元;其中完成村卫生室补助47.1元,其中中央补助20万元,地方补助27.1万元")
    (finding,) = run(report(project("补助项目")), "fund-sum-mismatch", document=doc)
    assert finding.actual == Decimal("47.1") and finding.expected == Decimal("471000")
    assert (finding.evidence[0].table, finding.evidence[0].row, finding.evidence[0].col) == (0, 0, 1)


def test_a_table_cell_whose_breakdown_adds_up_is_left_alone() -> None:
    doc = _table_document("全年下达资金90万元，其中中央补助60万元，地方补助30万元。")
    assert run(report(project("补助项目")), "fund-sum-mismatch", document=doc) == []


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # 分别为/分别是 names every part in turn: the list is the whole, so parts short of the total miss money
        ("全年安排培训经费60万元，分别为：师资费25万元；场地租赁费20万元；教材印制费10万元。", True),
        ("本年度下拨奖补资金1200元，分别是甲村500元、乙村400元。", True),
        # and parts beyond it are wrong as under 其中
        ("共安排维修资金32万元，分别是教学楼维修20万元、围墙维修15万元。", True),
        # a list that adds up
        ("全年安排培训经费60万元，分别为：师资费25万元；场地租赁费25万元；教材印制费10万元。", False),
        # a list the text cuts off (no full stop): a shortfall proves nothing, more may follow
        ("全年安排培训经费60万元，分别为师资费25万元，场地租赁费20万元，教", False),
        # 分别 after two figures of different things, no total right before it: no breakdown
        ("年初预算数与调整后预算数分别为50万元、55万元。", False),
    ],
)
def test_a_list_that_names_each_part(text: str, fires: bool) -> None:
    found = run(report(project("培训项目")), "fund-sum-mismatch", document=_paragraphs(text))
    assert bool(found) == fires
