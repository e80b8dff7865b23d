"""A 自评表 dumped one row a line with ' | ' between cells, merged level cells given on their group's
first row only, and an empty value cell collapsed away ('配套设施 | 3 | 9.3 | 9.3': the 实际完成值 left
blank): the row's last two plain figures are its 分值 and 得分, as the template ends every row, and go
under them. Also: a name that begins with a decimal figure ('1290.3平方米冷库建设') keeps it — only a
row number ('1.', '2、', '指标3:') is cut off a name. Built inputs in two wordings and layouts."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Indicator
from tests._textforms import only_project, run

FORM = """项目名称 | {name} | |||||
主管部门 | {department} | 实施单位 | {unit} | ||||
项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | ||
年度资金总额 | {budget} | {budget} | {budget} | 10 | 100% | 10 | ||
{block}一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | ||
{lead}产出指标(50分) | 数量指标 | {first} | ≥{area}平方米 | {area}平方米 | 20 | 20 | ||||
{short} | {count} | {weight} | {score} | ||||||||
{lead}质量指标 | 验收合格率 | 100% | 100% | 10 | 10 | |||||
{lead}时效指标 | 完工及时率 | 100% | 100% | 20 | 20 | |||||
"""


def indicators(tmp_path: Path, **fields: str) -> dict[str, Indicator]:
    return {i.name: i for i in only_project(run(tmp_path, FORM.format(**fields))).indicators}


@pytest.mark.parametrize("fields", [
    {"name": "冷链物流中心建设", "department": "某县农业农村局", "unit": "某县投资公司", "budget": "800",
     "block": "绩 效 指 标 | ", "lead": "", "first": "1290.3平方米冷库仓储建设", "area": "1290.3",
     "short": "配套电力设施1250KVA变压器3台", "count": "3", "weight": "9.3", "score": "9.3"},
    {"name": "农贸市场改造", "department": "某区商务局", "unit": "某区市场服务中心", "budget": "260",
     "block": "", "lead": "", "first": "2.5万平方米市场棚改", "area": "25000",
     "short": "新增摊位", "count": "120个", "weight": "10", "score": "8"},
])
def test_a_collapsed_value_cell_leaves_the_scores_under_their_columns(tmp_path: Path, fields: dict[str, str]) -> None:
    found = indicators(tmp_path, **fields)
    assert fields["first"] in found  # the decimal figure that begins the name is the name's own
    short = found[fields["short"]]
    assert (short.weight, short.score) == (Decimal(fields["weight"]), Decimal(fields["score"]))
    assert short.target is not None and short.target.raw == fields["count"]
    assert not [a for a in short.actuals if a.raw.strip() and a.kind != "empty"]


def test_a_row_number_is_still_cut_off_a_name(tmp_path: Path) -> None:
    fields = {"name": "道路硬化", "department": "某镇政府", "unit": "某镇建设办", "budget": "50", "block": "",
              "lead": "", "first": "1.硬化道路面积", "area": "3000", "short": "2、新建排水沟", "count": "800米",
              "weight": "10", "score": "10"}
    found = indicators(tmp_path, **fields)
    assert "硬化道路面积" in found and "新建排水沟" in found
