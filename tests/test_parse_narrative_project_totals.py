"""Narrative reports on several projects, each named in prose with its money stated once: the unit's whole project
money split into its projects, whatever each part's name ends in, and the limits of that reading (a project's own
costs and works, the sources of its money). Made-up reports in several wordings, never a corpus page's text."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def _money(report: Report) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


def _names(report: Report) -> set[str]:
    return {name for p in report.projects for name in (p.name, *p.aliases)}


# --- the unit's project money split into its projects --------------------------------------------------------------
def test_a_part_named_as_a_subsidy_in_the_units_project_list_is_a_project() -> None:
    report = parse_narrative(_doc(
        "某区卫生健康局2023年度项目绩效自评报告",
        "一、项目概况",
        "2023年我局项目支出预算合计230万元，其中：基本公共卫生服务项目120万元，家庭医生签约服务项目80万元，"
        "计划生育特别扶助补助30万元。",
        "二、绩效目标完成情况",
        "基本公共卫生服务项目实际支出118万元，家庭医生签约服务项目实际支出80万元，计划生育特别扶助补助实际支出30万元。",
    ))
    assert _money(report)["计划生育特别扶助补助"] == (Decimal("300000"), Decimal("300000"))
    assert len(report.projects) == 3


def test_the_units_budget_split_in_the_next_sentence_names_its_projects() -> None:
    report = parse_narrative(_doc(
        "某县民政局2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "2023年度我局项目预算共计310万元。其中：困难群众临时救助项目资金150万元，养老服务设施运营补贴资金100万元，"
        "孤儿基本生活保障补助60万元。",
        "二、项目执行情况",
        "困难群众临时救助项目全年支出148万元；养老服务设施运营补贴全年支出95万元；孤儿基本生活保障补助全年支出60万元。",
    ))
    money = _money(report)
    assert money["孤儿基本生活保障补助"] == (Decimal("600000"), Decimal("600000"))
    assert len(report.projects) == 3


def test_a_counted_list_after_its_total_names_every_project() -> None:
    report = parse_narrative(_doc(
        "某区住房和城乡建设局2022年度项目绩效自评报告",
        "一、项目概况",
        "我局2022年共实施项目3个，总投资合计980万元，具体为：老旧小区改造项目620万元，背街小巷整治项目260万元，"
        "城市公厕提升改造补助100万元。",
        "二、资金使用情况",
        "老旧小区改造项目已支付600万元，背街小巷整治项目已支付250万元，城市公厕提升改造补助已拨付100万元。",
    ))
    money = _money(report)
    assert money["城市公厕提升改造补助"] == (Decimal("1000000"), Decimal("1000000"))
    assert money["老旧小区改造项目"] == (Decimal("6200000"), Decimal("6000000"))
    assert len(report.projects) == 3


def test_a_list_that_does_not_add_up_to_the_whole_names_no_further_project() -> None:
    report = parse_narrative(_doc(
        "某区卫生健康局2023年度项目绩效自评报告",
        "一、项目概况",
        "2023年我局项目支出预算合计500万元，其中：基本公共卫生服务项目120万元，家庭医生签约服务项目80万元，"
        "计划生育特别扶助补助30万元。",
    ))
    assert "计划生育特别扶助补助" not in _names(report)  # (some of the projects only: the subsidy may be a part)


def test_the_sources_of_the_units_money_are_no_projects() -> None:
    report = parse_narrative(_doc(
        "某区农业农村局2022年度项目支出绩效自评报告",
        "一、基本情况",
        "我局项目资金共计500万元，其中中央资金300万元，省级资金200万元。",
        "（一）耕地地力保护补贴项目。年初预算300万元，全年执行300万元。",
        "（二）农村人居环境整治项目。年初预算200万元，全年执行180万元。",
    ))
    assert set(_money(report)) == {"耕地地力保护补贴项目", "农村人居环境整治项目"}


def test_a_one_project_reports_costs_are_no_projects() -> None:
    report = parse_narrative(_doc(
        "2023年某镇公共服务设施建设项目绩效自评报告",
        "一、项目概况",
        "本项目预算资金80万元，其中：设备购置费50万元，宣传培训费30万元。全年支出78万元。",
        "项目预算资金80万元，其中：设备购置经费50万元，人员培训补助30万元。",
    ))
    assert len(report.projects) == 1
