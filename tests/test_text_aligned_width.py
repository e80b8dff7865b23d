"""A goal table laid out as text whose columns are padded to the display width (a Han character two columns, as a
monospaced copy of a PDF form prints it), with the form's block label in its first column, names wrapped in their
narrow column, worded targets ('已完成'), the template's '指标N:' numbers and the block's points printed where a 得分
label would stand."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.readers.text.lines import monospace_width
from tests._textforms import run


def laid_out(rows: list[list[str]], widths: list[int]) -> str:
    """Each row's cells padded to their column's width in display columns, two spaces apart."""
    def line(row: list[str]) -> str:
        return "".join(cell + " " * (widths[c] - monospace_width(cell) + 2) for c, cell in enumerate(row)).rstrip()
    return "\n".join(line(row) for row in rows) + "\n"


WIDTHS = [16, 8, 12, 16, 14, 14, 4]
ROWS = [
    ["年度绩效指标完成", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "50"],
    ["情况", "", "", "", "", "", ""],
    ["", "产出指标", "数量指标", "指标1:培训基层执", "≥300人次", "326人次", "10"],
    ["", "", "", "法人员", "", "", ""],
    ["", "", "", "指标2:检查企业户", "已完成", "已完成", "10"],
    ["", "", "", "数", "", "", ""],
    ["", "", "质量指标", "指标1:案件办结率", "≥95%", "97%", "10"],
    ["", "效益指标", "社会效益指标", "指标1:投诉处置及", "100%", "100%", "10"],
    ["", "", "", "时率", "", "", ""],
    ["", "满意度指标", "服务对象满意", "指标1:经营户满意", "≥90%", "93%", "9"],
    ["", "", "度指标", "度", "", "", ""],
]


def _read(tmp_path: Path, text: str) -> dict[str, tuple[str | None, str | None, Decimal | None]]:
    result = run(tmp_path, text)
    assert result.report is not None
    return {i.name: (i.target.raw if i.target else None, i.actuals[0].raw if i.actuals else None, i.score)
            for p in result.report.projects for i in p.indicators}


def test_a_width_padded_goal_table_reads_each_row(tmp_path: Path) -> None:
    text = ("市场监管专项资金区域绩效目标自评表\n专项名称          市场监管专项资金\n"
            + laid_out(ROWS, WIDTHS) + "\n三、偏差分析\n个别指标未达到年初目标值，原因是检查任务调整。\n")
    read = _read(tmp_path, text)
    assert read["培训基层执法人员"] == ("≥300人次", "326人次", Decimal(10))
    assert read["检查企业户数"] == ("已完成", "已完成", Decimal(10))
    assert read["案件办结率"] == ("≥95%", "97%", Decimal(10))
    assert read["投诉处置及时率"] == ("100%", "100%", Decimal(10))
    assert read["经营户满意度"] == ("≥90%", "93%", Decimal(9))


def test_the_same_table_without_its_block_label_column(tmp_path: Path) -> None:
    rows = [row[1:] for row in ROWS if any(row[1:])]
    text = "专项名称          市场监管专项资金\n" + laid_out(rows, WIDTHS[1:])
    read = _read(tmp_path, text)
    assert read["检查企业户数"][:2] == ("已完成", "已完成")
    assert read["投诉处置及时率"][:2] == ("100%", "100%")


def test_a_form_s_aligned_table_with_wrapped_names_after_its_budget_block(tmp_path: Path) -> None:
    # (after a form's 预算执行情况 block the text reader leaves lines to the form reader; an indicator table whose
    # names wrap is read by its columns all the same)
    rows = [["一级指标", "二级指标", "三级指标", "指标值", "完成值"],
            ["", "数量指标", "指标1.抽检食品批", "≥150", "163"],
            ["", "", "次", "", ""],
            ["", "", "指标2.检查农贸市", "≥12", "12"],
            ["", "", "场个数", "", ""],
            ["", "质量指标", "指标1.不合格食品", "100%", "100%"],
            ["", "", "核查处置率", "", ""],
            ["", "时效指标", "任务完成时间", "2023年底", "2023年底"]]
    text = ("食品安全专项资金绩效目标自评表\n单位名称          某县市场监督管理局\n"
            "预算执行情况(万元)  预算数:  12.5  执行数:  12.5  执行率  100%\n"
            + laid_out(rows, [16, 16, 16, 16, 16]))
    read = _read(tmp_path, text)
    assert read["抽检食品批次"][:2] == ("≥150", "163")
    assert read["检查农贸市场个数"][:2] == ("≥12", "12")
    assert read["不合格食品核查处置率"][:2] == ("100%", "100%")
