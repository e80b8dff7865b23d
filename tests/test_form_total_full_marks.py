"""A form whose 总分 row prints only the score ('总分 | 71.7', no 分值 column in the template, or its cell left
empty) claims that score out of the framework's 100 (总分一般设置为100分), as a total in prose does. Built inputs in
two layouts; a total above 100 stays on no scale."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests._textforms import only_project, run

NO_POINTS_COLUMN = (
    "项目支出绩效自评表\n"
    "项目名称 | 村级道路养护补助 |\n"
    "预算执行情况(万元)(20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 |\n"
    "年度财政资金总额 | 100 | 90 | 0.9 | 18 |\n"
    "一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |\n"
    "产出指标 | 数量指标 | 养护道路里程(公里) | 50 | 48 | 28.8 |\n"
    "效益指标 | 社会效益指标 | 群众出行满意度(%) | 90 | 92 | 30 |\n"
    "总分 | 76.8 |\n"
)

EMPTY_POINTS_CELL = (
    "项目支出绩效自评表\n"
    "项目名称\t乡镇文化站免费开放补助\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t开放天数\t≥300天\t310天\t50\t50\n"
    "效益指标\t社会效益指标\t服务人次\t≥5000人次\t4800人次\t50\t45\n"
    "总分\t\t\t\t\t\t95\n"
)


def _total(tmp_path: Path, text: str) -> tuple[Decimal | None, Decimal | None]:
    line = next(s for s in only_project(run(tmp_path, text)).scores if s.level == "总分")
    return line.weight, line.score


def test_a_total_row_printing_only_its_score_is_out_of_100(tmp_path: Path) -> None:
    assert _total(tmp_path, NO_POINTS_COLUMN) == (Decimal(100), Decimal("76.8"))
    assert _total(tmp_path, EMPTY_POINTS_CELL) == (Decimal(100), Decimal(95))


def test_a_total_above_100_is_on_no_scale(tmp_path: Path) -> None:
    assert _total(tmp_path, EMPTY_POINTS_CELL.replace("\t95\n", "\t105\n")) == (None, Decimal(105))
