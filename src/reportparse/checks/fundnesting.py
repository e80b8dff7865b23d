"""Amounts that break another amount down, read as its breakdown and not as more parts of the total
(fund-sum-mismatch, checks/funds.py): a 其中 inside a bracket, a part followed by its own list ('具体为：…'), a fund
block's 其中 rows within a 其中 row."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from reportparse.checks.budget import FUND_TOLERANCE
from reportparse.checks.common import ZERO
from reportparse.lazypattern import lazy_compile

if TYPE_CHECKING:
    from reportparse.parse.quantities import Mention


def nested_reading_adds_up(parts: list[Decimal], stated: Decimal) -> bool:
    """Do the parts add up to the total once the rows that break a part down are read as its breakdown? A fund
    block's '其中：财政拨款 100' followed by '其中：中央资金 60', '省级资金 40' (a 其中 within a 其中, its indent lost
    in the dump) lists 100 twice: a run of two or more amounts right after a part that adds up to it exactly is that
    part's breakdown. Only where the nested reading gives the total: a list that misses it either way is wrong."""
    kept = ZERO
    index = 0
    nested = False
    while index < len(parts):
        part = parts[index]
        kept += part
        index += 1
        running = ZERO
        for stop in range(index, len(parts)):
            running += parts[stop]
            # (two amounts of the run at least, none of them nothing: '60, 0, 60' of 60 is a list that misses)
            if parts[stop] <= 0:
                break
            if stop > index and abs(running - part) <= FUND_TOLERANCE:
                index, nested = stop + 1, True
                break
            if running > part + FUND_TOLERANCE:
                break
    return nested and abs(kept - stated) <= FUND_TOLERANCE


_OPEN_BRACKETS, _CLOSE_BRACKETS = "(（", ")）"


def bracket_close(text: str, at: int) -> int | None:
    """Where the bracket still open at `at` closes (None when `at` is in no bracket, or it never closes)."""
    depth = 0
    for index in range(at - 1, -1, -1):
        if text[index] in _CLOSE_BRACKETS:
            depth += 1
        elif text[index] in _OPEN_BRACKETS:
            if depth == 0:
                break
            depth -= 1
    else:
        return None
    depth = 0
    for index in range(at, len(text)):
        if text[index] in _OPEN_BRACKETS:
            depth += 1
        elif text[index] in _CLOSE_BRACKETS:
            if depth == 0:
                return index
            depth -= 1
    return None


#: the words that open the breakdown of the amount before them ('财政资金500万元，具体为：…', '…（含…')
_SUB_LIST_OPEN = lazy_compile(r"具体|其中|分别|包括|包含|含|[:：(（]")


def without_nested(region: str, parts: list[Mention]) -> list[Mention]:
    """The parts without those that break one of them down further: a run of two or more amounts right after a
    part, opened by a list word ('其中财政资金500万元，具体为：中央300万元、省级150万元、县级50万元，群众自筹1500万元'),
    that adds up to that part exactly is its breakdown, not more parts of the total."""
    kept: list[Mention] = []
    index = 0
    while index < len(parts):
        part = parts[index]
        kept.append(part)
        index += 1
        if part.value is None or index >= len(parts):
            continue
        if not _SUB_LIST_OPEN.search(region[part.end:parts[index].start]):
            continue
        running = ZERO
        for stop in range(index, len(parts)):
            running += parts[stop].value or ZERO
            if stop > index and abs(running - part.value) <= FUND_TOLERANCE:
                index = stop + 1
                break
            if running > part.value + FUND_TOLERANCE:
                break
    return kept


_YEAR = lazy_compile(r"((?:19|20)\d\d)\s*年")
_CLAUSE_MARK = lazy_compile(r"[，,；;：:]")


def other_year_of(text: str) -> str | None:
    """The last year the text names ('2023年基本支出500万元' → '2023'), None if it names none."""
    years = _YEAR.findall(text)
    return years[-1] if years else None


def dated_otherwise(region: str, at: int, year: str | None) -> bool:
    """Does the clause of the amount at `at` name a year other than the total's `year` (None: the total names
    none, and nothing is judged)?"""
    if year is None:
        return False
    clause = _CLAUSE_MARK.split(region[:at])[-1]
    return any(found != year for found in _YEAR.findall(clause))


#: words that open a sentence adding money to what a list gave ('…地方资金80万元。另有社会捐赠20万元'): the list
#: need not be the whole, so a shortfall proves nothing
_MORE_FOLLOWS = lazy_compile(r"[^。；;]{0,60}?[。；;，,]?\s*(?:另有|此外|另外|还有|同时还|另安排|另下达)")


def more_money_follows(text: str, at: int) -> bool:
    """Does the text go on, in the rest of the sentence at `at` or right after it, with more money than the list
    before it gave?"""
    return bool(_MORE_FOLLOWS.match(text, at))
