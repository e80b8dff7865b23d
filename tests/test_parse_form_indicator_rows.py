"""Indicator rows of 自评表 forms in the shapes public pages print them: a sub-row printed without a
分值 cell of its own (the row above's merged over it), and indicator rows under a second header (a
bond form's 债券资金 header above the indicator table's own, its 分值 | 得分 one column further right)."""

from __future__ import annotations

import hashlib
from decimal import Decimal
from pathlib import Path

from reportparse import pipeline
from reportparse.model import Project, Report, Source, SourceFormat
from reportparse.parse.form import find_forms, parse_forms
from reportparse.readers.text import read_text


def read(text: str) -> Report:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return parse_forms(find_forms(read_text(Path("f.txt"), data, source)), Report())


def rows(project: Project) -> dict[str, tuple[str, str | None, Decimal | None, Decimal | None]]:
    return {i.name: (i.target.raw if i.target else "", i.actuals[0].raw if i.actuals else None, i.weight, i.score)
            for i in project.indicators}


HEAD = """绩效目标自评表
项目名称 | 某村特色种养奖补项目 | 主管部门 | 县农业农村局 |
资金情况（万元） | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 |
年度资金总额: | 12 | 12 | 10 | 100% | 10 |
"""

#: '|' rows as a web page prints them, each row's trailing empty cells kept ('| ||||').
PADDED_SUB_ROWS = HEAD + """绩效指标 | 一级指标 |
二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施 | ||
产出指标（50分） |
数量指标 | 补助果蔬种植面积 | 20 | 30亩 | 28亩 | 18 | ||||
其中露天蔬菜 | 20亩 | 18亩 | ||||||||
其中大棚蔬菜 | 10亩 | 10亩 | ||||||||
质量指标 | 种植作物成活率 | 10 | 95% | 96% | 10 | ||||
"""

#: The same rows without trailing cells, the header on one line, the 分值 named 权重 and the 实际值
#: 实际完成值; the sub-rows' targets are words.
BARE_SUB_ROWS = HEAD + """一级指标 | 二级指标 | 三级指标 | 权重 | 年度指标值 | 实际完成值 | 得分 | \
偏差原因分析及改进措施
产出指标 | 数量指标 | 新建水泥路 | 30 | 2公里 | 2公里 | 30
其中村内道路 | 全部硬化 | 已硬化
其中连通道路 | 1.2公里 | 1.2公里
质量指标 | 项目验收合格率 | 20 | 100% | 100% | 20
"""


def test_a_sub_row_without_its_weight_cell_keeps_its_result_in_padded_pipe_rows() -> None:
    project, = read(PADDED_SUB_ROWS).projects
    got = rows(project)
    assert got["其中露天蔬菜"] == ("20亩", "18亩", None, None)
    assert got["其中大棚蔬菜"] == ("10亩", "10亩", None, None)
    assert got["补助果蔬种植面积"] == ("30亩", "28亩", Decimal(20), Decimal(18))
    assert got["种植作物成活率"] == ("95%", "96%", Decimal(10), Decimal(10))


def test_a_sub_row_without_its_weight_cell_keeps_its_result_in_bare_pipe_rows() -> None:
    project, = read(BARE_SUB_ROWS).projects
    got = rows(project)
    assert got["其中村内道路"] == ("全部硬化", "已硬化", None, None)
    assert got["其中连通道路"] == ("1.2公里", "1.2公里", None, None)
    assert got["新建水泥路"] == ("2公里", "2公里", Decimal(30), Decimal(30))
    assert got["项目验收合格率"] == ("100%", "100%", Decimal(20), Decimal(20))


def test_a_row_whose_weight_is_a_bare_figure_stays_a_weighted_row() -> None:
    # '其中X | 5 | 5亩' is a weight and a target (no result yet), not a packed sub-row
    project, = read(BARE_SUB_ROWS.replace("其中连通道路 | 1.2公里 | 1.2公里", "其中连通道路 | 5 | 1.2公里")).projects
    assert rows(project)["其中连通道路"] == ("1.2公里", "", Decimal(5), None)


BOND_HEAD = """项目名称 | 某区老旧小区燃气改造工程 | 投向领域 | 老旧小区改造 | ||
项目主管部门 | 区住房和建设局 | 项目单位 | 某街道办事处 | ||
"""

#: A bond form: its 债券资金管理指标 header (实际支出金额 | 下达额度 | 实际完成值 | 分值 | 得分) one column
#: wider than the indicator table's header below it.
BOND_PADDED = BOND_HEAD + """当年绩效指标 | 债券资金管理指标(10分) | 总体支出进度 | 实际支出 金额 | \
下达 额度 | 实际 完成值 | 分值 | 得分 | 偏差原因分析 及改进措施 |
1,437 | 1,437 | 1,437 | 10 | 10 | ||||
一级指标 | 二级指标 | 三级指标 | 目标值 | 实际 完成值 | 分值 | 得分 | 偏差原因分析 及改进措施 | |
产出指标 (50分) | 数量指标 | 改造住宅小区数 | 12个 | 12个 | 10 | 10 | ||
改造户数 | 1785套 | 1806套 | 5 | 5 | ||||
质量指标 | 工程竣工验收合格率 | 100% | 100% | 5 | 4 | |||
"""

#: The same form with the indicator header's 分值 named 权重, its 得分 自评得分, and no trailing cells.
BOND_BARE = BOND_HEAD + """当年绩效指标 | 债券资金管理指标(10分) | 总体支出进度 | 实际支出金额 | \
下达额度 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
1,437 | 1,437 | 1,437 | 10 | 10
一级指标 | 二级指标 | 三级指标 | 目标值 | 实际完成值 | 权重 | 自评得分 | 偏差原因分析及改进措施
产出指标 (50分) | 数量指标 | 改造住宅小区数 | 12个 | 12个 | 10 | 10
改造户数 | 1785套 | 1806套 | 5 | 5
质量指标 | 工程竣工验收合格率 | 100% | 100% | 5 | 4
"""


def test_rows_under_a_second_header_take_its_weight_and_score_columns() -> None:
    for text in (BOND_PADDED, BOND_BARE):
        project, = read(text).projects
        assert rows(project) == {
            "改造住宅小区数": ("12个", "12个", Decimal(10), Decimal(10)),
            "改造户数": ("1785套", "1806套", Decimal(5), Decimal(5)),
            "工程竣工验收合格率": ("100%", "100%", Decimal(5), Decimal(4)),
        }, text


#: A form whose dump ran every row's cells together, one row a line (an OCR'd page), without 分值/得分:
#: a result in words equal to its target prints the words twice after the name.
RUN_ROWS = """2023年度项目支出绩效自评表
专项(项目)名称农村道路养护补助资金
主管部门某县交通运输局
项目资金(万元)全年预算数全年执行数执行率
年度资金总额30万元29.595.00%
绩效指标一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施
产出指标数量指标养护道路里程≥20公里21公里
质量指标路面完好率≥90%95%
效益指标社会效益指标群众出行条件改善明显改善明显改善
满意度指标服务对象满意度指标沿线群众满意度≥90%96%
"""

#: A document-sharing site's preview: the whole form one run, each row ending in its 得分.
RUN_PREVIEW = """某县财政项目绩效自评表.docx
1、2022年度财政项目绩效自评表单位名称:某县人民医院项目名称医疗设备购置补助主管部门某县卫生健康局\
预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额500500100%20\
一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分产出指标数量指标购置设备台数12台12台20\
质量指标资金使用合规专款专用专款专用20效益指标社会效益指标群众就医条件改善有效改善有效改善20\
满意度指标服务对象满意度指标患者满意度≥90%93%20总分100
"""


def parsed(text: str) -> Report:
    data = text.encode("utf-8")
    source = Source(path="f.txt", format=SourceFormat.TEXT, sha256=hashlib.sha256(data).hexdigest(), pages=1)
    return pipeline.parse(read_text(Path("f.txt"), data, source))


def test_a_result_in_words_printed_twice_after_the_name_is_the_target_and_result_one_row_a_line() -> None:
    project, = parsed(RUN_ROWS).projects
    got = rows(project)
    assert got["群众出行条件改善"] == ("明显改善", "明显改善", None, None)
    assert got["养护道路里程"] == ("≥20公里", "21公里", None, None)
    assert not any("明显改善明显改善" in name for name in got)


def test_a_result_in_words_printed_twice_after_the_name_is_the_target_and_result_in_a_preview_run() -> None:
    project, = parsed(RUN_PREVIEW).projects
    got = rows(project)
    assert got["资金使用合规"] == ("专款专用", "专款专用", None, Decimal(20))
    assert got["群众就医条件改善"] == ("有效改善", "有效改善", None, Decimal(20))
    assert got["购置设备台数"] == ("12台", "12台", None, Decimal(20))


def test_a_name_ending_in_a_repeated_character_that_is_no_answer_stays_whole() -> None:
    project, = parsed(RUN_ROWS.replace("沿线群众满意度≥90%96%", "人人参保率≥90%96%")).projects
    assert rows(project)["人人参保率"] == ("≥90%", "96%", None, None)


#: A form whose result column is titled 实施进度 ('|' cells, a 备注 column after it).
PROGRESS_FORM = """项目支出绩效自评表
项目名称 | 文明城市创建专项经费 | 主管部门 | 县市场监督管理局 |
项目资金(万元) | 全年预算数 | 全年执行数 | 执行率 |
年度资金总额 | 10 | 10 | 100% |
一级指标 | 二级指标 | 三级指标 | 指标值 | 实施进度 | 备注 |
产出指标 | 数量指标 | 宣传次数 | 至少2次 | 已完成3次 | |
效益指标 | 社会效益指标 | 消费者维权意识 | 不断提升 | 已提升 | |
"""

#: A report's goal table whose result column is titled 完成进度.
PROGRESS_REPORT = """某县文明城市创建专项资金项目绩效自评报告
一、项目基本情况
(一)项目绩效目标
项目年度绩效目标如下:
一级指标 | 二级指标 | 三级指标 | 指标值 | 完成进度 |
产出指标 | 数量指标 | 宣传次数 | 至少全年完成2次宣传 | 已完成100% |
产出指标 | 成本指标 | 成本 | 10万元 | 已完成100% |
满意度指标 | 满意度指标 | 群众满意度 | 90% | 已完成100% |
二、项目资金使用情况
批复下达预算资金10万元,已全部支出。
"""


def test_a_progress_column_is_the_rows_result_in_a_form_and_in_a_report() -> None:
    project, = parsed(PROGRESS_FORM).projects
    assert rows(project) == {"宣传次数": ("至少2次", "已完成3次", None, None),
                             "消费者维权意识": ("不断提升", "已提升", None, None)}
    project, = parsed(PROGRESS_REPORT).projects
    got = rows(project)
    assert got["宣传次数"] == ("至少全年完成2次宣传", "已完成100%", None, None)
    assert got["群众满意度"] == ("90%", "已完成100%", None, None)


#: The goal table the form and the report below both print, one cell a line (see ONE_CELL_FORM).
GOAL_TABLE_CELLS = """一级指标 |
二级指标 |
三级指标 |
年度指标值 |
实际完成值 |
分值 |
得分 |
偏差原因分析及改进措施 |
|
产出指标 |
数量指标 |
新建收容所面积 |
≥200平方米 |
204平方米 |
20 |
20 |
无 |
数量指标 |
圈养围栏长度 |
≥120米 |
121米 |
20 |
20 |
无 |
时效指标 |
项目完工时限 |
2023年12月 |
2023年10月 |
10 |
10 |
无 |
效益指标 |
社会效益指标 |
提供务工岗位 |
≥5个 |
5个 |
20 |
20 |
无 |
可持续影响指标 |
设施使用年限 |
≥15年 |
15年 |
20 |
20 |
无 |
满意度指标 |
服务对象满意度指标 |
受益农户满意度 |
≥90% |
95% |
10 |
10 |
无 |
"""

#: A form dumped one cell a line, each cell closed by '|', the header row closed by a lone '|': the
#: indicator rows leave out the level cells merged down from above, so they are shorter than the header.
ONE_CELL_FORM = """项目支出绩效自评表 |
项目名称 |
野生动物收容所建设项目 |
主管部门 |
某区林业和草原局 |
实施单位 |
某区林业和草原局 |
项目资金(万元) |
年初预算数 |
全年预算数 |
全年执行数 |
分值 |
执行率 |
得分 |
年度资金总额 |
32.4 |
32.4 |
31.69 |
10 |
97.80% |
9 |
年度总体目标 |
预期目标 |
实际完成情况 |
新建收容所1间200平方米 |
完成收容所1间204平方米 |
绩效指标 |
""" + GOAL_TABLE_CELLS

#: A report's goal table dumped the same way, the prose going on after it.
ONE_CELL_REPORT = """某区野生动物收容所建设项目绩效自评报告
一、项目概况
本项目年初预算32.4万元,全年执行31.69万元。
二、绩效目标完成情况
""" + GOAL_TABLE_CELLS + """三、存在问题
无。
"""

ONE_CELL_ROWS = {
    "新建收容所面积": ("≥200平方米", "204平方米", Decimal(20), Decimal(20)),
    "圈养围栏长度": ("≥120米", "121米", Decimal(20), Decimal(20)),
    "项目完工时限": ("2023年12月", "2023年10月", Decimal(10), Decimal(10)),
    "提供务工岗位": ("≥5个", "5个", Decimal(20), Decimal(20)),
    "设施使用年限": ("≥15年", "15年", Decimal(20), Decimal(20)),
    "受益农户满意度": ("≥90%", "95%", Decimal(10), Decimal(10)),
}


def test_one_cell_a_line_rows_shorter_than_the_header_are_read_whole_in_a_form_and_in_a_report() -> None:
    for text in (ONE_CELL_FORM, ONE_CELL_REPORT):
        project, = parsed(text).projects
        assert rows(project) == ONE_CELL_ROWS, text[:20]  # no row made of two rows' cells
        levels = {i.name: i.level for i in project.indicators}
        assert levels["项目完工时限"] == "产出/时效" and levels["设施使用年限"] == "效益/可持续影响"


#: A web page's form whose indicator rows lost their merged 一级/二级 cells altogether, a line holding only
#: '|' between the header and the rows (the text reader makes two tables of them).
ROWS_PARTED_BY_A_BAR = """2023年某某国有林场新建野生动物收容所建设项目支出绩效自评表
来源:
作者: 时间:2023-12-01 点击率:
项目支出绩效自评表 |
| ( 2023年度) |
项目名称 | 2023年某某国有林场新建野生动物收容所建设项目 |
主管部门 | 某区林业和草原局 | 实施单位 | 某区林业和草原局 |
项目资金 (万元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 |
| 32.4 | 31.69 | 10 | 97.80% | 9 |
其中:当年财政拨款 |
| 32.4 | 31.69 | 10 | 97.80% | 9 |
年度 总体 目标 | 预期目标 | 实际完成情况 |
新建某某国有林场临时野生动物收容所1间200平方米,钢结构圈养围栏120米,能同时收容近百头(只)野生动物。 | \
完成某某国有林场临时野生动物收容所1间200平方米,钢结构圈养围栏120米,能同时收容近百头(只)野生动物。 |
|
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |
|
野生动物收容所 | ≥200平方米 | 204.46平方米 | 10 | 10 | 无 |
钢结构圈养围栏 | ≥120米 | 121.5米 | 10 | 10 | 无 |
项目完工时限 | 2023年12月 | 2023年10月 | 15 | 15 | 无 |
项目竣工验收率 | 100% | 100% | 15 | 15 | 无 |
务工人员年人均增收 | ≥8400元 | 8400元 | 10 | 10 | 无 |
提供务工岗位 | ≥5个 | 5个 | 10 | 10 | 无 |
项目建成后可持续影响年限 | ≥15年 | 15年 | 10 | 10 | 无 |
受益农户满意度 |
"""

#: The same rows parted from the header by a blank line, each row opened by '|'.
ROWS_PARTED_BY_A_BLANK = """2023年某某国有林场新建野生动物收容所建设项目支出绩效自评表
来源:
作者: 时间:2023-12-01 点击率:
项目支出绩效自评表 |
| ( 2023年度) |
项目名称 | 2023年某某国有林场新建野生动物收容所建设项目 |
主管部门 | 某区林业和草原局 | 实施单位 | 某区林业和草原局 |
项目资金 (万元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 |
| 32.4 | 31.69 | 10 | 97.80% | 9 |
其中:当年财政拨款 |
| 32.4 | 31.69 | 10 | 97.80% | 9 |
年度 总体 目标 | 预期目标 | 实际完成情况 |
新建某某国有林场临时野生动物收容所1间200平方米,钢结构圈养围栏120米,能同时收容近百头(只)野生动物。 | \
完成某某国有林场临时野生动物收容所1间200平方米,钢结构圈养围栏120米,能同时收容近百头(只)野生动物。 |
|
绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |

| 野生动物收容所 | ≥200平方米 | 204.46平方米 | 10 | 10 | 无 |
| 钢结构圈养围栏 | ≥120米 | 121.5米 | 10 | 10 | 无 |
| 项目完工时限 | 2023年12月 | 2023年10月 | 15 | 15 | 无 |
| 项目竣工验收率 | 100% | 100% | 15 | 15 | 无 |
| 务工人员年人均增收 | ≥8400元 | 8400元 | 10 | 10 | 无 |
| 提供务工岗位 | ≥5个 | 5个 | 10 | 10 | 无 |
| 项目建成后可持续影响年限 | ≥15年 | 15年 | 10 | 10 | 无 |
| 受益农户满意度 |
"""


def test_the_rows_of_a_header_that_ended_its_table_are_the_forms_rows() -> None:
    for text in (ROWS_PARTED_BY_A_BAR, ROWS_PARTED_BY_A_BLANK):
        project, = parsed(text).projects
        got = rows(project)
        assert len(got) == 7, text[-300:]
        assert got["野生动物收容所"] == ("≥200平方米", "204.46平方米", Decimal(10), Decimal(10))
        assert got["项目完工时限"] == ("2023年12月", "2023年10月", Decimal(15), Decimal(15))
        assert got["项目建成后可持续影响年限"] == ("≥15年", "15年", Decimal(10), Decimal(10))


#: A form (a county school's 营养改善计划) dumped one cell a line: its 其他需要说明事项 | 无 field sits among
#: the rows, before the 总分.
FOOTER_ONE_CELL = """2022年度项目支出绩效自评表 |
部门:临沧市永德县明朗中学 |
|
|
|
|
|
公开14表 |
项目名称 |
义务教育营养改善计划专项资金 |
主管部门 |
永德县教育体育局 |
实施单位 |
永德县明朗中学 |
项目资金 (元) |
|
年初预算数 |
全年预算数 |
全年执行数 |
分值 |
执行率 |
得分 |
年度资金总额 |
|
387664.62 |
387664.62 |
10 |
100% |
10 |
其中:当年财政 拨款 |
|
387664.62 |
387664.62 |
— |
|
— |
上年结转 资金 |
|
|
|
— |
|
— |
其他资金 |
— |
— |
— |
— |
|
— |
年度 总体 目标 |
预期目标 |
实际完成情况 |
确保每一个学生都能享受到国家政策福利,改善学生体质 |
确保每一个学生都能享受到国家政策福利,改善学生体质 |
绩效指标 |
年度指标值 |
实际完成值 |
分值 |
得分 |
偏差原因分析及改进措施 |
一级指标 |
二级指标 |
三级指标 |
指标性质 |
指标值 |
度量单位 |
产出指标 |
数量指标 |
学生受资助人数 |
≧ |
735 |
人次 |
735 |
10 |
10 |
|
质量指标 |
营养改善计划覆盖率 |
≧ |
100 |
% |
100% |
10 |
10 |
|
时效指标 |
资金到位及时率 |
≧ |
100 |
% |
100% |
10 |
7 |
|
成本指标 |
生均补助标准达标率 |
═ |
100 |
% |
100% |
10 |
10 |
|
效益指标 |
经济效益 指标 |
减轻贫困学生家庭经济负担 |
|
有效 |
|
有效 |
10 |
10 |
|
社会效益 指标 |
政策知晓率 |
═ |
100 |
% |
98% |
10 |
9 |
|
生态效益 指标 |
|
|
|
|
|
|
|
|
可持续影响 指标 |
促进学校教育事业健康发展 |
≧ |
100 |
% |
100% |
10 |
10 |
|
满意度指标 |
服务对象满意度指标等 |
学生满意度 |
≧ |
95 |
% |
100% |
10 |
10 |
|
家长满意度 |
≧ |
95 |
% |
100% |
10 |
10 |
|
其他需要说明事项 |
无 |
总分 |
100 |
96 |
优 |
|
"""

#: The same form as the page printed it, '|' rows.
FOOTER_PIPE = """2022年度项目支出绩效自评表 | 部门:临沧市永德县明朗中学 |
|
|
|
|
| 公开14表 | 项目名称 | 义务教育营养改善计划专项资金 | 主管部门 | 永德县教育体育局 | 实施单位 | \
永德县明朗中学 | 项目资金 (元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |
| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |
| 387664.62 | 387664.62 | — |
| — | 上年结转 资金 |
|
|
| — |
| — | 其他资金 | — | — | — | — |
| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 确保每一个学生都能享受到国家政策福利,改善学生体质 | \
确保每一个学生都能享受到国家政策福利,改善学生体质 | 绩效指标 | \
年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | \
指标值 | 度量单位 | 产出指标 | 数量指标 | \
学生受资助人数 | ≧ | 735 | 人次 | 735 | 10 | 10 |
| 质量指标 | 营养改善计划覆盖率 | ≧ | 100 | % | 100% | 10 | 10 |
| 时效指标 | 资金到位及时率 | ≧ | 100 | % | 100% | 10 | 7 |
| 成本指标 | 生均补助标准达标率 | ═ | 100 | % | 100% | 10 | 10 |
| 效益指标 | 经济效益 指标 | 减轻贫困学生家庭经济负担 |
| 有效 |
| 有效 | 10 | 10 |
| 社会效益 指标 | 政策知晓率 | ═ | 100 | % | 98% | 10 | 9 |
| 生态效益 指标 |
|
|
|
|
|
|
|
| 可持续影响 指标 | 促进学校教育事业健康发展 | ≧ | 100 | % | 100% | 10 | 10 |
| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | ≧ | 95 | % | 100% | 10 | 10 |
| 家长满意度 | ≧ | 95 | % | 100% | 10 | 10 |
| 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 |
|
"""


def test_a_field_under_the_table_is_no_indicator_in_either_layout() -> None:
    for text in (FOOTER_ONE_CELL, FOOTER_PIPE):
        project, = parsed(text).projects
        got = rows(project)
        assert "其他需要说明事项" not in got and len(got) == 9, text[:30]
        assert got["家长满意度"] == ("≧95%", "100%", Decimal(10), Decimal(10))
