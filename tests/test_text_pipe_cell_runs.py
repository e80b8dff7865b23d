"""Indicator tables a page copied one cell a line, each cell closed by its '|': a header with no closing line over
rows that each fill its width is a table; rows short of the width (their merged level cells left out), where a lone
'|' is an empty cell and not the end of the header, are no cut the line reader can be sure of, and the form reader
rebuilds them from what the cells are."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reportparse.model import Source, SourceFormat, Table
from reportparse.readers.text import read_text
from tests._textforms import run


def tables(text: str) -> list[list[list[str]]]:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    document = read_text(Path("f.txt"), data, source)
    return [[[c.text for c in row] for row in e.rows] for e in document.elements if isinstance(e, Table)]


def piped(cells: list[str]) -> str:
    return "".join(f"{cell}|\n" for cell in cells)


#: A narrative whose goal table is pasted one cell a line, every row with its level labels repeated.
FULL_ROWS_REPORT = (
    "二、绩效目标完成情况\n"
    "本项目年初设定的绩效目标均已完成，资金支出进度符合要求，具体完成情况见下表：\n"
    + piped(["一级指标", "二级指标", "指标名称", "目标值", "实际完成值",
             "产出指标", "数量指标", "改造农村公路里程", "≥35公里", "36.2公里",
             "产出指标", "质量指标", "工程验收合格率", "100%", "100%",
             "产出指标", "时效指标", "当年完工率", "≥95%", "97%",
             "效益指标", "社会效益指标", "惠及沿线群众人数", "≥1.2万人", "1.3万人"])
    + "三、存在的问题\n部分路段养护资金到位偏晚，下一步将提前谋划。\n"
)


def test_a_header_without_closing_line_over_full_rows_is_a_table() -> None:
    table, = tables(FULL_ROWS_REPORT)
    assert table[0] == ["一级指标", "二级指标", "指标名称", "目标值", "实际完成值"]
    assert table[1] == ["产出指标", "数量指标", "改造农村公路里程", "≥35公里", "36.2公里"]
    assert table[4] == ["效益指标", "社会效益指标", "惠及沿线群众人数", "≥1.2万人", "1.3万人"]


def test_the_same_table_with_a_weight_and_score_column_reads_its_indicators(tmp_path: Path) -> None:
    text = ("某镇2023年度饮水安全项目支出绩效自评报告\n一、项目概况\n项目名称：农村饮水安全巩固提升工程，年初预算"
            "150万元，全年执行150万元。\n二、绩效指标完成情况如下：\n"
            + piped(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                     "产出指标", "数量指标", "新建供水管网", "≥18公里", "18.5公里", "20", "20",
                     "产出指标", "质量指标", "水质检测达标率", "100%", "100%", "20", "20",
                     "效益指标", "社会效益指标", "受益人口", "≥6000人", "6200人", "30", "30",
                     "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "20", "20"])
            + "三、结论\n自评得分90分。\n")
    result = run(tmp_path, text)
    assert result.report is not None
    read = {i.name: (i.target.raw if i.target else None, i.actuals[0].raw if i.actuals else None)
            for p in result.report.projects for i in p.indicators}
    assert read["新建供水管网"] == ("≥18公里", "18.5公里")
    assert read["受益人口"] == ("≥6000人", "6200人")
    assert read["群众满意度"] == ("≥90%", "95%")


#: The same kind of table whose merged level cells are printed once (on a group's first row) and whose blank cells
#: are kept as a lone '|': the '|' under the header is the first row's empty 一级 cell, not the header's end.
SHORT_ROWS = (
    "项目支出绩效自评表\n" + piped(["项目名称", "城区背街小巷改造", "主管部门", "某县住建局"])
    + piped(["一级指标", "二级指标", "三级指标", "指标值", "完成值", "",
             "数量指标", "指标1.改造小巷条数", "≥12", "14",
             "指标2.新铺路面面积", "≥8000平方米", "8600平方米",
             "质量指标", "指标1.竣工验收合格率", "100%", "100%",
             "指标2.管线改造完成率", "≥95%", "96%",
             "效益指标", "社会效益指标", "指标1.惠及居民户数", "≥900户", "950户"])
)


def test_short_rows_after_an_empty_cell_are_no_width_cut() -> None:
    for table in tables(SHORT_ROWS):
        for row in table[1:]:
            assert "≥12" not in row[2:3] and "100%" not in row[2:3], table  # no figure under the name column


def test_short_rows_after_an_empty_cell_read_their_indicators(tmp_path: Path) -> None:
    result = run(tmp_path, SHORT_ROWS)
    assert result.report is not None
    read = {i.name: (i.target.raw if i.target else None, i.actuals[0].raw if i.actuals else None)
            for p in result.report.projects for i in p.indicators}
    assert read.get("改造小巷条数", read.get("指标1.改造小巷条数")) == ("≥12", "14")
    assert read.get("新铺路面面积", read.get("指标2.新铺路面面积")) == ("≥8000平方米", "8600平方米")
    assert read.get("管线改造完成率", read.get("指标2.管线改造完成率")) == ("≥95%", "96%")


def bare(cells: list[str]) -> str:
    return "".join(f"{cell}\n" for cell in cells)


def test_bare_cells_a_line_inside_prose_are_a_table_of_full_rows() -> None:
    text = ("（二）绩效指标完成情况\n本年度资助工作按计划推进，各项指标完成情况如下：\n"
            + bare(["一级指标", "二级指标", "三级指标", "年度目标值", "实际完成值",
                    "产出指标", "数量指标", "培训基层农技人员", "≥260人次", "281人次",
                    "产出指标", "质量指标", "培训考核合格率", "≥90%", "93%",
                    "效益指标", "社会效益指标", "新技术推广面积", "≥5000亩", "5600亩",
                    "满意度指标", "服务对象满意度指标", "参训人员满意度", "≥85%", "是"])
            + "三、存在的问题\n个别乡镇参训积极性不高。\n")
    table, = tables(text)
    assert table[1] == ["产出指标", "数量指标", "培训基层农技人员", "≥260人次", "281人次"]
    assert table[-1] == ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥85%", "是"]
    assert len(table) == 5  # (the heading after the last row is prose again)


def test_bare_cells_without_level_labels_on_every_row_are_left_to_the_form_reader() -> None:
    text = ("绩效指标完成情况如下：\n"
            + bare(["一级指标", "二级指标", "三级指标", "年度目标值", "实际完成值",
                    "产出指标", "数量指标", "培训基层农技人员", "≥260人次", "281人次",
                    "培训场次", "≥8场", "9场",
                    "质量指标", "培训考核合格率", "≥90%", "93%"])
            + "三、存在的问题\n个别乡镇参训积极性不高。\n")
    assert tables(text) == []


#: The Yunnan-style template: 年度指标值 spans 指标性质 | 指标值 | 度量单位 on a second header row, the dump prints the
#: first header row, then the second; a 定性 row leaves its 性质 and 单位 empty.
SECOND_HEADER_ROW = [
    "项目支出绩效自评表", "项目名称", "乡村学校饮用水改造", "主管部门", "某县教育体育局",
    "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
    "指标性质", "指标值", "度量单位",
    "产出指标", "数量指标", "改造学校数", "≥", "12", "所", "12所", "20", "20", "",
    "质量指标", "验收合格率", "＝", "100", "%", "100%", "20", "18", "个别学校返工",
    "效益指标", "社会效益指标", "饮水条件改善情况", "", "明显改善", "", "明显改善", "30", "30", "",
    "满意度指标", "服务对象满意度指标", "师生满意度", "≥", "90", "%", "96%", "30", "30", "",
    "总分", "", "100", "98", "优"]


def _indicators(tmp_path: Path, text: str) -> dict[str, tuple[str | None, str | None, object, object]]:
    result = run(tmp_path, text)
    assert result.report is not None
    return {i.name: (i.target.raw if i.target else None, i.actuals[0].raw if i.actuals else None,
                     i.weight, i.score)
            for p in result.report.projects for i in p.indicators}


def test_a_second_header_row_after_the_first_splits_the_target(tmp_path: Path) -> None:
    for text in (piped(SECOND_HEADER_ROW), "\n\n".join(c or " " for c in SECOND_HEADER_ROW) + "\n"):
        read = _indicators(tmp_path, text)
        assert read["改造学校数"][1:] == ("12所", 20, 20) and "12" in (read["改造学校数"][0] or "")
        assert read["验收合格率"][1:] == ("100%", 20, 18)
        assert read["饮水条件改善情况"] == ("明显改善", "明显改善", 30, 30)
        assert read["师生满意度"][1:] == ("96%", 30, 30)


def test_a_words_only_row_whose_empty_cells_were_left_out_keeps_its_points(tmp_path: Path) -> None:
    cells = [c for c in SECOND_HEADER_ROW if c]  # (a dump that drops every empty cell)
    read = _indicators(tmp_path, "".join(f"{c}\n" for c in cells))
    assert read["饮水条件改善情况"] == ("明显改善", "明显改善", 30, 30)
    assert read["改造学校数"][2:] == (20, 20)


#: A 部门整体 form's indicator table: two target columns (年初指标值 | 调整指标值), a 得分系数 column, a last column no
#: role reads (是否核心指标) holding 是/否, and indicators named for rates (政府采购执行率).
DEPARTMENT_ROWS = [
    "部门整体绩效自评表", "主管部门", "某区文化旅游委", "自评总分(分)", "96",
    "指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值", "得分系数(%)", "指标权重(分)",
    "指标得分(分)", "是否核心指标",
    "预算执行率", "%", "定量指标", "≥90%", "", "93%", "100%", "10", "10", "是",
    "政府采购执行率", "%", "", "100%", "", "81.5%", "80%", "5", "4", "否",
    "结转结余率", "%", "", "≤5%", "", "3%", "100%", "5", "5", "否",
    "群众文化活动场次", "场", "", "120场", "130场", "136场", "100%", "20", "20", "是",
    "文物安全巡查覆盖率", "%", "", "100%", "", "100%", "100%", "10", "10", "否",
]


def test_a_department_table_with_two_target_columns_and_a_yes_no_column(tmp_path: Path) -> None:
    for text in (piped(DEPARTMENT_ROWS), "\n\n".join(c or " " for c in DEPARTMENT_ROWS) + "\n"):
        read = _indicators(tmp_path, text)
        assert read["政府采购执行率"] == ("100%", "81.5%", 5, 4)
        assert read["结转结余率"] == ("≤5%", "3%", 5, 5)
        assert read["文物安全巡查覆盖率"] == ("100%", "100%", 10, 10)
        assert read["群众文化活动场次"][1:] == ("136场", 20, 20)
        assert not any(name.startswith(("是", "否")) for name in read)


@pytest.mark.parametrize("joiner", ["\n", "\n\n"])
def test_a_summary_table_one_cell_a_line_keeps_the_spaces_inside_its_cells(joiner: str) -> None:
    cells = ["序号", "项目名称", "主管部门 (业主单位)", "实施 (代建)单位", "资金规模(万元)", "评价得分", "评价等级",
             "1", "城区老旧管网 改造工程", "县住建局", "县水务 投资公司", "860", "88.5", "良",
             "2", "农村客运 补贴资金", "县交通局", "县交通局", "120", "91", "优",
             "3", "学前教育 普惠补助", "县教育局", "各幼儿园", "75.6", "79", "中"]
    text = "现将重点评价结果列示如下：\n" + joiner.join(cells) + "\n"
    table, = tables(text)
    assert table[0][2] == "主管部门 (业主单位)" and table[0][3] == "实施 (代建)单位"
    assert table[1] == ["1", "城区老旧管网 改造工程", "县住建局", "县水务 投资公司", "860", "88.5", "良"]
    assert table[3][1:3] == ["学前教育 普惠补助", "县教育局"]


#: A scoring table whose header printed no label over its target column ('三级指标 | | 分值 | 得分').
UNLABELLED_TARGETS = [
    "项目支出绩效自评表", "项目名称", "城乡环卫一体化运营补助", "主管部门", "某县城管局",
    "一级指标", "二级指标", "三级指标", "", "分值", "得分",
    "产出指标", "数量指标", "垃圾清运量", "≥3.2万吨", "20", "20",
    "", "质量指标", "垃圾无害化处理率", "100%", "20", "20",
    "", "时效指标", "清运及时率", "≥98%", "10", "9",
    "效益指标", "社会效益指标", "村庄保洁覆盖率", "≥95%", "20", "20",
    "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "10", "10",
    "合计", "", "", "", "80", "79"]


@pytest.mark.parametrize("cell", ["{}|\n", "{} |\n"])
def test_an_unlabelled_header_cell_keeps_its_column(tmp_path: Path, cell: str) -> None:
    read = _indicators(tmp_path, "".join(cell.format(c) if c else "|\n" for c in UNLABELLED_TARGETS))
    assert read["垃圾清运量"] == ("≥3.2万吨", None, 20, 20)
    assert read["清运及时率"] == ("≥98%", None, 10, 9)
    assert read["群众满意度"][2:] == (10, 10)


def test_an_unlabelled_column_of_results_is_not_taken_for_targets(tmp_path: Path) -> None:
    cells = [("3.4万吨" if c == "≥3.2万吨" else "99%" if c == "≥98%" else "96%" if c in ("≥95%", "≥90%") else c)
             for c in UNLABELLED_TARGETS]
    read = _indicators(tmp_path, "".join(f"{c}|\n" if c else "|\n" for c in cells))
    assert read["垃圾清运量"][0] in (None, "") and read["垃圾清运量"][2:] == (20, 20)
