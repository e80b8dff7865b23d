"""A department report's “三公”经费 table: read in every shape (a row a line, one cell a line, a label run
into its first figure, a grid), and checked as a reviewer checks it (parts against 合计, 控制率 against
决算÷预算, 增减 against 决算−上年, the prose against the table)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Result
from reportparse.parse.spending import column_role, row_kind
from tests import _textforms
from tests._workbooks import checked, sheet

_HEAD = """某县林业局2023年度部门整体支出绩效自评报告
一、部门基本情况
2023年度年初预算800万元，调整后预算900万元，全年执行890万元，预算执行率为98.89%。
二、“三公”经费情况
{prose}
单位：万元
{table}
三、自评结论
部门整体支出绩效自评得分95分，等级为优。
"""

_HEADER = ["项目", "上年决算数", "本年预算数", "本年决算数", "增减额"]
_ROWS = [["“三公”经费合计", "20.5", "18", "{total}", "{change}"],
         ["1、因公出国（境）费", "0", "0", "0", "0"],
         ["2、公务用车购置及运行费", "12.5", "10", "9.5", "-3"],
         ["其中：公务用车购置费", "0", "0", "0", "0"],
         ["公务用车运行维护费", "12.5", "10", "9.5", "-3"],
         ["3、公务接待费", "8", "8", "6.5", "-1.5"]]


def _table(shape: str, total: str, change: str) -> str:
    rows = [_HEADER, *[[c.format(total=total, change=change) for c in row] for row in _ROWS]]
    if shape == "row-a-line":
        return "\n".join(" ".join(row) for row in rows)
    if shape == "cell-a-line":
        return "\n\n".join(cell for row in rows for cell in row)
    if shape == "run-together":  # a label with its first figure glued on, the rest spaced
        return " ".join(row[0] + " ".join(row[1:]) for row in rows)
    raise ValueError(shape)


def run(tmp_path: Path, shape: str = "row-a-line", total: str = "16", change: str = "-4.5",
        prose: str = "全年“三公”经费控制较好。") -> Result:
    return _textforms.run(tmp_path, _HEAD.format(prose=prose, table=_table(shape, total, change)))


def codes(result: Result) -> list[str]:
    return [f.code for f in result.findings]


@pytest.mark.parametrize("shape", ["row-a-line", "cell-a-line", "run-together"])
def test_the_table_is_read_by_row_and_column(tmp_path: Path, shape: str) -> None:
    assert result_report(run(tmp_path, shape)) == {
        "三公经费": {"prior": 205000, "budget": 180000, "actual": 160000, "change": -45000},
        "因公出国(境)费": {"prior": 0, "budget": 0, "actual": 0, "change": 0},
        "公务用车购置及运行费": {"prior": 125000, "budget": 100000, "actual": 95000, "change": -30000},
        "公务用车购置费": {"prior": 0, "budget": 0, "actual": 0, "change": 0},
        "公务用车运行维护费": {"prior": 125000, "budget": 100000, "actual": 95000, "change": -30000},
        "公务接待费": {"prior": 80000, "budget": 80000, "actual": 65000, "change": -15000},
    }


def result_report(result: Result) -> dict[str, dict[str, Decimal | None]]:
    assert result.report is not None
    return {row.category: {role: q.value for role, q in row.figures.items()} for row in result.report.spending}


@pytest.mark.parametrize("shape", ["row-a-line", "cell-a-line", "run-together"])
def test_parts_that_do_not_make_the_total(tmp_path: Path, shape: str) -> None:
    assert "fund-sum-mismatch" not in codes(run(tmp_path, shape))
    wrong = run(tmp_path, shape, total="17", change="-3.5")
    assert "fund-sum-mismatch" in codes(wrong)
    assert "conflicting-figures" not in codes(wrong)  # 17 − 20.5 = −3.5: the 增减 agrees with the wrong total


def test_a_change_column_against_the_year_before(tmp_path: Path) -> None:
    assert "conflicting-figures" in codes(run(tmp_path, change="-2.5"))


@pytest.mark.parametrize(("prose", "fires"), [
    ("全年“三公”经费决算数16万元，比上年减少4.5万元。", False),
    ("全年“三公”经费决算数16万元，比上年减少3万元。", True),
    # the fall is the next category's, said of it: 公务接待费 fell by 1.5万元
    ("“三公”经费决算16万元，其中公务接待费比上年减少1.5万元。", False),
    ("“三公”经费比上年下降21.95%。", False),
    ("“三公”经费比上年增加4.5万元。", True),  # the table shows a fall
    ("“三公”经费比上年减少5万元。", True),
    ("“三公”经费决算数为18万元。", True),
    ("公务接待费预算数为8万元。", False),
])
def test_prose_restating_the_table(tmp_path: Path, prose: str, fires: bool) -> None:
    assert ("conflicting-figures" in codes(run(tmp_path, prose=prose))) == fires


@pytest.mark.parametrize(("prose", "fires"), [
    ("“三公”经费控制率为88.89%。", False),
    ("“三公”经费控制率为95%。", True),  # 16 ÷ 18 = 88.89%
    ("“三公”经费支出控制率为95%。", True),
    ("“三公”经费财政拨款支出决算为16万元，完成预算的88.89%，较上年决算减少4.5万元。", False),
    ("“三公”经费财政拨款支出决算为16万元，完成预算的95%。", True),
])
def test_control_rate_is_actual_over_budget(tmp_path: Path, prose: str, fires: bool) -> None:
    result = run(tmp_path, prose=prose)
    flagged = [f for f in result.findings if f.code == "budget-rate-mismatch" and f.indicator == "三公经费控制率"]
    assert bool(flagged) == fires


def test_a_grid_with_a_rate_column(tmp_path: Path) -> None:
    result = checked(tmp_path, sheet([
        ["某县林业局2023年度部门整体支出绩效自评表"], ["部门（单位）名称", "某县林业局"],
        ["预算执行率", "100%", "98%", "10", "9.8"],
        ["“三公”经费情况", None, None, None, "单位：万元"],
        ["项目", "年初预算数", "决算数", "控制率（%）"],
        ["合计", 18, 16, 90],
        ["因公出国（境）费", None, None, None],
        ["公务用车购置及运行费", 10, 9.5, 95],
        ["公务接待费", 8, 6.5, 81.25],
    ]))
    assert result_report(result)["三公经费"] == {"budget": 180000, "actual": 160000, "rate": 90}
    flagged = [f for f in result.findings if f.code == "budget-rate-mismatch"]
    assert [f.indicator for f in flagged] == ["三公经费控制率"]  # 90% printed, 88.89% computed
    assert "fund-sum-mismatch" not in codes(result)


def test_row_and_column_words() -> None:
    assert row_kind("1、公务用车购置和维护经费") is not None
    kind = row_kind("其中：公车运行维护")
    assert kind is not None and kind.category == "公务用车运行维护费"
    assert row_kind("公务用车购置费") is not None and row_kind("公务用车购置费").category == "公务用车购置费"  # type: ignore[union-attr]
    # the department's whole spending the same table may open with: a row, but none of 三公经费's
    whole = row_kind("项目支出")
    assert whole is not None and whole.whole and whole.parent == "支出总额"
    assert row_kind("部门经费") is None
    assert column_role("2017年决算数") == ("actual", 2017)
    assert column_role("增减率（%）") == ("change_rate", None)
    assert column_role("编制数") is None


_WITH_PROJECTS = """某县农业农村局2023年度部门整体支出绩效自评报告
一、部门基本情况
2023年度部门年初预算800万元，调整后预算900万元，全年执行880万元，预算执行率为97.78%。
二、部门整体绩效目标完成情况
{measures}
三、项目支出情况
| 项目名称 | 预算数（万元） | 执行数（万元） | 执行率 |
| 高标准农田建设项目 | 300 | 290 | 96.67% |
| 动物防疫补助资金 | 120 | 120 | 100% |
| 合计 | 420 | 410 | 97.62% |
"""


@pytest.mark.parametrize(("measures", "kept"), [
    ("政府采购执行率为100%，结转结余率为2.2%。", True),
    # a project's report states its 预算执行率 too: that alone is no evaluation of the whole department
    ("各项目预算执行率为97.78%。", False),
])
def test_the_department_beside_its_project_table(tmp_path: Path, measures: str, kept: bool) -> None:
    result = _textforms.run(tmp_path, _WITH_PROJECTS.format(measures=measures))
    assert result.report is not None
    names = [p.name for p in result.report.projects]
    assert {"高标准农田建设项目", "动物防疫补助资金"} <= set(names)
    assert ("某县农业农村局部门整体支出" in names) == kept


def test_a_transposed_grid_of_the_final_accounts(tmp_path: Path) -> None:
    """The 决算 tables' layout: 预算数 and 决算数 span the categories, which are columns, with 小计 under
    公务用车购置及运行费 and one row of figures below."""
    workbook = sheet([
        ["某县林业局2023年度部门整体支出绩效自评报告"],
        ["一般公共预算财政拨款“三公”经费支出决算表", None, None, None, None, None, None, None, None, None,
         "单位：万元"],
        ["预算数", None, None, None, None, None, "决算数"],
        ["合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费",
         "合计", "因公出国（境）费", "公务用车购置及运行费", None, None, "公务接待费"],
        [None, None, "小计", "公务用车购置费", "公务用车运行费", None,
         None, None, "小计", "公务用车购置费", "公务用车运行费", None],
        [18, 0, 10, 0, 10, 8, 16, 0, 9.5, 0, 9.5, "{reception}"],
    ], merges=("A3:F3", "G3:L3", "C4:E4", "I4:K4"))
    worksheet = workbook.active
    assert worksheet is not None
    for reception, fires in ((6.5, False), (7.5, True)):
        worksheet.cell(row=6, column=12, value=reception)
        result = checked(tmp_path, workbook, f"form{reception}.xlsx")
        figures = result_report(result)
        assert figures["公务用车购置及运行费"] == {"budget": 100000, "actual": 95000}
        assert figures["公务用车运行维护费"] == {"budget": 100000, "actual": 95000}
        assert figures["公务接待费"] == {"budget": 80000, "actual": Decimal(reception) * 10000}
        assert ("fund-sum-mismatch" in codes(result)) == fires


def test_dated_headers_a_dump_spaced(tmp_path: Path) -> None:
    """'2022 年决算数' (a dump's space before 年) is one header; of two dated 决算 columns the earlier is
    the year before's; '三公经费:' with its colon is the total's row."""
    table = "\n".join(["经费控制情况(万元)", "2022 年决算数 2023 年预算数 2023 年决算数", "三公经费: 20.5 18 16",
                       "1、公务用车购置和维护经费 12.5 10 9.5", "2、出国经费 0 0 0", "3、公务接待 8 8 6.5"])
    result = _textforms.run(tmp_path, _HEAD.format(prose="", table=table))
    assert result_report(result)["三公经费"] == {"prior": 205000, "budget": 180000, "actual": 160000}


# ---- the department's whole spending heading the same table (Hunan's 部门整体支出绩效评价基础数据表) ----------

_WHOLE_HEAD = """某县文化馆2022年绩效自评附表
发布时间：2023-03-10
附件1
2022年度部门整体支出绩效评价基础数据表
"""
_WHOLE_ROWS = [["经费控制情况（万元）", "2021年决算数", "2022年预算数", "2022年决算数"],
               ["支出总额", "310.4", "{total}", "328.6"],
               ["基本支出", "250.4", "268.6", "268.6"],
               ["项目支出", "60", "60", "60"],
               ["三公经费", "3.5", "4", "3.2"],
               ["1、公务用车购置和维护经费", "3.5", "4", "3.2"],
               ["2、出国经费", "0", "0", "0"],
               ["3、公务接待", "0", "0", "0"]]


@pytest.mark.parametrize("shape", ["row-a-line", "cell-a-line"])
def test_the_department_s_whole_spending_row_is_its_budget_and_spending(tmp_path: Path, shape: str) -> None:
    rows = [[c.format(total="328.6") for c in row] for row in _WHOLE_ROWS]
    table = "\n".join(" ".join(row) for row in rows) if shape == "row-a-line" \
        else "\n\n".join(cell for row in rows for cell in row)
    result = _textforms.run(tmp_path, _WHOLE_HEAD + table + "\n")
    assert result.report is not None
    [project] = result.report.projects
    assert project.name == "某县文化馆部门整体支出"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal("3286000")
    assert project.budget.executed is not None and project.budget.executed.value == Decimal("3286000")
    assert result_report(result)["支出总额"] == {"prior": 3104000, "budget": 3286000, "actual": 3286000}
    assert "fund-sum-mismatch" not in codes(result)
    assert "budget-rate-mismatch" not in codes(result)


def test_a_whole_that_its_parts_do_not_make_in_a_grid(tmp_path: Path) -> None:
    rows = [["某县文化馆2022年度部门整体支出绩效评价基础数据表", None, None, None],
            ["财政供养人员情况（人）", "编制数", "实际在职人数", "控制率"],
            [None, 20, 20, "100%"],
            *[[c.format(total="338.6") for c in row] for row in _WHOLE_ROWS]]
    result = checked(tmp_path, sheet(rows, merges=["A1:D1"]))
    assert result.report is not None
    [project] = result.report.projects
    assert project.name == "某县文化馆部门整体支出"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal("3386000")
    wrong = [f for f in result.findings if f.code == "fund-sum-mismatch"]
    assert [f.expected for f in wrong] == [Decimal("3286000")]  # 268.6 + 60 against the 338.6 printed


@pytest.mark.parametrize("total", ["合计", "总计"])
def test_a_total_under_the_whole_spending_s_parts_is_the_whole(tmp_path: Path, total: str) -> None:
    text = "\n".join(["某县民政局2023年度部门整体支出绩效自评报告", "一、部门预算执行情况",
                      "项目 | 上年决算数 | 预算数 | 决算数", "基本支出 | 540.2 | 585.6 | 580.1",
                      "项目支出 | 1100 | 1350.4 | 1296.4", f"{total} | 1640.2 | 1936.0 | 1876.5",
                      "二、自评结论", "部门整体支出自评得分95分，等级为优秀。"]) + "\n"
    result = _textforms.run(tmp_path, text)
    categories = [row.category for row in (result.report.spending if result.report else [])]
    assert categories == ["基本支出", "项目支出", "支出总额"]  # (not 三公经费, whose 合计 it shares)
    assert "fund-sum-mismatch" not in codes(result)


def test_two_columns_of_one_role_leave_the_table_unread(tmp_path: Path) -> None:
    text = "\n".join(["某县民政局2023年度部门整体支出绩效自评报告", "单位：万元",
                      "项目 | 年初预算数 | 全年预算数 | 决算数", "基本支出 | 560.2 | 585.6 | 580.1",
                      "项目支出 | 1200 | 1350.4 | 1296.4", "合计 | 1760.2 | 1936.0 | 1876.5",
                      "部门整体支出自评得分95分，等级为优秀。"]) + "\n"
    result = _textforms.run(tmp_path, text)
    assert result.report is not None and not result.report.spending  # which 预算数 is the table's is not known


# ---- a change said against the budget, or as no change at all; letter-spaced header cells ----------------------

#: the table of `_ROWS` (上年 20.5, 预算 18, 决算 16; 公务用车 12.5 / 10 / 9.5; 公务接待 8 / 8 / 6.5), the header's
#: cells spaced out to their width and each cell ended by a bar, as a web page's table copies out
def _barred(spaced: bool, one_cell_a_line: bool) -> str:
    header = ["项 目", "上 年 决 算 数", "本 年 预 算 数", "本 年 决 算 数"] if spaced else _HEADER[:4]
    rows = [header, *[row[:4] for row in _ROWS]]
    rows = [[cell.format(total="16") for cell in row] for row in rows]
    if one_cell_a_line:
        return "\n".join(f"{cell} |" for row in rows for cell in row)
    return "\n".join(" | ".join(row) + " |" for row in rows)


@pytest.mark.parametrize("one_cell_a_line", [True, False])
def test_a_header_spaced_out_cell_by_cell_is_read(tmp_path: Path, one_cell_a_line: bool) -> None:
    result = _textforms.run(tmp_path, _HEAD.format(prose="", table=_barred(True, one_cell_a_line)))
    assert result_report(result)["公务接待费"] == {"prior": 80000, "budget": 80000, "actual": 65000}
    assert result_report(result)["三公经费"] == {"prior": 205000, "budget": 180000, "actual": 160000}


@pytest.mark.parametrize(("prose", "fires"), [
    # 公务用车购置及运行费: 预算 10, 决算 9.5 (0.5 below the budget, 3 below the year before)
    ("公务用车购置及运行费支出9.5万元，与2023年度预算相比减少0.5万元。", False),
    ("公务用车购置及运行费支出9.5万元，与2023年度预算相比减少2万元。", True),
    ("公务用车购置及运行费决算9.5万元，较年初预算下降5%。", False),
    ("公务用车购置及运行费决算9.5万元，较年初预算下降0.05%。", True),
    ("公务用车购置及运行费9.5万元，与预算相比无变化。", True),
    ("公务用车购置及运行费9.5万元，与预算数相比基本持平。", False),  # (roughly: no figure to contradict)
    ("公务用车购置及运行费9.5万元，比预算增加0.5万元。", True),  # the table shows a fall
    # the year before: 12.5 → 9.5, down 3
    ("公务用车购置及运行费9.5万元，与上年相比减少3万元。", False),
    ("公务用车购置及运行费9.5万元，与2022年度决算相比减少3万元。", False),
    ("公务用车购置及运行费9.5万元，与上年度相比无增减。", True),
    ("公务用车购置及运行费9.5万元，与2022年相比减少1万元。", True),
    # a year that is neither the report's budget nor the year before: another comparison, not this table's
    ("公务用车购置及运行费9.5万元，与2020年相比减少1万元。", False),
    ("公务用车购置及运行费9.5万元，与2024年度预算相比减少1万元。", False),
    # 公务接待费: 预算 8, 决算 6.5; 因公出国（境）费 0 / 0 / 0: no change, said so
    ("公务接待费6.5万元，与预算相比减少1.5万元，下降18.75%。", False),
    ("因公出国（境）费0万元，与预算相比无变化。", False),
])
def test_a_change_said_against_the_budget_or_as_none(tmp_path: Path, prose: str, fires: bool) -> None:
    result = _textforms.run(tmp_path, _HEAD.format(prose=prose, table=_barred(True, False)))
    flagged = [f for f in result.findings if f.code == "conflicting-figures"]
    assert bool(flagged) == fires, [f.message for f in flagged]
    if fires:
        assert flagged[0].project == result.report.projects[0].name if result.report else False


def test_a_traditional_reposting_s_prose_is_checked_against_its_table(tmp_path: Path) -> None:
    """A page reposted in traditional characters: the checks read its prose as the parser does."""
    prose = "公務用車購置及運行費支出9.5萬元，與2023年度預算相比無變化。"
    result = _textforms.run(tmp_path, _HEAD.format(prose=prose, table=_barred(False, True)))
    assert [f.indicator for f in result.findings if f.code == "conflicting-figures"] == ["公务用车购置及运行费"]


@pytest.mark.parametrize(("prose", "fires"), [
    # 决算 16 = 公务用车 9.5 (59.38%) + 公务接待 6.5 (40.63%); 预算 18 = 10 (55.56%) + 8 (44.44%)
    ("公务用车购置及运行费9.5万元，占59.38%；公务接待费6.5万元，占40.62%。", False),  # (a truncated share)
    ("公务用车购置及运行费9.5万元，占59.38%；公务接待费6.5万元，占30.62%。", True),
    ("公务用车购置及运行费支出9.5万元，占“三公”经费支出的69.38%。", True),
    ("公务用车购置及运行费预算10万元，占比55.56%。", False),  # the share of the budget column
    ("公务用车购置及运行费预算10万元，占比60%。", True),
    ("公务接待费6.5万元，占年初预算的81.25%。", False),  # a completion rate, not a share of the total
    ("公务接待费7万元，占43.75%。", False),  # an amount the table does not give: which column is not known
])
def test_a_category_s_share_of_the_total(tmp_path: Path, prose: str, fires: bool) -> None:
    result = _textforms.run(tmp_path, _HEAD.format(prose=prose, table=_barred(False, False)))
    flagged = [f for f in result.findings if f.code == "conflicting-figures"]
    assert bool(flagged) == fires, [f.message for f in flagged]


@pytest.mark.parametrize(("prose", "fires"), [
    # 支出总额 310.4 → 328.6; 基本支出 250.4 → 268.6 (预算 268.6); 项目支出 60 → 60
    ("2022年基本支出决算268.6万元，比上年增加18.2万元。", False),
    ("2022年基本支出决算268.6万元，比上年增加28.2万元。", True),
    ("2022年项目支出60万元，与上年相比无变化。", False),
    ("2022年基本支出268.6万元，与预算相比无变化；项目支出60万元，占支出总额的18.26%。", False),
    ("2022年项目支出60万元，占支出总额的28.26%。", True),
    ("2022年部门支出总额为328.6万元，较上年减少18.2万元。", True),  # the table shows a rise
])
def test_prose_on_the_whole_spending_rows(tmp_path: Path, prose: str, fires: bool) -> None:
    rows = [[c.format(total="328.6") for c in row] for row in _WHOLE_ROWS]
    table = "\n".join(" ".join(row) for row in rows)
    result = _textforms.run(tmp_path, _WHOLE_HEAD + prose + "\n" + table + "\n")
    flagged = [f for f in result.findings if f.code == "conflicting-figures"]
    assert bool(flagged) == fires, [f.message for f in flagged]


@pytest.mark.parametrize("one_cell_a_line", [True, False])
def test_an_empty_cell_kept_by_a_barred_dump_is_read_as_empty(tmp_path: Path, one_cell_a_line: bool) -> None:
    """'因公出国（境）费 | 2 | |': the bars keep the empty 决算 cell, so the row is read, its 预算 only."""
    rows = [["项目", "本年预算数", "本年决算数"], ["“三公”经费合计", "20", "16"], ["因公出国（境）费", "2", ""],
            ["公务用车购置及运行费", "10", "9.5"], ["公务接待费", "8", "6.5"]]
    if one_cell_a_line:
        table = "\n".join(f"{cell} |".strip() for row in rows for cell in row)
    else:
        table = "\n".join(" | ".join(row) + " |" for row in rows)
    result = _textforms.run(tmp_path, _HEAD.format(prose="", table=table))
    figures = result_report(result)
    assert figures["因公出国(境)费"] == {"budget": 20000}
    assert figures["三公经费"] == {"budget": 200000, "actual": 160000}
    assert "fund-sum-mismatch" not in codes(result)  # 2 + 10 + 8 = 20; 9.5 + 6.5 = 16 with the empty cell
