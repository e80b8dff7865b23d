"""Computing the simple formulas a workbook stores without their result.

A workbook written by a program (never opened in Excel) may hold `=0.93+0` or `=SUM(C3:C9)` with no
cached value. Read as text, `=0.93+0` would be taken for 0.93 %; computed, it is 0.93 (93 % under a
percent format). Only arithmetic is computed here — numbers, cell references of the same sheet,
+ - * /, unary signs, the % operator, parentheses and SUM over references and ranges — with
Decimal and Excel's 15 significant digits; anything else (other functions, text, other sheets,
division by zero) gives None and the reader shows the formula and marks the result partial.
A dedicated formula engine (`formulas`, `pycel`) would pull numpy/scipy or networkx in for this.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext

from reportparse.lazypattern import lazy_compile

#: formulas longer than this, ranges larger and references nested deeper are not computed
MAX_FORMULA = 1_000
MAX_RANGE = 10_000
MAX_DEPTH = 20

_TOKEN = lazy_compile(
    r"\s*(?:(?P<range>\$?[A-Z]{1,3}\$?\d{1,7}:\$?[A-Z]{1,3}\$?\d{1,7})"
    r"|(?P<ref>\$?[A-Z]{1,3}\$?\d{1,7})(?![\w(!])"
    r"|(?P<number>\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?|\.\d+)"
    r"|(?P<func>SUM)\s*\("
    r"|(?P<op>[-+*/(),%]))"
)

#: a cell's value by (row, column): a number, None for an empty cell; raises _Unknown otherwise
Lookup = Callable[[int, int], Decimal | None]


class _Unknown(Exception):
    """The formula uses something this evaluator does not compute."""


def evaluate(formula: str, lookup: Lookup) -> Decimal | None:
    """The value of `=…` formula text, or None when it is not simple arithmetic."""
    text = formula.strip()
    if not text.startswith("=") or len(text) > MAX_FORMULA:
        return None
    try:
        tokens = _tokens(text[1:].upper())
        with localcontext() as ctx:
            ctx.prec = 28
            ctx.traps[DivisionByZero] = True
            ctx.traps[InvalidOperation] = True
            parser = _Parser(tokens, lookup)
            value = parser.expression()
            if parser.at < len(tokens):
                return None
            return Decimal(format(value, ".15g"))
    except (_Unknown, ArithmeticError, RecursionError):
        return None


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    at = 0
    while at < len(text):
        if text[at:].strip() == "":
            break
        m = _TOKEN.match(text, at)
        if m is None or m.lastgroup is None:
            raise _Unknown(text[at:at + 10])
        out.append((m.lastgroup, m.group(m.lastgroup)))
        at = m.end()
    return out


def column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index


def _cell(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d{1,7})", ref)
    if m is None:
        raise _Unknown(ref)
    return int(m.group(2)), column_index(m.group(1))


class _Parser:
    """Recursive descent over the tokens: expression := term (± term)*, term := unary (*/ unary)*."""

    def __init__(self, tokens: list[tuple[str, str]], lookup: Lookup) -> None:
        self.tokens = tokens
        self.lookup = lookup
        self.at = 0

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _take(self, kind: str, text: str | None = None) -> str:
        token = self._peek()
        if token is None or token[0] != kind or (text is not None and token[1] != text):
            raise _Unknown(str(token))
        self.at += 1
        return token[1]

    def _is(self, kind: str, *texts: str) -> bool:
        token = self._peek()
        return token is not None and token[0] == kind and (not texts or token[1] in texts)

    def expression(self) -> Decimal:
        value = self._term()
        while self._is("op", "+", "-"):
            sign = self._take("op")
            other = self._term()
            value = value + other if sign == "+" else value - other
        return value

    def _term(self) -> Decimal:
        value = self._unary()
        while self._is("op", "*", "/"):
            operator = self._take("op")
            other = self._unary()
            value = value * other if operator == "*" else value / other
        return value

    def _unary(self) -> Decimal:
        if self._is("op", "-", "+"):
            sign = self._take("op")
            value = self._unary()
            return -value if sign == "-" else value
        value = self._primary()
        while self._is("op", "%"):
            self._take("op")
            value = value / 100
        return value

    def _primary(self) -> Decimal:
        token = self._peek()
        if token is None:
            raise _Unknown("end")
        kind, text = token
        if kind == "number":
            self.at += 1
            return Decimal(text)
        if kind == "ref":
            self.at += 1
            return self._value(*_cell(text))
        if kind == "func":
            self.at += 1
            return self._sum()
        if kind == "op" and text == "(":
            self.at += 1
            value = self.expression()
            self._take("op", ")")
            return value
        raise _Unknown(text)

    def _sum(self) -> Decimal:
        total = Decimal(0)
        while True:
            if self._is("range"):
                total += self._range(self._take("range"))
            else:
                total += self.expression()
            if self._is("op", ","):
                self._take("op")
                continue
            self._take("op", ")")
            return total

    def _range(self, text: str) -> Decimal:
        first, last = (_cell(part) for part in text.split(":"))
        top, bottom = sorted((first[0], last[0]))
        left, right = sorted((first[1], last[1]))
        if (bottom - top + 1) * (right - left + 1) > MAX_RANGE:
            raise _Unknown(text)
        total = Decimal(0)
        for row in range(top, bottom + 1):
            for col in range(left, right + 1):
                total += self.lookup(row, col) or 0  # SUM skips empty cells
        return total

    def _value(self, row: int, col: int) -> Decimal:
        value = self.lookup(row, col)
        return Decimal(0) if value is None else value  # an empty cell counts as 0 in arithmetic


def lookup_in(cells: dict[tuple[int, int], object], formulas: dict[tuple[int, int], str]) -> Lookup:
    """A Lookup over one sheet: cached values, and uncached formulas computed in turn (no cycles)."""
    visiting: set[tuple[int, int]] = set()

    def lookup(row: int, col: int) -> Decimal | None:
        key = (row, col)
        if key in formulas:
            if key in visiting or len(visiting) >= MAX_DEPTH:
                raise _Unknown("cycle")
            visiting.add(key)
            try:
                value = evaluate(formulas[key], lookup)
            finally:
                visiting.discard(key)
            if value is None:
                raise _Unknown("formula")
            return value
        stored = cells.get(key)
        if stored is None:
            return None
        if isinstance(stored, bool) or not isinstance(stored, int | float | Decimal):
            raise _Unknown("text")
        return Decimal(format(stored, ".15g")) if isinstance(stored, float) else Decimal(stored)

    return lookup
