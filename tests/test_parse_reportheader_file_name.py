"""A document-sharing page heads a report's text with the uploaded file's name ('X报告.docx'); the document's own
title may open the text below it, run into its first part or its cover fields. The title is the document's own,
the unit read from it; a file name alone is a title without its extension. A portal's page title between its
navigation line and its date line, joined into one paragraph, is the title too. Built inputs, two layouts each."""

from __future__ import annotations

import pytest

from reportparse.model import Document, Line, Paragraph, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative


def _doc(*paragraphs: str) -> Document:
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n + 1)], spans=[(0, len(text))])
                for n, text in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


_BODY = ("一、部门(单位)基本情况。本中心核定编制12人，主要负责全县城区供水设施的巡查和维护。"
         "二、部门整体支出情况。2021年部门预算总金额310.5万元，其中基本支出280.5万元，项目支出30万元，"
         "完成率100%，整体绩效自评为优秀。")


@pytest.mark.parametrize(("file_name", "opening"), [
    ("供水2021年整体绩效自评报告.docx", "某县城区供水管理中心 2021 年部门整体支出绩效自评报告 " + _BODY),
    ("整体支出自评.pdf", "1、某县城区供水管理中心2021年度部门整体支出绩效自评报告单位名称:某县城区供水管理中心"
                      "2022年3月1日" + _BODY),
])
def test_the_document_s_own_title_under_a_file_name_names_the_unit(file_name: str, opening: str) -> None:
    report = parse_narrative(_doc(file_name, opening))
    assert report.title is not None and report.title.startswith("某县城区供水管理中心")
    assert report.title.endswith("绩效自评报告")
    assert report.unit == "某县城区供水管理中心"
    assert [p.name for p in report.projects] == ["某县城区供水管理中心部门整体支出"]
    assert report.projects[0].budget.planned is not None


def test_a_file_name_with_no_title_below_is_the_title_without_its_extension() -> None:
    report = parse_narrative(_doc("某县水利局2021年度部门整体支出绩效自评报告.doc", _BODY))
    assert report.title == "某县水利局2021年度部门整体支出绩效自评报告"
    assert report.unit == "某县水利局"


@pytest.mark.parametrize("title", ["某县总工会2022年绩效自评附表:附件1—附件2", "某县档案馆2021年度部门整体绩效评价表"])
def test_a_page_title_between_its_navigation_and_its_date_line(title: str) -> None:
    # (a dump whose single blank lines are no paragraph breaks joins the page's lines into one paragraph)
    text = f"当前位置: 首页 > 工作动态 > 财务资产部\n{title}\n发布时间 : 2023-03-17"
    lines = text.split("\n")
    spans, at = [], 0
    for line in lines:
        spans.append((at, at + len(line)))
        at += len(line)
    para = Paragraph(text="".join(lines), page=1, lines=[Line(text=t, page=1, line=n + 1) for n, t in enumerate(lines)],
                     spans=spans)
    body = Paragraph(text=_BODY, page=1, lines=[Line(text=_BODY, page=1, line=4)], spans=[(0, len(_BODY))])
    document = Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                        elements=[para, body])
    report = parse_narrative(document)
    assert report.title == title
    assert report.unit == title[:title.index("20")]
