"""Form readers on the variants met in public 自评表 of provinces the dev half has little of:
the project-name label in its other wordings (专项资金名称, 转移支付(项目)名称), a fund total row named
年度财政资金总额 in a one-cell-a-line dump, fund amounts glued to their rate, a 分值-first indicator
header, a mirror's pinyin readings, and bounds stated in an indicator's name. Inputs are built in
the shape met, with made-up names and figures."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportparse.model import Result
from reportparse.normalise.targets import parse_target
from reportparse.parse.form.fundrun import fund_figures
from reportparse.parse.form.labels import matches, name_field
from reportparse.parse.form.runtogether import split_cells
from reportparse.parse.subject import stated_subject
from reportparse.readers.text.ruby import drop_readings
from tests._textforms import amount, only_project, run


def error_codes(result: Result) -> list[str]:
    return [f.code for f in result.findings if f.severity in ("error", "warning")]


# ---- the name label in every wording --------------------------------------------------------------

@pytest.mark.parametrize("label", [
    "项目名称", "专项资金名称", "项目(资金)名称", "项目（资金）名称",
    "转移支付(项目)名称", "转移支付（项目）名称", "项目(政策)名称", "转移支付名称",
])
def test_every_name_label_is_a_name_field(label: str) -> None:
    assert name_field().fullmatch(label)
    assert matches("header.name", label)


@pytest.mark.parametrize("label", ["主管部门", "中央主管部门", "地方主管部门", "县级主管部门"])
def test_levelled_departments_are_department_labels(label: str) -> None:
    assert matches("header.department", label)
    assert not matches("header.name", label)


def test_transfer_payment_form_in_pipe_rows_is_named_by_its_label(tmp_path: Path) -> None:
    text = (
        "某某资金绩效自评表 | |||||||\n"
        "(2024年度) | |||||||\n"
        "转移支付(项目)名称 | 2024年某县乡村道路养护补助 | ||||||\n"
        "中央主管部门 | 交通运输部 | ||||||\n"
        "地方主管部门 | 省交通运输厅 | 资金使用单位 | 某县交通运输局 | ||||\n"
        "资金投入情况 (万元) |\n"
        "全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||\n"
        "年度资金总额: | 240 | 216 | 90% | ||||\n"
        "其中:中央财政资金 | 240 | 216 | 90% | ||||\n"
    )
    project = only_project(run(tmp_path, text))
    assert project.name == "2024年某县乡村道路养护补助"
    assert amount(project.budget.planned) == Decimal("2400000")
    assert amount(project.budget.executed) == Decimal("2160000")


def test_run_together_form_with_a_special_fund_label_and_a_contact_field(tmp_path: Path) -> None:
    # an OCR'd page run together, a space at each wrap inside a cell ('成 品粮'), the name label
    # 专项资金名称 and a 负责人及电话 field right after the name
    line = "".join((
        "1、2021年度县级专项资金绩效目标自评表专项资金名称县级应急物资储备",
        "负责人及电话张三、李四县级主管部门某县应急管理局实施单位物资保障股",
        "项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额88.588.5100%",
        "其中:中央、省、市补助县级资金88.588.5100%其他资金年度 总体 目标年初设定目标",
        "全年实际完成情况保持物资储备规模储备规模达标绩 效 指 标一级 指标二级 指标三级指标",
        "年度指标 值全年 完成值未完成原因和 改进措施产 出 指 标数量 指标帐篷、棉被储 备到位率",
        "100%100%物资数量真实率100%100%质量 指标储备物资管理制 度严格执行率100%100%",
        "时效 指标应急物资调 拨及时率100%100%效益 指标社会 效益 指标群众 安置保障率100%100%",
        "满意 度指 标服务 对象 满意 度指 标受灾群众满意度290%100%",
    ))
    project = only_project(run(tmp_path, "2021年度县级专项资金绩效目标自评表.docx\n由会员分享\n" + line + "\n"))
    assert project.name == "县级应急物资储备"
    assert amount(project.budget.planned) == Decimal("885000")
    assert amount(project.budget.executed) == Decimal("885000")


# ---- fund amounts glued to their rate -------------------------------------------------------------

@pytest.mark.parametrize(("run", "width", "expected"), [
    ("1484631.00%", 2, ["148", "46", "31.00%"]),  # unequal amounts: the rate decides the cut
    ("10200%", 2, ["102", "0", "0%"]),  # nothing spent
    ("4646100%", 2, ["46", "46", "100%"]),  # not 46461 | 0 | 0%
    ("202010100.00%", 3, ["20", "20", "10", "100.00%"]),  # a 分值 column before the rate
    ("194.9194.9100%", 2, ["194.9", "194.9", "100%"]),  # the % stays on the rate
    ("278.444930.0010.77%", 2, ["278.4449", "30.00", "10.77%"]),  # four-decimal 万元
])
def test_fund_run_is_cut_where_the_rate_agrees(run: str, width: int, expected: list[str]) -> None:
    assert fund_figures(run, width) == expected


def test_fund_run_that_no_rate_explains_is_left_whole() -> None:
    assert fund_figures("123456100%", 2) is None  # 123|456 is 370%, 1234|56 is 4.5%: no reading


def test_glued_fund_row_its_sub_row_and_the_total_pair() -> None:
    cells = split_cells(
        "资金情况(万元)全年预算数(A)全年执行数(B)分值执行率(B/A)得分年度资金总额:303010100.00%10其中:本年财政拨款3030其他资金"
    )
    assert cells[cells.index("年度资金总额"):][2:7] == ["30", "30", "10", "100.00%", "10"]
    assert cells[cells.index("其中:本年财政拨款") + 1:][:2] == ["30", "30"]
    tail = split_cells("满意度指标(10分)服务对象满意度指标受益群众满意度10≥95%≥95%10总分10098注:1.说明")
    assert tail[tail.index("总分") + 1:][:2] == ["100", "98"]


def test_glued_percent_pairs_among_indicator_rows_are_not_fund_amounts() -> None:
    cells = split_cells(
        "绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分产出指标数量指标资金到位率100%100%1010"
    )
    assert "100%" in cells and not any(c in ("10", "0%") and i < cells.index("资金到位率") for i, c in enumerate(cells))


# ---- a one-cell-a-line dump whose total row is 年度财政资金总额 --------------------------------------

def test_cell_dump_with_a_provincial_total_label_reads_its_indicators(tmp_path: Path) -> None:
    cells = [
        "2023年度项目支出绩效自评表", "项目名称", "某村冷库建设项目", "主管部门", "某县农业农村局",
        "项目实施单位", "某村委会",
        "预算执行情况(万元)", "(20分)", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分", "(20分*执行率)",
        "年度财政资金总额", "40", "40", "100%", "20",
        "年度绩效目标", "(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分",
        "产出指标(40分)", "数量指标", "冷库容积", "≥300立方米", "320立方米", "20",
        "质量指标", "验收合格率", "100%", "100%", "20",
        "效益指标(30分)", "经济效益指标", "村集体年增收", "≥2万元", "2.4万元", "30",
        "满意度指标(10分)", "服务对象满意度指标", "农户满意度", "≥90%", "95%", "10",
    ]
    project = only_project(run(tmp_path, "\n\n".join(cells) + "\n"))
    assert amount(project.budget.planned) == Decimal("400000")
    assert {i.name for i in project.indicators} >= {"冷库容积", "验收合格率", "村集体年增收", "农户满意度"}
    volume = next(i for i in project.indicators if i.name == "冷库容积")
    assert volume.target.value == Decimal("300") and volume.score == Decimal("20")


# ---- a header that prints 分值 before the target --------------------------------------------------

WEIGHT_FIRST = """绩效目标自评表
项目名称 某村道路硬化项目
主管部门 某县农业农村局 实施单位 某镇人民政府
资金情况(万元) 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
年度资金总额: 20 20 10 100% 10
其中:本年财政拨款 20 20
绩效指标 一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 未完成原因及拟采取的改进措施
产出指标(50分) 数量指标 硬化道路长度 20 ≥2公里 2.1公里 20
质量指标 项目(工程)验收合格率 20 100% 100% 20
时效指标 按期完工率 10 ≥90% 100% 10
效益指标(30分) 社会效益指标 受益人口数 30 ≥500人 520人 30
满意度指标(10分) 服务对象满意度指标 受益群众满意度 10 ≥95% 98% 10
总分 100 100
"""


def test_weight_first_header_puts_figures_under_their_columns(tmp_path: Path) -> None:
    result = run(tmp_path, WEIGHT_FIRST)
    project = only_project(result)
    road = next(i for i in project.indicators if i.name == "硬化道路长度")
    assert (road.target.comparator, road.target.value, road.weight, road.score) == (">=", Decimal("2"), 20, 20)
    assert [a.value for a in road.actuals] == [Decimal("2.1")]
    assert "target-changed" not in error_codes(result)
    assert "deviation-reason-missing" not in error_codes(result)


def test_weight_first_rows_run_together_are_cut_at_each_score() -> None:
    cells = split_cells(
        "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
        "产出指标(70分)数量指标安装水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10"
    )
    assert "安装水标尺" in cells and "水标尺宽度" in cells


# ---- a mirror's pinyin readings --------------------------------------------------------------------

def test_pinyin_readings_after_characters_are_dropped() -> None:
    text, count = drop_readings("轉(zhuǎn)移支付(項(xiàng)目)名稱 2024年農(nóng)業(yè)防災(zāi)補助")
    assert text == "轉移支付(項目)名稱 2024年農業防災補助"
    assert count == 5


@pytest.mark.parametrize("text", ["完成培训(a)类课程", "指标(de)说明", "(2)质量指标", "采购(ppp)项目"])
def test_text_without_tone_marked_readings_is_left_alone(text: str) -> None:
    assert drop_readings(text) == (text, 0)


def test_mirror_copy_of_a_form_is_read_like_the_form(tmp_path: Path) -> None:
    text = (
        "轉(zhuǎn)移支付(項(xiàng)目)名稱 | 2024年農(nóng)業(yè)防災(zāi)減災(zāi)補助 | ||||||\n"
        "中央主管部門(mén) | 農(nóng)業(yè)農(nóng)村部 | ||||||\n"
        "全年預(yù)算數(shù)(A) | 全年執(zhí)行數(shù)(B) | 預(yù)算執(zhí)行率(B/A×100%) | ||||\n"
        "年度資金總額: | 390 | 390 | 100% | ||||\n"
    )
    project = only_project(run(tmp_path, text))
    assert "防灾减灾补助" in project.name or "防災減災補助" in project.name
    assert amount(project.budget.planned) == Decimal("3900000")


# ---- a bound stated in the indicator's name ------------------------------------------------------

@pytest.mark.parametrize(("name", "unit"), [
    ("牛舍(≥**平方米)", "平方米"), ("饲料机(5kw)(≥台)", "台"), ("水池(≥立方米)", "立方米"),
])
def test_bare_figure_takes_the_bound_its_name_states(name: str, unit: str) -> None:
    target = parse_target("12.5", level="产出/数量", name=name)
    assert (target.comparator, target.value, target.unit, target.bare_number) == (">=", Decimal("12.5"), unit, False)


def test_name_without_a_stated_bound_keeps_the_bare_reading() -> None:
    target = parse_target("12.5", level="产出/数量", name="新建牛舍面积(平方米)")
    assert (target.comparator, target.bare_number) == ("=", True)


# ---- 对/就 as words, not the opening verb ----------------------------------------------------------

@pytest.mark.parametrize(("opening", "name"), [
    ("就业补助资金绩效自评表", "就业补助资金"),
    ("对口支援资金绩效自评表", "对口支援资金"),
    ("现就2023年度道路养护资金开展绩效自评", "2023年度道路养护资金"),
])
def test_a_fund_whose_name_opens_with_dui_or_jiu_keeps_it(opening: str, name: str) -> None:
    found = stated_subject([opening], None)
    assert found in (None, name)  # never '业补助资金', '口支援资金'
    if opening.startswith("现就"):
        assert found == name


# ---- a space-aligned form whose header and rows the layout wrapped -------------------------------

WRAPPED = """市级某某专项经费绩效自评表(2023年度)
项目名称 某某专项经费
主管部门 某区文化和旅游局   实施单位 某区文化和旅游局
项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分
(万元) 年度资金总额 40 40 38 10 0.95 9
其中:当年财政拨款 40 40 38 10 0.95 9
绩效指标 一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因分析及改进措施
指标值 完成值
产出指标 数量指标 指标1:维护站点数量 完成东湖、西湖、南山三处站点的日常维护和巡查 完成三处站点的日常维护和巡查
20 20
指标2:维修面积 800平方米 820平方米 20 20
质量指标 指标1:验收通过率 100% 100% 20 20
效益指标 社会效益指标 游客满意度 ≥90% 95% 30 30
"""


def test_header_pieces_wrapped_onto_the_next_line_are_joined(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, WRAPPED))
    area = next(i for i in project.indicators if i.name == "维修面积")
    assert (area.target.value, [a.value for a in area.actuals], area.weight, area.score) == (
        Decimal("800"), [Decimal("820")], 20, 20)


def test_scores_wrapped_under_a_long_row_belong_to_it(tmp_path: Path) -> None:
    project = only_project(run(tmp_path, WRAPPED))
    names = [i.name for i in project.indicators]
    assert "20" not in names
    sites = next(i for i in project.indicators if i.name == "维护站点数量")
    assert (sites.weight, sites.score) == (20, 20)


def test_run_together_rows_of_a_header_without_scores_are_cut_after_their_result(tmp_path: Path) -> None:
    # the header ends with 全年完成值 and the reason column, no 分值/得分: two indicators of one 二级
    # level run together, and a budget word inside a name ('…严格执行率') stays in the name
    line = "".join((
        "1、2021年度县级专项资金绩效目标自评表专项资金名称县级应急物资储备实施单位物资保障股",
        "项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额50.550.5100%其他资金",
        "绩 效 指 标一级 指标二级 指标三级指标年度指标 值全年 完成值未完成原因和 改进措施",
        "产 出 指 标数量 指标帐篷储备到位率100%100%物资数量真实率100%100%",
        "质量 指标储备物资管理制度严格执行率100%100%物资调拨及时率100%98%",
    ))
    project = only_project(run(tmp_path, "县级专项资金绩效目标自评表.docx\n" + line + "\n"))
    names = [i.name for i in project.indicators]
    assert names == ["帐篷储备到位率", "物资数量真实率", "储备物资管理制度严格执行率", "物资调拨及时率"]
    last = project.indicators[-1]
    assert [a.value for a in last.actuals] == [Decimal("98")]


def test_form_run_together_inside_a_metadata_cell_is_read(tmp_path: Path) -> None:
    # a page's metadata table whose 内容概述 cell repeats the whole form run together, the form
    # proper cut after its title: the cell gives the name and the glued fund row
    summary = "".join((
        "某市转移支付区域(项目)绩效目标自评表(2023年度)转移支付(项目)名称2023年某某设施维护补助",
        "中央主管部门某某部地方主管部门省某某厅资金使用单位某市某某局资金投入情况(万元)全年预算数(A)",
        "全年执行数(B)预算执行率(B/A×100%)年度资金总额:2008040.00%其中:中央财政资金1208066.67%",
        "地方资金800其他资金资金管理情况情况说明存在问题和改进措施分配科学性分配科学无",
    ))
    text = (
        "索引号 | 0001/2024-00001 | 发布机构 | 某市某某局 |\n"
        f"信息名称 | 2023年某某设施维护补助绩效目标自评表 | 内容概述 | {summary} |\n"
        "某市转移支付区域(项目)绩效目标自评表 | |||||||\n"
    )
    project = only_project(run(tmp_path, text))
    assert project.name == "2023年某某设施维护补助"
    assert amount(project.budget.planned) == Decimal("2000000")
    assert amount(project.budget.executed) == Decimal("800000")


# ---- the fund block's unit in a bracket its cell left open --------------------------------------------

@pytest.mark.parametrize(("label", "factor"), [
    ("年度预算申请(元", 1), ("年度预算申请（元", 1), ("年度预算申请(万元", 10000)])
def test_a_unit_whose_bracket_the_cell_left_open_is_the_block_s_unit(tmp_path: Path, label: str, factor: int) -> None:
    """A header cell broken before its closing bracket ('年度预算申请(元' / ')' in a narrow cell, the ')' lost
    in the copy) still states the unit: amounts in 元 are not read as 万元 (10000 times the money)."""
    text = (
        "2024年度部门整体支出绩效自评表\n"
        "预算部门、单位名称\t某县河口镇人民政府\n"
        f"{label}\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "年度资金总额\t3120500\t3380000\t3211000\t10\t95%\t9.5\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t巡河次数\t≥48次\t52次\t20\t20\n"
    )
    project = only_project(run(tmp_path, text))
    assert amount(project.budget.planned) == Decimal("3380000") * factor
    assert amount(project.budget.executed) == Decimal("3211000") * factor


# ---- a fund block ends at its first row that is no fund row --------------------------------------------

def test_rows_after_the_fund_block_has_ended_are_no_fund_rows(tmp_path: Path) -> None:
    """A county template whose one fund row (its leading empty cells lost in a tab dump) is followed by the
    年度目标 row and a scoring table ('决策依据 | 2 | 2'): the goal row, with no amount and no fund's name,
    ends the block, and the scoring rows are not read as its 其中 rows (no fund-sum-mismatch of 309
    against 2 + 3 + 2)."""
    text = (
        "某县财政预算支出项目绩效目标自评表\n"
        "项目名称\t农村饮水安全维修养护\t项目属性\t1、常年性\n"
        "项目主管单位\t某县水利局\t项目实施单位\t某县农村供水站\n"
        "项目资金来源\t中央(万元)\t省、地(万元)\t本级(万元)\t其他(万元)\t合计(万元)\t执行数(万元)\t执行率\n"
        "\t\t86\t\t86\t86\t100%\n"
        "项目年度目标\t1.维修农村供水工程40处;2.水质达标率95%以上\n"
        "项目权重\t评价内容\t分值\t自评分\t复核分\t评价标准及依据\n"
        "项目决策2分\t决策依据\t2\t2\t\t有项目年度工作计划计2分\n"
        "项目管理13分\t财务制度\t3\t3\t\t有财务管理制度计3分\n"
        "组织机构\t2\t2\t\t有专人负责计2分\n"
    )
    result = run(tmp_path, text)
    assert "fund-sum-mismatch" not in error_codes(result)
    project = only_project(result)
    assert amount(project.budget.planned) == Decimal("860000")
    assert not project.budget.sub_rows


@pytest.mark.parametrize(("run", "width", "expected"), [
    # the amounts one figure three times, then the 分值: the repeats settle the cut though the rate does not agree
    ("1201201201095.5%", 4, ["120", "120", "120", "10", "95.5%"]),
    ("86.586.586.52090%", 4, ["86.5", "86.5", "86.5", "20", "90%"]),
])
def test_fund_run_of_one_amount_repeated_is_cut_at_the_repeats(run: str, width: int, expected: list[str]) -> None:
    assert fund_figures(run, width) == expected


def test_fund_run_without_repeats_or_an_agreeing_rate_stays_whole() -> None:
    assert fund_figures("1201151001080.5%", 4) is None  # 120 | 115 | 100 | 10: unequal amounts, 87%, not 80.5%
    assert fund_figures("333333333340%", 4) is None  # 3 | 3 | 3 | 33 or 33 | 33 | 33 | 3…: several readings


def test_run_together_form_named_by_its_project_spending_label(tmp_path: Path) -> None:
    # the 项目支出名称 label (a 项目支出绩效自评表's name field), and a printed rate the amounts do not give
    line = "".join((
        "附件2023年度农村饮水工程维修养护补助项目支出绩效自评表项目支出名称农村饮水工程维修养护补助",
        "主管部门某县水利局实施单位各乡镇人民政府项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分",
        "年度资金总额4204204201090%9其中:当年财政拨款420420——上年结转资金——其他资金——",
        "年度总体目标预期目标实际完成情况保障农村饮水工程正常运行",
    ))
    result = run(tmp_path, "2023年度农村饮水工程维修养护_第1页\n" + line + "\n")
    project = only_project(result)
    assert project.name == "农村饮水工程维修养护补助"
    assert amount(project.budget.planned) == Decimal("4200000")
    assert amount(project.budget.executed) == Decimal("4200000")
    assert "budget-rate-mismatch" in error_codes(result)
