"""What public pages print of a 自评表's claimed scores and budget rows, read back from the shapes their
text takes (found in a sweep of 30 public 自评表 pages). Built inputs, two or more layouts or wordings each:

- a grade printed after the total, with its label or without: '总分 100 98.5 优' on a form flattened onto one
  line, '总分(100分) | 100 | 自评等级 | 良' dumped one cell a line ('良' is no start of the next label),
  '总分 | … | 100 | 96 | 优' one row a line;
- the budget block's '得分(20分*执行率)' header: a 得分 column, not a second 执行率 one;
- a page's excerpt that cuts a one-line form after its 项目资金 block, prose before it on the same line;
- level labels a '|' dump printed on lines of their own inside the indicator table ('产 出 指 标 (60分) |',
  '满意度指标（10分）|服务对象满意度指标 |'): the levels of the rows below, never indicators;
- a header's total with its unit in the label ('自评总分(分)91.5', '自评总分（分）：88.5');
- the 分值 | 得分 of a fund row wrapped onto a line of their own inside the 项目资金 block: the fund rows
  after them are still read, and their sums are no fund-sum-mismatch.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project, run


def cell_a_line(rows: list[list[str]]) -> str:
    """A web page's text of a form one cell a line: each cell closed by a line holding '|', each row's
    empty tail a line of '|'s; a cell's line breaks kept ('/' in `rows` marks one)."""
    lines: list[str] = []
    for row in rows:
        for cell in row:
            lines.extend([*cell.split("/"), "|"])
        lines.append("||||")
    return "\n".join(lines) + "\n"


ONE_LINE = (
    "附件:项目支出绩效自评表 (2023年度) 项目名称 乡村公路养护补助 主管部门 某县交通运输局 实施单位 某县公路事务中心 "
    "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 120 120 114 10 95% 9.5 "
    "其中:本年财政拨款 120 120 114 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 完成农村公路养护120公里 "
    "完成养护118公里 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
    "产出指标(50分) 数量指标 养护里程 ≥120公里 118公里 30 29 质量指标 养护合格率 ≥95% 96% 20 20 "
    "效益指标(30分) 社会效益指标 群众出行条件改善 明显改善 明显改善 30 30 满意度指标(10分) 服务对象满意度指标 "
    "群众满意度 ≥90% 93% 10 10 {total}\n")

CELLS = [
    ["项目支出绩效自评表"], ["项目名称", "社区养老服务补贴"],
    ["主管部门", "某区民政局", "实施单位", "某区养老服务中心"],
    ["预算执行情况(万元)/(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分/({weight}*执行率)"],
    ["年度财政资金总额", "80", "72", "90%", "18"],
    ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
    ["产出指标(50分)", "数量指标", "服务老人人次", "≥5000人次", "5200人次", "50"],
    ["效益指标(20分)", "社会效益指标", "老人生活质量提升", "提升", "提升", "15"],
    ["满意度指标(10分)", "服务对象满意度指标", "老人满意度", "≥90%", "88%", "9"],
    ["总分(100分)", "92", "{label}", "良"], ["偏差大或/目标未完成/原因分析", "满意度略低于目标"],
]

PIPE_ROWS = """项目名称 | 村级文化活动经费 |
主管部门 | 某县文化和旅游局 | 实施单位 | 某县文化馆 |
项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 25 | 25 | 25 | 10 | 100% | 10 |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
产出指标 | 数量指标 | 送戏下乡场次 | ≥40场 | 42场 | 50 | 50 | |
效益指标 | 社会效益指标 | 群众文化生活丰富 | 明显 | 明显 | 30 | 26 | 覆盖面不足 |
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 95% | 10 | 10 | |
总分 | | | | | 100 | 96 | 优 |
"""


@pytest.mark.parametrize("total", ["总分 100 98.5 优", "总分(100分) 98.5 自评等级 优 偏差原因分析 无"],
                         ids=["bare-grade", "labelled-grade"])
def test_a_grade_after_the_total_of_a_one_line_form(tmp_path: Path, total: str) -> None:
    project = only_project(run(tmp_path, ONE_LINE.format(total=total)))
    assert (project.total_score, project.grade) == (Decimal("98.5"), "优")


@pytest.mark.parametrize("label", ["自评等级", "评价等次"], ids=["zipingdengji", "pingjiadengci"])
def test_a_grade_after_the_total_of_a_cell_a_line_dump(tmp_path: Path, label: str) -> None:
    rows = [[cell.format(label=label, weight="20分") for cell in row] for row in CELLS]
    result = run(tmp_path, cell_a_line(rows))
    project = only_project(result)
    assert (project.total_score, project.grade) == (Decimal("92"), "良")
    # (92 is 优 under the 90/80/60 bands: the claimed 良 is the form's own inconsistency)
    assert "grade-mismatch" in {f.code for f in result.findings}


def test_a_grade_after_the_total_of_a_pipe_form(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, PIPE_ROWS))
    assert (project.total_score, project.grade) == (Decimal("96"), "优")


@pytest.mark.parametrize("weight", ["20分", "分值"], ids=["figure", "word"])
def test_the_budget_score_header_is_no_rate_column(tmp_path: Path, weight: str) -> None:
    rows = [[cell.format(label="自评等级", weight=weight) for cell in row] for row in CELLS]
    budget = only_project(run(tmp_path, cell_a_line(rows))).budget
    assert (amount(budget.planned), amount(budget.executed)) == (Decimal("800000"), Decimal("720000"))
    assert budget.printed_rate is not None and budget.printed_rate.value == Decimal("90")
    assert (budget.weight, budget.score) == (Decimal("20"), Decimal("18"))


@pytest.mark.parametrize(("text", "planned", "executed", "score"), [
    ("某县市场监督管理局 绩效自评小组 2023 年 4 月 30 日 某县市场监督管理局 食品安全抽检经费项目支出绩效自评表 "
     "(2022 年度) 项目名称 食品安全抽检经费 主管部门 某县市场监督管理局 实施单位 某县市场监督管理局 项目资金 (万元) "
     "年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 130 130 126 10 96.9% 9.7 其中:当年财政拨款 "
     "130 130 126 - 96.9% - 上年结转资金 - - 其他", "130", "126", "9.7"),
    ("根据县财政局通知要求,我局对本项目开展了绩效自评,填写自评表如下。项目支出绩效自评表(2021年度) 项目名称 "
     "农机购置补贴工作经费 主管部门 某市农业农村局 实施单位 某市农机服务中心 资金情况(万元) 全年预算数 全年执行数 "
     "分值 执行率 得分 年度资金总额: 45.6 41.04 10 90% 9 其中:本年财政拨款 45.6 41.04 其他资金", "45.6", "41.04", "9"),
], ids=["prose-before-the-form", "sentence-before-the-form"])
def test_an_excerpt_cut_after_the_budget_block_of_a_one_line_form(
        tmp_path: Path, text: str, planned: str, executed: str, score: str) -> None:
    budget = only_project(run(tmp_path, text + "\n")).budget
    assert amount(budget.planned) == Decimal(planned) * 10000
    assert amount(budget.executed) == Decimal(executed) * 10000
    assert (budget.weight, budget.score) == (Decimal("10"), Decimal(score))


SPACED_LEVELS = """绩效目标自评表 | ||||||||||
项目名称 | 高标准农田管护补助 | 项目负责人及电话 | 张三 | |||||||
主管部门 | 县农业农村局 | 实施单位 | 某镇人民政府 | |||||||
资金情况 (万元) |
全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | |||||
年度资金总额: | 20 | 20 | 10 | 100% | 10 | |||||
绩效指标 | 一级 指标 |
二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||
产 出 指 标 (60分) |
数量指标 | 管护农田面积 | 30 | 1000亩 | 1000亩 | 30 | ||||
质量指标 | ||||||||||
设施完好率 | 30 | ≥95% | 97% | 30 | ||||||
效 益 指 标 (20分) |
经济效益 指标 |
|||||||||
亩均增产 | 10 | ≥50公斤 | 55公斤 | 10 | ||||||
社会效益 指标 |
受益农户数 | 10 | 300户 | 300户 | 10 | |||||
满 意 度 指 标 (10分) |
服务对象满意度 指标 |
受益农户满意度 | 10 | ≥90% | 95% | 10 | |||||
"""

PAIRED_LEVELS = """绩效目标自评表 | ||||||||||
项目名称 | 农村饮水安全维修养护 | 项目负责人及电话 | 李四 | |||||||
主管部门 | 县水利局 | 实施单位 | 县农村供水站 | |||||||
资金情况 (万元) |
全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | |||||
年度资金总额: | 36 | 34.2 | 10 | 95% | 9.5 | |||||
绩效指标 | 一级 指标 |
二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||
产出指标（50分）|数量指标 |
维修供水工程处数 | 25 | 12处 | 12处 | 25 | ||||
时效指标 | ||||||||||
维修及时率 | 25 | 100% | 96% | 24 | 个别工程汛期延后 | |||
效益指标（30分）|社会效益指标 |
受益人口 | 30 | ≥8000人 | 8200人 | 30 | ||||||
满意度指标（10分）|服务对象满意度指标 |
群众满意度 | 10 | ≥90% | 95% | 10 | |||||
"""


def test_level_labels_on_lines_of_their_own_spaced_out(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, SPACED_LEVELS))
    levels = {line.level: (line.weight, line.score) for line in project.scores}
    assert levels["产出"] == (60, 60) and levels["效益"] == (20, 20) and levels["满意度"] == (10, 10)
    rows = {i.name: i.level for i in project.indicators}
    assert rows == {"管护农田面积": "产出/数量", "设施完好率": "产出/质量", "亩均增产": "效益/经济效益",
                    "受益农户数": "效益/社会效益", "受益农户满意度": "满意度"}


def test_level_labels_two_to_a_line_make_no_indicator(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, PAIRED_LEVELS))
    levels = {line.level: line.weight for line in project.scores}
    assert (levels["产出"], levels["效益"], levels["满意度"]) == (50, 30, 10)
    assert {i.name for i in project.indicators} == {"维修供水工程处数", "维修及时率", "受益人口", "群众满意度"}


@pytest.mark.parametrize(("text", "total"), [
    ("部门整体绩效自评表主管部门某区科学技术局自评总分(分)91.5部门联系人王五联系电话部门预算执行情况(万元)"
     "年初预算数全年(调整)预算数全年执行数执行率(%)执行率权重执行率得分(分)\n", "91.5"),
    ("2022年度部门整体支出绩效自评表\n部门名称：某县文化和旅游局    自评总分（分）：88.5\n"
     "部门预算执行情况：年初预算数 520 万元，全年执行数 498 万元。\n", "88.5"),
], ids=["run-together", "header-line"])
def test_a_header_total_with_its_unit_in_the_label(tmp_path: Path, text: str, total: str) -> None:
    assert only_project(run(tmp_path, text)).total_score == Decimal(total)


WRAPPED_DEPARTMENT = """部门整体支出绩效自评表 | ||||||||
部门(单位)名称 | 某县某镇人民政府 | |||||||
部门(单位)总体 资金(万元) | 资金来源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 | ||
年度资金总额: | 900 | 880 | 10 | 9.8 | 执行率*该指标分值,最高不得超过分值上限。 | |||
基本支出 | 700 | 690 |
10 | 9.9 | |||||
项目支出 | 200 | 190 | 10 | 9.5 | |||||
其他 | |||||||||
"""

WRAPPED_PROJECT = """项目名称 | 城乡环境整治专项 | ||||||
主管部门 | 某市城市管理局 | 实施单位 | 某市环卫所 | ||||
项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 300 | 320 | 304 | 10 | 95% | 9.5 |
其中:财政拨款 | 260 | 280 | 266 |
10 | 9.5 | ||||
其他资金 | 40 | 40 | 38 | ||||
"""


@pytest.mark.parametrize(("text", "funds"), [
    (WRAPPED_DEPARTMENT, {"基本支出": ("700", "690"), "项目支出": ("200", "190")}),
    (WRAPPED_PROJECT, {"其中:财政拨款": ("260", "266"), "其他资金": ("40", "38")}),
], ids=["department-form", "project-form"])
def test_figures_wrapped_onto_a_line_of_their_own_do_not_end_the_budget_block(
        tmp_path: Path, text: str, funds: dict[str, tuple[str, str]]) -> None:
    result = run(tmp_path, text)
    rows = {row.label: (amount(row.initial), amount(row.executed)) for row in only_project(result).budget.sub_rows}
    for label, (initial, executed) in funds.items():
        assert rows[label] == (Decimal(initial) * 10000, Decimal(executed) * 10000)
    assert "fund-sum-mismatch" not in {f.code for f in result.findings}


TEMPLATE_2021 = [
    ["项目名称", "{name}"], ["主管部门", "{department}", "实施单位", "{unit}"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "{budget}", "{budget}", "{executed}", "10", "{rate}", "{budget_score}"],
    ["年度总体目标", "预期目标", "实际完成情况"], ["{goal}", "{goal}"],
    ["{block}", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "{first}", "≥", "{first_target}", "{first_unit}", "{first_actual}", "50", "{first_score}"],
    ["效益指标", "社会效益指标", "{second}", "≥", "90", "%", "95%", "30", "30"],
    ["满意度指标", "服务对象满意度指标", "{third}", "≥", "90", "%", "92%", "10", "10"],
    ["总分", "100", "{total}", "{grade}"],
]


@pytest.mark.parametrize("fields", [
    dict(name="学生资助补助经费", department="某县教育体育局", unit="某县第一中学", budget="58.2", executed="58.2",
         rate="100%", budget_score="10", goal="资助家庭经济困难学生", block="绩效指标", first="受资助学生人数",
         first_target="735", first_unit="人次", first_actual="735", first_score="50", second="政策知晓率",
         third="学生满意度", total="100", grade="优"),
    dict(name="林业有害生物防治经费", department="某区林业和草原局", unit="某区林业站", budget="36", executed="32.4",
         rate="90%", budget_score="9", goal="完成有害生物防治", block="", first="防治面积", first_target="1200",
         first_unit="亩", first_actual="1000", first_score="41.7", second="成灾率控制达标率",
         third="林农满意度", total="90.7", grade="优"),
], ids=["with-block-label", "block-label-left-blank"])
def test_the_2021_template_dumped_one_cell_a_line(tmp_path: Path, fields: dict[str, str]) -> None:
    rows = [[cell.format(**fields) for cell in row if cell.format(**fields)] for row in TEMPLATE_2021]
    project = only_project(run(tmp_path, cell_a_line(rows)))
    assert (project.total_score, project.grade) == (Decimal(fields["total"]), fields["grade"])
    assert (project.budget.weight, project.budget.score) == (Decimal("10"), Decimal(fields["budget_score"]))
    rows_read = {i.name: (i.target.raw if i.target else None, i.weight, i.score) for i in project.indicators}
    first = rows_read[fields["first"]]
    assert first[1:] == (Decimal("50"), Decimal(fields["first_score"]))
    assert first[0] is not None and fields["first_target"] in first[0]
    assert rows_read[fields["second"]][1:] == (Decimal("30"), Decimal("30"))
    assert set(rows_read) == {fields["first"], fields["second"], fields["third"]}


SPLIT_HEADER = [
    ["项目名称", "{name}"], ["主管部门", "{department}", "实施单位", "{unit}"],
    ["项目资金(万元)"], ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "{budget}", "{budget}", "{budget}", "10", "100%", "10"],
    ["绩效指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["一级", "指标"],
    ["二级指标", "三级指标", "指标性质", "指标值", "度量单位"],
    ["产出指标", "数量指标", "{first}", "=", "{count}", "{measure}", "{count}", "40", "38"],
    ["产出指标", "质量指标", "验收合格率", "=", "100", "%", "100", "20", "19"],
    ["效益指标", "社会效益指标", "{second}", "≥", "95", "%", "95", "30", "27"],
]


@pytest.mark.parametrize(("separator", "fields"), [
    ("  ", dict(name="卫片执法补助经费", department="某县自然资源局", unit="某县自然资源执法大队", budget="7.29",
                first="卫片核查图斑数", count="320", measure="个", second="违法行为制止率")),
    ("\t", dict(name="河道保洁经费", department="某区水利局", unit="某区河道管理所", budget="48",
                first="保洁河道长度", count="62", measure="公里", second="河面漂浮物清除率")),
], ids=["spaces", "tabs"])
def test_the_2021_template_header_split_over_three_lines(
        tmp_path: Path, separator: str, fields: dict[str, str]) -> None:
    text = "\n".join(separator.join(cell.format(**fields) for cell in row) for row in SPLIT_HEADER)
    project = only_project(run(tmp_path, text + "\n"))
    levels = {line.level: (line.weight, line.score) for line in project.scores}
    assert levels["产出"] == (60, 57) and levels["效益"] == (30, 27)
    first = next(i for i in project.indicators if i.name == fields["first"])
    assert (first.weight, first.score) == (Decimal("40"), Decimal("38"))
    assert first.target is not None and fields["count"] in first.target.raw
