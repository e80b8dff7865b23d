"""A report on several projects that tells its goals by area of work, not by project (parse/goalareas.py):
the paragraph goes to the one project whose name or stated purpose shares the area's words, to none where
two share them alike or the area is a part of every report; its results are linked within that project only."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse.goalareas import area_label, is_area_title
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc

#: (wording 1) a farm bureau's three projects, listed with what their money is for
_FARM_LIST = (
    "某县农业农村局2023年项目支出绩效自评报告",
    "一、项目基本情况",
    "本单位纳入评价的项目共3个,分项如下:",
    "1、农机购置补贴宣传经费8万元,主要用于补贴政策宣传;",
    "2、耕地地力保护工作经费6万元,主要用于耕地地力保护工作;",
    "3、农业技术推广专项资金120万元,主要用于基层农技人员培训的相关费用。",
    "二、绩效目标设定及指标完成情况",
)


def _owners(report: Report) -> dict[str, str]:
    return {i.name: p.name for p in report.projects for i in p.indicators}


def _by_name(report: Report, name: str):  # type: ignore[no-untyped-def]
    found = [i for p in report.projects for i in p.indicators if i.name == name]
    assert len(found) == 1, _owners(report)
    return found[0]


def test_area_paragraphs_go_to_the_project_sharing_their_words() -> None:
    report = parse_narrative(_doc(
        *_FARM_LIST,
        "(1)耕地地力保护方面。2023年度全县耕地地力保护补贴面积41200亩,完成省下达任务40000亩的103%。",
        "(2)农技培训工作方面。全年开展高素质农民培训12期,培训860人,完成省目标任务数800人的107%;"
        "农机作业服务覆盖农户3100户。",
        # (a label line of its own closed by 。: the paragraph under it is of that area)
        "(3)农机补贴宣传工作方面。",
        "全年发放农机购置补贴政策宣传资料5200份,完成省下达任务5000份的104%。",
    ))
    owners = _owners(report)
    assert owners["全县耕地地力保护补贴面积"] == "耕地地力保护工作经费"  # (by the name: 耕地, 地力, 保护)
    assert owners["高素质农民培训"] == "农业技术推广专项资金"  # (by what its money is for: 培训)
    trained = _by_name(report, "高素质农民培训")
    assert [a.value for a in trained.actuals] == [Decimal(860)]
    assert owners["发放农机购置补贴政策宣传资料"] == "农机购置补贴宣传经费"


def test_an_area_heading_holds_for_the_paragraphs_under_it() -> None:
    # (wording 2: the area is a heading of its own, written 领域; the projects are named differently)
    report = parse_narrative(_doc(
        "某区卫生健康局2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "全局纳入绩效自评的项目共2个,具体如下:",
        "(1)家庭医生签约服务经费30万元,主要用于签约服务团队补助;",
        "(2)妇幼健康专项资金45万元,主要用于孕产妇健康管理。",
        "二、绩效指标完成情况",
        "(一)孕产妇健康管理领域",
        "全年孕产妇系统管理2160人,完成市目标任务数2000人的108%。",
        "(二)家庭医生签约领域",
        "全年家庭医生签约服务4.6万人,完成区下达任务4万人的115%。",
    ))
    owners = _owners(report)
    assert owners.get("孕产妇系统管理") == "妇幼健康专项资金", owners
    assert owners.get("家庭医生签约服务") == "家庭医生签约服务经费", owners


def test_an_area_written_as_its_work() -> None:
    # (wording 3: '一是…工作：' items; the area's head word 宣传 is in one project's name only)
    report = parse_narrative(_doc(
        *_FARM_LIST,
        "一是补贴政策宣传工作:全年发放宣传资料5200份,完成省下达任务5000份的104%。",
        "二是耕地地力保护工作:全县耕地地力保护补贴面积41200亩,完成省下达任务40000亩的103%。",
    ))
    owners = _owners(report)
    assert owners.get("全县耕地地力保护补贴面积") == "耕地地力保护工作经费", owners
    assert owners.get("发放宣传资料") == "农机购置补贴宣传经费", owners


def test_an_area_holds_under_deeper_headings_up_to_the_next_item() -> None:
    report = parse_narrative(_doc(
        *_FARM_LIST,
        "(一)耕地地力保护方面",
        "1、数量指标",
        "全县耕地地力保护补贴面积41200亩,完成省下达任务40000亩的103%。",
        "(二)其他方面",
        "全年培训基层农技人员300人,完成省下达任务280人的107%。",
        # (a label line's area holds for the paragraph after it, not for the next numbered item)
        "(1)补贴政策宣传工作方面。",
        "全年发放宣传资料5200份,完成省下达任务5000份的104%。",
        "(2)全年新增农机合作社12个,完成市下达任务10个的120%。",
    ))
    owners = _owners(report)
    assert owners.get("全县耕地地力保护补贴面积") == "耕地地力保护工作经费", owners
    assert owners.get("发放宣传资料") == "农机购置补贴宣传经费", owners
    assert not [i.name for p in report.projects for i in p.indicators
                if i.target is not None and i.target.value in (280, 10)], owners


def test_no_project_for_an_area_two_share_alike_or_every_report_has() -> None:
    report = parse_narrative(_doc(
        *_FARM_LIST,
        # (农业 is in two projects' words alike: no reader can tell which)
        "(1)农业保险方面。全年农业保险承保面积52000亩,完成省下达任务50000亩的104%。",
        "(2)预算执行方面。全年培训农技人员300人,完成任务数280人的107%。",
    ))
    assert not _owners(report)


def test_a_figure_of_another_area_is_no_result_of_this_area_goal() -> None:
    # (the 9800 farmers trained in the 耕地 paragraph share the training goal's word 培训 but are of another project;
    # the 120 youths of the training paragraph are no result of the training goal)
    report = parse_narrative(_doc(
        *_FARM_LIST,
        "1、数量指标",
        "(1)耕地地力保护方面。全县耕地地力保护补贴面积41200亩,完成省下达任务40000亩的103%;耕地保护政策培训覆盖农户9800人。",
        "(2)农技培训工作方面。培训860人,完成省目标任务数800人的107%;另向符合条件的120名返乡青年发放了创业补贴。",
    ))
    area = _by_name(report, "全县耕地地力保护补贴面积")
    assert [a.value for a in area.actuals] == [Decimal(41200)]
    trained = [i for p in report.projects for i in p.indicators if i.target and i.target.value == Decimal(800)]
    assert len(trained) == 1 and [a.value for a in trained[0].actuals] == [Decimal(860)], _owners(report)


def test_area_label_and_owner_words() -> None:
    assert area_label("(1)失业保险工作方面。2023年…") == ("失业保险", len("(1)失业保险工作方面。"))
    assert area_label("二是培训服务方面:…") is not None
    assert area_label("(3)资金管理方面。…") is None  # (a part of every report)
    assert area_label("(1)全年培训860人。") is None
    assert is_area_title("(一)孕产妇健康管理方面") and not is_area_title("(一)禁毒宣传工作")


def test_a_task_handed_down_is_a_floor() -> None:
    # (two wordings of a result measured against the task it completes a share of)
    report = parse_narrative(_doc(
        *_FARM_LIST,
        "(1)耕地地力保护方面。全县耕地地力保护补贴面积41200亩,完成省下达任务40000亩的103%。",
        "(2)农技培训工作方面。培训860人,完成省目标任务数800人的107%。",
    ))
    for name, value in (("全县耕地地力保护补贴面积", 40000), ("培训", 800)):
        target = _by_name(report, name).target
        assert target is not None and (target.comparator, target.value, target.bare_number) == (">=", value, False)


def test_a_rate_of_its_own_reports_no_other_goal() -> None:
    # ('X申报1398条，完成率100%': the rate of the item before; the area's one % goal is no goal of it)
    report = parse_narrative(_doc(
        *_FARM_LIST,
        "1、数量指标",
        "(1)耕地地力保护方面。耕地撂荒率控制在2%以内,实际1.2%;补贴申报核验3120户,核验率100%。",
        "(2)耕地地力保护工作方面。全县耕地土壤检测覆盖率不低于90%,实际95%;补贴面积核查2600亩,完成率100%。",
    ))
    goals = [i for p in report.projects for i in p.indicators if i.name.endswith(("撂荒率", "覆盖率"))]
    assert len(goals) == 2, _owners(report)
    for indicator in goals:
        assert all(a.value != 100 for a in indicator.actuals), (indicator.name, indicator.actuals)
