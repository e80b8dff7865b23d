"""A part of a self-evaluation cut from its page, with none of the genre's words, is still a report
(parse/genre.py); what has no budget-performance content at all is still refused as not-a-report."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.errors import NotAReport
from reportparse.model import Report
from reportparse.parse import parse_report
from reportparse.parse.genre import reads_as_performance_text
from reportparse.readers import extract_document


def _parse(tmp_path: Path, text: str) -> Report:
    path = tmp_path / "excerpt.txt"
    path.write_text(text, encoding="utf-8")
    return parse_report(extract_document(path))


def _only(report: Report):  # type: ignore[no-untyped-def]
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


# --- the completion section of a report: level labels as labels, with figures ----------------------------
@pytest.mark.parametrize("text", [
    "（二）各项指标完成情况\n1.产出指标：全年发放助学金420人次，发放标准执行到位。\n"
    "2.效益指标：资助学生按时完成学业。\n3.满意度指标：受助学生满意度达到97%。\n",
    "三、绩效目标实现情况\n数量指标：新建蓄水池6座，铺设管道2.4公里。\n质量指标：工程验收合格率100%。\n"
    "时效指标：当年10月底前全部完工。\n",
])
def test_a_completion_section_without_genre_words_is_read(tmp_path: Path, text: str) -> None:
    project = _only(_parse(tmp_path, text))
    assert project.indicators, "the section's indicators are read"


# --- its conclusion: a stated score or grade ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "total", "grade"), [
    ("四、评价结论\n经综合评价，该项目综合得分91.5分，评价等级为“优”。\n", Decimal("91.5"), "优"),
    ("得分情况：决策类指标15分得14分，过程类指标25分得23分，产出类指标40分得36分，效益类指标20分得17分，"
     "合计90分。\n", Decimal("90"), None),
])
def test_a_conclusion_without_genre_words_is_read(tmp_path: Path, text: str, total: Decimal,
                                                   grade: str | None) -> None:
    project = _only(_parse(tmp_path, text))
    assert project.total_score == total
    assert project.grade == grade


# --- its money paragraph: spending measured against the budget ---------------------------------------------
@pytest.mark.parametrize(("text", "planned", "executed"), [
    ("资金使用情况\n上级下达补助资金86万元，截至年底已拨付84.2万元，拨付率97.9%。\n", 860000, 842000),
    ("本年度安排预算资金32万元，实际支出32万元，完成全年巡查任务，服务对象满意度95%以上。\n", 320000, 320000),
])
def test_a_money_paragraph_without_genre_words_is_read(tmp_path: Path, text: str, planned: int,
                                                      executed: int) -> None:
    budget = _only(_parse(tmp_path, text)).budget
    assert budget.planned is not None and budget.planned.value == planned
    assert budget.executed is not None and budget.executed.value == executed


# --- a form's goal block on its own ------------------------------------------------------------------------
@pytest.mark.parametrize("lines", [
    ["年度总体目标", "预期目标：全年开展送戏下乡演出60场。", "实际完成情况：全年完成送戏下乡演出64场。"],
    ["年初设定目标 | 全年实际完成情况", "建成乡镇污水处理站2座 | 建成乡镇污水处理站2座并投入运行"],
    ["年度总体目标：为全镇60户困难家庭发放临时救助金。", "实际完成：已为63户困难家庭发放临时救助金。"],
])
def test_a_forms_goal_block_reads_as_a_self_evaluation(lines: list[str]) -> None:
    assert reads_as_performance_text(lines)


# --- a page cut out of the middle of a report: its template's section headings, labels after a clause's end ---
@pytest.mark.parametrize("text", [
    "（三）项目产出情况。\n经济效益指标：带动村集体增收12万元；可持续发展指标：设施使用年限不少于15年。\n"
    "四、存在的问题\n项目前期论证不够充分。\n",
    "六、评价结论\n该专项资金使用规范，完成全年任务。\n七、下一步改进措施\n加快资金拨付进度，提前做好项目储备。\n",
])
def test_a_middle_page_of_a_report_is_not_refused(tmp_path: Path, text: str) -> None:
    assert _parse(tmp_path, text).projects


def test_a_report_that_cites_a_rules_articles_is_still_read(tmp_path: Path) -> None:
    text = ("某镇2023年度垃圾清运经费绩效自评报告\n"
            "依据《某县项目支出绩效评价实施细则》第五条、第六条，我镇开展了自评。\n"
            "第一条道路清扫保洁全年完成，第二条道路因施工暂停。\n该项目预算18万元，实际支出17.5万元，执行率97.2%。\n")
    budget = _only(_parse(tmp_path, text)).budget
    assert budget.planned is not None and budget.planned.value == 180000


# --- a page that gives only the department-wide measures: the department's whole spending ---------------------
@pytest.mark.parametrize("text", [
    "结转结余率为2.3%，政府采购执行率为100%，“三公”经费控制率为78%，均达到年度目标。\n",
    "本年度政府采购执行率96.4%；公用经费控制率88%，低于上年；预决算信息公开率100%。\n",
    # numbered labelled values are the lines of a list, not headings
    "1.政府采购执行率：92.5%\n2.结转结余率：2.1%\n3.公用经费控制率：90%\n",
])
def test_a_page_of_department_wide_measures_is_the_departments_whole_spending(tmp_path: Path, text: str) -> None:
    project = _only(_parse(tmp_path, text))
    assert project.name.endswith("部门整体支出")
    assert len(project.indicators) >= 3


# --- a table headed by the genre's own word for its measures (绩效指标), nothing else ----------------------------
@pytest.mark.parametrize("text", [
    "绩效指标 目标 实际\n道路硬化 3公里 3.2公里\n满意度 90% 96%\n",
    "绩效指标 | 年初目标 | 完成情况\n培训人次 | 600 | 640\n",
])
def test_a_table_of_performance_indicators_is_not_refused(tmp_path: Path, text: str) -> None:
    assert _parse(tmp_path, text).projects


# --- what has no budget-performance content is still refused -----------------------------------------------
@pytest.mark.parametrize("text", [
    "糖醋排骨的做法：排骨焯水后沥干。\n锅中放油，加冰糖小火炒出糖色，倒入排骨翻炒。\n",
    "第一章\n那年冬天雪下得很大，他背着行囊走出了村口，再也没有回头。\n",
    # a news item: a project's budget and progress, but no measure of spending against it
    "县交通运输局计划投资500万元新建一座跨河大桥，目前已完成投资300万元，预计明年通车。\n",
    # a 决算 explanation that does compare spending with its budget: the accounts, no evaluation
    "2023年度部门决算说明\n一、支出决算情况\n一般公共预算财政拨款年初预算为640万元，支出决算为612万元，"
    "完成年初预算的95.6%。\n",
    # level labels and figures inside a news item's sentences, not as labels
    "本市今年的粮食产出指标再创新高，总产量达到98万吨；群众对农产品质量的满意度指标提升到93%。\n",
    # an indicator library: labels, no figures
    "效益指标\n社会效益指标\n受益人口数(人)\n可持续影响指标\n设施使用年限(年)\n",
    # regulations that speak of 绩效评价 in general: articles, nothing to read
    "某县项目支出绩效评价实施细则\n第一章 总则\n第一条 为规范项目支出绩效评价工作，制定本细则。\n"
    "第二条 本细则所称绩效评价，是指对项目支出的经济性、效率性和效益性进行客观评判。\n",
    "第五条 单位自评由预算单位组织实施，评价结果报同级财政部门备案。\n第六条 财政部门对单位自评结果进行抽查复核。\n",
    # a meeting's minutes: numbered headings, none of them an evaluation report's
    "一、会议议题\n研究部署下半年重点工作。\n二、会议要求\n各科室按时报送材料，确保完成全年任务。\n",
])
def test_a_text_with_no_budget_performance_content_is_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(NotAReport):
        _parse(tmp_path, text)


def test_a_numbered_label_with_only_a_figure_is_no_heading() -> None:
    from reportparse.model import Paragraph
    from reportparse.parse.sections import heading_level

    assert heading_level(Paragraph(text="2.公用经费控制率：88%", page=1)) == 0
    assert heading_level(Paragraph(text="（三）项目资金：12.5万元", page=1)) == 0
    assert heading_level(Paragraph(text="2.公用经费控制情况", page=1)) > 0
    assert heading_level(Paragraph(text="三、绩效指标完成情况：", page=1)) > 0


# --- a table whose genre words stand deep in its grid (a sheet's notes first, the words in a late row or column) ---
@pytest.mark.parametrize("rows", [
    [["序号", "事项", "情况"], ["1", "机构", "内设3个股室"], ["2", "人员", "在编12人"],
     ["3", "职能", "负责辖区道路管护"], ["4", "车辆", "2辆"], ["5", "用房", "300平方米"], ["6", "备注", ""],
     ["7", "说明", "以上为2023年度道路管护经费绩效自评的佐证"]],
    [["编号", "名称", "数量", "附注"], ["A1", "宣传册", "2000份", ""], ["A2", "展板", "12块", ""],
     ["A3", "讲座", "6场", ""], ["A4", "培训", "3期", ""], ["A5", "走访", "40户", ""], ["A6", "调研", "2次", ""],
     ["", "", "", "本表列出普法宣传经费项目的自评情况"]],
])
def test_a_table_whose_genre_words_stand_deep_in_the_grid_is_not_refused(rows: list[list[str]]) -> None:
    from tests.test_parse_narrative import _doc

    assert parse_report(_doc(rows)).projects


# --- a goal table that prints no level (指标名称 | 目标值 | 完成值): its rows are the goals all the same ----------
@pytest.mark.parametrize("text", [
    "指标名称 | 目标值 | 完成值\n新增就业岗位 | 120个 | 95个\n职业培训合格率 | ≥90% | 93%\n",
    "三级指标\t指标值\t实际完成值\n改造农村户厕\t400户\t400户\n验收合格率\t100%\t96%\n",
])
def test_a_goal_table_without_levels_is_read_and_checked(tmp_path: Path, text: str) -> None:
    project = _only(_parse(tmp_path, text))
    assert len(project.indicators) == 2
    assert all(i.target is not None and i.actuals for i in project.indicators)


# --- a blank template or writing outline: its title names the template, no project --------------------------
@pytest.mark.parametrize("text", [
    # a province's blank cover and information form: empty 项目名称 field, blank date, the issuer's line
    "市级财政专项资金绩效自评报告\n（单位填报）\n项目名称：\n项目主管部门：\n填报单位：（盖章）\n"
    "填报日期：    年    月    日\n某省财政厅 制\n一、项目基本情况\n项目名称 | 项目编码 | 主管部门\n",
    # an outline with placeholders where the body and project are named
    "附件2\n××局××项目绩效自评报告（编写提纲）\n一、项目基本情况\n简要说明项目的立项依据、资金安排等。\n"
    "二、绩效目标完成情况\n对照年初绩效目标逐项说明。\n三、存在问题及改进措施\n",
    # a 范本 with fill-in lines
    "部门整体支出绩效自评报告（参考范本）\n部门名称：▁▁▁▁▁▁\n一、部门基本情况\n（一）部门职能\n"
    "二、部门整体支出情况\n编报说明：正文用三号仿宋字，部门名称须加盖公章。\n",
])
def test_a_blank_template_is_no_report(tmp_path: Path, text: str) -> None:
    with pytest.raises(NotAReport):
        _parse(tmp_path, text)


@pytest.mark.parametrize(("text", "name"), [
    # a filled cover prints the blank date and seal marks too: its project stays
    ("项目支出绩效自评报告\n项目名称：城区公厕保洁服务项目\n项目单位：某县环境卫生服务中心（盖章）\n"
     "报告撰写人（签字）：\n年 月 日\n", "城区公厕保洁服务"),
    ("××县2023年乡村道路养护经费绩效自评报告\n一、项目概况\n本年度安排养护经费48万元，实际支出47.5万元，"
     "执行率98.96%。\n", "乡村道路养护经费"),
])
def test_a_filled_report_with_template_marks_is_read(tmp_path: Path, text: str, name: str) -> None:
    project = _only(_parse(tmp_path, text))
    assert name in project.name
