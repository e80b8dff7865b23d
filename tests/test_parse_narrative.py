"""Narrative parser on small hand-made reports (not the seed): projects, money, goals, scores, actuals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Cell, Document, Line, Paragraph, Report, Source, SourceFormat, Table
from reportparse.parse.narrative import parse_narrative


def _doc(*items: str | list[list[str]]) -> Document:
    """Paragraphs (str) and tables (list of rows) in order; one physical line per paragraph."""
    elements: list[Paragraph | Table] = []
    line = 1
    tables = 0
    for item in items:
        if isinstance(item, str):
            elements.append(Paragraph(text=item, page=1, lines=[Line(text=item, page=1, line=line)],
                                      spans=[(0, len(item))]))
            line += 1
        else:
            rows = [[Cell(text=t, row=r, col=c, page=1, line=line + r) for c, t in enumerate(row)]
                    for r, row in enumerate(item)]
            elements.append(Table(index=tables, rows=rows, page=1, pages=[1]))
            tables += 1
            line += len(item)
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _project(report: Report, name: str):  # type: ignore[no-untyped-def]
    found = [p for p in report.projects if p.name == name or name in p.aliases]
    assert len(found) == 1, [p.name for p in report.projects]
    return found[0]


def _indicator(project, name: str):  # type: ignore[no-untyped-def]
    found = [i for i in project.indicators if i.name == name]
    assert found, [i.name for i in project.indicators]
    return found[0]


def _scores(project) -> dict[str, tuple[Decimal | None, Decimal | None]]:  # type: ignore[no-untyped-def]
    return {s.level: (s.weight, s.score) for s in project.scores}


HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "备注"]

# --- Report A: one project, 第X部分 headings, amounts in 元, other score wordings -------------------
LIBRARY = _doc(
    "2023年度社区图书馆图书采购项目绩效自评报告",
    "第一部分 项目基本情况",
    "项目名称：社区图书馆图书采购项目",
    "实施单位：某区文化馆",
    "第二部分 项目资金情况",
    "本年度该项目预算资金 250000 元，实际支出 240000 元，结余 10000 元已上缴区财政。",
    "第三部分 绩效目标",
    [HEADER,
     ["产出指标", "数量指标", "采购图书册数", "≥5000册", ""],
     ["产出指标", "质量指标", "图书验收合格率", "100%", ""],
     ["产出指标", "成本指标", "单册采购成本", "≤50元/册", ""],
     ["效益指标", "社会效益指标", "借阅人次", "≥2万人次", ""],
     ["满意度指标", "满意度指标", "读者满意度", "≥90%", ""]],
    "第四部分 绩效分析",
    "一、预算执行情况",
    "预算执行情况满分10分，得分9.6分。",
    "二、产出指标",
    "产出指标（50分）得分48分。",
    "数量指标：全年共采购入库图书 4800 册，未完成年度目标，扣 2 分。",
    "三、效益指标",
    "社会效益指标：全年图书借阅超 2.3 万人次。另有 12 名志愿者参与整理图书。",
    "四、满意度",
    "满意度指标权重 10 分，得分 10 分。",
    "满意度指标：发放问卷 300 份，读者满意度为 93%。",
    "自评总得分 94.6 分，评价等级为优。",
)


@pytest.fixture(scope="module")
def library() -> Report:
    return parse_narrative(LIBRARY)


def test_single_project_with_name_field_and_yuan_amounts(library: Report) -> None:
    assert library.year == 2023
    assert library.unit == "某区文化馆"
    assert len(library.projects) == 1
    project = library.projects[0]
    assert project.name == "社区图书馆图书采购项目"  # the report never writes the bare name
    assert "社区图书馆图书采购" in project.aliases
    assert project.budget.planned is not None and project.budget.planned.value == 250000
    assert project.budget.executed is not None and project.budget.executed.value == 240000
    assert project.budget.balance_explained
    assert project.evaluated


def test_other_score_wordings(library: Report) -> None:
    project = library.projects[0]
    scores = _scores(project)
    assert scores["预算执行"] == (10, Decimal("9.6"))
    assert scores["产出"] == (50, 48)
    assert scores["满意度"] == (10, 10)
    assert scores["总分"][1] == Decimal("94.6")
    assert project.total_score == Decimal("94.6")
    assert project.grade == "优"
    assert project.budget.weight == 10 and project.budget.score == Decimal("9.6")


def test_goal_table_of_the_only_project(library: Report) -> None:
    project = library.projects[0]
    levels = {i.name: i.level for i in project.indicators if i.in_goal_table}
    assert levels == {"采购图书册数": "产出/数量", "图书验收合格率": "产出/质量", "单册采购成本": "产出/成本",
                      "借阅人次": "效益/社会效益", "读者满意度": "满意度"}
    books = _indicator(project, "采购图书册数")
    assert books.target is not None and (books.target.comparator, books.target.value) == (">=", 5000)
    assert books.evidence[0].table == 0 and books.evidence[0].row == 1


def test_actuals_linked_by_unit_and_words(library: Report) -> None:
    project = library.projects[0]
    books = _indicator(project, "采购图书册数")
    assert [(a.value, a.unit, a.kind) for a in books.actuals] == [(4800, "册", "measured")]
    assert books.actuals[0].evidence[0].line is not None
    visits = _indicator(project, "借阅人次")
    assert [(a.value, a.approx) for a in visits.actuals] == [(23000, True)]
    satisfaction = _indicator(project, "读者满意度")
    assert [a.value for a in satisfaction.actuals] == [93]
    # 12 名志愿者 and 300 份 questionnaires are no indicator's result
    assert all(a.unit not in ("名", "份") for i in project.indicators for a in i.actuals)


# --- Report B: two projects, （三） headings, one goal table per project, a list under one verb --------
ROADS = _doc(
    "某县交通运输局2022年度项目支出绩效自评报告",
    "一、项目概况",
    "农村公路养护项目由县级财政全额保障，主要用于县乡道日常养护。",
    "“平安校园”交通安全宣传项目主要用于中小学交通安全宣传教育。",
    "二、项目资金使用情况",
    "2022年，县财政对农村公路养护项目安排资金 120 万元、平安校园交通安全宣传项目 8.5 万元。",
    "全年列支农村公路养护项目 118 万元，列支平安校园交通安全宣传项目 8.5 万元。",
    "三、绩效目标",
    "项目名称：农村公路养护项目",
    [HEADER,
     ["产出指标", "数量指标", "养护里程", "≥300公里", ""],
     ["产出指标", "时效指标", "病害处置时限", "≤48小时", ""],
     ["效益指标", "社会效益指标", "道路通行条件", "明显改善", ""]],
    "项目名称：平安校园交通安全宣传项目",
    [HEADER,
     ["产出指标", "数量指标", "开展宣传活动场次", "≥20场", ""],
     ["满意度指标", "满意度指标", "师生满意度", "≥85%", ""]],
    "四、绩效分析",
    "（一）农村公路养护项目",
    "1.预算执行情况：分值10分，得分9.8分。",
    "2.产出指标分值50分，得分50分。其中，数量指标分值30分，得分30分；时效指标分值20分，得分20分。",
    "数量指标：全年完成养护里程 326 公里。",
    "时效指标：病害处置时限控制在 48 小时以内。",
    "3.效益指标分值40分，得分38分。",
    "（二）平安校园交通安全宣传项目",
    "产出指标分值60分，得分55分。其中数量指标分值60分，扣 5 分。",
    "全年开展宣传活动 18 场，培训交通协管员 20 人次。",
    "满意度指标分值30分，得分30分。满意度指标：师生满意度普遍较高。",
)


@pytest.fixture(scope="module")
def roads() -> Report:
    return parse_narrative(ROADS)


def test_two_projects_with_quoted_and_bare_names(roads: Report) -> None:
    assert len(roads.projects) == 2
    school = _project(roads, "平安校园交通安全宣传")
    assert "“平安校园”交通安全宣传" in school.aliases or "“平安校园”交通安全宣传项目" in school.aliases
    road = _project(roads, "农村公路养护")
    assert road.budget.planned is not None and road.budget.planned.value == 1200000
    assert road.budget.executed is not None and road.budget.executed.value == 1180000
    assert not road.budget.balance_explained
    assert school.budget.planned is not None and school.budget.planned.value == 85000


def test_goal_tables_follow_the_project_named_before_them(roads: Report) -> None:
    road = _project(roads, "农村公路养护")
    school = _project(roads, "平安校园交通安全宣传")
    assert {i.name for i in road.indicators if i.in_goal_table} == {"养护里程", "病害处置时限", "道路通行条件"}
    assert {i.name for i in school.indicators if i.in_goal_table} == {"开展宣传活动场次", "师生满意度"}
    time_limit = _indicator(road, "病害处置时限")
    assert time_limit.target is not None and (time_limit.target.comparator, time_limit.target.value,
                                              time_limit.target.unit) == ("<=", 48, "h")


def test_scores_per_project_section(roads: Report) -> None:
    road = _scores(_project(roads, "农村公路养护"))
    assert road["预算执行"] == (10, Decimal("9.8"))
    assert road["产出/数量"] == (30, 30)
    assert road["产出/时效"] == (20, 20)
    assert road["效益"] == (40, 38)
    school = _scores(_project(roads, "平安校园交通安全宣传"))
    assert school["产出/数量"] == (60, 55)
    assert school["满意度"] == (30, 30)


def test_actual_kinds(roads: Report) -> None:
    road = _project(roads, "农村公路养护")
    assert [(a.value, a.kind) for a in _indicator(road, "养护里程").actuals] == [(326, "measured")]
    limit = _indicator(road, "病害处置时限").actuals
    assert [(a.value, a.kind, a.comparator) for a in limit] == [(48, "restated", "<=")]
    school = _project(roads, "平安校园交通安全宣传")
    assert [a.value for a in _indicator(school, "开展宣传活动场次").actuals] == [18]
    assert [a.kind for a in _indicator(school, "师生满意度").actuals] == ["qualitative"]
    assert all(a.unit != "人次" for i in school.indicators for a in i.actuals)


# --- Report C: one goal table shared by two projects, a 合计 over both, analysis-only indicator ---------
CENTRES = _doc(
    "2021年度便民服务中心运维项目绩效自评报告",
    "一、基本情况",
    "全县便民服务中心网络运维费由县级财政安排，用于中心网络运行维护。",
    "政务热线平台运维费由县级财政安排，用于热线平台日常维护。",
    [HEADER,
     ["产出指标", "数量指标", "便民服务中心网络运维完成率", "100%", ""],
     ["产出指标", "数量指标", "政务热线平台运维完成率", "100%", "坐席数量不少于 20 个"],
     ["产出指标", "成本指标", "便民服务中心网络运维费", "30万元", ""],
     ["产出指标", "时效指标", "故障响应及时性", "及时", ""],
     ["满意度指标", "服务对象满意度", "办事群众满意度", "≥90%", ""]],
    "二、资金使用情况",
    "县财政对便民服务中心网络运维费预算 30 万元、政务热线平台运维费 12 万元，两个项目合计 42 万元。",
    "三、绩效分析",
    "（一）便民服务中心网络运维费",
    "产出指标分值50分，得分50分。",
    "时效指标：故障平均修复时间 6 小时。",
    "满意度指标：办事群众满意度达 97%。",
)


@pytest.fixture(scope="module")
def centres() -> Report:
    return parse_narrative(CENTRES)


def test_shared_rows_go_to_every_served_project(centres: Report) -> None:
    centre = _project(centres, "便民服务中心网络运维费")
    hotline = _project(centres, "政务热线平台运维费")
    assert "全县便民服务中心网络运维费" in centre.aliases
    assert {i.name for i in centre.indicators if i.in_goal_table} == {
        "便民服务中心网络运维完成率", "便民服务中心网络运维费", "故障响应及时性", "办事群众满意度"}
    assert {i.name for i in hotline.indicators if i.in_goal_table} == {
        "政务热线平台运维完成率", "故障响应及时性", "办事群众满意度"}
    shared = _indicator(hotline, "办事群众满意度")
    assert shared.shared_with == [centre.name]
    cost = _indicator(centre, "便民服务中心网络运维费")
    assert cost.target is not None and (cost.target.comparator, cost.target.value) == ("<=", 300000)
    seats = _indicator(hotline, "政务热线平台运维完成率").remark_quantities
    assert [(q.name, q.comparator, q.quantity.value) for q in seats] == [("坐席数量", ">=", 20)]


def test_fund_total_over_two_projects(centres: Report) -> None:
    assert len(centres.fund_totals) == 1
    total = centres.fund_totals[0]
    assert (total.label, total.kind, total.total.value) == ("合计", "planned", 420000)
    assert [q.value for q in total.parts] == [300000, 120000]


def test_actuals_attach_to_the_analysed_project_only(centres: Report) -> None:
    centre = _project(centres, "便民服务中心网络运维费")
    hotline = _project(centres, "政务热线平台运维费")
    assert [a.value for a in _indicator(centre, "办事群众满意度").actuals] == [97]
    assert _indicator(hotline, "办事群众满意度").actuals == []
    extra = [i for i in centre.indicators if not i.in_goal_table]
    assert [(i.name, i.level, i.actuals[0].value) for i in extra] == [("故障平均修复时间", "产出/时效", 6)]
    assert centre.evaluated and not hotline.evaluated


# --- Report D: names from an information table and a goal-table caption, adjusted budgets ----------
CLINICS = _doc(
    "乡镇卫生院设备购置项目2024年绩效自评报告",
    [["项目名称", "乡镇卫生院设备购置项目", "主管部门", "县卫健局"],
     ["项目名称", "村卫生室能力提升项目", "主管部门", "县卫健局"]],
    "一、资金情况",
    "乡镇卫生院设备购置项目年初预算 80 万元，调整后全年预算 90 万元，实际支出 87.3 万元，预算执行率为 97%。",
    "村卫生室能力提升项目预算 40 万元，实际支出 40 万元。",
    "二、绩效目标",
    [["村卫生室能力提升项目绩效目标表", "", "", "", ""],
     HEADER,
     ["产出指标", "数量指标", "标准化村卫生室数量", "≥25个", ""]],
    [["乡镇卫生院设备购置项目绩效目标表", "", "", "", ""],
     HEADER,
     ["产出指标", "数量指标", "购置设备台数", "12台", ""],
     ["满意度指标", "满意度指标", "患者满意度", "≥85%", ""]],
    "三、绩效分析",
    "（一）乡镇卫生院设备购置项目",
    "产出指标得分48分（满分50分）。全年购置设备 11 台。",
    "（二）村卫生室能力提升项目",
    "产出指标 50 分，得 50 分。完成标准化村卫生室建设 26 个。",
)


def test_names_from_tables_and_adjusted_budgets() -> None:
    report = parse_narrative(CLINICS)
    assert {p.name for p in report.projects} == {"乡镇卫生院设备购置项目", "村卫生室能力提升项目"}
    clinic = _project(report, "乡镇卫生院设备购置")
    budget = clinic.budget
    assert budget.initial is not None and budget.initial.value == 800000
    assert budget.planned is not None and budget.planned.value == 900000
    assert budget.executed is not None and budget.executed.value == 873000
    assert budget.printed_rate is not None and budget.printed_rate.value == 97
    village = _project(report, "村卫生室能力提升")
    assert village.budget.executed is not None and village.budget.executed.value == 400000
    assert {i.name for i in clinic.indicators} == {"购置设备台数", "患者满意度"}
    assert {i.name for i in village.indicators} == {"标准化村卫生室数量"}
    assert _scores(clinic)["产出"] == (50, 48)
    assert _scores(village)["产出"] == (50, 50)
    assert [a.value for a in _indicator(clinic, "购置设备台数").actuals] == [11]
    assert [a.value for a in _indicator(village, "标准化村卫生室数量").actuals] == [26]


UNNAMED = _doc(
    "2022年度农技推广补助绩效自评报告",
    "一、绩效目标",
    [HEADER, ["产出指标", "数量指标", "培训农户人数", "≥500人", ""]],
    "二、绩效分析",
    "产出指标分值50分，得分50分。数量指标：全年培训农户 620 人。",
)


def test_a_report_that_never_names_its_project() -> None:
    report = parse_narrative(UNNAMED)
    assert [p.name for p in report.projects] == ["农技推广补助"]
    project = report.projects[0]
    assert [a.value for a in _indicator(project, "培训农户人数").actuals] == [620]
    assert _scores(project)["产出"] == (50, 50)


def test_a_document_without_report_content_has_no_projects() -> None:
    report = parse_narrative(_doc("会议通知", "请各单位于下周一上午九点参加会议。"))
    assert report.projects == []


GREENING = _doc(
    "2023年度城区绿化养护项目绩效自评报告",
    "一、项目概况",
    "1.城区绿化养护项目：该项目主要用于城区绿地日常养护。",
    "二、绩效目标",
    [["绩效指标", "指标内容", "目标值"],
     ["数量指标", "养护绿地面积", "≥120万平方米"],
     ["满意度指标", "市民满意度", "≥90%"]],
    "三、自评结论",
    "项目总分100分，自评得分92分，评价等级为优。",
)


def test_two_column_goal_table_and_total_score() -> None:
    report = parse_narrative(GREENING)
    assert [p.name for p in report.projects] == ["城区绿化养护项目"]
    project = report.projects[0]
    assert [(i.level, i.name) for i in project.indicators] == [("产出/数量", "养护绿地面积"), ("满意度", "市民满意度")]
    area = _indicator(project, "养护绿地面积").target
    assert area is not None and (area.comparator, area.value) == (">=", 1200000)
    assert _scores(project)["总分"] == (100, 92)
    assert project.grade == "优"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("县财政对河道保洁项目、水质监测项目分别安排资金 60 万元、15 万元，两个项目合计 75 万元。",
     {"河道保洁": 600000, "水质监测": 150000}),
    ("河道保洁项目预算 60 万元，水质监测项目预算 15 万元。", {"河道保洁": 600000, "水质监测": 150000}),
    ("安排河道保洁项目 600,000 元、水质监测项目 150,000.00 元。", {"河道保洁": 600000, "水质监测": 150000}),
])
def test_money_lists(sentence: str, expected: dict[str, int]) -> None:
    report = parse_narrative(_doc("一、项目概况", "河道保洁项目由县财政保障。", "水质监测项目由县财政保障。",
                                  "二、资金情况", sentence))
    planned = {p.name.removesuffix("项目"): p.budget.planned.value if p.budget.planned else None
               for p in report.projects}
    assert planned == expected


# --- Report F: a text dump's damage: hard line breaks, glued headings, columns run together -------
DUMP = _doc(
    "某区2022年度项目支出绩效自评报告",
    "1.项目概况",
    "1.1 项目基本性质、用途和主要内容",
    "校园安保服务费由区级财政全额拨款，主要用于中小学校门岗",
    "安保人员的聘用和培训。",
    "食堂食品检测费由区级财政全额拨款，主要用于学校食堂食品抽检。",
    "1.2 项目绩效目标",
    "校园安保服务费绩效目标表",
    [["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
     ["产出指标", "数量指标", "聘用安保人员数", "≥", "60", "人"],
     ["产出指标", "成本指标", "人均安保费用", "≤", "3", "万元/人"],
     ["满意度指标", "", "服务对象满意度", "", "", ""],
     ["满意度指标", "", "家长满意度", "≥", "90", "%"]],
    "食堂食品检测费绩效目标表",
    [["一级指标", "二级指标", "三级指标", "目标值", "备注"],
     ["产出指标", "数量指标", "抽检批次", "", ""],
     ["满意度指标", "", "服务对象满意度 师生满意度 ≥88%", "", ""]],
    "2.项目资金使用及管理情况",
    "2022年，财政安排校园安保服务费 180 万元、食堂食品检测费 12 万元。",
    "全年列支校园安保服务费 176.5 万元，食堂食品检测费因检测机构未确定未列支，12 万元全部交回财政。",
    "3.项目绩效情况",
    "3.2 绩效分析",
    "校园安保服务费",
    "1、预算执行情况（10 分）",
    "预算执行情况分值 10 分，得分 9.8 分。",
    "2、产出（50 分）",
    "数量指标：全年聘用安保人员 62 人。",
    "满意度指标：家长满意度达 95%。食堂食品检测费",
    "1、预算执行情况（10 分）",
    "预算执行情况分值 10 分，得分 0 分。",
    "数量指标：全年抽检食品 48 批次。",
)


@pytest.fixture(scope="module")
def dump() -> Report:
    return parse_narrative(DUMP)


def test_dump_names_and_money(dump: Report) -> None:
    guard = _project(dump, "校园安保服务费")
    food = _project(dump, "食堂食品检测费")
    assert guard.evidence[0].text.endswith("安保人员的聘用和培训。")  # the broken line is joined
    assert guard.budget.executed is not None and guard.budget.executed.value == 1765000
    assert not guard.budget.balance_explained
    assert food.budget.executed is not None and food.budget.executed.value == 0
    assert food.budget.returned is not None and food.budget.returned.value == 120000
    assert food.budget.balance_explained


def test_dump_goal_tables(dump: Report) -> None:
    guard = _project(dump, "校园安保服务费")
    food = _project(dump, "食堂食品检测费")
    assert [i.name for i in guard.indicators if i.in_goal_table] == ["聘用安保人员数", "人均安保费用", "家长满意度"]
    cost = _indicator(guard, "人均安保费用").target
    assert cost is not None and (cost.comparator, cost.value, cost.unit) == ("<=", 30000, "元/人")
    assert [i.name for i in food.indicators if i.in_goal_table] == ["抽检批次", "师生满意度"]
    teachers = _indicator(food, "师生满意度")
    assert teachers.level == "满意度"
    assert teachers.target is not None and (teachers.target.comparator, teachers.target.value) == (">=", 88)


def test_dump_glued_project_heading(dump: Report) -> None:
    guard = _project(dump, "校园安保服务费")
    food = _project(dump, "食堂食品检测费")
    assert _scores(guard)["预算执行"] == (10, Decimal("9.8"))
    assert _scores(food)["预算执行"] == (10, 0)
    assert [a.value for a in _indicator(guard, "家长满意度").actuals] == [95]
    assert [a.value for a in _indicator(food, "抽检批次").actuals] == [48]
    assert food.evaluated


# --- Report G: money in a fund table (单位：万元) with a 合计 row -----------------------------------
FUND_TABLE = _doc(
    "2023年度部门项目支出绩效自评报告",
    "一、项目资金使用情况",
    "各项目资金安排及执行情况如下表（单位：万元）。",
    [["项目名称", "年初预算数", "全年预算数", "全年执行数", "执行率"],
     ["城乡环卫保洁项目", "120", "130", "128.5", "98.85%"],
     ["公厕管护项目", "30", "30", "30", "100%"],
     ["合计", "150", "160", "158.5", ""]],
    "二、绩效分析",
    "（一）城乡环卫保洁项目",
    "预算执行情况分值 10 分，得分 9.9 分。",
    "（二）公厕管护项目",
    "预算执行情况分值 10 分，得分 10 分。",
)


def test_fund_table_rows_and_total() -> None:
    report = parse_narrative(FUND_TABLE)
    assert {p.name.removesuffix("项目") for p in report.projects} == {"城乡环卫保洁", "公厕管护"}
    clean = _project(report, "城乡环卫保洁")
    budget = clean.budget
    assert budget.initial is not None and budget.initial.value == 1200000
    assert budget.planned is not None and budget.planned.value == 1300000
    assert budget.executed is not None and budget.executed.value == 1285000
    assert budget.printed_rate is not None and budget.printed_rate.value == Decimal("98.85")
    assert budget.planned.evidence[0].table == 0 and budget.planned.evidence[0].row == 1
    totals = {t.kind: t for t in report.fund_totals}
    assert totals["planned"].total.value == 1600000
    assert [q.value for q in totals["planned"].parts] == [1300000, 300000]
    assert totals["executed"].total.value == 1585000
    assert _scores(clean)["预算执行"] == (10, Decimal("9.9"))


def test_goal_table_with_a_project_column() -> None:
    report = parse_narrative(_doc(
        "2023年度绩效自评报告",
        "一、绩效目标",
        [["项目名称", "一级指标", "二级指标", "三级指标", "指标值"],
         ["老旧小区改造项目", "产出指标", "数量指标", "改造小区个数", "≥12个"],
         ["", "满意度指标", "满意度指标", "居民满意度", "≥90%"],
         ["背街小巷整治项目", "产出指标", "数量指标", "整治巷道条数", "≥30条"]],
        "二、资金情况",
        "老旧小区改造项目预算 500 万元，背街小巷整治项目预算 80 万元。",
    ))
    assert len(report.projects) == 2
    estates = _project(report, "老旧小区改造")
    lanes = _project(report, "背街小巷整治")
    assert [i.name for i in estates.indicators] == ["改造小区个数", "居民满意度"]
    assert [i.name for i in lanes.indicators] == ["整治巷道条数"]
    assert lanes.budget.planned is not None and lanes.budget.planned.value == 800000


# --- Report H: the 财政部 outline (绩效目标完成情况分析, scores listed at the end) -------------------
FARMLAND = _doc(
    "某县2022年度高标准农田建设项目绩效自评报告",
    "一、基本情况",
    "（一）项目概况",
    "项目名称：高标准农田建设项目。项目主管部门为县农业农村局。",
    "（二）项目绩效目标",
    [["一级指标", "二级指标", "三级指标", "年度指标值"],
     ["产出指标", "数量指标", "新建高标准农田面积", "≥1.2万亩"],
     ["产出指标", "质量指标", "工程验收合格率", "100%"],
     ["效益指标", "经济效益指标", "亩均粮食增产", "≥40公斤"],
     ["满意度指标", "服务对象满意度指标", "受益农户满意度", "≥90%"]],
    "二、绩效目标完成情况分析",
    "（一）资金投入情况分析",
    "1.项目资金到位情况分析",
    "项目全年预算 1,200 万元，实际到位 1,200 万元。",
    "2.项目资金执行情况分析",
    "截至12月31日，项目实际支出 1,150 万元，预算执行率 95.83%。",
    "（二）绩效指标完成情况分析",
    "1.产出指标完成情况分析",
    "（1）数量指标：建成高标准农田 1.25 万亩，完成年度目标。",
    "（2）质量指标：工程验收合格率 100%。",
    "2.效益指标完成情况分析",
    "（1）经济效益指标：亩均粮食增产 52 公斤。",
    "3.满意度指标完成情况分析",
    "受益农户满意度达 96%。",
    "三、偏离绩效目标的原因和下一步改进措施",
    "个别地块施工进度偏慢。",
    "四、绩效自评结果",
    "项目自评得分 96 分，评价等级为优。其中：预算执行 9.6 分，产出指标 48 分，效益指标 29.4 分，满意度 9 分。",
)


def test_ministry_outline_report() -> None:
    report = parse_narrative(FARMLAND)
    assert len(report.projects) == 1
    project = report.projects[0]
    assert project.name.startswith("高标准农田建设")
    budget = project.budget
    assert budget.planned is not None and budget.planned.value == 12000000
    assert budget.executed is not None and budget.executed.value == 11500000
    assert budget.printed_rate is not None and budget.printed_rate.value == Decimal("95.83")
    actual = {i.name: [a.value for a in i.actuals] for i in project.indicators}
    assert actual["新建高标准农田面积"] == [12500]
    assert actual["工程验收合格率"] == [100]
    assert actual["亩均粮食增产"] == [Decimal("0.052")]  # 吨, the normaliser's unit for 公斤 targets
    assert actual["受益农户满意度"] == [96]
    scores = _scores(project)
    assert scores["总分"][1] == 96
    assert scores["产出"] == (None, 48)
    assert scores["效益"] == (None, Decimal("29.4"))
    assert scores["预算执行"] == (None, Decimal("9.6"))
    assert project.grade == "优"


@pytest.mark.parametrize(("paragraph", "level", "weight", "score"), [
    ("（1）数量指标（15 分）：建成高标准农田 1.25 万亩，得 15 分。", "产出/数量", 15, 15),
    ("质量指标：工程验收合格率 100%，得分 10 分。", "产出/质量", None, 10),
    ("数量指标（20分）：全年采购图书 4800 册，未完成年度目标，扣 2 分。", "产出/数量", 20, 18),
    ("产出指标完成情况（权重50分，得分48分）", "产出", 50, 48),
    ("效益指标得分 28 分（满分 30 分）。", "效益", 30, 28),
    ("经济效益指标 20 分，得 18 分。", "效益/经济效益", 20, 18),
])
def test_score_wordings(paragraph: str, level: str, weight: int | None, score: int) -> None:
    report = parse_narrative(_doc("项目名称：示例工程项目", paragraph))
    assert _scores(report.projects[0])[level] == (weight, score)


@pytest.mark.parametrize(("items", "unit"), [
    (("县教育局2022年度项目支出绩效自评报告", "项目名称：课后服务补助项目"), "县教育局"),
    (("项目支出绩效自评报告", "项目名称：课后服务补助项目", "全年运行平稳。", "某市体育中心", "2023年3月15日"),
     "某市体育中心"),
    (("项目支出绩效自评报告", "项目名称：课后服务补助项目", "全年运行平稳。"), None),
])
def test_reporting_unit(items: tuple[str, ...], unit: str | None) -> None:
    assert parse_narrative(_doc(*items)).unit == unit


def test_confusable_units_link_only_on_the_indicators_own_words() -> None:
    report = parse_narrative(_doc(
        "项目名称：农民技能培训项目",
        [HEADER, ["产出指标", "数量指标", "培训农民人次", "≥500人次", ""]],
        "二、绩效分析",
        "数量指标：全年培训农民 520 人。",
        "另有 30 人参加了观摩。",
    ))
    trainees = _indicator(report.projects[0], "培训农民人次")
    assert [(a.value, a.unit) for a in trainees.actuals] == [(520, "人")]


def test_numbered_sibling_projects_stay_apart_and_other_level_words_link() -> None:
    items: list[str | list[list[str]]] = ["2023年度项目支出绩效自评报告", "一、项目概况"]
    items += [f"第{k}号泵站维修项目由县级财政全额拨款，主要用于泵站维修。" for k in (1, 2, 12)]
    items.append("二、绩效分析")
    for k in (1, 2, 12):
        items += [f"（{k}）第{k}号泵站维修项目", f"项目名称：第{k}号泵站维修项目",
                  [HEADER, ["产出指标", "数量指标", "维修泵站台数", "≥4台", ""],
                   ["满意度指标", "满意度指标", "群众满意度", "≥90%", ""]],
                  f"数量指标：全年维修泵站 {k} 台，群众满意度达 9{k % 10}%。"]
    report = parse_narrative(_doc(*items))
    assert len(report.projects) == 3
    twelve = _project(report, "第12号泵站维修项目")
    assert [a.value for a in _indicator(twelve, "维修泵站台数").actuals] == [12]
    assert [a.value for a in _indicator(twelve, "群众满意度").actuals] == [92]


def test_names_wrapped_into_the_remark_column_are_rejoined() -> None:
    report = parse_narrative(_doc(
        "一、项目概况",
        "城区照明设施维护费由区级财政全额拨款，主要用于路灯维护。",
        "公园绿地养护费由区级财政全额拨款，主要用于绿地养护。",
        [HEADER,
         ["产出指标", "数量指标", "公园绿地养护完成率", "100%", "城区照明设施维"],
         ["产出指标", "数量指标", "护完成率", "100%", ""],
         ["满意度指标", "满意度指标", "市民满意度", "≥90%", ""]],
    ))
    lights = _project(report, "城区照明设施维护费")
    assert {i.name for i in lights.indicators} == {"城区照明设施维护完成率", "市民满意度"}
    parks = _project(report, "公园绿地养护费")
    assert all(i.remark is None for i in parks.indicators)


def test_glued_heading_in_a_shortened_spelling() -> None:
    report = parse_narrative(_doc(
        "一、项目概况",
        "城市公共图书馆电子资源购置费由市级财政全额拨款，主要用于购置电子资源。",
        "社区矫正帮扶经费由市级财政全额拨款，主要用于社区矫正对象帮扶。",
        "二、绩效分析",
        "项目名称：社区矫正帮扶经费",
        "预算执行情况分值 10 分，得分 10 分。",
        "满意度指标：帮扶对象满意度达 95%。电子资源购置费",
        "1、预算执行情况（10 分）",
        "预算执行情况分值 10 分，得分 9 分。",
    ))
    library = _project(report, "城市公共图书馆电子资源购置费")
    assert _scores(library)["预算执行"] == (10, 9)
    assert library.evaluated


def test_a_report_organised_by_project() -> None:
    report = parse_narrative(_doc(
        "2022年度项目绩效自评报告",
        "一、乡村振兴示范村建设项目",
        "乡村振兴示范村建设项目由县级财政安排，主要用于示范村建设。",
        [HEADER, ["产出指标", "数量指标", "建成示范村个数", "≥5个", ""]],
        "（一）产出指标完成情况",
        "数量指标：全年建成示范村 6 个，新建村级活动中心 3 处。",
        "（二）存在问题",
        "个别村建设进度偏慢。",
    ))
    project = report.projects[0]
    villages = _indicator(project, "建成示范村个数")
    assert [(a.value, a.origin) for a in villages.actuals] == [(6, "analysis")]
    assert project.evaluated


def test_introduction_joined_to_the_previous_paragraph_still_names_the_project() -> None:
    """'X由财政拨款…' right after a full stop introduces X even when the reader joined the paragraphs."""
    report = parse_narrative(_doc(
        "一、项目概况",
        "河道保洁补助由区级财政全额拨款，主要用于河道日常保洁。"
        "乡村道路养护资金由区级财政全额拨款，主要用于村道修补。",
        "二、项目资金使用及管理情况",
        "财政安排河道保洁补助 20 万元、道路养护资金 35 万元。",
    ))
    assert len(report.projects) == 2, [p.name for p in report.projects]
    roads = _project(report, "道路养护资金")
    assert "乡村道路养护资金" in [roads.name, *roads.aliases]
    assert roads.budget.planned.value == 350000


@pytest.mark.parametrize(("statement", "linked"), [
    ("数量指标：全年共完成 8 个。", True),  # no measure of its own: the level's one 个 indicator
    ("数量指标：新建村级宣传栏 3 个。", False),  # another measure in the same unit: no link, its own indicator
])
def test_labelled_number_naming_another_measure_is_not_the_goal_result(statement: str, linked: bool) -> None:
    report = parse_narrative(_doc(
        "项目名称：乡村广播维护经费",
        "乡村广播维护经费绩效目标表",
        [["一级指标", "二级指标", "三级指标", "目标值"], ["产出指标", "数量指标", "维修广播站点数", "≥8个"]],
        "（二）绩效分析",
        "2、产出（50 分）",
        statement,
    ))
    project = _project(report, "乡村广播维护经费")
    goal = _indicator(project, "维修广播站点数")
    assert [a.value for a in goal.actuals if a.kind == "measured"] == ([8] if linked else [])
    outside = [i.name for i in project.indicators if not i.in_goal_table]
    assert outside == ([] if linked else ["新建村级宣传栏"])


def test_a_range_in_the_prose_is_one_actual_with_its_upper_bound() -> None:
    report = parse_narrative(_doc(
        "项目名称：应急救援服务项目",
        [HEADER, ["产出指标", "时效指标", "平均到场时间", "≤30分钟", ""],
         ["产出指标", "数量指标", "建设救援站点数", "≥2个", ""]],
        "二、绩效分析",
        "时效指标：全年平均到场时间16至24分钟。",
        "数量指标：建成救援站点二〇二一年底前完成验收，共 2 个。",
    ))
    project = report.projects[0]
    (arrival,) = _indicator(project, "平均到场时间").actuals
    assert (arrival.raw, arrival.upper, arrival.unit) == ("16至24分钟", Decimal("0.4"), "h")
    assert [a.value for a in _indicator(project, "建设救援站点数").actuals] == [2]


def test_goal_lines_numbered_with_circled_digits() -> None:
    doc = _doc(
        "某市2022年度污水处理补助资金绩效自评报告",
        "一、绩效目标分解下达情况",
        "①数量指标:雨水资源化利用125万吨/年;推进立法或长效机制建设。",
        "②质量指标:内涝积水区段消除比例达到40%。",
    )
    project = parse_narrative(doc).projects[0]
    assert _indicator(project, "雨水资源化利用").target.raw == "125万吨/年"
    ratio = _indicator(project, "内涝积水区段消除比例")
    assert (ratio.level, ratio.target.comparator, ratio.target.value) == ("产出/质量", ">=", 40)
