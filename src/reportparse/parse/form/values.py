"""Values in form cells: money in the block's unit, scores, targets and actuals.

The number/unit/comparator grammar lives in `reportparse.normalise` (`parse_quantity`,
`parse_target`). Forms add their own conventions on top: a bare number in the 项目资金 block is
in the block's unit (万元 unless the header says otherwise), a bare actual takes the unit written
in its target ('≤90万元' / '90' → 90 万元), an XLSX cell's typed number beats its displayed text,
and '-', '/', '—' mean "nothing here".
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from reportparse.han import has_han
from reportparse.lazypattern import lazy_compile
from reportparse.model import Actual, Cell, Evidence, Quantity, Target

#: cells that say "not applicable / nothing" rather than a value
BLANK_MARKS = {"", "-", "—", "－", "--", "/", "／", "\\", "无", "——", "…", "……", "...", "......"}
_PLAIN_NUMBER = lazy_compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_LAST_NUMBER = lazy_compile(r"\d+(?:\.\d+)?")
_UNIT_TAIL = lazy_compile(r"^\s*([^\d\s（）()，,。；;、]{1,6})")
#: target-style comparators: an actual written with one restates the target
_RESTATED = lazy_compile(r"不少于|不低于|不超过|不高于|不大于|不小于|≥|≤|>=|<=|≧|≦|以内|控制在")
_AT_LEAST = lazy_compile(r"以上|超过|多于")
_TRAILING_WORDS = ("以上", "以内", "以下", "及以上", "及以下", "左右", "之内", "内")


def is_blank(text: str) -> bool:
    """True for an empty cell or a not-applicable mark."""
    return re.sub(r"\s+", "", text or "") in BLANK_MARKS


def plain_decimal(text: str) -> Decimal | None:
    """A cell that is only a number ('8', '8.00', '1,200') → Decimal; anything else → None."""
    key = re.sub(r"\s+", "", text or "").replace("，", ",")
    if not _PLAIN_NUMBER.match(key):
        return None
    try:
        return Decimal(key.replace(",", ""))
    except InvalidOperation:
        return None


def stated_points(texts: list[str]) -> list[Decimal | None]:
    """The 分值 and 得分 a text dump ends a row with, in order: plain numbers ('10 8.5'), or each written
    with its unit ('10分 8.5分', the unit the grid readers drop too); a pair that mixes the two ('95分 10')
    is a result in points and a figure, no pair of points."""
    keys = [re.sub(r"\s+", "", text or "") for text in texts]
    if keys and all(key.endswith("分") for key in keys):
        keys = [key.removesuffix("分") for key in keys]
    return [plain_decimal(key) for key in keys]


def score_value(cell: Cell | None) -> Decimal | None:
    """A 分值/得分 cell as a number ('10', '10.00', '10分'); None when blank or not a number."""
    if cell is None or is_blank(cell.text):
        return None
    if cell.number is not None:
        return cell.number
    text = re.sub(r"\s+", "", cell.text).removesuffix("分")
    return plain_decimal(text)


def weight_value(cell: Cell | None) -> Decimal | None:
    """A 分值/权重 cell: like `score_value`, but a weight written as a share of the 100-point form
    ('20%', or 0.2 shown with a % format) is that many points (20)."""
    if cell is not None and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*[%％]\s*", cell.text or ""):
        return plain_decimal(re.sub(r"[\s%％]", "", cell.text))
    return score_value(cell)


def money(cell: Cell | None, unit: str, ev: Evidence | None) -> Quantity | None:
    """A 项目资金 cell as a Quantity in yuan; a bare number is in the block's `unit`. None for a 'figure'
    beyond any budget (`MAX_AMOUNT_YUAN`): a fund row's amounts, rate and score a dump glued into one."""
    if cell is None or is_blank(cell.text):
        return None
    text = cell.text.strip()
    if cell.number is not None or plain_decimal(text) is not None:
        number = cell.number if cell.number is not None else plain_decimal(text)
        assert number is not None
        parsed: Quantity | None = _scaled(number, f"{text}{unit}", unit)
    else:
        parsed = parse_quantity_text(text, default_unit=unit)  # ('150万' in a (万元) block is 150 万元)
    if parsed is None or (parsed.value is not None and abs(parsed.value) > MAX_AMOUNT_YUAN):
        return None
    return parsed.model_copy(update={"evidence": [ev] if ev else []})


#: More than any one project's or department's budget (a trillion yuan): a fund row's cells run together
#: ('年度资金总额 | 320032003120101009.75': 3200 3200 3120 10 100 9.75 with the rate's % lost) read as one
#: figure would be a made-up amount and a false sum error.
MAX_AMOUNT_YUAN = 10 ** 12



def rate(cell: Cell | None, ev: Evidence | None) -> Quantity | None:
    """A printed 执行率 as a percent Quantity: '100%', '100.00%', '1' (a fraction) or '0.98'."""
    if cell is None or is_blank(cell.text):
        return None
    text = cell.text.strip()
    number = cell.number if cell.number is not None and "%" not in text else None
    if number is None:
        number = plain_decimal(text.rstrip("%％").strip())
    if number is None:
        return None
    if "%" not in text and "％" not in text and 0 < number <= 1:
        number = number * 100  # a fraction: Excel keeps 100% as 1
    return Quantity(raw=text, value=number, unit="%", evidence=[ev] if ev else [])


def unit_written(text: str) -> str | None:
    """The unit written after the last number of a target ('≥50个' → '个', '≤90万元' → '万元')."""
    matches = list(_LAST_NUMBER.finditer(text or ""))
    if not matches:
        return None
    tail = text[matches[-1].end():]
    for word in _TRAILING_WORDS:
        if tail.strip().startswith(word):
            return None
    match = _UNIT_TAIL.match(tail)
    if not match:
        return None
    unit = match.group(1)
    for word in _TRAILING_WORDS:
        unit = unit.removesuffix(word)
    return unit or None


def target(text: str, level: str, name: str, unit_hint: str | None = None) -> Target:
    """The 年度指标值 as a Target; an empty or not-applicable cell is a qualitative, empty target."""
    if is_blank(text):
        return Target(raw=text.strip(), comparator="qualitative")
    from reportparse.normalise import parse_target

    return parse_target(text, level=level, name=name, unit_hint=unit_hint)


_SYMBOLS = {">=": "≥", "<=": "≤", "=": "=", ">": ">", "<": "<"}


def _nature_symbol(nature: str) -> str:
    """The 指标性质 cell as a comparator symbol: 正向指标 → ≥, 反向指标 → ≤, 大于等于 → ≥, 等于 → =;
    定性/定量 (a kind, not a comparator) → ''; anything else as written."""
    from reportparse.normalise import parse_comparator

    if nature in {"定性", "定量"}:
        return ""
    if not has_han(nature) or any(ch.isdigit() for ch in nature):
        return nature  # a symbol (≥, ＝, ﹦) reads as it is
    comparator = parse_comparator(nature)
    if comparator == "qualitative":
        return ""
    return _SYMBOLS.get(comparator or "", nature)


def split_target_text(nature: str, value: str, unit: str) -> str:
    """Glue 指标性质 + 指标值 + 度量单位 back into one target text ('≥' '95' '%' → '≥95%').

    This is the text a reader of the row sees, used as the target's raw text and to give a bare
    actual its unit.
    """
    nature = _nature_symbol(nature.strip())
    if is_blank(value):
        return ""
    unit = "" if is_blank(unit) or unit.strip() in value else unit.strip()
    return f"{nature}{value.strip()}{unit}"


_NAME_UNIT = lazy_compile(r"[（(]\s*(?:单位[:：]?)?\s*([^（）()\d\s]{1,6})\s*[）)]\s*$")


def name_unit(name: str) -> str | None:
    """The unit a name prints in trailing brackets — '校舍面积（平方米）' → '平方米', '成本(元)' → '元' —
    when it is a known unit (not '（试点）'): the unit of the row's bare numbers."""
    from reportparse.normalise.units import canonical_unit

    match = _NAME_UNIT.search(name or "")
    if match is None or canonical_unit(match.group(1)) is None:
        return None
    return match.group(1)


#: a name that ends in a figure and its unit: '项目总成本48.50万元'
_NAME_FIGURE = lazy_compile(r"(\d+(?:\.\d+)?)\s*([^\d\s（）()，,。.]{1,4})\s*$")
#: a bare figure, maybe with its comparator: '48.50', '≤48.50'
_BARE_FIGURE = lazy_compile(r"^\s*[≤≥<>＜＞=＝]?\s*(\d+(?:\.\d+)?)\s*$")


def name_figure_unit(name: str, target_text: str) -> str | None:
    """The unit of a bare target that repeats the figure its name ends in: '项目总成本48.50万元' over 48.50 is 48.50
    万元 (the name states the figure with its unit, the target cell the figure alone)."""
    from reportparse.normalise.units import canonical_unit

    stated, bare = _NAME_FIGURE.search(name or ""), _BARE_FIGURE.match(target_text or "")
    if stated is None or bare is None or canonical_unit(stated.group(2)) is None:
        return None
    return stated.group(2) if Decimal(stated.group(1)) == Decimal(bare.group(1)) else None


def _repeats_target(target_text: str, comparator: str | None, quantity: Quantity, unit: str | None) -> bool:
    """Does a bound in the actual cell say what its target says (the same way, the same figure)? A target that
    cannot be read (none, or words only) is taken as repeated, as before a target was compared."""
    written = target(target_text, level="", name="", unit_hint=unit)
    if written.value is None or quantity.value is None:
        return True
    same_way = (comparator in (">=", ">")) == (written.comparator in (">=", ">", "="))
    units = (written.unit, quantity.unit)
    return same_way and written.value == quantity.value and (None in units or units[0] == units[1])


def actual(cell: Cell | None, target_text: str, ev: Evidence | None, unit_hint: str | None = None) -> Actual:
    """The 实际完成值 as an Actual(origin='table'); a bare number takes the target's written unit
    (else `unit_hint`, a unit printed in the indicator's name)."""
    evs = [ev] if ev else []
    if cell is None or is_blank(cell.text):
        raw = cell.text.strip() if cell is not None else ""
        return Actual(raw=raw, kind="empty", origin="table", evidence=evs)
    text = cell.text.strip()
    default_unit = unit_written(target_text) or unit_hint
    if cell.number is not None and "%" not in text:
        number: Decimal | None = cell.number
    else:
        number = plain_decimal(text)
    quantity: Quantity | None
    if number is not None:
        quantity = _scaled(number, text, default_unit)
    else:
        quantity = parse_quantity_text(text, default_unit=default_unit)
    if quantity is None or quantity.value is None:
        return Actual(raw=text, kind="qualitative", comparator="qualitative", origin="table", evidence=evs)
    if _RESTATED.search(text):
        from reportparse.normalise import parse_comparator

        comparator = parse_comparator(text)
        # the cell repeats its target ('不少于30分钟' under 不少于30分钟) instead of stating what was achieved; a
        # bound of another value ('≥85%' under ≥90%) states what was achieved, as '85%以上' does
        repeats = _repeats_target(target_text, comparator, quantity, default_unit)
        return Actual(raw=text, value=quantity.value, unit=quantity.unit, approx=quantity.approx,
                      upper=quantity.upper, comparator=comparator, kind="restated" if repeats else "measured",
                      origin="table", evidence=evs)
    at_least = _AT_LEAST.search(text) is not None
    return Actual(
        raw=text,
        value=quantity.value,
        unit=quantity.unit,
        approx=quantity.approx or at_least,
        upper=quantity.upper,
        comparator=">=" if at_least else None,
        kind="measured",
        origin="table",
        evidence=evs,
    )


def _scaled(number: Decimal, raw: str, unit: str | None) -> Quantity:
    """A bare number written in `unit`, brought to the canonical unit when the unit is known."""
    if unit is None:
        return Quantity(raw=raw, value=number, unit=None)
    quantity = parse_quantity_text(f"{_plain(number)}{unit}", default_unit=None)
    if quantity is not None and quantity.value is not None:
        return quantity.model_copy(update={"raw": raw})
    return Quantity(raw=raw, value=number, unit=unit)


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}" if number != number.to_integral_value() else str(int(number))


def parse_quantity_text(text: str, default_unit: str | None) -> Quantity | None:
    """`normalise.parse_quantity` (number, unit, approximation) with the form's default unit."""
    from reportparse.normalise import parse_quantity

    return parse_quantity(text, default_unit=default_unit)
