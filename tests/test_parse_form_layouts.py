"""One form, the dump shapes of the layout-invariance harness (corpora/real/shapes.py): one cell a line
with nothing between, level and column labels wrapped over two lines, traditional characters,
full-width figures. Each is built here from one set of cells and must read like the tab rows. Then
forms flattened onto one line: a lone 总额 and named funds as fund rows, a 部门整体 form opened by its
unit label."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

import opencc

from reportparse.model import Report, Source, SourceFormat
from reportparse.parse import parse_report
from reportparse.readers.text import read_text

#: A 项目支出绩效自评表 as rows of printed cells (merged cells once, on their first row).
ROWS = [
    ["项目支出绩效自评表"],
    ["项目名称", "乡村道路养护补助"],
    ["主管部门", "某县交通运输局", "实施单位", "某县公路事务中心"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "120", "150", "135", "10", "90%", "9"],
    ["其中：当年财政拨款", "120", "150", "135"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "养护道路里程", "≥80公里", "82公里", "20", "20"],
    ["质量指标", "路面完好率", "≥95%", "96%", "20", "20"],
    ["时效指标", "养护完成及时率", "100%", "100%", "10", "10"],
    ["效益指标", "社会效益指标", "群众出行条件改善", "明显改善", "明显改善", "20", "18", "部分路段仍在施工"],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%", "20", "20"],
    ["总分", "100", "97"],
]


def check(text: str) -> Report:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return parse_report(read_text(Path("f.txt"), data, source))


def summary(report: Report) -> tuple[object, ...]:
    project, = report.projects
    budget = project.budget
    rows = sorted((i.name, i.weight, i.score) for i in project.indicators)
    return (project.name, budget.planned and budget.planned.value, budget.executed and budget.executed.value, rows)


def tab_rows() -> str:
    return "\n".join("\t".join(row) for row in ROWS) + "\n"


EXPECTED = ("乡村道路养护补助", Decimal(1500000), Decimal(1350000), sorted([
    ("养护道路里程", Decimal(20), Decimal(20)), ("路面完好率", Decimal(20), Decimal(20)),
    ("养护完成及时率", Decimal(10), Decimal(10)), ("群众出行条件改善", Decimal(20), Decimal(18)),
    ("沿线群众满意度", Decimal(20), Decimal(20))]))


def test_tab_rows_are_the_reference() -> None:
    assert summary(check(tab_rows())) == EXPECTED


def test_one_cell_a_line_with_no_blank_line_between() -> None:
    text = "\n".join(cell for row in ROWS for cell in row) + "\n"
    assert summary(check(text)) == EXPECTED


def test_level_and_column_labels_wrapped_over_two_lines() -> None:
    wrapped = {"一级指标": "一级\n指标", "二级指标": "二级\n指标", "三级指标": "三级\n指标",
               "产出指标": "产出\n指标", "效益指标": "效益\n指标", "数量指标": "数量\n指标"}
    text = "\n".join(wrapped.get(cell, cell) for row in ROWS for cell in row) + "\n"
    assert summary(check(text)) == EXPECTED


def test_traditional_characters_read_like_simplified() -> None:
    text = str(opencc.OpenCC("s2t").convert(tab_rows()))
    assert "項目名稱" in text and "實際完成值" in text  # the labels are really traditional
    assert summary(check(text)) == EXPECTED


def test_traditional_with_pinyin_glosses() -> None:
    text = str(opencc.OpenCC("s2t").convert(tab_rows())).replace("項目", "項(xiàng)目").replace("養護", "養(yǎng)護")
    assert summary(check(text)) == EXPECTED


def test_full_width_figures() -> None:
    text = tab_rows().translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))
    assert "１５０" in text
    assert summary(check(text)) == EXPECTED


def test_a_simplified_text_with_a_stray_traditional_character_is_not_converted() -> None:
    from reportparse.parse.reading import is_traditional

    assert not is_traditional(["本项目於2023年完成道路养护里程82公里，路面完好率96%，群众满意度93%。"])
    assert is_traditional([str(opencc.OpenCC("s2t").convert("项目名称 主管部门 实施单位 实际完成值"))])


def test_a_level_label_the_block_has_no_column_for_does_not_stop_the_reading() -> None:
    """Cells of an indicator block whose header has no 一级指标 column but whose rows print a level
    label: the label is passed over (the rebuilder once looped for ever on it)."""
    from reportparse.model import Line
    from reportparse.parse.form.cells import _Cell, _Rebuilder

    texts = ["三级指标", "年度指标值", "实际完成值", "分值", "得分",
             "产出指标", "完成户数", "100户", "100户", "50", "50",
             "满意度指标", "群众满意度", "≥90%", "95%", "50", "50"]
    cells = [_Cell(text, Line(text=text, page=1, line=n + 1)) for n, text in enumerate(texts)]
    rows = [[c.text for c in row] for row in _Rebuilder(cells).rows()]
    assert ["完成户数", "100户", "100户", "50", "50"] in rows
    assert ["群众满意度", "≥90%", "95%", "50", "50"] in rows


def test_a_form_on_one_line_whose_fund_rows_are_a_lone_total_and_named_funds() -> None:
    """'总额 238.93 …' opens the total row and '单位资金 0.00 …' a row of its own (label table
    form.fund_row_open / form.fund_row_named), not one long row under 总额."""
    text = ("项目名称 道路养护补助 主管部门 某县交通运输局 实施单位 某县公路事务中心 "
            "预算执行情况(10分) 年初预算 调整后预算数 预算执行数 预算执行率 权重 得分 "
            "总额 238.93 251.89 251.89 100.00% 10 10 其中:财政资金 238.93 251.89 251.89 100.00% / / "
            "单位资金 0.00 0.00 0.00 0.00% / / "
            "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
            "产出指标 数量指标 养护道路里程 ≥80公里 82公里 50 50 "
            "满意度指标 服务对象满意度指标 沿线群众满意度 ≥90% 93% 40 40\n")
    project, = check(text).projects
    assert project.name == "道路养护补助"
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(2518900)
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(2518900)
    assert {i.name for i in project.indicators} == {"养护道路里程", "沿线群众满意度"}


def test_a_department_form_on_one_line_opened_by_its_unit_label() -> None:
    """A 部门整体 form names no project: its unit label (一级预算单位名称) opens the form and names it,
    its 项目资金 block is labelled 年度预算申请."""
    text = ("部门整体支出绩效自评表 (2021年度) 一级预算单位名称 某县林业局 "
            "年度预算申请(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 "
            "年度资金总额 400 500 450 10 90% 9 其中:当年财政拨款 400 500 450 "
            "年度总体目标 预期目标 实际完成情况 造林1.2万亩 造林1.2万亩 "
            "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 "
            "产出指标 数量指标 造林面积 1.2万亩 1.2万亩 45 45 "
            "满意度指标 服务对象满意度指标 群众满意度 ≥90% 95% 45 45\n")
    project, = check(text).projects
    assert project.name.startswith("某县林业局")
    assert project.budget.planned is not None and project.budget.planned.value == Decimal(5000000)
    assert project.budget.executed is not None and project.budget.executed.value == Decimal(4500000)
    assert {i.name for i in project.indicators} == {"造林面积", "群众满意度"}


def test_a_title_whose_bracket_lost_its_pair_gives_no_name() -> None:
    from reportparse.parse.form.titles import name_from_title

    assert name_from_title("部门整体支出绩效自评表 2021年度)") == ""
    assert name_from_title("城乡环境整治项目绩效自评表（2022年度）") == "城乡环境整治"
