"""A fund's parts listed item by item in the 到位 and 执行 subsections: a part paid out beyond what arrived for it is
conflicting-figures (checks/partlists.py). Wordings other than the spent documents': numbered '1、' items, 到账 and
使用 for the verbs, a list run on in the total's own paragraph, and the lists that must stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests._textforms import run

_HEAD = ("青山县2022年农业生产发展资金绩效自评报告\n"
         "一、绩效目标完成情况分析\n"
         "1.项目资金到位情况分析。\n")


def _codes(tmp_path: Path, text: str) -> set[str]:
    return {f.code for f in run(tmp_path, text).findings}


@pytest.mark.parametrize(("arrived", "spent"), [
    # ①-numbered, 实到 then a bare amount after the name in the spending list
    ("2022年下达资金600万元，实际到位500万元。按项目分:①耕地质量提升补助应到位300万元,实到299.5万元;"
     "②农机深松整地补助应到位300万元,实到200.5万元。",
     "截至年底累计支付500万元,执行率83.33%。\n按项目分:①耕地质量提升补助300万元,执行率100%;"
     "②农机深松整地补助支付200万元,执行率66.67%。"),
    # '1、'-numbered, 到账 and 使用 for the verbs, the spending list in the total's own paragraph
    ("资金到账500万元。分项目看：1、耕地质量提升补助到账200万元；2、农机深松整地补助到账300万元。",
     "资金已使用505万元，分项目看：1、耕地质量提升补助使用205万元；2、农机深松整地补助使用300万元。"),
])
def test_a_part_paid_beyond_what_arrived_for_it(tmp_path: Path, arrived: str, spent: str) -> None:
    text = f"{_HEAD}{arrived}\n2.项目资金执行情况分析。\n{spent}\n"
    assert "conflicting-figures" in _codes(tmp_path, text)


@pytest.mark.parametrize(("arrived", "spent"), [
    # each part paid at most what arrived
    ("实际到位500万元。按项目分:①耕地质量提升补助应到位300万元,实到300万元;②农机深松整地补助应到位300万元,"
     "实到200万元。",
     "累计支付480万元。\n按项目分:①耕地质量提升补助300万元;②农机深松整地补助支付180万元。"),
    # money due (应到位) is no money that arrived; a bracket restating the allotment is none either
    ("实际到位500万元。按项目分:①耕地质量提升补助应到位300万元(即第二批补助资金300万),实到300万元;"
     "②农机深松整地补助应到位300万元,实到200万元。",
     "累计支付500万元。\n按项目分:①耕地质量提升补助支付300万元;②农机深松整地补助支付200万元。"),
])
def test_parts_paid_within_what_arrived_stay_quiet(tmp_path: Path, arrived: str, spent: str) -> None:
    text = f"{_HEAD}{arrived}\n2.项目资金执行情况分析。\n{spent}\n"
    assert "conflicting-figures" not in _codes(tmp_path, text)


@pytest.mark.parametrize(("spent", "flagged"), [
    # the parts paid make 510, the total paid 500
    ("累计支付500万元,执行率83.33%。\n按项目分:①耕地质量提升补助支付300万元;②农机深松整地补助210万元;"
     "③农田建设补助没有支付。", True),
    ("资金已使用500万元，分项目看：1、耕地质量提升补助使用290万元；2、农机深松整地补助使用200万元；"
     "3、农田建设补助尚未使用。", True),
    # the parts make the total
    ("累计支付500万元。\n按项目分:①耕地质量提升补助支付300万元;②农机深松整地补助200万元;③农田建设补助没有支付。",
     False),
    # an item whose amount cannot be read ('支付10万地'): the list proves nothing
    ("累计支付500万元。\n按项目分:①耕地质量提升补助支付300万元;②农机深松整地补助支付10万地;③农田建设补助没有支付。",
     False),
])
def test_the_parts_paid_item_by_item_against_the_total_paid(tmp_path: Path, spent: str, flagged: bool) -> None:
    arrived = ("实际到位500万元。按项目分:①耕地质量提升补助应到位300万元,实到300万元;②农机深松整地补助应到位300万元,"
               "实到200万元;③农田建设补助应到位100万元,尚未到位。")
    text = f"{_HEAD}{arrived}\n2.项目资金执行情况分析。\n{spent}\n"
    assert ("fund-sum-mismatch" in _codes(tmp_path, text)) == flagged


def test_a_traditional_reposting_is_read_the_same(tmp_path: Path) -> None:
    text = ("青山縣2022年農業生產發展資金績效自評報告\n"
            "一、績效目標完成情況分析\n"
            "1.項(xiàng)目資金到位情況分析。\n"
            "實際到位500萬元。按項目分:①耕地質量提升補助應到位300萬元,實到299.5萬元;②農機深松整地補助應到位300萬元,"
            "實到200.5萬元。\n"
            "2.項(xiàng)目資金執行情況分析。\n"
            "截至年底累計支付500萬元。\n按項目分:①耕地質量提升補助300萬元;②農機深松整地補助支付200萬元。\n")
    assert "conflicting-figures" in _codes(tmp_path, text)
