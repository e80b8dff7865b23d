"""Amounts a form writes as label | value pairs in a basic-information table ('计划投资额（万元） | 144 |
实际使用情况（万元） | 142'), not as the rows and columns of a 项目资金 block (`blocks`). Split out of `blocks`."""

from __future__ import annotations

import re

from reportparse.han import has_han
from reportparse.model import Cell, Quantity
from reportparse.parse.form import values
from reportparse.parse.form.blocks import AMOUNT_CELL, UNIT_IN_LABEL
from reportparse.parse.form.grid import GridRow, evidence, squash, value_after
from reportparse.parse.form.labels import matches
from reportparse.parse.form.wholeamount import whole_money


def budget_fields(row: GridRow) -> dict[str, Quantity]:
    """Amounts written as label | value pairs in a basic-information table: '计划投资额（万元） | 144 |
    实际使用情况（万元） | 142' → planned, executed (the unit from the label, else 万元)."""
    found: dict[str, Quantity] = {}
    cells = row.distinct()
    # a 绩效目标申报表 states its 年度资金总额 as one label | amount pair: the planned budget (a
    # 自评表's fund row under that label has three amounts or more); the block's own label merged down
    # beside it ('项目资金（万元） | 年度资金总额 | 24.5') is no third cell
    labelled = [(col, cell) for col, cell in cells if not matches("form.budget_block", squash(cell.text))]
    alone = len(labelled) == 2
    for at, (col, cell) in enumerate(cells):
        key = squash(cell.text)
        for field_name in ("planned", "executed"):
            total = (alone or _one_amount_pair(cells, at)) and field_name == "planned" and "资金" in key \
                and matches("budget.total_row", key)
            # (the spending's pair after the budget's in a row of pairs: '资金总额 | 45.6 | 实际支出 | 42.1')
            spent = field_name == "executed" and "planned" in found and matches("budget.header_executed", key)
            if field_name in found or not (total or spent or matches(f"budget.field_{field_name}", key)):
                continue
            hit = value_after(row, col)
            if hit is None:
                continue
            if not AMOUNT_CELL.match(squash(hit[1])):
                # ('资金总额及构成 | 总额1002.6万元，其中：中央726.7万元…': the whole in words, then its parts)
                whole = whole_money(hit[1], evidence(row, hit[0]))
                if whole is not None:
                    found[field_name] = whole
                continue
            # (the unit in the label's cell, else in a label the row prints before it: '项目资金（元）：年初预算数
            # 1,200,000.00 全年预算数 …' counts in 元, not in the form's usual 万元)
            unit = UNIT_IN_LABEL.search(cell.text) or next(
                filter(None, (UNIT_IN_LABEL.search(other.text) for before, other in cells if before < col)), None)
            amount = values.money(row.cell(hit[0]), (unit.group(1) or unit.group(2)) if unit else "万元",
                                  evidence(row, hit[0]))
            if amount is not None:
                found[field_name] = amount
    return found


def _one_amount_pair(cells: list[tuple[int, Cell]], at: int) -> bool:
    """The label at `at` has one amount after it, then another field's label that has an amount of its own
    ('年度资金总额（万元） | 100 | 全年执行数（万元） | 95 | 执行率 | 95%'): a row of label | amount pairs, where the
    total is the planned budget; a fund row (three amounts after its label) is none."""
    rest = [squash(cell.text) for _, cell in cells[at + 1:at + 4]]
    return (len(rest) == 3 and _is_money(rest[0]) and not _is_money(rest[1]) and has_han(rest[1])
            and bool(matches("budget.field_executed", rest[1]) or matches("budget.header_executed", rest[1]))
            and _is_money(rest[2]))


def _is_money(key: str) -> bool:
    return bool(re.search(r"\d", key)) and bool(AMOUNT_CELL.match(key)) and not key.endswith(("%", "％"))
