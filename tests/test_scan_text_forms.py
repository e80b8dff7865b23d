"""Forms printed without rules as a scan's reading gives them, line by line (no images: the lines are made here,
with the boxes a recogniser gives them): a long project name wrapped in its cell around its centred label, and
an indicator header whose labels the reading ran together, misspelt or cut short. Made-up forms, several
wordings and layouts each."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse.model import BBox, Document, Line, Paragraph, Source, SourceFormat
from reportparse.parse.form.headerwords import mend_header_tokens
from reportparse.pipeline import analyse
from tests._textforms import only_project, run

#: Points of one character on these pages.
CHAR = 10.0
LABEL_X = 60.0
VALUE_X = 110.0

BODY = ["项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 64 64 60.8 10 95% 9.5",
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 维修渠道长度 ≥8公里 8.2公里 30 30",
        "满意度指标 服务对象满意度指标 受益群众满意度 ≥90% 96% 20 20",
        "总分 100 99.5"]


def _ocr_document(placed: list[tuple[str, float]]) -> Document:
    """A scanned page's lines (text, left edge in points), one under another, each with its box and confidence."""
    lines = []
    for row, (text, x0) in enumerate(placed):
        top = 80.0 + 12.0 * row
        lines.append(Line(text=text, page=1, bbox=BBox(x0=x0, top=top, x1=x0 + CHAR * len(text), bottom=top + CHAR),
                          confidence=0.95))
    paragraphs = [Paragraph(text=line.text, lines=[line], spans=[(0, len(line.text))], page=1) for line in lines]
    source = Source(path="scan.pdf", format=SourceFormat.PDF, sha256="0" * 64, pages=1)
    return Document(source=source, elements=list(paragraphs))


def _names(placed: list[tuple[str, float]]) -> list[str]:
    """The one project's name and aliases (a prose reading of the label's line may name it by the part beside the
    label, '项目名称 套设施 …': the form's whole name is then its alias)."""
    result = analyse(_ocr_document([("项目支出绩效自评表", 200.0), *placed, *((text, LABEL_X) for text in BODY)]))
    project = only_project(result)
    return [project.name, *project.aliases]


@pytest.mark.parametrize(("placed", "name"), [
    # the label between the name's two lines, its own cell empty on its line
    ([("农田水利设施维修养", VALUE_X), ("项目名称 实施单位 某县农业农村局", LABEL_X), ("护工程", VALUE_X)],
     "农田水利设施维修养护工程"),
    # the label on the name's last line
    ([("城区老旧小区改造配", VALUE_X), ("项目名称 套设施 主管部门 某区住房和城乡建设局", LABEL_X)],
     "城区老旧小区改造配套设施"),
    # the label on the name's first line, other fields after it, the name's end alone below
    ([("项目名称 农田水利设施维修养 实施单位 某县农业农村局", LABEL_X), ("护工程", VALUE_X)],
     "农田水利设施维修养护工程"),
    # three lines: the label on the middle one
    ([("2023年乡村振兴衔接资金", VALUE_X), ("项目名称 产业发展 项目单位 某镇人民政府", LABEL_X), ("奖补", VALUE_X)],
     "2023年乡村振兴衔接资金产业发展奖补"),
])
def test_a_name_wrapped_around_its_centred_label_is_read_whole(placed: list[tuple[str, float]], name: str) -> None:
    assert name in _names(placed)


def test_a_line_at_the_margin_above_the_name_field_is_no_part_of_the_name() -> None:
    """The line above starts where the label does: a line of its own (a unit's name), not the name's first line."""
    placed = [("某县农业农村局", LABEL_X), ("项目名称 灌区节水改造 实施单位 某县水务局", LABEL_X)]
    assert _names(placed) == ["灌区节水改造"]


def test_a_short_line_under_the_name_that_no_field_follows_stays_apart() -> None:
    """Under the label's line, a short line that the next field's line does not follow (a note's first word
    here) is no end of the name."""
    placed = [("项目名称 灌区节水改造工程 实施单位 某县水务局", LABEL_X), ("附件", VALUE_X),
              ("本表金额单位为万元，由项目单位填报", LABEL_X)]
    assert _names(placed) == ["灌区节水改造工程"]


@pytest.mark.parametrize(("tokens", "mended"), [
    # two labels run together, the second misspelt
    (["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成（B）分膏", "得分"],
     ["一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成（B）", "分值", "得分"]),
    # one character misread; a label's first character lost
    (["三级指标", "指标性质", "指标值", "变量单位", "完成值", "重", "得分"],
     ["三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分"]),
    (["三级指标", "年初目标值(A)", "实际究成(B)", "分值", "得分"],
     ["三级指标", "年初目标值(A)", "实际完成(B)", "分值", "得分"]),
])
def test_damaged_header_labels_are_mended(tokens: list[str], mended: list[str]) -> None:
    assert mend_header_tokens(tokens) == mended


@pytest.mark.parametrize("tokens", [
    ["三级指标", "年度指标值", "实际完成值", "分值", "重", "得分"],  # the weight's column is there already
    ["三级指标", "年度指标值", "值", "分值", "得分"],  # 值 ends labels of three columns
    ["三级指标", "年度指标值", "实际完成值", "分值", "得分", "备泩说明"],  # no one label a character away
])
def test_a_label_with_no_single_reading_stays_as_printed(tokens: list[str]) -> None:
    assert mend_header_tokens(tokens) == tokens


@pytest.mark.parametrize("header", [
    "一级指标 二级指标 三级指标 年初目标值(A) 实际完成（B）分值 得分 未完成原因",
    "一级指标 二级指标 三级指标 指标值 变量单位 完成值 重 得分 偏差原因分析",
])
def test_rows_keep_their_weights_under_a_damaged_header(tmp_path: Path, header: str) -> None:
    unit = "度量单位" in header or "变量单位" in header
    rows = (["产出指标 数量指标 培训农民人数 ≥500 人 520 20 20", "效益指标 社会效益指标 技能掌握率 ≥85 % 88 15 12"]
            if unit else
            ["产出指标 数量指标 培训农民人数 ≥500人 520人 20 20",
             "效益指标 社会效益指标 技能掌握率 ≥85% 88% 15 12"])
    opening = ["项目支出绩效自评表", "项目名称 新型农民技能培训 主管部门 某县农业农村局", *BODY[:2]]
    text = "\n".join([*opening, header, *rows, "总分 100 96.5"]) + "\n"
    project = only_project(run(tmp_path, text))
    read = {i.name: (i.weight, i.score, [a.raw for a in i.actuals]) for i in project.indicators}
    assert read["培训农民人数"][:2] == (20, 20) and read["技能掌握率"][:2] == (15, 12)
    assert read["培训农民人数"][2] and read["培训农民人数"][2][0].startswith("520")


def _table_document(rows: list[list[str]]) -> Document:
    from reportparse.model import Cell, Table

    grid = [[Cell(text=text, row=r, col=c, page=1) for c, text in enumerate(row)] for r, row in enumerate(rows)]
    source = Source(path="scan.pdf", format=SourceFormat.PDF, sha256="0" * 64, pages=1)
    return Document(source=source, elements=[Table(index=0, rows=grid, page=1, pages=[1])])


_RULED_TOP = [["项目名称", "社区养老服务站运营补助", "", "", "", "", "", ""],
              ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", ""],
              ["年度资金总额", "80", "80", "76", "10", "95%", "9.5", ""]]


@pytest.mark.parametrize("rows", [
    [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "", "得分", "偏差原因"],
     ["产出指标", "数量指标", "服务老人人次", "≥1200人次", "1260人次", "30", "30", ""],
     ["产出指标", "质量指标", "服务投诉率", "≤2%", "3%", "20", "15", "个别站点人手不足"],
     ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "95%", "10", "10", ""],
     ["总分", "", "", "", "", "70", "64.5", ""]],
    [["三级指标", "指标性质", "指标值", "度量单位", "完成值", "", "得分", "未完成原因分析"],
     ["服务老人人次", "≥", "1200", "人次", "1260", "30", "30", ""],
     ["服务投诉率", "≤", "2", "%", "3", "20", "15", "个别站点人手不足"],
     ["老人满意度", "≥", "90", "%", "95", "10", "10", ""],
     ["合计", "", "", "", "", "70", "64.5", ""]],
])
def test_a_weight_column_whose_label_the_scan_lost_is_read(rows: list[list[str]]) -> None:
    """The blank column before 得分 prints a figure on every row, never less than the row's score: the 分值."""
    project = only_project(analyse(_table_document([*_RULED_TOP, *rows])))
    read = {i.name: (i.weight, i.score) for i in project.indicators}
    assert read == {"服务老人人次": (30, 30), "服务投诉率": (20, 15), "老人满意度": (10, 10)}


def test_a_blank_column_of_figures_below_the_scores_is_no_weight() -> None:
    """Figures under the blank header smaller than the rows' scores: not the weights (a row scores at most its
    weight), so the rows keep none."""
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "", "得分", "偏差原因"],
            ["产出指标", "数量指标", "服务老人人次", "≥1200人次", "1260人次", "3", "30", ""],
            ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "95%", "1", "10", ""]]
    project = only_project(analyse(_table_document([*_RULED_TOP, *rows])))
    assert all(i.weight is None for i in project.indicators)
    assert {i.name: i.score for i in project.indicators} == {"服务老人人次": 30, "老人满意度": 10}


@pytest.mark.parametrize(("header", "below", "joined"), [
    ("一级指标 二级指标 三级指标 年度指标值 实际完成值 偏差原因分析", "分值 得分 及改进措施",
     "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施"),
    ("三级指标 指标值 完成值 未完成原因", "权重 自评得分 及改进措施",
     "三级指标 指标值 完成值 权重 自评得分 未完成原因及改进措施"),
])
def test_short_labels_read_with_the_line_under_the_header_join_it(tmp_path: Path, header: str, below: str,
                                                                 joined: str) -> None:
    from reportparse.parse.form.headerwords import labels_from_below

    assert labels_from_below(header.split(), below.split()) == joined.split()
    rows = ["产出指标 数量指标 助餐服务人次 ≥3000人次 3120人次 30 30",
            "产出指标 质量指标 餐食抽检合格率 ≥98% 100% 20 18"] if "一级指标" in header else \
        ["助餐服务人次 ≥3000人次 3120人次 30 30", "餐食抽检合格率 ≥98% 100% 20 18"]
    opening = ["项目支出绩效自评表", "项目名称 老年助餐服务补贴 实施单位 某区民政局", *BODY[:2]]
    project = only_project(run(tmp_path, "\n".join([*opening, header, below, *rows, "总分 60 57.5"]) + "\n"))
    assert {i.name: (i.weight, i.score) for i in project.indicators} == {"助餐服务人次": (30, 30),
                                                                         "餐食抽检合格率": (20, 18)}


@pytest.mark.parametrize("below", [
    "分值 得分 填报说明",  # a word that finishes no label
    "产出指标 数量指标 助餐服务人次 ≥3000人次 3120人次 30 30",  # a row, not labels
])
def test_a_line_under_the_header_that_is_not_its_labels_stays_apart(below: str) -> None:
    from reportparse.parse.form.headerwords import labels_from_below

    assert labels_from_below(["三级指标", "年度指标值", "实际完成值", "偏差原因分析"], below.split()) is None


@pytest.mark.parametrize(("row", "name", "target"), [
    ("产出指标 质量指标 食品安全事故发生次数0次 0次 10 10", "食品安全事故发生次数", "0次"),
    ("产出指标 数量指标 新增受益人数1200人 1260人 20 20", "新增受益人数", "1200人"),
])
def test_a_count_run_together_with_its_target_is_cut_at_the_figure(tmp_path: Path, row: str, name: str,
                                                                  target: str) -> None:
    """A count's name ends by naming its unit (次数, 人数): a figure in that unit glued after it, on a row one value
    short, is its target."""
    lines = ["项目支出绩效自评表", "项目名称 学校食堂运营补助 主管部门 某县教育局", *BODY[:3], row, "总分 30 29.5"]
    project = only_project(run(tmp_path, "\n".join(lines) + "\n"))
    indicator = next(i for i in project.indicators if i.name == name)
    assert indicator.target is not None and indicator.target.raw == target and indicator.actuals


def test_a_name_that_only_ends_in_a_figure_keeps_it() -> None:
    """'改造3个村': no count's name before the figure; and a row with both its values keeps its name whole."""
    from reportparse.parse.form.columns import IndicatorColumns
    from reportparse.parse.form.rowtail import split_name_target

    cols = IndicatorColumns(name=2, target=3, actual=4)
    assert split_name_target("完成改造3个", ["3个"], cols) == ("完成改造3个", ["3个"])
    assert split_name_target("受益人数1200人", ["1200人", "1260人"], cols) == ("受益人数1200人", ["1200人", "1260人"])
