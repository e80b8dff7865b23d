"""unit-mismatch on a form row that answers its rate target with a count in its own result cell
('灭火设备配备率 | 100% | 1000件'), and not on a count that prose reports near a rate goal (more likely
about something else). Built inputs, made-up names and figures."""

from __future__ import annotations

from pathlib import Path

from reportparse.model import Evidence
from tests._builders import actual, indicator, project, report, run, target
from tests._textforms import run as run_text


def _codes(tmp_path: Path, text: str) -> list[tuple[str, str | None]]:
    return [(f.code, f.indicator) for f in run_text(tmp_path, text).findings if f.code == "unit-mismatch"]


def test_pipe_form_row_with_a_count_under_a_rate(tmp_path: Path) -> None:
    text = (
        "项目名称 | 某区护林防火经费 | | |\n"
        "项目资金(万元) | 预算数(A) | 执行数(B) | 执行率(B/A) |\n"
        "合计 | 40 | 40 | 100% |\n"
        "一级指标 | 二级指标 | 三级指标 | 年初目标值 | 实际完成值 | 未完成原因及改进措施 |\n"
        "产出指标 | 数量指标 | 防火器材配备率 | 100% | 600件 | 达成预期指标 |\n"
        "| | 巡护覆盖率 | 100% | 100% | 达成预期指标 |\n"
    )
    assert _codes(tmp_path, text) == [("unit-mismatch", "防火器材配备率")]


def test_space_form_row_with_a_count_under_a_rate(tmp_path: Path) -> None:
    text = (
        "项目名称 某县农村饮水维修养护资金\n"
        "项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
        "年度资金总额 50 50 48 10 96% 9.6\n"
        "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
        "产出指标 数量指标 维修工程完成率 ≥95% 14处 20 20 无\n"
        "质量指标 工程验收合格率 100% 100% 20 20 无\n"
    )
    assert _codes(tmp_path, text) == [("unit-mismatch", "维修工程完成率")]


def test_a_count_from_prose_under_a_rate_is_left_alone() -> None:
    said = actual("共配备器材600件", 600, "件", origin="analysis")
    row = indicator("防火器材配备率", tgt=target("100%", "=", 100, "%"), actuals=[said])
    assert run(report(project(indicators=[row])), "unit-mismatch") == []


def test_a_count_in_another_row_of_the_table_is_left_alone() -> None:
    elsewhere = actual("600件", 600, "件", origin="table")
    elsewhere.evidence = [Evidence(page=1, text="600件", table=0, row=5)]
    row = indicator("防火器材配备率", tgt=target("100%", "=", 100, "%"), actuals=[elsewhere])
    row.evidence = [Evidence(page=1, text="防火器材配备率 100%", table=0, row=4)]
    assert run(report(project(indicators=[row])), "unit-mismatch") == []


def test_a_row_whose_name_is_no_rate_is_left_alone() -> None:
    """A dump's row cut wrong ('公众知晓度是否明显提高是…' under a % target beside a count): no rate's name."""
    cell = actual("0人次", 0, "人次", origin="table")
    cell.evidence = [Evidence(page=1, text="0人次", table=0, row=4)]
    row = indicator("公众知晓度是否明显提高是", tgt=target("90%", "=", 90, "%"), actuals=[cell])
    row.evidence = [Evidence(page=1, text="公众知晓度是否明显提高是 90%", table=0, row=4)]
    assert run(report(project(indicators=[row])), "unit-mismatch") == []
