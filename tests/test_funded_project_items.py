"""A report on a fund that lists the projects it pays for, one numbered paragraph each, opened by the project's
name and stating its money ('㈠X改造项目。安排资金60万元，主要建设…'): each item is a project, with that budget, however
the list marks its items (①, ⑴, ㈠, ●) and under whatever part of the report the list stands (基本情况, 绩效目标).
Made-up reports in several wordings."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.pipeline import check

_ITEMS = [("青溪市东城区老旧小区改造项目", "60"), ("青溪市人民医院发热门诊改造项目", "80"),
          ("西城区公共卫生应急物资储备库项目", "50"), ("青溪市疾控中心实验室能力提升工程", "50")]


def report(mark: str, heading: str, verb: str) -> str:
    marks = {"㈠": "㈠㈡㈢㈣", "●": "●●●●", "⑴": "⑴⑵⑶⑷", "①": "①②③④"}[mark]
    items = "\n".join(f"{marks[i]}{name}。{verb}{amount}万元，主要建设内容按批复实施。"
                      for i, (name, amount) in enumerate(_ITEMS))
    return (f"青溪市2020年抗疫特别国债资金绩效自评报告\n"
            f"2020年青溪市共下达抗疫特别国债资金240万元，用于青溪市抗疫特别国债项目支出，共实施项目4个。\n"
            f"{heading}\n{items}\n二、绩效目标完成情况\n以上项目均已按期完工并通过验收。\n")


@pytest.mark.parametrize(("mark", "heading", "verb"), [
    ("㈠", "一、绩效目标", "安排资金"),
    ("●", "一、项目基本情况", "下达资金"),
    ("⑴", "一、绩效目标", "下达预算"),
    ("①", "一、项目基本情况", "安排资金"),
])
def test_each_listed_project_with_its_budget(tmp_path: Path, mark: str, heading: str, verb: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text(report(mark, heading, verb), encoding="utf-8")
    result = check(path)
    assert result.report is not None
    budgets = {p.name: p.budget.planned.value if p.budget.planned else None for p in result.report.projects}
    for name, amount in _ITEMS:
        assert budgets.get(name) == int(amount) * 10000, (name, budgets)


def test_one_item_alone_is_no_list(tmp_path: Path) -> None:
    text = ("青溪县2022年度老旧小区改造项目绩效自评报告\n一、项目基本情况\n"
            "㈠老旧小区道路改造项目。安排资金60万元，主要建设小区道路2.5公里。\n二、绩效目标完成情况\n已完工。\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = check(path)
    assert result.report is not None and len(result.report.projects) == 1
