"""The shared department measures of a 部门整体支出 report (parse/department.py) and their checks."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
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
