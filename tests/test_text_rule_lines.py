"""A web page's table dumped one cell a line with each rule on a line of its own ('|' between two cells) is read
into the rows the same table gives as a Word table: a bordered dump (two rules end a row, merged cells printed once,
a header's labels broken in their cells printed as a second row), an unbordered one (a rule after each cell, the
rows told by the header's width or by the period of the level labels). Built inputs, not a corpus page's text."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import only_project, run
from tests.test_parse_summary_tables import _tables, _text


def _bordered(rows: list[list[str]]) -> str:
    """Each row printed '| a | b | … |' one cell a line, the rules on lines of their own."""
    lines: list[str] = []
    for row in rows:
        lines.append("|")
        for cell in row:
            if cell:
                lines.append(cell)
            lines.append("|")
    return "\n".join(lines) + "\n"


#: A scoring sheet: 序号 first, the 一级/二级 labels merged down (printed on their first row only), the header's
#: last two labels broken in their cells ('标准' / '分值', '自评' / '得分'), a second criterion of one item on a row
#: of its own.
SCORING_SHEET = _bordered([
    ["绿化养护考核评分表"],
    ["序号", "一级指标", "二级指标", "三级指标", "评分说明", "指标", "自评"],
    ["分值", "得分"],
    ["1", "决策(20)", "立项依据", "依据充分", "立项文件齐全得5分", "5", "5"],
    ["2", "立项程序", "程序规范", "按程序申报审批得5分", "5", "4"],
    ["3", "资金落实", "到位及时", "资金按时到位得10分", "10", "10"],
    ["4", "管理(30)", "养护管理", "制度健全", "养护制度健全得20分", "20", "18"],
    ["台账完整", "养护台账完整得10分", "10", "10"],
    ["5", "资金管理", "专账核算", "资金专账核算得10分", "10", "9"],
])


def test_bordered_rule_lines_give_the_grid_a_word_table_gives() -> None:
    tables = _tables(_text(SCORING_SHEET))
    assert len(tables) == 1, tables
    rows = tables[0]
    assert rows[0] == ["序号", "一级指标", "二级指标", "三级指标", "评分说明", "指标分值", "自评得分"]
    assert rows[1] == ["1", "决策(20)", "立项依据", "依据充分", "立项文件齐全得5分", "5", "5"]
    # (a row short on its left goes under its header: the cells left out are those merged down from above)
    assert rows[2] == ["2", "决策(20)", "立项程序", "程序规范", "按程序申报审批得5分", "5", "4"]
    assert rows[4][:3] == ["4", "管理(30)", "养护管理"]
    assert rows[5] == ["4", "管理(30)", "养护管理", "台账完整", "养护台账完整得10分", "10", "10"]
    assert rows[6] == ["5", "管理(30)", "资金管理", "专账核算", "资金专账核算得10分", "10", "9"]


def test_bordered_rule_lines_title_above_the_header_is_prose() -> None:
    doc = _text(SCORING_SHEET)
    paragraphs = [e.text for e in doc.paragraphs]
    assert "绿化养护考核评分表" in paragraphs


def test_a_scoring_sheet_of_rule_lines_reads_its_rows_scores(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, "2023年度城区绿化养护项目绩效评价自评表\n" + SCORING_SHEET))
    scored = {row.name: (row.weight, row.score) for row in project.indicators}
    assert scored.get("依据充分") == (5, 5), scored
    assert scored.get("程序规范") == (5, 4), scored
    assert scored.get("专账核算") == (10, 9), scored


#: An excerpt that opens below its header: one rule after every cell, nothing between rows, every row printing
#: its 一级 and 二级 labels (an older template's 项目完成指标 among them).
UNBORDERED = "".join(f"{cell}\n|\n" for cell in [
    "项目完成指标", "数量指标", "新建村级文化广场", "6个", "6个",
    "项目完成指标", "时效指标", "年底前完工", "12月底", "11月底",
    "项目效益指标", "社会效益指标", "群众文化活动场次", "≥30场", "36场",
    "满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "93%",
]).removesuffix("|\n") + "三、下一步工作打算。\n继续做好场地的日常管理。\n"


def test_unbordered_rule_lines_are_cut_at_the_level_labels_period() -> None:
    tables = _tables(_text(UNBORDERED))
    assert len(tables) == 1, tables
    assert tables[0] == [
        ["项目完成指标", "数量指标", "新建村级文化广场", "6个", "6个"],
        ["项目完成指标", "时效指标", "年底前完工", "12月底", "11月底"],
        ["项目效益指标", "社会效益指标", "群众文化活动场次", "≥30场", "36场"],
        ["满意度指标", "服务对象满意度指标", "村民满意度", "≥90%", "93%"],
    ]


def test_an_older_templates_level_words_file_the_rows(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, UNBORDERED))
    levels = {row.name: row.level for row in project.indicators}
    assert levels.get("新建村级文化广场") == "产出/数量", levels
    assert levels.get("群众文化活动场次") == "效益/社会效益", levels


def test_an_unbordered_dump_with_its_header_is_cut_at_the_header_width() -> None:
    cells = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值",
             "产出指标", "质量指标", "验收合格率", "100%", "100%",
             "产出指标", "成本指标", "单位造价", "≤300元/平方米", "286元/平方米",
             "效益指标", "社会效益指标", "受益人口", "≥2000人", "2300人"]
    tables = _tables(_text("".join(f"{cell}\n|\n" for cell in cells)))
    assert len(tables) == 1, tables
    assert [len(row) for row in tables[0]] == [5, 5, 5, 5]
    assert tables[0][2][2:] == ["单位造价", "≤300元/平方米", "286元/平方米"]


def test_rule_lines_that_mark_empty_cells_among_full_rows_are_left_to_the_form_reader() -> None:
    """'|' twice between two cells in an unbordered dump is an empty cell, not a row's end: no cut is sure."""
    cells = "项目名称\n|\n乡村道路养护\n|\n主管部门\n|\n|\n实施单位\n|\n交通局\n|\n" * 3
    assert _tables(_text(cells)) == []


# --- a '|' table whose header runs on from the caption above it, a second table run on under it -----------------

#: An OCR'd image's table: the site's note and the header on one line, rows under a merged level opening with '|'
#: (their empty first cells), then a wider list of another table in the same run of '|' lines.
CAPTIONED = (
    "以下为附件扫描识别内容(仅供参考):一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n"
    "产出指标 | 数量指标 | 完成农机具购置补贴 | 300台 | 287台 |\n"
    "| | 培训农机手人数 | 120人 | 126人 |\n"
    "| 质量指标 | 补贴机具合格率 | 100% | 100% |\n"
    "效益指标 | 经济效益 | 户均增收 | ≥2000元 | 2150元 |\n"
    "序号 | 乡镇 | 合作社 | 机具数 | 补贴标准(元/台) | 补贴金额 | 备注 |\n"
    "1 | 城关镇 | 丰收农机合作社 | 40 | 3000 | 12 | |\n"
    "2 | 河口乡 | 绿野农机合作社 | 35 | 3000 | 10.5 | |\n"
)


def test_a_caption_run_into_the_header_is_prose_and_rows_under_a_merge_keep_their_empty_first_cells() -> None:
    doc = _text(CAPTIONED)
    assert [e.text for e in doc.paragraphs] == ["以下为附件扫描识别内容(仅供参考):"]
    rows = _tables(doc)[0]
    assert rows[0][:5] == ["一级指标", "二级指标", "指标名称", "目标值", "完成值"]
    assert rows[2][:5] == ["产出指标", "数量指标", "培训农机手人数", "120人", "126人"]
    assert rows[3][:5] == ["产出指标", "质量指标", "补贴机具合格率", "100%", "100%"]


def test_a_caption_needs_a_sentence_or_bracket_end_before_the_label() -> None:
    """'项目名称一级指标' is no caption: a header cell's own words run together are left as they are."""
    doc = _text("绩效一级指标 | 二级指标 | 指标名称 | 目标值 |\n产出指标 | 数量指标 | 修缮校舍 | 3所 |\n")
    assert doc.paragraphs == []
