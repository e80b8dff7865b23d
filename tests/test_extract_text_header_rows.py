"""Text tables whose header the text readers must see for what it is, whatever the hand that printed it:
labels in traditional characters ('三級指標', '指標性質' under a 年度指標值 span), a header printed in two
rows below a fund block's last rows (which are no pieces of it), and a layout dump whose blank middle
column (指标性质 left empty) is a wider gap, not a missing cell. Built inputs in those shapes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.readers.text.delimited import split_delimited
from reportparse.readers.text.signals import column_words, level_of
from tests._textforms import only_project, run

TRADITIONAL = (
    "2023年度項目支出績效自評表\n"
    "項目名稱\t鄉村圖書室運行補助\n"
    "主管部門\t某縣文化和旅遊局\t實施單位\t某縣圖書館\n"
    "項目資金(萬元)\t年初預算數\t全年預算數\t全年執行數\t分值\t執行率\t得分\n"
    "年度資金總額\t20\t20\t20\t10\t100%\t10\n"
    "績效指標\t一級指標\t二級指標\t三級指標\t年度指標值\t實際完成值\t分值\t得分\t偏差原因分析及改進措施\n"
    "指標性質\t指標值\t度量單位\n"
    "產出指標\t數量指標\t圖書室開放數量\t≥\t12\t個\t12\t30\t30\n"
    "質量指標\t圖書借閱登記率\t≥\t95\t%\t97%\t30\t30\n"
    "效益指標\t社會效益指標\t讀者到館人次\t≥\t3000\t人次\t3200\t30\t30\n"
)

TWO_ROW_HEADER = (
    "项目支出绩效自评表\n"
    "项目名称\t村级河道保洁经费\n"
    "主管部门\t某县水利局\t实施单位\t某县河道管理站\n"
    "项目资金(万元)\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t\t36\t36\t36\t10\t100%\t10\n"
    "上年结转资金\n"
    "其他资金\n"
    "年度总体目标\t预期目标\t实际完成情况\n"
    "完成河道保洁\t完成河道保洁\n"
    "绩效指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
    "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\n"
    "产出指标\t数量指标\t保洁河道长度\t≥\t120\t公里\t125\t30\t30\n"
    "质量指标\t保洁验收合格率\t≥\t95\t%\t96\t30\t30\n"
    "效益指标\t生态效益指标\t河面漂浮物减少率\t≥\t80\t%\t85\t30\t28\n"
)

BLANK_MIDDLE_COLUMN = """\
部门整体绩效自评表
主管部门            某县教育局
指标名称            计量单位  指标性质  年初指标值  全年完成值  指标权重(分)  指标得分(分)
财政供养人员控制率  %         定量指标  100%        100%        2             2
基础信息完善度      %                   100%        100%        2             2
预算完成率          %                   90%         95%         4             4
政府采购执行率      %                   100%        100%        4             4
"""


def rows_of(tmp_path: Path, text: str) -> dict[str, tuple[str, Decimal | None, Decimal | None]]:
    project = only_project(run(tmp_path, text))
    return {i.name: (i.level, i.weight, i.score) for i in project.indicators}


def test_traditional_labels_are_column_words_and_level_labels() -> None:
    assert column_words("三級指標") and column_words("指標性質") and column_words("實際完成值")
    assert level_of("產出指標") == 1 and level_of("質量指標") == 2 and level_of("社會效益指標") == 2


def test_a_form_in_traditional_characters_is_placed_under_its_header(tmp_path: Path) -> None:
    rows = rows_of(tmp_path, TRADITIONAL)
    assert rows == {"图书室开放数量": ("产出/数量", Decimal(30), Decimal(30)),  # (names read in simplified)
                    "图书借阅登记率": ("产出/质量", Decimal(30), Decimal(30)),
                    "读者到馆人次": ("效益/社会效益", Decimal(30), Decimal(30))}, rows


def test_a_two_row_header_after_the_fund_block_is_not_joined_to_its_rows(tmp_path: Path) -> None:
    """'上年结转资金', '其他资金' and the goal rows are short tab rows like a header's broken pieces, but a
    whole header row after them shows they were none: the header's 分值 and 得分 columns are kept."""
    rows = rows_of(tmp_path, TWO_ROW_HEADER)
    assert rows == {"保洁河道长度": ("产出/数量", Decimal(30), Decimal(30)),
                    "保洁验收合格率": ("产出/质量", Decimal(30), Decimal(30)),
                    "河面漂浮物减少率": ("效益/生态效益", Decimal(30), Decimal(28))}, rows


def test_a_blank_middle_column_of_a_layout_dump_is_an_empty_cell(tmp_path: Path) -> None:
    rows = rows_of(tmp_path, BLANK_MIDDLE_COLUMN)
    assert {name: (weight, score) for name, (_, weight, score) in rows.items()} == {
        "财政供养人员控制率": (Decimal(2), Decimal(2)), "基础信息完善度": (Decimal(2), Decimal(2)),
        "预算完成率": (Decimal(4), Decimal(4)), "政府采购执行率": (Decimal(4), Decimal(4))}, rows


def test_a_label_spread_over_its_tab_cell_is_read_closed_up() -> None:
    assert split_delimited("绩 效 指 标\t一 级 指 标\t年度 指标值\t2、延续性 □") == [
        "绩效指标", "一级指标", "年度 指标值", "2、延续性 □"]  # only a label spaced character by character


def test_a_row_opening_with_a_bar_under_rows_that_do_not_has_an_empty_first_cell() -> None:
    """An OCR'd form pasted as text: the header and the first row of a level open with a cell, the rows under
    them with '|' — the level cell left empty, not a border; the columns stay in place."""
    from tests.test_parse_summary_tables import _tables, _text

    for text, second in [
        ("一级指标 | 二级指标 | 指标名称 | 目标值 | 完成值 |\n产出指标 | 数量指标 | 培训人次 | 800 | 812 |\n"
         "| | 培训班次 | 16期 | 16期 |\n| 质量指标 | 结业合格率 | 95% | 97% |\n",
         ["培训班次", "16期", "16期"]),
        ("层级｜类别｜名称｜年初目标｜实际完成｜\n效益指标｜社会效益｜受益户数｜300户｜316户｜\n｜｜带动就业｜20人｜22人｜\n",
         ["带动就业", "20人", "22人"]),
    ]:
        table = _tables(_text(text))[0]
        assert len(table[2]) == 5 and table[2][2:] == second, table  # (its level cells, empty, filled from above)


def test_bordered_rows_under_a_header_without_borders_keep_their_columns() -> None:
    from tests.test_parse_summary_tables import _tables, _text

    table = _tables(_text("名称 | 金额 |\n| 路灯维修 | 6 |\n| 河道清淤 | 9 |\n"))[0]
    assert table[1:] == [["路灯维修", "6"], ["河道清淤", "9"]]
