"""Forms flattened into text whose layout broke labels over lines: a level label printed down its merged
cell one character a line (its last character on the row's line), a 二级 label whose 指标 wrapped onto
the next row, the 项目资金 header's last labels wrapped under it, and a scored 资金管理情况 table right
after the 项目资金 block. Inputs are built in those shapes with made-up names and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import Line
from reportparse.parse.form.splitlabels import join_split_labels
from tests._textforms import amount, only_project, run


def _texts(lines: list[str]) -> list[str]:
    return [line.text for line in join_split_labels([Line(text=t, page=1, line=n) for n, t in enumerate(lines, 1)])]


def test_vertical_level_label_joins_the_row_it_opens() -> None:
    assert _texts(["产", "出", "指", "标 数量指标 新建公厕 ≥6座 6座 20 20"]) == [
        "产出指标 数量指标 新建公厕 ≥6座 6座 20 20"]
    assert _texts(["满", "意", "度", "指", "标 服务对象满意度指标 群众满意度 ≥90% 93% 10 10"]) == [
        "满意度指标 服务对象满意度指标 群众满意度 ≥90% 93% 10 10"]


def test_vertical_level_label_with_its_row_on_the_next_line() -> None:
    assert _texts(["效", "益", "指", "标", "社会效益指标 受益人次 ≥500人次 520人次 10 10"]) == [
        "效益指标 社会效益指标 受益人次 ≥500人次 520人次 10 10"]
    # a lone character is no label: one line stays one line
    assert _texts(["产", "数量指标 新建公厕 ≥6座 6座 20 20"]) == ["产", "数量指标 新建公厕 ≥6座 6座 20 20"]


def test_one_character_lines_that_make_no_level_label_stay_as_they_are() -> None:
    assert _texts(["注", "表 1 为示例"]) == ["注", "表 1 为示例"]
    assert _texts(["质量指标 合格率 100% 100% 10 10", "完"]) == ["质量指标 合格率 100% 100% 10 10", "完"]


def test_level_two_label_whose_suffix_wrapped_takes_it_back() -> None:
    assert _texts(["效益指标 社会效益", "指标 受益农户 ≥300户 312户 10 10"]) == [
        "效益指标 社会效益指标", "受益农户 ≥300户 312户 10 10"]
    # an indicator whose own name is 指标… is left alone where the line above ends in no label stem
    assert _texts(["数量指标 巡查次数 12次 12次 5 5", "指标 完成率 100% 100% 5 5"]) == [
        "数量指标 巡查次数 12次 12次 5 5", "指标 完成率 100% 100% 5 5"]


TRANSFER_FORM = """某县文化惠民补助资金转移支付区域(项目)绩效自评表
( 2024 年度)
转移支付(项目)名称 某县文化惠民补助资金
地方主管部门 某县文化和旅游局 资金使用单位 某县文化馆
资金投入情况
(万元) 全年预算数( A ) 全年执行数( B ) 分值 预算执行率
( B/A×100%) 得分
年度资金总额: 12 12 10 100% 10
其中:中央财政资金 12 12 ——
地方财政资金 ——
资金管理情况 情况说明 分值 得分 存在问题和改进措施
分配科学性 按场次分配 8 8
下达及时性 按时下达 7 7
使用规范性 专款专用 7 6
总体目标完成情况 年初设定目标 全年实际完成情况
开展送戏下乡演出。 全年演出40场。
绩 效 指 标 一级指标 二级指标 三级指标 年度指标值 全年完成值 分值 得分 未完成原因和改进措施
产
出
指
标 数量指标 送戏下乡场次 ≥40场 40场 20 20
质量指标 演出合格率 100% 100% 10 10
效
益
指
标 社会效益
指标 受益群众人次 ≥8000人次 8600人次 10 10
"""


def test_transfer_form_with_split_labels_and_a_scored_management_table(tmp_path: Path) -> None:
    result = run(tmp_path, TRANSFER_FORM)
    project = only_project(result)
    assert project.name == "某县文化惠民补助资金"
    assert amount(project.budget.planned) == Decimal("120000")
    assert project.budget.score == Decimal("10")  # the 得分 label wrapped under the header still names its column
    # the management criteria scored 8 | 8 … are no sources of the fund
    assert [row.label for row in project.budget.sub_rows] == ["其中:中央财政资金", "地方财政资金"]
    assert not [f for f in result.findings if f.code == "fund-sum-mismatch"]
    rows = {i.name: (i.level, i.weight, i.score) for i in project.indicators}
    assert rows == {
        "送戏下乡场次": ("产出/数量", Decimal("20"), Decimal("20")),
        "演出合格率": ("产出/质量", Decimal("10"), Decimal("10")),
        "受益群众人次": ("效益/社会效益", Decimal("10"), Decimal("10")),
    }


PIPE_FORM = """项目支出绩效自评表 |
项目名称 | 某镇集中供水运维经费 |
主管部门 | 某县水务局 | 实施单位 | 某镇人民政府 |
项目资金(万元) | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |
年度资金总额 | 30 | 27 | 10 | 90% | 9 |
其中:财政拨款 | 30 | 27 |
资金管理情况 | 情况说明 | 分值 | 得分 |
拨付合规性 | 合规 | 5 | 5 |
执行准确性 | 准确 | 5 | 4 |
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
产出指标 | 数量指标 | 维护供水站 | 4座 | 4座 | 30 | 30 |
"""


def test_scored_table_after_the_fund_block_in_pipe_rows(tmp_path: Path) -> None:
    result = run(tmp_path, PIPE_FORM)
    project = only_project(result)
    assert amount(project.budget.executed) == Decimal("270000")
    assert [row.label for row in project.budget.sub_rows] == ["其中:财政拨款"]
    assert not [f for f in result.findings if f.code == "fund-sum-mismatch"]


WRAPPED_FUND_HEADER = """项目支出绩效自评表
项目名称 某社区日间照料运营补助
主管部门 某区民政局 实施单位 某街道办事处
项目资金(万元) 年初预算数 全年预算数 全年执行数 执行率
分值 得分
年度资金总额 18 18 16.2 90% 10 9
其中:当年财政拨款 18 18 16.2
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 服务老人人次 ≥5000人次 5200人次 40 40
"""


def test_fund_header_whose_last_labels_wrapped(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, WRAPPED_FUND_HEADER))
    assert amount(project.budget.executed) == Decimal("162000")
    assert (project.budget.weight, project.budget.score) == (Decimal("10"), Decimal("9"))
