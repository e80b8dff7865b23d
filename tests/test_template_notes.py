"""A template's notes under its table ('注：…', '填表说明：1.…', '注1 ：…'), one set of words (`form.note_words` of the
label table) for the three readers that set a note apart: the form reader (a row holding only a note), the text
reader (a note ends a goal table) and the one-line form reader (a note opens the footer). A note needs its colon:
a 备注 or 说明 column title and a cell of data that opens with 说明： inside an indicator row are no notes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reportparse.model import Document, Paragraph, Source, SourceFormat, Table
from reportparse.notewords import note_start
from reportparse.readers.text import read_text
from tests._textforms import only_project, run
from tests.test_parse_form_dumps import ONE_LINE


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("注：以预算批复的绩效目标为准填列。", True),
        ("注1：绩效指标由单位根据批复的绩效目标填写", True),
        ("注 1 ：绩效指标由单位根据批复的绩效目标填写", True),  # a number, and spaces a dump left
        ("填表说明：1.一级指标分值统一设置", True),
        ("填报说明2:请据实填写", True),
        ("备注 ：资金已全部拨付", True),
        ("备注", False),  # a column title
        ("说明", False),
        ("说明书编制完成率", False),  # data that opens with a note word
        ("注册资金到位率", False),
        ("其他说明事项", False),
    ],
)
def test_a_note_is_a_note_word_its_number_and_a_colon(text: str, note: bool) -> None:
    assert bool(note_start().match(text)) is note


# ---- a form dump: a row that holds only a note is no indicator --------------------------------------

PIPE_FORM = "\n".join([
    "| 项目支出绩效自评表 | | | | | | | | |",
    "| 项目名称 | {name} | | | | | | | |",
    "| 主管部门 | 某县农业农村局 | | | 实施单位 | 某县农技推广站 | | | |",
    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 备注 |",
    "| 产出指标 | 数量指标 | 培训农民人次 | ≥{n}人次 | {done}人次 | 20 | 16 | {reason} | |",
    "| | 质量指标 | 培训合格率 | ≥90% | 94% | 20 | 20 | | |",
    "| 效益指标 | 社会效益指标 | 农户技能提升程度 | 明显提升 | 明显提升 | 30 | 30 | | |",
    "| 满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90% | 95% | 20 | 20 | | |",
    "| {note} | | | | | | | | |",
    "",
])


@pytest.mark.parametrize(
    ("name", "n", "done", "reason", "note"),
    [
        ("农技推广服务项目", 2000, 1800, "说明：受天气影响部分培训延期", "注1 ：实际完成值来自县农业农村局年度统计"),
        ("高素质农民培育项目", 500, 420, "备注：两期培训并为一期", "填表说明 2：以预算批复的绩效目标为准填列"),
    ],
)
def test_a_form_dump_drops_its_note_row_and_keeps_a_reason_that_opens_like_one(
        tmp_path: Path, name: str, n: int, done: int, reason: str, note: str) -> None:
    project = only_project(run(tmp_path, PIPE_FORM.format(name=name, n=n, done=done, reason=reason, note=note)))
    assert project.name == name
    assert [i.name for i in project.indicators] == ["培训农民人次", "培训合格率", "农户技能提升程度", "农户满意度"]
    assert project.indicators[0].deviation_reason == reason


# ---- a text block: a note ends a goal table ----------------------------------------------------------

GOAL_TABLE = "\n".join([
    "某区2023年度{name}绩效自评报告",
    "一、绩效目标",
    "一级指标 二级指标 三级指标 指标值 备注",
    "产出指标",
    "数量指标",
    "{indicator} {target}",
    "质量指标",
    "设施安全检查合格率 100%",
    "{note}",
    "二、项目资金使用情况",
    "全年执行 35.8 万元，执行率 98.08%。",
    "",
])


def _read(text: str) -> Document:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return read_text(Path("f.txt"), data, source)


@pytest.mark.parametrize(
    ("name", "indicator", "target", "note"),
    [
        ("社区养老服务中心运营补助项目", "运营补助覆盖中心数", "12个", "注1 ：指标值以预算批复为准"),
        ("老年食堂建设项目", "新建老年食堂数", "≥8个", "填报说明 1:指标值按年初目标填列"),
    ],
)
def test_a_note_under_a_goal_table_is_prose_not_a_row(name: str, indicator: str, target: str, note: str) -> None:
    document = _read(GOAL_TABLE.format(name=name, indicator=indicator, target=target, note=note))
    table, = [e for e in document.elements if isinstance(e, Table)]
    cells = [cell.text for row in table.rows for cell in row]
    assert [cell.text for cell in table.rows[0]][-1] == "备注"  # the column title stays a column
    assert indicator in cells and not any(note[:2] in cell for cell in cells)
    assert note in [e.text for e in document.elements if isinstance(e, Paragraph)]


# ---- a one-line form: a note opens the footer; a 备注 title and a reason opening with 说明： do not ----------

def _one_line(*, header_tail: str = "", reason: str = "", note: str = "") -> str:
    text = ONE_LINE.format(name="农技培训经费", total="0 0 0 10 0 0", sub="40 38.5 38.5", n=120)
    text = text.replace("偏差原因分析及改进措施", "偏差原因分析及改进措施" + header_tail)
    text = text.replace("≥120人次 120 20 20", "≥120人次 100 20 16" + (f" {reason}" if reason else ""))
    return text + (f" {note}" if note else "") + "\n"


ONE_LINE_INDICATORS = ["培训人次", "培训合格率", "考核规范性", "农户技能提升程度", "学员满意度"]
ONE_LINE_NOTES = ["注1 ：1.绩效指标由单位根据批复的绩效目标填写。", "填表说明 ：以批复为准", "备注：无"]


@pytest.mark.parametrize("note", ONE_LINE_NOTES)
def test_a_one_line_form_ends_at_its_note(tmp_path: Path, note: str) -> None:
    project = only_project(run(tmp_path, _one_line(note=note)))
    assert [i.name for i in project.indicators] == ONE_LINE_INDICATORS
    assert not any(note[:2] in (i.deviation_reason or "") for i in project.indicators)


@pytest.mark.parametrize("title", [" 备注", " 说明"])
def test_a_one_line_forms_remark_column_title_is_no_note(tmp_path: Path, title: str) -> None:
    project = only_project(run(tmp_path, _one_line(header_tail=title)))
    assert [i.name for i in project.indicators] == ONE_LINE_INDICATORS


@pytest.mark.parametrize("reason", ["说明：受天气影响部分培训延期", "备注：两期培训并为一期"])
def test_a_one_line_forms_reason_that_opens_like_a_note_stays_on_its_row(tmp_path: Path, reason: str) -> None:
    project = only_project(run(tmp_path, _one_line(reason=reason)))
    assert [i.name for i in project.indicators] == ONE_LINE_INDICATORS
    assert project.indicators[0].deviation_reason == reason
