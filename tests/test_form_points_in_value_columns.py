"""A form with no 分值/得分 columns whose rows carry their points in the 指标值 / 全年实际完成值 columns (20 | 20,
10 | 10 … adding up to 100): the pairs are read as each row's 分值 and 得分, a figure the name ends in as its
target; counts and rates that are real targets and results stay what they are. Also the pieces of such a form's
run-together dump: a label wrapped over two lines ('绩效指标一级' / '指标'), the 全年实际完成值 column word, the
template's 说明 row of numbered notes. Made-up names and figures, in a spreadsheet, '|' rows and a dump that ran
its cells together."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Indicator, Project
from reportparse.parse.form.gluedcuts import apart
from reportparse.parse.form.runlines import ROW_BREAK, rejoin_wrapped_labels
from reportparse.parse.form.runtogether import split_cells
from tests._textforms import amount, only_project, run
from tests._workbooks import checked, sheet

_HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "全年实际完成值", "未完成原因和改进措施"]
_ROWS = [
    ["产出指标", "数量指标", "养护农村公路120公里", "30", "30", None],
    [None, "质量指标", "养护路段验收合格", "20", "18", None],
    [None, "时效指标", "按时完成养护工作", "10", "10", None],
    [None, "成本指标", None, None, None, None],
    ["效益指标", "社会效益指标", "群众出行条件改善", "20", "20", None],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "20", "20", None],
]


def _form(rows: list[list[str | None]], budget: list[list[str | None]] | None = None) -> list[list[str | None]]:
    head: list[list[str | None]] = [
        ["某县农村公路养护补助资金绩效目标自评表", None, None, None, None, None],
        ["项目名称", "某县农村公路养护补助资金", None, None, None, None],
        *(budget or [["项目资金(万元)", "全年预算数", "全年执行数", "执行率", None, None],
                     ["年度资金总额", "500", "500", "100%", None, None]]),
    ]
    return [*head, list(_HEADER), *rows]


def _by_name(project: Project) -> dict[str, Indicator]:
    return {indicator.name: indicator for indicator in project.indicators}


def _points_read(project: Project) -> None:
    rows = _by_name(project)
    assert (rows["养护路段验收合格"].weight, rows["养护路段验收合格"].score) == (Decimal(20), Decimal(18))
    assert sum(i.weight or 0 for i in project.indicators) == 100
    assert all(not i.actuals for i in project.indicators)
    road = rows["养护农村公路120公里"].target
    assert road is not None and road.value == Decimal(120) and road.unit == "公里"
    quality = rows["养护路段验收合格"].target
    assert quality is None or quality.value is None  # the wording is the target
    scores = {line.level: (line.weight, line.score) for line in project.scores}
    assert scores["产出"] == (Decimal(60), Decimal(58))


def test_points_in_the_value_columns_of_a_sheet(tmp_path: Path) -> None:
    result = checked(tmp_path, sheet(_form(_ROWS)))
    _points_read(only_project(result))
    codes = {f.code for f in result.findings}
    assert not codes & {"target-missed", "score-mismatch", "weight-sum-mismatch", "overachieved-full-score"}
    assert "deviation-reason-missing" in codes  # 18 of 20 with the reason cell empty


def test_points_in_the_value_columns_of_pipe_rows(tmp_path: Path) -> None:
    text = "\n".join(" | ".join(cell or "" for cell in row) for row in _form(_ROWS)) + "\n"
    _points_read(only_project(run(tmp_path, text)))


def test_points_that_leave_room_for_the_budget_weight(tmp_path: Path) -> None:
    rows = [list(row) for row in _ROWS]
    rows[-1][3:5] = ["10", "10"]  # 90 on the rows, 10 on the fund block's own 分值
    budget: list[list[str | None]] = [["项目资金(万元)", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                                      ["年度资金总额", "500", "500", "10", "100%", "10"]]
    project = only_project(checked(tmp_path, sheet(_form(rows, budget))))
    assert _by_name(project)["沿线群众满意度"].weight == Decimal(10)
    assert _by_name(project)["养护路段验收合格"].score == Decimal(18)


def test_counts_met_exactly_are_targets_and_results(tmp_path: Path) -> None:
    rows = [
        ["产出指标", "数量指标", "培训人数", "30", "30", None],
        [None, "数量指标", "发放宣传册", "40", "40", None],
        [None, "质量指标", "培训合格人数", "30", "28", None],
    ]  # 100 in all, but every row is an 产出 count: no form's points
    project = only_project(checked(tmp_path, sheet(_form(rows))))
    trained = _by_name(project)["培训合格人数"]
    assert trained.weight is None and trained.target is not None and trained.target.value == Decimal(30)
    assert [a.value for a in trained.actuals] == [Decimal(28)]


def test_a_result_above_its_pair_keeps_the_columns_as_labelled(tmp_path: Path) -> None:
    rows = [list(row) for row in _ROWS]
    rows[0][3:5] = ["30", "36"]  # a result above the first figure is no score
    project = only_project(checked(tmp_path, sheet(_form(rows))))
    assert all(i.weight is None for i in project.indicators)


_RUN_TOGETHER = "\n".join([
    "某县农村公路养护补助资金绩效目标自评表",
    "(2022年度)",
    "转移支付(项目)名称某县农村公路养护补助资金",
    "地方主管部门某县交通运输局资金使用单位某县交通运输局",
    "项目资金",
    "(万元)",
    "全年预算数(A)全年执行数(B)预算执行率(B/A)",
    "年度资金总额:500500100%",
    "其中:中央补助500500100%",
    "总体目标完成情况总体目标全年实际完成情况",
    "完成农村公路养护任务。养护农村公路120公里。",
    "绩效指标一级",
    "指标",
    "二级指标三级指标指标值全年实际完成值未完成原因和改进措施",
    "数量指标养护农村公路120公里3030",
    "质量指标养护路段验收合格2018",
    "时效指标按时完成养护工作1010",
    "成本指标",
    "社会效益",
    "指标",
    "群众出行条件改善2020",
    "满意度指标服务对象",
    "满意度指标",
    "沿线群众满意度2020",
    "说明",
    "注:1.资金使用单位按项目填报。2.其他资金包括自有资金、社会资金。",
]) + "\n"


def test_points_glued_in_a_run_together_dump(tmp_path: Path) -> None:
    result = run(tmp_path, _RUN_TOGETHER)
    project = only_project(result)
    assert project.name == "某县农村公路养护补助资金"
    assert amount(project.budget.planned) == Decimal(5_000_000)
    rows = _by_name(project)
    assert set(rows) >= {"养护路段验收合格", "按时完成养护工作", "群众出行条件改善", "沿线群众满意度"}
    assert not any(name.startswith(("注", "说明")) for name in rows)  # the notes are no indicator
    assert (rows["养护路段验收合格"].weight, rows["养护路段验收合格"].score) == (Decimal(20), Decimal(18))
    assert sum(i.weight or 0 for i in project.indicators) == 100


@pytest.mark.parametrize(("key", "joined"), [
    (f"绩效指标一级{ROW_BREAK}指标{ROW_BREAK}二级指标", f"绩效指标一级指标{ROW_BREAK}二级指标"),
    (f"生态效益{ROW_BREAK}指标{ROW_BREAK}水质达标", f"生态效益指标{ROW_BREAK}水质达标"),
])
def test_a_label_wrapped_over_two_rows_is_one_label(key: str, joined: str) -> None:
    assert rejoin_wrapped_labels(key, ["一级指标", "二级指标", "生态效益指标"]) == joined


def test_a_row_end_between_two_words_of_no_label_stays() -> None:
    key = f"按期完成{ROW_BREAK}指标值"  # '完成指标' is no label of the form
    assert rejoin_wrapped_labels(key, ["一级指标", "指标值"]) == key


@pytest.mark.parametrize("notes", [
    ["说明", "注:1.资金使用单位按项目填报。", "2.其他资金包括自有资金。"],
    ["注：1.绩效指标按批复填列。", "2.偏差原因须说明。", "3.得分保留一位小数。"],
])
def test_a_row_of_numbered_notes_under_the_indicators_is_no_indicator(tmp_path: Path, notes: list[str]) -> None:
    rows = [
        "项目名称 | 某镇饮水工程维护 | | | |",
        "项目资金(万元) | 全年预算数 | 全年执行数 | 执行率 | |",
        "年度资金总额 | 50 | 48 | 96% | |",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 |",
        "产出指标 | 数量指标 | 维护供水管网 | ≥12公里 | 12.5公里 |",
        " | ".join(notes) + " |",
    ]
    project = only_project(run(tmp_path, "\n".join(rows) + "\n"))
    assert [i.name for i in project.indicators] == ["维护供水管网"]


_MANAGEMENT_ROWS = ["分配科学性资金分配科学无", "下达及时性资金下达及时无", "拨付合规性资金拨付合规无",
                    "使用规范性资金使用规范无", "执行准确性资金执行准确无", "预算绩效管理情况绩效管理到位无",
                    "支出责任履行情况支出责任履行到位无"]


@pytest.mark.parametrize(("header", "rows", "expected"), [
    ("绩效指标一级指标二级指标三级指标指标值全年实际完成值未完成原因和改进措施",
     ["产出指标数量指标救助困难群众≥3000人次3412", "质量指标救助资金发放准确率100%100%"],
     {"救助困难群众": Decimal(3000), "救助资金发放准确率": Decimal(100)}),
    ("一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施",
     ["产出指标数量指标培训基层人员≥200人次230人次2020", "时效指标按时完成培训100%100%1010"],
     {"培训基层人员": Decimal(200), "按时完成培训": Decimal(100)}),
])
def test_a_run_together_form_with_a_fund_management_block(
        tmp_path: Path, header: str, rows: list[str], expected: dict[str, Decimal]) -> None:
    """A transfer template's 资金管理情况 block (seven rows) between the money and the goals: the rows run
    together one a line still make one form from its name to its indicators."""
    text = "\n".join([
        "某县2023年度困难群众救助补助资金绩效目标自评表",
        "转移支付(项目)名称困难群众救助补助资金",
        "地方主管部门某县民政局资金使用单位某县民政局",
        "资金投入情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A×100%)",
        "年度资金总额:1250.6万1250.6万100%",
        "其中:中央财政资金830万830万100%",
        "地方资金420.6万420.6万100%",
        "其他资金",
        "资金管理情况情况说明存在问题和改进措施",
        *_MANAGEMENT_ROWS,
        "总体目标完成情况总体目标全年实际完成情况",
        "保障困难群众基本生活。全年救助困难群众3412人次,资金足额发放。",
        header,
        *rows,
    ]) + "\n"
    project = only_project(run(tmp_path, text))
    assert project.name == "困难群众救助补助资金"
    assert amount(project.budget.planned) == Decimal(12_506_000)
    targets = {i.name: i.target.value if i.target else None for i in project.indicators}
    assert targets == expected


@pytest.mark.parametrize(("run", "pair"), [
    ("64.7", ["6", "4.7"]), ("1918.5", ["19", "18.5"]), ("108.25", ["10", "8.25"])])
def test_a_pair_whose_score_has_decimals_is_cut_when_it_ends_a_row(run: str, pair: list[str]) -> None:
    parts, _ = apart(run, True)
    assert parts == pair


def test_a_decimal_figure_that_does_not_end_a_row_stays_whole() -> None:
    assert apart("64.7", False) == (["64.7"], False)


def test_a_fund_block_whose_total_is_cut_in_doubt_leaves_its_other_rows_in_doubt() -> None:
    """Run together, with no rate sign to settle them: the total's amounts are read in doubt, and a 其中 row glued
    the same way ('150150128.5', one figure to the reader) is no surer: no sum over the block rests on it."""
    rows = ("项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分\x1e"
            "年度资金总额150162.25140.51086.598\x1e"
            "其中:当年财政拨款150150128.5\x1e"
            "上年结转资金12.2512")
    cells, _, uncertain = split_cells(rows, with_starts=True)
    assert cells.index("150150128.5") in uncertain
    assert cells.index("年度资金总额") + 1 in uncertain
