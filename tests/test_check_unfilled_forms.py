"""missing-values on a self-evaluation form left unfilled: the template's rows keep their names while
年度指标值, 实际完成值, 得分 and even the 分值 cells stay blank ('效益指标(分)'). Such a form has no weight to
go by, yet most of its rows give nothing but their name. One bare row among filled ones (a name a dump
wrapped onto a row of its own) is no unfilled form."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from reportparse.pipeline import check

from ._textforms import run


def _codes(result: object) -> list[str]:
    return [f.code for f in getattr(result, "findings", [])]


def test_workbook_form_left_blank_but_for_the_row_names(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    for row in [
        ["某学院2023年助学金项目绩效自评表"],
        ["项目名称", "某学院助学金项目"],
        ["主管部门", "某省教育厅", "实施单位", "某学院"],
        ["一级指标", "二级指标", "三级指标", "年度指标值()", "实际完成值()", "得分"],
        ["产出指标(分)", "数量指标", "资助学生人数", None, None, None],
        [None, None, "资助发放批次", None, None, None],
        [None, "时效指标", "资金发放及时率", None, None, None],
        ["效益指标(分)", "社会效益指标", "受助学生完成学业率", None, None, None],
        ["满意度指标(分)", "服务对象满意度指标", "受助学生满意度", None, None, None],
        ["总分", None, None, None, None, None],
    ]:
        ws.append(row)
    path = tmp_path / "form.xlsx"
    wb.save(path)
    result = check(path)
    assert result.status == "ok", result.message
    found = [f for f in result.findings if f.code == "missing-values"]
    assert len(found) == 1 and found[0].actual == 5


def test_pipe_dump_of_a_form_whose_rows_only_name_themselves(tmp_path: Path) -> None:
    result = run(tmp_path, "\n".join([
        "| 项目支出绩效自评表 | | | | | |",
        "| 项目名称 | 某县农村公路养护项目 | | | | |",
        "| 主管部门 | 某县交通运输局 | 实施单位 | 某县公路所 | | |",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 全年完成值 | 自评得分 |",
        "| 产出指标 | 数量指标 | 养护里程 | | | |",
        "| | 质量指标 | 路面优良率 | | | |",
        "| | 时效指标 | 养护及时率 | | | |",
        "| 效益指标 | 社会效益指标 | 群众出行条件改善 | 是 | 是 | |",
        "| 总分 | | | | | |",
        "",
    ]))
    found = [f for f in result.findings if f.code == "missing-values"]
    assert len(found) == 1 and found[0].actual == 3


def test_one_bare_row_among_filled_ones_is_no_unfilled_form(tmp_path: Path) -> None:
    result = run(tmp_path, "\n".join([
        "| 项目支出绩效自评表 | | | | | |",
        "| 项目名称 | 某县农村公路养护项目 | | | | |",
        "| 一级指标 | 二级指标 | 三级指标 | 指标值 | 全年完成值 | 自评得分 |",
        "| 产出指标 | 数量指标 | 养护里程 | 120公里 | 120公里 | |",
        "| | 质量指标 | 路面优良率 | ≥85% | 88% | |",
        "| | | 路面 | | | |",
        "| 效益指标 | 社会效益指标 | 群众出行条件改善 | 改善 | 改善 | |",
        "",
    ]))
    assert "missing-values" not in _codes(result)
