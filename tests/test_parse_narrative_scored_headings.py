"""Evaluations written along their scoring sheet, each heading claiming its own weight and score in a bracket
('一、投入(分值18分,自评得18分)' / '(一)项目立项(分值10分,自评得10分)'): every heading's claim is a score line
under its parent's, and parts that add up to more than their heading are flagged. Built inputs, two wordings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.model import Document, Line, Paragraph, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.sections import heading_level
from reportparse.pipeline import check


def _doc(*paragraphs: str) -> Document:
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n + 1)], spans=[(0, len(text))])
                for n, text in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


#: (first rank, second rank) bracket wordings met on public pages
_WORDINGS = [
    ("(分值{w}分,自评得{s}分)", "(分值{w}分,自评得{s}分)"),
    ("（{w}分，得分{s}分）", "（权重{w}分；自评得分{s}分）"),
]


def _sheet(first: str, second: str, *, parts: tuple[int, int]) -> list[str]:
    return [
        "某县2021年农村危房改造民生工程绩效自评报告",
        "按照全市民生工程绩效评价得分表，我们对本县农村危房改造民生工程逐项开展了自评，自评得分96分，报告如下：",
        "一、投入" + first.format(w=20, s=20),
        "(一)项目立项" + second.format(w=parts[0], s=parts[0]),
        "实施方案经县政府常务会研究印发，申报、审核、公示程序完整。",
        "(二)资金落实" + second.format(w=parts[1], s=parts[1]),
        "全年下达补助资金320万元，资金到位率100%。",
        "二、过程" + first.format(w=30, s=29),
        "(一)项目管理" + second.format(w=18, s=17),
        "建立了危房改造台账，逐户验收。",
        "(二)财务管理" + second.format(w=12, s=12),
        "资金实行专账核算，专款专用。",
    ]


@pytest.mark.parametrize(("first", "second"), _WORDINGS)
def test_each_heading_claims_its_own_line_under_its_parent(first: str, second: str) -> None:
    report = parse_narrative(_doc(*_sheet(first, second, parts=(12, 8))))
    lines = {line.level: (line.weight, line.score) for line in report.projects[0].scores}
    assert lines["投入"] == (20, 20)
    assert lines["投入/项目立项"] == (12, 12)
    assert lines["投入/资金落实"] == (8, 8)
    assert lines["过程"] == (30, 29)
    # 项目管理 is a first level of some frameworks, but under 过程 it is that level's item
    assert lines["过程/项目管理"] == (18, 17)
    assert "项目管理" not in lines


@pytest.mark.parametrize(("first", "second"), _WORDINGS)
def test_parts_above_their_heading_are_flagged_and_parts_that_add_up_are_not(
        first: str, second: str, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("\n\n".join(_sheet(first, second, parts=(12, 10))), encoding="utf-8")
    codes = {(f.code, f.indicator) for f in check(wrong).findings}
    assert ("weight-sum-mismatch", "投入") in codes
    assert ("score-sum-mismatch", "投入") in codes
    right = tmp_path / "right.txt"
    right.write_text("\n\n".join(_sheet(first, second, parts=(12, 8))), encoding="utf-8")
    assert not {f.code for f in check(right).findings} & {"weight-sum-mismatch", "score-sum-mismatch"}


def test_a_bracket_closing_a_numbered_line_does_not_make_it_a_sentence() -> None:
    def level(text: str) -> int:
        return heading_level(Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=1)]))

    assert level("(一)项目立项(分值10分,自评得10分)") == 2
    assert level("二、过程（32分，得分30分）") == 1
    # a numbered sentence whose comma is outside any bracket stays a sentence
    assert level("1.预算执行情况：分值10分，得分9.8分。") == 0
    assert level("(二)资金落实(10分),资金到位及时") == 0


@pytest.mark.parametrize("claim", ["。分值{w}分,自评{s}分。", "：权重{w}分，自评得分{s}分；"])
def test_items_that_open_with_their_weight_and_score_and_run_on_into_their_account(claim: str) -> None:
    # ('(一)项目立项。分值10分,自评10分。项目是…': the sheet walked item by item, each account after its claim)
    report = parse_narrative(_doc(
        "某区2020年度困难残疾人生活补贴民生工程绩效自评报告",
        "一、项目投入情况" + claim.format(w=20, s=20),
        "(一)项目立项" + claim.format(w=12, s=12) + "项目符合国家法律法规和党委政府决策，绩效目标明确。",
        "(二)资金落实" + claim.format(w=8, s=8) + "补贴资金全额列入预算，资金到位率100%。",
        "二、项目过程情况" + claim.format(w=30, s=28),
        "(一)项目管理" + claim.format(w=20, s=18),
        "1、管理制度健全性" + claim.format(w=5, s=5) + "印发了实施办法，制度健全。",
        "2、制度执行有效性" + claim.format(w=5, s=4) + "个别乡镇审核台账不全。",
    ))
    lines = {line.level: (line.weight, line.score) for line in report.projects[0].scores}
    assert lines["投入"] == (20, 20)
    assert lines["投入/项目立项"] == (12, 12)
    assert lines["投入/资金落实"] == (8, 8)
    assert lines["过程"] == (30, 28)
    assert lines["过程/项目管理"] == (20, 18)
    assert lines["过程/项目管理/管理制度健全性"] == (5, 5)
    assert lines["过程/项目管理/制度执行有效性"] == (5, 4)


def test_a_sentence_that_states_a_weight_and_a_score_mid_paragraph_is_no_item() -> None:
    report = parse_narrative(_doc(
        "某区2020年度困难残疾人生活补贴民生工程绩效自评报告",
        "一、投入(分值20分,自评得20分)",
        "本项目资金落实较好，按评分表资金落实分值10分，自评10分。",
    ))
    lines = {line.level for line in report.projects[0].scores}
    assert not any(level.startswith("投入/") for level in lines)
