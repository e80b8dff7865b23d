"""The shared department measures of a 部门整体支出 report (parse/department.py) and their checks."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse import parse_report
from reportparse.parse.department import measures, paragraph_measures
from reportparse.parse.narrative import parse_narrative
from tests._builders import run
from tests.test_parse_narrative import _doc, _indicator


def _report(rate_sentence: str) -> Report:
    return parse_narrative(_doc(
        "某县自然资源局2023年度部门整体支出绩效自评报告",
        "一、部门基本情况",
        "某县自然资源局内设股室8个，编制人数45人。",
        "二、部门整体支出情况",
        "2023年全年预算数520万元，全年执行数494万元。",
        "三、部门整体支出绩效情况",
        rate_sentence,
        "结转结余率3.2%（标准≤5%），分值5分，得分5分。",
        "政府采购执行率100%。“三公”经费控制率为98%，得分5分。",
        "下一步将进一步提高预算执行率。",
    ))


def test_measures_read_into_the_department_project() -> None:
    report = _report("全年预算执行率为95%，年度目标值为95%，该指标分值10分，得分10分。")
    assert [p.name for p in report.projects] == ["某县自然资源局部门整体支出"]
    project = report.projects[0]
    rate = _indicator(project, "预算执行率")
    assert rate.level == "过程/预算执行"
    assert rate.target is not None and rate.target.comparator == ">=" and rate.target.value == 95  # a floor
    assert [a.value for a in rate.actuals] == [Decimal("95")]
    assert (rate.weight, rate.score) == (10, 10)
    balance = _indicator(project, "结转结余率")
    assert balance.target is not None and balance.target.comparator == "<=" and balance.target.value == 5
    assert [a.value for a in _indicator(project, "政府采购执行率").actuals] == [Decimal("100")]
    public = _indicator(project, "三公经费控制率")  # quoted “三公” is the same measure
    assert [a.value for a in public.actuals] == [Decimal("98")] and public.score == 5
    assert rate.evidence and "预算执行率为95%" in rate.evidence[0].text


def test_measures_are_checked_like_form_rows() -> None:
    report = _report("全年预算执行率为85%，年度目标值为95%，该指标分值10分，得分10分。")
    codes = {f.code for f in run(report)}
    assert {"target-missed-full-score", "budget-rate-mismatch"} <= codes


def test_a_measure_named_without_a_figure_is_not_read() -> None:
    report = _doc("x")  # only to build a paragraph the way documents do
    para = report.elements[0].model_copy(update={"text": "下一步将进一步提高预算执行率，较上年提高2.3%。"})
    assert paragraph_measures(para) == []


def test_every_lexicon_pattern_finds_its_own_name() -> None:
    for measure in measures():
        assert measure.pattern.search(measure.name), measure.name
        assert measure.direction in (">=", "<=")


def test_project_reports_keep_their_rates_out() -> None:
    report = parse_narrative(_doc(
        "2023年乡村道路养护项目绩效自评报告",
        "一、项目资金情况",
        "项目预算100万元，支出98万元，预算执行率为98%。",
    ))
    assert all(i.name != "预算执行率" for p in report.projects for i in p.indicators)


DEPARTMENT_FORM = [
    ["2023年度部门整体支出绩效自评表"],
    ["部门（单位）名称", "某县自然资源局"],
    ["年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "500", "520", "494", "10", "95%", "9.5"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "不动产登记办件量", "≥5000件", "5200件", "40", "40"],
    ["", "时效指标", "预算执行率", "95%", "95%", "10", "10"],
    ["", "成本指标", "“三公”经费控制率", "100%", "98%", "10", "10"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "10", "10"],
]


def test_department_form_names_the_department_and_directs_bare_targets() -> None:
    report = parse_report(_doc(DEPARTMENT_FORM))
    assert [p.name for p in report.projects] == ["某县自然资源局部门整体支出"]
    project = report.projects[0]
    rate = _indicator(project, "预算执行率")
    assert rate.target is not None and rate.target.comparator == ">=" and rate.target.bare_number
    public = _indicator(project, "“三公”经费控制率")
    assert public.target is not None and public.target.comparator == "<="
    assert (public.weight, public.score) == (10, 10)


def test_project_form_keeps_its_name() -> None:
    rows = [list(r) for r in DEPARTMENT_FORM]
    rows[0] = ["项目支出绩效自评表"]
    rows[1] = ["项目名称", "不动产登记服务项目"]
    report = parse_report(_doc(rows))
    assert [p.name for p in report.projects] == ["不动产登记服务项目"]


def test_department_report_that_also_evaluated_funds_keeps_the_department() -> None:
    report = parse_narrative(_doc(
        "按照预算管理的要求，我局开展了2022年度部门整体支出绩效自评，涉及一般公共预算支出12,345.60万元。"
        "此外，我局还对“农业产业发展专项资金”“乡村道路养护专项资金”等专项资金开展了绩效自评。",
        "附件：1.某市农业农村局2022年度部门整体支出绩效自评报告",
    ))
    names = [p.name for p in report.projects]
    assert "某市农业农村局部门整体支出" in names and "农业产业发展专项资金" in names, names
    department = next(p for p in report.projects if p.name == "某市农业农村局部门整体支出")
    assert department.budget.executed is not None and department.budget.executed.value == Decimal("123456000")


def test_department_report_alone_is_one_subject() -> None:
    report = parse_narrative(_doc(
        "按照预算管理的要求，我局开展了2022年度部门整体支出绩效自评，涉及一般公共预算支出12,345.60万元。",
        "附件：1.某市农业农村局2022年度部门整体支出绩效自评报告",
    ))
    assert [p.name for p in report.projects] == ["某市农业农村局部门整体支出"]
