"""Indicator rows of 自评表 forms in the shapes public pages print them: a sub-row printed without a
分值 cell of its own (the row above's merged over it), and indicator rows under a second header (a
bond form's 债券资金 header above the indicator table's own, its 分值 | 得分 one column further right)."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from reportparse.model import Project, Report, Source, SourceFormat
from reportparse.parse.form import find_forms, parse_forms
from reportparse.readers.text import read_text


def read(text: str) -> Report:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return parse_forms(find_forms(read_text(Path("f.txt"), data, source)), Report())


def rows(project: Project) -> dict[str, tuple[str, str | None, Decimal | None, Decimal | None]]:
    return {i.name: (i.target.raw if i.target else "", i.actuals[0].raw if i.actuals else None, i.weight, i.score)
            for i in project.indicators}


HEAD = """绩效目标自评表
项目名称 | 某村特色种养奖补项目 | 主管部门 | 县农业农村局 |
资金情况（万元） | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 |
年度资金总额: | 12 | 12 | 10 | 100% | 10 |
"""

#: '|' rows as a web page prints them, each row's trailing empty cells kept ('| ||||').
PADDED_SUB_ROWS = HEAD + """绩效指标 | 一级指标 |
二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||
产出指标（50分） |
数量指标 | 补助果蔬种植面积 | 20 | 30亩 | 28亩 | 18 | ||||
其中露天蔬菜 | 20亩 | 18亩 | ||||||||
其中大棚蔬菜 | 10亩 | 10亩 | ||||||||
质量指标 | 种植作物成活率 | 10 | 95% | 96% | 10 | ||||
"""

#: The same rows without trailing cells, the header on one line, the 分值 named 权重 and the 实际值
#: 实际完成值; the sub-rows' targets are words.
BARE_SUB_ROWS = HEAD + """一级指标 | 二级指标 | 三级指标 | 权重 | 年度指标值 | 实际完成值 | 得分 | 偏差原因分析及改进措施
产出指标 | 数量指标 | 新建水泥路 | 30 | 2公里 | 2公里 | 30
其中村内道路 | 全部硬化 | 已硬化
其中连通道路 | 1.2公里 | 1.2公里
质量指标 | 项目验收合格率 | 20 | 100% | 100% | 20
"""


def test_a_sub_row_without_its_weight_cell_keeps_its_result_in_padded_pipe_rows() -> None:
    project, = read(PADDED_SUB_ROWS).projects
    got = rows(project)
    assert got["其中露天蔬菜"] == ("20亩", "18亩", None, None)
    assert got["其中大棚蔬菜"] == ("10亩", "10亩", None, None)
    assert got["补助果蔬种植面积"] == ("30亩", "28亩", Decimal(20), Decimal(18))
    assert got["种植作物成活率"] == ("95%", "96%", Decimal(10), Decimal(10))


def test_a_sub_row_without_its_weight_cell_keeps_its_result_in_bare_pipe_rows() -> None:
    project, = read(BARE_SUB_ROWS).projects
    got = rows(project)
    assert got["其中村内道路"] == ("全部硬化", "已硬化", None, None)
    assert got["其中连通道路"] == ("1.2公里", "1.2公里", None, None)
    assert got["新建水泥路"] == ("2公里", "2公里", Decimal(30), Decimal(30))
    assert got["项目验收合格率"] == ("100%", "100%", Decimal(20), Decimal(20))


def test_a_row_whose_weight_is_a_bare_figure_stays_a_weighted_row() -> None:
    # '其中X | 5 | 5亩' is a weight and a target (no result yet), not a packed sub-row
    project, = read(BARE_SUB_ROWS.replace("其中连通道路 | 1.2公里 | 1.2公里", "其中连通道路 | 5 | 1.2公里")).projects
    assert rows(project)["其中连通道路"] == ("1.2公里", "", Decimal(5), None)


BOND_HEAD = """项目名称 | 某区老旧小区燃气改造工程 | 投向领域 | 老旧小区改造 | ||
项目主管部门 | 区住房和建设局 | 项目单位 | 某街道办事处 | ||
"""

#: A bond form: its 债券资金管理指标 header (实际支出金额 | 下达额度 | 实际完成值 | 分值 | 得分) one column
#: wider than the indicator table's header below it.
BOND_PADDED = BOND_HEAD + """当年绩效指标 | 债券资金管理指标(10分) | 总体支出进度 | 实际支出 金额 | 下达 额度 | 实际 完成值 | 分值 | 得分 | 偏差原因分析 及改进措施 |
1,437 | 1,437 | 1,437 | 10 | 10 | ||||
一级指标 | 二级指标 | 三级指标 | 目标值 | 实际 完成值 | 分值 | 得分 | 偏差原因分析 及改进措施 | |
产出指标 (50分) | 数量指标 | 改造住宅小区数 | 12个 | 12个 | 10 | 10 | ||
改造户数 | 1785套 | 1806套 | 5 | 5 | ||||
质量指标 | 工程竣工验收合格率 | 100% | 100% | 5 | 4 | |||
"""

#: The same form with the indicator header's 分值 named 权重, its 得分 自评得分, and no trailing cells.
BOND_BARE = BOND_HEAD + """当年绩效指标 | 债券资金管理指标(10分) | 总体支出进度 | 实际支出金额 | 下达额度 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
1,437 | 1,437 | 1,437 | 10 | 10
一级指标 | 二级指标 | 三级指标 | 目标值 | 实际完成值 | 权重 | 自评得分 | 偏差原因分析及改进措施
产出指标 (50分) | 数量指标 | 改造住宅小区数 | 12个 | 12个 | 10 | 10
改造户数 | 1785套 | 1806套 | 5 | 5
质量指标 | 工程竣工验收合格率 | 100% | 100% | 5 | 4
"""


def test_rows_under_a_second_header_take_its_weight_and_score_columns() -> None:
    for text in (BOND_PADDED, BOND_BARE):
        project, = read(text).projects
        assert rows(project) == {
            "改造住宅小区数": ("12个", "12个", Decimal(10), Decimal(10)),
            "改造户数": ("1785套", "1806套", Decimal(5), Decimal(5)),
            "工程竣工验收合格率": ("100%", "100%", Decimal(5), Decimal(4)),
        }, text
