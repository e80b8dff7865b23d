"""A part after 其中 said as money and as its share of the total: the share must be the part over the total."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import _textforms

_REPORT = """某县文化馆2023年度部门整体支出绩效自评报告
一、部门基本情况
2023年度部门全年预算数300万元，全年执行数290万元，预算执行率96.67%。
二、部门支出情况
{sentence}
三、自评结论
部门整体支出绩效自评得分92分，等级为优。
"""


def _flagged(tmp_path: Path, sentence: str) -> list[str]:
    result = _textforms.run(tmp_path, _REPORT.format(sentence=sentence))
    return [f.message for f in result.findings if f.code == "conflicting-figures"]


@pytest.mark.parametrize("sentence", [
    "2023年本年支出合计290万元，其中：基本支出232万元，占80%；项目支出58万元，占20%。",
    "本年收入合计7.69万元，其中公务接待费5.21万元，占67.75%；公务用车运行维护费2.48万元，占32.24%。",  # truncated
    "2023年本年支出合计290万元，其中基本支出232万元（占总支出的80%），项目支出58万元（占20%）。",
    # (shares of another base than the total: a budget, or a part of the list)
    "2023年本年支出合计290万元，其中：基本支出232万元，占年初预算的75%；项目支出58万元，占项目预算的96.67%。",
    # (a nested list: its shares are of the part it breaks down)
    "2023年本年支出合计290万元，其中基本支出232万元，占80%，其中人员经费174万元，占75%。",
])
def test_shares_that_fit_their_total_or_name_another_base_are_not_flagged(tmp_path: Path, sentence: str) -> None:
    assert _flagged(tmp_path, sentence) == []


@pytest.mark.parametrize("sentence", [
    "2023年本年支出合计290万元，其中：基本支出232万元，占85%；项目支出58万元，占15%。",
    "2023年本年支出合计290万元，其中基本支出232万元（占总支出的70%），项目支出58万元（占20%）。",
])
def test_a_share_the_amounts_do_not_give_is_flagged(tmp_path: Path, sentence: str) -> None:
    assert len(_flagged(tmp_path, sentence)) >= 1
