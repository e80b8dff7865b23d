"""A form dumped one cell a line whose empty cells the dump dropped: a row that printed only its 分值 and 得分
('工程质量合格' / '20' / '20', no target and no result) keeps them under 分值 and 得分, not under 年度指标值 and
实际完成值, so no level's sum comes out short and no total is reported over its parts; a row that printed its
values keeps them where they are. Made-up form, one cell a line with and without blank lines between cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import only_project, run

LINES = ["项目支出绩效自评表", "项目名称 农村公路安保工程", "主管部门 某县交通运输局", "实施单位 某县公路事业发展中心",
         "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分", "年度资金总额 90 90 90 10 100% 10",
         "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施",
         "产出指标 数量指标 安装波形护栏长度 ≥12公里 12.4公里 20 20",
         "质量指标 工程交工验收合格 20 20",
         "时效指标 工程完工及时率 100% 100% 10 10",
         "效益指标 社会效益指标 交通事故下降 有效下降 有效下降 20 20",
         "满意度指标 服务对象满意度指标 沿线群众满意度 ≥90% 94% 20 20",
         "总分 100 100"]


@pytest.mark.parametrize("joint", ["\n", "\n\n"])
def test_a_row_of_points_only_keeps_them_as_points(tmp_path: Path, joint: str) -> None:
    text = joint.join(cell for line in LINES for cell in line.split(" ")) + "\n"
    result = run(tmp_path, text)
    project = only_project(result)
    rows = {i.name: i for i in project.indicators}
    row = rows["工程交工验收合格"]
    assert row.weight == Decimal("20") and row.score == Decimal("20")
    assert row.target is None or not row.target.raw
    assert rows["安装波形护栏长度"].target is not None and rows["安装波形护栏长度"].target.raw == "≥12公里"
    codes = {f.code for f in result.findings if f.severity == "error"}
    assert not codes & {"score-exceeds-weight", "score-sum-mismatch"}
