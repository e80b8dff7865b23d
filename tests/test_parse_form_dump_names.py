"""A 自评表 dumped from a PDF in its cells' column order prints the project's name before its 项目名称 label, the
label running straight into the next one ('…自评表 (2023 年度) X经费 项目名称 主管部门 Y'): the name is read there,
joined where the cell wrapped it, also for a form whose goal rows are read without its header. An empty 项目名称
cell names nothing.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.parse import UNNAMED_PROJECT
from reportparse.parse.narrativenames import form_label_names
from tests._textforms import amount, only_project, run

_ROWS = ("一级指标 二级指标 三级指标 年度 指标值 实际 完成值 分值 得分 产出指标 数量指标 培训场次 >=8场 9场 30 30 "
         "质量指标 培训合格率 >=95% 97% 30 30 满意度指标 服务对象满意度指标 学员满意度 >=90% 95% 20 20 总分 100 98")


@pytest.mark.parametrize(("head", "name"), [
    ("财政项目支出绩效自评表 (2023 年度) 社区家庭教育 指导服务经费 项目名称 主管部门 某区妇联 年初预算数 全年预算数 "
     "全年执行数 分值 执行率 得分 60000.00 60000.00 58,200 10 9.7", "社区家庭教育指导服务经费"),
    ("项目支出绩效自评表（2022年度） 退役军人 技能培训补助 项目名称 实施单位 某县退役军人服务中心 年初预算数 "
     "全年预算数 全年执行数 30 30 29.1", "退役军人技能培训补助"),
])
def test_a_name_printed_before_its_label_names_the_headless_form(tmp_path: Path, head: str, name: str) -> None:
    project = only_project(run(tmp_path, f"{head}\n{_ROWS}\n"))
    assert project.name == name
    assert len(project.indicators) >= 2


def test_the_name_before_its_label_and_after_it() -> None:
    assert form_label_names(["绩效自评表 (2021 年度) 城区公园 管护经费 项目名称 主管部门 某局"]) == ["城区公园管护经费"]
    assert form_label_names(["绩效自评表 (2021年度) 项目名称 城区公园管护经费 主管部门 某局"]) == ["城区公园管护经费"]


def test_an_empty_name_cell_names_nothing(tmp_path: Path) -> None:
    assert form_label_names(["项目支出绩效自评表 (2022 年度) 项目名称 主管部门 某局 实施单位 某中心"]) == []
    project = only_project(run(tmp_path, "项目支出绩效自评表 (2022 年度) 项目名称 主管部门 某局\n" + _ROWS + "\n"))
    assert project.name == UNNAMED_PROJECT


_FORM = ("项目支出绩效自评表\n（2022年度）\n{name_line}\n主管部门 某县水利局 实施单位 某县水利工程服务中心\n"
         "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 80 80 78.5 10 98% 9.8\n"
         "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
         "产出指标 数量指标 清淤渠道长度 ≥12公里 12.6公里 20 20\n")


@pytest.mark.parametrize("name_line", [
    "项目名称：灌区渠系清淤整治项目（项目编码：2022-1107）",
    "项目名称 灌区渠系清淤整治项目(编号:SL0031)",
])
def test_a_code_in_brackets_after_the_name_is_no_part_of_it(tmp_path: Path, name_line: str) -> None:
    project = only_project(run(tmp_path, _FORM.format(name_line=name_line)))
    assert project.name == "灌区渠系清淤整治项目"


def test_a_bracketed_qualifier_that_is_no_code_stays(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, _FORM.format(name_line="项目名称：灌区渠系清淤整治项目（二期）")))
    assert project.name == "灌区渠系清淤整治项目（二期）"


@pytest.mark.parametrize(("head", "planned", "executed"), [
    ("财政项目支出绩效自评表 (2023 年度) 社区家庭教育 指导服务经费 项目名称 主管部门 某区妇联 年初预算数 全年预算数 "
     "全年执行数 分值 执行率 得分 60000.00 60000.00 58,200 10 9.7 项目资金 (元)", Decimal("60000"), Decimal("58200")),
    ("项目支出绩效自评表（2022年度） 退役军人 技能培训补助 项目名称 实施单位 某县退役军人服务中心 年初预算数 "
     "全年预算数 全年执行数 分值 执行率 得分 30 30 27 10 9 年度资金总额 项目资金（万元）", Decimal("300000"),
     Decimal("270000")),
])
def test_a_cut_forms_fund_row_in_column_order_gives_its_budget(tmp_path: Path, head: str, planned: Decimal,
                                                               executed: Decimal) -> None:
    project = only_project(run(tmp_path, f"{head}\n{_ROWS}\n"))
    assert (amount(project.budget.planned), amount(project.budget.executed)) == (planned, executed)


def test_a_fund_row_whose_score_does_not_follow_from_its_amounts_gives_nothing(tmp_path: Path) -> None:
    # (the spending's cell printed elsewhere, the score in its place: '20000.00 20000.00 4.52' is no spending)
    head = ("财政项目支出绩效自评表 (2023 年度) 社区家庭教育 指导服务经费 项目名称 主管部门 某区妇联 年初预算数 "
            "全年预算数 全年执行数 分值 执行率 得分 20000.00 20000.00 4.52 其中:当年财政拨款 项目资金 (元) 9,034")
    project = only_project(run(tmp_path, f"{head}\n{_ROWS}\n"))
    assert project.budget.planned is None and amount(project.budget.executed) != Decimal("4.52")
