"""A form flattened into text lines prints its header fields as 'label: value' tokens, some labels the label
table does not know ('是否为专项资金:', '资金性质：', '金额单位:'): the name's value ends where such a label, a
token of its own closed by its colon, begins (parse/form/text.py). Two wordings of the header line, over the same
form."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import only_project, run

FORM = "\n".join([
    "项目支出绩效自评表",
    "{header}",
    "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
    "年度资金总额 120 150 135 10 90% 9",
    "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
    "产出指标 数量指标 养护道路里程 ≥80公里 82公里 40 40",
    "效益指标 社会效益指标 群众出行条件改善 明显改善 明显改善 30 30",
    "满意度指标 服务对象满意度指标 沿线群众满意度 ≥90% 93% 20 20",
    "总分 100 99",
]) + "\n"


@pytest.mark.parametrize("header", [
    "项目名称: 乡村道路养护补助 是否为专项资金: 实施单位 某县公路事务中心 金额单位: 万元",
    "项目名称：乡村道路养护补助 资金性质： 一般公共预算 实施单位：某县公路事务中心",
])
def test_the_name_ends_at_a_label_closed_by_its_colon(tmp_path: Path, header: str) -> None:
    project = only_project(run(tmp_path, FORM.format(header=header)))
    assert project.name == "乡村道路养护补助"
