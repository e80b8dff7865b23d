"""Report structure read from how writers set their titles: a subject bracketed after its class of spending
in the title, a numbered part title closed by a full stop, a part title a dump ran into the paragraph above,
and 成效指标 as a level label."""

from __future__ import annotations

import pytest

from reportparse.model import Document, Line, Paragraph, Source, SourceFormat
from reportparse.parse.layout import walk
from reportparse.parse.narrative import parse_narrative
from reportparse.parse.sections import heading_level


def _para(text: str, line: int = 1) -> Paragraph:
    return Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=line)], spans=[(0, len(text))])


def _doc(*paragraphs: str) -> Document:
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1),
                    elements=[_para(t, i + 1) for i, t in enumerate(paragraphs)])


@pytest.mark.parametrize(("title", "name"), [
    ("某县住房保障中心2021年预算项目支出(公租房运营维护)绩效评价自评报告", "公租房运营维护"),
    ("某镇人民政府2022年度项目支出（农村公路养护补助）绩效自评报告", "农村公路养护补助"),
    ("某县交通运输局2022年度项目支出【农村公路养护】绩效自评报告", "农村公路养护"),
    ("某县水利局2021年度专项资金(小型水库维修养护)使用绩效自评报告", "小型水库维修养护"),
])
def test_a_subject_bracketed_after_its_class_of_spending(title: str, name: str) -> None:
    document = _doc(title, "一、项目基本情况", "本项目由县财政全额保障，全年运行平稳。")
    assert [p.name for p in parse_narrative(document).projects] == [name]


@pytest.mark.parametrize(("text", "heading"), [
    ("(二)项目绩效目标。", True),
    ("3.绩效评价工作情况。", True),
    ("1.加强资金管理。", False),  # (a short item names no part of the report)
    ("（五）存在的问题及原因。", True),
    ("(六)下一步改進措施。", True),
    ("2.严格资金使用。", False),
    ("(1)数量指标。", False),  # (a level's label, read by the level rules)
])
def test_a_numbered_title_closed_by_a_full_stop(text: str, heading: bool) -> None:
    assert bool(heading_level(_para(text))) is heading


def test_goals_under_a_closed_title_are_goals() -> None:
    layout = walk(_doc("某县2020年度X补助资金绩效自评报告", "一、项目基本情况", "(一)项目概况。",
                       "本项目为全县困难家庭发放补助。", "(二)项目绩效目标。", "计划发放补助300户。"), set())
    assert [info.section for info in layout.paras][-1] == "goals"


@pytest.mark.parametrize("run_in", [
    "申报的预算资金80万元已获批复,到位率100%。 三、项目绩效情况 (一)项目完成情况。",
    "资金已全部拨付，到位率100%。 四、绩效目标完成情况分析 (一)产出完成情况。",
])
def test_a_part_title_run_into_the_paragraph_above_opens_its_part(run_in: str) -> None:
    layout = walk(_doc("某县2020年度X项目绩效自评报告", "(二)项目绩效目标。", "完成改造20户。", run_in,
                       "1.完成改造22户。"), set())
    assert layout.paras[-1].section == "analysis"


@pytest.mark.parametrize("label", ["成效指标", "效果指标"])
def test_a_result_label_is_a_benefit_level(label: str) -> None:
    document = _doc("某县2020年度照料中心建设项目绩效自评报告", "一、项目概况", "(二)项目绩效目标。",
                    f"{label}:照料中心服务对象满意度达90%以上。", "三、项目绩效情况", "服务对象满意度为96%。")
    (project,) = parse_narrative(document).projects
    (indicator,) = [i for i in project.indicators if "满意度" in i.name]
    assert indicator.target is not None and [str(a.value) for a in indicator.actuals] == ["96"]


def test_a_list_item_run_into_a_paragraph_opens_no_part() -> None:
    layout = walk(_doc("某县2020年度X项目绩效自评报告", "(二)项目绩效目标。",
                       "主要措施有：一、明确责任。 二、加强资金管理。", "计划完成改造20户。"), set())
    assert layout.paras[-1].section == "goals"


@pytest.mark.parametrize("run_in", [
    "全年完成改造22户。 五、存在的问题及原因 (一)资金方面。",
    "全年完成改造22户。 五、下一步改進措施 (一)资金方面。",
])
def test_a_problems_title_run_into_the_paragraph_above_opens_its_part(run_in: str) -> None:
    layout = walk(_doc("某县2020年度X项目绩效自评报告", "四、绩效目标完成情况分析", run_in, "拨付进度偏慢。"), set())
    assert layout.paras[-1].section == "problems"
