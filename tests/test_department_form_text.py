"""A 部门整体支出绩效自评表 dumped as text, one cell per line with blank lines between (as county portals
publish it): the department is named from its label line, and its 执行数 is checked against its own
spending split 按支出性质分 (基本支出 + 项目支出)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.pipeline import check

_FORM = """2023年度部门整体支出绩效自评表

{label}

某县某某镇人民政府

年度预算申请

(万元

年初预算数

全年预算数

全年执行数

分值

执行率

自评得分

年度资金总额

500.00

1200.50

{executed}

10

100%

10

按收入性质分:1200.50

按支出性质分:{by_nature}

其中: 一般公共预算:800.50

其中:基本支出:{basic}

政府性基金拨款:100.00

项目支出:{projects}

其他资金:300.00
"""


def _check(tmp_path: Path, **cells: str):  # type: ignore[no-untyped-def]
    values = {"label": "预算部门、单位名称", "executed": "1200.50", "by_nature": "1100.50", "basic": "600.50",
              "projects": "500.00", **cells}
    path = tmp_path / "form.txt"
    path.write_text(_FORM.format(**values), encoding="utf-8")
    return check(path)


@pytest.mark.parametrize("label", ["预算部门、单位名称", "部门（单位）名称", "一级预算单位名称"])
def test_the_department_is_named_from_its_label_line(tmp_path: Path, label: str) -> None:
    result = _check(tmp_path, label=label)
    assert [p.name for p in result.report.projects] == ["某县某某镇人民政府部门整体支出"]


@pytest.mark.parametrize(
    ("cells", "fires"),
    [
        ({}, True),  # 执行数 1200.50 is the income total; the spending split says 1100.50
        ({"executed": "1100.50"}, False),
        ({"by_nature": ""}, True),  # no total printed: 600.50 + 500.00 = 1100.50 still disagrees
        ({"by_nature": "", "basic": "700.50"}, False),  # 700.50 + 500.00 = 1200.50 agrees
    ],
)
def test_executed_against_the_spending_split(tmp_path: Path, cells: dict[str, str], fires: bool) -> None:
    result = _check(tmp_path, **cells)
    found = [f for f in result.findings if f.code == "conflicting-figures"]
    assert bool(found) == fires
    if fires:
        assert found[0].actual == 12005000 and found[0].expected == 11005000


def test_report_total_is_not_the_measure_score(tmp_path: Path) -> None:
    """'预算执行率为95%，自评得分95分': 95 分 is the report's total, not the 预算执行率 row's score (which
    would make the budget block's 10 分 disagree with a child of 95)."""
    narrative = ("某县某某镇人民政府2023年度部门整体支出绩效自评报告\n"
                 "2023年全年预算数1200.50万元，全年执行数1100.50万元，预算执行率为95%，自评得分95分。\n")
    values = {"label": "预算部门、单位名称", "executed": "1100.50", "by_nature": "1100.50", "basic": "600.50",
              "projects": "500.00"}
    path = tmp_path / "report.txt"
    path.write_text(narrative + _FORM.format(**values), encoding="utf-8")
    result = check(path)
    measure = next(i for p in result.report.projects for i in p.indicators if i.name == "预算执行率")
    assert measure.score is None
    assert "score-sum-mismatch" not in [f.code for f in result.findings]
    assert {"budget-rate-mismatch", "conflicting-figures"} <= {f.code for f in result.findings}


_NUMBERED = """2023年度部门整体支出绩效评价自评表
单位 | |||||||
序号 | 一级 指标 |
二级 指标 |
三级 指标 |
指标分值 | 指标解释 | 指标说明及评分标准 | 自评得分 |
1 | 规划 (15分) |
基础信息 (3分) | 基础信息 完整性 | 3 | 信息资料是否真实、完整。 | 1、是否真实(1分); 2、是否准确(2分)。 |
{first} |
2 | 工作计划 (6分) | 年度工作 计划完整性 | 3 | 年度工作计划是否完整可行。 | 完整可行(3分) | 3 | |
3 | 年度工作 计划明确性 | 3 | 年度工作计划是否明确可操作。 | 明确可操作(3分) | 3 | ||
4 | 绩效目标 (6分) | 年度绩效 目标合理性 | 4 | 绩效目标是否合理。 | 合理(4分) | 4 | |
5 | 年度绩效 目标明确性 | 2 | 是否细化、量化。 | 细化、量化(2分); | 2 | ||
"""


@pytest.mark.parametrize(("first", "flagged"), [("3", False), ("4", True)])
def test_numbered_rows_broken_over_lines_and_padded_at_the_end(tmp_path: Path, first: str, flagged: bool) -> None:
    """A portal's '|' dump of a table whose first column is 序号: rows broken wherever a cell spanned
    rows, each row padded at its end for the level cells merged down from above."""
    path = tmp_path / "form.txt"
    path.write_text(_NUMBERED.format(first=first), encoding="utf-8")
    result = check(path)
    rows = {i.name: (i.level, i.weight, i.score) for p in result.report.projects for i in p.indicators}
    assert rows["年度工作计划明确性"] == ("规划/工作计划", 3, 3)
    assert rows["基础信息完整性"] == ("规划/基础信息", 3, int(first))
    assert ("score-exceeds-weight" in [f.code for f in result.findings]) is flagged  # 4 of 3
