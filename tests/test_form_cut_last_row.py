"""An excerpt that stops right after the first character of a form's last row ('成本指标 | 气'): one character
with nothing beside it names no indicator. Made-up forms, pipe rows and space-separated lines."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import only_project, run

ROWS = [
    ["项目支出绩效自评表"],
    ["项目名称", "某乡镇垃圾转运站运维"],
    ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "20", "20", "19", "10", "95%", "9.5"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "转运生活垃圾", "≥3000吨", "3150吨", "30", "30"],
    ["", "时效指标", "日产日清率", "100%", "100%", "20", "20"],
    ["", "成本指标", "运"],
]


def test_a_row_cut_after_its_first_character_is_no_indicator(tmp_path: Path) -> None:
    for sep in (" | ", " "):
        text = "\n".join(sep.join(c for c in cells if c or sep != " ") for cells in ROWS) + "\n"
        project = only_project(run(tmp_path, text))
        assert [i.name for i in project.indicators] == ["转运生活垃圾", "日产日清率"]
