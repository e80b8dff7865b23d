"""Reports republished on portal and mirror pages: the page's record line run into the title's paragraph above
the title (in simplified or traditional characters), a fund's name with its source in brackets inside it, and a
fund's own 整体绩效 (the whole of that fund's performance), which is no department's whole spending. Built
inputs, two wordings or layouts each, none a corpus document's own text."""

from __future__ import annotations

import pytest

from reportparse.model import Document, Line, Paragraph, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.subject import department_subject, stated_subject


def _joined(lines: list[str], first_line: int = 1) -> Paragraph:
    """One paragraph of several printed lines, as a dump whose single blank lines are no breaks joins them."""
    spans, at = [], 0
    for line in lines:
        spans.append((at, at + len(line)))
        at += len(line)
    return Paragraph(text="".join(lines), page=1, spans=spans,
                     lines=[Line(text=t, page=1, line=first_line + n) for n, t in enumerate(lines)])


def _plain(text: str, line: int) -> Paragraph:
    return Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=line)], spans=[(0, len(text))])


def _document(*paragraphs: Paragraph) -> Document:
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                    elements=list(paragraphs))


@pytest.mark.parametrize(("record", "title"), [
    ("发布日期：2023-04-11 09:20  来源：某县民政局  浏览次数：12", "某县2022年城乡低保补助资金绩效自评报告"),
    # (a traditional-script mirror: the record line and the title as it prints them)
    ("時間:2022-08-30 15:02 來源:某旗衛生健康委 錄入:admin", "某旗2021年基本公共衛生服務補助資金績效自評報告"),
    # (the page's furniture, with a mirror's pinyin glosses: a share button, its font and print links, a read count)
    ("分享到:", "某旗衛(wèi)生健康委2023年基本公共衛(wèi)生服務(wù)補(bǔ)助資金績(jì)效自評(píng)報(bào)告"),
    ("【字體:大 中 小】【打印】【關(guān)閉】", "某縣2023年農(nóng)村公路養(yǎng)護(hù)資金績效自評報(bào)告"),
    ("瀏覽次數(shù):125", "某县2022年城乡低保补助资金绩效自评报告"),
])
def test_a_page_record_line_above_the_title_is_no_part_of_it(record: str, title: str) -> None:
    body = [_plain("一、基本情况", 5), _plain("该资金共下达120万元，已全部拨付到位，完成率100%。", 6)]
    report = parse_narrative(_document(_plain("网站首页 | 信息公开", 1), _joined([record, title], 2), *body))
    assert report.title is not None and report.title.startswith("某") and report.title.endswith("报告")
    assert "来源" not in report.title and "來源" not in report.title
    assert len(report.projects) == 1


@pytest.mark.parametrize(("title", "name"), [
    ("中央转移支付2022年残疾人康复(中央专项彩票公益金)补助资金项目绩效自评报告",
     "残疾人康复(中央专项彩票公益金)补助资金项目"),
    ("某县2023年农村公路养护(车购税)专项资金绩效评价报告", "农村公路养护(车购税)专项资金"),
])
def test_a_source_in_brackets_inside_the_fund_s_name_stays_in_it(title: str, name: str) -> None:
    assert stated_subject([], title) == name


def test_the_fund_named_in_a_bracketed_title_is_the_subject_not_its_uses() -> None:
    report = parse_narrative(_document(
        _plain("某市2022年养老服务(福利彩票公益金)补助资金项目绩效自评报告", 1),
        _plain("一、项目基本情况", 2),
        _plain("资金分作三项:居家养老服务补贴3.5万元,敬老院设施维修12万元,老年助餐点运营4.2万元。", 3),
    ))
    assert [p.name for p in report.projects] == ["养老服务(福利彩票公益金)补助资金项目"]


@pytest.mark.parametrize("head", [
    ["某区水务局农村饮水安全补助资金2022年度绩效自评报告", "某区水务局农村饮水安全补助资金整体绩效自评得分为92分。"],
    ["2021年某县高标准农田建设项目绩效自评报告", "(二)高标准农田建设项目整体绩效目标完成情况",
     "该项目整体绩效自评结果为优。"],
])
def test_a_fund_s_own_whole_performance_is_no_department_subject(head: list[str]) -> None:
    assert department_subject(head, [], None) is None


@pytest.mark.parametrize("head", [
    ["某区水务局2022年度部门整体支出绩效自评报告"],
    ["某县档案馆2021年度整体绩效评价报告"],
])
def test_a_department_s_whole_spending_is_still_its_subject(head: list[str]) -> None:
    assert department_subject(head, [], None) is not None
