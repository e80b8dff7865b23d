"""A form dumped one cell a line whose actual cell restates the indicator's name before its figure ('新建站点' then
'0'): the name printed again is no value, the figure after it is the actual, and the reason after that is no
next row. Made-up forms in two dumps: a blank line between cells, and '|' lines between cells."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests._textforms import only_project, run

CELLS = [
    "转移支付(项目)名称", "某市水环境监测能力建设资金", "地方主管部门", "某市生态环境局", "实施单位", "监测科",
    "项目资金(万元)", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
    "年度资金总额:", "300", "120", "40%",
    "一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施",
    "产出指标", "数量指标", "新建水质自动监测站", "4个", "新建水质自动监测站", "1",
    "设备到货延迟,其余站点次年一季度建成。",
    "质量指标", "监测数据有效率", "≥90%", "93%", "无",
]


def test_a_restated_name_is_no_actual(tmp_path: Path) -> None:
    for separator in ("\n\n", "\n|\n"):
        project = only_project(run(tmp_path, separator.join(CELLS) + "\n"))
        rows = {i.name: (i.target.raw if i.target else None, [a.value for a in i.actuals]) for i in project.indicators}
        assert rows == {"新建水质自动监测站": ("4个", [Decimal("1")]),
                        "监测数据有效率": ("≥90%", [Decimal("93")])}, rows
