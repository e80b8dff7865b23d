"""A goal table without 分值/得分 columns that a web page's copy printed with its cells parted by runs of
spaces (the page's cell borders collapsed), each row's empty and merged-over cells left out: the gaps part
the cells, and each row goes under its header by what its first cell is, as in a tab-separated copy. Built
inputs in two wordings and gap widths, and a header whose blank 二级 cell the gaps dropped (the rows show it)."""

from __future__ import annotations

from pathlib import Path

from tests._textforms import only_project, run

FOUR_SPACES = """\
2022年度农村饮水安全维修养护项目绩效自评报告
一、项目基本情况
本项目年度预算资金86万元，全年实际支出86万元，预算执行率100%。
二、绩效目标完成情况
经对照年初设定的绩效目标，项目完成情况如下表：
一级指标    二级指标    指标名称    目标值    实际完成值
产出指标    数量指标    维修供水工程处数    42处    45处
质量指标    维修工程验收合格率    100%    100%
时效指标    维修任务完成时限    2022年11月底前    2022年10月
效益指标    社会效益指标    受益农村人口    ≥3.2万人    3.5万人
满意度指标    服务对象满意度指标    受益群众满意度    ≥90%    93%
三、存在的问题
个别工程维修后管护责任落实不到位。
"""

TWO_SPACES = """\
某县2023年城区绿化提升项目支出绩效自评报告
项目由县住房和城乡建设局实施，资金全部为县级财政资金。
一级指标  二级指标  三级指标  年度指标值  全年实际值  偏差原因
产出指标  数量指标  新增绿地面积  ≥12000平方米  12600平方米
补植行道树  800株  760株  苗木供应延迟
质量指标  苗木成活率  ≥95%  96%
效益指标  生态效益指标  建成区绿化覆盖率  ≥40%  41.2%
满意度指标  服务对象满意度指标  市民满意度  ≥85%  88%
四、下一步工作
加强养护管理。
"""


def read(tmp_path: Path, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    project = only_project(run(tmp_path, text))
    return {i.name: (i.level, i.target.raw if i.target else None, i.actuals[0].raw if i.actuals else None)
            for i in project.indicators}


def test_a_goal_table_parted_by_four_spaces_is_read_row_by_row(tmp_path: Path) -> None:
    rows = read(tmp_path, FOUR_SPACES)
    assert rows == {
        "维修供水工程处数": ("产出/数量", "42处", "45处"),
        "维修工程验收合格率": ("产出/质量", "100%", "100%"),
        "维修任务完成时限": ("产出/时效", "2022年11月底前", "2022年10月"),
        "受益农村人口": ("效益/社会效益", "≥3.2万人", "3.5万人"),
        "受益群众满意度": ("满意度", "≥90%", "93%"),
    }, rows


def test_a_goal_table_parted_by_two_spaces_keeps_its_deviation_reason_out_of_the_figures(tmp_path: Path) -> None:
    rows = read(tmp_path, TWO_SPACES)
    assert rows["补植行道树"] == ("产出/数量", "800株", "760株"), rows
    assert rows["新增绿地面积"] == ("产出/数量", "≥12000平方米", "12600平方米"), rows
    assert rows["苗木成活率"] == ("产出/质量", "≥95%", "96%"), rows
    assert rows["市民满意度"] == ("满意度", "≥85%", "88%"), rows

LOST_LEVEL_CELL = """\
2022年度村道硬化项目绩效自评报告
项目完成情况如下：
绩效指标    一级指标    三级指标    年度指标值    全年完成值    未完成原因
产出指标    数量指标    硬化村道长度    3.6公里    3.6公里
质量指标    工程验收合格率    100%    100%
效益指标    社会效益指标    受益群众人数    1200人    1260人
五、其他说明
无。
"""


def test_a_header_whose_blank_level_cell_the_gaps_dropped_gets_that_column_back(tmp_path: Path) -> None:
    """The header's 二级 cell was blank and its gap dropped it: the rows that open with a 一级 and a 二级 label
    show the column, so '数量指标' is no indicator's name and every figure stays under its own title."""
    rows = read(tmp_path, LOST_LEVEL_CELL)
    assert rows == {
        "硬化村道长度": ("产出/数量", "3.6公里", "3.6公里"),
        "工程验收合格率": ("产出/质量", "100%", "100%"),
        "受益群众人数": ("效益/社会效益", "1200人", "1260人"),
    }, rows
