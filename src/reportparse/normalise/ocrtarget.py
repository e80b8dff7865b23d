"""A target whose bound sign OCR read as a figure: '≥90%' recognised as '290%', '≤15天' as '515天'; or as letters:
'≥90%' as 'M90%', '≤5元' as 's5元' (`repair_sign_letters`).

The recogniser reads ≥ as 2 and ≤ as 5 (`bound_digits` in lexicon/ocr_confusions.json), often with
full confidence, so the row's target becomes a bare number ten or more times too large and every
check that compares the actual with it reports a confident conflict that the form does not hold
(target missed, score against the formula). On an OCR'd row (or on a share its name caps at 100%, printed
over it whatever read the page), and only when the row's measured actual settles which reading is the
form's — it lies near the number without its first figure and far from the number as read — the first
figure is taken for the bound sign. The raw text stays as
read (it is the quote); only the comparator and value change.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from reportparse.lazypattern import lazy_compile
from reportparse.lexicondata import lexicon
from reportparse.model import Comparator, Indicator, Target
from reportparse.normalise.targets import parse_target

#: The actual lies within these multiples of the number without its first figure ...
NEAR = (Decimal("0.5"), Decimal("1.5"))
#: ... and the number as read is more than this many times the actual.
FAR = Decimal(2)
_SIGN: dict[str, Comparator] = {"≥": ">=", "≤": "<="}
#: compiled on first use: only an OCR'd row gets this far (see reportparse.lazypattern)
_HEAD = lazy_compile(r"^\s*(\d)((?:[1-9]\d*|0)(?:\.\d+)?)(?!\d)")
#: shares that are at most 100% by what they count (a 完成率 or 增长率 may pass it)
_CAPPED_SHARE = lazy_compile(r"(?:满意度|满意率|合格率|达标率|覆盖率|知晓率|到位率|及时率|准确率)(?:调查|测评)?$")


#: Letters at the head of a target, right before its figure ('M90%', 'IN 95%').
_HEAD_LETTERS = lazy_compile(r"^\s*([A-Za-z\u4e09]{1,2})\s*(?=\d)")


@functools.lru_cache(maxsize=1)
def bound_digits() -> dict[str, str]:
    return dict(lexicon("ocr_confusions.json")["bound_digits"])


@functools.lru_cache(maxsize=1)
def bound_letters() -> dict[str, str]:
    """The letters a bound sign is read as (`bound_letters` of lexicon/ocr_confusions.json), and the sign."""
    return dict(lexicon("ocr_confusions.json")["bound_letters"])


def repair_sign_letters(indicator: Indicator, target: Target) -> Target:
    """An OCR'd row's target that holds no figure because its bound sign was read as letters ('M90%', 's5元'):
    read with the sign in their place, when the row's measured actual lies near the figure so read. The raw text
    stays as read (it is the quote, with its confidence)."""
    if target.value is not None or not ocr_read(indicator):
        return target
    head = _HEAD_LETTERS.match(target.raw)
    sign = bound_letters().get(head.group(1)) if head else None
    if head is None or sign is None:
        return target
    read = parse_target(sign + target.raw[head.end():], level=indicator.level, name=indicator.name)
    if read.value is None or read.comparator == "qualitative" or not _near_actuals(indicator, read):
        return target
    return read.model_copy(update={"raw": target.raw})


def _near_actuals(indicator: Indicator, target: Target) -> bool:
    """The row's measured actuals all lie near the target read (a sign read as letters may hide a figure lost
    with it: 'M9%' over an actual of 93% is ≥90% whose 0 the seal took, and is left unread)."""
    assert target.value is not None
    measured = [a.value for a in indicator.actuals
                if a.value is not None and a.value > 0 and target.unit in (None, a.unit)]
    return bool(measured) and all(NEAR[0] * target.value <= v <= NEAR[1] * target.value for v in measured)


def ocr_read(indicator: Indicator) -> bool:
    """Whether the row was read by OCR (its quotes carry the recogniser's confidence)."""
    return any(ev.confidence is not None for ev in indicator.evidence)


def _impossible_share(name: str, target: Target) -> bool:
    """A share over 100% that the name says cannot pass it ('市民满意度 290%'): the bound sign read as a figure
    by whatever made the text (a sharing site's preview of a scan prints '≥90%' as '290%' too), not only our OCR."""
    return (target.unit == "%" and target.value is not None and target.value > 100
            and _CAPPED_SHARE.search(name) is not None)


def repair_bound_sign(indicator: Indicator, target: Target) -> Target:
    """The target with a bound sign read as its first figure put back, when the row's actual says so."""
    if not target.bare_number or target.value is None or not target.value:
        return target
    if not ocr_read(indicator) and not _impossible_share(indicator.name, target):
        return target
    head = _HEAD.match(target.raw)
    sign = bound_digits().get(head.group(1)) if head else None
    if head is None or sign not in _SIGN:
        return target
    as_read, without = Decimal(head.group(1) + head.group(2)), Decimal(head.group(2))
    if not without:
        return target
    value = target.value * without / as_read  # the same scale (万元, 天 → h) as the value read
    measured = [a.value for a in indicator.actuals
                if a.value is not None and a.value > 0 and target.unit in (None, a.unit)]
    if not measured or not all(NEAR[0] * value <= v <= NEAR[1] * value and target.value > FAR * v for v in measured):
        return target
    if value == value.to_integral_value():
        value = value.quantize(1)
    return target.model_copy(update={"comparator": _SIGN[sign], "value": value, "bare_number": False})
