"""Narrative reports on several projects, each named in prose with its money stated once: the unit's whole project
money split into its projects, whatever each part's name ends in, and the limits of that reading (a project's own
costs and works, the sources of its money). Made-up reports in several wordings, never a corpus page's text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from reportparse.model import Report
from reportparse.parse.narrative import parse_narrative
from reportparse.pipeline import extract, parse
from tests.test_parse_narrative import _doc


def _money(report: Report) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


def _names(report: Report) -> set[str]:
    return {name for p in report.projects for name in (p.name, *p.aliases)}


# --- the unit's project money split into its projects --------------------------------------------------------------
def test_a_part_named_as_a_subsidy_in_the_units_project_list_is_a_project() -> None:
    report = parse_narrative(_doc(
        "某区卫生健康局2023年度项目绩效自评报告",
        "一、项目概况",
        "2023年我局项目支出预算合计230万元，其中：基本公共卫生服务项目120万元，家庭医生签约服务项目80万元，"
        "计划生育特别扶助补助30万元。",
        "二、绩效目标完成情况",
        "基本公共卫生服务项目实际支出118万元，家庭医生签约服务项目实际支出80万元，计划生育特别扶助补助实际支出30万元。",
    ))
    assert _money(report)["计划生育特别扶助补助"] == (Decimal("300000"), Decimal("300000"))
    assert len(report.projects) == 3


def test_the_units_budget_split_in_the_next_sentence_names_its_projects() -> None:
    report = parse_narrative(_doc(
        "某县民政局2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "2023年度我局项目预算共计310万元。其中：困难群众临时救助项目资金150万元，养老服务设施运营补贴资金100万元，"
        "孤儿基本生活保障补助60万元。",
        "二、项目执行情况",
        "困难群众临时救助项目全年支出148万元；养老服务设施运营补贴全年支出95万元；孤儿基本生活保障补助全年支出60万元。",
    ))
    money = _money(report)
    assert money["孤儿基本生活保障补助"] == (Decimal("600000"), Decimal("600000"))
    assert len(report.projects) == 3


def test_a_counted_list_after_its_total_names_every_project() -> None:
    report = parse_narrative(_doc(
        "某区住房和城乡建设局2022年度项目绩效自评报告",
        "一、项目概况",
        "我局2022年共实施项目3个，总投资合计980万元，具体为：老旧小区改造项目620万元，背街小巷整治项目260万元，"
        "城市公厕提升改造补助100万元。",
        "二、资金使用情况",
        "老旧小区改造项目已支付600万元，背街小巷整治项目已支付250万元，城市公厕提升改造补助已拨付100万元。",
    ))
    money = _money(report)
    assert money["城市公厕提升改造补助"] == (Decimal("1000000"), Decimal("1000000"))
    assert money["老旧小区改造项目"] == (Decimal("6200000"), Decimal("6000000"))
    assert len(report.projects) == 3


def test_the_treasurys_allotment_of_the_units_project_money_names_its_projects() -> None:
    report = parse_narrative(_doc(
        "某县林业局2022年度项目绩效自评报告",
        "一、项目概况",
        "2022年县财政安排我局项目资金合计260万元，其中：森林防火项目资金150万元，林业有害生物防治经费70万元，"
        "护林员补助40万元。",
        "二、项目执行情况",
        "截至2022年底，森林防火项目实际支出145万元，林业有害生物防治经费实际支出70万元，护林员补助实际支出38万元。",
    ))
    assert _money(report)["护林员补助"] == (Decimal("400000"), Decimal("380000"))
    assert len(report.projects) == 3


def test_a_list_that_does_not_add_up_to_the_whole_names_no_further_project() -> None:
    report = parse_narrative(_doc(
        "某区卫生健康局2023年度项目绩效自评报告",
        "一、项目概况",
        "2023年我局项目支出预算合计500万元，其中：基本公共卫生服务项目120万元，家庭医生签约服务项目80万元，"
        "计划生育特别扶助补助30万元。",
    ))
    assert "计划生育特别扶助补助" not in _names(report)  # (some of the projects only: the subsidy may be a part)


def test_the_sources_of_the_units_money_are_no_projects() -> None:
    report = parse_narrative(_doc(
        "某区农业农村局2022年度项目支出绩效自评报告",
        "一、基本情况",
        "我局项目资金共计500万元，其中中央资金300万元，省级资金200万元。",
        "（一）耕地地力保护补贴项目。年初预算300万元，全年执行300万元。",
        "（二）农村人居环境整治项目。年初预算200万元，全年执行180万元。",
    ))
    assert set(_money(report)) == {"耕地地力保护补贴项目", "农村人居环境整治项目"}


def test_a_one_project_reports_costs_are_no_projects() -> None:
    report = parse_narrative(_doc(
        "2023年某镇公共服务设施建设项目绩效自评报告",
        "一、项目概况",
        "本项目预算资金80万元，其中：设备购置费50万元，宣传培训费30万元。全年支出78万元。",
        "项目预算资金80万元，其中：设备购置经费50万元，人员培训补助30万元。",
    ))
    assert len(report.projects) == 1


# --- a project named once in full, then by a shorter form --------------------------------------------------------
def _scores(report: Report) -> dict[str, Decimal | None]:
    return {p.name: p.total_score for p in report.projects}


def test_a_works_named_in_full_then_by_its_own_words_is_one_project() -> None:
    report = parse_narrative(_doc(
        "2023年度某县水利局项目支出绩效自评报告",
        "一、项目基本情况",
        "1. 2023年某县农村饮水安全巩固提升工程项目。项目计划总投资500万元，截至12月底已支付450万元。",
        "2. 小型水库除险加固项目。批复资金300万元，已拨付300万元。",
        "二、绩效目标实现情况",
        "饮水安全工程完成管网改造35公里，受益人口2.1万人。除险加固项目完成3座小型水库加固。",
        "三、自评得分",
        "饮水安全工程自评得分92分，除险加固项目自评得分95分。",
    ))
    assert len(report.projects) == 2
    assert _scores(report) == {"2023年某县农村饮水安全巩固提升工程项目": 92, "小型水库除险加固项目": 95}
    assert "饮水安全工程" in _names(report)


def test_a_shorter_form_after_a_bracketed_heading_takes_its_score_from_no_other_project() -> None:
    report = parse_narrative(_doc(
        "某县交通运输局2023年度项目支出绩效自评报告",
        "一、基本情况",
        "(一) 2023年某县通村公路安全生命防护工程项目",
        "该项目计划总投资420万元，实际支出400万元。完成安防设施建设86公里。",
        "(二) 客运站提升改造项目",
        "该项目批复资金130万元，实际支出126万元。",
        "二、绩效自评",
        "生命防护工程自评得分94分；客运站提升改造项目自评得分91分。",
    ))
    assert _scores(report) == {"2023年某县通村公路安全生命防护工程项目": 94, "客运站提升改造项目": 91}


def test_words_two_projects_share_name_neither() -> None:
    report = parse_narrative(_doc(
        "某县农业农村局2023年度项目支出绩效自评报告",
        "（一）东片区高标准农田建设项目。该项目年初预算200万元，全年执行190万元，执行率95%。",
        "（二）西片区高标准农田建设项目。该项目年初预算150万元，全年执行150万元，执行率100%。",
        "高标准农田建设项目自评得分93分。",
    ))
    assert "高标准农田建设项目" not in _names(report)
    assert len(report.projects) == 2


# --- numbered accounts whose names end in no project's word ------------------------------------------------------
def test_awards_and_allowances_accounted_one_item_each_are_projects() -> None:
    report = parse_narrative(_doc(
        "某市人力资源和社会保障局2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "㈠ 就业创业补贴项目。该项目年初预算560万元，全年执行540万元，执行率96.43%。",
        "㈡ 高技能人才培养奖励。该项目年初预算120万元，全年执行118万元，执行率98.33%。",
        "㈢ 人才引进津贴。该项目年初预算80万元，全年执行80万元，执行率100%。",
    ))
    money = _money(report)
    assert money["高技能人才培养奖励"] == (Decimal("1200000"), Decimal("1180000"))
    assert money["人才引进津贴"] == (Decimal("800000"), Decimal("800000"))


def test_a_sibling_account_named_by_its_work_is_a_project() -> None:
    report = parse_narrative(_doc(
        "某县文化广电旅游局2023年度项目支出绩效自评报告",
        "一、项目资金使用情况",
        "一是乡镇综合文化站免费开放补助，年初预算45万元，实际支出45万元；二是送戏下乡惠民演出，年初预算30万元，"
        "实际支出28.5万元；三是旅游宣传推介经费，年初预算20万元，实际支出19万元。",
    ))
    assert _money(report)["送戏下乡惠民演出"] == (Decimal("300000"), Decimal("285000"))
    assert len(report.projects) == 3


def test_a_sibling_cost_line_stays_no_project() -> None:
    report = parse_narrative(_doc(
        "某中心2023年度项目绩效自评报告",
        "一、项目概况",
        "（1）设备运维项目：预算120万元，支出118万元。",
        "（2）培训费：预算5万元，支出5万元。",
        "（3）办公楼维修改造，预算60万元，实际支出58万元。",
    ))
    assert set(_money(report)) == {"设备运维项目", "办公楼维修改造"}


# --- a sentence opened by the project's name, its money right after ----------------------------------------------
def test_sentences_each_opened_by_a_works_and_its_investment_name_the_projects() -> None:
    report = parse_narrative(_doc(
        "某县发展和改革局2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "城东片区雨污分流改造项目计划总投资300万元，已完成投资280万元。城西农贸市场提升改造工程到位资金100万元，"
        "已拨付90万元。",
        "二、自评结论",
        "项目整体完成较好。",
    ))
    assert _money(report) == {"城东片区雨污分流改造项目": (Decimal("3000000"), Decimal("2800000")),
                              "城西农贸市场提升改造工程": (Decimal("1000000"), Decimal("900000"))}


def test_clauses_each_opened_by_a_project_and_its_approved_money_in_yuan() -> None:
    report = parse_narrative(_doc(
        "某区水务局2023年度项目绩效自评报告",
        "一、项目概况",
        "河道清淤疏浚项目，批复资金1,800,000元，实际支出1,756,300元；排涝泵站维修工程，批复资金650,000.00元，"
        "实际支出650,000.00元。",
    ))
    assert _money(report) == {"河道清淤疏浚项目": (Decimal("1800000"), Decimal("1756300")),
                              "排涝泵站维修工程": (Decimal("650000"), Decimal("650000"))}


def test_one_sentence_on_the_reports_own_works_names_no_second_project() -> None:
    report = parse_narrative(_doc(
        "2023年某镇污水管网建设项目绩效自评报告",
        "一、项目概况",
        "该项目计划总投资300万元，已完成投资280万元。",
        "配套管网工程到位资金100万元，已拨付90万元。",
    ))
    assert len(report.projects) == 1


# --- the uses of a project's money listed after its amount -------------------------------------------------------
def test_the_uses_listed_after_a_projects_money_are_no_projects() -> None:
    report = parse_narrative(_doc(
        "某县农业农村局2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "（一）农产品质量安全监测项目。该项目年初预算100万元，全年执行96万元，执行率96%。主要用于：检测设备购置费60万元，"
        "人员培训费20万元，抽检样品费16万元。",
        "（二）农村实用人才培训项目。该项目年初预算50万元，全年执行50万元，资金用于：师资课酬费20万元，场地租赁费10万元，"
        "学员食宿费20万元。",
    ))
    assert set(_money(report)) == {"农产品质量安全监测项目", "农村实用人才培训项目"}


def test_projects_a_fund_is_used_for_stay_projects() -> None:
    report = parse_narrative(_doc(
        "某县2023年度中央财政衔接推进乡村振兴补助资金绩效自评报告",
        "一、资金基本情况",
        "2023年中央财政衔接推进乡村振兴补助资金共下达我县500万元，分别用于：东河村道路硬化项目300万元，"
        "西山村产业大棚项目200万元。截至年底，东河村道路硬化项目已支付290万元，西山村产业大棚项目已支付200万元。",
    ))
    money = _money(report)
    assert money["东河村道路硬化项目"] == (Decimal("3000000"), Decimal("2900000"))
    assert money["西山村产业大棚项目"] == (Decimal("2000000"), Decimal("2000000"))


# --- enumerations and names read whole -----------------------------------------------------------------------------
def test_items_opened_by_an_enumerating_word_and_its_comma_are_projects() -> None:
    report = parse_narrative(_doc(
        "某区民政局2023年度项目绩效自评报告",
        "一、基本情况",
        "2023年我局共实施项目3个，总金额620万元。",
        "其一，社区居家养老服务项目，年初预算300万元，全年执行290万元，执行率96.67%；",
        "其二，特困人员供养补助，年初预算250万元，全年执行250万元，执行率100%；",
        "其三，殡葬改革奖补资金，年初预算70万元，全年执行65万元，执行率92.86%。",
    ))
    money = _money(report)
    assert money["特困人员供养补助"] == (Decimal("2500000"), Decimal("2500000"))
    assert money["殡葬改革奖补资金"] == (Decimal("700000"), Decimal("650000"))
    assert "未命名项目" not in money


def test_first_second_enumerated_accounts_are_projects() -> None:
    report = parse_narrative(_doc(
        "某县司法局2023年度项目支出绩效自评报告",
        "第一，人民调解以案定补经费，年初预算30万元，全年实际支出28万元。第二，社区矫正监管平台运维项目，年初预算20万元，"
        "全年实际支出20万元。",
    ))
    assert set(_money(report)) == {"人民调解以案定补经费", "社区矫正监管平台运维项目"}


def test_a_name_ending_in_the_word_for_popularising_is_whole() -> None:
    report = parse_narrative(_doc(
        "某县文化馆2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "2023年我馆实施“文化惠民演出”项目和“全民艺术普及”项目。“文化惠民演出”项目年初预算40万元，实际支出39.2万元；"
        "“全民艺术普及”项目年初预算25万元，实际支出25万元。",
        "二、绩效自评结论",
        "“文化惠民演出”项目自评得分95分，“全民艺术普及”项目自评得分92分。",
    ))
    assert _scores(report) == {"文化惠民演出": 95, "全民艺术普及": 92}


def test_projects_with_their_money_in_brackets_after_the_verb_that_carried_them_out() -> None:
    report = parse_narrative(_doc(
        "某县自然资源局2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "本年度我局实施了地质灾害隐患点治理工程（总投资180万元，已支付170万元）和不动产登记数据整合项目"
        "（总投资60万元，已支付60万元）。",
    ))
    assert _money(report) == {"地质灾害隐患点治理工程": (Decimal("1800000"), Decimal("1700000")),
                              "不动产登记数据整合项目": (Decimal("600000"), Decimal("600000"))}


def test_a_subsidy_named_in_full_then_without_its_recipients_is_one_project() -> None:
    report = parse_narrative(_doc(
        "某县残联2023年度项目支出绩效自评报告",
        "一、项目基本情况",
        "今年我会共有两个项目：一是残疾人康复救助项目，预算85万元，支出80.5万元；二是残疾人就业培训补贴，预算40万元，"
        "支出40万元。",
        "二、自评结论",
        "残疾人康复救助项目自评得分93分，就业培训补贴自评得分96分。",
    ))
    assert _scores(report) == {"残疾人康复救助项目": 93, "残疾人就业培训补贴": 96}


def test_words_that_open_two_projects_names_are_neither_ones_short_form() -> None:
    report = parse_narrative(_doc(
        "某中学2023年度项目支出绩效自评报告",
        "（一）义务教育生均公用经费。年初预算120万元，全年执行118万元。",
        "（二）义务教育家庭经济困难学生生活补助。年初预算30万元，全年执行30万元。",
        "义务教育经费保障机制运行良好，义务教育补助按时发放。",
    ))
    assert not {"义务教育经费", "义务教育补助"} & _names(report)


# --- the amount first, then the verb that hands it down and the works it pays for -------------------------------
def test_money_handed_down_for_a_works_with_its_builders_long_name() -> None:
    report = parse_narrative(_doc(
        "某市生态环境局2023年度中央大气污染防治资金绩效自评报告",
        "一、资金下达情况",
        "2023年度中央共下达我市大气污染防治资金500万元，我市已及时下拨。其中380万元下拨用于实施某市城南工业园区热电联产有限责任公司"
        "燃煤锅炉超低排放及烟气脱硫脱硝除尘设施升级改造项目，120万元拨付用于实施城区餐饮油烟在线监控系统建设项目。",
    ))
    money = _money(report)
    long_name = "某市城南工业园区热电联产有限责任公司燃煤锅炉超低排放及烟气脱硫脱硝除尘设施升级改造项目"
    assert len(long_name) > 40
    assert money[long_name][0] == Decimal("3800000")
    assert money["城区餐饮油烟在线监控系统建设项目"][0] == Decimal("1200000")


def test_money_allotted_then_used_for_a_named_project() -> None:
    report = parse_narrative(_doc(
        "某县2023年度彩票公益金项目绩效自评报告",
        "一、基本情况",
        "县财政下达彩票公益金共90万元，其中：60万元安排用于建设城北社区老年人日间照料中心项目，30万元下达用于开展"
        "残疾人辅助器具适配项目。",
    ))
    money = _money(report)
    assert money["城北社区老年人日间照料中心项目"][0] == Decimal("600000")
    assert money["残疾人辅助器具适配项目"][0] == Decimal("300000")


def test_the_costs_the_projects_money_went_to_are_no_projects() -> None:
    report = parse_narrative(_doc(
        "某区教育局2022年度部门项目绩效自评报告",
        "一、项目总体情况",
        "1.学前教育发展项目，预算资金600万元，实际支出580万元；",
        "2.义务教育薄弱环节改善与能力提升资金，预算资金450万元，实际支出430万元。",
        "二、项目支出情况",
        "各项目资金主要用于：设备购置费520万元，工程建设费380万元，师资培训费110万元。",
        "上述项目经费具体用于：校舍维修费300万元，教学仪器购置费200万元。",
    ))
    assert set(_money(report)) == {"学前教育发展项目", "义务教育薄弱环节改善与能力提升资金"}


# --- a counted list whose items each go on with their own money --------------------------------------------------
def test_a_counted_list_of_projects_each_with_its_money_gives_each_its_own() -> None:
    report = parse_narrative(_doc(
        "某镇人民政府2023年度财政衔接资金项目绩效自评报告",
        "一、项目基本情况",
        "2023年我镇实施衔接资金项目2个，分别为：东坪村茶叶加工厂建设项目，总投资120万元，已支付115万元；"
        "西岭村乡村旅游步道建设项目，总投资80万元，已支付80万元。",
    ))
    assert _money(report) == {"东坪村茶叶加工厂建设项目": (Decimal("1200000"), Decimal("1150000")),
                              "西岭村乡村旅游步道建设项目": (Decimal("800000"), Decimal("800000"))}


def test_three_counted_works_each_with_its_budget_and_spending() -> None:
    report = parse_narrative(_doc(
        "某县水利局2022年度项目绩效自评报告",
        "我局2022年共实施项目3个，包括：南干渠防渗改造工程，年初预算60万元，实际支出58万元；北山塘坝加固工程，"
        "年初预算45万元，实际支出45万元；山洪沟治理项目，年初预算30万元，实际支出27万元。",
    ))
    money = _money(report)
    assert money["南干渠防渗改造工程"] == (Decimal("600000"), Decimal("580000"))
    assert money["山洪沟治理项目"] == (Decimal("300000"), Decimal("270000"))
    assert len(report.projects) == 3


# --- a count announcing the numbered paragraphs after it ---------------------------------------------------------
def test_a_funds_announced_projects_are_every_numbered_paragraph_after_the_count() -> None:
    report = parse_narrative(_doc(
        "某县2023年度文化旅游体育专项资金绩效自评报告",
        "一、资金基本情况",
        "2023年上级下达我县文化旅游体育专项资金共计180万元，用于以下3个项目：",
        "1.县图书馆总分馆建设项目，下达资金100万元，已支付95万元；",
        "2.乡镇全民健身广场建设项目，下达资金50万元，已支付50万元；",
        "3.非遗传承人补助，下达资金30万元，已支付30万元。",
    ))
    assert _money(report)["非遗传承人补助"] == (Decimal("300000"), Decimal("300000"))


def test_a_units_counted_projects_in_bracketed_paragraphs() -> None:
    report = parse_narrative(_doc(
        "某县应急管理局2023年度项目支出绩效自评报告",
        "我局2023年共实施项目2个：",
        "（1）应急物资储备，年初预算40万元，全年支出38万元。",
        "（2）森林消防队伍建设补助，年初预算60万元，全年支出60万元。",
        "二、自评结论",
    ))
    assert set(_money(report)) == {"应急物资储备", "森林消防队伍建设补助"}


# --- a dump that cut a numbered item's name inside its last word -------------------------------------------------
def test_a_name_cut_inside_its_last_word_by_a_line_break_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_text(
        "2023年度某县水利局项目支出绩效自评报告\n"
        "一、项目基本情况\n"
        "（一）2023年某县农村饮水安全巩固提升工\n"
        "程项目。该项目年初预算500万元，全年执行450万元，执行率90%。\n"
        "（二）小型水库除险加固补\n"
        "助。该项目年初预算300万元，全年执行300万元，执行率100%。\n"
        "二、自评结论\n"
        "饮水安全工程自评得分90分，小型水库除险加固补助自评得分96分。\n", encoding="utf-8")
    report = parse(extract(path))
    assert _scores(report) == {"2023年某县农村饮水安全巩固提升工程项目": 90, "小型水库除险加固补助": 96}


def test_a_heading_over_a_line_on_a_projects_money_stays_a_heading(tmp_path: Path) -> None:
    path = tmp_path / "heading.txt"
    path.write_text(
        "某县2023年度项目支出绩效自评报告\n"
        "一、项目资金情况\n"
        "（一）预算安排\n"
        "项目资金：年初预算120万元，全年执行118万元。\n", encoding="utf-8")
    texts = [getattr(e, "text", "") for e in extract(path).elements]
    assert "（一）预算安排" in texts


def test_the_first_item_after_the_words_that_announce_the_list_is_a_project_too() -> None:
    report = parse_narrative(_doc(
        "某县交通运输局2023年度项目支出绩效自评报告",
        "一、项目概况",
        "我局2023年度实施的项目有：农村公路养护工程，预算资金200万元，实际支出195万元；县乡道安全隐患整治工程，"
        "预算资金150万元，实际支出150万元；客运站运营补贴，预算资金50万元，实际支出50万元。",
    ))
    assert _money(report)["农村公路养护工程"] == (Decimal("2000000"), Decimal("1950000"))
    assert len(report.projects) == 3


def test_the_first_works_after_a_colon_of_projects_listed_with_their_investment() -> None:
    report = parse_narrative(_doc(
        "某镇人民政府2023年度项目绩效自评报告",
        "本年度我镇实施的项目分别为：东街排水管网改造工程，批复资金90万元，已支付88万元；西街路灯安装工程，批复资金30万元，"
        "已支付30万元。",
    ))
    assert set(_money(report)) == {"东街排水管网改造工程", "西街路灯安装工程"}


# --- a count of the unit's projects with no money of their whole is no subject ------------------------------------
def test_a_count_of_projects_whose_whole_gets_no_money_makes_no_whole_subject() -> None:
    report = parse_narrative(_doc(
        "某县农业农村局2023年度项目支出绩效自评报告",
        "一、项目概况",
        "本年度共有2个项目纳入自评范围，涉及资金350万元。",
        "项目一：农村厕所革命整村推进项目，年初预算250万元，调整后预算260万元，全年支出255万元，执行率98.08%。",
        "项目二：农业面源污染治理项目，年初预算100万元，调整后预算90万元，全年支出90万元，执行率100%。",
    ))
    assert set(_money(report)) == {"农村厕所革命整村推进项目", "农业面源污染治理项目"}


def test_sources_said_before_the_count_make_no_whole_subject() -> None:
    report = parse_narrative(_doc(
        "某县住建局2023年度项目支出绩效自评报告",
        "一、基本情况",
        "2023年度我局共收到上级专项资金500万元，县级配套资金100万元。共实施项目2个。",
        "（一）农村危房改造项目。该项目年初预算400万元，全年执行390万元，执行率97.5%。",
        "（二）城镇老旧小区配套设施建设工程。该项目年初预算200万元，全年执行200万元，执行率100%。",
    ))
    assert set(_money(report)) == {"农村危房改造项目", "城镇老旧小区配套设施建设工程"}


def test_a_header_run_of_column_labels_is_no_long_works_name() -> None:
    # (a name that calls itself a project may run to 50 characters; a run of column labels set apart by spaces may
    # not, however it ends)
    from reportparse.parse.names import valid_candidate

    header = "年度绩效指标完成情况 一级指标 二级指标 三级指标 年度指标值 实际完成值 评分标准 指标分值 自评得分 配套项目"
    assert not valid_candidate(header)
    assert valid_candidate("某市某某机械租赁有限责任公司沥青混凝土材料储存及搅拌站封闭库升级改造项目")
