"""How a department-wide self-evaluation report opens, in the wordings county and regional portals publish:

- the people's organisations report as bodies too (妇女联合会, 残疾人联合会, 科学技术协会, 科协, 总工会), and a title
  may write its subject 部门（单位）整体支出;
- a portal's record fields around the title ('标      题 X绩效自评报告', the label spaced to its cell, no colon);
- a cover that names the subject as a project ('项目名称: X整体支出部门名称:X评价机构:…', fields run together) and
  lists its contents ('(四)部门管理制度'): the body's own matters are no projects;
- the budget stated as a whole with its split into the start of the year's budget and the year's change
  ('预算收入69.06万元，其中年初预算57.28万元，调整追加11.78万元'): the whole is the adjusted budget.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, only_project, run


@pytest.mark.parametrize(
    ("title", "subject"),
    [
        ("2022年度某州某县妇女联合会部门(单位)整体支出绩效自评报告", "某州某县妇女联合会部门整体支出"),
        ("某市残疾人联合会2023年度部门整体支出绩效自评报告", "某市残疾人联合会部门整体支出"),
        ("某区科协2021年度单位整体支出绩效自评报告", "某区科协单位整体支出"),
    ],
)
def test_a_peoples_organisation_names_its_whole_spending(tmp_path: Path, title: str, subject: str) -> None:
    text = (f"{title}\n一、部门(单位)基本情况\n本单位编制5人，实有5人。\n二、一般公共预算支出情况\n"
            "2022年支出76.36万元，其中基本支出76.36万元，项目支出0万元。\n")
    assert only_project(run(tmp_path, text)).name == subject


@pytest.mark.parametrize("label", ["标      题 ", "标题 ", "标 题:"])
def test_a_portal_title_field_is_no_part_of_the_title(tmp_path: Path, label: str) -> None:
    text = (f"{label}某自治区残疾人联合会2020年度预算绩效自评报告\n索引号 000014349/2021-00002\n\n"
            "某自治区残疾人联合会2020年度预算绩效自评报告\n一、单位基本情况\n残联机关编制29人，实有22人。\n")
    result = run(tmp_path, text)
    assert result.report is not None
    assert result.report.title == "某自治区残疾人联合会2020年度预算绩效自评报告"
    assert only_project(result).name == "某自治区残疾人联合会部门整体支出"


@pytest.mark.parametrize(
    ("cover", "name"),
    [
        ("项目名称: 某县档案馆整体支出\n部门名称:某县档案馆\n评价机构:某县档案馆整体支出绩效评价小组\n",
         "某县档案馆整体支出"),
        ("项目名称：某市图书馆2024年部门整体支出\n部门（单位）名称：某市图书馆\n", "某市图书馆2024年部门整体支出"),
    ],
)
def test_the_cover_names_the_subject_and_the_contents_name_no_project(tmp_path: Path, cover: str, name: str) -> None:
    text = ("2024年部门整体支出绩效自评报告\n" + cover + "目录\n一、部门概况\n(一)部门机构设置、编制\n"
            "(二)部门职能\n(三)部门工作完成情况\n(四)部门管理制度\n(五)部门资金来源及使用情况\n二、绩效目标\n"
            "四、评价结论\n五、主要经验做法\n一、部门概况\n在职人员编制17人，实有16人。\n")
    result = run(tmp_path, text)
    assert only_project(result).name == name
    assert result.report is not None and result.report.unit is not None and "名称" not in result.report.unit


@pytest.mark.parametrize(
    ("sentence", "budget", "initial"),
    [
        ("2022年预算收入69.06万元,其中年初预算57.28万元,调整追加11.78万元;其他资金来源21.31万元。", "690600", "572800"),
        ("全年预算资金320万元(其中年初预算300万元、年中追加20万元)。", "3200000", "3000000"),
        ("本年度财政拨款收入118万元，其中：年初部门预算120万元，调减2万元。", "1180000", "1200000"),
    ],
)
def test_the_budget_and_its_split_into_initial_and_change(tmp_path: Path, sentence: str, budget: str,
                                                          initial: str) -> None:
    text = ("某县妇女联合会2022年度部门整体支出绩效自评报告\n一、部门基本情况\n编制3人，实有3人。\n"
            f"二、一般公共预算支出情况\n{sentence}\n2022年支出60.5万元，其中基本支出60.5万元，项目支出0万元。\n")
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal(budget)
    assert amount(project.budget.initial) == Decimal(initial)


def test_a_split_that_does_not_make_the_whole_sets_no_budget(tmp_path: Path) -> None:
    """57.28 + 10.78 is not 69.06: the figures do not show the income is the appropriation."""
    text = ("某县妇女联合会2022年度部门整体支出绩效自评报告\n一、部门基本情况\n编制3人，实有3人。\n"
            "二、一般公共预算支出情况\n2022年预算收入69.06万元,其中年初预算57.28万元,调整追加10.78万元。\n")
    assert only_project(run(tmp_path, text)).budget.planned is None
