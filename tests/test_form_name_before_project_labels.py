"""A name whose field runs into the next label with no separator, that label itself opening with 项目
('项目名称X项目项目主管单位Y', '…项目项目实施单位Z', the Hubei template's labels): the label's 项目 is no part of the
name, which keeps its own 项目 once. Made-up texts in two layouts (the whole form run together on one line; a
report's cover line before its prose)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import run

NAME = "2023年城区照明设施维护项目"
RUN = (f"某市财政预算支出项目绩效目标自评表项目名称{NAME}{{next}}某市城市管理局{{then}}某市路灯管理所"
       "项目资金来源中央(万元)省、地(万元)本级(万元)其他(万元)合计(万元)执行数(万元)执行率项目年度目标完成城区照明设施维护。")
COVER = (f"2023年度项目支出绩效自评报告\n项目名称{NAME}{{next}}某市城市管理局{{then}}某市路灯管理所\n"
         "一、基本情况\n该项目年初预算92万元，全年执行90.2万元，执行率98%。\n")


@pytest.mark.parametrize("labels", [("项目主管单位", "项目实施单位"), ("项目主管部门", "项目实施单位")],
                         ids=["单位", "部门"])
@pytest.mark.parametrize("template", [RUN, COVER], ids=["run together", "cover line"])
def test_the_next_labels_project_is_no_part_of_the_name(tmp_path: Path, template: str,
                                                         labels: tuple[str, str]) -> None:
    text = template.format(next=labels[0], then=labels[1]) + "\n"
    result = run(tmp_path, text)
    assert result.report is not None
    names = [p.name for p in result.report.projects]
    assert NAME in names, names
    assert not any(name.endswith("项目项目") for name in names)
