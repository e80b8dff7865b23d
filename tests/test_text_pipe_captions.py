"""A web page that lays an attachment out as one '|' table prints its captions as rows of one cell ('附件2 | ||||',
'…绩效目标表 | ||||', '(2022年度) | ||||') and a label whose row's other cells it left out as a lone cell
('资金情况(万元) |'); a report may append its form, one '|'-ended cell a line, after its prose. Each reads as its
Word copy does: captions are paragraphs that part the tables they title, a lone label is a row of its table, the
appended form's fields are read. Built inputs in two wordings each, not a corpus page's text."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import only_project, run
from tests.test_parse_summary_tables import _tables, _text

ATTACHMENTS = (
    "附件1 | ||||||\n"
    "2022年农机购置补贴资金分配表 | ||||||\n"
    "单位:万元 | ||||||\n"
    "县区 | 补贴资金 | 其中:中央 | 其中:省级 | ||||\n"
    "东湖区 | 120 | 100 | 20 | ||||\n"
    "附件2 | ||||||\n"
    "农机购置补贴资金绩效目标表 | ||||||\n"
    "(2022年度) | ||||||\n"
    "项目名称 | 农机购置补贴 | ||||\n"
    "主管部门 | 县农业农村局 | 实施单位 | 县农机服务中心 | ||\n"
    "资金情况(万元) |\n"
    "年度金额 | 120 | ||||\n"
    "其中:中央资金 | 100 | ||||\n"
)


def test_caption_rows_are_paragraphs_that_part_the_tables() -> None:
    doc = _text(ATTACHMENTS)
    assert [p.text for p in doc.paragraphs] == [
        "附件1", "2022年农机购置补贴资金分配表", "单位:万元", "附件2", "农机购置补贴资金绩效目标表", "(2022年度)"]
    tables = _tables(doc)
    assert len(tables) == 2, tables
    assert tables[0][0][:4] == ["县区", "补贴资金", "其中:中央", "其中:省级"]
    assert tables[1][0][:2] == ["项目名称", "农机购置补贴"]


def test_a_lone_label_row_stays_in_its_table() -> None:
    rows = [[c for c in row if c] for row in _tables(_text(ATTACHMENTS))[1]]
    assert ["资金情况(万元)"] in rows
    assert rows[-1] == ["其中:中央资金", "100"]


def test_a_one_cell_row_that_is_no_caption_stays_a_row() -> None:
    """'产出指标 | ||||' is a level label over its rows, not a caption."""
    doc = _text("一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | ||||\n| 数量指标 | 修缮校舍 | 3所 |\n"
                "| 质量指标 | 验收合格率 | 100% |\n")
    assert doc.paragraphs == []
    assert [c for c in _tables(doc)[0][1] if c][:1] == ["产出指标"]


#: A report's prose (longer than its form), then its form one '|'-ended cell a line, rows closed by a line of rules.
APPENDED_FORM = (
    "一、项目基本情况\n"
    "本项目年初预算25万元,用于全县12个村级文化书屋的图书更新,全年实际支出25万元。\n"
    "二、绩效目标完成情况\n"
    "12个书屋全部完成图书更新,群众满意度在95%以上。\n"
    + "".join(f"({n})第{n}个村的书屋更新图书{n * 100}册,已登记入账,开放时间每周不少于五天。\n" for n in range(1, 31))
    + "附件\n"
    "项目支出绩效自评表 |\n"
    "|||||\n"
    "项目名称 |\n"
    "村级文化书屋图书更新 |\n"
    "||||\n"
    "主管部门 |\n"
    "县文化和旅游局 |\n"
    "实施单位 |\n"
    "县图书馆 |\n"
    "||\n"
    "项目资金(万元) |\n"
    "|\n"
    "年初预算数 |\n"
    "全年执行数 |\n"
    "执行率 |\n"
    "||\n"
    "年度资金总额 |\n"
    "25 |\n"
    "25 |\n"
    "100% |\n"
    "||\n"
)


def test_a_form_appended_after_the_prose_gives_the_projects_name(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, APPENDED_FORM))
    assert project.name == "村级文化书屋图书更新"


def test_an_appended_form_in_other_words_gives_its_name_too(tmp_path: Path) -> None:
    text = (APPENDED_FORM.replace("村级文化书屋图书更新", "乡镇卫生院设备购置")
            .replace("项目名称 |", "政策(项目)名称 |").replace("书屋", "卫生院").replace("图书更新", "设备购置"))
    project = only_project(run(tmp_path, text))
    assert project.name == "乡镇卫生院设备购置"
