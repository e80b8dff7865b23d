"""Money sentences of a narrative as real reports write them: the amounts that become a project's budget,
spending and printed rate, and the words that explain an unpaid balance."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Document, Line, Paragraph, Project, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.quantities import money


def _doc(*paragraphs: str) -> Document:
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n + 1)], spans=[(0, len(text))])
                for n, text in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _only(*paragraphs: str) -> Project:
    report = parse_narrative(_doc(*paragraphs))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


def test_a_bare_wan_after_a_money_word_is_an_amount() -> None:
    assert [(m.raw, m.value) for m in money("资金共安排19204.096万，其中央省14059.11万元")] == [
        ("19204.096万", Decimal("192040960")), ("14059.11万元", Decimal("140591100"))]
    assert money("受益群众2万人，种植3万亩") == []  # 万 before a unit is no money


def test_a_part_given_after_its_total_is_not_the_budget_and_zhifulv_is_the_printed_rate() -> None:
    project = _only(
        "乡村振兴衔接资金项目绩效自评报告",
        "2023年，乡村振兴衔接资金项目共安排资金5000万，其中中央资金3000万元、县级2000万元，资金已全部到位。",
        "乡村振兴衔接资金项目共支付4800万元，未支付200万元，支付率95%。",
    )
    budget = project.budget
    assert budget.planned is not None and budget.planned.value == Decimal("50000000")
    assert budget.executed is not None and budget.executed.value == Decimal("48000000")
    assert budget.printed_rate is not None and budget.printed_rate.value == 95


def test_an_approved_category_of_spending_is_a_budget_not_spending() -> None:
    project = _only("农村环境综合整治项目经费绩效自评报告",
                    "市财政批复农村环境综合整治项目经费项目支出10万元，已全部用于补助3个村。")
    assert project.budget.planned is not None and project.budget.planned.value == Decimal("100000")
    # (项目支出 is no spending; '已全部用于…' is: the whole budget used, as the dev golds read it, sb10 and rb16)
    assert project.budget.executed is not None and project.budget.executed.raw == project.budget.planned.raw
    assert project.budget.executed.evidence[0].text == project.budget.planned.evidence[0].text


def test_retention_money_and_a_pending_audit_explain_an_unpaid_balance() -> None:
    project = _only(
        "道路建设项目绩效自评报告",
        "道路建设项目预算100万元，已支付95万元。",
        "未支付的5万元为预留的质保金，待审计结束、质保期满后支付。",
    )
    assert project.budget.balance_explained


def test_spending_stated_beside_its_budget_outranks_a_final_accounts_total() -> None:
    """A department report gives the 决算's 支出合计 (money from outside the budget included) before the
    budget-execution sentence: the spending measured against the budget is the one stated beside it."""
    project = _only("某县自然资源局2022年度部门整体支出绩效自评报告",
                    "2022年度支出合计1523.26万元，其中：基本支出1000.00万元，项目支出523.26万元。",
                    "年初预算1000万元，调整后预算1200万元，全年执行1180万元，预算执行率98.33%。",
                    "另有支出100万元用于应急。")
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(12000000)
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(11800000)


def test_spending_stated_alone_is_still_read() -> None:
    project = _only("某县自然资源局2022年度部门整体支出绩效自评报告", "2022年度支出合计1523.26万元。")
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(15232600)


def test_a_running_cost_category_is_neither_a_project_nor_its_budget() -> None:
    """'“三公”经费：预算数10万元，决算数8万元' in a department report: a kind of spending the report
    accounts for; not a project named 三公经费, and not the department's budget (no 2万 balance)."""
    document = _doc("某县政协办公室2021年度部门整体支出绩效评价报告",
                    "2、“三公”经费：2021年预算数10万元，决算数8万元，比上年减少2万元，下降20%。",
                    "会议费预算3万元，实际支出2.5万元。")
    projects = parse_narrative(document).projects
    assert [p.name for p in projects] == ["某县政协办公室部门整体支出"]
    assert projects[0].budget.planned is None and projects[0].budget.executed is None


def test_money_carried_in_from_earlier_years_explains_no_balance() -> None:
    """'上年结转资金' is where some of this year's money came from, not where its rest went; a heading that only
    names the topic ('结转结余使用情况') says nothing either. Where the rest goes still counts."""
    for carried_in in ("2022年本单位使用上年结转资金12万元，支出4万元。", "以前年度结余资金3万元，本年支出1万元。"):
        project = _only("某县农业技术推广站部门整体支出绩效自评报告",
                        "（一）资金安排情况", "2023年专项资金安排20万元，支出15万元。",
                        "（三）其他资金收支及结转结余使用情况", carried_in)
        assert not project.budget.balance_explained, carried_in
    project = _only("某县农业技术推广站部门整体支出绩效自评报告",
                    "2023年专项资金安排20万元，支出15万元，上年结转资金2万元已用完。",
                    "4.结余资金说明：剩余5万元结转下年继续使用。")
    assert project.budget.balance_explained


def test_the_year_s_money_of_the_project_named_with_no_verb_is_its_budget() -> None:
    """'2022年X项目经费324.11万元，按季划款': the year's funds of the project, stated with no verb (the budget)."""
    for sentence in ("2023年乡村道路养护项目经费85万元，按工作进度按季度划款。",
                     "2023年度乡村道路养护项目资金为85万元，主要用于路面修补和边沟清理。"):
        project = _only("某县2023年度乡村道路养护项目支出绩效自评报告", "一、项目基本情况", sentence)
        assert project.budget.planned is not None and project.budget.planned.value == Decimal(850000), sentence


# --- a works' history in the overview, the year's money in the funds section --------------------------


def test_money_still_to_be_paid_is_neither_budget_nor_spending() -> None:
    for owed in ("全部投资共计1800万元,尚需拨付300万元。", "该工程结算价1800万元,仍需支付300万元,待拨付资金明年安排。"):
        project = _only("县医院门诊楼改造工程建设经费绩效自评报告", "一、项目基本情况", owed,
                        "二、项目资金情况", "县财政下达县医院门诊楼改造工程建设经费200万元,年底全部支出。")
        budget = project.budget
        assert budget.executed is None or budget.executed.value != Decimal(3000000), budget.executed
        assert budget.planned is not None and budget.planned.value == Decimal(2000000), budget.planned


def test_the_allotment_the_funds_section_names_replaces_the_works_whole_investment() -> None:
    for overview, allotment in (
            ("城区污水管网改造所需投资共计5600万元,由省市县三级分担。",
             "2022年市财政向市住建局下达城区污水管网改造工程建设经费480万元。"),
            ("城区污水管网改造工程总投资5600万元,分三年实施。",
             "依据年度部门预算批复,市财政局安排城区污水管网改造工程建设经费480万元。"),
            # (the investment and the allotment in other words: 共投资, 投资额; 拨入 the body's account)
            ("该工程共投资5600万元,已完成投资3000万元。",
             "2022年市财政局拨入城区污水管网改造工程建设经费480万元。"),
            ("城区污水管网改造工程项目投资额为5600万元。",
             "市财政向市住建局下达城区污水管网改造工程建设经费480万元。")):
        project = _only("城区污水管网改造工程建设经费绩效自评报告", "一、项目基本情况", overview,
                        "三、项目绩效实现情况", "(一)项目资金情况", "1.项目资金到位情况", allotment)
        assert project.budget.planned is not None and project.budget.planned.value == Decimal(4800000)


def test_payments_each_on_its_own_day_add_up_to_the_spending() -> None:
    for payments in ("市住建局于2022年6月3日向施工单位拨付300万元,11月20日拨付180万元。",
                     "6月3日支付第一笔工程款300万元,11月20日支付第二笔工程款180万元。",
                     # (a month's payment, its day unsaid)
                     "6月份拨付工程款300万元，12月底拨付剩余工程款180万元。",
                     "2022年7月上旬撥付300萬元，11月下旬撥付180萬元。"):
        project = _only("城区污水管网改造工程建设经费绩效自评报告", "一、项目资金情况",
                        "市财政下达城区污水管网改造工程建设经费480万元。", "二、项目资金执行情况", payments)
        assert project.budget.executed is not None and project.budget.executed.value == Decimal(4800000)
    # (running totals up to a day are no payments to add: the last is the spending)
    project = _only("城区污水管网改造工程建设经费绩效自评报告", "一、项目资金情况",
                    "市财政下达城区污水管网改造工程建设经费480万元,截至6月30日支出300万元,截至12月31日支出480万元。")
    assert project.budget.executed is not None and project.budget.executed.value != Decimal(7800000)
    for running in ("截至6月底支出300万元,截至12月底支出480万元。", "6月底前支出300万元,12月底前支出480万元。"):
        project = _only("城区污水管网改造工程建设经费绩效自评报告", "一、项目资金情况",
                        f"市财政下达城区污水管网改造工程建设经费480万元,{running}")
        assert project.budget.executed is not None and project.budget.executed.value != Decimal(7800000), running


def test_payments_each_on_its_own_day_in_sentences_set_off_by_semicolons_add_up() -> None:
    for payments in ("2022年6月3日向施工单位支付300万元；2022年11月20日支付180万元。",
                     "6月份撥付工程款300萬元；12月底撥付剩餘工程款180萬元；"):
        project = _only("城区污水管网改造工程建设经费绩效自评报告", "一、项目资金情况",
                        "市财政下达城区污水管网改造工程建设经费480万元。", "二、项目资金执行情况", payments)
        assert project.budget.executed is not None and project.budget.executed.value == Decimal(4800000), payments
    # (running totals add nothing up, and payments after a spending stated as a whole leave it)
    project = _only("城区污水管网改造工程建设经费绩效自评报告", "一、项目资金情况",
                    "市财政下达城区污水管网改造工程建设经费480万元。", "二、项目资金执行情况",
                    "截至6月底支出300万元；截至12月底支出480万元。")
    assert project.budget.executed is not None and project.budget.executed.value != Decimal(7800000)
    project = _only("城区污水管网改造工程建设经费绩效自评报告", "一、项目资金情况",
                    "市财政下达城区污水管网改造工程建设经费480万元。", "二、项目资金执行情况",
                    "全年支出480万元。6月3日支付300万元；11月20日支付180万元。")
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(4800000)


def test_spending_the_funds_section_reports_replaces_a_payment_the_overview_recalls() -> None:
    for recalled in ("项目由地方承担,其中已申请专项债券资金支付2000万元。", "前期已使用地方政府债券资金支付2000万元。"):
        project = _only("城区污水管网改造工程建设经费绩效自评报告", "一、项目基本情况", recalled,
                        "二、项目资金情况", "市财政下达城区污水管网改造工程建设经费480万元。",
                        "三、项目资金执行情况", "市住建局全年向施工单位拨付480万元。")
        assert project.budget.executed is not None and project.budget.executed.value == Decimal(4800000)
