"""A narrative report on several projects that names each in its prose, with its own money (parse/itemnames,
parse/narrativenames): items opened by 一是/二是 inside a sentence, numbered items whose heading runs into their
paragraph, names ending in 资金/专项/经费 as well as 项目/工程. Made-up reports in the shapes county bodies write
them, never a copy of one page; and the one-project reports whose parts, sources and activities are no projects."""

from __future__ import annotations

from decimal import Decimal

from reportparse.model import Report
from reportparse.parse.itemnames import own_money_items
from reportparse.parse.narrative import parse_narrative
from tests.test_parse_narrative import _doc


def _money(report: Report) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    return {p.name: (p.budget.planned.value if p.budget.planned else None,
                     p.budget.executed.value if p.budget.executed else None) for p in report.projects}


def _w(amount: str) -> Decimal:
    return Decimal(amount) * 10000


# --- items opened by an enumerating word after a colon, inside the sentence that introduces them ---------------
def test_an_item_opened_after_the_colon_of_its_introduction_is_read() -> None:
    text = "全年共实施两类项目：一是村级道路硬化项目，下达资金80万元，已支付76万元；"
    assert own_money_items(text) == ["村级道路硬化项目"]
    assert own_money_items("本年度重点工作如下，一是小型农田水利工程，安排资金30万元，实际支出30万元。") == ["小型农田水利工程"]


def test_enumerated_projects_after_an_introducing_clause_each_keep_their_money() -> None:
    report = parse_narrative(_doc(
        "某镇2023年度衔接资金项目绩效自评报告",
        "一、项目基本情况",
        "2023年共下达我镇衔接资金500万元，主要实施了两个项目：一是村级道路硬化项目，下达资金320万元，已支付300万元，"
        "硬化道路6公里；二是蔬菜大棚建设项目，下达资金180万元，已支付180万元，新建大棚40座。",
    ))
    money = _money(report)
    assert money["村级道路硬化项目"] == (_w("320"), _w("300"))
    assert money["蔬菜大棚建设项目"] == (_w("180"), _w("180"))
