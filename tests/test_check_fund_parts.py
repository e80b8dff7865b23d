"""fund-sum-mismatch on parts that are their total's whole by definition (checks/fundparts.py): 人员经费 and
公用经费 of a 基本支出, 基本支出 and 项目支出 of a body's spending, 中央 and 地方 money, shares that add up to 100%,
and a fund's stages said of the whole and then of its 基本支出 and 项目支出. Guards: lists with a part the
partition does not cover, partial lists, rounding, a change on the year before."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ._textforms import run

_HEAD = "某局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"


def _sums(tmp_path: Path, body: str) -> list[tuple[Decimal | None, Decimal | None]]:
    result = run(tmp_path, _HEAD + body)
    return [(f.actual, f.expected) for f in result.findings if f.code == "fund-sum-mismatch"]  # type: ignore[misc]


@pytest.mark.parametrize(("body", "stated", "summed"), [
    # 人员经费 + 公用经费 = 基本支出, each part's description a sentence of its own
    ("2023年一般公共预算财政拨款基本支出911.7万元，其中：人员经费489.18万元，主要包括：基本工资、津贴补贴、"
     "绩效工资。公用经费46.89万元，主要包括：办公费、印刷费、差旅费。\n", "9117000", "5360700"),
    ("2023 年本年一般公共预算基本支出 911000.39 元，其中：人员经费 809961.19 元，主要包括：基本工资、"
     "津贴补贴、住房公积金。公用经费 71339.2 元，主要包括：办公费、工会经费。\n", "911000.39", "881300.39"),
    # 基本支出 + 项目支出 = 本年支出
    ("2022年本年支出合计4143.91万元，其中：基本支出1140.27万元；项目支出3003.00万元。\n", "41439100", "41432700"),
    # shares that add up to 100%: the list is the whole
    ("2020年本年收入合计3765.66万元，其中：一般公共预算财政拨款收入1008.64万元，占26.79%；事业收入2148.69万元，"
     "占57.06%；其他收入600.00万元，占16.15%。\n", "37656600", "37573300"),
    # 中央 and 地方 money, the total said in the sentence before its 其中
    ("截至8月底，全市财政直达资金总额75.20亿元，分配率99.5%。其中：中央安排直达资金全市61.02亿元，分配率99.3%；"
     "地方安排直达资金13.78亿元，分配率99.5%。\n", "7520000000", "7480000000"),
])
def test_a_partition_that_does_not_add_up(tmp_path: Path, body: str, stated: str, summed: str) -> None:
    assert (Decimal(stated), Decimal(summed)) in _sums(tmp_path, body)


@pytest.mark.parametrize("body", [
    # adds up
    ("2022 年一般公共预算基本支出 1133753.33 元，其中：人员经费 1030180.29 元，占基本支出预算 90.86%。"
     "公用经费 103573.04 元，占基本支出预算 9.14%。\n"),
    # a third part the pair does not cover: 中央 + 地方 is not the whole
    "2023年共收到财政资金2330.9万元，其中：中央资金1372.7万元，地方资金98.6万元，其他资金859.6万元。\n",
    # shares that do not add up to 100%: only some parts listed
    ("2020年本年收入合计3765.66万元，其中：一般公共预算财政拨款收入1008.64万元，占26.79%；事业收入2148.69万元，"
     "占57.06%。\n"),
    # the longest run of shares that makes 100% is the list: three parts make 99.94%, the fourth the rest
    ("2020年本年收入合计3765.66万元，其中：一般公共预算财政拨款收入1008.64万元，占26.79%；政府性基金预算财政拨款收入"
     "605.99万元，占16.09%；事业收入2148.69万元，占57.06%；其他收入2.34万元，占0.06%。\n"),
    # rounding: two parts of 0.01 万元 each
    "2023年基本支出100.00万元，其中：人员经费66.67万元，公用经费33.34万元。\n",
    # the second amount is a change on the year before, no part
    "本单位2023年度总支出125.08万元，其中本年支出116.12万元，较2022年度决算数增加19.68万元。\n",
])
def test_guards_that_must_not_raise(tmp_path: Path, body: str) -> None:
    assert _sums(tmp_path, body) == []


_STAGES = ("2022年度一般公共预算财政拨款年初结转和结余2.27万元，{whole_in}，本年支出1448.11万元，"
           "年末结转和结余0.18万元。"
           "（一）基本支出情况 本单位2022年度一般公共预算财政拨款基本支出年初结转和结余0万元，本年收入216万元，"
           "本年支出216万元，年末结转和结余0万元。（二）项目支出情况 本单位2022年度一般公共预算财政拨款项目支出"
           "年初结转和结余2.27万元，本年收入1230.14万元，本年 支出{project_out}万元，年末结转和结余0.18万元。\n")


@pytest.mark.parametrize(("whole_in", "project_out", "found"), [
    ("本年收入1446.02万元", "1232.23", {("14460200", "14461400"), ("14481100", "14482300")}),
    ("本年收入合计为1446.14万元", "1232.23", {("14481100", "14482300")}),
    ("本年收入1446.14万元", "1232.11", set()),
])
def test_stages_of_the_whole_against_its_basic_and_project_spending(
        tmp_path: Path, whole_in: str, project_out: str, found: set[tuple[str, str]]) -> None:
    sums = _sums(tmp_path, _STAGES.format(whole_in=whole_in, project_out=project_out))
    assert {(str(a), str(b)) for a, b in sums} == found


_AFTER_A_CHANGE = ("1. 基本支出预算 881300.39 元，占一般公共预算支出的96.74%，同比减少 166271.4 元，下降 15.87%。其中："
                   "工资福利支出预算 716052.51 元，占基本支出预算81.25%，同比减少 148979.48 元。"
                   "商品和服务支出预算 {goods} 元，占基本支出预算18.76%，同比减少 17291.92 元。\n")


@pytest.mark.parametrize(("goods", "found"), [("165247.88", []), ("175247.88", [("881300.39", "891300.39")])])
def test_the_total_before_a_change_on_the_year(tmp_path: Path, goods: str, found: list[tuple[str, str]]) -> None:
    """A sentence that gives a total, then its change on the year before: the total is the amount 其中 breaks
    down, the change no part and no total; shares adding up to 100% make the list the whole."""
    sums = _sums(tmp_path, _AFTER_A_CHANGE.format(goods=goods))
    assert [(str(a), str(b)) for a, b in sums] == found


def test_a_stage_said_twice_of_the_whole_is_no_one_figure(tmp_path: Path) -> None:
    """Two bodies' (or two years') wholes: which one the parts belong to is not known."""
    body = _STAGES.format(whole_in="本年收入1446.02万元", project_out="1232.23")
    body += "二级单位一般公共预算财政拨款本年收入300万元，本年支出300万元。\n"
    assert _sums(tmp_path, body) == []


# ------------------------------------------------------------------------------------------
# kinds the text counts itself before the breakdown ('由A和B两部分组成', '包括A、B、C三项')
# ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("body", "stated", "summed"), [
    # two kinds said by 由…两部分组成, the total in the next clause, the parts short by 20万元
    ("本项目资金由设备购置费和安装调试费两部分组成，总预算300万元，其中设备购置费200万元，安装调试费80万元。\n",
     "3000000", "2800000"),
    # three kinds said in the sentence before; the parts add up to more than the total
    ("专项经费包括培训费、宣传费、印刷费三项。全年安排经费45万元，其中：培训费20万元；宣传费15万元；"
     "印刷费12万元。\n", "450000", "470000"),
    # a count in digits, the kinds with 及, amounts in 元
    ("我站经费分为日常运转经费及专项业务经费2类，合计536000元，其中日常运转经费300000元，专项业务经费200000元。\n",
     "536000", "500000"),
])
def test_counted_kinds_that_do_not_add_up(tmp_path: Path, body: str, stated: str, summed: str) -> None:
    assert (Decimal(stated), Decimal(summed)) in _sums(tmp_path, body)


@pytest.mark.parametrize("body", [
    # adds up
    "本项目资金由设备购置费和安装调试费两部分组成，总预算300万元，其中设备购置费220万元，安装调试费80万元。\n",
    # only two of the three kinds counted are listed: some parts, not the whole
    "专项经费包括培训费、宣传费、印刷费三项，全年安排经费45万元，其中培训费20万元，宣传费15万元。\n",
    # the count does not match the names before it (three names, 两类): no announcement of this list
    "经费包括培训费、宣传费、印刷费两类，全年安排经费45万元，其中培训费20万元，宣传费15万元，印刷费5万元。\n",
    # the kinds counted are reasons, not the parts the 其中 names
    "由于施工和采购两方面原因，项目预算120万元，其中工程款60万元，设备款40万元。\n",
    # a further amount in the list the kinds do not name: the list is more than the kinds
    "资金分为工程费和设备费两类，共计150万元，其中工程费90万元，设备费40万元，其他费用20万元。\n",
])
def test_counted_kinds_guards(tmp_path: Path, body: str) -> None:
    assert _sums(tmp_path, body) == []
