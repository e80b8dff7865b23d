"""Form text dumps as web pages serve them: a whole form on one line, a `|` dump whose line breaks
are not its row breaks, fund rows that lost an empty cell, header lines with fields the reader does
not use, a form's cut-off tail before the next form. Built inputs in those shapes (names, figures
and layouts varied), checked end to end through `pipeline.check`."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Cell, Line, Result, Table
from reportparse.parse.form import fundrow
from reportparse.parse.form.grid import GridRow
from reportparse.parse.form.oneline import unflatten
from tests._textforms import amount, only_project, run


def codes(result: Result) -> list[str]:
    return [f.code for f in result.findings]


# ---- a whole form on one line -------------------------------------------------------------------

ONE_LINE = (
    "附件2: 项目支出绩效自评表 (2023年度) 项目名称 {name} 主管部门 301-某县农业农村局 实施单位 301002-某县农技站 "
    "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: {total} "
    "其中:本年财政拨款 {sub} 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 "
    "完成培训{n}人次,其中:线上培训20人次。 完成培训{n}人次。 "
    "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标(50分) 数量指标 培训人次 ≥{n}人次 {n} 20 20 质量指标 培训合格率 ≥95% 97% 15 15 "
    "考核规范性 严格执行考核办法 达成预期指标 15 15 "
    "效益指标(30分) 社会效益指标 农户技能提升程度 明显提升 达成预期指标 30 28 "
    "满意度指标(10分) 满意度指标 学员满意度 ≥90% 96% 10 10"
)


def test_one_line_form_is_cut_back_into_rows() -> None:
    text = ONE_LINE.format(name="农技培训经费", total="0 0 0 10 0 0", sub="40 38.5 38.5", n=120)
    rows = [line.text for line in unflatten(Line(text=text, page=1, line=1))]
    assert "项目名称 农技培训经费" in rows
    assert "年度资金总额: 0 0 0 10 0 0" in rows
    assert "其中:本年财政拨款 40 38.5 38.5" in rows
    assert any(row.startswith("完成培训120人次,其中:线上培训20人次。") for row in rows)  # goal text kept whole
    assert "考核规范性 严格执行考核办法 达成预期指标 15 15" in rows  # a row with no level label of its own
    assert "满意度指标(10分) 满意度指标 学员满意度 ≥90% 96% 10 10" in rows


def test_one_row_line_is_left_alone() -> None:
    line = Line(text="产出指标(50分) 数量指标 培训人次 ≥120人次 120 20 20", page=1, line=3)
    assert unflatten(line) == [line]


def test_one_line_form_reads_budget_indicators_and_zero_total(tmp_path: Path) -> None:
    result = run(tmp_path, ONE_LINE.format(name="农技培训经费", total="0 0 0 10 0 0", sub="40 38.5 38.5", n=120) + "\n")
    project = only_project(result)
    assert project.name == "农技培训经费"
    assert amount(project.budget.planned) == Decimal("385000")
    assert amount(project.budget.executed) == Decimal("385000")
    by_name = {i.name: i for i in project.indicators}
    assert set(by_name) == {"培训人次", "培训合格率", "考核规范性", "农户技能提升程度", "学员满意度"}
    assert (by_name["农户技能提升程度"].weight, by_name["农户技能提升程度"].score) == (Decimal(30), Decimal(28))
    assert by_name["培训人次"].target is not None and by_name["培训人次"].target.value == Decimal(120)
    assert "fund-sum-mismatch" in codes(result)  # 年度资金总额 printed 0 over a funded 其中 row


def test_one_line_form_with_consistent_total_raises_no_fund_error(tmp_path: Path) -> None:
    result = run(tmp_path, ONE_LINE.format(name="农技培训经费", total="40 38.5 38.5 10 100% 10",
                                           sub="40 38.5 38.5", n=80) + "\n")
    assert "fund-sum-mismatch" not in codes(result)
    assert "weight-sum-mismatch" not in codes(result)


# ---- a '|' dump whose line breaks are not its row breaks -----------------------------------------

RAGGED = """\
2023年度项目支出绩效自评表 | 部门:某县第二小学 |
|
| 项目名称 | {name} | 主管部门 | 某县教育体育局 | 实施单位 | 某县第二小学 | 项目资金 (元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |
| {planned} | {executed} | 10 | {rate} | {score} | 其中:当年财政 拨款 |
| {planned} | {executed} | — |
| — | 上年结转 资金 |
|
| — | 其他资金 | — | — |
| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 保障学生营养 | 已保障学生营养 | 绩效指标 | 年度指标值 | \
实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | \
度量单位 | 产出指标 | 数量指标 | 受助学生人数 | ≧ | 420 | 人 | 431 | 45 | 45 |
| 时效指标 | 资金发放及时率 | ═ | 100 | % | 100% | 45 | 40 |
| 其他需要说明事项 | 无 | 总分 | 100 | 95 | 优 |
"""


def test_ragged_pipe_dump_is_read_as_one_stream(tmp_path: Path) -> None:
    result = run(tmp_path, RAGGED.format(name="学生营养改善补助", planned="51200.5", executed="51200.5",
                                         rate="100%", score="10"))
    project = only_project(result)
    assert project.name == "学生营养改善补助"
    assert amount(project.budget.planned) == Decimal("51200.5")  # 元: the block label says so
    assert amount(project.budget.executed) == Decimal("51200.5")
    assert project.budget.initial is None  # the empty 年初预算数 cell was dropped, not the 全年预算数
    by_name = {i.name: i for i in project.indicators}
    assert set(by_name) == {"受助学生人数", "资金发放及时率"}  # 其他需要说明事项 is no indicator
    assert by_name["资金发放及时率"].target is not None and by_name["资金发放及时率"].target.comparator == "="
    assert (by_name["受助学生人数"].weight, by_name["受助学生人数"].score) == (Decimal(45), Decimal(45))
    assert "budget-rate-mismatch" not in codes(result)
    assert "met-but-deducted" in codes(result)  # 100% of =100% met, scored 40 of 45, no reason given


def test_pipe_dump_keeping_its_rows_is_read_as_rows(tmp_path: Path) -> None:
    text = """\
项目名称 | 村道养护经费 | 主管部门 | 某镇人民政府 |
项目资金(万元) | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 12 | 11.4 | 10 | 95% | 9.5 |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
产出指标 | 数量指标 | 养护里程 | ≥30公里 | 31公里 | 50 | 50 |
效益指标 | 社会效益指标 | 群众出行便利度 | 提升 | 提升 | 40 | 38 |
"""
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal(120000)
    assert amount(project.budget.executed) == Decimal(114000)
    assert [i.name for i in project.indicators] == ["养护里程", "群众出行便利度"]


# ---- fund rows that lost an empty cell ----------------------------------------------------------

def _row(*texts: str) -> GridRow:
    cells = [Cell(text=t, row=0, col=c, page=1, line=1) for c, t in enumerate(texts)]
    return GridRow(Table(index=-1, rows=[cells], page=1, pages=[1]), 0)


COLUMNS = fundrow.Columns(money=[1, 2, 3], weight=4, rate=5, score=6)  # 年初 全年 执行 分值 执行率 得分


@pytest.mark.parametrize(("texts", "expected"), [
    # a full row: figures by position
    (("年度资金总额", "20", "18", "18", "10", "100%", "10"), {1: "20", 2: "18", 3: "18", 4: "10", 5: "100%", 6: "10"}),
    # 年初预算数 empty: the percentage anchors the figures before it on the right
    (("年度资金总额", "18", "18", "10", "100%", "10"), {2: "18", 3: "18", 4: "10", 5: "100%", 6: "10"}),
    # 执行率 empty: the trailing small pair is 分值 and 得分
    (("年度资金总额", "880", "880", "880", "10", "10"), {1: "880", 2: "880", 3: "880", 4: "10", 6: "10"}),
])
def test_fund_row_figures_are_placed_by_kind(texts: tuple[str, ...], expected: dict[int, str]) -> None:
    placed, _ = fundrow.place(_row(*texts), COLUMNS, None)
    got = {col: placed.cell(col).text for col in range(1, 7) if placed.cell(col) is not None
           and placed.cell(col).text}  # type: ignore[union-attr]
    assert got == expected
    assert placed.cell(0) is not None and placed.cell(0).text == "年度资金总额"  # type: ignore[union-attr]


def test_sub_row_takes_the_money_columns_of_the_total_row() -> None:
    _, used = fundrow.place(_row("年度资金总额", "18", "18", "10", "100%", "10"), COLUMNS, None)
    assert used == [2, 3]
    placed, _ = fundrow.place(_row("其中:财政拨款", "18", "18", "—"), COLUMNS, used)
    assert placed.cell(1) is None or not placed.cell(1).text  # type: ignore[union-attr]
    assert [placed.cell(c).text for c in (2, 3)] == ["18", "18"]  # type: ignore[union-attr]


def test_header_without_label_column_still_reads_the_amounts(tmp_path: Path) -> None:
    text = """\
项目名称 | 鱼塘改造补贴 | 主管部门 | 某县农业农村局 |
资金情况 (万元) |
全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 |
年度资金总额: | 6.2 | 6.2 | 10 | 100% | 10 |
一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 |
产出指标 | 数量指标 | 改造鱼塘面积 | 50 | 12亩 | 12亩 | 50 |
"""
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal(62000)
    assert amount(project.budget.executed) == Decimal(62000)


# ---- header lines, form tails, rows with alike names ---------------------------------------------

def test_header_value_ends_at_an_unused_header_label(tmp_path: Path) -> None:
    text = """\
项目支出绩效自评表
项目名称 2024年某村道路硬化项目 项目分类 基础设施类
主管部门 某镇人民政府 项目负责人 张三
项目资金(万元) 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 30 30 10 100% 10
绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标 数量指标 硬化道路长度 ≥2公里 2.1公里 90 90
"""
    project = only_project(run(tmp_path, text))
    assert project.name == "2024年某村道路硬化项目"


def test_template_placeholder_names_no_project(tmp_path: Path) -> None:
    text = """\
项目名称 | XX单位XX项目 | 主管部门 | |
项目资金(万元) | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 10 | 10 | 10 | 100% | 10 |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
产出指标 | 数量指标 | 完成数量 | 1个 | 1个 | 90 | 90 |
"""
    result = run(tmp_path, text)
    assert result.report is not None
    assert not any("XX" in p.name for p in result.report.projects)


def test_cut_off_tail_before_a_named_form_is_no_project(tmp_path: Path) -> None:
    text = """\
绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 |
产出指标 | 数量指标 | 上一个项目的指标 | 5个 | 5个 | 90 | 90 |
合计 | 100 | |
部门预算项目支出绩效自评表(2023年度) |
项目名称 | 档案数字化经费 |
预算执行情况(10分) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 |
总额 | 6 | 6 | 6 | 100.00% | 10 | 10 |
绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 |
产出指标 | 数量指标 | 数字化卷数 | 3000卷 | 3100卷 | 90 | 90 |
合计 | 100 | 100 |
"""
    project = only_project(run(tmp_path, text))
    assert project.name == "档案数字化经费"
    assert [i.name for i in project.indicators] == ["数字化卷数"]


def test_rows_with_alike_names_stay_two_indicators(tmp_path: Path) -> None:
    text = """\
项目名称 | 土壤改良示范 |
项目资金(万元) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 |
年度财政资金总额 | 50 | 50 | 100% | 20 |
一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |
产出指标 | 数量指标 | 二、田间试验组数 | ≧10组 | 10组 | 10 |
1、田间试验 | ≧4组 | 4组 | 5 |
2、对比试验 | ≧6组 | 6组 | 5 |
"""
    project = only_project(run(tmp_path, text))
    names = [i.name for i in project.indicators]
    assert len(names) == 3, names
    assert all(len(i.actuals) == 1 for i in project.indicators)


def test_2021_template_cost_block_is_level_one_over_level_two(tmp_path: Path) -> None:
    text = """\
项目名称 | 中药材晾晒场建设 |
项目资金(万元) | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 65 | 65 | 10 | 100% | 10 |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
成本指标(0-20)分 | 经济成本指标 | 项目建设成本 | ≤65万元 | 64万元 | 20 | 20 |
产出指标 | 数量指标 | 晾晒场面积 | ≥300平方米 | 300平方米 | 70 | 70 |
"""
    project = only_project(run(tmp_path, text))
    cost = next(i for i in project.indicators if i.name == "项目建设成本")
    assert cost.level == "产出/成本"
    assert cost.target is not None and cost.target.comparator == "<="
    assert "成本指标(0-20)分" not in [i.name for i in project.indicators]


# ---- a '|' dump printed one cell a line ---------------------------------------------------------

def test_cell_per_line_pipe_dump_becomes_a_table() -> None:
    from reportparse.readers.text.delimited import leading_pipe_rows
    from reportparse.readers.text.lines import split_lines

    text = """\
绩效
指标
        | 一级指标
        | 二级指标
        | 三级指标
        | 指标值
        |
产出指标
        | 数量指标
        | 培训场次
        | 6场
        | |
质量指标
        | 培训合格率
        | 95%
        | ||
效益指标
        | 社会效益
       指标
        | 群众知晓率
        | 90%
        | |
下一段正文，说明资金使用情况。
"""
    lines = split_lines(text, Path("x.txt")).lines
    found = leading_pipe_rows(lines, 0)
    assert found is not None
    rows, end = found
    assert [cells for _, cells in rows] == [
        ["一级指标", "二级指标", "三级指标", "指标值"],  # the side label 绩效指标 has no column
        ["产出指标", "数量指标", "培训场次", "6场"],
        ["", "质量指标", "培训合格率", "95%"],  # its 一级 cell is merged from the row above
        ["效益指标", "社会效益指标", "群众知晓率", "90%"],  # a label broken over two lines
    ]
    assert lines[end].text.startswith("下一段正文")


# ---- level labels a dump broke over rows -----------------------------------------------------------

def test_level_labels_broken_over_rows_are_joined(tmp_path: Path) -> None:
    text = """\
项目支出绩效自评表
项目名称 河道保洁经费
项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 60 60 60 10 100% 10
二级指标 三级指标 年度指标值 实际完成值 分值 得分
(60分)
数量指标 指标1:保洁河道长度 12公里 12公里 60 60
(20分)
社会效益
指标
指标1:河道水质达标情况 达标 达标 20 20
满意度指标
(10分)
服务对象
满意度指标
指标1:沿河群众满意度 85% 92% 10 10
总分 100 100
"""
    result = run(tmp_path, text)
    project = only_project(result)
    levels = {i.name: i.level for i in project.indicators}
    assert levels == {"保洁河道长度": "产出/数量", "河道水质达标情况": "效益/社会效益", "沿河群众满意度": "满意度"}
    satisfaction = next(i for i in project.indicators if i.name == "沿河群众满意度")
    assert satisfaction.target is not None and satisfaction.target.comparator != "<="  # not read under 成本
    assert not {"weight-sum-mismatch", "target-missed-full-score", "score-mismatch"} & set(codes(result))


# ---- a department form whose header a dump broke wherever a header cell held a line break --------

DEPARTMENT = """\
部门整体支出绩效自评表 | |||||
(2023年度) | |||||
部门 | 某县乡村建设服务中心 | ||||
预算资金 (万元) |
年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | ||
年度资金总额 | 120 | 120 | {executed} | 10 | {rate} | ||
其中:当年财政拨款 | 120 | 120 | {executed} | — | {rate} | — | ||
绩 效 指 标 |
一级指标 | 二级指标 | 三级指标 | 年度 指标值 |
实际 完成值 |
分值 | 得分 | 偏差原因分析及改进措施 | |||||
产出指标 | 数量指标 | 指标1:改造农户厕所数量 | ≥500 | 520 | 40 | 40 | ||
时效指标 | 指标1:完成验收时间 | 10月前 | 9月 | 20 | 20 | ||
"""


def test_department_form_with_a_broken_header_is_read(tmp_path: Path) -> None:
    result = run(tmp_path, DEPARTMENT.format(executed="126", rate="105%"))
    project = only_project(result)
    assert project.name == "某县乡村建设服务中心部门整体支出"  # '部门 | X' names the department
    assert amount(project.budget.executed) == Decimal(1260000)
    names = {i.name: i for i in project.indicators}
    assert set(names) == {"改造农户厕所数量", "完成验收时间"}
    deadline = names["完成验收时间"].target
    assert deadline is not None and deadline.comparator == "<="  # '10月前' is met by 9月
    assert "over-executed" in codes(result)
    assert "score-mismatch" not in codes(result)


def test_cell_per_line_header_is_not_joined() -> None:
    from reportparse.readers.text.delimited import broken_header
    from reportparse.readers.text.lines import split_lines

    lines = split_lines("一级指标 |\n二级指标 |\n三级指标 |\n分值 |\n", Path("x.txt")).lines
    assert broken_header(lines, 0) is None  # one cell a line: the cell-per-line reader's input


def test_a_one_line_form_cut_before_its_indicators_is_still_a_form(tmp_path: Path) -> None:
    """A page's excerpt that flattens a 部门整体 form onto one line and ends in its goal block: no level
    label, but its unit field, 项目资金 block with its fund rows and goal block make it a whole form."""
    line = ("2024年度部门整体支出绩效自评表 预算部门、单位名称 某县白沙镇人民政府 年度预算申请(万元 "
            "年初预算数 全年预算数 全年执行数 分值 执行率 自评得分 "
            "年度资金总额 512.30 688.40 660.86 10 96% 9.6 其中: 一般公共预算:600.40 其他资金:88.00 "
            "年度总体目标 预期目标 实际完成情况 保障全镇各项工作正常运转 全镇各项工作正常运转\n")
    assert len(unflatten(Line(text=line.strip(), page=1))) > 3
    project = only_project(run(tmp_path, line))
    assert "某县白沙镇人民政府" in project.name
    assert amount(project.budget.planned) == Decimal("6884000")
    assert amount(project.budget.executed) == Decimal("6608600")
