"""missing-values on a form without 分值 cells whose template numbers its rows ('指标3.…', '指标4.…'): a numbered
row left blank but for its name among filled ones is a row of its own that reports nothing — not a name a dump
wrapped onto a line, which carries no number; and not the row where the document stops (the page cut it).
Built inputs, made-up names and figures."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import run


def _missing(tmp_path: Path, text: str) -> list[str]:
    return [f.message for f in run(tmp_path, text).findings if f.code == "missing-values"]


_HEAD = (
    "项目名称 | 某县食品安全抽检经费 | | |\n"
    "项目资金(万元) | 预算数(A) | 执行数(B) | 执行率(B/A) |\n"
    "合计 | 20 | 20 | 100% |\n"
    "一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 |\n"
)


def test_a_numbered_row_left_blank_among_filled_ones(tmp_path: Path) -> None:
    text = _HEAD + (
        "产出指标 | 数量指标 | 指标1.抽检批次 | ≥40 | 52 |\n"
        "| | 指标2.检查企业数 | ≥100 | 131 |\n"
        "| 质量指标 | 指标1.抽检完成率 | 100% | 100% |\n"
        "| | 指标2.不合格产品处置率 | | |\n"
        "| | 指标3.复检合格率 | ≥95% | 97% |\n"
        "效益指标 | 社会效益指标 | 指标1.群众投诉办结率 | ≥95% | 98% |\n"
    )
    (message,) = _missing(tmp_path, text)
    assert "不合格产品处置率" in message and "复检合格率" not in message


def test_numbered_with_a_colon_in_space_separated_rows(tmp_path: Path) -> None:
    text = (
        "项目名称 某区污水处理运行补助\n"
        "项目资金(万元) 全年预算数(A) 全年执行数(B) 执行率(B/A)\n"
        "年度资金总额 80 76 95%\n"
        "一级指标 二级指标 三级指标 年度指标值 全年完成值\n"
        "产出指标 数量指标 指标1：处理污水量 ≥300万吨 312万吨\n"
        "指标2：运行维护次数\n"
        "指标3：设备更新台数 ≥4台 4台\n"
        "效益指标 生态效益指标 指标1：出水达标率 100% 100%\n"
    )
    (message,) = _missing(tmp_path, text)
    assert "运行维护次数" in message


def test_an_unnumbered_bare_row_and_the_last_row_are_left_alone(tmp_path: Path) -> None:
    wrapped = _HEAD + (
        "产出指标 | 数量指标 | 抽检批次 | ≥40 | 52 |\n"
        "| | 检查企业数 | ≥100 | 131 |\n"
        "| | 覆盖率 | | |\n"
        "| 质量指标 | 抽检完成率 | 100% | 100% |\n"
    )
    assert _missing(tmp_path, wrapped) == []
    cut = _HEAD + (
        "产出指标 | 数量指标 | 指标1.抽检批次 | ≥40 | 52 |\n"
        "| | 指标2.检查企业数 | ≥100 | 131 |\n"
        "效益指标 | 社会效益指标 | 指标1.群众满意度 | | |\n"
    )
    assert _missing(tmp_path, cut) == []


def test_a_cell_dump_that_left_a_blank_rows_cells_out(tmp_path: Path) -> None:
    """One cell a line: the blank row's empty cells are not printed, the next numbered name follows its name."""
    cells = ["项目名称", "某县食品安全抽检经费", "项目资金(万元)", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
             "年度资金总额", "20", "20", "100%",
             "一级指标", "二级指标", "三级指标", "指标值", "完成值",
             "产出指标", "数量指标", "指标1.抽检批次", "≥40", "52", "指标2.检查企业数", "≥100", "131",
             "质量指标", "指标1.抽检完成率", "100%", "100%", "指标2.不合格产品处置率",
             "指标3.复检合格率", "≥95%", "97%",
             "效益指标", "社会效益指标", "指标1.群众投诉办结率", "≥95%", "98%"]
    result = run(tmp_path, "\n".join(cells) + "\n")
    rows = {i.name: i for i in result.report.projects[0].indicators} if result.report else {}
    assert rows["复检合格率"].target is not None and rows["复检合格率"].target.value == 95
    assert not (rows["不合格产品处置率"].target and rows["不合格产品处置率"].target.raw.strip())
    (message,) = [f.message for f in result.findings if f.code == "missing-values"]
    assert "不合格产品处置率" in message
