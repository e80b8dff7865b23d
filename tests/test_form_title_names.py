"""The name a form's title gives when the form prints no name field: the title's own words for what it records
('…绩效自评结果表', '…绩效评价得分表', '…绩效目标完成情况表'), a table's number before it ('表2 '), the body that prints
the form before the year ('X局2023年度Y项目…'), and a generic title's one subject in brackets after it
('2023年度项目支出绩效自评表（X）'). Made-up titles and workbooks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.parse.form.titles import name_from_title
from tests._textforms import only_project
from tests._workbooks import checked, sheet


@pytest.mark.parametrize(("title", "name"), [
    ("2024年度残疾人康复救助资金绩效自评结果表", "残疾人康复救助资金"),
    ("2022年度农村公路安保工程项目绩效评价得分表", "农村公路安保工程"),
    ("2023年度渔业增殖放流资金绩效目标完成情况自评表", "渔业增殖放流资金"),
    ("2023年度渔业增殖放流资金绩效目标实现情况表", "渔业增殖放流资金"),
    ("表2  2024年度残疾人康复救助资金绩效自评表", "残疾人康复救助资金"),
    ("表3-1 2022年度农村公路安保工程项目绩效自评表", "农村公路安保工程"),
    ("禾丰县交通运输局2022年度农村公路安保工程项目绩效自评表", "农村公路安保工程"),
    ("2023年度项目支出绩效自评表（城市排水管网清淤）", "城市排水管网清淤"),
    ("中央对地方转移支付区域绩效目标自评表（基层公共法律服务补助资金）", "基层公共法律服务补助资金"),
])
def test_a_title_names_its_forms_subject(title: str, name: str) -> None:
    assert name_from_title(title) == name


@pytest.mark.parametrize(("title", "name"), [
    ("2023年度项目支出绩效自评表（单位：万元）", ""),  # (a unit in brackets)
    ("项目支出绩效自评表（2023年度）", ""),
    ("禾丰县交通运输局2022年度部门整体支出绩效自评表", "禾丰县交通运输局部门整体支出"),  # (the body is the subject)
    ("禾丰县民政局2022年项目支出绩效自评表", ""),
])
def test_a_generic_titles_brackets_and_body_name_no_project(title: str, name: str) -> None:
    assert name_from_title(title) == name


@pytest.mark.parametrize(("title", "name"), [
    ("表1  2023年度城市排水管网清淤专项资金绩效自评结果表", "城市排水管网清淤专项资金"),
    ("2023年度项目支出绩效自评表（城市排水管网清淤）", "城市排水管网清淤"),
])
def test_a_workbook_form_with_no_name_field_is_named_by_its_title(tmp_path: Path, title: str, name: str) -> None:
    rows: list[list[object]] = [
        [title], ["主管部门", "某市城市管理局", None, None, "实施单位", "某市排水管理处"],
        ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, "年度资金总额", 80, 80, 78, 10, "97.5%", 9.8],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "清淤管网长度", "≥60公里", "64公里", 30, 30],
        ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "93%", 20, 20]]
    assert only_project(checked(tmp_path, sheet(rows))).name == name
