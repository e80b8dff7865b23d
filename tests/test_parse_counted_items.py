"""Documents naming several projects, in shapes a sweep of public pages showed: list items that count
themselves before their money ('敬老院改造项目1个，资金30万元'), projects counted and then named after 其中
beside the fund or department that holds them, a form's fund cells run together into what
reads like a name ('中央补助安排0省级财政安排0其他资金'), and one name whose parts a 、 joins
('安置房三期、四期项目'), which prose would take for a list. Each case in at least two wordings or layouts."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse import parse_report
from reportparse.parse.fundnames import name_fragments
from reportparse.parse.names import valid_candidate
from tests.test_parse_narrative import _doc
from tests.test_parse_summary_tables import _text


def _budgets(report: Report) -> dict[str, Decimal | None]:
    return {p.name: p.budget.planned.value if p.budget.planned else None for p in report.projects}


# --- items that count themselves -------------------------------------------------------------------


def test_an_item_counted_before_its_money_label_is_named_without_its_count() -> None:
    assert name_fragments("；儿童福利项目1个，金额") == ["儿童福利项目"]
    assert name_fragments("分别为：敬老院改造项目一个,资金") == ["敬老院改造项目"]
    # the count of the projects as such names none ('本级安排项目2个，资金15万元')
    assert name_fragments("本级安排项目2个，资金") == []
    assert name_fragments("其中绩效自评“优”的项目79个,财政资金") == []


def test_counted_items_of_an_announced_list_are_projects_with_their_money() -> None:
    report = parse_report(_doc(
        "某区2022年度社会福利资金绩效自评报告",
        "区本级共实施项目3个,资金42万元,分别为:敬老院改造项目1个,资金30万元、残疾人康复项目1个,资金8万元、"
        "孤儿助学项目1个,资金4万元。"))
    budgets = _budgets(report)
    assert budgets["敬老院改造项目"] == Decimal(300000)
    assert budgets["残疾人康复项目"] == Decimal(80000)
    assert budgets["孤儿助学项目"] == Decimal(40000)
    other = parse_report(_doc(
        "某县2023年度体育彩票公益金绩效自评报告",
        "县体育局安排项目2个,金额25万元,具体为:全民健身路径更新项目一个,金额15万元、社区篮球场改造项目一个,"
        "金额10万元。"))
    assert _budgets(other)["全民健身路径更新项目"] == Decimal(150000)
    assert _budgets(other)["社区篮球场改造项目"] == Decimal(100000)


def test_projects_counted_then_named_after_qizhong_are_projects_beside_their_fund() -> None:
    # the count, then a sentence naming as many projects after 其中, cut at '；'
    report = parse_report(_doc(
        "某县2023年度彩票公益金绩效自评报告",
        "本级安排项目2个,资金15万元。其中:养老服务项目1个,金额10万元;儿童关爱项目1个,金额5万元。",
        "全年预算数为15万元,全年执行数为14万元,预算执行率为93.33%。"))
    budgets = _budgets(report)
    assert budgets["养老服务项目"] == Decimal(100000)
    assert budgets["儿童关爱项目"] == Decimal(50000)
    fund = [p for p in report.projects if p.name not in ("养老服务项目", "儿童关爱项目")]
    assert len(fund) == 1 and fund[0].budget.planned is not None and fund[0].budget.planned.value == Decimal(150000)
    assert fund[0].budget.executed is not None and fund[0].budget.executed.value == Decimal(140000)
    # the same in one sentence, the parts after '，其中'
    other = _budgets(parse_report(_doc(
        "某市2021年度残疾人事业发展资金绩效自评报告",
        "市本级安排项目2个,资金9万元,其中康复训练项目1个,资金6万元,辅具适配项目1个,资金3万元。")))
    assert other["康复训练项目"] == Decimal(60000)
    assert other["辅具适配项目"] == Decimal(30000)


def test_parts_after_qizhong_that_do_not_make_the_count_are_no_projects() -> None:
    # a count the named parts do not make, and sources of money after 其中, name no project
    for paras in (("某县2023年度彩票公益金绩效自评报告",
                   "本级安排项目3个,资金15万元。其中:养老服务项目1个,金额10万元;儿童关爱项目1个,金额5万元。"),
                  ("某中学专项资金绩效自评报告",
                   "我校2022年只有一个项目:生均公用经费项目。按每生1000元的标准安排,共计239万元,其中上级资金179.25万元,"
                   "本级59.75万元。")):
        assert len(parse_report(_doc(*paras)).projects) == 1


def test_a_department_report_counting_its_projects_keeps_its_own_money_beside_them() -> None:
    report = parse_report(_doc(
        "某市水源调度中心2022年整体和项目支出绩效自评总结报告",
        "一是单位整体绩效自评情况:部门预算总金额803.74万元,其中:基本支出757.49万元,项目支出46.25万元。"
        "二是项目绩效自评情况。我单位共有1个项目批复了绩效目标,项目金额46万元。其中:闸坝工程运行维修经费46万元。"))
    budgets = _budgets(report)
    assert budgets["闸坝工程运行维修经费"] == Decimal(460000)
    whole = [p for p in report.projects if p.name != "闸坝工程运行维修经费"]
    assert len(whole) == 1 and whole[0].budget.planned is not None
    assert whole[0].budget.planned.value == Decimal(8037400)
    assert whole[0].budget.executed is None  # (项目支出46.25万元 is a part of the budget, no spending)
    other = parse_report(_doc(
        "某县档案馆部门整体支出及项目支出绩效评价报告",
        "2023年部门预算总额520万元,其中:人员经费支出380万元,公用经费支出60万元,项目支出80万元。",
        "纳入自评的项目共2个,资金80万元。其中:档案数字化经费50万元,库房改造专项经费30万元。"))
    budgets = _budgets(other)
    assert budgets["档案数字化经费"] == Decimal(500000)
    assert budgets["库房改造专项经费"] == Decimal(300000)
    assert all(p.budget.executed is None for p in other.projects)


# --- a form's fund cells run together ----------------------------------------------------------------


def test_fund_cells_run_together_are_no_name() -> None:
    assert not valid_candidate("中央补助安排0省级财政安排0其他资金")
    assert not valid_candidate("本年财政拨款20上年结转资金")
    # names that hold a figure stay names
    assert valid_candidate("2021年度市政消防栓建设工程")
    assert valid_candidate("南县2号桥维修工程")
    assert valid_candidate("一中心一平台六大库N应用经费")


def test_a_flattened_target_form_lists_no_project_made_of_its_fund_cells() -> None:
    for paras in (("省级部门预算项目支出绩效目标表(2023年度)",
                   "一级项目名称文化事业发展专项资金二级项目名称博物馆免费开放补助资金项目类型新增项目"
                   "项目总投资20万元中央补助安排0省级财政安排0其他资金20万元预算申报数20万元"),
                  ("某县2022年度项目支出绩效目标表",
                   "项目名称乡村道路养护补助资金项目类型延续项目项目总投资48万元中央补助安排0市级财政安排8"
                   "其他资金40万元预算申报数48万元")):
        names = list(_budgets(parse_report(_doc(*paras))))
        assert names and not any("其他资金" in name or "财政安排" in name for name in names), names


# --- one name whose parts a 、 joins ---------------------------------------------------------------


def test_a_name_whose_parts_a_dunhao_joins_is_one_name() -> None:
    assert valid_candidate("城厢街道湖头陈社区城中村改造安置房三期、四期项目")
    assert valid_candidate("罗坑镇芦冲村、升平村现有耕地提质改造项目")
    assert valid_candidate("办公宿舍楼、食堂及餐厅暖通改造经费")
    # items of a list, each a name of its own, are not
    assert not valid_candidate("人员经费、公用经费")
    assert not valid_candidate("古城墙修缮项目、文物库房改造项目")


def _listing(text: str) -> Report:
    return parse_report(_text(text))


def test_a_results_table_row_named_with_a_dunhao_lists_its_project() -> None:
    # one cell a line, the empty 序号 and 自评等级 cells left as blank lines, a 总计 row after
    one_cell = _listing(
        "2024年度新增地方政府专项债券项目绩效评价情况\n\n"
        "我单位2024年新增地方政府专项债券项目1个,争取债券资金2.62亿元,评价结果如下:\n\n"
        "2024年新增地方政府专项债券项目绩效评价表(单位:亿元)\n\n"
        "序号\n\n项目名称\n\n债券性质\n\n债券规模\n\n自评分数\n\n自评等级\n\n\n"
        "城厢街道湖头陈社区城中村改造安置房三期、四期项目\n\n棚改专项债券\n\n2.62\n\n97\n\n总计\n\n\n\n2.62\n")
    budgets = _budgets(one_cell)
    assert list(budgets) == ["城厢街道湖头陈社区城中村改造安置房三期、四期项目"]
    assert budgets["城厢街道湖头陈社区城中村改造安置房三期、四期项目"] == Decimal(262000000)
    assert one_cell.projects[0].total_score == Decimal(97)
    # cells apart by '|', two rows, the first named with a 、
    piped = _listing(
        "某县住房和城乡建设局2024年度专项债券项目资金绩效评价情况公示如下:\n"
        "序号 | 项目单位 | 项目名称 | 发行金额(亿元) | 评价得分 | 评价结果 |\n"
        "1 | 某县城建中心 | 某县芦冲村、升平村污水管网改造工程 | 0.4 | 88 | 良 |\n"
        "2 | 某县城建中心 | 某县老旧小区改造项目 | 0.1 | 94 | 优 |\n")
    budgets = _budgets(piped)
    assert budgets["某县芦冲村、升平村污水管网改造工程"] == Decimal(40000000)
    assert budgets["某县老旧小区改造项目"] == Decimal(10000000)


# --- one fund under two names ------------------------------------------------------------------------


def test_a_fund_named_again_before_the_same_amount_is_one_project() -> None:
    report = parse_report(_doc(
        "一、中央专项彩票公益金下达情况",
        "省财政2024年给我区下达中央专项彩票公益金支持其他社会公益项目资金440万元,用来扶持地方社会公益项目的建设。",
        "二、绩效情况分析",
        "某区2024年中央专项彩票公益金支持地方社会公益事业项目资金440万元已经全部分配到各项目建设单位:"
        "甲村文化公园配套工程项目资金300万元、乙村生产道路改造提升工程项目资金140万元。"))
    names = sorted(p.name for p in report.projects)
    assert len(names) == 3, names
    assert not any("地方社会公益事业项目资金" in n for n in names)
    other = parse_report(_doc(
        "一、资金下达情况",
        "市财政2023年给我县下达农村公路养护补助资金260万元,专项用于县道和乡道的日常养护。",
        "二、资金使用情况",
        "某县2023年度农村公路日常养护专项资金260万元已全部分配到各乡镇:东乡道路养护工程项目资金160万元、"
        "西乡桥梁维修工程项目资金100万元。"))
    assert len(other.projects) == 3, [p.name for p in other.projects]


def test_a_second_fund_stated_with_an_amount_of_its_own_stays_a_fund() -> None:
    report = parse_report(_doc(
        "一、资金下达情况",
        "市财政2023年给我县下达农村公路养护补助资金260万元,专项用于县道和乡道的日常养护。",
        "二、资金使用情况",
        "某县2023年度农村公路危桥改造专项资金120万元已全部分配到各乡镇:东乡危桥改造工程项目资金70万元、"
        "西乡危桥改造工程项目资金50万元。"))
    assert any("危桥改造专项资金" in p.name for p in report.projects), [p.name for p in report.projects]



# --- a total claimed without its full marks -----------------------------------------------------------


def _total_line(report: Report, name: str) -> tuple[Decimal | None, Decimal | None]:
    project = next(p for p in report.projects if p.name == name)
    line = next(line for line in project.scores if line.level == "总分")
    return line.weight, line.score


def test_a_total_claimed_without_full_marks_is_out_of_100() -> None:
    report = parse_report(_doc(
        "某县2021年重点项目绩效评价报告公开",
        "我县挑选了2个2021年县级重点项目做绩效评价,评价结果公开如下:",
        "1、南村农田道路建设项目：铺砂石路11公里。2021年下达财政专项扶贫资金197万元,实际支付186.98万元。"
        "第三方机构最终绩效评价总得分91.8分,评价等级优秀。",
        "2、北村旅游扶贫交易市场建设项目：新建管理用房一座。2021年度下达财政专项扶贫资金108万元,实际支付101.59万元。"
        "最终绩效评价总得分90.76分,评价等级优秀。"))
    assert _total_line(report, "南村农田道路建设项目") == (Decimal(100), Decimal("91.8"))
    assert _total_line(report, "北村旅游扶贫交易市场建设项目") == (Decimal(100), Decimal("90.76"))
    # full marks the report states are kept
    stated = parse_report(_doc("某县2022年度文化惠民工程项目绩效自评报告",
                               "经自评，该项目满分100分，自评得分为88分，等级为良。"))
    assert _total_line(stated, stated.projects[0].name) == (Decimal(100), Decimal(88))


# --- a body's project-spending report that counts its projects after a colon ------------------------


def test_projects_counted_before_a_colon_are_each_their_own_project_with_its_money() -> None:
    for title, listing, first, second in (
            ("共青团某县委员会2021年度项目支出绩效自评报告",
             "2021年县财政下达我单位项目资金共45万元,共2个项目:青年志愿服务工作经费25万元;共青团某县第五次代表大会费用20万元。",
             ("青年志愿服务工作经费", 250000), ("共青团某县第五次代表大会费用", 200000)),
            ("某市妇女联合会2022年度项目支出绩效评价自评报告",
             "市财政安排我会项目经费合计18万元,涉及两个项目:妇女儿童维权经费12万元;共同缔造家庭文明建设经费6万元。",
             ("妇女儿童维权经费", 120000), ("共同缔造家庭文明建设经费", 60000))):
        report = parse_report(_doc(title, "一、单位基本情况", "本单位为参公管理单位,内设两个部室,实有人员8人。",
                                   "二、绩效目标分解下达情况", listing, "三、项目资金使用及管理情况",
                                   f"1.{first[0]}。财政拨入该项目资金{first[1] // 10000}万元,年底已全部支出。"))
        budgets = _budgets(report)
        assert budgets.get(first[0]) == Decimal(first[1]), budgets
        assert budgets.get(second[0]) == Decimal(second[1]), budgets
        # (the body's 单位基本情况 opens a report on its projects: no department-wide subject beside them)
        assert not any("整体支出" in name for name in budgets), budgets


def test_a_name_opening_with_the_word_gong_is_no_total() -> None:
    assert name_fragments(";共青团某市第三次代表大会费用") == ["共青团某市第三次代表大会费用"]
    assert name_fragments("共同缔造示范村建设经费") == ["共同缔造示范村建设经费"]
    assert valid_candidate("共青团某县第五次代表大会费用")
    # ('共' as a total still goes before any other name: '共青少年宫维修经费' is 共 + the fund)
    assert name_fragments("共青少年宫维修经费") == ["青少年宫维修经费"]


def test_a_project_spending_report_opened_by_the_body_is_no_department_wide_report() -> None:
    for title in ("共青团某县委员会2021年度项目支出绩效自评报告", "某市档案馆2022年度项目支出绩效评价自评报告",
                  # (a form's title, and a remark in brackets after the report words)
                  "某市档案馆2022年度项目支出绩效自评表", "某县文化馆2022年度项目支出绩效自评报告（共3个项目）"):
        report = parse_report(_doc(title, "一、单位基本情况", "本单位为参公管理单位,内设两个部室,实有人员8人。",
                                   "二、项目资金情况", "全年项目预算40万元,执行38万元,执行率95%。"))
        assert report.projects and not any("整体支出" in p.name for p in report.projects), report.projects
    # (a report that says it evaluates the department's whole spending still does)
    whole = parse_report(_doc("某市档案馆2022年度部门整体支出绩效自评报告", "一、单位基本情况",
                              "本单位为参公管理单位。", "全年预算400万元,执行380万元。"))
    assert any("整体支出" in p.name for p in whole.projects)


def test_names_counted_after_the_list_are_the_projects() -> None:
    # ('评价包括A、B和C3个X项目': the names first, then their count before a qualified 项目; the money said of all
    # of them together is no project of its own)
    for text, names in (
            (("市城管局组织开展了2022年度环卫项目绩效评价工作。", "本次评价包括城区道路保洁、公厕运维管理和垃圾清运转运"
              "3个环卫项目,涉及资金820万元,自评等级均为良好以上。"),
             ["城区道路保洁", "公厕运维管理", "垃圾清运转运"]),
            (("县卫健局开展了项目支出绩效自评。", "今年对乡村医生岗位补助、基本药物制度补助2项卫生项目开展了自评,"
              "自评得分均在90分以上。"),
             ["乡村医生岗位补助", "基本药物制度补助"])):
        report = parse_report(_doc(*text))
        assert [p.name for p in report.projects] == names


def test_projects_counted_in_other_words_before_the_colon_go_on_past_each_semicolon() -> None:
    # (the count said as 子项目, 重点项目, or after its noun, 项目共3个: each item after a '；' is still listed)
    for counted in ("共2个子项目：", "涉及两个重点项目:", "项目共2个："):
        report = parse_report(_doc("某县文化馆2022年度项目支出绩效自评报告",
                                   f"县财政下达我馆项目资金共60万元，{counted}非遗展演活动经费35万元；"
                                   "馆舍维修改造费用25万元。"))
        budgets = _budgets(report)
        assert budgets.get("非遗展演活动经费") == Decimal(350000), (counted, budgets)
        assert budgets.get("馆舍维修改造费用") == Decimal(250000), (counted, budgets)
