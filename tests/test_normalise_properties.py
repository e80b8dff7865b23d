"""Property tests: numbers and quantities round-trip through their written forms."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from reportparse.normalise import find_quantities, parse_number, parse_quantity

DIGITS = "零一二三四五六七八九"

# written unit → (canonical unit, scale)
UNITS: dict[str, tuple[str, Decimal]] = {
    "万元": ("元", Decimal(10_000)), "元": ("元", Decimal(1)), "亿元": ("元", Decimal(100_000_000)),
    "千元": ("元", Decimal(1000)), "天": ("h", Decimal(24)), "小时": ("h", Decimal(1)), "h": ("h", Decimal(1)),
    "周": ("h", Decimal(168)), "%": ("%", Decimal(1)), "部": ("部", Decimal(1)), "人次": ("人次", Decimal(1)),
    "个工作日": ("工作日", Decimal(1)), "GB": ("GB", Decimal(1)), "Mbps": ("Mbps", Decimal(1)),
}


def to_chinese(n: int) -> str:
    """Render 0 ≤ n < 100000 as a Chinese numeral the way a report writes it (10 → 十, 105 → 一百零五)."""
    if n == 0:
        return "零"
    out = ""
    pending_zero = False
    for value, name in ((10_000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += ("" if (digit == 1 and value == 10 and not out) else DIGITS[digit]) + name
    return out


def test_helper_renders_like_a_report() -> None:
    assert [to_chinese(n) for n in (10, 12, 105, 1200, 10500, 20001)] == [
        "十", "十二", "一百零五", "一千二百", "一万零五百", "二万零一"]


@given(st.integers(min_value=0, max_value=99_999))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(d: Decimal) -> None:
    assert parse_number(format(d, "f")) == d


@given(st.integers(min_value=1000, max_value=10**9))
def test_thousands_separators(n: int) -> None:
    assert parse_number(f"{n:,}") == n


@given(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(sorted(UNITS)),
    st.sampled_from(["", " "]),
)
def test_quantity_round_trip(d: Decimal, unit: str, space: str) -> None:
    quantity = parse_quantity(format(d, "f") + space + unit)
    canonical, scale = UNITS[unit]
    assert quantity is not None
    assert quantity.unit == canonical
    assert quantity.value == d * scale


@given(st.integers(min_value=0, max_value=10**6))
def test_full_width_digits(n: int) -> None:
    full = "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    assert parse_number(full) == n


_PIECES = st.sampled_from([
    "0", "1", "5", "95", "1.5", "1,234", "１２", "一", "两", "十", "百", "千", "万", "亿", "零", "五",
    "%", "％", "万元", "元", "天", "日", "h", "分钟", "周", "年", "月", "部", "人", "人次", "G", "M", "/", "每",
    "≥", "≤", ">", "<", "=", "﹦", "不少于", "不超过", "以上", "以内", "内", "多", "余", "约", "左右", "超",
    "-", "~", "至", "、", "（", "）", "(", ")", "含", "，", "。", " ", "第", "统", "百分之", "千分之", "¥",
    "满意度", "完成", "达到", "2021", "12月", "31日", "前",
])


@given(st.lists(_PIECES, max_size=14).map("".join))
def test_find_quantities_never_fails_and_quotes_the_text(text: str) -> None:
    previous_end = 0
    for match in find_quantities(text):
        assert previous_end <= match.start <= match.number_start < match.end <= len(text)
        assert match.quantity.raw == text[match.start:match.end].strip()
        assert match.quantity.value is not None
        previous_end = match.end
