"""A 项目支出绩效自评表 flattened into text whose header lines stand apart (a title, '项目名称X' or '项目名称：X' on its
own line, '主管部门…实施单位…', the 项目资金 block printed with spaces: '年度资金总额 60 60 58.5 10 97.5% 9.75') while
its indicator block runs every row together ('一级指标二级指标三级指标年度指标值实际完成值分值得分…' over
'产出指标数量指标维修处数≥45处48处2020'). The indicator rows are read under the project the 项目名称 line names,
with the 资金 lines' budget. Hand-written forms in several layouts; no corpus document's text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import Indicator, Project
from reportparse.parse.form.fundrun import total_pair
from reportparse.parse.form.runcells import figure_at, worded_pair
from reportparse.readers.text.headers import rows_run_together
from reportparse.readers.text.lines import PhysLine
from tests._textforms import amount, only_project, run

HEADER = "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"

GLUED_NAME = f"""2023年度项目支出绩效自评表
项目名称乡村污水处理设施运维
主管部门县生态环境局实施单位县环境监测站
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 40 40 39 10 97.5% 9.75
{HEADER}
产出指标数量指标运维污水处理站点数≥30个31个2020
质量指标出水水质达标率≥90%93%1010
时效指标故障处置及时率100%100%1010
成本指标单站年运维成本≤1.3万元1.25万元1010
效益指标生态效益指标化学需氧量削减量≥50吨52吨2020
可持续影响指标设施正常运行年限≥3年3年1010
满意度指标服务对象满意度指标周边群众满意度≥90%96%109个别站点异味投诉
总分10098.75
"""

SPACED_NAME = f"""项目支出绩效自评表
项目名称 农村电商服务站建设
主管部门 县商务局    实施单位 县电子商务服务中心
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 120 150 144 10 96% 9.6
其中：当年财政拨款 120 150 144 — 96% —
其他资金 0 0 0 — — —
{HEADER}
产出指标数量指标新建村级服务站≥20个22个2020
培训电商从业人员≥300人次320人次1010
质量指标服务站验收合格率100%100%1010
效益指标经济效益指标农产品网销额增长有所增长增长明显2020
满意度指标服务对象满意度指标村民满意度≥90%92%3030
总分10099.6
"""


def _row(project: Project, name: str) -> Indicator:
    found = [i for i in project.indicators if i.name == name]
    assert len(found) == 1, [i.name for i in project.indicators]
    return found[0]


def _figures(indicator: Indicator) -> tuple[str | None, list[str], object, object]:
    target = indicator.target.raw if indicator.target else None
    return target, [a.raw for a in indicator.actuals], indicator.weight, indicator.score


def test_rows_run_together_under_a_glued_name_and_a_spaced_fund_line(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, GLUED_NAME))
    assert project.name == "乡村污水处理设施运维"
    assert amount(project.budget.planned) == Decimal("400000")
    assert amount(project.budget.executed) == Decimal("390000")
    assert len(project.indicators) == 7
    assert _figures(_row(project, "运维污水处理站点数")) == ("≥30个", ["31个"], 20, 20)
    assert _figures(_row(project, "化学需氧量削减量")) == ("≥50吨", ["52吨"], 20, 20)
    # the 分值 and 得分 glued after the result, the reason glued after them: 10 | 9, no '9个' count
    satisfied = _row(project, "周边群众满意度")
    assert _figures(satisfied) == ("≥90%", ["96%"], 10, 9)
    assert satisfied.deviation_reason == "个别站点异味投诉"
    assert project.total_score == Decimal("98.75")


def test_rows_run_together_under_a_spaced_name_with_fund_parts(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, SPACED_NAME))
    assert project.name == "农村电商服务站建设"
    assert amount(project.budget.initial) == Decimal("1200000")
    assert amount(project.budget.planned) == Decimal("1500000")
    assert amount(project.budget.executed) == Decimal("1440000")
    # a row that repeats no level label stays under the level above it
    trained = _row(project, "培训电商从业人员")
    assert trained.level.startswith("产出") and _figures(trained) == ("≥300人次", ["320人次"], 10, 10)
    # a target and a result in words, told apart by how such words are made (a degree and a change)
    assert _figures(_row(project, "农产品网销额增长")) == ("有所增长", ["增长明显"], 20, 20)
    assert project.total_score == Decimal("99.6")


def test_two_forms_one_after_another_each_read_under_its_own_name(tmp_path: Path) -> None:
    second = SPACED_NAME.replace("农村电商服务站建设", "县域物流配送中心运营").replace("新建村级服务站", "配送线路")
    result = run(tmp_path, GLUED_NAME + second)
    assert result.report is not None
    names = [p.name for p in result.report.projects]
    assert names == ["乡村污水处理设施运维", "县域物流配送中心运营"]
    first, other = result.report.projects
    assert len(first.indicators) == 7 and len(other.indicators) == 5
    assert _figures(_row(other, "配送线路")) == ("≥20个", ["22个"], 20, 20)


def test_a_form_with_its_cells_parted_then_a_form_run_together(tmp_path: Path) -> None:
    parted = """项目支出绩效自评表
项目名称：县域物流配送中心运营
主管部门：县商务局 实施单位：县物流发展中心
项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额 80 80 80 10 100% 10
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 配送线路 ≥20条 21条 40 40
效益指标 社会效益指标 农产品上行物流成本 有效降低 有效降低 40 40
满意度指标 服务对象满意度指标 商户满意度 ≥90% 93% 10 10
总分 100 100
"""
    result = run(tmp_path, parted + GLUED_NAME)
    assert result.report is not None
    first, second = result.report.projects
    assert (first.name, len(first.indicators)) == ("县域物流配送中心运营", 3)
    assert (second.name, len(second.indicators)) == ("乡村污水处理设施运维", 7)
    assert _figures(_row(second, "出水水质达标率")) == ("≥90%", ["93%"], 10, 10)


def test_a_spaced_indicator_header_over_rows_run_together(tmp_path: Path) -> None:
    spaced_header = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施"
    spaced = GLUED_NAME.replace(HEADER, spaced_header)
    project = only_project(run(tmp_path, spaced))
    assert len(project.indicators) == 7
    assert _figures(_row(project, "出水水质达标率")) == ("≥90%", ["93%"], 10, 10)


def test_header_rows_parted_by_tabs_over_rows_run_together(tmp_path: Path) -> None:
    tabbed = GLUED_NAME.replace("项目名称乡村污水处理设施运维", "项目名称\t乡村污水处理设施运维")
    tabbed = tabbed.replace("主管部门县生态环境局实施单位县环境监测站",
                            "主管部门\t县生态环境局\t实施单位\t县环境监测站")
    tabbed = tabbed.replace("项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
                            "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分")
    tabbed = tabbed.replace("年度资金总额 40 40 39 10 97.5% 9.75", "年度资金总额\t40\t40\t39\t10\t97.5%\t9.75")
    project = only_project(run(tmp_path, tabbed))
    assert project.name == "乡村污水处理设施运维"
    assert amount(project.budget.executed) == Decimal("390000")
    assert len(project.indicators) == 7
    assert _figures(_row(project, "单站年运维成本")) == ("≤1.3万元", ["1.25万元"], 10, 10)


def test_a_form_without_its_fund_block_totals_its_rows_weights(tmp_path: Path) -> None:
    text = f"""项目支出绩效自评表
项目名称：村卫生室能力提升
主管部门：县卫生健康局 实施单位：县基层卫生指导中心
{HEADER}
产出指标数量指标配备基本诊疗设备村卫生室数≥40个42个3030
质量指标设备验收合格率100%100%2020
效益指标社会效益指标村民就医条件逐步改善明显改善2018部分偏远村卫生室人员不足
满意度指标服务对象满意度指标就诊村民满意度≥90%95%2020
总分9088
"""
    project = only_project(run(tmp_path, text))
    assert project.name == "村卫生室能力提升"
    assert len(project.indicators) == 4
    assert _figures(_row(project, "村民就医条件")) == ("逐步改善", ["明显改善"], 20, 18)
    assert project.total_score == Decimal("88")


def test_figures_in_a_measure_word_the_row_shows() -> None:
    # the unit printed after both the target and the result, though no list of units knows it
    key = "路灯数量≥6000盏6200盏3030"
    found = figure_at(key, 4, ["路灯数量"], "", True)
    assert found is not None and found.group(0) == "≥6000盏"
    found = figure_at(key, 10, ["路灯数量", "≥6000盏"], "", True)
    assert found is not None and found.group(0) == "6200盏"
    months = figure_at("12个月12个月1515", 0, ["发放月数"], "", True)
    assert months is not None and months.group(0) == "12个月"


def test_the_pair_after_a_result_takes_no_measure_word() -> None:
    key = "95%109个别投诉"
    found = figure_at(key, 3, ["满意度", "≥90%", "95%"], "", True)
    assert found is not None and found.group(0) == "109"
    # text between the result and the number: the number is no pair glued to a reason (a count in 个 stays
    # one; '个别' opens no count anywhere)
    counted = "95%109个站点"
    found = figure_at(counted, 3, ["满意度", "≥90%", "95%"], "执行率", True)
    assert found is not None and found.group(0) == "109个"
    # a header that prints no 分值 and 得分 right after the result: a count stays a count
    found = figure_at(counted, 3, ["满意度", "≥90%", "95%"], "", False)
    assert found is not None and found.group(0) == "109个"


def test_worded_target_and_result() -> None:
    assert worded_pair("防疫意识有所提升提升明显") == ["防疫意识", "有所提升", "提升明显"]
    assert worded_pair("服务水平进一步提高显著提高") == ["服务水平", "进一步提高", "显著提高"]
    assert worded_pair("群众就医负担减轻") is None
    assert worded_pair("有所提升提升明显") is None  # no name before them


def test_a_total_pair_under_rows_that_do_not_make_100() -> None:
    assert total_pair("100100") == ["100", "100"]
    assert total_pair("8078", Decimal(80)) == ["80", "78"]
    assert total_pair("9088", Decimal(90)) == ["90", "88"]
    assert total_pair("8078") == ["8078"]  # (no weights read: no reading)
    assert total_pair("8098", Decimal(80)) == ["8098"]  # a score above the weights is no score


def test_the_text_reader_leaves_rows_run_together_as_lines() -> None:
    def lines(*texts: str) -> list[PhysLine]:
        return [PhysLine(text=t, no=n, page=1, indent=0, gap=0, width=len(t)) for n, t in enumerate(texts, 1)]

    header = lines(HEADER)[0]
    assert rows_run_together(header, lines("产出指标数量指标运维站点数≥30个31个2020", "质量指标达标率≥90%93%1010"))
    # rows with their cells parted by spaces are the flattened reader's
    assert not rows_run_together(header, lines("产出指标 数量指标 运维站点数 ≥30个 31个 20 20",
                                               "质量指标 达标率 ≥90% 93% 10 10"))
    spaced = lines("一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分")[0]
    assert not rows_run_together(spaced, lines("产出指标数量指标运维站点数≥30个31个2020"))
