"""Money findings an auditor would not raise on published pages, next to the ones he would:

- a fund row a web dump cut inside ('基本支出 | 985.19 | 914.97 |' then '10 | 10 | |||||') is one row, so
  the 其中 rows still add up to the 年度资金总额 (and a total that really differs is still flagged);
- the year's budget named as such (全年预算数, 调整后预算) is the budget, not an earlier source's total;
- the parts of a figure listed in a bracket ('执行数1032849.44(含中央资金…万元,地方资金…万元)') are no
  spending of the project;
- a whole territory's spending ('全省…共支出') is not the spending of one level's allotment (省级安排).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.model import Result

from ._textforms import only_project, run

_DEPARTMENT_FORM = """部门整体支出绩效自评表 | |||||||||
单位(盖章):某县某某镇人民政府 | 填报日期:2023年2月3日 | ||||||||
部门(单位)名称 | 某县某某镇人民政府 | ||||||||
部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 | |||
年度资金总额: | 1172.55 | 1168.72 | 10 | 9.97 | 执行率*该指标分值,最高不得超过分值上限。 | ||||
基本支出 | 985.19 | {basic} |
10 | 10 | |||||
项目支出 | 187.36 | 253.75 | 10 | 10 | |||||
其他 | |||||||||
"""

_PROJECT_FORM = """项目支出绩效自评表 | ||||||||
(2023年度) | ||||||||
项目名称 | 乡村道路养护经费 | ||||||||
主管部门 | 某县交通运输局 | 实施单位 | 某县公路养护中心 | |||||
项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | ||
年度资金总额 | 90 | 90 | 90 | 10 | 100% | 10 | ||
其中:当年财政拨款 | 60 | 60 |
{grant} | — | — | ||
上年结转资金 | 30 | 30 | 30 | — | — | ||
其他资金 | | | | — | — | ||
年度总体目标 | 预期目标 | 实际完成情况 | ||||||
完成乡村道路养护30公里 | 完成乡村道路养护30公里 | ||||||
"""


def _codes(result: Result) -> list[str]:
    return [f.code for f in result.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize(
    ("form", "cut", "adds_up"),
    [
        (_DEPARTMENT_FORM, {"basic": "914.97"}, True),  # 914.97 + 253.75 = 1168.72
        (_DEPARTMENT_FORM, {"basic": "904.97"}, False),  # 904.97 + 253.75 = 1158.72, not 1168.72
        (_PROJECT_FORM, {"grant": "60"}, True),  # 60 + 30 = 90
        (_PROJECT_FORM, {"grant": "50"}, False),  # 50 + 30 = 80, not 90
    ],
)
def test_a_fund_row_cut_inside_by_the_dump_is_one_row(tmp_path: Path, form: str, cut: dict[str, str],
                                                      adds_up: bool) -> None:
    result = run(tmp_path, form.format(**cut))
    rows = only_project(result).budget.sub_rows
    assert [row.executed is not None for row in rows[:2]] == [True, True], [row.label for row in rows]
    assert ("fund-sum-mismatch" in _codes(result)) == (not adds_up), _codes(result)


def _report(funds: str) -> str:
    return f"""某省城乡居民基本养老保险补助资金2022年度绩效自评报告
一、绩效目标分解下达情况
{funds}
三、偏差原因及改进措施
无。
"""


@pytest.mark.parametrize(
    ("funds", "budget", "codes"),
    [
        # the year's budget named as such, after a source's own total with its parts
        ("(一)中央下达资金情况。2022年度,中央分两批下达转移支付资金672385万元。\n"
         "(二)地方财政安排情况。我省各级财政积极安排了配套资金383794.62万元,其中省级财政资金295348万元,"
         "市、县财政资金88446.62万元。\n"
         "二、绩效目标完成情况分析\n"
         "(一)资金投入情况分析。2022年,全省城乡居民基本养老保险全年预算数1080245.79万元,"
         "全省执行数1032849.44(含中央资金689139.31万元,地方资金332524.99万元,其他资金11185.14万元),"
         "总预算执行率95.61%。", 1080245.79, []),
        ("项目安排资金500万元,其中中央资金300万元、省级资金200万元。\n"
         "二、绩效目标完成情况分析\n"
         "年中追加预算后,项目调整后预算为560万元,实际支出(其中:人员费用120万元、设备购置300万元)。"
         "预算执行率100%。", 560, []),
        # the same reports with the spending said outright: the printed rate is judged against it
        ("(一)资金投入情况分析。全省城乡居民基本养老保险全年预算数1080245.79万元,"
         "全年执行数1032849.44万元,预算执行率99%,结余资金结转下年使用。", 1080245.79, ["budget-rate-mismatch"]),
        ("项目安排资金500万元,其中中央资金300万元、省级资金200万元。\n"
         "二、绩效目标完成情况分析\n"
         "项目调整后预算为560万元,全年支出420万元,预算执行率100%。结余资金140万元已交回财政。",
         560, ["budget-rate-mismatch"]),
    ],
)
def test_the_years_budget_and_the_parts_of_a_figure(tmp_path: Path, funds: str, budget: float,
                                                   codes: list[str]) -> None:
    result = run(tmp_path, _report(funds))
    project = only_project(result)
    assert project.budget.planned is not None and float(project.budget.planned.value) == budget * 10000
    assert _codes(result) == codes


@pytest.mark.parametrize(
    ("funds", "over"),
    [
        # one level's allotment, then what the whole territory spent from every level's money
        ("2020年,省级统筹安排困难群众救助补助资金756544万元,其中,中央资金533744万元、省级资金222800万元,"
         "全省困难群众救助资金共支出1217312.77万元。", False),
        ("2023年中央下达我市就业补助资金820万元。\n全市累计支出就业补助资金1030万元,资金执行率125.6%。", False),
        ("中央补助资金下达我省3200万元。\n各地累计支出补助资金4100万元,预算执行率128.1%。", False),
        # the same money on both sides: an overspend
        ("2020年,省级统筹安排困难群众救助补助资金756544万元,其中,中央资金533744万元、省级资金222800万元,"
         "共支出困难群众救助补助资金817312.77万元。", True),
        ("2023年全市安排就业补助资金820万元。\n全市累计支出就业补助资金1030万元,资金执行率125.6%。", True),
    ],
)
def test_a_territorys_spending_is_not_one_levels_allotment(tmp_path: Path, funds: str, over: bool) -> None:
    result = run(tmp_path, _report(funds))
    assert ("over-executed" in _codes(result)) == over, _codes(result)


@pytest.mark.parametrize(
    ("funds", "budget", "codes"),
    [
        # the budget a cut left is the budget; all of it spent
        ("2021年中央财政困难群众救助补助资金下达我区111万元,其中低保资金100万元,孤儿基本生活保障金11万元,"
         "调减40万元,全年实际下达71万元,已全额划转至各街道并执行发放,累计支出71万元。", 71, []),
        ("中央下达资金300万元,年中核减资金60万元,实际下达240万元。\n项目全年支出240万元,执行率100%。", 240, []),
        # the same budget with part of it unspent and nothing said of the rest
        ("2021年中央财政困难群众救助补助资金下达我区111万元,调减40万元,全年实际下达71万元,累计支出60万元。",
         71, ["unexplained-balance"]),
        ("中央下达资金300万元,年中核减资金60万元,实际下达240万元。\n项目全年支出200万元,执行率100%。",
         240, ["budget-rate-mismatch", "unexplained-balance"]),
    ],
)
def test_the_budget_a_change_left_is_the_budget(tmp_path: Path, funds: str, budget: float, codes: list[str]) -> None:
    result = run(tmp_path, _report(funds))
    project = only_project(result)
    assert project.budget.planned is not None and float(project.budget.planned.value) == budget * 10000
    assert sorted(_codes(result)) == codes


def test_a_bracket_that_shares_a_total_out_among_named_projects_gives_each_its_budget(tmp_path: Path) -> None:
    """'共下达资金80万元(包括A项目50万元、B项目30万元)': the bracket names whose share each amount is."""
    text = """某县文化旅游局2023年度项目支出绩效自评报告
一、基本情况
2023年县财政共下达资金80万元(包括乡村文化广场建设项目50万元、非遗传承保护项目30万元)。
二、项目绩效情况
(一)乡村文化广场建设项目
项目支出50万元,建成文化广场2个。
(二)非遗传承保护项目
项目支出30万元,开展传承活动12次。
三、偏差原因及改进措施
无。
"""
    result = run(tmp_path, text)
    assert result.report is not None
    budgets = {p.name: p.budget.planned.value if p.budget.planned else None for p in result.report.projects}
    assert budgets.get("乡村文化广场建设项目") == 500000 and budgets.get("非遗传承保护项目") == 300000, budgets


@pytest.mark.parametrize(
    ("funds", "budget", "executed"),
    [
        # by how much the spending went past the budget is neither the budget nor the spending
        ("贵池区全年实际发放基础养老金1045.28万元,超出预算金额99.56万元。", None, 1045.28),
        ("全年实际支出就业补助资金96万元,超支12万元。", None, 96),
        # the budget and the spending stated as well: both read, the overrun beside them changes nothing
        ("项目全年预算84万元,全年实际支出就业补助资金96万元,超支12万元。", 84, 96),
        ("年初预算安排资金50万元,实际支出48万元,节约资金2万元,结余资金已交回。", 50, 48),
    ],
)
def test_an_overrun_or_a_saving_is_neither_budget_nor_spending(tmp_path: Path, funds: str, budget: float | None,
                                                              executed: float) -> None:
    project = only_project(run(tmp_path, _report(funds)))
    planned = project.budget.planned
    assert (None if planned is None else float(planned.value)) == (None if budget is None else budget * 10000)
    assert project.budget.executed is not None and float(project.budget.executed.value) == executed * 10000
