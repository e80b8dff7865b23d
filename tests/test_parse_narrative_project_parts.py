"""A report on a body's few projects, one part each under a heading naming the project ('（一）X项目'), whose first
sentence names it again by a longer, official name ('Y项目于2010年6月经市人民政府批准立项…'), tells its history
('到2013年累计安排经费380万元') and then the year's money ('争取到市级X资金42万元', '争取到市级财政资金21.44万元'):
one project a part, its budget the year's money, not the running total and not a phrase around the money."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests._textforms import amount, run

_REPORT = """某市档案局2017年度项目绩效自评报告
一、项目基本情况
(一){first}
{official}于2010年6月经市人民政府批准立项,计划用5至10年完成,总经费估算约800万元。项目2011年4月开工,{history}。
{obtained}42万元,用于更换存储服务器和磁盘阵列、升级更换软件。
(二)馆藏档案日常维护项目
截至2016年10月底,市档案馆馆藏档案资料合计132697卷。按每卷2元的规定标准测算,{second}21.44万元。
馆藏档案日常维护费主要用于馆藏档案的“八防”。
"""

_WORDINGS = [
    {"first": "馆藏档案全文数字化转化经费项目", "official": "市档案馆馆藏档案全文数字化加工项目",
     "history": "到2013年累计安排经费380万元", "obtained": "争取到市级馆藏档案全文数字化转化经费项目资金",
     "second": "争取到市级财政资金"},
    {"first": "馆藏档案全文数字化转化经费项目", "official": "全市馆藏档案全文数字化加工建设项目",
     "history": "截至2014年底,累计下达经费380万元", "obtained": "今年获批市级馆藏档案全文数字化转化经费",
     "second": "争取到市级补助资金"},
]


@pytest.mark.parametrize("wording", _WORDINGS)
def test_one_project_a_part_with_the_years_money(tmp_path: Path, wording: dict[str, str]) -> None:
    result = run(tmp_path, _REPORT.format(**wording))
    assert result.report is not None
    budgets = {p.name.removesuffix("项目"): amount(p.budget.planned) for p in result.report.projects}
    assert budgets == {"馆藏档案全文数字化转化经费": Decimal("420000"), "馆藏档案日常维护": Decimal("214400")}
    digitising = next(p for p in result.report.projects if p.name.startswith("馆藏档案全文数字化转化经费"))
    assert wording["official"] in digitising.aliases


def test_a_first_sentence_on_another_project_stays_apart(tmp_path: Path) -> None:
    """A part whose first sentence names a project that shares no words with its heading is not merged into it."""
    text = _REPORT.format(first="馆藏档案全文数字化转化经费项目", official="市民服务中心查档大厅改造项目",
                          history="到2013年累计安排经费380万元",
                          obtained="争取到市级馆藏档案全文数字化转化经费项目资金", second="争取到市级财政资金")
    result = run(tmp_path, text)
    assert result.report is not None
    digitising = next(p for p in result.report.projects if p.name.startswith("馆藏档案全文数字化转化经费"))
    assert "市民服务中心查档大厅改造项目" not in digitising.aliases
