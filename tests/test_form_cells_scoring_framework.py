"""A scoring table of the common evaluation framework (一级 决策/过程/产出/效益, 二级 项目立项/资金管理…, 三级
立项依据充分性/预算执行率…) dumped one cell a line: every cell followed by a line holding only '|', an empty cell a
lone '|', one more lone '|' where a row ends, the merged 一级/二级 cells written once (parse/form/frameworkrows.py).
Built dumps in several layouts (with and without 序号, other text columns, a column after the score, header words
broken over lines or cells, a text broken over cells, empty scores, a 合计 row, the header printed again after a
page, a damaged tail) are read as the table: each 三级指标 with its level path, 分值 and score, in order."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Result
from tests._textforms import only_project, run

Row = list[str | None]  # None: a merged cell the dump does not write


def dump(preface: list[str], header: list[str], rows: list[Row], tail: str = "") -> str:
    """The table as such a dump: each cell's lines then '|', an empty cell '|', one more '|' at a row's end."""
    lines = list(preface)
    for row in [header, *rows]:
        for cell in row:
            if cell is not None:
                lines += [*(cell.split("\n") if cell else []), "|"]
        lines.append("|")
    return "\n".join(lines) + "\n" + tail


def expected(rows: list[Row], l1: int, l2: int, name: int, weight: int, score: int) -> list[tuple]:
    """(name, level path, 分值, score) of each row, the merged levels carried down, their points dropped."""
    out, one, two = [], "", ""
    for row in rows:
        one = re.sub(r"[（(]\d+分[)）]", "", row[l1]) if row[l1] else one
        two = row[l2] or two
        got = row[score]
        out.append((row[name], f"{one}/{two}", Decimal(str(row[weight])), Decimal(got) if got else None))
    return out


def read(result: Result) -> list[tuple]:
    return [(i.name, i.level, i.weight, i.score) for i in only_project(result).indicators]


SERIAL_ROWS: list[Row] = [
    ["1", "决策（20分）", "项目立项", "立项依据充分性", "立项依据充分性：项目立项是否符合法律法规和部门职责。",
     "符合得6分，每有一项不符合扣2分。", "6", "6"],
    ["2", None, None, "立项程序规范性", "项目申请、设立过程是否符合相关要求。", "规范得6分。", "6", "5"],
    ["3", None, "绩效目标", "绩效目标合理性", "绩效目标是否依据充分，是否符合客观实际。", "合理得8分。", "8", "8"],
    ["4", "过程（20分）", "资金管理", "预算执行率", "预算执行率：项目预算资金是否按照计划执行。",
     "执行率×分值。", "10", "9.3"],
    ["5", None, "组织实施", "管理制度健全性", "财务和业务管理制度是否健全。", "健全得满分。", "10", ""],
    ["6", "产出（40分）", "产出数量", "实际完成率", "实际产出数与计划产出数的比率。", "完成率100%得满分。", "20", "20"],
    ["7", None, "产出质量", "质量达标率", "质量达标产出数与实际产出数的比率。", "达标率100%得满分。", "20", "18"],
    ["8", "效益（20分）", "满意度", "服务对象满意度", "服务对象对项目实施效果的满意程度。", "满意度≥90%得满分。",
     "20", "19"],
]
SERIAL_HEADER = ["序号", "一级指标", "二级指标", "三级指标", "指标说明", "评价\n标准", "分值", "评分"]

PLAIN_ROWS: list[Row] = [
    ["决策(15分)", "项目立项", "立项依据充分性", "是否符合政策。", "依据是否充分", "依据充分得5分。", "5", "5", ""],
    [None, "资金投入", "资金分配合理性", "分配是否有测算依据。", "是否合理", "合理得10分。", "10", "8", "测算不细"],
    ["过程(25分)", "资金管理", "资金使用合规性", "使用是否合规。", "合规", "合规得满分。", "25", "25", ""],
    ["产出(40分)", "产出数量", "培训人次完成率", "实际培训人次与计划之比。", "完成率", "100%得满分。", "40", "40", ""],
    ["效益(20分)", "社会效益", "就业带动作用", "对转移就业的带动。", "带动作用", "作用明显得满分。", "20", "16", ""],
]
PLAIN_HEADER = ["一级指标", "二级指标", "三级指标", "指标说明", "指标解释", "评分要点", "分值", "得分", "扣分原因"]


def test_a_numbered_table_under_its_title(tmp_path: Path) -> None:
    text = dump(["2023年度农村饮水安全巩固提升项目绩效自评表", "单位：县水利局"], SERIAL_HEADER, SERIAL_ROWS)
    result = run(tmp_path, text)
    assert only_project(result).name == "农村饮水安全巩固提升"
    rows = expected(SERIAL_ROWS, 1, 2, 3, 6, 7)
    assert [(n, w, s) for n, _, w, s in read(result)] == [(n, w, s) for n, _, w, s in rows]
    levels = {name: level for name, level, _, _ in read(result)}
    assert levels["立项程序规范性"] == "决策/项目立项" and levels["管理制度健全性"] == "过程/组织实施"
    assert levels["实际完成率"] == "产出/数量" and levels["服务对象满意度"] == "效益/满意度"
    # the framework's definitions and rules set no target of the project and state no result
    assert all(i.target.value is None and not i.actuals for i in only_project(result).indicators)


def test_a_table_without_numbers_three_texts_and_a_column_after_the_score(tmp_path: Path) -> None:
    text = dump(["附件2", "项目名称：2022年新型职业农民培训项目", "项目绩效自评表"], PLAIN_HEADER, PLAIN_ROWS)
    result = run(tmp_path, text)
    assert "新型职业农民培训" in only_project(result).name
    assert read(result) == [(n, lv.replace("产出数量", "数量"), w, s)
                            for n, lv, w, s in expected(PLAIN_ROWS, 0, 1, 2, 6, 7)]


@pytest.mark.parametrize("header", [
    ["序号", "一级", "指标", "二级指标", "三级指标", "指标说明", "评价", "标准", "分值", "评分"],  # pieces, each a cell
    ["序号", "一级指标", "二级指标", "三级指标", "指标说明", "评分", "要点", "分值", "评分"],  # a piece that is a word
])
def test_header_words_broken_over_cells(tmp_path: Path, header: list[str]) -> None:
    result = run(tmp_path, dump(["2023年度农村饮水安全巩固提升项目绩效自评表"], header, SERIAL_ROWS))
    assert [name for name, *_ in read(result)] == [row[3] for row in SERIAL_ROWS]
    assert [(w, s) for _, _, w, s in read(result)] == [(w, s) for *_, w, s in expected(SERIAL_ROWS, 1, 2, 3, 6, 7)]


def test_a_text_broken_over_cells_and_the_header_again_after_a_page(tmp_path: Path) -> None:
    rows = [list(row) for row in SERIAL_ROWS]
    rows[0][4] = "立项依据充分性：项目立项是否符合法律法规、\n|\n相关政策和部门职责。"  # its text broken over two cells
    text = dump(["病媒生物防制项目绩效自评表"], SERIAL_HEADER, rows[:4]) + dump([], SERIAL_HEADER, rows[4:])
    result = run(tmp_path, text)
    assert [(n, lv) for n, lv, _, _ in read(result)] == [(n, lv.replace("产出数量", "数量").replace("产出质量", "质量"))
                                                         for n, lv, _, _ in expected(SERIAL_ROWS, 1, 2, 3, 6, 7)]


def test_a_total_row_and_a_report_around_the_table(tmp_path: Path) -> None:
    preface = ["关于2022年度学生资助补助经费项目的绩效自评报告", "一、项目基本情况",
               "本项目由县教育局组织实施，年度预算安排资金180万元。", "学生资助补助经费项目绩效自评表"]
    total = "合计\n|\n|\n|\n|\n|\n|\n100\n|\n94.3\n|\n|\n三、存在的问题\n个别学校资助资料归档不够规范。\n"
    result = run(tmp_path, dump(preface, SERIAL_HEADER, SERIAL_ROWS, total))
    project = only_project(result)
    assert [name for name, *_ in read(result)] == [row[3] for row in SERIAL_ROWS]
    assert [(s.weight, s.score) for s in project.scores if s.level == "决策"] == [(Decimal(20), Decimal(19))]


def test_a_damaged_tail_is_not_read(tmp_path: Path) -> None:
    text = dump(["2023年度文化惠民演出项目绩效自评表"], SERIAL_HEADER, SERIAL_ROWS[:3])
    # a row whose cells were lost, the rows after it run on without their ends
    lost = ["4", "过程（20分）", "资金管理", "预算执行率", "10", "4", "组织实施", "5", "5", "6"]
    text += "\n|\n".join(lost) + "\n|\n"
    result = run(tmp_path, text)
    assert read(result) == expected(SERIAL_ROWS[:3], 1, 2, 3, 6, 7)


def test_a_list_of_tasks_dumped_the_same_way_reads_no_indicators(tmp_path: Path) -> None:
    rows: list[Row] = [["1", "完善资金管理制度", "财务科", "3月底"], ["2", "开展绩效自评", "规划科", "4月底"],
                       ["3", "组织专项检查", "监督科", "6月底"], ["4", "整改问题清单", "各科室", "9月底"],
                       ["5", "归档评价资料", "办公室", "12月底"]]
    result = run(tmp_path, dump(["2023年度工作任务分解表"], ["序号", "工作任务", "责任单位", "完成时限"], rows))
    assert result.report is not None
    assert not [i for p in result.report.projects for i in p.indicators]


def test_a_long_report_around_the_table(tmp_path: Path) -> None:
    # (the '|' lines are counted between the first and the last: a long report's prose around them is no cell)
    before = ["关于2023年度农村饮水安全巩固提升项目的绩效自评报告", "一、项目基本情况"]
    before += [f"（{i}）第{i}批工程按计划推进，完成了建设任务，资金使用规范，群众反映良好。" for i in range(1, 121)]
    after = ["三、存在的问题"] + [f"{i}.部分工程管护责任落实不到位，需进一步加强。" for i in range(1, 41)]
    text = dump([*before, "农村饮水安全巩固提升项目绩效自评表"], SERIAL_HEADER, SERIAL_ROWS, "\n".join(after) + "\n")
    result = run(tmp_path, text)
    assert [name for name, *_ in read(result)] == [row[3] for row in SERIAL_ROWS]
    assert not {f.code for f in result.findings} & {"weight-sum-mismatch", "score-sum-mismatch"}


def test_a_group_the_damage_cuts_is_not_read(tmp_path: Path) -> None:
    # the 过程 group loses its second row's cells: 决策 (6 + 6 + 8 = 20) is whole, 过程 (10 of 20) is not
    text = dump(["2023年度文化惠民演出项目绩效自评表"], SERIAL_HEADER, SERIAL_ROWS[:4])
    text += "\n|\n".join(["5", "组织实施", "管理制度健全性", "10", "6", "产出（40分）", "7"]) + "\n|\n"
    result = run(tmp_path, text)
    assert [name for name, *_ in read(result)] == [row[3] for row in SERIAL_ROWS[:3]]
    assert not {f.code for f in result.findings} & {"weight-sum-mismatch", "score-sum-mismatch"}


def test_levels_of_one_row_each_and_no_points_in_them(tmp_path: Path) -> None:
    rows: list[Row] = [
        ["1", "决策", "项目立项", "立项依据充分性", "立项是否有充分依据。", "依据充分得满分", "10", "10"],
        ["2", "过程", "资金管理", "预算执行率", "实际支出占预算的比例。", "按比例计分", "20", "18"],
        ["3", None, "组织实施", "制度执行有效性", "是否按制度实施。", "有效得满分", "10", "9"],
        ["4", "产出", "产出数量", "设备购置完成率", "实际购置与计划之比。", "100%得满分", "40", "40"],
        ["5", "效益", "满意度", "使用单位满意度", "使用单位的满意程度。", "≥90%得满分", "20", "18"],
    ]
    result = run(tmp_path, dump(["乡镇卫生院设备更新项目绩效自评表"], SERIAL_HEADER, rows))
    assert [(n, lv) for n, lv, _, _ in read(result)] == [
        ("立项依据充分性", "决策/项目立项"), ("预算执行率", "过程/资金管理"), ("制度执行有效性", "过程/组织实施"),
        ("设备购置完成率", "产出/数量"), ("使用单位满意度", "效益/满意度")]


@pytest.mark.parametrize(("preface", "name"), [
    (["项目支出绩效自评表", "项目名称 县域医共体信息化建设"], "县域医共体信息化建设"),  # a space between
    (["项目名称：县域医共体信息化建设\n|\n"], "县域医共体信息化建设"),  # the field a cell of the dump
    (["2023年度县域医共体信息化建设项目绩效自评表\n|\n"], "县域医共体信息化建设"),  # the title a cell of the dump
])
def test_the_project_named_above_the_table(tmp_path: Path, preface: list[str], name: str) -> None:
    result = run(tmp_path, dump(preface, SERIAL_HEADER, SERIAL_ROWS))
    assert only_project(result).name == name
    assert len(only_project(result).indicators) == len(SERIAL_ROWS)
