"""Which projects a document has and what they are called, in shapes the first held-out half showed
the reader did not know: a results table whose column titles are wordier than 项目名称 / 得分 / 等级, a
one-cell-a-line dump whose cells end in ' |', a numbered table whose names wrap in their narrow column,
a fund's items listed after 具体为 and cut into sentences at '；', a project named after its amount, a
title naming its one project with no year, a printed table of contents, a cover whose fields run
together. Each case is a small made-up document, in at least two wordings or layouts."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse import parse_report
from reportparse.parse.layout import contents_lines
from reportparse.pipeline import analyse
from reportparse.summarycolumns import column_role
from tests.test_parse_narrative import _doc, _project
from tests.test_parse_summary_tables import _tables, _text


def _names(report: Report) -> list[str]:
    return sorted(p.name for p in report.projects)


def _planned(report: Report, name: str) -> Decimal | None:
    planned = _project(report, name).budget.planned
    return planned.value if planned is not None else None


# --- wordier column titles ------------------------------------------------------------------------


def test_wordier_column_titles_take_their_roles() -> None:
    assert column_role("评价政策或项目资金名称") == "name"
    assert column_role("被评价项目名称") == "name"
    assert column_role("政策或项目名称") == "name"
    assert column_role("代建 (实施)单位") == "other"
    assert column_role("业主单位") == "other"
    assert column_role("评分情况") == "score"
    assert column_role("得分情况") == "score"
    assert column_role("评级情况") == "grade"
    assert column_role("评级结果") == "grade"
    assert column_role("评级") == "grade"
    assert column_role("单位名称") == "other"  # (a body's name, no project's)
    assert column_role("建设内容") is None


def test_a_results_table_with_wordier_titles_lists_its_projects() -> None:
    report = parse_report(_doc(
        "我局委托第三方机构对3个项目开展了重点绩效评价,结果见下表:",
        [["序号", "评价政策或项目资金名称", "主管部门(业主单位)", "代建(实施)单位", "资金规模(万元)", "评分情况",
          "评级情况"],
         ["1", "城区公厕提升改造资金项目", "区城管局", "区环卫所", "320", "91.5", "优"],
         ["2", "老旧小区加装电梯补助资金", "区住建委", "区住建委", "86.4", "84", "良"],
         ["3", "社区养老服务中心运营经费项目", "区民政局", "某养老公司", "150", "78", "中"]]))
    assert _names(report) == sorted(
        ["城区公厕提升改造资金项目", "老旧小区加装电梯补助资金", "社区养老服务中心运营经费项目"])
    assert _planned(report, "老旧小区加装电梯补助资金") == Decimal(864000)
    assert _project(report, "社区养老服务中心运营经费项目").total_score == Decimal(78)
    other = parse_report(_doc(
        "重点评价结果如下:",
        [["被评价项目名称", "业主单位", "安排资金(万元)", "得分情况", "评级结果"],
         ["乡镇污水管网建设工程", "县水务局", "1200", "86", "良"],
         ["农村客运补贴", "县交通局", "45", "92", "优"]]))
    assert _names(other) == sorted(["乡镇污水管网建设工程", "农村客运补贴"])
    assert _project(other, "农村客运补贴").grade == "优"


# --- a one-cell-a-line dump whose cells end in ' |' ------------------------------------------------


def test_a_dump_closing_every_cell_with_a_border_keeps_the_spaces_inside_a_cell() -> None:
    doc = _text("评价结果见下表:\n序号 |\n评价政策或项目资金名称 |\n主管部门 (业主单位) |\n资金规模(万元) |\n"
                "评分情况 |\n评级情况 |\n1 |\n城区公厕 提升改造资金项目 |\n区城管局 |\n320 |\n91.5 |\n优 |\n"
                "2 |\n老旧小区加装电梯补助资金 |\n区住建委 (业主) |\n86.4 |\n84 |\n良 |\n")
    assert _tables(doc) == [[
        ["序号", "评价政策或项目资金名称", "主管部门 (业主单位)", "资金规模(万元)", "评分情况", "评级情况"],
        ["1", "城区公厕 提升改造资金项目", "区城管局", "320", "91.5", "优"],
        ["2", "老旧小区加装电梯补助资金", "区住建委 (业主)", "86.4", "84", "良"],
    ]]


def test_a_numbered_row_cut_by_the_excerpt_still_lists_its_project() -> None:
    doc = _text("序号｜\n项目名称｜\n实施单位｜\n预算数(万元)｜\n自评得分｜\n1｜\n村级活动场所维修项目｜\n镇政府｜\n"
                "60｜\n95｜\n2｜\n小型农田水利设施管护经费｜\n镇水利站｜\n")
    assert _tables(doc) == [[
        ["序号", "项目名称", "实施单位", "预算数(万元)", "自评得分"],
        ["1", "村级活动场所维修项目", "镇政府", "60", "95"],
        ["2", "小型农田水利设施管护经费", "镇水利站", "", ""],
    ]]
    # (without its number the cut row may be the prose after a table: it is still left out)
    unnumbered = _text("项目名称\n实施单位\n预算数(万元)\n自评得分\n村级活动场所维修项目\n镇政府\n60\n95\n"
                       "小型农田水利设施管护经费\n镇水利站\n")
    assert _tables(unnumbered) == [[["项目名称", "实施单位", "预算数(万元)", "自评得分"],
                                    ["村级活动场所维修项目", "镇政府", "60", "95"]]]


# --- a numbered table whose names wrap in their narrow column ------------------------------------


def test_names_wrapped_in_a_narrow_column_stay_in_their_row() -> None:
    doc = _text(
        "序号  项目名称          主管部门        预算数(万元)  得分   等级\n"
        "1     城区公厕提升改造  区城管局        320           91.5   优\n"
        "      资金项目第一批\n"
        "      (试点)\n"
        "2     老旧小区加装电梯  区住建委        86.4          84     良\n"
        "      补助资金          房管科\n")
    rows = _tables(doc)[0]
    assert [row[:3] for row in rows[1:]] == [["1", "城区公厕提升改造资金项目第一批(试点)", "区城管局"],
                                             ["2", "老旧小区加装电梯补助资金", "区住建委房管科"]]
    other = _text(
        "序号  评价政策或项目资金名称  资金规模(万元)  评分情况  评级情况\n"
        "1     江北区社区养老服务      150             78        中\n"
        "      中心运营 经费\n"
        "2     农村客运补贴            45              92        优\n")
    assert [row[1] for row in _tables(other)[0][1:]] == ["江北区社区养老服务中心运营 经费", "农村客运补贴"]


# --- a fund's items after 具体为, cut at '；' --------------------------------------------------------


def test_items_listed_after_a_colon_and_cut_at_semicolons_are_one_list_with_its_verb() -> None:
    report = parse_report(_doc(
        "某县文物保护专项资金2023年度绩效自评报告",
        "按照《关于开展2023年度转移支付绩效自评工作的通知》要求,现将2023年度转移支付项目绩效自评情况报告如下:",
        "一是县文管所,下达预算资金800万元,具体为:古城墙修缮工程项目500万元;文物库房改造项目120万元;"
        "可移动文物数字化项目80万元。"))
    assert _names(report) == sorted(["古城墙修缮工程项目", "文物库房改造项目", "可移动文物数字化项目"])
    assert _planned(report, "文物库房改造项目") == Decimal(1200000)
    assert _planned(report, "可移动文物数字化项目") == Decimal(800000)
    other = parse_report(_doc(
        "某市2022年度中央补助资金绩效自评报告",
        "现将2022年度中央补助资金绩效自评情况报告如下:",
        "市博物馆安排资金300万元,具体包括:展陈提升工程150万元;安防系统改造项目90万元;藏品保护项目60万元。"))
    assert _names(other) == sorted(["展陈提升工程", "安防系统改造项目", "藏品保护项目"])
    assert _planned(other, "藏品保护项目") == Decimal(600000)


def _sum_findings(*paragraphs: str) -> list[str]:
    return [f.message for f in analyse(_doc(*paragraphs)).findings if f.code == "fund-sum-mismatch"]


def test_a_breakdown_announced_as_complete_that_misses_money_is_flagged() -> None:
    # 具体为 announces the whole breakdown: items that add up to less miss money
    assert _sum_findings("某县文物保护专项资金2023年度绩效自评报告",
                         "县文管所下达预算资金900万元,具体为:古城墙修缮工程项目500万元;文物库房改造项目120万元;"
                         "可移动文物数字化项目80万元。")
    assert _sum_findings("某市2022年度中央补助资金绩效自评报告",
                         "市博物馆安排资金300万元,具体包括:展陈提升工程150万元、安防系统改造项目90万元。")
    # items that add up, or some parts picked out by 其中, are no mismatch
    assert not _sum_findings("某县文物保护专项资金2023年度绩效自评报告",
                             "县文管所下达预算资金700万元,具体为:古城墙修缮工程项目500万元;文物库房改造项目120万元;"
                             "可移动文物数字化项目80万元。")
    assert not _sum_findings("某市2022年度中央补助资金绩效自评报告",
                             "市博物馆安排资金300万元,其中展陈提升工程150万元、安防系统改造项目90万元。")


# --- a project named after its amount ---------------------------------------------------------------


def test_a_project_named_right_after_its_amount_gets_it() -> None:
    report = parse_report(_doc(
        "某县文物保护专项资金2023年度绩效自评报告",
        "现将2023年度转移支付项目绩效自评情况报告如下:",
        "一是县文管所,下达预算资金800万元,具体为:古城墙修缮工程项目500万元;文物库房改造项目300万元。"
        "二是县博物馆,下达预算资金260万元,项目为县博物馆展陈提升项目。"))
    assert _planned(report, "县博物馆展陈提升项目") == Decimal(2600000)
    assert _planned(report, "文物库房改造项目") == Decimal(3000000)
    other = parse_report(_doc(
        "某镇2023年度衔接资金绩效自评报告",
        "现将2023年度衔接资金绩效自评情况报告如下:",
        "镇政府下达资金105万元,用于实施西坝村蔬菜大棚建设项目。",
        "区农业农村局下达资金40万元,用于东坪村农田灌溉渠修复项目。"))
    assert _planned(other, "西坝村蔬菜大棚建设项目") == Decimal(1050000)
    assert _planned(other, "东坪村农田灌溉渠修复项目") == Decimal(400000)


# --- a title naming its one project with no year -----------------------------------------------------


def test_a_title_naming_its_project_without_a_year_names_the_subject_not_its_fund() -> None:
    report = parse_report(_doc(
        "某市某乡某村垃圾转运站提升改造项目绩效自评报告",
        "一、资金到位情况",
        "县农村工作领导小组于2022年下达第一批乡村振兴衔接资金100万元,全数安排给本项目,资金到位率100%。"))
    assert _names(report) == ["某市某乡某村垃圾转运站提升改造项目"]
    assert _planned(report, "某市某乡某村垃圾转运站提升改造项目") == Decimal(1000000)
    works = parse_report(_doc(
        "城东片区雨污分流改造工程绩效评价报告",
        "一、项目概况",
        "省级专项补助资金450万元于年初下达,用于城东片区管网改造。"))
    assert _names(works) == ["城东片区雨污分流改造工程"]


def test_a_title_naming_a_kind_of_spending_before_its_bracketed_subject_names_no_project() -> None:
    report = parse_report(_doc(
        "某市财政支出项目绩效自评报告(城北产业园配套路网项目)",
        "一、项目概况",
        "2022年城北产业园配套路网项目预算经费3483万元,2022年支付3483万元。"))
    assert _names(report) == ["城北产业园配套路网项目"]
    other = parse_report(_doc(
        "某县部门预算项目支出绩效自评报告(乡村教师生活补助资金)",
        "一、项目概况",
        "2023年乡村教师生活补助资金预算120万元,全年支出118万元。"))
    assert [p.name for p in other.projects if "部门预算" in p.name] == []


# --- a subsidy paid out ---------------------------------------------------------------------------------


def test_a_subsidy_paid_out_is_spent_and_one_planned_is_not() -> None:
    for sentence in ("县财政局已通过一卡通把资金全数发到农户手中,共发放资金9765万元。",
                     "截至年底累计发放补贴9765万元,惠及农户3.2万户。"):
        report = parse_report(_doc("某县2023年耕地地力保护补贴项目支出绩效自评报告",
                                   "2023年上级财政下达耕地地力保护补贴资金9765万元。", sentence))
        executed = report.projects[0].budget.executed
        assert executed is not None and executed.value == Decimal(97650000), sentence
    planned = parse_report(_doc("某县2023年耕地地力保护补贴项目支出绩效自评报告",
                                "2023年上级财政下达耕地地力保护补贴资金9765万元,计划发放资金9765万元。"))
    assert planned.projects[0].budget.executed is None


# --- a printed table of contents --------------------------------------------------------------------


def test_a_table_of_contents_names_no_project() -> None:
    report = parse_report(_doc(
        "某市民族宗教事务局2022年部门整体支出绩效评价报告",
        "目 录",
        "一、部门(单位)概况 1", "二、预算编制及执行情况 3", "三、绩效评价分析情况 9", "(一)绩效管理 9",
        "(二)预算配置 10", "(三)资产管理 15", "(四)履职成果 17",
        "某市民族宗教事务局2022年部门整体支出绩效评价报告",
        "一、部门(单位)概况",
        "市民宗局2022年部门预算支出1200万元。"))
    assert not any(p.name.startswith(("绩效管理", "预算配置", "资产管理", "履职成果")) for p in report.projects), \
        _names(report)
    assert any("部门整体支出" in p.name for p in report.projects)


def test_contents_entries_are_found_with_dot_leaders_or_after_their_title() -> None:
    untitled = _doc("某局2023年度绩效自评报告", "1.项目概况……1", "2.绩效目标……3", "3.自评结论……5",
                    "一、项目概况", "本项目预算10万元。")
    assert contents_lines(untitled) == {1, 2, 3}
    few = _doc("某局2023年度绩效自评报告", "1.项目概况 1", "本项目预算10万元。")
    assert contents_lines(few) == set()  # (one numbered line with a figure is no table of contents)


# --- a cover whose fields run together ----------------------------------------------------------------


def test_a_unit_field_ends_at_the_next_field_s_label() -> None:
    for cover in ("实施单位:某市宗教事务局委托单位:某市财政局评价机构:某会计师事务所",
                  "填报单位:某县农业技术推广中心评价机构:某咨询公司"):
        report = parse_report(_doc("2022年度部门整体支出绩效评价报告", cover, "一、部门(单位)概况",
                                   "本部门2022年预算支出800万元。"))
        assert report.unit in ("某市宗教事务局", "某县农业技术推广中心"), report.unit
