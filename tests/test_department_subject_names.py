"""The department-wide subject named after its body: a body's name set alone above a title that does not
name it, and a department form's title run into its first fields by a dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse.form.titles import name_from_title
from reportparse.pipeline import check


def names(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return [p.name for p in check(path).report.projects]


@pytest.mark.parametrize(("body", "title"), [
    ("某市农业农村局", "2019年度部门整体支出绩效自评报告"),
    ("某县人民医院", "2022年度单位整体支出绩效自评报告"),
])
def test_the_body_above_the_title_names_the_subject(tmp_path: Path, body: str, title: str) -> None:
    text = (f"附件3\n{body}\n{title}\n一、部门基本情况\n（一）部门概况\n本部门为一级预算单位，编制45人。\n"
            "二、绩效自评结论\n经自评，部门整体支出自评得分93分。\n")
    kind = "单位" if "单位整体" in title else "部门"
    assert names(tmp_path, text) == [f"{body}{kind}整体支出"]


@pytest.mark.parametrize("head", [
    "1、某区林业局2023年度部门整体绩效自评表主管部n某区林业局部门联系人张三联系电话自评总分(分)95.5",
    "某县水利局2022年度部门整体支出绩效自评表主管部门某县水利局联系人李四自评总分(分)92",
])
def test_a_form_title_run_into_its_fields_names_the_body(tmp_path: Path, head: str) -> None:
    text = (head + "年初预算数全年(调整)预算数全年执行数执行率执行率权重执行率得分年度总金额120.5120.5118.298.1%"
            "109.81绩效指标指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明"
            "预算执行率%定量指标≥95%1098.1%10\n")
    body = head.split("20")[0].removeprefix("1、")
    assert names(tmp_path, text) == [f"{body}部门整体支出"]


@pytest.mark.parametrize(("title", "name"), [
    ("某县水利局2022年度部门整体支出绩效自评表", "某县水利局部门整体支出"),
    ("某镇卫生院整体支出绩效自评表（2023年度）", "某镇卫生院整体支出"),
])
def test_a_form_title_keeps_the_whole_spending_word(title: str, name: str) -> None:
    """The title's ending (支出绩效自评表) is cut, not the genre's 整体支出 before it."""
    assert name_from_title(title) == name


@pytest.mark.parametrize(("cover", "body"), [
    # a cover's fields run together by a dump, the next label spaced out as the template prints it
    ("单位名称：某市妇女儿童工作委员会预 算 编 码：301002评价方式：单位自评", "某市妇女儿童工作委员会"),
    ("部门(单位)名称:某县人民政府办公室联 系 人：王五", "某县人民政府办公室"),
])
def test_a_cover_name_keeps_its_whole_body_word(tmp_path: Path, cover: str, body: str) -> None:
    """委员会 is not cut to 委, nor 办公室 to 办, and a spaced label's first character is no part of the name."""
    text = (f"某区2022年度部门(单位)整体支出绩效评价自评报告\n{cover}\n一、部门(单位)基本概况\n"
            "人员编制 12 实有人数 11\n二、绩效自评结论\n经自评，部门整体支出运行良好。\n")
    assert names(tmp_path, text) == [f"{body}部门整体支出"]


@pytest.mark.parametrize(("opening", "name"), [
    # an anonymised sample (its year and place blanked out as XX) of a people's organisation
    ("XX年度XX市红十字会整体支出绩效评价报告\n一、部门概况\n", "XX市红十字会部门整体支出"),
    ("关于××年度某县红十字会部门整体支出绩效自评报告\n一、部门基本情况\n", "某县红十字会部门整体支出"),
    ("xxxx年度某县红十字会部门整体支出绩效自评报告\n一、部门基本情况\n", "某县红十字会部门整体支出"),
    ("××××年度某县红十字会部门整体支出绩效自评报告\n一、部门基本情况\n", "某县红十字会部门整体支出"),
    ("**年度某县红十字会部门整体支出绩效自评报告\n一、部门基本情况\n", "某县红十字会部门整体支出"),
])
def test_a_template_year_is_no_part_of_the_body(tmp_path: Path, opening: str, name: str) -> None:
    text = opening + "本会编制8人，实有8人。\n二、预算执行情况\n全年预算数120万元，支出118万元。\n"
    assert names(tmp_path, text) == [name]


@pytest.mark.parametrize("body", ["某县第一中学", "某县中心幼儿园", "某县慈善总会", "某市河道管理处",
                                  "某县城市管理综合执法队"])
def test_a_school_a_charity_or_a_field_office_is_a_body(tmp_path: Path, body: str) -> None:
    text = (f"{body}2022年度整体支出绩效自评报告\n一、部门概况\n本单位编制8人，实有8人。\n"
            "二、预算执行情况\n全年预算数120万元，支出118万元。\n")
    assert names(tmp_path, text) == [f"{body}部门整体支出"]
