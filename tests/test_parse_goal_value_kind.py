"""A goal table's column of the kind of each target (指标值类型 or 指标性质 holding 定量 / 定性) is no part of the
target, and never the target's column; a comparator in 指标性质 (≥, ≤) still is. Made-up tables, pipe rows."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests._textforms import run


def _targets(tmp_path: Path, text: str) -> dict[str, tuple[str, Decimal | None]]:
    report = run(tmp_path, text).report
    assert report is not None
    return {i.name: (i.target.raw if i.target else "", i.target.value if i.target else None)
            for p in report.projects for i in p.indicators}


KIND_BEFORE_VALUE = """某区城市管理局2024年度整体绩效目标表
部门(单位)名称 | 某区城市管理局 |
一级指标 | 二级指标 | 三级指标 | 指标值类型 | *指标值 | 计量单位 | *指标解释 |
产出指标 | 数量指标 | 道路保洁面积 | 定量 | 120 | 万平方米 | 考察保洁面积 |
质量指标 | 垃圾清运及时率 | 定量 | 98 | % | 考察清运情况 |
效益指标 | 社会效益指标 | 市容环境 | 定性 | 明显改善 | | 考察市容变化 |
"""

KIND_AS_NATURE = """某县图书馆免费开放项目绩效目标表
一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 |
产出指标 | 数量指标 | 开放天数 | 定量 | 300 | 天 |
产出指标 | 质量指标 | 图书完好率 | ≥ | 95 | % |
"""


def test_the_kind_column_before_the_value_is_not_the_target(tmp_path: Path) -> None:
    found = _targets(tmp_path, KIND_BEFORE_VALUE)
    assert found["道路保洁面积"] == ("120", Decimal("120"))
    assert found["垃圾清运及时率"][1] == Decimal("98")
    assert found["市容环境"][0] == "明显改善"


def test_a_kind_in_the_nature_column_is_no_comparator(tmp_path: Path) -> None:
    found = _targets(tmp_path, KIND_AS_NATURE)
    assert found["开放天数"][0] == "300"  # (not '定量300')
    assert found["图书完好率"][0].startswith("≥")


def test_the_form_label_table_files_the_kind_column_as_the_nature() -> None:
    from reportparse.parse.form.labels import matches

    assert matches("indicator.nature", "指标值类型")
    assert not matches("indicator.target", "指标值类型")
    assert matches("indicator.target", "指标值") and matches("indicator.target", "年度指标值")


def _rule_table(sep: str) -> str:
    rows = [
        ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "评分标准"],
        ["产出指标", "数量指标", "巡河次数", "48", "次", "未达指标值按比例扣分"],
        ["", "质量指标", "问题整改率", "100", "%", "未达指标值按比例扣分"],
        # a row whose empty cells the dump dropped: its rule slid into the name column
        ["效益指标", "生态效益指标", "未达指标值按比例扣分"],
        ["", "社会效益指标", "河道水质达标率", "90", "%", "未达指标值按比例扣分"],
    ]
    return "某镇河长制工作经费绩效目标表\n" + "\n".join(sep.join(cells) + sep.rstrip() for cells in rows) + "\n"


def test_a_rule_printed_on_every_row_is_no_indicator_name(tmp_path: Path) -> None:
    for sep in (" | ", "\t"):
        found = _targets(tmp_path, _rule_table(sep))
        assert set(found) == {"巡河次数", "问题整改率", "河道水质达标率"}, found
