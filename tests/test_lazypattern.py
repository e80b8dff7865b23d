"""A lazy pattern answers as the compiled pattern does, and compiles only when first used."""

from __future__ import annotations

import re

from reportparse.lazypattern import lazy_compile

_SOURCE = r"(?P<n>\d+(?:\.\d+)?)\s*(万元|元)"
_TEXT = "预算 19.96 万元，执行 18 元，另 7 个"


def test_not_compiled_until_used() -> None:
    lazy = lazy_compile(_SOURCE)
    assert lazy._compiled is None
    assert lazy.search(_TEXT) is not None
    assert lazy._compiled is not None and lazy.compiled is lazy._compiled


def test_every_method_answers_as_re() -> None:
    lazy, plain = lazy_compile(_SOURCE, re.ASCII), re.compile(_SOURCE, re.ASCII)
    assert lazy.pattern == plain.pattern
    for pos in (0, 3, 12):
        for method in ("match", "fullmatch", "search"):
            got, want = getattr(lazy, method)(_TEXT, pos), getattr(plain, method)(_TEXT, pos)
            assert (got and got.span()) == (want and want.span())
        assert [m.span() for m in lazy.finditer(_TEXT, pos)] == [m.span() for m in plain.finditer(_TEXT, pos)]
        assert lazy.findall(_TEXT, pos) == plain.findall(_TEXT, pos)
    assert lazy.sub("¥", _TEXT) == plain.sub("¥", _TEXT)
    assert lazy.sub(lambda m: m["n"], _TEXT, 1) == plain.sub(lambda m: m["n"], _TEXT, 1)
    assert lazy.split(_TEXT) == plain.split(_TEXT)


def test_after_the_first_call_the_compiled_methods_are_called_directly() -> None:
    """The first call binds the compiled pattern's methods on the instance: later calls cost what a
    compiled pattern's do (the hot patterns are called thousands of times a report)."""
    lazy = lazy_compile(_SOURCE)
    assert lazy.match(_TEXT) is None  # the first call, through the class's method
    for method in ("match", "fullmatch", "search", "finditer", "findall", "sub", "split"):
        assert getattr(lazy, method).__self__ is lazy.compiled
    assert lazy.search(_TEXT) is not None and lazy.search(_TEXT)[0] == "19.96 万元"
