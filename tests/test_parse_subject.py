"""What a report evaluates when it lists no project: department-wide subjects, stated funds, fund sources."""

from __future__ import annotations

import pytest

from reportparse.model import Cell, Document, Line, Paragraph, Source, SourceFormat, Table
from reportparse.parse import parse_report
from reportparse.parse.names import is_fund_source, valid_candidate
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.reading import reading_copy
from reportparse.parse.subject import department_subject, reads_as_self_evaluation, stated_subject


def _doc(*paragraphs: str) -> Document:
    elements = [Paragraph(text=t, page=1, lines=[Line(text=t, page=1, line=i + 1)], spans=[(0, len(t))])
                for i, t in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                    elements=list(elements))


def _names(document: Document) -> list[str]:
    return [p.name for p in parse_narrative(document).projects]


# --- department-wide (部门整体支出) reports ------------------------------------------------------------

def test_department_subject_from_the_title_phrase() -> None:
    title = "2021年某市发展和改革局部门整体支出绩效自评报告"
    assert department_subject([title], [], None) == "某市发展和改革局部门整体支出"
    assert department_subject(["某县财政局2020年度 机关整体支出绩效评价报告"], [], None) == "某县财政局机关整体支出"


def test_department_subject_takes_the_unit_where_the_title_gives_only_the_city() -> None:
    unit = "某市城市管理指挥中心"
    assert department_subject(["某市2018年度部门整体支出"], [], unit) == "某市城市管理指挥中心部门整体支出"


def test_department_subject_from_a_body_overview_section() -> None:
    assert department_subject(["某市数据研究中心2020年绩效自评报告"], ["部门概况"], "某市数据研究中心") == \
        "某市数据研究中心部门整体支出"
    assert department_subject(["某市数据研究中心2020年绩效自评报告"], ["项目概况"], "某市数据研究中心") is None


def test_department_report_spending_lines_are_not_projects() -> None:
    doc = _doc(
        "某县政协2021年度部门整体支出绩效评价报告",
        "一、基本情况",
        "支出799.12万元。其中：人员经费支出434.89万元，公用经费支出77.4万元。",
        "项目支出有委员活动经费36.3万元，信息网络运行经费5万元。",
    )
    assert _names(doc) == ["某县政协部门整体支出"]


# --- the fund an opening sentence or a title names -------------------------------------------------------

def test_stated_subject_from_the_opening_sentence() -> None:
    assert stated_subject(["现就2022年度中央对某省转移支付污水处理补助资金的绩效目标开展自评，情况如下："], None) == \
        "2022年度中央对某省转移支付污水处理补助资金"
    assert stated_subject(["为做好2023年某区农业防灾减灾资金发放工作，我局对这笔资金做了绩效自评。"], None) == \
        "2023年某区农业防灾减灾资金"


def test_stated_subject_skips_a_cited_notice_and_a_template_year() -> None:
    text = ("按照《关于开展20xx年度转移支付绩效自评工作的通知》的要求，现将我市20xx年度全民健身补短板工程项目的"
            "自评情况报告如下：")
    assert stated_subject([text], None) == "全民健身补短板工程项目"


def test_stated_subject_without_a_year() -> None:
    opening = "现将农村饮水安全工程维修养护项目绩效自评情况报告如下："
    assert stated_subject([opening], None) == "农村饮水安全工程维修养护项目"
    assert stated_subject(["我局对城区河道保洁经费开展了绩效自评，现将情况报告如下："], None) == "城区河道保洁经费"
    assert stated_subject(["根据要求，我局开展了项目支出绩效自评工作。"], None) is None


def test_a_cited_notice_makes_no_department_report() -> None:
    text = "按照《关于开展部门整体支出绩效自评的通知》要求，现将X项目自评情况报告如下"
    assert department_subject([text], [], None) is None


def test_stated_subject_from_a_title_naming_the_fund_before_the_year() -> None:
    assert stated_subject([], "某县大气转移支付2020年度绩效自评报告") == "某县大气转移支付"


def test_traditional_text_with_pinyin_glosses_is_read_simplified() -> None:
    title = "某縣大氣轉(zhuǎn)移支付2020年度績效自評報(bào)告"
    assert reading_copy(title) == "某县大气转移支付2020年度绩效自评报告"
    assert stated_subject([], title) == "某县大气转移支付"


def test_a_self_evaluation_excerpt_naming_a_fund_is_a_report() -> None:
    doc = _doc("為做好2023年某區農業防災減災資金發放工作,我局對這筆資金做了績效自評,評價情況報告如下:",
               "一、項目基本情況", "上級下達補助資金共118萬元。")
    report = parse_report(doc)
    assert [p.name for p in report.projects] == ["2023年某区农业防灾减灾资金"]
    assert report.projects[0].budget.planned is not None and report.projects[0].budget.planned.value == 1180000


def test_a_text_with_no_self_evaluation_words_is_still_rejected() -> None:
    from reportparse.errors import NotAReport

    assert not reads_as_self_evaluation(["今天天气很好。", "我们去公园散步。"])
    assert reads_as_self_evaluation(["某 县 项 目 绩 效 自 评 报 告"])  # a PDF dump spacing every character
    with pytest.raises(NotAReport):
        parse_report(_doc("今天天气很好。", "我们去公园散步。"))


# --- names: fund sources, counts, purpose clauses, years ---------------------------------------------------

@pytest.mark.parametrize("name", ["中央财政衔接资金", "自筹资金", "专项扶贫资金", "涉及资金", "到位资金",
                                  "中央财政衔接推进乡村振兴衔接资金以工代赈资金"])
def test_fund_sources_are_not_projects(name: str) -> None:
    assert is_fund_source(name)
    assert not valid_candidate(name)


@pytest.mark.parametrize("name", ["城市管网及污水处理补助资金", "农田道路建设项目", "决策咨询专项费"])
def test_project_names_are_no_fund_sources(name: str) -> None:
    assert not is_fund_source(name)
    assert valid_candidate(name)


def test_counts_and_purpose_clauses_are_not_names() -> None:
    assert not valid_candidate("内含1个年初结转结余项目")
    assert not valid_candidate("为确保决策咨询专项费项目")
    assert not valid_candidate("2022年度三个项目")
    assert not valid_candidate("送戏下乡惠民演出和非物质文化遗产保护两个项目")


def test_a_year_inside_a_name_is_part_of_it() -> None:
    assert valid_candidate("2022年某乡某村养殖业基地建设项目")
    assert valid_candidate("某县2021年度道路建设项目")
    assert not valid_candidate("全年完成3年规划项目")


def test_money_breakdown_by_source_names_no_project() -> None:
    doc = _doc(
        "某县民族宗教局2022年衔接资金项目绩效监控总结报告",
        "一、绩效目标分解下达情况",
        "批复项目为2022年某乡某村养殖业基地建设项目，总投资39.2696万元，其中中央财政衔接资金39万元，自筹资金2696元。",
        "2022年某乡某村养殖业基地建设项目总投资39.2696万元。",
    )
    names = _names(doc)
    assert "中央财政衔接资金" not in names and "自筹资金" not in names
    assert any("养殖业基地建设项目" in n for n in names)


def test_numbered_items_naming_projects_in_a_results_list() -> None:
    doc = _doc(
        "某县2021年重点项目绩效评价报告",
        "现依规公开如下：",
        "1、某乡南村农田道路建设项目：铺砂石路11公里。下达资金197万元，实际支付186.98万元。",
        "2、某乡北村干道,巷道硬化建设项目：硬化道路5.7公里。下达资金300万元，实际支付289.14万元。",
    )
    assert _names(doc) == ["某乡南村农田道路建设项目", "某乡北村干道,巷道硬化建设项目"]


def test_one_subject_report_money_lines_are_its_own_fund() -> None:
    doc = _doc(
        "工程项目绩效评价报告",
        "现将我市20xx年度全民健身补短板工程项目的自评情况报告如下：",
        "一、绩效目标分解下达情况",
        "我市获下达全民健身场地器材补短工程资金160万元，核定标准为每个街道20万元。",
    )
    report = parse_narrative(doc)
    assert [p.name for p in report.projects] == ["全民健身补短板工程项目"]
    assert report.projects[0].budget.planned is not None and report.projects[0].budget.planned.value == 1600000


# --- money sentences: parts, names with qualifiers, adjusted budgets, payments ---------------------------

def test_a_part_given_after_qizhong_is_no_project_and_no_budget() -> None:
    doc = _doc(
        "一、绩效目标分解下达情况",
        "省财政厅向我县下达中央水利发展资金500万元。",
        "某县水土保持工程(某县)小流域综合治理项目的立项批复金额为525.39万元，其中中央水利发展资金500万元，"
        "其余部分由地方自筹。",
        "某县水土保持工程(某县)小流域综合治理项目依合同进度已付款139.43万元。",
    )
    report = parse_narrative(doc)
    assert [p.name for p in report.projects] == ["某县水土保持工程(某县)小流域综合治理项目"]
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == 5253900
    assert budget.executed is not None and budget.executed.value == 1394300


def test_a_short_bracketed_qualifier_may_sit_inside_a_name() -> None:
    assert valid_candidate("东环大道南延伸段绿化工程(续建)项目")
    assert not valid_candidate("(一)2022年某区水务局共获下达衔接资金")
    assert not valid_candidate("某市财政局(制)")
    assert not valid_candidate("年度预算数(万元)|")


def test_an_adjusted_budget_in_an_earlier_clause_outranks_the_first() -> None:
    doc = _doc(
        "某中心2024年度项目支出绩效单位自评报告",
        "年初批复预算的项目有8个，金额985万元；预算调整后，项目预算为861.46万元。",
    )
    budget = parse_narrative(doc).projects[0].budget
    assert budget.planned is not None and budget.planned.value == 8614600
    assert budget.initial is not None and budget.initial.value == 9850000


def test_a_stated_total_of_batches_is_the_budget() -> None:
    doc = _doc(
        "建设项目绩效自评报告",
        "某县2021年度道路建设项目由我局负责实施，分两批进行：第一批批复总投资3374.3万元，第二批批复总投资2069.51万元，"
        "两批合计批复总投资5443.81万元。",
    )
    report = parse_narrative(doc)
    assert [p.name for p in report.projects] == ["某县2021年度道路建设项目"]
    planned = report.projects[0].budget.planned
    assert planned is not None and planned.value == 54438100


def test_a_cited_title_names_no_project_and_gives_no_money_verb() -> None:
    doc = _doc(
        "某市统计局专项经费项目绩效自评报告",
        "项目名称：统计调查专项经费",
        "全年预算数1.96万元，全年执行数1.96万元。",
        "根据《关于拨付国家统计局调查队专项经费的通知》在年底前给120人发放以36.66元每月的补贴费。",
    )
    report = parse_narrative(doc)
    assert [p.name for p in report.projects] == ["统计调查专项经费"]
    executed = report.projects[0].budget.executed
    assert executed is not None and executed.value == 19600


def test_a_budget_code_before_the_name_is_dropped() -> None:
    doc = _doc("项目名称 |51000021R000000019951-工资性支出 |", "全年预算数238.93万元，全年执行数238.93万元。")
    assert _names(doc) == ["工资性支出"]


def test_items_of_an_announced_project_list_need_no_name_ending() -> None:
    doc = _doc(
        "某局2021年度项目资金绩效自评报告",
        "我局2021年年初安排预算项目5个，预算项目经费500万元，主要有：交通秩序综合整治155.85万元，"
        "市容环境综合整治84.62万元、拆除违章建筑9.45万元、会计服务费5万元。",
    )
    assert _names(doc) == ["交通秩序综合整治", "市容环境综合整治", "拆除违章建筑", "会计服务费"]


def test_outside_an_announced_list_a_name_needs_its_ending() -> None:
    doc = _doc("某局2021年度项目资金绩效自评报告", "全年拆除违章建筑9.45万元，会计服务费5万元。")
    assert "拆除违章建筑" not in _names(doc)


def test_all_paid_without_an_amount_means_the_whole_budget_was_spent() -> None:
    doc = _doc(
        "为做好2023年某区农业防灾减灾资金发放工作，我局对这笔资金做了绩效自评，评价情况报告如下：",
        "上级下达的农业防灾减灾资金共118万元。",
        "资金分配和使用完全按方案要求进行，已全部支付到位。",
    )
    budget = parse_narrative(doc).projects[0].budget
    assert budget.executed is not None and budget.executed.value == 1180000
    assert budget.executed.evidence[0].text == "资金分配和使用完全按方案要求进行，已全部支付到位。"


def test_not_all_paid_sets_no_spending() -> None:
    doc = _doc(
        "为做好2023年某区农业防灾减灾资金发放工作，我局对这笔资金做了绩效自评，评价情况报告如下：",
        "上级下达的农业防灾减灾资金共118万元。",
        "资金尚未支付，待全部支付到位后报送。",
    )
    assert parse_narrative(doc).projects[0].budget.executed is None


def test_a_tables_only_document_is_read_from_its_cells() -> None:
    rows = [["财政支出项目绩效评价报告(某项目)", "财政支出项目绩效评价报告(某项目)"],
            ["项目名称:某市经济形势分析预测项目", "项目名称:某市经济形势分析预测项目"],
            ["计划投资额(万元)", "144", "实际到位资金(万元)", "144", "实际使用情况(万元)", "142"]]
    cells = [[Cell(text=t, row=r, col=c, page=1) for c, t in enumerate(row)] for r, row in enumerate(rows)]
    doc = Document(source=Source(path="t.xlsx", format=SourceFormat.XLSX, sha256="0", pages=1),
                   elements=[Table(index=0, rows=cells, page=1, pages=[1])])
    report = parse_report(doc)
    assert [p.name for p in report.projects] == ["某市经济形势分析预测项目"]
    budget = report.projects[0].budget
    assert budget.planned is not None and budget.planned.value == 1440000
    assert budget.executed is not None and budget.executed.value == 1420000


def test_money_that_reached_counted_recipients_is_spent() -> None:
    doc = _doc(
        "某县大气转移支付2020年度绩效自评报告",
        "2019年某县淘汰燃煤锅炉专项资金指标为154万元。",
        "据反馈，其中18家企业共152万元已全部到位，只有一家企业的2万元没有到位。",
    )
    budget = parse_narrative(doc).projects[0].budget
    assert budget.planned is not None and budget.planned.value == 1540000
    assert budget.executed is not None and budget.executed.value == 1520000


def test_money_that_arrived_at_the_unit_is_not_spent() -> None:
    doc = _doc("某县大气转移支付2020年度绩效自评报告", "专项资金指标为154万元。", "154万元资金已全部到位。")
    assert parse_narrative(doc).projects[0].budget.executed is None


@pytest.mark.parametrize(("text", "expected"), [
    ("10 10 总分 3.部门整体支出绩效自评开展情况. 按要求对本部门整体支出开展了自评", "部门整体支出"),
    ("四、单位整体支出绩效自评情况", "单位整体支出"),
    ("部门整体支出绩效自评工作由财政局组织", None),  # no section number: a sentence, not the report's part
])
def test_heading_subject_from_a_numbered_section_title(text: str, expected: str | None) -> None:
    from reportparse.parse.subject import heading_subject

    assert heading_subject([text], None) == expected


def test_department_wide_form_title_names_the_subject() -> None:
    from reportparse.parse.subject import department_subject as subject

    assert subject(["部门整体绩效自评表"], [], None) == "部门整体支出"
    assert subject(["提升部门整体绩效水平"], [], None) is None  # 整体绩效 not followed by 自评/评价


@pytest.mark.parametrize(("sentence", "total"), [
    ("本部门对2017年整体支出开展了绩效自评，得分为90分，存在的问题如下。", 90),
    ("按要求开展部门整体支出绩效评价，综合得分 95.5 分。", 95.5),
    ("本部门开展了绩效自评，自评工作由办公室负责。", None),
])
def test_total_written_after_the_evaluation(sentence: str, total: float | None) -> None:
    project = parse_narrative(_doc("某局2017年度部门整体支出绩效自评报告", sentence)).projects[0]
    assert project.total_score == (None if total is None else pytest.approx(total))


@pytest.mark.parametrize("name", ["温岭市财政支出项目", "某县项目支出", "级财政支出项目", "某自治州财政支出"])
def test_a_places_spending_of_a_kind_is_no_project_name(name: str) -> None:
    # (a template's or genre's title, 'X市财政支出项目绩效报告表', names spending in general, no project)
    assert not valid_candidate(name)


@pytest.mark.parametrize("name", ["某县道路养护项目", "社区卫生服务中心建设项目", "市区公厕维护经费"])
def test_a_places_project_stays_a_name(name: str) -> None:
    assert valid_candidate(name)
