"""A short 自评报告 whose sections answer in one short line ('四、绩效自评结果拟应用和公开情况' /
'按规定申请公开' / '五、其他需要说明的问题'): such a line heads nothing (the next line is a section
heading again), so it is no project's subsection title. And a payment said after its amount
('项目工程款700万元已经拨付') is the project's spending. Built reports in two wordings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project, run

REPORT = """{title}2020年度绩效自评报告

一、绩效目标分解下达情况

{title}由区财政安排资金{planned}万元。

二、绩效目标完成情况分析

(一)资金投入情况分析。

{paid_clause}；其余工程款尚待申请，尾款在质保期满后支付。

(二)绩效指标完成情况分析。

数量指标：{length}，已完成；

三、偏离绩效目标的原因和下一步改进措施

四、绩效自评结果拟应用和公开情况

{answer}

五、其他需要说明的问题
"""


@pytest.mark.parametrize("fields", [
    {"title": "某区新建滨河路工程项目", "planned": "700", "paid_clause": "项目工程款700万元已经拨付",
     "paid": "700", "length": "道路建设491米", "answer": "按规定申请公开"},
    {"title": "某县城区排水管网改造项目", "planned": "420.5", "paid_clause": "工程进度款380万元已支付",
     "paid": "380", "length": "新建排水管网3.2公里", "answer": "已在部门网站公开"},
])
def test_a_one_line_answer_is_no_project_and_a_payment_after_its_amount_is_spending(
        tmp_path: Path, fields: dict[str, str]) -> None:
    project = only_project(run(tmp_path, REPORT.format(**fields)))
    assert fields["answer"] not in project.name
    assert amount(project.budget.executed) == Decimal(fields["paid"]) * 10000
