"""Indicator rows a web page's copy printed with their cells parted by spaces and their empty cells left out,
short of their header's width: each cell goes under the column its kind fits (a comparator under 指标性质, a
unit alone under 度量单位, plain figures under 分值/得分, a percent under a column titled '(%)'), and a cell
that fits two columns equally well is left out rather than read under the wrong one. Built inputs in two
templates and gap widths."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.readers.text.signals import ACTUAL, NATURE, OTHER, REASON, SCORE, TARGET, UNIT, WEIGHT
from reportparse.readers.text.typedcells import typed_cells
from tests._textforms import only_project, run

NATURE_UNIT_FORM = """\
项目支出绩效自评表
项目名称    乡镇污水管网维护经费
主管部门    某县住房和城乡建设局    实施单位    某县排水管理所
绩效指标(90分)  一级指标  二级指标  三级指标  指标性质  指标值  度量单位  完成值  权重  得分  未完成原因分析
产出指标    数量指标    维护管网长度    ≥    40    公里    42    20    20
疏通检查井数量    ≥    300    座    25
质量指标    管网运行完好率    ≥    95    %    97    20    20
效益指标    社会效益指标    污水收集率    ≥    85    %    25
合计    90
"""

COEFFICIENT_FORM = """\
部门整体绩效自评表
主管部门  某区融媒体中心  自评总分(分)  96
指标名称  计量单位  指标性质  年初指标值  调整指标值  全年完成值  得分系数(%)  指标权重(分)  指标得分(分)  是否核心指标
在职人员控制率  %  定量指标  100%  100%  100%  4  4  否
宣传活动场次  场  20场  24场  100%  6  6  是
稿件采编数量  篇  1500篇  100%  5  5  否
新媒体粉丝增长  %  10%  100%  5  5  否
"""


def indicators(tmp_path: Path, text: str) -> dict[str, tuple[str | None, str | None, Decimal | None, Decimal | None]]:
    project = only_project(run(tmp_path, text))
    return {i.name: (i.target.raw if i.target else None, i.actuals[0].raw if i.actuals and i.actuals[0].raw else None,
                     i.weight, i.score)
            for i in project.indicators}


def test_a_row_without_its_result_keeps_its_weight_out_of_the_result(tmp_path: Path) -> None:
    rows = indicators(tmp_path, NATURE_UNIT_FORM)
    assert rows["维护管网长度"][1:] == ("42", Decimal(20), Decimal(20)), rows
    assert rows["疏通检查井数量"][1:] == (None, Decimal(25), None), rows  # 25 is the weight, no result
    assert rows["污水收集率"][1:] == (None, Decimal(25), None), rows
    assert rows["管网运行完好率"][1:] == ("97", Decimal(20), Decimal(20)), rows


def test_a_percent_column_and_a_blank_adjusted_target_put_no_figure_under_the_wrong_title(tmp_path: Path) -> None:
    rows = indicators(tmp_path, COEFFICIENT_FORM)
    assert rows["在职人员控制率"][2:] == (Decimal(4), Decimal(4)), rows
    # 24场 is the result (the 调整 target most often blank), 100% the coefficient, never a result
    assert rows["宣传活动场次"] == ("20场", "24场", Decimal(6), Decimal(6)), rows
    assert rows["稿件采编数量"] == ("1500篇", None, Decimal(5), Decimal(5)), rows
    assert rows["新媒体粉丝增长"] == ("10%", None, Decimal(5), Decimal(5)), rows


def test_typed_cells_lays_a_short_row_by_the_kinds_of_its_cells() -> None:
    roles = [NATURE, TARGET, UNIT, ACTUAL, WEIGHT, SCORE, REASON]
    titles = ["指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "原因"]
    assert typed_cells(titles, roles, ["=", "100", "%", "60"]) == ["=", "100", "%", "", "60", "", ""]
    assert typed_cells(titles, roles, ["=", "4", "万元", "4", "5"]) == ["=", "4", "万元", "4", "5", "", ""]
    assert typed_cells(titles, roles, ["≥", "90", "%", "93", "10", "10"]) == ["≥", "90", "%", "93", "10", "10", ""]
    plain = [TARGET, ACTUAL, WEIGHT, SCORE, REASON]
    assert typed_cells(["目标值", "实际值", "分值", "得分", "偏差原因"], plain, ["逐步提高", "逐步提高"]) == [
        "逐步提高", "逐步提高", "", "", ""]
    assert typed_cells(["年度指标值", "实际完成值", "分值", "得分", "偏差原因"], plain, ["10", "10"]) == [
        "", "", "10", "10", ""]
    assert typed_cells(["指标值", "计量单位"], [TARGET, UNIT], ["5", "个"]) is None  # as wide as its header
    # a last column no column word names, left empty: the row is read as printed, '公里' its unit
    titles, roles = [*titles[:-1], "说明"], [*roles[:-1], OTHER]
    printed = ["≥", "40", "公里", "42", "20", "20"]
    assert typed_cells(titles, roles, printed) == [*printed, ""]

SUB_HEADER_FORM = """\
项目支出绩效自评表
项目名称   村级公益设施维护补助
主管部门   某县财政局   实施单位   某镇人民政府
绩效指标   一级指标   二级指标   三级指标   年度指标值   实际完成值   分值   得分   偏差原因分析及改进措施
指标性质   指标值   度量单位
产出指标   数量指标   维护公益设施数量   ≥   30   处   32   40   40
效益指标   社会 效益指标   群众生活条件   明显改善   明显改善   30   30
满意度指标   服务对象 满意度指标   村民满意度   ≥   90   %   94%   20   20
其他需要说明事项   无   总分   100   100
"""


def test_rows_under_a_split_target_header_keep_a_worded_target_and_stop_at_the_total(tmp_path: Path) -> None:
    """The 年度指标值 split into 指标性质 | 指标值 | 度量单位: a worded target has no comparator or unit, so
    its two cells are the target and the result; a label wrapped in its cell is still a label; the 总分 row,
    opened by another label, is no indicator."""
    rows = indicators(tmp_path, SUB_HEADER_FORM)
    assert rows == {
        "维护公益设施数量": ("≥30处", "32", Decimal(40), Decimal(40)),
        "群众生活条件": ("明显改善", "明显改善", Decimal(30), Decimal(30)),
        "村民满意度": ("≥90%", "94%", Decimal(20), Decimal(20)),
    }, rows

WEIGHT_ONLY_LABELS = """\
项目支出绩效自评表
项目名称{g}乡村道路养护补助
主管部门{g}某县交通运输局{g}实施单位{g}某县公路段
绩效指标{g}一级指标{g}二级指标{g}三级指标{g}年度指标值{g}实际完成值{g}分值{g}得分{g}偏差原因分析及改进措施
产出指标
(60分){g}数量指标{g}指标1:养护道路里程{g}≥85公里{g}88公里{g}30{g}30
指标2:
……
质量指标{g}指标1:路面完好率{g}≥90%{g}93%{g}30{g}30
效益指标
(40分){g}社会效益指标{g}指标1:群众出行条件{g}改善{g}改善{g}40{g}40
"""


def test_a_level_weight_alone_in_its_cell_opens_a_level_and_template_rows_left_empty_are_passed(
        tmp_path: Path) -> None:
    """'(60分)' alone before a 二级 label is the 一级 label's weight, its words on the line above; the template's
    rows left empty ('指标2:', '……') do not end the table. The same in a tab copy and a spaced one."""
    for gap in ("\t", "    "):
        rows = indicators(tmp_path, WEIGHT_ONLY_LABELS.format(g=gap))
        assert rows == {
            "养护道路里程": ("≥85公里", "88公里", Decimal(30), Decimal(30)),
            "路面完好率": ("≥90%", "93%", Decimal(30), Decimal(30)),
            "群众出行条件": ("改善", "改善", Decimal(40), Decimal(40)),
        }, (gap, rows)
