"""Which one project a single-project report is about, and what it is called.

Built inputs of the causes a sweep of public pages showed: a title hidden by a web page's chrome (its
navigation line run into the title's paragraph, a record field's '自评报告'), the opening's verb kept
before a department's body, a cited framework read as the subject, a fund's years cut to the last
one, a page whose subject is named only by repetition, and a body and year run into a fund's name.
"""

from __future__ import annotations

import pytest

from reportparse.model import Document, Line, Paragraph, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.openingsubject import repeated_fund
from reportparse.parse.subject import department_subject, stated_subject


def _doc(*paragraphs: str | tuple[str, ...]) -> Document:
    """A text document; a tuple is one paragraph of several lines (a reader joined them)."""
    elements = []
    line_no = 0
    for item in paragraphs:
        lines = list(item) if isinstance(item, tuple) else [item]
        text = "".join(lines)
        line_objs = []
        for line in lines:
            line_no += 1
            line_objs.append(Line(text=line, page=1, line=line_no))
        elements.append(Paragraph(text=text, page=1, lines=line_objs, spans=[(0, len(text))]))
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _names(document: Document) -> list[str]:
    return [p.name for p in parse_narrative(document).projects]


# --- a title hidden by the page's chrome -------------------------------------------------------------------

@pytest.mark.parametrize("navigation", [
    "您现在位置: 首页 > 专题专栏 > 民生工程",
    "当前页面:首页 >>信息公开>>财政资金 >>绩效管理",
])
def test_a_navigation_line_run_into_the_title_paragraph_is_not_the_title(navigation: str) -> None:
    title = "某县2021年农村饮水工程维修养护资金绩效自评报告"
    report = parse_narrative(_doc(
        (navigation, title, "发布时间:2022-02-11 11:23 来源:某县水利局"),
        "一、概述",
        "本项目总投资61.8万元，全部到位，用于169处农村饮水工程维修养护。",
    ))
    assert report.title == title
    assert report.year == 2021


@pytest.mark.parametrize("fields", [
    ("• 索引号", "• 79518791-2-/2022-0713004", "• 公开目录", "• 自评报告", "• 发布日期", "• 2022-07-13"),
    ("公开目录", "绩效评价报告", "发布机构", "某市文化和旅游局"),
])
def test_a_record_field_naming_only_the_genre_is_not_the_title(fields: tuple[str, ...]) -> None:
    title = "某市文化和旅游局关于2021年度中央支持地方公共文化项目资金绩效自评报告"
    report = parse_narrative(_doc(
        *fields, title,
        "根据通知要求，我局认真梳理资金支出情况并作出项目绩效分析评价，现将评价情况报告如下：",
        "一、绩效目标分解下达情况",
        "2021年省财政厅下达我市专项资金1883.00万元。",
    ))
    assert report.title == title
    assert _names(_doc(*fields, title, "一、绩效目标分解下达情况", "2021年省财政厅下达我市专项资金1883.00万元。")) == [
        "中央支持地方公共文化项目资金"]


def test_report_words_below_a_dated_line_still_join_it_as_a_two_line_title() -> None:
    report = parse_narrative(_doc("某县水利局2022年小型水库维修项目", "绩效自评报告", "一、项目基本情况",
                                  "项目预算50万元，执行50万元。"))
    assert report.title == "某县水利局2022年小型水库维修项目绩效自评报告"


# --- department-wide subjects -------------------------------------------------------------------------------

@pytest.mark.parametrize("opening, body", [
    ("现将2024年度徐闻县前山镇人民政府整体支出绩效自评情况报告如下：", "徐闻县前山镇人民政府"),
    ("现就2023年某县统计局部门整体支出绩效自评情况报告如下：", "某县统计局"),
])
def test_the_openings_verb_is_no_part_of_the_department(opening: str, body: str) -> None:
    assert department_subject(["前山镇部门整体支出绩效自评报告", opening], [], None) == f"{body}部门整体支出"


@pytest.mark.parametrize("cited", [
    "根据2020年部门整体支出项目绩效评价指标体系,某县扶贫开发局整体绩效自评分95分。",
    "按照2021年部门整体支出绩效评价指标体系打分,某县民政局整体绩效自评得分92分。",
])
def test_a_cited_framework_is_not_the_department_subject(cited: str) -> None:
    subject = department_subject([cited], [], None)
    assert subject is not None and subject.startswith("某县") and subject.endswith("部门整体支出")
    assert stated_subject([cited], None) is None


# --- stated funds -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("opening, name", [
    ("受县财政局委托，我所对某县2020-2022年度高标准农田建设专项资金开展绩效评价工作，报告如下：",
     "某县2020-2022年度高标准农田建设专项资金"),
    ("现将2021至2023年度农村公路养护资金的绩效自评情况报告如下：", "2021至2023年度农村公路养护资金"),
])
def test_a_fund_running_several_years_keeps_them_all(opening: str, name: str) -> None:
    assert stated_subject([opening], None) == name


@pytest.mark.parametrize("opening, title, name", [
    ("受委托，我所对隆回县七江镇人民政府2021年乡村振兴专项资金项目进行绩效评价，报告如下：",
     "2021年度隆回县七江镇乡村振兴专项资金绩效评价报告", "隆回县七江镇乡村振兴专项资金"),
    ("现将某县水务局2022年农村饮水安全补助资金的绩效自评情况报告如下：",
     "某县2022年度农村饮水安全补助资金绩效自评报告", "农村饮水安全补助资金"),
])
def test_a_body_and_year_run_into_the_fund_yield_to_the_titles_name(opening: str, title: str, name: str) -> None:
    assert stated_subject([opening], title) == name


def test_a_body_and_year_before_a_fund_the_title_does_not_name_are_kept() -> None:
    opening = "现将2022年西平县交通运输局财政衔接推进乡村振兴资金项目绩效自评总结报告如下："
    assert stated_subject([opening], None) == "2022年西平县交通运输局财政衔接推进乡村振兴资金项目"


# --- a subject named only by repetition ---------------------------------------------------------------------

@pytest.mark.parametrize("paragraphs, name", [
    (["项目的绩效自评报告篇一",
      "根据自治区财政厅通知下达了20xx年中央专项扶持壮大村集体经济资金,我乡某村获得20xx年中央专项扶持壮大村集体经济资金50万元。",
      "20xx年12月26日财政局拨付某村20xx年中央专项扶持壮大村集体经济资金50万元。"],
     "中央专项扶持壮大村集体经济资金"),
    (["2021年度专项资金绩效自评报告(某市农村经济经营服务站)",
      "一、专项资金基本情况 维护农民权益与农民负担监督管理工作经费项目支出,主要用于社会化服务。",
      "(二)绩效目标下达情况。 维护农民权益与农民负担监督管理工作经费专项资金总投入10万元。"],
     "维护农民权益与农民负担监督管理工作经费"),
])
def test_an_unnamed_report_is_about_the_fund_its_opening_keeps_naming(paragraphs: list[str], name: str) -> None:
    assert repeated_fund(paragraphs) == name
    assert _names(_doc(*paragraphs, "二、绩效自评工作开展情况", "项目资金执行率100%，自评得分95分。")) == [name]


@pytest.mark.parametrize("paragraphs", [
    ["实际利用的资金共计27652.4万元，比计划安排资金超出9%；自筹资金支出29605.6万元，比计划安排资金超出3.3%。"],
    ["项目按计划拨付资金，年初预算安排资金100万元，全年预算安排资金120万元。"],
])
def test_a_repeated_clause_about_money_names_nothing(paragraphs: list[str]) -> None:
    assert repeated_fund(paragraphs) is None


# --- a sample collection's title ------------------------------------------------------------------------------

@pytest.mark.parametrize("heading, opening, name", [
    ("学校工程项目绩效自评报告(精选6篇)1",
     "为推进20xx年某县学校建设项目建设，强化财政资金绩效管理，对20xx年某县学校建设项目开展绩效评价工作。",
     "某县学校建设项目"),
    ("农村饮水安全项目绩效自评报告 篇1",
     "根据通知要求，我局对20xx年度某县农村饮水工程维修养护资金的使用情况进行了绩效自评。现将有关情况报告如下:",
     "某县农村饮水工程维修养护资金"),
])
def test_a_sample_collections_title_is_no_name_beside_the_openings_subject(heading: str, opening: str,
                                                                           name: str) -> None:
    body = "项目计划安排资金7747.00万元，已全部支付。"
    assert _names(_doc(heading, opening, "一、项目概况", body)) == [name]


# --- a subject named only in the opening's purpose, or on a 专项名称 line -------------------------------------

@pytest.mark.parametrize("opening, name", [
    ("为加强农村饮水安全工程维修养护资金管理，提高资金使用效益，根据县财政局要求，我局对该资金开展了绩效自评，"
     "现将有关情况报告如下：", "农村饮水安全工程维修养护资金"),
    ("为规范2023年度耕地地力保护补贴资金管理，现将自评情况报告如下：", "2023年度耕地地力保护补贴资金"),
])
def test_a_fund_named_in_the_openings_purpose_is_the_subject(opening: str, name: str) -> None:
    report = parse_narrative(_doc(opening, "一、项目基本情况", "资金预算61.8万元，执行61.8万元，执行率100%。"))
    assert [p.name for p in report.projects] == [name]
    assert report.title is None  # (the announcing sentence is no title)


def test_a_purpose_clause_yields_to_the_openings_statement() -> None:
    opening = ("为做好2022年农村公路建设项目绩效管理工作，现将2022年某县交通运输局村道安全生命防护工程项目"
               "绩效自评情况报告如下：")
    assert stated_subject([opening], None) == "2022年某县交通运输局村道安全生命防护工程项目"


@pytest.mark.parametrize("line, name", [
    ("专项名称：2022年中央财政林业改革发展资金", "2022年中央财政林业改革发展资金"),
    ("专项资金名称:某市非物质文化遗产保护专项资金", "某市非物质文化遗产保护专项资金"),
])
def test_a_special_funds_name_line_names_the_subject(line: str, name: str) -> None:
    assert _names(_doc(line, "一、项目概况", "资金预算80万元，已全部拨付。")) == [name]


# --- a title naming its fund with a bracketed qualifier, or with 的 before the report words ----------------------

@pytest.mark.parametrize("title, name", [
    ("某县水利局2021年度水利发展资金（农村饮水安全巩固提升）绩效自评报告", "水利发展资金（农村饮水安全巩固提升）"),
    ("某县2023年度中央财政衔接推进乡村振兴补助资金（第一批）项目绩效自评报告",
     "中央财政衔接推进乡村振兴补助资金（第一批）项目"),
    ("某县教育局关于2022年学前教育发展资金的绩效自评报告", "学前教育发展资金"),
    ("某县民政局关于2023年度困难群众救助补助资金的绩效评价报告", "困难群众救助补助资金"),
])
def test_a_titles_fund_keeps_its_qualifier_and_drops_the_linking_de(title: str, name: str) -> None:
    assert _names(_doc(title, "一、项目基本情况", "资金预算120万元，执行118万元，执行率98.3%。")) == [name]


def test_a_cited_frameworks_name_is_no_title_for_the_fallback() -> None:
    cited = "根据2020年部门整体支出项目绩效评价指标体系,某县扶贫开发局整体绩效自评分95分。"
    assert _names(_doc(cited, "(三)存在问题。", "绩效目标编制不够完善。")) == ["某县扶贫开发局部门整体支出"]
