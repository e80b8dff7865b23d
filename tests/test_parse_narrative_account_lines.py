"""Narrative reports that restate figures which are not the project's budget: a 决算 statement's account
heads, the value of works a review body audited, a payment list, a generated report's listed scores summed
up by its total, and the '<X>的绩效目标值为…' sentences of a provincial system's report."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Document, Line, Paragraph, Project, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative


def _doc(*paragraphs: str) -> Document:
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n + 1)], spans=[(0, len(text))])
                for n, text in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _projects(*paragraphs: str) -> list[Project]:
    return parse_narrative(_doc(*paragraphs)).projects


def test_an_audit_category_is_not_the_verb_of_the_amount_its_clause_names() -> None:
    # a review body reports the works it audited: 预算 and 结算 are kinds of works, 送审金额 what was sent in
    projects = _projects(
        "造价审核经费项目绩效自评报告",
        "造价审核经费项目全年支付审核服务费300万元。",
        "全年共审定200宗，其中预算120宗，送审金额12.5亿元，审定金额11.9亿元；结算80宗，合同金额为6.1亿元。",
    )
    assert len(projects) == 1
    budget = projects[0].budget
    assert budget.planned is None  # no budget is printed: none of the 亿元 sums is one
    assert budget.executed is not None and budget.executed.value == Decimal("3000000")


def test_a_bare_amount_noun_goes_on_with_the_verb_before_it() -> None:
    projects = _projects(
        "某中心项目支出绩效自评报告",
        "某中心信息化运维项目年初批复预算，金额120万元，全年支出118万元。",
    )
    budget = projects[0].budget
    assert budget.planned is not None and budget.planned.value == Decimal("1200000")


def test_money_said_to_be_actually_used_is_spending_not_a_plan() -> None:
    projects = _projects(
        "科技计划项目绩效评价报告",
        "科技计划项目实际利用的资金共计860万元，比计划安排资金超出5%。",
    )
    assert all(p.budget.planned is None for p in projects)
    assert all("利用" not in p.name for p in projects), [p.name for p in projects]


def test_a_payment_clause_and_a_file_name_are_not_project_names() -> None:
    names = [p.name for p in _projects(
        "财政支出项目绩效评价报告文档格式.docx",
        "农村公路养护项目向第三方检测公司支付检测服务费35.2万元，拨付施工单位工程款120万元。",
    )]
    assert not any(word in name for name in names for word in ("支付", "工程款", "服务费", ".docx", "文档格式")), names


def test_the_account_heads_of_a_final_statement_are_not_projects() -> None:
    names = [p.name for p in _projects(
        "某乡镇2023年度项目支出绩效自评报告",
        "人居环境整治项目全年预算80万元，实际支出78万元。",
        "2023年本年支出合计1520.4万元，其中：基本支出620.1万元；项目支出900.3万元；上缴上级支出0万元；"
        "经营支出0万元；对附属单位补助支出0万元。",
    )]
    heads = ("附属单位", "上缴上级", "经营支出", "基本支出", "本年支出")
    assert not any(head in name for name in names for head in heads), names


def test_level_scores_listed_and_summed_up_by_a_total_without_its_unit_are_scores() -> None:
    # a provincial system's generated sentence: the parts are scores, the figure after 总得分 is the total
    project = _projects(
        "人才服务站补助资金项目绩效自评报告",
        "人才服务站补助资金项目累计安排资金20万元，其中：项目立项5分，资金管理10分，时效目标10分，"
        "成本目标8分，数量目标20分，质量目标10分，社会效益目标17分，服务对象满意度10分，总得分90，",
    )[0]
    lines = {line.level: line for line in project.scores}
    satisfaction = lines["满意度"]
    assert satisfaction.score == Decimal("10") and satisfaction.weight is None  # not weight 10, score 90
    assert lines["产出/数量"].score == Decimal("20")
    assert all(line.score != Decimal("90") for level, line in lines.items() if level != "总分")


def test_a_weight_listed_before_a_score_stays_a_weight() -> None:
    project = _projects(
        "道路养护项目绩效自评报告",
        "道路养护项目产出指标50分，得分48分；效益指标30分，得分30分；满意度指标10分，得分9分，总得分为97分。",
    )[0]
    lines = {line.level: line for line in project.scores}
    assert (lines["产出"].weight, lines["产出"].score) == (Decimal("50"), Decimal("48"))
    assert (lines["满意度"].weight, lines["满意度"].score) == (Decimal("10"), Decimal("9"))


def test_a_generated_target_sentence_names_the_indicator_without_its_target_word() -> None:
    project = _projects(
        "人才服务站补助资金项目绩效自评报告",
        "(3)数量目标:当年新建服务站数量的绩效目标值为3个,实际完成值为2个,完成率为67%,"
        "培训人次的年度绩效目标值为200人次,实际完成值为260人次,完成率为130%。",
    )[0]
    names = {indicator.name for indicator in project.indicators}
    assert "当年新建服务站数量" in names, names
    assert not any(name.endswith(("的绩效", "的绩效目标值", "的年度绩效")) for name in names), names


def test_a_target_table_run_into_the_prose_gives_each_row_its_target_and_result() -> None:
    # a provincial system's report pasted as one line: header words, level labels and rows run together
    project = _projects(
        "社区服务站补助资金项目绩效自评报告",
        "社区服务站补助资金项目绩效目标如下:评价内容绩效内容绩效目标值实际完成值累计完成率产出目标数量目标"
        "新建社区服务站数量>=4个3个75%开展志愿活动次数>=30次36次120%质量目标居民对服务的满意率>=90%93%103%"
        "(二)项目资金情况本项目安排资金12万元。",
    )[0]
    rows = {i.name: i for i in project.indicators}
    station = rows["新建社区服务站数量"]
    assert station.level == "产出/数量"
    assert station.target is not None and (station.target.comparator, station.target.value) == (">=", 4)
    assert [a.value for a in station.actuals] == [3]
    rate = rows["居民对服务的满意率"]
    assert rate.level == "产出/质量" and [a.value for a in rate.actuals] == [93]  # not the 75% or 120% shares
    assert rows["开展志愿活动次数"].actuals[0].value == 36


def test_money_named_by_its_noun_then_broken_down_by_source_is_the_budget() -> None:
    project = _projects(
        "某县2023年度农村供水保障项目绩效自评报告",
        "农村供水保障项目涉及资金500万元，其中中央资金300万元、省级资金150万元、县级资金50万元。",
        "项目全年支出480万元，结余20万元已交回财政。",
    )[0]
    assert project.budget.planned is not None and project.budget.planned.value == Decimal("5000000")
    assert project.budget.executed is not None and project.budget.executed.value == Decimal("4800000")


def test_a_department_report_does_not_take_a_listed_projects_money_for_its_own() -> None:
    projects = _projects(
        "某局2022年度部门整体支出绩效自评报告",
        "2022年部门支出合计1238.2万元，其中：基本支出860.2万元，项目支出378万元。",
        "2022年我局共实施项目3个：",
        "1.办公楼维修项目，预算80万元，支出80万元；",
        "2.信息化建设项目，预算120万元，支出96万元；",
    )
    department = next(p for p in projects if "整体" in p.name)
    assert department.budget.planned is None or department.budget.planned.value != Decimal("800000")
    assert department.budget.executed is not None and department.budget.executed.value == Decimal("12382000")


def test_a_sentence_on_the_balances_of_all_listed_projects_explains_each() -> None:
    projects = _projects(
        "某县文旅局2023年度项目支出绩效自评报告",
        "2023年我局共实施项目2个，具体如下：",
        "1、文物保护项目：预算50万元，实际支出46万元；",
        "2、公共文化服务项目：预算80万元，实际支出72.5万元。",
        "以上项目结余资金11.5万元已全部交回县财政。",
    )
    assert len(projects) == 2
    assert all(p.budget.balance_explained for p in projects)


def test_a_levels_own_self_evaluation_score_is_not_cut_as_the_total() -> None:
    project = _projects(
        "河道保洁经费绩效自评报告",
        "产出指标满分 50 分，自评得分 48 分。其中，数量指标满分 15 分，自评得分 15 分；质量指标满分 15 分，"
        "自评得分 13 分；时效指标满分 10 分，自评得分 10 分；成本指标满分 10 分，自评得分 10 分。",
    )[0]
    lines = {line.level: line for line in project.scores}
    assert (lines["产出"].weight, lines["产出"].score) == (Decimal("50"), Decimal("48"))
    assert (lines["产出/质量"].weight, lines["产出/质量"].score) == (Decimal("15"), Decimal("13"))


def test_a_balance_named_after_an_execution_rate_is_not_spending() -> None:
    project = _projects(
        "某中心2023年度信息化运维项目绩效自评报告",
        "信息化运维项目全年预算200万元，实际支出190万元。",
        "项目预算执行率为95%，结余资金10万元结转下年使用。",
    )[0]
    assert project.budget.executed is not None and project.budget.executed.value == Decimal("1900000")
    assert project.budget.balance_explained


def test_a_budget_label_and_its_value_on_separate_lines_fill_the_budget() -> None:
    project = _projects(
        "某县交通运输局2023年度项目支出绩效自评报告",
        "项目名称", "农村道路养护项目",
        "全年预算数（万元）", "85",
        "全年执行数（万元）", "80.5",
        "执行率", "94.7%",
        "全年养护农村道路120公里，剩余4.5万元已交回财政。",
    )[0]
    assert project.budget.planned is not None and project.budget.planned.value == Decimal("850000")
    assert project.budget.executed is not None and project.budget.executed.value == Decimal("805000")
    assert project.budget.printed_rate is not None and project.budget.printed_rate.value == Decimal("94.7")


def test_a_count_under_a_label_is_no_budget() -> None:
    project = _projects(
        "某县交通运输局2023年度项目支出绩效自评报告",
        "农村道路养护项目全年预算85万元。",
        "养护里程（公里）", "120",
        "执行数", "80.5万元",
    )[0]
    assert project.budget.planned is not None and project.budget.planned.value == Decimal("850000")
    assert project.budget.executed is not None and project.budget.executed.value == Decimal("805000")
