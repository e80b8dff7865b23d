"""A form's money cell that states the whole amount in words, then its parts: '总额1002.6万元，其中：中央726.7万元；
省级23.9万元', 'X推广项目38.75万元（少数民族发展资金37万元，中央衔接资金1.75万元）', '少数民族发展资金37万元'.

Many forms fill a 资金总额 field or a 项目资金 block's cell this way instead of with a bare figure. Under a money
label or column the cell's one amount before its parts is the figure of the field: the parts are a split of it (by
source), never another figure of the row. A cell with two amounts before any parts ('预算50万元，执行48万元'), or a
figure that is no money ('3875人'), states no single amount, and gives none.
"""

from __future__ import annotations

from functools import cache

from reportparse.lazypattern import LazyPattern, lazy_compile
from reportparse.lexicondata import alternation
from reportparse.model import Evidence, Quantity
from reportparse.parse.form import values
from reportparse.parse.form.grid import GridRow, squash
from reportparse.parse.form.labels import matches, role_words

#: the first amount written with its unit of money, not inside a longer figure
_MONEY = lazy_compile(r"(?<![\d.,，])(?P<amount>\d[\d,，]*(?:\.\d+)?)(?P<unit>亿元|万元|千元|元)")
#: a year or a date in the words before the amount ('2022年…项目', '2021年度'): no figure of the field
_YEAR = lazy_compile(r"(?:19|20)\d{2}(?:年度?|[-—－]\d{2,4}年?)|\d{1,2}月(?:\d{1,2}日)?")
#: most words a name or a label takes before its amount: a longer head is a sentence, not a field
_HEAD_MAX = 60
#: a clause's end before the amount: the cell is a sentence ('完成X建设，总投资50万元'), not a name and its money
_CLAUSE_MARK = lazy_compile(r"[，,。；;！!？?]")


@cache
def _parts_after() -> LazyPattern:
    """What may follow the whole amount: nothing, its parts in brackets, or a clause that opens them (其中, 包括)."""
    words = alternation(role_words("budget.parts_open"))
    return lazy_compile(rf"^[。.；;，,]?$|^[（(][^()（）]*[)）][。.；;，,]?$|^[，,；;：:]?[（(]?(?:{words})")


@cache
def _head_excluded() -> LazyPattern:
    """Words before an amount that make it a part or a leftover, not the whole (其中, 结余, 节约)."""
    return lazy_compile(alternation(role_words("budget.not_whole")))


def whole_amount_text(text: str) -> str | None:
    """The whole amount a cell states before its parts ('1002.6万元'), or None (no money, or more than one)."""
    key = squash(text)
    match = _MONEY.search(key)
    if match is None:
        return None
    head, tail = key[:match.start()], key[match.end():]
    if (len(head) > _HEAD_MAX or any(ch.isdigit() for ch in _YEAR.sub("", head)) or _head_excluded().search(head)
            or _CLAUSE_MARK.search(head)):
        return None
    if not _parts_after().match(tail):
        return None
    return match.group("amount").replace("，", ",") + match.group("unit")


def whole_money(text: str, ev: Evidence | None) -> Quantity | None:
    """`whole_amount_text` as a Quantity in yuan (the cell's own unit of money), with the cell's evidence."""
    amount = whole_amount_text(text)
    if amount is None:
        return None
    parsed = values.parse_quantity_text(amount, default_unit=None)
    if parsed is None or parsed.value is None or abs(parsed.value) > values.MAX_AMOUNT_YUAN:
        return None
    return parsed.model_copy(update={"evidence": [ev] if ev else []})


def column_whole_money(row: GridRow, col: int | None, money_cols: tuple[int | None, ...],
                       ev: Evidence | None) -> Quantity | None:
    """The whole amount a 项目资金 block's cell states in words under one money column; none from a cell merged
    across two money columns (one sentence over 预算数 and 执行数 states neither column's figure)."""
    cell = row.cell(col)
    if col is None or cell is None or any(_one_merged_cell(row, col, other) for other in money_cols
                                          if other is not None and other != col):
        return None
    return whole_money(cell.text, ev) if column_amount_text(cell.text) else None


def column_amount_text(text: str) -> str | None:
    """`whole_amount_text` of a cell under a money column; none from a field with its own label ('项目支出:2985.5万元'
    under 全年执行数: a split of the money printed there, not the column's figure)."""
    return None if _LABELLED.match(squash(text)) else whole_amount_text(text)


#: words then a colon before the first figure: a field with its own label, not a column's amount
_LABELLED = lazy_compile(r"^[^\d]*[:：]")


def _one_merged_cell(row: GridRow, first: int, second: int) -> bool:
    """The grid positions `first` … `second` are one merged cell (the same text, each after the first a merge's)."""
    low, high = min(first, second), max(first, second)
    key = row.key(low)
    return all((cell := row.cell(at)) is not None and cell.merged and row.key(at) == key
               for at in range(low + 1, high + 1))


#: a fund row's label that writes its amount after it ('年度资金总额：38.75万元', '其中：财政拨款 37万元')
_LABEL_THEN_AMOUNT = lazy_compile(r"^(?P<label>[^\d]{2,16}?)[:：]?\d[\d,，]*(?:\.\d+)?(?:亿元|万元|千元|元)[。.]?$")


def label_of_amount(key: str) -> str:
    """A 项目资金 block's row label without the amount the cell writes after it ('年度资金总额：38.75万元' →
    '年度资金总额'): the row is still that fund's row, its columns hold its figures; any other key as it is."""
    match = _LABEL_THEN_AMOUNT.match(key)
    if match is None or not (matches("budget.total_row", match.group("label"))
                             or matches("budget.fund_row", match.group("label"))):
        return key
    return match.group("label").rstrip(":：")
