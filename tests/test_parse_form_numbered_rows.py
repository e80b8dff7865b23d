"""A 项目支出绩效自评表 whose text layer came in drawing order (a spreadsheet's preview): the header labels
scattered, the 项目资金 block's labels then its figures, and the numbered indicator rows (指标1: …) mostly
whole but the first ones interleaved with header pieces. The whole rows are read, the scattered ones
left out (never guessed). Built lines in two wordings (other names, units, figures and scatter)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reportparse.parse.form.numberedrows import numbered_rows
from tests._textforms import only_project, run

LINE = ("{county}项目支出绩效自评表 (2022年度) 项目名称 {name} 主管部门 {department} 项目资金 (万元) 年度资金总额 "
        "实施单位 {unit} 全年预算数 全年执行数 分值 执行率 得分 {budget} {budget} 10 100% 10 其中:当年财政拨款 "
        "上年结转资金 其他资金 年度 总体 目标 一级 指标 年度 实际 指标值 完成值 指标1:{first} {first_target} 二级指标 "
        "三级指标 分值 得分 {first_actual} 4 4 {rows} 质量指标 指标1:{quality}")


def _rows(rows: list[tuple[str, str, str, str, str]]) -> str:
    return " ".join(f"指标{n + 2}:{name} {target} {actual} {weight} {score}"
                    for n, (name, target, actual, weight, score) in enumerate(rows))


CASES = [
    dict(county="某县", name="农村改厕奖补", department="某县农业农村局", unit="某镇人民政府", budget="86.4",
         first="改厕户数", first_target="1200户", first_actual="1180户", quality="改厕验收合格率",
         rows=[("奖补资金发放户数", "1200户", "1180户", "4", "3.9"), ("培训技术人员", "60人", "60人", "2", "2"),
               ("粪污处理设施", "12座", "9座", "4", "3"), ("入户宣传次数", "≥4次", "6次", "2", "2")]),
    dict(county="某区", name="社区养老服务补助", department="某区民政局", unit="某区养老服务中心", budget="215.32",
         first="服务老年人数", first_target="≥3000人", first_actual="3120人", quality="服务满意度",
         rows=[("助餐服务人次", "≥20000人次", "21560人次", "5", "5"), ("上门探访次数", "≥6次", "6次", "3", "3"),
               ("日间照料中心运营数", "8个", "7个", "5", "4.2"), ("护理员培训覆盖率", "100%", "92.50%", "3", "2.8")]),
]


@pytest.mark.parametrize("case", CASES)
def test_the_whole_numbered_rows_of_a_drawing_order_line_are_read(tmp_path: Path, case: dict[str, Any]) -> None:
    text = LINE.format(rows=_rows(case["rows"]), **{k: v for k, v in case.items() if k != "rows"})
    project = only_project(run(tmp_path, text + "\n"))
    found = {i.name: i for i in project.indicators}
    for name, target, actual, weight, score in case["rows"]:
        row = found[name]
        assert row.target is not None and row.target.raw == target
        assert [a.raw for a in row.actuals if a.raw] == [actual]
        assert (row.weight, row.score) == (Decimal(weight), Decimal(score))
    assert case["first"] not in found  # its cells are scattered among the header's: left out


def test_a_row_that_goes_on_past_its_score_is_left_out() -> None:
    line = ("指标2:培训人数 50人 52人 2 2 指标3:宣传 12次 10次 2 1.5 备注说明 指标4:覆盖率 100% 98% 2 1.9 "
            "指标5:台账 1套 1套 2 2")
    tokens = line.split(" ")
    assert [row[0] for row in numbered_rows(tokens)] == ["指标2:培训人数", "指标4:覆盖率", "指标5:台账"]
