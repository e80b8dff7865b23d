"""A part of a total said twice: as money and as its share of the total ('支出合计1000万元，其中：基本支出800万元，
占80%；项目支出200万元，占20%'). The share must be the part over the total its 其中 breaks down, within the
rounding of the three printed figures; a share of another base ('占年初预算的75%', '占基本支出的') is no
restatement of the part and is left alone. (Parts whose shares make 100% but whose amounts do not make the
total are the fund-sum check's, checks/fundparts.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from reportparse.checks import CheckContext, new_finding, register
from reportparse.checks.common import fmt_money, only_project_name
from reportparse.checks.figures import TRUNCATION_SLACK, half_last_digit, percent_bounds
from reportparse.checks.fundparts import BRACKET, CLAUSE_MARK, breakdowns, is_change
from reportparse.lazypattern import lazy_compile
from reportparse.model import Finding
from reportparse.parse.quantities import money

#: a share said right after a part's amount, with the base it names if any ('，占27.52%', '（占总支出的80%）')
_SHARE = lazy_compile(r"\s*[，,]?\s*[（(]?\s*(?:占比|占)(?P<base>[^，,；;。\d%％()（）]{0,12}?)(?:的)?\s*(?:为|是)?\s*"
                      r"(?P<share>\d+(?:\.\d+)?)\s*[%％]")
#: a base that is the total whatever its clause calls it
_WHOLE_WORDS = lazy_compile(r"^(?:总|全部|合计|总计|总额|全年|全部资金|总资金|总支出|总收入|资金总额|比)?$")
_HUNDRED = Decimal(100)


def _scale(raw: str) -> Decimal:
    return Decimal(100000000) if "亿" in raw else Decimal(10000) if "万" in raw else Decimal(1)


@register("conflicting-figures")
def part_share_differs(ctx: CheckContext) -> Iterator[Finding]:
    """A part after 其中 said with a share of its total that the amounts do not give."""
    if ctx.document is None:
        return
    owner = only_project_name(ctx.report)
    for listed in breakdowns(ctx.document.paragraphs):
        total, region = listed.total, listed.region
        if not total.value or total.value <= 0:
            continue
        bracketed = [m.span() for m in BRACKET.finditer(region)]
        other_base = False  # a share before named a base other than the total ('占基本支出的83.33%')
        for part in money(region):
            if part.value is None or any(a <= part.start < b for a, b in bracketed) or is_change(region, part):
                continue
            said = _SHARE.match(region, part.end)
            if said is None:
                break  # (the list of shares ends at the first part said without one)
            base = said.group("base").strip()
            if base:
                other_base = not (_WHOLE_WORDS.match(base) or base in listed.head)
            # (a share that names no base after one that named another: '人员经费500万元，占基本支出的83.33%；公用
            # 经费100万元，占16.67%' — the second is of the same 基本支出)
            if other_base or part.value > total.value:
                continue
            low, high = percent_bounds(part.value, half_last_digit(part.raw) * _scale(part.raw),
                                       total.value, half_last_digit(total.raw) * _scale(total.raw))
            stated = Decimal(said.group("share"))
            allowed = half_last_digit(said.group("share")) + TRUNCATION_SLACK
            if low - allowed <= stated <= high + allowed:
                continue
            computed = (part.value / total.value * _HUNDRED).quantize(Decimal("0.01"))
            label = CLAUSE_MARK.split(region[:part.start])[-1].strip() or None
            yield new_finding(
                "conflicting-figures",
                f"{label or '其中一项'} {part.raw} 称占“{total.raw}”的 {said.group('share')}%，"
                f"而 {fmt_money(part.value)} ÷ {fmt_money(total.value)} = {computed}%",
                project=owner, indicator=label if label and len(label) <= 24 else None,
                expected=computed, actual=stated,
                evidence=[listed.evidence(said.end())],
            )
