"""The money a fund's allocation table gives its one target form, where the form leaves its own amounts blank.

A notice that hands a fund down prints two attachments: the 资金安排表 (分配表), one row per recipient
under a column of the whole allotment and its parts headed 其中 ('单位 | 全年中央补助资金 | 其中：免学费补助
| 其中：国家助学金'), and the fund's 绩效目标表, whose 资金情况 block a recipient's copy often leaves empty.
The allotment is then the fund's budget: the table's 合计 row, or its one recipient's row. A table of several
recipients without a total gives none (which of them the form is about the table does not say), nor does a
table that states no unit of its figures (a figure in yuan and one in 万元 differ ten thousand times).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from reportparse.lazypattern import lazy_compile
from reportparse.model import Document, Paragraph, Project, Quantity, Table
from reportparse.normalise.units import yuan_per
from reportparse.parse.form import values
from reportparse.parse.form.grid import GridRow, evidence, squash
from reportparse.parse.form.labels import matches

#: the unit of a table's figures noted above it or in its header ('单位：元', '（万元）')
_UNIT = lazy_compile(r"单位\s*[:：]\s*(?:人民币)?(万元|千元|亿元|元)|[(（]\s*(万元|千元|亿元|元)\s*[)）]")
#: the recipient rows read under a header at most: an allocation table of a county lists its towns, not more
_MAX_ROWS = 60
#: a figure of the whole column with its thousands grouped ('7,548,150'): an accountant's yuan
_GROUPED = lazy_compile(r"^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$")


def allotted_budget(document: Document, project: Project) -> Quantity | None:
    """The fund's allotment from the document's allocation table, for a project that states no amount of its own;
    None where the project has an amount, or no allocation table gives exactly one whole."""
    budget = project.budget
    if any(q is not None for q in (budget.initial, budget.planned, budget.executed)):
        return None
    found: list[Quantity] = []
    for table in document.tables:
        for index in range(len(table.rows)):
            whole = _whole_column(GridRow(table, index))
            if whole is not None:
                amount = _allotment(table, index, whole, _unit(document.elements, table, index))
                if amount is not None:
                    found.append(amount)
    return found[0] if len(found) == 1 else None


def _whole_column(row: GridRow) -> int | None:
    """The column of the whole allotment in an allocation table's header row: the row opens with the recipients'
    label, a whole's label follows, and a label of its parts (其中…) right after it."""
    cells = row.distinct()
    for at, ((col, cell), (_, after)) in enumerate(pairwise(cells)):
        # (the recipients' label may be spread over the cells before the whole's: a borderless print parts '单 位')
        label = "".join(squash(before.text) for _, before in cells[:at])
        if at and matches("budget.allotment_whole", squash(cell.text)) and squash(after.text).startswith("其中"):
            return col if matches("budget.allotment_recipient", label) else None
    return None


def _allotment(table: Table, header: int, col: int, unit: str | None) -> Quantity | None:
    """The whole of the rows under the header: its 合计 row's figure, else its one recipient's."""
    rows: list[GridRow] = []
    total: GridRow | None = None
    for index in range(header + 1, min(len(table.rows), header + 1 + _MAX_ROWS)):
        row = GridRow(table, index)
        figure = values.plain_decimal(row.text(col))
        if figure is None:
            if rows or total is not None:
                break  # the rows have ended
            continue  # the header's second line ('小计 | 提前下达 | 本次下达')
        label = squash(row.text(0))
        if matches("indicator.total", label) or matches("budget.total_row", label):
            total = row
        else:
            rows.append(row)
    chosen = total if total is not None else (rows[0] if len(rows) == 1 else None)
    if chosen is None:
        return None
    text = squash(chosen.text(col))
    scale = unit or ("元" if _GROUPED.match(text) else None)
    number = values.plain_decimal(text)
    if scale is None or number is None or number <= 0:
        return None
    value = number * yuan_per(scale)
    ev = evidence(chosen, col)
    return Quantity(raw=f"{text}{scale}" if unit is None or not text.endswith(scale) else text,
                    value=value if value != value.to_integral_value() else Decimal(int(value)), unit="元",
                    evidence=[ev] if ev else [])


def _unit(elements: Sequence[Paragraph | Table], table: Table, header: int) -> str | None:
    """The unit the table states: in its header row, in a row above the header (a sheet's '单位：元'), else in the
    paragraphs right before the table."""
    texts = [cell.text for cell in table.rows[header]]
    texts += [cell.text for row in table.rows[max(0, header - 3):header] for cell in row]
    at = next((i for i, element in enumerate(elements) if element is table), None)
    if at is not None:
        texts += [element.text for element in elements[max(0, at - 2):at] if isinstance(element, Paragraph)]
    for text in texts:
        match = _UNIT.search(squash(text))
        if match:
            return match.group(1) or match.group(2)
    return None
