"""count-sum-mismatch: counts in the prose that do not add up."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportparse.model import Evidence, Report

from ._builders import project, run


def _prose(*paragraphs: str) -> Report:
    rep = Report(projects=[project("x", planned=100000)])
    rep.narrative_text = [Evidence(page=1, text=text, line=n + 1) for n, text in enumerate(paragraphs)]
    return rep


@pytest.mark.parametrize(("text", "expected", "stated"), [
    ("2024年共实施项目15个。年初批复预算8个项目，年中增加8个项目。", 16, 15),
    ("本单位共有项目10个，年初安排的项目6个，年中新增项目3个。", 9, 10),
    ("共实施子项目十二个，年初下达子项目七个，年中追加子项目六个。", 13, 12),
])
def test_a_total_that_is_not_its_two_halves(text: str, expected: int, stated: int) -> None:
    found = run(_prose(text), "count-sum-mismatch")
    assert [(f.expected, f.actual) for f in found] == [(Decimal(expected), Decimal(stated))]
    assert len(found[0].evidence) == 3


@pytest.mark.parametrize("text", [
    "共实施项目15个。年初批复预算8个项目，年中增加7个项目。",  # adds up
    "共实施项目15个(含转列项目5个)。年初批复预算10个项目(含结转项目1个)，年中增加5个项目。",  # brackets are parts
    "共实施项目15个，其中重点项目8个。",  # a part, not a half
    "年初批复预算8个项目，年中增加8个项目。",  # no total stated
])
def test_counts_that_add_up_or_are_no_sum(text: str) -> None:
    assert run(_prose(text), "count-sum-mismatch") == []


@pytest.mark.parametrize(("text", "listed", "stated"), [
    ("直属事业单位10个：甲中心、乙中心、丙中心、丁中心、戊中心、己中心、庚中心、辛中心、壬所。", 9, 10),
    ("项目覆盖乡镇4个：雁池乡、维新镇、太平镇。", 3, 4),
    ("下属二级机构三个，分别是：评审中心、支付中心。", 2, 3),
    # (set off by ；, the items are still fewer than the count)
    ("下设四个工作组：综合组、督查组；宣传组。", 2, 4),
])
def test_a_counted_list_that_names_another_number(text: str, listed: int, stated: int) -> None:
    found = run(_prose(text), "count-sum-mismatch")
    assert [(f.expected, f.actual) for f in found] == [(Decimal(listed), Decimal(stated))]


@pytest.mark.parametrize("text", [
    "项目覆盖乡镇3个：雁池乡、维新镇、太平镇。",
    "涉及乡镇5个：雁池乡、维新镇等。",  # an open list
    "完成任务3个：培训1200人次、检查45次、宣传8场。",  # figures: prose, not names
    "本单位内设6个科室,分别是:办公室、财务科、车辆管理科、保洁科、综合科,填埋场。",  # a comma for 、
    # (items set off by ；, each a pair of aims joined by 、)
    "全年确定三个重点任务：巩固提升农村供水保障、提高水质达标率；推进河湖长制落实、改善水生态环境；加强水利工程管护。",
    "围绕三个工作目标展开:完善救助制度、扩大覆盖面;提升服务能力、规范管理;健全长效机制。",
])
def test_lists_that_agree_or_are_open(text: str) -> None:
    assert run(_prose(text), "count-sum-mismatch") == []


@pytest.mark.parametrize(("text", "expected", "stated"), [
    ("项目共采购安装监控设备共1200套(台、块)，其中：市级平台设备300套；县级平台设备450台(套)；乡镇前端设备500套(台)。",
     1250, 1200),
    ("全年合计发放宣传资料820册，其中政策读本500册，技术手册260册，安全手册90册。", 850, 820),
    ("新建农村公厕共计135座，其中：东镇61座，西镇58座，南乡40座。", 159, 135),
])
def test_parts_of_a_stated_count_that_add_up_to_more(text: str, expected: int, stated: int) -> None:
    found = run(_prose(text), "count-sum-mismatch")
    assert [(f.expected, f.actual) for f in found] == [(Decimal(expected), Decimal(stated))]
    assert found[0].project == "x" and "其中" in found[0].evidence[0].text


@pytest.mark.parametrize("text", [
    "新建农村公厕共计159座，其中：东镇61座，西镇58座，南乡40座。",  # adds up
    "新建农村公厕共计170座，其中：东镇61座，西镇58座。",  # some of the total: no excess
    "全年合计发放资料820册，其中政策读本500册、技术手册320册；彩印600册、黑白220册。",  # two breakdowns
    "全年合计检修设备820台次，其中水泵500台，电机360台。",  # uses and things are other counts
    "全年合计发放资料820册，其中政策读本500册，技术手册360册",  # the page cut the sentence
    "全年合计培训820人，其中妇女500人，党员360人。",  # kinds of people overlap: no parts of a whole
    "共覆盖农户1535户，其中脱贫户900户，监测户700户。",  # nor do kinds of households
    "该项目共编制绩效目标指标12个，其中一级指标3个，二级指标9个，三级指标12个。",  # levels of one tree
    "共建设站点12个，其中新建8个(含村级站点6个、乡级站点5个)，改建4个。",  # a bracket breaks one part down
    "共有工作人员30人，其中：在编25人，其中管理岗10人、专技岗18人。",  # a nested 其中 breaks a part down
])
def test_counted_parts_that_add_up_or_are_no_breakdown(text: str) -> None:
    assert run(_prose(text), "count-sum-mismatch") == []
