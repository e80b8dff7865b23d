"""A fund row of a run-together 自评表 whose figures the dump glued: taken apart where the form says how.

A document-sharing site's preview runs a form's cells together, the 项目资金 block's figures with
them: '年度资金总额:1484631.00%' is 148 | 46 | 31.00%, '202010100.00%' is 20 | 20 | 10 | 100.00%.
The rate the row prints says where the cut is (执行数 / 预算数 is that rate), and the block's header
says how many columns stand before it; a 其中 row that repeats the total's amounts ('2020'), and a
total's 100 points glued to its score ('总分10098'), are cut the same way.
"""

from __future__ import annotations

import re
from decimal import Decimal

from reportparse.han import has_han
from reportparse.lazypattern import lazy_compile
from reportparse.parse.form.gluedcuts import FUND_AMOUNT, cuts
from reportparse.parse.form.labels import matches

#: A short bracketed note of a label: '(A)', '(B/A)', '(万元)'.
_NOTE = lazy_compile(r"[(（][^()（）]{1,12}[)）]")
_MAX_WEIGHT = 100


#: A run of digits and points ending in a percent: a fund row's amounts glued to their rate.
GLUED_FUND = lazy_compile(r"\d[\d.]{2,}[%％]")
#: The fund block's column labels before its 执行率 column (年初预算数, 全年预算数, 全年执行数, 分值).
_FUND_COLUMN_ROLES = ("budget.initial", "budget.planned", "budget.executed", "budget.weight")
#: A printed rate agrees with its amounts within this many points (a rate rounded to whole percents).
_FUND_RATE_SLACK = Decimal("0.6")
#: The highest rate a glued fund row is read with (an over-executed row prints more than 100%).
_FUND_MAX_RATE = 200
#: A printed rate: at most two decimals.
_FUND_RATE = lazy_compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")


def repeats(run: str, amounts: list[str]) -> list[str] | None:
    """A 其中 row's amounts glued without a rate ('2020' under a total read as 20 | 20 | …): the
    total's amounts again, when the run is exactly them; None otherwise."""
    for count in range(len(amounts), 1, -1):
        if run == "".join(amounts[:count]):
            return amounts[:count]
    return None


#: A total row's 分值 of 100 and its 得分 glued: '100100', '10096.5'.
_TOTAL_PAIR = lazy_compile(r"(100)((?:100|[1-9]?\d)(?:\.\d{1,2})?)")


def total_pair(run: str, weights: Decimal | None = None) -> list[str]:
    """'总分100100' → 100 100, '总分10096.5' → 100 96.5: after a total label, a run that opens with
    the form's 100 points and goes on to a score of at most 100 is that pair; or one that opens with the
    sum of the `weights` of the rows read above it (a form without its 项目资金 block: '总分8078' → 80 78),
    a score of at most that sum after it; [run] otherwise."""
    pair = _TOTAL_PAIR.fullmatch(run)
    if pair:
        return [pair.group(1), pair.group(2)]
    whole = f"{weights.normalize():f}" if weights else ""
    score = run[len(whole):]
    if weights and run.startswith(whole) and _SCORE.fullmatch(score) and Decimal(score) <= weights:
        return [whole, score]
    return [run]


#: A 得分 with no leading zero: '78', '97.5', '0'.
_SCORE = lazy_compile(r"(?:0|[1-9]\d{0,2})(?:\.\d{1,2})?")


def after_fund_label(cells: list[str], buffer: str) -> bool:
    """The run starts right after a fund row's label (年度资金总额, 其中：财政拨款, 地方资金; a colon
    after it), where the row's amounts begin."""
    label = _fund_label(cells, buffer)
    return bool(label) and has_han(label[-1:]) and (
        matches("budget.total_row", label) or matches("budget.fund_row", label))


def after_sub_row_label(cells: list[str], buffer: str) -> bool:
    """The run starts after a 其中 row's label: a row that leaves the block's 分值 column blank."""
    label = _fund_label(cells, buffer)
    return after_fund_label(cells, buffer) and not matches("budget.total_row", label)


def _fund_label(cells: list[str], buffer: str) -> str:
    return buffer.strip(":： ") or next((c for c in reversed(cells) if c.strip(":： ")), "").strip(":： ")


def fund_width(cells: list[str]) -> int | None:
    """How many figure columns stand before the 执行率 column of the fund block whose header the
    cells so far end in (全年预算数(A) 全年执行数(B) 分值 执行率 → 3); None when no such header came."""
    for index in range(len(cells) - 1, -1, -1):
        key = _NOTE.sub("", cells[index])
        if matches("budget.rate", key) and not matches("indicator.level1", key):
            before = 0
            while index - before - 1 >= 0 and any(
                    matches(r, _NOTE.sub("", cells[index - before - 1])) for r in _FUND_COLUMN_ROLES):
                before += 1
            return before or None
    return None


def fund_figures(run: str, width: int, sub_row: bool = False, total: tuple[str, ...] = ()) -> list[str] | None:
    """A fund row's figures glued to their rate ('1484631.00%', '202010100.00%', '194.9194.9100%'),
    taken apart the one way the rate allows: `width` figures (the columns before 执行率: the amounts,
    and a 分值 when the header has one) whose 执行数 / 预算数 is the printed rate — or, on a 其中 row
    (`sub_row`), one fewer, its 分值 left blank. Where several readings fit, the one whose amounts
    are the total row's (`total`: a 其中 row that is all of the money repeats them: '7.297.297.29100%'
    is 7.29 | 7.29 | 7.29, not 7.2 | 97.2 | 97.2 | 9). None when no reading, or still more than one, fits."""
    widths = (width, width - 1) if sub_row and width > 2 else (width,)
    return _rate_reading(run, widths, total) or _repeated_reading(run, widths)


def _rate_reading(run: str, widths: tuple[int, ...], total: tuple[str, ...]) -> list[str] | None:
    """The one reading of `fund_figures` whose 执行数 / 预算数 is the printed rate."""
    # the longest rate first: a shorter one is the tail of the printed rate ('100%' read as '0%'
    # after a last amount '…10')
    for cut in range(1, len(run) - 1):
        rate, digits = run[cut:-1], run[:cut]
        if not _FUND_RATE.fullmatch(rate) or Decimal(rate) > _FUND_MAX_RATE:
            continue
        if re.search(r"100(?:\.0+)?[%％]$", run) and Decimal(rate) != 100:
            return None  # a run ending in 100%: no other rate is the printed one ('…10' | '0%' is no reading)
        readings = [[*parts, run[cut:]] for count in widths for parts in cuts(digits, count, FUND_AMOUNT)
                    if _fund_fits(parts, Decimal(rate))]
        if len(readings) > 1 and total:
            readings = [parts for parts in readings if _is_total(_amounts_of(parts[:-1]), total)]
        if readings:
            return readings[0] if len(readings) == 1 else None
    return None


def _repeated_reading(run: str, widths: tuple[int, ...]) -> list[str] | None:
    """A fund row whose amounts are all one figure, glued: '3555035550355501082.12%' is 35550 | 35550 | 35550 | 10
    | 82.12%, the same digits three times and a 分值 after them. A rate that disagrees with the amounts is what the
    checks report, so the rate cannot say where the cut is here; the repetition does, when exactly one reading
    repeats so (what follows the amounts is a whole 分值 of at most 100 where the header has that column)."""
    readings: list[list[str]] = []
    for cut in range(2, len(run) - 1):
        rate, digits = run[cut:-1], run[:cut]
        if run[-1] not in "%％" or not _FUND_RATE.fullmatch(rate) or Decimal(rate) > _FUND_MAX_RATE:
            continue
        for count in widths:
            for amounts in {count, count - 1}:
                weighted = amounts < count
                for size in range(1, len(digits) // max(amounts, 1) + 1):
                    amount, weight = digits[:size], digits[size * amounts:]
                    if amounts < 2 or digits[:size * amounts] != amount * amounts or not FUND_AMOUNT.fullmatch(amount):
                        continue
                    if weighted != bool(weight) or (weight and (not weight.isdigit() or weight[0] == "0"
                                                                or int(weight) > _MAX_WEIGHT)):
                        continue
                    readings.append([*([amount] * amounts), *([weight] if weight else []), run[cut:]])
    return readings[0] if len(readings) == 1 else None


def _is_total(amounts: list[str], total: tuple[str, ...]) -> bool:
    return amounts == list(total[:len(amounts)])


def _amounts_of(parts: list[str]) -> list[str]:
    """A fund reading's amounts, without the 分值 after them."""
    weighted = len(parts) >= 3 and "." not in parts[-1] and 0 < int(parts[-1]) <= _MAX_WEIGHT
    return parts[:-1] if weighted else parts


def _fund_fits(parts: list[str], rate: Decimal) -> bool:
    """Budget and executed (after an 年初 amount when there are three amounts), maybe a 分值 after
    them, whose executed / budget is the rate."""
    amounts = _amounts_of(parts)
    if len(amounts) not in (2, 3):
        return False
    budget, executed = Decimal(amounts[-2]), Decimal(amounts[-1])
    if budget <= 0 or (rate == 0) != (executed == 0):
        return False  # a rate of 0 is nothing spent, not a sliver of the budget
    return abs(executed / budget * 100 - rate) <= _FUND_RATE_SLACK


def fund_row_amounts(cells: list[str]) -> list[str]:
    """The amounts a fund row's cells so far hold after its label ('年度资金总额 150万 150万
    125.25万' → 150 150 125.25); [] when the cells do not end in such a row's amounts."""
    amounts: list[str] = []
    for index in range(len(cells) - 1, -1, -1):
        number = _AMOUNT_CELL.fullmatch(cells[index])
        if number is None:
            return amounts[::-1] if amounts and after_fund_label(cells[:index + 1], "") else []
        amounts.append(number.group(1))
    return []


#: A fund row's amount cell: a number, maybe its unit.
_AMOUNT_CELL = lazy_compile(r"((?:0|[1-9]\d*)(?:\.\d+)?)(?:万元|万|元)?")


def weight_and_rate(run: str, amounts: list[str]) -> list[str] | None:
    """A fund row's 分值 glued to its 执行率 after the row's amounts ('150万 150万 125.25万 10083.5%' →
    10 | 83.5%): the one cut whose 分值 is a whole number of at most 100 and whose rate is the
    amounts' 执行数 / 预算数; None when none or several fit."""
    if len(amounts) < 2 or Decimal(amounts[-2]) <= 0:
        return None
    ratio = Decimal(amounts[-1]) / Decimal(amounts[-2]) * 100
    readings = [[run[:cut], run[cut:]] for cut in range(1, len(run) - 1)
                if FUND_AMOUNT.fullmatch(run[:cut]) and "." not in run[:cut]
                and 0 < int(run[:cut]) <= _MAX_WEIGHT and _FUND_RATE.fullmatch(run[cut:-1])
                and abs(Decimal(run[cut:-1]) - ratio) <= _FUND_RATE_SLACK]
    return readings[0] if len(readings) == 1 else None


def executed_and_rate(run: str, amounts: list[str]) -> list[str] | None:
    """A fund row's 执行数 glued to its 执行率 after its 预算数 ('40 3895%' → 38 | 95%): the one cut whose amount
    over the 预算数 is the rate; None when none or several fit."""
    if not amounts or Decimal(amounts[-1]) <= 0:
        return None
    readings = [[run[:cut], run[cut:]] for cut in range(1, len(run) - 1)
                if FUND_AMOUNT.fullmatch(run[:cut]) and _FUND_RATE.fullmatch(run[cut:-1])
                and abs(Decimal(run[:cut]) / Decimal(amounts[-1]) * 100 - Decimal(run[cut:-1])) <= _FUND_RATE_SLACK]
    return readings[0] if len(readings) == 1 else None


def cut_block_label(tokens: list[str]) -> list[str]:
    """A 项目资金 header whose block label ran onto its first column label ('预算执行情况（20分预算数(A)', the
    label's closing bracket lost with the gap): the label and the column label apart; the tokens unchanged when
    the first token is no such pair."""
    first = tokens[0] if tokens else ""
    for cut in range(len(first) - 2, 1, -1):  # (the longest label: its points are its own, '（20分')
        head, tail = first[:cut], first[cut:]
        if matches("form.budget_block", head) and any(
                matches(role, _NOTE.sub("", tail)) for role in ("budget.initial", "budget.planned")):
            return [head, tail, *tokens[1:]]
    return tokens


def cut_weight_rate(tokens: list[str], header: list[str]) -> list[str]:
    """A fund row printed one cell short of its block's header because its 分值 (or its 执行数) and 执行率 ran into
    one token ('年度资金总额 320 300 300 10100% 10' under '… 全年执行数 分值 执行率 得分'): that token
    stands under the header's 分值 with 执行率 next, and cuts into a whole 分值 and the rate the row's
    执行数 / 预算数 gives (10 | 100%). A token that reads as a rate whole ('100%' on a row that left its
    执行数 out) is that rate, and a cut rate of 0 needs nothing spent. The tokens unchanged when no
    token cuts so."""
    if len(tokens) != len(header) - 1:
        return tokens
    for at in range(1, len(tokens)):
        if at + 1 >= len(header) or not GLUED_FUND.fullmatch(tokens[at]):
            continue
        whole = tokens[at][:-1]
        if _FUND_RATE.fullmatch(whole) and Decimal(whole) <= _FUND_MAX_RATE:
            continue
        if not matches("budget.rate", _NOTE.sub("", header[at + 1])):
            continue
        amounts = fund_row_amounts(tokens[:at])
        if matches("budget.executed", _NOTE.sub("", header[at])):
            # (the 执行数 and its rate glued: '40 3895%' under 预算数 | 执行数 | 执行率; the row's label may be
            # the block label's unit wrapped under it, '（万元）': the 预算数 is the amount right before)
            budget = _AMOUNT_CELL.fullmatch(tokens[at - 1])
            planned = any(matches(role, _NOTE.sub("", header[at - 1])) for role in ("budget.planned", "budget.initial"))
            pair = executed_and_rate(tokens[at], [budget.group(1)]) if budget and planned else None
            if pair:
                return [*tokens[:at], *pair, *tokens[at + 1:]]
            continue
        if not matches("budget.weight", _NOTE.sub("", header[at])):
            continue
        split = weight_and_rate(tokens[at], amounts)
        if split and (Decimal(split[1][:-1]) == 0) == (Decimal(amounts[-1]) == 0):
            return [*tokens[:at], *split, *tokens[at + 1:]]
    return tokens
