"""Amounts a form writes with their label in one cell: '项目资金总额：1560.5万元', '实际支出金额：1498万元'.
(A label | value pair in two cells is `fieldpairs.budget_fields`'.)"""

from __future__ import annotations

from reportparse.lazypattern import lazy_compile
from reportparse.model import Project, Quantity
from reportparse.parse.form import values
from reportparse.parse.form.grid import GridRow, evidence, squash
from reportparse.parse.form.labels import matches

#: a cell that is one label and one amount: '项目资金总额：1560.5万元', '年度资金总额:24.5', '全年预算数 880.00' (the
#: colon may be a space, gone from the squashed text; the unit of a bare figure from the label, '（万元）', else from a
#: label the row prints before it, else 万元), maybe with its parts in brackets after it ('…万元（其中省级500万元…）')
_LABELLED_AMOUNT = lazy_compile(r"^(?P<label>[^:：\d]{2,16})[:：]?(?P<amount>\d[\d,.]*(?:万元|元|千元|亿元)?)"
                                r"(?:[（(](?:其中|含)[^()（）]*[)）])?[。.]?$")
_UNIT = lazy_compile(r"[（(](万元|元|千元|亿元)[)）]")


def inline_budget_fields(row: GridRow) -> dict[str, Quantity]:
    """The budget ('…资金总额：X', a 预算数 field) and the spending (an 执行数 field) the row's cells state with their
    labels; a cell with more than one amount in a row ('…：X万元，其中中央Y万元') states no single field."""
    found: dict[str, Quantity] = {}
    for col, cell in row.distinct():
        written = _LABELLED_AMOUNT.match(squash(cell.text))
        if written is None:
            continue
        label = written.group("label")
        if ("资金" in label and matches("budget.total_row", label)) or matches("budget.field_planned", label):
            field_name = "planned"
        elif matches("budget.field_executed", label) or matches("budget.header_executed", label):
            field_name = "executed"
        else:
            continue
        unit = _UNIT.search(label) or next(filter(None, (_UNIT.search(squash(other.text))
                                                        for before, other in row.distinct() if before < col)), None)
        amount = values.parse_quantity_text(written.group("amount"), default_unit=unit.group(1) if unit else "万元")
        if amount is not None and amount.value is not None and field_name not in found:
            found[field_name] = amount.model_copy(update={"evidence": [e for e in [evidence(row, col)] if e]})
    return found


#: How many rows under the first one that states an amount with its label may state the other ('年度资金总额：880万元'
#: on one row, '全年执行数：836万元' on the next).
_FIELD_ROWS = 3


def fill_inline_budget(project: Project, rows: list[GridRow]) -> None:
    """A form whose amounts no 项目资金 block or label | value pair gave: the first row that states them with their
    labels in one cell gives them, the rows right under it what it leaves out."""
    budget = project.budget
    if any(q is not None for q in (budget.initial, budget.planned, budget.executed)):
        return
    first = next((at for at, row in enumerate(rows) if inline_budget_fields(row)), None)
    if first is None:
        return
    found: dict[str, Quantity] = {}
    for row in rows[first:first + 1 + _FIELD_ROWS]:
        for field_name, amount in inline_budget_fields(row).items():
            found.setdefault(field_name, amount)
    budget.planned, budget.executed = found.get("planned"), found.get("executed")
