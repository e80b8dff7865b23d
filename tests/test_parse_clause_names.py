"""Projects a report does not have, made up from sentences about money, in the shapes a sweep of 174 public
self-evaluation pages met: who gives, puts in or asks for the money then the money ('全区各级财政积极安排配套资金',
'贵池区申请基础养老金补贴'), the share a payer bears of its own ('申报单位自筹资金', 'X公司配套资金', '我司…资金'), a
clause opened by a modal or by the second verb of a pair ('需要市级缴费补贴', '和加强X资金'), a time clause run on
after the fund an opening states ('X专项资金时同步下达…'), and a repeated run cut inside a word ('达中央补助资金').
Each beside names of the same shape that are projects and must stay.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse.names import valid_candidate
from reportparse.parse.openingsubject import allotted_subject, repeated_fund
from reportparse.parse.subject import stated_subject
from tests._textforms import run


@pytest.mark.parametrize("fragment", [
    # who gives or puts in the money, the verb, then the money
    "全区各级财政积极安排配套资金",
    "住建厅下达补助资金",
    "中央专项彩票公益金支持残疾人事业发展补助共投入资金",
    "市县两级财政累计拨付专项经费",
    # a place asking for the money
    "贵池区申请基础养老金补贴",
    "青阳县申报农机购置补贴",
    # the share a payer bears of its own
    "各示范项目申报单位自筹资金",
    "安庆市燃气集团有限公司(原安庆市煤气公司)配套资金",
    "项目业主自筹资金",
    # the writer's own company
    "我司中央预算内投资资金",
    "我公司安全生产专项资金",
    # a clause opened by a modal, or by the second verb of a pair
    "需要市级缴费补贴",
    "应当县级承担的救助经费",
    "和加强衔接推进乡村振兴补助资金",
    "与规范农村公路养护资金",
])
def test_a_clause_about_money_is_no_project(fragment: str) -> None:
    assert not valid_candidate(fragment)


@pytest.mark.parametrize("name", [
    "中央预算内投资资金",              # 投资 is the money's kind, not a verb of the writer
    "农业投入品监管经费",              # 投入品 is a thing
    "专利申请资助资金",                # 申请 is what the money pays for
    "安庆市城区危旧燃气设施升级改造及山口配套工程",
    "企业技术改造补助资金",
    "农户小额贷款贴息补助",
    "一事一议财政奖补资金",
    "应急管理专项经费",
    "和平村道路硬化项目",              # a village whose name opens with 和
    "需求侧管理示范项目",
    "某县民政局2022年预算安排养老服务资金项目",  # (a name that calls itself a project keeps its verb)
    "某区下达第二批高标准农田建设工程",
])
def test_a_project_of_the_same_shape_stays(name: str) -> None:
    assert valid_candidate(name)


@pytest.mark.parametrize(("opening", "subject"), [
    ("中央下达我区2021年农业生产发展专项资金时同步下达专项资金绩效目标，年度目标为：支持农业生产发展。",
     "2021年农业生产发展专项资金"),
    ("省财政厅拨付2022年耕地地力保护补贴资金后一并下达项目绩效目标，我县对照目标开展了绩效自评。",
     "2022年耕地地力保护补贴资金"),
])
def test_a_time_clause_after_the_stated_fund_is_cut(opening: str, subject: str) -> None:
    assert stated_subject([opening], None) == subject


@pytest.mark.parametrize("opening", [
    ["2023年省住建厅下达中央补助资金38万元。", "8月再次下达中央补助资金19.5万元。"],
    ["全年实际享受市级缴费补贴1200人。", "各县区实际享受市级缴费补贴人数均有增长。"],
])
def test_a_repeated_run_is_not_cut_inside_a_word(opening: list[str]) -> None:
    found = repeated_fund(opening)
    assert found is None or not found.startswith(("达", "际"))


def test_a_payers_share_is_no_second_project(tmp_path: Path) -> None:
    text = ("一、绩效目标分解下达情况\n"
            "根据省发展改革委文件，下达我司中央预算内投资资金500万元实施某县城区燃气管网改造工程，"
            "某县燃气集团有限公司配套资金300万元。\n"
            "二、绩效目标完成情况分析\n"
            "改造燃气管网12公里，完成率100%。\n")
    names = [p.name for p in run(tmp_path, text).report.projects]  # type: ignore[union-attr]
    assert not any(n.endswith("资金") for n in names), names  # (the works the money pays for may be named)


def test_a_county_asking_for_money_is_no_project(tmp_path: Path) -> None:
    text = ("一、项目基本情况\n"
            "2022年各县区申请市级补贴共计1904万元。甲区申请基础养老金补贴945.72万元，缴费补贴46.36万元；"
            "乙县申请基础养老金补贴238.34万元，缴费补贴17.17万元。\n"
            "二、绩效目标完成情况\n"
            "市级补贴全部按时拨付到位。\n")
    names = [p.name for p in run(tmp_path, text).report.projects]  # type: ignore[union-attr]
    assert not any("申请" in n for n in names), names


@pytest.mark.parametrize(("heading", "subject"), [
    ("(一)中央下达2021年中央食品监管专项转移支付预算和绩效目标情况", "2021年中央食品监管专项转移支付"),
    ("(一)下達(dá)農(nóng)村危房改造轉(zhuǎn)移支付預(yù)算和績效目標(biāo)情況。", "农村危房改造转移支付"),
    ("1.下达水利发展资金预算和绩效目标情况", "水利发展资金"),
    ("(一)中央下达预算和绩效目标情况。", None),  # (the heading names nothing)
])
def test_the_transfer_template_heading_names_the_fund(heading: str, subject: str | None) -> None:
    assert allotted_subject([heading]) == subject


def test_an_untitled_transfer_report_is_named_by_its_heading(tmp_path: Path) -> None:
    text = ("一、绩效目标分解下达情况\n"
            "(一)下达农村危房改造转移支付预算和绩效目标情况。\n"
            "2023年共下达补助资金246.2万元(其中:下达中央补助资金226.7万元,下达省级补助资金19.5万元)。"
            "绩效目标为:完成2023年度53户计划任务。\n"
            "二、绩效目标完成情况分析\n"
            "全年完成危房改造53户,完成率100%。\n")
    names = [p.name for p in run(tmp_path, text).report.projects]  # type: ignore[union-attr]
    assert names == ["农村危房改造转移支付"]
