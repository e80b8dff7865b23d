"""The money a year brought besides its budget, as the report's prose states it: what was carried over from the
years before ('上年结转资金12万元', '年初结转结余41.34万元') and what the year's final accounts took in ('收入决算数为
35,820.29万元', '决算收入总额1036.13万元'). A budget approved at the start of the year is not all the money a year can
spend: spending within these is no overspend. The words are in lexicon/balance_words.json (`carried_in_lead`,
`year_income`). Nothing here registers a check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from reportparse.checks import CheckContext
from reportparse.checks.common import ZERO
from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import alternation, lexicon
from reportparse.model import Table

_SENTENCE_END = lazy_compile(r"[。；;\n]")
#: an ASCII comma that ends a clause, not the thousands separator of an amount ('35,820.29万元', '3,875人')
CLAUSE_COMMA = r"(?<!\d),|,(?!\d{3}(?!\d))"
#: a clause ends at a comma or a semicolon
_CLAUSES = lazy_compile(rf"[，；;]|{CLAUSE_COMMA}")


@cache
def _lead(kind: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(lexicon('balance_words.json')[kind])})"
                      r"(?:资金|经费)?(?:总额|总计|合计|数)?\s*(?:为|是|共|[:：])?")


def sentences(ctx: CheckContext) -> Iterator[str]:
    """Every sentence of the document (paragraphs and table cells), or of the prose the parser kept."""
    texts: list[str] = [ev.text for ev in ctx.report.narrative_text]
    if ctx.document is not None:
        for element in ctx.document.elements:
            if isinstance(element, Table):
                texts.extend(dict.fromkeys(cell.text for row in element.rows for cell in row))
            else:
                texts.append(element.text)
    for text in texts:
        yield from (part for part in _SENTENCE_END.split(text) if part.strip())


def _largest_after(ctx: CheckContext, kind: str) -> Decimal:
    """The largest amount in 元 that a clause states right after one of the `kind` words (0 if none)."""
    from reportparse.normalise.quantities import find_quantities

    found = ZERO
    for sentence in sentences(ctx):
        for clause in _CLAUSES.split(sentence):
            named = _lead(kind).search(clause)
            if named is None:
                continue
            for match in find_quantities(clause[named.end():]):
                value, unit = match.quantity.value, match.quantity.unit
                if value is not None and unit == "元":
                    found = max(found, value)
                    break
    return found


def carried_over(ctx: CheckContext) -> Decimal:
    """The largest amount of last year's money carried over that a clause of the report states (0 if none).

    Only a prose form of it: a form's 年度资金总额 already holds its 上年结转资金 row."""
    return _largest_after(ctx, "carried_in_lead")


def year_income(ctx: CheckContext) -> Decimal:
    """The largest amount the report says the year's final accounts took in ('收入决算数为…', 0 if none)."""
    return _largest_after(ctx, "year_income")
