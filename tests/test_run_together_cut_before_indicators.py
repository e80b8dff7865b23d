"""A document-sharing site's preview of a form whose every cell ran together, cut before the indicator table: the
run opens with the form's title or name field and holds the labels of its header and 项目资金 blocks, but no
indicator column words. Its name, budget and 预算执行 score are still read from the run (and a 部门整体 form's
body from its '区级/县级预算单位名称' field). Built inputs in two templates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.parse.form.runlines import is_run_together, opens_run_together
from tests._textforms import amount, only_project, run

DEPARTMENT_RUN = (
    "资源描述\n"
    "部门整体支出绩效自评表(2022年度)县级预算单位名称某县妇幼保健计划生育服务中心年度预算申请(万元)年初预算数"
    "全年预算数全年执行数分值执行率得分年度资金总额1320.51320.51320.510100%10按收入性质分:1320.5按支出性质分:"
    "1320.5其中:一般公共预算:1320.5其中:基本支出:1200.3政府性基金拨款:项目支出:120.2其他资金:年度总体目标预期目标"
    "实际完成情况1:孕产妇系统管理率≥90%。2:儿童健康管理率≥90%\n"
)

PROJECT_RUN = (
    "项目支出绩效自评表(2021年度)项目名称乡村学校少年宫运行补助主管部门某县教育局实施单位某县第二中学"
    "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额60606010100%10其中:当年财政拨款"
    "60606010100%10上年结转资金其他资金年度总体目标预期目标实际完成情况保障少年宫全年开放\n"
)


def test_a_run_that_opens_a_form_without_its_indicator_header_is_a_run_together_form() -> None:
    for text in (DEPARTMENT_RUN.splitlines()[1], PROJECT_RUN):
        assert not is_run_together(text) and opens_run_together(text)
    # (prose that states the same figures opens no form)
    assert not opens_run_together("本年度年初预算数为60万元，全年预算数60万元，全年执行数60万元，执行率100%，"
                                  "年度资金总额全部用于学校少年宫的运行和维护，资金到位及时。")


def test_a_department_form_cut_before_its_indicators(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, DEPARTMENT_RUN))
    assert "某县妇幼保健计划生育服务中心" in project.name
    assert amount(project.budget.planned) == Decimal("13205000")
    assert amount(project.budget.executed) == Decimal("13205000")
    assert [(s.level, s.weight, s.score) for s in project.scores] == [("预算执行", 10, 10)]


def test_a_project_form_cut_before_its_indicators(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, PROJECT_RUN))
    assert project.name == "乡村学校少年宫运行补助"
    assert amount(project.budget.planned) == Decimal("600000")
