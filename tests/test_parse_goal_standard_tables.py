"""The older 绩效目标表 template: 指标类型 | 绩效指标 | 绩效目标 | 绩效标准, the 绩效标准 split into grade
bands (优 | 良 | 中 | 差) on a second header row, and 一级 levels 产出指标 / 成效指标. The target is the
绩效目标 column, never the first band; 成效 is the 效益 level. A text dump that lost the merges prints
the band row without the cells above it and the footnote without its span: neither is an indicator."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from reportparse.model import Project, Report, Source, SourceFormat
from reportparse.parse.form import find_forms, parse_forms
from reportparse.readers.text import read_text

from .test_parse_form_cells import xlsx_report


def read(text: str) -> Report:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return parse_forms(find_forms(read_text(Path("f.txt"), data, source)), Report())


def targets(project: Project) -> dict[str, tuple[str, str | None, str | None, Decimal | None]]:
    return {i.name: (i.level, i.target and i.target.raw, i.target and i.target.unit, i.target and i.target.value)
            for i in project.indicators}


def test_goal_table_with_merged_grade_bands_reads_the_goal_column() -> None:
    project, = xlsx_report([
        ["项目绩效目标表"],
        ["项目名称:某市档案馆设备运维项目"],
        ["指标类型", "绩效指标", "绩效目标", "绩效标准"],
        [None, None, None, "优", "良", "中", "差"],
        ["产出指标", "指标1:设备巡检次数", "24次", "24次以上", "20次-24次", "16次-20次", "16次以下"],
        [None, "指标2:年节电量", "5万度", "5万度以上", "4万度-5万度", "3万度-4万度", "3万度以下"],
        ["成效指标", "指标1:设备完好率", "95%以上", "95%以上", "90%-95%", "85%-90%", "85%以下"],
        [None, "指标2:档案查阅满意度", "90%", "90%以上", "80%-90%", "70%-80%", "70%以下"],
        ["注:以预算批复的绩效目标为准填列。"],
    ], merges=("A1:G1", "A2:G2", "A3:A4", "B3:B4", "C3:C4", "D3:G3", "A5:A6", "A7:A8", "A9:G9")).projects
    assert targets(project) == {
        "设备巡检次数": ("产出", "24次", "次", Decimal(24)),
        "年节电量": ("产出", "5万度", "度", Decimal(50000)),
        "设备完好率": ("效益", "95%以上", "%", Decimal(95)),
        "档案查阅满意度": ("效益", "90%", "%", Decimal(90)),
    }


def test_pipe_dump_of_a_goal_table_that_lost_its_merges() -> None:
    # the band row and the continuation rows lost their first cells; the footnote lost its span
    report = read("\n".join([
        "| 项目绩效目标表 | ||||||",
        "| 项目名称:某县公园绿化养护项目 | ||||||",
        "| 指标类型 | 绩效指标 | 绩效目标 | 绩效标准 | |||",
        "| 优秀 | 良好 | 合格 | 不合格 | |||",
        "| 产出指标 | 指标1:养护绿地面积 | 12000平方米 | 12000平方米以上 | 10000平方米-12000平方米 | "
        "8000平方米-10000平方米 | 8000平方米以下 |",
        "| 指标2:补植苗木 | 300株 | 300株以上 | 250株-300株 | 200株-250株 | 200株以下 | |",
        "| 成效指标 | 指标1:苗木成活率 | 90%以上 | 90%以上 | 85%-90% | 80%-85% | 80%以下 |",
        "| 指标2:游园群众满意率 | 85%以上 | 85%以上 | 75%-85% | 65%-75% | 65%以下 | |",
        "| 说明:绩效标准按年度考核办法执行。 | ||||||",
        "",
    ]))
    project, = report.projects
    assert targets(project) == {
        "养护绿地面积": ("产出", "12000平方米", "平方米", Decimal(12000)),
        "补植苗木": ("产出", "300株", "株", Decimal(300)),
        "苗木成活率": ("效益", "90%以上", "%", Decimal(90)),
        "游园群众满意率": ("效益", "85%以上", "%", Decimal(85)),
    }


def test_the_prose_placeholder_name_is_no_alias_of_the_forms_project(tmp_path: Path) -> None:
    from ._textforms import only_project, run

    project = only_project(run(tmp_path, "\n".join([
        "| 项目绩效目标表 | ||||||",
        "| 项目名称:某县图书馆运行维护项目 | ||||||",
        "| 指标类型 | 绩效指标 | 绩效目标 | 绩效标准 | |||",
        "| 优 | 良 | 中 | 差 | |||",
        "| 产出指标 | 指标1:年接待读者人次 | 5万人次 | 5万人次以上 | 4万-5万人次 | 3万-4万人次 | 3万人次以下 |",
        "| 成效指标 | 指标1:读者满意度 | 90%以上 | 90%以上 | 80%-90% | 70%-80% | 70%以下 |",
        "",
        "2019年财政支出项目绩效自评报告",
        "一、项目概况",
        "馆舍面积3200平方米,全年开放300天,免费向读者开放。",
        "",
    ])))
    assert project.name == "某县图书馆运行维护项目"
    assert "未命名项目" not in project.aliases
