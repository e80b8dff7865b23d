"""Project names and made-up projects in published pages of other shapes (a sweep of 40 public pages).

Built inputs, not any page's text: a title 'about' a transfer payment whose 的 follows 绩效, a title whose name a
space parts from its kind of evaluation, a portal's bar of site controls run into the title's paragraph, a
template site's dateline and its count of samples after the title, a name run across a question mark, a table
of contents whose entries carry their page numbers, two levels of money joined by 和/及, and a title that names
its one fund with no year.
"""

from __future__ import annotations

import pytest

from reportparse.model import Document, Line, Paragraph, Report
from reportparse.parse.names import is_fund_source, valid_candidate
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.subject import stated_subject, untitled_name
from tests.test_parse_narrative import _doc


def _names(report: Report) -> list[str]:
    return [p.name for p in report.projects]


@pytest.mark.parametrize(("title", "name"), [
    ("某县司法局关于2022年度政法转移支付资金绩效的自评报告", "政法转移支付资金"),
    ("关于2023年度某区残疾人两项补贴资金绩效的评价报告", "某区残疾人两项补贴资金"),
    ("某市住房和城乡建设局2024年城市燃气管道更新改造项目 重点绩效评价报告", "城市燃气管道更新改造项目"),
    ("2021年度某镇农村人居环境整治项目  绩效自评报告", "某镇农村人居环境整治项目"),
])
def test_the_title_names_the_subject(title: str, name: str) -> None:
    assert stated_subject([], title) == name


def test_a_title_left_unread_loses_its_report_words_with_the_de() -> None:
    assert untitled_name("关于2022年度某项目资金的绩效的自评报告") == "某项目资金"


@pytest.mark.parametrize(("title", "name"), [
    ("关于2021年度中央政法转移支付资金绩效的自评报告", "中央政法转移支付资金"),
    ("某省2022年度对下一般性转移支付绩效评价报告", "对下一般性转移支付"),
])
def test_a_title_naming_a_transfer_payment_names_the_fund(title: str, name: str) -> None:
    assert untitled_name(title) == name


@pytest.mark.parametrize("fragment", [
    "全年支付资金",                                  # a payment of money stays a clause
    "年底前已拨付的资金",
    "真是头疼?下面整理的养老服务项目",               # a question ends a sentence
    "值得一看!以下为某某工程",
    "中央和省级补助",                                # two levels of money joined: a source
    "省及市级配套资金",
    "中央与地方财政资金",
])
def test_no_project_name(fragment: str) -> None:
    assert not valid_candidate(fragment)


def test_joined_levels_are_a_source_of_money() -> None:
    assert is_fund_source("中央和省级补助")
    assert is_fund_source("省及县级配套资金")
    assert not is_fund_source("农村饮水安全巩固提升资金")


def _joined(*lines: str) -> Paragraph:
    """One paragraph a reader joined from several page lines (a portal's bar, a title, a dateline)."""
    text = "".join(lines)
    return Paragraph(text=text, page=1, lines=[Line(text=t, page=1, line=i + 1) for i, t in enumerate(lines)],
                     spans=[(0, len(text))])


def test_a_portal_bar_run_into_the_title_paragraph_is_left_out() -> None:
    body = _doc(
        "一、绩效目标分解下达情况",
        "2023年度,上级下达某某困难群众救助补助资金1200万元,全年执行1150万元,执行率95.83%。",
    )
    head = _joined("关怀版 无障碍浏览 注册 登录 切换背景", "某省困难群众救助补助资金转移支付2023年度绩效自评报告",
                   "• 发布时间:2024-05-10 09:00:00")
    report = parse_narrative(Document(source=body.source, elements=[head, *body.elements]))
    assert report.title == "某省困难群众救助补助资金转移支付2023年度绩效自评报告"
    assert _names(report) == ["某省困难群众救助补助资金转移支付"]


@pytest.mark.parametrize("suffix", ["(通用5篇)", "范文(精选3篇)", " 篇2"])
def test_a_template_sites_dateline_and_count_leave_the_undated_fund_as_subject(suffix: str) -> None:
    report = parse_narrative(_doc(
        "时间:2023-03-08 10:21:45 报告 我要投稿",
        f"耕地地力保护补贴支出绩效自评报告{suffix}",
        "一、绩效目标分解下达情况",
        "某农场2022年度耕地地力保护补贴预算:上级补贴资金80万元。",
        "某农场耕地地力保护补贴2022年度预算:农场本级补贴资金80万元。",
        "二、绩效目标完成情况分析",
        "某农场2022年度耕地地力保护补贴资金预算数80万元,全部发放到户。",
    ))
    assert report.title is not None and report.title.startswith("耕地地力保护补贴支出绩效自评报告")
    assert _names(report) == ["耕地地力保护补贴"]
    assert report.projects[0].budget.planned is not None
    assert report.projects[0].budget.planned.value == 800000


@pytest.mark.parametrize("layout", ["number below", "leader dots"])
def test_a_table_of_contents_names_no_project(layout: str) -> None:
    entries = ["(一)评估的目的和关注点", "(二)指标体系设计的思路", "(三)资料采集的方法"]
    if layout == "number below":
        contents = [line for i, entry in enumerate(entries) for line in (entry, str(20 + 3 * i))]
    else:
        contents = [f"{entry}……{20 + 3 * i}" for i, entry in enumerate(entries)]
    report = parse_narrative(_doc(
        "2019年某区老年人助餐服务经费项目绩效评价报告",
        "目录",
        "三、评价结论和绩效分析",
        *contents,
        "四、存在的问题",
        "一、项目概况 老年人助餐服务是养老服务的重要组成部分,2019年预算安排86万元。",
    ))
    assert not any("目的" in n or "思路" in n or "方法" in n for n in _names(report))


@pytest.mark.parametrize("opening", [
    ["本部门年度项目共12个,其中重点民生实事项目3个,涉及资金80万元。",
     "全部项目均完成自评,其中重点民生实事项目绩效自评等级均为优。"],
    ["对下转移支付项目合计2个,资金45万元。",
     "各对下转移支付项目均按期拨付。", "对下转移支付项目的自评结果见附表。"],
])
def test_a_kind_of_project_the_text_counts_is_no_subject(opening: list[str]) -> None:
    from reportparse.parse.openingsubject import repeated_fund
    assert repeated_fund(opening) is None


@pytest.mark.parametrize(("items", "expected"), [
    (["(1)河道保洁服务经费", "(2)水质监测设备运维经费"], ["河道保洁服务经费", "水质监测设备运维经费"]),
    (["①乡村医生培训项目", "②家庭医生签约服务项目", "③巡回医疗补助资金"],
     ["乡村医生培训项目", "家庭医生签约服务项目", "巡回医疗补助资金"]),
])
def test_sibling_subheadings_each_naming_a_fund_are_projects(items: list[str], expected: list[str]) -> None:
    paras: list[str] = [
        "某县某中心2024年度项目支出绩效单位自评报告",
        "一、基本情况",
        "(一)项目概况",
        f"某县某中心2024年实施项目共{len(items)}个,项目预算资金120万元。",
        "1.项目立项背景",
    ]
    for item in items:
        paras += [item, "根据有关文件规定,为保障该项工作正常开展,特申请实施此项目。"]
    names = _names(parse_narrative(_doc(*paras)))
    for name in expected:
        assert any(n == name or n == name + "项目" for n in names), names


def test_subheadings_of_other_kinds_are_no_projects() -> None:
    names = _names(parse_narrative(_doc(
        "2024年度某县林草防火经费绩效自评报告",
        "一、基本情况",
        "1.项目资金情况",
        "(1)资金到位情况",
        "年初预算安排某县林草防火经费60万元,全部到位。",
        "(2)资金使用情况",
        "全年支出58万元,执行率96.67%。",
    )))
    assert not any("情况" in n for n in names)


@pytest.mark.parametrize("item", [
    "(3)其他社会保障和就业支出8600.00元,用于公益性岗位人员补助。",
    "3.专用设备购置支出为2.5万元,用于更换消防器材。",
])
def test_a_numbered_spending_line_is_not_the_departments_spending(item: str) -> None:
    report = parse_narrative(_doc(
        "某县文化馆2023年部门整体支出绩效自评报告",
        "一、部门基本情况",
        "(一)部门整体收支情况",
        "2、项目支出",
        item,
        "(四)部门预算管理制度建设情况",
        "加强预算管理,提高资金使用效率。",
    ))
    assert len(report.projects) == 1
    assert report.projects[0].budget.executed is None


@pytest.mark.parametrize("items", [
    ["1、乡村教师生活补助经费", "2、校舍维修改造经费", "3、学生意外伤害保险经费"],
    ["(1)农机具购置补贴资金", "(2)农机作业补助资金"],
])
def test_a_list_of_a_funds_uses_a_line_each_is_no_projects(items: list[str]) -> None:
    names = _names(parse_narrative(_doc(
        "某县2022年度农业发展专项资金绩效自评报告",
        "一、项目基本情况",
        "(一)项目概况",
        "农业发展专项主要包括以下内容:",
        *items,
        "(二)项目绩效目标",
        "保障各项资金及时足额发放,2022年度专项资金共安排860万元。",
    )))
    assert not any(item.split("、")[-1].split(")")[-1] in names for item in items), names


@pytest.mark.parametrize(("opening", "fund"), [
    (["农村项目绩效自评报告",
      "一、绩效目标分解下达情况",
      "(一)中央财政衔接推进乡村振兴补助资金下达预算情况",
      "2022年我乡获得中央财政衔接推进乡村振兴补助资金共320万元。",
      "(二)中央财政衔接推进乡村振兴补助资金绩效目标设定情况"],
     "中央财政衔接推进乡村振兴补助资金"),
    (["项目的绩效自评报告篇一",
      "为规范省级财政专项扶贫资金管理,现将自评情况报告如下:",
      "一、省级财政专项扶贫资金到位情况",
      "2021年上级安排我镇省级财政专项扶贫资金86万元,已全部拨付。"],
     "省级财政专项扶贫资金"),
])
def test_a_fund_of_source_words_the_opening_repeats_names_the_report(opening: list[str], fund: str) -> None:
    report = parse_narrative(_doc(*opening))
    assert _names(report) == [fund]
    assert report.projects[0].budget.planned is not None


@pytest.mark.parametrize("items", [
    "1.综合实验楼工程共4层,建筑面积3200平方米,计划总投资960万元;2.学生食堂共2层,建筑面积1500平方米,计划总投资410万元。",
    "(1)污水管网工程,铺设管道6公里,总投资300万元;(2)提升泵站,新建泵站1座,总投资85万元。",
])
def test_a_numbered_list_of_the_works_parts_is_no_budget_of_the_project(items: str) -> None:
    report = parse_narrative(_doc(
        "2020年度某县城东片区基础设施建设项目绩效自评报告",
        "一、项目基本情况",
        "(一)项目建设内容",
        items,
    ))
    assert len(report.projects) == 1
    assert report.projects[0].budget.planned is None


def test_a_numbered_topic_of_the_project_keeps_its_money() -> None:
    report = parse_narrative(_doc(
        "2020年度某县城东片区基础设施建设项目绩效自评报告",
        "一、项目资金情况",
        "1.项目资金安排,年初预算安排资金380万元;2.项目资金使用,全年支出372万元。",
    ))
    assert report.projects[0].budget.planned is not None
    assert report.projects[0].budget.planned.value == 3800000


@pytest.mark.parametrize(("title", "name"), [
    ("2021年度某省农村厕所革命奖补资金全周期跟踪问效报告", "某省农村厕所革命奖补资金"),
    ("某市2022年城市公园提升改造项目跟踪问效报告", "城市公园提升改造项目"),
])
def test_a_follow_up_report_under_a_provinces_own_name_is_an_evaluation(title: str, name: str) -> None:
    report = parse_narrative(_doc(
        title,
        "一、项目基本情况",
        "(一)项目内容和预算支出情况",
        "本年度项目预算总额1200万元,截至年底支出960万元,预算执行率为80%。",
    ))
    assert _names(report) == [name]
    assert report.projects[0].budget.planned is not None
    assert report.projects[0].budget.planned.value == 12000000


@pytest.mark.parametrize(("title", "name"), [
    ("某区文旅局关于乡镇综合文化站免费开放补助资金到位使用情况的自查报告", "乡镇综合文化站免费开放补助资金"),
    ("关于农村义务教育学生营养改善计划专项资金使用情况的自查报告", "农村义务教育学生营养改善计划专项资金"),
])
def test_a_self_inspection_report_about_a_fund_names_it(title: str, name: str) -> None:
    assert stated_subject([], title) == name


def test_a_sharing_sites_record_run_into_the_title_is_left_out() -> None:
    body = _doc("一、基本情况", "我区每年免费开放补助资金标准为每馆20万元,由区财政直接拨付。")
    head = _joined("关于某区美术馆免费开放专项资金到位使用情况的自查报告", "认证主体:某某网络科技有限公司",
                   "IP属地:某省")
    report = parse_narrative(Document(source=body.source, elements=[head, *body.elements]))
    assert report.title == "关于某区美术馆免费开放专项资金到位使用情况的自查报告"
    assert _names(report) == ["某区美术馆免费开放专项资金"]


@pytest.mark.parametrize(("title", "sentence", "value"), [
    ("卫生应急专项资金绩效自评报告 篇3", "2021年卫生应急专项经费260万元,保障了全县突发公共卫生事件的处置。", 2600000),
    ("某县2023年度河长制工作经费绩效自评报告", "河长制工作经费45.5万元,主要用于巡河、保洁和宣传。", 455000),
])
def test_the_projects_own_name_before_an_amount_states_its_budget(title: str, sentence: str, value: int) -> None:
    report = parse_narrative(_doc(title, "一、项目基本情况", sentence))
    assert len(report.projects) == 1
    assert report.projects[0].budget.planned is not None
    assert report.projects[0].budget.planned.value == value


def test_another_name_before_an_amount_states_no_budget_of_the_project() -> None:
    report = parse_narrative(_doc(
        "某县2023年度河长制工作经费绩效自评报告", "一、项目基本情况", "河道保洁员劳务费12万元,按月发放。"))
    assert report.projects[0].budget.planned is None
