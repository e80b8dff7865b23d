"""False money alarms on documents nobody built against, each next to the real inconsistency the same
check must still raise (built texts, two wordings each; not copies of any corpus document):

- of two budgets the words do not rank, the one that reproduces the printed execution rate is the budget
  (a first allotment later cut; a works' whole investment beside the budget the unit had), while a budget
  named as the year's (调整后/全年) is never replaced and a rate that fits no stated budget is still wrong;
- a budget the report lists as one 其中 part of a larger whole received is not the budget when the parts
  add up to the whole, or the spending is beyond the part and within the whole; spending beyond the whole
  is still an overspend, and a part the report names as the year's budget or prints its rate over stays;
- a printed rate whose sentence names its project outranks one the project got only as context, and a rate
  over the money that arrived (到位资金支付率) is not the budget's;
- money carried over from last year is money the project could spend: spending within the budget and it
  is no overspend, spending beyond both still is;
- money kept for a later year's use (留作…继续使用, 留待) says where a balance went, and so does the rest
  paid later with when (剩余…将于…支付, 尾款待…结算后支付);
- a heading run into the text ends the verbs before it: its numbered item's amount is no budget.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.model import Result

from ._textforms import only_project, run


def _codes(result: Result) -> list[str]:
    return sorted(f.code for f in result.findings if f.severity in ("error", "warning"))


def _report(title: str, *paragraphs: str) -> str:
    return "\n".join((title, *paragraphs, "三、存在的问题及改进措施", "无。")) + "\n"


def _budget_wan(result: Result) -> float | None:
    planned = only_project(result).budget.planned
    return None if planned is None or planned.value is None else float(planned.value) / 10000


# ------------------------------------------------------------------------------------------
# the budget the printed rate reproduces
# ------------------------------------------------------------------------------------------

_CUT_THEN_RESTATED = (
    "某县2022年度农村饮水安全维修养护资金绩效自评报告",
    "一、基本情况",
    "2022年下达农村饮水安全维修养护资金预算180万元。",
    "1.资金到位情况。市财政局下达我县农村饮水安全维修养护资金300万元,其中维修资金260万元,养护资金40万元。"
    "后追减我县农村饮水安全维修养护资金120万元。我县农村饮水安全维修养护资金180万元,其中维修资金150万元,"
    "养护资金30万元。",
    "2.资金执行情况。农村饮水安全维修养护资金共支出171万元,资金执行率为{rate}%,结余资金已按规定交回。",
)

_WHOLE_INVESTMENT = (
    "某区2023年中药材种植基地建设项目绩效评价报告",
    "一、基本情况",
    "依据可行性研究报告批复,项目总投资800万元,其中中央资金500万元,县级配套资金300万元。",
    "区农业农村局申请中药材种植基地建设项目预算资金500万元。",
    "截至2023年12月31日,项目实际收到资金500万元,共支付480万元,资金支付率为{rate}%。"
    "未支付部分为工程质保金,待质保期满后支付。",
)


_ALLOTTED_AND_PUT_IN = (
    "某县残疾人联合会2022年度残疾人事业发展补助资金绩效自评报告",
    "一、基本情况",
    "2022年,上级下达残疾人康复补助资金600万元,就业补助资金467.2万元,下达资金合计1067.2万元。"
    "全年共投入资金1987.08万元(含县级配套资金919.88万元)。",
    "二、资金使用情况",
    "全年支出资金1950万元,资金执行率{rate}%,结余资金已结转下年使用。",
)


@pytest.mark.parametrize(
    ("paragraphs", "rate", "budget", "codes"),
    [
        (_CUT_THEN_RESTATED, "95", 180, []),  # 171 / 180 = 95%: the budget left after the cut
        # 1950 / 1987.08 = 98.13%: all the money put in, not the higher levels' 1067.2 (no overspend either)
        (_ALLOTTED_AND_PUT_IN, "98.13", 1987.08, []),
        (_ALLOTTED_AND_PUT_IN, "95", None, ["budget-rate-mismatch", "over-executed"]),
        (_CUT_THEN_RESTATED, "80", None, ["budget-rate-mismatch"]),  # 80% fits no stated budget
        (_WHOLE_INVESTMENT, "96", 500, []),  # 480 / 500 = 96%: the unit's budget, not the 800 invested
        (_WHOLE_INVESTMENT, "90", None, ["budget-rate-mismatch"]),  # 90% fits neither 500 nor 800
    ],
)
def test_the_budget_that_reproduces_the_printed_rate(tmp_path: Path, paragraphs: tuple[str, ...], rate: str,
                                                     budget: float | None, codes: list[str]) -> None:
    result = run(tmp_path, _report(*(p.format(rate=rate) for p in paragraphs)))
    if budget is not None:
        assert _budget_wan(result) == budget
    assert _codes(result) == codes


@pytest.mark.parametrize(
    ("funds", "codes"),
    [
        # the rate was computed on the 年初 figure: against the year's named budget it is wrong
        ("项目年初预算200万元,年中追加50万元,调整后预算为250万元。全年支出200万元,预算执行率100%,"
         "结余资金50万元已交回财政。", ["budget-rate-mismatch"]),
        ("项目全年预算数250万元(年初安排200万元)。全年支出200万元,预算执行率100%,结余资金已交回财政。",
         ["budget-rate-mismatch"]),
        # the budget a change gave: the figure before the change reproduces the rate, and is still not the budget
        ("项目下达预算200万元,年中调增50万元后为250万元。全年支出200万元,预算执行率100%,结余资金已交回财政。",
         ["budget-rate-mismatch"]),
        ("安排河道保洁资金200万元。年中追加预算50万元,预算调整后,项目预算为250万元。全年支出200万元,"
         "预算执行率100%,结余资金已交回财政。", ["budget-rate-mismatch"]),
    ],
)
def test_a_budget_named_as_the_years_or_left_by_a_change_is_never_replaced(tmp_path: Path, funds: str,
                                                                          codes: list[str]) -> None:
    result = run(tmp_path, _report("某县2023年度河道保洁项目绩效自评报告", "一、项目基本情况", funds))
    assert _budget_wan(result) == 250
    assert _codes(result) == codes


# ------------------------------------------------------------------------------------------
# a part of a stated whole
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("funds", "budget", "codes"),
    [
        ("2023年我区收到中央下达的困难残疾人生活补贴资金600万元,自治区下达100万元,地方匹配300万元。\n"
         "二、绩效目标完成情况分析\n2023年共收到财政资金1000万元,其中:中央资金600万元,自治区资金100万元,"
         "地方资金300万元。2023年支出1000万元。", 1000, []),
        ("中央财政下达我县困难残疾人生活补贴资金600万元。\n"
         "二、绩效目标完成情况分析\n全年实际到位资金900万元,其中中央资金600万元、县级资金300万元。"
         "全年支出880万元,剩余20万元结转下年使用。", 900, []),
        # the spending beyond the whole: the whole (its parts add up to it) is still the budget, and the
        # overspend is raised against it
        ("2023年我区收到中央下达的困难残疾人生活补贴资金600万元,自治区下达100万元,地方匹配300万元。\n"
         "二、绩效目标完成情况分析\n2023年共收到财政资金1000万元,其中:中央资金600万元,自治区资金100万元,"
         "地方资金300万元。2023年支出1080万元。", 1000, ["over-executed"]),
        # parts that add up to the whole make it the year's money (a form's 年度资金总额 over its 其中 rows)
        # whatever was spent: within the part, or with nothing spent stated
        ("2023年我区收到中央下达的困难残疾人生活补贴资金600万元,自治区下达100万元,地方匹配300万元。\n"
         "二、绩效目标完成情况分析\n2023年共收到财政资金1000万元,其中:中央资金600万元,自治区资金100万元,"
         "地方资金300万元。2023年支出550万元,剩余450万元结转下年使用。", 1000, []),
        # parts printed to 0.01万元 add up to the whole within their rounding (33.33 × 3 = 99.99)
        ("中央财政下达我县困难残疾人生活补贴资金33.33万元。\n二、绩效目标完成情况分析\n"
         "全年实际到位资金100万元,其中中央资金33.33万元、省级资金33.33万元、县级资金33.33万元。", 100, []),
        # a whole none of whose parts is the budget says nothing of it, even when its parts add up
        ("中央财政下达我县困难残疾人生活补贴资金500万元。\n二、绩效目标完成情况分析\n"
         "全年实际到位资金1000万元,其中中央资金600万元、县级资金400万元。全年支出480万元,剩余20万元结转下年使用。",
         500, []),
        # parts that do not add up, nothing spent beyond the part: nothing says the whole is the same money
        ("中央财政下达我县困难残疾人生活补贴资金600万元。\n二、绩效目标完成情况分析\n"
         "全年实际到位资金1000万元,其中中央资金600万元。全年支出580万元,剩余20万元结转下年使用。", 600, []),
    ],
)
def test_one_part_of_a_stated_whole_is_not_the_budget(tmp_path: Path, funds: str, budget: float,
                                                      codes: list[str]) -> None:
    result = run(tmp_path, _report("困难残疾人生活补贴资金2023年度绩效自评报告", "一、绩效目标分解下达情况", funds))
    assert _budget_wan(result) == budget
    assert _codes(result) == codes


@pytest.mark.parametrize(
    "funds",
    [
        # a budget named as the year's (全年预算数) is A of the rule R3 whatever else arrived, in either order
        "2023年困难残疾人生活补贴资金全年预算数600万元。\n二、绩效目标完成情况分析\n"
        "全年实际到位资金1000万元,其中中央资金600万元、县级资金400万元。全年支出950万元,剩余50万元结转下年使用。",
        "全年实际到位资金1000万元,其中中央资金600万元、县级资金400万元。\n二、绩效目标完成情况分析\n"
        "2023年困难残疾人生活补贴资金全年预算数600万元。全年支出950万元,剩余50万元结转下年使用。",
        # the report's own rate is over the part (630 / 600 = 105%): the part is the budget it means
        "中央财政下达我县困难残疾人生活补贴资金600万元。\n二、绩效目标完成情况分析\n"
        "全年实际到位资金1000万元,其中中央资金600万元。全年支出630万元,预算执行率105%。",
    ],
)
def test_a_part_the_report_names_or_rates_as_the_budget_stays_the_budget(tmp_path: Path, funds: str) -> None:
    result = run(tmp_path, _report("困难残疾人生活补贴资金2023年度绩效自评报告", "一、绩效目标分解下达情况", funds))
    assert _budget_wan(result) == 600
    assert _codes(result) == ["over-executed"]


# ------------------------------------------------------------------------------------------
# whose rate a sentence gives
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spent", "codes"),
    [
        ("截至目前,代表性传承人补助已及时划拨给传承人,资金使用率100%;花灯保护项目资金使用36万元,资金使用率90%。",
         []),
        ("代表性传承人补助已全部发放到人,支付率100%。花灯保护项目支出36万元,支付率90%,余款留待下年度继续使用。",
         []),
        # the project's own rate is wrong: still raised
        ("截至目前,代表性传承人补助已及时划拨给传承人,资金使用率100%;花灯保护项目资金使用36万元,资金使用率95%。",
         ["budget-rate-mismatch"]),
    ],
)
def test_a_rate_said_of_the_project_by_name_outranks_one_said_around_it(tmp_path: Path, spent: str,
                                                                       codes: list[str]) -> None:
    result = run(tmp_path, _report(
        "花灯保护项目2021年度绩效自评报告",
        "一、基本情况",
        "2021年,省财政下达花灯保护项目补助40万元。",
        "二、资金情况分析",
        spent,
    ))
    assert _budget_wan(result) == 40
    found = _codes(result)
    assert [c for c in found if c != "unexplained-balance"] == codes


@pytest.mark.parametrize(
    ("rate", "codes"),
    [
        # a rate over the money that arrived is not the budget's execution rate (76 of 80 arrived = 95%)
        ("到位资金支付率95%", []),
        ("资金到位后执行率为95%", []),
        # the budget's own rate, 76 of 100 = 76%: still wrong
        ("预算执行率95%", ["budget-rate-mismatch"]),
        ("资金执行率为95%", ["budget-rate-mismatch"]),
    ],
)
def test_a_rate_over_the_money_that_arrived_is_not_the_budgets(tmp_path: Path, rate: str, codes: list[str]) -> None:
    result = run(tmp_path, _report(
        "某县2023年度农田水利建设项目绩效自评报告",
        "一、基本情况",
        f"农田水利建设项目预算100万元,截至2023年12月31日实际到位资金80万元,共支付76万元,{rate}。"
        "剩余资金待工程结算后支付。",
    ))
    assert _codes(result) == codes


# ------------------------------------------------------------------------------------------
# money kept for a later year
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "explained"),
    [
        ("没有执行完的2万元不够一名学生的最低资助标准,留作我校2024年资助经费继续使用。", True),
        ("未支出的2万元留待2024年发放。", True),
        ("结余资金2万元下年度继续使用。", True),
        ("项目实施效果良好,学生满意度较高。", False),
    ],
)
def test_money_kept_for_a_later_year_explains_the_balance(tmp_path: Path, after: str, explained: bool) -> None:
    result = run(tmp_path, _report(
        "2023年度学生资助项目自评结果",
        "一、自评结论",
        "学生资助项目2023年实际下达预算500万元,全年实际支出498万元,项目预算执行率99.6%。" + after,
    ))
    assert ("unexplained-balance" in _codes(result)) == (not explained), _codes(result)


@pytest.mark.parametrize(
    ("after", "explained"),
    [
        ("剩余5万元将于2024年3月工程验收后支付。", True),
        ("未支付的5万元计划在2024年一季度拨付。", True),
        ("尾款5万元待竣工结算后支付。", True),
        # money to be used is no word on the rest: still raised
        ("项目资金将用于支付工程款。", False),
        ("项目实施效果良好。", False),
    ],
)
def test_the_rest_paid_later_explains_the_balance(tmp_path: Path, after: str, explained: bool) -> None:
    result = run(tmp_path, _report(
        "某县2023年度道路维修项目绩效自评报告",
        "一、项目基本情况",
        "道路维修项目2023年预算100万元,全年实际支出95万元,预算执行率95%。" + after,
    ))
    assert ("unexplained-balance" in _codes(result)) == (not explained), _codes(result)


@pytest.mark.parametrize(
    ("funds", "over"),
    [
        # last year's money carried over is money the project could spend this year (R3: 包括上年结余结转)
        ("2023年上级下达农村公路养护资金100万元,上年结转资金20万元。\n全年支出农村公路养护资金115万元,剩余5万元结转下年使用。",
         False),
        ("本年度安排农村公路养护资金100万元,以前年度结余资金为20万元。\n全年累计支出农村公路养护资金118万元。", False),
        # beyond both, or with nothing carried over: an overspend still
        ("2023年上级下达农村公路养护资金100万元,上年结转资金20万元。\n全年支出农村公路养护资金125万元。", True),
        ("2023年上级下达农村公路养护资金100万元。\n全年支出农村公路养护资金115万元。", True),
    ],
)
def test_money_carried_over_is_money_the_project_could_spend(tmp_path: Path, funds: str, over: bool) -> None:
    result = run(tmp_path, _report("某县2023年度农村公路养护资金绩效自评报告", "一、基本情况", funds))
    assert _budget_wan(result) == 100
    assert ("over-executed" in _codes(result)) == over, _codes(result)


# ------------------------------------------------------------------------------------------
# a heading run into the text
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        # one line: the second heading's item is a part the region passed down, not the fund's budget
        ("2021年度中央文物保护资金绩效自评报告一、绩效目标分解下达情况(一)中央下达预算情况1.预算数:2021年,"
         "包括补助5个重点文物保护项目资金300万元、补助2个考古项目资金100万元,(二)区内分解下达预算和绩效目标情况"
         "1.重点文物保护项目补助资金350万元:主要用于完成以下6个项目的保护工作。", None),
        ("2021年度中央文物保护资金绩效自评报告一、绩效目标分解下达情况(一)中央下达预算情况:中央下达文物保护资金"
         "400万元。(二)区内资金分配情况1.重点文物保护项目补助资金350万元:主要用于完成6个项目的保护工作。", 400),
    ],
)
def test_a_heading_run_into_the_text_ends_the_verbs_before_it(tmp_path: Path, text: str,
                                                              budget: float | None) -> None:
    result = run(tmp_path, text + "\n")
    planned = [p.budget.planned for p in result.report.projects] if result.report else []
    assert [None if q is None or q.value is None else float(q.value) / 10000 for q in planned] == [budget]


@pytest.mark.parametrize(
    "text",
    [
        # a list the section announces with its colon goes on past the numbered items
        "某县2022年项目资金绩效自评报告一、资金分配情况:下达资金如下:1.道路硬化项目资金300万元,2.饮水安全项目资金"
        "200万元。道路硬化项目支出300万元,饮水安全项目支出200万元。",
        # an item's own verb after the heading is the item's
        "某县2022年项目资金绩效自评报告一、资金安排情况1.道路硬化项目下达资金300万元,2.饮水安全项目下达资金"
        "200万元。道路硬化项目支出300万元,饮水安全项目支出200万元。",
    ],
)
def test_items_under_a_run_in_heading_keep_the_verbs_said_for_them(tmp_path: Path, text: str) -> None:
    result = run(tmp_path, text + "\n")
    assert result.report is not None
    budgets = sorted(float(p.budget.planned.value) / 10000 for p in result.report.projects
                     if p.budget.planned is not None and p.budget.planned.value is not None)
    assert budgets == [200, 300]
