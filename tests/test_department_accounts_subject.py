"""A body's final accounts (部门决算) whose contents list its department-wide self-evaluation: the text names
no project, so what it evaluates is the body's whole spending, named after the body its title gives —
not an unnamed made-up project."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.pipeline import check

CONTENTS = """{title}
目录
第一部分 部门概况
一、主要职能
二、部门基本情况
第二部分 {year}年度部门决算表
一、收入支出决算表
二、收入决算表
{section}
第三部分 {year}年度部门决算情况说明
一、收入决算情况说明
第一部分 部门概况
一、主要职能
负责全县相关行政事务的统筹协调和组织实施工作。
"""


@pytest.mark.parametrize(("title", "section", "subject"), [
    ("某县政务服务管理局2023年度部门决算", "十三、2023年度部门整体支出绩效自评情况", "某县政务服务管理局部门整体支出"),
    ("某市公安局某区分局2019年决算公开报告", "九、整体支出绩效自评报告", "某市公安局某区分局部门整体支出"),
    ("某县农业农村局2022年度部门决算", "第四部分 2022年度部门绩效评价情况", "某县农业农村局部门整体支出"),
])
def test_accounts_with_a_department_evaluation_name_the_body(tmp_path: Path, title: str, section: str,
                                                             subject: str) -> None:
    path = tmp_path / "accounts.txt"
    path.write_text(CONTENTS.format(title=title, year=title[-8:-4] if "年度" in title else "2019",
                                    section=section), encoding="utf-8")
    result = check(path)
    assert [p.name for p in result.report.projects] == [subject]

