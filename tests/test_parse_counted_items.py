"""Documents naming several projects, in two shapes a sweep of public pages showed: list items that count
themselves before their money ('敬老院改造项目1个，资金30万元'), a form's fund cells run together into what
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


def test_counted_parts_after_qizhong_leave_the_fund_its_own_money() -> None:
    # after 其中 the counted items are parts of the amount before: the fund keeps its money, no item
    # takes the fund's place
    for paras in (("某县2023年度彩票公益金绩效自评报告",
                   "本级安排项目2个,资金15万元。其中:养老服务项目1个,金额10万元,儿童关爱项目1个,金额5万元。"),
                  ("某市2021年度残疾人事业发展资金绩效自评报告",
                   "市本级安排项目2个,资金9万元,其中康复训练项目1个,资金6万元,辅具适配项目1个,资金3万元。")):
        budgets = _budgets(parse_report(_doc(*paras)))
        assert len(budgets) == 1, budgets
        assert next(iter(budgets.values())) in (Decimal(150000), Decimal(90000))


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
