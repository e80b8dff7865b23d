"""A result stated first, then the ceiling it is held under (parse/goalceilings.py through parse/goalstated.py) or the
task it completes a share of (parse/goaltasks.py task_shares):
'失业率2.42%，控制在4.5%以内', with an aside in brackets after the result's figure."""

from __future__ import annotations

from decimal import Decimal

from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc, _indicator

JOBS = _doc(
    "某县2022年农村劳动力转移就业项目绩效自评报告",
    "一、项目基本情况",
    "项目预算资金120万元，全年执行120万元。",
    "二、绩效目标完成情况",
    "2.质量指标。培训后就业率68.5%，高于上年；城镇调查失业率5.1%，严格控制在5.5%以内。",
)

BEDS = _doc(
    "某县人民医院2023年住院服务能力提升项目绩效自评报告",
    "一、项目基本情况",
    "项目预算资金300万元，全年执行296万元。",
    "二、绩效指标完成情况",
    "全院平均住院日8.6天（不含康复科），控制在9天以内；药占比27%，保持在30%以下；床位使用率91%，较上年提高2个百分点。",
)


def test_a_ceiling_after_the_result() -> None:
    jobless = _indicator(parse_narrative(JOBS).projects[0], "城镇调查失业率")
    assert jobless.target is not None and (jobless.target.comparator, jobless.target.value) == ("<=", Decimal("5.5"))
    assert [a.value for a in jobless.actuals] == [Decimal("5.1")]
    # (the ceiling's figure is no result of the goal before it)
    assert [a.value for a in _indicator(parse_narrative(JOBS).projects[0], "培训后就业率").actuals] == [Decimal("68.5")]


def test_a_ceiling_after_a_result_with_an_aside() -> None:
    project = parse_narrative(BEDS).projects[0]
    days = _indicator(project, "全院平均住院日")
    # (days are held in hours)
    assert days.target is not None and (days.target.comparator, days.target.value) == ("<=", Decimal("216"))
    assert [a.value for a in days.actuals] == [Decimal("206.4")]
    drugs = _indicator(project, "药占比")
    assert drugs.target is not None and (drugs.target.comparator, drugs.target.value) == ("<=", Decimal("30"))
    # (a change on the year before is no ceiling: the rate stays a result with no target)
    assert not any(i.target is not None and i.target.value == Decimal("2") for i in project.indicators)


def test_a_task_share_after_a_dated_result_or_a_bare_verb() -> None:
    from reportparse.parse.goaltasks import task_shares

    def read(text: str) -> list[tuple[str, Decimal | None, list[Decimal | None]]]:
        return [(i.name, i.target.value if i.target else None, [a.value for a in i.actuals])
                for i in task_shares(_doc(text).elements[0])]  # type: ignore[arg-type]

    # (the year opening the result clause dates it, no word of its name)
    assert read("2022年度新增城镇就业人数3120人，完成市下达目标任务3000人的104%。") == \
        [("城镇就业人数", Decimal("3000"), [Decimal("3120")])]
    # (a bare verb names the work the clause before counted)
    assert read("全年共举办家政服务培训22期，培训860人，完成年度任务数800人的108%。") == \
        [("家政服务培训", Decimal("800"), [Decimal("860")])]
    assert read("累计组织创业培训12期，培训学员365人，完成任务数300人的122%。") == \
        [("培训学员", Decimal("300"), [Decimal("365")])]
