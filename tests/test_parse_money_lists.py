"""Money of several projects given in one list, and the money a single project is carried out with said with no
verb of budget or spending: each figure goes to its own project, as the kind the list or the sentence states."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Document, Line, Paragraph, Project, Source, SourceFormat
from reportparse.parse.narrative import parse_narrative


def _doc(*paragraphs: str) -> Document:
    elements = [Paragraph(text=text, page=1, lines=[Line(text=text, page=1, line=n + 1)], spans=[(0, len(text))])
                for n, text in enumerate(paragraphs)]
    return Document(source=Source(path="t.txt", format=SourceFormat.TEXT, sha256="0", pages=1), elements=elements)


def _money(*paragraphs: str) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    report = parse_narrative(_doc(*paragraphs))
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


def _only(*paragraphs: str) -> Project:
    report = parse_narrative(_doc(*paragraphs))
    assert len(report.projects) == 1, [p.name for p in report.projects]
    return report.projects[0]


def _wan(value: str) -> Decimal:
    return Decimal(value) * 10000


def test_a_list_of_budgets_with_each_spending_in_brackets_keeps_the_budgets_budgets() -> None:
    read = _money(
        "某县水利局2023年度项目支出绩效自评报告",
        "一、项目资金情况",
        "2023年项目支出预算合计70万元，分别为：河道保洁项目45万元（已支出44万元）；山塘清淤项目25万元（已支出20万元）。",
    )
    assert read["河道保洁项目"] == (_wan("45"), _wan("44"))
    assert read["山塘清淤项目"] == (_wan("25"), _wan("20"))


def test_a_list_of_budgets_with_each_spending_in_brackets_another_wording() -> None:
    read = _money(
        "某区体育局2024年度项目支出绩效自评报告",
        "一、资金安排及使用",
        "全年安排项目资金36万元，具体是：全民健身赛事项目24万元（实际使用23.5万元）；社区健身器材维护项目"
        "12万元（实际使用9万元）。",
    )
    assert read["全民健身赛事项目"] == (_wan("24"), _wan("23.5"))
    assert read["社区健身器材维护项目"] == (_wan("12"), _wan("9"))


def test_a_list_of_spending_stays_spending() -> None:
    read = _money(
        "某区体育局2024年度项目支出绩效自评报告",
        "一、资金使用",
        "全年实际支出项目资金32.5万元，具体为：全民健身赛事项目23.5万元；社区健身器材维护项目9万元。",
    )
    assert read["全民健身赛事项目"] == (None, _wan("23.5"))
    assert read["社区健身器材维护项目"] == (None, _wan("9"))


def test_the_source_of_the_projects_money_is_its_budget() -> None:
    project = _only(
        "某街道2024年背街小巷整治项目绩效自评报告",
        "一、项目基本情况",
        "项目资金来源为区级财政专项资金88万元，全年实际支出80万元。",
    )
    assert project.budget.planned is not None and project.budget.planned.value == _wan("88")
    project = _only(
        "某乡2024年度村庄绿化项目绩效自评报告",
        "一、项目资金情况",
        "经费来源：县级财政衔接资金40万元。资金支出情况：全年共支出38万元。",
    )
    assert project.budget.planned is not None and project.budget.planned.value == _wan("40")


def test_a_source_label_over_several_sources_names_no_budget_by_the_first() -> None:
    project = _only(
        "某乡2024年度村庄绿化项目绩效自评报告",
        "一、项目资金情况",
        "资金来源为中央资金30万元、省级资金10万元。",
    )
    planned = project.budget.planned
    assert planned is None or planned.value != _wan("30")


def test_the_money_the_project_is_carried_out_with_is_its_budget() -> None:
    project = _only(
        "某县2023年农村道路提升项目绩效自评报告",
        "二、资金使用情况",
        "2023年使用巩固衔接补助资金150万元实施该项目，截至12月底已支付141万元。",
    )
    assert project.budget.planned is not None and project.budget.planned.value == _wan("150")
    assert project.budget.executed is not None and project.budget.executed.value == _wan("141")
    project = _only(
        "某县2022年茶园提质增效项目绩效自评报告",
        "一、项目资金情况",
        "县农业农村局整合涉农资金62万元用于实施本项目，年内实际拨付60万元。",
    )
    assert project.budget.planned is not None and project.budget.planned.value == _wan("62")


def test_projects_named_after_qizhong_share_the_money_the_sentence_before_stated() -> None:
    read = _money(
        "某镇2023年度村级公益事业建设奖补资金绩效自评报告",
        "一、资金情况",
        "2023年县财政下达我镇村级公益事业建设奖补资金260万元。其中桥头村便民桥建设项目160万元、"
        "后山村排水沟改造项目100万元。",
    )
    assert read["桥头村便民桥建设项目"][0] == _wan("160")
    assert read["后山村排水沟改造项目"][0] == _wan("100")
    read = _money(
        "某街道2024年度社区微更新资金绩效自评报告",
        "一、资金使用情况",
        "全年共支付社区微更新资金95万元。其中：东门社区停车场改造工程60万元；西门社区口袋公园建设工程35万元。",
    )
    assert read["东门社区停车场改造工程"][1] == _wan("60")
    assert read["西门社区口袋公园建设工程"][1] == _wan("35")


def test_sources_named_after_qizhong_stay_parts_of_the_budget() -> None:
    project = _only(
        "某县2022年农村供水保障项目绩效自评报告",
        "一、资金情况",
        "2022年下达本项目资金500万元。其中中央资金300万元、省级资金200万元。全年实际支出480万元。",
    )
    assert project.budget.planned is not None and project.budget.planned.value == _wan("500")


def test_a_funds_list_of_works_names_the_works_not_the_fund_beside_them() -> None:
    read = _money(
        "某县2021年度以奖代补资金绩效自评报告",
        "一、资金下达情况",
        "全年共下达以奖代补资金350万元，包括：东湖村污水管网工程210万元、西岭村村道修缮工程140万元。",
        "二、资金使用情况",
        "东湖村污水管网工程支付工程款200万元；西岭村村道修缮工程支付140万元。",
    )
    assert read["东湖村污水管网工程"] == (_wan("210"), _wan("200"))
    assert read["西岭村村道修缮工程"] == (_wan("140"), _wan("140"))
    assert read["以奖代补资金"][1] is None  # (no works' payment is the fund's)
    read = _money(
        "某县2022年度农业产业发展专项资金绩效自评报告",
        "一、资金情况",
        "2022年县财政安排农业产业发展专项资金300万元，其中：蔬菜大棚建设项目180万元，茶叶加工厂改造项目120万元。",
    )
    assert read["蔬菜大棚建设项目"][0] == _wan("180")
    assert read["茶叶加工厂改造项目"][0] == _wan("120")


def test_projects_listed_each_before_a_bracket_of_its_money_keep_their_own_money() -> None:
    read = _money(
        "某区教育局2023年度专项资金绩效自评报告",
        "一、资金情况",
        "本年度我局共实施两个项目：校园安保设施升级项目（预算40万元，执行38万元）、学生心理健康教育项目"
        "（预算25万元，执行25万元）。",
    )
    assert read["校园安保设施升级项目"] == (_wan("40"), _wan("38"))
    assert read["学生心理健康教育项目"] == (_wan("25"), _wan("25"))
    read = _money(
        "某县交通运输局2022年度项目支出绩效自评报告",
        "一、项目资金情况",
        "重点项目有：农村公路安保工程(年初预算120万元，实际支出116万元)；危桥改造工程(年初预算80万元，实际支出80万元)。",
    )
    assert read["农村公路安保工程"] == (_wan("120"), _wan("116"))
    assert read["危桥改造工程"] == (_wan("80"), _wan("80"))


def test_a_bracket_whose_name_is_not_read_gives_no_name_the_others_money() -> None:
    read = _money(
        "某区教育局2023年度专项资金绩效自评报告",
        "一、资金情况",
        "本年度我局实施校园安保设施升级项目（预算40万元，执行38万元）和学生心理健康教育项目（预算25万元，执行25万元）。",
    )
    assert read.get("学生心理健康教育项目", (None, None))[0] != _wan("40")


def test_a_spending_verb_inside_a_bracket_does_not_carry_to_the_next_item() -> None:
    read = _money(
        "某县卫生健康局2022年度项目支出绩效自评报告",
        "一、项目资金情况",
        "年初下达项目预算55万元，分别为：健康宣传项目35万元（支出33万元），村医培训项目20万元（支出18万元）。",
    )
    assert read["健康宣传项目"] == (_wan("35"), _wan("33"))
    assert read["村医培训项目"] == (_wan("20"), _wan("18"))
    read = _money(
        "某区科技局2023年度项目支出绩效自评报告",
        "一、资金情况",
        "批复项目资金合计46万元，具体为：科技成果转化项目30万元(已拨付28.5万元)，科普活动项目16万元(已拨付16万元)。",
    )
    assert read["科技成果转化项目"] == (_wan("30"), _wan("28.5"))
    assert read["科普活动项目"] == (_wan("16"), _wan("16"))


def test_two_projects_given_their_money_respectively_twice_keep_the_order_both_times() -> None:
    read = _money(
        "某县司法局2023年度项目支出绩效自评报告",
        "一、项目资金情况",
        "2023年社区矫正项目和普法宣传项目分别安排资金30万元、20万元，实际分别支出28万元、19万元。",
    )
    assert read["社区矫正项目"] == (_wan("30"), _wan("28"))
    assert read["普法宣传项目"] == (_wan("20"), _wan("19"))
    read = _money(
        "某区住建局2024年度项目支出绩效自评报告",
        "一、资金情况",
        "燃气管道改造工程与路灯维修工程分别下达45万元和15万元，分别支付42万元和15万元。",
    )
    assert read["燃气管道改造工程"] == (_wan("45"), _wan("42"))
    assert read["路灯维修工程"] == (_wan("15"), _wan("15"))
